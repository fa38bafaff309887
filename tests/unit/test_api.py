from types import ModuleType

import newsbrief


def test_all_lists_every_public_name():
    public = {n for n, v in vars(newsbrief).items() if not n.startswith("_") and not isinstance(v, ModuleType)}
    assert sorted(newsbrief.__all__) == sorted(public)


def test_unknown_encoder_is_a_config_error():
    import pytest

    with pytest.raises(newsbrief.ConfigError, match="Available: auto, minilm, tfidf"):
        newsbrief.make_embedder("bert")

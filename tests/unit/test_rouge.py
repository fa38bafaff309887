"""ROUGE wrapper: numbers computable by hand."""

import pytest

from newsbrief.evaluate.rouge import mean_scores, rouge, truncate


def test_rouge1_partial_prediction():
    s = rouge("testing one two", "testing")["rouge1"]
    assert (s.precision, s.recall) == pytest.approx((1 / 3, 1.0))


def test_rouge2_counts_bigrams():
    # prediction bigrams: "the cat", "cat sat"; reference: "the cat", "cat ran"
    s = rouge("the cat sat", "the cat ran")["rouge2"]
    assert (s.precision, s.recall, s.fmeasure) == pytest.approx((0.5, 0.5, 0.5))


def test_stemming_is_on():
    assert rouge("rebels attacked", "rebel attacks")["rouge1"].fmeasure == pytest.approx(1.0)


def test_truncate_cuts_to_word_budget_and_keeps_lines():
    assert truncate("a b c\nd e f\ng", 4) == "a b c\nd"
    assert truncate("a b", 10) == "a b"


def test_words_budget_applies_before_scoring():
    # cut to 1 word, the prediction is just "alpha": precision 1, recall 1/2
    s = rouge("alpha gamma delta", "alpha beta", words=1)["rouge1"]
    assert (s.precision, s.recall) == pytest.approx((1.0, 0.5))


def test_several_references_mean_or_max():
    refs = ["alpha beta", "gamma delta"]
    mean = rouge("alpha beta", refs, multi="mean")["rouge1"]
    best = rouge("alpha beta", refs, multi="max")["rouge1"]
    assert mean.fmeasure == pytest.approx(0.5)
    assert best.fmeasure == pytest.approx(1.0)


def test_rouge_lsum_uses_sentence_lines():
    # Same sentences in the other order: LCS over the whole text finds one sentence,
    # summary-level LCS (one sentence a line) finds both.
    ref = "The army took the town. Rebels fled to the hills."
    pred = "Rebels fled to the hills.\nThe army took the town."
    assert rouge(pred, ref)["rougeLsum"].fmeasure == pytest.approx(1.0)


def test_no_reference_is_an_error():
    with pytest.raises(ValueError):
        rouge("x", [])


def test_mean_scores_macro_averages():
    a = rouge("alpha", "alpha")
    b = rouge("beta", "alpha")
    assert mean_scores([a, b])["rouge1"].fmeasure == pytest.approx(0.5)

"""ROUGE as the benchmark reports it: Google's ``rouge-score``, stemming on, F1, word budget.

Every prediction is cut to the same number of words before scoring, so a system cannot win
by writing more. ROUGE-Lsum needs one sentence a line (rouge_score splits on "\\n"), so
predictions and references are split into sentences with the project's own splitter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

# The metrics reported, in table order.
METRICS = ("rouge1", "rouge2", "rougeLsum")


@dataclass(frozen=True, slots=True)
class RougeScore:
    """One metric for one prediction, in [0, 1]."""

    precision: float
    recall: float
    fmeasure: float


def truncate(text: str, words: int) -> str:
    """The first ``words`` whitespace-separated words of ``text``, line breaks kept.

    Args:
        text: a summary, one sentence a line.
        words: the budget; a sentence that crosses it is cut mid-sentence.
    """
    out: list[str] = []
    left = words
    for line in text.splitlines():
        tokens = line.split()
        if not tokens or left <= 0:
            continue
        out.append(" ".join(tokens[:left]))
        left -= len(tokens[:left])
    return "\n".join(out)


def sentence_lines(text: str) -> str:
    """``text`` with one sentence a line (what ROUGE-Lsum expects)."""
    from ..segment import split_sentences

    return "\n".join(text[s:e] for s, e in split_sentences(text))


@lru_cache(maxsize=4)
def _scorer(metrics: tuple[str, ...]):
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(metrics), use_stemmer=True)


def rouge(prediction: str, references: str | Sequence[str], *, words: int | None = None,
          multi: Literal["mean", "max"] = "mean",
          metrics: Sequence[str] = METRICS) -> dict[str, RougeScore]:
    """ROUGE of one prediction against one or more references.

    Args:
        prediction: the summary, one sentence a line.
        references: the human summary, or several (MultiLing has three).
        words: cut the prediction to this many words first; ``None`` keeps it whole.
        multi: with several references, average each metric's P/R/F over them ("mean",
            the TAC convention) or keep the reference with the best F1 ("max", what
            ``RougeScorer.score_multi`` does).
        metrics: rouge_score metric names.

    Returns:
        Metric name -> ``RougeScore``.
    """
    refs = [references] if isinstance(references, str) else list(references)
    if not refs:
        raise ValueError("rouge() needs at least one reference summary.")
    if words is not None:
        prediction = truncate(prediction, words)
    scorer = _scorer(tuple(metrics))
    per_ref = [scorer.score(sentence_lines(r) if "rougeLsum" in metrics else r, prediction)
               for r in refs]
    out = {}
    for m in metrics:
        scores = [s[m] for s in per_ref]
        if multi == "max":
            best = max(scores, key=lambda s: s.fmeasure)
            out[m] = RougeScore(best.precision, best.recall, best.fmeasure)
        else:
            n = len(scores)
            out[m] = RougeScore(sum(s.precision for s in scores) / n,
                                sum(s.recall for s in scores) / n,
                                sum(s.fmeasure for s in scores) / n)
    return out


def mean_scores(scores: Sequence[dict[str, RougeScore]]) -> dict[str, RougeScore]:
    """Macro-average of per-cluster scores (each cluster counts once)."""
    if not scores:
        return {}
    n = len(scores)
    return {m: RougeScore(sum(s[m].precision for s in scores) / n,
                          sum(s[m].recall for s in scores) / n,
                          sum(s[m].fmeasure for s in scores) / n)
            for m in scores[0]}

"""Scoring summaries: ROUGE (``rouge``) and the baselines newsbrief is compared with."""

from .baselines import BASELINES, lead, lexrank, textrank
from .rouge import METRICS, RougeScore, mean_scores, rouge, truncate

__all__ = ["BASELINES", "METRICS", "RougeScore", "lead", "lexrank", "mean_scores", "rouge",
           "textrank", "truncate"]

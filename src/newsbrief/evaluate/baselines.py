"""Baseline summarisers the benchmark compares newsbrief with: Lead, LexRank and TextRank.

Every baseline gets the same cleaned articles as newsbrief and splits them into the same
sentences (``newsbrief.segment.split_sentences``), so only the choice of sentences differs.
LexRank and TextRank are sumy's implementations; sumy's default tokenizer needs NLTK's punkt
data, which cannot be downloaded here, so sumy is given a tokenizer built on our splitter.
Each baseline ranks sentences, takes the best until the word budget is full, and returns
them in document order (sumy's convention), one sentence a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..segment import split_sentences
from ..types import Article

Baseline = Callable[[Sequence[Article], int], str]

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*", re.UNICODE)


def sentences_of(article: Article) -> list[str]:
    return [article.text[s:e] for s, e in split_sentences(article.text)]


def _fill(texts: Sequence[str], words: int) -> list[str]:
    out, total = [], 0
    for t in texts:
        if total >= words:
            break
        out.append(t)
        total += len(t.split())
    return out


def lead(articles: Sequence[Article], words: int = 250) -> str:
    """First sentences of each article in turn (1st of each, then 2nd of each, ...).

    Args:
        articles: the story's articles, in input order.
        words: stop once this many words are taken.
    """
    per_article = [sentences_of(a) for a in articles]
    rounds = max((len(s) for s in per_article), default=0)
    interleaved = [s[i] for i in range(rounds) for s in per_article if i < len(s)]
    return "\n".join(_fill(interleaved, words))


class SplitterTokenizer:
    """sumy tokenizer on newsbrief's sentence splitter and a regex word pattern (no NLTK data)."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[s:e] for s, e in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


@lru_cache(maxsize=1)
def _sumy_parts():
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    return Stemmer("english"), frozenset(get_stop_words("english"))


def _document(articles: Sequence[Article]):
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = SplitterTokenizer()
    paragraphs = [Paragraph([SumySentence(t, tokenizer) for t in sentences_of(a)]) for a in articles]
    return ObjectDocumentModel([p for p in paragraphs if p.sentences])


def _sumy(summarizer_cls, articles: Sequence[Article], words: int) -> str:
    stemmer, stop_words = _sumy_parts()
    summarizer = summarizer_cls(stemmer)
    summarizer.stop_words = stop_words   # sumy is configured by mutation; kept inside here

    def budget(infos):                    # sumy passes the sentences best-rated first
        kept, total = [], 0
        for info in infos:
            if total >= words:
                break
            kept.append(info)
            total += len(str(info.sentence).split())
        return kept

    chosen = summarizer(_document(articles), budget)
    return "\n".join(str(s) for s in chosen)


def lexrank(articles: Sequence[Article], words: int = 250) -> str:
    """sumy's LexRank (Erkan & Radev 2004): centrality in the TF-IDF cosine graph."""
    from sumy.summarizers.lex_rank import LexRankSummarizer

    return _sumy(LexRankSummarizer, articles, words)


def textrank(articles: Sequence[Article], words: int = 250) -> str:
    """sumy's TextRank (Mihalcea & Tarau 2004): PageRank on word-overlap similarity."""
    from sumy.summarizers.text_rank import TextRankSummarizer

    return _sumy(TextRankSummarizer, articles, words)


BASELINES: dict[str, Baseline] = {"lead": lead, "lexrank": lexrank, "textrank": textrank}

"""Articles into sentences with character offsets (pysbd does the splitting)."""

from __future__ import annotations

import re
import threading

from .clean import is_junk_sentence
from .settings import SegmentSettings
from .types import Article, Sentence

_PARAGRAPH = re.compile(r"[^\n]+")


_local = threading.local()


def _splitter():
    """This thread's pysbd segmenter: a Segmenter keeps per-call state, so threads must not share one."""
    if not hasattr(_local, "segmenter"):
        import pysbd  # rule-based, survives U.N., Gen., initials, numbers and quotes

        _local.segmenter = pysbd.Segmenter(language="en", clean=False)
    return _local.segmenter


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``; never crosses a line break."""
    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        cursor = para.start()
        for piece in _splitter().segment(para.group()):
            piece = piece.strip()
            if not piece:
                continue
            start = text.find(piece, cursor, para.end())
            if start < 0:  # pysbd normalised something: fall back to the rest of the paragraph
                continue
            spans.append((start, start + len(piece)))
            cursor = start + len(piece)
    return spans


def segment(article: Article, settings: SegmentSettings = SegmentSettings()) -> tuple[Sentence, ...]:
    """Every sentence of ``article``, in order, as views onto ``article.text``.

    All sentences are returned (alignment and claims need them); ``is_candidate`` says which
    are fit to appear in a summary.
    """
    spans = split_sentences(article.text)
    return tuple(
        Sentence(id=f"{article.id}:{i}", article_id=article.id, text=article.text[s:e],
                 start=s, end=e, index=i, count=len(spans))
        for i, (s, e) in enumerate(spans)
    )


_OPEN_QUOTE_ONLY = re.compile(r"^[\"“][^\"”]*$")


def is_candidate(sentence: Sentence, settings: SegmentSettings = SegmentSettings()) -> bool:
    """Fit for a summary: a full sentence of reasonable length, not a question or a fragment."""
    words = sentence.text.split()
    if not settings.min_words <= len(words) <= settings.max_words:
        return False
    text = sentence.text
    if text.endswith(("?", ":", "...", "…")):
        return False  # a question, a lead-in, or text cut short ("signaling a compromise...")
    if _OPEN_QUOTE_ONLY.match(text) or text.count("“") != text.count("”"):
        return False  # half of a quotation split across sentences reads badly alone
    if is_junk_sentence(text):
        return False  # a caption, credit or headline inside a paragraph
    return text[0].isupper() or text[0] in "\"“'‘("


# A headline made of a first sentence is cut to this many characters.
MAX_HEADLINE = 120


def first_line(article: Article) -> str:
    """The article's first sentence on one line, cut to ``MAX_HEADLINE`` characters: a headline
    for a report that has no title."""
    sentences = segment(article)
    first = " ".join((sentences[0].text if sentences else article.text).split())
    return first if len(first) <= MAX_HEADLINE else first[:MAX_HEADLINE - 3].rstrip() + "..."

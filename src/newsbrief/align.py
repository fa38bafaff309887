"""Which sentences in different articles state the same information.

Embeddings alone miss paraphrases that name things differently and over-match sentences
on the same topic, so the similarity of two sentences combines four signals:

- meaning: cosine of their sentence embeddings;
- words: Dice overlap of their content-word stems;
- names: overlap of their capitalised names, spelling-normalised (Khaldiyeh ~ Khalidiya);
- numbers: overlap of the figures they state.

A signal that neither sentence has (no names, no numbers) is left out of the average
instead of counting as disagreement.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .settings import AlignSettings
from .types import Embeddings, Sentence, Support

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z'’-]+(?:\s+(?:al-|bin\s|ibn\s|de\s|van\s)?[A-Z][a-zA-Z'’-]+)*")
_NUMBER = re.compile(r"\b\d[\d,]*(?:\.\d+)?\b")

_STOPWORDS = frozenset("""a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your
yours yourself said says say told according mr mrs ms one two also would""".split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Porter stem of a lower-cased word (cached: news reuses a small vocabulary)."""
    from nltk.stem.porter import PorterStemmer

    return _porter(PorterStemmer).stem(word)


@lru_cache(maxsize=1)
def _porter(cls):
    return cls()


def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text`` (stop words and 1-letter tokens left out)."""
    words = (w.lower().strip("'’-") for w in _WORD.findall(text))
    return frozenset(stem(w) for w in words if len(w) > 1 and w not in _STOPWORDS and not w[0].isdigit())


def fold_name(name: str) -> str:
    """A spelling-tolerant key for a name: accents, articles and transliteration folded.

    "Khaldiyeh", "Khalidiya" and "Khalidiyah" share a key, as do "Hezbollah"/"Hizbollah".
    """
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\b(?:al|el|the)[- ]", "", s)
    s = re.sub(r"(?:iyeh|iyah|iya|ieh|ia|ah|eh)\b", "ia", s)      # feminine endings
    s = s.replace("ou", "u").replace("kh", "k").replace("dh", "d").replace("q", "k")
    s = re.sub(r"[aeiouy]", "", s)                                  # vowels vary most
    s = re.sub(r"(.)\1+", r"\1", s)                                 # doubled letters
    return re.sub(r"[^a-z0-9]", "", s)


def names(text: str) -> frozenset[str]:
    """Folded keys of the capitalised names in ``text`` (not the sentence's first word)."""
    keys = set()
    for m in _NAME.finditer(text):
        for part in m.group().split():
            key = fold_name(part)
            if len(key) >= 2 and part.lower() not in _STOPWORDS:
                keys.add(key)
    return frozenset(keys)


def numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


def _overlap_matrix(sets: Sequence[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise intersection sizes and set sizes, via one sparse product."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, s in enumerate(sets):
        for item in s:
            rows.append(i)
            cols.append(vocab.setdefault(item, len(vocab)))
    n = len(sets)
    if not vocab:
        return np.zeros((n, n), dtype=np.float32), np.zeros(n, dtype=np.float32)
    m = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(vocab)))
    inter = (m @ m.T).toarray()
    return inter, np.asarray(m.sum(axis=1)).ravel()


def _dice(inter: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    total = sizes[:, None] + sizes[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        dice = np.where(total > 0, 2 * inter / total, 0.0)
    present = (sizes[:, None] > 0) | (sizes[None, :] > 0)
    return dice, present


def _cosine(sentences: Sequence[Sentence], embeddings: Embeddings) -> tuple[np.ndarray, np.ndarray]:
    """Embedding cosine of every pair, and where it is known (both sentences embedded)."""
    n = len(sentences)
    row = {sid: k for k, sid in enumerate(embeddings.ids)}
    at = np.array([row.get(s.id, -1) for s in sentences], dtype=np.int64)
    has = at >= 0
    cos = np.zeros((n, n), dtype=np.float32)
    known = np.nonzero(has)[0]
    if len(known):        # only the embedded few: most sentences are compared on words alone
        vectors = embeddings.vectors[at[known]]
        cos[np.ix_(known, known)] = np.clip(vectors @ vectors.T, 0.0, 1.0)
    return cos, (has[:, None] & has[None, :])


@dataclass(frozen=True, slots=True, eq=False)
class Overlaps:
    """The model-free signals of every pair: Dice overlap of words, names and numbers."""

    words: np.ndarray
    names: np.ndarray
    names_present: np.ndarray     # either sentence has a name
    numbers: np.ndarray
    numbers_present: np.ndarray


def overlaps(sentences: Sequence[Sentence]) -> Overlaps:
    """Word, name and number overlap of every pair of ``sentences``."""
    texts = [s.text for s in sentences]
    words, _ = _dice(*_overlap_matrix([content_stems(t) for t in texts]))
    ents, ents_present = _dice(*_overlap_matrix([names(t) for t in texts]))
    nums, nums_present = _dice(*_overlap_matrix([numbers(t) for t in texts]))
    return Overlaps(words, ents, ents_present, nums, nums_present)


def similarity(sentences: Sequence[Sentence], embeddings: Embeddings,
               settings: AlignSettings = AlignSettings(), lexical: Overlaps | None = None) -> np.ndarray:
    """Pairwise similarity in [0, 1] of ``sentences``.

    ``embeddings`` may cover only some of the sentences (embedding is the expensive step, so
    the pipeline embeds only those that can be selected). For a pair with a sentence left
    unembedded, the meaning signal is left out of the average like an absent name or number,
    and the words, names and numbers decide. ``lexical`` is ``overlaps(sentences)`` when the
    caller already has it.
    """
    if not sentences:
        return np.zeros((0, 0), dtype=np.float32)
    cos, cos_present = _cosine(sentences, embeddings)
    o = lexical if lexical is not None else overlaps(sentences)
    num = (settings.embedding_weight * cos * cos_present + settings.lexical_weight * o.words
           + settings.entity_weight * o.names * o.names_present
           + settings.number_weight * o.numbers * o.numbers_present)
    den = (settings.embedding_weight * cos_present + settings.lexical_weight * 1.0
           + settings.entity_weight * o.names_present + settings.number_weight * o.numbers_present)
    return (num / den).astype(np.float32)


def align(sentences: Sequence[Sentence], sim: np.ndarray,
          settings: AlignSettings = AlignSettings()) -> dict[str, Support]:
    """For each sentence, the best-matching sentence of every other article above the bar.

    Args:
        sentences: sentences of all articles of one story.
        sim: their pairwise similarity (from ``similarity``).
        settings: ``same_fact`` is the bar.

    Returns:
        Sentence id -> ``Support`` (supporters best first, at most one per other article).
    """
    article_of = np.array([s.article_id for s in sentences])
    out: dict[str, Support] = {}
    for i, s in enumerate(sentences):
        best: dict[str, tuple[float, str]] = {}
        for j in np.nonzero(sim[i] >= settings.same_fact)[0]:
            other = article_of[j]
            if other == s.article_id:
                continue
            score = float(sim[i, j])
            if other not in best or score > best[other][0]:
                best[other] = (score, sentences[j].id)
        ranked = sorted(((sid, score) for score, sid in best.values()), key=lambda x: (-x[1], x[0]))
        out[s.id] = Support(s.id, tuple(ranked))
    return out

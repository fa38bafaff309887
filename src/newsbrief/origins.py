"""Which articles share one origin: the same wire copy, or passages copied from one another.

Two outlets running the same AFP dispatch are one source, not two: corroboration must count
*origins*. Articles are grouped when

- they credit the same news agency ("(AFP)", "told AFP", "BEIRUT (AP)", "(AP Photo)",
  "Reuters contributed"), or
- they share near-identical sentences or long quotes (copy, light rewrite or shared wire text), or
- most of one is found nearly verbatim, sentence by sentence, inside the other (a retelling).

Every group keeps a reason a reader can check. An article with no such link is its own origin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .types import Article, Origin, Sentence

# Credit lines that say an agency wrote (part of) the article, by agency. A bare mention of an
# agency ("AFP reported earlier") is also a credit: the passage is that agency's copy.
# Photo credits ("(AP Photo/...)") and a bare "(AP)" after a caption do not count: outlets buy
# agency photos for their own stories (multinews-4679, -23526: Washington Post text, AP photos).
# A dateline credit is followed by a dash: "BEIRUT (AP) —".
_DATELINE = r"\((?:{0})\)\s*[-—–]|^\s*\((?:{0})\)"
WIRE_CREDITS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("AFP", re.compile(_DATELINE.format("AFP") + r"|\bAFP\s+(?:contributed|reported)|\b(?:told|to)\s+AFP\b"
                       r"|\bAgence France[- ]Presse (?:contributed|reported)", re.M)),
    ("AP", re.compile(_DATELINE.format("AP|The Associated Press") + r"|\bAssociated Press"
                      r"(?: writers?)? contributed|\b(?:told|to|provided) (?:The|the) Associated Press\b"
                      r"|\btold (?:the )?AP\b|\bAP's reporting\b", re.M)),
    ("Reuters", re.compile(_DATELINE.format("Reuters") + r"|\bReuters contributed|\b(?:told|to)\s+Reuters\b"
                           r"|\bReporting by\b.{0,80}\bEditing by\b", re.S | re.M)),
)

# Two sentences at or above this rapidfuzz ratio (0-100) are the same text, lightly edited
# (the AFP pair in examples/homs-2013 runs 90-100; independent reports of one event stay < 75).
NEAR_IDENTICAL_RATIO = 88.0

# Sentences shorter than this (in words) are too generic to prove copying ("He added.").
MIN_COPY_WORDS = 8

# Shared near-identical sentences needed to call two articles one origin. Two, because a single
# shared sentence is often a quote both outlets took from the same press release or speech.
MIN_SHARED_SENTENCES = 2

# One news cycle: reports this many days apart or more are separate reports, whatever they
# share (a wire story runs everywhere within a cycle, while a later report of a developing story
# reuses the earlier one's background and quotes the same agencies as its own), and their
# figures describe different states of a moving story (``conflicts``).
NEWS_CYCLE_DAYS = 3

# A retelling: this share or more of the shorter article's sentences (quotes too: a rewrite keeps
# them) are contained nearly verbatim (rapidfuzz partial_ratio >= ``CONTAINED_RATIO``) in the
# other's, for an article of at least ``MIN_RETOLD_SENTENCES`` such sentences (one story rewritten
# runs 0.6-1.0 on the labelled sets; independent reports of one event stay <= 0.4).
RETOLD_SHARE = 0.6
# ... and they make up at least this share of the longer article's text too: a short piece
# quoted whole inside a much longer one (a newsletter reproducing a statement or a story) is a
# quotation there, not a retelling (the labelled retelling runs 0.7; quoted pieces 0.04-0.07).
RETOLD_LONG_SHARE = 0.3
CONTAINED_RATIO = 90.0
MIN_RETOLD_SENTENCES = 5


def wire_credits(article: Article) -> dict[str, str]:
    """Agencies credited in ``article``: agency -> the first credit as written."""
    found: dict[str, str] = {}
    for agency, pattern in WIRE_CREDITS:
        m = pattern.search(_credited_text(article))
        if m:
            found[agency] = " ".join(m.group().split())
    return found


def _credited_text(article: Article) -> str:
    # clean() takes datelines and photo credits out of the text ("BEIRUT (AP) —"), but they
    # are the clearest credit there is: search the removed lines too
    return "\n".join((article.text, *article.removed))


def _main_credit(article: Article) -> tuple[str, str] | None:
    """The agency credited most often (an article may quote one wire and run another)."""
    best: tuple[int, str, str] | None = None
    text = _credited_text(article)
    for agency, pattern in WIRE_CREDITS:
        hits = pattern.findall(text)
        if hits and (best is None or len(hits) > best[0]):
            first = pattern.search(text)
            best = (len(hits), agency, " ".join(first.group().split()))
    return (best[1], best[2]) if best else None


def shared_sentences(a: Sequence[Sentence], b: Sequence[Sentence]) -> list[tuple[Sentence, Sentence, float]]:
    """Pairs of near-identical sentences of two articles (each sentence used once), best first."""
    return _shared(_own(a), _own(b))


def _own(sentences: Sequence[Sentence]) -> tuple[list[Sentence], list[str]]:
    """An article's own-text sentences and their normalised texts (prepared once per article)."""
    own = [s for s in sentences if _is_own_text(s)]
    return own, [_norm(s.text) for s in own]


def _shared(a: tuple[list[Sentence], list[str]], b: tuple[list[Sentence], list[str]]):
    from rapidfuzz import fuzz, process

    (left, left_texts), (right, right_texts) = a, b
    if not left or not right:
        return []
    scores = process.cdist(left_texts, right_texts, scorer=fuzz.ratio, score_cutoff=NEAR_IDENTICAL_RATIO,
                           workers=1)
    pairs, used = [], set()
    for i, j in sorted(zip(*scores.nonzero()), key=lambda ij: (-scores[ij], ij)):
        if i in used or ("r", j) in used:
            continue
        used.update({i, ("r", j)})
        pairs.append((left[i], right[j], float(scores[i, j])))
    return pairs


def _long(sentences: Sequence[Sentence]) -> list[str]:
    """An article's sentences long enough to prove copying, normalised (quotes kept)."""
    return [_norm(s.text) for s in sentences if len(s.text.split()) >= MIN_COPY_WORDS]


def retold_share(a: list[str], b: list[str]) -> float:
    """Share of the shorter article's sentences found nearly verbatim inside the other's
    (``_long`` texts); 0.0 when it has fewer than ``MIN_RETOLD_SENTENCES``, or when the
    sentences they match are less than ``RETOLD_LONG_SHARE`` of the longer one's text."""
    from rapidfuzz import fuzz, process

    short, other = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_RETOLD_SENTENCES:
        return 0.0
    found = process.cdist(short, other, scorer=fuzz.partial_ratio, score_cutoff=CONTAINED_RATIO, workers=1) > 0
    size = np.array([len(t) for t in other], dtype=float)     # in characters: a run of quoted
    if size[found.any(axis=0)].sum() < RETOLD_LONG_SHARE * size.sum():   # sentences splits as one
        return 0.0
    return float(found.any(axis=1).mean())


def _is_own_text(s: Sentence) -> bool:
    # A quotation proves nothing about origin: every outlet quotes the same statement or tweet.
    return len(s.text.split()) >= MIN_COPY_WORDS and not re.search(r'["“”]', s.text)


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "…": "..."})


def _norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


def group_origins(articles: Sequence[Article], sentences: Sequence[Sentence]) -> tuple[Origin, ...]:
    """Group articles into independent origins, each with the reason it was grouped.

    Args:
        articles: the reports of one story.
        sentences: their sentences (from ``segment``), any order.

    Returns:
        One ``Origin`` per independent origin, in article order; every article is in exactly one.
    """
    ids = [a.id for a in articles]
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    reasons: dict[frozenset[str], str] = {}
    credits = {a.id: _main_credit(a) for a in articles}
    by_article: dict[str, list[Sentence]] = {i: [] for i in ids}
    for s in sentences:
        if s.article_id in by_article:
            by_article[s.article_id].append(s)
    prepared = {i: _own(by_article[i]) for i in ids}   # not once per pair: n articles, n² pairs
    long = {i: _long(by_article[i]) for i in ids}
    published = {a.id: a.published for a in articles}
    for x, a in enumerate(ids):
        for b in ids[x + 1:]:
            pa, pb = published[a], published[b]
            if pa is not None and pb is not None and abs((pa - pb).days) >= NEWS_CYCLE_DAYS:
                continue
            why = []
            ca, cb = credits[a], credits[b]
            if ca and cb and ca[0] == cb[0]:
                why.append(f"both credit {ca[0]} ({ca[1]!r} / {cb[1]!r})")
            shared = _shared(prepared[a], prepared[b])
            if len(shared) >= MIN_SHARED_SENTENCES:
                example = shared[0][0].text
                example = example if len(example) <= 80 else example[:77] + "..."
                why.append(f"{len(shared)} near-identical sentences, e.g. {example!r}")
            elif (share := retold_share(long[a], long[b])) >= RETOLD_SHARE:
                why.append(f"one text retold: {share:.0%} of the shorter one's sentences in the other nearly verbatim")
            if why:
                reasons[frozenset((a, b))] = "; ".join(why)
                parent[find(b)] = find(a)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        if len(members) == 1:
            credit = credits[members[0]]
            reason = (f"independent: credits {credit[0]} only" if credit
                      else "independent: no shared wire credit or copied passage")
        else:
            reason = " | ".join(f"{_label(ids, p)}: {r}" for p, r in reasons.items() if p <= set(members))
        out.append(Origin(tuple(members), reason))
    return tuple(out)


def _label(ids: list[str], pair: frozenset[str]) -> str:
    a, b = sorted(pair, key=ids.index)
    return f"[{ids.index(a) + 1}]+[{ids.index(b) + 1}]"


def origin_of(origins: Sequence[Origin]) -> dict[str, int]:
    """Article id -> index of its origin in ``origins``."""
    return {a: k for k, o in enumerate(origins) for a in o.article_ids}

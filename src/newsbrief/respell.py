"""One spelling per entity in the summary: "Khalidiya" in one report reads "Khaldiyeh" in the brief.

Extracted sentences keep their outlets' spellings, so a summary drawn from AFP and the BBC would
name one district twice over. Only *spellings of one form* are unified: variants with the same
words, each word a transliteration or typo of the other ("Khalidiya" / "Khaldiyeh", "Bashar Assad"
/ "Bashar al-Assad", "Hizbollah" / "Hezbollah"). Short forms, titles and acronyms ("Assad",
"President Assad", "FSA") are different ways of naming, not of spelling, and stay as written.
The most common spelling wins. Each sentence records what it changed, so renderers can show the
source's own spelling and the citations still point at the unchanged source text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from rapidfuzz import fuzz

from .spellings import CONNECTORS, fold_token
from .types import Brief, Entity, SummarySentence

# Two words are spellings of one word when their transliteration-folded forms are equal or at
# least this similar ("pirdili"/"purdili" for Perdili/Purdeli is 86; "basar"/"asad" is 44). The merge itself was
# decided by the entity stage; this is a second, word-by-word guard against respelling a
# different name that was merged as a short form.
SAME_WORD_SIMILARITY = 80


def _words(name: str) -> tuple[str, ...]:
    """Lower-cased ASCII words of a name without particles; titles stay ("President" is a word)."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[\s\-‐–]+", name.lower()) if w]
    words = [re.sub(r"[^\w]", "", w) for w in words]
    return tuple(w for w in words if w and w not in CONNECTORS)


# Groups named by an adjective or plural ("Republicans", "German") change form with grammar, not
# spelling: "the Republican Party" must not become "the Republicans Party".
GRAMMATICAL_TYPES = frozenset({"NORP"})


# What can be rewritten: a name as names are written, capitalised, with no "/" or brackets
# ("ABC/Washington Post" and "basic underwater demolition/SEAL" are not spellings of a name).
_NAME = re.compile(r"[A-Z][\w .'’\-]*$")


def _raw_words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-‐–]+", name) if w]


def _style_only(a: str, b: str) -> bool:
    """Case or punctuation apart ("Mr. Trump" / "Mr Trump", "Republican party"): house style."""
    return re.sub(r"\W", "", a.lower()) == re.sub(r"\W", "", b.lower())


def _rewritable(source: str, chosen: str) -> bool:
    """``source`` may be rewritten as ``chosen``: the same words, in a name's shape.

    Never fewer words than the source ("Al Gore" is not "Gore": "Al" is his name, not a particle),
    never a name cut at a particle ("St. James of"), never all capitals (acronyms have their own
    styles), never a change of case or punctuation alone.
    """
    if not (_NAME.match(source) and _NAME.match(chosen)):
        return False
    if len(_words(source)) != len(_words(chosen)) or not _words(source):
        return False
    if source.isupper() or chosen.isupper() or _style_only(source, chosen):
        return False
    raw_a, raw_b = _raw_words(source), _raw_words(chosen)
    return len(raw_b) >= len(raw_a) and not any(
        w[0].lower() in CONNECTORS or w[-1].lower() in CONNECTORS for w in (raw_a, raw_b))


def _spelling_of(source: str, chosen: str) -> bool:
    """``source`` is ``chosen`` spelled otherwise, word for word."""
    return _rewritable(source, chosen) and all(
        _same_word(x, y) for x, y in zip(_words(source), _words(chosen)))


def _same_word(x: str, y: str) -> bool:
    """One word spelled two ways; a word and its own extension ("German"/"Germany", "Sherman"/
    "Shermans", "Matt"/"Matthew") is grammar or a short form, not a spelling."""
    fx, fy = fold_token(x), fold_token(y)
    if fx == fy:
        return True
    if fx.startswith(fy) or fy.startswith(fx):
        return False
    swapped = sorted(fx) == sorted(fy) and sum(a != b for a, b in zip(fx, fy)) == 2   # "Khadiliya"
    return swapped or fuzz.ratio(fx, fy) >= SAME_WORD_SIMILARITY


def spelling_map(entity: Entity) -> dict[str, str]:
    """Each minority spelling of ``entity`` mapped to the most common spelling of the same form."""
    if entity.type in GRAMMATICAL_TYPES:
        return {}
    ranked = sorted(entity.variants, key=lambda v: (-v.count, v.text != entity.name, v.text))
    groups: list[list[str]] = []        # each led by its most common spelling
    for v in ranked:
        group = next((g for g in groups if any(_spelling_of(v.text, m) for m in g)), None)
        if group is None:
            groups.append([v.text])
        else:
            group.append(v.text)         # a typo of a variant counts too ("Khadiliya" ~ "Khalidiya")
    return {m: g[0] for g in groups for m in g[1:] if _rewritable(m, g[0])}


# A direct quotation: its words are the speaker's (as translated by the outlet), left as written.
_QUOTE = re.compile(r'"[^"]*"|“[^”]*”')


def _words_pattern(names) -> re.Pattern:
    return re.compile(r"(?<![\w-])(" + "|".join(
        re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")


def respell_parts(text: str, spellings: dict[str, str]) -> list[tuple[str, str]]:
    """``text`` cut into (text, source spelling) parts: the spelling is "" where nothing changed.

    Mapped spellings are replaced as whole words, longest first, outside direct quotations.
    """
    if not spellings:
        return [(text, "")]
    pattern = _words_pattern(spellings)
    # Left alone: quotations, the chosen spellings already there ("Le Grand Départ" holds "Grand
    # Départ"), and a match that starts a longer name ("American" in "American Heart Association").
    kept = [m.span() for m in _QUOTE.finditer(text)]
    kept += [m.span() for m in _words_pattern(set(spellings.values())).finditer(text)]
    parts: list[tuple[str, str]] = []
    at = 0
    for m in pattern.finditer(text):
        if any(a <= m.start() < b for a, b in kept) or re.match(r"\s+[A-Z]", text[m.end():]):
            continue
        parts += [(text[at:m.start()], ""), (spellings[m.group(1)], m.group(1))]
        at = m.end()
    parts.append((text[at:], ""))
    return [p for p in parts if p[0]]


def respell(text: str, spellings: dict[str, str]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` in the chosen spellings, and the (source, chosen) pairs it changed."""
    parts = respell_parts(text, spellings)
    changed = tuple(dict.fromkeys((source, chosen) for chosen, source in parts if source))
    return "".join(chosen for chosen, _ in parts), changed


def respell_summary(brief: Brief) -> Brief:
    """The brief with every summary sentence in the story's most common spellings.

    Needs ``brief.entities`` (``describe_entities``); a brief without them is returned as is.
    """
    spellings: dict[str, str] = {}
    for e in brief.entities:
        for source, chosen in spelling_map(e).items():
            spellings.setdefault(source, chosen)
    summary: list[SummarySentence] = []
    for s in brief.summary:
        text, changed = respell(s.text, spellings)
        summary.append(replace(s, text=text, respelled=changed) if changed else s)
    return replace(brief, summary=tuple(summary))

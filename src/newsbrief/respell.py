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
from dataclasses import replace

from rapidfuzz import fuzz

from .spellings import CONNECTORS, fold_token
from .types import Brief, Entity, SummarySentence

# Two words are spellings of one word when their transliteration-folded forms are at least this
# similar ("jur"/"jurit" for Jour/Jouret is 75; "basar"/"asad" is 44). The merge itself was
# decided by the entity stage; this is a second, word-by-word guard against respelling a
# different name that was merged as a short form.
SAME_WORD_SIMILARITY = 75


def _words(name: str) -> tuple[str, ...]:
    """Lower-cased words of a name without particles; titles stay ("President" is a word)."""
    words = [w for w in re.split(r"[\s\-‐–]+", name.lower().replace("’", "'")) if w]
    words = [re.sub(r"[^\w]", "", w) for w in words]
    return tuple(w for w in words if w and w not in CONNECTORS)


def _same_form(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if len(wa) != len(wb) or not wa or a.isupper() or b.isupper():
        return False
    return all(x == y or fuzz.ratio(fold_token(x), fold_token(y)) >= SAME_WORD_SIMILARITY
               for x, y in zip(wa, wb))


def spelling_map(entity: Entity) -> dict[str, str]:
    """Each minority spelling of ``entity`` mapped to the most common spelling of the same form."""
    ranked = sorted(entity.variants, key=lambda v: (-v.count, v.text != entity.name, v.text))
    heads: list[str] = []
    out: dict[str, str] = {}
    for v in ranked:
        head = next((h for h in heads if _same_form(h, v.text)), None)
        if head is None:
            heads.append(v.text)
        elif v.text != head:
            out[v.text] = head
    return out


# A direct quotation: its words are the speaker's (as translated by the outlet), left as written.
_QUOTE = re.compile(r'"[^"]*"|“[^”]*”')


def respell_parts(text: str, spellings: dict[str, str]) -> list[tuple[str, str]]:
    """``text`` cut into (text, source spelling) parts: the spelling is "" where nothing changed.

    Mapped spellings are replaced as whole words, longest first, outside direct quotations.
    """
    if not spellings:
        return [(text, "")]
    pattern = re.compile(r"(?<![\w-])(" + "|".join(
        re.escape(s) for s in sorted(spellings, key=len, reverse=True)) + r")(?![\w-])")
    quoted = [m.span() for m in _QUOTE.finditer(text)]
    parts: list[tuple[str, str]] = []
    at = 0
    for m in pattern.finditer(text):
        if any(a <= m.start() < b for a, b in quoted):
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

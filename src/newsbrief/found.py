"""Spellings the tagger never yields, found in the texts from names it did find.

The small spaCy model (and the capitalised-phrase fallback) misses many spellings of names it
tags elsewhere in the same story: another casing ("Obama administration", "GEOFF GARIN"), other
punctuation, abbreviations or numerals ("Kings Cross", "Old Colony Rd", "Treblinka 2"), a
social-media handle ("@gabrielsherman"), an acronym ("the ARB", "DCSAs"). Each finder here
reads the raw texts for such spellings of an already-found name and returns them as extra
``Mention``s; merging (``entities.merge_mentions``) then treats them as any other spelling.
A spelling tied to its name by the finder (a handle, an acronym) carries that name as its
``core`` and says why in ``why``, so its entity keeps the evidence.

Every finder starts from names found by the model: nothing here invents an entity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .align import content_stems
from .clean import REMOVED_DATELINE
from .dates import MONTH
from .spellings import CONNECTORS, NAME_ABBREVIATIONS, hypocorism, loose_key, name_tokens

# Single-word names are searched for in other casings only when this long and written in
# capitals ("GARIN"): a short or lower-case word is too often a common word ("trump", "US").
MIN_CASED_WORD = 4
# A handle's given-name part may be a prefix of the given name this long ("stephe" of
# "Stephanie"): shorter prefixes ("st") fit too many names.
MIN_HANDLE_PREFIX = 3
# Words handles add to a name when the name itself is taken or to say it is the real one
# ("realDonaldTrump", "DrPhil", "BBCWorldHQ"): stripped before the letters are compared.
HANDLE_PREFIXES = ("real", "the", "iam", "its", "dr", "mr", "mrs", "ms")
HANDLE_SUFFIXES = ("official", "real", "hq")
# Longest acronym read from a parenthesis or a capitalised token (letters and digits).
MAX_ACRONYM = 8
# Capitals read as a found name's initials without a definition in the text are this long at least:
# two capitals ("US", "AP") are the initials of too many names.
MIN_BARE_ACRONYM = 3
# Words read back from "(ABBR)" for its definition: an acronym's letters and a few "of"/"the".
DEFINITION_SLACK = 4

_HANDLE = re.compile(r"(?<![\w@])@([A-Za-z][A-Za-z0-9_]{2,14})\b")
# "Gabriel Sherman (@gabrielsherman)": a display name before its handle (read back from "(@")
_DISPLAY_HANDLE = re.compile(r"\(@([A-Za-z][A-Za-z0-9_]{2,14})\)")
# An embedded tweet's signature: "— Display Name (@handle) October 30, 2018"
_TWEET_SIGNATURE = re.compile(rf"\s*{MONTH}\s+\d{{1,2}},\s+\d{{4}}", re.I)
_DISPLAY_NAME = re.compile(r"([^\W\d_][^\s()—–-]*(?:[ \t]+[^\W\d_][^\s()—–-]*){1,3})[ \t]*$")
# "Accountability Review Board (ARB)", "Dependent Care Savings Accounts (DCSAs)", "(ISIS-GS)"
_PAREN_ACRONYM = re.compile(r"\((?:the\s+)?([A-Z][A-Z0-9&.\-]{1,10}?)(s?)\)")
_CAPS_TOKEN = re.compile(r"(?<![\w.@#])([A-Z][A-Z0-9&\-]*[A-Z0-9])(s?)(?![\w@])")
_WORD = re.compile(r"[\w.&'’\-]+")


@dataclass(frozen=True, slots=True)
class Found:
    """One spelling found in a text: where, as written, and the name it stands for."""

    article_id: str
    text: str          # as written: "GEOFF GARIN", "@gabrielsherman", "ARB"
    name: str          # the found name it is a spelling of ("" when ``text`` is a name itself)
    label: str
    line: str          # its line, for context words
    why: str           # evidence, one line
    alias: bool = False    # the text names ``name`` by another name ("Stephanie Clifford" of
                           # "Daniels"): kept even when the model found it, to join the two


def article_texts(article, caption_lines: Sequence[str]) -> tuple[str, ...]:
    """The texts of one article searched here: its body, its captions and its dateline, which
    cleaning took off ("HONOLULU (AP) —" spells the "Honolulu" of the text in capitals)."""
    return (article.text, *caption_lines, *(line for line in article.removed if REMOVED_DATELINE.match(line)))


@lru_cache(maxsize=4096)
def line_stems(line: str) -> frozenset[str]:
    return content_stems(line)


def _line_at(text: str, start: int) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    return text[lo:hi if hi >= 0 else len(text)]


# --- other casings --------------------------------------------------------------------------

def case_variants(texts: dict[str, tuple[str, ...]], names: dict[str, str]) -> list[Found]:
    """Other casings of found names ("Obama administration" of "Obama Administration",
    "GEOFF GARIN" of "Geoff Garin", "christine teigen" of "Christine Teigen").

    A casing is kept when it is a name's use, not a common word's: several words with at least
    one capital, or all in capitals; a person's several-word name also in lower case (display
    names of social media); a single word only in capitals and long enough. A match running
    into a capitalised word ("NEW YORK TIMES" for "New York") is a longer name's part, skipped.
    """
    story = "\n".join(t for ts in texts.values() for t in ts)
    lower = story.lower()
    # only names written in some other casing somewhere (cheap counts before a regex of them all)
    keys = {n.lower(): n for n in names if _casing_searchable(n) and lower.count(n.lower()) > story.count(n)}
    if not keys:
        return []
    pattern = re.compile(r"(?<![\w@#])(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+")
                                                      for k in sorted(keys, key=len, reverse=True)) + r")(?![\w@])",
                         re.I)
    out = []
    for aid, ts in texts.items():
        for text in ts:
            for m in pattern.finditer(text):
                surface = " ".join(m.group().split())
                name = keys.get(surface.lower())
                if name is None or surface == name or not _name_casing(surface, names[name]):
                    continue
                if _runs_on(text, m.start(), m.end(), surface.isupper()):
                    continue
                out.append(Found(aid, surface, "", names[name], _line_at(text, m.start()),
                                 f"{surface!r}: {name!r} in other letter case"))
    return out


def _casing_searchable(name: str) -> bool:
    words = name.split()
    return any(c.isalpha() for c in name) and (len(words) >= 2 or len(name) >= MIN_CASED_WORD)


def _name_casing(surface: str, label: str) -> bool:
    words = surface.split()
    if surface.isupper():
        return len(re.sub(r"\W", "", surface)) >= MIN_CASED_WORD
    if len(words) < 2:
        return False
    if surface.islower():
        return label == "PERSON"
    return True


def _runs_on(text: str, start: int, end: int, upper: bool) -> bool:
    """The match continues into a neighbouring capitalised word (part of a longer name)."""
    after = re.match(r"[ \t]+([\w'’]+)", text[end:])
    before = re.search(r"([\w'’]+)[ \t]+$", text[max(0, start - 40):start])
    if upper:
        return any(w and len(w.group(1)) >= 2 and w.group(1).isupper() for w in (after, before))
    return bool(after and after.group(1)[:1].isupper())


# --- loose spellings -------------------------------------------------------------------------

# Lower-case words that may stand inside a name's run of capitalised words ("Gang of Eight",
# "Bosnia and Herzegovina", "Johnson & Johnson"): its particles and function words.
_RUN_JOINERS = CONNECTORS | {"&", "on", "in", "at", "to", "y", "da", "di", "van", "von", "der", "den"}
# Most words of a run compared with a name: longer names are rare, longer runs headlines or lists.
MAX_RUN_WORDS = 8
# Letters and digits a name's loose key has at least: "K5" / "K-5" compare, a single letter never.
MIN_LOOSE_KEY = 2
# A word's own dot ("Rd.", "St.", "D.C."): an abbreviation's or initials', which the name may go on after.
_ABBREVIATION_DOT = re.compile(r"(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z])\.$")
_INITIALS_END = re.compile(r"(?:[A-Za-z]\.){2,}$")
_OPENING = "\"“‘'([{"
_CLOSING = ",;:)]}\"”?.!’'-‐"


def _key_of(name: str, label: str) -> tuple[str, ...]:
    """``loose_key`` of a found name: a person's plurals are kept (middle names differ so)."""
    return loose_key(name, label != "PERSON")


def loose_spellings(texts: dict[str, tuple[str, ...]], names: dict[str, str]) -> list[Found]:
    """Found names written with other punctuation, abbreviations or numerals ("Kings Cross" of
    "King's Cross", "AR15" of "AR-15", "Old Colony Rd" of "Old Colony Road", "Treblinka 2" of
    "Treblinka II", "Royal Marine Base Chivenor" of "Royal Marines Base Chivenor").

    A run of capitalised words (and the particles between them) whose ``loose_key`` is a found
    name's is that name. Other casings alone are ``case_variants``'s; a match going on into a
    capitalised word is a longer name's part, skipped.
    """
    by_key: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for n in sorted(names):
        key = _key_of(n, names[n])
        if len("".join(key)) >= MIN_LOOSE_KEY:
            by_key[key].append(n)
    firsts = frozenset(key[0] for key in by_key)
    out = []
    for aid, ts in texts.items():
        for text in ts:
            for run in _name_runs(text) if by_key else ():
                for start, end, owners in _longest_matches(text, run, by_key, names, firsts):
                    surface = " ".join(text[start:end].split())
                    written = _written(text, start, end)
                    if (any(_letters_cased_otherwise(o, w) for o in owners for w in written)
                            or _runs_on(text, start, end, surface.isupper())):
                        continue
                    name = owners[0]
                    out.append(Found(aid, surface, name, names[name], _line_at(text, start),
                                     f"{surface!r}: {name!r} with other punctuation, abbreviations or "
                                     f"numerals (both {' '.join(_key_of(name, names[name]))!r})"))
    return out


def _letters_cased_otherwise(name: str, surface: str) -> bool:
    """The same letters in another case ("It" / "I.T.", "I’m" / "IM", "Gang Of Eight"): a casing,
    which ``case_variants`` decides with its own guards, not a loose spelling."""
    a, b = re.sub(r"[\W_]", "", name), re.sub(r"[\W_]", "", surface)
    return a.lower() == b.lower() and a != b or name.lower() == surface.lower()


def _longest_matches(text: str, run: list[tuple[int, int, bool]], by_key: dict[tuple[str, ...], list[str]],
                     names: dict[str, str], firsts: frozenset[str]) -> list[tuple[int, int, list[str]]]:
    """The longest spans of a run, left to right, that spell found names other than as written:
    (start, end, the names). A span begins and ends with a capitalised word or a number, not a
    particle; a last word's possessive is left out ("Johnson & Johnson" of "Johnson & Johnson's":
    "Sherman's" is never the "Shermans").
    A span written as a found name is no other spelling, but a shorter one inside it may be ("K-5"
    of the model's "Meet K-5")."""
    out = []
    i = 0
    while i < len(run):
        word = text[run[i][0]:run[i][1]]
        whole = text[run[i][0]:].split(maxsplit=1)[0]    # with its possessive, as a longer span has it
        if not (_may_begin_a_key(word, firsts) or _may_begin_a_key(whole, firsts)):
            i += 1
            continue
        for j in range(min(len(run), i + MAX_RUN_WORDS) - 1, i - 1, -1):
            if not (run[i][2] and run[j][2]):
                continue
            end = run[j][1]
            if text[end - 1] == "." and not _INITIALS_END.search(text, run[j][0], end):
                end -= 1                        # a last word's dot may be a full stop: "Old Colony Rd."
            surface = " ".join(text[run[i][0]:end].split())
            owners = [n for key in dict.fromkeys((loose_key(surface), loose_key(surface, False)))
                      for n in by_key.get(key, ()) if _key_of(n, names[n]) == key]
            if owners and not _written(text, run[i][0], end) & names.keys():
                out.append((run[i][0], end, owners))
                i = j
                break
        i += 1
    return out


def _may_begin_a_key(word: str, firsts: frozenset[str]) -> bool:
    """Whether a span starting with ``word`` may have a found name's key, given the keys' first
    words: its own first key word is one, or abbreviates one ("Mt" of "Mount Everest"). Saves
    reading most spans of a run."""
    first = loose_key(word)[:1]
    return not first or first[0] in firsts or NAME_ABBREVIATIONS.get(first[0]) in firsts


def _written(text: str, start: int, end: int) -> set[str]:
    """The span as written, with and without the dot after it ("Apotex Inc." / "Apotex Inc")."""
    surface = " ".join(text[start:end].split())
    return {surface, surface + "." if text[end:end + 1] == "." else surface}


def _name_runs(text: str) -> list[list[tuple[int, int, bool]]]:
    """Runs of words that may spell a name: capitalised words, numbers and the particles between
    them, each word as (start, end without a possessive "'s", whether it may begin or end a name),
    without the punctuation around it. A comma, a colon, a closing quote, a dash or a sentence's
    full stop ends a run."""
    runs: list[list[tuple[int, int, bool]]] = []
    run: list[tuple[int, int, bool]] = []
    for m in re.finditer(r"[^\s—–]+", text):
        if run and text[m.start()] in _OPENING:
            runs.append(run)                # "NPR's “Planet Money”": a quoted title begins another name
            run = []
        start, end, goes_on = _word_span(text, m.start(), m.end())
        goes_on = goes_on and text[m.end():m.end() + 1] not in "—–"     # "TORONTO—": a dash ends a name
        word = text[start:end]
        capital = bool(word) and (word[0].isupper() or word[0].isdigit())
        if capital or (word and word.lower() == word and word in _RUN_JOINERS):
            owner = end - 2 if re.search(r"\w['’]s$", word) else end
            run.append((start, owner, capital))
        else:
            goes_on = False
        if not goes_on:
            runs.append(run)
            run = []
    runs.append(run)
    return [r for r in runs if r]


def _word_span(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """A whitespace token's word without the punctuation around it, and whether a name may go on
    after it. Kept: an abbreviation's dot ("Rd."), a dropped "g"'s apostrophe ("Talkin’"), a "!" the
    sentence goes on after ("Yahoo! denying")."""
    opened = start < end and text[start] in "‘'"
    while start < end and text[start] in _OPENING:
        start += 1
    word_end = end
    while word_end > start and text[word_end - 1] in _CLOSING:
        word_end -= 1
    word, tail = text[start:word_end], text[word_end:end]
    if not tail:
        return start, word_end, True
    if tail[:1] == "." and _ABBREVIATION_DOT.search(word + "."):
        return start, word_end + 1, tail == "."        # "Rd.", "St.", "D.C.,": with its dot
    if tail in ("’", "'") and not opened and word.endswith("in"):
        return start, end, True                        # "Talkin’": a dropped "g" (not "CBS’", a possessive)
    if tail == "!" and re.match(r"\s*[a-z(]", text[end:]):
        return start, end, False                       # "Yahoo! denying": the name's "!"
    return start, word_end, False


# --- social-media handles -------------------------------------------------------------------

def handle_names(handle: str, person: str) -> str:
    """How the handle spells the person's name ("" when it does not): the words run together
    ("gabrielsherman"), or a given name's nickname or prefix and the surname ("chrissyteigen",
    "stephmcneal"), with or without the words handles add ("realdonaldtrump", "drphil")."""
    h = re.sub(r"[^a-z]", "", handle.lower())
    words = [w for w in name_tokens(person) if w.isalpha()]
    if len(words) < 2 or len(h) < 2 * MIN_HANDLE_PREFIX:
        return ""
    pre = next((p for p in HANDLE_PREFIXES if h.startswith(p)), "")
    post = next((p for p in HANDLE_SUFFIXES if h.endswith(p)), "")
    for core in dict.fromkeys((h, h[len(pre):], h[:len(h) - len(post)], h[len(pre):len(h) - len(post)])):
        why = _handle_core(core, words)
        if why:
            return why + (f" ({h!r} with {', '.join(x for x in (pre, post) if x and x not in core)!r})"
                          if core != h else "")
    return ""


def _handle_core(h: str, words: list[str]) -> str:
    if h == "".join(words) or h == words[0] + words[-1]:
        return "the name's words run together"
    given = h[: len(h) - len(words[-1])] if h.endswith(words[-1]) else ""
    if len(given) >= MIN_HANDLE_PREFIX and words[0].startswith(given):
        return f"{given!r} (start of {words[0]!r}) and the surname"
    if given and hypocorism(given, words[0]):
        return f"{given!r} (a nickname of {words[0]!r}) and the surname"
    return ""


def handle_mentions(texts: dict[str, tuple[str, ...]], persons: Sequence[str]) -> list[Found]:
    """Handles ("@gabrielsherman") spelling a person's name, and display names before a handle
    ("christine teigen (@chrissyteigen)") when the handle spells them."""
    out = []
    for aid, ts in texts.items():
        for text in ts:
            if "@" not in text:
                continue
            shown = {}
            for h in _DISPLAY_HANDLE.finditer(text):
                m = _DISPLAY_NAME.search(text, max(0, h.start() - 80), h.start())
                if m is None:
                    continue
                display = " ".join(m.group(1).split()[-3:])
                line = _line_at(text, m.start())
                if handle_names(h.group(1), display):
                    shown[h.group(1).lower()] = display
                    out.append(Found(aid, display, "", "PERSON", line,
                                     f"{display!r}: the display name of '@{h.group(1)}'"))
                elif _TWEET_SIGNATURE.match(text, h.end()) and text[:m.start()].rstrip().endswith(("—", "–")):
                    # "— Amanda Terkel (@aterkel) October 30, 2018": an embedded tweet is signed
                    # with its account's display name and handle, however little they look alike
                    shown[h.group(1).lower()] = display
                    out.append(Found(aid, display, "", "NAME", line, ""))
                    out.append(Found(aid, "@" + h.group(1), display, "NAME", line,
                                     f"'@{h.group(1)}': handle of {display!r} (an embedded tweet's signature)"))
            for m in _HANDLE.finditer(text):
                h = m.group(1)
                owners = [(p, w) for p in ([shown[h.lower()]] if h.lower() in shown else persons)
                          for w in [handle_names(h, p)] if w]
                if len({name_tokens(p) for p, _ in owners}) == 1:
                    person, why = owners[0]
                    out.append(Found(aid, "@" + h, person, "PERSON", _line_at(text, m.start()),
                                     f"'@{h}': handle of {person!r} ({why})"))
    return out


# --- acronyms -------------------------------------------------------------------------------

def _letters(abbr: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", abbr).upper()


def initials(words: Sequence[str]) -> str:
    """The letters an acronym takes from ``words``: each word's first letter, a word in capitals
    or with dots whole ("U.S." -> "US", "ISIS"), particles ("of", "the") none."""
    out = []
    for w in words:
        bare = w.replace(".", "")
        if w.lower() in CONNECTORS or w.lower() in ("in", "on", "at", "to", "&"):
            continue
        if not bare[:1].isalpha() or not bare[:1].isupper():
            return ""
        out.append(bare.upper() if bare.isupper() and (len(bare) >= 2 or "." in w) else bare[0].upper())
    return "".join(out)


def acronym_of(abbr: str, name: str) -> bool:
    """``abbr``'s letters are ``name``'s initials ("ARB" of "Accountability Review Board", "USGS"
    of "U.S. Geological Survey", "ISIS-GS" of "ISIS in the Greater Sahara")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    letters = _letters(abbr)
    return len(words) >= 2 and 2 <= len(letters) <= MAX_ACRONYM and initials(words) == letters


def defined_acronyms(text: str) -> list[tuple[str, str, int]]:
    """"Long Name (ABBR)" in ``text``: (abbreviation, long name, offset) where the abbreviation's
    letters are the initials of the words just before the parenthesis."""
    out = []
    for m in _PAREN_ACRONYM.finditer(text):
        abbr = m.group(1).rstrip(".-")
        letters = _letters(abbr)
        if not 2 <= len(letters) <= MAX_ACRONYM or not any(c.isalpha() for c in letters):
            continue
        before = _WORD.findall(text[max(0, m.start() - 200):m.start()])
        for k in range(2, min(len(before), len(letters) + DEFINITION_SLACK) + 1):
            words = before[-k:]
            if words[0].lower() in CONNECTORS:
                continue
            if initials(words) == letters:
                out.append((abbr, " ".join(words).rstrip(",;:"), m.start()))
                break
    return out


def _singular(name: str) -> tuple[str, ...]:
    """The name's words, the last one without a plural "s" ("Review Boards" is "Review Board")."""
    words = name_tokens(name)
    return (*words[:-1], words[-1].removesuffix("s")) if words else words


def acronym_mentions(texts: dict[str, tuple[str, ...]], names: dict[str, str]) -> list[Found]:
    """Acronyms of the story's names: the long name defined before "(ABBR)" (found by the model
    or not), then every use of the acronym, and capitalised tokens that are the initials of
    exactly one found name of several words ("the ARB" of "Accountability Review Board")."""
    out: list[Found] = []
    defined: dict[str, tuple[str, str]] = {}      # letters -> (long name, label)
    for aid, ts in texts.items():
        for text in ts:
            for abbr, long, at in defined_acronyms(text):
                label = names.get(long, "ORG")
                defined.setdefault(_letters(abbr), (long, label))
                if long not in names:
                    out.append(Found(aid, long, "", label, _line_at(text, at),
                                     f"{long!r}: defined as {abbr!r}"))
    by_initials: dict[str, set[str]] = defaultdict(set)
    for n, label in names.items():
        if label != "PERSON" and " " in n and not n.isupper():
            words = [w for w in re.split(r"[\s\-]+", n) if w]
            if initials(words):
                by_initials[initials(words)].add(n)
    for aid, ts in texts.items():
        for text in ts:
            for m in _CAPS_TOKEN.finditer(text):
                abbr = m.group(1)
                letters = _letters(abbr)
                if letters in defined:
                    long, label = defined[letters]
                    why = f"{abbr!r}: acronym defined in the text as {long!r}"
                elif len({_singular(n) for n in by_initials.get(letters, ())}) == 1 and len(letters) >= MIN_BARE_ACRONYM:
                    long = min(by_initials[letters], key=lambda n: (len(n), n))
                    label, why = names[long], f"{abbr!r}: the initials of {long!r}, the only such name"
                else:
                    continue
                if abbr == long:
                    continue
                out.append(Found(aid, abbr + m.group(2), long, label, _line_at(text, m.start()), why))
    return out


# --- names the text gives as another's ("X, better known as Y") -------------------------------

# "Hugh L. Carey Tunnel — better known as the Brooklyn-Battery Tunnel", "Daniels, whose real name
# is Stephanie Clifford", "National Stadium — nicknamed "Bird's Nest"": a found name, a comma, dash
# or parenthesis, the phrase, then a capitalised name.
_ALIAS = re.compile(r"(?:,|\s[—–-]|\()\s*(?:(?:also|better|more commonly|commonly|widely|formerly|once|popularly)\s+)?"
                    r"(?:known as|nicknamed|dubbed|whose real name is|(?:also|formerly|commonly) called|"
                    r"renamed|née)\s+[\"“‘']?(?:the\s+)?"
                    r"([A-Z][\w'’.-]*(?:\s+(?:of|the|and|de|la|[A-Z][\w'’.-]*)){0,5})")


def alias_mentions(texts: dict[str, tuple[str, ...]], names: dict[str, str]) -> list[Found]:
    """Other names the text itself gives a found name ("X, better known as Y", "X, whose real
    name is Y"): the writer says they are one."""
    out = []
    for aid, ts in texts.items():
        for text in ts:
            for m in _ALIAS.finditer(text):
                alias = re.sub(r"\s+(?:of|the|and|de|la)$", "", m.group(1)).rstrip(".")
                before = text[max(0, m.start() - 80):m.start()].rstrip(" \"”’'")
                owner = max((n for n in names if before.endswith(n) and n != alias
                             and not before[:len(before) - len(n)][-1:].isalnum()), key=len, default="")
                if owner and len(alias) >= 2:
                    out.append(Found(aid, alias, owner, names[owner], _line_at(text, m.start()),
                                     f"{alias!r}: {owner!r} by another name, as the text says "
                                     f"({text[m.start():m.end()].strip(' ,—–(-')!r})", alias=True))
    return out


Finder = Callable[[dict[str, tuple[str, ...]], dict[str, str]], list[Found]]


def extra_mentions(texts: dict[str, tuple[str, ...]], names: dict[str, str]) -> list[Found]:
    """Every finder's spellings, given the story's texts by article and its found names (name ->
    label)."""
    persons = sorted(n for n, label in names.items() if label in ("PERSON", "NAME") and len(n.split()) >= 2)
    found = (case_variants(texts, names) + loose_spellings(texts, names) + handle_mentions(texts, persons)
             + acronym_mentions(texts, names) + alias_mentions(texts, names))
    return found

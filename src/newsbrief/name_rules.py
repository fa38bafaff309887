"""What merging asks about names and groups of names, beside the pairwise rules of ``spellings``.

Another name of one country ("Burma" / "Myanmar"); an initial and a surname ("D. Aune"); the
one full name a short form belongs to when it is written with a title, or written far more
often than the others; the titles and sexes of a group of spellings; a name that is another's
after its owner ("Capitol Police" of "U.S. Capitol Police"); a given name of a full name. Each
is a pure function over the names ``entities.merge_mentions`` has gathered.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .measures import PLACE_LABELS
from .mentions import HONORIFICS, PERSONAL_TITLES, noble_name
from .spellings import CONNECTORS, TITLES, compatible, country_of, folded, name_tokens
from .types import PossibleMatch

# Words before a place name that make another place ("South India" is not India).
REGION_QUALIFIERS = frozenset("north south east west northern southern eastern western central "
                               "upper lower northeast northwest southeast southwest greater".split())

# Names of one country merge ("Burma" / "Myanmar"), places only (an "Epochtimes Taiwan" is a
# newspaper, "Taiwanese" a nationality).
_COUNTRY_LABELS = PLACE_LABELS
# Reports that must write a short form before "named in every one of them" tells its person
# (in one report, a name beside it is often there by chance).
MIN_REPORTS_NAMING = 2
# Letters an alias may share with the country's name before it is read as its people ("Ital-ian").
COUNTRY_STEM = 4
# A short form of several full names goes to one written at least DOMINANT_RATIO times as often as
# each other one, and DOMINANT_MIN times at least: the story is about that person.
DOMINANT_RATIO = 3
DOMINANT_MIN = 3
# Titles that tell a person's sex: "Mr Francis" and "Ms Francis" are two people.
_SEX_OF_TITLE = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}


def word_after(name: str, kept: int) -> str:
    """The raw word after the first ``kept`` comparable words of ``name`` ("" at the end)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    seen = 0
    for k, w in enumerate(words):
        if w.lower() not in CONNECTORS and w.lower() not in TITLES:
            seen += 1
        if seen == kept:
            return words[k + 1].lower() if k + 1 < len(words) else ""
    return ""


def head_noun(long: str, tl: tuple[str, ...], word: str, owners: set[tuple[str, ...]] | None) -> bool:
    """``word`` heads the body's name ``long`` ("Observatory" of "Syrian Observatory for Human
    Rights"), or ends it ("Bump" of "Philip Bump", a person the model took for a body). A word
    used as a noun (``owners`` given: "the House", "House Republicans") ends the name only after
    the name's owner, a place or group named in the story ("the Post" of "Washington Post"; "the
    House" is not the "White House")."""
    after = word_after(long, tl.index(word) + 1)
    return after in ("of", "for") or (after == "" and (owners is None or tl[:tl.index(word)] in owners))


def country_aliases(names: list[str], info: dict) -> list[tuple[int, int, str]]:
    """(country, alias, evidence) for each alias of a country the story names by its own name:
    "Burma" joins "Myanmar", "Chinese Taipei" (an Olympic team's name too) joins "Taiwan"."""
    canon: dict[str, int] = {}
    aliases: list[tuple[int, str]] = []
    for i, n in enumerate(names):
        label = info[n][0]
        if label not in _COUNTRY_LABELS:
            continue
        code, own = country_of(n)
        if code and own and label in PLACE_LABELS:
            canon.setdefault(code, i)
        elif code and not (set(name_tokens(n)[:1]) & REGION_QUALIFIERS):
            aliases.append((i, code))             # "South India" is a region, not India
    # a word on the country's own stem is its people or adjective, not another name ("Italian",
    # "Pakistanis"): another name shares no stem with it ("Burma" / "Myanmar", "U.S.")
    return [(canon[code], i, f"{names[i]!r} is another name of {names[canon[code]]!r} ({code}, country_converter)")
            for i, code in aliases if code in canon
            and _compact_lower(names[i])[:COUNTRY_STEM] != _compact_lower(names[canon[code]])[:COUNTRY_STEM]]


def state_abbreviations(names: list[str], info: dict) -> list[tuple[int, int, str]]:
    """(state, abbreviation, evidence) for each U.S. state the story names by its AP-style
    abbreviation ("Va.", "Calif.": datelines, "Arlington, Va.") and by its own name,
    both as places. The abbreviations are the ``us`` package's (``State.ap_abbr``)."""
    try:
        import us
    except ImportError:      # optional (the "nlp" extra): without it "Va." / "Virginia" stays unmerged
        return []
    places = {n: i for i, n in enumerate(names) if info[n][0] in PLACE_LABELS}
    out = []
    for n, i in places.items():
        # initials ("N.Y.", "N.C.") are the acronym rule's, which weighs other names they could stand for
        state = us.states.lookup(n, field="ap_abbr") if n.endswith(".") and not n.replace(".", "").isupper() else None
        if state is not None and state.name in places and state.name != n:
            out.append((places[state.name], i, f"{n!r} is the AP abbreviation of {state.name!r} (us)"))
    return out


def _compact_lower(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def uses(name: str, names: list[str], spellings: dict) -> int:
    """How often the story writes ``name``, alone or inside a longer name ("Cancellara" in
    "Fabian Cancellara" too)."""
    words = name_tokens(name)
    k = len(words)
    return sum(len(spellings[n]) for n in names
               for t in [name_tokens(n)] if any(t[x:x + k] == words for x in range(len(t) - k + 1)))


def compatible_or_person(label_a: str, label_b: str) -> bool:
    """Comparable types, or one a person: the model's label of a misspelt name is a guess."""
    return compatible(label_a, label_b) or "PERSON" in (label_a, label_b)


def initialled(names: list[str], info: dict) -> list[tuple[int, int, str]]:
    """(full name, initialled name, evidence): "D. Aune" joins "Dagfinn Aune" when no other full
    name of the story has that surname and a given name with that initial."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        t = name_tokens(n)
        if len(t) >= 2 and len(t[0]) > 1:
            by_surname[t[-1]].append(i)
    out = []
    for i, n in enumerate(names):
        t = name_tokens(n)
        if len(t) != 2 or len(t[0]) != 1 or not re.match(r"[A-Z]\.?\s", n):
            continue
        fits = [j for j in by_surname.get(t[1], ()) if name_tokens(names[j])[0].startswith(t[0])
                and "PERSON" in (info[n][0], info[names[j]][0])]
        if len({name_tokens(names[j]) for j in fits}) == 1:
            out.append((fits[0], i, f"{n!r}: the initial of {names[fits[0]]!r}'s given name and the surname, "
                                    "no one else's"))
    return out


def dominant(roots: list[int], members: dict, names: list[str], spellings: dict) -> tuple[int, float] | None:
    """The one of several full names the story writes far more than the others ("Serena Williams"
    beside a "Venus Williams" named once), and how many times more; None when none dominates.
    A short form ending them all is, in such a story, that person."""
    counts = sorted(((sum(len(spellings[names[j]]) for j in members[r]), r) for r in roots), reverse=True)
    (top, root), (second, _) = counts[0], counts[1]
    return (root, top / second) if top >= DOMINANT_MIN and top >= DOMINANT_RATIO * second else None


def _titles(group: list[int], names: list[str], spellings: dict) -> set[str]:
    """The title words ("chief", "officer") written before the group's names, honorifics
    (Mr., Ms.) and qualifiers ("Ferguson Police") aside."""
    return {w.rstrip(".").lower() for j in group for m in spellings[names[j]] if m.core
            for w in m.text[: len(m.text) - len(m.core)].split()
            if w.rstrip(".").lower() in HONORIFICS and w.rstrip(".").lower() not in PERSONAL_TITLES}


def titled_owner(short: list[int], fulls: dict[int, list[int]], names: list[str],
                  spellings: dict) -> tuple[int, str] | None:
    """The one full name among several ending with a short form that carries the short form's
    title ("Chief Jackson" of "Police Chief Thomas Jackson", not of "Rev. Jesse Jackson"): a
    writer who titles a surname means the person introduced with that title."""
    mine = _titles(short, names, spellings)
    if not mine:
        return None
    owners = [(r, t) for r, group in sorted(fulls.items()) for t in [sorted(mine & _titles(group, names, spellings))] if t]
    return (owners[0][0], owners[0][1][0]) if len(owners) == 1 else None


def named_in_every_report(short: list[int], fulls: dict[int, list[int]], names: list[str],
                          spellings: dict) -> int | None:
    """The one full name among several ending with a short form that is written in every report
    writing the short form ("Harding" of "Jan Harding", named wherever "Harding" is, while "Jim
    Harding" is named in one report only); None when no one or several are. Writers use a bare
    surname for someone they have introduced."""
    reports = {m.article_id for j in short for m in spellings[names[j]]}
    if len(reports) < MIN_REPORTS_NAMING:
        return None
    everywhere = [r for r, group in sorted(fulls.items())
                  if reports <= {m.article_id for j in group for m in spellings[names[j]]}]
    return everywhere[0] if len(everywhere) == 1 else None


def _sexes(group: list[int], names: list[str], spellings: dict) -> set[str]:
    """"m" / "f" for each personal title the group's mentions carry ("Mr. Trump", "Ms. Trump")."""
    firsts = {m.text.split()[0].rstrip(".").lower() for j in group for m in spellings[names[j]] if m.text != m.name}
    return {_SEX_OF_TITLE[t] for t in firsts if t in _SEX_OF_TITLE}


def sexes_differ(short: list[int], full: list[int], names: list[str], spellings: dict) -> bool:
    """The short form is written with a man's and a woman's title ("Mr. Trump", "Ms. Trump": two
    people), or with another than the full name's ("Mr. Trump" beside "Ms. Ivanka Trump")."""
    s, f = _sexes(short, names, spellings), _sexes(full, names, spellings)
    return len(s) > 1 or bool(s and f and s != f)


def owned_name(long: str, k: int, owners: set[tuple[str, ...]]) -> bool:
    """The words of ``long`` before its last ``k`` name who the body belongs to: a place, group or
    body named in the story ("U.S. Capitol Police", "Senate Armed Services Committee"), or one
    word and "of" ("Department of Homeland Security"). An adjective before a body's name makes
    another body ("Free Syrian Army" is not the "Syrian Army") and is no owner."""
    head, of, rest = long.partition(" of ")
    return folded(long)[:-k] in owners or (bool(of) and len(head.split()) == 1 and len(folded(rest)) == k)


def given_name_of(short: str, label: str, full: str, full_label: str, surnames: set[str]) -> bool:
    """``short`` is the first name of the person ``full`` and of no one else's surname."""
    ts, tf = folded(short), folded(full)
    # the model often takes an unusual given name alone for an organisation ("Honey" of "Honey Sherman")
    # a particle between the given name and the surname ("Gunilla von Post") is a third word, not a name
    two_names = len(tf) == 2 or (len(tf) == 3 and noble_name(full))
    return (len(ts) == 1 and two_names and full_label == "PERSON" and label in ("PERSON", "ORG")
            and tf[0] == ts[0] and ts[0] not in surnames and not short.isupper())


# A Korean name as English news writes it, family name first: "Ban Ki-moon", "Moon Jae-in".
_SURNAME_FIRST = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+$")


def surname_of_surname_first(short: str, full: str) -> bool:
    """``short`` is the family name written first in ``full`` ("Ban" of "Ban Ki-moon")."""
    return bool(_SURNAME_FIRST.match(full)) and short == full.split()[0]


def unique_pairs(possible: list[PossibleMatch]) -> list[PossibleMatch]:
    seen, out = set(), []
    for p in possible:
        key = frozenset((p.a, p.b))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out

"""Who and where: named entities across sources, with their spellings merged.

Reports spell the same name differently, most of all names transliterated from Arabic,
Russian, Ukrainian or Chinese ("Khaldiyeh" / "Khalidiya", "Hezbollah" / "Hizbollah",
"Khaled Bin Walid" / "Khalid Ibn al-Walid"). The flow:

1. ``find_mentions`` (in ``mentions.py``): named mentions in each article, from the story's one
   spaCy parse, or capitalised phrases without the model; a title before a person's name is
   kept as the spelling, the name without it (``Mention.core``) is what merging compares.
   ``missed_mentions`` adds surnames and given names written alone where the model tagged
   nothing ("Snowden"); ``found_mentions`` the spellings of found names no tagger yields:
   other casings, social handles, acronyms ("GEOFF GARIN", "@gabrielsherman", "ARB").
2. ``match_names`` (in ``spellings.py``): one decision for a pair of spellings, with its evidence. Rules, strongest
   first: same transliteration key (kh/k, ou/u, q/k, sh/ch, e/i, o/u, -iyeh/-iya, al-/el-,
   Bin/Ben/Ibn, doubled letters, titles dropped); same consonant skeleton with close
   spellings; letters transposed (a typo); an acronym; fuzzy similarity (rapidfuzz), backed
   by context words when it is borderline. Only pairs ``candidate_pairs`` finds are asked.
   Here besides: a spelling written once, one letter from one written often, is its typo;
   a country's other names ("Burma" / "Myanmar", country_converter's aliases) are one place.
3. ``merge_mentions``: spellings grouped by those rules, then short forms ("Assad", "the
   Observatory") attached to the one entity whose full name ends with / starts with them,
   or whose name is theirs after an owner named in the story ("Capitol Police" of "U.S.
   Capitol Police") or "X of" ("Homeland Security" of "Department of Homeland Security").
   A short form of several names under a title goes to the one written with that title
   ("Chief Jackson" of "Police Chief Thomas Jackson").
   A doubtful pair (a given name only, an ambiguous short form, a borderline score) is
   reported as a ``PossibleMatch`` and never merged. The questions it asks about groups of
   names (country aliases, initials, titles, sexes, owners) are answered in ``name_rules.py``.
4. ``describe_entities``: the brief gains ``entities`` ordered by importance (sources, then
   mentions), each named by its most common full spelling with every variant it absorbed.
   A variant's count is how often that spelling was written: a titled mention counts under its
   titled spelling and again under the name it carries.

Mentions in photo captions (``nlp.captions``) count as variants too: they are spellings
the sources used, although citations never point into them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

# Mention, clean_mention, find_mentions and missed_mentions are re-exported (tests, benchmarks).
from .mentions import (HONORIFICS, PERSONAL_TITLES, TITLE_QUALIFIERS, ENTITY_TYPES, Mention,  # noqa: F401
                       clean_mention, find_mentions, found_mentions, missed_mentions)
from .name_rules import (PLACE_LABELS, REGION_QUALIFIERS, country_aliases, unique_pairs, dominant,
                         given_name_of, head_noun, initialled, named_in_every_report, owned_name, sexes_differ,
                         state_abbreviations, surname_of_surname_first, titled_owner,
                         uses, word_after, compatible_or_person)
from .nlp import StoryParse, ensure_parse
# match_names, Match, translit_key and skeleton are re-exported: the pair decisions are part of
# this module's public face (tests, benchmarks) although they live in spellings.py.
from .spellings import (BODY_NOUNS, CONNECTORS, TITLES, Match, candidate_pairs, compatible, folded, nick_namer,  # noqa: F401
                        country_of, match_names, name_tokens, one_edit_apart, rare_typo, skeleton,
                        translit_key)
from .types import Brief, Entity, PossibleMatch, Sentence, Variant

# Words after an organisation's name that do not make another organisation ("Oxfam
# International", "Astana Team"): the short name is the same body.
_GENERIC_SUFFIXES = frozenset("international team group inc corp corporation co company ltd plc llc "
                              "foundation organisation organization association club agency "
                              "airlines airways service services".split())
# Suffixes that make a place's name another body's: its airport or its airline.
_PLACE_BODIES = frozenset("international airways airlines airport".split())
# A newspaper's last word, by which reports call it ("the Post" of "The Washington Post", "the
# Times" of "Los Angeles Times"): its owner place need not be named in the story.
_NEWSPAPER_WORDS = frozenset("post times journal tribune herald chronicle gazette globe telegraph "
                             "inquirer examiner courier dispatch".split())
# Nouns after a place's name that writers drop ("the Atlantic (Ocean)"): the short name is that
# place. "City" is not among them: Atlantic City is not the Atlantic.
_PLACE_GENERICS = frozenset("ocean sea river gulf desert mountains islands fault volcano glacier peninsula".split())

# Last words of a school, a campus and a body, which its name drops ("Penn State
# University", a campus the model tags FAC, is the "Penn State" it tags ORG).
_INSTITUTIONS = frozenset({("university",), ("college",)})

# A word in capitals this long that is a word of another name is that word, not an acronym (shorter
# ones, "US", "WHO", "IT", are too often both).
MIN_SHOUTED = 4

# --- merging ------------------------------------------------------------------------------

@dataclass(slots=True)
class _Group:
    variants: Counter            # spelling -> mentions
    sources: dict                # spelling -> set of article ids
    labels: Counter              # label -> mentions
    full_labels: Counter         # label -> mentions of full names (short forms' labels are guesses)
    context: set
    evidence: list
    short_forms: set             # spellings attached as short forms (never the name)
    titled: set                  # spellings with a title before the name (never the name)
    mentions: int = 0
    cued_labels: Counter = field(default_factory=Counter)   # labels read from context words


class _Joined:
    """Names (by index) joined into groups, with the evidence of each group's joins: a
    union-find whose root keeps the reasons of every name that joined it."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.evidence: dict[int, list[str]] = defaultdict(list)

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int, why: str) -> None:
        """One group of names i and j, and why."""
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[rj] = ri
            self.evidence[ri] += self.evidence.pop(rj, [])
        self.evidence[ri].append(why)

    def move(self, i: int, root: int, why: str = "") -> None:
        """Name i's whole group joins the group at ``root`` (a short form its full name's)."""
        self.evidence[root] += self.evidence.pop(self.find(i), [])
        if why:
            self.evidence[root].append(why)
        self.parent[self.find(i)] = root


def _label(labels: Counter) -> str:
    """The most common label; a model's label beats "NAME" (a found spelling, a listed name)."""
    known = Counter({k: n for k, n in labels.items() if k != "NAME"}) or labels
    return max(sorted(known), key=lambda k: known[k]) if known else "NAME"


def _rival_titles(mentions: Sequence[Mention]) -> tuple[list[Mention], dict[str, str]]:
    """Keep "Pope Francis" and "Mr Justice Francis" apart: one word under two different titles
    (honorifics aside) names two people when no full name in the story ends with that word to
    tell them apart. Returns the mentions, each such titled spelling now its own name, and
    spelling -> that word for them and for the bare word (pairs among them are only possible)."""
    full = {folded(m.name)[-1] for m in mentions if len(folded(m.name)) >= 2}
    titles: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.core and " " not in m.core:
            words = [w.rstrip(".").lower() for w in m.text[: len(m.text) - len(m.core)].split()]
            titles[m.core].add(" ".join(w for w in words if w not in PERSONAL_TITLES))
    rival = {core for core, ts in titles.items()
             if len(ts - {""}) >= 2 and folded(core) and folded(core)[-1] not in full}
    spelled = {m.text: m.core for m in mentions if m.core in rival} | {core: core for core in rival}
    return [replace(m, core="") if m.core in rival else m for m in mentions], spelled


def merge_mentions(mentions: Sequence[Mention]) -> tuple[tuple[Entity, ...], tuple[PossibleMatch, ...]]:
    """Group mentions into entities; every merge carries its evidence.

    Names are compared without their titles: "Sen. Elizabeth Warren" is merged as "Elizabeth
    Warren" and kept as its variant. Three passes: spellings of one full name (``_spelling_joins``),
    a found spelling that names another found name (``_join_aliases``), then short forms joining
    the one full name they belong to (``_ShortForms``).

    Returns:
        The entities, most important first (sources, then mentions), and the possible matches
        left unmerged.
    """
    mentions, rivals = _rival_titles(mentions)
    spellings: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        spellings[m.name].append(m)
    names = sorted(spellings)
    info = {n: (_label(Counter(m.label for m in spellings[n])),
                frozenset().union(*(m.context for m in spellings[n]))) for n in names}
    joined = _Joined(len(names))
    possible: list[PossibleMatch] = []
    for i, j, m in _spelling_decisions(names, info, spellings, rivals):
        if m.kind == "same":
            joined.join(i, j, f"{names[i]!r} ~ {names[j]!r}: {m.rule}")
        elif m.kind == "possible":
            possible.append(PossibleMatch(names[i], names[j], round(m.score, 2), m.rule))
    # another name of one country ("Burma" / "Myanmar"), from country_converter's aliases; a U.S.
    # state's abbreviation ("Va."); a given name's initial and the surname ("D. Aune") of the one
    # full name that fits
    for i, j, why in (*country_aliases(names, info), *state_abbreviations(names, info), *initialled(names, info)):
        joined.join(i, j, why)
    aliases = _join_aliases(mentions, names, joined)
    short_forms = _ShortForms(names, info, spellings, joined, aliases)
    possible += short_forms.attach_all()
    groups: dict[int, _Group] = {}
    for i, n in enumerate(names):
        _add_name(groups.setdefault(joined.find(i), _Group(Counter(), {}, Counter(), Counter(), set(), [], set(), set())),
                  n, spellings[n], short_forms.attached.get(i), n in short_forms.used_as_person)
    for root, ev in joined.evidence.items():
        groups[joined.find(root)].evidence[:0] = ev
    entities = [_entity(g) for g in groups.values()]
    entities.sort(key=lambda e: (-e.origins, -e.mentions, e.name))
    return tuple(entities), tuple(unique_pairs(possible))


def _spelling_decisions(names: list[str], info: dict, spellings: dict[str, list[Mention]],
                        rivals: dict[str, str]) -> list[tuple[int, int, Match]]:
    """``match_names`` on every candidate pair of names, then corrected with what only the whole
    story shows: an acronym that is the initials of several names ("N.Y.": New York, Navy Yard)
    is none of them surely, unless the others are people's; a spelling written once, one letter from one written often, is its
    typo; one word under rival titles stays apart."""
    decided = []
    for i, j in candidate_pairs(names):
        a, b = names[i], names[j]
        decided.append((i, j, match_names(a, b, label_a=info[a][0], label_b=info[b][0],
                                          context_a=info[a][1], context_b=info[b][1])))
    expansions: dict[str, list[str]] = defaultdict(list)
    for i, j, m in decided:
        if m.kind == "same" and m.rule.startswith("acronym"):
            short, long = sorted((names[i], names[j]), key=len)
            expansions[short].append(long)
    out = []
    for i, j, m in decided:
        a, b = names[i], names[j]
        short, long = sorted((a, b), key=len)
        if m.rule.startswith("acronym") and len(expansions[short]) > 1:
            # ... unless the others are people's names and it is not tagged a person: "AP" is the
            # Associated Press, not Augusto Pinochet (few people go by their initials)
            others = [x for x in expansions[short] if x != long]
            if (info[short][0] not in ("PERSON", "NAME") and info[long][0] != "PERSON"
                    and all(info[x][0] == "PERSON" for x in others)):
                m = Match("same", m.rule + " (the other names it abbreviates are people's)", m.score)
            else:
                m = Match("possible", m.rule + " (and of other names)", 0.5)
        if m.kind != "same" and compatible_or_person(info[a][0], info[b][0]) and one_edit_apart(a, b):
            why = rare_typo(a, b, uses(a, names, spellings), uses(b, names, spellings))
            m = Match("same", why, m.score) if why else m
        if m.kind == "same" and a in rivals and rivals.get(b) == rivals[a]:
            m = Match("possible", f"{rivals[a]!r} under rival titles, and no full name to tell them apart", 0.5)
        out.append((i, j, m))
    return out


def _join_aliases(mentions: Sequence[Mention], names: list[str], joined: _Joined) -> set[int]:
    """A found spelling that is itself a found name ("Stephanie Clifford", given by the text as
    Daniels's real name) joins the two names. Returns those names: another name, not a longer
    form of it."""
    index = {n: k for k, n in enumerate(names)}
    linked: set[int] = set()
    for m in mentions:
        if m.why and m.text != m.name and m.text in index and joined.find(index[m.text]) != joined.find(index[m.name]):
            linked.add(index[m.text])
            joined.join(index[m.name], index[m.text], m.why)
    return linked


class _ShortForms:
    """Short forms join the one entity they are short for: "Assad" the entity whose full name ends
    with it, "the Observatory" / "the Syrian Observatory" "Syrian Observatory for Human Rights",
    "Serena" the story's only full name starting with it. A short form is a name alone in its group,
    or a group of one short name's spellings ("Blair" / "Mr Blair", "De Boer" / "de Boer") or of one
    word spelt several ways ("Qasani" / "Qusani"). Ambiguous ones become possible matches."""

    def __init__(self, names: list[str], info: dict, spellings: dict[str, list[Mention]], joined: _Joined,
                 aliases: set[int]) -> None:
        self.names, self.info, self.spellings, self.joined = names, info, spellings, joined
        find = joined.find
        forms: dict[int, set[tuple[str, ...]]] = defaultdict(set)
        self.members: dict[int, list[int]] = defaultdict(list)
        for i, n in enumerate(names):
            if not n.isupper() and i not in aliases:   # an acronym ("GOSH") or an alias ("Stephanie Clifford"
                forms[find(i)].add(folded(n))            # of "Daniels") does not make its name a long form
            self.members[find(i)].append(i)
        # (its spelling in capitals, "CLINTON" of a transcript, only if it has no other: an acronym)
        alone = [min(ms, key=lambda j: (names[j].isupper(), len(names[j]), names[j])) for r, ms in self.members.items()
                 if len(forms[r]) == 1 or all(len(f) == 1 for f in forms[r])]
        self.group_mentions = [sum(len(spellings[names[j]]) for j in self.members[find(i)]) for i in range(len(names))]
        self.containing: dict[str, set[int]] = defaultdict(set)   # every short-form rule needs ta[0] in tb
        for j, b in enumerate(names):
            for t in folded(b):
                self.containing[t].add(j)
        # ... but a word in capitals that is a word of another name written in letters ("ARUP" of "Arup
        # Group", "CLINTON" of "Hillary Clinton") is that word shouted, not an acronym
        self.alone = [i for i in alone if not names[i].isupper()
                      or (" " not in names[i] and len(names[i]) >= MIN_SHOUTED
                          and any(not names[j].isupper() for j in self.containing.get(folded(names[i])[0], ()) if j != i))]
        # last words of multi-word names: a first name that is also someone's surname is ambiguous
        self.surnames = {folded(n)[-1] for n in names if len(folded(n)) >= 2}
        # names of places, groups and bodies: a body's name after one of them is that body's
        # ("U.S. Capitol Police" / "Capitol Police")
        self.owners = {folded(n) for n in names if info[n][0] in TITLE_QUALIFIERS}
        self.as_noun = {n for n in names if any(m.as_noun for m in spellings[n])}
        self.attached: dict[int, str] = {}         # name -> the full name it was attached to
        self.used_as_person: set[str] = set()      # full names the model took for bodies, used as people's

    def attach_all(self) -> list[PossibleMatch]:
        """Every short form attached where it surely belongs, longest first; the doubtful ones."""
        possible: list[PossibleMatch] = []
        for i in sorted(self.alone, key=lambda i: (-len(name_tokens(self.names[i])), self.names[i])):
            if folded(self.names[i]):
                possible += self._settle(i, *self._containers(i))
        return possible

    def _group_uses(self, i: int) -> list[Mention]:
        return [m for j in self.members[self.joined.find(i)] for m in self.spellings[self.names[j]]]

    def _person_by_use(self, uses: Sequence[Mention], full: str, label: str, speaking: bool = False) -> bool:
        """``_person_tagged_org``, remembered: such a name's entity is typed a person."""
        if _person_tagged_org(uses, full, label, speaking):
            self.used_as_person.add(full)
            return True
        return False

    def _containers(self, i: int) -> tuple[dict[int, str], set[int], bool]:
        """The groups whose names short form i could be short for: root -> the name ending with it
        (or otherwise containing it as its head); the roots of names starting with it (a given
        name); and whether it is written after "Mr."/"Ms."."""
        names, info, find = self.names, self.info, self.joined.find
        a, la = names[i], info[names[i]][0]
        ta = folded(a)
        k = len(ta)
        ends: dict[int, str] = {}
        starts: set[int] = set()
        uses = self._group_uses(i)
        # "Mr. Lin": a personal title goes before a surname, so a full name starting with it is
        # written surname first ("Lin Biao"), whatever label the model gave that rare name
        mister = any(m.text.split()[0].rstrip(".").lower() in PERSONAL_TITLES for m in uses if m.text != m.name)
        for j in sorted(self.containing.get(ta[0], ())):
            b = names[j]
            tb, lb = folded(b), info[b][0]
            if find(j) == find(i) or len(tb) <= k:
                continue
            if (" " not in b and "-" in b.strip("-") and lb != "PERSON") or (" & " in b and la == "PERSON"):
                continue                              # "Fey-Poehler", "Trump-Clinton": two names, not one;
                                                      # "Johnson & Johnson" is a firm, not Mr Johnson
            if (tb[:k] == ta and lb == "ORG" and len(tb) > k
                    and _generic_tail(name_tokens(b)[k:], k)
                    # a place + "International" is its airport ("Atlantic City International"), a
                    # country + "Airways" its airline ("Qatar Airways"): the place is not the body
                    # (a team, though, is often called by its city: "Astana")
                    and not (la in ("GPE", "LOC") and set(name_tokens(b)[k:]) & _PLACE_BODIES)):
                ends.setdefault(find(j), b)           # "Oxfam" of "Oxfam International", whatever its label
                continue
            if la == "NORP" and not (lb == "PERSON" and k == 1 and tb[-1:] == ta and len(tb) >= 2):
                continue                              # "Syrian" is not the "Free Syrian Army"; but
                                                      # a rare surname is often tagged NORP ("Ohanian")
            if not compatible(la, lb):
                if {la, lb} == {"FAC", "ORG"} and tb[:k] == ta and (word_after(b, k) in ("of", "for")
                                                                    or name_tokens(b)[k:] in _INSTITUTIONS):
                    ends.setdefault(find(j), b)       # a hospital is a building and a body: "Great Ormond
                    continue                          # Street Hospital" of "... Hospital for Children";
                                                      # "Penn State" of "Penn State University"
                if tb[:k] == ta and "PERSON" in (la, lb) and (k >= 2 or (la, lb) == ("ORG", "PERSON") or mister
                                                                or self._person_by_use(uses, b, lb)):
                    starts.add(find(j))               # the model's label of a rare name is a guess
                elif (tb[-k:] == ta and "PERSON" in (la, lb)
                      and (la not in PLACE_LABELS or self.group_mentions[i] <= self.group_mentions[j]
                           or any(m.speaks or m.label == "PERSON" for m in uses)
                           or not any(m.placed for m in uses))):
                    ends.setdefault(find(j), b)       # a surname the model tagged otherwise (a
                                                      # place named more than the person is the
                                                      # place, unless it is once used as a person:
                                                      # "Dunham said", or tagged so once, or never
                                                      # written as a place: no "in Palin")
                elif tb[-k:] == ta and k == 1 and self._person_by_use(uses, b, lb, speaking=True):
                    ends.setdefault(find(j), b)       # "Mlambo said" of "Dunstan Mlambo", both tagged otherwise
                continue
            if (tb[-k:] == ta and {la, lb} & (PLACE_LABELS | {"NAME"})
                    and (set(name_tokens(b)[:-k]) & REGION_QUALIFIERS or name_tokens(b)[:-k] == ("new",))):
                continue                              # "South India" is another place than India, "New
                                                      # Mexico" than Mexico
            if (tb[:k] == ta and la in PLACE_LABELS and lb in PLACE_LABELS
                    and all(t in _PLACE_GENERICS for t in name_tokens(b)[k:])):
                ends.setdefault(find(j), b)           # "Atlantic" of "Atlantic Ocean"
                continue
            if tb[-k:] == ta and "ORG" not in (la, lb):
                ends.setdefault(find(j), b)           # surname, or "Old City" of "Homs Old City"
            elif la == lb == "ORG" and k >= 2 and tb[-k:] == ta and owned_name(b, k, self.owners):
                ends.setdefault(find(j), b)           # "Capitol Police" of "U.S. Capitol Police"
            elif (tb[:k] == ta and "ORG" in (la, lb) and tb[k:]
                  and _generic_tail(name_tokens(b)[k:], k)):
                ends.setdefault(find(j), b)           # "Oxfam" of "Oxfam International"
            elif "ORG" in (la, lb) and ((tb[:k] == ta and word_after(b, k) in ("of", "for"))
                                        or (k == 1 and ta[0] in tb[1:]
                                            and head_noun(b, tb, ta[0], self.owners if a in self.as_noun
                                                          and name_tokens(a)[0] not in _NEWSPAPER_WORDS else None))):
                ends.setdefault(find(j), b)           # the name before "of"/"for", or its head noun
            elif tb[:k] == ta and "PERSON" in (la, lb):
                starts.add(find(j))
        return ends, starts, mister

    def _attach(self, i: int, root: int, container: str, why: str = "") -> None:
        """Short form i's group joins the entity at root, whose full name ``container`` contains it."""
        for j in self.members[self.joined.find(i)]:
            self.attached[j] = container
        self.joined.move(i, root, why)

    def _settle(self, i: int, ends: dict[int, str], starts: set[int], mister: bool) -> list[PossibleMatch]:
        """Attach short form i to the one entity it belongs to, if one stands out; else the
        possible matches it leaves."""
        names, spellings, members = self.names, self.spellings, self.members
        a = names[i]
        short = members[self.joined.find(i)]
        if len(ends) == 1 and sexes_differ(short, members[next(iter(ends))], names, spellings):
            root, container = ends.popitem()
            return [PossibleMatch(a, container, 0.5, f"{a!r} ends {container!r}, but their titles "
                                  "(Mr. / Ms.) name a man and a woman")]
        if len(ends) == 1:
            root, container = ends.popitem()
            self._attach(i, root, container)
        elif ends and (owner := titled_owner(short, {r: members[r] for r in ends}, names, spellings)) is not None:
            root, title = owner
            self._attach(i, root, ends[root], f"{a!r} is written with the title {title!r}, as {ends[root]!r} is "
                                              "and no other name ending with it")
        elif ends and (root := named_in_every_report(short, {r: members[r] for r in ends}, names, spellings)) is not None:
            self._attach(i, root, ends[root], f"{a!r} ends several names, but only {ends[root]!r} is named in every "
                                              "report that writes it")
        elif ends and (top := dominant(list(ends), members, names, spellings)) is not None:
            root, times = top
            self._attach(i, root, ends[root], f"{a!r} ends several names, but {ends[root]!r} is written {times:.0f} "
                                              "times as often as any other")
        elif ends:
            return [PossibleMatch(a, names[r], 0.5, "short form of several names") for r in sorted(ends)]
        elif starts:
            return self._settle_given_name(i, starts, mister)
        else:
            return self._settle_nickname(i)
        return []

    def _settle_nickname(self, i: int) -> list[PossibleMatch]:
        """"Ed" of "Edward Conard", "Jack" of "John F. Kennedy": a person's given name alone, the
        listed nickname of one full name's given name (``nick_namer``), when no one in the story has
        it as a surname; of several, a possible match with each."""
        names, info, find = self.names, self.info, self.joined.find
        a = names[i]
        words = name_tokens(a)
        if (len(words) != 1 or info[a][0] != "PERSON" or a.isupper() or folded(a)[0] in self.surnames
                or any(m.placed for m in self._group_uses(i))):
            return []                                 # "in Kent" is a place, whatever its tag
        namer = nick_namer()
        fulls: dict[int, str] = {}
        for j, b in enumerate(names):
            tb = name_tokens(b)
            # one way only: "Ed" is Edward's nickname; "Kent" is no nickname of Ken's
            if (len(tb) == 2 and info[b][0] == "PERSON" and find(j) != find(i) and namer is not None
                    and words[0] in namer.nicknames_of(tb[0])):
                fulls.setdefault(find(j), b)
        if len(fulls) == 1:
            root, full = fulls.popitem()
            self._attach(i, root, full, f"{a!r} is a nickname of the given name of {full!r}, the only such name")
            return []
        return [PossibleMatch(a, full, 0.5, f"{a!r} is a nickname of the given name of {full!r} (and of others)")
                for full in sorted(fulls.values())]

    def _settle_given_name(self, i: int, starts: set[int], mister: bool) -> list[PossibleMatch]:
        """"Serena" / "Serena Williams": the story's only full name with that first name, when no
        one in it has that first name as a surname; "Ban" of "Ban Ki-moon". A headline's "Serena
        Williams Shows Off" extends "Serena Williams": one person."""
        names, find = self.names, self.joined.find
        a, la = names[i], self.info[names[i]][0]
        fulls = {r: min((names[j] for j in self.members[r]), key=len) for r in starts}
        shortest = min(fulls.values(), key=len)
        if not all(folded(f)[:len(folded(shortest))] == folded(shortest) for f in fulls.values()):
            return []
        r = next(r for r, f in fulls.items() if f == shortest)
        full = max((names[j] for j in range(len(names)) if find(j) == r), key=len)
        uses = self._group_uses(i)
        full_label = "PERSON" if self._person_by_use(uses, full, self.info[full][0]) else self.info[full][0]
        if any(m.after_the for m in uses):
            return []                                 # "the Beatles" is no given name ("Beatles Story")
        if given_name_of(a, la, full, full_label, self.surnames) or surname_of_surname_first(a, full) or (
                mister and len(folded(full)) == 2 and len(folded(a)) == 1 and folded(a)[0] not in self.surnames):
            for j in self.members[find(i)]:
                self.attached[j] = full
            self.joined.move(i, r)
            return []
        # "Abu Rami" / "Abu-Rami Al-Qosour": a given name may or may not be that person
        return [PossibleMatch(a, full, 0.5, f"{a!r} is the start of {full!r} (a given name?)")]


def _add_name(g: _Group, name: str, spelled: Sequence[Mention], attached_to: str | None, used_as_person: bool) -> None:
    """Count one name's mentions into its entity's group."""
    # the name counts every mention that carries it; a titled spelling, its own mentions (a
    # handle or an acronym stands for the name without writing it: it counts only as itself)
    written = [m for m in spelled if not m.why or m.text == name]
    if written:
        g.variants[name] += len(written)
        g.sources[name] = {m.article_id for m in written}
    g.mentions += len(spelled)
    for m in spelled:
        if m.text != name:
            g.variants[m.text] += 1
            g.sources.setdefault(m.text, set()).add(m.article_id)
    g.labels.update(m.label for m in spelled)
    g.cued_labels.update(m.label for m in spelled if m.cued)
    if used_as_person:
        g.cued_labels["PERSON"] += len(spelled)
    if attached_to is None:
        g.full_labels.update(m.label for m in spelled)
    titled = sorted({m.text for m in spelled if m.text != name})
    g.titled.update(titled)
    whys = {m.text: m.why for m in spelled if m.why}
    g.evidence.extend(whys.get(t) or f"{t!r}: {name!r} with a title" for t in titled)
    if attached_to is not None:
        g.short_forms.update(m.text for m in spelled)
        g.evidence.append(f"{name!r}: short form of {attached_to!r} (the only name that contains it)")


def _generic_tail(tail: tuple[str, ...], k: int) -> bool:
    """Words after a body's name that do not make another body: "Oxfam International"; after a
    name of two words or more, "Department" or "Ministry" too ("Homeland Security Department";
    not "State Department" of "State", which is more often "Secretary of State")."""
    return all(t in _GENERIC_SUFFIXES or (k >= 2 and t in BODY_NOUNS) for t in tail)


def _person_tagged_org(short_uses: Sequence[Mention], full: str, full_label: str, speaking: bool = False) -> bool:
    """A two-word name the model took for an organisation is a person's when its first word alone
    is only ever used as a person's ("Barbara in Dovercourt and Lyn in Leigh" of "Lyn Jeffries"):
    tagged so, never after "the", before a capitalised word or where a place goes ("in Murphy" of
    "Murphy Police" is a town's). With ``speaking``, its last word alone speaks ("Mlambo said" of
    "Dunstan Mlambo") whatever its tag, and is never so written either."""
    return (full_label == "ORG" and len(full.split()) == 2 and full.istitle() and bool(short_uses)
            and all((m.speaks if speaking else m.label == "PERSON") and not (m.placed or m.after_the or m.as_noun)
                    for m in short_uses))


def _entity(g: _Group) -> Entity:
    full = [v for v in g.variants if v not in g.short_forms and v not in g.titled] or list(g.variants)
    # the most common full spelling; ties go to the one in more sources, then to proper
    # capitalisation ("Mosque" over "mosque"), then to the longer
    name = min(full, key=lambda v: (-g.variants[v], -len(g.sources[v]),
                                    -sum(w[0].isupper() for w in v.split()), -len(v), v))
    variants = tuple(Variant(v, g.variants[v], tuple(sorted(g.sources[v])))
                     for v in sorted(g.variants, key=lambda v: (-g.variants[v], v)))
    articles = set().union(*g.sources.values())
    return Entity(name=name, type=_type_of(g), variants=variants, evidence=tuple(g.evidence),
                  mentions=g.mentions, origins=len(articles))


def _type_of(g: _Group) -> str:
    """The entity's type: from the words around it when they said one, else from its full names,
    else from all its names; a model's label beats "NAME" (a part of a listed span, ``_conjoined``)."""
    return _label(next((labels for labels in (g.cued_labels, g.full_labels) if set(labels) - {"NAME"}), g.labels))


def describe_entities(brief: Brief, sentences: Sequence[Sentence] = (),
                      parsed: StoryParse | None = None, *, use_model: bool = True) -> Brief:
    """The brief with its ``entities`` and ``possible_matches`` filled in.

    Args:
        brief: a brief whose ``articles`` are read.
        sentences: unused today (mentions are found in whole articles); kept so every
            analysis in the pipeline has the same signature.
        parsed: the story's parse (``nlp.parse_story``), shared with the other analyses;
            parsed here when not given.
        use_model: see ``find_mentions``.

    ``Entity.origins`` counts independent origins when ``brief.origins`` groups articles
    (wire copies count once), else distinct articles. Without spaCy a note says that
    names were found as capitalised phrases.
    """
    parsed = ensure_parse(brief.articles, parsed) if use_model else StoryParse(missing="not used")
    mentions = [m for a in brief.articles for m in find_mentions(a, use_model=use_model, parsed=parsed)]
    if use_model and parsed.available:
        mentions += missed_mentions(brief.articles, parsed, mentions)
    mentions += found_mentions(brief.articles, mentions)
    entities, possible = merge_mentions(mentions)
    origin_of = {aid: k for k, o in enumerate(brief.origins) for aid in o.article_ids}
    if origin_of:
        entities = tuple(sorted(
            (replace(e, origins=len({origin_of.get(a, a) for v in e.variants for a in v.article_ids}))
             for e in entities), key=lambda e: (-e.origins, -e.mentions, e.name)))
    notes = brief.notes
    if use_model and not parsed.available and brief.articles:
        note = f"entities from capitalised phrases only ({parsed.missing})"
        notes += (note,) if note not in notes else ()
    return replace(brief, entities=entities, possible_matches=possible, notes=notes)


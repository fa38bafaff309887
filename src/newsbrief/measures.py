"""What a figure measures and its scope: the lexicons and parse walks behind a figure's key.

A figure's key (``Figure.key``) says what it counts and of what: the predicate ("killed",
"controlled"), the event it belongs to ("killed in the 28-month conflict" -> war), the place
or other year its clause names, the "toll" a bare number is the value of, the name a share is
of. ``claims`` finds the figures in each sentence and asks this module what they measure;
``conflicts`` lines up figures with one measure across origins. Figures of different measures
(other places, other years, other events) are never a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from .align import fold_name
from .attribution import SAY_VERBS
from .quantities import BOUNDS, RANGE, parse_range
from .types import Claim

# --- lexicons: words that name the same measure ---------------------------------------------

# What a count is predicated of; verbs and adjectives in one group measure the same thing.
PREDICATES = {
    "killed": {"kill", "die", "dead", "death", "execute", "slay", "perish", "murder", "toll", "fatality"},
    "wounded": {"wound", "injure", "hurt", "injured", "wounded"},
    "displaced": {"flee", "displace", "shelter", "refugee", "evacuate", "homeless"},
    "arrested": {"arrest", "detain", "jail", "imprison", "charge"},
    "trapped": {"trap", "strand"},
    "controlled": {"control", "hold", "take", "seize", "capture", "retake", "recapture", "overrun",
                   "win", "occupy"},
}
# Events whose length, or whose toll, reports state; nouns and verbs of one event in a group.
EVENTS = {
    # not "attack" or "battle": one attack within a campaign has its own, shorter length
    "offensive": {"offensive", "campaign", "assault", "onslaught", "operation"},
    "rebel hold": {"hold", "hand", "held"},
    "war": {"war", "conflict", "uprising", "revolt", "revolution", "fighting", "crisis", "insurgency"},
    "siege": {"siege", "blockade", "surround", "encircle"},
    "quake": {"quake", "earthquake", "temblor"},
}
# Nouns that count the same people.
NOUNS = {"person": "people", "individual": "people", "troop": "soldier", "militant": "fighter",
         "body": "people"}   # "300 bodies buried there" counts people buried

# Verbs that start an event ("launched ... a month ago", "began on Monday"): the time since is
# the event's length so far.
START_VERBS = {"launch", "start", "begin", "open", "mount", "unleash", "resume"}
# Prepositions that say when, where or by whose account something happened, not what: a verb
# with one of them counts the same thing as the bare verb ("cancelled in addition to" = "cancelled").
_CIRCUMSTANCE = {"according", "in", "on", "at", "during", "since", "after", "before", "amid", "despite",
                 "as", "by", "because", "due", "until", "through", "across", "within", "throughout", "from", "with"}
# Adverbs that keep what a verb counts ("helped 20 students back" is not "helped 20 students"):
# only these direction particles; the others say when, how sure or how far along ("were also
# recorded", "have been recovered so far", "were previously sentenced") and count the same.
_DIRECTIONS = {"back", "out", "away", "up", "down", "off", "home", "together", "apart", "aside", "over"}
# Nouns of adverbial phrases ("in addition", "in total", "in the period"): no event a count belongs to.
_NOT_EVENTS = {"addition", "total", "all", "period", "time", "part", "general", "fact", "particular",
               "turn", "effect", "case", "way", "sum"}
# Words after a count that make it a change, not a level: "35 million more Americans" is an
# increase, never compared with a level such as "33 million Americans would meet the threshold".
INCREMENTS = {"more", "fewer", "additional", "extra", "less"}
# The same before a count: "another 20 people were injured", "an additional 500 troops".
INCREMENTS_BEFORE = {"another", "additional", "further", "extra"}
# Words right before a value that state it as a figure that has moved ("the toll climbed to 40",
# "has since dropped to $15,000", "now four-month-old Peter"): a conflict with it changed over time.
MOVING = re.compile(r"\b(?:(?:climb|ris|rose|grow|grew|jump|increas|mount|swell|swollen|fall|fell|drop|"
                    r"declin|decreas)\w*\s+(?:to|by)|now)\s+$", re.I)
# Named-entity labels of places (a toll's place is its own scope, ``place_scope``).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Nouns that are themselves the count of the killed ("68 other deaths", "12 fatalities").
DEATH_NOUNS = {"death", "fatality", "dead"}
# A year written out ("2009"): a clause naming another year than the report's scopes its count.
FULL_YEAR = re.compile(r"\b(19|20)\d{2}\b")


# --- figures and what they measure ----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Figure:
    """A figure claim with the key that says what it measures (for alignment across sources)."""

    claim: Claim
    key: tuple[str, ...]     # (unit, what, predicate, scope)
    days: bool = False       # value is a duration in days
    vague: bool = False      # "almost all", "most": listed, never enough for a conflict alone
    qualifier: str = ""
    # content lemmas of what is counted: the noun, its compounds and the predicate's verb
    # ("24 bank robberies" -> robbery, bank, involve; "robbed 23 banks" -> bank, rob), to line
    # up figures phrased differently (``conflicts.same_measure``)
    concepts: frozenset[str] = frozenset()
    # a count given as a range ("between 18 and 22"): the claim's value is the low end, this the high
    upper: float | None = None
    when: tuple[int, int] | None = None   # a date's first and last day (proleptic ordinals)
    named: bool = False      # its speaker has a name (``attribution.Attribution.named``)
    moving: bool = False     # stated as a figure that moved: "climbed to 40", "now four-month-old"
    minutes: float | None = None   # a time of day: minutes after midnight (UTC when key[-1] is "UTC")


def predicate_of(token) -> tuple[str, object]:
    """Walk up from a figure to the verb (or noun) saying what happens to it: (group or lemma, token)."""
    seen = 0
    t = token
    # a participle describing the counted noun says what happened to it: "300 bodies buried there"
    described = next((c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    while described is not None or t.head is not t and seen < 6:
        t, seen, described = (described, seen, None) if described is not None else (t.head, seen + 1, None)
        g = group_of(lemma_of(t), PREDICATES)
        if g:
            return g, t
        if lemma_of(t) == "be" and any(c.dep_ == "expl" for c in t.children):
            # "there were thirteen aftershocks": the count exists; the verbs of clauses it
            # hangs from ("...; seven others measured 5.0") count other things
            return "exist", t
        for c in t.children:
            if c.dep_ in {"acomp", "oprd", "xcomp"} and group_of(lemma_of(c), PREDICATES):
                return group_of(lemma_of(c), PREDICATES), t
            if c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pobj" and group_of(lemma_of(p), PREDICATES) == "controlled":
                        return "controlled", t
        if t.pos_ == "VERB" and lemma_of(t) not in {"be", "have"} | SAY_VERBS:
            # "voted against" and "voted present" count different things; "cancelled in addition",
            # "cancelled according to X", "cancelled on Tuesday" count the same as "cancelled"
            how = [c.lower_ for c in t.children if c.dep_ in {"prep", "prt", "oprd", "acomp", "advmod"}
                   and c.i > token.i and c.lower_ not in _CIRCUMSTANCE
                   and (c.dep_ != "advmod" or c.lower_ in _DIRECTIONS)][:1]
            return " ".join([lemma_of(t), *how]), t
    return "", None


def event_scope(verb, pred: str = "", noun=None) -> str:
    """The event a count belongs to ("killed in the 28-month conflict" -> war), or "".

    A subject scopes only a lexicon predicate ("the shelling killed 10" is another toll than
    "the bombing killed 12"); "airlines cancelled 15,000 flights" counts the flights
    "cancelled" counts. The counted noun itself ("46 people are dead") and adverbial nouns
    ("in addition", "in the period") are no event.
    """
    if verb is None:
        return ""
    cands = []
    if verb.dep_ == "relcl":
        cands.append(verb.head)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"in", "during", "since", "over"}:
            cands += [p for p in c.children if p.dep_ == "pobj"]
        if c.dep_ == "nsubj" and pred in PREDICATES:
            cands.append(c)
    for c in cands:
        if noun is not None and c.i == noun.i or lemma_of(c) in _NOT_EVENTS or c.ent_type_ in PLACE_LABELS:
            continue
        # "that earthquake killed more than 300": another event, told before (not "this one")
        other = "@that" if any(d.dep_ == "det" and d.lower_ in {"that", "those"} for d in c.children) else ""
        g = group_of(lemma_of(c), EVENTS)
        if g:
            return g + other
        if c.pos_ == "NOUN":
            return lemma_of(c) + other
    return ""


def place_scope(noun, verb, doc_year: int | None) -> tuple[str, str]:
    """Where or when a count is scoped: the place named in its clause ("killed 10 people in New
    York City" -> "new york city") or owning the counted noun ("New York City's three major
    airports"), else ""; plus the year when the clause names another year
    than the report's ("the 2009 quake that killed more than 300" -> "@2009").

    One toll of one place is one measure; tolls of different places, or of other years, are
    different measures, never a conflict.
    """
    where, year, shown = "", "", ""
    heads = [t for t in (noun, verb) if t is not None]
    for h in heads:
        for c in h.children:
            # "in New York City", or the place owning the noun: "New York City's three airports"
            places = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in {
                "in", "across", "throughout"} else [c] if c.dep_ == "poss" and h is noun else []
            for p in places:
                if p.ent_type_ in PLACE_LABELS and not where:
                    ent = next((e for e in p.doc.ents if e.start <= p.i < e.end), None)
                    shown = ent.text if ent is not None else p.text
                    where = fold_name(shown) or p.lower_
    if doc_year is not None:
        # the sentence, not the clause: "the quake that struck Nepal in April 2015, killing 8,000"
        years = {int(m.group()) for m in FULL_YEAR.finditer(heads[0].sent.text)}
        other = sorted(y for y in years if y != doc_year)
        if other and doc_year not in years:
            year = f"@{other[0]}"
            shown = " ".join(x for x in (shown, str(other[0])) if x)
    return " ".join(x for x in (where, year) if x), shown


def toll_of(token):
    """The "toll" a bare number is the value of ("the U.S. death toll climbed to 40", "the toll
    stood at 120", "the confirmed death count is over 120,000", "the toll is estimated to be
    110,000"), or None."""
    head = token.head
    if head.dep_ == "prep" and head.lower_ in {"to", "at", "over", "above", "beyond"}:
        verb = head.head
    elif token.dep_ == "attr" and head.lemma_ == "be":
        verb = head
    else:
        return None
    # "the death toll ... is estimated to be 110,000": the subject is the governing verb's
    clause = (verb, verb.head) if verb.dep_ in {"xcomp", "ccomp"} else (verb,)
    return next((c for v in clause for c in v.children if c.dep_ in {"nsubj", "nsubjpass"} and is_toll(c)), None)


def is_toll(noun) -> bool:
    """ "toll", or a count or number of deaths ("the death count", "the death tally")."""
    return lemma_of(noun) == "toll" or (lemma_of(noun) in {"count", "tally", "number", "figure"} and any(
        lemma_of(c) in DEATH_NOUNS for c in noun.children if c.dep_ in {"compound", "amod"}))


def toll_passing(verb) -> bool:
    """A count of people that a toll passes or reaches ("the toll ... continues to rise, passing
    80,000 people"): the verb, or the verb it depends on, has a toll for subject."""
    if lemma_of(verb) not in {"pass", "top", "exceed", "reach", "surpass", "hit"}:
        return False
    clause = (verb, verb.head) if verb.dep_ in {"advcl", "xcomp", "conj"} else (verb,)
    return any(c.dep_ in {"nsubj", "nsubjpass"} and is_toll(c) for w in clause for c in w.children)


_RANGE_AFTER = re.compile(r"^\s*(?:to|-|–|and)\s*\$?\d|^\s*or (?:less|more|fewer|under|above)\b", re.I)


def is_range_or_threshold(text: str, start: int, end: int, qualifier: str) -> bool:
    """A figure that is one end of a range or an income/price threshold, not a stated value."""
    if (_RANGE_AFTER.match(text[end:end + 14]) or re.search(r"\b(?:from|between)\s*$", text[max(0, start - 9):start])
            or re.search(r"\d\s*(?:to|-|–)\s*\$?$", text[max(0, start - 6):start])):
        return True
    money = bool(re.search(r"[$£€]", text[max(0, start - 1):end]))
    return money and (qualifier in BOUNDS or bool(
        re.search(r"\b(?:" + "|".join(BOUNDS) + r")\s*\$?$", text[max(0, start - 14):start])
        or re.search(r"\bor (?:less|more)\b", text[end:end + 40])))


def count_range(text: str, start: int, end: int) -> tuple[int, int, float, float] | None:
    """(start, end, low, high) of the range a number at ``text[start:end]`` is part of ("between 18
    and 22", "300 to 400"), or None. "from 10 to 20" is a change, not a range."""
    for m in RANGE.finditer(text, max(0, start - 24), min(len(text), end + 30)):
        if m.start() <= start < m.end() and not re.search(r"\bfrom\s*$", text[max(0, m.start() - 6):m.start()]):
            ends = parse_range(m)
            return (m.start(), m.end(), *ends) if ends else None
    return None


def part_of_count(number):
    """The place of a bare number that is part of a count before it ("..., including 18 in New
    York City", "23 of them in New York"): the place token, or None."""
    part = number.dep_ == "pobj" and number.head.lower_ == "including" or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ == "them" for p in c.children) for c in number.children)
    if not part:
        return None
    return next((p for c in number.children if c.dep_ == "prep" and c.lower_ == "in"
                 for p in c.children if p.dep_ == "pobj" and p.ent_type_ in PLACE_LABELS), None)


def event_of(verb) -> tuple[str, ...]:
    """What a date dates: (verb, the thing it happens to, the name that thing is of), or () when
    the date's head is no event: "the bodies were moved in the 1960s" -> ("move", "body", "");
    "found the body of Ritu Sachdeva on Saturday" -> ("find", "body", "sachdeva").

    Only a verb with its object (or the subject of a verb with none) dates one thing: "said on
    Monday" dates nothing the story is about.
    """
    if verb.pos_ != "VERB" or lemma_of(verb) in SAY_VERBS | {"be", "have"}:
        return ()
    kids = list(verb.children)
    thing = next((c for c in kids if c.dep_ in {"dobj", "nsubjpass"}), None)
    if thing is not None and lemma_of(verb) == "take" and lemma_of(thing) == "place":
        thing = None      # "the second tremor took place at 02:21": what took place is the subject
        kids = [c for c in kids if c.dep_ != "dobj"]
    if thing is None and not any(c.dep_ == "dobj" for c in kids):
        thing = next((c for c in kids if c.dep_ == "nsubj"), None)
    if thing is None or thing.pos_ != "NOUN":
        return ()
    of = next((p for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"), None)
    # "the second tremor", "the first body": one of several, another event than the others
    nth = next((c.lower_ for c in thing.children if c.dep_ == "amod" and c.lower_ in _ORDINALS), "")
    return lemma_of(verb), f"{nth} {lemma_of(thing)}".strip(), fold_name(of.text) if of is not None else ""


# Words that pick one of several events of a kind ("the second tremor", "the last body").
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
             "last", "latest", "final", "next", "previous", "earlier", "later"}


def iso_days(iso: str) -> tuple[int, int] | None:
    """First and last day (ordinals) of an ISO date, month, year or decade ("1960s")."""
    m = re.fullmatch(r"(\d{4})(s?)(?:-(\d{2}))?(?:-(\d{2}))?", iso)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(2):
        return date(y, 1, 1).toordinal(), date(y + 9, 12, 31).toordinal()
    if m.group(4):
        d = date(y, int(m.group(3)), int(m.group(4))).toordinal()
        return d, d
    if m.group(3):
        mo = int(m.group(3))
        last = (date(y + mo // 12, mo % 12 + 1, 1).toordinal() - 1)
        return date(y, mo, 1).toordinal(), last
    return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()


# Modal verbs that make a figure a projection ("the toll could increase to over 100,000").
_MODALS = {"could", "may", "might"}
# Verbs of a value on the move, or of reaching one ("rise", "approach", "top").
_TOWARDS = {"rise", "increase", "climb", "grow", "jump", "mount", "swell", "reach", "approach", "exceed",
            "top", "hit", "surpass", "pass", "fall", "drop", "decline", "decrease"}


def is_projection(number) -> bool:
    """A figure the value may come to, not one it has: a modal with a verb of rising or
    reaching governs it ("could increase to over 100,000", "might eventually approach 80,000")."""
    verb = number.head
    for _ in range(4):                      # number -> (prep ->) verb, a few steps at most
        if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in _TOWARDS:
            return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)
        if verb.head is verb:
            return False
        verb = verb.head
    return False


def is_label_number(number, noun) -> bool:
    """A number written after its noun names one of its kind, it does not count them:
    "stage 13", "Flight 447", "magnitude 4.9" (a count comes first: "13 stages"); so does one
    after a number sign ("the #30 bus", "No. 5 seed")."""
    sign = number.doc[number.i - 1].lower_ if number.i > 0 else ""
    return (noun.i < number.i and number.dep_ == "nummod") or sign in {"#", "no."}


def is_remainder(number, noun) -> bool:
    """ "the other three Americans": the rest of a group, not the group's count."""
    before = [t.lower_ for t in number.doc[max(0, number.i - 2):number.i]]
    return "other" in before and "the" in before or any(
        c.lower_ in {"remaining", "rest"} for c in noun.children)


def share_object(token) -> tuple[str, str]:
    """Folded key and text of the name a share is of ("90 percent of Khaldiyeh")."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    names = [t for t in p.subtree if t.pos_ == "PROPN"]
                    head = names[0] if names else p
                    return fold_name(head.text) or lemma_of(head), head.text
    return "", ""


def place_unplaced(figures: list[Figure]) -> list[Figure]:
    """One report's count given without a place ("at least 46 people are dead") takes the place
    of the one count of that report with the same value and measure that names it ("46 people
    had been killed in the U.S."): a lede states the figure its body details."""
    out = []
    for f in figures:
        k = f.key
        if k[0] == "count" and len(k) > 4 and not k[4]:
            placed = {(g.key, g.claim.measure) for g in figures if g.key[:4] == k[:4] and len(g.key) > 4
                      and g.key[4] and "@" not in g.key[4] and g.claim.value == f.claim.value}
            if len(placed) == 1:
                key, measure = next(iter(placed))
                f = replace(f, key=key, claim=replace(f.claim, measure=measure))
        out.append(f)
    return out


# --- lemmas and lexicon groups -------------------------------------------------------------

def lemma_of(token) -> str:
    return token.lemma_.lower()


def group_of(lemma: str, groups: dict[str, set[str]]) -> str | None:
    for name, members in groups.items():
        if lemma in members:
            return name
    return None

"""Checkable statements in each report, as typed claims: figures, dates, who says them, how sure.

Claims read the story's one spaCy parse (``nlp.parse_story``, the ``nlp`` extra; shared with
entities) and each report's date from ``dates.article_dates`` (shared with the timeline); then

- figures: counts ("more than 100,000 people have been killed"), percentages and shares
  ("90 percent of Khaldiyeh", "almost all of Khalidiya"), money, quantities and durations
  ("eight-day campaign", "held ... for more than a year", "launched ... a month ago") become
  ``Claim(kind="figure")`` with what they measure;
- dates of events ("on Monday", "in June", "March 2012") become ``Claim(kind="date")``,
  resolved with ``dates.resolve_date`` against the report's date where known or inferred;
- sentences someone else vouches for ("state television said", "could not confirm") become
  ``Claim(kind="statement")`` so that what only one side claims stays visible.

Each claim keeps its speaker and certainty (fact, attributed, unconfirmed, denied) and cites
the sentence it rests on. ``conflicts.py`` aligns claims across origins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from .align import fold_name
from .attribution import SAY_VERBS, Attribution, attribute
from .nlp import MISSING, StoryParse, ensure_parse
from .quantities import (AGE, AGE_APPOSITION, BOUNDS, DURATION, PERCENT, SHARE, SHARE_VALUE, SIZE,
                         SIZE_UNITS, UNIT_DAYS, WEEKDAYS, age_years, parse_duration, parse_number,
                         word_or_number)
from .dates import ArticleDate, article_dates, resolve_date
from .types import Article, Citation, Claim, Origin, Sentence

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
NOUNS = {"person": "people", "individual": "people", "troop": "soldier", "militant": "fighter"}

_START_VERBS = {"launch", "start", "begin", "open", "mount", "unleash", "resume"}
# Prepositions that say when, where or by whose account something happened, not what: a verb
# with one of them counts the same thing as the bare verb ("cancelled in addition to" = "cancelled").
_CIRCUMSTANCE = {"according", "in", "on", "at", "during", "since", "after", "before", "amid", "despite",
                 "as", "by", "because", "due", "until", "through", "across", "within", "throughout"}
# Nouns of adverbial phrases ("in addition", "in total", "in the period"): no event a count belongs to.
_NOT_EVENTS = {"addition", "total", "all", "period", "time", "part", "general", "fact", "particular",
               "turn", "effect", "case", "way", "sum"}
# Named-entity labels of places (a toll's place is its own scope, ``_place``).
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Nouns that are themselves the count of the killed ("68 other deaths", "12 fatalities").
_DEATH_NOUNS = {"death", "fatality", "dead"}


# --- dates ----------------------------------------------------------------------------------

_FULL_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def resolve_claim_date(text: str, base: date | None, context: str = "") -> str:
    """ISO date (day, week's Monday, month or year) of a date as spaCy tags it ("June", "Saturday",
    "a month ago"), against the report's date; "" when it cannot be placed.

    The timeline's ``resolve_date`` does the work, so a claim and a timeline entry built on one
    phrase carry one date; bare months and years are read as "in June", "in 2011".
    """
    r = resolve_date(text, base, context) or resolve_date(f"in {text}", base, context)
    return r.date if r is not None else ""


# --- figures ---------------------------------------------------------------------------------

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


def _lemma(token) -> str:
    return token.lemma_.lower()


def _group(lemma: str, groups: dict[str, set[str]]) -> str | None:
    for name, members in groups.items():
        if lemma in members:
            return name
    return None


def _predicate(token) -> tuple[str, object]:
    """Walk up from a figure to the verb (or noun) saying what happens to it: (group or lemma, token)."""
    seen = 0
    t = token
    while t.head is not t and seen < 6:
        t, seen = t.head, seen + 1
        g = _group(_lemma(t), PREDICATES)
        if g:
            return g, t
        for c in t.children:
            if c.dep_ in {"acomp", "oprd", "xcomp"} and _group(_lemma(c), PREDICATES):
                return _group(_lemma(c), PREDICATES), t
            if c.dep_ == "prep":
                for p in c.children:
                    if p.dep_ == "pobj" and _group(_lemma(p), PREDICATES) == "controlled":
                        return "controlled", t
        if t.pos_ == "VERB" and _lemma(t) not in {"be", "have"} | SAY_VERBS:
            # "voted against" and "voted present" count different things; "cancelled in addition",
            # "cancelled according to X", "cancelled on Tuesday" count the same as "cancelled"
            how = [c.lower_ for c in t.children if c.dep_ in {"prep", "prt", "oprd", "acomp", "advmod"}
                   and c.i > token.i and c.lower_ not in _CIRCUMSTANCE][:1]
            return " ".join([_lemma(t), *how]), t
    return "", None


def _scope(verb, pred: str = "", noun=None) -> str:
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
        if noun is not None and c.i == noun.i or _lemma(c) in _NOT_EVENTS or c.ent_type_ in _PLACE_LABELS:
            continue
        # "that earthquake killed more than 300": another event, told before (not "this one")
        other = "@that" if any(d.dep_ == "det" and d.lower_ in {"that", "those"} for d in c.children) else ""
        g = _group(_lemma(c), EVENTS)
        if g:
            return g + other
        if c.pos_ == "NOUN":
            return _lemma(c) + other
    return ""


def _place(noun, verb, doc_year: int | None) -> tuple[str, str]:
    """Where or when a count is scoped: the place named in its clause ("killed 10 people in New
    York City" -> "new york city"), else ""; plus the year when the clause names another year
    than the report's ("the 2009 quake that killed more than 300" -> "@2009").

    One toll of one place is one measure; tolls of different places, or of other years, are
    different measures, never a conflict.
    """
    where, year, shown = "", "", ""
    heads = [t for t in (noun, verb) if t is not None]
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "across", "throughout"}:
                for p in c.children:
                    if p.dep_ == "pobj" and p.ent_type_ in _PLACE_LABELS and not where:
                        ent = next((e for e in p.doc.ents if e.start <= p.i < e.end), None)
                        shown = ent.text if ent is not None else p.text
                        where = fold_name(shown) or p.lower_
    if doc_year is not None:
        # the sentence, not the clause: "the quake that struck Nepal in April 2015, killing 8,000"
        years = {int(m.group()) for m in _FULL_YEAR.finditer(heads[0].sent.text)}
        other = sorted(y for y in years if y != doc_year)
        if other and doc_year not in years:
            year = f"@{other[0]}"
            shown = " ".join(x for x in (shown, str(other[0])) if x)
    return " ".join(x for x in (where, year) if x), shown


def _toll_of(token):
    """The "toll" a bare number is the value of ("the U.S. death toll climbed to 40", "the toll
    stood at 120"), or None."""
    head = token.head
    if head.dep_ != "prep" or head.lower_ not in {"to", "at"}:
        return None
    verb = head.head
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and _lemma(c) == "toll"), None)


_RANGE_AFTER = re.compile(r"^\s*(?:to|-|–|and)\s*\$?\d|^\s*or (?:less|more|fewer|under|above)\b", re.I)


def _is_range_or_threshold(text: str, start: int, end: int, qualifier: str) -> bool:
    """A figure that is one end of a range or an income/price threshold, not a stated value."""
    if (_RANGE_AFTER.match(text[end:end + 14]) or re.search(r"\b(?:from|between)\s*$", text[max(0, start - 9):start])
            or re.search(r"\d\s*(?:to|-|–)\s*\$?$", text[max(0, start - 6):start])):
        return True
    money = bool(re.search(r"[$£€]", text[max(0, start - 1):end]))
    return money and (qualifier in BOUNDS or bool(
        re.search(r"\b(?:up to|over|under|less than|more than)\s*\$?$", text[max(0, start - 12):start])
        or re.search(r"\bor (?:less|more)\b", text[end:end + 40])))


def _is_remainder(number, noun) -> bool:
    """ "the other three Americans": the rest of a group, not the group's count."""
    before = [t.lower_ for t in number.doc[max(0, number.i - 2):number.i]]
    return "other" in before and "the" in before or any(
        c.lower_ in {"remaining", "rest"} for c in noun.children)


def _of_object(token) -> tuple[str, str]:
    """Folded key and text of the name a share is of ("90 percent of Khaldiyeh")."""
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    names = [t for t in p.subtree if t.pos_ == "PROPN"]
                    head = names[0] if names else p
                    return fold_name(head.text) or _lemma(head), head.text
    return "", ""


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _figures_in(sentence: Sentence, span, ents, cite: Citation, who: Attribution, when: str,
                base: date | None, full: str) -> list[Figure]:
    # ``full``: the article's text (Doc.text rebuilds the string on every access)
    doc = span.doc
    year = base.year if base is not None else None
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(kind_key, text, value, measure, start, end, **kw):
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        claim = Claim("figure", text, measure, value, who.speaker, who.certainty, cite, when)
        out.append(Figure(claim, kind_key, **kw))

    # durations first: NER labels them DATE, and "eight-day" must not become a count of 8
    for m in DURATION.finditer(sentence.text):
        start = sentence.start + m.start()
        tok = _token_at(doc, start)
        if tok is None:
            continue
        after = sentence.text[m.end():m.end() + 6].lower()
        days = parse_duration(m)
        last = _token_at(doc, sentence.start + m.end() - 1)
        event = ""
        text = m.group()
        if after.startswith(" ago"):
            verb = last.nbor(1).head if last is not None and last.i + 1 < len(doc) else None
            if verb is None or _lemma(verb) not in _START_VERBS:
                continue
            objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
            event = next((g for c in objs if (g := _group(_lemma(c), EVENTS))), "")
            text += " ago"
        elif m.group("adj") or m.group("u2") or (last is not None and last.dep_ in {"compound", "amod", "nummod"}
                                                   and last.head.i > last.i):
            head = last.head if last is not None else None
            event = _group(_lemma(head), EVENTS) or "" if head is not None else ""
        else:
            prep = tok.doc[tok.i - 1] if tok.i > 0 else None
            if prep is not None and prep.lower_ in {"over", "for", "nearly", "almost", "more", "than"}:
                while prep is not None and prep.lower_ not in {"for", "over"} and prep.i > 0:
                    prep = prep.doc[prep.i - 1]
                if prep is not None and prep.lower_ in {"for", "over"}:
                    head = prep.head
                    event = _group(_lemma(head), EVENTS) or ""
                    if not event and head.lower_ in {"hands"}:
                        event = "rebel hold"
        if not event:
            continue
        qualifier = (m.group("q") or "").lower()
        add(("duration", event), text, days, f"length of the {event}", start,
            sentence.start + m.end(), days=True, qualifier=qualifier)

    _ages_and_sizes(sentence, doc, ents, full, add)
    _elapsed(sentence, doc, add)

    # an event launched on a weekday: its length so far is under a week
    for m in re.finditer(r"\bon (" + "|".join(WEEKDAYS) + r")\b", sentence.text, re.I):
        tok = _token_at(doc, sentence.start + m.start())
        verb = tok.head if tok is not None else None
        if verb is None or _lemma(verb) not in _START_VERBS:
            continue
        objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
        event = next((g for c in objs if (g := _group(_lemma(c), EVENTS))), "")
        if not event or event == "war":
            continue
        days = 7.0
        if base is not None:
            days = float((base.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7)
        # vague: a start day is a bound on the length, to list beside a conflict, not to make one
        add(("duration", event), f"{verb.text} {m.group()}", max(days, 1.0), f"length of the {event}",
            sentence.start + m.start(), sentence.start + m.end(), days=True, vague=True,
            qualifier="" if base is not None else "less than")

    # shares: "almost all of Khalidiya", "most of the neighbourhood"
    for m in SHARE.finditer(sentence.text):
        tok = _token_at(doc, sentence.start + m.start("w"))
        if tok is None:
            continue
        what, name = _of_object(tok)
        pred, _ = _predicate(tok)
        if not what or pred != "controlled":
            continue
        q = (m.group("q") or "").lower()
        value = SHARE_VALUE[m.group("w").lower()] - (5.0 if q in {"almost", "nearly"} else 0.0)
        add(("percent", what, pred), m.group().strip()[:-3].strip(), value, f"share of {name} {pred}",
            sentence.start + m.start(), sentence.start + m.end(), vague=True, qualifier=q)

    for ent in ents:
        if ent.label_ not in {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}:
            continue
        start, end = ent.start_char, ent.end_char
        text = ent.text
        if PERCENT.search(text) or full[end:end + 9].lower().startswith((" percent", " per cent")):
            value, q = parse_number(text)
            if value is None:
                continue
            what, name = _of_object(ent.root)
            pred, _ = _predicate(ent.root)
            if not what or not pred:
                continue
            add(("percent", what, pred), text, value, f"share of {name} {pred}", start, end, qualifier=q)
            continue
        value, q = parse_number(text)
        if value is None or (value == 1 and not re.search(r"\d", text)):
            continue   # vague ("hundreds") or "one of ..."
        if _is_range_or_threshold(full, start, end, q):
            continue   # "$1.6 million to $10 million", "earning less than $25,000": not one value
        if ent.label_ == "MONEY":
            pred, _ = _predicate(ent.root)
            if pred:
                add(("money", pred), text, value, f"amount {pred}", start, end, qualifier=q)
            continue
        noun = ent.root.head if ent.root.dep_ in {"nummod", "quantmod"} else None
        if noun is not None and noun.dep_ == "nummod":
            noun = noun.head      # "Some 2,500 to 4,000 civilians"
        toll = _toll_of(ent.root) if noun is None and ent.label_ == "CARDINAL" else None
        if toll is not None:
            # "the U.S. death toll climbed to 40": a count of the killed, of the toll's place
            named = next((e.text for e in ents if e.label_ in _PLACE_LABELS
                          and e.start_char < toll.idx and toll.left_edge.idx <= e.start_char), "")
            place, shown = (fold_name(named), named) if named else _place(toll, toll.head, year)
            add(("count", "people", "killed", "", place), text, value,
                "people killed" + (f" ({shown})" if shown else ""), start, end, qualifier=q,
                concepts=frozenset({"people", "killed", "toll"}))
            continue
        if (noun is None or noun.pos_ not in {"NOUN", "PROPN"} or _lemma(noun) in UNIT_DAYS
                or ent.label_ == "QUANTITY" or len(noun.text) <= 2 or _is_remainder(ent.root, noun)):
            continue   # units ("400g") measure amounts, not things counted; "the other three"
        unit_key = ("count", NOUNS.get(_lemma(noun), _lemma(noun)))
        anchor = noun.head if noun.dep_ == "conj" else noun
        pred, verb = _predicate(anchor)
        if _lemma(noun) in _DEATH_NOUNS:
            unit_key, pred = ("count", "people"), "killed"    # "68 other deaths" = 68 people killed
        if not pred:
            continue
        scope = _scope(verb, pred, noun)
        place, shown = _place(noun, verb, year)
        measure = f"{noun.lemma_.lower() if unit_key[1] != 'people' else 'people'} {pred}"
        concepts = {unit_key[1], pred.split()[0], *(_lemma(c) for c in noun.children if c.dep_ == "compound")}
        if verb is not None and verb.pos_ == "VERB":
            concepts.add(_lemma(verb))
        where = ", ".join(x for x in (scope, shown) if x)
        add(unit_key + (pred, scope, place), text, value, measure + (f" ({where})" if where else ""), start, end,
            qualifier=q, concepts=frozenset(concepts))
    return out


def _person_key(ent) -> tuple[str, str]:
    """(surname, given name or "") of a person's mention, folded: "Alexis Ohanian" -> ("ohanian", "alexis")."""
    words = [t.lower_ for t in ent if t.pos_ == "PROPN" or t.is_title]
    words = [w for w in words if w not in {"mr", "mrs", "ms", "dr"}] or [ent.root.lower_]
    return words[-1], words[0] if len(words) >= 2 else ""


def _ages_and_sizes(sentence: Sentence, doc, ents, full: str, add) -> None:
    """Ages of named people ("Ohanian, 34", "33-year-old Alexis Ohanian", "Peter, 10 weeks old") and
    sizes written as one hyphenated adjective ("16-hour flight", "25-meter wreck")."""
    people = [e for e in ents if e.label_ == "PERSON"]
    # the small model tags many surnames NORP ("Ohanian"): ", 34," after a single proper noun is an age
    named = people + [e for e in ents if e.label_ == "NORP" and len(e) == 1 and e[0].pos_ == "PROPN"
                      and not e.text.endswith("s")]
    for e in named:
        m = AGE_APPOSITION.match(full[e.end_char:e.end_char + 30])
        if m and 0 < int(m.group("n")) < 120:
            start, end = e.end_char + m.start("n"), e.end_char + m.end("n")
            add(("age",) + _person_key(e), f"{e.text}, {m.group('n')}", float(m.group("n")),
                f"age of {e.text}", start, end)
    for m in AGE.finditer(sentence.text):
        start, end = sentence.start + m.start(), sentence.start + m.end()
        gap_after = lambda e: full[end:e.start_char]          # noqa: E731
        gap_before = lambda e: full[e.end_char:start]         # noqa: E731
        near = [e for e in people if e.start_char >= end and re.fullmatch(r"\s*", gap_after(e))]
        near += [e for e in people if e.end_char <= start and re.fullmatch(r",\s*(?:an?\s+)?", gap_before(e))]
        if len(near) != 1:
            continue   # "the 33-year-old" alone, or several names around it: whose age is unclear
        e = near[0]
        add(("age",) + _person_key(e), m.group(), age_years(m), f"age of {e.text}", start, end)
    for m in SIZE.finditer(sentence.text):
        tok = _token_at(doc, sentence.start + m.start("u"))
        if tok is None:
            continue
        noun = tok.head
        if noun.pos_ != "NOUN" or noun.i <= tok.i or noun.i - tok.i > 3:
            continue
        dim, factor = SIZE_UNITS[m.group("u").lower()]
        before = full[max(0, sentence.start + m.start() - 16):sentence.start + m.start()].lower()
        q = next((w for w in ("nearly", "almost", "about", "around", "some", "more than", "over")
                  if before.rstrip().endswith(w)), "")
        add(("size", dim, _lemma(noun)), m.group(), word_or_number(m.group("n")) * factor,
            f"{dim} of the {_lemma(noun)}", sentence.start + m.start(), sentence.start + m.end(), qualifier=q)


# "nearly 10 hours into the 16-hour flight": how far into something an event happened.
_ELAPSED = re.compile(r"\b(?:(?P<q>nearly|almost|about|around|some|more than|over|roughly)\s+)?(?P<n>\d+(?:\.\d+)?|"
                      r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)\s+"
                      r"(?P<u>hour|minute)s?\s+into\b", re.I)


def _elapsed(sentence: Sentence, doc, add) -> None:
    """Time into an event ("about nine hours into the 15-hour flight"): key (elapsed, time, thing)."""
    for m in _ELAPSED.finditer(sentence.text):
        into = _token_at(doc, sentence.start + m.end() - 4)
        thing = next((c for c in into.children if c.dep_ == "pobj"), None) if into is not None else None
        if thing is None or thing.pos_ != "NOUN":
            continue
        minutes = word_or_number(m.group("n")) * SIZE_UNITS[m.group("u").lower()][1]
        add(("elapsed", "time", _lemma(thing)), m.group(), minutes, f"time into the {_lemma(thing)}",
            sentence.start + m.start(), sentence.start + m.end(), qualifier=(m.group("q") or "").lower())


def _dates_in(ents, cite: Citation, who: Attribution, when: str, base: date | None) -> list[Claim]:
    out = []
    for ent in ents:
        if ent.label_ != "DATE" or DURATION.fullmatch(ent.text.strip()):
            continue
        text = ent.text.strip()
        if base is None and not _FULL_YEAR.search(text):
            continue   # a relative date with nothing to resolve it against
        iso = resolve_claim_date(text, base, ent.sent.text)
        if not iso:
            continue
        head = ent.root.head
        while head.pos_ == "ADP" and head.head is not head:
            head = head.head
        out.append(Claim("date", text, f"date of {head.lemma_.lower()}", iso, who.speaker, who.certainty,
                         cite, when))
    return out


def _place_unplaced(figures: list[Figure]) -> list[Figure]:
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


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one story: claims, figures with their keys, per-sentence attribution."""

    claims: tuple[Claim, ...]
    figures: tuple[Figure, ...]
    attribution: dict[str, Attribution]   # sentence id -> who vouches for it
    report_dates: dict[str, tuple[str, bool]]   # article id -> (ISO date or "", inferred)


def extract(articles: Sequence[Article], sentences: Sequence[Sentence], parsed: StoryParse | None = None,
            *, dates: dict[str, ArticleDate] | None = None, origins: Sequence[Origin] = ()) -> Extraction:
    """Claims of every article of one story.

    Args:
        articles: the reports.
        sentences: their sentences (from ``segment``); claims cite these.
        parsed: the story's spaCy parse (``nlp.parse_story``), when already made; else parsed here.
        dates: each article's reference date (``timeline.article_dates``); inferred here when
            not given, with ``origins`` for the wire-copy rule.
        origins: the story's origin groups.

    Raises:
        ImportError: spaCy or its English model is not installed (``pip install newsbrief[nlp]``).
    """
    parsed = ensure_parse(articles, parsed)
    if not parsed.available:
        raise ImportError(parsed.missing or MISSING)
    dates = dates if dates is not None else article_dates(articles, origins)
    by_article: dict[str, list[Sentence]] = {}
    for s in sentences:
        by_article.setdefault(s.article_id, []).append(s)
    claims: list[Claim] = []
    figures: list[Figure] = []
    attribution: dict[str, Attribution] = {}
    report_dates: dict[str, tuple[str, bool]] = {}
    for article in articles:
        doc = parsed.doc(article.id)
        doc_ents = doc.ents
        ref = dates.get(article.id)
        base = ref.date if ref else None
        when = base.isoformat() if base else ""
        report_dates[article.id] = (when, bool(ref and ref.inferred and base))
        previous = None
        own: list[Figure] = []
        for s in sorted(by_article.get(article.id, []), key=lambda s: s.index):
            span = doc.char_span(s.start, s.end, alignment_mode="expand")
            if span is None:
                continue
            who = attribute(span, previous)
            previous = who
            attribution[s.id] = who
            cite = Citation(article.id, s.id, s.start, s.end)
            # Span.ents walks the whole doc each time: pick this sentence's from the doc's once
            ents = [e for e in doc_ents if e.start >= span.start and e.end <= span.end]
            found = _figures_in(s, span, ents, cite, who, when, base, article.text)
            own += found
            claims += _dates_in(ents, cite, who, when, base)
            if not found and who.certainty != "fact" and len(s.text.split()) >= 6:
                claims.append(Claim("statement", s.text, "", None, who.speaker, who.certainty, cite, when))
        own = _place_unplaced(own)
        figures += own
        claims += [f.claim for f in own]
    return Extraction(tuple(claims), tuple(figures), attribution, report_dates)

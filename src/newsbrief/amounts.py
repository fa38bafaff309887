"""Figures read from a unit: ages, sizes, time into an event, rates and amounts of a thing.

``claims`` finds a sentence's figures; the ones written with a unit ("33-year-old", "98 feet
(30 m) long", "593 friends per hour", "3.7 million square feet of space") are read here, each
with its value in the unit's base (years, metres, minutes, per hour, square metres).
"""

from __future__ import annotations

import re

from .quantities import (AGE, AGE_APPOSITION, AGE_EDGE, AGE_SPAN, AMOUNT_OF, AMOUNT_UNITS, CHANCE, DEGREES, DIMENSIONS, LINEAR_UNITS,
                         NOT_A_READING, RATE, SIZE, SIZE_OF, SIZE_UNITS, age_years, fahrenheit, parse_number,
                         rate_per_hour, word_or_number)
from .measures import PLACE_LABELS, count_range, lemma_of
from .types import Sentence


def person_key(ent) -> tuple[str, str]:
    """(surname, given name or "") of a person's mention, folded: "Alexis Ohanian" -> ("ohanian", "alexis")."""
    words = [t.lower_ for t in ent if t.pos_ == "PROPN" or t.is_title]
    words = [w for w in words if w not in {"mr", "mrs", "ms", "dr"}] or [ent.root.lower_]
    return words[-1], words[0] if len(words) >= 2 else ""


def ages_and_sizes(sentence: Sentence, doc, ents, full: str, add) -> None:
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
            add(("age",) + person_key(e), f"{e.text}, {m.group('n')}", float(m.group("n")),
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
        add(("age",) + person_key(e), m.group(), age_years(m), f"age of {e.text}", start, end)
    for m in SIZE.finditer(sentence.text):
        tok = token_at(doc, sentence.start + m.start("u"))
        if tok is None:
            continue
        noun = tok.head
        if noun.pos_ != "NOUN" or noun.i <= tok.i or noun.i - tok.i > 3:
            continue
        dim, factor = SIZE_UNITS[m.group("u").lower()]
        before = full[max(0, sentence.start + m.start() - 16):sentence.start + m.start()].lower()
        q = next((w for w in ("nearly", "almost", "about", "around", "some", "more than", "over")
                  if before.rstrip().endswith(w)), "")
        add(("size", dim, lemma_of(noun)), m.group(), word_or_number(m.group("n")) * factor,
            f"{dim} of the {lemma_of(noun)}", sentence.start + m.start(), sentence.start + m.end(), qualifier=q)


def stated_sizes(sentence: Sentence, doc, add) -> None:
    """Sizes stated of a thing in any length unit ("the vessel is estimated to be 98 feet (30 m)
    long", "a tower 310 m tall"): key (size, dimension, thing), value in metres, so that "98 feet"
    and "the 25-meter wreck" compare. The thing is the noun the adjective describes, or the
    subject of its clause ("the vessel ... to be ... long"); none found, no figure."""
    for m in SIZE_OF.finditer(sentence.text):
        adj = token_at(doc, sentence.start + m.start("d"))
        if adj is None:
            continue
        thing = adj.head if adj.dep_ == "amod" else None
        verb = adj.head if adj.dep_ == "acomp" else None
        for _ in range(2):      # "is ... long", "is estimated to be ... long"
            if verb is None or thing is not None:
                break
            thing = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            verb = verb.head if verb.dep_ in {"xcomp", "ccomp"} else None
        if thing is None or thing.pos_ not in {"NOUN", "PROPN"}:
            continue
        value = float(m.group("n").replace(",", "")) * LINEAR_UNITS[m.group("u").lower()]
        dim = DIMENSIONS[m.group("d").lower()]
        add(("size", dim, lemma_of(thing)), sentence.text[m.start("n"):m.end("u")], value,
            f"{dim} of the {lemma_of(thing)}", sentence.start + m.start(), sentence.start + m.end(),
            qualifier=(m.group("q") or "").lower())


# "nearly 10 hours into the 16-hour flight": how far into something an event happened.
_ELAPSED = re.compile(r"\b(?:(?P<q>nearly|almost|about|around|some|more than|over|roughly)\s+)?(?P<n>\d+(?:\.\d+)?|"
                      r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)\s+"
                      r"(?P<u>hour|minute)s?\s+into\b", re.I)


def elapsed(sentence: Sentence, doc, add) -> None:
    """Time into an event ("about nine hours into the 15-hour flight"): key (elapsed, time, thing)."""
    for m in _ELAPSED.finditer(sentence.text):
        into = token_at(doc, sentence.start + m.end() - 4)
        thing = next((c for c in into.children if c.dep_ == "pobj"), None) if into is not None else None
        if thing is None or thing.pos_ != "NOUN":
            continue
        minutes = word_or_number(m.group("n")) * SIZE_UNITS[m.group("u").lower()][1]
        add(("elapsed", "time", lemma_of(thing)), m.group(), minutes, f"time into the {lemma_of(thing)}",
            sentence.start + m.start(), sentence.start + m.end(), qualifier=(m.group("q") or "").lower())


def rates(sentence: Sentence, doc, add) -> None:
    """Counts per unit of time ("losing 593 friends per hour", "at a rate of about 847 an hour"):
    key (rate, per hour). A story tracks one rate of things counted (a page's losses, a camp's
    arrivals); two rates far apart are kept apart by ``conflicts.MAX_COUNT_RATIO``."""
    for m in RATE.finditer(sentence.text):
        per_hour = rate_per_hour(m)
        what = token_at(doc, sentence.start + m.start("what")) if m.group("what") else None
        if per_hour is None or what is not None and what.pos_ != "NOUN" and (what.tag_ != "VBZ" or what.i == 0):
            continue   # "the two spent a week together": no rate; "593 likes an hour" read as a verb is one
        add(("rate", "per hour"), m.group(), per_hour, "count per hour", sentence.start + m.start(),
            sentence.start + m.end(), qualifier=(m.group("q") or "").lower())


def amounts_of(sentence: Sentence, doc, full: str, add) -> None:
    """Amounts in a unit of a thing ("at least 3.7 million square feet of industrial space",
    "approximately 4.5 million square feet of space"): key (size, dimension, thing), value in
    the dimension's base unit. Range ends ("10,000 to 20,000 square feet") are no amount."""
    for m in AMOUNT_OF.finditer(sentence.text):
        start, end = sentence.start + m.start(), sentence.start + m.end()
        if count_range(full, sentence.start + m.start("n"), sentence.start + m.end("n")) is not None:
            continue
        of = token_at(doc, end - 2)
        thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if thing is None or thing.pos_ != "NOUN":
            continue
        value, q = parse_number(f"{m.group('q') or ''} {m.group('n')}".strip())
        dim, factor = AMOUNT_UNITS[" ".join(m.group("u").lower().split())]
        add(("size", dim, lemma_of(thing)), m.group()[:-3].strip(), value * factor,
            f"{dim} of the {lemma_of(thing)}", start, end - 3, qualifier=q)


def group_ages(sentence: Sentence, doc, add) -> None:
    """The youngest and oldest of a group of people ("assaults on girls between the ages of six and
    12", "assaulting British girls as young as 10"): key (group age, youngest or oldest, the group's
    noun with its describing words: "british girl"). A span ("aged 25 to 54") is marked "aged":
    two spans are two brackets of a population, never two accounts of one group (``conflicts``);
    only a span and an edge ("as young as") compare."""
    for m in AGE_SPAN.finditer(sentence.text):
        group = _group_before(doc, sentence.start + m.start())
        if group is not None:
            for end, n in (("youngest", "lo"), ("oldest", "hi")):
                add(_group_age_key(group, end), m.group(n), word_or_number(m.group(n)), f"{end} age of the {group.lower_}",
                    sentence.start + m.start(n), sentence.start + m.end(n), qualifier="aged")
    for m in AGE_EDGE.finditer(sentence.text):
        group = _group_before(doc, sentence.start + m.start())
        if group is not None:
            end = "youngest" if m.group("end").lower() == "young" else "oldest"
            add(_group_age_key(group, end), m.group(), word_or_number(m.group("n")), f"{end} age of the {group.lower_}",
                sentence.start + m.start(), sentence.start + m.end())


def _group_before(doc, char: int):
    """The plural noun right before an age phrase ("girls, aged 6 to 12"), or None."""
    tok = token_at(doc, char)
    prev = tok.nbor(-1) if tok is not None and tok.i > 0 else None
    if prev is not None and prev.text == "," and prev.i > 0:
        prev = prev.nbor(-1)
    return prev if prev is not None and prev.tag_ == "NNS" else None


def _group_age_key(group, end: str) -> tuple[str, ...]:
    """(group age, end, the group's noun with the words that say which: "British girls" -> "british girl").
    Not what happens to them: the small parser attaches "on girls" to any verb or noun near it."""
    which = [lemma_of(c) for c in group.children if c.dep_ in {"amod", "compound"} and c.i < group.i
             and not c.is_stop and lemma_of(c) not in {"young", "old", "other"}]
    return "group age", end, " ".join([*which, lemma_of(group)])


# Nouns that name a reading, not the thing read: "the temperature inside the truck", "the interior of the car".
_READING_NOUNS = {"temperature", "temp", "interior", "inside", "heat", "reading", "mercury", "thermometer", "high", "low"}
# Auxiliaries of a forecast or a possibility ("temperatures will reach 110", "it can get hotter"); with
# "have" a guess at what was ("could have reached nearly 120 degrees"), a reading all the same.
_MODAL_AUX = {"can", "could", "may", "might", "will", "would", "should", "must", "'ll", "'d", "ca", "wo"}


def degrees_of(sentence: Sentence, doc, full: str, add) -> None:
    """Readings in degrees of one thing ("the temperature inside the truck could have reached
    nearly 120 degrees", "the interior of the truck could've reached between 130-170 degrees"):
    key (degrees, scale, thing). A named scale is read in Fahrenheit ("F"); an unnamed one ("")
    compares only with values too close to be the other scale (``conflicts``). Differences
    ("5 degrees warmer"), forecasts ("will reach 110 degrees") and places' weather (a city's
    temperature moves by the hour) are no reading of a thing."""
    for m in DEGREES.finditer(sentence.text):
        start, end = sentence.start + m.start(), sentence.start + m.end()
        if NOT_A_READING.match(full[end:end + 30]) or re.search(r"\b(?:by|from)\s*$", full[max(0, start - 6):start]):
            continue
        verb = token_at(doc, end - 1)
        for _ in range(3):    # "degrees" -> (between ->) reached
            if verb is None or verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
                break
            verb = verb.head
        if verb is None or verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "xcomp" or _foretold(verb):
            continue
        if any(c.dep_ == "dobj" and not start <= c.idx < end for c in verb.children):
            continue   # "limit the temperature increase to 1.5 °C": what the verb acts on is no reading
        thing = _thing_read(verb)
        if thing is None:
            continue
        scale = "F" if m.group("scale") else ""
        value = fahrenheit(float(m.group("n")), m.group("scale") or "")
        upper = fahrenheit(float(m.group("hi")), m.group("scale") or "") if m.group("hi") else None
        q = "between" if upper is not None else (m.group("q") or "").lower()
        add(("degrees", scale, lemma_of(thing)), m.group().strip(), value, f"degrees of the {lemma_of(thing)}",
            start, end, qualifier=q, upper=upper)


def _foretold(verb) -> bool:
    """A modal without "have": "will reach", "can get" (``_MODAL_AUX``)."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & _MODAL_AUX) and not aux & {"have", "'ve"}


def _thing_read(verb):
    """The thing whose reading a verb states: its subject, past reading nouns ("the temperature inside
    the truck" -> truck, "body temperature" -> body); the noun just before the verb when the parser
    gave it no subject ("which means the interior of the truck could've reached"). None for a
    pronoun, a place, a day ("the high yesterday was 89 degrees") or a bare reading ("the high
    temperature here")."""
    thing = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if thing is None and not any(c.tag_ == "TO" for c in verb.children):   # not "efforts to limit"
        first = min([c.i for c in verb.children if c.dep_ in {"aux", "advmod", "neg"} and c.i < verb.i] + [verb.i])
        thing = verb.doc[first - 1] if first > 0 else None
    for _ in range(3):
        if thing is None or lemma_of(thing) not in _READING_NOUNS:
            break
        inner = [p for c in thing.children if c.dep_ == "prep" and c.lower_ in {"in", "inside", "of", "within"}
                 for p in c.children if p.dep_ == "pobj"]
        inner += [c for c in thing.children if c.dep_ == "compound"]
        thing = inner[0] if inner else None
    if (thing is None or thing.pos_ not in {"NOUN", "PROPN"} or lemma_of(thing) in _READING_NOUNS
            or thing.ent_type_ in PLACE_LABELS | {"DATE", "TIME"}):
        return None
    return thing


def chances(sentence: Sentence, doc, add) -> None:
    """Probabilities of an event ("Republicans have a 60 percent chance of a Senate takeover", "it is
    more than 80 percent likely that the Republicans will take control of the Senate"): key (chance,
    the event's words), concepts the content lemmas of the event and of who has the chance; two
    chances line up when one's words all are among the other's (``conflicts.same_measure``)."""
    for m in CHANCE.finditer(sentence.text):
        word = token_at(doc, sentence.start + m.start("w"))
        if word is None:
            continue
        parts = [c for c in word.children if c.dep_ in {"prep", "ccomp", "xcomp", "acl", "relcl"}]
        if word.pos_ == "ADJ":      # "it is 80 percent likely that ...": the clause may hang from "is"
            parts += [c for c in word.head.children if c.dep_ in {"ccomp", "xcomp"} and c.i > word.i]
        elif word.dep_ == "dobj":   # "Republicans have a 60 percent chance": who has it
            parts += [c for c in word.head.children if c.dep_ == "nsubj"]
        # verbs even when stop words: "take" control is what happens
        words = [t for part in parts for t in part.subtree if t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"}
                 and (t.pos_ == "VERB" or not t.is_stop) and t.ent_type_ not in {"DATE", "TIME", "PERCENT", "CARDINAL"}]
        concepts = frozenset(lemma_of(t) for t in words)
        if not concepts:
            continue
        text = sentence.text[m.start():m.start("w")].strip()     # "more than 80 percent"
        told = " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))
        add(("chance", " ".join(sorted(concepts))), text, float(m.group("n")), f"chance: {told}", sentence.start + m.start(),
            sentence.start + m.start() + len(text), qualifier=(m.group("q") or "").lower(), concepts=concepts)


def token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None

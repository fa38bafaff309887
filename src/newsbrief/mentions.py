"""Mentions: the names written in each article, as the tagger (or the fallback) finds them.

``find_mentions`` reads named mentions from the story's one spaCy parse (``nlp.parse_story``,
shared with claims) when the ``nlp`` extra is installed, capitalised phrases otherwise; each is
trimmed to its proper-noun core. A title before a person's name ("Sen. Elizabeth Warren"),
which the model leaves out of its span, is kept as the mention's spelling and the name without
it is ``Mention.core``. ``missed_mentions`` adds the surnames and given names of the story's
people written alone where the model tagged nothing ("Snowden"); ``found_mentions`` adds the
spellings of found names that no tagger yields (other casings, handles, acronyms: ``found.py``).
``entities`` merges them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .align import content_stems
from .attribution import SAY_VERBS
from .dates import MONTH
from .found import article_texts, extra_mentions, line_stems
from .nlp import StoryParse, captions, ensure_parse
from .spellings import CONNECTORS, TITLES, nick_namer
from .types import Article

# Named events and laws ("Hurricane Sandy", "COP21", "the Kyoto Protocol", "the Second Amendment"):
# reports spell them several ways too. Products and works of art are left out: the small model's
# PRODUCT and WORK_OF_ART spans are too often people, places or headlines.
NAMED_THINGS = ("EVENT", "LAW")
# A month and a day in a span: a date the model took for an event's name.
_DATE_SPAN = re.compile(rf"\b{MONTH}\s+\d", re.I)
# spaCy labels kept: people, places, organisations and groups (NORP: nationalities, religious
# and political groups), and named events and laws. Dates and numbers are not "who and where".
ENTITY_TYPES = ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", *NAMED_THINGS)
# Facility nouns that, written after a name in lower case, belong to it ("... mosque").
_FACILITY_NOUNS = frozenset("mosque church cathedral hospital airport square street bridge "
                            "university palace prison stadium".split())
# Nouns next to a name that say it is a place ("the Bab Hud neighbourhood", "districts like
# Qussur"): the small English model often tags transliterated place names as people.
_PLACE_CUES = frozenset("district districts neighbourhood neighbourhoods neighborhood neighborhoods "
                        "area areas town towns city village villages province suburb quarter "
                        "region".split())

# Words of a title written before a person's name ("Sen.", "Vice President", "Lt."): the titled
# spelling is a variant of the name, compared without them.
HONORIFICS = TITLES | frozenset("vice deputy lieutenant ambassador congressman congresswoman "
                                 "representative sir dame rev reverend sergeant detective speaker bishop "
                                 "archbishop cardinal rabbi attorney officer inspector constable trooper "
                                 "superintendent agent coach father pastor commissioner councilman "
                                 "councilwoman sheriff".split())
# Prepositions before a place's name, not a person's ("in Kabul", "near Homs").
_PLACE_PREPOSITIONS = frozenset("in at near outside inside across throughout around".split())
# Words after a comma that end one name ("John F. Kennedy, Jr.", "Apple, Inc."), not start another.
_NAME_SUFFIXES = frozenset("jr sr inc ltd llc llp co corp plc ii iii iv".split())
# Titles written before a surname only ("Mr. Lin", "Dr. Nissen").
PERSONAL_TITLES = frozenset("mr mrs ms miss dr".split())
# Entity types that may qualify a title before a name ("Chinese Vice President", "U.S. Rep.",
# "Chongqing Communist Party Secretary").
TITLE_QUALIFIERS = frozenset({"GPE", "NORP", "ORG", "LOC"})

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.U)
_POSSESSIVE = re.compile(r"['’]s?$")
# Capitalised phrases for the model-free fallback (not a sentence's first word).
_CAPS = re.compile(r"(?<![.!?\"“]\s)(?<!^)\b[A-Z][\w'’-]+(?:\s+(?:al-|el-|bin\s|ibn\s|ben\s|of\s|for\s)?[A-Z][\w'’-]+)*",
                   re.M)


@dataclass(frozen=True, slots=True)
class Mention:
    """One name as written in one article."""

    text: str          # cleaned surface: "Bashar al-Assad" (no "the", no possessive)
    label: str         # spaCy label, or "NAME" from the fallback
    article_id: str
    context: frozenset[str] = frozenset()   # content stems of its sentence
    core: str = ""     # the name without the title written before it ("Elizabeth Warren" of
                       # "Sen. Elizabeth Warren"); "" when ``text`` has none
    as_noun: bool = False    # written after "the" or before a capitalised word ("the House", "House
                             # Republicans"): a noun's use, never a surname's
    speaks: bool = False     # the subject of a verb of saying ("Dunham said"): a person's use,
                             # whatever label the model gave the name
    cued: bool = False       # ``label`` read from the words around ("the X neighbourhood"), not the
                             # model's person or organisation: it decides the entity's type (a
                             # nationality before "city" stays a nationality: "Syrian city")
    after_the: bool = False  # written after "the" ("the Beatles"): a group's or a thing's name, never
                             # a given name
    why: str = ""            # found by ``mentions.extra_mentions``: why ``text`` spells ``core``
    placed: bool = False     # written where a place goes ("in Palin" is never written): after a
                             # preposition of place, not as an owner ("in Pinochet's Chile")

    @property
    def name(self) -> str:
        """What merging compares: the name without its title."""
        return self.core or self.text


# --- mentions -----------------------------------------------------------------------------

def clean_mention(text: str) -> str:
    """A mention's surface without a leading "the", a possessive or stray punctuation."""
    s = " ".join(text.split())
    s = re.sub(r"^(?:the|The|THE|a|an|their|its|his|her|our)\s+", "", s)   # a determiner is not the name
    s = re.split(r"\s*[(@]", s)[0]            # "Beyoncé (@beyonce": a handle is not the name
    s = re.sub(r",?\s+et\.?\s+al\b\.?$", "", s)  # "D. Aune et al": a citation's authors, the first named
    s = _POSSESSIVE.sub("", s)
    if re.fullmatch(r"(?:[A-Z]\.){2,}", s):
        return s                              # "U.N." keeps its dots
    s = s.strip(" -‐–,;:&\"“”'’()[]")
    if re.search(r"(?:^|\s)(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z])\.$", s):
        return s                              # "Apotex Inc.", "Washington D.C.": an abbreviation's dot
    return s.strip(" .")


def _model_mentions(docs, article_id: str) -> list[Mention]:
    out = []
    for doc in docs:
        ents = doc.ents
        split_off = {k + 1 for k in range(len(ents) - 1) if _surname_tagged_apart(doc, ents[k], ents[k + 1])}
        for k, ent in enumerate(ents):
            if ent.label_ not in ENTITY_TYPES or k in split_off:
                continue
            tokens = list(ent)
            if k + 1 in split_off:
                tokens.append(ents[k + 1][0])  # "Simon Luca" + "Trigona" (a place): one person's name
            # keep the proper-noun core: "Capturing Khalidiya" -> "Khalidiya"
            while tokens and (tokens[0].pos_ in ("VERB", "ADV", "ADP", "PUNCT")
                              or (tokens[0].is_sent_start and tokens[0].lower_.endswith("ing"))
                              # "Spokeswoman Elisabeth Byrs": a common noun before a name is its role
                              or (tokens[0].pos_ == "NOUN" and len(tokens) > 1 and tokens[1].pos_ == "PROPN"
                                  and (tokens[0].is_sent_start or tokens[0].is_lower))
                              or _inverted_say(doc, tokens) or _role_opening_a_name(ent, tokens)):
                tokens.pop(0)
            # "Assad's Alawite": the possessor is the name when one word follows the possessive
            poss = [k for k, t in enumerate(tokens) if t.tag_ == "POS"]
            if poss and len(tokens) - poss[0] - 1 <= 1:
                tokens = tokens[:poss[0]]
            # "Donald J. Trump Επαληθευμένος" (a page's "verified" badge): a word in another script
            while len(tokens) > 1 and _latin(tokens[0].text) and not _latin(tokens[-1].text) and tokens[-1].is_alpha:
                tokens.pop()
            if ent.label_ in NAMED_THINGS:
                tokens = _named_thing(tokens)
            if not tokens or not any(t.pos_ == "PROPN" or ent.label_ == "NORP" for t in tokens):
                continue
            for part, part_label in _conjoined(tokens, ent.label_):
                mention = _mention(doc, ent, part, part_label, article_id)
                if mention is not None:
                    out.append(mention)
    return out


def _named_thing(tokens: list) -> list:
    """An event's or a law's name as the small model spans it, cut where its name ends: at a spaced
    dash or a verb ("Article 5 - the", "Second Amendment is America"); none when it is a date
    ("Sep 1, 2017", "February 27": the model's EVENT or LAW for a day)."""
    if _DATE_SPAN.search(" ".join(t.text for t in tokens)):
        return []
    end = next((k for k, t in enumerate(tokens) if t.text in ("-", "–", "—") or t.pos_ in ("AUX", "VERB")), len(tokens))
    return tokens[:end]


@lru_cache(maxsize=1)
def _english_nouns() -> frozenset[str]:
    """The common nouns of the model's lemmatizer (WordNet's), empty when it has none."""
    from .nlp import load_model

    nlp = load_model()
    try:
        return frozenset(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])
    except (AttributeError, KeyError):
        return frozenset()


# Endings of nouns naming what someone does ("filmmaker", "lawyer", "activist"); WordNet's nouns
# also hold names ("mohammed", "la" of "La David Johnson") that must stay a name's first word.
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "ess", "ant", "ent", "ee")


def _role_opening_a_name(ent, tokens: list) -> bool:
    """"Filmmaker Zhang Yimou, the production's director, ...": a sentence opening with a common
    noun of a role capitalised before a two-word name, which the model read as one name of three
    proper nouns. A given name that is also a noun ("Frank", "Victor") is kept as the name."""
    first = tokens[0]
    if not (ent.label_ == "PERSON" and len(tokens) == 3 and first.is_sent_start and first.pos_ == "PROPN"
            and all(t.is_alpha and t.is_title for t in tokens) and len(first) >= 5
            and first.lower_.endswith(_AGENT_ENDINGS) and first.lower_ in _english_nouns()):
        return False
    namer = nick_namer()
    return namer is not None and not (namer.nicknames_of(first.lower_) or namer.canonicals_of(first.lower_))


def _surname_tagged_apart(doc, person, nxt) -> bool:
    """"Dr. Simon Luca Trigona, who led ...": the model tagged a given name and a middle name a
    person and the capitalised word right after them, then a punctuation mark or a verb, another
    entity (a place); that word is the person's surname. (A noun after it, "Donald Trump Russia
    probe", makes it a headline's modifier instead.)"""
    end = nxt.end
    after = doc[end] if end < len(doc) else None
    return (person.label_ == "PERSON" and len(person) >= 2 and nxt.start == person.end and len(nxt) == 1
            and nxt.label_ in ("GPE", "LOC", "ORG", "NORP") and nxt[0].pos_ == "PROPN" and nxt[0].is_title
            and all(t.is_alpha and t.is_title for t in (*person, nxt[0]))
            and (after is None or after.is_punct or after.pos_ in ("VERB", "AUX")))


def _inverted_say(doc, tokens: list) -> bool:
    """"Said Williams, who has lived there ...": a sentence opening with the verb of saying before
    its speaker's surname, which the model read as a given name and the surname (a name "Said"
    would not stand before a lone surname then a comma or colon)."""
    end = tokens[-1].i + 1
    return (len(tokens) == 2 and tokens[0].is_sent_start and tokens[0].lower_ in ("said", "says")
            and end < len(doc) and doc[end].text in (",", ":"))


def _conjoined(tokens: list, label: str) -> list[tuple[list, str]]:
    """The names in one span the model read as one name ("Tina Fey and Eva Longoria", "Obama,
    Conard"), each with the label it may keep: a person's label holds for each person, but an
    organisation's label of a list says nothing of its members ("NAME": any type). A span stays
    whole unless every part is capitalised words, no part is a suffix ("John F. Kennedy, Jr.",
    "Apple, Inc.") and, without a comma, each part has two words or more ("Johnson and Johnson",
    "Bosnia and Herzegovina" are one name each)."""
    if label not in ("PERSON", "ORG"):
        return [(tokens, label)]
    cuts = [k for k, t in enumerate(tokens) if t.text == "," or t.lower_ in ("and", "or")]
    if not cuts:
        return [(tokens, label)]
    parts = [p for p in (tokens[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(tokens)])) if p]
    comma = any(tokens[k].text == "," for k in cuts)
    if (len(parts) < 2
            or any(not (t.text[:1].isupper() and t.pos_ == "PROPN") for p in parts for t in p)
            or any(t.lower_.rstrip(".") in _NAME_SUFFIXES for p in parts for t in p)
            or (not comma and any(len(p) < 2 for p in parts))):
        return [(tokens, label)]
    return [(p, label if label == "PERSON" else "NAME") for p in parts]


def _mention(doc, ent, tokens: list, model_label: str, article_id: str) -> Mention | None:
    """The mention written by ``tokens`` of the entity span ``ent``; None when it is no name."""
    end = tokens[-1].i + 1
    # "Khalid Ibn al-Walid mosque": a facility noun after the name belongs to it
    if end < len(doc) and doc[end].lower_ in _FACILITY_NOUNS:
        end += 1
    begin = tokens[0].i
    label = _label_in_context(doc, begin, end, model_label)
    if (label == "PERSON" and begin > 1 and _untagged_name_word(doc[begin - 1])
            and _title_start(doc, begin - 1) < begin - 1):
        begin -= 1                            # "Mayor Carmen Yulín Cruz": the model left out "Carmen"
    text = clean_mention(doc[begin:end].text)
    if len(text) < 2 or not any(c.isupper() for c in text):
        return None
    start = _title_start(doc, begin) if label == "PERSON" else begin
    titled = clean_mention(doc[start:end].text) if start < begin else ""
    whole = tokens[0].i == ent.start
    the_before = (whole and ent.text.lower().startswith("the ")) or (begin > 0 and doc[begin - 1].lower_ == "the")
    as_noun = the_before or (end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper())
    speaks = any(t.dep_ == "nsubj" and t.head.lemma_.lower() in SAY_VERBS for t in tokens)
    placed = (begin > 0 and doc[begin - 1].lower_ in _PLACE_PREPOSITIONS
              and not (end < len(doc) and doc[end].tag_ == "POS"))
    return Mention(titled or text, label, article_id, _sentence_stems(ent.sent),
                   core=text if titled else "", as_noun=as_noun, speaks=speaks, after_the=the_before,
                   cued=label != model_label and model_label in ("PERSON", "ORG"), placed=placed)


# Nobiliary particles written lower-case between a given name and a surname ("Gunilla von Post").
NOBLE_PARTICLES = frozenset({"von", "van"})


def noble_name(text: str) -> bool:
    """``text`` is a given name, a lower-case nobiliary particle and a surname, each one word."""
    words = text.split()
    return (len(words) == 3 and words[1] in NOBLE_PARTICLES
            and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in (words[0], words[2])))


def _latin(text: str) -> bool:
    """Some letter of ``text`` is in the Latin script."""
    return any(c.isalpha() and unicodedata.name(c, "").startswith("LATIN") for c in text)


def _untagged_name_word(token) -> bool:
    """A capitalised proper noun outside any entity and no title: a word of the name next to it."""
    return (token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper() and not token.is_upper
            and not token.ent_type_ and not _is_title(token))


def _is_title(token) -> bool:
    return token.text[:1].isupper() and token.lower_.rstrip(".") in HONORIFICS


def _title_start(doc, start: int) -> int:
    """Where the title written before the name at ``start`` begins ("Nevada Sen. Harry Reid",
    "Chinese Vice President Xi Jinping"); ``start`` when there is none.

    The model leaves titles out of a person's span, yet writers use the titled form as the
    name ("Sen. Elizabeth Warren", "Mr. Zhou"): the titled spelling is kept as a variant and
    merged through the name it carries.
    """
    k = start
    while k > 0:
        if _is_title(doc[k - 1]):
            k -= 1
        elif k > 1 and doc[k - 1].text in "-‐." and _is_title(doc[k - 2]):
            k -= 2                            # "Secretary-General" whole; "Lt" "." read as "Lt."
        else:
            break
    if k == start or (k > 1 and doc[k - 1].text in "-‐"):
        return start
    if (k > 0 and doc[k].lower_ == "general" and doc[k - 1].is_alpha and doc[k - 1].text[:1].isupper()
            and not doc[k - 1].ent_type_):
        k -= 1                                # "Attorney General", "Surgeon General": the office whole
    while k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].ent_type_ in TITLE_QUALIFIERS:
        k -= 1
        if doc[k].is_sent_start:
            break
    return k


@lru_cache(maxsize=4096)
def _stems_of(text: str) -> frozenset[str]:
    return content_stems(text)


def _sentence_stems(sent) -> frozenset[str]:
    # several mentions share a sentence: stem it once
    return _stems_of(sent.text)


def _label_in_context(doc, start: int, end: int, label: str) -> str:
    """Correct the model's label with the words around the mention (places, facilities)."""
    if doc[end - 1].lower_ in _FACILITY_NOUNS:
        return "FAC"
    if label == "ORG" and noble_name(doc[start:end].text):
        return "PERSON"                       # "Gunilla von Post": a given name, "von", a surname
    after = doc[end].lower_ if end < len(doc) else ""
    before = [t.lower_ for t in doc[max(0, start - 3):start]]
    if label in ("PERSON", "ORG", "NORP") and (
            after in _PLACE_CUES or (before[-1:] == ["of"] and set(before[:-1]) & _PLACE_CUES)
            or (before[-1:] == ["like"] and set(before) & _PLACE_CUES)):
        return "GPE"
    return label


def _fallback_mentions(article: Article) -> list[Mention]:
    out = []
    for text in (article.text, *captions(article)):
        for line in text.splitlines():
            for m in _CAPS.finditer(line):
                name = clean_mention(m.group())
                if len(name) >= 2 and name.lower() not in TITLES:
                    out.append(Mention(name, "NAME", article.id, content_stems(line)))
    return out


def find_mentions(article: Article, *, use_model: bool = True,
                  parsed: StoryParse | None = None) -> tuple[Mention, ...]:
    """Named mentions of people, places, organisations and groups in one article.

    Args:
        article: the report; its text and its captions (``nlp.captions``) are read.
        use_model: use spaCy's NER when installed; ``False`` forces the capitalised-phrase
            fallback (labels "NAME"), which also runs when spaCy is missing.
        parsed: the story's parse (``nlp.parse_story``), when already made; else the article
            is parsed here.
    """
    if not use_model:
        return tuple(_fallback_mentions(article))
    parsed = ensure_parse([article], parsed)
    if not parsed.available:
        return tuple(_fallback_mentions(article))
    return tuple(_model_mentions((parsed.doc(article.id), *parsed.captions.get(article.id, ())), article.id))


def missed_mentions(articles: Sequence[Article], parsed: StoryParse,
                    mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """Surnames and given names of the story's people written alone where the model tagged nothing.

    The small model tags "Edward Snowden" but often not the "Snowden" of later sentences, so the
    short form is never a variant. A capitalised proper noun standing alone (no name word next
    to it) that is the first or last word of a person's full name found in the story is taken as
    a mention of that word, diacritics folded ("Rossello" of "Ricardo Rosselló"); merging then
    decides which person it is, or reports it as doubtful.
    """
    parts = {_plain(w) for m in mentions if m.label in ("PERSON", "NAME")
             for ws in [m.name.split()] if len(ws) >= 2 for w in (ws[0], ws[-1])
             if len(w) >= 3 and w.isalpha() and w[0].isupper() and w.lower() not in HONORIFICS | CONNECTORS}
    org_surnames = _person_shaped_org_surnames(mentions)
    out = []
    for a in articles:
        if not parsed.available or not (parts or org_surnames):
            break
        for doc in (parsed.doc(a.id), *parsed.captions.get(a.id, ())):
            for t in doc:
                if (not (_untagged_proper_noun(t) or _dropped_one_word_entity(doc, t)) or not t.text[:1].isupper()
                        or not (_plain(t.text) in parts or (_plain(t.text) in org_surnames and _acts_as_person(t)))
                        or _name_word(doc, t.i + 1)
                        or (_name_word(doc, t.i - 1) and not _is_title(doc[t.i - 1]))):
                    continue
                first = t.i
                if first > 0 and doc[first - 1].lower_ == "the":
                    continue                          # "the Beatles": a group's or a thing's name, no person's
                if first > 0 and doc[first - 1].text in _PARTICLES:
                    first -= 1                        # "de Juan" of "Carlos de Juan"
                start = _title_start(doc, first)
                text = clean_mention(doc[first:t.i + 1].text)
                titled = clean_mention(doc[start:t.i + 1].text) if start < first else ""
                out.append(Mention(titled or text, "PERSON", a.id, _sentence_stems(t.sent),
                                   core=text if titled else ""))
    return tuple(out)


def _person_shaped_org_surnames(mentions: Sequence[Mention]) -> set[str]:
    """Last words of two-word names the model took for organisations ("Artur Gold"): a person's
    surname when written alone as a person's (``_acts_as_person``)."""
    return {_plain(ws[-1]) for m in mentions if m.label == "ORG" for ws in [m.name.split()]
            if len(ws) == 2 and m.name.istitle() and all(w.isalpha() and len(w) >= 3 for w in ws)}


def _acts_as_person(token) -> bool:
    """The word is a clause's subject that speaks ("Gold said") or is described by a common noun
    set beside it ("Gold, a Jewish violinist from Warsaw, was kept alive")."""
    return token.dep_ in ("nsubj", "nsubjpass") and (
        token.head.lemma_.lower() in SAY_VERBS
        or any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in token.children))


def _untagged_proper_noun(token) -> bool:
    return token.ent_type_ not in ENTITY_TYPES and token.pos_ == "PROPN"


def _dropped_one_word_entity(doc, token) -> bool:
    """A one-word entity the model read as a common noun ("and Sanders by 11", "Al Jazeera's Bays
    said"): ``find_mentions`` drops it (no proper noun), yet mid-sentence its capital says it is a
    name, and a surname of the story's people is that person's."""
    return (token.ent_iob_ == "B" and token.ent_type_ in ENTITY_TYPES and token.pos_ == "NOUN"
            and not token.is_sent_start and not (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"))


# Lower-case particles that begin a surname ("de Juan", "van Gogh", "von Post").
_PARTICLES = frozenset("de del della di da du van von der den le la al el bin ibn".split())


def _plain(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def _name_word(doc, i: int) -> bool:
    """Token ``i`` exists and is a capitalised proper noun or part of a name."""
    return 0 <= i < len(doc) and doc[i].text[:1].isupper() and (doc[i].pos_ == "PROPN" or bool(doc[i].ent_type_))


def found_mentions(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[Mention]:
    """Spellings of the found names that no tagger yields (``found.extra_mentions``): other
    casings, loose spellings (punctuation, abbreviations, numerals), handles, acronyms, aliases."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[m.name][m.label] += 1
    names = {n: max(sorted(c), key=lambda k: c[k]) for n, c in votes.items()}   # the most common label
    texts = {a.id: article_texts(a, captions(a)) for a in articles}
    out = []
    for f in extra_mentions(texts, names):
        if f.text in names and not f.alias:
            continue                          # the model found this spelling itself
        core = f.name if f.name and f.name != f.text else ""
        out.append(Mention(f.text, f.label, f.article_id, line_stems(f.line), core=core, why=f.why))
    return out

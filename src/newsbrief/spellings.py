"""Spellings of one name: transliteration keys and the decision for a pair of spellings.

Reports spell names transliterated from Arabic, Russian, Ukrainian or Chinese differently
("Khaldiyeh" / "Khalidiya", "Hezbollah" / "Hizbollah"). ``match_names`` decides one pair with
its evidence; ``candidate_pairs`` finds the few pairs of a story worth asking about, so that
merging stays fast on stories with thousands of names. Pure text functions; ``entities``
groups mentions with them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# Entity types whose names can be compared (a person's name is never a place's spelling).
TYPE_GROUP = {"PERSON": "person", "ORG": "group", "NORP": "group",
              "GPE": "place", "LOC": "place", "FAC": "place", "NAME": "any",
              "EVENT": "named thing", "LAW": "named thing"}   # the small model tells them apart badly

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
# A word whose folded form is shorter than this keeps its letters: different short names fold
# alike ("Zhou" and "Zhu" would both be "ju").
MIN_KEY = 3
# Keys this short are too ambiguous for fuzzy matching ("Jobar" vs "Jabar").
MIN_FUZZY_LEN = 6
# A word of a full name this long or longer may carry a typo (a swap, one letter more) and
# still name the same person when the other words are equal; shorter words ("Jan"/"Jane")
# are different names too often.
MIN_TYPO_WORD = 4
# Same consonant skeleton is enough when the vowel-keeping keys are this similar: skeletons
# alone conflate different short names ("Qusayr" and "Qussur" are both "ksr").
SKELETON_MIN_RATIO = 80

# Titles and honorifics dropped before comparing names ("President Bashar Assad").
TITLES = frozenset("""president prime minister king queen prince princess sheikh sheik emir
gen general col colonel lt maj major capt captain sgt mr mrs ms dr prof sen senator rep gov
governor mayor judge justice pope imam ayatollah chancellor secretary premier foreign defence
defense interior chief commander""".split())
# Words before a storm's name, which reports change as the storm does ("Hurricane Sandy",
# "Superstorm Sandy", "Tropical Storm Sandy"): the name is the rest.
STORM_DESIGNATORS = frozenset("hurricane superstorm typhoon cyclone tropical storm".split())
# A country's abbreviation before a body's name ("U.S.", "U.K."), left out of its acronym.
_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,3}$")
# Particles inside names that vary or vanish between transliterations (al-, el-, Bin/Ben/Ibn)
# and function words inside organisation names.
CONNECTORS = frozenset("al el ul ad ar as ash at az an bin ben ibn bint the of for and de du la le".split())
# Trailing nouns that name the kind of place, not the place ("Khaldiyeh district").
DESIGNATORS = frozenset("district neighbourhood neighborhood area quarter city".split())
# ... except a capitalised "City", which names another place than the bare name: New York City
# is not the state, Mexico City not the country, Atlantic City not the ocean.
_NAMED_DESIGNATORS = frozenset({"City"})
# Words inside a facility's or a body's name that writers drop ("Newark Liberty (International)
# Airport"): two names equal but for these, and ending with the same word, are one.
GENERIC_INFIXES = frozenset({"international"})
# An all-caps word this long made of the first syllables of a name's words ("AFRICOM" of "Africa
# Command") is a possible match only: such syllable acronyms are rare and easily coincidental.
MIN_SYLLABLE_ACRONYM = 5
# A spelling one edit from another is its typo only when the name has this many letters: short
# names one letter apart are often different ("Zhou" / "Zhu", "Obama" / "Osama").
MIN_RARE_TYPO = 7
# ... and when it is written at most RARE_TIMES while the other is written at least COMMON_TIMES:
# a writer who misspells a name does it once; two spellings both in use are two names (or two
# transliterations, which other rules decide).
RARE_TIMES = 1
COMMON_TIMES = 3


# Standard abbreviations of words inside names, read as the word ("Old Colony Rd" is "Old Colony
# Road"). Each stands for one word only inside a name: "Rd", "Ave", "Blvd" (street names), "Dept",
# "Univ", "Corp" (bodies), "Mt", "Ft" (Mount, Fort: "Ft. Hood"). Left out: "Co" (Company or, in
# Ireland, County), "Dr" (Drive or Doctor), "Inc" (written far more than "Incorporated").
NAME_ABBREVIATIONS = {"rd": "road", "ave": "avenue", "blvd": "boulevard", "dept": "department",
                      "univ": "university", "corp": "corporation", "mt": "mount", "ft": "fort"}
# "St" is Street after a word ("Baker St") and Saint before one ("St. James"): read only after one.
STREET_ABBREVIATION = ("st", "street")
# A name's last word in Roman numerals, read as its number ("Treblinka II" is "Treblinka 2"); up
# to 39, enough for the numbered names of news (monarchs, popes, wars, camps, conferences).
_ROMAN = re.compile(r"^(X{0,3})(IX|IV|V?I{0,3})$")
# Shortest word read as a plural when inside a name: "Marines" is "Marine", "Bus" stays.
MIN_PLURAL_WORD = 4


@dataclass(frozen=True, slots=True)
class Match:
    """The decision for one pair of spellings."""

    kind: str          # "same" | "possible" | "different"
    rule: str          # which rule decided, with its score
    score: float = 0.0


# --- normalisation ------------------------------------------------------------------------

def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=16384)
def fold_token(token: str) -> str:
    # feminine endings, after a stem of two letters at least ("Deh" is a word, not "D" + "-eh")
    s = re.sub(r"(?<=\w\w)(?:iyyah|iyyeh|iyya|iyeh|iyah|iya|ieh|iah|eh|ah)$", "ia", token)
    for a, b in (("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("zh", "j"), ("dj", "j"),
                 ("dh", "d"), ("th", "t"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("ou", "u"),
                 ("oo", "u"), ("ee", "i"), ("w", "u")):
        s = s.replace(a, b)
    s = s.translate(str.maketrans("eoy", "iui"))      # vowel classes that vary most
    s = re.sub(r"(.)\1+", r"\1", s)                    # doubled letters
    return s if len(s) >= MIN_KEY else token


# Bodies named "<body> of <what>" as often as "<what> <body>" ("Department of Labor", "Labor
# Department"; "Ministry of Defence", "Defence Ministry").
BODY_NOUNS = frozenset("department ministry".split())


def _body_last(words: list[str]) -> list[str]:
    """"<body> of <what>" in the other order, "<what> <body>", what came before kept first: "U.S.
    Department of Labor" compares as "U.S. Labor Department"."""
    for k, w in enumerate(words[:-2]):
        if w in BODY_NOUNS and words[k + 1] == "of":
            rest = words[k + 2:]
            return words[:k] + (rest[1:] if rest[0] == "the" else rest) + [w]
    return words


@lru_cache(maxsize=16384)
def name_tokens(name: str) -> tuple[str, ...]:
    """The comparable words of a name: lower-cased ASCII, titles, particles and designators out."""
    raw = [w for w in re.split(r"[\s\-‐–]+", name.replace("'", "").replace("’", "")) if w]
    named_end = bool(raw) and raw[-1] in _NAMED_DESIGNATORS
    words = [w for w in re.split(r"[\s\-‐–]+", _ascii(name).replace("'", "").replace("’", "")) if w]
    # initials with dots are a name's word, never a particle: "L.A." is not the article "la"
    initials = {re.sub(r"[^a-z0-9]", "", w) for w in words if re.fullmatch(r"(?:[a-z]\.){2,}", w)}
    words = [re.sub(r"[^a-z0-9]", "", w) for w in words]
    words = [w for w in words if w]
    while len(words) > 1 and (words[0] in TITLES or words[0] in STORM_DESIGNATORS):
        words.pop(0)
    while len(words) > 1 and words[-1] in DESIGNATORS and not (named_end and words[-1] == "city"):
        words.pop()
    words = _body_last(words)
    kept = [w for w in words if w not in CONNECTORS or w in initials]
    if len(kept) >= 3:
        kept = [w for w in kept if len(w) > 1] or kept    # middle initials: "Donald J. Trump"
    return tuple(kept or words)


@lru_cache(maxsize=16384)
def translit_key(name: str) -> str:
    """A spelling-tolerant key that keeps the vowels' classes: "Khaldiyeh" -> "kaldia".

    "Hezbollah"/"Hizbollah", "Bab Hud"/"Bab Houd" and "Bashar al-Assad"/"President Bashar
    Assad" share a key.
    """
    return " ".join(fold_token(t) for t in name_tokens(name))


@lru_cache(maxsize=16384)
def skeleton(name: str) -> str:
    """The consonants of ``translit_key``: "Khaldiyeh" and "Khalidiya" are both "kld"."""
    return re.sub(r"[aeiou]", "", translit_key(name))


def _roman_value(word: str) -> str:
    """The number a word in capital Roman numerals writes ("II" -> "2"), "" when it is none."""
    m = _ROMAN.match(word)
    if not word or m is None:
        return ""
    ones = {"": 0, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
    return str(10 * len(m.group(1)) + ones[m.group(2)])


@lru_cache(maxsize=16384)
def loose_key(name: str, inner_plurals: bool = True) -> tuple[str, ...]:
    """The words of a name however they are punctuated, abbreviated or numbered: writers differ in
    apostrophes ("King's Cross" / "Kings Cross", "Talkin’" / "Talkin'"), hyphens and spaces between
    letters and digits ("AR-15" / "AR15", "COP21" / "COP 21"), "&" for "and", a last "!" ("Yahoo!"),
    a last number in Roman numerals ("Treblinka II" / "Treblinka 2"), street and body abbreviations
    ("Old Colony Rd") and a plural inside a long name ("Royal Marines Base Chivenor" / "Royal Marine
    Base ..."). Case is folded ("Gang Of Eight" / "Gang of Eight").

    Unlike ``name_tokens`` it keeps every word, titles, particles ("AR-15" is no "al-"), single
    letters and digits ("World War 1" is not "World War 2"): it says two spellings are one, not that
    a short form is part of a long one. ``inner_plurals=False`` keeps the plurals: a person's middle
    names ("John Adams Smith" / "John Adam Smith") are other people's.
    """
    raw = [w for w in re.split(r"[\s\-‐–]+", name.replace("&", " and ")) if w.strip(".!'’")]
    if len(raw) >= 2 and (number := _roman_value(raw[-1].rstrip("."))):
        raw[-1] = number
    words = []
    for w in raw:
        bare = re.sub(r"[^a-z0-9]", "", _ascii(w))
        words += re.findall(r"[a-z]+|[0-9]+", bare)       # "ar15" is "ar" "15"
    words = [NAME_ABBREVIATIONS.get(w, w) if len(words) >= 2 else w for w in words]
    words = [STREET_ABBREVIATION[1] if w == STREET_ABBREVIATION[0] and k > 0 else w for k, w in enumerate(words)]
    if inner_plurals and len(words) >= 3:
        words[1:-1] = [w[:-1] if len(w) >= MIN_PLURAL_WORD and w.endswith("s") and not w.endswith("ss") else w
                       for w in words[1:-1]]
    return tuple(words)


def _other_number(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Two loose keys with the same words and each a number, not the same ("treblinka 1" / "treblinka 2")."""
    numbers_x, numbers_y = [w for w in x if w.isdigit()], [w for w in y if w.isdigit()]
    return (bool(numbers_x) and bool(numbers_y) and numbers_x != numbers_y
            and [w for w in x if not w.isdigit()] == [w for w in y if not w.isdigit()])


def _acronym_of(short: str, long: str) -> bool:
    letters = short.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha() and letters in _initialisms(long)


@lru_cache(maxsize=16384)
def _initialisms(name: str) -> frozenset[str]:
    """The acronyms ``name`` may go by: the initials of its words ("FSA"), with "of" in them as
    departments write it ("DOH"), and of the name without what writers put before a body's own
    name or after its acronym was set: a country's abbreviation or a lower-case level of
    government ("U.S. Energy Information Administration", "state Department of Health") and a last
    "and" word ("Centers for Disease Control and Prevention" is the CDC)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    forms = [words]
    while len(words) > 2 and (words[0].islower() or _DOTTED_ABBREVIATION.match(words[0])):
        words = words[1:]
        forms.append(words)
    forms += [f[:-2] for f in list(forms) if len(f) > 3 and f[-2] == "and"]
    out = set()
    for form in forms:
        content = [w for w in form if w.lower() not in CONNECTORS]
        if len(content) < 2 or not all(w[0].isupper() for w in content):
            continue    # "New York City hospital" is not what "NYC" stands for
        if any(len(w.replace(".", "")) >= 2 and w.replace(".", "").isupper() for w in content):
            continue    # "UNFCCC Secretariat" is not "U.S.": a word that is itself an acronym
        out.add("".join(w[0] for w in content))
        if "of" in form:
            out.add("".join(w[0].upper() for w in form if w.lower() not in CONNECTORS or w == "of"))
    return frozenset(out)


def _qaf_as_g(a: str, b: str) -> bool:
    """One spelling has a "q" where the other has a "g", and the keys are then equal."""
    return any("q" in x.lower() and "g" in y.lower() and translit_key(re.sub("[qQ]", "g", x)) == translit_key(y)
               for x, y in ((a, b), (b, a)))


def _acronym_variant(a: str, b: str) -> bool:
    """Two acronyms one letter apart ("UNCCC" / "UNFCCC"): perhaps one mistyped, perhaps two bodies."""
    a, b = sorted((a.replace(".", ""), b.replace(".", "")), key=len)
    return (3 <= len(a) and len(b) == len(a) + 1 and a.isupper() and b.isupper() and a.isalpha()
            and b.isalpha() and any(b[:i] + b[i + 1:] == a for i in range(len(b))))


def _compact(name: str) -> str:
    """The letters and digits of a name, without spaces, hyphens or case ("La Guardia" -> "laguardia")."""
    return re.sub(r"[^a-z0-9]", "", _ascii(name))


@lru_cache(maxsize=1)
def nick_namer():
    """English given names and their hypocorisms (the ``nicknames`` package), or None when absent."""
    try:
        from nicknames import NickNamer
    except ImportError:      # optional: without it "Ed" / "Edward" stays unmerged
        return None
    return NickNamer()


def hypocorism(x: str, y: str) -> bool:
    """One given name is a listed nickname of the other ("ed" / "edward")."""
    namer = nick_namer()
    if namer is None or x == y:
        return False
    return y in namer.nicknames_of(x) or x in namer.nicknames_of(y)


def _untitled(words: list[str]) -> list[str]:
    """The words without the titles before them ("General U.S. Grant" -> "U.S. Grant")."""
    k = 0
    while k < len(words) - 1 and words[k].lower() in TITLES:
        k += 1
    return words[k:]


def _initials_inside(short: str, long: str) -> bool:
    """An all-caps word of ``short`` is the initials of a run of ``long``'s words and every other word
    is equal ("JFK International" / "John F. Kennedy International")."""
    ws = _untitled([w.replace(".", "") for w in short.split()])
    wl = _untitled([w.replace(".", "") for w in long.split()])
    for i, w in enumerate(ws):
        if not (2 <= len(w) <= 5 and w.isupper() and w.isalpha()):
            continue
        for start in range(len(wl)):
            end = start + len(w)
            run = wl[start:end]
            if (len(run) == len(w) and all(r[:1].isupper() for r in run)
                    and "".join(r[0] for r in run) == w
                    and [x.lower() for x in ws[:i] + ws[i + 1:]] == [x.lower() for x in wl[:start] + wl[end:]]
                    and len(ws) >= 2):
                return True
    return False


def _syllable_acronym(short: str, long: str) -> bool:
    """``short`` is the first letters (2 or more) of each of ``long``'s words, in order ("AFRICOM")."""
    if not (len(short) >= MIN_SYLLABLE_ACRONYM and short.isupper() and short.isalpha()):
        return False
    words = [w.lower() for w in re.split(r"[\s\-]+", long) if w and w.lower() not in CONNECTORS]
    if len(words) < 2:
        return False

    def fits(rest: str, k: int) -> bool:
        if k == len(words):
            return not rest
        return any(rest[:n] == words[k][:n] and fits(rest[n:], k + 1)
                   for n in range(2, min(len(words[k]), len(rest)) + 1))

    return fits(short.lower(), 0)


def _middle_fits(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """One person's middle names: one side has none and the other whole words ("Sarah (Huckabee)
    Sanders"; "George H.W. Bush" is not "George W. Bush"'s "George Bush"), or each of the shorter
    side's is a word or the initial of the other's, in order ("m" / "mcdowell")."""
    short, long = sorted((x, y), key=len)
    if not short:
        return all(len(w) >= 3 for w in long)
    return len(short) == len(long) and all(s == l or (len(s) == 1 and l.startswith(s)) for s, l in zip(short, long))


def _word_typo(x: str, y: str) -> str:
    """How one word of a name is a typo of the other: letters transposed ("Shehzad" /
    "Shezhad") or one letter more ("Ejaz" / "Eliaz"); "" when neither. Raw letters: the
    transliteration key would fold "zh" and hide the swap."""
    if min(len(x), len(y)) < MIN_TYPO_WORD or x[0] != y[0]:
        return ""
    if len(x) == len(y) and x != y and sorted(x) == sorted(y) and x[-1] == y[-1]:
        return "letters transposed"
    short, long = sorted((x, y), key=len)
    if len(long) == len(short) + 1 and any(long[:i] + long[i + 1:] == short for i in range(1, len(long))):
        return "one letter more"
    return ""


def rare_typo(a: str, b: str, count_a: int, count_b: int) -> str:
    """Why ``a`` / ``b`` is a one-off typo of a name the story writes often ("Canchellara" once,
    "Cancellara" ten times; "Praia da Lux" / "Praia da Luz"), or "" when it is not: one edit
    (a letter changed, added, dropped, or two swapped) in a long name, same first letter, same
    digits, not a suffix ("Clintons", "Ligurian")."""
    (rare, n_rare), (common, n_common) = sorted(((a, count_a), (b, count_b)), key=lambda x: x[1])
    if n_rare > RARE_TIMES or n_common < COMMON_TIMES or not one_edit_apart(a, b):
        return ""
    return f"one letter apart, {rare!r} written {n_rare} time(s), {common!r} {n_common}: a typo"


def one_edit_apart(a: str, b: str) -> bool:
    """The letters of two long names differ by one edit, not in the first letter, the digits or a
    letter added at the end: the shape of a typo, whichever is more common."""
    from rapidfuzz.distance import OSA

    r, c = _compact(a), _compact(b)
    # a letter added at the end is a suffix, not a slip: "Clintons", "Ligurian" of "Liguria"
    return not (min(len(r), len(c)) < MIN_RARE_TYPO or r[:1] != c[:1] or re.sub(r"\D", "", r) != re.sub(r"\D", "", c)
                or r[:-1] == c or c[:-1] == r or OSA.distance(r, c) != 1)


def _is_transposition(a: str, b: str) -> bool:
    """Same letters in another order, same first and last letter: a typo ("Khadiliya")."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    return (a != b and len(a) >= MIN_FUZZY_LEN and sorted(a) == sorted(b)
            and a[0] == b[0] and a[-1] == b[-1])


def compatible(label_a: str, label_b: str) -> bool:
    ga, gb = TYPE_GROUP.get(label_a, "any"), TYPE_GROUP.get(label_b, "any")
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
    if _other_number(loose_key(a), loose_key(b)):
        # "Treblinka I" / "Treblinka II", "World War 1" / "World War 2": one name, two numbers, two things
        return Match("different", f"same words, other numbers ({a!r} / {b!r})")
    if ka == kb:
        return Match("same", f"same transliteration key {ka!r}", 1.0)
    plurals = "PERSON" not in (label_a, label_b)
    if loose_key(a, plurals) == loose_key(b, plurals):
        return Match("same", f"same words but for punctuation, abbreviations or numerals ({a!r} / {b!r})", 1.0)
    if min(len(ka), len(kb)) >= MIN_FUZZY_LEN and _qaf_as_g(a, b):
        # Arabic qaf is written q, k or, as spoken in Libya and the Gulf, g ("Qadhafi" / "Gadhafi")
        return Match("same", f"same transliteration key with q written g ({a!r} / {b!r})", 1.0)
    if _compact(a) == _compact(b) and len(_compact(a)) >= MIN_FUZZY_LEN:
        # the model labels one string differently in different sentences: the letters decide
        return Match("same", f"same letters but for spaces ({a!r} / {b!r})", 1.0)
    if _initials_inside(a, b) or _initials_inside(b, a):
        return Match("same", "a run of words written as its initials", 1.0)
    ratio = fuzz.ratio(ka, kb)
    ta, tb = ka.split(), kb.split()
    raw_a, raw_b = name_tokens(a), name_tokens(b)
    extra = set(raw_a) ^ set(raw_b)
    if (extra and extra <= GENERIC_INFIXES and min(len(raw_a), len(raw_b)) >= 2
            and raw_a[-1] == raw_b[-1] and raw_a[0] == raw_b[0] and compatible(label_a, label_b)):
        return Match("same", f"same name but for {', '.join(sorted(extra))!r}", ratio / 100)
    if (_syllable_acronym(a, b) or _syllable_acronym(b, a)) and compatible(label_a, label_b):
        return Match("possible", "first syllables of the words (an acronym?)", 0.5)
    if (len(raw_a) == len(raw_b) >= 2 and raw_a[1:] == raw_b[1:] and hypocorism(raw_a[0], raw_b[0])
            and "PERSON" in (label_a, label_b) and compatible(label_a, label_b)):
        return Match("same", f"{raw_a[0]!r} / {raw_b[0]!r}: a given name and its nickname", 1.0)
    if (min(len(raw_a), len(raw_b)) >= 2 and raw_a != raw_b and raw_a[0] == raw_b[0] and raw_a[-1] == raw_b[-1]
            and _middle_fits(raw_a[1:-1], raw_b[1:-1]) and label_a == label_b == "PERSON"):
        # "Alexander M. McCook" / "Alexander McDowell McCook", "Sarah Sanders" / "Sarah Huckabee Sanders"
        return Match("same", "same given name and surname, a middle name dropped or shortened", ratio / 100)
    if set(ta) < set(tb) or set(tb) < set(ta):
        # "Syrian Army" / "Free Syrian Army": a name plus words is another name, or a short
        # form that merge_mentions decides with all candidates in view
        return Match("different", "one name adds words to the other", ratio / 100)
    if len(ta) != len(tb) and min(len(ka), len(kb)) < MIN_FUZZY_LEN:
        return Match("different", f"different words ({ratio:.0f})", ratio / 100)
    if len(ta) == len(tb) >= 2 and compatible(label_a, label_b):
        differ = [(x, y) for x, y in zip(ta, tb) if x != y]
        if len(differ) == 1 and min(map(len, differ[0])) >= 3 and (
                differ[0][0].startswith(differ[0][1]) or differ[0][1].startswith(differ[0][0])):
            x, y = differ[0]
            return Match("same", f"same words but one shortened ({x!r} / {y!r})", ratio / 100)
    if (skeleton(a) == skeleton(b) and ratio >= SKELETON_MIN_RATIO and compatible(label_a, label_b)
            and min(len(ka), len(kb)) >= MIN_FUZZY_LEN):
        return Match("same", f"same consonants {skeleton(a)!r}, spelling similarity {ratio:.0f}", ratio / 100)
    raw_a, raw_b = name_tokens(a), name_tokens(b)
    # the model's label of a misspelt name is a guess: a typo beside equal words is enough
    if len(raw_a) == len(raw_b) >= 2 and (compatible(label_a, label_b) or "PERSON" in (label_a, label_b)):
        differ = [(x, y) for x, y in zip(raw_a, raw_b) if x != y]
        typos = [_word_typo(x, y) for x, y in differ]
        if len(differ) == 1 and typos[0]:
            return Match("same", f"{typos[0]} in one word ({differ[0][0]!r} / {differ[0][1]!r}): a typo", ratio / 100)
    if len(ta) == len(tb) >= 2:
        worst = min(fuzz.ratio(x, y) for x, y in zip(ta, tb))
        if worst < FUZZY_POSSIBLE:
            # "Ohio State University" / "Penn State University": shared words hide a different one
            return Match("different", f"a word differs (similarity {worst:.0f})", ratio / 100)
    if _is_transposition(ka, kb) and compatible(label_a, label_b):
        return Match("same", f"letters transposed ({ka!r} / {kb!r}): a typo", ratio / 100)
    if _acronym_variant(a, b):
        return Match("possible", "acronyms one letter apart", ratio / 100)
    if min(len(ka), len(kb)) < MIN_FUZZY_LEN or not compatible(label_a, label_b):
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


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[re.Pattern, str, frozenset[str]], ...]:
    """(alias regex, ISO3 code, its short and official names) of each country, from the data of
    the ``country_converter`` package (read with ``csv``: its converter needs pandas, slow to
    import); empty when the package is absent, and country aliases are then not merged."""
    import csv
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("country_converter")
    if spec is None or not spec.submodule_search_locations:
        return ()
    path = Path(spec.submodule_search_locations[0]) / "country_data.tsv"
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return tuple((re.compile(r["regex"], re.I), r["ISO3"], frozenset({r["name_short"].lower(), r["name_official"].lower()}))
                 for r in rows if r.get("regex") and r.get("ISO3"))


@lru_cache(maxsize=4096)
def country_of(name: str) -> tuple[str, bool]:
    """The ISO3 code of the one country ``name`` names ("Burma" -> "MMR"), and whether ``name`` is
    that country's short or official name; ("", False) when none, several, or when the alias is
    only part of the name ("New Mexico", "Taipei City": words before or after the alias)."""
    codes = set()
    canonical = False
    for regex, code, official in _countries():
        m = regex.search(name)
        if m and not name[:m.start()].strip() and not re.search(r"\s", name[m.end():]):
            codes.add(code)
            canonical = canonical or name.lower() in official
    return (codes.pop(), canonical) if len(codes) == 1 else ("", False)


@lru_cache(maxsize=16384)
def folded(name: str) -> tuple[str, ...]:
    return tuple(fold_token(t) for t in name_tokens(name))


def candidate_pairs(names: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of ``names`` that ``match_names`` could call "same" or "possible".

    Every rule of ``match_names`` but the acronym needs a spelling similarity of at least
    ``min(FUZZY_POSSIBLE, SKELETON_MIN_RATIO)``, a shared word (one word shortened) or the same
    letters (a transposition) or the same ``loose_key``; pairs with none of these are "different"
    without asking. The similarity matrix is computed in C (rapidfuzz), so a story of thousands of
    names stays fast.
    """
    from rapidfuzz import fuzz, process

    keys = [translit_key(n) for n in names]
    pairs: set[tuple[int, int]] = set()
    if len(names) > 1:
        cutoff = min(FUZZY_POSSIBLE, SKELETON_MIN_RATIO)
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=cutoff, dtype="uint8")
        for i, j in zip(*scores.nonzero()):
            if i < j:
                pairs.add((int(i), int(j)))
    by_token: dict[str, list[int]] = defaultdict(list)
    by_letters: dict[str, list[int]] = defaultdict(list)
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        if len(k.split()) >= 2:
            for t in set(k.split()):
                by_token[t].append(i)
        by_letters["".join(sorted(k.replace(" ", "")))].append(i)
        for initials in _initialisms(names[i]):
            by_initials[initials].append(i)
    by_compact: dict[str, list[int]] = defaultdict(list)
    by_loose: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, n in enumerate(names):
        by_compact[_compact(n)].append(i)
        by_loose[loose_key(n)].append(i)
    for group in (*by_token.values(), *by_letters.values(), *by_compact.values(), *by_loose.values()):
        pairs.update((a, b) for x, a in enumerate(group) for b in group[x + 1:])
    for i, n in enumerate(names):
        letters = n.replace(".", "")
        if 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha():
            pairs.update((min(i, j), max(i, j)) for j in by_initials.get(letters, ()) if j != i)
        if len(n) >= MIN_SYLLABLE_ACRONYM and n.isupper() and n.isalpha():
            pairs.update((min(i, j), max(i, j)) for j, m in enumerate(names)
                         if j != i and m[:2].lower() == n[:2].lower() and " " in m)
    return sorted(pairs)

"""Page junk out, story text in: pure functions on strings.

HTML goes through trafilatura (main-text extraction is a solved problem). Plain text
arrives with the junk of the page it was copied from: photo captions, "Follow X on",
copyright and "best viewed in" footers, share/newsletter prompts, archive-crawler
notices (common in Multi-News), and wire datelines such as "BEIRUT (AP) —". Those are
removed line by line; what was removed is kept so a reader can see it on demand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .settings import CleanSettings

# Lines that are page furniture wherever they appear. Each pattern is matched against a
# whole line (case-insensitive); they come from reading the pages in ../shared/data.
_JUNK_LINE = re.compile(
    r"""^(?:
        (?:image|media|video)\s+(?:caption|copyright)\b.*          # BBC caption prefix
      | media\s+playback\s+is\s+unsupported.*
      | (?:photo|image|picture|video|audio|graphic|gallery|slideshow)s?\s*(?:[:|/].*)?
      | follow\s+(?:us|him|her|them|@?[\w.]+(?:\s+[\w.]+){0,3})\s+on\s+(?:twitter|facebook|instagram|google\+?).*
      | follow\s+@\w+.*
      | .*\b(?:copyright|\(c\)|©)\s*(?:\d{4}|©)?.*(?:all\s+rights\s+reserved|not\s+responsible|may\s+not\s+be\s+(?:published|reproduced)).*
      | (?:copyright\s+)?©.*
      | .*\bbest\s+viewed\s+in\b.*
      | .*\bstyle\s*sheets\s*\(css\).*
      | read\s+or\s+share\s+this\s+story.*
      | (?:share|tweet|email|print|comment)s?\s*(?:this|on\s+\w+)?\s*(?:story|article|page)?\s*:?
      | .*\b(?:sign\s+up|subscribe)\b.*\b(?:newsletter|inbox|emails?|alerts?)\b.*
      | .*\bnewsletter\b.*\bsign\s+up\b.*
      | (?:advertisement|sponsored(?:\s+content)?|story\s+continued\s+below|continue\s+reading(?:\s+the\s+main\s+story)?)\b.*
      | .*\b(?:these\s+crawls\s+are\s+part\s+of|wayback\s+machine|internet\s+archive|archive-it)\b.*
      | the\s+ip\s+address\s+(?:has|for\s+this\s+domain).*
      | .*\b(?:javascript\s+is\s+disabled|enable\s+javascript|ad\s*blocker|you\s+must\s+log\s+in|verify\s+you'?re\s+not\s+a\s+robot)\b.*
      | .*\bbreaking\s+news\s+(?:emails?|alerts?)\b.*
      | .*\b(?:reprints?|this\s+copy\s+is)\b.*\bnon-commercial\s+use\b.*
      | .*\border\s+presentation-ready\s+copies\b.*
      | .*\b(?:embed\s+x\s+share|skip\s+in\s+skip)\b.*
      | (?:skip|end\s+of)\s+(?:twitter|facebook|instagram|youtube)\s+(?:post|video)\b.*   # BBC embeds
      | (?:contributing|reporting|editing|additional\s+reporting)(?:\s+by)?\s*:.*
      | \((?:reporting|editing|writing)\s+by\b.*
      | tweet\s+with\s+a\s+location | you\s+can\s+add\s+location\s+information\b.*
      | (?:more\s+on\s+this\s+story|related\s+(?:stories|coverage|articles?)|elsewhere\s+on\s+the\s+\w+|features\s*&\s*analysis|more\s+\w+(?:\s+\w+)?\s+stories)\b.*
      | try\s+our\s+new\s+site.* | take\s+me\s+there
      | click\s+here\b.* | read\s+more\s*:?.*
      | .*\bcontributed\s+to\s+this\s+report\.?\)?
      | [►▶▸»→].*                                                  # teaser and related-story links
      | _{2,}|—{2,}|-{3,}|\*{3,}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Photo and video captions: a description followed by a credit or a posting note.
_CAPTION = re.compile(
    r"""(?:\((?:AP|AFP|Reuters)\s+Photo\b|\((?:Associated\s+Press|AP|AFP|Reuters|EPA|Getty\s+Images)\)\s*$|\bPhoto(?:graph)?(?:er)?\s*(?:by|:)|/\s*(?:Getty|AFP|Reuters|AP)\b|
        \bGetty\s+Images\b|\bhandout\b|\bposted\s+on\s+youtube\b|\bfilmed\s+and\s+posted\b|
        ^(?:screenshot|amateur\s+(?:footage|video)|footage)\s+(?:of|showing)\b|\bpic\.twitter\.com/)""",
    re.IGNORECASE | re.VERBOSE,
)

# "BEIRUT (AP) — ", "HOMS, Syria (Reuters) - ", "WASHINGTON — " at the start of a paragraph, or
# "NEW YORK—The" with the dash run into the sentence it starts (not "NATO—which").
_DATELINE_HEAD = r"[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.' ]{1,30})?\s*(?:\([\w.' ]{1,25}\)\s*)?"
_DATELINE = re.compile(rf"""^(?:{_DATELINE_HEAD}(?:[—–-]{{1,2}}\s+|[—–]{{1,2}}(?=[A-Z"“])))""")
# A dateline as ``clean_text`` keeps it among the removed lines: "HONOLULU (AP) —".
REMOVED_DATELINE = re.compile(rf"^{_DATELINE_HEAD}[—–-]{{1,2}}$")

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A line that is only a date ("Saturday, January 8, 2005", "8 January 2005", "2005-01-08"):
# the publication date, as WikiNews and many sites print it under the headline.
_DATE_LINE = re.compile(
    rf"""^(?:(?:[Pp]ublished|[Pp]osted|[Uu]pdated|[Ll]ast\s+[Uu]pdated)(?:\s+on)?:?\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?
        (?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS}),?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})
        (?:\s+\d{{1,2}}:\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{{2,4}})?)?$""",
    re.VERBOSE,
)

# A publication date run into the first paragraph, as WikiNews pages lose the line break:
# "Tuesday, January 18, 2005Through a telethon, ..." or "Saturday, March 26, 2005 Up to ...".
# With a weekday, or glued to the next word: "January 8, 2005 was ..." can be a sentence.
_DATE_PREFIX = re.compile(
    rf"""^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}\s*
        |(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}})(?=[A-Z][a-z])""",
    re.VERBOSE,
)

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    removed: tuple[str, ...]
    title: str = ""
    published: date | None = None   # from a line that is only a date, if any


def html_to_text(html: str) -> tuple[str, str]:
    """Main text and title of an HTML page, via trafilatura. ``("", "")`` if none found."""
    import trafilatura  # imported here: only HTML inputs pay for it

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True) or ""
    meta = trafilatura.extract_metadata(html)
    return text, (meta.title if meta and meta.title else "")


def is_junk_line(line: str, settings: CleanSettings = CleanSettings()) -> bool:
    """True for page furniture: captions, credits, prompts, footers, menu items, headings."""
    s = line.strip()
    if not s:
        return False
    if _JUNK_LINE.match(s) or _CAPTION.search(s):
        return True
    words = s.split()
    # Short lines without sentence-final punctuation are headings, menu items or bylines.
    if len(words) < settings.min_line_words and not _SENTENCE_END.search(s):
        return True
    return False


# Captions that share a paragraph with story text, caught sentence by sentence: a credit at
# the end, or a present-tense scene description that ends with the picture's date
# ("... talks to reporters, Monday, Sept. 28, 2015, in New York.").
_CAPTION_SENTENCE = re.compile(
    rf"""(?:\((?:AP|AFP|Reuters|Getty|Associated\s+Press|EPA)(?:\s+Photo)?[^)]{{0,60}}\)\s*$
        |\bCredit:\s|\bFeaturing:\s|\bpic\.twitter\.com/|\bPhoto(?:graph)?\s*:\s
        |^[A-Z].{{0,120}}?\b(?:listens|speaks|talks|walks|arrives|poses|gestures|looks|stands|sits|waves|holds|
           attends|is\s+seen|are\s+seen|smiles|reacts|leaves|addresses|delivers|greets|shakes|lies|pauses|
           gather|carries|mourns|prays|watches|rides|marches|protests|cries|hugs|wait|waits|stand|sit|walk)\b
           [^"“”]*(?:,\s+|\b[A-Z][a-z]+\s+)(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?
           (?:{_MONTHS}|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{{1,2}},\s+\d{{4}}(?:,\s+in\s+[^.]+)?\.?$)""",
    re.VERBOSE,
)


def is_junk_sentence(text: str) -> bool:
    """True for a sentence that is page furniture even inside a paragraph of story text.

    Catches captions with a credit or a picture date, credit lines, embedded tweets, and
    headlines or menu items that carry no sentence-final punctuation.
    """
    s = text.strip()
    if _JUNK_LINE.match(s) or _CAPTION_SENTENCE.search(s):
        return True
    return not _SENTENCE_END.search(s)   # a headline or a menu item, not a sentence


# A page's label run into the paragraph it heads: "Story highlights Two groups got into ...".
_LABEL_PREFIX = re.compile(r"^(?:story\s+highlights|highlights|key\s+points)\s*:?\s+(?=[A-Z\"“])", re.I)


def strip_dateline(line: str) -> str:
    """Remove a wire dateline such as "BEIRUT (AP) — ", or a page label such as "Story
    highlights", from the start of a paragraph."""
    m = _DATELINE.match(line) or _LABEL_PREFIX.match(line)
    if m and len(line) - m.end() > 20:
        return line[m.end():]
    return line


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    return (2 <= len(s.split()) <= 20 and not _SENTENCE_END.search(s) and not _JUNK_LINE.match(s)
            and not _CAPTION.search(s) and not _DATE_LINE.match(s) and not re.search(r"https?://|\||:\s*$", s))


def clean_text(raw: str, settings: CleanSettings = CleanSettings(), *,
               take_title: bool = True) -> Cleaned:
    """Clean a plain-text report: drop junk lines, strip datelines, keep paragraphs.

    Args:
        raw: the text as collected.
        settings: thresholds for headings and short lines.
        take_title: treat a short first line without final punctuation as the title.

    Returns:
        The cleaned text (paragraphs joined by blank lines), the removed lines and the title.
    """
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [re.sub(r"\s+", " ", ln) for ln in lines if ln.strip()]
    title = ""
    if take_title and len(lines) > 1 and (
            _looks_like_title(lines[0])
            or (len(lines[0].split()) <= 20 and _DATE_LINE.match(lines[1])
                and not is_junk_line(lines[0], settings))):  # a headline over a date
        title, lines = _LABEL_PREFIX.sub("", re.sub(r"^\d{4}/\d{2}/\d{2}\s+", "", lines[0])), lines[1:]
    kept: list[str] = []
    removed: list[str] = []
    published = None
    for line in lines:
        if published is None and _DATE_LINE.match(line):
            published = parse_date_line(line)
        elif published is None and (m := _DATE_PREFIX.match(line)) and len(line) - m.end() > 20:
            published = parse_date_line(m.group().strip())
            removed.append(m.group().strip())
            line = line[m.end():]
        if is_junk_line(line, settings) or _DATE_LINE.match(line):
            removed.append(line)
            continue
        stripped = strip_dateline(line)
        if stripped != line:
            removed.append(line[: len(line) - len(stripped)].strip())
        kept.append(stripped)
    return Cleaned(text="\n\n".join(kept), removed=tuple(removed), title=title, published=published)


def parse_date_line(line: str) -> date | None:
    """The date of a date-only line such as "Saturday, January 8, 2005"."""
    text = re.sub(r"^(?:(?:published|posted|updated|last\s+updated)(?:\s+on)?:?\s+)?", "", line.strip(), flags=re.I)
    text = re.sub(r"^\w+day,?\s+", "", text)
    text = re.sub(r"\s+\d{1,2}:\d{2}.*$", "", text).replace(".", "").replace(",", "")
    for fmt in ("%B %d %Y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def word_count(text: str) -> int:
    return len(text.split())

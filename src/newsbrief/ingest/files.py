"""Files and strings in, ``Article`` or ``Rejected`` out. The only module that reads input files.

Supported: ``.txt`` and ``.md`` (plain text), ``.html``/``.htm`` (main text extracted by
trafilatura), ``.json`` (one article object, a list of them, or ``{"documents": [...]}``) and
``.jsonl`` (one article a line). Every problem becomes a ``Rejected`` naming the file, so one
bad input never costs the others their brief.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from ..clean import clean_text, html_to_text, word_count
from ..errors import NewsbriefError
from ..settings import CleanSettings
from ..types import Article, Rejected

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

# Larger inputs are not news articles (a 5 MB "article" is a data dump or a book) and
# would take minutes to segment; they are rejected with the size in the message.
MAX_ARTICLE_BYTES = 1_000_000
# A JSON/JSONL file holds many articles; each is checked against MAX_ARTICLE_BYTES on its own.
MAX_JSON_FILE_BYTES = 500_000_000

# Share of the most common English function words among an article's words. English news
# runs at 0.35-0.5; other Latin-script languages stay under 0.1. Cheap and model-free.
MIN_ENGLISH_STOPWORD_SHARE = 0.15
_ENGLISH_STOPWORDS = frozenset(
    "the of and to a in is was that for on with as by at from it he she they his her their "
    "said be has have had were are this which an not but or its who been will would after".split()
)

_OUTLET_CLUES = (
    (re.compile(r"\(AP\)|\bAssociated Press\b"), "Associated Press"),
    (re.compile(r"\(AFP\)|\btold AFP\b|\bAgence France-Presse\b"), "AFP"),
    (re.compile(r"\(Reuters\)|\btold Reuters\b"), "Reuters"),
    (re.compile(r"©[^\n]*\bBBC\b|\bElsewhere on the BBC\b"), "BBC"),
    (re.compile(r"\bFrance ?24\b|\bour Observer\b"), "France 24"),
    (re.compile(r"\bCNN\b[^\n]{0,40}\ball rights reserved", re.I), "CNN"),
)


def guess_outlet(raw: str) -> str:
    """The outlet named by a dateline, a credit or a footer, or "" when there is no clue."""
    for pattern, name in _OUTLET_CLUES:
        if pattern.search(raw):
            return name
    return ""


def is_english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) < 20:
        return True  # too little to judge; let length checks decide
    return sum(w in _ENGLISH_STOPWORDS for w in words) / len(words) >= MIN_ENGLISH_STOPWORD_SHARE


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    import dateparser  # lazy: only free-form dates pay for it

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def article_from_text(text: str, *, id: str, source: str = "", title: str = "", outlet: str = "",
                      published: object = None, html: bool = False,
                      settings: CleanSettings = CleanSettings()) -> Article | Rejected:
    """Clean one text (or HTML page) into an ``Article``, or say why it cannot be briefed.

    Args:
        text: the report as collected.
        id: stable article id (file stem, JSON id, or position).
        source: what to name in messages (the path, or "document 3").
        title, outlet, published: metadata where the input carries it.
        html: treat ``text`` as an HTML page.
    """
    where = source or id
    if not text.strip():
        return Rejected(where, "empty", "empty: no text")
    if len(text) > MAX_ARTICLE_BYTES:
        return _too_large(where, len(text.encode("utf-8")), MAX_ARTICLE_BYTES, "one news article")
    raw = text
    if html:
        text, html_title = html_to_text(text)
        title = title or html_title
        if not text.strip():
            return Rejected(where, "empty", "no article text found in the HTML page")
    cleaned = clean_text(text, settings, take_title=not title)
    words = word_count(cleaned.text)
    if words == 0:
        return Rejected(where, "not_news", "no article text: only page furniture (captions, footers, notices)")
    if words < settings.min_article_words:
        return Rejected(where, "too_short", f"too short to brief: {words} words after removing page junk")
    if not is_english(cleaned.text):
        return Rejected(where, "wrong_language", "not in English; newsbrief briefs English reports")
    return Article(
        id=id, text=cleaned.text, title=title or cleaned.title, outlet=outlet or guess_outlet(raw),
        published=_parse_date(published) or cleaned.published, path=source, removed=cleaned.removed,
    )


def article_from_json(obj: object, *, id: str, source: str,
                       settings: CleanSettings) -> Article | Rejected:
    if isinstance(obj, str):
        return article_from_text(obj, id=id, source=source, settings=settings)
    if not isinstance(obj, dict):
        return Rejected(source, "bad_json", "not an article: expected an object with 'text', or a string")
    if not any(k in obj for k in ("text", "body", "content")):
        return Rejected(source, "bad_json", "not an article: the object has no 'text' (keys: "
                        f"{', '.join(map(repr, list(obj)[:5])) or 'none'}); expected 'text', or 'documents' for a story")
    text = obj.get("text") or obj.get("body") or obj.get("content") or ""
    if not isinstance(text, str):
        return Rejected(source, "bad_json", "'text' must be a string")
    return article_from_text(
        text, id=str(obj.get("id") or id), source=source, title=str(obj.get("title") or ""),
        outlet=str(obj.get("outlet") or obj.get("source") or ""),
        published=obj.get("published") or obj.get("date"), settings=settings,
    )


def _too_large(where: str, size: int, limit: int, what: str) -> Rejected:
    return Rejected(where, "too_large", f"too large for {what} ({size / 1e6:.1f} MB; "
                                        f"the limit is {limit / 1e6:.0f} MB)")


def _read_text(path: Path) -> str | Rejected:
    try:
        data = path.read_bytes()
    except OSError as e:
        return Rejected(str(path), "unreadable", f"cannot read ({e.strerror or e})")
    return _decode(data, path)


def _decode(data: bytes, path: Path) -> str | Rejected:
    is_json = path.suffix.lower() in JSON_SUFFIXES
    limit = MAX_JSON_FILE_BYTES if is_json else MAX_ARTICLE_BYTES
    if len(data) > limit:
        return _too_large(str(path), len(data), limit, "one file" if is_json else "one news article")
    for bom, codec in _BOMS:                      # UTF-16/32 text is full of NUL bytes
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:8192]:
        return Rejected(str(path), "binary", "a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        guessed = _legacy_text(data)
        if guessed is not None:
            return guessed
        return Rejected(str(path), "not_utf8", f"not UTF-8 text (bad byte at offset {e.start}) and its encoding "
                        "cannot be told; save it as UTF-8")


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Pages saved by older tools are often Windows-1252 (Latin-1's superset), the usual legacy
# encoding of English text; other encodings are named by charset-normalizer (a dependency of
# trafilatura). A guess whose decoded text is messier than this share of characters is no
# answer: the file is refused rather than read as gibberish.
MAX_ENCODING_MESS = 0.1
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _legacy_text(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.chaos > MAX_ENCODING_MESS:
            return None
        text = str(best)
    return None if _CONTROL.search(text) else text


def jsonl_records(lines: Iterable[str], path: str | Path) -> Iterator[tuple[int, object] | Rejected]:
    """Each non-blank line of a JSONL input as ``(line number, value)``, or a ``Rejected`` naming
    the line. Takes any iterable of lines, so a large stream can be read without loading it whole."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejected(f"{path}:{n}", "bad_json", f"not JSON ({e.msg})")


def read_upload(name: str, data: bytes, settings: CleanSettings = CleanSettings()) -> list[Article | Rejected]:
    """Every article in an uploaded file's bytes. ``name`` only labels it and picks the parser
    by its suffix; no path is ever opened (the web app's input edge)."""
    return read_file(Path(Path(name).name or "upload"), settings, data=data)


def read_file(path: Path, settings: CleanSettings = CleanSettings(),
              data: bytes | None = None) -> list[Article | Rejected]:
    """Every article in one file (a JSON or JSONL file may hold several); ``data``: its bytes, already read."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        return [Rejected(str(path), "unsupported", f"unknown file type {suffix!r}; "
                         "use .txt, .md, .html or .json")]
    text = _read_text(path) if data is None else _decode(data, path)
    if isinstance(text, Rejected):
        return [text]
    if suffix in HTML_SUFFIXES:
        return [article_from_text(text, id=path.stem, source=str(path), html=True, settings=settings)]
    if suffix in TEXT_SUFFIXES:
        return [article_from_text(text, id=path.stem, source=str(path), settings=settings)]
    if not text.strip():
        return [Rejected(str(path), "empty", "empty: no text")]
    if suffix == ".jsonl":
        return [r if isinstance(r, Rejected) else
                article_from_json(r[1], id=f"{path.stem}-{r[0]}", source=f"{path}:{r[0]}", settings=settings)
                for r in jsonl_records(text.splitlines(), path)]
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        return [Rejected(str(path), "bad_json", f"not valid JSON ({e.msg} at line {e.lineno})")]
    if isinstance(obj, dict) and isinstance(obj.get("documents"), list):
        obj = obj["documents"]
    if isinstance(obj, list):
        return [article_from_json(o, id=f"{path.stem}-{i}", source=f"{path}[{i}]", settings=settings)
                for i, o in enumerate(obj)]
    return [article_from_json(obj, id=path.stem, source=str(path), settings=settings)]


# The bundled demo story: five reports of the July 2013 Homs offensive.
EXAMPLE = "homs-2013"


def example_path() -> Path:
    """The bundled example story: inside the installed package, or in the source tree."""
    here = Path(__file__).resolve().parents[1]
    for candidate in (here / "examples" / EXAMPLE, here.parents[1] / "examples" / EXAMPLE):
        if candidate.is_dir():
            return candidate
    raise NewsbriefError(f"The bundled example {EXAMPLE!r} is missing from this installation.")


def expand_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Rejected]]:
    """Files named, and the supported files inside folders named (sorted, not recursive)."""
    files: list[Path] = []
    rejected: list[Rejected] = []
    for p in map(Path, paths):
        if p.is_dir():
            visible = sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith(".")
                             and f.name != "README.md")
            inside = [f for f in visible if f.suffix.lower() in SUPPORTED - {""}]
            if not inside:
                rejected.append(Rejected(str(p), "empty", "folder has no .txt, .md, .html or .json files"))
            files.extend(inside)
            rejected += [Rejected(str(f), "unsupported", f"skipped: unknown file type {f.suffix.lower() or 'none'!r}; "
                                  "use .txt, .md, .html or .json") for f in visible if f not in inside]
        elif p.is_file():
            files.append(p)
        else:
            rejected.append(Rejected(str(p), "unreadable", "no such file or folder"))
    return files, rejected


def read_paths(paths: Sequence[str | Path],
               settings: CleanSettings = CleanSettings()) -> tuple[list[Article], list[Rejected]]:
    """Read files and folders into articles; duplicates and unreadable inputs are rejected."""
    files, rejected = expand_paths(paths)
    results = [r for f in files for r in read_file(f, settings)]
    return dedupe([r for r in results if isinstance(r, Article)],
                  rejected + [r for r in results if isinstance(r, Rejected)])


def read_texts(texts: Sequence[str], settings: CleanSettings = CleanSettings(),
               ids: Sequence[str] | None = None) -> tuple[list[Article], list[Rejected]]:
    """Articles from strings (the Python API and the batch mode)."""
    ids = list(ids) if ids is not None else [f"doc{i + 1}" for i in range(len(texts))]
    results = []
    for i, (text, id_) in enumerate(zip(texts, ids)):
        if not isinstance(text, str):
            results.append(Rejected(f"document {i + 1}", "bad_json", "not an article: a document must be a string"))
        else:
            results.append(article_from_text(text, id=id_, source=f"document {i + 1}", settings=settings))
    return dedupe([r for r in results if isinstance(r, Article)],
                  [r for r in results if isinstance(r, Rejected)])


def dedupe(articles: list[Article], rejected: list[Rejected]) -> tuple[list[Article], list[Rejected]]:
    """Drop exact duplicates (same cleaned text) and make ids unique."""
    seen_text: dict[str, str] = {}
    seen_ids: set[str] = set()
    kept: list[Article] = []
    for a in articles:
        key = re.sub(r"\s+", " ", a.text).strip().lower()
        if key in seen_text:
            rejected.append(Rejected(a.path or a.id, "duplicate", f"duplicate: same text as {seen_text[key]}"))
            continue
        seen_text[key] = a.path or a.id
        uid, n = a.id, 2
        while uid in seen_ids:
            uid, n = f"{a.id}-{n}", n + 1
        seen_ids.add(uid)
        kept.append(a if uid == a.id else _with_id(a, uid))
    return kept, rejected


def _with_id(a: Article, new_id: str) -> Article:
    from dataclasses import replace
    return replace(a, id=new_id)

"""EDGE: the ``newsbrief stories`` subcommand (arguments, input files, output).

    newsbrief stories IN... [--format text|json] [-o OUT]
    newsbrief stories --db stories.sqlite add IN...
    newsbrief stories --db stories.sqlite list | show ID | brief ID [--new | --since DATE]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from ..errors import NewsbriefError, NothingToBrief
from ..stories import StorySettings, Story, concat, group, make_stories, vectorize
from ..types import Article, Rejected

ACTIONS = ("add", "list", "show", "brief")


def read_articles(paths: Sequence[str]) -> tuple[list[Article], list[Rejected]]:
    """Articles from folders and files; JSONL is streamed (any size), one article a line.

    A bad line, an article with no text and a repeated id each become a ``Rejected``.
    """
    from ..ingest.files import article_from_json, expand_paths, jsonl_records, read_file

    files, rejected = expand_paths(paths)
    results: list[Article | Rejected] = []
    for f in files:
        if f.suffix.lower() != ".jsonl":
            results.extend(read_file(f))
            continue
        try:
            with f.open(encoding="utf-8-sig") as lines:
                for record in jsonl_records(lines, f):
                    if isinstance(record, Rejected):
                        results.append(record)
                        continue
                    n, obj = record
                    if isinstance(obj, dict):
                        obj = {k: v for k, v in obj.items() if k != "story"}   # never peek at answers
                    r = article_from_json(obj, id=f"{f.stem}-{n}", source=f"{f}:{n}",
                                           settings=_clean_settings())
                    if isinstance(r, Rejected) and isinstance(obj, dict) and obj.get("id"):
                        r = Rejected(str(obj["id"]), r.reason, r.detail)   # unassigned lists ids
                    results.append(r)
        except (OSError, UnicodeDecodeError) as e:
            results.append(Rejected(str(f), "unreadable", str(e)))
    seen: set[str] = set()
    articles = []
    for r in results:
        if isinstance(r, Rejected):
            rejected.append(r)
        elif r.id in seen:
            rejected.append(Rejected(r.path or r.id, "duplicate", f"article id {r.id!r} given twice; kept the first"))
        else:
            seen.add(r.id)
            articles.append(r)
    return articles, rejected


def _clean_settings():
    from ..settings import CleanSettings

    return CleanSettings()


def cluster_with(engine, articles: Sequence[Article], settings: StorySettings = StorySettings()) -> dict[str, str]:
    """Vectorise on ``engine`` (the heavy, embarrassingly parallel step), then group here."""
    parts = engine.map_batches(_vectorize_batch, list(articles))
    return group(concat(parts), settings=settings)


def _vectorize_batch(batch: list[Article]):
    return vectorize(batch)


def stories_to_dict(stories: Sequence[Story], unassigned: Sequence[str]) -> dict:
    return {"stories": [{"id": s.id, "title": s.title, "articles": list(s.article_ids),
                         "outlets": list(s.outlets),
                         "first_seen": s.first_seen.isoformat() if s.first_seen else None,
                         "last_seen": s.last_seen.isoformat() if s.last_seen else None}
                        for s in stories],
            "unassigned": list(unassigned)}


def stories_to_text(stories: Sequence[Story], unassigned: Sequence[str]) -> str:
    lines = []
    for s in stories:
        when = f" {s.first_seen}..{s.last_seen}" if s.first_seen else ""
        outlets = ", ".join(s.outlets) or "outlets unknown"
        lines.append(f"{s.id}  {len(s.article_ids)} article(s){when}  [{outlets}]")
        lines.append(f"    {s.title}")
    if unassigned:
        lines.append(f"unassigned ({len(unassigned)}): {', '.join(unassigned)}")
    return "\n".join(lines) + "\n"


def _say(message: str) -> None:
    print(f"newsbrief: {message}", file=sys.stderr)


def _emit(args: argparse.Namespace, stories: Sequence[Story], unassigned: Sequence[str]) -> None:
    if args.format == "json":
        text = json.dumps(stories_to_dict(stories, unassigned), indent=2, ensure_ascii=False) + "\n"
    else:
        text = stories_to_text(stories, unassigned)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _engine(args: argparse.Namespace):
    from ..engines import make_engine

    return make_engine(args.engine, address=args.ray_address, workers=args.workers)


def cmd_stories(args: argparse.Namespace) -> int:
    """Run ``newsbrief stories``; raises ``NewsbriefError`` for the CLI to report."""
    if not args.db:
        if not args.items:
            raise NewsbriefError("Give articles: newsbrief stories FOLDER|FILE.jsonl ... "
                                 "(or --db FILE add|list|show|brief)")
        articles, rejected = read_articles(args.items)
        for r in rejected:
            _say(f"unassigned {r.message}")
        assignment = cluster_with(_engine(args), articles) if articles else {}
        _emit(args, make_stories(assignment, articles), [r.source for r in rejected])
        return 0
    action, rest = (args.items[0], args.items[1:]) if args.items else ("list", [])
    if action not in ACTIONS:
        raise NewsbriefError(f"Unknown stories action {action!r}. Available: {', '.join(ACTIONS)}.")
    from . import open_store

    with open_store(args.db) as store:
        if action == "add":
            if not rest:
                raise NewsbriefError("Give articles to add: newsbrief stories --db DB add IN...")
            articles, rejected = read_articles(rest)
            engine = _engine(args)
            result = store.add(articles, vectorizer=lambda arts: concat(
                engine.map_batches(_vectorize_batch, list(arts))))
            for r in rejected + list(result.rejected):
                _say(f"skipped {r.message}")
            _say(f"added {len(result.added)} article(s): {len(result.joined)} existing stor(y/ies) "
                 f"grew, {len(result.opened)} new")
            return 0 if result.added or not articles else 1
        if action == "list":
            _emit(args, [s.story for s in store.stories()], [])
            return 0
        if len(rest) != 1:
            raise NewsbriefError(f"Give one story id: newsbrief stories --db DB {action} ID")
        stored = store.story(rest[0])
        if action == "show":
            if args.format == "json":
                _emit(args, [stored.story], [])
            else:
                arts = {a.id: a for a in store.articles(stored.story.id)}
                lines = [f"{stored.story.id}: {stored.story.title}"]
                lines += [f"  {aid}  {arts[aid].outlet or '-'}  {arts[aid].published or '-'}  "
                          f"{arts[aid].title or arts[aid].text[:80]}" for aid in stored.story.article_ids]
                _write("\n".join(lines) + "\n", args.output)
            return 0
        return _brief_story(args, store, stored)


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _brief_story(args: argparse.Namespace, store, stored) -> int:
    from ..cli import renderers
    from ..embed import make_embedder
    from ..pipeline import summarize
    from .update import whats_new

    articles = store.articles(stored.story.id)
    embedder = make_embedder(args.encoder)
    previous = store.last_brief(stored.story.id)
    if args.new or args.since:
        since = args.since or (previous[0] if previous else None)
        new_ids = (store.added_since(stored.story.id, since, after_brief=not args.since) if since
                   else {a.id for a in articles})
        b = whats_new(articles, new_ids, previous[2] if previous else [], embedder=embedder,
                      id=stored.story.id, words=args.words)
    else:
        try:
            b = summarize(articles, embedder=embedder, id=stored.story.id)
        except NothingToBrief as e:
            raise NewsbriefError(f"Story {stored.story.id}: {e}") from None
    renderer = renderers().get(args.format if args.format != "text" else "text") or renderers()["text"]
    _write(renderer(b), args.output)
    store.save_brief(stored.story.id, [a.id for a in b.articles], [s.text for s in b.summary])
    return 0


def add_parser(sub) -> None:
    """Register ``stories`` on the CLI's subparsers (called from ``newsbrief.cli``)."""
    from ..embed import ENCODERS
    from ..engines import ENGINES

    p = sub.add_parser("stories", help="group a stream of articles into stories (optionally in a database)")
    p.add_argument("items", nargs="*", metavar="IN|ACTION",
                   help="folders/files/.jsonl to group; with --db: add IN... | list | show ID | brief ID")
    p.add_argument("--db", help="story database: a SQLite file, or postgresql://user@host/db")
    p.add_argument("--format", "-f", choices=("text", "json", "markdown", "html"), default="text")
    p.add_argument("-o", "--output", help="write here instead of stdout")
    p.add_argument("--new", action="store_true", help="brief: only what is new since the last brief")
    p.add_argument("--since", metavar="DATE", help="brief: only what was added/published since DATE")
    p.add_argument("--words", type=int, default=250, help="brief length in words")
    p.add_argument("--encoder", choices=ENCODERS, default="auto", help="sentence encoder for briefs")
    add_engine_options(p, ENGINES)
    p.set_defaults(run=_run)


def add_engine_options(p, engines) -> None:
    p.add_argument("--engine", choices=engines, default="local",
                   help="where the heavy maps run: local (this process) or ray")
    p.add_argument("--ray-address", help="existing Ray cluster (ray://host:10001); default: a local Ray")
    p.add_argument("--workers", type=int, help="CPUs for a local Ray (default: all)")


def _run(args: argparse.Namespace) -> int:
    return cmd_stories(args)

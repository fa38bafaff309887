"""SQLite and PostgreSQL behind one small class: versioned schema, one transaction per batch."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from ..errors import StoreError
from ..stories import (ENTITY_WIDTH, VECTOR_FORMAT, WORD_WIDTH, ArticleVectors, StorySettings,
                       Story, concat, group, headline, vectorize)
from ..types import Article, Rejected

APP = "newsbrief-stories"

# Each entry upgrades the schema by one version; never edit a released entry, add one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (   # 1: stories and their articles, with the vectors the clustering needs
        "CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT NOT NULL, created TEXT NOT NULL)",
        "CREATE TABLE articles (id TEXT PRIMARY KEY, story_id TEXT NOT NULL REFERENCES stories(id),"
        " seq INTEGER NOT NULL, title TEXT NOT NULL, outlet TEXT NOT NULL, published TEXT,"
        " text TEXT NOT NULL, path TEXT NOT NULL, added TEXT NOT NULL,"
        " vec_index BLOB NOT NULL, vec_value BLOB NOT NULL, dense BLOB NOT NULL)",
        "CREATE INDEX articles_story ON articles(story_id)",
    ),
    (   # 2: briefs already given, so "what's new" knows what the reader has seen
        "CREATE TABLE briefs (story_id TEXT NOT NULL REFERENCES stories(id), created TEXT NOT NULL,"
        " article_ids TEXT NOT NULL, sentences TEXT NOT NULL)",
        "CREATE INDEX briefs_story ON briefs(story_id)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True, slots=True)
class StoredStory:
    story: Story
    added: str                       # when its latest article was stored (UTC ISO)


@dataclass(frozen=True, slots=True)
class AddResult:
    added: tuple[str, ...]           # article ids stored
    joined: tuple[str, ...]          # existing story ids that gained articles
    opened: tuple[str, ...]          # new story ids
    rejected: tuple[Rejected, ...]   # duplicates (id already stored or repeated)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


class Store:
    """A story database. Use ``open_store``; close with ``close()`` or a ``with`` block."""

    def __init__(self, conn, kind: str, where: str) -> None:
        self._conn = conn
        self.kind = kind            # "sqlite" | "postgresql"
        self.where = where
        self._migrate()

    # --- plumbing ---------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    def _sql(self, sql: str) -> str:
        if self.kind == "postgresql":
            return sql.replace("?", "%s").replace("BLOB", "BYTEA")
        return sql

    def _rows(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            cur = self._conn.execute(self._sql(sql), tuple(params))
            return list(cur.fetchall()) if cur.description else []
        except sqlite3.DatabaseError as e:
            if "not a database" in str(e):
                raise StoreError(f"{self.where}: not a newsbrief story database ({e}). Give a new "
                                 "file name, or a file `newsbrief stories --db FILE add` made.") from None
            raise StoreError(f"{self.where}: database error ({e}); nothing of this batch was stored.") from None
        except Exception as e:
            if type(e).__module__.startswith("psycopg"):
                raise StoreError(f"{self.where}: database error ({str(e).strip().splitlines()[0]}); "
                                 "nothing of this batch was stored.") from None
            raise

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """All statements inside commit together or not at all."""
        if self.kind == "postgresql":
            with self._conn.transaction():
                yield
            return
        self._rows("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _tables(self) -> set[str]:
        if self.kind == "postgresql":
            rows = self._rows("SELECT table_name FROM information_schema.tables "
                              "WHERE table_schema = current_schema()")
        else:
            rows = self._rows("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {r[0] for r in rows}

    def _migrate(self) -> None:
        with self._transaction():
            tables = self._tables()
            if not tables:
                self._rows("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self._rows("INSERT INTO meta VALUES ('app', ?), ('schema_version', '0'), "
                           "('vector_format', ?)", (APP, VECTOR_FORMAT))
            elif "meta" not in tables:
                raise StoreError(f"{self.where}: this database has tables but is not a newsbrief "
                                 "story database; refusing to touch it. Give another database.")
            meta = dict(self._rows("SELECT key, value FROM meta"))
            if meta.get("app") != APP:
                raise StoreError(f"{self.where}: not a newsbrief story database (app = "
                                 f"{meta.get('app')!r}); refusing to touch it.")
            version = int(meta.get("schema_version", "0"))
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.where}: written by a newer newsbrief (schema {version}; "
                                 f"this one reads up to {SCHEMA_VERSION}). Upgrade newsbrief.")
            if meta.get("vector_format") != VECTOR_FORMAT:
                raise StoreError(f"{self.where}: stored vectors are {meta.get('vector_format')!r}, "
                                 f"this newsbrief makes {VECTOR_FORMAT!r}; use a new database.")
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    self._rows(statement)
            self._rows("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))

    def schema_version(self) -> int:
        return int(self._rows("SELECT value FROM meta WHERE key = 'schema_version'")[0][0])

    # --- writing ----------------------------------------------------------------------

    def add(self, articles: Sequence[Article], *, settings: StorySettings = StorySettings(),
            vectorizer: Callable[[Sequence[Article]], ArticleVectors] | None = None,
            fail_after_insert: bool = False) -> AddResult:
        """Store articles and place each in a story (an existing one or a new one).

        One transaction: on any error nothing of this batch is stored.

        Args:
            articles: cleaned articles; ids already stored (or repeated) are rejected.
            settings: clustering settings.
            vectorizer: how to vectorise (an engine's map); ``stories.vectorize`` by default.
            fail_after_insert: raise after writing, before commit (tests the rollback).
        """
        vectorizer = vectorizer or (lambda arts: vectorize(arts, settings))
        with self._transaction():
            stored = {r[0] for r in self._rows("SELECT id FROM articles")}
            fresh: list[Article] = []
            rejected: list[Rejected] = []
            for a in articles:
                if a.id in stored:
                    rejected.append(Rejected(a.path or a.id, "duplicate",
                                             f"article id {a.id!r} is already stored"))
                    continue
                stored.add(a.id)
                fresh.append(a)
            if not fresh:
                return AddResult((), (), (), tuple(rejected))
            old, seeds = self._vectors()
            new = vectorizer(fresh)
            assignment = group(concat([old, new]), seeds, settings)
            seq = self._rows("SELECT COALESCE(MAX(seq), 0) FROM articles")[0][0]
            existing = set(seeds.values())
            now = _now()
            opened = sorted({assignment[a.id] for a in fresh} - existing)
            joined = sorted({assignment[a.id] for a in fresh} & existing)
            for sid in opened:
                members = [a for a in fresh if assignment[a.id] == sid]
                self._rows("INSERT INTO stories VALUES (?, ?, ?)", (sid, headline(members), now))
            for row, a in enumerate(fresh):
                seq += 1
                v = new.sparse[row]
                self._rows("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
                    a.id, assignment[a.id], seq, a.title, a.outlet,
                    a.published.isoformat() if a.published else None, a.text, a.path, now,
                    v.indices.astype(np.int32).tobytes(), v.data.astype(np.float32).tobytes(),
                    new.dense[row].astype(np.float32).tobytes()))
            if fail_after_insert:
                raise StoreError("simulated failure after insert (test hook)")
        return AddResult(tuple(a.id for a in fresh), tuple(joined), tuple(opened), tuple(rejected))

    def save_brief(self, story_id: str, article_ids: Sequence[str], sentences: Sequence[str]) -> None:
        """Remember what a brief of ``story_id`` said (for later "what's new" briefs)."""
        with self._transaction():
            self._rows("INSERT INTO briefs VALUES (?, ?, ?, ?)",
                       (story_id, _now(), json.dumps(list(article_ids)), json.dumps(list(sentences))))

    # --- reading ----------------------------------------------------------------------

    def _vectors(self) -> tuple[ArticleVectors, dict[str, str]]:
        rows = self._rows("SELECT id, story_id, published, vec_index, vec_value, dense "
                          "FROM articles ORDER BY seq")
        if not rows:
            return concat([]), {}
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        idx, val = [], []
        for n, r in enumerate(rows):
            i = np.frombuffer(bytes(r[3]), dtype=np.int32)
            idx.append(i)
            val.append(np.frombuffer(bytes(r[4]), dtype=np.float32))
            indptr[n + 1] = indptr[n] + len(i)
        sparse = sp.csr_matrix((np.concatenate(val), np.concatenate(idx), indptr),
                               shape=(len(rows), WORD_WIDTH + ENTITY_WIDTH), dtype=np.float32)
        dense = np.vstack([np.frombuffer(bytes(r[5]), dtype=np.float32) for r in rows])
        vectors = ArticleVectors(tuple(r[0] for r in rows), sparse, dense,
                                 tuple(date.fromisoformat(r[2]) if r[2] else None for r in rows))
        return vectors, {r[0]: r[1] for r in rows}

    def articles(self, story_id: str | None = None) -> list[Article]:
        """Stored articles (of one story, or all), in the order they were added."""
        sql = "SELECT id, text, title, outlet, published, path FROM articles"
        rows = (self._rows(sql + " WHERE story_id = ? ORDER BY seq", (story_id,)) if story_id
                else self._rows(sql + " ORDER BY seq"))
        return [Article(id=r[0], text=r[1], title=r[2], outlet=r[3],
                        published=date.fromisoformat(r[4]) if r[4] else None, path=r[5]) for r in rows]

    def added_since(self, story_id: str, when: str, *, after_brief: bool = False) -> set[str]:
        """Ids of the story's articles stored or published on/after ``when`` (ISO date/time).

        With ``after_brief``, only articles stored strictly after ``when`` (a brief's time).
        """
        if after_brief:
            rows = self._rows("SELECT id FROM articles WHERE story_id = ? AND added > ?", (story_id, when))
        else:
            rows = self._rows("SELECT id FROM articles WHERE story_id = ? AND "
                              "(added >= ? OR (published IS NOT NULL AND published >= ?))",
                              (story_id, when, when[:10]))
        return {r[0] for r in rows}

    def last_brief(self, story_id: str) -> tuple[str, list[str], list[str]] | None:
        """(when, article ids, sentences) of the latest saved brief of a story, if any."""
        rows = self._rows("SELECT created, article_ids, sentences FROM briefs WHERE story_id = ? "
                          "ORDER BY created DESC", (story_id,))
        if not rows:
            return None
        return rows[0][0], json.loads(rows[0][1]), json.loads(rows[0][2])

    def stories(self) -> list[StoredStory]:
        """Every story, largest first."""
        rows = self._rows("SELECT s.id, s.title, a.id, a.outlet, a.published, a.added FROM stories s "
                          "JOIN articles a ON a.story_id = s.id ORDER BY s.id, a.seq")
        by: dict[str, list[tuple]] = {}
        for r in rows:
            by.setdefault(r[0], []).append(r)
        out = []
        for sid, rs in by.items():
            dates = [date.fromisoformat(r[4]) for r in rs if r[4]]
            story = Story(id=sid, title=rs[0][1], article_ids=tuple(r[2] for r in rs),
                          first_seen=min(dates) if dates else None,
                          last_seen=max(dates) if dates else None,
                          outlets=tuple(dict.fromkeys(r[3] for r in rs if r[3])))
            out.append(StoredStory(story, max(r[5] for r in rs)))
        return sorted(out, key=lambda s: (-len(s.story.article_ids), s.story.id))

    def story(self, story_id: str) -> StoredStory:
        """One story by id.

        Raises:
            StoreError: no story has that id.
        """
        for s in self.stories():
            if s.story.id == story_id:
                return s
        raise StoreError(f"No story {story_id!r} in {self.where}; `newsbrief stories --db "
                         f"{self.where} list` shows the ids.")


def open_store(where: str | Path) -> Store:
    """Open (creating or migrating) a story database: a file path, or a postgresql:// URL.

    Raises:
        StoreError: not our database, from a newer schema, or the server does not answer.
    """
    where = str(where)
    if where.startswith(("postgresql://", "postgres://")):
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL needs the driver: pip install 'newsbrief[postgres]'") from None
        try:
            conn = psycopg.connect(where, autocommit=True, connect_timeout=5)
        except psycopg.OperationalError as e:
            first = str(e).strip().splitlines()[0] if str(e).strip() else "no answer"
            raise StoreError(f"PostgreSQL at {_redact(where)} does not answer ({first}). "
                             "Is the server running and the URL right?") from None
        return Store(conn, "postgresql", _redact(where))
    path = Path(where)
    if path.is_dir():
        raise StoreError(f"{where} is a folder; give a database file name such as stories.sqlite")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    except sqlite3.Error as e:
        raise StoreError(f"{where}: cannot open the database ({e})") from None
    try:
        return Store(conn, "sqlite", where)
    except BaseException:
        conn.close()
        raise


def _redact(url: str) -> str:
    """The URL without its password (it goes into messages)."""
    import re

    return re.sub(r"//([^:/@]+):[^@/]*@", r"//\1:***@", url)

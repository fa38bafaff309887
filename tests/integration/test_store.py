"""The story store on a real SQLite file and a real PostgreSQL 15 started by the test."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import pytest

from newsbrief.cli import main
from newsbrief.errors import StoreError
from newsbrief.store import SCHEMA_VERSION, open_store
from newsbrief.store.db import MIGRATIONS


def _load_articles():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "unit" / "test_stories.py"
    spec = importlib.util.spec_from_file_location("_stories_data", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod._articles


_articles = _load_articles()   # the same small hand-written stream as the unit tests

PG_BIN = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url():
    if not PG_BIN:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    bindir = PG_BIN[-1].parent
    tmp = tempfile.mkdtemp(prefix="nb-pg-")
    os.chmod(tmp, 0o777)
    data, port = Path(tmp) / "data", _free_port()
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run(as_pg + [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "nb"],
                   check=True, capture_output=True)
    subprocess.run(as_pg + [str(bindir / "pg_ctl"), "-D", str(data), "-l", f"{tmp}/log", "-w", "-o",
                            f"-h 127.0.0.1 -p {port} -k {tmp}", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://nb@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(as_pg + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "stories.sqlite")
        return
    url = request.getfixturevalue("postgres_url")
    with open_store(url) as s:      # a clean schema for each test
        s._rows("DROP TABLE IF EXISTS briefs, articles, stories, meta")
    yield url


def test_add_in_two_batches_joins_existing_stories(db):
    arts = _articles()
    with open_store(db) as store:
        first = store.add([a for a in arts if a.id in ("q1", "v1")])
        assert len(first.opened) == 2 and not first.joined
        second = store.add([a for a in arts if a.id not in ("q1", "v1")])
        assert sorted(second.joined) == sorted(first.opened)
        assert len(second.opened) == 1      # the Nobel article opens its own story
        groups = sorted(sorted(s.story.article_ids) for s in store.stories())
    assert groups == [["n1"], ["q1", "q2", "q3"], ["v1", "v2"]]


def test_duplicate_id_is_rejected_and_nothing_else_changes(db):
    arts = _articles()
    with open_store(db) as store:
        store.add(arts[:2])
        result = store.add(arts[:3])
        assert [r.reason for r in result.rejected] == ["duplicate", "duplicate"]
        assert result.added == ("q2",)
        assert len(store.articles()) == 3


def test_a_failure_inside_add_leaves_the_database_as_it_was(db):
    arts = _articles()
    with open_store(db) as store:
        store.add(arts[:2])
        before = [(s.story.id, s.story.article_ids) for s in store.stories()]
        with pytest.raises(StoreError, match="simulated"):
            store.add(arts[2:], fail_after_insert=True)
        assert [(s.story.id, s.story.article_ids) for s in store.stories()] == before
        assert len(store.articles()) == 2


def test_sqlite_schema_is_migrated_not_recreated(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path)
    from newsbrief.stories import VECTOR_FORMAT

    conn.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                       f"INSERT INTO meta VALUES ('app','newsbrief-stories'),('schema_version','1'),"
                       f"('vector_format','{VECTOR_FORMAT}');" + ";".join(MIGRATIONS[0]) + ";"
                       "INSERT INTO stories VALUES ('s-old','Old story','2020-01-01');")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 2
        assert store._rows("SELECT id FROM stories") == [("s-old",)]     # data kept
        store.save_brief("s-old", [], ["A sentence."])                  # v2 table exists


def test_foreign_and_newer_databases_are_refused_untouched(tmp_path):
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="not a newsbrief story database"):
        open_store(junk)
    assert junk.read_bytes().startswith(b"these are my notes")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    with pytest.raises(StoreError, match="refusing"):
        open_store(other)
    newer = tmp_path / "newer.sqlite"
    open_store(newer).close()
    c = sqlite3.connect(newer)
    c.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="newer newsbrief"):
        open_store(newer)


def test_postgresql_that_does_not_answer_is_one_clear_error():
    with pytest.raises(StoreError, match="does not answer"):
        open_store(f"postgresql://nb:secret@127.0.0.1:{_free_port()}/x")


def test_cli_add_list_show_brief_and_whats_new(tmp_path, capsys):
    arts = _articles()
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": a.id, "text": a.text, "story": "hidden"})
                              for a in arts[:3]) + "\nnot json\n" + json.dumps({"id": "e", "text": ""}) + "\n")
    db = str(tmp_path / "s.sqlite")
    assert main(["stories", "--db", db, "add", str(feed)]) == 0
    err = capsys.readouterr().err
    assert "not JSON" in err and "e: empty" in err
    assert main(["stories", "--db", db, "list", "-f", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    quake = next(s for s in listed["stories"] if "q1" in s["articles"])
    assert main(["stories", "--db", db, "brief", quake["id"], "--encoder", "hashing"]) == 0
    assert "earthquake" in capsys.readouterr().out.lower()
    more = tmp_path / "more.jsonl"
    more.write_text("\n".join(json.dumps({"id": a.id, "text": a.text}) for a in arts[3:]) + "\n")
    assert main(["stories", "--db", db, "add", str(more)]) == 0
    capsys.readouterr()
    assert main(["stories", "--db", db, "brief", quake["id"], "--new", "--encoder", "hashing",
                 "-f", "json"]) == 0
    new = json.loads(capsys.readouterr().out)
    assert {s["id"] for s in new["sources"]} == {"q3"}
    assert main(["stories", "--db", db, "show", "nope"]) == 1

"""``newsbrief brief --batch`` on an engine: one brief a line, mapped in batches, written in order."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from ..errors import ConfigError, NewsbriefError
from . import make_engine

# Stories per engine batch: a brief takes ~0.1-1 s, so a few dozen keep tasks worthwhile.
STORIES_PER_BATCH = 16


def brief_lines(batch: list[tuple[int, str]], *, words: int, encoder: str) -> list[tuple[int, str, str]]:
    """Brief each (line number, JSON line); return (line number, JSON brief or "", error or "")."""
    from threadpoolctl import threadpool_limits

    from ..embed import make_embedder

    embedder = make_embedder(encoder, threads=1)     # workers run side by side: a core each
    # One BLAS thread on every engine: Ray starts its workers with OMP_NUM_THREADS=1, so the
    # local engine does the same, and no float sum can depend on how many threads split it.
    with threadpool_limits(limits=1, user_api="blas"):
        out = _brief_each(batch, words=words, embedder=embedder)
    return out


def _brief_each(batch: list[tuple[int, str]], *, words: int, embedder) -> list[tuple[int, str, str]]:
    from .. import brief as brief_texts
    from ..render import render_json

    out = []
    for n, line in batch:
        try:
            story = json.loads(line)
            if not isinstance(story, dict) or not isinstance(story.get("documents"), list):
                raise NewsbriefError("expected an object with a 'documents' list")
            b = brief_texts(story["documents"], words=words, encoder=embedder, id=str(story.get("id", n)))
            out.append((n, render_json(b, indent=None), ""))
        except json.JSONDecodeError as e:
            out.append((n, "", f"not JSON ({e.msg})"))
        except NewsbriefError as e:
            out.append((n, "", str(e)))
    return out


def code_digest() -> str:
    """sha256 of newsbrief's source as it is on disk now (code, templates, data files)."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for f in sorted(root.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


# The digest of the code this process imported, taken on its first batch (a Ray worker
# imports newsbrief when its first batch arrives).
_IMPORTED: str | None = None


class _BriefBatch:
    """Picklable batch function (a closure would not travel to Ray workers as cleanly).

    It carries the digest of the code the driver runs: a Ray worker imports newsbrief from
    disk when its first batch arrives, possibly after the source was edited, and would then
    brief with other code than the local engine, silently. It refuses instead.
    """

    def __init__(self, words: int, encoder: str) -> None:
        self.words, self.encoder = words, encoder
        self.digest = code_digest()

    def __call__(self, batch: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
        global _IMPORTED
        if _IMPORTED is None:
            _IMPORTED = code_digest()
        if _IMPORTED != self.digest:
            raise ConfigError("newsbrief's source differs between the driver and this worker "
                              "(edited or another version installed): results would differ.")
        return brief_lines(batch, words=self.words, encoder=self.encoder)


def run_batch_on(args: argparse.Namespace, lines: list[str], path: Path) -> int:
    """Brief every line of a batch file on ``args.engine``; same output as the local loop."""
    engine = make_engine(args.engine, address=args.ray_address, workers=args.workers)
    items = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    parts = engine.map_batches(_BriefBatch(args.words, args.encoder), items, STORIES_PER_BATCH)
    done = failed = 0
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    try:
        for n, text, error in (r for part in parts for r in part):
            if error:
                print(f"newsbrief: {path}:{n}: skipped, {error}", file=sys.stderr)
                failed += 1
            else:
                out.write(text + "\n")
                done += 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"newsbrief: {done} stories briefed, {failed} skipped (engine {engine.name})", file=sys.stderr)
    return 0 if done else 1

"""The command line: arguments in, a brief out; errors as one line and an exit code.

    newsbrief brief [PATH ...] [--format text|json|markdown|html] [-o FILE] [--words N]
    newsbrief brief --batch IN.jsonl -o OUT.jsonl

Exit codes: 0 a brief was written (some inputs may have been skipped, each named on
stderr); 1 nothing could be briefed or a setting is wrong; 2 bad arguments (argparse).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .errors import NewsbriefError
from .ingest.files import EXAMPLE, example_path
from .types import Brief



def renderers() -> dict[str, Callable[[Brief], str]]:
    from .render import render_json, render_markdown, render_text

    out: dict[str, Callable[[Brief], str]] = {
        "text": render_text, "json": render_json, "markdown": render_markdown,
    }
    try:
        from .render.html import render_html
        out["html"] = render_html
    except ImportError:  # the HTML report is optional until its module lands
        pass
    return out


FORMATS = ("text", "json", "markdown", "html")


def _say(message: str) -> None:
    print(f"newsbrief: {message}", file=sys.stderr)


def _write(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def cmd_brief(args: argparse.Namespace) -> int:
    from . import brief_paths

    if args.batch:
        return run_batch(args)
    paths = args.paths
    if not paths:
        paths = [str(example_path())]
        _say(f"no path given: briefing the bundled example story ({EXAMPLE}, {paths[0]})")
    renderer = renderers().get(args.format)
    if renderer is None:
        raise NewsbriefError(f"Output format {args.format!r} is not available in this installation.")
    b = brief_paths(paths, words=args.words, encoder=args.encoder)
    for r in b.rejected:
        _say(f"skipped {r.message}")
    _write(renderer(b), args.output)
    return 0


def run_batch(args: argparse.Namespace) -> int:
    """Brief every story of a JSONL file; a bad line is reported and skipped."""
    from tqdm import tqdm

    from . import brief as brief_texts
    from .embed import make_embedder
    from .render import render_json

    path = Path(args.batch)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise NewsbriefError(f"{path}: cannot read ({e})") from None
    if getattr(args, "engine", "local") != "local":
        from .engines.batch import run_batch_on
        return run_batch_on(args, lines, path)
    embedder = make_embedder(args.encoder)   # loaded once for the whole batch
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    done = failed = 0
    try:
        for n, line in enumerate(tqdm(lines, desc="briefing", unit="story", file=sys.stderr,
                                      disable=None), 1):
            if not line.strip():
                continue
            try:
                story = json.loads(line)
                if not isinstance(story, dict) or not isinstance(story.get("documents"), list):
                    raise NewsbriefError("expected an object with a 'documents' list")
                b = brief_texts(story["documents"], words=args.words, encoder=embedder,
                                id=str(story.get("id", n)))
            except json.JSONDecodeError as e:
                _say(f"{path}:{n}: skipped, not JSON ({e.msg})")
                failed += 1
                continue
            except NewsbriefError as e:
                _say(f"{path}:{n}: skipped, {e}")
                failed += 1
                continue
            out.write(render_json(b, indent=None) + "\n")
            done += 1
    finally:
        if out is not sys.stdout:
            out.close()
    _say(f"{done} stories briefed, {failed} skipped")
    return 0 if done else 1


def _positive(value: str) -> int:
    n = int(value) if value.isdigit() else 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of words, got {value!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    from .embed import ENCODERS

    parser = argparse.ArgumentParser(prog="newsbrief",
                                     description="Several news reports about one story in, one cited brief out.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("brief", help="brief one story (files or folders), or many with --batch")
    p.add_argument("paths", nargs="*", help=".txt .md .html .json files or folders; none: the bundled example")
    p.add_argument("--format", "-f", choices=FORMATS, default="text")
    p.add_argument("-o", "--output", help="write here instead of stdout")
    p.add_argument("--words", type=_positive, default=250, help="summary length in words (default 250)")
    p.add_argument("--encoder", choices=ENCODERS, default="auto",
                   help="sentence encoder: minilm (model), tfidf (no model); auto picks minilm if installed")
    p.add_argument("--batch", metavar="IN.jsonl", help='one story a line: {"id", "documents": [str, ...]}')
    from .engines import ENGINES
    from .store.commands import add_engine_options, add_parser as add_stories_parser
    add_engine_options(p, ENGINES)   # --engine ray runs --batch on Ray Data
    p.set_defaults(run=cmd_brief)
    add_stories_parser(sub)
    c = sub.add_parser("compare", help="only the cross-source part: origins, agreements, conflicts")
    c.add_argument("paths", nargs="*", help="files or folders of one story; none: the bundled example")
    c.add_argument("--format", "-f", choices=("text", "json"), default="text")
    c.add_argument("-o", "--output", help="write here instead of stdout")
    c.set_defaults(run=cmd_compare)
    s = sub.add_parser("serve", help="start the local web app (paste or upload reports, get the report)")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    s.add_argument("--encoder", choices=ENCODERS, default="auto", help="sentence encoder, loaded once")
    s.set_defaults(run=cmd_serve)
    return parser


def cmd_compare(args: argparse.Namespace) -> int:
    """Origins, agreements and conflicts of one story, without a summary."""
    from .conflicts import relate_sources
    from .ingest import read_paths
    from .render import to_dict
    from .render.text import extra_sections
    from .segment import segment

    paths = args.paths or [str(example_path())]
    articles, rejected = read_paths(paths)
    for r in rejected:
        _say(f"skipped {r.message}")
    if not articles:
        raise NewsbriefError("Nothing to compare: no readable article among the inputs.")
    sentences = [s for a in articles for s in segment(a)]
    b = relate_sources(Brief(id="compare", articles=tuple(articles), summary=()), sentences)
    if args.format == "json":
        d = to_dict(b)
        keep = ("id", "sources", "origins", "claims", "agreements", "conflicts", "notes")
        out = json.dumps({k: d[k] for k in keep if k in d}, ensure_ascii=False, indent=2) + "\n"
    else:
        from .render.text import source_label

        lines = ["Origins:"] + [f"  {[b.source_index(a) + 1 for a in o.article_ids]} {o.reason}"
                                for o in b.origins]
        sections = [(h, items) for h, items in extra_sections(b) if h != "Who and where"]
        for heading, items in sections:
            lines += ["", f"{heading}:"] + [f"  - {item}" for item in items]
        if not sections:
            lines += ["", "No figures or facts that two origins both state."]
        lines += ["", "Sources:"] + [f"  [{i}] {source_label(a)}" for i, a in enumerate(b.articles, 1)]
        lines += [f"Note: {n}" for n in b.notes]
        out = "\n".join(lines) + "\n"
    _write(out, args.output)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from .web.app import WebSettings, create_app
        from .web.server import is_loopback, serve
    except ImportError as e:
        raise NewsbriefError(f"The web app needs its extras ({e.name} is missing): "
                             "pip install 'newsbrief[web]'") from None
    if not is_loopback(args.host):
        _say(f"warning: serving on {args.host}, reachable from other machines; "
             "the app has no authentication")
    serve(create_app(WebSettings(encoder=args.encoder)), host=args.host, port=args.port)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except NewsbriefError as e:
        _say(str(e))
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())

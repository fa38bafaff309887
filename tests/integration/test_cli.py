"""The command line as a user runs it: outputs, batch mode, one-line errors and exit codes."""

import json
import subprocess
import sys
from pathlib import Path

from newsbrief.cli import main

ENTRY = Path(sys.executable).with_name("newsbrief")


def test_no_path_briefs_the_bundled_example_and_says_so(capsys):
    assert main(["brief", "--encoder", "tfidf"]) == 0
    out, err = capsys.readouterr()
    assert "bundled example" in err
    assert "Sources:" in out and "[1]" in out
    first_line = out.splitlines()[0]
    assert first_line and not first_line.startswith("[")


def test_json_and_markdown_to_a_file(tmp_path, example_dir, capsys):
    out = tmp_path / "brief.json"
    assert main(["brief", str(example_dir), "--format", "json", "-o", str(out), "--encoder", "tfidf"]) == 0
    data = json.loads(out.read_text())
    assert len(data["sources"]) == 5 and data["summary"][0]["citations"]
    md = tmp_path / "brief.md"
    assert main(["brief", str(example_dir), "-f", "markdown", "-o", str(md), "--encoder", "tfidf", "--words", "80"]) == 0
    text = md.read_text()
    assert text.startswith("# ") and "## Sources" in text and "(#source-1)" in text


def test_bad_inputs_are_skipped_with_one_line_each(tmp_path, example_dir, capsys):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01" * 100)
    good = example_dir / "000_7fe1a5fc10ae878a.txt"
    assert main(["brief", str(tmp_path / "empty.txt"), str(tmp_path / "bin.txt"), str(good),
                 "--encoder", "tfidf"]) == 0
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.startswith("newsbrief: skipped")]
    assert len(lines) == 2 and "empty.txt" in lines[0] and "bin.txt" in lines[1]
    assert "Traceback" not in err and "Sources:" in out


def test_nothing_briefable_exits_1_with_one_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("")
    assert main(["brief", str(tmp_path), "--encoder", "tfidf"]) == 1
    assert main(["brief", str(tmp_path / "missing"), "--encoder", "tfidf"]) == 1
    err = capsys.readouterr().err
    assert "a.txt: empty" in err and "missing: no such file or folder" in err and "Traceback" not in err


def test_batch_skips_bad_lines_and_keeps_ids(tmp_path, multiling, capsys):
    src = tmp_path / "in.jsonl"
    rows = [json.dumps({"id": c["id"], "documents": c["documents"][:3], "summaries": ["x"]}) for c in multiling[:2]]
    src.write_text("\n".join([rows[0], "{not json", json.dumps({"id": "nodocs"}),
                              json.dumps({"id": "blank", "documents": ["", " "]}), rows[1]]) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["brief", "--batch", str(src), "-o", str(out), "--encoder", "tfidf", "--words", "100"]) == 0
    briefs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [b["id"] for b in briefs] == [multiling[0]["id"], multiling[1]["id"]]
    err = capsys.readouterr().err
    assert f"{src}:2: skipped, not JSON" in err
    assert f"{src}:3: skipped" in err and f"{src}:4: skipped" in err
    assert "2 stories briefed, 3 skipped" in err


def test_installed_entry_point_runs_without_traceback(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\x00\x01garbage\xff")
    run = subprocess.run([str(ENTRY), "brief", str(tmp_path / "x.txt")], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0 and "x.txt" in run.stderr and "binary" in run.stderr


def test_compare_prints_only_the_cross_source_part(example_dir, capsys):
    assert main(["compare", str(example_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Origins:") and "Where sources differ:" in out and "Sources:" in out
    assert "Timeline" not in out and "Who and where" not in out


def test_markdown_sections_are_headed_lists(example_dir, tmp_path):
    md = tmp_path / "b.md"
    assert main(["brief", str(example_dir), "-f", "markdown", "-o", str(md), "--encoder", "tfidf"]) == 0
    text = md.read_text()
    for heading in ("## Where sources differ", "## Timeline", "## Sources"):
        assert heading in text
    timeline = text.split("## Timeline", 1)[1].split("##", 1)[0]
    assert all(line.startswith("- ") for line in timeline.strip().splitlines())

"""Precision and recall of conflicts and origin grouping on the hand-labelled set.

    .venv/bin/python benchmarks/crosssource.py          # prints the table and writes RESULTS.md

Labels: tests/data/labels/crosssource.json (the example story and 12 Multi-News clusters from
../shared/data/multinews-dev.jsonl, referred to by id and document index only), and the
held-out tests/data/labels/crosssource_heldout.json (12 other Multi-News clusters, labelled
before running the detector on them and never used to tune it), and the blind round-2 set
tests/data/labels/crosssource_round2.json (14 more clusters, labelled while the detector was being
changed by someone who did not see them; its 'type' is the conflict kind, also compared), and the
blind round-3 set tests/data/labels/crosssource_round3.json (16 more clusters, labelled the same way),
each reported in separate rows.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsbrief import read_paths, read_texts  # noqa: E402
from newsbrief.conflicts import relate_sources  # noqa: E402
from newsbrief.segment import segment  # noqa: E402
from newsbrief.types import Brief  # noqa: E402

LABELS = ROOT / "tests" / "data" / "labels" / "crosssource.json"
HELDOUT = ROOT / "tests" / "data" / "labels" / "crosssource_heldout.json"
ROUND2 = ROOT / "tests" / "data" / "labels" / "crosssource_round2.json"
ROUND3 = ROOT / "tests" / "data" / "labels" / "crosssource_round3.json"
ROUND4 = ROOT / "tests" / "data" / "labels" / "crosssource_round4.json"
ROUND5 = ROOT / "tests" / "data" / "labels" / "crosssource_round5.json"
MULTILING = ROOT.parent / "shared" / "data" / "multiling2011-en.jsonl"
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews-dev.jsonl"


def load_story(story: dict, clusters: dict[str, list[str]]):
    """Articles whose ids are their document index ("d0", "d1", ...), rejected ones left out."""
    if story.get("source"):
        articles, _ = read_paths([ROOT / story["source"]])
        return [replace(a, id=f"d{i}") for i, a in enumerate(articles)]
    out = []
    for i, text in enumerate(clusters[story["id"]]):
        articles, _ = read_texts([text])
        out += [replace(a, id=f"d{i}") for a in articles]
    return out


def pairs(groups) -> set[frozenset[int]]:
    return {frozenset((a, b)) for g in groups for a in g for b in g if a < b}


def matches(expected: dict, conflict) -> bool:
    hits = 0
    for doc, value in expected["values"].items():
        if any(v.citation.article_id == f"d{doc}" and value.lower() in v.text.lower() for v in conflict.claims):
            hits += 1
    return hits >= 2


def score(labels: dict, clusters: dict, kinds: bool = False) -> tuple[tuple[int, ...], list[str], list[str], float]:
    c_tp = c_fp = c_fn = o_tp = o_fp = o_fn = kind_ok = 0
    rows, details = [], []
    start = time.perf_counter()
    for story in labels["stories"]:
        articles = load_story(story, clusters)
        sentences = [s for a in articles for s in segment(a)]
        brief = relate_sources(Brief(story["id"], tuple(articles), ()), sentences)
        found = list(brief.conflicts)
        tp = sum(any(matches(e, c) for c in found) for e in story["conflicts"])
        fp = sum(not any(matches(e, c) for e in story["conflicts"]) for c in found)
        fn = len(story["conflicts"]) - tp
        got = pairs([[int(a[1:]) for a in o.article_ids] for o in brief.origins])
        want = pairs([g["docs"] for g in story["origins"]])
        c_tp, c_fp, c_fn = c_tp + tp, c_fp + fp, c_fn + fn
        o_tp, o_fp, o_fn = o_tp + len(got & want), o_fp + len(got - want), o_fn + len(want - got)
        rows.append(f"| {story['id']} | {len(articles)} | {len(story['conflicts'])} | {len(found)} | {tp} | {fp} | {fn} "
                    f"| {len(want)} | {len(got)} | {len(got & want)} |")
        for c in found:
            if not any(matches(e, c) for e in story["conflicts"]):
                details.append(f"- false conflict in {story['id']}: {c.topic}: "
                               + "; ".join(f"{v.citation.article_id} {v.text!r}" for v in c.claims))
        for e in story["conflicts"]:
            if not any(matches(e, c) for c in found):
                details.append(f"- missed conflict in {story['id']}: {e['topic']} ({e['reason']})")
            elif kinds:
                got_kinds = sorted({c.kind for c in found if matches(e, c)})
                kind_ok += e["type"] in got_kinds
                if e["type"] not in got_kinds:
                    details.append(f"- kind differs in {story['id']}: {e['topic']}: labelled {e['type']}, "
                                   f"detected {', '.join(got_kinds)}")
        for p in sorted(got - want, key=sorted):
            details.append(f"- false origin pair in {story['id']}: documents {sorted(p)}")
        for p in sorted(want - got, key=sorted):
            details.append(f"- missed origin pair in {story['id']}: documents {sorted(p)}")
    seconds = time.perf_counter() - start
    if kinds:
        details.insert(0, f"- conflict kind right for {kind_ok} of the {c_tp} matched conflicts")
    return (c_tp, c_fp, c_fn, o_tp, o_fp, o_fn), rows, details, seconds


def main() -> int:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    clusters = {}
    for path in (MULTINEWS, MULTILING):
        with open(path, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                clusters[row["id"]] = row["documents"]
    (c_tp, c_fp, c_fn, o_tp, o_fp, o_fn), rows, details, seconds = score(labels, clusters)
    held = json.loads(HELDOUT.read_text(encoding="utf-8"))
    (h_ctp, h_cfp, h_cfn, h_otp, h_ofp, h_ofn), h_rows, h_details, h_seconds = score(held, clusters)
    r2 = json.loads(ROUND2.read_text(encoding="utf-8"))
    (r_ctp, r_cfp, r_cfn, r_otp, r_ofp, r_ofn), r_rows, r_details, r_seconds = score(r2, clusters, kinds=True)
    r3 = json.loads(ROUND3.read_text(encoding="utf-8"))
    (t_ctp, t_cfp, t_cfn, t_otp, t_ofp, t_ofn), t_rows, t_details, t_seconds = score(r3, clusters, kinds=True)
    r4 = json.loads(ROUND4.read_text(encoding="utf-8"))
    (f_ctp, f_cfp, f_cfn, f_otp, f_ofp, f_ofn), f_rows, f_details, f_seconds = score(r4, clusters, kinds=True)
    r5 = json.loads(ROUND5.read_text(encoding="utf-8"))
    (v_ctp, v_cfp, v_cfn, v_otp, v_ofp, v_ofn), v_rows, v_details, v_seconds = score(r5, clusters, kinds=True)

    def pr(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else float("nan")
        r = tp / (tp + fn) if tp + fn else float("nan")
        return p, r

    cp, cr = pr(c_tp, c_fp, c_fn)
    op, orr = pr(o_tp, o_fp, o_fn)
    hcp, hcr = pr(h_ctp, h_cfp, h_cfn)
    hop, hor = pr(h_otp, h_ofp, h_ofn)
    rcp, rcr = pr(r_ctp, r_cfp, r_cfn)
    rop, ror = pr(r_otp, r_ofp, r_ofn)
    tcp, tcr = pr(t_ctp, t_cfp, t_cfn)
    top, tor = pr(t_otp, t_ofp, t_ofn)
    fcp, fcr = pr(f_ctp, f_cfp, f_cfn)
    fop, forr = pr(f_otp, f_ofp, f_ofn)
    vcp, vcr = pr(v_ctp, v_cfp, v_cfn)
    vop, vor = pr(v_otp, v_ofp, v_ofn)
    pooled_p, pooled_r = pr(c_tp + h_ctp + r_ctp + t_ctp, c_fp + h_cfp + r_cfp + t_cfp, c_fn + h_cfn + r_cfn + t_cfn)
    md = "\n".join([
        "## crosssource: conflicts and origin grouping",
        "",
        f"`benchmarks/crosssource.py` on `tests/data/labels/crosssource.json`: the example story and "
        f"{len(labels['stories']) - 1} Multi-News dev clusters, hand-labelled (reasons in the file). "
        f"{seconds:.0f} s on CPU (spaCy en_core_web_sm).",
        "",
        "| | TP | FP | FN | precision | recall |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| conflicts | {c_tp} | {c_fp} | {c_fn} | {cp:.2f} | {cr:.2f} |",
        f"| origin pairs | {o_tp} | {o_fp} | {o_fn} | {op:.2f} | {orr:.2f} |",
        f"| held-out (dev since first scored): conflicts | {h_ctp} | {h_cfp} | {h_cfn} | {hcp:.2f} | {hcr:.2f} |",
        f"| held-out (dev since first scored): origin pairs | {h_otp} | {h_ofp} | {h_ofn} | {hop:.2f} | {hor:.2f} |",
        f"| round 2 (dev since first scored): conflicts | {r_ctp} | {r_cfp} | {r_cfn} | {rcp:.2f} | {rcr:.2f} |",
        f"| round 2 (dev since first scored): origin pairs | {r_otp} | {r_ofp} | {r_ofn} | {rop:.2f} | {ror:.2f} |",
        f"| round 3 (dev since first scored): conflicts | {t_ctp} | {t_cfp} | {t_cfn} | {tcp:.2f} | {tcr:.2f} |",
        f"| round 3 (dev since first scored): origin pairs | {t_otp} | {t_ofp} | {t_ofn} | {top:.2f} | {tor:.2f} |",
        f"| all four sets pooled: conflicts | {c_tp + h_ctp + r_ctp + t_ctp} | {c_fp + h_cfp + r_cfp + t_cfp} "
        f"| {c_fn + h_cfn + r_cfn + t_cfn} | {pooled_p:.2f} | {pooled_r:.2f} |",
        f"| round 4 (dev since first scored): conflicts | {f_ctp} | {f_cfp} | {f_cfn} | {fcp:.2f} | {fcr:.2f} |",
        f"| round 4 (dev since first scored): origin pairs | {f_otp} | {f_ofp} | {f_ofn} | {fop:.2f} | {forr:.2f} |",
        f"| round 5, MultiLing (dev since first scored): conflicts | {v_ctp} | {v_cfp} | {v_cfn} | {vcp:.2f} | {vcr:.2f} |",
        f"| round 5, MultiLing (dev since first scored): origin pairs | {v_otp} | {v_ofp} | {v_ofn} | {vop:.2f} | {vor:.2f} |",
        "",
        # A record of earlier runs, not recomputed: what each set scored the one time it was unseen.
        "Each label set was scored blind once, then its errors guided the next fixes, so only its first "
        "score is a held-out number. First (blind) scores of conflicts, TP/FP/FN: held-out 0/0/4; "
        "round 2 0/0/14; round 3 0/0/7; round 4 0/0/4 (origin pairs 0/6/1: four short reports quoting one "
        "statement whole were grouped, which the labels do not count as one origin); round 5, the MultiLing "
        "stories told over weeks to years, 2/5/9 (precision 0.29, recall 0.18; origin pairs 0/7/0): the first "
        "false conflicts of any set, where reports of different days count different events.",
        "",
        f"Held-out rows: `tests/data/labels/crosssource_heldout.json`, {len(held['stories'])} Multi-News clusters "
        f"not in the development set, labelled before the detector was run on them ({h_seconds:.0f} s). "
        f"{sum(len(st['conflicts']) for st in held['stories'])} expected conflicts; "
        f"{sum(not st['conflicts'] for st in held['stories'])} clusters have none (they test precision). "
        "Origin precision/recall print nan when no pair is expected or found.",
        "",
        "Per story (conflicts expected / found / TP / FP / FN; origin pairs expected / found / TP):",
        "",
        "| story | docs | exp. | found | TP | FP | FN | exp. pairs | found pairs | TP pairs |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *rows,
        "",
        *details,
        "",
        "Held-out, per story:",
        "",
        "| story | docs | exp. | found | TP | FP | FN | exp. pairs | found pairs | TP pairs |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *h_rows,
        "",
        *h_details,
        "",
        f"Blind round 2: `tests/data/labels/crosssource_round2.json`, {len(r2['stories'])} other Multi-News clusters, "
        "labelled while the detector was being changed by an engineer who did not see the labels, scored once "
        f"({r_seconds:.0f} s). {sum(len(st['conflicts']) for st in r2['stories'])} expected conflicts; "
        f"{sum(not st['conflicts'] for st in r2['stories'])} clusters have none.",
        "",
        "| story | docs | exp. | found | TP | FP | FN | exp. pairs | found pairs | TP pairs |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *r_rows,
        "",
        *r_details,
        "",
        f"Round 3: `tests/data/labels/crosssource_round3.json`, {len(r3['stories'])} other Multi-News clusters, "
        "labelled the same way while the detector was being changed by an engineer who did not see the labels, scored "
        f"blind once, development data since ({t_seconds:.0f} s). {sum(len(st['conflicts']) for st in r3['stories'])} expected conflicts in "
        f"{sum(bool(st['conflicts']) for st in r3['stories'])} clusters; "
        f"{sum(not st['conflicts'] for st in r3['stories'])} clusters have none.",
        "",
        "| story | docs | exp. | found | TP | FP | FN | exp. pairs | found pairs | TP pairs |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *t_rows,
        "",
        *t_details,
        "",
        f"Blind round 4: `tests/data/labels/crosssource_round4.json`, {len(r4['stories'])} of the last 24 unused "
        "Multi-News clusters (the others hold no second real report), labelled by reading while the detector was "
        "being changed by an engineer who did not see the labels or the clusters; scored blind once (see the "
        f"record above), development data since ({f_seconds:.0f} s). {sum(len(st['conflicts']) for st in r4['stories'])} expected conflicts in "
        f"{sum(bool(st['conflicts']) for st in r4['stories'])} clusters; "
        f"{sum(not st['conflicts'] for st in r4['stories'])} clusters have none.",
        "",
        "| story | docs | exp. | found | TP | FP | FN | exp. pairs | found pairs | TP pairs |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *f_rows,
        "",
        *f_details,
        "",
        f"Blind round 5: `tests/data/labels/crosssource_round5.json`, the {len(r5['stories'])} MultiLing 2011 "
        "clusters (WikiNews, 10 reports each over weeks to years; in no earlier cross-source label file), labelled "
        "by reading before the detector was run on them and while no one changed it; scored blind once (see the "
        "record above), then its five false conflicts led to three rules (a number after its noun names it, "
        "'stage 13'; a modal with a verb of rising is a projection, 'could increase to over 100,000'; a "
        "report's only count of a noun is the story's count only within one news cycle and for whole counts, "
        f"not '5.9' magnitudes), and its seven false origin pairs to one (reports three or more days apart are "
        f"separate reports, whatever background or agency quotes they share); its misses then led to tolls read in "
        "more forms ('the confirmed death count is over 120,000', 'the toll is estimated to be 110,000', a toll "
        f"'passing 80,000 people') and to passive reports naming no speaker; development data since ({v_seconds:.0f} s). {sum(len(st['conflicts']) for st in r5['stories'])} expected "
        f"conflicts in {sum(bool(st['conflicts']) for st in r5['stories'])} clusters; "
        f"{sum(not st['conflicts'] for st in r5['stories'])} clusters have none.",
        "",
        "| story | docs | exp. | found | TP | FP | FN | exp. pairs | found pairs | TP pairs |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *v_rows,
        "",
        *v_details,
        "",
        "Caveat: the rules were adjusted while reading some of these clusters (see the labels file's "
        "`about`), so these are development figures. The labelled set is small: one conflict more or "
        "less moves recall by about 0.1.",
    ])
    print(md)
    from results_file import write_section
    write_section("crosssource", md)
    return 0


if __name__ == "__main__":
    sys.exit(main())

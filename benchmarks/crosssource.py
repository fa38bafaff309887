"""Precision and recall of conflicts and origin grouping on the hand-labelled set.

    .venv/bin/python benchmarks/crosssource.py          # prints the table and writes RESULTS.md

Labels (``SETS``): tests/data/labels/crosssource*.json, the example story and Multi-News and
MultiLing clusters referred to by id and document index only, each set labelled before the
detector was run on it and scored blind once (``RECORD``); from round 2 on, 'type' (the conflict
kind) is labelled and compared too. Each set is reported in its own rows.
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

LABEL_DIR = ROOT / "tests" / "data" / "labels"
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
        # either holds the other: labels quote the figure, sometimes with a word more ("seven prior")
        if any(v.citation.article_id == f"d{doc}" and (value.lower() in v.text.lower() or v.text.lower() in value.lower())
               for v in conflict.claims):
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


# The label sets in the order they were made: file, row name, whether the conflict kind is
# labelled, and what the set is (``{n}``, ``{expected}``, ``{with_conflicts}``, ``{without}``,
# ``{seconds}`` filled in). Each was scored blind once (see RECORD); all are development data now.
SETS = (
    ("crosssource.json", "development", False,
     "Development set: `tests/data/labels/crosssource.json`, the example story and {n_minus_1} Multi-News "
     "dev clusters, hand-labelled (reasons in the file; {seconds:.0f} s). {expected} expected conflicts."),
    ("crosssource_heldout.json", "held-out", False,
     "Held-out: `tests/data/labels/crosssource_heldout.json`, {n} Multi-News clusters not in the development "
     "set, labelled before the detector was run on them ({seconds:.0f} s). {expected} expected conflicts; "
     "{without} clusters have none (they test precision). Origin precision/recall print nan when no pair is "
     "expected or found."),
    ("crosssource_round2.json", "round 2", True,
     "Round 2: `tests/data/labels/crosssource_round2.json`, {n} other Multi-News clusters, labelled while the "
     "detector was being changed by an engineer who did not see the labels ({seconds:.0f} s). {expected} "
     "expected conflicts; {without} clusters have none."),
    ("crosssource_round3.json", "round 3", True,
     "Round 3: `tests/data/labels/crosssource_round3.json`, {n} other Multi-News clusters, labelled the same way "
     "({seconds:.0f} s). {expected} expected conflicts in {with_conflicts} clusters; {without} clusters have none."),
    ("crosssource_round4.json", "round 4", True,
     "Round 4: `tests/data/labels/crosssource_round4.json`, {n} of the last 24 unused Multi-News clusters (the "
     "others hold no second real report), labelled by reading while the detector was being changed by an "
     "engineer who did not see the labels or the clusters ({seconds:.0f} s). {expected} expected conflicts in "
     "{with_conflicts} clusters; {without} clusters have none."),
    ("crosssource_round5.json", "round 5, MultiLing", True,
     "Round 5: `tests/data/labels/crosssource_round5.json`, the {n} MultiLing 2011 clusters (WikiNews, 10 "
     "reports each over weeks to years; in no earlier cross-source label file), labelled by reading before the "
     "detector was run on them and while no one changed it. Its five false conflicts then led to three rules "
     "(a number after its noun names it, 'stage 13'; a modal with a verb of rising is a projection, 'could "
     "increase to over 100,000'; a report's only count of a noun is the story's count only within one news "
     "cycle and for whole counts, not '5.9' magnitudes), its seven false origin pairs to one (reports three or "
     "more days apart are separate reports, whatever background or agency quotes they share), and its misses "
     "to tolls read in more forms ('the confirmed death count is over 120,000', 'the toll is estimated to be "
     "110,000', a toll 'passing 80,000 people') and to passive reports naming no speaker ({seconds:.0f} s). "
     "{expected} expected conflicts in {with_conflicts} clusters; {without} clusters have none."),
    ("crosssource_round6.json", "round 6", True,
     "Round 6: `tests/data/labels/crosssource_round6.json`, the {n} Multi-News clusters in no earlier "
     "cross-source label file, labelled by reading every document, blind to the detector; the engineers had "
     "read the conflicts the tool printed for all 110 stories before, so its precision is no blind figure, its "
     "recall is. Its three misses then led to three readers, each checked on all 110 stories: readings in "
     "degrees of one thing ('the interior of the truck could've reached between 130-170 degrees'), the "
     "youngest and oldest of a group ('British girls as young as 10') and chances of one event told in other "
     "words ('a 60 percent chance of a Senate takeover') ({seconds:.0f} s). {expected} expected conflicts in "
     "{with_conflicts} clusters; {without} clusters have none."),
)

# A record of earlier runs, not recomputed: what each set scored the one time it was unseen.
RECORD = (
    "Each label set was scored blind once, then its errors guided the next fixes, so only its first "
    "score is a held-out number. First (blind) scores of conflicts, TP/FP/FN: held-out 0/0/4; "
    "round 2 0/0/14; round 3 0/0/7; round 4 0/0/4 (origin pairs 0/6/1: four short reports quoting one "
    "statement whole were grouped, which the labels do not count as one origin; eight of its clusters, "
    "4558, 8180, 27696, 37837, 46174, 46925, 55541 and 56054, had been read while false conflicts were "
    "removed before any label existed (crosssource.json's `about`), so its precision is no blind figure); "
    "round 5, the MultiLing "
    "stories told over weeks to years, 2/5/9 (precision 0.29, recall 0.18; origin pairs 0/7/0): the first "
    "false conflicts of any set, where reports of different days count different events; round 6 0/0/3 "
    "(origin pairs 0/0/3): two forecasters' odds, newsrooms' own estimates of a heat, victims' ages in two "
    "counts of one series."
)

# An experiment measured and dropped, kept so it is not tried again blind.
POSSIBLE_DISAGREEMENTS = (
    "Tried and dropped: *possible disagreements*, a lower-confidence list beside the conflicts. Design, fixed "
    "before the missed labels were read: two figures (claims.extract) of different origins, same unit (dates "
    "and clock times left out), not vague, whose sentences align.similarity links as saying the same thing "
    "(words and names; the numbers signal left out, the numbers being what may differ; bar AlignSettings."
    "same_fact 0.55), measuring the same words (counted noun / object stem-matched; no two lexicon predicates, "
    "event scopes, places or years that differ), values clearly different (same_value False), not already "
    "lined up by compare, neither value stated in the other sentence too, and the two sentences not naming "
    "different days. First run on the 7 sets: 1 entry, 0 of the 15 misses caught, 1 false ('at least 20 "
    "people were killed' vs '21 people dead': a bound and a value it allows, no disagreement); 1 entry on "
    "the 110 stories of ../shared/data (the same one). One refinement, for general reasons: the bar set to "
    "0.32, the median words-and-names similarity of the 97 pairs of two origins' sentences that compare "
    "finds agreeing on a figure in those 110 stories (0.55 passes only 22% of them), and a value within "
    "another's bound ('at least 20' / '21') no disagreement. Refined: 5 entries on the 7 sets (development "
    "1, round 3 2, round 4 1, round 6 1), 0 labelled conflicts among them (precision 0.00), 0 of the 15 "
    "misses caught; 5 entries on the 110 stories, the same five. All five read as no disagreement, none a "
    "conflict the labellers missed: another event ('killed at least 241' vs a 1997 quake's 'more than 100'), "
    "a total vs an increase ('33 million Americans' vs '35 million more Americans'), another year ('8.6 "
    "percent' in March 2016 vs 'more than 10 percent' in March), another thing (Benghazi's 'half a dozen' "
    "investigations vs 9/11's 'two'; 'nearly 120 degrees' in a truck vs a body's 'more than 104 degrees'). "
    "Why no recall: in 11 of the 15 misses one side's value is no figure at all for the figure reader ('$9,000', "
    "'25 and 35', '6.6 million', 'about 72 million', '08:30', 'December 14', 'eleven', '25 percent'...); of the "
    "other four, one is two dates (left out by design), one two clock times that same_value finds within an "
    "approximate quarter hour ('02:00 GMT' / 'about 23.00 local time (02.14 GMT)'), one a pair compare already "
    "lined up ('$3-$4 million' / '$3 million'; the third value a count of dollars, another unit) and one a "
    "pair compare lined up whose counts are more than MAX_COUNT_RATIO apart ('two' / 'Sixteen' bodies). "
    "Sentence alignment cannot pair figures the reader does not find: the misses need the reader, not "
    "another pairing."
)

# Why each of the 15 misses went unread, and what a round of reader fixes changed.
MISSES_BY_READER = (
    "Reading the misses' figures (one round, after the experiment above): of the 15, three had a general "
    "reader gap, now fixed and each checked on the 110 stories (30 conflicts before and after, none new "
    "or changed): spaCy's MONEY tag on bare counts ('cut power to more than 8.2 million', 'the #30 bus') "
    "is money only with a currency, a money range with a sign at each end is one amount ('$3-$4 million' "
    "was read as 3.0; it and '$3 million' now agree, an exact value within a range), and a day with its "
    "part of the day dates the verb ('On Monday afternoon, the network released'). None turns a miss into "
    "a conflict: the other sides say other things. The rest, unread or not lined up for reasons no general "
    "reader rule fixes: another event or predicate on the other side ('raised more than $30,000' vs 'is "
    "already up over $9,000', both bounded money amounts the threshold guard drops; 'came in 1974' vs an "
    "announcement 'four years later'; '33 million Americans would meet the threshold' vs 'bringing the total "
    "to about 72 million'; a release vs 'a tipping point'), a person named on one side and 'the suspect' on "
    "the other ('25 and 35'), a count that needs a lexicon of outages and a place rule ('6.6 million homes "
    "and businesses were without electricity' unscoped vs 8.2 million 'across the East'), a typo ('l00'), a "
    "table row ('33%'), an increase word ('another million have been left without homes'), a number word "
    "glued to a dash ('-eleven', one token for the tokenizer), the end of a meeting told two ways ('run "
    "through December 14' / 'came to a conclusion on Saturday'), a time read as the start of a span "
    "('between 8.26am ... and 9.47am') and the two by design (two counts further apart than "
    "MAX_COUNT_RATIO, two times within an approximate quarter hour)."
)

STORY_TABLE = ("| story | docs | exp. | found | TP | FP | FN | exp. pairs | found pairs | TP pairs |",
               "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")


def pr(tp: int, fp: int, fn: int) -> tuple[float, float]:
    p = tp / (tp + fp) if tp + fp else float("nan")
    r = tp / (tp + fn) if tp + fn else float("nan")
    return p, r


def row(name: str, tp: int, fp: int, fn: int) -> str:
    p, r = pr(tp, fp, fn)
    return f"| {name} | {tp} | {fp} | {fn} | {p:.2f} | {r:.2f} |"


def main() -> int:
    clusters = {}
    for path in (MULTINEWS, MULTILING):
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                clusters[record["id"]] = record["documents"]
    results = []
    for file, name, kinds, about in SETS:
        labels = json.loads((LABEL_DIR / file).read_text(encoding="utf-8"))
        counts, rows, details, seconds = score(labels, clusters, kinds=kinds)
        stories = labels["stories"]
        intro = about.format(n=len(stories), n_minus_1=len(stories) - 1, seconds=seconds,
                             expected=sum(len(st["conflicts"]) for st in stories),
                             with_conflicts=sum(bool(st["conflicts"]) for st in stories),
                             without=sum(not st["conflicts"] for st in stories))
        results.append((name, counts, rows, details, intro))
    table = []
    for name, (c_tp, c_fp, c_fn, o_tp, o_fp, o_fn), *_ in results:
        table += [row(f"{name}: conflicts", c_tp, c_fp, c_fn), row(f"{name}: origin pairs", o_tp, o_fp, o_fn)]
    for label, sets in (("first four sets pooled", results[:4]), ("all sets pooled", results)):
        table.append(row(f"{label}: conflicts", *(sum(r[1][k] for r in sets) for k in range(3))))
    md = [
        "## crosssource: conflicts and origin grouping",
        "",
        "`benchmarks/crosssource.py` on the hand-labelled sets below (reasons in each file; spaCy "
        "en_core_web_sm on CPU). All are development data now: each row is the current score.",
        "",
        "| | TP | FP | FN | precision | recall |",
        "| --- | --- | --- | --- | --- | --- |",
        *table,
        "",
        RECORD,
        "",
        POSSIBLE_DISAGREEMENTS,
        "",
        MISSES_BY_READER,
    ]
    for name, _, rows, details, intro in results:
        md += ["", intro, "", *STORY_TABLE, *rows, "", *details]
    md += ["", "Caveat: the rules were adjusted while reading these clusters (see each labels file's "
           "`about`), so these are development figures. The labelled sets are small: one conflict more "
           "or less moves a set's recall by 0.1-0.25."]
    text = "\n".join(md)
    print(text)
    from results_file import write_section
    write_section("crosssource", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The whole flow on real reports: exact citations, no junk, no repeats, the JSON contract."""

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsbrief
from newsbrief import render_json, render_text, summarize
from newsbrief.align import content_stems
from newsbrief.respell import respell

CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "checks" / "brief_contract.py"


def test_every_citation_is_an_exact_sentence_span(example_brief):
    texts = {a.id: a.text for a in example_brief.articles}
    for s in example_brief.summary:
        first = s.citations[0]
        taken = texts[first.article_id][first.start:first.end]
        assert respell(taken, dict(s.respelled)) == (s.text, s.respelled)   # verbatim but for spellings
        for c in s.citations:
            span = texts[c.article_id][c.start:c.end]
            assert span and "\n" not in span
            assert c.sentence_id.startswith(c.article_id + ":")


def test_supporting_citations_share_the_information(example_brief):
    for s in example_brief.summary:
        mine = content_stems(s.text)
        for c in s.citations[1:]:
            other = content_stems(example_brief.articles[example_brief.source_index(c.article_id)]
                                  .text[c.start:c.end])
            assert len(mine & other) >= 2, (s.text, c)


def test_no_page_junk_reaches_the_summary(example_brief):
    removed = [line for a in example_brief.articles for line in a.removed]
    assert removed, "the example has junk to remove"
    summary = " ".join(s.text for s in example_brief.summary)
    for junk in ("Follow", "Copyright", "best viewed", "Posted on YouTube", "(AP)", "handout"):
        assert junk not in summary


def test_no_two_summary_sentences_say_the_same_thing(example_brief):
    for a, b in itertools.combinations(example_brief.summary, 2):
        sa, sb = content_stems(a.text), content_stems(b.text)
        assert len(sa & sb) / min(len(sa), len(sb)) < 0.7, (a.text, b.text)


def test_summary_is_about_the_word_budget(example_articles, tfidf):
    from dataclasses import replace

    from newsbrief.settings import Settings

    for words in (60, 250):
        s = Settings()
        b = summarize(example_articles, embedder=tfidf, settings=replace(s, select=replace(s.select, words=words)))
        total = sum(len(x.text.split()) for x in b.summary)
        assert words * 0.6 <= total <= words * 1.15


def test_corroborated_sentences_cite_several_sources(example_brief):
    assert max(len({c.article_id for c in s.citations}) for s in example_brief.summary) >= 2


def test_text_output_has_one_summary_sentence_a_line(example_brief):
    lines = render_text(example_brief).splitlines()
    for s in example_brief.summary:
        assert sum(line.startswith(s.text) for line in lines) == 1
    assert "Sources:" in lines


@pytest.mark.skipif(not CONTRACT.exists(), reason="../shared/checks/brief_contract.py not present")
def test_json_brief_follows_the_contract(example_brief):
    out = subprocess.run([sys.executable, str(CONTRACT), "-"], input=render_json(example_brief),
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    data = json.loads(render_json(example_brief))
    assert [s["id"] for s in data["sources"]] == [a.id for a in example_brief.articles]


def test_a_single_article_is_briefed(example_dir, tfidf):
    b = newsbrief.brief_paths([example_dir / "003_d306274263f23363.txt"], encoder=tfidf)
    assert b.summary and all(len(s.citations) == 1 for s in b.summary)


def test_fifty_articles(multiling, tfidf):
    docs = [d for cluster in multiling[:5] for d in cluster["documents"]]
    assert len(docs) == 50
    b = newsbrief.brief(docs, encoder=tfidf)
    assert len(b.articles) == 50 and 150 <= sum(len(s.text.split()) for s in b.summary) <= 290


def test_two_identical_articles_count_once(example_dir, tfidf):
    text = (example_dir / "002_0616f6650bd8f46c.txt").read_text()
    b = newsbrief.brief([text, text], encoder=tfidf)
    assert len(b.articles) == 1 and [r.reason for r in b.rejected] == ["duplicate"]


def test_nothing_to_brief_raises_a_clear_error():
    with pytest.raises(newsbrief.NothingToBrief, match="document 1: empty"):
        newsbrief.brief([""])


def test_runs_are_deterministic(example_articles, tfidf):
    assert render_json(summarize(example_articles, embedder=tfidf)) == \
        render_json(summarize(example_articles, embedder=tfidf))


def test_undated_reports_get_an_inferred_date_with_its_basis(example_brief):
    dates = {a.id[:3]: a for a in example_brief.articles}
    assert all(a.published is None and a.inferred_date and a.inferred_from for a in dates.values())
    # the AP report was written on the offensive's eighth day, before the district fell
    assert dates["003"].inferred_date.isoformat() == "2013-07-06"
    assert dates["003"].inferred_date < dates["002"].inferred_date < dates["004"].inferred_date
    assert "(inferred)" in render_text(example_brief)


def test_text_output_says_how_far_each_sentence_is_confirmed(example_brief):
    # Reports 1 and 2 are both AFP copy: citing both is two outlets but one origin.
    lines = render_text(example_brief).splitlines()
    for s in example_brief.summary:
        line = next(x for x in lines if x.startswith(s.text))
        sources = {c.article_id for c in s.citations}
        if len(sources) == 1:
            assert line.endswith("(one source only)")
        elif sources == {example_brief.articles[0].id, example_brief.articles[1].id}:
            assert line.endswith("(2 outlets, one origin)")
        else:
            assert line.endswith(f"({s.origins} independent origins)") and s.origins >= 2


def test_a_confirmed_value_of_a_disputed_topic_points_to_the_dispute(example_brief):
    disputed = {c.topic for c in example_brief.conflicts}
    lines = render_text(example_brief).splitlines()
    for g in example_brief.agreements:
        line = next(x for x in lines if x.strip().startswith(f"- {g.topic}: {g.value}"))
        assert line.endswith("(other values too: see where sources differ)") == (g.topic in disputed)
    assert any(g.topic in disputed for g in example_brief.agreements)   # the rebels' hold: a year vs two


def test_a_brief_without_any_title_is_headed_by_its_first_sentence(example_articles, tfidf):
    from dataclasses import replace

    untitled = [replace(a, title="") for a in example_articles]
    brief = summarize(untitled, embedder=tfidf)
    assert brief.title and "\n" not in brief.title and len(brief.title) <= 120
    assert " ".join(untitled[0].text.split()).startswith(brief.title.removesuffix("..."))

"""nlp: one spaCy parse per story, shared by claims and entities; graceful without spaCy."""

from __future__ import annotations

import pytest

from newsbrief.conflicts import relate_sources
from newsbrief.entities import describe_entities
from newsbrief.nlp import StoryParse, captions, parse_story
from newsbrief.pipeline import summarize
from newsbrief.segment import segment
from newsbrief.types import Article, Brief

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def parsed(example_articles):
    return parse_story(example_articles)


def test_one_doc_per_article_with_article_offsets(parsed, example_articles):
    assert parsed.available and set(parsed.docs) == {a.id for a in example_articles}
    for a in example_articles:
        doc = parsed.doc(a.id)
        assert doc.text == a.text                      # Sentence offsets index into it
        assert [d.text for d in parsed.captions[a.id]] == list(captions(a))
    assert parsed.covers(example_articles)
    assert not parsed.covers([Article("other", "Another story entirely.")])


def test_captions_are_long_removed_lines_without_copyright():
    a = Article("a", "Text.", removed=("Follow Hadid on", "Copyright © 2015 BBC. The BBC is not responsible "
                                       "for the content of external sites.",
                                       "Khalid Ibn al-Walid mosque in the heavily disputed Homs neighbourhood"))
    assert captions(a) == ("Khalid Ibn al-Walid mosque in the heavily disputed Homs neighbourhood",)


def test_analyses_reuse_the_parse(parsed, example_articles):
    # (their speed is measured in benchmarks/quality.py, not asserted here)
    sentences = [s for a in example_articles for s in segment(a)]
    brief = Brief("t", tuple(example_articles), ())
    related = relate_sources(brief, sentences, parsed)
    described = describe_entities(related, sentences, parsed)
    assert related.claims and related.conflicts and described.entities
    # the same results as when each analysis parses for itself
    assert relate_sources(brief, sentences).claims == related.claims
    assert describe_entities(related, sentences).entities == described.entities


def test_without_spacy_both_fall_back_with_a_note(example_articles):
    missing = StoryParse(missing="spaCy is not installed: pip install newsbrief[nlp]")
    sentences = [s for a in example_articles for s in segment(a)]
    brief = Brief("t", tuple(example_articles), ())
    related = relate_sources(brief, sentences, missing)
    assert related.origins and related.claims == () and related.conflicts == ()
    described = describe_entities(related, sentences, missing)
    assert described.entities and all(e.type == "NAME" for e in described.entities)
    assert any("claims" in n for n in described.notes) and any("entities" in n for n in described.notes)


def test_summarize_parses_once_and_fills_every_section(example_articles, tfidf):
    b = summarize(example_articles, embedder=tfidf)
    assert b.claims and b.entities and b.timeline and not b.notes


def test_loading_the_model_does_not_import_torch_and_torch_still_imports_after():
    import subprocess
    import sys
    code = ("import sys; from newsbrief.nlp import load_model; nlp = load_model(); "
            "assert nlp is None or 'torch' not in sys.modules, 'thinc imported torch'; "
            "assert nlp is None or nlp('Assad met Putin in Moscow.').ents; "
            "import importlib.util; assert importlib.util.find_spec('torch') is None or __import__('torch')")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr

"""Origins: wire copy and copied passages make one origin; independent reports stay apart."""

from __future__ import annotations

from newsbrief.origins import group_origins, origin_of, shared_sentences, wire_credits
from newsbrief.segment import segment
from newsbrief.types import Article


def _origins(articles):
    sentences = [s for a in articles for s in segment(a)]
    return group_origins(articles, sentences)


def test_example_groups_the_two_afp_reports_only(example_articles):
    origins = _origins(example_articles)
    groups = sorted(sorted(example_articles.index(a) for a in
                           [x for x in example_articles if x.id in o.article_ids]) for o in origins)
    assert groups == [[0, 1], [2], [3], [4]]
    afp = next(o for o in origins if len(o.article_ids) == 2)
    assert "AFP" in afp.reason and "near-identical" in afp.reason


def test_every_article_is_in_exactly_one_origin(example_articles):
    origins = _origins(example_articles)
    members = [a for o in origins for a in o.article_ids]
    assert sorted(members) == sorted(a.id for a in example_articles)
    assert set(origin_of(origins)) == set(members)


def test_wire_credit_found_in_lines_clean_removed():
    a = Article("a", "Troops advanced into the district, an activist said.", removed=("BEIRUT (AP) —",))
    assert list(wire_credits(a)) == ["AP"]
    assert wire_credits(Article("b", "A caption of a photo. (AP) The story goes on here.")) == {}


SHARED = ("The ministry said on Tuesday that the new bridge will open to traffic in the spring of next year. "
          "Engineers found cracks in two of the supporting pillars during a routine inspection last month.")


def test_copied_passages_group_articles_without_credits():
    a = Article("a", "Local officials welcomed the decision. " + SHARED)
    b = Article("b", SHARED + " Residents have complained about the detour for months.")
    c = Article("c", "The city council voted to delay the opening of the river crossing after an inspection "
                     "turned up damage to its supports, a spokeswoman said.")
    origins = _origins([a, b, c])
    assert [o.article_ids for o in origins] == [("a", "b"), ("c",)]
    assert "2 near-identical sentences" in origins[0].reason


def test_one_shared_sentence_is_not_enough():
    a = Article("a", "Officials met on Monday. " + SHARED.split(". ")[0] + ".")
    b = Article("b", SHARED.split(". ")[0] + ". Nobody else commented on the plan at all.")
    assert len(shared_sentences(segment(a), segment(b))) == 1
    assert len(_origins([a, b])) == 2


def test_same_agency_credit_groups_different_wordings():
    a = Article("a", "PARIS (Reuters) - Shares fell sharply in early trading on Monday.")
    b = Article("b", "Stock prices dropped at the open, traders told Reuters, amid fears of a slowdown.")
    c = Article("c", "PARIS (AFP) - Markets slid on Monday morning as investors sold off bank stocks.")
    origins = _origins([a, b, c])
    assert [o.article_ids for o in origins] == [("a", "b"), ("c",)]
    assert "both credit Reuters" in origins[0].reason


RETOLD = ["the show's producers called her backstage after the taping to talk about the video",
          "she said she was shocked when the host asked her to come back the next week",
          "the clip has been watched more than two million times since it was posted online",
          "her mother drove her to the studio in Los Angeles early on Wednesday morning",
          "the singer told the audience she had been practising the song for three years"]


def test_a_text_retold_sentence_by_sentence_is_one_origin():
    # each sentence of b carries a's sentence inside a longer one: no two near-identical sentences
    a = Article("a", " ".join(f"{s[0].upper()}{s[1:]}." for s in RETOLD))
    b = Article("b", " ".join(f"According to the magazine, {s}, a source close to the family confirmed to reporters."
                              for s in RETOLD))
    assert len(shared_sentences(segment(a), segment(b))) < 2
    assert len(_origins([a, b])) == 1 and "retold" in _origins([a, b])[0].reason
    # real negative: the same event told in other words
    c = Article("c", "After the taping ended, the producers asked the teenager to come backstage. She was surprised "
                     "to be invited again for the show next week. Online, her performance has now passed two million "
                     "views in total. Her mother took her to the studio in Los Angeles on Wednesday morning. She said "
                     "that she had rehearsed the song for years before the show.")
    assert len([s for s in segment(c) if len(s.text.split()) >= 8]) >= 5
    assert len(_origins([a, c])) == 2


def test_a_piece_quoted_whole_in_a_much_longer_article_is_not_a_retelling():
    piece = Article("a", " ".join(f"{s[0].upper()}{s[1:]}." for s in RETOLD))
    other_news = [f"In other news on day {n}, the city council met to discuss the budget for the coming year "
                  f"and voted on item number {n} of its agenda." for n in range(1, 16)]
    quoted = [f"\u201c{s[0].upper()}{s[1:]}.\u201d" for s in RETOLD]        # the piece, in quotes
    newsletter = Article("b", " ".join(other_news[:8] + quoted + other_news[8:]))
    assert len(_origins([piece, newsletter])) == 2
    retold = [f"According to the magazine, {s}, a source close to the family confirmed." for s in RETOLD]
    retelling = Article("c", " ".join(other_news[:3] + retold))              # mostly the piece: one text
    assert len(_origins([piece, retelling])) == 1 and "retold" in _origins([piece, retelling])[0].reason


def test_reports_days_apart_are_separate_whatever_they_share():
    from datetime import date

    a = Article("a", "PARIS (Reuters) - Shares fell sharply in early trading on Monday.", published=date(2010, 1, 12))
    b = Article("b", "Stock prices dropped at the open, traders told Reuters, amid fears of a slowdown.",
                published=date(2010, 1, 13))
    later = Article("b", b.text, published=date(2010, 1, 29))    # a later report quoting the agency again
    assert len(_origins([a, b])) == 1 and len(_origins([a, later])) == 2

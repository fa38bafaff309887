from newsbrief.segment import is_candidate, segment, split_sentences
from newsbrief.types import Article


def test_abbreviations_initials_and_numbers_do_not_split():
    text = ("The U.N. envoy met Gen. Salim Idriss in the U.S. on Monday. "
            "He said 1.7 million Syrians had fled. J. R. Smith disagreed.")
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "The U.N. envoy met Gen. Salim Idriss in the U.S. on Monday.",
        "He said 1.7 million Syrians had fled.",
        "J. R. Smith disagreed.",
    ]


def test_quotes_stay_with_their_sentence():
    text = '"We\'re going from victory to victory," the broadcaster crowed. Rebels denied it.'
    assert [text[s:e] for s, e in split_sentences(text)] == [
        '"We\'re going from victory to victory," the broadcaster crowed.', "Rebels denied it."]


def test_offsets_point_into_the_article(example_articles):
    for article in example_articles:
        for s in segment(article):
            assert article.text[s.start:s.end] == s.text
            assert "\n" not in s.text
            assert s.id == f"{article.id}:{s.index}"


def test_candidates_exclude_fragments_and_questions():
    a = Article(id="a", text="Short one.\n\nWhat did the army say about the district on Monday?\n\n"
                             "The army said it had taken the district after a month of fighting.\n\n"
                             "U.S. officials broached revising the goals, two participants said, signaling a compromise...")
    flags = [is_candidate(s) for s in segment(a)]
    assert flags == [False, False, True, False]       # the last is cut short


def test_splitting_is_safe_across_threads(example_articles):
    from concurrent.futures import ThreadPoolExecutor

    expected = [split_sentences(a.text) for a in example_articles]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(5):
            got = list(pool.map(split_sentences, [a.text for a in example_articles]))
            assert got == expected

"""Baselines: Lead's order, the word budget, sumy's rankers on our sentences."""

from newsbrief.evaluate.baselines import SplitterTokenizer, lead, lexrank, textrank
from newsbrief.types import Article


def art(id_, *sentences):
    return Article(id=id_, text=" ".join(sentences))


A = art("a", "Rebels held the town for a week.", "The army shelled it on Monday.", "Aid groups left.")
B = art("b", "The army retook the town on Monday.", "Residents fled north.", "Shelling damaged the mosque.")


def test_lead_takes_first_sentences_of_each_document_in_turn():
    out = lead([A, B], words=20).splitlines()
    assert out == ["Rebels held the town for a week.", "The army retook the town on Monday.",
                   "The army shelled it on Monday."]


def test_lead_stops_once_budget_is_reached():
    assert lead([A, B], words=1).splitlines() == ["Rebels held the town for a week."]


def test_lead_with_uneven_documents():
    short = art("s", "Only one sentence here today.")
    out = lead([short, A], words=100).splitlines()
    assert out[:3] == ["Only one sentence here today.", "Rebels held the town for a week.",
                       "The army shelled it on Monday."]


def test_splitter_tokenizer_needs_no_nltk_data():
    t = SplitterTokenizer()
    assert t.to_sentences("Dr. Smith came. He left.") == ("Dr. Smith came.", "He left.")
    assert t.to_words("The army's 3 tanks-moved.") == ("The", "army's", "tanks-moved")


def test_sumy_baselines_return_source_sentences_in_document_order():
    sentences = [x for a in (A, B) for x in (a.text.replace(". ", ".\n").splitlines())]
    for summarizer in (lexrank, textrank):
        out = summarizer([A, B], 10).splitlines()
        assert out and all(s in sentences for s in out)
        assert [sentences.index(s) for s in out] == sorted(sentences.index(s) for s in out)
        assert sum(len(s.split()) for s in out[:-1]) < 10   # stops once the budget is full


def test_lexrank_prefers_the_central_sentence():
    c = art("c", "The army retook the town on Monday after shelling.", "Bakeries reopened.")
    out = lexrank([A, B, c], 5).splitlines()
    assert len(out) == 1 and "army" in out[0]

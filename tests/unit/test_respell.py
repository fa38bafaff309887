"""One spelling per entity in the summary (newsbrief.respell)."""

from __future__ import annotations

from newsbrief.respell import respell, respell_summary, spelling_map
from newsbrief.types import Brief, Citation, Entity, SummarySentence, Variant


def _entity(name: str, *counts: tuple[str, int]) -> Entity:
    return Entity(name=name, type="GPE", variants=tuple(Variant(t, n, ("a",)) for t, n in counts))


def test_minority_spellings_of_one_form_take_the_most_common():
    khaldiyeh = _entity("Khaldiyeh", ("Khaldiyeh", 23), ("Khalidiya", 13), ("Khadiliya", 1))
    assert spelling_map(khaldiyeh) == {"Khalidiya": "Khaldiyeh", "Khadiliya": "Khaldiyeh"}


def test_short_forms_titles_and_acronyms_are_not_spellings():
    assad = _entity("Bashar al-Assad", ("Assad", 8), ("Bashar al-Assad", 5), ("President Bashar al-Assad", 3),
                    ("Bashar", 1), ("Bashar Assad", 1), ("President Assad", 1))
    assert spelling_map(assad) == {"Bashar Assad": "Bashar al-Assad"}
    un = _entity("UN", ("UN", 3), ("U.N.", 1))
    assert spelling_map(un) == {}


def test_whole_words_only_and_quotations_left_as_said():
    spellings = {"Khalidiya": "Khaldiyeh"}
    text = 'Troops took Khalidiya; "we left Khalidiya," a fighter said of Khalidiyat and Khalidiya-based units.'
    assert respell(text, spellings) == (
        'Troops took Khaldiyeh; "we left Khalidiya," a fighter said of Khalidiyat and Khalidiya-based units.',
        (("Khalidiya", "Khaldiyeh"),))


def test_summary_is_respelled_and_citations_still_point_at_the_source():
    cite = Citation("a", "a:0", 0, 40)
    brief = Brief(id="b", articles=(), summary=(
        SummarySentence("Troops took most of Khalidiya on Monday.", (cite,)),
        SummarySentence("Khaldiyeh fell.", (cite,))),
        entities=(_entity("Khaldiyeh", ("Khaldiyeh", 3), ("Khalidiya", 2)),))
    out = respell_summary(brief)
    assert [s.text for s in out.summary] == ["Troops took most of Khaldiyeh on Monday.", "Khaldiyeh fell."]
    assert out.summary[0].respelled == (("Khalidiya", "Khaldiyeh"),)
    assert out.summary[1] is brief.summary[1]
    assert out.summary[0].citations == (cite,)


def test_grammar_style_and_given_names_are_not_respelled():
    # Cases seen over the Multi-News and MultiLing stories.
    assert spelling_map(Entity("Republicans", "NORP", (Variant("Republicans", 4, ("a",)),
                                                       Variant("Republican", 2, ("a",))))) == {}
    assert spelling_map(_entity("Mr Trump", ("Mr Trump", 5), ("Mr. Trump", 2), ("Republican party", 1))) == {}
    assert spelling_map(_entity("Gore", ("Gore", 5), ("Al Gore", 2))) == {}          # "Al" is his name
    assert spelling_map(_entity("St. James", ("St. James of", 3), ("St. James", 1))) == {}


def test_a_chosen_spelling_or_a_longer_name_already_in_the_text_is_left_alone():
    spellings = {"Grand Départ": "Le Grand Départ", "Americans": "American"}
    text = "London prepares for Le Grand Départ; the Americans Heart Fund gave, and Americans cheered."
    assert respell(text, spellings)[0] == text.replace("and Americans", "and American")


def test_extensions_of_a_word_and_non_names_are_not_spellings():
    assert spelling_map(_entity("Germany", ("Germany", 5), ("German", 2))) == {}
    assert spelling_map(_entity("Matt Lesser", ("Matt Lesser", 5), ("Matthew Lesser", 2))) == {}
    assert spelling_map(_entity("Washington Post", ("ABC/Washington Post", 5), ("Washington Post", 2))) == {}
    assert spelling_map(_entity("Carmen Yulín Cruz", ("Carmen Yulín Cruz", 3), ("Carmen Yulin Cruz", 1))) == {
        "Carmen Yulin Cruz": "Carmen Yulín Cruz"}

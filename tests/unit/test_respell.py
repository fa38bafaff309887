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

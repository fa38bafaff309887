"""Figures the claim reader reads, or must not read, for shapes it used to get wrong (``claims.extract``)."""

from __future__ import annotations

import pytest

from newsbrief.claims import extract
from newsbrief.conflicts import relate_sources
from newsbrief.segment import segment
from newsbrief.types import Article, Brief

pytest.importorskip("spacy")


def _figures(text: str) -> list[tuple[str, object, float | None]]:
    a = Article("a", text)
    return [(f.claim.measure, f.claim.value, f.upper) for f in extract([a], segment(a)).figures]


def _relate(*texts: str):
    articles = [Article(chr(ord("a") + i), t) for i, t in enumerate(texts)]
    return relate_sources(Brief("t", tuple(articles), ()), [s for a in articles for s in segment(a)])


def test_a_number_with_no_currency_is_no_amount_of_money():
    # the small model tags "#73" MONEY; a number after a number sign names a bus, it counts nothing
    assert _figures("Police want to trace his movements on the #73 bus before the blast occurred.") == []
    # the sign just before the entity still makes it money
    assert _figures("The campaign has raised $40,000 for the shelter.") == [("amount raise", 40000.0, None)]


def test_a_money_range_with_a_sign_at_each_end_is_one_amount():
    # was read as 5.0, the first digit: "$5-$6 million" is five to six million
    assert _figures("Brown said he lost $5-$6 million on the sale.") == [("amount lose", 5e6, 6e6)]
    # a count of dollars is an amount of money, lined up with amounts written with "$"
    assert _figures("They lost between 2 and 3 million dollars when they sold the house.") == [
        ("amount lose", 2e6, 3e6)]
    brief = _relate("The couple said they lost $2-$3 million on the condo.",
                    "The couple told reporters they lost between 2 and 3 million dollars on the condo.")
    assert brief.conflicts == () and [g.topic for g in brief.agreements] == ["amount lose"]


def test_a_day_with_its_part_of_the_day_dates_the_verb():
    # the parser hangs "Monday" from "afternoon": the date is still the releasing's
    brief = _relate("On Monday afternoon, the network released a statement mocking the candidate.",
                    "The network released the statement on Tuesday, a spokesman said.")
    [c] = brief.conflicts
    assert c.topic == "date of release (statement)" and {v.text for v in c.claims} == {"Monday", "Tuesday"}
    same = _relate("On Tuesday evening, the network released a statement mocking the candidate.",
                   "The network released the statement on Tuesday, a spokesman said.")
    assert same.conflicts == ()

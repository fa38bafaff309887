"""Spellings found in the texts from names the model found: casings, handles, acronyms."""

from __future__ import annotations

from newsbrief.entities import Mention, merge_mentions
from newsbrief.found import (acronym_mentions, acronym_of, case_variants, defined_acronyms, extra_mentions,
                                handle_mentions, handle_names)


def _texts(*texts):
    return {"a": tuple(texts)}


def test_other_casings_of_a_found_name_are_spellings_of_it():
    text = ("The Obama administration’s record is poor, said GEOFF GARIN, a pollster. "
            "Geoff Garin has worked for the Obama Administration. Donald Trump said to trump them all.")
    found = {f.text: f.label for f in case_variants(_texts(text), {"Obama Administration": "ORG",
                                                                 "Geoff Garin": "PERSON", "Donald Trump": "PERSON",
                                                                 "Trump": "PERSON"})}
    assert found == {"Obama administration": "ORG", "GEOFF GARIN": "PERSON"}   # never "trump" the verb


def test_a_casing_inside_a_longer_name_is_not_the_name():
    text = "THE NEW YORK TIMES reported from New York, and new york lawyers agreed."
    assert case_variants(_texts(text), {"New York": "GPE"}) == []


def test_a_handle_spells_a_persons_name():
    assert handle_names("gabrielsherman", "Gabriel Sherman")
    assert handle_names("stephmcneal", "Stephanie McNeal")           # a given name's start
    assert handle_names("chrissyteigen", "christine teigen")          # a nickname
    assert not handle_names("realdonaldtrump", "Gabriel Sherman")
    assert handle_names("realDonaldTrump", "Donald J. Trump") and handle_names("DrPhil", "Phil McGraw") == ""
    assert handle_names("MarcoRubioOfficial", "Marco Rubio")
    text = ("Trump only deals with Murdoch now — Gabriel Sherman (@gabrielsherman) January 27, 2016\n"
            ".@rushlimbaugh says the probe is a hoax.\n"
            "Oh. My. God. — christine teigen (@chrissyteigen) November 19, 2018")
    found = {(f.text, f.name) for f in handle_mentions(_texts(text), ["Gabriel Sherman", "Rush Limbaugh"])}
    assert found == {("Gabriel Sherman", ""), ("@gabrielsherman", "Gabriel Sherman"),
                     ("@rushlimbaugh", "Rush Limbaugh"), ("christine teigen", ""),
                     ("@chrissyteigen", "christine teigen")}


def test_acronyms_defined_in_the_text_or_initials_of_one_found_name():
    assert acronym_of("USGS", "U.S. Geological Survey")
    assert acronym_of("ISIS-GS", "ISIS in the Greater Sahara")
    assert not acronym_of("ARB", "Accountability Board")
    text = ("Families could open Dependent Care Savings Accounts (DCSAs) for children. "
            "Contributions to a DCSA are capped. The Accountability Review Board met; the ARB never "
            "interviewed her, and the CIA declined to comment.")
    assert defined_acronyms(text)[0][:2] == ("DCSA", "Dependent Care Savings Accounts")
    found = {(f.text, f.name) for f in acronym_mentions(_texts(text), {"Accountability Review Board": "ORG",
                                                                       "Central Africa": "LOC"})}
    assert found == {("Dependent Care Savings Accounts", ""), ("DCSAs", "Dependent Care Savings Accounts"),
                     ("DCSA", "Dependent Care Savings Accounts"), ("ARB", "Accountability Review Board")}


def test_an_acronym_of_two_found_names_is_neither():
    text = "The ARB met."
    assert acronym_mentions(_texts(text), {"Accountability Review Board": "ORG", "Air Resources Board": "ORG"}) == []


def test_found_spellings_merge_with_their_name_and_say_why():
    text = "Rush Limbaugh spoke.\n.@rushlimbaugh says the probe is a hoax."
    found = extra_mentions(_texts(text), {"Rush Limbaugh": "PERSON"})
    ms = [Mention("Rush Limbaugh", "PERSON", "a")] + [Mention(f.text, f.label, f.article_id, core=f.name, why=f.why)
                                                      for f in found]
    (e,), _ = merge_mentions(ms)
    assert {v.text for v in e.variants} == {"Rush Limbaugh", "@rushlimbaugh"} and e.name == "Rush Limbaugh"
    assert any("handle of 'Rush Limbaugh'" in ev for ev in e.evidence)


def test_a_name_the_text_gives_as_anothers_is_its_spelling():
    from newsbrief.found import alias_mentions

    text = ("Each tube of the Hugh L. Carey Tunnel — better known as the Brooklyn-Battery Tunnel — was filled.\n"
            "Daniels, whose real name is Stephanie Clifford, sued. Trump, called Clinton a liar.")
    found = {(f.text, f.name) for f in alias_mentions(_texts(text), {"Hugh L. Carey Tunnel": "FAC", "Daniels": "PERSON",
                                                                    "Trump": "PERSON", "Clinton": "PERSON"})}
    assert found == {("Brooklyn-Battery Tunnel", "Hugh L. Carey Tunnel"), ("Stephanie Clifford", "Daniels")}


def test_an_alias_the_model_also_found_joins_the_two_names():
    ms = [Mention("Daniels", "PERSON", "a"), Mention("Stephanie Clifford", "PERSON", "a"),
          Mention("Stephanie Clifford", "PERSON", "a", core="Daniels", why="'Stephanie Clifford': 'Daniels' by another name")]
    (e,), _ = merge_mentions(ms)
    assert {v.text for v in e.variants} == {"Daniels", "Stephanie Clifford"}


def test_an_embedded_tweets_signature_pairs_its_display_name_and_handle():
    text = ("New GOP mailer shows a candidate clutching money. pic.twitter.com/vBE5ewKXeM — Amanda Terkel "
            "(@aterkel) October 30, 2018\n"
            "Falling asleep is like yoga. — Sandy Rogen (@RogenSandy) July 5, 2017\n"
            "Ask Amanda Terkel (@aterkel) or Sandy (@sandy) about it.")     # no signature: no pair
    found = {(f.text, f.name) for f in handle_mentions(_texts(text), [])}
    assert found == {("Amanda Terkel", ""), ("@aterkel", "Amanda Terkel"),
                     ("Sandy Rogen", ""), ("@RogenSandy", "Sandy Rogen")}
    # the pair is one entity, with the signature as evidence
    entities, _ = merge_mentions([Mention(f.text, f.label, "a", core=f.name, why=f.why)
                                  for f in handle_mentions(_texts(text), [])])
    assert {frozenset(v.text for v in e.variants) for e in entities} == {
        frozenset({"Amanda Terkel", "@aterkel"}), frozenset({"Sandy Rogen", "@RogenSandy"})}


def test_a_caption_after_a_photo_credit_is_read_as_a_caption():
    from newsbrief.mentions import find_mentions
    from newsbrief.types import Article

    article = Article("a", "The celebrations went on all night.", removed=(
        "Image copyright Reuters Image caption UN Secretary-General Ban Ki-moon and French President Hollande join in",
        "Copyright 2018 WSMV (Meredith Corporation). All rights reserved."))      # a copyright line: no caption
    names = {m.text for m in find_mentions(article, use_model=False)}
    assert any("Hollande" in n for n in names) and any("Ban Ki-moon" in n for n in names)
    assert not any("Reuters" in n or "Meredith" in n for n in names)


def test_a_role_noun_opening_a_sentence_is_cut_from_a_three_word_name():
    import pytest

    pytest.importorskip("spacy")
    pytest.importorskip("nicknames")
    from newsbrief.mentions import find_mentions
    from newsbrief.types import Article

    article = Article("a", "Filmmaker Zhang Yimou, the production's director, praised Lin at a press conference. "
                           "Frank Lloyd Wright designed the house.")      # a given name that is also a noun stays
    names = {m.text for m in find_mentions(article)}
    assert {"Zhang Yimou", "Frank Lloyd Wright"} <= names and "Filmmaker Zhang Yimou" not in names


def test_a_loose_key_reads_punctuation_abbreviations_and_numerals_alike():
    from newsbrief.spellings import loose_key

    for a, b in [("King's Cross", "Kings Cross"), ("Two Chicks Talkin’ Politics", "Two Chicks Talkin' Politics"),
                 ("AR-15", "AR15"), ("COP21", "COP 21"), ("Yahoo!", "Yahoo"), ("Johnson and Johnson", "Johnson & Johnson"),
                 ("Treblinka II", "Treblinka 2"), ("Old Colony Road", "Old Colony Rd."), ("Baker Street", "Baker St"),
                 ("Royal Marine Base Chivenor", "Royal Marines Base Chivenor"), ("Gang Of Eight", "Gang of Eight")]:
        assert loose_key(a) == loose_key(b), (a, b)
    for a, b in [("Treblinka I", "Treblinka II"), ("World War 1", "World War 2"), ("St. James Church", "Street James Church"),
                 ("Johnson", "Johnson & Johnson")]:
        assert loose_key(a) != loose_key(b), (a, b)
    assert loose_key("John Adams Smith", False) != loose_key("John Adam Smith", False)   # a person's middle name


def test_loose_spellings_of_a_found_name_are_spellings_of_it():
    from newsbrief.found import loose_spellings

    text = ("The men arrive at King's Cross at 8:55 a.m. Police want witnesses around King's Cross Station. "
            "The couple lived at 50 Old Colony Rd. until May. A photo of Buck's AR15 hanging on the wall "
            "angered Johnson and Johnson's critics, said Yahoo! News. Yahoo! denies it. Shermans' lawyer "
            "spoke to Sherman's son. Then he called Paul. It was on CBS’ show; I’m sure the IM agreed.")
    names = {"Kings Cross": "GPE", "Old Colony Road": "FAC", "AR-15": "ORG", "Johnson & Johnson": "ORG",
             "Yahoo": "ORG", "Shermans": "PERSON", "Paul": "PERSON", "I.T.": "ORG", "CBS": "ORG", "IM": "ORG"}
    found = {(f.text, f.name) for f in loose_spellings(_texts(text), names)}
    # never "King's Cross" of "King's Cross Station" (a longer name), "Sherman's" (a possessive), "Paul." (a full
    # stop), "It" of "I.T." or "I’m" of "IM" (a casing), "CBS’" (a possessive)
    assert found == {("King's Cross", "Kings Cross"), ("Old Colony Rd", "Old Colony Road"), ("AR15", "AR-15"),
                     ("Johnson and Johnson", "Johnson & Johnson"), ("Yahoo!", "Yahoo")}
    f = next(f for f in loose_spellings(_texts(text), names) if f.text == "AR15")
    assert f.label == "ORG" and "'AR-15'" in f.why


def test_loose_spellings_merge_whether_found_by_the_model_or_in_the_text():
    from newsbrief.spellings import match_names

    assert match_names("COP21", "COP 21").kind == "same" and match_names("Treblinka I", "Treblinka 1").kind == "same"
    assert match_names("Treblinka I", "Treblinka II").kind == match_names("World War 1", "World War 2").kind == "different"
    ms = [Mention("Royal Marine Base Chivenor", "ORG", "a"), Mention("Royal Marines Base Chivenor", "ORG", "b"),
          Mention("K5", "ORG", "a"), Mention("K-5", "ORG", "b", core="K5", why="'K-5': 'K5' with other punctuation")]
    entities, _ = merge_mentions(ms)
    assert sorted(sorted(v.text for v in e.variants) for e in entities) == [
        ["K-5", "K5"], ["Royal Marine Base Chivenor", "Royal Marines Base Chivenor"]]

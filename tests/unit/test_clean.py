from newsbrief.clean import clean_text, is_junk_line, parse_date_line, strip_dateline


def test_example_junk_lines_are_removed(example_dir):
    raw = (example_dir / "002_0616f6650bd8f46c.txt").read_text()
    cleaned = clean_text(raw)
    assert "best viewed in an up-to-date web browser" not in cleaned.text
    assert "Copyright" not in cleaned.text
    assert "More on This Story" not in cleaned.text
    assert "Hezbollah accusation" not in cleaned.text          # a sub-heading
    assert "Syrian state media handout" not in cleaned.text    # a photo caption
    assert "The army had launched an offensive in the area on Saturday." in cleaned.text
    assert any("best viewed" in line for line in cleaned.removed)


def test_title_is_taken_from_a_short_first_line(example_dir):
    cleaned = clean_text((example_dir / "000_7fe1a5fc10ae878a.txt").read_text())
    assert cleaned.title == "Syria army retakes key Homs rebel district"
    assert not cleaned.text.startswith("Syria army retakes")


def test_captions_and_follow_lines():
    assert is_junk_line("Screenshot of amateur video showing Syrian Army offensive in Khalidiya. "
                        "Posted on YouTube, Monday July 29.")
    assert is_junk_line("Follow Gillian Wong on Twitter at http://twitter.com/gillianwong")
    assert is_junk_line("A boat lies toppled between two flooded houses, Tuesday, Oct. 30, 2012, "
                        "in Lindenhurst, N.Y. (AP Photo/Jason DeCrow)")
    assert is_junk_line("Image copyright Reuters Image caption Toilet paper has been in short supply")
    assert is_junk_line("Read or Share this story: https://usat.ly/2IM41av")
    assert is_junk_line("Advertisement Continue reading the main story")
    assert is_junk_line("These crawls are part of an effort to archive pages as they are created.")
    assert not is_junk_line("The UN says more than 100,000 people have been killed in the "
                            "28-month conflict in Syria.")
    assert not is_junk_line("Rebels followed the army on Monday into the old city.")


def test_dateline_is_stripped_from_a_paragraph():
    line = "BEIRUT (AP) — Syrian troops have advanced into rebel-held areas of the city of Homs."
    assert strip_dateline(line) == "Syrian troops have advanced into rebel-held areas of the city of Homs."
    assert strip_dateline("HOMS, Syria (Reuters) - The army took the district on Monday, officers said.") \
        == "The army took the district on Monday, officers said."
    plain = "The U.N. says more than 100,000 people have been killed."
    assert strip_dateline(plain) == plain


def test_date_line_gives_the_publication_date(multiling):
    cleaned = clean_text(multiling[0]["documents"][0])
    assert cleaned.title == "Tsunami aid donations in 2005 deductible for 2004 in the U.S."
    assert cleaned.published.isoformat() == "2005-01-08"
    assert parse_date_line("8 July 2013") .isoformat() == "2013-07-08"
    assert parse_date_line("not a date") is None


def test_captions_inside_paragraphs_are_junk_sentences():
    from newsbrief.clean import is_junk_sentence

    assert is_junk_sentence("U.S. Defense Secretary Jim Mattis listens to a question during a joint news "
                            "conference in New Delhi, India September 26, 2017.")
    assert is_junk_sentence("A shootout at a wedding party in northern Afghanistan... (Associated Press)")
    assert is_junk_sentence("Trump says San Juan mayor has 'come back a long way'")   # a headline
    assert not is_junk_sentence("The army said it retook the district on Monday.")
    assert not is_junk_sentence('"We will win," he said.')
    assert is_junk_sentence("Republican presidential candidate Donald Trump talks about his tax plan during "
                            "a news conference, Monday, Sept. 28, 2015, in New York.")
    assert not is_junk_sentence("The president speaks often about the law, which took effect on January 1, 2015.")


def test_embedded_posts_and_credited_caption_lines_are_junk():
    assert is_junk_line("Skip Twitter post by @MorganGodfery Jacinda Ardern arrived at hospital in her own car.")
    assert is_junk_line("Donald Trump talks about his tax plan. The front-runner is calling for an "
                        "overhaul of the tax... (Associated Press)")


def test_published_on_line_is_a_date_not_a_title():
    cleaned = clean_text("Published on May 20, 2016\n\nThe police said on Monday that three men "
                         "robbed the bank at noon and fled.")
    assert cleaned.title == "" and cleaned.published.isoformat() == "2016-05-20"


def test_a_date_run_into_the_first_paragraph_is_the_publication_date(multiling):
    glued = next(d for d in multiling[0]["documents"] if "2005Through" in d)   # as WikiNews lost the break
    cleaned = clean_text(glued)
    assert cleaned.published.isoformat() == "2005-01-18"
    assert cleaned.text.startswith("Through a telethon, Romanians") and "Tuesday, January 18, 2005" in cleaned.removed
    spaced = clean_text("Gender imbalance\n\nSaturday, March 26, 2005 Up to four times as many women as men "
                        "died in the tsunami, figures show.")
    assert spaced.text.startswith("Up to four") and spaced.published.isoformat() == "2005-03-26"
    sentence = "January 8, 2005 was the day the money for the victims of the great wave came in."
    assert clean_text("A title\n\n" + sentence).text == sentence        # a date as subject stays


def test_teaser_links_are_junk():
    # related-story lists on news sites ("► July 31: Parents arraigned ..."): other stories' dates
    assert is_junk_line("► July 31: Parents arraigned on murder charges in hot-car death")
    assert is_junk_line("» More: Could you accidentally leave your baby in a hot car?")
    assert not is_junk_line("July 31: Parents were arraigned on murder charges in the hot-car death.")


def test_a_dateline_run_into_its_sentence_is_stripped_but_not_an_acronym():
    assert strip_dateline("NEW YORK—The Trump administration is considering staying in the Paris "
                          "agreement.").startswith("The Trump administration")
    text = "NATO—which has 29 members—said it would respond to the attack soon."
    assert strip_dateline(text) == text


def test_a_page_label_run_into_its_paragraph_is_stripped():
    cleaned = clean_text("Story highlights Two groups got into a dispute in Baghlan province, a spokesman says\n\n"
                         "Kabul, Afghanistan (CNN) A wedding in Afghanistan turned deadly Sunday night when a gunfight broke out.")
    assert cleaned.title == "Two groups got into a dispute in Baghlan province, a spokesman says"
    assert "highlights" not in cleaned.text.lower()

"""Reading inputs: every kind of bad input becomes a named, one-line Rejected."""

import json

import pytest

from newsbrief import read_paths, read_texts
from newsbrief.ingest.files import MAX_ARTICLE_BYTES, is_english

FRENCH = ("Les forces syriennes ont repris lundi le quartier de Khaldiyeh à Homs, a annoncé la "
          "télévision d'État, après un mois d'offensive. Les rebelles tenaient le quartier depuis "
          "plus d'un an et les militants ont dit que la plupart des combattants s'étaient repliés "
          "vers la vieille ville, où la situation humanitaire reste très difficile pour les civils.")


@pytest.fixture
def bad_folder(tmp_path, example_dir):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "latin1.txt").write_bytes(bytes(range(128, 256)) * 10)      # no encoding makes it text
    (tmp_path / "french.txt").write_text(FRENCH)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / "huge.txt").write_text("The army said. " * (MAX_ARTICLE_BYTES // 10))
    (tmp_path / "broken.json").write_text('{"text": "unterminated')
    good = (example_dir / "003_d306274263f23363.txt").read_text()
    (tmp_path / "ap.txt").write_text(good)
    (tmp_path / "ap-copy.txt").write_text(good)
    return tmp_path


def test_bad_inputs_are_named_and_the_good_one_survives(bad_folder):
    articles, rejected = read_paths([bad_folder])
    assert [a.id for a in articles] == ["ap-copy"]            # files are read in name order
    reasons = {r.source.rsplit("/", 1)[-1]: r.reason for r in rejected}
    assert reasons == {
        "empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "not_utf8",
        "french.txt": "wrong_language", "huge.txt": "too_large", "broken.json": "bad_json",
        "ap.txt": "duplicate", "photo.jpg": "unsupported",
    }
    for r in rejected:
        assert "\n" not in r.message and str(bad_folder) in r.message


def test_missing_path_and_empty_folder(tmp_path):
    articles, rejected = read_paths([tmp_path / "nope.txt", tmp_path])
    assert articles == []
    assert [r.reason for r in rejected] == ["unreadable", "empty"]
    assert "no such file" in rejected[0].message


def test_json_inputs(tmp_path, example_dir):
    text = (example_dir / "002_0616f6650bd8f46c.txt").read_text()
    (tmp_path / "one.json").write_text(json.dumps(
        {"id": "bbc", "title": "Gains in Homs", "outlet": "BBC", "published": "2013-07-28", "text": text}))
    (tmp_path / "many.jsonl").write_text(json.dumps({"id": "x", "text": text[:900] + " extra words here."})
                                         + "\nnot json\n")
    articles, rejected = read_paths([tmp_path / "one.json", tmp_path / "many.jsonl"])
    bbc = articles[0]
    assert (bbc.id, bbc.outlet, bbc.title, bbc.published.isoformat()) == ("bbc", "BBC", "Gains in Homs", "2013-07-28")
    assert [r.reason for r in rejected] == ["bad_json"] and rejected[0].source.endswith("many.jsonl:2")


def test_html_main_text_is_extracted(tmp_path):
    body = " ".join(["The army retook the Khaldiyeh district of Homs on Monday, state television said."] * 6)
    page = (f"<html><head><title>Army retakes Homs district</title></head><body><nav>Home | World | "
            f"Sport</nav><article><h1>Army retakes Homs district</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>Copyright 2013. All rights reserved.</footer></body></html>")
    (tmp_path / "page.html").write_text(page)
    [article], rejected = read_paths([tmp_path / "page.html"])
    assert article.title == "Army retakes Homs district"
    assert "Khaldiyeh" in article.text and "Sport" not in article.text and "Copyright" not in article.text


def test_strings_and_language():
    articles, rejected = read_texts(["", FRENCH, "Far too short a report to brief."])
    assert articles == [] and [r.reason for r in rejected] == ["empty", "wrong_language", "too_short"]
    assert not is_english(FRENCH)


def test_archive_boilerplate_is_not_news():
    notice = ("These crawls are part of an effort to archive pages as they are created and archive the "
              "pages that they refer to.\n\nThe seed for this crawl was a list of every host in the "
              "Wayback Machine")
    articles, [rejected] = read_texts([notice])
    assert articles == [] and rejected.reason == "not_news"


def test_a_large_jsonl_file_is_read_article_by_article(tmp_path, example_dir):
    text = (example_dir / "003_d306274263f23363.txt").read_text()
    lines = [json.dumps({"id": f"a{i}", "text": text + f" Extra sentence number {i} for uniqueness."})
             for i in range(250)]                       # ~1.3 MB in all, each article small
    lines.append(json.dumps({"id": "huge", "text": "The army said. " * (MAX_ARTICLE_BYTES // 10)}))
    (tmp_path / "stream.jsonl").write_text("\n".join(lines))
    articles, rejected = read_paths([tmp_path / "stream.jsonl"])
    assert len(articles) == 250
    assert [(r.reason, r.source.rsplit(":", 1)[-1]) for r in rejected] == [("too_large", "251")]


def test_legacy_and_utf16_text_is_read_and_a_json_object_without_text_is_named(tmp_path, example_dir):
    good = (example_dir / "003_d306274263f23363.txt").read_text()
    (tmp_path / "windows.txt").write_bytes(good.replace("neighborhood", "neighborhood’s café").encode("cp1252", "replace"))
    (tmp_path / "utf16.txt").write_bytes(good.replace("Syrian", "Syrian army").encode("utf-16"))
    (tmp_path / "keys.json").write_text('{"headline": "x", "url": "y"}')
    articles, rejected = read_paths([tmp_path])
    by_id = {a.id: a for a in articles}
    assert "neighborhood’s café" in by_id["windows"].text
    assert "Syrian army" in by_id["utf16"].text
    assert [(r.reason, "'headline', 'url'" in r.message) for r in rejected] == [("bad_json", True)]

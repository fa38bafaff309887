"""Regenerate docs/report-homs-2013.png (and -citation.png): the HTML report of the example story in headless Chromium.

    .venv/bin/python docs/screenshot.py [--encoder auto]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "report-homs-2013.png"
CITATION = ROOT / "docs" / "report-homs-2013-citation.png"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--encoder", default="auto")
    args = ap.parse_args()
    import newsbrief
    from newsbrief.render.html import render_html
    from playwright.sync_api import sync_playwright

    brief = newsbrief.brief_paths([ROOT / "examples" / "homs-2013"], encoder=args.encoder, words=150)
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "brief.html"
        page_path.write_text(render_html(brief), encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1000, "height": 1300}, device_scale_factor=1)
            page.goto(page_path.as_uri())
            page.screenshot(path=str(OUT))
            page.locator("#summary a.cite").nth(2).click()     # a citation opened in its source
            page.locator("#viewer mark").first.wait_for()
            page.screenshot(path=str(CITATION))
            browser.close()
    print(OUT, CITATION)


if __name__ == "__main__":
    main()

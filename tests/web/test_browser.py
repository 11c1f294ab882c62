"""End to end in real headless Chromium against the app served by waitress over a real index.

A visitor searches, narrows with two facets, changes the sort, opens an item, sees their words
highlighted, follows a speaker, exports CSV and reads the Atom feed; planted council markup never
runs; the pages work with JavaScript off. Screenshots land in test-artifacts/.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
from web_corpus import PLANTED_ID

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_a_visitor_searches_narrows_sorts_reads_and_exports(page, live_server, artifacts_dir):
    base = live_server.url
    page.goto(base)
    page.get_by_label("Search the minutes", exact=True).fill("school")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?*q=school*")
    assert page.locator(".result").count() >= 2
    page.screenshot(path=str(artifacts_dir / "search-page.png"), full_page=True)

    # first facet: a committee
    page.locator("#facet-committee ~ ul a").first.click()
    page.wait_for_load_state()
    assert len(query_of(page.url)["committee"]) == 1
    # second facet: a year, within the narrowed results
    page.locator("#facet-year ~ ul li:not(.selected) a").first.click()
    page.wait_for_load_state()
    state = query_of(page.url)
    assert state["q"] == ["school"] and len(state["committee"]) == 1 and len(state["year"]) == 1
    assert page.locator(".chips a.chip").count() == 3  # two filters + clear all
    narrowed_url = page.url

    # sort: JavaScript submits on change
    page.select_option("#sort", "oldest")
    page.wait_for_url("**sort=oldest*")
    assert query_of(page.url)["committee"] == state["committee"]
    page.go_back()
    page.wait_for_load_state()
    assert page.url == narrowed_url  # the back button restores the previous state

    # open an item: the query terms are highlighted
    page.goto(base + "search?q=referrals")
    page.locator(".result-title a", has_text="Prevent").first.click()
    page.wait_for_load_state()
    marks = page.locator(".prose mark")
    assert marks.count() >= 1 and marks.first.inner_text().lower().startswith("referral")
    page.screenshot(path=str(artifacts_dir / "item-page.png"), full_page=True)

    # follow a speaker link to their page
    speaker = page.locator(".speakers a").first
    name = speaker.inner_text()
    speaker.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == name
    assert page.locator(".history-meeting li a").count() >= 1

    # export the result set as CSV
    page.goto(base + "search?q=school")
    with page.expect_download() as download_info:
        page.get_by_text("Download these results (CSV)").click()
    download = download_info.value
    rows = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8-sig").read())))
    assert rows[0][:3] == ["id", "title", "committee"] and len(rows) == page.locator(".result").count() + 1

    # read the Atom feed the page advertises
    feed_url = page.locator("link[rel=alternate][type='application/atom+xml']").get_attribute("href")
    response = page.request.get(base.rstrip("/") + feed_url)
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.body())
    assert len(feed.findall("{http://www.w3.org/2005/Atom}entry")) == len(rows) - 1

    assert page.dialogs == [] and page.errors == []


def test_planted_script_onerror_and_javascript_links_never_run(page, live_server):
    base = live_server.url
    for path in ("search?q=parks", f"items/{PLANTED_ID}?q=parks", "search?q=consultation&sort=newest"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # give any stray onerror a chance to fire
        assert page.evaluate("typeof window.__pwned") == "undefined"
        scripts = page.evaluate("Array.from(document.scripts).map(s => s.src)")
        assert scripts == [base + "static/app.js"]
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate(
            "Array.from(document.querySelectorAll('a')).filter(a => /^\\s*(javascript|data|vbscript):/i.test(a.getAttribute('href') || '')).length"
        ) == 0
    # the planted text is visible to the reader, as text
    page.goto(base + f"items/{PLANTED_ID}")
    assert "<script>window.__pwned = 1" in page.locator("h1").inner_text()
    for link in page.locator("a").all():
        link_href = link.get_attribute("href") or ""
        assert not link_href.lower().startswith("javascript")
    assert page.dialogs == [] and page.errors == []


def test_everything_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url)
        page.fill("#q", "school")
        page.click("#search-form button[type=submit]")
        page.wait_for_url("**q=school*")
        page.locator("#facet-council ~ ul a").first.click()
        page.wait_for_load_state()
        assert "council" in query_of(page.url)
        page.select_option("#sort", "newest")
        page.click(".sort-form button[type=submit]")  # visible when JS is off
        page.wait_for_url("**sort=newest*")
        assert "council" in query_of(page.url)
        page.fill("#date-from", "2019-01-01")
        page.click(".date-range button[type=submit]")
        page.wait_for_url("**from=2019-01-01*")
        assert page.locator(".results-count").is_visible()
    finally:
        context.close()


def test_keyboard_users_can_skip_to_the_results(page, live_server):
    page.goto(live_server.url + "search?q=school")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link[href='#main']")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["y"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # the second skip link jumps past the search form and the filters, straight to the results
    page.goto(live_server.url + "search?q=school")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    to_results = page.locator("a.skip-link[href='#results-title']")
    assert to_results.evaluate("el => el === document.activeElement")
    assert to_results.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results-title"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.results') !== null")

"""Layout in real headless Chromium: phones, print, and JavaScript switched off.

Every page type fits a 390px-wide phone without sideways scrolling; an item page prints as one
column with the citation in full and the council's address written out; the sort form works with
JavaScript off. Screenshots land in test-artifacts/.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from web_corpus import SAMPLETON, SEED_ID

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "search": "search?q=school",
    "item": f"items/{SEED_ID}?q=prevent",
    "meeting": f"meetings/{SAMPLETON.key}/meeting/101",
    "committee": "committees/Overview%20Select%20Committee?council=" + quote(SAMPLETON.name),
    "person": "people/" + quote("Councillor Jane Hartley"),
    "commitments": "commitments",
    "coverage": "coverage",
    "not-found": "items/nowhere/item/1",
    "bad-request": "search?page=0",
}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_every_page_type_fits_a_phone(phone, live_server, artifacts_dir, name):
    phone.goto(live_server.url + PAGE_TYPES[name])
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px on a phone"
    if name in ("search", "item", "commitments"):
        phone.screenshot(path=str(artifacts_dir / f"phone-{name}.png"), full_page=True)


def test_register_rows_read_as_labelled_cards_on_a_phone(phone, live_server):
    phone.goto(live_server.url + "commitments")
    first_cell = phone.locator("table.register tbody tr td[data-label=Due]").first
    label = first_cell.evaluate("el => getComputedStyle(el, '::before').content")
    assert "Due" in label
    assert phone.locator("table.register thead").bounding_box()["height"] <= 1  # headers read from the cells instead


def test_an_item_prints_as_one_column_with_the_citation_in_full(browser, live_server, artifacts_dir):
    context = browser.new_context(viewport={"width": 1000, "height": 1400})
    page = context.new_page()
    page.goto(live_server.url + f"items/{SEED_ID}?q=prevent")
    page.emulate_media(media="print")
    for hidden in (".site-header", ".breadcrumbs", ".related", "textarea#citation", ".highlight-note", ".site-footer"):
        if page.locator(hidden).count():
            assert not page.locator(hidden).first.is_visible(), hidden
    citation = page.locator(".citation-print")
    assert citation.is_visible()
    assert citation.inner_text().endswith(f"{SAMPLETON.base_url}/mgAi.aspx?ID=1005")
    body = page.locator(".item-body").bounding_box()
    side = page.locator(".item-side").bounding_box()
    assert side["y"] >= body["y"] + body["height"] - 1  # the side panel follows the text, not beside it
    original = page.locator("a", has_text="View on the council's website")
    after = original.evaluate("el => getComputedStyle(el, '::after').content")
    assert "mgAi.aspx?ID=1005" in after  # the address is printed, not lost behind a link
    page.pdf(path=str(artifacts_dir / "item-print.pdf"))
    page.screenshot(path=str(artifacts_dir / "item-print.png"), full_page=True)
    context.close()


def test_sorting_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "search?q=school")
    page.locator("button", has_text="Sort").click()  # the no-JS sort button submits the form
    page.wait_for_load_state()
    assert "sort=relevance" in page.url
    page.select_option("#sort", "oldest")
    page.locator("button", has_text="Sort").click()
    page.wait_for_load_state()
    assert "sort=oldest" in page.url
    context.close()


def test_register_headers_never_break_inside_a_word_on_a_desktop(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + "commitments")
    lines = page.eval_on_selector_all(
        "table.register thead th",
        "cells => cells.map(c => { const r = document.createRange(); r.selectNodeContents(c);"
        " return [c.textContent.trim(), new Set([...r.getClientRects()].map(x => Math.round(x.top))).size]; })",
    )
    assert lines and all(count == 1 for _text, count in lines), lines
    context.close()

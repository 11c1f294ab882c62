"""Item, meeting, committee, person and topic pages, the commitments register and coverage."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from web_corpus import PLANTED_ID, SAMPLETON, SEED_ID, sample_items


def soup(response, status: int = 200) -> BeautifulSoup:
    assert response.status_code == status, response.data[:500]
    return BeautifulSoup(response.data, "html.parser")


def test_item_page_shows_the_whole_item(client):
    page = soup(client.get(f"/items/{SEED_ID}"))
    assert page.select_one("h1").get_text(" ", strip=True) == "5 Presentation on the Prevent Programme"
    headings = [h.get_text(strip=True) for h in page.select("h2")]
    for heading in ("Agenda", "Minutes", "Who spoke", "Supporting documents", "Cite this item"):
        assert heading in headings
    original = page.find("a", string="View on the council's website")
    assert original["href"] == f"{SAMPLETON.base_url}/mgAi.aspx?ID=1005"
    assert page.find("a", string="Prevent presentation slides")["href"].endswith("Prevent.pdf")
    speakers = page.select(".speakers a")
    assert speakers and all(a["href"].startswith("/people/") for a in speakers)


def test_item_page_citation_is_ready_to_copy(client):
    page = soup(client.get(f"/items/{SEED_ID}"))
    assert page.select_one("textarea#citation").get_text() == (
        "Sampleton Borough Council, Overview Select Committee, 1 Nov 2018, item 5: "
        f"Presentation on the Prevent Programme, {SAMPLETON.base_url}/mgAi.aspx?ID=1005"
    )


def test_item_page_highlights_the_query_terms(client):
    page = soup(client.get(f"/items/{SEED_ID}?q=referrals"))
    marks = [m.get_text() for m in page.select(".prose mark")]
    assert marks and all(m.lower().startswith("referral") for m in marks)
    assert not soup(client.get(f"/items/{SEED_ID}")).select(".prose mark")


def test_item_page_lists_related_items(client):
    page = soup(client.get(f"/items/{SEED_ID}"))
    related = page.select(".related .result-title a")
    assert related and all(a["href"] != f"/items/{SEED_ID}" for a in related)


def test_item_page_shows_commitments_with_due_dates(client):
    item_id = f"{SAMPLETON.key}/item/1003"
    data = client.get(f"/api/items/{item_id}").get_json()
    assert data["commitments"], "the extractor finds 'agreed to report back … by 31 January 2019'"
    page = soup(client.get(f"/items/{item_id}"))
    section = page.select_one("#commitments-title").find_parent("section")
    assert section.select_one("time")["datetime"] == "2019-01-31"
    assert "Strength:" in section.get_text()


def test_planted_markup_is_shown_as_text_and_never_linked(client):
    response = client.get(f"/items/{PLANTED_ID}")
    page = soup(response)
    body = response.data.decode()
    assert "<script>window" not in body and "<img src=x" not in body.replace("&lt;img", "")
    assert "&lt;script&gt;" in body and "onerror" in page.get_text()  # visible as text
    hrefs = [a.get("href", "") for a in page.select("a")]
    assert not any(h.lower().lstrip().startswith(("javascript:", "data:")) for h in hrefs)
    assert "No link published" in page.get_text()
    assert "(no safe link)" in page.get_text()
    assert page.select_one("textarea#citation").get_text().endswith("<script>window.__pwned = 1; alert('xss')</script>")
    # only our own script, loaded from our origin
    assert [s.get("src") for s in page.select("script")] == ["/static/app.js"]


def test_exempt_item_says_it_was_private(client):
    page = soup(client.get(f"/items/{SAMPLETON.key}/item/1102"))
    assert "taken in private" in page.get_text()


def test_meeting_page_lists_the_agenda_in_order_with_attendance(client):
    page = soup(client.get(f"/meetings/{SAMPLETON.key}/meeting/101"))
    numbers = [n.get_text(strip=True) for n in page.select(".agenda .item-number")]
    assert numbers == ["1", "3a", "3b", "5"]
    text = page.get_text(" ", strip=True)
    assert "Present (2)" in text and "Apologies (1)" in text
    assert "Councillor Priya Shah" in text
    assert "Thursday 1 November 2018" in text


def test_meeting_page_lists_meeting_documents_with_safe_links_only(client):
    page = soup(client.get(f"/meetings/{SAMPLETON.key}/meeting/101"))
    section = page.select_one("#meeting-docs-title").find_parent("section")
    assert section.find("a", string="Agenda frontsheet")["href"].endswith("/documents/g101/Agenda.pdf")
    assert "Printed minutes <i>draft</i> (no safe link)" in section.get_text()
    assert not section.select("a[href^=javascript]")


def test_committee_page_shows_meetings_over_time(client):
    page = soup(client.get("/committees/Overview%20Select%20Committee?council=Sampleton+Borough+Council"))
    assert page.select_one("h1").get_text(strip=True) == "Overview Select Committee"
    meetings = page.select(".history-meeting h3 time")
    assert [m["datetime"] for m in meetings] == ["2019-03-14", "2018-11-01"]
    years = {li.select_one(".year").get_text(): li.select_one(".count").get_text() for li in page.select(".year-bars li")}
    assert years == {"2018": "4 items", "2019": "2 items"}


def test_person_page_shows_what_they_spoke_on(client):
    facets = client.get("/api/search").get_json()["facets"]["speaker"]
    assert facets, "the extractors name speakers in the sample minutes"
    name = facets[0]["value"]
    page = soup(client.get(f"/people/{quote(name)}"))
    assert page.select_one("h1").get_text(strip=True) == name
    items = page.select(".history-meeting li a")
    assert len(items) == facets[0]["count"]
    assert page.select_one("#summary-committee") is not None


def test_topic_page(client):
    topics = client.get("/api/search").get_json()["facets"].get("topic", [])
    if not topics:
        pytest.skip("the extractors found no topics in this corpus")
    name = topics[0]["value"]
    page = soup(client.get(f"/topics/{quote(name)}"))
    assert page.select_one("h1").get_text(strip=True) == name
    assert len(page.select(".history-meeting li a")) == topics[0]["count"]


@pytest.mark.parametrize("path", ["/items/nowhere/item/1", f"/items/{SAMPLETON.key}/item/999999", f"/meetings/{SAMPLETON.key}/meeting/999",
                                  "/people/Nobody%20At%20All", "/topics/No%20such%20topic", "/committees/No%20such%20committee"])
def test_unknown_records_are_404(client, path):
    page = soup(client.get(path), status=404)
    assert "Not found" in page.get_text()


def test_commitments_register_lists_overdue_first(client):
    page = soup(client.get("/commitments"))
    rows = page.select("table.register tbody tr")
    assert rows
    overdue_flags = ["overdue" in (row.get("class") or []) for row in rows]
    assert overdue_flags == sorted(overdue_flags, reverse=True)  # all overdue rows come first
    assert any(overdue_flags), "a 2019 due date is overdue today"
    assert "Overdue" in rows[0].get_text()  # said in words, not only by colour
    due = [row.select_one("time")["datetime"] for row in rows if row.select_one("time") and "overdue" in (row.get("class") or [])]
    assert due == sorted(due)


def test_commitments_register_filters(client):
    everything = soup(client.get("/commitments")).select("table.register tbody tr")
    firm = soup(client.get("/commitments?strength=firm")).select("table.register tbody tr")
    assert len(firm) <= len(everything)
    assert all("Firm" in row.get_text() for row in firm)
    early = soup(client.get("/commitments?due_before=2019-06-01")).select("table.register tbody tr time")
    assert all(date.fromisoformat(t["datetime"]) < date(2019, 6, 1) for t in early)
    planning = soup(client.get("/commitments?committee=Planning+Committee"))
    assert all("Planning Committee" in r.get_text() for r in planning.select("table.register tbody tr"))


def test_commitments_register_filters_by_due_state(client):
    overdue = soup(client.get("/commitments?status=overdue")).select("table.register tbody tr")
    assert overdue and all("overdue" in row["class"] for row in overdue)
    undated = soup(client.get("/commitments?status=undated")).select("table.register tbody tr")
    assert all(row.select_one("time") is None for row in undated)


@pytest.mark.parametrize("query", ["status=late", "strength=maybe", "due_before=tomorrow", "who=" + "x" * 300, "page=0"])
def test_commitments_register_refuses_bad_filters(client, query):
    assert client.get(f"/commitments?{query}").status_code == 400


def test_coverage_page_per_council(client):
    page = soup(client.get("/coverage"))
    rows = {row.select_one("th a").get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")] for row in page.select("tbody tr")}
    items = sample_items()
    sampleton = [a for a in items if a.site.key == SAMPLETON.key]
    assert rows["Sampleton Borough Council"][:4] == [
        str(len({a.meeting.key for a in sampleton})), str(len(sampleton)), "1 Nov 2018", "21 Jan 2021"]
    assert "Northwick City Council" in rows

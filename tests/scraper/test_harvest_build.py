"""Assembling a meeting from several stored pages (pure; the pages come from the sample site's app)."""

from __future__ import annotations

from scraper.harvest_build import Page, meeting_from_html, site_name_from_page
from scraper.sample_site import SampleSite

BASE = "http://council.test"


def page(app: SampleSite, path: str, query: str) -> Page:
    status, _headers, body = app.respond("GET", path, query, BASE)
    assert status == 200
    return Page(body, f"{BASE}{path}?{query}")


def truncated_meeting(app: SampleSite):
    for meeting in app.data.meetings:
        pg = page(app, "/ieListDocuments.aspx", f"CId={meeting.committee_id}&MId={meeting.meeting_id}")
        built, problems = meeting_from_html(pg, BASE, "council.test", meeting.committee_id, meeting.meeting_id)
        if built.truncated_item_ids and "malformed_page" not in meeting.flags:
            return meeting, pg, built, problems
    raise AssertionError("the sample council has no truncated minutes")


def test_full_minutes_replace_truncated_ones_and_bad_pages_are_problems_not_crashes():
    app = SampleSite(waf_first=False)
    meeting, pg, alone, problems = truncated_meeting(app)
    item_id = alone.truncated_item_ids[0]
    assert [p for p in problems if not p.unparseable]  # the full page was not given: reported, not fatal
    full = {item_id: page(app, "/mgAi.aspx", f"ID={item_id}")}
    junk = Page(b"<html><body>Service temporarily unavailable</body></html>", f"{BASE}/mgMeetingAttendance.aspx?ID=1")
    built, problems = meeting_from_html(pg, BASE, "council.test", meeting.committee_id, meeting.meeting_id,
                                        item_pages=full, attendance=junk)
    before = {i.item_id: i for i in alone.items}[item_id].minutes_text
    after = {i.item_id: i for i in built.items}[item_id].minutes_text
    assert len(after) > len(before) and after.startswith(before[:200].rsplit(" ", 1)[0])
    assert [p.url for p in problems if p.unparseable] == [junk.url]  # attendance left out, meeting kept
    assert built.meeting.attendees == () and len(built.items) == len(alone.items)
    assert [i.position for i in built.items] == list(range(len(built.items)))


def test_site_name_from_page_titles():
    assert site_name_from_page(b"<title>Committee structure - Borough of Eastmere Council</title>") == (
        "Borough of Eastmere Council"
    )
    assert site_name_from_page(b"<title>Browse meetings | Leicester City Council</title>") == "Leicester City Council"
    assert site_name_from_page(b"<title>modern.gov</title>") is None
    assert site_name_from_page(b"<html><body>no title</body></html>") is None

"""The harvester on real ModernGov web-service XML (Manchester fixtures) served from 127.0.0.1."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from scraper.harvest import CrawlOptions, SiteBlocked, SiteFailing, crawl
from scraper.http import PoliteClient
from scraper.store import ArchiveStore

MG = Path(__file__).resolve().parent.parent / "fixtures" / "moderngov"
XML = {"Content_Type": "text/xml; charset=utf-8"}
EMPTY = b"<?xml version='1.0' encoding='utf-8'?><getmeetings><meetingscount> 0</meetingscount></getmeetings>"


@pytest.fixture
def manchester(scripted_server):
    """The fixtures under /new; the old address (/) redirects there, as moved installs do."""
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/mgWebService.asmx/GetCommittees"] = srv.reply(301, Location="/new/mgWebService.asmx/GetCommittees")
    srv.routes["/new/mgWebService.asmx/GetCommittees"] = srv.reply(200, (MG / "committees.xml").read_bytes(), **XML)

    def meetings(path: str, n: int):
        query = parse_qs(urlsplit(path).query)
        if query.get("lCommitteeId") == ["144"] and query.get("sFromDate", [""])[0].endswith("2026"):
            return srv.reply(200, (MG / "meetings.xml").read_bytes(), **XML)
        return srv.reply(200, EMPTY, **XML)

    srv.routes["/new/mgWebService.asmx/GetMeetings"] = meetings
    srv.routes["/new/mgWebService.asmx/GetMeeting"] = lambda path, n: srv.reply(
        200, (MG / ("meeting_with_minutes.xml" if "4967" in path else "meeting_no_minutes.xml")).read_bytes(), **XML
    )
    return srv


def test_real_web_service_xml_end_to_end(tmp_path, manchester, fake_clock):
    store = ArchiveStore(tmp_path / "a.sqlite3")
    options = CrawlOptions(since=date(2025, 9, 1), until=date(2026, 3, 1), committees=("Audit Committee",))
    summary = crawl(store, manchester.base_url, options, client=PoliteClient(delay=0, clock=fake_clock))
    # 3 committees + 2 meetings + 2 items. The HTML meeting pages (read for meeting-level documents)
    # are not served here: each is reported with its URL, and the meetings are stored all the same.
    assert summary.headline() == "7 new, 0 changed, 0 unchanged, 2 failed"
    assert sorted(f.url.rsplit("=", 1)[1] for f in summary.failures) == ["4966", "4967"]
    assert all("ieListDocuments" in f.url and f.reason == "HTTP 404" for f in summary.failures)
    # The install moved: after validation every request goes straight to its new home.
    assert summary.site.base_url == manchester.base_url + "/new"
    later = manchester.paths()[3:]
    assert later and all(p.startswith("/new/") for p in later)
    # GetMeetings: dd/mm/yyyy, both dates always, a real committee id (never 0), one calendar year at a time.
    calls = [parse_qs(urlsplit(p).query) for p in manchester.paths() if "GetMeetings" in p]
    assert calls
    for q in calls:
        assert re.fullmatch(r"\d\d/\d\d/\d{4}", q["sFromDate"][0]) and re.fullmatch(r"\d\d/\d\d/\d{4}", q["sToDate"][0])
        assert q["lCommitteeId"] == ["144"]
        assert q["sFromDate"][0][-4:] == q["sToDate"][0][-4:]
    items = list(store.iter_archived_items())
    assert {a.meeting.meeting_id for a in items} == {4967}
    assert items[0].committee.title == "Audit Committee" and items[0].meeting.date == date(2026, 2, 10)
    cancelled = store.get_meeting(f"{summary.site.key}/meeting/4966")
    assert cancelled is not None and cancelled.meeting.cancelled and cancelled.items == ()


def test_a_503_storm_stops_the_crawl_and_it_can_resume_later(tmp_path, scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/mgWebService.asmx/GetCommittees"] = srv.reply(200, (MG / "committees.xml").read_bytes(), **XML)
    storm = srv.reply(503, "busy")
    for path in ("/mgWebService.asmx/GetMeetings", "/ieListMeetings.aspx", "/ieDocHome.aspx"):
        srv.routes[path] = storm
    store = ArchiveStore(tmp_path / "a.sqlite3")
    client = PoliteClient(delay=0, clock=fake_clock, retries=2)
    with pytest.raises(SiteFailing, match="5 requests in a row"):
        crawl(store, srv.base_url, CrawlOptions(since=date(2024, 1, 1)), client=client)
    # Bounded: five failed requests of three attempts each, then it stopped.
    storm_hits = [p for p in srv.paths() if p.split("?")[0] in ("/mgWebService.asmx/GetMeetings", "/ieListMeetings.aspx", "/ieDocHome.aspx")]
    assert len(storm_hits) == 5 * 3
    assert [r.status for r in store.runs()] == ["running"]  # resumable with the same command


def test_a_firewall_that_challenges_every_page_stops_the_crawl(tmp_path, scripted_server, fake_clock):
    from scraper.sample_site.app import WAF_PAGE

    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/mgWebService.asmx/GetCommittees"] = srv.reply(200, (MG / "committees.xml").read_bytes(), **XML)
    challenge = srv.reply(200, WAF_PAGE, Content_Type="text/html")
    for path in ("/mgWebService.asmx/GetMeetings", "/ieListMeetings.aspx", "/ieDocHome.aspx"):
        srv.routes[path] = challenge
    store = ArchiveStore(tmp_path / "a.sqlite3")
    with pytest.raises(SiteBlocked, match="5 requests in a row with a challenge page"):
        crawl(store, srv.base_url, CrawlOptions(since=date(2024, 1, 1)), client=PoliteClient(delay=0, clock=fake_clock))
    assert len(srv.paths()) == 2 + 5  # robots.txt, GetCommittees, then five challenges and no more
    rejected = [c for c in store.captures() if c.rejected]
    assert len(rejected) == 5 and all("Incapsula" in c.rejected for c in rejected)
    assert store.counts()["meetings"] == 0

"""The harvester against ModernGov quirks, on real-shaped answers served from 127.0.0.1.

The web-service answers are the real Manchester fixtures (``tests/fixtures/moderngov``), edited
only where a test says so; the meeting pages are written in the shape of GUIDE.md §6.3.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from scraper.harvest import CrawlOptions, crawl, reparse
from scraper.http import PoliteClient
from scraper.store import ArchiveStore

MG = Path(__file__).resolve().parent.parent / "fixtures" / "moderngov"
XML = {"Content_Type": "text/xml; charset=utf-8"}
HTML = {"Content_Type": "text/html; charset=utf-8"}
EMPTY = b"<?xml version='1.0' encoding='utf-8'?><getmeetings><meetingscount> 0</meetingscount></getmeetings>"
AUDIT = 144  # the fixtures' committee with meetings 4966 (cancelled) and 4967 (two items with minutes)


def meeting_page(rows: str, subtitle: str = "Audit Committee - Tuesday, 10th February, 2026 10.00 am") -> str:
    """An ``ieListDocuments.aspx`` page in the shape of GUIDE.md §6.3, inside a council template."""
    return f"""<!DOCTYPE html><html><head><title>Agenda for Audit Committee on Tuesday, 10th February, 2026, 10.00 am</title></head>
<body><div class="council-header"><a href="/">Home</a></div>
<div id="modgov"><div class="mgHeader"><h1  class="mgMainTitleTxt" >Agenda, decisions and minutes</h1></div>
<div class="mgSubTitle" ><h2 class="mgSubTitleTxt">{subtitle}</h2></div>
<div class="mgLinks" ><ul  class="mgActionList" ><li><a href="mgMeetingAttendance.aspx?ID=4967">Attendance details</a></li></ul></div>
<div class="mgContent" >
<p><span class="mgLabel">Venue: </span>Council Antechamber, Level 2, Town Hall Extension</p>
<ul class="mgBulletList"><li><a href="documents/g4967/Printed%20minutes%2010th-Feb-2026%2010.00%20Audit%20Committee.pdf?T=1">Printed minutes
<span class="mgFileSize">PDF 276 KB</span></a></li></ul>
<table class="mgItemTable">{rows}</table>
</div><div class="mgFooter" ></div></div></body></html>"""


# Item 18831 carries its AI anchor; item 18833 only its "View the decision" AIId link (installs differ);
# item 18834 is the one the service says is exempt, shown here with text all the same.
MEETING_4967_ROWS = """
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">1.</p></td>
<td><a name="AI18831"></a><p class="mgAiTitleTxt">Minutes</p>
<div class="mgWordPara"><p class="MsoNormal">To approve as a correct record the minutes of the meeting held on 25 November 2025.</p></div>
<p class="mgSubItemTitleTxt">Decision:</p>
<div class="mgWordPara"><p class="MsoNormal">RESOLVED &#8211; that the minutes of 25 November 2025 be approved.</p></div>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p class="MsoNormal">A shorter page copy of the minutes &#8230;</p></div>
</td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">9.</p></td>
<td><p class="mgAiTitleTxt">Work Programme</p>
<ul class="mgActionList"><li><a href="ieDecisionDetails.aspx?AIId=18833">View the decision for item 9.</a></li></ul>
<p class="mgSubItemTitleTxt">Decision:</p>
<div class="mgWordPara"><p class="MsoNormal">The Committee agreed its work programme for the rest of 2025/26.</p></div>
<p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p class="MsoNormal">The Committee considered its work programme and agreed it.</p></div>
</td></tr>
<tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">10.</p></td>
<td><a name="AI18834"></a><p class="mgAiTitleTxt">Sale of the Old Depot</p>
<div class="mgWordPara"><p class="MsoNormal">The agreed sale price of the Old Depot is 250,000 pounds.</p></div>
<p class="mgSubItemTitleTxt">Decision:</p>
<div class="mgWordPara"><p class="MsoNormal">RESOLVED &#8211; to sell the Old Depot to the preferred bidder.</p></div>
</td></tr>
"""

EXEMPT_ITEM = """    <agendaitem>
      <agendaitemid>18834</agendaitemid>
      <agendaitemtitle>Sale of the Old Depot</agendaitemtitle>
      <agendatext>
      </agendatext>
      <agendaitemnumber>13</agendaitemnumber>
      <fulldisplaynumberformat>10.</fulldisplaynumberformat>
      <minutesnonemptyhtmlbody>
      </minutesnonemptyhtmlbody>
      <isrestricted>True</isrestricted>
      <minutesitemnumber>10</minutesitemnumber>
    </agendaitem>
  </agendaitems>"""


def get_meeting_4967() -> bytes:
    """The real answer, with item 18833's minutes left blank by the service and an exempt item 18834."""
    body = (MG / "meeting_with_minutes.xml").read_bytes()
    start = body.index(b"<minutesnonemptyhtmlbody>", body.index(b"<agendaitemid>18833"))
    end = body.index(b"</minutesnonemptyhtmlbody>", start)
    body = body[:start] + b"<minutesnonemptyhtmlbody>\n      " + body[end:]
    return body.replace(b"  </agendaitems>", EXEMPT_ITEM.encode(), 1)


@pytest.fixture
def council(scripted_server):
    """A ModernGov install answering the Manchester fixtures; tests replace routes as they need."""
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/mgWebService.asmx/GetCommittees"] = srv.reply(200, (MG / "committees.xml").read_bytes(), **XML)

    def meetings(path: str, n: int):
        query = parse_qs(urlsplit(path).query)
        if query.get("lCommitteeId") == [str(AUDIT)] and query.get("sFromDate", [""])[0].endswith("2026"):
            return srv.reply(200, (MG / "meetings.xml").read_bytes(), **XML)
        return srv.reply(200, EMPTY, **XML)

    srv.routes["/mgWebService.asmx/GetMeetings"] = meetings
    srv.routes["/mgWebService.asmx/GetMeeting"] = lambda path, n: srv.reply(
        200, get_meeting_4967() if "4967" in path else (MG / "meeting_no_minutes.xml").read_bytes(), **XML
    )

    def pages(path: str, n: int):
        if "MId=4967" in path:
            return srv.reply(200, meeting_page(MEETING_4967_ROWS), **HTML)
        return srv.reply(200, meeting_page("", "Audit Committee - Tuesday, 13th January, 2026 10.00 am CANCELLED"), **HTML)

    srv.routes["/ieListDocuments.aspx"] = pages
    return srv


def crawl_audit(store, srv, clock, **options):
    options.setdefault("since", date(2025, 9, 1))
    options.setdefault("until", date(2026, 3, 1))
    options.setdefault("committees", ("Audit Committee",))
    return crawl(store, srv.base_url, CrawlOptions(**options), client=PoliteClient(delay=0, clock=clock))


def items_by_id(store):
    return {a.item.item_id: a.item for a in store.iter_archived_items()}


def test_web_service_meetings_take_decisions_and_blank_texts_from_the_meeting_page(tmp_path, council, fake_clock):
    """GetMeeting has no decision text (GUIDE.md §3, §7.3); the meeting page, fetched anyway for its
    packs, has each item's "Decision:" block. Items are matched by id, whether the page shows it as an
    ``AI<id>`` anchor or only in the item's ``ieDecisionDetails.aspx?AIId=`` link."""
    store = ArchiveStore(tmp_path / "a.sqlite3")
    summary = crawl_audit(store, council, fake_clock)
    assert summary.source_mode == "webservice" and summary.failed == 0, summary.failures
    items = items_by_id(store)
    assert set(items) == {18831, 18833, 18834}
    minutes, work, exempt = items[18831], items[18833], items[18834]
    assert minutes.decision_text == "RESOLVED \u2013 that the minutes of 25 November 2025 be approved."
    # The service's own minutes win over the page's copy; a blank one is filled from the page.
    assert minutes.minutes_text.startswith("To approve the minutes of the meeting held on 25 November 2025")
    assert work.decision_text == "The Committee agreed its work programme for the rest of 2025/26."
    assert work.minutes_text == "The Committee considered its work programme and agreed it."
    assert work.number == "9." and work.agenda_text.startswith("The report of the Governance")
    # What the service withheld from an exempt item never comes back from the page.
    assert exempt.restricted and exempt.title == "Sale of the Old Depot"
    assert exempt.agenda_text == exempt.minutes_text == exempt.decision_text == ""
    meeting = store.get_meeting(f"{summary.site.key}/meeting/4967").meeting
    assert [d.title for d in meeting.documents] == ["Printed minutes"]
    # Reparse rebuilds the same records from the stored answers alone.
    before = [(a.item, a.meeting) for a in store.iter_archived_items()]
    reparse(store, clean=True)
    assert [(a.item, a.meeting) for a in store.iter_archived_items()] == before
    store.close()


def meeting_list_page(*rows: tuple[int, str, str]) -> str:
    """An ``ieListMeetings.aspx`` page listing (meeting id, "13 Jan 2026 10.00 am", status word) rows."""
    links = "\n".join(
        f'<li><a href="ieListDocuments.aspx?CId={AUDIT}&amp;MId={mid}&amp;Ver=4" title="Link&#32;to&#32;agenda">{when}</a>'
        f"{' ' + status if status else ''}</li>"
        for mid, when, status in rows
    )
    return f"""<html><head><title>Browse meetings - Audit Committee</title></head><body>
<div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">Browse meetings</h1></div>
<div class="mgSubTitle"><h2 class="mgSubTitleTxt">Audit Committee</h2></div>
<div class="mgContent"><ul class="mgNonBulletTableList">{links}</ul></div></div></body></html>"""


AUDIT_LIST = meeting_list_page((4966, "13 Jan 2026 10.00 am", "CANCELLED"), (4967, "10 Feb 2026 10.00 am", ""))


def set_meetings_2026(srv, body: bytes) -> None:
    """GetMeetings answers ``body`` for the Audit Committee's 2026 window, empty lists otherwise."""

    def meetings(path: str, n: int):
        query = parse_qs(urlsplit(path).query)
        if query.get("lCommitteeId") == [str(AUDIT)] and query.get("sFromDate", [""])[0].endswith("2026"):
            return srv.reply(200, body, **XML)
        return srv.reply(200, EMPTY, **XML)

    srv.routes["/mgWebService.asmx/GetMeetings"] = meetings


def test_a_listing_row_with_an_unexpected_date_costs_nothing_but_a_reported_problem(tmp_path, council, fake_clock):
    """One GetMeetings row with an ISO date and one with garbage used to fail the whole answer (up to
    five years of a committee's meetings, silently). Now every row is read on its own: the ISO one
    normally, the garbage one listed without a date (GetMeeting has it) and reported with its URL."""
    body = (MG / "meetings.xml").read_bytes()
    body = body.replace(b"<meetingdate>13/01/2026</meetingdate>", b"<meetingdate>TBC</meetingdate>")
    body = body.replace(b"<meetingdate>10/02/2026</meetingdate>", b"<meetingdate>2026-02-10T00:00:00</meetingdate>")
    set_meetings_2026(council, body)
    store = ArchiveStore(tmp_path / "a.sqlite3")
    summary = crawl_audit(store, council, fake_clock)
    assert summary.meetings.new == 2
    assert store.get_meeting(f"{summary.site.key}/meeting/4966").meeting.date == date(2026, 1, 13)
    assert store.get_meeting(f"{summary.site.key}/meeting/4967").meeting.date == date(2026, 2, 10)
    (failure,) = summary.failures
    assert failure.kind == "parse" and "GetMeetings" in failure.url and "lCommitteeId=144" in failure.url
    assert "4966" in failure.reason and "TBC" in failure.reason
    assert [e.url for e in store.errors() if e.kind == "parse"] == [failure.url]
    assert not [p for p in council.paths() if "ieListMeetings" in p]  # nothing needed the HTML list
    store.close()


def test_a_listing_answer_that_fails_as_a_whole_is_replaced_by_the_html_meeting_list(tmp_path, council, fake_clock):
    """A GetMeetings answer of the right shape with no usable row is a failure of that window, not
    "no meetings": the committee's ieListMeetings pages for those years are read instead."""
    body = (MG / "meetings.xml").read_bytes()
    for mid in (b"4966", b"4967"):
        body = body.replace(b"<meetingid>" + mid + b"</meetingid>", b"<meetingid>#ERROR</meetingid>")
    set_meetings_2026(council, body)
    council.routes["/ieListMeetings.aspx"] = council.reply(200, AUDIT_LIST, **HTML)
    store = ArchiveStore(tmp_path / "a.sqlite3")
    summary = crawl_audit(store, council, fake_clock)
    assert summary.meetings.new == 2 and summary.source_mode == "webservice"
    assert len(summary.failures) == 2 and all(f.kind == "parse" for f in summary.failures), summary.failures
    assert any("Year=2026" in p for p in council.paths() if "ieListMeetings" in p)
    assert not [p for p in council.paths() if "ieListMeetings" in p and "Year=2024" in p]  # only that window's years
    items = items_by_id(store)
    assert items[18833].decision_text  # the meetings themselves still came through the web service
    store.close()


def crawl_sample(store, site, clock, **options):
    options.setdefault("since", date(2016, 1, 1))
    return crawl(store, site.base_url, CrawlOptions(**options), client=PoliteClient(delay=0, clock=clock))


def test_a_service_listing_no_meetings_for_any_committee_is_checked_against_the_html_lists(
    tmp_path, sample_site_factory, fake_clock
):
    """Valid but empty GetMeetings answers for every committee (a date-format or filter quirk) are
    not believed (GUIDE.md §2, §8.2): one committee's ieListMeetings page is read, and as it lists
    meetings the run warns and lists every committee through HTML. The meetings themselves still
    come from GetMeeting."""
    site = sample_site_factory(empty_meeting_lists=True, waf_first=False, malformed=False)
    store = ArchiveStore(tmp_path / "a.sqlite3")
    summary = crawl_sample(store, site, fake_clock)
    assert summary.failed == 0, summary.failures
    assert summary.meetings.new == len(site.app.data.meetings)
    assert summary.source_mode == "webservice" and not summary.ws_given_up
    (warning,) = summary.warnings
    assert "GetMeetings" in warning and "ieListMeetings" in warning
    assert any("listed no meetings" in f.reason for f in summary.fallbacks)
    assert site.requested("GetMeeting?lMeetingId=")
    assert store.runs()[-1].summary["warnings"] == [warning]
    store.close()


def test_an_empty_window_is_not_mistaken_for_a_broken_service(tmp_path, sample_site_factory, fake_clock):
    """The same check on a window with truly no meetings: the HTML list agrees, so no warning and
    no switch, for the price of a few list pages."""
    site = sample_site_factory(waf_first=False, malformed=False, flaky_first=False)
    store = ArchiveStore(tmp_path / "a.sqlite3")
    summary = crawl_sample(store, site, fake_clock, since=date(2014, 1, 1), until=date(2015, 6, 30))
    assert summary.meetings_listed == 0 and summary.warnings == [] and summary.failed == 0
    probes = [r for r in site.requested("ieListMeetings.aspx") if "CId=105" not in r[1]]  # 105: HTML-only
    assert 1 <= len(probes) <= 3


class HttpStubHttpsSite:
    """One loopback port speaking both protocols, like a council host on :80 and :443: plain HTTP
    answers every path with a JavaScript redirect stub to https (Denbighshire, GUIDE.md §8.2); TLS
    connections get the sample council. ``log`` keeps (tls, path) per request."""

    STUB = (b'<html><head><title>Redirecting</title><script type="text/javascript">'
            b'window.location.href = "https://" + window.location.host + window.location.pathname'
            b" + window.location.search;</script></head><body></body></html>")

    def __init__(self, cert: Path, key: str | Path, **variants) -> None:
        import socket
        import ssl
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        from scraper.sample_site import SampleSite

        self.app = SampleSite(**variants)
        self.log: list[tuple[bool, str]] = []
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        site = self

        class Server(ThreadingHTTPServer):
            def get_request(self):
                connection, address = super().get_request()
                connection.settimeout(10)
                if connection.recv(1, socket.MSG_PEEK) == b"\x16":  # a TLS ClientHello
                    connection = context.wrap_socket(connection, server_side=True)
                return connection, address

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                tls = isinstance(self.connection, ssl.SSLSocket)
                site.log.append((tls, self.path))
                if tls:
                    path, _, query = self.path.partition("?")
                    base = f"https://{self.headers['Host']}"
                    status, headers, body = site.app.respond("GET", path, query, base)
                else:
                    status, headers, body = 200, [("Content-Type", "text/html")], HttpStubHttpsSite.STUB
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def certificate(tmp_path):
    import shutil
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


def test_an_http_seed_answering_a_redirect_stub_is_crawled_over_https(tmp_path, certificate, fake_clock):
    """Seeds are often http:// (GUIDE.md §2): when the http:// base answers a browser-only redirect
    stub, validation is tried once more on https://, and that base is kept for the whole crawl."""
    cert, key = certificate
    site = HttpStubHttpsSite(cert, key, waf_first=False, malformed=False, flaky_first=False)
    try:
        store = ArchiveStore(tmp_path / "a.sqlite3")
        client = PoliteClient(delay=0, clock=fake_clock, ca_bundle=cert)
        summary = crawl(store, f"http://127.0.0.1:{site.port}", CrawlOptions(since=date(2016, 1, 1)), client=client)
        assert summary.site.base_url == f"https://127.0.0.1:{site.port}"
        assert summary.source_mode == "webservice"
        assert summary.meetings.new == len(site.app.data.meetings)
        # The stubs are not failures of this crawl: https answered in their place.
        assert summary.failed == 0, summary.failures
        assert any("redirect stub" in f.reason for f in summary.fallbacks)
        plain = [path for tls, path in site.log if not tls]
        assert plain and len(plain) <= 3  # robots.txt, GetCommittees, mgListCommittees: then https only
        assert all(tls for tls, _ in site.log[len(plain):])
        assert store.sites()[0].base_url.startswith("https://")
        store.close()
    finally:
        site.stop()


def test_an_http_seed_failing_on_https_too_says_both(tmp_path, sample_site_factory, fake_clock):
    """The https retry of a failing http:// seed costs one refused handshake here; the error names
    both attempts, keeps the first one's kind, and no longer suggests trying https."""
    from scraper.harvest import SiteBlocked

    site = sample_site_factory(waf=True)  # every page a challenge, over plain HTTP only
    store = ArchiveStore(tmp_path / "a.sqlite3")
    with pytest.raises(SiteBlocked) as info:
        crawl(store, site.base_url, CrawlOptions(), client=PoliteClient(delay=0, clock=fake_clock))
    message = str(info.value)
    assert site.base_url in message and site.base_url.replace("http://", "https://") in message
    assert "\n" not in message
    store.close()

"""Broken, truncated, binary and challenge input: a clear ParseError or a detected non-answer, never junk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scraper.parse import (
    NotWebServiceXML,
    ParseError,
    detect_challenge,
    parse_attendance,
    parse_committee_list,
    parse_committees,
    parse_item_page,
    parse_meeting,
    parse_meeting_list,
    parse_meeting_page,
    parse_meetings,
)
from scraper.sample_site.app import WAF_PAGE, WEBSERVICE_DISABLED_PAGE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "moderngov"
BASE = "https://democracy.example.gov.uk"
URL = f"{BASE}/ieListDocuments.aspx?CId=1&MId=2"

CLOUDFLARE = b"""<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="390"></head><body><div id="challenge-body-text">Checking your browser</div>
<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8"></script></body></html>"""
JS_STUB = b"""<html><head><script>window.location.href = "https://democracy.example.gov.uk/ieDocHome.aspx";</script></head><body></body></html>"""
META_STUB = b'<html><head><meta http-equiv="refresh" content="0;url=https://example.gov.uk/"></head></html>'
SHAREPOINT = b"""<html><head><title>Error</title><link href="/_layouts/15/1033/styles/error.css"></head>
<body><h1>Sorry, something went wrong</h1><p>An unexpected error has occurred.</p>
<p>Correlation ID: 4f1c9e9f-7000-0000-0000-000000000000</p></body></html>"""
MG_ERROR = b"""<html><body><form method="post" action="./mgError.aspx?e=1" id="aspnetForm"><div id="modgov">
<h1 class="mgMainTitleTxt">Error</h1><p>Sorry, an error has occurred.</p></div></form></body></html>"""
PAGE_WITH_ITEMS = b"""<html><head><title>Agenda</title></head><body><div id="modgov">
<h2 class="mgSubTitleTxt">Cabinet - Monday, 9th March, 2020 10.00 am</h2><table class="mgItemTable"><tr>
<td class="mgItemNumberCell"><p class="mgAiTitleTxt">1.</p></td><td><a name="AI9"></a><p class="mgAiTitleTxt">Security</p>
<div class="mgWordPara"><p>We discussed Cloudflare, Incapsula in our web firewall review; window.location = x was quoted.</p></div>
</td></tr></table></div></body></html>"""


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (WAF_PAGE.encode(), "Incapsula"),
        (CLOUDFLARE, "Cloudflare"),
        (JS_STUB, "redirect stub"),
        (META_STUB, "redirect stub"),
        (SHAREPOINT, "SharePoint"),
        (MG_ERROR, "mgError"),
        (b"", "empty"),
        (b"  \r\n ", "empty"),
    ],
)
def test_challenges_and_non_answers_are_detected(body, reason):
    detected = detect_challenge(body, "text/html; charset=utf-8")
    assert detected is not None and reason.lower() in detected.lower()


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".xml", ".html")),
)
def test_real_pages_are_not_challenges(name):
    assert detect_challenge((FIXTURES / name).read_bytes(), "text/xml" if name.endswith(".xml") else "text/html") is None


def test_page_that_only_mentions_waf_words_is_not_a_challenge():
    assert detect_challenge(PAGE_WITH_ITEMS, "text/html") is None


def test_redirect_to_mg_error_and_binary_documents():
    assert "mgError" in detect_challenge(b"<html></html>", "text/html", url=f"{BASE}/mgError.aspx")
    assert detect_challenge(b"%PDF-1.4 window.location = 1", "application/pdf") is None


@pytest.mark.parametrize(
    "body",
    [
        WAF_PAGE.encode(),
        WEBSERVICE_DISABLED_PAGE.encode(),
        b"",
        os.urandom(64) + b"\x00\xff",
        b"<?xml version='1.0'?><wards></wards>",
        b"<committees><committee><committeeid>1",  # truncated XML of another operation
    ],
)
def test_web_service_parsers_refuse_what_is_not_their_xml(body):
    for parse in (
        lambda b: parse_committees(b, "s", url=f"{BASE}/mgWebService.asmx/GetCommittees"),
        lambda b: parse_meetings(b, "s"),
        lambda b: parse_meeting(b, "s", 1, BASE),
    ):
        try:
            parse(body)
        except NotWebServiceXML as error:
            assert isinstance(error, ParseError)
        else:
            # Only a body with the operation's own root may parse; none of these has it for all three.
            assert body.startswith(b"<committees>")


def test_truncated_xml_of_the_right_operation_keeps_what_is_complete_or_fails_loudly():
    good = (FIXTURES / "meeting_with_minutes.xml").read_bytes()
    cut = good[: good.index(b"<agendaitemid>18833")]
    try:
        parsed = parse_meeting(cut, "s", 144, BASE)
    except ParseError as error:
        assert "agendaitemid" in str(error)
    else:
        assert parsed.items[0].item_id == 18831


def test_missing_item_id_in_xml_names_the_element():
    body = b"<meeting><meetingid>5</meetingid><meetingdate>01/02/2020</meetingdate><agendaitems><agendaitem><agendaitemtitle>X</agendaitemtitle></agendaitem></agendaitems></meeting>"
    with pytest.raises(ParseError, match="agendaitemid"):
        parse_meeting(body, "s", 1, BASE)


def test_bad_date_in_xml_names_the_field():
    for bad in (b"31/02/2020", b"next Tuesday", b"02/2020"):
        body = b"<meeting><meetingid>5</meetingid><meetingdate>" + bad + b"</meetingdate></meeting>"
        with pytest.raises(ParseError, match="meetingdate"):
            parse_meeting(body, "s", 1, BASE)


def test_get_meeting_accepts_the_date_forms_meeting_lists_do():
    for form in (b"01/02/2020", b"01/02/2020 00:00:00", b"2020-02-01T00:00:00", b"2020-02-01"):
        body = b"<meeting><meetingid>5</meetingid><meetingdate>" + form + b"</meetingdate></meeting>"
        assert parse_meeting(body, "s", 1, BASE).meeting.date.isoformat() == "2020-02-01"


@pytest.mark.parametrize(
    "body",
    [
        WAF_PAGE.encode(),
        b"",
        os.urandom(256),
        b"<html><head><title>Agenda for Cabinet</title></head><body><div class=\"em-content\"><div id=\"mgCon",
        (FIXTURES / "meetings.xml").read_bytes(),
    ],
)
def test_html_parsers_need_modgov_and_say_so_with_the_url(body):
    parsers = [
        lambda b: parse_meeting_page(b, BASE, "s", 1, 2, url=URL),
        lambda b: parse_item_page(b, BASE, "s", 2, 1, item_id=3, url=URL),
        lambda b: parse_attendance(b, url=URL),
        lambda b: parse_committee_list(b, BASE, "s", url=URL),
        lambda b: parse_meeting_list(b, BASE, "s", 1, url=URL),
    ]
    for parse in parsers:
        with pytest.raises(ParseError) as error:
            parse(body)
        assert "div#modgov" in str(error.value) and URL in str(error.value)


def test_meeting_page_without_subtitle_names_the_selector():
    with pytest.raises(ParseError, match=r"h2\.mgSubTitleTxt"):
        parse_meeting_page(b'<div id="modgov"><h1 class="mgMainTitleTxt">Agenda</h1></div>', BASE, "s", 1, 2, url=URL)


def test_meeting_page_row_without_item_id_gets_a_stable_synthetic_id():
    # This used to be an error, but real installs (table#mgItemTable at mycouncil.oxford.gov.uk) print rows
    # with neither an AI<id> anchor nor an item link: the meeting must not be lost for that.
    body = b"""<div id="modgov"><h2 class="mgSubTitleTxt">Cabinet - Monday, 9th March, 2020 10.00 am</h2>
<table class="mgItemTable"><tr><td class="mgItemNumberCell">1.</td><td><p class="mgAiTitleTxt">Orphan</p></td></tr></table></div>"""
    first = parse_meeting_page(body, BASE, "s", 1, 2, url=URL)
    again = parse_meeting_page(body, BASE, "s", 1, 2, url=URL)
    (item,) = first.items
    assert item.item_id < 0 and item.item_id == again.items[0].item_id
    assert item.title == "Orphan" and item.number == "1."
    assert item.source_url == f"{BASE}/ieListDocuments.aspx?CId=1&MId=2"
    assert first.truncated_item_ids == ()


def test_attendance_page_without_table_has_no_attendees():
    # A ModernGov page with no attendance recorded yet is not an error (it used to be one, which failed
    # every future meeting); a page that is not ModernGov at all still is.
    assert parse_attendance(b'<div id="modgov"><h1>Attendance</h1><p>No attendance recorded.</p></div>') == ()
    with pytest.raises(ParseError, match="modgov"):
        parse_attendance(b"<html><body><h1>Attendance</h1></body></html>")


def test_empty_lists_are_normal():
    body = b'<div id="modgov"><h1 class="mgMainTitleTxt">Browse meetings</h1><p>There are no meetings.</p></div>'
    assert parse_meeting_list(body, BASE, "s", 1) == []
    assert parse_committee_list(body, BASE, "s") == []
    page = b'<div id="modgov"><h2 class="mgSubTitleTxt">Council - Sunday, 5th January, 2020</h2></div>'
    parsed = parse_meeting_page(page, BASE, "s", 1, 2)
    assert parsed.items == () and parsed.meeting.date.isoformat() == "2020-01-05" and parsed.meeting.time is None


def test_unclosed_tags_still_parse_what_is_there():
    body = PAGE_WITH_ITEMS.replace(b"</td></tr></table></div></body></html>", b"")
    parsed = parse_meeting_page(body, BASE, "s", 1, 2)
    (item,) = parsed.items
    assert item.item_id == 9 and item.title == "Security" and "web firewall review" in item.agenda_text

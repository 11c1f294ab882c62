"""The sample council served on loopback, parsed through both paths: web service and HTML pages."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, time

import pytest
import requests

from scraper.parse.attendees import split_name_and_role
from scraper.parse import (
    NotWebServiceXML,
    ParseError,
    ParsedMeeting,
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
from scraper.harvest_build import Page, meeting_from_webservice
from scraper.records import site_key
from scraper.sample_site import load_dataset, serve_sample_site
from scraper.sample_site.wordhtml import expected_text

DATA = load_dataset()
# The only element names with "decision" in them that real GetMeeting answers carry (fixtures/): flags
# and dates, never text.
REAL_DECISION_FLAGS = {"isdecision", "decisionpublished", "isdecisionpublished", "decisiondate", "isdecisionattachment"}


def get(url: str) -> requests.Response:
    return requests.get(url, timeout=10)


def by_html(base: str, committee_id: int, meeting_id: int) -> ParsedMeeting:
    """The HTML path as a harvester runs it: meeting page, attendance page, mgAi for truncated items."""
    site = site_key(base)
    parsed = parse_meeting_page(
        get(f"{base}/ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}").content, base, site, committee_id, meeting_id
    )
    attendees = parse_attendance(get(f"{base}/mgMeetingAttendance.aspx?ID={meeting_id}").content)
    items = []
    for item in parsed.items:
        if item.item_id in parsed.truncated_item_ids:
            url = f"{base}/mgAi.aspx?ID={item.item_id}"
            full = parse_item_page(get(url).content, base, site, meeting_id, committee_id, url=url)
            item = dataclasses.replace(item, minutes_text=full.minutes_text)
        items.append(item)
    return dataclasses.replace(parsed, meeting=dataclasses.replace(parsed.meeting, attendees=attendees), items=tuple(items))


def by_service_alone(base: str, committee_id: int, meeting_id: int) -> ParsedMeeting:
    """``GetMeeting`` parsed on its own: no decision text (the service has none), no meeting packs."""
    url = f"{base}/mgWebService.asmx/GetMeeting?lMeetingId={meeting_id}"
    return parse_meeting(get(url).content, site_key(base), committee_id, base, url=url)


def by_webservice(base: str, committee_id: int, meeting_id: int) -> ParsedMeeting:
    """The web-service path as a harvester runs it: ``GetMeeting`` completed from the meeting page."""
    url = f"{base}/mgWebService.asmx/GetMeeting?lMeetingId={meeting_id}"
    page_url = f"{base}/ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}"
    return meeting_from_webservice(Page(get(url).content, url), base, site_key(base), committee_id,
                                   documents_page=Page(get(page_url).content, page_url))


def test_data_set_is_the_size_the_issue_asks_for():
    assert 4 <= len(DATA.committees) <= 7
    assert 30 <= len(DATA.meetings) <= 40
    assert 190 <= DATA.item_count <= 260
    assert {m.date.year for m in DATA.meetings} >= set(range(2016, 2027))
    assert sum(1 for m in DATA.meetings for i in m.items if i.hand_written) >= 35


def test_both_paths_give_equal_records_for_every_meeting():
    with serve_sample_site(waf_first=False, flaky_first=False, malformed=False, meeting_packs=False) as server:
        base = server.base_url
        compared = 0
        for meeting in DATA.meetings:
            if meeting.committee_id == 105:
                continue  # web service disabled for the Licensing Sub-Committee
            html = by_html(base, meeting.committee_id, meeting.meeting_id)
            ws = by_webservice(base, meeting.committee_id, meeting.meeting_id)
            assert ws.meeting == html.meeting, meeting.meeting_id
            assert len(ws.items) == len(html.items) == len(meeting.items)
            for from_ws, from_html in zip(ws.items, html.items):
                assert from_ws == from_html, (meeting.meeting_id, from_ws.item_id)
            assert ws.skipped_links == html.skipped_links
            compared += 1
        assert compared >= 25


def test_parsed_text_is_the_data_sets_text(site):
    base = site.base_url
    checked = 0
    for meeting in DATA.meetings:
        if meeting.committee_id == 105:
            continue
        parsed = by_webservice(base, meeting.committee_id, meeting.meeting_id)
        for data, item in zip(meeting.items, parsed.items):
            assert item.item_id == data.item_id and item.number == data.number and item.title == data.title
            if data.restricted or data.raw_minutes is not None:
                continue
            assert item.agenda_text == expected_text(data.agenda)
            assert item.minutes_text == expected_text(data.minutes)
            assert item.decision_text == expected_text(data.decision)
            checked += 1
    assert checked > 150


def test_decisions_come_from_the_meeting_page_not_an_invented_service_field(site):
    """The web service has no decision text (GUIDE.md §3, §7.3): the sample service sends none, so
    the decisions in the archive can only have come from merging the meeting page by item id."""
    base = site.base_url
    decided = [(m, i) for m in DATA.meetings for i in m.items if i.decision and not i.restricted and m.committee_id != 105]
    assert len(decided) >= 5
    for meeting in {m.meeting_id: m for m, _ in decided}.values():
        body = get(f"{base}/mgWebService.asmx/GetMeeting?lMeetingId={meeting.meeting_id}").content
        names = {name.decode() for name in re.findall(rb"<([a-zA-Z]+)[ >]", body)}
        assert {n for n in names if "decision" in n.lower()} <= REAL_DECISION_FLAGS, names
    for meeting, data in decided:
        alone = {i.item_id: i for i in by_service_alone(base, meeting.committee_id, meeting.meeting_id).items}
        merged = {i.item_id: i for i in by_webservice(base, meeting.committee_id, meeting.meeting_id).items}
        assert alone[data.item_id].decision_text == ""
        assert merged[data.item_id].decision_text == expected_text(data.decision) != ""
        assert merged[data.item_id].minutes_text == alone[data.item_id].minutes_text  # the service's own text wins


def test_seed_item_is_served_verbatim_and_parses_clean(site):
    meeting = next(m for m in DATA.meetings if m.date == date(2019, 10, 3))
    ws = by_webservice(site.base_url, meeting.committee_id, meeting.meeting_id)
    item = next(i for i in ws.items if i.title == "Presentation on the Prevent Programme")
    assert item.agenda_text.startswith("The Committee will receive an overall update on the anti-terror Prevent programme.")
    text = item.minutes_text
    assert text.startswith("Daxa Pancholi, the Head of Community Safety and Protection, Sean Abruthnot")
    assert text.endswith("AGREED:\n\nthat the presentation and comments from Members be noted.")
    assert "• In response to a question about referrals from schools, Members heard" in text
    assert "\u00a0" not in text and "\u00b7" not in text and "  " not in text
    assert "St Philip\u2019s Centre from 6 \u2013 9 pm" in text
    # The meeting page truncates it; mgAi.aspx has it all.
    page = parse_meeting_page(
        get(f"{site.base_url}/ieListDocuments.aspx?CId=103&MId={meeting.meeting_id}").content,
        site.base_url, "s", 103, meeting.meeting_id,
    )
    assert item.item_id in page.truncated_item_ids
    short = next(i for i in page.items if i.item_id == item.item_id).minutes_text
    assert text.startswith(short) and len(short) < len(text) and "view the full minutes" not in short
    full = parse_item_page(get(f"{site.base_url}/mgAi.aspx?ID={item.item_id}").content, site.base_url, "s", meeting.meeting_id, 103, item_id=item.item_id)
    assert full.minutes_text == text and full.number == "4." and full.title == item.title


def test_restricted_item_keeps_title_only_even_when_the_xml_leaks_text(site):
    meeting, leaked = next((m, i) for m in DATA.meetings for i in m.items if "leak" in i.flags)
    body = get(f"{site.base_url}/mgWebService.asmx/GetMeeting?lMeetingId={meeting.meeting_id}").content
    assert b"CONFIDENTIAL" in body  # the server really sends it
    item = next(i for i in by_webservice(site.base_url, meeting.committee_id, meeting.meeting_id).items if i.item_id == leaked.item_id)
    assert item.restricted and item.title == "Disposal of Land at Quayside"
    assert item.minutes_text == item.agenda_text == item.decision_text == "" and item.documents == ()
    html_item = next(i for i in by_html(site.base_url, meeting.committee_id, meeting.meeting_id).items if i.item_id == leaked.item_id)
    assert html_item == item


def test_non_http_document_links_are_skipped_and_reported_by_both_paths(site):
    meeting = next(m for m in DATA.meetings if any("javascript" in d.flags for i in m.items for d in i.documents))
    for parsed in (by_webservice(site.base_url, meeting.committee_id, meeting.meeting_id),
                   by_html(site.base_url, meeting.committee_id, meeting.meeting_id)):
        assert len(parsed.skipped_links) == 1 and parsed.skipped_links[0].startswith("javascript:")
        assert all(d.url.startswith("http://") for i in parsed.items for d in i.documents)


def test_private_host_document_url_is_rebased_onto_the_site(site):
    meeting = next(m for m in DATA.meetings if any("private_host" in d.flags for i in m.items for d in i.documents))
    body = get(f"{site.base_url}/mgWebService.asmx/GetMeeting?lMeetingId={meeting.meeting_id}").content
    assert b"http://mgsrv01:9071/" in body
    urls = [d.url for i in by_webservice(site.base_url, meeting.committee_id, meeting.meeting_id).items for d in i.documents]
    assert urls and all(url.startswith(site.base_url + "/documents/s") for url in urls)
    assert get(urls[-1]).content.startswith(b"%PDF-1.4")


def test_planted_markup_is_kept_as_text(site):
    meeting = next(m for m in DATA.meetings if any("script" in i.flags for i in m.items))
    item = next(i for i in by_webservice(site.base_url, meeting.committee_id, meeting.meeting_id).items if "Petitions" in i.title)
    assert "<script>alert(1)</script>" in item.minutes_text and "<img src=x onerror=alert(1)>" in item.minutes_text


def test_double_escaped_entities_are_decoded(site):
    meeting = next(m for m in DATA.meetings if any("double_escape" in i.flags for i in m.items))
    body = get(f"{site.base_url}/mgWebService.asmx/GetMeeting?lMeetingId={meeting.meeting_id}").content
    assert b"&amp;amp;#39;" in body
    item = next(i for i in by_webservice(site.base_url, meeting.committee_id, meeting.meeting_id).items if "Public" in i.title)
    assert "Council's own tree planting" in item.minutes_text and "&#" not in item.minutes_text


def test_sub_items_keep_their_printed_numbers(site):
    meeting = next(m for m in DATA.meetings if m.committee_id == 101 and m.date == date(2023, 5, 17))
    numbers = [i.number for i in by_html(site.base_url, 101, meeting.meeting_id).items]
    assert numbers == [i.number for i in meeting.items]
    heading = next(n for n, following in zip(numbers, numbers[1:]) if following[-1] == "a")
    assert {heading, heading[:-1] + "a", heading[:-1] + "b", heading[:-1] + "c"} <= set(numbers)
    planning = next(m for m in DATA.meetings if m.committee_id == 104 and m.date == date(2021, 11, 3))
    subs = [n for n in (i.number for i in by_webservice(site.base_url, 104, planning.meeting_id).items) if n[-1].isalpha()]
    assert len(subs) == 3 and [n[-1] for n in subs] == ["a", "b", "c"] and len({n[:-1] for n in subs}) == 1


def test_cancelled_meeting_and_weekend_hyphenated_subtitle(site):
    cancelled = next(m for m in DATA.meetings if m.cancelled)
    html = by_html(site.base_url, cancelled.committee_id, cancelled.meeting_id)
    assert html.meeting.status == "Cancelled" and html.items == ()
    assert html.meeting == by_webservice(site.base_url, cancelled.committee_id, cancelled.meeting_id).meeting
    saturday = next(m for m in DATA.meetings if m.committee_id == 105 and m.date == date(2018, 4, 14))
    parsed = by_html(site.base_url, 105, saturday.meeting_id)
    assert (parsed.meeting.date, parsed.meeting.time) == (date(2018, 4, 14), time(10, 0))
    assert parsed.meeting.venue == "Committee Room 2, Civic Centre, Harbour Road, Eastmere"
    assert any("Salt House" in i.title and "RESOLVED" in i.minutes_text for i in parsed.items)


def test_attendance_keeps_roles_and_never_contact_details(site):
    meeting = next(m for m in DATA.meetings if m.committee_id == 103 and m.date == date(2019, 10, 3))
    attendees = parse_attendance(get(f"{site.base_url}/mgMeetingAttendance.aspx?ID={meeting.meeting_id}").content)
    published = [split_name_and_role(a.name, a.role) for a in meeting.attendees]
    assert [(a.name, a.role) for a in attendees] == published
    chair = attendees[0]
    assert chair.role == "Chair" and chair.attendance in ("Present", "Apologies") and chair.member_id is not None
    officers = [a for a, source in zip(attendees, meeting.attendees) if source.role == "Officer"]
    assert officers and all(a.member_id is None and a.attendance == "In attendance" for a in officers)
    assert all("(" not in a.name for a in officers), "job titles are moved out of officers' names"
    for member in DATA.members:
        for attendee in attendees:
            assert member.phone not in repr(attendee) and member.home_address not in repr(attendee)


def test_committees_and_meeting_lists_agree_between_paths(site):
    base, key = site.base_url, site_key(site.base_url)
    ws = parse_committees(get(f"{base}/mgWebService.asmx/GetCommittees").content, key)
    html = parse_committee_list(get(f"{base}/mgListCommittees.aspx?bcr=1").content, base, key)
    assert sorted(ws, key=lambda c: c.committee_id) == sorted(html, key=lambda c: c.committee_id)
    assert [c.title for c in ws][:3] == ["Council", "Cabinet", "Overview Select Committee"]
    overview = parse_meetings(
        get(f"{base}/mgWebService.asmx/GetMeetings?lCommitteeId=103&sFromDate=01/01/2020&sToDate=31/12/2020").content,
        key, base_url=base,
    )
    listed = parse_meeting_list(get(f"{base}/ieListMeetings.aspx?CId=103&Year=2020").content, base, key, 103)
    assert [(m.meeting_id, m.date, m.time, m.status) for m in overview] == [(m.meeting_id, m.date, m.time, m.status) for m in listed]
    assert [m.status for m in listed] == ["Cancelled", "Confirmed"]


def test_iso_dates_are_silently_ignored_like_the_real_service(site):
    url = f"{site.base_url}/mgWebService.asmx/GetMeetings?lCommitteeId=103&sFromDate=2020-01-01&sToDate=2020-12-31"
    assert len(parse_meetings(get(url).content, "s")) == len(DATA.meetings_of(103))
    assert get(f"{site.base_url}/mgWebService.asmx/GetMeetings?lCommitteeId=103&sFromDate=01/01/2020").status_code == 500


def test_web_service_disabled_committee_needs_the_html_path(site):
    response = get(f"{site.base_url}/mgWebService.asmx/GetMeetings?lCommitteeId=105&sFromDate=01/01/2016&sToDate=31/12/2026")
    assert response.status_code == 200
    with pytest.raises(NotWebServiceXML):
        parse_meetings(response.content, "s")
    assert len(parse_meeting_list(get(f"{site.base_url}/ieListMeetings.aspx?CId=105&Year=2018").content, site.base_url, "s", 105)) == 1


def test_meeting_packs_are_meeting_documents(site):
    meeting = next(m for m in DATA.meetings if m.committee_id == 103 and m.date == date(2019, 10, 3))
    html = by_html(site.base_url, 103, meeting.meeting_id)
    titles = [d.title for d in html.meeting.documents]
    assert titles == ["Agenda frontsheet", "Printed minutes"]
    assert html.meeting.documents[0].url.endswith("?T=0") and "%20" in html.meeting.documents[0].url


def test_failure_variants_waf_503_malformed_and_robots():
    with serve_sample_site(prefix="/moderngov", retry_after=0) as server:
        base = server.base_url
        robots = get(f"{server.root_url}/robots.txt").text
        assert "Disallow: /moderngov/mgUserInfo.aspx" in robots
        first = get(f"{base}/mgWebService.asmx/GetCommittees")
        assert first.status_code == 503 and first.headers["Retry-After"] == "0"
        assert get(f"{base}/mgWebService.asmx/GetCommittees").status_code == 200
        waf_meeting = next(m for m in DATA.meetings if "waf_first" in m.flags)
        url = f"{base}/mgWebService.asmx/GetMeeting?lMeetingId={waf_meeting.meeting_id}"
        challenged = get(url)
        assert challenged.status_code == 200 and detect_challenge(challenged.content, challenged.headers["Content-Type"])
        with pytest.raises(NotWebServiceXML):
            parse_meeting(challenged.content, "s", waf_meeting.committee_id, base)
        assert parse_meeting(get(url).content, "s", waf_meeting.committee_id, base).items
        broken = next(m for m in DATA.meetings if "malformed_page" in m.flags)
        page_url = f"{base}/ieListDocuments.aspx?CId={broken.committee_id}&MId={broken.meeting_id}"
        with pytest.raises(ParseError, match="div#modgov"):
            parse_meeting_page(get(page_url).content, base, "s", broken.committee_id, broken.meeting_id, url=page_url)
        assert get(f"{base}/ieListDocuments.aspx?CId=1&MId=999999", ).url.endswith("/moderngov/mgError.aspx")
        logged = server.requested("GetCommittees")
        assert [status for _, _, status in logged] == [503, 200]


def test_whole_site_modes():
    with serve_sample_site(whole_site_down=True) as down:
        assert get(f"{down.base_url}/mgWebService.asmx/GetCommittees").status_code == 503
    with serve_sample_site(not_moderngov=True) as other:
        assert get(f"{other.base_url}/mgWebService.asmx/GetCommittees").status_code == 404
        with pytest.raises(ParseError):
            parse_committee_list(get(f"{other.base_url}/").content, other.base_url, "s")
    with serve_sample_site(waf=True) as blocked:
        response = get(f"{blocked.base_url}/ieDocHome.aspx")
        assert response.status_code == 200 and "Incapsula" in detect_challenge(response.content, "text/html")


def test_a_taken_port_is_an_oserror_not_a_process_exit(site):
    with pytest.raises(OSError, match="in use"):
        serve_sample_site(port=site.port)

"""The nine real ModernGov fixtures (Manchester XML, Kirklees HTML) parse to the records they hold."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from scraper.parse import (
    NotWebServiceXML,
    ParseError,
    parse_committees,
    parse_decision_detail,
    parse_decision_list,
    parse_meeting,
    parse_meetings,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "moderngov"
MANCHESTER = "https://democracy.manchester.gov.uk"
KIRKLEES = "https://democracy.kirklees.gov.uk"
SITE = "democracy.manchester.gov.uk"


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_committees_keep_flags_and_categories():
    committees = parse_committees(read("committees.xml"), SITE)
    assert [c.committee_id for c in committees] == [312, 163, 144]
    expired = committees[0]
    assert expired.title == "Appointment Sub Committee for Director of Adult Social Services"
    assert expired.expired is True and expired.deleted is False
    assert committees[2].title == "Audit Committee" and committees[2].expired is False
    assert {c.category for c in committees} == {"Governance and Decision Making Committees"}
    assert committees[2].key == f"{SITE}/committee/144"


def test_meetings_read_dd_mm_yyyy_dates_times_and_status():
    meetings = parse_meetings(read("meetings.xml"), SITE, base_url=MANCHESTER)
    assert [(m.meeting_id, m.committee_id) for m in meetings] == [(4966, 144), (4967, 144)]
    cancelled, confirmed = meetings
    assert cancelled.date == date(2026, 1, 13) and cancelled.time == time(10, 0)
    assert cancelled.status == "Cancelled" and cancelled.cancelled
    assert confirmed.date == date(2026, 2, 10) and confirmed.status == "Confirmed"
    assert confirmed.source_url == f"{MANCHESTER}/ieListDocuments.aspx?CId=144&MId=4967"


def test_meeting_with_minutes_items_numbers_text_documents_attendees():
    parsed = parse_meeting(read("meeting_with_minutes.xml"), SITE, 144, MANCHESTER)
    meeting = parsed.meeting
    assert meeting.meeting_id == 4967 and meeting.committee_id == 144
    assert meeting.venue == "Council Antechamber, Level 2, Town Hall Extension"
    assert meeting.date == date(2026, 2, 10) and meeting.time == time(10, 0)
    first, work = parsed.items
    # The printed number, not the internal agendaitemnumber (4 and 12).
    assert (first.number, work.number) == ("1.", "9.")
    assert (first.position, work.position) == (0, 1)
    assert first.item_id == 18831 and first.title == "Minutes"
    # Hard-wrapped Word text is unwrapped into one clean paragraph.
    assert first.agenda_text == "To approve as a correct record the minutes of the meeting held on 25 November 2025."
    assert first.minutes_text == "To approve the minutes of the meeting held on 25 November 2025 as a correct record."
    assert work.minutes_text.startswith("The Committee considered a report of the Governance and Scrutiny Support Unit")
    assert "\n" not in work.minutes_text and "<" not in work.minutes_text
    assert first.source_url == f"{MANCHESTER}/mgAi.aspx?ID=18831"
    (document,) = first.documents
    assert document.attachment_id == 60860
    assert document.url == f"{MANCHESTER}/mgConvert2PDF.aspx?ID=60860"
    assert document.title == "6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025"
    assert document.published == date(2026, 2, 2)
    (attendee,) = meeting.attendees
    assert attendee.name == "Councillor Basil Curley" and attendee.member_id == 192
    assert (attendee.role, attendee.attendance) == ("Committee Member", "Expected")
    assert (attendee.party, attendee.ward) == ("LAB", "Charlestown")
    assert parsed.skipped_links == ()


def test_cancelled_meeting_has_no_items_and_keeps_only_public_attendee_facts():
    parsed = parse_meeting(read("meeting_no_minutes.xml"), SITE, 144, MANCHESTER)
    assert parsed.items == ()
    assert parsed.meeting.cancelled
    (attendee,) = parsed.meeting.attendees
    assert attendee.name == "Councillor Basil Curley"
    # Photos, key posts and URLs are not part of the record at all.
    assert set(vars(attendee)) == {"name", "role", "attendance", "member_id", "party", "ward"}


def test_decision_detail_with_documents():
    detail = parse_decision_detail(read("modgov_decision_detail.html"), KIRKLEES)
    assert detail.title == "Minutes of Previous Meeting"
    assert detail.decision_text == (
        "The Minutes of the Policy Committee meeting on 23 September 2015 were approved as a correct record."
    )
    assert detail.status == "Recommendations Approved"
    assert detail.is_key_decision is False and detail.subject_to_call_in is False
    assert detail.published == date(2015, 10, 22) and detail.decided == date(2015, 10, 19)
    assert (detail.meeting_id, detail.committee_id, detail.issue_id) == (4832, 151, 6535)
    assert detail.decision_maker == "Policy Committee"
    (document,) = detail.documents
    # mgFileSize ("PDF 119 KB") is gone from the title; the literal spaces in the href are quoted.
    assert document.title == "polc2 - 23.09.2015"
    assert document.url == f"{KIRKLEES}/documents/s7942/polc2%20-%2023.09.2015.pdf"
    assert document.attachment_id == 7942


def test_decision_detail_without_documents_has_purpose_and_maker():
    detail = parse_decision_detail(read("modgov_decision_detail_no_documents.html"), KIRKLEES)
    assert detail.title == (
        "To enable the Council's waste treatment contractor to consult on alternative processing arrangements"
    )
    assert detail.purpose_text == "To seek approval for alternative processing arrangements."
    assert detail.decision_text.startswith("That approval be given to enable the contractor")
    assert detail.decision_maker == "Strategic Director for Environment"
    assert detail.is_key_decision is True and detail.subject_to_call_in is True
    assert detail.documents == ()
    assert detail.decided == date(2026, 8, 4)


def test_decision_multi_paragraph_drops_nbsp_spacer_and_keeps_paragraphs():
    detail = parse_decision_detail(read("modgov_decision_multi_paragraph.html"), KIRKLEES)
    assert detail.decision_maker == "Service Director - Homes & Neighbourhoods"
    assert detail.decision_text == (
        "The demolition of the existing tower blocks has been approved to support the regeneration of Berry Brow."
        "\n\nThis decision was authorised by the Cabinet at its meeting on Tuesday, 27 July 2021."
    )


def test_decisions_list_skips_issue_rows_and_hidden_refs():
    decisions = parse_decision_list(read("modgov_decisions_list.html"), KIRKLEES)
    assert [d.decision_id for d in decisions] == [13567, 13149]
    first = decisions[0]
    assert first.title.endswith("Railway Street, Huddersfield")
    assert "ref" not in first.title and "(NRIL)" in first.title
    assert first.published == date(2025, 4, 1) and first.effective == date(2025, 4, 1)
    assert first.call_in == "Not for call-in"
    assert first.url == f"{KIRKLEES}/ieDecisionDetails.aspx?ID=13567"


def test_officer_decisions_list_has_title_and_date_only():
    (decision,) = parse_decision_list(read("modgov_officer_decisions_list.html"), KIRKLEES)
    assert decision.decision_id == 13149 and decision.title == "Admission of the Public"
    assert decision.published == date(2025, 11, 3)
    assert decision.effective is None and decision.call_in is None


@pytest.mark.parametrize("name", ["committees.xml", "meetings.xml", "meeting_with_minutes.xml"])
def test_an_xml_answer_of_the_wrong_operation_is_refused(name):
    parsers = {
        "committees.xml": lambda body: parse_meetings(body, SITE),
        "meetings.xml": lambda body: parse_meeting(body, SITE, 1, MANCHESTER),
        "meeting_with_minutes.xml": lambda body: parse_committees(body, SITE),
    }
    with pytest.raises(NotWebServiceXML) as error:
        parsers[name](read(name))
    assert "expected web-service root" in str(error.value)


def test_decision_html_is_not_web_service_xml():
    with pytest.raises(NotWebServiceXML):
        parse_meeting(read("modgov_decision_detail.html"), SITE, 1, MANCHESTER, url=f"{MANCHESTER}/x")


def test_decision_detail_needs_modgov():
    with pytest.raises(ParseError, match="div#modgov"):
        parse_decision_detail(read("committees.xml"), KIRKLEES, url=f"{KIRKLEES}/ieDecisionDetails.aspx?ID=1")

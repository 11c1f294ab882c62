"""Quirks of real ModernGov markup, each reproduced in a small hand-written page (see fixtures/README.md).

Every test names where the structure was seen. The pages are invented; only their shape is real.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from scraper.parse import (
    NotWebServiceXML,
    parse_attendance,
    parse_committee_list,
    parse_committees,
    parse_item_page,
    parse_meeting,
    parse_meeting_list,
    parse_meeting_page,
    parse_meetings,
)
from scraper.parse.encoding import decode_body

FIXTURES = Path(__file__).parent / "fixtures"
BASE = "https://democracy.example.gov.uk"


def page(content: str, *, subtitle: str = "Cabinet - Monday, 9th March, 2020 10.00 am", title: str = "Agenda") -> bytes:
    """A minimal meeting page around ``content`` (the inside of ``div.mgContent``)."""
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><div id="modgov">'
        f'<div class="mgHeader"><h1 class="mgMainTitleTxt">Agenda and minutes</h1></div>'
        f'<div class="mgSubTitle"><h2 class="mgSubTitleTxt">{subtitle}</h2></div>'
        f'<div class="mgContent">{content}</div></div></body></html>'
    ).encode("utf-8")


def one_row(cell: str, number: str = "4.", anchor: str = '<a name="AI77"></a>') -> bytes:
    return page(
        f'<table class="mgItemTable"><tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt">{anchor}{number}</p></td>'
        f"<td>{cell}</td></tr></table>"
    )


def only_item(body: bytes):
    parsed = parse_meeting_page(body, BASE, "s", 1, 2)
    (item,) = parsed.items
    return item


# --- the "Modern Council" template (moderngov.kingston.gov.uk structure) --------------------------------


def test_modern_council_template_meeting_page():
    parsed = parse_meeting_page((FIXTURES / "meeting_bulma_template.html").read_bytes(), BASE, "s", 311, 4410)
    meeting = parsed.meeting
    # Subtitle inside a committee link, no comma or ordinal, "7:30 pm".
    assert (meeting.date, meeting.time, meeting.status) == (date(2026, 1, 15), time(19, 30), "Confirmed")
    # "View directions" (mgLocationDetails.aspx) is not part of the venue.
    assert meeting.venue == "Quay House, Harbourside"
    # Packs in .mgLinks, and a mgChooseDocPack supplement that ModernGov labels with a file size; the
    # plain "Agenda reports pack" chooser (no size) is a page, not a document.
    assert [d.title for d in meeting.documents] == [
        "Agenda frontsheet", "Supplement: Agenda Item 8 - Tidal Defences Slides", "Printed minutes"]
    assert [(i.item_id, i.number, i.title) for i in parsed.items] == [
        (8801, "41.", "Apologies for Absence"), (8802, "42.", "Tidal Defences Programme"), (8803, "43.", "Urgent Items")]
    apologies, tidal, urgent = parsed.items
    assert apologies.minutes_text == "Apologies were received from Councillors Dana Quillfeather and Owen Marsh."
    assert apologies.agenda_text == "" and apologies.documents == ()
    # "Additional documents:" then "Decision:" then "Minutes:", each block to its own heading.
    assert tidal.agenda_text == "To consider the programme of repairs to the harbour wall."
    assert tidal.decision_text == (
        "RESOLVED that:\n\n1. the first phase of repairs be approved; and\n\n2. a progress report come back in six months.")
    assert [d.title for d in tidal.documents] == ["Tidal Defences Programme", "Annex 1 - Wall Survey"]
    # Truncated minutes: "&nbsp;...&nbsp;" and the link are gone; the recorded-vote table and the stray
    # "View Recorded Vote" list item after the minutes are furniture, not minutes.
    assert tidal.minutes_text == (
        "The Committee considered a report on the harbour wall.\n\n"
        "Members asked about the cost of the second phase and the timing of the works")
    assert parsed.truncated_item_ids == (8802,)
    assert urgent.minutes_text == "There were no urgent items."
    assert parsed.skipped_links == ()


def test_cancelled_meeting_marked_at_the_end_of_the_subtitle():
    parsed = parse_meeting_page((FIXTURES / "meeting_cancelled_bulma.html").read_bytes(), BASE, "s", 311, 4409)
    assert parsed.meeting.status == "Cancelled"
    assert (parsed.meeting.date, parsed.meeting.time) == (date(2025, 12, 4), time(19, 30))
    assert parsed.meeting.venue == "Quay House, Harbourside"  # "Proposed venue:"
    assert parsed.items == () and parsed.meeting.documents == ()


# --- table#mgItemTable without ids (mycouncil.oxford.gov.uk structure) ----------------------------------


def test_id_only_item_table_unclassed_number_cells_and_rows_without_ids():
    body = (FIXTURES / "meeting_id_table_no_ids.html").read_bytes()
    assert b"\x96" in body  # windows-1252 en dash under an iso-8859-1 label, as browsers read it
    parsed = parse_meeting_page(body, BASE, "s", 40, 900)
    first, second = parsed.items
    assert (first.number, first.title) == ("5.", "Minutes of the previous meeting")  # "PDF 154 KB" dropped
    assert (second.number, second.title) == ("6.", "26/00123/FUL: Old Mill, Mill Lane")
    assert first.item_id < 0 and second.item_id < 0 and first.item_id != second.item_id
    assert parse_meeting_page(body, BASE, "s", 40, 900).items == parsed.items  # stable across parses
    assert first.agenda_text == "To approve the minutes of the meeting held on 22 April 2026."
    assert second.agenda_text == (
        "Site address: Old Mill, Mill Lane\n\nProposal: Conversion of the mill to six flats \u2013 with parking.\n\n"
        "RECOMMENDATION\n\nThe Committee is recommended to approve the application.")
    assert [d.attachment_id for d in second.documents] == [70012]
    assert parsed.meeting.venue == "Council Chamber, Civic Hall"


# --- item blocks ------------------------------------------------------------------------------------


def test_minutes_outside_mg_word_para_as_paragraphs_bare_text_and_br():
    item = only_item(one_row(
        '<p class="mgAiTitleTxt">Budget</p><div class="mgWordPara"><p>To set the budget.</p></div>'
        '<p class="mgSubItemTitleTxt">Minutes:</p>'
        "The Cabinet considered the budget.<br>Councillor Reed moved the recommendations.<br><br>"
        "<p>RESOLVED that the budget be approved.</p>"
    ))
    assert item.agenda_text == "To set the budget."
    assert item.minutes_text == (
        "The Cabinet considered the budget.\n\nCouncillor Reed moved the recommendations.\n\n"
        "RESOLVED that the budget be approved.")


@pytest.mark.parametrize(
    "heading",
    [
        '<p class="mgSubItemTitleTxt">Minutes:</p>',
        '<h3 class="mgSubSubTitleTxt">Minutes:</h3>',
        "<p><strong>Minutes:</strong></p>",
        "<p><b>Minutes</b></p>",
        "<strong>Minutes:</strong>",
        '<p class="mgSubItemTitleTxt">Cofnodion:</p>',  # Welsh-language installs
        '<p class="mgSubItemTitleTxt">MINUTES:</p>',
    ],
)
def test_minutes_heading_variants(heading):
    item = only_item(one_row(
        f'<p class="mgAiTitleTxt">Budget</p><div class="mgWordPara"><p>To set the budget.</p></div>'
        f'{heading}<div class="mgWordPara"><p>The budget was approved.</p></div>'
    ))
    assert (item.agenda_text, item.minutes_text) == ("To set the budget.", "The budget was approved.")


def test_welsh_decision_and_documents_headings():
    item = only_item(one_row(
        '<p class="mgAiTitleTxt">Cyllideb</p>'
        '<p class="mgSubItemTitleTxt">Dogfennau ategol:</p>'
        '<ul class="mgBulletList"><li><a href="documents/s5/Atodiad.pdf">Atodiad A</a></li></ul>'
        '<p class="mgSubItemTitleTxt">Penderfyniad:</p><div class="mgWordPara"><p>PENDERFYNWYD cymeradwyo.</p></div>'
        '<p class="mgSubItemTitleTxt">Cofnodion:</p><div class="mgWordPara"><p>Trafodwyd y gyllideb.</p></div>'
    ))
    assert item.decision_text == "PENDERFYNWYD cymeradwyo."
    assert item.minutes_text == "Trafodwyd y gyllideb."
    assert [d.title for d in item.documents] == ["Atodiad A"]


def test_title_without_link_class_or_number_cell():
    # No mgAiTitleTxt at all: the title is the item link; the number is printed inside the title.
    body = page(
        '<table class="mgItemTable"><tr><td><strong><a href="mgAi.aspx?ID=312">7. Air Quality Plan</a></strong>'
        '<div class="mgWordPara"><p>To agree the plan.</p></div></td></tr></table>'
    )
    item = only_item(body)
    assert (item.item_id, item.number, item.title, item.agenda_text) == (312, "7.", "Air Quality Plan", "To agree the plan.")


def test_sub_item_table_nested_in_its_parent_row():
    body = page(
        '<table class="mgItemTable"><tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt"><a name="AI10"></a>3.</p></td>'
        '<td><p class="mgAiTitleTxt">Petitions</p><div class="mgWordPara"><p>Petitions received.</p></div>'
        '<table class="mgItemTable"><tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt"><a name="AI11"></a>3a</p></td>'
        '<td><p class="mgAiTitleTxt">Petition about parking</p><p class="mgSubItemTitleTxt">Minutes:</p>'
        '<div class="mgWordPara"><p>The petition was noted.</p></div></td></tr></table>'
        "</td></tr></table>"
    )
    parent, child = parse_meeting_page(body, BASE, "s", 1, 2).items
    assert (parent.item_id, parent.number, parent.agenda_text, parent.minutes_text) == (10, "3.", "Petitions received.", "")
    assert (child.item_id, child.number, child.title, child.minutes_text) == (
        11, "3a", "Petition about parking", "The petition was noted.")


def test_tables_and_numbered_lists_inside_minutes_stay_readable():
    item = only_item(one_row(
        '<p class="mgAiTitleTxt">Votes</p><p class="mgSubItemTitleTxt">Minutes:</p><div class="mgWordPara">'
        "<p>The votes were:</p><table><tr><td><p>Councillor Reed</p></td><td>For</td></tr>"
        "<tr><td>Councillor Ode</td><td>Against</td></tr></table>"
        '<ol type="a"><li>that the report be noted;</li><li>that officers report back.</li></ol></div>'
    ))
    assert item.minutes_text == (
        "The votes were:\n\nCouncillor Reed | For\nCouncillor Ode | Against\n\n"
        "a. that the report be noted;\nb. that officers report back.")


def test_nbsp_heavy_word_html_with_hidden_and_conditional_markup():
    item = only_item(one_row(
        '<p class="mgAiTitleTxt">Word</p><p class="mgSubItemTitleTxt">Minutes:</p><div class="mgWordPara">'
        '<div class="WordSection1"><p class="MsoNormal">&nbsp;&nbsp;<span style="mso-spacerun:yes">&nbsp;</span>'
        "Councillor&nbsp;Reed&nbsp;&nbsp;spoke.<o:p>&nbsp;</o:p></p>"
        '<p class="MsoNormal"><span style="display:none">hidden bookmark</span>&nbsp;</p>'
        '<p class="MsoListParagraph"><!--[if !supportLists]--><span style="font-family:Symbol">\u00b7'
        '<span style="font:7.0pt">&nbsp;&nbsp;&nbsp;</span></span><!--[endif]-->A bullet.</p></div></div>'
    ))
    assert item.minutes_text == "Councillor Reed spoke.\n\n• A bullet."


# --- subtitles, times and statuses -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("subtitle", "expected_date", "expected_time"),
    [
        ("Council - Wednesday, 2nd October, 2019 10.10 am", date(2019, 10, 2), time(10, 10)),
        ("Council - Thursday 15 January 2026 7:30 pm", date(2026, 1, 15), time(19, 30)),
        ("Planning Sub-Committee - Saturday, 5th March, 2022 2:00pm", date(2022, 3, 5), time(14, 0)),
        ("Cabinet - Monday, 1st June, 2020 Noon", date(2020, 6, 1), time(12, 0)),
        ("Cabinet - Monday, 1st June, 2020 12 noon", date(2020, 6, 1), time(12, 0)),
        ("Cabinet - Monday, 1st June, 2020 7.00 pm", date(2020, 6, 1), time(19, 0)),
        ("Council - Tuesday, 3rd March, 2020", date(2020, 3, 3), None),
        ("Council - Tuesday, 3rd March, 2020 Rising of Cabinet", date(2020, 3, 3), None),
        ("Cyngor - Dydd Iau, 15fed Ionawr, 2026 2.00 yp", date(2026, 1, 15), time(14, 0)),
        ("Pwyllgor Cynllunio - Dydd Mercher, 1af Gorffennaf, 2026 10.00 yb", date(2026, 7, 1), time(10, 0)),
        ("Council - 03/02/2026 10.00am", date(2026, 2, 3), time(10, 0)),
    ],
)
def test_subtitle_dates_and_times(subtitle, expected_date, expected_time):
    meeting = parse_meeting_page(page("", subtitle=subtitle), BASE, "s", 1, 2).meeting
    assert (meeting.date, meeting.time) == (expected_date, expected_time)


@pytest.mark.parametrize(
    ("subtitle", "title", "content", "expected"),
    [
        ("Cabinet - Monday, 9th March, 2020 10.00 am", "Agenda - CANCELLED", "", "Cancelled"),
        ("Cabinet - Monday, 9th March, 2020 10.00 am, Cancelled", "Agenda", "", "Cancelled"),
        ("Cabinet - Monday, 9th March, 2020 10.00 am POSTPONED", "Agenda", "", "Postponed"),
        ("Cabinet - Monday, 9th March, 2020 10.00 am", "Agenda", "<p><strong>This meeting has been cancelled.</strong></p>", "Cancelled"),
        ("Cabinet - Monday, 9th March, 2020 10.00 am, WEDI'I GANSLO", "Agenda", "", "Cancelled"),
        ("Moved Items Committee - Monday, 9th March, 2020 10.00 am", "Agenda", "", "Confirmed"),
        ("Cabinet - Monday, 9th March, 2020 10.00 am", "Agenda", "<p>The cancelled contract was discussed.</p>", "Confirmed"),
    ],
)
def test_meeting_status_markers(subtitle, title, content, expected):
    assert parse_meeting_page(page(content, subtitle=subtitle, title=title), BASE, "s", 1, 2).meeting.status == expected


def test_date_from_page_title_when_the_subtitle_has_none():
    body = page("", subtitle="Cabinet", title="Agenda for Cabinet on Thursday 15 January 2026, 7:30 pm")
    meeting = parse_meeting_page(body, BASE, "s", 1, 2).meeting
    assert (meeting.date, meeting.time) == (date(2026, 1, 15), time(19, 30))


# --- meeting lists ----------------------------------------------------------------------------------


def _meetings(listing: str, committee_id: int = 711):
    body = f'<div id="modgov"><div class="mgContent">{listing}</div></div>'.encode()
    return {m.meeting_id: (m.date, m.time, m.status) for m in parse_meeting_list(body, BASE, "s", committee_id)}


def test_meeting_list_modern_council_layout():
    # ul.mgNonBulletTableList > li > a.mgMeetingTableLnk, "15 Jun 2026&nbsp;7&#58;30 pm" and a status or
    # the published documents after the link (moderngov.kingston.gov.uk structure).
    listing = (
        '<ul class="mgNonBulletTableList"><li class="mgTableEvenRow"><a class="mgMeetingTableLnk" '
        'href="ieListDocuments.aspx?CId=711&amp;MId=10337&amp;Ver=4" title="Link&#32;to&#32;meeting">15 Jun 2026&nbsp;7&#58;30 pm</a></li>'
        '<li class="mgTableOddRow"><a class="mgMeetingTableLnk" href="ieListDocuments.aspx?CId=711&amp;MId=10221&amp;Ver=4">'
        "15 Jan 2026&nbsp;7&#58;30 pm</a> - Agenda, Decisions, Minutes</li>"
        '<li class="mgTableEvenRow"><a class="mgMeetingTableLnk" href="ieListDocuments.aspx?CId=711&amp;MId=10161&amp;Ver=4">'
        "4 Dec 2025&nbsp;7&#58;30 pm</a> - CANCELLED</li></ul>"
        '<a class="mgTableNextLnk" href="ieListMeetings.aspx?Act=earlier&amp;CId=711&amp;D=202409051930">Earlier meetings</a>'
    )
    assert _meetings(listing) == {
        10337: (date(2026, 6, 15), time(19, 30), "Confirmed"),
        10221: (date(2026, 1, 15), time(19, 30), "Confirmed"),
        10161: (date(2025, 12, 4), time(19, 30), "Cancelled"),
    }


def test_meeting_list_in_table_rows_and_br_runs():
    rows = (
        '<table><tr><td><a href="ieListDocuments.aspx?CId=5&amp;MId=1">3 Mar 2020 6.30 pm</a></td><td>Postponed</td></tr>'
        '<tr><td><a href="ieListDocuments.aspx?CId=5&amp;MID=2">10 Mar 2020 6.30 pm</a></td><td></td></tr></table>'
    )
    assert _meetings(rows, 5) == {1: (date(2020, 3, 3), time(18, 30), "Postponed"), 2: (date(2020, 3, 10), time(18, 30), "Confirmed")}
    run = (
        '<p><a href="ieListDocuments.aspx?CId=5&amp;MeetingId=3">1 Apr 2020 2:00pm</a> (Cancelled)<br>'
        '<a href="ieListDocuments.aspx?CId=5&amp;MeetingId=4">8 Apr 2020 2:00pm</a><br>'
        '<a href="ieListDocuments.aspx?CId=6&amp;MeetingId=5">9 Apr 2020 2:00pm</a></p>'
    )
    assert _meetings(run, 5) == {3: (date(2020, 4, 1), time(14, 0), "Cancelled"), 4: (date(2020, 4, 8), time(14, 0), "Confirmed")}


def test_meeting_list_link_without_date_uses_its_title():
    listing = ('<li><a href="ieListDocuments.aspx?CId=9&amp;MId=8" title="Link&#32;to&#32;meeting&#32;details&#32;for&#32;'
               'Cabinet&#32;meeting&#32;of&#32;3&#32;Mar&#32;2026">Cabinet</a></li>')
    assert _meetings(listing, 9) == {8: (date(2026, 3, 3), None, "Confirmed")}


# --- committee lists --------------------------------------------------------------------------------


def test_committee_list_sections_and_nested_category_groups():
    body = b"""<div id="modgov"><div class="mgContent">
<h2 class="mgSectionTitle">Overview &#38; Scrutiny</h2>
<ul class="mgBulletList"><li><a href="mgCommitteeDetails.aspx?ID=233" title="Link&#32;to&#32;details">Health Scrutiny Panel</a></li></ul>
<ul class="mgBulletList"><li>Regulatory<ul><li><a href="mgCommitteeDetails.aspx?ID=294">Licensing Committee</a></li>
<li><a href="mgCommitteeDetails.aspx?ID=138">Planning Committee</a></li></ul></li>
<li>Joint Committees &#40;with other authorities&#41;<ul><li><a href="mgCommitteeDetails.aspx?id=626">Joint Appointments Committee</a></li></ul></li></ul>
<p><a href="mgCommitteeDetails.aspx?ID=700" title="Link to details for Schools Forum"><img src="x.png" alt=""></a>
<a href="mgCommitteeDetails.aspx?ID=700">Schools Forum</a></p>
</div></div>"""
    committees = {c.committee_id: (c.title, c.category) for c in parse_committee_list(body, BASE, "s")}
    assert committees == {
        233: ("Health Scrutiny Panel", "Overview & Scrutiny"),
        294: ("Licensing Committee", "Regulatory"),
        138: ("Planning Committee", "Regulatory"),
        626: ("Joint Appointments Committee", "Joint Committees (with other authorities)"),
        700: ("Schools Forum", "Overview & Scrutiny"),
    }


# --- attendance -------------------------------------------------------------------------------------


def _attendance(table: str):
    return [(a.name, a.role, a.attendance, a.member_id) for a in parse_attendance(f'<div id="modgov">{table}</div>'.encode())]


def test_attendance_columns_matched_by_header_text_in_any_order():
    table = (
        '<table class="mgStatsTable"><thead><tr><th>Attendance</th><th>Attendee</th><th>Attendance Comment</th><th>Role</th></tr></thead>'
        '<tbody><tr><td>Present</td><td><a href="mgUserInfo.aspx?UID=42">Councillor Ada Reed</a></td><td></td><td>Chair</td></tr>'
        "<tr><td>Apologies</td><td>Sam Officer</td><td>On leave</td><td>Officer</td></tr></tbody></table>"
    )
    assert _attendance(table) == [
        ("Councillor Ada Reed", "Chair", "Present", 42), ("Sam Officer", "Officer", "Apologies", None)]


def test_attendance_across_several_tables_and_without_headers():
    tables = (
        '<table summary="Table of meeting attendance"><tr><td>Councillor Ada Reed</td><td>Member</td><td>Present</td></tr></table>'
        '<table summary="Others in attendance"><tr><td>Jo Advisor</td><td>In attendance</td></tr></table>'
        '<table summary="Layout"><tr><td>Not an attendee</td><td>x</td><td>y</td></tr></table>'
    )
    assert _attendance(tables) == [
        ("Councillor Ada Reed", "Member", "Present", None), ("Jo Advisor", None, "In attendance", None)]


# --- encodings --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Caf\u00e9 \u2013 \u2018quote\u2019".encode("utf-8"), "Caf\u00e9 \u2013 \u2018quote\u2019"),
        (b"\xef\xbb\xbf" + "Caf\u00e9".encode("utf-8"), "Caf\u00e9"),
        (b'<meta charset="iso-8859-1">Caf\xe9 \x96 \x91quote\x92', '<meta charset="iso-8859-1">Caf\u00e9 \u2013 \u2018quote\u2019'),
        (b'<meta charset="utf-8">Caf\xc3\xa9 and Word\x92s', '<meta charset="utf-8">Caf\u00e9 and Word\u2019s'),
        (b"no declaration Caf\xe9", "no declaration Caf\u00e9"),
        ("\ufeffCaf\u00e9".encode("utf-16-le"), "Caf\u00e9"),
    ],
)
def test_bodies_decode_as_browsers_read_them(body, expected):
    assert decode_body(body) == expected


# --- item page --------------------------------------------------------------------------------------


def test_item_page_ignores_its_own_labels_before_the_first_heading():
    body = b"""<div id="modgov"><div class="mgHeader"><h1 class="mgMainTitleTxt">Agenda item</h1></div>
<div class="mgSubTitle"><h2 class="mgSubTitleTxt">Tidal Defences Programme</h2></div>
<div class="mgLinks"><ul class="mgActionList"><li><a href="ieListDocuments.aspx?CId=311&amp;MId=4410">Meeting: 15/01/2026 - Harbourside Area Committee (Item 42.)</a></li></ul></div>
<div class="mgContent"><p>Printable version of this item.</p>
<div class="mgWordPara"><p>To consider the programme.</p></div>
<p class="mgSubItemTitleTxt">Minutes:</p>
<p>The Committee considered a report on the harbour wall.</p><p>Members asked about the second phase.</p>
<p class="mgSubItemTitleTxt">Supporting documents:</p><ul><li><a href="documents/s60101/Report.pdf">Report</a></li></ul>
</div></div>"""
    item = parse_item_page(body, BASE, "s", 4410, 311, url=f"{BASE}/mgAi.aspx?ID=8802")
    assert (item.item_id, item.number, item.title) == (8802, "42.", "Tidal Defences Programme")
    assert item.agenda_text == "To consider the programme."
    assert item.minutes_text == "The Committee considered a report on the harbour wall.\n\nMembers asked about the second phase."
    assert [d.attachment_id for d in item.documents] == [60101]


# --- web service variants ---------------------------------------------------------------------------


def test_soap_envelope_and_string_wrapped_answers():
    soap = b"""<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
<GetCommitteesResponse xmlns="http://moderngov.co.uk/namespaces"><GetCommitteesResult>
<committees><committeescount> 1</committeescount><committee><committeeid>7</committeeid><committeetitle>Cabinet</committeetitle>
<committeedeleted>False</committeedeleted><committeeexpired>False</committeeexpired><committeecategory> </committeecategory></committee></committees>
</GetCommitteesResult></GetCommitteesResponse></soap:Body></soap:Envelope>"""
    wrapped = (b'<?xml version="1.0" encoding="utf-8"?>\r\n<string xmlns="http://moderngov.co.uk/namespaces">'
               b"&lt;committees&gt;&lt;committee&gt;&lt;committeeid&gt;7&lt;/committeeid&gt;&lt;committeetitle&gt;Cabinet"
               b"&lt;/committeetitle&gt;&lt;/committee&gt;&lt;/committees&gt;</string>")
    for body in (soap, wrapped):
        (committee,) = parse_committees(body, "s")
        assert (committee.committee_id, committee.title, committee.category) == (7, "Cabinet", None)
    with pytest.raises(NotWebServiceXML):
        parse_committees(b"<soap:Envelope xmlns:soap='x'><soap:Body><soap:Fault>denied</soap:Fault></soap:Body></soap:Envelope>", "s")


def test_get_all_meetings_by_date_flat_list_with_own_committee_ids():
    body = b"""<getmeetingsbydate><meetingscount>2</meetingscount>
<meeting><meetingid>1</meetingid><committeeid>5</committeeid><meetingdate>03/02/2026</meetingdate><meetingtime>2:00pm</meetingtime><meetingstatus>Confirmed</meetingstatus></meeting>
<meeting><meetingid>2</meetingid><committeeid>6</committeeid><meetingdate>04/02/2026</meetingdate><meetingtime>Noon</meetingtime><meetingstatus>Cancelled</meetingstatus></meeting>
</getmeetingsbydate>"""
    assert [(m.meeting_id, m.committee_id, m.date, m.time, m.status) for m in parse_meetings(body, "s")] == [
        (1, 5, date(2026, 2, 3), time(14, 0), "Confirmed"), (2, 6, date(2026, 2, 4), time(12, 0), "Cancelled")]


def test_get_meeting_with_nested_sub_items_and_element_attendees():
    body = b"""<meeting><meetingid>9</meetingid><meetingdate>03/02/2026</meetingdate><meetingtime>10.00 am</meetingtime>
<agendaitems>
<agendaitem><agendaitemid>100</agendaitemid><agendaitemtitle>Petitions</agendaitemtitle><fulldisplaynumberformat>3.</fulldisplaynumberformat>
<isrestricted>False</isrestricted><agendatext>&lt;p&gt;Petitions received.&lt;/p&gt;</agendatext>
<agendaitems><agendaitem><agendaitemid>101</agendaitemid><agendaitemtitle>Parking petition</agendaitemtitle>
<fulldisplaynumberformat>3a</fulldisplaynumberformat><isrestricted>False</isrestricted>
<minutesnonemptyhtmlbody>&lt;p&gt;Noted.&lt;/p&gt;</minutesnonemptyhtmlbody></agendaitem></agendaitems>
</agendaitem>
<agendaitem><agendaitemid>102</agendaitemid><agendaitemtitle>Close</agendaitemtitle><isrestricted>False</isrestricted></agendaitem>
</agendaitems>
<attendees><attendee><name>Councillor Ada Reed</name><roledescription>Chair</roledescription><attendance>Present</attendance>
<memberid>42</memberid><homeaddress>1 Secret Street</homeaddress></attendee></attendees></meeting>"""
    parsed = parse_meeting(body, "s", 1, BASE)
    assert [(i.item_id, i.number, i.title, i.position) for i in parsed.items] == [
        (100, "3.", "Petitions", 0), (101, "3a", "Parking petition", 1), (102, None, "Close", 2)]
    assert parsed.items[0].agenda_text == "Petitions received." and parsed.items[0].minutes_text == ""
    assert parsed.items[1].minutes_text == "Noted."
    (attendee,) = parsed.meeting.attendees
    assert (attendee.name, attendee.role, attendee.attendance, attendee.member_id) == ("Councillor Ada Reed", "Chair", "Present", 42)
    assert "Secret" not in repr(parsed)


def test_note_rows_without_title_class_or_id_are_not_items():
    body = page(
        '<table class="mgItemTable"><tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt"><a name="AI5"></a>1.</p></td>'
        '<td><p class="mgAiTitleTxt">Welcome</p></td></tr>'
        "<tr><td></td><td><p>The meeting closed at 9.05 pm.</p></td></tr></table>"
    )
    assert [i.item_id for i in parse_meeting_page(body, BASE, "s", 1, 2).items] == [5]


def test_a_restricted_appendix_does_not_restrict_the_item():
    item = only_item(one_row(
        '<p class="mgAiTitleTxt">Depot Sale</p><div class="mgWordPara"><p>To agree the sale.</p></div>'
        '<p class="mgSubItemTitleTxt">Additional documents:</p><ul class="mgBulletList">'
        '<li><a href="documents/s9/Report.pdf">Report</a></li>'
        '<li>Restricted enclosure <ul class="mgActionList"><li><a href="mgAi.aspx?ID=77#mgDocuments">'
        "View the reasons why document 2 is restricted</a></li></ul></li></ul>"
    ))
    assert not item.restricted and item.agenda_text == "To agree the sale."
    assert [d.title for d in item.documents] == ["Report"]
    restricted = only_item(one_row(
        '<p class="mgAiTitleTxt">Depot Sale</p><ul class="mgActionList"><li><a href="mgAi.aspx?ID=77&amp;RR=1">'
        "View the reasons why item 4. is restricted</a></li></ul><div class=\"mgWordPara\"><p>Leaked text.</p></div>"
    ))
    assert restricted.restricted and restricted.agenda_text == "" and "Leaked" not in repr(restricted)


def test_meeting_list_keeps_legacy_ce_list_documents_links():
    # Old meetings link to CeListDocuments.aspx?MID=… (democracy.wirral.gov.uk, 2007; GUIDE.md §5.1).
    listing = ('<p><a href="CeListDocuments.aspx?MID=12&amp;RD=Agenda&amp;DF=16%2f08%2f2007&amp;A=1&amp;R=0">16 Aug 2007 2.00 pm</a></p>'
               '<p><a href="ieListDocuments.aspx?CId=5&amp;MId=13">1 Sep 2008 10.00 am</a></p>')
    assert list(_meetings(listing, 5).items()) == [
        (12, (date(2007, 8, 16), time(14, 0), "Confirmed")), (13, (date(2008, 9, 1), time(10, 0), "Confirmed"))]


def test_item_page_with_its_item_in_an_agenda_row_and_section_title_headings():
    # Unverified layouts of mgAi.aspx (GUIDE.md §6.4 is [text] only): the item laid out as an agenda
    # row, and "Minutes" as an h2.mgSectionTitle. Either way the full minutes must be found, because
    # they replace the truncated ones.
    row = b"""<div id="modgov"><div class="mgSubTitle"><h2 class="mgSubTitleTxt">Tidal Defences Programme</h2></div>
<div class="mgContent"><table class="mgItemTable"><tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt"><a name="AI8802"></a>42.</p></td>
<td><p class="mgAiTitleTxt">Tidal Defences Programme</p><p class="mgSubItemTitleTxt">Minutes:</p>
<div class="mgWordPara"><p>The full minutes.</p><p>Second paragraph.</p></div></td></tr></table></div></div>"""
    section = b"""<div id="modgov"><h2 class="mgSubTitleTxt">Tidal Defences Programme</h2><div class="mgContent">
<div class="mgWordPara"><p>To consider the programme.</p></div><h2 class="mgSectionTitle">Minutes</h2>
<div class="mgWordPara"><p>The full minutes.</p><p>Second paragraph.</p></div>
<h2 class="mgSectionTitle">Documents</h2><ul class="mgBulletList"><li><a href="mgAi.aspx?ID=8802#x">Back</a></li></ul></div></div>"""
    for body in (row, section):
        item = parse_item_page(body, BASE, "s", 4410, 311, item_id=8802)
        assert item.minutes_text == "The full minutes.\n\nSecond paragraph."
        assert item.title == "Tidal Defences Programme" and item.documents == ()


def test_three_cell_rows_take_the_cell_holding_the_title():
    body = page(
        '<table class="mgItemTable"><tr><td class="mgItemNumberCell"><p class="mgAiTitleTxt"><a name="AI9"></a>2.</p></td>'
        '<td><p class="mgAiTitleTxt">Budget</p><div class="mgWordPara"><p>To set the budget.</p></div></td>'
        '<td><a href="documents/s3/Budget.pdf">Budget report</a></td></tr></table>'
    )
    item = only_item(body)
    assert (item.item_id, item.number, item.title, item.agenda_text) == (9, "2.", "Budget", "To set the budget.")

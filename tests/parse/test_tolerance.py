"""Tolerance: one logical meeting rendered in many markup variants must parse to the same records.

Real installs differ in small ways (GUIDE.md §6 and tests/parse/test_real_markup.py): the item table's
class or id, the number cell's class, where the item id sits, whether item text is in ``mgWordPara``
or loose paragraphs or ``<br>`` runs, how headings are marked up, the subtitle's date format, extra
spaces inside tags, the page's encoding, and the council template around ``#modgov``. Each variant
below changes several of these at once; every one must give exactly the records of the plain variant,
which are themselves checked against hand-written expectations.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from datetime import date, time

import pytest

from scraper.parse import parse_attendance, parse_meeting_list, parse_meeting_page

BASE = "https://democracy.example.gov.uk"
CID, MID = 311, 4410

# The logical meeting: (id, number, title, agenda paragraphs, decision paragraphs, minutes paragraphs, documents)
ITEMS = [
    (20, "1.", "Apologies for Absence", [], [], ["Apologies were received from Councillor Ash."], []),
    (21, "2.", "Harbour Wall Repairs", ["To consider repairs to the harbour wall."],
     ["RESOLVED that the repairs be approved."],
     ["The Council's engineer presented the report.", "Members asked about costs & timing."],
     [(501, "Wall Repairs Report"), (502, "Annex A - Survey")]),
    (22, "2a", "Repair Funding", [], [], ["The funding was noted."], []),
]


@dataclass(frozen=True)
class Variant:
    table: str = "class"  # class | id | both
    number_cell: str = "classed"  # classed | plain
    item_id: str = "number_anchor"  # number_anchor | content_anchor | mgai_link
    text: str = "wordpara"  # wordpara | plain_p | bare_br
    heading: str = "class"  # class | strong | h3
    documents: str = "bullet"  # bullet | plain_ul
    subtitle: str = "classic"  # classic | modern | numeric
    sub_item: str = "row"  # row | nested
    venue: str = "plain"  # plain | directions
    spaces: bool = False  # ModernGov's "<p  class="x" >"
    encoding: str = "utf-8"  # utf-8 | windows-1252 | utf-8-bom | iso-label
    template: bool = False  # council template around #modgov


def _cls(variant: Variant, name: str) -> str:
    return f'  class="{name}" ' if variant.spaces else f' class="{name}"'


def _text_block(variant: Variant, paragraphs: list[str]) -> str:
    escaped = [html.escape(p, quote=False).replace("'", "&#39;") for p in paragraphs]
    if not escaped:
        return ""
    if variant.text == "wordpara":
        inner = "".join(f'<p class="MsoNormal">{p}</p><p class="MsoNormal">&nbsp;</p>' for p in escaped)
        return f'<div{_cls(variant, "mgWordPara")}><div class="WordSection1">{inner}</div></div>'
    if variant.text == "plain_p":
        return "".join(f"<p>{p}</p>" for p in escaped)
    return "<br><br>".join(escaped) + "<br>"


def _heading(variant: Variant, label: str) -> str:
    if variant.heading == "class":
        return f'<p{_cls(variant, "mgSubItemTitleTxt")}>{label}:</p>'
    if variant.heading == "strong":
        return f"<p><strong>{label}:</strong></p>"
    return f'<h3{_cls(variant, "mgSubSubTitleTxt")}>{label}:</h3>'


def _row(variant: Variant, item, nested: str = "") -> str:
    item_id, number, title, agenda, decision, minutes, documents = item
    anchor = f'<a name="AI{item_id}"></a>'
    number_cell = f'<td{_cls(variant, "mgItemNumberCell")}>' if variant.number_cell == "classed" else "<td>"
    number_cell += f'<p{_cls(variant, "mgAiTitleTxt")}>{anchor if variant.item_id == "number_anchor" else ""}{number}</p></td>'
    if variant.item_id == "mgai_link":
        title_html = f'<a href="mgAi.aspx?ID={item_id}">{html.escape(title)}</a>'
    else:
        title_html = html.escape(title)
    content = (anchor if variant.item_id == "content_anchor" else "") + f'<p{_cls(variant, "mgAiTitleTxt")}>{title_html}</p>'
    content += _text_block(variant, agenda)
    if documents:
        links = "".join(
            f'<li><a href="documents/s{doc_id}/{html.escape(name)}.pdf">{html.escape(name)}'
            f'<span class="mgHide">, item {number}</span> <span class="mgFileSize">PDF 12 KB</span></a></li>'
            for doc_id, name in documents
        )
        content += _heading(variant, "Supporting documents")
        content += f'<ul{_cls(variant, "mgBulletList")}>{links}</ul>' if variant.documents == "bullet" else f"<ul>{links}</ul>"
    if decision:
        content += _heading(variant, "Decision") + _text_block(variant, decision)
    if minutes:
        content += _heading(variant, "Minutes") + _text_block(variant, minutes)
    return f"<tr>{number_cell}<td>{content}{nested}</td></tr>"


def _table(variant: Variant, rows: str) -> str:
    attributes = {"class": _cls(variant, "mgItemTable"), "id": ' id="mgItemTable"',
                  "both": _cls(variant, "mgItemTable") + ' id="mgItemTable"'}[variant.table]
    return f'<table{attributes} summary="Table of agenda items"><caption class="mgSectionTitle">Items</caption>' \
           f'<tr><th class="mgHide">No.</th><th class="mgHide">Item</th></tr>{rows}</table>'


def render(variant: Variant) -> bytes:
    if variant.sub_item == "row":
        rows = "".join(_row(variant, item) for item in ITEMS)
    else:
        rows = _row(variant, ITEMS[0]) + _row(variant, ITEMS[1], nested=_table(variant, _row(variant, ITEMS[2])))
    subtitle = {
        "classic": "Harbourside Area Committee - Thursday, 15th January, 2026 7.30 pm",
        "modern": '<a href="mgCommitteeDetails.aspx?ID=311">Harbourside Area Committee - Thursday 15 January 2026 7:30 pm</a>',
        "numeric": "Harbourside Area Committee - 15/01/2026 19:30",
    }[variant.subtitle]
    venue = "Quay House, Harbourside" + (
        '. <a href="mgLocationDetails.aspx?RID=3"> View directions</a>' if variant.venue == "directions" else "")
    modgov = (
        f'<div id="modgov"><div class="mgHeader"><h1{_cls(variant, "mgMainTitleTxt")}>Agenda and minutes</h1></div>'
        f'<div class="mgSubTitle"><h2{_cls(variant, "mgSubTitleTxt")}>{subtitle}</h2></div>'
        '<div class="mgLinks"><ul class="mgActionList">'
        f'<li><a href="mgMeetingAttendance.aspx?ID={MID}">Attendance details</a></li>'
        '<li><a href="documents/g4419/Printed minutes.pdf?T=1">Printed minutes <span class="mgFileSize">PDF 80 KB</span></a></li>'
        "</ul></div>"
        f'<div{_cls(variant, "mgContent")}><p><span class="mgLabel">Venue: </span>{venue}</p>{_table(variant, rows)}</div></div>'
    )
    charset = {"utf-8": "utf-8", "utf-8-bom": "utf-8", "windows-1252": "windows-1252", "iso-label": "iso-8859-1"}[variant.encoding]
    document = f'<html><head><meta charset="{charset}"><title>Agenda - Harbourside</title></head><body>'
    if variant.template:
        document += ('<header><nav><a href="mgListCommittees.aspx">Committees</a><a href="/minutes.pdf">Old minutes</a>'
                     "<h2>Minutes: council news</h2></nav></header>")
    document += modgov + ("<footer><p>Cancelled bins: see our website.</p></footer>" if variant.template else "") + "</body></html>"
    if variant.encoding == "utf-8-bom":
        return b"\xef\xbb\xbf" + document.encode("utf-8")
    if variant.encoding in ("windows-1252", "iso-label"):
        return document.encode("cp1252")
    return document.encode("utf-8")


VARIANTS = [
    Variant(table="id", number_cell="plain", spaces=True),
    Variant(table="both", item_id="content_anchor", subtitle="modern", venue="directions"),
    Variant(item_id="mgai_link", text="plain_p", heading="strong", documents="plain_ul"),
    Variant(text="bare_br", heading="h3", encoding="windows-1252", template=True),
    Variant(sub_item="nested", text="plain_p", subtitle="numeric", encoding="utf-8-bom"),
    Variant(table="id", number_cell="plain", item_id="mgai_link", text="bare_br", heading="strong",
            documents="plain_ul", subtitle="modern", venue="directions", spaces=True, encoding="iso-label", template=True),
    Variant(table="both", sub_item="nested", heading="h3", encoding="windows-1252", spaces=True),
    Variant(number_cell="plain", item_id="content_anchor", text="plain_p", heading="class", subtitle="numeric", template=True),
]


def parse(variant: Variant):
    return parse_meeting_page(render(variant), BASE, "s", CID, MID)


def test_plain_variant_gives_the_expected_records():
    parsed = parse(Variant())
    meeting = parsed.meeting
    assert (meeting.date, meeting.time, meeting.status, meeting.venue) == (
        date(2026, 1, 15), time(19, 30), "Confirmed", "Quay House, Harbourside")
    assert [d.title for d in meeting.documents] == ["Printed minutes"]
    assert [(i.item_id, i.number, i.title, i.position) for i in parsed.items] == [
        (20, "1.", "Apologies for Absence", 0), (21, "2.", "Harbour Wall Repairs", 1), (22, "2a", "Repair Funding", 2)]
    wall = parsed.items[1]
    assert wall.agenda_text == "To consider repairs to the harbour wall."
    assert wall.decision_text == "RESOLVED that the repairs be approved."
    assert wall.minutes_text == "The Council's engineer presented the report.\n\nMembers asked about costs & timing."
    assert [(d.attachment_id, d.title) for d in wall.documents] == [(501, "Wall Repairs Report"), (502, "Annex A - Survey")]
    assert parsed.items[0].minutes_text == "Apologies were received from Councillor Ash."
    assert parsed.items[2].minutes_text == "The funding was noted."


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: ",".join(
    f"{k}={val}" for k, val in v.__dict__.items() if val != getattr(Variant(), k)))
def test_every_variant_gives_the_same_records(variant):
    assert parse(variant) == parse(Variant())


def test_each_dimension_alone_changes_nothing():
    baseline = parse(Variant())
    for field, values in {
        "table": ("id", "both"), "number_cell": ("plain",), "item_id": ("content_anchor", "mgai_link"),
        "text": ("plain_p", "bare_br"), "heading": ("strong", "h3"), "documents": ("plain_ul",),
        "subtitle": ("modern", "numeric"), "sub_item": ("nested",), "venue": ("directions",), "spaces": (True,),
        "encoding": ("windows-1252", "utf-8-bom", "iso-label"), "template": (True,),
    }.items():
        for value in values:
            assert parse(replace(Variant(), **{field: value})) == baseline, (field, value)


# --- attendance and meeting lists in several layouts ---------------------------------------------------

ATTENDEES = [("Councillor Ada Reed", 42, "Chair", "Present"), ("Councillor Ben Ode", 43, "Member", "Apologies"),
             ("Sam Clerk", None, "Officer", "In attendance")]


def _attendance_page(order: tuple[str, ...], header: str, summary: bool) -> bytes:
    labels = {"name": "Attendee", "role": "Role", "attendance": "Attendance", "comment": "Attendance comment"}
    head = "".join(f"<th>{labels[c]}</th>" for c in order)
    rows = []
    for name, uid, role, attendance in ATTENDEES:
        cells = {"name": f'<a href="mgUserInfo.aspx?UID={uid}">{name}</a>' if uid else name, "role": role,
                 "attendance": attendance, "comment": ""}
        rows.append("<tr>" + "".join(f'<td class="mgMainTxt">{cells[c]}</td>' for c in order) + "</tr>")
    header_html = {"thead": f"<thead><tr>{head}</tr></thead>", "row": f"<tr>{head}</tr>", "none": ""}[header]
    table = (f'<table class="mgStatsTable"{" summary=" + chr(34) + "Table of meeting attendance" + chr(34) if summary else ""}>'
             f"{header_html}<tbody>{''.join(rows)}</tbody></table>")
    return f'<div id="modgov"><h2 class="mgSubTitleTxt">Attendance</h2>{table}</div>'.encode()


@pytest.mark.parametrize(
    ("order", "header", "summary"),
    [
        (("name", "role", "attendance", "comment"), "thead", True),
        (("name", "role", "attendance", "comment"), "none", True),
        (("attendance", "name", "comment", "role"), "thead", False),
        (("role", "name", "attendance"), "row", False),
        (("name", "attendance", "role"), "row", True),
    ],
)
def test_attendance_layouts_give_the_same_attendees(order, header, summary):
    attendees = parse_attendance(_attendance_page(order, header, summary))
    assert [(a.name, a.member_id, a.role, a.attendance) for a in attendees] == ATTENDEES


MEETINGS = {501: (date(2026, 1, 15), time(19, 30), "Confirmed"), 502: (date(2026, 3, 3), time(19, 0), "Cancelled"),
            503: (date(2026, 6, 15), None, "Confirmed")}


def _listing(layout: str) -> bytes:
    entries = [(501, "15 Jan 2026&nbsp;7&#58;30 pm", ""), (502, "3 Mar 2026 7.00 pm", " - CANCELLED"), (503, "15 Jun 2026", "")]
    links = [(f'<a class="mgMeetingTableLnk" href="ieListDocuments.aspx?CId={CID}&amp;MId={mid}&amp;Ver=4">{text}</a>', after)
             for mid, text, after in entries]
    if layout == "li":
        body = '<ul class="mgNonBulletTableList">' + "".join(f"<li>{a}{after}</li>" for a, after in links) + "</ul>"
    elif layout == "table":
        body = "<table>" + "".join(f"<tr><td>{a}</td><td>{after.strip(' -')}</td></tr>" for a, after in links) + "</table>"
    else:
        body = "<p>" + "<br>".join(f"{a}{after}" for a, after in links) + "</p>"
    other = '<a href="ieListDocuments.aspx?CId=999&amp;MId=777">1 Jan 2026</a>'
    return f'<div id="modgov"><div class="mgContent">{body}<p>{other}</p></div></div>'.encode()


@pytest.mark.parametrize("layout", ["li", "table", "br"])
def test_meeting_list_layouts_give_the_same_meetings(layout):
    meetings = parse_meeting_list(_listing(layout), BASE, "s", CID)
    assert {m.meeting_id: (m.date, m.time, m.status) for m in meetings} == MEETINGS

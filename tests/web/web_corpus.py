"""A small, real-shaped archive for the web tests: records as the scraper produces them.

Two councils, three committees, meetings from 2018 to 2021, the real Leicester seed item, sub-items,
an exempt item, commitments with due dates, and one planted item whose council text carries a
<script>, an onerror= attribute and javascript: links (it must never execute in the browser).
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from scraper.records import AgendaItem, ArchivedItem, Attendee, Committee, Document, Meeting, Site

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "000_1c9ed8fbe304a52e.txt"

SAMPLETON = Site(key="sampleton.example.gov.uk", base_url="https://sampleton.example.gov.uk", name="Sampleton Borough Council")
NORTHWICK = Site(key="democracy.northwick.example", base_url="https://democracy.northwick.example", name="Northwick City Council")

OSC = Committee(site=SAMPLETON.key, committee_id=10, title="Overview Select Committee")
PLANNING = Committee(site=SAMPLETON.key, committee_id=20, title="Planning Committee")
CHILDREN = Committee(site=NORTHWICK.key, committee_id=7, title="Children's Services Scrutiny Commission")

PLANTED_TITLE = "Parks consultation <script>window.__pwned = 1; alert('xss')</script>"
PLANTED_ID = f"{SAMPLETON.key}/item/9001"
#: A title a spreadsheet would run as a formula if exported unprotected (CSV injection).
FORMULA_TITLE = '=HYPERLINK("http://evil.example/","Any other business")'
SEED_ID = f"{SAMPLETON.key}/item/1005"

ATTENDEES = (
    Attendee(name="Councillor Jane Hartley", role="Chair", attendance="Present"),
    Attendee(name="Councillor Tom Grant", role="Committee Member", attendance="Present"),
    Attendee(name="Councillor Priya Shah", role="Committee Member", attendance="Apologies"),
)


def _seed_parts() -> tuple[str, str, str]:
    text = SEED.read_text(encoding="utf-8")
    head, _, rest = text.partition("Minutes:")
    agenda = head.replace("Agenda item", "").replace("PRESENTATION ON THE PREVENT PROGRAMME", "").strip()
    minutes, _, decision = rest.partition("AGREED:")
    return agenda, minutes.strip(), ("AGREED: " + decision.strip()) if decision else ""


def _meeting(site: Site, committee: Committee, meeting_id: int, day: date, **extra) -> Meeting:
    return Meeting(
        site=site.key,
        meeting_id=meeting_id,
        committee_id=committee.committee_id,
        date=day,
        time=time(17, 30),
        status="Confirmed",
        venue="Committee Room 1, Town Hall",
        source_url=f"{site.base_url}/ieListDocuments.aspx?CId={committee.committee_id}&MId={meeting_id}",
        attendees=ATTENDEES,
        **extra,
    )


def _item(site: Site, meeting: Meeting, item_id: int, number: str | None, title: str, position: int, **fields) -> AgendaItem:
    fields.setdefault("source_url", f"{site.base_url}/mgAi.aspx?ID={item_id}")
    return AgendaItem(
        site=site.key, item_id=item_id, meeting_id=meeting.meeting_id, committee_id=meeting.committee_id,
        number=number, title=title, position=position, **fields,
    )


def sample_items() -> list[ArchivedItem]:
    agenda, minutes, decision = _seed_parts()
    m1 = _meeting(SAMPLETON, OSC, 101, date(2018, 11, 1), documents=(
        Document(title="Agenda frontsheet", url=f"{SAMPLETON.base_url}/documents/g101/Agenda.pdf"),
        Document(title="Printed minutes <i>draft</i>", url="javascript:alert('pack')"),
    ))
    m2 = _meeting(SAMPLETON, OSC, 102, date(2019, 3, 14))
    m3 = _meeting(SAMPLETON, PLANNING, 201, date(2020, 6, 4))
    m4 = _meeting(SAMPLETON, PLANNING, 202, date(2021, 1, 21))
    m5 = _meeting(NORTHWICK, CHILDREN, 301, date(2019, 9, 12))
    records: list[tuple[Site, Committee, Meeting, AgendaItem]] = [
        (SAMPLETON, OSC, m1, _item(SAMPLETON, m1, 1001, "1.", "Apologies for absence", 0,
            minutes_text="Apologies for absence were received from Councillor Priya Shah.")),
        (SAMPLETON, OSC, m1, _item(SAMPLETON, m1, 1005, "5.", "Presentation on the Prevent Programme", 4,
            agenda_text=agenda, minutes_text=minutes, decision_text=decision,
            documents=(Document(title="Prevent presentation slides", url=f"{SAMPLETON.base_url}/documents/s1005/Prevent.pdf"),))),
        (SAMPLETON, OSC, m1, _item(SAMPLETON, m1, 1003, "3a", "Schools admissions: primary places", 2,
            minutes_text="Councillor Tom Grant asked about primary school places in the north of the borough. "
            "The Director of Children's Services said that demand for school places had risen. "
            "The Director agreed to report back to the committee with updated school place figures by 31 January 2019.")),
        (SAMPLETON, OSC, m1, _item(SAMPLETON, m1, 1004, "3b", "Schools admissions: secondary places", 3,
            minutes_text="Councillor Jane Hartley noted that secondary school transfers were on time this year.")),
        (SAMPLETON, OSC, m2, _item(SAMPLETON, m2, 1101, "4.", "Community safety partnership update", 0,
            minutes_text="Councillor Tom Grant asked about referrals to the Prevent programme from schools. "
            "Inspector William Knopp said referrals from schools had fallen slightly. "
            "The Head of Community Safety will circulate the annual figures to members within six months.")),
        (SAMPLETON, OSC, m2, _item(SAMPLETON, m2, 1102, "5.", "Exempt item: contract award", 1, restricted=True)),
        (SAMPLETON, PLANNING, m3, _item(SAMPLETON, m3, 2001, "6.", "Land at Mill Lane: housing development", 0,
            agenda_text="Application 19/0123/FUL for 120 homes on land at Mill Lane.",
            minutes_text="Councillor Jane Hartley said the application would add pressure on school places and local roads. "
            "The Planning Officer said the developer would fund a new primary school.",
            decision_text="RESOLVED: that planning permission be granted subject to conditions.")),
        (SAMPLETON, PLANNING, m4, _item(SAMPLETON, m4, 2101, "3.", "Town centre regeneration: parking", 0,
            minutes_text="Councillor Priya Shah asked about parking charges in the town centre. "
            "The Director of Place agreed to bring a report on parking charges to the next meeting.")),
        (SAMPLETON, PLANNING, m4, _item(SAMPLETON, m4, 9001, "4.", PLANTED_TITLE, 1,
            agenda_text="Residents said: <img src=x onerror=\"window.__pwned = 2; alert('onerror')\"> parks matter.",
            minutes_text="Councillor Tom Grant presented the parks consultation. See <a href=\"javascript:alert('link')\">this link</a>. "
            "<script>window.__pwned = 3;</script>",
            source_url="javascript:alert('source')",
            documents=(Document(title="Evil document <b>bold</b>", url="javascript:alert('doc')"),))),
        (SAMPLETON, PLANNING, m4, _item(SAMPLETON, m4, 2102, "5.", FORMULA_TITLE, 2,
            minutes_text="No other business was raised.")),
        (NORTHWICK, CHILDREN, m5, _item(NORTHWICK, m5, 501, "7.", "Ofsted inspection of children's services", 0,
            minutes_text="Councillor Amelia Brook asked about the Ofsted inspection. "
            "The Strategic Director said that schools and social care had improved. "
            "The Strategic Director agreed to report back with the improvement plan by 1 March 2020.")),
    ]
    return [
        ArchivedItem(item=item, meeting=meeting, committee=committee, site=site, content_hash=f"hash-{item.key}")
        for site, committee, meeting, item in records
    ]


def item_ids() -> list[str]:
    return [archived.key for archived in sample_items()]

"""The sample council's ``mgWebService.asmx`` answers, shaped like the real ones (GUIDE.md §7.3).

Leading-space counts, whitespace-only empty elements, "True"/"False" flags, ``dd/mm/yyyy`` dates,
"10.00 am" times, escaped Word HTML in ``agendatext``/``minutesnonemptyhtmlbody``, internal
``agendaitemnumber`` next to the printed ``fulldisplaynumberformat``, repeated ``meetingdate`` at
several levels and ``linkeddoc`` entries, as the Manchester fixtures show. Like the real service it
sends no decision text (only the ``isdecision`` flag): the decisions are on the meeting page.
"""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape, quoteattr

from .dataset import CommitteeData, Dataset, ItemData, MeetingData
from .pages import Pages

BLANK = "\n      "  # how ModernGov writes an empty element: whitespace only


def uk(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def flag(value: bool) -> str:
    return "True" if value else "False"


def element(name: str, value: str | None, indent: str = "    ") -> str:
    text = escape(value) if value else BLANK
    return f"{indent}<{name}>{text}</{name}>"


def committees_xml(data: Dataset) -> str:
    parts = ['<?xml version="1.0" encoding="utf-8"?>', "<committees>", f"  <committeescount> {len(data.committees)}</committeescount>"]
    for committee in data.committees:
        parts += [
            "  <committee>",
            element("committeeid", str(committee.committee_id)),
            element("committeetitle", committee.title),
            element("committeedeleted", "False"),
            element("committeeexpired", "False"),
            element("committeecategory", committee.category),
            "  </committee>",
        ]
    parts.append("</committees>")
    return "\n".join(parts) + "\n"


def meetings_xml(data: Dataset, groups: list[tuple[CommitteeData, list[MeetingData]]], root: str = "getmeetings") -> str:
    total = sum(len(meetings) for _, meetings in groups)
    parts = ['<?xml version="1.0" encoding="utf-8"?>', f"<{root}>", f"  <meetingscount> {total}</meetingscount>",
             f"  <committeescount> {len(groups)}</committeescount>"]
    for committee, meetings in groups:
        parts += [
            "  <committee>",
            element("committeeid", str(committee.committee_id)),
            element("committeetitle", committee.title),
            f"    <committeemeetingcount> {len(meetings)}</committeemeetingcount>",
            "    <committeemeetings>",
        ]
        for meeting in meetings:
            indent = "        "
            parts += [
                "      <meeting>",
                element("meetingid", str(meeting.meeting_id), indent),
                element("meetingdate", uk(meeting.date), indent),
                element("meetingstatus", meeting.status, indent),
                element("meetingtime", meeting.time, indent),
                element("iswebcast", "False", indent),
                "      </meeting>",
            ]
        parts += ["    </committeemeetings>", "  </committee>"]
    parts.append(f"</{root}>")
    return "\n".join(parts) + "\n"


def _item_xml(pages: Pages, data: Dataset, committee: CommitteeData, meeting: MeetingData, item: ItemData,
              position: int, base_url: str, *, leak: bool, private_host: bool) -> list[str]:
    indent = "      "
    sends_text = not item.restricted or ("leak" in item.flags and leak)
    agenda = pages.word(item, item.agenda, shift=1) if sends_text and item.agenda else ""
    minutes = pages.minutes_html(item) if sends_text and (item.minutes or item.raw_minutes) else ""
    if item.restricted and sends_text and not minutes:
        minutes = "<p>Exempt minute text</p>"
    number = item.number or ""
    main_number = "".join(ch for ch in number if ch.isdigit())
    parts = [
        "    <agendaitem>",
        element("agendaitemid", str(item.item_id), indent),
        element("agendaitemtitle", item.title, indent),
        element("agendatext", agenda, indent),
        element("actualmeetingdate", uk(meeting.date), indent),
        element("agendaitemnumber", str(int(main_number) + 3) if main_number else "0", indent),
        element("agendaitemsubnumber", item.sub_number, indent),
        element("fulldisplaynumberformat", number, indent),
        element("commentlabel1", "Presented By", indent),
        element("commenttext1", None, indent),
        element("minutesnonemptyhtmlbody", minutes, indent),
        element("declarationcount", "0", indent),
        element("isdecision", flag(bool(item.decision)), indent),
        element("isminutepublished", flag(bool(item.minutes or item.raw_minutes)), indent),
        element("isrestricted", flag(item.restricted), indent),
        element("meetingdate", uk(meeting.date), indent),
        element("meetingtime", meeting.time, indent),
        element("minutesitemnumber", main_number or None, indent),
        element("minutesitemsubnumber", item.sub_number, indent),
        element("refertocommittee", committee.title, indent),
        "      <linkeddocuments>",
    ]
    for document in item.documents if not item.restricted else ():
        href = pages.document_href(document)
        if href.startswith("documents/"):
            host = "http://mgsrv01:9071" if ("private_host" in document.flags and private_host) else base_url.rstrip("/")
            href = f"{host}/{href}"
        inner = "          "
        parts += [
            "        <linkeddoc>",
            element("attachmentid", str(document.attachment_id), inner),
            element("title", document.title, inner),
            element("isurl", "False", inner),
            element("url", href, inner),
            element("isrestricted", "False", inner),
            element("restrictionsRef", None, inner),
            element("publicationdate", None, inner),
            element("meetingdate", uk(meeting.date), inner),
            element("committeetitle", committee.title, inner),
            element("ownertitle", item.title, inner),
            "        </linkeddoc>",
        ]
    parts += ["      </linkeddocuments>", "    </agendaitem>"]
    return parts


def meeting_xml(pages: Pages, data: Dataset, meeting: MeetingData, base_url: str, *, leak: bool = True,
                private_host: bool = True) -> str:
    committee = data.committee(meeting.committee_id)
    assert committee is not None
    has_minutes = any(i.minutes or i.raw_minutes for i in meeting.items)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<meeting>",
        element("meetingid", str(meeting.meeting_id), "  "),
        element("meetingdate", uk(meeting.date), "  "),
        element("meetingstatus", meeting.status, "  "),
        element("isdisplayallowed", "True", "  "),
        element("meetingtime", meeting.time, "  "),
        element("meetingactualstarttime", None, "  "),
        element("meetinglocation", meeting.venue, "  "),
        element("iswebcast", "False", "  "),
        element("agendaid", str(meeting.meeting_id), "  "),
        element("agendapublished", flag(bool(meeting.items)), "  "),
        element("decisionpublished", flag(any(i.decision for i in meeting.items)), "  "),
        element("minutepublished", flag(has_minutes), "  "),
        element("meetingroom", None, "  "),
        "  <agendaitems>",
    ]
    for position, item in enumerate(meeting.items):
        parts += _item_xml(pages, data, committee, meeting, item, position, base_url, leak=leak, private_host=private_host)
    parts += ["  </agendaitems>", "  <attendees>"]
    for attendee in meeting.attendees:
        attributes = f"membertype={quoteattr('U' if attendee.uid is not None else 'O')}"
        if attendee.uid is not None:
            attributes += f" memberid={quoteattr(str(attendee.uid))}"
        attributes += (
            f" name={quoteattr(attendee.name)} roledescription={quoteattr(attendee.role)}"
            f" attendance={quoteattr(attendee.attendance)}"
        )
        parts.append(f"    <attendee {attributes}>")
        if attendee.uid is not None:
            parts.append(f"      <url>{escape(base_url.rstrip('/'))}/mgUserInfo.aspx?UID={attendee.uid}</url>")
        parts.append("    </attendee>")
    parts += ["  </attendees>", "</meeting>"]
    return "\n".join(parts) + "\n"


__all__ = ["committees_xml", "meetings_xml", "meeting_xml", "uk"]

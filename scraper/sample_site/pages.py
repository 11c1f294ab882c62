"""ModernGov-shaped HTML pages of the sample council, inside the council's own template page.

Markup follows GUIDE.md §6: ``div#modgov`` with ``h1.mgMainTitleTxt``, ``h2.mgSubTitleTxt``,
``ul.mgActionList``, ``table.mgItemTable`` rows with ``p.mgAiTitleTxt``, ``div.mgWordPara`` Word text,
``p.mgSubItemTitleTxt`` headings, ``span.mgHide`` and ``span.mgFileSize`` noise, extra spaces inside
tags and numeric entities, all wrapped in a council header, navigation and footer that parsers must
ignore. Page-level choices (truncating long minutes, leaking nothing for exempt items) are passed in by
``app.SampleSite`` from its variant options.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .dataset import CommitteeData, Dataset, DocumentData, ItemData, MeetingData
from .wordhtml import render_raw_text_as_word, render_word_html

TRUNCATION_LINK_TEXT = "view the full minutes text for item"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def entity_title(text: str) -> str:
    """Attribute text the way ModernGov writes ``title``: spaces as ``&#32;``, colons as ``&#58;``."""
    return esc(text).replace(" ", "&#32;").replace(":", "&#58;").replace("(", "&#40;").replace(")", "&#41;")


def ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }".replace(" ", "")


def long_date(value: date) -> str:
    """"Thursday, 3rd October, 2019" as ModernGov subtitles print it."""
    return f"{value.strftime('%A')}, {ordinal(value.day)} {value.strftime('%B')}, {value.year}"


def short_date(value: date) -> str:
    """"3 Oct 2019" as meeting lists print it."""
    return f"{value.day} {value.strftime('%b')} {value.year}"


def file_size_label(document: DocumentData) -> str:
    kilobytes = 40 + (document.attachment_id * 37) % 900
    return f"PDF {kilobytes} KB"


@dataclass(frozen=True)
class PageOptions:
    prefix: str = ""
    truncate_minutes: bool = True
    truncate_at: int = 1500
    meeting_packs: bool = True
    javascript_doc: bool = True
    script_injection: bool = True
    double_escape: bool = True


class Pages:
    """Renders every HTML page of the site from the data set."""

    def __init__(self, dataset: Dataset, options: PageOptions) -> None:
        self.data = dataset
        self.options = options

    # --- template -------------------------------------------------------------------------------

    def template(self, page_title: str, breadcrumb: str, modgov: str) -> str:
        council = esc(self.data.council_name)
        prefix = self.options.prefix
        return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(page_title)} - {council}</title>
<link rel="stylesheet" href="{prefix}/SiteSpecific/eastmere.css">
<script>var mgJQuery = null; /* council template script: not content */</script>
</head>
<body class="em-body">
<a class="em-skip" href="#modgov">Skip to content</a>
<header class="em-header">
  <a class="em-logo" href="/"><img src="{prefix}/SiteSpecific/crest.svg" alt=""> {council}</a>
  <nav class="em-nav" aria-label="Main"><ul>
    <li><a href="/bins-and-recycling">Bins and recycling</a></li>
    <li><a href="/council-tax">Council tax</a></li>
    <li><a href="/planning">Planning and building control</a></li>
    <li><a href="{prefix}/ieDocHome.aspx?bcr=1">Councillors, meetings and decisions</a></li>
  </ul></nav>
  <form class="em-search" action="/search" method="get"><label>Search the site <input name="q"></label></form>
</header>
<div class="em-breadcrumb"><a href="/">Home</a> &gt; <a href="{prefix}/ieDocHome.aspx?bcr=1">Councillors and democracy</a> &gt; {breadcrumb}</div>
<main class="em-main">
<aside class="em-sidenav"><h2>Democracy</h2><ul>
  <li><a href="{prefix}/mgListCommittees.aspx?bcr=1">Committees</a></li>
  <li><a href="{prefix}/mgMemberIndex.aspx?bcr=1">Your councillors</a></li>
  <li><a href="{prefix}/mgCalendarMonthView.aspx?GL=1&amp;bcr=1">Calendar</a></li>
  <li><a href="{prefix}/mgDelegatedDecisions.aspx?bcr=1">Decisions</a></li>
</ul></aside>
<div class="em-content">
{modgov}
</div>
</main>
<footer class="em-footer">
  <p>{council}, {esc(self.data.council_address)}</p>
  <p>This is a fictional council: every person, place and decision on this site is invented.</p>
  <p><a href="/accessibility">Accessibility</a> | <a href="/privacy">Privacy</a> | <a href="/cookies">Cookies</a></p>
</footer>
</body>
</html>
"""

    @staticmethod
    def modgov(h1: str, h2: str | None, content: str, links: str = "") -> str:
        subtitle = f'<div class="mgSubTitle" >\n<h2 class="mgSubTitleTxt">{h2}</h2>\n</div>\n' if h2 is not None else ""
        return (
            f'<div id="modgov"><div class="mgHeader"><h1  class="mgMainTitleTxt" >{h1}</h1></div>\n'
            f"{subtitle}"
            f'<div class="mgLinks" >\n{links}</div>\n'
            f'<div class="mgContent" >\n{content}\n</div>\n'
            '<div class="mgFooter" >\n<p>&nbsp;</p>\n</div>\n</div>'
        )

    # --- shared pieces --------------------------------------------------------------------------

    def meeting_subtitle(self, committee: CommitteeData, meeting: MeetingData) -> str:
        return f"{esc(committee.title)} - {long_date(meeting.date)} {esc(meeting.time)}"

    def document_href(self, document: DocumentData) -> str:
        path = f"documents/s{document.attachment_id}/{document.file}"
        if "javascript" in document.flags and self.options.javascript_doc:
            return f"javascript:mgOpenDocument('{path}')"
        return path

    def document_list(self, documents: tuple[DocumentData, ...]) -> str:
        rows = []
        for document in documents:
            rows.append(
                f'<li><a  href="{esc(self.document_href(document))}"   title="Link&#32;to&#32;file&#32;{entity_title(document.title)}">'
                f"{esc(document.title)}\n"
                f'<span  class="mgFileSize" ><img height="12" src="mgimages/logo-pdf-1.gif" width="12" alt="pdf icon" /> '
                f"{file_size_label(document)}</span> </a>  </li>"
            )
        return '<ul  class="mgBulletList" >\n' + "\n".join(rows) + "\n</ul>"

    def word(self, item: ItemData, paragraphs: tuple[str, ...], *, shift: int = 0) -> str:
        double = "double_escape" in item.flags and self.options.double_escape
        return render_word_html(self.visible(item, paragraphs), item.item_id + shift, double_escape=double)

    def visible(self, item: ItemData, paragraphs: tuple[str, ...]) -> tuple[str, ...]:
        """Drop the planted-markup paragraph when that variant is off."""
        if "script" in item.flags and not self.options.script_injection:
            return tuple(p for p in paragraphs if "<script>" not in p and "onerror=" not in p)
        return paragraphs

    def minutes_html(self, item: ItemData, *, truncate: bool = False) -> str:
        """The item's minutes as Word HTML; when ``truncate``, long minutes are cut ModernGov-style.

        Whole paragraphs are kept up to ``truncate_at`` characters, then "… view the full minutes text
        for item N." links to ``mgAi.aspx``, where the full text is.
        """
        if item.raw_minutes is not None:
            paragraphs = tuple(line for line in item.raw_minutes.split("\n") if line)
        else:
            paragraphs = self.visible(item, item.minutes)
        kept = paragraphs
        if truncate and self.options.truncate_minutes and sum(len(p) for p in paragraphs) > self.options.truncate_at:
            budget, cut = self.options.truncate_at, 0
            while cut < len(paragraphs) and budget > 0:
                budget -= len(paragraphs[cut])
                cut += 1
            kept = paragraphs[: max(cut, 1)] if cut < len(paragraphs) else paragraphs
        if item.raw_minutes is not None:
            rendered = render_raw_text_as_word("\n".join(kept))
        else:
            double = "double_escape" in item.flags and self.options.double_escape
            rendered = render_word_html(kept, item.item_id, double_escape=double)
        if kept is paragraphs:
            return rendered
        link = (
            f'<p class="MsoNormal">&#8230; <a  href="mgAi.aspx?ID={item.item_id}"  >'
            f"{TRUNCATION_LINK_TEXT} {esc(item.number or '')}</a></p>"
        )
        body, closing = rendered.rsplit("</div>", 1)
        return f"{body}{link}\n</div>{closing}"

    def restricted_links(self, item: ItemData) -> str:
        return (
            '<ul  class="mgActionList" >\n'
            f'<li><a  href="mgAi.aspx?ID={item.item_id}&amp;RR=1"  >View the reasons why item {esc(item.number or "")} is restricted</a></li>\n'
            "</ul>"
        )

    def item_blocks(self, item: ItemData, *, full_minutes: bool) -> str:
        """Agenda text, decision, minutes and documents of one item (meeting page or mgAi page)."""
        if item.restricted:
            return self.restricted_links(item)
        parts = []
        if item.agenda:
            parts.append(f'<div class="mgWordPara">{self.word(item, item.agenda, shift=1)}</div>')
        if item.decision:
            parts.append('<p class="mgSubItemTitleTxt">Decision:</p>')
            parts.append(f'<div class="mgWordPara">{self.word(item, item.decision, shift=2)}</div>')
        if item.minutes or item.raw_minutes:
            parts.append('<p class="mgSubItemTitleTxt">Minutes:</p>')
            minutes = self.minutes_html(item, truncate=not full_minutes)
            parts.append(f'<div class="mgWordPara">{minutes}</div>')
        if item.documents:
            parts.append('<p class="mgSubItemTitleTxt">Supporting documents:</p>')
            parts.append(self.document_list(item.documents))
        return "\n".join(parts)

    # --- pages ----------------------------------------------------------------------------------

    def doc_home(self) -> str:
        rows = "\n".join(
            f'<li><a  href="ieListMeetings.aspx?CId={c.committee_id}"  >{esc(c.title)}</a></li>'
            for c in self.data.committees
        )
        content = f'<p>Browse the meetings and agendas of our committees.</p>\n<ul  class="mgBulletList" >\n{rows}\n</ul>'
        return self.template("Browse meetings", "Browse meetings", self.modgov("Browse meetings", None, content))

    def committee_list(self, listed: Iterable[CommitteeData] | None = None) -> str:
        categories: dict[str, list[CommitteeData]] = {}
        for committee in self.data.committees if listed is None else listed:
            categories.setdefault(committee.category, []).append(committee)
        blocks = []
        for category, committees in categories.items():
            rows = "\n".join(
                f'<li><a  href="mgCommitteeDetails.aspx?ID={c.committee_id}"  title="Link&#32;to&#32;committee&#32;details">{esc(c.title)}</a></li>'
                for c in committees
            )
            blocks.append(f'<h2 class="mgSectionTitle">{esc(category)}</h2>\n<ul  class="mgBulletList" >\n{rows}\n</ul>')
        return self.template(
            "Committee structure", "Committees", self.modgov("Committee structure", None, "\n".join(blocks))
        )

    def committee_details(self, committee: CommitteeData) -> str:
        content = (
            f'<h2 class="mgSectionTitle">Purpose of committee</h2>\n<div class="mgWordPara"><p>{esc(committee.purpose)}</p></div>\n'
            f'<p><a href="ieListMeetings.aspx?CId={committee.committee_id}">Browse meetings</a></p>'
        )
        return self.template(committee.title, esc(committee.title), self.modgov("Committee details", esc(committee.title), content))

    def meeting_list(self, committee: CommitteeData, year: int) -> str:
        meetings = self.data.meetings_of(committee.committee_id)
        years = sorted({m.date.year for m in meetings}, reverse=True)
        year_links = " | ".join(
            f'<a  href="ieListMeetings.aspx?CId={committee.committee_id}&amp;Year={y}"  >{y}</a>' if y != year else f"<strong>{y}</strong>"
            for y in years
        )
        rows = []
        for meeting in meetings:
            if meeting.date.year != year:
                continue
            status = " CANCELLED" if meeting.cancelled else ""
            rows.append(
                f'<li><a  href="ieListDocuments.aspx?CId={committee.committee_id}&amp;MId={meeting.meeting_id}&amp;Ver=4"  '
                f'title="Link&#32;to&#32;agenda">{short_date(meeting.date)} {esc(meeting.time)}</a>{status}</li>'
            )
        listing = (
            '<ul  class="mgNonBulletTableList" >\n' + "\n".join(rows) + "\n</ul>"
            if rows
            else "<p>There are no meetings of this committee in this year.</p>"
        )
        content = f'<p class="mgYearList">Years: {year_links}</p>\n<h2 class="mgSectionTitle">Meetings in {year}</h2>\n{listing}'
        return self.template(
            f"Browse meetings - {committee.title}", esc(committee.title), self.modgov("Browse meetings", esc(committee.title), content)
        )

    def meeting_packs(self, committee: CommitteeData, meeting: MeetingData) -> str:
        if not self.options.meeting_packs or meeting.cancelled:
            return ""
        stamp = f"{ordinal(meeting.date.day).zfill(4)}-{meeting.date.strftime('%b')}-{meeting.date.year}"
        packs = [("Agenda frontsheet", f"Agenda frontsheet {stamp} {committee.title}.pdf", 0)]
        if any(item.minutes or item.raw_minutes for item in meeting.items):
            packs.append(("Printed minutes", f"Printed minutes {stamp} {committee.title}.pdf", 1))
        rows = "\n".join(
            f'<li><a  href="documents/g{meeting.meeting_id}/{esc(file)}?T={t}"  >{label} '
            f'<span  class="mgFileSize" ><img height="12" src="mgimages/logo-pdf-1.gif" width="12" alt="pdf icon" /> PDF {200 + t * 77} KB</span></a></li>'
            for label, file, t in packs
        )
        return f'<ul  class="mgBulletList" >\n{rows}\n</ul>'

    def meeting_page(self, committee: CommitteeData, meeting: MeetingData) -> tuple[str, str]:
        """(html, page title). Cancelled meetings say so in ``<title>`` as real installs do."""
        heading = "Agenda and minutes" if any(i.minutes or i.raw_minutes for i in meeting.items) else "Agenda"
        if any(i.decision for i in meeting.items):
            heading = "Agenda, decisions and minutes"
        links = (
            '<ul  class="mgActionList" >\n'
            f'<li><a  href="mgMeetingAttendance.aspx?ID={meeting.meeting_id}"  >Attendance details</a></li>\n'
            f'<li><a  href="ieListMeetings.aspx?CId={committee.committee_id}&amp;Year={meeting.date.year}"  >Other meetings of this committee</a></li>\n'
            "</ul>\n"
        )
        rows = []
        for item in meeting.items:
            number = esc(item.number) if item.number else ""
            title = esc(item.title)
            if not item.restricted and item.item_id % 3 == 0:
                title = f'<a  href="mgAi.aspx?ID={item.item_id}"  class="mgAiTitleLnk" >{title}<span  class="mgHide" > ref&#58; {item.item_id}</span></a>'
            rows.append(
                f'<tr>\n<td  class="mgItemNumberCell" ><p  class="mgAiTitleTxt" >{number}</p></td>\n'
                f'<td ><a  name="AI{item.item_id}" ></a><p  class="mgAiTitleTxt" >{title}</p>\n'
                f"{self.item_blocks(item, full_minutes=False)}\n</td>\n</tr>"
            )
        status = "<p><strong>This meeting has been cancelled.</strong></p>\n" if meeting.cancelled else ""
        table = (
            f'<table  class="mgItemTable"  summary="Table of items for this meeting">\n' + "\n".join(rows) + "\n</table>"
            if rows
            else "<p>There are no items to display for this meeting.</p>"
        )
        content = (
            f"{status}"
            f'<p><span  class="mgLabel" >Venue: </span>{esc(meeting.venue)}</p>\n'
            '<p><span  class="mgLabel" >Contact: </span>Democratic Services, 01632 960 418</p>\n'
            f"{self.meeting_packs(committee, meeting)}\n"
            '<h2 class="mgSectionTitle">Items</h2>\n'
            f"{table}"
        )
        title = f"Agenda for {committee.title} on {long_date(meeting.date)}, {meeting.time}"
        if meeting.cancelled:
            title += " - CANCELLED"
        page = self.template(
            title,
            f'<a href="ieListMeetings.aspx?CId={committee.committee_id}">{esc(committee.title)}</a>',
            self.modgov(heading, self.meeting_subtitle(committee, meeting), content, links),
        )
        return page, title

    def item_page(self, committee: CommitteeData, meeting: MeetingData, item: ItemData) -> str:
        links = (
            '<ul  class="mgActionList" >\n'
            f'<li><a  href="ieListDocuments.aspx?CId={committee.committee_id}&amp;MId={meeting.meeting_id}"  >'
            f"Meeting: {meeting.date.strftime('%d/%m/%Y')} - {esc(committee.title)} (Item {esc(item.number or '')})</a></li>\n"
            "</ul>\n"
        )
        return self.template(
            f"Agenda item - {item.title}",
            esc(item.title),
            self.modgov("Agenda item", esc(item.title), self.item_blocks(item, full_minutes=True), links),
        )

    def attendance_page(self, committee: CommitteeData, meeting: MeetingData) -> str:
        rows = []
        for attendee in meeting.attendees:
            name = (
                f'<a  href="mgUserInfo.aspx?UID={attendee.uid}"  >{esc(attendee.name)}</a>'
                if attendee.uid is not None
                else esc(attendee.name)
            )
            rows.append(
                f'<tr><td  class="mgMainTxt" >{name}</td><td  class="mgMainTxt" >{esc(attendee.role)}</td>'
                f'<td  class="mgMainTxt" >{esc(attendee.attendance)}</td><td  class="mgMainTxt" ></td></tr>'
            )
        content = (
            '<table  class="mgStatsTable"  summary="Table of meeting attendance">\n'
            '<thead><tr><th scope="col">Attendee</th><th scope="col">Role</th><th scope="col">Attendance</th>'
            '<th scope="col">Attendance comment</th></tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table>"
        )
        return self.template(
            "Attendance", "Attendance", self.modgov("Attendance", self.meeting_subtitle(committee, meeting), content)
        )

    def member_page(self, uid: int) -> str | None:
        member = self.data.member(uid)
        if member is None:
            return None
        content = (
            f'<p><span  class="mgLabel" >Party: </span>{esc(member.party)}</p>\n'
            f'<p><span  class="mgLabel" >Ward: </span>{esc(member.ward)}</p>\n'
            '<h2 class="mgSectionTitle">Contact information</h2>\n'
            f'<p>Home address: {esc(member.home_address)}</p>\n<p>Phone: {esc(member.phone)}</p>'
        )
        return self.template(member.name, esc(member.name), self.modgov("Councillor details", esc(member.name), content))

    def error_page(self) -> str:
        content = "<p>Sorry, an error has occurred. The page you requested could not be found.</p>"
        return self.template("Error", "Error", self.modgov("Error", None, content))


__all__ = ["Pages", "PageOptions", "long_date", "short_date", "ordinal", "TRUNCATION_LINK_TEXT"]

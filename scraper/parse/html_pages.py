"""Parsers for ModernGov HTML pages (GUIDE.md §6): pure ``bytes -> records`` functions.

Only the ``div#modgov`` block is read: the council's template around it (header, navigation, footer)
varies by install and is noise. A page without ``#modgov`` is not a ModernGov page (or is a WAF stub or
a broken page) and raises ``ParseError``. A selector that must match once and matches nothing raises
``ParseError`` naming the selector; a list that is simply empty (no meetings this year, no items on
a cancelled agenda) is normal and returns empty.

The meeting page (``ieListDocuments.aspx``) and the agenda item page (``mgAi.aspx``) use the same
blocks as the web service's HTML, cleaned by the same ``text`` functions, so a meeting parsed from its
pages equals the same meeting parsed from ``GetMeeting``. Two things the pages do not carry in one
response: attendees (``mgMeetingAttendance.aspx``, ``parse_attendance``) and the full minutes of
items the meeting page truncates (``mgAi.aspx``, ``parse_item_page``); the caller merges them.
"""

from __future__ import annotations

import re

from scraper.records import AgendaItem, Document, Meeting

from .errors import ParseError
from .html_attendance import parse_attendance
from .html_common import (
    _classes,
    _clean_title,
    _document,
    _int_param,
    _is_document_link,
    _links_to,
    _page_title,
    _tags,
    modgov_root,
    query_params,
)
from .html_decisions import parse_decision_detail, parse_decision_list
from .html_items import (
    _NUMBER_IN_TITLE,
    _dc_date,
    _item_id_in,
    _item_tables,
    _item_title_tag,
    _meeting_status,
    _read_item_blocks,
    _split_cells,
    _synthetic_item_id,
    _venue,
)
from .html_lists import parse_committee_list, parse_meeting_list
from .text import inline_text
from .types import ParsedMeeting
from .urls import item_url, meeting_url
from .values import find_text_date_span, parse_clock_time


def parse_meeting_page(
    body: bytes | str,
    base_url: str,
    site: str,
    committee_id: int,
    meeting_id: int,
    *,
    url: str | None = None,
) -> ParsedMeeting:
    """``ieListDocuments.aspx?CId=&MId=``: the meeting, its items, and its meeting-level documents.

    - date and time come from ``h2.mgSubTitleTxt`` ("<Committee> - <Weekday>, <d>th <Month>, <yyyy>
      <h.mm am>", or "… - Thursday 15 January 2026 7:30 pm", sometimes inside a committee link) by
      searching for the date itself, so hyphenated committee names and weekend meetings parse; failing
      that, the page ``<title>`` ("Agenda for X on Thursday 15 January 2026, 7:30 pm") or its
      ``DC.date`` meta;
    - status is a marker word (CANCELLED, POSTPONED, ...) in the subtitle, the page ``<title>`` or a
      "This meeting has been cancelled" notice, else "Confirmed"; venue is the "Venue:" label's value;
    - items are the rows of ``table.mgItemTable``/``table#mgItemTable``; an item's id comes from its
      ``AI<id>`` anchor or its ``mgAi.aspx?ID=`` link (a row with neither gets a stable negative id,
      ``_synthetic_item_id``); restricted items keep their title only;
    - items whose minutes end "view the full minutes text for item ..." are listed in
      ``truncated_item_ids`` with the visible part as ``minutes_text``;
    - meeting-level documents are the file links outside the item table (packs, printed minutes);
    - attendees are not on this page: ``parse_attendance`` reads ``mgMeetingAttendance.aspx``.
    """
    root = modgov_root(body, url)
    subtitle_tag = root.find(class_="mgSubTitleTxt")
    subtitle = inline_text(subtitle_tag) if subtitle_tag is not None else ""
    page_title = _page_title(body)
    found = find_text_date_span(subtitle)
    meeting_date = meeting_time = None
    after_date = ""
    if found is not None:
        meeting_date, date_end = found
        after_date = subtitle[date_end:]
        meeting_time = parse_clock_time(after_date)
    else:
        from_title = find_text_date_span(page_title)
        if from_title is not None:
            meeting_date, date_end = from_title
            meeting_time = parse_clock_time(page_title[date_end:])
        else:
            meeting_date = _dc_date(body)
    if meeting_date is None:
        if subtitle_tag is None:
            raise ParseError("selector h2.mgSubTitleTxt matched nothing and the page title has no date", url)
        raise ParseError(f"no meeting date in h2.mgSubTitleTxt {subtitle!r}", url)

    skipped: list[str] = []
    items: list[AgendaItem] = []
    truncated: list[int] = []
    item_rows: set[int] = set()
    tables = _item_tables(root)
    for table in tables:
        for row in (tag for tag in _tags(table) if tag.name == "tr"):
            if row.find_parent("table") is not table:
                continue  # rows of nested tables belong to their own table
            number_cell, content_cell = _split_cells(row)
            if content_cell is None:
                continue
            title_tag = _item_title_tag(content_cell)
            item_id = _item_id_in(row)
            if title_tag is None:
                continue  # spacer rows and notes without an item
            if item_id is None:
                if "mgAiTitleTxt" not in _classes(title_tag):
                    continue  # neither ModernGov's title class nor an item id: a note row, not an item
                item_id = _synthetic_item_id(meeting_id, len(items))
            if item_id in item_rows:
                continue
            item_rows.add(item_id)
            number = (inline_text(number_cell) or None) if number_cell is not None else None
            title = _clean_title(inline_text(title_tag))
            if number is None:
                numbered = _NUMBER_IN_TITLE.match(title)
                if numbered:
                    number, title = numbered.group(1), numbered.group(2)
            exclude = title_tag if "mgAiTitleTxt" not in _classes(title_tag) else None
            content = _read_item_blocks(content_cell, base_url, skipped, exclude=exclude)
            restricted = content.restricted
            items.append(
                AgendaItem(
                    site=site,
                    item_id=item_id,
                    meeting_id=meeting_id,
                    committee_id=committee_id,
                    number=number,
                    title=title,
                    agenda_text="" if restricted else content.text("agenda"),
                    minutes_text="" if restricted else content.text("minutes"),
                    decision_text="" if restricted else content.text("decision"),
                    restricted=restricted,
                    position=len(items),
                    source_url=item_url(base_url, item_id) if item_id > 0 else meeting_url(base_url, committee_id, meeting_id),
                    documents=() if restricted else tuple(content.documents),
                )
            )
            if content.truncated and not restricted and item_id > 0:
                truncated.append(item_id)

    meeting_documents: list[Document] = []
    seen: set[str] = set()
    for link in _tags(root):
        if link.name != "a" or not link.get("href") or not _is_document_link(link):
            continue
        if any(parent in tables for parent in link.parents):
            continue
        document = _document(link, base_url, skipped)
        if document is not None and document.url not in seen:
            seen.add(document.url)
            meeting_documents.append(document)

    content_area = root.find(class_="mgContent") or root
    notices = " ".join(
        inline_text(paragraph) for paragraph in content_area.find_all(["p", "div", "strong"], recursive=False, limit=12)
        if paragraph.name != "div" or not _classes(paragraph)
    )
    meeting = Meeting(
        site=site,
        meeting_id=meeting_id,
        committee_id=committee_id,
        date=meeting_date,
        time=meeting_time,
        status=_meeting_status(page_title, subtitle, after_date, notices),
        venue=_venue(root),
        source_url=meeting_url(base_url, committee_id, meeting_id),
        documents=tuple(meeting_documents),
    )
    return ParsedMeeting(
        meeting=meeting, items=tuple(items), truncated_item_ids=tuple(truncated), skipped_links=tuple(skipped)
    )


_ITEM_REFERENCE = re.compile(r"\(\s*(?:Item|Eitem)\s+([^)]+?)\s*\)", re.IGNORECASE)


def parse_item_page(
    body: bytes | str,
    base_url: str,
    site: str,
    meeting_id: int,
    committee_id: int,
    *,
    item_id: int | None = None,
    url: str | None = None,
) -> AgendaItem:
    """``mgAi.aspx?ID=``: one agenda item with its full minutes.

    The item id is ``item_id`` when given, else the ``ID`` of ``url``, else the page's ``AI<id>``
    anchor. The display number comes from the meeting link "(Item 4.)" when the page shows it. The page
    does not know the item's position on the agenda (0 here): merge the texts into the item parsed
    from the meeting page, e.g. ``dataclasses.replace(item, minutes_text=page.minutes_text)``.
    Item blocks are read as on the meeting page; loose paragraphs count only after a section heading,
    because the page's content area also holds its own labels and links.
    """
    root = modgov_root(body, url)
    if item_id is None and url:
        item_id = _int_param(url, "ID")
    if item_id is None:
        item_id = _item_id_in(root)
    if item_id is None:
        raise ParseError("agenda item page without an item id (pass item_id or url)", url)
    title_tag = root.find(class_="mgSubTitleTxt") or root.find(class_="mgAiTitleTxt")
    if title_tag is None:
        raise ParseError("selector h2.mgSubTitleTxt matched nothing", url)
    number = None
    for link in _links_to(root, "ieListDocuments.aspx"):
        reference = _ITEM_REFERENCE.search(inline_text(link))
        if reference:
            number = reference.group(1)
            break
    content_root = root.find(class_="mgContent") or root
    skipped: list[str] = []
    content = _read_item_blocks(content_root, base_url, skipped, loose_agenda=False, descend_tables=True)
    restricted = content.restricted
    return AgendaItem(
        site=site,
        item_id=item_id,
        meeting_id=meeting_id,
        committee_id=committee_id,
        number=number,
        title=_clean_title(inline_text(title_tag)),
        agenda_text="" if restricted else content.text("agenda"),
        minutes_text="" if restricted else content.text("minutes"),
        decision_text="" if restricted else content.text("decision"),
        restricted=restricted,
        source_url=item_url(base_url, item_id),
        documents=() if restricted else tuple(content.documents),
    )


__all__ = [
    "modgov_root",
    "query_params",
    "parse_committee_list",
    "parse_meeting_list",
    "parse_meeting_page",
    "parse_item_page",
    "parse_attendance",
    "parse_decision_detail",
    "parse_decision_list",
]

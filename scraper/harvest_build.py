"""Stored responses -> records: the pure assembly step shared by ``crawl`` and ``reparse``.

A crawl fetches, stores, then calls these functions on the stored bodies; ``reparse`` calls the
very same functions on the same bodies read back from the archive. That is what makes "reparse
offline equals crawl" true by construction rather than by care.

The parsers in ``scraper.parse`` turn one response into records; this module combines several
responses into one meeting (web-service path: ``GetMeeting`` and the meeting page, for decisions and
packs; HTML path: the meeting page, the full minutes of truncated items from ``mgAi.aspx``, the
attendance page) and applies the archive's own rules (restricted items keep
their title only).
"""

from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass
from typing import Mapping

from scraper.parse import html_pages, webservice
from scraper.parse.errors import ParseError
from scraper.parse.types import ParsedMeeting
from scraper.records import AgendaItem, Committee
from scraper.store import enforce_restricted

# Capture kinds: what a stored response was fetched as. Reparse selects captures by kind.
KIND_ROBOTS = "robots"
KIND_WS_COMMITTEES = "ws_committees"
KIND_WS_MEETINGS = "ws_meetings"
KIND_WS_MEETING = "ws_meeting"
KIND_HTML_COMMITTEES = "html_committees"
KIND_HTML_HOME = "html_home"  # the meetings home page, read for the council's name
KIND_HTML_MEETING_LIST = "html_meeting_list"
KIND_HTML_MEETING = "html_meeting"
KIND_HTML_MEETING_DOCS = "html_meeting_docs"  # a meeting page read to complete a web-service meeting
KIND_HTML_ITEM = "html_item"
KIND_HTML_ATTENDANCE = "html_attendance"

MODE_WEBSERVICE = "webservice"
MODE_HTML = "html"


@dataclass(frozen=True)
class Page:
    """A response body with the URL it came from (for error messages)."""

    body: bytes
    url: str


_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)
_TITLE_SEPARATORS = re.compile(r"\s+[-|\u2013\u2014:]\s+")
_GENERIC_TITLE_PARTS = {"modern.gov", "moderngov", "home", "committee structure", "committees", "browse meetings"}


def site_name_from_page(body: bytes) -> str | None:
    """The council's name from a ModernGov page's ``<title>`` ("Committee structure - Borough of
    Eastmere Council"), or None when the title has no part that reads like a name.

    The template outside ``#modgov`` belongs to the council, so this is a best guess for display
    only (the "council" facet); the host name stands in when it fails.
    """
    found = _TITLE.search(body[:65536])
    if not found:
        return None
    title = html.unescape(found.group(1).decode("utf-8", errors="replace"))
    title = " ".join(title.split())
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return None
    for part in reversed(parts):
        if part.casefold() not in _GENERIC_TITLE_PARTS and 2 < len(part) <= 120:
            return part
    return None


def committees_from(kind: str, page: Page, base_url: str, site: str) -> list[Committee]:
    if kind == KIND_WS_COMMITTEES:
        return webservice.parse_committees(page.body, site, url=page.url)
    if kind == KIND_HTML_COMMITTEES:
        return html_pages.parse_committee_list(page.body, base_url, site, url=page.url)
    raise ValueError(f"not a committee list kind: {kind}")


def meeting_from_webservice(
    page: Page, base_url: str, site: str, committee_id: int, *, documents_page: Page | None = None
) -> ParsedMeeting:
    """``GetMeeting``, completed from the meeting's HTML page (``ieListDocuments``) when
    ``documents_page`` is given and parses: see ``with_meeting_page`` for what the page adds.

    A meeting page that does not parse is left out rather than failing the meeting: the crawl
    reports it; everything the web service said still stands.
    """
    parsed = webservice.parse_meeting(page.body, site, committee_id, base_url, url=page.url)
    if documents_page is not None:
        try:
            shown = meeting_page(documents_page, base_url, site, committee_id, parsed.meeting.meeting_id)
        except ParseError:
            shown = None
        if shown is not None:
            parsed = with_meeting_page(parsed, shown)
    return finish(parsed)


def meeting_page(page: Page, base_url: str, site: str, committee_id: int, meeting_id: int) -> ParsedMeeting:
    """An ``ieListDocuments`` page parsed; raises ``ParseError`` when it does not parse."""
    return html_pages.parse_meeting_page(page.body, base_url, site, committee_id, meeting_id, url=page.url)


def with_meeting_page(parsed: ParsedMeeting, shown: ParsedMeeting) -> ParsedMeeting:
    """A web-service meeting completed with what only its HTML meeting page carries.

    The web service has no decision methods or fields (GUIDE.md §3, §7.3) and no meeting-level
    documents; the meeting page has both: each item's "Decision:" block, and the agenda packs and
    printed minutes (GUIDE.md §9 step 5). So:

    - the meeting takes the page's documents, and the page's skipped non-http links are reported;
    - each service item is matched to the page's item of the same id (an ``AI<id>`` anchor, an
      ``mgAi.aspx?ID=`` link or an ``ieDecisionDetails.aspx?AIId=`` link; rows without an id never
      match) and takes the page's decision text, and the page's agenda or minutes text where the
      service's is blank. The service's own text always wins; where the page cut long minutes short
      ("view the full minutes text"), only the part it shows can be taken;
    - an item either side calls exempt is exempt (``finish`` leaves it its title only), so text the
      service withheld from a restricted item never comes back from the page;
    - the service decides which items exist and their order, numbers and titles: page rows it does
      not list are not added, and item documents stay the service's (it marks restricted ones).
    """
    by_id = {item.item_id: item for item in shown.items if item.item_id > 0}
    items = []
    for item in parsed.items:
        on_page = by_id.get(item.item_id)
        if on_page is not None:
            item = _complete_item(item, on_page)
        items.append(item)
    return dataclasses.replace(
        parsed,
        meeting=dataclasses.replace(parsed.meeting, documents=shown.meeting.documents),
        items=tuple(items),
        skipped_links=tuple(dict.fromkeys(parsed.skipped_links + shown.skipped_links)),
    )


def _complete_item(from_service: AgendaItem, on_page: AgendaItem) -> AgendaItem:
    if from_service.restricted or on_page.restricted:
        return dataclasses.replace(from_service, restricted=True)
    return dataclasses.replace(
        from_service,
        agenda_text=from_service.agenda_text or on_page.agenda_text,
        minutes_text=from_service.minutes_text or on_page.minutes_text,
        decision_text=from_service.decision_text or on_page.decision_text,
    )


MISSING_ITEM_PAGE = "full minutes page not available"


@dataclass(frozen=True)
class PageProblem:
    """A supporting page (item, attendance) missing or unparseable; the meeting is built without it."""

    url: str
    reason: str

    @property
    def unparseable(self) -> bool:
        """True when the page was there but did not parse (a missing page was reported when fetched)."""
        return self.reason != MISSING_ITEM_PAGE


def meeting_from_html(
    page: Page,
    base_url: str,
    site: str,
    committee_id: int,
    meeting_id: int,
    *,
    item_pages: Mapping[int, Page] | None = None,
    attendance: Page | None = None,
    parsed_page: ParsedMeeting | None = None,
) -> tuple[ParsedMeeting, tuple[PageProblem, ...]]:
    """The meeting page, completed with full minutes from item pages and the attendance list.

    Raises ``ParseError`` when the meeting page itself does not parse. An item or attendance
    page that does not parse is left out and returned as a ``PageProblem`` (the item keeps the
    part of its minutes the meeting page showed), as is a truncated item whose page is missing:
    the caller reports them and knows the meeting is incomplete. ``parsed_page`` is ``page``
    already parsed (the crawl reads it first to learn which items are truncated).
    """
    parsed = parsed_page or html_pages.parse_meeting_page(
        page.body, base_url, site, committee_id, meeting_id, url=page.url
    )
    problems: list[PageProblem] = []
    items = list(parsed.items)
    for index, item in enumerate(items):
        if item.item_id not in parsed.truncated_item_ids:
            continue
        full_page = (item_pages or {}).get(item.item_id)
        if full_page is None:
            problems.append(PageProblem(item.source_url or page.url, MISSING_ITEM_PAGE))
            continue
        try:
            full = html_pages.parse_item_page(
                full_page.body, base_url, site, meeting_id, committee_id, item_id=item.item_id, url=full_page.url
            )
        except ParseError as exc:
            problems.append(PageProblem(full_page.url, getattr(exc, "reason", None) or str(exc)))
            continue
        items[index] = _merge_item(item, full)
    meeting = parsed.meeting
    if attendance is not None:
        try:
            meeting = dataclasses.replace(
                meeting, attendees=html_pages.parse_attendance(attendance.body, url=attendance.url)
            )
        except ParseError as exc:
            problems.append(PageProblem(attendance.url, getattr(exc, "reason", None) or str(exc)))
    built = finish(ParsedMeeting(meeting, tuple(items), parsed.truncated_item_ids, parsed.skipped_links))
    return built, tuple(problems)


def _merge_item(visible: AgendaItem, full: AgendaItem) -> AgendaItem:
    """Keep the meeting page's identity fields (number, position); take the full texts."""
    return dataclasses.replace(
        visible,
        minutes_text=full.minutes_text or visible.minutes_text,
        agenda_text=visible.agenda_text or full.agenda_text,
        decision_text=visible.decision_text or full.decision_text,
        documents=visible.documents or full.documents,
        restricted=visible.restricted or full.restricted,
    )


def finish(parsed: ParsedMeeting) -> ParsedMeeting:
    """Archive rules applied to every meeting, whichever path it came by."""
    items = tuple(enforce_restricted(dataclasses.replace(item, position=i)) for i, item in enumerate(parsed.items))
    return dataclasses.replace(parsed, items=items)


__all__ = [
    "Page",
    "PageProblem",
    "committees_from",
    "meeting_from_webservice",
    "with_meeting_page",
    "meeting_from_html",
    "MODE_WEBSERVICE",
    "MODE_HTML",
]

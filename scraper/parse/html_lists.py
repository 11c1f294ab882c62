"""``mgListCommittees.aspx`` and ``ieListMeetings.aspx``: committees and a committee's meetings."""

from __future__ import annotations

import re

from bs4.element import NavigableString, Tag

from scraper.records import Committee, Meeting

from .html_common import _NON_TEXT_STRINGS, _classes, _int_param, _links_to, _page_name, modgov_root
from .text import clean_inline, inline_text
from .urls import meeting_url
from .values import find_status, find_text_date_span, parse_clock_time


def _own_text(element: Tag) -> str:
    """An element's text without the text of its nested lists (a category ``li`` holding a ``ul``)."""
    parts: list[str] = []
    for child in element.children:
        if isinstance(child, NavigableString):
            if not isinstance(child, _NON_TEXT_STRINGS):
                parts.append(str(child))
        elif isinstance(child, Tag) and child.name not in ("ul", "ol", "table", "div"):
            parts.append(inline_text(child))
    return clean_inline(" ".join(parts))


def _committee_category(link: Tag, root: Tag) -> str | None:
    """A committee link's category: the label of an enclosing list item (nested ``ul`` groups), else the
    nearest preceding section heading (``.mgSectionTitle``, or a plain ``h2``-``h4``) inside ``#modgov``."""
    item = link.find_parent("li")
    if item is not None:
        outer = item.find_parent("li")
        if outer is not None and root in outer.parents:
            label = _own_text(outer)
            if label:
                return label
    for heading in link.find_all_previous(["h2", "h3", "h4", "p", "caption", "div", "span"], limit=200):
        if root not in heading.parents:
            return None
        classes = _classes(heading)
        if "mgSectionTitle" in classes or (
            heading.name in ("h2", "h3", "h4") and not {"mgMainTitleTxt", "mgSubTitleTxt"}.intersection(classes)
        ):
            return inline_text(heading) or None
    return None


def parse_committee_list(body: bytes | str, base_url: str, site: str, *, url: str | None = None) -> list[Committee]:
    """``mgListCommittees.aspx``: committees from ``mgCommitteeDetails.aspx?ID=`` links.

    A committee's category is the heading of its group: an ``.mgSectionTitle`` (``h2`` + ``ul`` blocks,
    the usual layout) or the label of an outer list item when installs nest ``ul`` groups. A link with
    no text (an icon) takes its name from its ``title`` attribute; a committee listed twice keeps the
    first named entry.
    """
    root = modgov_root(body, url)
    committees: dict[int, Committee] = {}
    for link in _links_to(root, "mgCommitteeDetails.aspx"):
        committee_id = _int_param(link["href"], "ID")
        if committee_id is None:
            continue
        title = inline_text(link)
        if not title:
            attribute = clean_inline(link.get("title"))
            title = re.sub(r"^Link\s+to\s+(?:committee\s+)?details\s+(?:for|of)\s+", "", attribute, flags=re.IGNORECASE)
        if committee_id in committees and (committees[committee_id].title or not title):
            continue
        committees[committee_id] = Committee(
            site=site, committee_id=committee_id, title=title, category=_committee_category(link, root)
        )
    return list(committees.values())


_LINK_SEPARATORS = frozenset({"br", "p", "div", "li", "tr", "td", "table", "ul", "ol", "hr"})


def _text_after_link(link: Tag, limit: int = 200) -> str:
    """The text that follows a link up to the next link or line break (" - CANCELLED", "(Postponed)")."""
    parts: list[str] = []
    size = 0
    for sibling in link.next_siblings:
        if isinstance(sibling, NavigableString):
            if isinstance(sibling, _NON_TEXT_STRINGS):
                continue
            text = str(sibling)
        elif isinstance(sibling, Tag):
            if sibling.name == "a" or sibling.name in _LINK_SEPARATORS:
                break
            text = inline_text(sibling)
        else:
            continue
        parts.append(text)
        size += len(text)
        if size > limit:
            break
    return clean_inline(" ".join(parts))


def parse_meeting_list(
    body: bytes | str, base_url: str, site: str, committee_id: int, *, url: str | None = None
) -> list[Meeting]:
    """``ieListMeetings.aspx?CId=&Year=``: one Meeting per ``ieListDocuments.aspx`` link.

    Link texts read "31 Mar 2020 6.30 pm" or "15 Jun 2026 7:30 pm" (a link without a date falls back to
    its ``title``, "… meeting of 15 Jun 2026"). Links sit in ``li``, table rows, paragraphs or bare
    ``<br>``-separated runs; a status word after the link (" - CANCELLED", "(Postponed)") sets the
    status, otherwise the meeting is "Confirmed". Links to another committee's meetings are ignored.
    Venue and attendees are only on the meeting's own pages.
    """
    root = modgov_root(body, url)
    meetings: dict[int, Meeting] = {}
    # Old meetings on long-lived installs still link to the legacy CeListDocuments.aspx?MID= page.
    pages = ("ielistdocuments.aspx", "celistdocuments.aspx")
    for link in (a for a in root.find_all("a", href=True) if _page_name(a["href"]) in pages):
        meeting_id = _int_param(link["href"], "MId", "MeetingId", "MID")
        if meeting_id is None or meeting_id in meetings:
            continue
        link_committee = _int_param(link["href"], "CId", "CommitteeId")
        if link_committee is not None and link_committee != committee_id:
            continue
        text = inline_text(link)
        found = find_text_date_span(text)
        if found is None:
            title = clean_inline(link.get("title"))
            found_in_title = find_text_date_span(title)
            if found_in_title is not None:
                text, found = title, found_in_title
        meeting_date, after = (found if found else (None, 0))
        status = find_status(_text_after_link(link))
        if status is None:
            container = link.find_parent(["li", "tr"])
            if container is not None and root in container.parents:
                others = [
                    a for a in container.find_all("a", href=True)
                    if _page_name(a["href"]) in pages
                ]
                if len(others) <= 1:
                    status = find_status(inline_text(container))
        meetings[meeting_id] = Meeting(
            site=site,
            meeting_id=meeting_id,
            committee_id=committee_id,
            date=meeting_date,
            time=parse_clock_time(text[after:]) if found else None,
            status=status or "Confirmed",
            source_url=meeting_url(base_url, committee_id, meeting_id),
        )
    return list(meetings.values())


__all__ = ["parse_committee_list", "parse_meeting_list"]

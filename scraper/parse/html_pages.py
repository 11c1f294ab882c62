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
import warnings
from html import unescape as html_unescape
from datetime import date
from urllib.parse import parse_qsl, urlsplit

from bs4 import BeautifulSoup, SoupStrainer, XMLParsedAsHTMLWarning
from bs4.element import Tag

from scraper.records import AgendaItem, Attendee, Committee, Document, Meeting

from .errors import ParseError
from .text import absolute_url, clean_inline, inline_text, tag_to_text
from .types import DecisionDetail, DecisionSummary, ParsedMeeting
from .urls import item_url, meeting_url
from .values import find_status, find_text_date, find_text_date_span, parse_clock_time, parse_int, parse_uk_date

_TRUNCATION = re.compile(r"view\s+the\s+full\s+minutes\s+text\s+for\s+item", re.IGNORECASE)
_RESTRICTED = re.compile(r"\b(?:reasons?\s+why\b.*\brestricted|exempt\s+information|restricted\s+item)\b", re.IGNORECASE)
_AI_ANCHOR = re.compile(r"^AI(\d+)$")
_DOC_HREF = re.compile(r"(?:^|/)(?:documents/|mgConvert2PDF\.aspx)|\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf)(?:$|[?#])", re.IGNORECASE)
_ATTACHMENT_ID = re.compile(r"(?:documents/s(\d+)/|mgConvert2PDF\.aspx\?(?:[^#]*&)?ID=(\d+))", re.IGNORECASE)
_TRAILING_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*$")
_SECTION_HEADINGS = {
    "minutes": "minutes",
    "minute": "minutes",
    "decision": "decision",
    "decisions": "decision",
    "additional documents": "documents",
    "supporting documents": "documents",
    "documents": "documents",
    "attachments": "documents",
}


# --- shared helpers -----------------------------------------------------------------------------


# Only the #modgov block is ever read, so only it is built into a tree: the council template around it
# costs tree-building time for nothing (about a third of a meeting page's parse).
_MODGOV_ONLY = SoupStrainer(id="modgov")
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


def _soup(body: bytes | str, *, modgov_only: bool = False) -> BeautifulSoup:
    # Hostile or mistaken input (an XML answer handed to an HTML parser) is reported by ParseError,
    # not by a warning on stderr.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        if modgov_only:
            return BeautifulSoup(body or b"", "lxml", parse_only=_MODGOV_ONLY)
        return BeautifulSoup(body or b"", "lxml")


def _page_title(body: bytes | str) -> str:
    """The page's ``<title>`` text (outside #modgov; the only thing read there: status markers)."""
    raw = body.encode("utf-8", "replace") if isinstance(body, str) else (body or b"")
    match = _TITLE.search(raw[:16384])
    if not match:
        return ""
    return clean_inline(html_unescape(match.group(1).decode("utf-8", "replace")))


def _tags(node: Tag):
    """Descendant elements in document order (plain iteration: much cheaper than bs4's filters)."""
    for element in node.descendants:
        if isinstance(element, Tag):
            yield element


def _classes(tag: Tag) -> list[str]:
    return tag.get("class") or []


def modgov_root(body: bytes | str, url: str | None = None) -> Tag:
    """The ``div#modgov`` block of a page; ParseError when the page has none."""
    soup = _soup(body, modgov_only=True)
    return _modgov_in(soup, url)


def _modgov_in(soup: BeautifulSoup, url: str | None) -> Tag:
    root = soup.find(id="modgov")
    if root is None:
        raise ParseError("no div#modgov: not a ModernGov page, or a broken or challenge page", url)
    return root


def _require(parent: Tag, name: str, class_: str, url: str | None) -> Tag:
    found = parent.find(name, class_=class_)
    if found is None:
        raise ParseError(f"selector {name}.{class_} matched nothing", url)
    return found


def query_params(href: str) -> dict[str, str]:
    """A link's query parameters with lower-cased names (ModernGov mixes ``MId``, ``MID``, ``MeetingId``)."""
    return {key.lower(): value for key, value in parse_qsl(urlsplit(href.strip()).query, keep_blank_values=True)}


def _int_param(href: str, *names: str) -> int | None:
    params = query_params(href)
    for name in names:
        value = parse_int(params.get(name.lower()))
        if value is not None:
            return value
    return None


def _page_name(href: str) -> str:
    return urlsplit(href.strip()).path.rsplit("/", 1)[-1].lower()


def _links_to(root: Tag, page: str) -> list[Tag]:
    page = page.lower()
    return [a for a in root.find_all("a", href=True) if _page_name(a["href"]) == page]


def _is_document_href(href: str) -> bool:
    return bool(_DOC_HREF.search(href.strip()))


def _document(link: Tag, base_url: str, skipped: list[str]) -> Document | None:
    href = link.get("href") or ""
    absolute = absolute_url(href, base_url)
    if absolute is None:
        if href.strip():
            skipped.append(href.strip())
        return None
    match = _ATTACHMENT_ID.search(href)
    attachment_id = int(match.group(1) or match.group(2)) if match else None
    title = inline_text(link) or clean_inline(link.get("title")) or absolute.rsplit("/", 1)[-1]
    return Document(title=title, url=absolute, attachment_id=attachment_id)


def _label_value(root: Tag, label: str) -> str | None:
    """The value after a "Label:" (``span.mgLabel`` or plain text) inside one paragraph."""
    wanted = label.lower().rstrip(":")
    for element in (tag for tag in _tags(root) if "mgLabel" in _classes(tag)):
        text = inline_text(element).lower().rstrip(":").strip()
        if text != wanted:
            continue
        if element.name == "span" and element.parent is not None:
            whole = inline_text(element.parent)
            value = whole[len(inline_text(element)):].strip()
            return value or None
    for paragraph in root.find_all(["p", "div", "td"]):
        text = inline_text(paragraph)
        if text.lower().startswith(wanted + ":") and len(text) < 400:
            return text[len(wanted) + 1:].strip() or None
    return None


# --- committees and meeting lists ---------------------------------------------------------------


def parse_committee_list(body: bytes | str, base_url: str, site: str, *, url: str | None = None) -> list[Committee]:
    """``mgListCommittees.aspx``: committees from ``mgCommitteeDetails.aspx?ID=`` links.

    A committee's category is the nearest preceding ``.mgSectionTitle`` heading inside ``#modgov``.
    """
    root = modgov_root(body, url)
    committees: dict[int, Committee] = {}
    for link in _links_to(root, "mgCommitteeDetails.aspx"):
        committee_id = _int_param(link["href"], "ID")
        if committee_id is None or committee_id in committees:
            continue
        heading = link.find_previous(class_="mgSectionTitle")
        category = None
        if heading is not None and root in heading.parents:
            category = inline_text(heading) or None
        committees[committee_id] = Committee(
            site=site, committee_id=committee_id, title=inline_text(link), category=category
        )
    return list(committees.values())


def parse_meeting_list(
    body: bytes | str, base_url: str, site: str, committee_id: int, *, url: str | None = None
) -> list[Meeting]:
    """``ieListMeetings.aspx?CId=&Year=``: one Meeting per ``ieListDocuments.aspx`` link.

    Link texts read "31 Mar 2020 6.30 pm"; a status word after the link ("CANCELLED") sets the status,
    otherwise the meeting is "Confirmed". Venue and attendees are only on the meeting's own pages.
    """
    root = modgov_root(body, url)
    meetings: dict[int, Meeting] = {}
    for link in _links_to(root, "ieListDocuments.aspx"):
        meeting_id = _int_param(link["href"], "MId", "MeetingId")
        if meeting_id is None or meeting_id in meetings:
            continue
        link_committee = _int_param(link["href"], "CId", "CommitteeId")
        if link_committee is not None and link_committee != committee_id:
            continue
        text = inline_text(link)
        container = link.find_parent(["li", "tr", "p"]) or link
        found = find_text_date_span(text)
        meeting_date, after = (found if found else (None, 0))
        meetings[meeting_id] = Meeting(
            site=site,
            meeting_id=meeting_id,
            committee_id=committee_id,
            date=meeting_date,
            time=parse_clock_time(text[after:]) if found else None,
            status=find_status(inline_text(container)) or "Confirmed",
            source_url=meeting_url(base_url, committee_id, meeting_id),
        )
    return list(meetings.values())


# --- meeting and item pages ---------------------------------------------------------------------


class _ItemContent:
    """Agenda text, minutes, decision and documents of one item, read block by block."""

    def __init__(self) -> None:
        self.sections: dict[str, list[str]] = {"agenda": [], "minutes": [], "decision": []}
        self.documents: list[Document] = []
        self.truncated = False
        self.restricted = False

    def text(self, section: str) -> str:
        return "\n\n".join(part for part in self.sections[section] if part)


def _section_for(heading: Tag) -> str | None:
    label = inline_text(heading).lower().rstrip(":").strip()
    return _SECTION_HEADINGS.get(label)


def _read_item_blocks(container: Tag, base_url: str, skipped: list[str], exclude: Tag | None = None) -> _ItemContent:
    """Walk ``p.mgSubItemTitleTxt`` headings, ``div.mgWordPara`` texts and ``ul.mgBulletList`` links.

    Each block belongs to the latest heading ("Minutes:", "Decision:", "Supporting documents:");
    blocks before any heading are the agenda text (GUIDE.md §6.3).
    """
    content = _ItemContent()
    section = "agenda"
    seen_urls: set[str] = set()

    def add_document(link: Tag) -> None:
        document = _document(link, base_url, skipped)
        if document is not None and document.url not in seen_urls:
            seen_urls.add(document.url)
            content.documents.append(document)

    wanted = {"mgSubItemTitleTxt", "mgWordPara", "mgBulletList", "mgActionList", "mgSubSubTitleTxt", "mgAiTitleTxt"}
    blocks = [
        tag for tag in _tags(container)
        if tag.name in ("p", "div", "ul", "h3", "h4") and wanted.intersection(_classes(tag))
    ]
    for block in blocks:
        if exclude is not None and (block is exclude or exclude in block.parents):
            continue
        classes = _classes(block)
        if "mgSubItemTitleTxt" in classes or "mgSubSubTitleTxt" in classes:
            section = _section_for(block) or section
        elif "mgAiTitleTxt" in classes:
            for link in _tags(block):
                href = link.get("href") if link.name == "a" else None
                if href and (_is_document_href(href) or href.strip().lower().startswith("javascript:")):
                    add_document(link)
        elif "mgWordPara" in classes:
            if any("mgWordPara" in _classes(parent) for parent in block.parents if parent is not container):
                continue  # nested Word blocks are read with their outer block
            for link in [tag for tag in _tags(block) if tag.name == "a"]:
                if _TRUNCATION.search(inline_text(link)):
                    content.truncated = True
                    link.decompose()
            text = tag_to_text(block)
            if content.truncated and section == "minutes":
                text = _TRAILING_ELLIPSIS.sub("", text)
            if section in content.sections:
                content.sections[section].append(text)
        elif "mgActionList" in classes:
            for link in (tag for tag in _tags(block) if tag.name == "a"):
                if _RESTRICTED.search(inline_text(link)):
                    content.restricted = True
        elif "mgBulletList" in classes:
            for link in (tag for tag in _tags(block) if tag.name == "a"):
                if section == "documents" or _is_document_href(link.get("href") or "") or (link.get("href") or "").strip().lower().startswith("javascript:"):
                    add_document(link)
    return content


def _item_id_in(row: Tag) -> int | None:
    """An agenda row's item id: its ``AI<id>`` anchor, else an ``mgAi.aspx?ID=`` or ``AIId=`` link."""
    elements = [row, *_tags(row)]
    for element in elements:
        for attribute in ("name", "id"):
            value = element.get(attribute)
            if value:
                match = _AI_ANCHOR.match(value.strip())
                if match:
                    return int(match.group(1))
    for link in elements:
        href = link.get("href") if link.name == "a" else None
        if not href:
            continue
        page = _page_name(href)
        if page == "mgai.aspx":
            found = _int_param(href, "ID")
        elif page in ("iedecisiondetails.aspx", "mgissuehistoryhome.aspx"):
            found = _int_param(href, "AIId")
        else:
            found = None
        if found is not None:
            return found
    return None


def _meeting_status(page_title: str, subtitle: str) -> str:
    for text in (subtitle, page_title):
        marker = re.search(r"\b(CANCELLED|POSTPONED|WITHDRAWN|MOVED|RE-?ARRANGED)\b", text)
        if marker:
            return find_status(marker.group(1).replace("-", "")) or marker.group(1).capitalize()
    return "Confirmed"


def _item_tables(root: Tag) -> list[Tag]:
    """``table.mgItemTable`` or ``table#mgItemTable`` (installs differ, GUIDE.md §13.5)."""
    return [
        tag for tag in _tags(root)
        if tag.name == "table" and ("mgItemTable" in _classes(tag) or tag.get("id") == "mgItemTable")
    ]


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
      <h.mm am>") by searching for the date itself, so hyphenated committee names and weekend
      meetings parse;
    - status is a marker word (CANCELLED, POSTPONED, ...) in the subtitle or the page ``<title>``,
      else "Confirmed"; venue is the "Venue:" label's value;
    - items are the rows of ``table.mgItemTable``; an item's id comes from its ``AI<id>`` anchor or
      its ``mgAi.aspx?ID=`` link; restricted items keep their title only;
    - items whose minutes end "view the full minutes text for item ..." are listed in
      ``truncated_item_ids`` with the visible part as ``minutes_text``;
    - attendees are not on this page: ``parse_attendance`` reads ``mgMeetingAttendance.aspx``.
    """
    root = modgov_root(body, url)
    subtitle_tag = _require(root, "h2", "mgSubTitleTxt", url)
    subtitle = inline_text(subtitle_tag)
    found = find_text_date_span(subtitle)
    if found is None:
        raise ParseError(f"no meeting date in h2.mgSubTitleTxt {subtitle!r}", url)
    meeting_date, date_end = found
    meeting_time = parse_clock_time(subtitle[date_end:])

    skipped: list[str] = []
    items: list[AgendaItem] = []
    truncated: list[int] = []
    item_rows: set[int] = set()
    tables = _item_tables(root)
    for table in tables:
        for row in (tag for tag in _tags(table) if tag.name == "tr"):
            if row.find_parent("table") is not table:
                continue  # rows of nested tables belong to their own table
            cells = [cell for cell in row.children if getattr(cell, "name", None) == "td"]
            if not cells:
                continue
            number_cell = next((cell for cell in cells if "mgItemNumberCell" in _classes(cell)), None)
            content_cells = [cell for cell in cells if cell is not number_cell]
            if not content_cells:
                continue
            content_cell = content_cells[-1]
            title_tag = next((tag for tag in _tags(content_cell) if "mgAiTitleTxt" in _classes(tag)), None)
            if title_tag is None:
                continue  # spacer rows and notes without an item
            item_id = _item_id_in(row)
            if item_id is None:
                raise ParseError(
                    f"agenda row {inline_text(title_tag)[:60]!r} has no item id (AI<id> anchor or mgAi.aspx link)", url
                )
            if item_id in item_rows:
                continue
            item_rows.add(item_id)
            number = inline_text(number_cell) or None if number_cell is not None else None
            content = _read_item_blocks(content_cell, base_url, skipped, exclude=None)
            restricted = content.restricted
            items.append(
                AgendaItem(
                    site=site,
                    item_id=item_id,
                    meeting_id=meeting_id,
                    committee_id=committee_id,
                    number=number,
                    title=inline_text(title_tag),
                    agenda_text="" if restricted else content.text("agenda"),
                    minutes_text="" if restricted else content.text("minutes"),
                    decision_text="" if restricted else content.text("decision"),
                    restricted=restricted,
                    position=len(items),
                    source_url=item_url(base_url, item_id),
                    documents=() if restricted else tuple(content.documents),
                )
            )
            if content.truncated and not restricted:
                truncated.append(item_id)

    meeting_documents: list[Document] = []
    seen: set[str] = set()
    for link in _tags(root):
        if link.name != "a" or not link.get("href") or not _is_document_href(link["href"]):
            continue
        if any(parent in tables for parent in link.parents):
            continue
        document = _document(link, base_url, skipped)
        if document is not None and document.url not in seen:
            seen.add(document.url)
            meeting_documents.append(document)

    meeting = Meeting(
        site=site,
        meeting_id=meeting_id,
        committee_id=committee_id,
        date=meeting_date,
        time=meeting_time,
        status=_meeting_status(_page_title(body), subtitle),
        venue=_label_value(root, "Venue"),
        source_url=meeting_url(base_url, committee_id, meeting_id),
        documents=tuple(meeting_documents),
    )
    return ParsedMeeting(
        meeting=meeting, items=tuple(items), truncated_item_ids=tuple(truncated), skipped_links=tuple(skipped)
    )


_ITEM_REFERENCE = re.compile(r"\(\s*Item\s+([^)]+?)\s*\)", re.IGNORECASE)


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
    content = _read_item_blocks(content_root, base_url, skipped)
    restricted = content.restricted
    return AgendaItem(
        site=site,
        item_id=item_id,
        meeting_id=meeting_id,
        committee_id=committee_id,
        number=number,
        title=inline_text(title_tag),
        agenda_text="" if restricted else content.text("agenda"),
        minutes_text="" if restricted else content.text("minutes"),
        decision_text="" if restricted else content.text("decision"),
        restricted=restricted,
        source_url=item_url(base_url, item_id),
        documents=() if restricted else tuple(content.documents),
    )


# --- attendance ---------------------------------------------------------------------------------


def parse_attendance(body: bytes | str, *, url: str | None = None) -> tuple[Attendee, ...]:
    """``mgMeetingAttendance.aspx?ID=``: Attendee | Role | Attendance | Attendance comment.

    Raw attendance strings are kept ("Present", "Apologies", "Expected", "In attendance").
    The member id is the ``UID`` of the name's ``mgUserInfo.aspx`` link; officers have none.
    """
    root = modgov_root(body, url)
    table = None
    for candidate in root.find_all("table"):
        summary = (candidate.get("summary") or "").lower()
        if "attendance" in summary:
            table = candidate
            break
    if table is None:
        raise ParseError('selector table[summary*="attendance"] matched nothing', url)
    attendees: list[Attendee] = []
    for row in table.find_all("tr"):
        cells = row.find_all("td")
        if len(cells) < 2:
            continue  # header rows use <th>
        name = inline_text(cells[0])
        if not name:
            continue
        link = cells[0].find("a", href=True)
        member_id = _int_param(link["href"], "UID") if link is not None else None
        attendees.append(
            Attendee(
                name=name,
                role=inline_text(cells[1]) or None,
                attendance=(inline_text(cells[2]) or None) if len(cells) > 2 else None,
                member_id=member_id,
            )
        )
    return tuple(attendees)


# --- decisions ----------------------------------------------------------------------------------


def _label_values(root: Tag) -> dict[str, Tag]:
    """"Label:" -> the paragraph holding it, for every ``span.mgLabel``."""
    labels: dict[str, Tag] = {}
    for label in root.find_all("span", class_="mgLabel"):
        key = inline_text(label).rstrip(":").strip().lower()
        if key and label.parent is not None and key not in labels:
            labels[key] = label
    return labels


def _value_after(label: Tag) -> str:
    whole = inline_text(label.parent)
    return whole[len(inline_text(label)):].strip()


def _yes_no(value: str | None) -> bool | None:
    if not value:
        return None
    lowered = value.strip().lower()
    return True if lowered.startswith("yes") else False if lowered.startswith("no") else None


def _date_or_none(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parse_uk_date(value)
    except ValueError:
        return find_text_date(value)


def parse_decision_detail(body: bytes | str, base_url: str, *, url: str | None = None) -> DecisionDetail:
    """``ieDecisionDetails.aspx``: title, "Purpose:"/"Decision:" sections, labelled fields, documents."""
    root = modgov_root(body, url)
    title = inline_text(_require(root, "h2", "mgSubTitleTxt", url))
    sections: dict[str, str] = {}
    for heading in root.find_all(class_="mgSubSubTitleTxt"):
        name = inline_text(heading).rstrip(":").strip().lower()
        block = heading.find_next_sibling()
        if block is not None and "mgWordPara" in (block.get("class") or []):
            sections.setdefault(name, tag_to_text(block))
    labels = _label_values(root)
    maker = None
    meeting_id = committee_id = None
    if "decision maker" in labels:
        maker = _value_after(labels["decision maker"]) or None
    if "decided at meeting" in labels:
        label = labels["decided at meeting"]
        link = label.parent.find("a", href=True)
        value = _value_after(label)
        if link is not None:
            meeting_id = _int_param(link["href"], "MId", "MeetingId")
            committee_id = _int_param(link["href"], "CId", "CommitteeId")
        if maker is None and value:
            maker = value.split(" - ", 1)[1].strip() if " - " in value else value
    issue_id = None
    for link in _links_to(root, "mgIssueHistoryHome.aspx"):
        issue_id = _int_param(link["href"], "IId")
        if issue_id is not None:
            break
    documents: list[Document] = []
    skipped: list[str] = []
    for bullet_list in root.find_all("ul", class_="mgBulletList"):
        for link in bullet_list.find_all("a", href=True):
            document = _document(link, base_url, skipped)
            if document is not None:
                documents.append(document)

    def label(name: str) -> str | None:
        return _value_after(labels[name]) if name in labels else None

    return DecisionDetail(
        title=title,
        decision_text=sections.get("decision", ""),
        purpose_text=sections.get("purpose", ""),
        decision_maker=maker,
        status=label("decision status") or None,
        is_key_decision=_yes_no(label("is key decision?")),
        subject_to_call_in=_yes_no(label("is subject to call in?")),
        published=_date_or_none(label("publication date")),
        decided=_date_or_none(label("date of decision")),
        meeting_id=meeting_id,
        committee_id=committee_id,
        issue_id=issue_id,
        documents=tuple(documents),
        source_url=url,
    )


_DECISION_COLUMNS = {"title": "title", "published": "published", "applies": "effective", "call-ins": "call_in"}


def parse_decision_list(body: bytes | str, base_url: str, *, url: str | None = None) -> list[DecisionSummary]:
    """``mgDelegatedDecisions.aspx`` / ``mgListOfficerDecisions.aspx``: rows linking to ``ieDecisionDetails``.

    Rows linking elsewhere (issue histories) are skipped. The page is read inside ``#modgov``; a saved
    fragment that is only the results table (``table.mgTabTable``) is accepted too, because that table
    is itself ModernGov's markup. Columns are found by their header ``abbr`` (Title, Published,
    Applies, Call-ins), so the officer list's two columns work as well.
    """
    soup = _soup(body)
    root = soup.find(id="modgov")
    if root is None:
        root = soup.find("table", class_="mgTabTable")
        if root is None:
            raise ParseError("neither div#modgov nor table.mgTabTable: not a ModernGov decisions page", url)
    table = root if root.name == "table" else root.find("table", class_="mgTabTable")
    if table is None:
        return []  # a decisions page with no results table: nothing published in the window
    columns: dict[str, int] = {}
    for index, header in enumerate(table.find_all("th")):
        key = (header.get("abbr") or inline_text(header)).strip().lower()
        if key in _DECISION_COLUMNS:
            columns[_DECISION_COLUMNS[key]] = index
    decisions: list[DecisionSummary] = []
    for row in table.find_all("tr"):
        cells = row.find_all("td")
        if not cells:
            continue
        link = next((a for a in row.find_all("a", href=True) if _page_name(a["href"]) == "iedecisiondetails.aspx"), None)
        if link is None:
            continue
        decision_id = _int_param(link["href"], "ID")
        if decision_id is None:
            continue

        def cell(name: str) -> str | None:
            index = columns.get(name)
            if index is None or index >= len(cells):
                return None
            return inline_text(cells[index]) or None

        decisions.append(
            DecisionSummary(
                decision_id=decision_id,
                title=inline_text(link),
                url=absolute_url(link["href"], base_url) or link["href"],
                published=_date_or_none(cell("published")),
                effective=_date_or_none(cell("effective")),
                call_in=cell("call_in"),
            )
        )
    return decisions


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

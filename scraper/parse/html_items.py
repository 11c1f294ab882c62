"""Building blocks of the meeting and item pages: agenda rows, item blocks, ids, status, venue.

Real installs differ in the markup of the same things (tests/parse/test_real_markup.py and
test_tolerance.py): the item table's class or id, number cells with or without their class, item ids
as ``AI<id>`` anchors or item links or absent, item text inside ``div.mgWordPara`` or loose in the
cell, headings as ModernGov's classes or plain bold paragraphs. These helpers read all of them the
same way, so ``parse_meeting_page`` gives the same records for each.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape as html_escape

from bs4.element import NavigableString, Tag

from scraper.records import Document

from .html_common import (
    _AI_ANCHOR,
    _NON_TEXT_STRINGS,
    _RESTRICTED,
    _SECTION_HEADINGS,
    _TRAILING_ELLIPSIS,
    _TRUNCATION,
    _VENUE_LABELS,
    _classes,
    _document,
    _heading_key,
    _int_param,
    _is_document_link,
    _is_modgov_page,
    _label_value,
    _page_name,
    _tags,
)
from .text import clean_inline, html_to_text, inline_text, tag_to_text
from .values import find_status, find_welsh_status


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
    return _SECTION_HEADINGS.get(_heading_key(inline_text(heading)))


# ModernGov's blocks inside an item (GUIDE.md §6.3).
_ITEM_CLASSES = frozenset({"mgSubItemTitleTxt", "mgWordPara", "mgBulletList", "mgActionList", "mgSubSubTitleTxt", "mgAiTitleTxt"})
_HEADING_CLASSES = frozenset({"mgSubItemTitleTxt", "mgSubSubTitleTxt"})
# Inline elements: consecutive ones (and bare text) form one loose paragraph run.
_INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "big", "br", "cite", "code", "em", "font", "i", "q", "s", "small", "span",
    "strike", "strong", "sub", "sup", "tt", "u", "wbr", "mark", "time", "label", "o:p", "nobr",
})
# Never text: page furniture or form controls inside an item cell.
# Elements that may be a section heading when their whole text is a section label.
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "p", "div", "span", "strong", "b", "caption", "dt", "legend"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "img", "input", "button", "select", "textarea",
                        "iframe", "object", "embed", "caption", "hr", "map", "svg", "video", "audio"})


def _has_item_block(tag: Tag) -> bool:
    for element in tag.descendants:
        if isinstance(element, Tag):
            classes = element.get("class")
            if classes and not _ITEM_CLASSES.isdisjoint(classes):
                return True
    return False


def _is_navigation(nodes: list) -> bool:
    """True when all visible text of ``nodes`` sits in links to ModernGov pages (``*.aspx``): the
    "View Recorded Vote for this item" and "View the background to item 4." furniture, not minutes."""
    saw_link = False
    for node in nodes:
        if isinstance(node, NavigableString):
            if str(node).strip(" \t\r\n\u00a0.|-"):
                return False
            continue
        links = [node] if node.name == "a" else node.find_all("a")
        for link in links:
            if not _page_name(link.get("href") or "").endswith(".aspx"):
                return False
            saw_link = True
        linked = sum(len(inline_text(link)) for link in links)
        if len(inline_text(node)) > linked + 3:
            return False
    return saw_link


def _remove_truncation_links(block: Tag) -> bool:
    """Drop the "view the full minutes text for item 3a." link; True if there was one."""
    found = False
    for link in [tag for tag in _tags(block) if tag.name == "a"]:
        if _TRUNCATION.search(inline_text(link)):
            found = True
            link.decompose()
    return found


def _read_item_blocks(
    container: Tag,
    base_url: str,
    skipped: list[str],
    exclude: Tag | None = None,
    *,
    loose_agenda: bool = True,
    descend_tables: bool = False,
) -> _ItemContent:
    """Read an item's blocks in document order, each belonging to the latest section heading.

    ModernGov's own blocks are ``p.mgSubItemTitleTxt`` headings ("Minutes:", "Decision:", "Additional
    documents:", and the Welsh labels), ``div.mgWordPara`` texts, ``ul.mgBulletList`` document lists and
    ``ul.mgActionList`` links; blocks before any heading are the agenda text (GUIDE.md §6.3). Installs
    also put text outside those blocks: plain ``<p>``/``<div>`` paragraphs, bare text split by ``<br>``,
    headings as plain paragraphs or ``<strong>`` runs. Such loose content is read too, as text of the
    current section, except ModernGov's furniture: recorded-vote tables and other ``mg*``-classed
    elements, "View Recorded Vote" navigation links, and labelled metadata (``span.mgLabel``).
    ``loose_agenda=False`` ignores loose content before the first heading (an ``mgAi.aspx`` page's
    content area also holds the page's own labels and links); ``descend_tables=True`` reads blocks
    inside item tables too (an item page that lays its one item out as an agenda row).
    """
    content = _ItemContent()
    state = {"section": "agenda"}
    seen_urls: set[str] = set()

    def add_document(link: Tag) -> None:
        document = _document(link, base_url, skipped)
        if document is not None and document.url not in seen_urls:
            seen_urls.add(document.url)
            content.documents.append(document)

    def add_text(text: str, truncated: bool) -> None:
        if truncated:
            content.truncated = True
        if content.truncated and state["section"] == "minutes":
            text = _TRAILING_ELLIPSIS.sub("", text)
        if text and state["section"] in content.sections:
            content.sections[state["section"]].append(text)

    def loose(nodes: list) -> None:
        """A run of loose content: inline nodes, or one unclassed block element."""
        tags = [node for node in nodes if isinstance(node, Tag)]
        if not any(
            (str(node).strip() if isinstance(node, NavigableString) else node.get_text().strip()) for node in nodes
        ):
            for tag in tags:  # an empty run may still hold a document link (an icon)
                for link in ([tag] if tag.name == "a" else tag.find_all("a", href=True)):
                    if link.get("href") and _is_document_link(link):
                        add_document(link)
            return
        if any(tag.find(class_="mgLabel") is not None or "mgLabel" in _classes(tag) for tag in tags):
            return  # "Venue:", "Meeting:" and other labelled fields are metadata, not item text
        text_inline = clean_inline(
            " ".join(str(node) if isinstance(node, NavigableString) else inline_text(node) for node in nodes)
        )
        if len(text_inline) <= 40:
            heading = _SECTION_HEADINGS.get(_heading_key(text_inline))
            if heading is not None:
                state["section"] = heading
                return
        links = [link for tag in tags for link in ([tag] if tag.name == "a" else tag.find_all("a", href=True))]
        section = state["section"]
        for link in links:
            href = link.get("href") or ""
            if href and (_is_document_link(link) or (section == "documents" and not _is_modgov_page(href))):
                add_document(link)
        if section == "documents" or _is_navigation(nodes):
            return
        if section == "agenda" and not loose_agenda:
            return
        truncated = any(_remove_truncation_links(tag) for tag in tags) if links else False
        markup = "".join(
            html_escape(str(node), quote=False) if isinstance(node, NavigableString) else str(node) for node in nodes
        )
        add_text(html_to_text(markup), truncated)

    def block(element: Tag, classes: list[str]) -> None:
        if not _HEADING_CLASSES.isdisjoint(classes):
            state["section"] = _section_for(element) or state["section"]
        elif "mgAiTitleTxt" in classes:
            for link in _tags(element):
                href = link.get("href") if link.name == "a" else None
                if href and (_is_document_link(link) or href.strip().lower().startswith("javascript:")):
                    add_document(link)
        elif "mgWordPara" in classes:
            truncated = _remove_truncation_links(element)
            add_text(tag_to_text(element), truncated)
        elif "mgActionList" in classes:
            for link in (tag for tag in _tags(element) if tag.name == "a"):
                if _RESTRICTED.search(inline_text(link)):
                    content.restricted = True
        elif "mgBulletList" in classes:
            for link in (tag for tag in _tags(element) if tag.name == "a"):
                href = (link.get("href") or "").strip()
                if _is_document_link(link) or href.lower().startswith("javascript:") or (
                    state["section"] == "documents" and not _is_modgov_page(href)
                ):
                    add_document(link)

    def visit(node: Tag) -> None:
        run: list = []
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _NON_TEXT_STRINGS):
                    run.append(child)
                continue
            if not isinstance(child, Tag) or child is exclude:
                continue
            classes = child.get("class") or []
            if classes and not _ITEM_CLASSES.isdisjoint(classes):
                if run:
                    loose(run)
                    run = []
                block(child, classes)
                continue
            name = child.name
            if name in _SKIP_TAGS:
                continue
            if name in _INLINE_TAGS and not any(cls.startswith("mg") for cls in classes):
                run.append(child)
                continue
            if run:
                loose(run)
                run = []
            if any(cls.startswith("mg") for cls in classes) or name == "table" and _is_item_table(child):
                # ModernGov furniture (recorded votes, help lines) or a nested item table (its rows are
                # items of their own); only descend if it wraps item blocks. A section title that names
                # a section ("h2.mgSectionTitle Minutes") still starts that section.
                if name != "table":
                    heading = _SECTION_HEADINGS.get(_heading_key(inline_text(child))) if name in _HEADING_TAGS else None
                    if heading is not None:
                        state["section"] = heading
                    elif _has_item_block(child):
                        visit(child)
                elif descend_tables and _has_item_block(child):
                    visit(child)
                continue
            if _has_item_block(child):
                visit(child)
            else:
                loose([child])
        if run:
            loose(run)

    visit(container)
    return content


def _is_item_table(tag: Tag) -> bool:
    return tag.name == "table" and ("mgItemTable" in _classes(tag) or tag.get("id") == "mgItemTable")


def _own_tags(row: Tag) -> list[Tag]:
    """A row's elements, without those of an item table nested inside it (sub-items have their own rows)."""
    elements = list(_tags(row))
    nested = [tag for tag in elements if _is_item_table(tag)]
    if not nested:
        return elements
    inside = {id(tag) for table in nested for tag in _tags(table)} | {id(table) for table in nested}
    return [tag for tag in elements if id(tag) not in inside]


def _item_id_in(row: Tag) -> int | None:
    """An agenda row's item id: its ``AI<id>`` anchor, else an ``mgAi.aspx?ID=`` or ``AIId=`` link."""
    elements = [row, *_own_tags(row)]
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
        elif page in ("iedecisiondetails.aspx", "mgissuehistoryhome.aspx", "mglistrecordedvotesshort.aspx"):
            found = _int_param(href, "AIId")
        else:
            found = None
        if found is not None:
            return found
    return None


def _synthetic_item_id(meeting_id: int, position: int) -> int:
    """A stable stand-in id for an agenda row that carries none (no ``AI<id>`` anchor, no item link).

    Negative, so it can never collide with a real ``agendaitemid``; derived from the meeting and the
    row's position, so a re-crawl of an unchanged agenda gives the same ids.
    """
    return -(meeting_id * 1000 + position + 1)


_STATUS_WORDS = re.compile(r"\b(CANCELLED|POSTPONED|WITHDRAWN|MOVED|RE-?ARRANGED)\b")
_STATUS_WORDS_ANY_CASE = re.compile(r"\b(cancelled|postponed|withdrawn|re-?arranged)\b", re.IGNORECASE)
_STATUS_SENTENCE = re.compile(
    r"\b(?:this\s+)?meeting\s+(?:has\s+been|was|is|had\s+been)\s+(cancelled|postponed|withdrawn)\b", re.IGNORECASE
)


def _status_from(word: str) -> str:
    return find_status(word.replace("-", "")) or word.capitalize()


def _meeting_status(page_title: str, subtitle: str, after_date: str = "", notices: str = "") -> str:
    """The meeting's status: a marker word in the subtitle (after the date, any case: "7:30 pm,
    CANCELLED"; anywhere in capitals), in the page ``<title>`` (capitals), a "This meeting has been
    cancelled" notice, or a Welsh marker; else "Confirmed"."""
    marker = _STATUS_WORDS_ANY_CASE.search(after_date)
    if marker:
        return _status_from(marker.group(1))
    for text in (subtitle, page_title):
        marker = _STATUS_WORDS.search(text)
        if marker:
            return _status_from(marker.group(1))
    sentence = _STATUS_SENTENCE.search(notices)
    if sentence:
        return _status_from(sentence.group(1))
    for text in (after_date, subtitle, notices):
        welsh = find_welsh_status(text)
        if welsh is not None:
            return welsh
    return "Confirmed"


def _item_tables(root: Tag) -> list[Tag]:
    """``table.mgItemTable`` or ``table#mgItemTable`` (installs differ, GUIDE.md §13.5)."""
    return [tag for tag in _tags(root) if _is_item_table(tag)]


def _venue(root: Tag) -> str | None:
    """The "Venue:" (or "Proposed venue:", "Location:", Welsh "Lleoliad:") label's value, without the
    "View directions" link (``mgLocationDetails.aspx``) that installs append."""
    for label in (tag for tag in _tags(root) if "mgLabel" in _classes(tag)):
        key = _heading_key(inline_text(label))
        if key not in _VENUE_LABELS or label.parent is None:
            continue
        parts: list[str] = []
        dropped_link = False
        for sibling in label.next_siblings:
            if isinstance(sibling, NavigableString):
                if not isinstance(sibling, _NON_TEXT_STRINGS):
                    parts.append(str(sibling))
            elif isinstance(sibling, Tag):
                if sibling.name == "a" and _page_name(sibling.get("href") or "") == "mglocationdetails.aspx":
                    dropped_link = True
                    continue
                if sibling.name == "br":
                    parts.append(" ")
                    continue
                parts.append(inline_text(sibling))
        value = clean_inline(" ".join(parts))
        if dropped_link:
            value = value.rstrip(". ").strip()
        return value or None
    value = _label_value(root, "Venue")
    return value


_DC_DATE = re.compile(rb"<meta[^>]+name\s*=\s*[\"']DC\.date[\"'][^>]*content\s*=\s*[\"'](\d{4})-(\d{2})-(\d{2})", re.IGNORECASE)


def _dc_date(body: bytes | str) -> date | None:
    raw = body.encode("utf-8", "replace") if isinstance(body, str) else (body or b"")
    match = _DC_DATE.search(raw[:16384])
    if not match:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


_NUMBER_CELL_TEXT = re.compile(r"^[\(\[]?(?:\d{1,4}(?:[./]\d{1,4})?[a-zA-Z]{0,2}|[a-zA-Z]{1,2}|[ivxlcIVXLC]{1,6})[.)\]]?$")
_NUMBER_IN_TITLE = re.compile(r"^(\d{1,3}[a-z]?[.)])\s+(\S.*)$")


def _split_cells(row: Tag) -> tuple[Tag | None, Tag | None]:
    """(number cell, content cell) of an agenda row.

    The number cell is ``td.mgItemNumberCell``; installs without that class (``table#mgItemTable`` on
    mycouncil.oxford.gov.uk) are recognised by a first cell holding only a short number ("6.", "3a",
    "(ii)"). The content cell is the other cell holding ``.mgAiTitleTxt``, else the last other cell.
    """
    cells = [cell for cell in row.children if getattr(cell, "name", None) == "td"]
    if not cells:
        return None, None
    number_cell = next((cell for cell in cells if "mgItemNumberCell" in _classes(cell)), None)
    if number_cell is None and len(cells) >= 2:
        first = inline_text(cells[0])
        if not first or _NUMBER_CELL_TEXT.match(first):
            number_cell = cells[0]
    content_cells = [cell for cell in cells if cell is not number_cell]
    if len(content_cells) > 1:
        # Title | Documents layouts: the content cell is the one holding the item's title.
        for cell in content_cells:
            if any("mgAiTitleTxt" in _classes(tag) for tag in _tags(cell)):
                return number_cell, cell
    return number_cell, (content_cells[-1] if content_cells else None)


def _item_title_tag(content_cell: Tag) -> Tag | None:
    """The item's title element: the first ``.mgAiTitleTxt``, else the first ``mgAi.aspx`` link, else the
    first ``strong``/``b``/``p`` with text (installs that print the title without ModernGov's class)."""
    for tag in _tags(content_cell):
        if "mgAiTitleTxt" in _classes(tag):
            return tag
    for tag in _tags(content_cell):
        if tag.name == "a" and _page_name(tag.get("href") or "") == "mgai.aspx" and inline_text(tag):
            return tag
    for tag in _tags(content_cell):
        if tag.name in ("strong", "b", "p", "h3", "h4") and inline_text(tag):
            return tag
    return None

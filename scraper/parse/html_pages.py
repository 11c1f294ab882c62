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
from html import escape as html_escape
from html import unescape as html_unescape
from datetime import date
from urllib.parse import parse_qsl, urlsplit

from bs4 import BeautifulSoup, SoupStrainer, XMLParsedAsHTMLWarning
from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from scraper.records import AgendaItem, Attendee, Committee, Document, Meeting

from .encoding import decode_body
from .errors import ParseError
from .text import absolute_url, clean_inline, collapse_whitespace, html_to_text, inline_text, tag_to_text
from .types import DecisionDetail, DecisionSummary, ParsedMeeting
from .urls import item_url, meeting_url
from .values import (
    find_status,
    find_text_date,
    find_text_date_span,
    find_welsh_status,
    parse_clock_time,
    parse_int,
    parse_uk_date,
)

_NON_TEXT_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_TRUNCATION = re.compile(
    r"view\s+the\s+full\s+minutes\s+text\s+for\s+item|testun\s+llawn\s+y\s+cofnodion", re.IGNORECASE
)
# An item-level restriction notice in the item's action list: "View the reasons why item 15. is restricted".
# A restricted *document* ("… why document 3 is restricted") leaves the rest of the item public.
_RESTRICTED = re.compile(
    r"\b(?:reasons?\s+why\s+(?:agenda\s+)?item\b.*\brestricted|reasons?\s+why\s+(?:this|the)\s+item\b.*\brestricted|"
    r"exempt\s+information|restricted\s+item)\b",
    re.IGNORECASE,
)
_AI_ANCHOR = re.compile(r"^AI(\d+)$")
_DOC_HREF = re.compile(r"(?:^|/)(?:documents/|mgConvert2PDF\.aspx)|\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf)(?:$|[?#])", re.IGNORECASE)
_ATTACHMENT_ID = re.compile(r"(?:documents/s(\d+)/|mgConvert2PDF\.aspx\?(?:[^#]*&)?ID=(\d+))", re.IGNORECASE)
_TRAILING_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*$")
# A file-size note left in a title when an install prints it without span.mgFileSize: "Report PDF 896 KB",
# "Annex (PDF, 132 KB)".
_FILE_SIZE_SUFFIX = re.compile(
    r"\s*\(?\b(?:PDF|DOCX?|XLSX?|PPTX?|RTF|ODT|ODS|HTML?|TXT|CSV|ZIP)\b,?\s*[\d.,]+\s*(?:KB|MB|GB|bytes?)\)?\s*$",
    re.IGNORECASE,
)
# The title attribute ModernGov writes on document links: "Link to document 'Minutes' pdf file".
_LINK_TITLE = re.compile(r"^Link\s+to\s+(?:document\s+)?['\u2018](.+)['\u2019](?:\s+\w+\s+file)?\s*$", re.IGNORECASE)
# Item-heading labels ("Minutes:", "Decision:", ...) with the Welsh labels of bilingual installs.
_SECTION_HEADINGS = {
    "minutes": "minutes",
    "minute": "minutes",
    "cofnodion": "minutes",
    "cofnod": "minutes",
    "decision": "decision",
    "decisions": "decision",
    "penderfyniad": "decision",
    "penderfyniadau": "decision",
    "additional documents": "documents",
    "supporting documents": "documents",
    "background documents": "documents",
    "background papers": "documents",
    "documents": "documents",
    "attachments": "documents",
    "dogfennau ategol": "documents",
    "dogfennau ychwanegol": "documents",
    "dogfennau": "documents",
    "purpose": "agenda",
    "diben": "agenda",
}
_VENUE_LABELS = ("venue", "proposed venue", "meeting venue", "location", "lleoliad", "lleoliad arfaethedig")


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
        text = decode_body(body)  # windows-1252 in disguise, mixed encodings, BOMs: see .encoding
        if modgov_only:
            return BeautifulSoup(text, "lxml", parse_only=_MODGOV_ONLY)
        return BeautifulSoup(text, "lxml")


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


def _clean_title(text: str) -> str:
    """A title without a trailing file-size note ("Report PDF 896 KB" -> "Report")."""
    if text and ("B" in text or "b" in text):
        stripped = _FILE_SIZE_SUFFIX.sub("", text).strip()
        return stripped or text
    return text


def _is_document_link(link: Tag) -> bool:
    """A link to a file: ``documents/…``, ``mgConvert2PDF.aspx``, a file extension, or a document-pack
    handler (``mgChooseDocPack.aspx``) that ModernGov itself labels with a file size."""
    href = link.get("href") or ""
    if _is_document_href(href):
        return True
    if _page_name(href) == "mgchoosedocpack.aspx":
        return link.find(class_="mgFileSize") is not None
    return False


def _is_modgov_page(href: str) -> bool:
    """A link to one of ModernGov's own pages (``mgAi.aspx#mgDocuments``, ``mgIssueHistoryHome.aspx``):
    navigation, never a document, even inside a documents list."""
    return _page_name(href).endswith(".aspx") and not _is_document_href(href)


def _document(link: Tag, base_url: str, skipped: list[str]) -> Document | None:
    href = link.get("href") or ""
    absolute = absolute_url(href, base_url)
    if absolute is None:
        if href.strip():
            skipped.append(href.strip())
        return None
    match = _ATTACHMENT_ID.search(href)
    attachment_id = int(match.group(1) or match.group(2)) if match else None
    title = _clean_title(inline_text(link))
    if not title:
        attribute = clean_inline(link.get("title"))
        quoted = _LINK_TITLE.match(attribute)
        title = quoted.group(1) if quoted else attribute
    return Document(title=title or absolute.rsplit("/", 1)[-1], url=absolute, attachment_id=attachment_id)


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
    for link in _links_to(root, "ieListDocuments.aspx"):
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
                others = [a for a in container.find_all("a", href=True) if _page_name(a["href"]) == "ielistdocuments.aspx"]
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


def _heading_key(text: str) -> str:
    return collapse_whitespace(text).lower().rstrip(":.").strip()


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
    content area also holds the page's own labels and links).
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
                # items of their own); only descend if it wraps item blocks.
                if name != "table" and _has_item_block(child):
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
    "(ii)"). The content cell is the last other cell.
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
    content = _read_item_blocks(content_root, base_url, skipped, loose_agenda=False)
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


# --- attendance ---------------------------------------------------------------------------------

# Column headers of attendance tables, matched by prefix; installs order and name columns differently.
_ATTENDANCE_COLUMNS = (
    ("attendance comment", "comment"),
    ("comment", "comment"),
    ("sylw", "comment"),
    ("attendee", "name"),
    ("attendance", "attendance"),
    ("present", "attendance"),
    ("status", "attendance"),
    ("presenoldeb", "attendance"),
    ("role", "role"),
    ("rôl", "role"),
    ("rol", "role"),
    ("position", "role"),
    ("capacity", "role"),
    ("name", "name"),
    ("member", "name"),
    ("councillor", "name"),
    ("enw", "name"),
    ("mynychwr", "name"),
)
_ATTENDANCE_WORDS = re.compile(
    r"^(?:present|apologies|absent|expected|in attendance|attended|virtual|remote|substitute|late|"
    r"apologies received|not required|yn bresennol|ymddiheuriadau|absennol)\b",
    re.IGNORECASE,
)


def _attendance_column(header: str) -> str | None:
    key = _heading_key(header)
    for prefix, column in _ATTENDANCE_COLUMNS:
        if key.startswith(prefix):
            return column
    return None


def _attendance_tables(root: Tag) -> list[tuple[Tag, dict[str, int]]]:
    """Tables of attendees with their column map: a ``summary``/``caption`` naming attendance, or a
    header row naming an attendee and an attendance column."""
    found: list[tuple[Tag, dict[str, int]]] = []
    for table in root.find_all("table"):
        if table.find_parent("table") is not None and any(table.find_parent("table") is t for t, _ in found):
            continue
        header_cells: list[Tag] = []
        for row in table.find_all("tr"):
            cells = [cell for cell in row.children if getattr(cell, "name", None) in ("td", "th")]
            if cells and all(cell.name == "th" for cell in cells):
                header_cells = cells
                break
            if cells:
                break
        columns: dict[str, int] = {}
        for index, cell in enumerate(header_cells):
            column = _attendance_column(cell.get("abbr") or inline_text(cell))
            if column is not None and column not in columns:
                columns[column] = index
        described = " ".join(
            part.lower() for part in (table.get("summary") or "", inline_text(table.find("caption"))) if part
        )
        named = "attendance" in described or "presenoldeb" in described
        if not named and not ("name" in columns and "attendance" in columns):
            continue
        found.append((table, columns))
    return found


def parse_attendance(body: bytes | str, *, url: str | None = None) -> tuple[Attendee, ...]:
    """``mgMeetingAttendance.aspx?ID=``: attendees from every attendance table on the page.

    Columns are matched by header text ("Attendee"/"Name", "Role", "Attendance"/"Status", "Attendance
    comment"), so installs that reorder or rename them parse; without headers the order is Attendee |
    Role | Attendance | Attendance comment, and a two-column table whose second column reads
    "Present"/"Apologies" is Attendee | Attendance. Raw attendance strings are kept ("Present",
    "Apologies", "Expected", "In attendance"). The member id is the ``UID`` of the name's
    ``mgUserInfo.aspx`` link; officers have none. A page without an attendance table (no attendance
    recorded yet) gives no attendees rather than an error.
    """
    root = modgov_root(body, url)
    attendees: list[Attendee] = []
    seen: set[tuple[str, str | None]] = set()
    for table, columns in _attendance_tables(root):
        for row in table.find_all("tr"):
            if row.find_parent("table") is not table:
                continue
            cells = [cell for cell in row.children if getattr(cell, "name", None) in ("td", "th")]
            if len(cells) < 2 or all(cell.name == "th" for cell in cells):
                continue  # header rows
            texts = [inline_text(cell) for cell in cells]
            if columns:
                mapping = columns
            elif len(cells) == 2 and _ATTENDANCE_WORDS.match(texts[1]):
                mapping = {"name": 0, "attendance": 1}
            else:
                mapping = {"name": 0, "role": 1, "attendance": 2}

            def cell_text(column: str) -> str | None:
                index = mapping.get(column)
                if index is None or index >= len(texts):
                    return None
                return texts[index] or None

            name = cell_text("name")
            if not name or _heading_key(name) in ("attendee", "attendees", "name", "member", "enw", "mynychwr"):
                continue  # a header row written with td cells
            name_cell = cells[mapping.get("name", 0)]
            link = next(
                (a for a in name_cell.find_all("a", href=True) if _page_name(a["href"]) == "mguserinfo.aspx"), None
            )
            member_id = _int_param(link["href"], "UID") if link is not None else None
            key = (name, cell_text("role"))
            if key in seen:
                continue
            seen.add(key)
            attendees.append(
                Attendee(name=name, role=cell_text("role"), attendance=cell_text("attendance"), member_id=member_id)
            )
    return tuple(attendees)



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

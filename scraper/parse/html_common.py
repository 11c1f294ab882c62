"""Shared pieces of the HTML page parsers: the ``#modgov`` root, link and document helpers, labels.

Only the ``div#modgov`` block is read (GUIDE.md §6.1); the constants here name what real installs
print inside it (section headings with their Welsh labels, the truncation link, restriction notices,
file-size notes, venue labels).
"""

from __future__ import annotations

import re
import warnings
from html import unescape as html_unescape
from urllib.parse import parse_qsl, urlsplit

from bs4 import BeautifulSoup, SoupStrainer, XMLParsedAsHTMLWarning
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction, Tag

from scraper.records import Document

from .encoding import decode_body
from .errors import ParseError
from .text import absolute_url, clean_inline, collapse_whitespace, inline_text
from .values import parse_int


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


def _heading_key(text: str) -> str:
    return collapse_whitespace(text).lower().rstrip(":.").strip()


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


__all__ = ["modgov_root", "query_params"]

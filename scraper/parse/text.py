"""HTML to clean plain text, and document links to absolute URLs.

Both the web service (escaped HTML in ``agendatext``/``minutesnonemptyhtmlbody``) and the HTML pages
(``div.mgWordPara``) carry the same Word-generated markup, so both parsers clean text here, in one
place: that is what makes the two harvesting paths give equal records.

The plain-text form (see ``scraper.records``):
- one paragraph per block (``p``, ``div``, ``li``, headings, table rows), whitespace collapsed inside
  it (Word hard-wraps lines and pads with ``&nbsp;``), empty and ``&nbsp;``-only spacer paragraphs
  dropped, paragraphs joined by a blank line;
- bullets as lines starting "• ": Word's ``·`` (or Symbol-font ````) followed by non-breaking spaces,
  and ``<li>``; consecutive bullets are joined by a single newline so a list stays one block;
- ``<ol>`` items numbered as printed ("1. ", "a. ", "iv. ", honouring ``start`` and ``type``), one
  line each, so a numbered list also stays one block;
- table rows (Word tables of votes, attendance or figures in minutes) one line each, cells joined by
  " | " so a row still reads as a row;
- ``span.mgHide`` (hidden " ref: 13567"), ``span.mgFileSize`` ("PDF 119 KB"), scripts, styles,
  images, comments and Word's hidden elements (``display:none``, ``mso-hide:all``) removed; entities
  decoded, including double-escaped ones (``&amp;#39;``).
"""

from __future__ import annotations

import html
import ipaddress
import re
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag
from lxml import etree
from lxml import html as lxml_html

BULLET = "• "

# Elements whose content is never text a reader saw.
_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "img", "iframe", "object"})
# Classes ModernGov uses for hidden or decorative text inside titles and links.
_DROP_CLASSES = frozenset({"mgHide", "mgFileSize"})
# Elements that start a new paragraph.
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "header",
        "footer", "address", "center", "form", "fieldset", "caption", "hr", "br", "body", "html",
    }
)
_CELL_TAGS = frozenset({"td", "th"})
_NON_TEXT_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)

_WHITESPACE = re.compile(r"[\s\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000\ufeff]+")
# Word's bullet glyphs at the start of a paragraph: middle dot, Symbol-font private-use bullet, bullet.
_BULLET_START = re.compile(r"^[\u00b7\uf0b7\u2022\u25cf\u25aa\uf0a7]\s*")
_RESIDUAL_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
# Tags that Word-to-HTML minutes bodies are made of: if decoding a body's entities produces these, the
# whole body was escaped twice and is markup, not text about markup.
_ESCAPED_BODY_TAG = re.compile(
    r"<\s*/?\s*(?:p|div|span|br|table|tbody|thead|tr|td|th|ul|ol|li|strong|b|i|em|u|font|h[1-6]|"
    r"blockquote|sup|sub|o:p)(?:\s[^<>]*)?/?\s*>", re.IGNORECASE)


def collapse_whitespace(text: str) -> str:
    """Collapse every run of whitespace (incl. non-breaking and zero-width spaces) to one space."""
    return _WHITESPACE.sub(" ", text).strip()


def decode_residual_entities(text: str) -> str:
    """Decode entities left in text after parsing: the web service sometimes escapes HTML twice.

    ``&amp;#39;`` in the XML becomes the text ``&#39;`` after both parses; decoding again gives "'".
    Applied at most twice, and only when an entity-shaped sequence is present.
    """
    for _ in range(2):
        if "&" not in text or not _RESIDUAL_ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


def clean_inline(text: str | None) -> str:
    """A one-line field (title, label value): entities decoded, whitespace collapsed."""
    if not text:
        return ""
    return collapse_whitespace(decode_residual_entities(text))


# Paragraph kinds: consecutive lines of one list kind are joined by a single newline.
_PLAIN, _BULLET_LINE, _NUMBERED_LINE, _ROW_LINE = 0, 1, 2, 3
# Word's Courier "o" sub-bullet: the letter followed by non-breaking spaces (before collapsing).
_WORD_O_BULLET = re.compile(r"^\s*o\u00a0[\s\u00a0]*")


class _Blocks:
    """Accumulates inline text into paragraphs while walking a tree."""

    def __init__(self) -> None:
        # (text, kind): kind is _PLAIN, _BULLET_LINE, or (_NUMBERED_LINE | _ROW_LINE, id of the list/table)
        self.paragraphs: list[tuple[str, object]] = []
        self._parts: list[str] = []
        self._prefix: str | None = None
        self._prefix_kind: object = _PLAIN

    def add_text(self, text: str) -> None:
        self._parts.append(text)

    def start_list_item(self, prefix: str, kind: object = _BULLET_LINE) -> None:
        self.flush()
        self._prefix = prefix
        self._prefix_kind = kind

    def add_line(self, text: str, kind: object) -> None:
        """A finished line of a given kind (a table row)."""
        self.flush()
        if text:
            self.paragraphs.append((text, kind))

    def flush(self) -> None:
        raw = "".join(self._parts)
        self._parts = []
        prefix, self._prefix = self._prefix, None
        kind, self._prefix_kind = self._prefix_kind, _PLAIN
        if not raw:
            return
        text = collapse_whitespace(decode_residual_entities(raw))
        if not text:
            return
        glyph = _BULLET_START.match(text)
        if glyph is None and _WORD_O_BULLET.match(raw):
            glyph = re.match(r"^o\s*", text)
        if glyph:
            rest = text[glyph.end():].strip()
            if rest:
                self.paragraphs.append((BULLET + rest, _BULLET_LINE))
            return
        if prefix is not None:
            self.paragraphs.append((prefix + text, kind))
            return
        self.paragraphs.append((text, _PLAIN))

    def text(self) -> str:
        self.flush()
        out: list[str] = []
        previous = _PLAIN
        for paragraph, kind in self.paragraphs:
            if out:
                out.append("\n" if (kind != _PLAIN and kind == previous) else "\n\n")
            out.append(paragraph)
            previous = kind
        return "".join(out)


def _is_dropped(tag: Tag) -> bool:
    if tag.name in _DROP_TAGS:
        return True
    classes = tag.get("class")
    if classes:
        return any(cls in _DROP_CLASSES for cls in classes)
    return False


def _is_hidden(element: etree._Element) -> bool:
    """Word and ModernGov hide some elements with inline CSS; a reader never saw their text."""
    style = element.get("style")
    if not style or "n" not in style:
        return False
    compact = style.replace(" ", "").lower()
    return "display:none" in compact or "mso-hide:all" in compact or "visibility:hidden" in compact


def _roman(number: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _list_label(number: int, list_type: str | None) -> str:
    """An ``<ol>`` item's printed label for its ``type`` ("1", "a", "A", "i", "I")."""
    if list_type in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return (letter.upper() if list_type == "A" else letter) + ". "
    if list_type in ("i", "I") and number >= 1:
        roman = _roman(number)
        return (roman.upper() if list_type == "I" else roman) + ". "
    return f"{number}. "


def _row_text(row: etree._Element) -> str:
    """One table row as a line: each cell's text, non-empty cells joined by " | "."""
    cells: list[str] = []
    for cell in row:
        if not isinstance(cell.tag, str) or cell.tag.lower() not in _CELL_TAGS or _is_hidden(cell):
            continue
        inner = _Blocks()
        _walk(cell, inner)
        inner.flush()
        text = " ".join(paragraph for paragraph, _kind in inner.paragraphs)
        if text:
            cells.append(text)
    return " | ".join(cells)


def _walk(element: etree._Element, blocks: _Blocks) -> None:
    """Walk an lxml element's content, feeding text and paragraph breaks to ``blocks``."""
    if element.text:
        blocks.add_text(element.text)
    list_number = 0
    ordered = element.tag == "ol"
    if ordered:
        start = (element.get("start") or "").strip()
        list_number = int(start) - 1 if start.isdigit() else 0
        list_type = element.get("type")
    for child in element:
        name = child.tag
        if isinstance(name, str):
            name = name.lower()
            classes = child.get("class")
            dropped = (
                name in _DROP_TAGS
                or (classes is not None and any(c in _DROP_CLASSES for c in classes.split()))
                or _is_hidden(child)
            )
            if dropped:
                pass
            elif name == "li":
                if ordered:
                    value = (child.get("value") or "").strip()
                    list_number = int(value) if value.isdigit() else list_number + 1
                    blocks.start_list_item(_list_label(list_number, list_type), (_NUMBERED_LINE, id(element)))
                else:
                    blocks.start_list_item(BULLET)
                _walk(child, blocks)
                blocks.flush()
            elif name == "tr":
                table = next(child.iterancestors("table"), element)
                blocks.add_line(_row_text(child), (_ROW_LINE, id(table)))
            elif name in _BLOCK_TAGS:
                blocks.flush()
                _walk(child, blocks)
                blocks.flush()
            elif name in _CELL_TAGS:
                blocks.add_text(" ")
                _walk(child, blocks)
                blocks.add_text(" ")
            else:
                _walk(child, blocks)
        if child.tail:
            blocks.add_text(child.tail)


def html_to_text(markup: str | bytes | None) -> str:
    """Clean plain text from an HTML fragment, e.g. the unescaped ``minutesnonemptyhtmlbody``.

    This is the one text cleaner both parsing paths use (the HTML pages hand it their
    ``div.mgWordPara`` markup through ``tag_to_text``), so equal markup always gives equal text.
    It walks an lxml tree directly: a BeautifulSoup tree per text field would cost more than
    the rest of a meeting's parse.
    """
    if not markup:
        return ""
    if isinstance(markup, bytes):
        markup = markup.decode("utf-8", errors="replace")
    if not markup.strip():
        return ""
    if "<" not in markup:
        decoded = decode_residual_entities(markup)
        if _ESCAPED_BODY_TAG.search(decoded):
            # The whole body was escaped twice ("&lt;p&gt;Resolved ...&lt;/p&gt;" after the XML parse):
            # it is markup; read it as such rather than keeping its tags as literal text.
            markup = decoded
        else:
            # Plain text (or text whose only markup was double-escaped): one paragraph per blank-line block.
            markup = "<p>" + re.sub(r"\n\s*\n", "</p><p>", html.escape(decoded, quote=False)) + "</p>"
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    blocks = _Blocks()
    _walk(root, blocks)
    return blocks.text()


def tag_to_text(node: Tag | None) -> str:
    """The clean plain text of a BeautifulSoup element's content (see the module docstring)."""
    if node is None:
        return ""
    return html_to_text(node.decode_contents())


def inline_text(node: Tag | None) -> str:
    """One-line text of an element (titles, link texts, labels) without mgHide/mgFileSize noise."""
    if node is None:
        return ""
    parts: list[str] = []

    def collect(element: Tag) -> None:
        for child in element.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _NON_TEXT_STRINGS):
                    parts.append(str(child))
            elif isinstance(child, Tag) and not _is_dropped(child):
                if child.name in _BLOCK_TAGS or child.name in _CELL_TAGS:
                    parts.append(" ")
                collect(child)

    collect(node)
    return clean_inline("".join(parts))


# --- URLs ---------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\r\n\t]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def _is_private_host(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost" or "." not in host and not host.startswith("["):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local


# Characters left as they are when quoting a URL: reserved delimiters, and "%" of existing escapes.
_URI_SAFE = "!#$%&'()*+,/:;=?@[]~"
_BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _requote(uri: str) -> str:
    """Percent-quote what must be quoted (spaces, non-ASCII) without double-quoting escapes.

    A pure stand-in for ``requests.utils.requote_uri`` so the parsers need no HTTP library.
    """
    return quote(_BARE_PERCENT.sub("%25", uri), safe=_URI_SAFE)


def absolute_url(href: str | None, base_url: str) -> str | None:
    """An absolute, percent-quoted http(s) URL for a link found on a page or in the web service.

    - CR, LF and tabs inside hrefs (Irish installs) are removed and spaces quoted (GUIDE.md §5.5);
    - relative links resolve against the base *directory*: a trailing slash is added first, else
      ``urljoin`` drops a sub-path such as ``/moderngov`` (GUIDE.md §2);
    - links on a private or internal host (``http://10.170.34.172:9071/UserData/...``) are rebased
      onto the public base, and links to the base's own host take the base's scheme (GUIDE.md §8.1);
    - anything that is not http(s) (``javascript:``, ``mailto:``, ``file:``, ``data:``) gives None, so
      the caller can skip the link and report it.
    """
    if href is None:
        return None
    href = _CONTROL.sub("", href).strip()
    if not href or href.startswith("#"):
        return None
    scheme = _SCHEME.match(href)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return None
    base = base_url.strip().rstrip("/") + "/"
    joined = urljoin(base, href)
    parts = urlsplit(joined)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    base_parts = urlsplit(base)
    if parts.hostname != base_parts.hostname and _is_private_host(parts.hostname):
        path = parts.path
        base_path = base_parts.path.rstrip("/")
        if base_path and not path.lower().startswith(base_path.lower() + "/"):
            path = base_path + path
        parts = parts._replace(scheme=base_parts.scheme, netloc=base_parts.netloc, path=path)
    elif parts.hostname == base_parts.hostname and parts.port == base_parts.port:
        parts = parts._replace(scheme=base_parts.scheme)
    return _requote(urlunsplit(parts))


__all__ = [
    "BULLET",
    "collapse_whitespace",
    "decode_residual_entities",
    "clean_inline",
    "tag_to_text",
    "html_to_text",
    "inline_text",
    "absolute_url",
]

"""Bytes of a response to text, the way browsers read council pages, before any parsing.

ModernGov pages and web-service answers are mostly UTF-8, but not all of them, and not always what
they declare:
- pages declaring ``iso-8859-1`` (or ``us-ascii``) that contain Word's smart quotes and dashes
  (bytes 0x80-0x9F): browsers decode those labels as windows-1252 (WHATWG Encoding), so we do too;
- pages declaring UTF-8 (or nothing) with windows-1252 bytes pasted in from Word: the UTF-8 parts are
  kept and the stray bytes read as windows-1252 instead of becoming "�";
- byte-order marks (UTF-8, UTF-16) win over any declaration.
Valid UTF-8 is always taken as UTF-8 first: random windows-1252 text is almost never valid UTF-8, while
mislabelled UTF-8 is common. Pure function; no detection library needed.
"""

from __future__ import annotations

import codecs
import re



def _windows_1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode error handler: bytes that are not UTF-8 are read as windows-1252 (Word's smart quotes)."""
    bad = error.object[error.start:error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error("minutes-cp1252-fallback", _windows_1252_fallback)

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
_LATIN_LABELS = frozenset({
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "ansi_x3.4-1968",
    "windows-1252", "cp1252", "x-cp1252",
})
_UTF8_LABELS = frozenset({"utf-8", "utf8", "unicode-1-1-utf-8"})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def declared_encoding(body: bytes) -> str | None:
    """The charset a page or XML answer declares in its first 4 KiB (lower-cased), if any."""
    match = _DECLARED.search(body[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace").strip().lower()


def decode_body(body: bytes | str | None) -> str:
    """The text of a response body (see the module docstring for the rules)."""
    if body is None:
        return ""
    if isinstance(body, str):
        return body
    if body.startswith(codecs.BOM_UTF8):
        return body[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return body.decode("utf-16", errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(body)
    if declared is None or declared in _UTF8_LABELS:
        return body.decode("utf-8", errors="minutes-cp1252-fallback")
    if declared in _LATIN_LABELS:
        return body.decode("cp1252", errors="replace")
    try:
        return body.decode(declared, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="minutes-cp1252-fallback")


def decode_xml(body: bytes | str | None) -> str:
    """``decode_body`` for web-service XML, without the XML declaration (its encoding no longer applies
    to the decoded text, and lxml refuses text that still declares one)."""
    return _XML_DECLARATION.sub("", decode_body(body), count=1)


__all__ = ["declared_encoding", "decode_body", "decode_xml"]

"""Remove what an exempt item must never keep from a raw web-service answer, before it is stored.

The archive stores every response before parsing it, so that records can be rebuilt offline. But a
council's server sometimes sends the agenda text or minutes of an exempt (``isrestricted=True``)
item, and the project's rule is that such text is never stored, not only never parsed. So a
``GetMeeting`` answer is redacted first: for each restricted ``agendaitem`` the text fields and
linked documents the parser would ignore anyway are emptied. Everything the parser does read is
kept, so parsing the redacted capture gives exactly the records the crawl produced.
"""

from __future__ import annotations

from lxml import etree

from .webservice import _DECISION_FIELDS

_TEXT_FIELDS = frozenset({"agendatext", "minutesnonemptyhtmlbody", "commenttext1", "commenttext2", *_DECISION_FIELDS})
_TRUE = "true"


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _is_restricted(item: etree._Element) -> bool:
    flag = next((child for child in item if _local(child.tag) == "isrestricted"), None)
    return flag is not None and (flag.text or "").strip().lower() == _TRUE


def _redact_item(item: etree._Element) -> bool:
    """Empty one restricted item's text fields and documents (direct children only: nested
    sub-items carry their own flag). True when anything was removed."""
    changed = False
    for child in item:
        name = _local(child.tag)
        if name in _TEXT_FIELDS and ((child.text or "").strip() or len(child)):
            child.text = None
            for grandchild in list(child):
                child.remove(grandchild)
            changed = True
        elif name == "linkeddocuments" and len(child):
            for document in list(child):
                child.remove(document)
            changed = True
    return changed


def redact_restricted_items(body: bytes) -> bytes | None:
    """The ``GetMeeting`` answer without restricted items' text, or None when nothing needed removing
    (or the body is not XML this function understands; the parser reports such bodies itself)."""
    if b"isrestricted" not in body.lower():
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None
    changed = False
    for item in root.iter():
        if _local(item.tag) == "agendaitem" and _is_restricted(item):
            changed = _redact_item(item) or changed
    if not changed:
        return None
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8")


__all__ = ["redact_restricted_items"]

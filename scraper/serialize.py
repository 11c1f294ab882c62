"""Records <-> JSON, and the content hash change detection relies on.

The archive stores each record as canonical JSON (sorted keys, no insignificant whitespace), so
the same record always yields the same bytes and the same SHA-256: that hash is how a crawl tells
"new", "changed" and "unchanged" apart when ModernGov sends no ETag (GUIDE.md §8.2), and how the
indexer updates incrementally.

Conversion is driven by the dataclasses' own type hints, so a field added to ``scraper.records``
(with a default) round-trips without touching this module, and a record stored before the field
existed still loads.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any, TypeVar

from scraper.records import AgendaItem, Attendee, Committee, Document, Meeting, Site

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    """A plain JSON value for a record (dates as ISO strings, tuples as lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (date, time, datetime)):
        return value.isoformat()
    return value


def canonical_json(value: Any) -> str:
    return json.dumps(to_jsonable(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(value: Any) -> str:
    """SHA-256 (hex) of a record's canonical JSON."""
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_jsonable(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from ``to_jsonable`` output; unknown keys are ignored."""
    return _convert(cls, data)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(tp)
        item_type = args[0] if args else Any
        return tuple(_convert(item_type, v) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp) if f.init}
        kwargs = {k: _convert(hints[k], v) for k, v in value.items() if k in names}
        return tp(**kwargs)
    if tp is date:
        return date.fromisoformat(value)
    if tp is time:
        return time.fromisoformat(value)
    if tp is datetime:
        return datetime.fromisoformat(value)
    return value


def dumps(record: Any) -> str:
    return canonical_json(record)


def loads(cls: type[T], text: str) -> T:
    return from_jsonable(cls, json.loads(text))


__all__ = [
    "to_jsonable",
    "from_jsonable",
    "canonical_json",
    "content_hash",
    "dumps",
    "loads",
    "Site",
    "Committee",
    "Meeting",
    "AgendaItem",
    "Attendee",
    "Document",
]

"""ArchivedItem + Extraction -> one engine-neutral index document (a plain dict).

The document is what every ``SearchBackend`` receives in ``index()``; engines map it onto their own
fields. Its ``detail`` entry is the JSON form of ``ItemDetail`` so an item page needs no second
lookup. Council text is kept raw here: escaping happens only when HTML is produced (highlight.py).

Personal data: of a meeting's attendees only name, role and attendance are kept (never party, ward,
addresses or phone numbers).
"""

from __future__ import annotations

import hashlib
import zlib
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from scraper.records import ArchivedItem

from indexer.extract.model import Extraction
from indexer.procedural import is_procedural
from indexer.schema import SCHEMA_VERSION

# Keys every document carries (the contract tests build documents with exactly these).
DOCUMENT_KEYS = (
    "id", "fingerprint", "site", "council", "committee", "committee_key", "meeting", "meeting_no",
    "date", "year", "item_number", "position", "title", "agenda_text", "minutes_text",
    "decision_text", "speakers", "speaker_kinds", "topics", "keyphrases", "has_commitments",
    "restricted", "source_url", "detail", "procedural",
)


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A token that changes whenever the extractors could produce different output.

    Uses ``indexer.extract.EXTRACTOR_VERSION`` when the extraction package declares one; otherwise a
    digest of its source and data files, so editing a rule re-enriches every item on the next
    ``minutes index`` without anyone remembering to bump a number.
    """
    import indexer.extract as extract_pkg

    declared = getattr(extract_pkg, "EXTRACTOR_VERSION", None)
    if declared:
        return str(declared)
    digest = hashlib.sha256()
    root = Path(extract_pkg.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.name in ("command.py", "evaluation.py"):  # the CLI and the scorer change no output
            continue
        if path.suffix in (".py", ".toml", ".json", ".txt") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(archived: ArchivedItem, extra: str = "") -> str:
    """What decides whether an item must be re-indexed: its records, the extractors, the schema.

    The item's stored content hash alone is not enough: a renamed committee, a corrected meeting
    date or a new attendance list changes the document without changing the item record, so the
    whole ArchivedItem (frozen dataclasses, deterministic repr) is hashed.
    """
    h = hashlib.sha256()
    h.update(f"schema={SCHEMA_VERSION};extract={extractor_version()};{extra};".encode())
    h.update(repr(archived).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def date_number(d: date | None) -> int:
    """A date as yyyymmdd (0 when unknown): sortable, and the year is ``n // 10000``."""
    return d.year * 10000 + d.month * 100 + d.day if d else 0


def meeting_number(meeting_key: str) -> int:
    """A stable 32-bit number per meeting, used only to keep one meeting's items together."""
    return zlib.crc32(meeting_key.encode("utf-8"))


def _meeting_json(archived: ArchivedItem) -> dict[str, Any]:
    m = archived.meeting
    return {
        "key": m.key,
        "date": m.date.isoformat() if m.date else None,
        "time": m.time.isoformat(timespec="minutes") if m.time else None,
        "venue": m.venue,
        "status": m.status,
        "source_url": m.source_url,
        "attendees": [
            {"name": a.name, "role": a.role, "attendance": a.attendance} for a in m.attendees
        ],
        "documents": [{"title": d.title, "url": d.url} for d in m.documents],
    }


def speaker_facet_names(extraction: Extraction) -> list[str]:
    """Speaker facet values: resolved names only, de-duplicated in order of appearance.

    Unresolved speakers ("A Member", "the objector") have no name: they are kept in the item's
    speaker list and in the ``speaker_kinds`` field, but a facet entry such as "A Member" would lump
    unrelated people together, so they are left out of the speaker facet.
    """
    return list(dict.fromkeys(s.name.strip() for s in extraction.speakers if s.name and s.name.strip()))


def build_document(archived: ArchivedItem, extraction: Extraction | None, fp: str = "") -> dict[str, Any]:
    """The index document for one agenda item."""
    extraction = extraction or Extraction()
    item, meeting, committee, site = archived.item, archived.meeting, archived.committee, archived.site
    mdate = meeting.date
    speakers = speaker_facet_names(extraction)
    kinds = list(dict.fromkeys(s.kind for s in extraction.speakers if s.kind))
    detail = {
        "id": item.key,
        "title": item.title,
        "committee": committee.title,
        "committee_id": committee.key,
        "council": site.name,
        "site": site.key,
        "date": mdate.isoformat() if mdate else None,
        "item_number": item.number,
        "position": item.position,
        "agenda_text": item.agenda_text,
        "minutes_text": item.minutes_text,
        "decision_text": item.decision_text,
        "restricted": item.restricted,
        "source_url": item.source_url,
        "meeting": _meeting_json(archived),
        "speakers": [s.to_json() for s in extraction.speakers],
        "decisions": [d.to_json() for d in extraction.decisions],
        "commitments": [c.to_json() for c in extraction.commitments],
        "documents": [{"title": d.title, "url": d.url} for d in item.documents],
        "topics": list(extraction.topics),
        "keyphrases": list(extraction.keyphrases),
    }
    return {
        "id": item.key,
        "fingerprint": fp or fingerprint(archived),
        "site": site.key,
        "council": site.name,
        "committee": committee.title,
        "committee_key": committee.key,
        "meeting": meeting.key,
        "meeting_no": meeting_number(meeting.key),
        "date": mdate,
        "year": mdate.year if mdate else None,
        "item_number": item.number,
        "position": item.position,
        "title": item.title,
        "agenda_text": item.agenda_text,
        "minutes_text": item.minutes_text,
        "decision_text": item.decision_text,
        "speakers": speakers,
        "speaker_kinds": kinds,
        "topics": list(extraction.topics),
        "keyphrases": list(extraction.keyphrases),
        "has_commitments": bool(extraction.commitments),
        "restricted": item.restricted,
        "source_url": item.source_url,
        "detail": detail,
        "procedural": is_procedural(item.title, (item.agenda_text, item.minutes_text, item.decision_text)),
    }

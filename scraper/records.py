"""Record types passed from the scraper to the indexer.

These frozen dataclasses are the only thing that crosses the scraper -> indexer boundary, so they
carry plain values (str, int, date, time, tuples) and nothing tied to HTML, XML or SQLite. Every
record has a stable key made from the source's own ids, scoped by the site, because ModernGov ids
are local to one install (GUIDE.md §4.1): keying on them makes every write idempotent.

Text fields hold clean plain text: paragraphs separated by a blank line, bullets kept as lines that
start with "• ", Word markup and entity noise gone. Restricted/exempt items keep their title only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time


def site_key(base_url: str) -> str:
    """A stable, readable key for a site: its base URL without scheme or trailing slash.

    http and https twins of one install are the same site, so the scheme is dropped.
    """
    key = base_url.strip()
    for prefix in ("https://", "http://"):
        if key.lower().startswith(prefix):
            key = key[len(prefix):]
            break
    return key.rstrip("/").lower()


@dataclass(frozen=True)
class Site:
    """One ModernGov install (one council)."""

    key: str  # site_key(base_url)
    base_url: str  # as crawled, no trailing slash
    name: str  # the council's name, e.g. "Leicester City Council" (from the page template or the host)


@dataclass(frozen=True)
class Committee:
    site: str  # Site.key
    committee_id: int
    title: str
    category: str | None = None
    expired: bool = False
    deleted: bool = False

    @property
    def key(self) -> str:
        return f"{self.site}/committee/{self.committee_id}"


@dataclass(frozen=True)
class Attendee:
    name: str  # as published, e.g. "Councillor Basil Curley"
    role: str | None = None  # e.g. "Committee Member", "Chair", "Officer"
    attendance: str | None = None  # raw string: "Present", "Apologies", "Expected", ...
    member_id: int | None = None  # ModernGov UID when known
    party: str | None = None
    ward: str | None = None


@dataclass(frozen=True)
class Document:
    title: str
    url: str  # absolute http(s) URL; anything else is skipped when parsing
    attachment_id: int | None = None
    published: date | None = None


@dataclass(frozen=True)
class Meeting:
    site: str
    meeting_id: int
    committee_id: int
    date: date | None
    time: time | None = None
    status: str | None = None  # "Confirmed", "Cancelled", ...
    venue: str | None = None
    source_url: str | None = None  # the council's ieListDocuments page
    attendees: tuple[Attendee, ...] = ()
    documents: tuple[Document, ...] = ()  # meeting-level documents (packs, printed minutes)

    @property
    def key(self) -> str:
        return f"{self.site}/meeting/{self.meeting_id}"

    @property
    def cancelled(self) -> bool:
        return (self.status or "").strip().lower() == "cancelled"


@dataclass(frozen=True)
class AgendaItem:
    site: str
    item_id: int  # agendaitemid / mgAi ID
    meeting_id: int
    committee_id: int
    number: str | None  # display number as printed: "4.", "3a", "77/21"
    title: str
    agenda_text: str = ""
    minutes_text: str = ""
    decision_text: str = ""
    restricted: bool = False  # exempt/confidential: title only, never text
    position: int = 0  # order on the agenda, 0-based
    source_url: str | None = None  # the council's mgAi.aspx page
    documents: tuple[Document, ...] = ()

    @property
    def key(self) -> str:
        """Stable unique id across all sites: "<site>/item/<id>"."""
        return f"{self.site}/item/{self.item_id}"


@dataclass(frozen=True)
class ArchivedItem:
    """An agenda item with the context the indexer needs, as read back from the archive store."""

    item: AgendaItem
    meeting: Meeting
    committee: Committee
    site: Site
    content_hash: str = ""  # SHA-256 of the item's record as stored; drives incremental indexing

    @property
    def key(self) -> str:
        return self.item.key


__all__ = [
    "Site",
    "Committee",
    "Attendee",
    "Document",
    "Meeting",
    "AgendaItem",
    "ArchivedItem",
    "site_key",
]

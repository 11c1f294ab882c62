"""Frozen values the archive store hands out: captures, crawl runs, errors, status lines."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from scraper.records import AgendaItem, Meeting, Site

Change = Literal["new", "changed", "unchanged"]


@dataclass(frozen=True)
class Capture:
    """A stored HTTP response, body decompressed."""

    id: int
    site: str
    run_id: int | None
    kind: str
    requested_url: str
    url: str
    fetched_at: datetime
    status: int
    content_type: str | None
    headers: tuple[tuple[str, str], ...]
    sha256: str
    body: bytes
    meta: dict[str, Any] = dataclasses.field(default_factory=dict)
    rejected: str | None = None


@dataclass(frozen=True)
class CaptureInfo:
    """A stored response without its body: enough to choose which captures to re-parse."""

    id: int
    kind: str
    url: str
    status: int
    meta: dict[str, Any]
    rejected: str | None


@dataclass(frozen=True)
class MeetingState:
    """What the harvester needs to decide whether a stored meeting must be fetched again."""

    key: str
    date: date | None
    content_hash: str
    has_minutes: bool
    cancelled: bool
    source_mode: str
    first_seen: datetime
    updated_at: datetime
    last_checked: datetime


@dataclass(frozen=True)
class StoredMeeting:
    """A meeting as stored, with the captures it was built from (for reparse)."""

    meeting: Meeting
    items: tuple[AgendaItem, ...]
    source_mode: str
    sources: dict[str, Any]
    content_hash: str


@dataclass(frozen=True)
class CrawlRun:
    id: int
    site: str
    base_url: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    since: date | None
    until: date | None
    options: dict[str, Any]
    summary: dict[str, Any] | None


@dataclass(frozen=True)
class CrawlError:
    site: str
    run_id: int | None
    kind: str
    url: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class SiteStatus:
    """One line of ``minutes status``."""

    site: Site
    committees: int
    meetings: int
    items: int
    last_crawl: CrawlRun | None
    errors: int  # failures recorded by the last crawl (fetch, parse, rejected, robots)
    errors_total: int
    skipped_links: int = 0  # non-http(s) document links the last crawl skipped (reported, not failures)


@dataclass(frozen=True)
class MeetingWrite:
    """Outcome of writing one meeting: the meeting's own change and its items' changes."""

    meeting: Change
    items_new: int = 0
    items_changed: int = 0
    items_unchanged: int = 0
    items_removed: int = 0


__all__ = [
    "Change",
    "Capture",
    "CaptureInfo",
    "MeetingState",
    "StoredMeeting",
    "CrawlRun",
    "CrawlError",
    "SiteStatus",
    "MeetingWrite",
]

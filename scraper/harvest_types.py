"""What a crawl is asked (options) and what it answers (summaries, errors, progress protocol).

Kept apart from the harvester so the CLI, the demo and tests can use them without the machinery.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from scraper.harvest_plan import DEFAULT_SETTLE_AFTER_DAYS
from scraper.records import Site

SOURCES = ("auto", "webservice", "html")
# After this many requests in a row end in 5xx/429 (after their own retries) or no answer at all,
# the site is struggling: stop rather than work through the rest of the crawl at its expense.
MAX_CONSECUTIVE_SERVER_ERRORS = 5
# Likewise for WAF challenge pages: one is a hiccup (or a per-page rule), five in a row is a block.
MAX_CONSECUTIVE_CHALLENGES = 5
# Web-service calls in a row that failed and were replaced by HTML pages (auto mode): after this
# many, the crawl stops calling the service and reads the rest of the site through HTML.
MAX_CONSECUTIVE_WS_FALLBACKS = 3
# When GetMeetings lists no meeting for any committee, at most this many committees' HTML meeting
# lists are read to check that answer before it is believed.
MAX_LISTING_PROBES = 3


# --------------------------------------------------------------------------- errors


class HarvestError(Exception):
    """A crawl could not run at all; the message is one line fit for a person."""


class NotModernGov(HarvestError):
    """The URL does not answer like a ModernGov install (web service nor HTML pages)."""


class SiteBlocked(HarvestError):
    """Every way in answered with a WAF challenge or error page."""


class BadCrawlRequest(HarvestError):
    """The crawl was asked for something impossible: not an http(s) URL, an empty window, an unknown committee."""


class SiteFailing(HarvestError):
    """The site answered request after request with server errors: the crawl stopped to spare it.

    The run stays open, so running the same command later resumes it.
    """


class CrawlBusy(HarvestError):
    """Another crawl holds this archive's write lock."""


# --------------------------------------------------------------------------- options, results


@dataclass(frozen=True)
class CrawlOptions:
    since: date | None = None
    until: date | None = None
    committees: tuple[str, ...] = ()
    source: str = "auto"  # auto | webservice | html
    refresh: bool = False  # re-fetch settled meetings too
    settle_after_days: int = DEFAULT_SETTLE_AFTER_DAYS

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"source must be one of {', '.join(SOURCES)}")

    def resume_key(self) -> dict[str, Any]:
        """What must match for an unfinished run to be resumed instead of starting a new one."""
        return {
            "source": self.source,
            "committees": sorted(c.strip().casefold() for c in self.committees),
            "refresh": self.refresh,
        }


@dataclass
class Tally:
    new: int = 0
    changed: int = 0
    unchanged: int = 0

    def add(self, change: str, n: int = 1) -> None:
        setattr(self, change, getattr(self, change) + n)


@dataclass(frozen=True)
class Failure:
    url: str
    reason: str
    kind: str = "fetch"  # fetch | parse | rejected | robots | skipped_link


@dataclass
class CrawlSummary:
    """What a crawl did; ``headline()`` is the "N new, N changed, N unchanged, N failed" line."""

    site: Site | None
    run_id: int | None
    source_mode: str | None = None
    resumed: bool = False
    committees: Tally = field(default_factory=Tally)
    meetings: Tally = field(default_factory=Tally)
    items: Tally = field(default_factory=Tally)
    items_removed: int = 0
    meetings_listed: int = 0
    listings_reused: int = 0  # past years' meeting lists read from the archive, not the site
    html_committees: int = 0  # committees crawled through HTML because their web-service calls failed
    ws_given_up: bool = False  # the web service failed call after call; the rest came from HTML
    settled_skipped: int = 0
    resumed_skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped_links: list[Failure] = field(default_factory=list)
    fallbacks: list[Failure] = field(default_factory=list)  # web-service calls the HTML pages replaced
    warnings: list[str] = field(default_factory=list)  # answers not believed, and what was done instead
    requests: int = 0

    def _total(self, name: str) -> int:
        return sum(getattr(t, name) for t in (self.committees, self.meetings, self.items))

    @property
    def new(self) -> int:
        return self._total("new")

    @property
    def changed(self) -> int:
        return self._total("changed")

    @property
    def unchanged(self) -> int:
        return self._total("unchanged")

    @property
    def failed(self) -> int:
        return len(self.failures)

    def headline(self) -> str:
        return f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged, {self.failed} failed"

    def as_dict(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "committees": dataclasses.asdict(self.committees),
            "meetings": dataclasses.asdict(self.meetings),
            "items": dataclasses.asdict(self.items),
            "items_removed": self.items_removed,
            "meetings_listed": self.meetings_listed,
            "listings_reused": self.listings_reused,
            "html_committees": self.html_committees,
            "ws_given_up": self.ws_given_up,
            "settled_skipped": self.settled_skipped,
            "resumed_skipped": self.resumed_skipped,
            "skipped_links": len(self.skipped_links),
            "fallbacks": len(self.fallbacks),
            "warnings": list(self.warnings),
            "requests": self.requests,
            "source_mode": self.source_mode,
            "resumed": self.resumed,
        }


class Progress(Protocol):
    """How a crawl shows progress (the CLI draws a click progress bar on stderr)."""

    def stage(self, label: str, total: int | None) -> None: ...

    def advance(self, steps: int = 1) -> None: ...

    def note(self, message: str) -> None: ...


class NullProgress:
    def stage(self, label: str, total: int | None) -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        pass

    def note(self, message: str) -> None:
        pass


@dataclass
class ReparseSummary:
    committees: Tally = field(default_factory=Tally)
    meetings: Tally = field(default_factory=Tally)
    items: Tally = field(default_factory=Tally)
    failures: list[Failure] = field(default_factory=list)

    def headline(self) -> str:
        totals = [sum(getattr(t, n) for t in (self.committees, self.meetings, self.items))
                  for n in ("new", "changed", "unchanged")]
        return f"{totals[0]} new, {totals[1]} changed, {totals[2]} unchanged, {len(self.failures)} failed"


__all__ = [
    "SOURCES",
    "MAX_CONSECUTIVE_SERVER_ERRORS",
    "MAX_CONSECUTIVE_CHALLENGES",
    "MAX_CONSECUTIVE_WS_FALLBACKS",
    "MAX_LISTING_PROBES",
    "HarvestError",
    "NotModernGov",
    "SiteBlocked",
    "BadCrawlRequest",
    "SiteFailing",
    "CrawlBusy",
    "CrawlOptions",
    "Tally",
    "Failure",
    "CrawlSummary",
    "ReparseSummary",
    "Progress",
    "NullProgress",
]

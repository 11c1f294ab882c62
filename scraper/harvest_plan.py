"""Pure decisions a crawl makes before fetching: base URL, date window, committees, settled meetings.

Kept apart from the fetching loop so each rule is a small function with its own tests.

Choices (documented in ``docs/bench-scraper.md`` and the README's crawl section):

* **Default window**: from ``DEFAULT_EARLIEST`` (1 January 2000, before any ModernGov install
  published online) to 60 days after today: "everything the site lists".
* **Chunks**: the web service is asked for the two most recent calendar years one at a time and
  for older years five at a time (``GetMeetings`` with both ``dd/mm/yyyy`` dates; see
  ``listing_chunks``); the HTML meeting lists are per year anyway. Modest answers for slow hosts,
  few requests, and a capped answer is asked again in halves.
* **Settled meetings**: a stored meeting is *settled*, and not fetched again unless ``--refresh``,
  when it took place at least ``settle_after_days`` (90) days ago, its minutes are published (or
  it was cancelled), and it was last fetched at least ``settle_after_days`` after it took place —
  i.e. we already saw it in its final, post-minutes state. Late edits after three months are rare
  (LGSF settles decisions after three months too); ``--refresh`` re-checks everything. A meeting
  without minutes settles the same way after a year instead (some years only have PDF minutes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, Sequence
from urllib.parse import urlsplit, urlunsplit

from scraper.records import Committee
from scraper.store import MeetingState

DEFAULT_EARLIEST = date(2000, 1, 1)
DEFAULT_DAYS_AHEAD = 60
DEFAULT_SETTLE_AFTER_DAYS = 90
SETTLE_WITHOUT_MINUTES = timedelta(days=365)
# A DNS name (letters, digits, hyphens, dots; IDNs too) or a bracketed-off IPv6 literal's inside.
_HOST = re.compile(r"[\w.-]+|[0-9a-f:.]+", re.I)


class PlanError(ValueError):
    """The crawl cannot be planned as asked (bad URL, empty window, unknown committee)."""


def normalise_base_url(raw: str) -> str:
    """The directory holding ``mgWebService.asmx``, without a trailing slash.

    Accepts a page URL too (``…/mgListCommittees.aspx?bcr=1``): its last path segment is dropped
    (GUIDE.md §2). A bare host gets ``https://``.
    """
    text = raw.strip()
    if not text:
        raise PlanError("no base URL given")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise PlanError(f"{raw!r} is not an http(s) URL")
    if not _HOST.fullmatch(parts.hostname):
        raise PlanError(f"{raw!r} is not an http(s) URL: {parts.hostname!r} is not a host name")
    try:
        parts.port
    except ValueError:
        raise PlanError(f"{raw!r} is not an http(s) URL: its port is not a number from 0 to 65535") from None
    path = parts.path
    service = path.lower().find("/mgwebservice.asmx")
    if service >= 0:  # a web-service URL: the base is the folder holding the service
        path = path[:service + 1]
    last = path.rsplit("/", 1)[-1]
    if last.lower().endswith((".aspx", ".asmx", ".htm", ".html")):
        path = path[: len(path) - len(last)]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path.rstrip("/"), "", ""))


@dataclass(frozen=True)
class Window:
    since: date
    until: date

    def contains(self, day: date | None) -> bool:
        return day is None or self.since <= day <= self.until


def resolve_window(since: date | None, until: date | None, today: date) -> Window:
    start = since or DEFAULT_EARLIEST
    end = until or today + timedelta(days=DEFAULT_DAYS_AHEAD)
    if start > end:
        raise PlanError(f"--since {start.isoformat()} is after --until {end.isoformat()}")
    return Window(start, end)


#: Calendar years, counting back from the window's end, that are listed one year per request
#: (they still change); older years are listed ``OLD_LISTING_YEARS`` per request.
RECENT_LISTING_YEARS = 2
OLD_LISTING_YEARS = 5


def listing_chunks(
    window: Window, recent_years: int = RECENT_LISTING_YEARS, old_years: int = OLD_LISTING_YEARS
) -> list[Window]:
    """``GetMeetings`` windows for one committee, newest first: the most recent calendar years one
    each, then older years in blocks of ``old_years``.

    Asking year by year from 2000 costs ~27 requests per committee before a single meeting is
    fetched (hours at one request a second for a large council); one request for all of history
    risks a time-out on a slow self-hosted server (GUIDE.md §9: "backfill in modest ranges").
    Blocks are aligned to calendar years, so their windows stay the same between crawls and a later
    crawl reuses a settled block's stored answer. An answer that reaches the service's row cap is
    split in halves by the caller.
    """
    chunks = []
    oldest_recent = window.until.year - recent_years + 1
    for year in range(window.until.year, max(window.since.year, oldest_recent) - 1, -1):
        chunks.append(Window(max(window.since, date(year, 1, 1)), min(window.until, date(year, 12, 31))))
    end_year = oldest_recent - 1
    while end_year >= window.since.year:
        start_year = end_year - old_years + 1
        chunks.append(Window(max(window.since, date(start_year, 1, 1)), date(end_year, 12, 31)))
        end_year = start_year - 1
    return chunks


def split_window(window: Window) -> list[Window]:
    """Two halves of a window of two days or more, newer first (as ``listing_chunks``); a one-day
    window cannot be split and comes back alone. Used when an answer reaches the row cap."""
    if window.since >= window.until:
        return [window]
    middle = window.since + (window.until - window.since) // 2
    return [Window(middle + timedelta(days=1), window.until), Window(window.since, middle)]


def listing_years(window: Window, since_given: bool) -> list[int]:
    """Years of ``ieListMeetings.aspx?Year=`` to read, newest first.

    ModernGov's ``Year`` may be a municipal year (May to April), so one year before an explicit
    ``--since`` is read too; meetings are filtered by date afterwards.
    """
    first = window.since.year - (1 if since_given else 0)
    return list(range(window.until.year, first - 1, -1))


def ws_date(day: date) -> str:
    """The web service's date format: ``dd/mm/yyyy`` (ISO dates are silently ignored, §8.1)."""
    return day.strftime("%d/%m/%Y")


def select_committees(committees: Sequence[Committee], wanted: Iterable[str]) -> list[Committee]:
    """Committees matching ``--committee`` values (id, exact title, or a unique part of a title).

    No values means all committees. A value that matches nothing, or several titles, is an error
    naming the candidates, so a typo never silently crawls nothing.
    """
    wanted = [w.strip() for w in wanted if w.strip()]
    if not wanted:
        return list(committees)
    chosen: dict[int, Committee] = {}
    for value in wanted:
        matches: list[Committee]
        if value.lstrip("-").isdigit():
            matches = [c for c in committees if c.committee_id == int(value)]
        else:
            folded = value.casefold()
            matches = [c for c in committees if c.title.casefold() == folded]
            if not matches:
                matches = [c for c in committees if folded in c.title.casefold()]
        if not matches:
            raise PlanError(f"no committee matches {value!r}")
        if len(matches) > 1:
            names = "; ".join(f"{c.committee_id} {c.title}" for c in matches[:6])
            raise PlanError(f"{value!r} matches {len(matches)} committees ({names}); give the id or the full title")
        chosen[matches[0].committee_id] = matches[0]
    return [c for c in committees if c.committee_id in chosen]


def is_settled(state: MeetingState | None, today: date, settle_after_days: int = DEFAULT_SETTLE_AFTER_DAYS) -> bool:
    """Whether a stored meeting can be skipped (see the module docstring)."""
    if state is None or state.date is None:
        return False
    checked: datetime = state.last_checked
    settle = timedelta(days=settle_after_days)
    if state.has_minutes or state.cancelled:
        return state.date <= today - settle and checked.date() >= state.date + settle
    # Old meetings that never had minutes online (PDF-only years, informal meetings) would
    # otherwise be fetched on every crawl forever: after a year they are final too.
    return state.date <= today - SETTLE_WITHOUT_MINUTES and checked.date() >= state.date + SETTLE_WITHOUT_MINUTES


__all__ = [
    "DEFAULT_EARLIEST",
    "DEFAULT_DAYS_AHEAD",
    "DEFAULT_SETTLE_AFTER_DAYS",
    "PlanError",
    "Window",
    "normalise_base_url",
    "resolve_window",
    "listing_chunks",
    "RECENT_LISTING_YEARS",
    "OLD_LISTING_YEARS",
    "split_window",
    "listing_years",
    "ws_date",
    "select_committees",
    "is_settled",
]

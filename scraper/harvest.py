"""The ModernGov harvester: web service first, HTML fallback, every response stored before parsing.

Flow of one crawl (GUIDE.md §9):

1. **Validate** the base URL with ``GetCommittees`` (root must be ``<committees>``, with at least
   one committee). If the service is disabled, blocked or answers non-XML, probe
   ``mgListCommittees.aspx`` for ``#modgov`` and crawl through HTML. Neither answering like
   ModernGov -> ``NotModernGov`` (the CLI exits 2), unless the answers say the site is down
   (``SiteFailing``), refuses crawlers (``SiteBlocked``) or lists no committees: ``validation_failure``.
2. **Committees** are upserted (expired/deleted ones included, flagged), then narrowed to
   ``--committee`` values.
3. **Meetings** are listed per committee: ``GetMeetings`` over ``listing_chunks`` (recent years
   one at a time, older ones five at a time; a window whose answer reaches the service's silent 5,000-row cap is asked again in halves), or
   ``ieListMeetings.aspx?CId=&Year=`` when the service fails for that committee (or, in auto
   mode, for the years of one window whose answer has no usable row). Answers are read row by
   row: a row with an unexpected date or no id is reported with the answer's URL and costs only
   itself. Valid but empty lists for every committee are not believed unchecked: one committee's
   ``ieListMeetings`` page is read, and if it lists meetings the run warns and lists through HTML.
4. **Each meeting** is fetched with ``GetMeeting`` and completed from its ``ieListDocuments.aspx``
   page, which alone has the items' decisions and the meeting packs (the web service has no
   decision text; items are matched by id); when ``GetMeeting`` fails the meeting comes from
   ``ieListDocuments.aspx`` + ``mgAi.aspx`` (truncated minutes) + ``mgMeetingAttendance.aspx``.
   Its records and its "done in this run" mark are written in one transaction. After
   ``MAX_CONSECUTIVE_WS_FALLBACKS`` web-service failures in a row the service is not asked again
   in this run.

Every response (robots.txt, retried 503s and redirects included) is stored before it is parsed.
A 200 that is really a WAF challenge or error page is stored, marked rejected, and reported as a
failure; it never becomes records. A page that fails to parse is recorded with its URL and the
reason, and the crawl goes on. A crawl killed at any point resumes, when the same command is run
again, from the run it interrupted: meetings it completed are not fetched again.
"""

from __future__ import annotations

import fcntl
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from scraper.harvest_build import (
    KIND_HTML_ATTENDANCE,
    KIND_HTML_COMMITTEES,
    KIND_HTML_HOME,
    KIND_HTML_ITEM,
    KIND_HTML_MEETING,
    KIND_HTML_MEETING_DOCS,
    KIND_HTML_MEETING_LIST,
    KIND_ROBOTS,
    KIND_WS_COMMITTEES,
    KIND_WS_MEETING,
    KIND_WS_MEETINGS,
    MODE_HTML,
    MODE_WEBSERVICE,
    Page,
    committees_from,
    finish,
    meeting_from_html,
    meeting_page,
    site_name_from_page,
    with_meeting_page,
)
from scraper.harvest_types import (  # the crawl's public vocabulary, re-exported here
    MAX_CONSECUTIVE_CHALLENGES,
    MAX_CONSECUTIVE_SERVER_ERRORS,
    MAX_CONSECUTIVE_WS_FALLBACKS,
    MAX_LISTING_PROBES,
    SOURCES,
    BadCrawlRequest,
    CrawlBusy,
    CrawlOptions,
    CrawlSummary,
    Failure,
    HarvestError,
    NotModernGov,
    NullProgress,
    Progress,
    ReparseSummary,
    SiteBlocked,
    SiteFailing,
    Tally,
)
from scraper.harvest_plan import (
    PlanError,
    Window,
    is_settled,
    listing_years,
    normalise_base_url,
    resolve_window,
    select_committees,
    split_window,
    ws_date,
    listing_chunks,
)
from scraper.http import FetchFailed, FetchResult, HostUnavailable, HttpError, PoliteClient, RobotsDisallowed
from scraper.parse import html_pages, webservice
from scraper.parse.challenge import detect_challenge
from scraper.parse.errors import NotWebServiceXML, ParseError
from scraper.parse.redact import redact_restricted_items
from scraper.parse.types import ParsedMeeting
from scraper.parse.urls import attendance_url, item_url, meeting_list_url, meeting_url
from scraper.records import Committee, Meeting, Site, site_key
from scraper.store import ArchiveStore


NO_COMMITTEES = "no committees"
# GetMeetings/GetAllMeetingsByDate answers stop at this many rows without saying so (GUIDE.md §8.1).
WS_ROW_CAP = 5000
_REFUSALS = frozenset({"HTTP 401", "HTTP 403"})  # the failure reasons of a host that refuses us
_SERVER_ERROR = re.compile(r"HTTP (?:5\d\d|429)")  # ... and of one that is down or overloaded
# The reason given when an install's web service refuses GET (ASP.NET "Request format is unrecognized":
# only SOAP POST is enabled). Not the site failing, and evidence that it is ModernGov.
WS_GET_REFUSED = "the web service refuses GET requests (request format is unrecognized)"

# --------------------------------------------------------------------------- fetching with storage


class _Failed(Exception):
    """Internal: one fetch or parse failed and has been recorded; the caller decides what next."""

    def __init__(self, failure: Failure, status: int | None = None, not_xml: bool = False) -> None:
        super().__init__(failure.reason)
        self.failure = failure
        self.status = status
        self.not_xml = not_xml


@dataclass
class _Fetched:
    result: FetchResult
    capture_id: int

    @property
    def page(self) -> Page:
        return Page(self.result.body, self.result.url)


class Harvester:
    """One crawl of one site. Use ``crawl()`` (which takes the archive lock) rather than this directly."""

    def __init__(
        self,
        store: ArchiveStore,
        client: PoliteClient,
        base_url: str,
        options: CrawlOptions = CrawlOptions(),
        *,
        progress: Progress | None = None,
        today: date | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.base_url = normalise_base_url(base_url)
        self.site_key = site_key(self.base_url)
        self.options = options
        self.progress = progress or NullProgress()
        self.today = today or date.today()
        self.window: Window = resolve_window(options.since, options.until, self.today)
        self.summary = CrawlSummary(site=None, run_id=None)
        self.run_id: int | None = None
        self._kind = ""
        self._meta: dict[str, Any] = {}
        self._last_capture: int | None = None
        self._html_committees: set[int] = set()  # committees whose web-service calls fail
        self._name_page: bytes | None = None  # an HTML page whose <title> names the council
        self._server_errors_in_a_row = 0
        self._challenges_in_a_row = 0
        self._ws_fallbacks_in_a_row = 0  # web-service calls in a row the HTML pages had to replace
        self._ws_given_up = False  # the service failed call after call: HTML for the rest of the run
        self._listed_no_committees = False  # a committee list answered, but empty
        self._held: list[Failure] | None = None  # failures not yet recorded (see _validate)
        self._probed: dict[tuple[int, int], list[Meeting]] = {}  # (committee, year) -> meeting list read

    # -- storage of every response ------------------------------------------------------

    def _store_response(self, result: FetchResult, purpose: str) -> None:
        kind = KIND_ROBOTS if purpose == "robots" else self._kind
        body = result.body
        if kind == KIND_WS_MEETING:  # exempt items' text is never stored, even in the raw capture
            body = redact_restricted_items(body) or body
        capture_id = self.store.add_capture(
            self.site_key,
            kind,
            requested_url=result.requested_url,
            url=result.url,
            status=result.status,
            content_type=result.content_type,
            headers=result.headers,
            body=body,
            fetched_at=result.fetched_at,
            run_id=self.run_id,
            meta={} if purpose == "robots" else self._meta,
        )
        if purpose != "robots":
            self._last_capture = capture_id

    def _fail(self, url: str, reason: str, kind: str = "fetch", *, soft: bool = False, **extra: Any) -> _Failed:
        """Record a failure. ``soft``: a web-service call the HTML pages will stand in for (auto
        mode) — noted in the summary as a fallback, not counted as failed."""
        failure = Failure(url, reason, kind)
        if soft:
            self.summary.fallbacks.append(failure)
            return _Failed(failure, **extra)
        if self._held is not None:  # validating an http:// seed that https may yet replace
            self._held.append(failure)
            return _Failed(failure, **extra)
        self.store.record_error(self.site_key, self.run_id, kind, url, reason)
        if kind == "skipped_link":
            self.summary.skipped_links.append(failure)
        else:
            self.summary.failures.append(failure)
        return _Failed(failure, **extra)

    def _fetch(
        self,
        kind: str,
        url: str,
        params: dict[str, Any] | None = None,
        *,
        quiet: tuple[int, ...] = (),
        soft: bool = False,
        **meta: Any,
    ) -> _Fetched:
        """GET, store every response, reject challenge pages; raise ``_Failed`` (recorded) on failure.

        Statuses in ``quiet`` raise ``_Failed`` without being recorded as failures (a 404 for an
        attendance page that is not published yet is normal).
        """
        self._kind, self._meta, self._last_capture = kind, meta, None
        try:
            result = self.client.get(url, params)
        except HttpError as exc:
            kind_name = "robots" if isinstance(exc, (RobotsDisallowed, HostUnavailable)) else "fetch"
            if isinstance(exc, FetchFailed):  # no answer at all; a body over the cap is the page's problem
                self._server_error(exc.url, exc.reason)
            raise self._fail(exc.url, exc.reason, kind_name, soft=soft) from exc
        finally:
            self.summary.requests = self.client.request_count
        if result.request_format_unrecognized:
            # The service refuses this way of calling it; the host is well. Asking it again in this
            # run would only be refused again, so the HTML pages take over (auto mode).
            assert self._last_capture is not None, "the client must report every response"
            self._ws_refuses_get()
            raise self._fail(result.requested_url, f"HTTP {result.status}: {WS_GET_REFUSED}",
                             status=result.status, soft=soft)
        if result.status >= 500 or result.status == 429:
            self._server_error(result.requested_url, f"HTTP {result.status}")
        else:
            self._server_errors_in_a_row = 0
        assert self._last_capture is not None, "the client must report every response"
        capture_id = self._last_capture
        if not result.ok and result.status in quiet:
            raise _Failed(Failure(result.requested_url, f"HTTP {result.status}"), status=result.status)
        if not result.ok:
            raise self._fail(result.requested_url, f"HTTP {result.status}", status=result.status, soft=soft)
        reason = detect_challenge(result.body, result.content_type, url=result.url)
        if reason:
            self.store.reject_capture(capture_id, reason)
            self._challenged(result.requested_url, reason)
            raise self._fail(result.requested_url, f"not data: {reason}", "rejected", status=result.status, soft=soft)
        self._challenges_in_a_row = 0
        return _Fetched(result, capture_id)

    def _server_error(self, url: str, reason: str) -> None:
        self._server_errors_in_a_row += 1
        if self._server_errors_in_a_row >= MAX_CONSECUTIVE_SERVER_ERRORS:
            self._fail(url, reason)
            raise SiteFailing(
                f"{self.base_url} answered {self._server_errors_in_a_row} requests in a row with errors "
                f"(last: {reason} for {url}); stopped to spare it. Run the same command later to resume"
            )

    def _challenged(self, url: str, reason: str) -> None:
        """A firewall that challenges page after page will not let us through: stop asking."""
        self._challenges_in_a_row += 1
        if self._challenges_in_a_row >= MAX_CONSECUTIVE_CHALLENGES:
            self._fail(url, f"not data: {reason}", "rejected")
            raise SiteBlocked(
                f"{self.base_url} answered {self._challenges_in_a_row} requests in a row with a challenge page "
                f"({reason}); it blocks automated clients, so the crawl stopped. What was stored is kept"
            )

    def _ws_refuses_get(self) -> None:
        if self.options.source == "auto" and not self._ws_given_up:
            self._ws_given_up = True
            warning = f"{WS_GET_REFUSED} at {self.base_url}: it was read through its HTML pages"
            self.summary.warnings.append(warning)
            self.progress.note(warning)

    def _ws_worked(self, worked: bool) -> None:
        """Count web-service calls that failed where the HTML pages stood in (auto mode). A
        service that fails call after call (GetMeetings works, GetMeeting throws for every
        meeting) is given up on for the rest of the crawl, so that each meeting does not pay a
        failed call and its retries before its HTML pages are read."""
        if worked:
            self._ws_fallbacks_in_a_row = 0
            return
        self._ws_fallbacks_in_a_row += 1
        if self._ws_fallbacks_in_a_row >= MAX_CONSECUTIVE_WS_FALLBACKS and not self._ws_given_up:
            self._ws_given_up = True
            self.summary.ws_given_up = True
            self.progress.note(
                f"the web service of {self.base_url} failed {self._ws_fallbacks_in_a_row} calls in a row; "
                "reading the rest through its HTML pages"
            )

    def _parse_failure(self, fetched: _Fetched, exc: ParseError, *, soft: bool = False) -> _Failed:
        """A page that did not parse: recorded with its URL and reason (a web-service answer that
        is not XML at all only softly, when the HTML pages will stand in for it)."""
        reason = getattr(exc, "reason", None) or str(exc)
        not_xml = isinstance(exc, NotWebServiceXML)
        self.store.reject_capture(fetched.capture_id, f"parse error: {reason}")
        return self._fail(fetched.result.requested_url, reason, "parse", soft=soft and not_xml, not_xml=not_xml)

    # -- the crawl ----------------------------------------------------------------------

    def run(self) -> CrawlSummary:
        previous = self.client.on_response
        self.client.on_response = self._store_response
        try:
            return self._run()
        finally:
            self.client.on_response = previous

    def _run(self) -> CrawlSummary:
        opts = self.options
        key = opts.resume_key()
        resumable = self.store.find_unfinished_run(self.site_key, opts.since, opts.until, key)
        done: dict[str, tuple[str, dict[str, Any]]] = {}
        if resumable is not None:
            self.run_id = resumable
            self.summary.resumed = True
            done = self.store.completed_meetings(resumable)
            self.progress.note(f"resuming the interrupted crawl (run {resumable}): {len(done)} meetings already done")
        else:
            self.store.abandon_runs(self.site_key)
            self.run_id = self.store.start_run(self.site_key, self.base_url, opts.since, opts.until, key)
        self.summary.run_id = self.run_id
        try:
            mode, committees, committee_sources = self._validate()
        except HarvestError as exc:
            self.store.finish_run(self.run_id, "failed", {"error": str(exc), **self.summary.as_dict()})
            raise
        site = Site(key=self.site_key, base_url=self.base_url, name=self._site_name(mode))
        self.store.upsert_site(site, source_mode=mode)
        self.summary.site = site
        self.summary.source_mode = mode
        for committee in committees:
            self.summary.committees.add(self.store.upsert_committee(committee, committee_sources))
        try:
            selected = select_committees(committees, opts.committees)
        except PlanError as exc:
            self.store.finish_run(self.run_id, "failed", {"error": str(exc)})
            raise
        listed = self._list_meetings(mode, selected)
        self.summary.meetings_listed = len(listed)
        if mode == MODE_WEBSERVICE:
            self.summary.html_committees = len(self._html_committees)
        self.progress.stage("meetings", len(listed))
        for committee, listed_meeting in listed:
            key_ = listed_meeting.key
            if key_ in done:
                outcome, detail = done[key_]
                self._count_resumed(outcome, detail)
                self.progress.advance()
                continue
            if not opts.refresh and is_settled(self.store.meeting_state(key_), self.today, opts.settle_after_days):
                self.summary.settled_skipped += 1
                self.store.mark_done(self.run_id, key_, "settled")
                self.progress.advance()
                continue
            self._harvest_meeting(mode, committee, listed_meeting)
            self.progress.advance()
        self.store.finish_run(self.run_id, "completed", self.summary.as_dict())
        return self.summary

    def _count_resumed(self, outcome: str, detail: dict[str, Any]) -> None:
        self.summary.resumed_skipped += 1
        if outcome == "settled":
            self.summary.settled_skipped += 1
            return
        self.summary.meetings.add(outcome)
        self.summary.items.add("new", detail.get("items_new", 0))
        self.summary.items.add("changed", detail.get("items_changed", 0))
        self.summary.items.add("unchanged", detail.get("items_unchanged", 0))
        self.summary.items_removed += detail.get("items_removed", 0)

    # -- 1. validation ----------------------------------------------------------------------

    def _validate(self) -> tuple[str, list[Committee], list[int]]:
        """Which interface answers, and the committee list it gave.

        Seeds are often http:// (GUIDE.md §2: "try https, follow redirects, and keep the final
        URL"), and some such hosts answer only a JavaScript or meta-refresh stub that sends
        browsers to https (GUIDE.md §8.2), or nothing at all. So when validation fails on an
        http:// base, it is tried once more on https://, and the crawl keeps that base if it
        answers. What failed on http:// is then a fallback, not a failure of the crawl; if https
        fails too, the error (of the first attempt's kind) names both.
        """
        if not self.base_url.startswith("http://"):
            return self._validate_base()
        self._held = []
        try:
            return self._validate_base(https_next=True)
        except HarvestError as first:
            held, self._held = self._held, None
            if not self.base_url.startswith("http://"):  # it moved to https by a real redirect and failed there
                self._replay(held)
                raise
            seed = self.base_url
            self._move_to("https://" + seed[len("http://"):], f"{seed} did not answer like ModernGov; trying https")
            self._server_errors_in_a_row = self._challenges_in_a_row = 0
            self._listed_no_committees = False
            try:
                found = self._validate_base()
            except HarvestError as second:
                tried = self.base_url
                self.base_url = seed
                self._replay(held)
                raise type(first)(f"{first}; {tried} failed too: {second}") from None
            self.summary.fallbacks.extend(held)
            return found
        finally:
            self._held = None

    def _replay(self, held: list[Failure]) -> None:
        """Record failures that were held back while it was open whether they would count."""
        for failure in held:
            self._fail(failure.url, failure.reason, failure.kind)

    def _validate_base(self, *, https_next: bool = False) -> tuple[str, list[Committee], list[int]]:
        """``_validate`` on the current base, once; ``https_next``: an https retry follows a failure."""
        source = self.options.source
        self.progress.stage("checking the site", None)
        ws_problem = None
        if source in ("auto", "webservice"):
            url = f"{self.base_url}/mgWebService.asmx/GetCommittees"
            try:
                fetched = self._fetch(KIND_WS_COMMITTEES, url, soft=source == "auto")
                try:
                    self._follow_move(fetched.result.url, "/mgWebService.asmx/GetCommittees")
                    committees = committees_from(KIND_WS_COMMITTEES, fetched.page, self.base_url, self.site_key)
                    if not committees:
                        # A 200 non-answer (GUIDE.md §8.2, like East Herts' empty <wards>): a council
                        # without committees does not exist, so this is never recorded as one.
                        self._listed_no_committees = True
                        raise NotWebServiceXML(f"GetCommittees listed {NO_COMMITTEES}", fetched.result.url)
                    return MODE_WEBSERVICE, committees, [fetched.capture_id]
                except ParseError as exc:
                    failure = self._parse_failure(fetched, exc, soft=source == "auto")
                    ws_problem = failure.failure.reason
            except _Failed as exc:
                ws_problem = exc.failure.reason
        html_committees, html_problem, html_rejected, html_answered = self._probe_html()
        if html_committees is None and not html_answered:
            # No HTTP answer at all (unreachable, robots.txt forbids, 5xx robots.txt): we cannot
            # tell whether this is ModernGov, so say what stopped us.
            raise HarvestError(f"cannot crawl {self.base_url}: {html_problem}")
        if source == "webservice":
            if html_committees is not None:
                raise HarvestError(
                    f"the web service of {self.base_url} is not usable ({ws_problem}); "
                    "try --source auto to crawl its HTML pages"
                )
        elif html_committees is not None:
            committees, capture_id = html_committees
            return MODE_HTML, committees, [capture_id]
        raise validation_failure(self.base_url, ws_problem, html_problem, rejected=html_rejected,
                                 listed_no_committees=self._listed_no_committees, https_next=https_next)

    def _follow_move(self, final_url: str, path: str) -> None:
        """When validation was redirected (http -> https, a new host or folder), crawl the
        install where it now lives instead of paying a redirect on every request. The site key
        stays the one the user gave, so the archive's records stay one site."""
        found = urlsplit(final_url)
        if not found.path.lower().endswith(path.lower()):
            return
        moved = f"{found.scheme}://{found.netloc}{found.path[: len(found.path) - len(path)]}".rstrip("/")
        if moved.lower() != self.base_url.lower():
            self._move_to(moved, f"{self.base_url} now lives at {moved}; crawling that")

    def _move_to(self, base_url: str, note: str) -> None:
        """Crawl the install at ``base_url`` from now on (same site key: the scheme is not part of it)."""
        self.progress.note(note)
        self.base_url = base_url

    def _probe_html(self) -> tuple[tuple[list[Committee], int] | None, str | None, bool, bool]:
        """(committees and capture id | None, problem, rejected as a challenge, got an HTTP answer)."""
        url = f"{self.base_url}/mgListCommittees.aspx"
        try:
            fetched = self._fetch(KIND_HTML_COMMITTEES, url, {"bcr": 1})
        except _Failed as exc:
            return None, exc.failure.reason, exc.failure.kind == "rejected", exc.status is not None
        try:
            self._follow_move(fetched.result.url, "/mgListCommittees.aspx")
            committees = committees_from(KIND_HTML_COMMITTEES, fetched.page, self.base_url, self.site_key)
            if not committees:
                self._listed_no_committees = True
                raise ParseError(f"mgListCommittees.aspx listed {NO_COMMITTEES}", fetched.result.url)
        except ParseError as exc:
            failure = self._parse_failure(fetched, exc)
            return None, failure.failure.reason, False, True
        self._name_page = fetched.result.body
        return (committees, fetched.capture_id), None, False, True

    def _site_name(self, mode: str) -> str:
        """The council's name from a page title; the web-service path reads the meetings home
        page for it (one request; its failure costs only the nicer name)."""
        if self._name_page is None and mode == MODE_WEBSERVICE:
            try:
                fetched = self._fetch(KIND_HTML_HOME, f"{self.base_url}/ieDocHome.aspx", {"bcr": 1}, soft=True)
                self._name_page = fetched.result.body
            except _Failed:
                pass
        found = site_name_from_page(self._name_page) if self._name_page else None
        return found or site_name(self.base_url)

    # -- 3. meeting lists -------------------------------------------------------------------

    def _list_meetings(self, mode: str, committees: list[Committee]) -> list[tuple[Committee, Meeting]]:
        self.progress.stage("listing meetings", len(committees))
        listed: dict[int, tuple[Committee, Meeting]] = {}

        def add(committee: Committee, meetings: list[Meeting]) -> None:
            for meeting in meetings:
                if self.window.contains(meeting.date) and meeting.meeting_id not in listed:
                    listed[meeting.meeting_id] = (committee, meeting)

        by_service: list[Committee] = []  # committees whose meetings the service listed
        served = 0  # meetings it listed for them
        for committee in committees:
            meetings: list[Meeting] | None = None
            if mode == MODE_WEBSERVICE and self.options.source != "html" and not self._ws_given_up:
                meetings = self._list_ws(committee)
                if self.options.source == "auto":
                    self._ws_worked(meetings is not None)
                if meetings is not None:
                    by_service.append(committee)
                    served += len(meetings)
            if meetings is None:
                self._html_committees.add(committee.committee_id)
                meetings = self._list_html(committee)
            add(committee, meetings)
            self.progress.advance()
        if by_service and not served:
            for committee in self._listed_nothing(by_service):
                add(committee, self._list_html(committee))
        return sorted(listed.values(), key=lambda cm: (cm[1].date or date.min, cm[1].meeting_id))

    def _listed_nothing(self, committees: list[Committee]) -> list[Committee]:
        """The service answered valid but empty meeting lists for every committee it was asked
        about. That is more often a date-format or filter quirk than a council without meetings,
        and must not be recorded as "no meetings" unchecked (GUIDE.md §2, §8.2). In auto mode up to
        ``MAX_LISTING_PROBES`` committees' ``ieListMeetings`` pages (for this year, or the window's
        nearest year; active committees first) are read: if one lists a meeting in the window, the
        run warns and returns the committees to list through HTML (their meetings still come from
        ``GetMeeting``). Returns [] when the HTML lists agree, or in web-service mode, which only
        warns."""
        message = "GetMeetings listed no meetings for any committee"
        if self.options.source != "auto":
            self._warn(f"{message}; --source auto would check that against the HTML meeting lists")
            return []
        # The year of today, or of the window's nearest end when it lies wholly in the past or future.
        year = min(max(self.today, self.window.since), self.window.until).year
        order = sorted(committees, key=lambda c: c.expired or c.deleted)
        for committee in order[:MAX_LISTING_PROBES]:
            url = meeting_list_url(self.base_url, committee.committee_id, year)
            meta = {"committee_id": committee.committee_id, "year": year}
            try:
                fetched = self._fetch(KIND_HTML_MEETING_LIST, url, **meta)
                shown = html_pages.parse_meeting_list(fetched.result.body, self.base_url, self.site_key,
                                                      committee.committee_id, url=fetched.result.url)
            except ParseError as exc:
                self._parse_failure(fetched, exc)
                continue
            except _Failed:
                continue
            self._probed[(committee.committee_id, year)] = shown
            found = [m for m in shown if m.date is not None and self.window.contains(m.date)]
            if found:
                warning = (f"{message}, but {url} lists {len(found)} in the window: the service's lists "
                           "are not believed, and every committee's meetings are listed from its "
                           "ieListMeetings pages instead")
                self._warn(warning)
                self.summary.fallbacks.append(
                    Failure(f"{self.base_url}/mgWebService.asmx/GetMeetings", f"{message} ({url} lists some)")
                )
                return committees
        return []

    def _warn(self, message: str) -> None:
        self.summary.warnings.append(message)
        self.progress.note(f"warning: {message}")

    def _settled_listing(self, kind: str, meta: dict[str, Any], ends: date) -> Page | None:
        """A stored meeting list for a window long over, read after it was over: new meetings do
        not appear in past years, so a re-crawl reuses it instead of asking again (``--refresh``
        asks again). This keeps re-crawls of councils with decades of committees polite."""
        settle = timedelta(days=self.options.settle_after_days)
        if self.options.refresh or ends > self.today - settle:
            return None
        since = datetime.combine(ends + settle, datetime.min.time(), tzinfo=timezone.utc)
        capture = self.store.find_capture(self.site_key, kind, meta, since)
        if capture is None:
            return None
        self.summary.listings_reused += 1
        return Page(capture.body, capture.url)

    def _list_ws(self, committee: Committee) -> list[Meeting] | None:
        """``GetMeetings`` over ``listing_chunks``; None when the service fails for this committee (auto mode).

        Answers are read row by row (``webservice.parse_meeting_rows``): a row that cannot be read
        in full is recorded as a parse failure with the answer's URL and costs only itself. An
        answer in the service's XML with rows but not one usable is a failed window, not "no
        meetings": in auto mode that window is listed from the committee's ``ieListMeetings``
        pages instead. A window whose answer reaches ``WS_ROW_CAP`` rows may have been cut short by
        the service, so it is asked again in halves (down to single days) and only answers under
        the cap kept.
        """
        url = f"{self.base_url}/mgWebService.asmx/GetMeetings"
        soft = self.options.source == "auto"
        found: list[Meeting] = []
        pending = listing_chunks(self.window)
        while pending:
            chunk = pending.pop(0)
            params = {
                "lCommitteeId": committee.committee_id,
                "sFromDate": ws_date(chunk.since),
                "sToDate": ws_date(chunk.until),
            }
            meta = {"committee_id": committee.committee_id, "since": chunk.since.isoformat(),
                    "until": chunk.until.isoformat()}
            rows: webservice.MeetingRows | None = None
            stored = self._settled_listing(KIND_WS_MEETINGS, meta, chunk.until)
            if stored is not None:
                try:
                    rows = webservice.parse_meeting_rows(stored.body, self.site_key, base_url=self.base_url,
                                                         url=stored.url)
                except ParseError:
                    rows = None  # a parser change rejects it now: ask the site again
                if rows is not None and rows.problems:
                    rows = None  # ask again: the row may be mended, and if not its problem is reported
            if rows is None:
                try:
                    fetched = self._fetch(KIND_WS_MEETINGS, url, params, soft=soft, **meta)
                    rows = webservice.parse_meeting_rows(fetched.result.body, self.site_key, base_url=self.base_url,
                                                         url=fetched.result.url)
                except ParseError as exc:
                    failed = self._parse_failure(fetched, exc, soft=soft)
                    if soft and failed.not_xml:
                        return None
                    if soft:
                        found.extend(self._list_html_instead(committee, chunk))
                    continue
                except _Failed:
                    if soft:
                        return None
                    continue
                for problem in rows.problems:
                    self._fail(fetched.result.requested_url, problem, "parse")
                if rows.failed:
                    self.store.reject_capture(fetched.capture_id, f"parse error: {rows.problems[0]}")
                    if soft:
                        found.extend(self._list_html_instead(committee, chunk))
                    continue
            if rows.rows >= WS_ROW_CAP and chunk.since < chunk.until:
                pending[:0] = split_window(chunk)
                continue
            found.extend(rows.meetings)
        return found

    def _list_html_instead(self, committee: Committee, chunk: Window) -> list[Meeting]:
        """One listing window the web service failed, read from the committee's HTML lists."""
        self.progress.note(
            f"GetMeetings for {committee.title} ({chunk.since.isoformat()} to {chunk.until.isoformat()}) "
            "could not be read; listing those meetings from its ieListMeetings pages instead"
        )
        return self._list_html(committee, chunk)

    def _list_html(self, committee: Committee, window: Window | None = None) -> list[Meeting]:
        """``ieListMeetings.aspx?CId=&Year=`` for each year of ``window`` (default: the crawl's),
        newest first; with a window narrower than the crawl's, only its meetings are kept."""
        narrower = window is not None and window != self.window
        window = window or self.window
        since_given = self.options.since is not None or window.since > self.window.since
        found: list[Meeting] = []
        for year in listing_years(window, since_given):
            probed = self._probed.pop((committee.committee_id, year), None)
            if probed is not None:  # read moments ago by _listed_nothing
                found.extend(probed)
                continue
            url = meeting_list_url(self.base_url, committee.committee_id, year)
            meta = {"committee_id": committee.committee_id, "year": year}
            # "Year" may be a municipal year (May to April): it is over at the end of April after.
            stored = self._settled_listing(KIND_HTML_MEETING_LIST, meta, date(year + 1, 4, 30))
            if stored is not None:
                try:
                    found.extend(html_pages.parse_meeting_list(stored.body, self.base_url, self.site_key,
                                                               committee.committee_id, url=stored.url))
                    continue
                except ParseError:
                    pass
            try:
                fetched = self._fetch(KIND_HTML_MEETING_LIST, url, **meta)
                found.extend(
                    html_pages.parse_meeting_list(
                        fetched.result.body, self.base_url, self.site_key, committee.committee_id,
                        url=fetched.result.url,
                    )
                )
            except ParseError as exc:
                self._parse_failure(fetched, exc)
            except _Failed:
                pass
        return [m for m in found if window.contains(m.date)] if narrower else found

    # -- 4. meetings ------------------------------------------------------------------------

    def _harvest_meeting(self, mode: str, committee: Committee, listed: Meeting) -> None:
        cid, mid = committee.committee_id, listed.meeting_id
        use_ws = (mode == MODE_WEBSERVICE and self.options.source != "html" and cid not in self._html_committees
                  and not self._ws_given_up)
        soft = self.options.source == "auto"
        parsed: ParsedMeeting | None = None
        sources: dict[str, Any] = {}
        complete = True
        used_mode = MODE_WEBSERVICE
        if use_ws:
            try:
                fetched = self._fetch(
                    KIND_WS_MEETING, f"{self.base_url}/mgWebService.asmx/GetMeeting", {"lMeetingId": mid},
                    soft=soft, committee_id=cid, meeting_id=mid,
                )
                try:
                    from_ws = webservice.parse_meeting(fetched.result.body, self.site_key, cid, self.base_url,
                                                       url=fetched.result.url)
                except ParseError as exc:
                    self._parse_failure(fetched, exc, soft=soft)
                else:
                    # The same assembly as harvest_build.meeting_from_webservice (what reparse
                    # calls), without parsing each page twice.
                    sources = {"meeting": fetched.capture_id}
                    docs, shown = self._meeting_page(cid, mid)
                    if docs is not None and shown is not None:
                        from_ws = with_meeting_page(from_ws, shown)
                        sources["documents"] = docs.capture_id
                    else:
                        complete = False
                    parsed = finish(from_ws)
            except _Failed:
                pass
            if soft:
                self._ws_worked(parsed is not None)
        if parsed is None and (not use_ws or self.options.source == "auto"):
            used_mode = MODE_HTML
            parsed, sources, complete = self._meeting_html(cid, mid)
        if parsed is None:
            return  # failures recorded; an older record (if any) stays as it was
        if parsed.meeting.meeting_id != mid:
            self._fail(meeting_url(self.base_url, cid, mid),
                       f"the answer describes meeting {parsed.meeting.meeting_id}, not {mid}", "parse")
            return
        page_url = parsed.meeting.source_url or meeting_url(self.base_url, cid, mid)
        for link in dict.fromkeys(parsed.skipped_links):
            self._fail(page_url, f"skipped a document link that is not http(s): {link}", "skipped_link")
        write = self.store.write_meeting(
            parsed.meeting, parsed.items, source_mode=used_mode, sources=sources,
            run_id=self.run_id if complete else None,
        )
        self.summary.meetings.add(write.meeting)
        self.summary.items.add("new", write.items_new)
        self.summary.items.add("changed", write.items_changed)
        self.summary.items.add("unchanged", write.items_unchanged)
        self.summary.items_removed += write.items_removed

    def _meeting_page(self, cid: int, mid: int) -> tuple[_Fetched | None, ParsedMeeting | None]:
        """The meeting's HTML page, parsed, to complete a web-service meeting with what only the
        page has: item decisions and meeting-level documents (GUIDE.md §9 step 5;
        ``harvest_build.with_meeting_page``). (page, parsed page), with None for what could not be
        had (the failure is recorded)."""
        try:
            page = self._fetch(KIND_HTML_MEETING_DOCS, meeting_url(self.base_url, cid, mid),
                               committee_id=cid, meeting_id=mid)
        except _Failed:
            return None, None
        try:
            return page, meeting_page(page.page, self.base_url, self.site_key, cid, mid)
        except ParseError as exc:
            self._parse_failure(page, exc)
            return page, None

    def _meeting_html(self, cid: int, mid: int) -> tuple[ParsedMeeting | None, dict[str, Any], bool]:
        try:
            page = self._fetch(KIND_HTML_MEETING, meeting_url(self.base_url, cid, mid), committee_id=cid, meeting_id=mid)
        except _Failed:
            return None, {}, False
        try:
            first = html_pages.parse_meeting_page(page.result.body, self.base_url, self.site_key, cid, mid,
                                                  url=page.result.url)
        except ParseError as exc:
            self._parse_failure(page, exc)
            return None, {}, False
        complete = True
        sources: dict[str, Any] = {"meeting": page.capture_id, "items": {}}
        item_pages: dict[int, Page] = {}
        for item_id in first.truncated_item_ids:
            try:
                item = self._fetch(KIND_HTML_ITEM, item_url(self.base_url, item_id),
                                   committee_id=cid, meeting_id=mid, item_id=item_id)
                item_pages[item_id] = item.page
                sources["items"][str(item_id)] = item.capture_id
            except _Failed:
                complete = False
        attendance: Page | None = None
        try:
            att = self._fetch(KIND_HTML_ATTENDANCE, attendance_url(self.base_url, mid), quiet=(404,),
                              committee_id=cid, meeting_id=mid)
            attendance = att.page
            sources["attendance"] = att.capture_id
        except _Failed as exc:
            # A 404 means no attendance page yet (future meetings): normal, not reported.
            complete = complete and exc.status == 404
        parsed, problems = meeting_from_html(page.page, self.base_url, self.site_key, cid, mid,
                                             item_pages=item_pages, attendance=attendance, parsed_page=first)
        for problem in problems:
            if problem.unparseable:
                self._fail(problem.url, problem.reason, "parse")
            complete = False
        return parsed, sources, complete


# --------------------------------------------------------------------------- entry points


def site_name(base_url: str) -> str:
    """A readable name for a site until a page tells us better: its host, without "www."."""
    host = urlsplit(base_url).hostname or base_url
    return host[4:] if host.startswith("www.") else host


def validation_failure(
    base_url: str, ws_problem: str | None, html_problem: str | None, *, rejected: bool = False,
    listed_no_committees: bool = False, https_next: bool = False,
) -> HarvestError:
    """Why a site that answered could not be crawled, from what its web service and its HTML
    committee list said: the error to raise, most specific first. A pure function, so each
    verdict is tested on its own.

    Only a site that answered but not like ModernGov is ``NotModernGov`` (the CLI's exit 2,
    "check the URL"); one that is down, refuses crawlers or shows a challenge page is told so.
    ``https_next``: the crawl tries https itself next, so an http:// redirect stub gets no "try
    https" advice.
    """
    if listed_no_committees:
        return HarvestError(
            f"{base_url} answers like ModernGov but lists no committees "
            f"(web service: {ws_problem or 'not asked'}; HTML: {html_problem}); nothing was recorded. "
            "Check the base URL, or try again later"
        )
    ws_refused_get = (ws_problem or "").endswith(WS_GET_REFUSED)  # an ASP.NET service: ModernGov-like
    if _SERVER_ERROR.fullmatch(html_problem or "") and (ws_problem is None or ws_refused_get
                                                         or _SERVER_ERROR.fullmatch(ws_problem)):
        # Down (after every retry), not foreign: a later run will try again.
        return SiteFailing(
            f"{base_url} answered {html_problem} to the web service and the HTML pages alike; "
            "it seems to be down. Run the same command later"
        )
    if html_problem in _REFUSALS and (ws_problem is None or ws_problem in _REFUSALS):
        # Hosts that refuse crawlers answer 403 everywhere (GUIDE.md §8.2): that says nothing
        # about whether the URL is ModernGov, so do not send the user to check it.
        return SiteBlocked(
            f"{base_url} refused our requests ({html_problem}); it may block automated clients "
            "(a --user-agent with your contact details, or asking the council, may help)"
        )
    if rejected or (ws_problem or "").startswith("not data:"):
        reason = html_problem or ws_problem or ""
        if "redirect stub" in reason and base_url.startswith("http://") and not https_next:
            # A JavaScript HTTP -> HTTPS stub (Denbighshire, GUIDE.md §8.2) sends browsers on.
            return SiteBlocked(f"{base_url} answered a page that redirects browsers ({reason}); "
                               f"try https://{base_url[len('http://'):]}")
        return SiteBlocked(
            f"{base_url} answered with a challenge or error page instead of ModernGov "
            f"({reason}); it may block automated clients"
        )
    return NotModernGov(
        f"{base_url} is not a ModernGov site: "
        + "; ".join(p for p in (f"web service: {ws_problem}" if ws_problem else "",
                                f"HTML: {html_problem}" if html_problem else "") if p)
    )


@contextmanager
def archive_lock(db_path: Path) -> Iterator[None]:
    """One crawl (writer) per archive at a time; the OS drops the lock if the process dies."""
    lock_path = Path(f"{db_path}.crawl.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CrawlBusy(f"another crawl is writing to {db_path}; wait for it to finish") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)


def crawl(
    store: ArchiveStore,
    base_url: str,
    options: CrawlOptions = CrawlOptions(),
    *,
    client: PoliteClient | None = None,
    delay: float | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> CrawlSummary:
    """Harvest one ModernGov site into ``store``; see the module docstring."""
    try:
        normalise_base_url(base_url)
    except PlanError as exc:
        raise BadCrawlRequest(str(exc)) from None
    own_client = client is None
    if client is None:
        client = PoliteClient() if delay is None else PoliteClient(delay=delay)
    try:
        with archive_lock(store.path):
            try:
                return Harvester(store, client, base_url, options, progress=progress, today=today).run()
            except PlanError as exc:
                raise BadCrawlRequest(str(exc)) from None
    finally:
        if own_client:
            client.close()


# --------------------------------------------------------------------------- reparse


def reparse(
    store: ArchiveStore, site: str | None = None, *, clean: bool = False, progress: Progress | None = None
) -> ReparseSummary:
    """Rebuild records from stored captures alone, with no network.

    For each meeting the newest usable capture set wins (the web service's ``GetMeeting``, or the
    HTML meeting page with the item and attendance pages fetched after it), falling back to older
    ones when the newest no longer parses — the same pages the crawl built it from.
    ``clean=True`` first deletes all records, so the archive becomes a pure function of its captures.
    """
    from scraper.harvest_reparse import reparse_site

    progress = progress or NullProgress()
    summary = ReparseSummary()
    sites = [s for s in store.sites() if site is None or s.key == site_key(site)]
    with archive_lock(store.path):
        for one in sites:
            if clean:
                store.clear_records(one.key)
            reparse_site(store, one, summary, progress)
    return summary


__all__ = [
    "crawl",
    "reparse",
    "Harvester",
    "CrawlOptions",
    "CrawlSummary",
    "ReparseSummary",
    "Failure",
    "Tally",
    "Progress",
    "NullProgress",
    "HarvestError",
    "NotModernGov",
    "BadCrawlRequest",
    "SiteBlocked",
    "SiteFailing",
    "CrawlBusy",
    "SOURCES",
]

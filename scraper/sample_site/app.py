"""The sample council's WSGI application, with the variants real ModernGov sites have.

Every variant is a constructor keyword (defaults ON, as the demo and the tests want them):

- ``webservice_disabled`` committees (default: those marked ``webservice: false`` in the data):
  ``GetMeetings``/``GetMeeting`` for them answer an HTML error stub with status
  ``webservice_disabled_status`` (200, as real installs do, or 403), so only the HTML path works;
- ``truncate_minutes``: long minutes are cut on the meeting page, full on ``mgAi.aspx``;
- ``leak_restricted``: one exempt item's text is (wrongly) sent in ``GetMeeting``; parsers drop it;
- ``meeting_packs``: meeting-level PDFs (agenda frontsheet, printed minutes) on the meeting page;
- ``robots_disallow``: paths robots.txt disallows (default ``/mgUserInfo.aspx`` and ``/documents/private/``);
- ``waf_first``: the first request for a flagged meeting (``GetMeeting`` and its ``ieListDocuments``
  page) gets an Incapsula-style challenge with status 200; ``waf=True`` challenges every request
  but robots.txt;
- ``flaky_first``: the first ``GetCommittees`` and the first ``mgListCommittees.aspx`` answer 503 with
  ``Retry-After: retry_after``, then succeed;
- ``malformed``: a flagged meeting's page is broken HTML without ``#modgov``;
- ``javascript_doc``, ``script_injection``, ``private_host_docs``, ``double_escape``: one non-http
  document link, planted markup in one item's minutes text, a document URL on an internal host in
  the XML, double-escaped entities in one item's HTML;
- ``whole_site_down`` (every request 503) and ``not_moderngov`` (an ordinary council website);
- ``getmeeting_error_status``: ``GetMeeting`` answers ASP.NET's HTML error page with this status
  (500, or 200 as some installs do) for every meeting while ``GetMeetings`` works: a half-broken
  web service the crawler must stop asking;
- ``ws_row_cap``: ``GetMeetings``/``GetAllMeetingsByDate`` stop after this many rows, oldest
  first, as the real service stops at 5,000 (GUIDE.md §8.1);
- ``empty_meeting_lists``: ``GetMeetings``/``GetAllMeetingsByDate`` answer a valid but empty list for
  every committee, as a service that misreads the dates or filters everything out does; only the
  HTML meeting lists show the meetings (``GetMeeting`` still works);
- ``webservice_get_refused``: every ``mgWebService.asmx`` request answers ASP.NET's HTTP 500
  "Request format is unrecognized", as installs that allow only SOAP POST to the service do;
- ``pages_unavailable``: robots.txt answers, every other request 503 (an application pool down
  behind a working front server);
- ``forbid_bots``: every request but robots.txt answers 403 with an "Access denied" page, as
  hosts that refuse crawlers do (Camden, Carmarthenshire: GUIDE.md §8.2);
- ``empty_committee_list``: ``"webservice"`` answers ``GetCommittees`` with an empty
  ``<committees>`` list (a 200 non-answer, like East Herts' empty ``<wards>``); ``"both"`` empties
  ``mgListCommittees.aspx`` too;
- ``moved_from``: an old sub-path (``/old``) whose pages all redirect (301) to the install's prefix,
  as when a council moves its install (GUIDE.md §2, "hosts move").

Requests are logged as ``(method, path?query, status)`` in ``requests`` (thread-safe) so tests can
assert what a crawler fetched. ``prefix`` installs the site under a sub-path such as ``/moderngov``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from datetime import date, datetime
from urllib.parse import parse_qsl, unquote

from .dataset import CommitteeData, Dataset, MeetingData, load_dataset
from .pages import PageOptions, Pages
from .pdf import tiny_pdf
from .wsxml import committees_xml, meeting_xml, meetings_xml

StartResponse = Callable[..., object]
Response = tuple[int, list[tuple[str, str]], bytes]  # status, headers, body

WAF_PAGE = """<html style="height:100%"><head><META NAME="ROBOTS" CONTENT="NOINDEX, NOFOLLOW">
<meta name="format-detection" content="telephone=no"><meta name="viewport" content="initial-scale=1.0">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<script type="text/javascript" src="/_Incapsula_Resource?SWJIYLWA=719d34d31c8e3a6e6fffd425f7e032f3"></script></head>
<body style="margin:0px;height:100%"><iframe id="main-iframe" src="/_Incapsula_Resource?CWUDNSAI=23&xinfo=8-17240921-0%200NNN%20RT%281700000000000%2049%29&incident_id=0-81293847129384&edet=12&cinfo=04000000"
frameborder=0 width="100%" height="100%" marginheight="0px" marginwidth="0px">Request unsuccessful. Incapsula incident ID: 0-81293847129384</iframe></body></html>"""

WEBSERVICE_DISABLED_PAGE = """<!DOCTYPE html><html><head><title>Web service unavailable</title></head>
<body><h1>Service unavailable</h1><p>The modern.gov web service is not enabled for this committee.</p></body></html>"""

ASPNET_ERROR_PAGE = """<!DOCTYPE html><html><head><title>Runtime Error</title></head><body bgcolor="white">
<h1>Server Error in '/' Application.<hr width=100% size=1 color=silver></h1>
<h2><i>Runtime Error</i></h2><p><b>Description:</b> An application error occurred on the server.</p></body></html>"""

NOT_MODERNGOV_PAGE = """<!DOCTYPE html><html lang="en-GB"><head><title>Welcome - Borough of Eastmere Council</title></head>
<body><header><a href="/">Borough of Eastmere Council</a></header><main><h1>Welcome</h1>
<p>Find information about bins, council tax and planning.</p></main></body></html>"""


def _parse_uk_date(value: str | None) -> date | None:
    """``dd/mm/yyyy`` or None. ISO dates are not understood, and so are silently ignored (GUIDE.md §8.1)."""
    if not value:
        return None
    match = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _capped(groups: list[tuple[CommitteeData, list[MeetingData]]], cap: int) -> list[tuple[CommitteeData, list[MeetingData]]]:
    """The first ``cap`` meetings by date, still grouped by committee: what a row cap leaves."""
    kept = {id(m) for m in sorted((m for _, ms in groups for m in ms), key=lambda m: m.date)[:cap]}
    trimmed = [(c, [m for m in ms if id(m) in kept]) for c, ms in groups]
    return [(c, ms) for c, ms in trimmed if ms]


class SampleSite:
    """WSGI app serving the sample council (see the module docstring for the variants)."""

    def __init__(
        self,
        dataset: Dataset | None = None,
        *,
        prefix: str = "",
        webservice_disabled: Iterable[int] | None = None,
        webservice_disabled_status: int = 200,
        truncate_minutes: bool = True,
        truncate_at: int = 1500,
        leak_restricted: bool = True,
        meeting_packs: bool = True,
        robots_disallow: Iterable[str] | None = None,
        crawl_delay: float | None = None,
        waf_first: bool = True,
        waf: bool = False,
        flaky_first: bool = True,
        retry_after: int = 1,
        malformed: bool = True,
        javascript_doc: bool = True,
        script_injection: bool = True,
        private_host_docs: bool = True,
        double_escape: bool = True,
        whole_site_down: bool = False,
        not_moderngov: bool = False,
        getmeeting_error_status: int | None = None,
        moved_from: str | None = None,
        empty_committee_list: str | None = None,
        forbid_bots: bool = False,
        pages_unavailable: bool = False,
        ws_row_cap: int | None = None,
        empty_meeting_lists: bool = False,
        webservice_get_refused: bool = False,
    ) -> None:
        self.data = dataset or load_dataset()
        self.prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
        self.webservice_disabled = (
            {c.committee_id for c in self.data.committees if not c.webservice}
            if webservice_disabled is None
            else set(webservice_disabled)
        )
        self.webservice_disabled_status = webservice_disabled_status
        self.leak_restricted = leak_restricted
        self.robots_disallow = (
            ["/mgUserInfo.aspx", "/documents/private/"] if robots_disallow is None else list(robots_disallow)
        )
        self.crawl_delay = crawl_delay
        self.waf_first = waf_first
        self.waf = waf
        self.flaky_first = flaky_first
        self.retry_after = retry_after
        self.malformed = malformed
        self.private_host_docs = private_host_docs
        self.whole_site_down = whole_site_down
        self.not_moderngov = not_moderngov
        self.getmeeting_error_status = getmeeting_error_status
        if empty_committee_list not in (None, "webservice", "both"):
            raise ValueError("empty_committee_list must be None, 'webservice' or 'both'")
        self.empty_committee_list = empty_committee_list
        self.forbid_bots = forbid_bots
        self.pages_unavailable = pages_unavailable
        self.ws_row_cap = ws_row_cap
        self.empty_meeting_lists = empty_meeting_lists
        self.webservice_get_refused = webservice_get_refused
        self.moved_from = "/" + moved_from.strip("/") if moved_from and moved_from.strip("/") else None
        self.pages = Pages(
            self.data,
            PageOptions(
                prefix=self.prefix,
                truncate_minutes=truncate_minutes,
                truncate_at=truncate_at,
                meeting_packs=meeting_packs,
                javascript_doc=javascript_doc,
                script_injection=script_injection,
                double_escape=double_escape,
            ),
        )
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self.requests: list[tuple[str, str, int]] = []

    # --- bookkeeping ----------------------------------------------------------------------------

    def _first_time(self, key: str) -> bool:
        with self._lock:
            if key in self._seen:
                return False
            self._seen.add(key)
            return True

    def _log(self, method: str, target: str, status: int) -> None:
        with self._lock:
            self.requests.append((method, target, status))

    def requested(self, fragment: str) -> list[tuple[str, str, int]]:
        """Logged requests whose path+query contains ``fragment`` (case-insensitive)."""
        with self._lock:
            return [r for r in self.requests if fragment.lower() in r[1].lower()]

    # --- WSGI -----------------------------------------------------------------------------------

    def __call__(self, environ: dict, start_response: StartResponse) -> list[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        path = environ.get("PATH_INFO", "/") or "/"
        query = environ.get("QUERY_STRING", "")
        target = path + (f"?{query}" if query else "")
        host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '127.0.0.1')}:{environ.get('SERVER_PORT', '80')}"
        base_url = f"{environ.get('wsgi.url_scheme', 'http')}://{host}{self.prefix}"
        try:
            status, headers, body = self.respond(method, path, query, base_url)
        except Exception as error:  # a bug in the sample site must look like a server error, not hang
            status, headers, body = 500, [("Content-Type", "text/plain; charset=utf-8")], f"Server error: {error}".encode()
        self._log(method, target, status)
        reason = {200: "OK", 302: "Found", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
                  500: "Internal Server Error", 503: "Service Unavailable"}.get(status, "OK")
        headers = [*headers, ("Content-Length", str(len(body))), ("Server", "Microsoft-IIS/10.0")]
        start_response(f"{status} {reason}", headers)
        return [body] if method != "HEAD" else [b""]

    def respond(self, method: str, path: str, query: str, base_url: str = "") -> Response:
        if method not in ("GET", "HEAD"):
            return self.text(405, "Method not allowed")
        if self.whole_site_down:
            return 503, [("Content-Type", "text/html; charset=utf-8")], b"<html><body><h1>Service Unavailable</h1></body></html>"
        if path == "/robots.txt":
            return self.robots()
        if self.waf:
            return self.html(WAF_PAGE)
        if self.pages_unavailable:
            return self.unavailable()
        if self.forbid_bots:
            return self.html("<html><head><title>Access denied</title></head><body><h1>403 Forbidden</h1></body></html>",
                             status=403)
        if self.not_moderngov:
            if path in ("/", "/index.html"):
                return self.html(NOT_MODERNGOV_PAGE)
            return self.html("<html><body><h1>Page not found</h1></body></html>", status=404)
        if self.moved_from and (path == self.moved_from or path.lower().startswith(self.moved_from.lower() + "/")):
            moved = self.prefix + path[len(self.moved_from):] + (f"?{query}" if query else "")
            return 301, [("Location", moved), ("Content-Type", "text/html")], b"<html><body>Moved</body></html>"
        if self.prefix:
            if not (path == self.prefix or path.lower().startswith(self.prefix.lower() + "/")):
                return self.html("<html><body><h1>Page not found</h1></body></html>", status=404)
            path = path[len(self.prefix):] or "/"
        params = {k.lower(): v for k, v in parse_qsl(query, keep_blank_values=True)}
        page = path.lower()
        if page.startswith("/mgwebservice.asmx/"):
            return self.webservice(path.split("/", 2)[2], params, base_url)
        if page.startswith("/documents/"):
            return self.document(unquote(path))
        handler = {
            "/": self.doc_home,
            "/iedochome.aspx": self.doc_home,
            "/mglistcommittees.aspx": self.committee_list,
            "/mgcommitteedetails.aspx": self.committee_details,
            "/ielistmeetings.aspx": self.meeting_list,
            "/ielistdocuments.aspx": self.meeting_page,
            "/mgai.aspx": self.item_page,
            "/mgmeetingattendance.aspx": self.attendance,
            "/mguserinfo.aspx": self.member,
            "/mgerror.aspx": lambda params: self.html(self.pages.error_page()),
        }.get(page)
        if handler is None:
            return self.html("<html><body><h1>Page not found</h1></body></html>", status=404)
        return handler(params)

    # --- responses ------------------------------------------------------------------------------

    @staticmethod
    def text(status: int, text: str) -> Response:
        return status, [("Content-Type", "text/plain; charset=utf-8")], text.encode("utf-8")

    @staticmethod
    def html(page: str, status: int = 200) -> Response:
        return status, [("Content-Type", "text/html; charset=utf-8")], page.encode("utf-8")

    @staticmethod
    def xml(document: str) -> Response:
        return 200, [("Content-Type", "text/xml; charset=utf-8")], document.encode("utf-8")

    def error_redirect(self) -> Response:
        """ModernGov answers unknown ids by redirecting to its error page."""
        return 302, [("Location", f"{self.prefix}/mgError.aspx"), ("Content-Type", "text/html")], b"<html><body>Object moved</body></html>"

    def unavailable(self) -> Response:
        return 503, [("Content-Type", "text/html; charset=utf-8"), ("Retry-After", str(self.retry_after))], (
            b"<html><body><h1>Service Unavailable</h1><p>The server is busy. Please try again later.</p></body></html>"
        )

    def robots(self) -> Response:
        lines = ["User-agent: *"]
        lines += [f"Disallow: {self.prefix}{path}" for path in self.robots_disallow]
        if not self.robots_disallow:
            lines.append("Disallow:")
        if self.crawl_delay is not None:
            lines.append(f"Crawl-delay: {self.crawl_delay:g}")
        return self.text(200, "\n".join(lines) + "\n")

    # --- web service ----------------------------------------------------------------------------

    def _int(self, params: dict[str, str], name: str) -> int | None:
        value = params.get(name.lower(), "").strip()
        return int(value) if re.fullmatch(r"-?\d+", value) else None

    def webservice(self, operation: str, params: dict[str, str], base_url: str) -> Response:
        if self.webservice_get_refused:
            return self.text(500, "System.InvalidOperationException: Request format is unrecognized for URL "
                                  f"unexpectedly ending in '/{operation}'.")
        operation = operation.lower()
        if operation == "getcommittees":
            if self.flaky_first and self._first_time("503:GetCommittees"):
                return self.unavailable()
            if self.empty_committee_list:
                return self.xml('<?xml version="1.0" encoding="utf-8"?>\n<committees>\n  <committeescount> 0</committeescount>\n</committees>')
            return self.xml(committees_xml(self.data))
        if operation in ("getmeetings", "getallmeetingsbydate"):
            for required in ("lcommitteeid", "sfromdate", "stodate"):
                if required not in params:
                    return self.text(500, f"Missing parameter: {required}.")
            committee_id = self._int(params, "lCommitteeId")
            if committee_id is None:
                return self.text(500, "Cannot convert to System.Int32.")
            if committee_id in self.webservice_disabled:
                return self.html(WEBSERVICE_DISABLED_PAGE, status=self.webservice_disabled_status)
            start, end = _parse_uk_date(params.get("sfromdate")), _parse_uk_date(params.get("stodate"))
            if committee_id == -1:
                committees = [c for c in self.data.committees if c.committee_id not in self.webservice_disabled]
            else:
                committees = [c for c in self.data.committees if c.committee_id == committee_id]
            groups: list[tuple[CommitteeData, list[MeetingData]]] = []
            for committee in committees:
                meetings = [
                    m
                    for m in self.data.meetings_of(committee.committee_id)
                    if (start is None or m.date >= start) and (end is None or m.date <= end)
                ]
                if meetings:
                    groups.append((committee, meetings))
            if self.ws_row_cap is not None:
                groups = _capped(groups, self.ws_row_cap)
            if self.empty_meeting_lists:
                groups = []
            root = "getmeetings" if operation == "getmeetings" else "getmeetingsbydate"
            return self.xml(meetings_xml(self.data, groups, root))
        if operation == "getmeeting":
            meeting_id = self._int(params, "lMeetingId")
            if meeting_id is None:
                return self.text(500, "Missing parameter: lMeetingId.")
            meeting = self.data.meeting(meeting_id)
            if meeting is None:
                return self.text(500, "System.NullReferenceException: Object reference not set to an instance of an object.")
            if meeting.committee_id in self.webservice_disabled:
                return self.html(WEBSERVICE_DISABLED_PAGE, status=self.webservice_disabled_status)
            if self.getmeeting_error_status is not None:
                return self.html(ASPNET_ERROR_PAGE, status=self.getmeeting_error_status)
            if self.waf_first and "waf_first" in meeting.flags and self._first_time(f"waf:ws:{meeting_id}"):
                return self.html(WAF_PAGE)
            return self.xml(
                meeting_xml(self.pages, self.data, meeting, base_url, leak=self.leak_restricted,
                            private_host=self.private_host_docs)
            )
        return self.text(500, f"Unknown web method {operation}.")

    # --- HTML pages -----------------------------------------------------------------------------

    def doc_home(self, params: dict[str, str]) -> Response:
        return self.html(self.pages.doc_home())

    def committee_list(self, params: dict[str, str]) -> Response:
        if self.flaky_first and self._first_time("503:mgListCommittees"):
            return self.unavailable()
        if self.empty_committee_list == "both":
            return self.html(self.pages.committee_list(listed=()))
        return self.html(self.pages.committee_list())

    def committee_details(self, params: dict[str, str]) -> Response:
        committee = self.data.committee(self._int(params, "ID") or 0)
        return self.html(self.pages.committee_details(committee)) if committee else self.error_redirect()

    def meeting_list(self, params: dict[str, str]) -> Response:
        committee_id = self._int(params, "CId") or self._int(params, "CommitteeId")
        committee = self.data.committee(committee_id or 0)
        if committee is None:
            return self.error_redirect()
        meetings = self.data.meetings_of(committee.committee_id)
        year = self._int(params, "Year") or (max(m.date.year for m in meetings) if meetings else datetime.now().year)
        return self.html(self.pages.meeting_list(committee, year))

    def meeting_page(self, params: dict[str, str]) -> Response:
        meeting_id = self._int(params, "MId") or self._int(params, "MeetingId")
        meeting = self.data.meeting(meeting_id or 0)
        if meeting is None:
            return self.error_redirect()
        committee = self.data.committee(meeting.committee_id)
        if self.waf_first and "waf_first" in meeting.flags and self._first_time(f"waf:html:{meeting.meeting_id}"):
            return self.html(WAF_PAGE)
        if self.malformed and "malformed_page" in meeting.flags:
            page, _ = self.pages.meeting_page(committee, meeting)
            # A page cut off by a failing application server: the template starts, #modgov never comes.
            return self.html(page[: page.index('<div class="em-content">')] + '<div class="em-content">\n<div id="mgCon')
        page, _ = self.pages.meeting_page(committee, meeting)
        return self.html(page)

    def item_page(self, params: dict[str, str]) -> Response:
        found = self.data.item(self._int(params, "ID") or 0)
        if found is None:
            return self.error_redirect()
        meeting, item = found
        return self.html(self.pages.item_page(self.data.committee(meeting.committee_id), meeting, item))

    def attendance(self, params: dict[str, str]) -> Response:
        meeting = self.data.meeting(self._int(params, "ID") or 0)
        if meeting is None:
            return self.error_redirect()
        return self.html(self.pages.attendance_page(self.data.committee(meeting.committee_id), meeting))

    def member(self, params: dict[str, str]) -> Response:
        page = self.pages.member_page(self._int(params, "UID") or 0)
        return self.html(page) if page else self.error_redirect()

    def document(self, path: str) -> Response:
        match = re.fullmatch(r"/documents/s(\d+)/(.+)", path, re.IGNORECASE)
        if match:
            document = self.data.document(int(match.group(1)))
            if document is None or document.file != match.group(2):
                return self.html("<html><body><h1>Page not found</h1></body></html>", status=404)
            return 200, [("Content-Type", "application/pdf")], tiny_pdf(document.title)
        match = re.fullmatch(r"/documents/g(\d+)/(.+)", path, re.IGNORECASE)
        if match and self.data.meeting(int(match.group(1))) is not None:
            return 200, [("Content-Type", "application/pdf")], tiny_pdf(match.group(2).rsplit(".", 1)[0])
        return self.html("<html><body><h1>Page not found</h1></body></html>", status=404)


__all__ = ["SampleSite", "WAF_PAGE", "WEBSERVICE_DISABLED_PAGE"]

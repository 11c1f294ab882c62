"""The harvester against the sample ModernGov council over real HTTP on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
import requests

from scraper.harvest import WS_GET_REFUSED, CrawlOptions, HarvestError, NotModernGov, crawl, reparse
from scraper.http import PoliteClient
from scraper.store import ArchiveStore


@pytest.fixture
def store(tmp_path):
    s = ArchiveStore(tmp_path / "archive.sqlite3")
    yield s
    s.close()


SINCE = date(2016, 1, 1)  # the sample council's first meeting is in 2016; fewer empty years to list


def run(store, site, clock, **options):
    """Crawl without real waiting; from SINCE unless the test passes ``since`` (None = default window)."""
    options.setdefault("since", SINCE)
    client = PoliteClient(delay=0, clock=clock)
    return crawl(store, site.base_url, CrawlOptions(**options), client=client)


@dataclasses.dataclass
class Crawled:
    store: ArchiveStore
    site: object
    summary: object


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One default crawl of a fresh sample council, shared by the tests that only inspect it."""
    from scraper.sample_site import serve_sample_site

    class NoWaitClock:
        def monotonic(self) -> float:
            return 0.0

        def sleep(self, seconds: float) -> None:
            pass

    site = serve_sample_site()
    store = ArchiveStore(tmp_path_factory.mktemp("crawled") / "archive.sqlite3")
    summary = run(store, site, NoWaitClock())
    yield Crawled(store, site, summary)
    store.close()
    site.stop()


def records(store):
    """Everything the archive says, as comparable values."""
    return [(a.item, a.meeting, a.committee.committee_id, a.committee.title) for a in store.iter_archived_items()]


def test_crawl_via_web_service_stores_captures_then_records(store, sample_site, fake_clock):
    summary = run(store, sample_site, fake_clock, since=None)  # the default window: everything listed
    assert summary.source_mode == "webservice"
    assert summary.meetings.new > 20 and summary.items.new > 100
    data = sample_site.app.data
    assert summary.meetings_listed == len(data.meetings)  # every meeting the site lists, 2016 to 60 days ahead
    counts = store.counts()
    assert counts["meetings"] == summary.meetings.new and counts["items"] == summary.items.new
    # Every request the site answered is a stored capture (robots.txt and the retried 503 included).
    assert store.capture_count() == len(sample_site.requests)
    kinds = {c.kind for c in store.captures()}
    assert {"robots", "ws_committees", "ws_meetings", "ws_meeting"} <= kinds
    # robots.txt is the first request of the crawl.
    assert sample_site.requests[0][1] == "/robots.txt"
    # The committee whose web service is disabled came through the HTML pages.
    assert "html_meeting" in kinds and "html_meeting_list" in kinds
    assert store.sites()[0].name == "Borough of Eastmere Council"  # from the council's page template
    status = store.site_status()[0]
    assert status.meetings == counts["meetings"] and status.last_crawl.status == "completed"


def test_503_is_retried_honouring_retry_after_then_stored(store, sample_site_factory, fake_clock):
    site = sample_site_factory(retry_after=7)
    run(store, site, fake_clock, since=date(2024, 1, 1))
    answers = [(c.status, c.kind) for c in store.captures(kind="ws_committees")]
    assert answers == [(503, "ws_committees"), (200, "ws_committees")]
    assert 7 in fake_clock.sleeps
    assert store.committees(store.sites()[0].key)


def test_waf_challenge_is_a_failure_not_data(crawled):
    store, sample_site, summary = crawled.store, crawled.site, crawled.summary
    rejected = [c for c in store.captures() if c.rejected and not c.rejected.startswith("parse error")]
    assert rejected and all("Incapsula" in c.rejected for c in rejected)
    assert all(c.status == 200 for c in rejected)  # served as a success, still not data
    failures = [f for f in summary.failures if f.kind == "rejected"]
    assert failures and all("Incapsula" in f.reason for f in failures)
    for capture in rejected:
        meeting_id = capture.meta.get("meeting_id")
        stored = store.get_meeting(f"{capture.site}/meeting/{meeting_id}")
        # The challenge never became "a meeting with no items".
        assert stored is None or stored.items


def flagged(site, flag):
    return [m for m in site.app.data.meetings if flag in m.flags]


def malformed_url(site):
    (meeting,) = flagged(site, "malformed_page")
    return f"{site.base_url}/ieListDocuments.aspx?CId={meeting.committee_id}&MId={meeting.meeting_id}"


def listed_year(target):
    """The year a meeting-list request asked for (GetMeetings or ieListMeetings), else None."""
    found = re.search(r"sFromDate=\d\d%2F\d\d%2F(\d{4})|[?&]Year=(\d{4})", target)
    return int(found.group(1) or found.group(2)) if found else None


def meeting_fetches(requests):
    """Ids of the meetings whose own pages (GetMeeting, ieListDocuments) were requested."""
    ids = set()
    for _method, target, _status in requests:
        found = re.search(r"(?:GetMeeting\?lMeetingId=|ieListDocuments\.aspx\?.*MId=)(\d+)", target)
        if found:
            ids.add(int(found.group(1)))
    return ids


def test_second_crawl_adds_nothing(store, sample_site, fake_clock):
    run(store, sample_site, fake_clock)
    run(store, sample_site, fake_clock, refresh=True)  # picks up what the WAF blocked the first time
    n = len(sample_site.requests)
    third = run(store, sample_site, fake_clock, refresh=True)
    assert third.headline().startswith("0 new, 0 changed,"), third.headline()
    # The only failure left is the page that is broken on every visit.
    assert [f.url for f in third.failures] == [malformed_url(sample_site)], third.failures
    assert len(meeting_fetches(sample_site.requests[n:])) >= third.meetings_listed  # re-validated everything
    # Without --refresh, old meetings already seen with their minutes are settled: not fetched at all.
    n = len(sample_site.requests)
    fourth = run(store, sample_site, fake_clock)
    assert fourth.headline().startswith("0 new, 0 changed,"), fourth.headline()
    assert fourth.settled_skipped > 0
    fetched = meeting_fetches(sample_site.requests[n:])
    assert len(fetched) == fourth.meetings_listed - fourth.settled_skipped  # only the unsettled meetings
    settled = {m.meeting_id for m in sample_site.app.data.meetings} - fetched
    assert len(settled) == fourth.settled_skipped
    # Meeting lists of years long over were read after they were over: reused, not asked again.
    assert fourth.listings_reused > 0
    old_year = date.today().year - 2  # its lists are over, even as a municipal year, by 90+ days
    asked_first = {listed_year(t) for _m, t, _s in sample_site.requests[:n]} - {None}
    asked_now = {listed_year(t) for _m, t, _s in sample_site.requests[n:]} - {None}
    assert min(asked_first) <= old_year < min(asked_now)


def test_reparse_offline_equals_crawl(store, sample_site, fake_clock):
    run(store, sample_site, fake_clock)
    crawled = records(store)
    sample_site.stop()  # no network from here on
    summary = reparse(store, clean=True)
    assert summary.failures == [] or all(f.kind == "parse" for f in summary.failures)
    assert records(store) == crawled
    again = reparse(store)
    assert again.headline().startswith("0 new, 0 changed,")


def test_not_moderngov(store, sample_site_factory, fake_clock):
    site = sample_site_factory(not_moderngov=True)
    with pytest.raises(NotModernGov, match="not a ModernGov site"):
        run(store, site, fake_clock)
    assert store.sites() == []


def test_malformed_page_is_recorded_and_the_crawl_goes_on(crawled):
    store, sample_site, summary = crawled.store, crawled.site, crawled.summary
    (broken,) = flagged(sample_site, "malformed_page")
    url = malformed_url(sample_site)
    assert [f for f in summary.failures if f.url == url and f.kind == "parse" and "modgov" in f.reason]
    errors = [e for e in store.errors() if e.url == url]
    assert errors and errors[0].kind == "parse" and "modgov" in errors[0].reason
    site_key = store.sites()[0].key
    assert store.get_meeting(f"{site_key}/meeting/{broken.meeting_id}") is None
    # Every other meeting of that committee, and after it, was still harvested.
    others = [m for m in sample_site.app.data.meetings_of(broken.committee_id) if m.meeting_id != broken.meeting_id]
    assert others
    for meeting in others:
        assert store.get_meeting(f"{site_key}/meeting/{meeting.meeting_id}") is not None
    assert store.counts()["meetings"] == len(sample_site.app.data.meetings) - 1 - len(flagged(sample_site, "waf_first"))


def test_robots_disallow_is_obeyed_by_the_harvester(store, sample_site_factory, fake_clock):
    site = sample_site_factory(robots_disallow=["/mgAi.aspx", "/mgMeetingAttendance.aspx"])
    summary = run(store, site, fake_clock, source="html", since=date(2020, 1, 1))
    assert not site.requested("mgAi.aspx") and not site.requested("mgMeetingAttendance.aspx")
    robots = [f for f in summary.failures if f.kind == "robots"]
    assert robots and all("robots.txt disallows" in f.reason for f in robots)
    assert store.counts()["meetings"] > 0  # the allowed pages were still harvested


def test_non_http_document_links_are_skipped_and_reported(crawled):
    store, sample_site, summary = crawled.store, crawled.site, crawled.summary
    assert summary.skipped_links and all("javascript:" in f.reason for f in summary.skipped_links)
    assert [e for e in store.errors() if e.kind == "skipped_link"]
    for archived in store.iter_archived_items():
        for document in archived.item.documents + archived.meeting.documents:
            assert document.url.startswith(("http://", "https://"))


def test_web_service_and_html_give_the_same_records(tmp_path, sample_site_factory, fake_clock):
    site = sample_site_factory(webservice_disabled=(), waf_first=False, malformed=False)
    via_ws = ArchiveStore(tmp_path / "ws.sqlite3")
    via_html = ArchiveStore(tmp_path / "html.sqlite3")
    ws = run(via_ws, site, fake_clock, source="webservice")
    html = run(via_html, site, fake_clock, source="html")
    assert ws.source_mode == "webservice" and html.source_mode == "html"
    assert not ws.failures and not html.failures, (ws.failures, html.failures)
    ws_records, html_records = records(via_ws), records(via_html)
    assert len(ws_records) == len(html_records) > 100
    for a, b in zip(ws_records, html_records):
        assert a == b


@pytest.mark.parametrize("crawl_delay, expected_gap", [(None, 1.5), (3, 3.0), (3600, 30.0)])
def test_every_request_of_a_crawl_is_rate_limited(store, sample_site_factory, fake_clock, crawl_delay, expected_gap):
    site = sample_site_factory(flaky_first=False, waf_first=False, crawl_delay=crawl_delay)
    client = PoliteClient(delay=1.5, clock=fake_clock, crawl_delay_cap=30)
    crawl(store, site.base_url, CrawlOptions(since=date(2023, 1, 1)), client=client)
    # The fake clock never moves on its own, so each request after the first waited the full gap:
    # robots.txt first, then every page, at our delay or the site's Crawl-delay (capped).
    assert site.requests[0][1] == "/robots.txt"
    assert fake_clock.sleeps == [expected_gap] * (len(site.requests) - 1)


def test_whole_site_down_means_robots_unavailable_and_nothing_else_fetched(store, sample_site_factory, fake_clock):
    site = sample_site_factory(whole_site_down=True)
    with pytest.raises(HarvestError, match=r"cannot crawl .*robots\.txt answered HTTP 503"):
        run(store, site, fake_clock)
    assert {target for _m, target, _s in site.requests} == {"/robots.txt"}
    assert len(site.requests) == 5  # the first try and 4 bounded retries
    assert [s for s in fake_clock.sleeps if s] == [4.0, 8.0, 16.0]  # exponential backoff (none before the 2nd try)
    assert store.sites() == []


def test_committee_filter(store, sample_site, fake_clock):
    summary = run(store, sample_site, fake_clock, committees=("cabinet",))
    cabinet = [c for c in sample_site.app.data.committees if c.title == "Cabinet"][0]
    expected = {m.meeting_id for m in sample_site.app.data.meetings_of(cabinet.committee_id)}
    assert summary.meetings_listed == len(expected)
    assert {s.meeting.committee_id for s in store.stored_meetings()} == {cabinet.committee_id}
    assert summary.committees.new == len(sample_site.app.data.committees)  # all committees are still recorded
    assert not sample_site.requested(f"lCommitteeId={cabinet.committee_id + 1}&")


def test_site_falls_back_to_html_when_robots_forbid_the_web_service(store, sample_site_factory, fake_clock):
    site = sample_site_factory(robots_disallow=["/mgWebService.asmx"], waf_first=False, malformed=False)
    summary = run(store, site, fake_clock)
    assert summary.source_mode == "html"
    assert not site.requested("mgWebService")
    assert summary.failed == 0 and summary.fallbacks  # a fallback, not a failure
    assert summary.meetings.new == len(site.app.data.meetings)


def test_install_under_a_sub_path(store, sample_site_factory, fake_clock):
    site = sample_site_factory(prefix="/moderngov", waf_first=False, malformed=False)
    summary = run(store, site, fake_clock)
    assert site.requests[0][1] == "/robots.txt"  # robots.txt lives at the host's root
    assert summary.site.base_url.endswith("/moderngov") and summary.failed == 0
    assert all(a.item.source_url.startswith(site.base_url + "/mgAi.aspx") for a in store.iter_archived_items())


def test_html_path_completes_truncated_minutes_and_keeps_the_variants(store, sample_site, fake_clock):
    summary = run(store, sample_site, fake_clock, source="html")
    assert summary.source_mode == "html"
    truncated = sample_site.requested("mgAi.aspx")
    assert truncated  # items whose minutes the meeting page cut short were read in full
    items = [a.item for a in store.iter_archived_items()]
    assert not [i for i in items if "view the full minutes text" in i.minutes_text.lower()]
    by_id = {i.item_id: i for i in items}
    for _method, target, _status in truncated:
        item = by_id[int(target.rsplit("=", 1)[1])]
        assert len(item.minutes_text) > 1500  # longer than what the meeting page showed
    restricted = [i for i in items if i.restricted]
    assert restricted and all(not (i.agenda_text or i.minutes_text or i.decision_text or i.documents) for i in restricted)
    assert any(re.fullmatch(r"\d+[a-z]", i.number or "") for i in items)  # sub-items such as 3a, 3b
    assert any(s.meeting.cancelled for s in store.stored_meetings())
    attended = [s.meeting for s in store.stored_meetings() if s.meeting.attendees]
    assert attended and all(a.name for m in attended for a in m.attendees)


def test_restricted_text_sent_by_the_web_service_is_never_stored(crawled):
    store, sample_site = crawled.store, crawled.site
    leaked = [i for m in sample_site.app.data.meetings for i in m.items if "leak" in i.flags]
    assert leaked
    site_key = store.sites()[0].key
    leaked_meetings = {i.item_id: m.meeting_id for m in sample_site.app.data.meetings for i in m.items}
    for data_item in leaked:
        paragraphs = data_item.minutes + data_item.agenda  # what the XML (wrongly) carried
        secret = paragraphs[0] if paragraphs else ""
        rows = store._db.execute("SELECT record FROM items WHERE key = ?", (f"{site_key}/item/{data_item.item_id}",))
        (record,) = [r[0] for r in rows]
        assert '"restricted":true' in record
        assert secret and secret[:40] not in record
        words = " ".join(secret.split()[1:4])  # e.g. "Cabinet agreed to", free of markup and wrapping
        stored = [c.body.decode() for c in store.captures(kind="ws_meeting")
                  if c.meta.get("meeting_id") == leaked_meetings[data_item.item_id]]
        assert stored and words not in stored[-1], "the raw capture must not keep an exempt item's text"
        assert data_item.title.split()[0] in stored[-1], "the capture still holds the item (title only)"
        served = requests.get(
            f"{sample_site.base_url}/mgWebService.asmx/GetMeeting",
            params={"lMeetingId": leaked_meetings[data_item.item_id]}, timeout=10,
        ).text
        assert words in served  # the server did send the text; the archive dropped it everywhere
        assert words not in record
        assert sample_site.requested("GetMeeting?lMeetingId=")  # it came through the web service


def test_web_service_403_for_one_committee_falls_back_to_html_without_failing(store, sample_site_factory, fake_clock):
    site = sample_site_factory(webservice_disabled_status=403, waf_first=False, malformed=False)
    summary = run(store, site, fake_clock)
    assert summary.source_mode == "webservice" and summary.html_committees == 1
    assert summary.failed == 0, summary.failures
    assert summary.fallbacks and all(f.reason == "HTTP 403" for f in summary.fallbacks)
    assert summary.meetings.new == len(site.app.data.meetings)


@pytest.mark.parametrize("status", [500, 200])
def test_a_broken_get_meeting_is_given_up_on_after_a_few_meetings(store, sample_site_factory, fake_clock, status):
    """A web service whose GetMeetings works but whose GetMeeting answers an HTML error page for
    every meeting: after a few fallbacks in a row the crawl reads meetings through HTML only,
    instead of paying a failed call (with its retries and backoff) for every meeting."""
    site = sample_site_factory(getmeeting_error_status=status, waf_first=False, malformed=False)
    summary = run(store, site, fake_clock)
    assert summary.failed == 0, summary.failures
    assert summary.meetings.new == len(site.app.data.meetings)
    attempts_per_call = 1 + (4 if status == 500 else 0)  # the client's retries on a 5xx
    assert len(site.requested("GetMeeting?")) <= 3 * attempts_per_call
    assert summary.source_mode == "webservice" and summary.ws_given_up
    from scraper.cli import format_crawl_summary

    assert "read through HTML" in format_crawl_summary(summary)


def test_an_install_that_moved_is_crawled_where_it_now_lives(store, sample_site_factory, fake_clock):
    site = sample_site_factory(prefix="/moderngov", moved_from="/old", waf_first=False, malformed=False)
    old_base = site.root_url.rstrip("/") + "/old"
    client = PoliteClient(delay=0, clock=fake_clock)
    summary = crawl(store, old_base + "/mgListCommittees.aspx?bcr=1", CrawlOptions(since=SINCE), client=client)
    assert summary.failed == 0, summary.failures
    assert summary.meetings.new == len(site.app.data.meetings)
    assert len([r for r in site.requests if r[1].startswith("/old/")]) <= 1  # only the first call was redirected
    assert all(a.item.source_url.startswith(site.base_url + "/mgAi.aspx") for a in store.iter_archived_items())


def test_pages_over_the_body_limit_are_failures_not_a_failing_site(store, sample_site_factory, fake_clock):
    """A body over the size cap is that page's problem (recorded with its URL), not a sign that the
    server is struggling: a run of huge meeting pages must not stop the crawl as "site failing"."""
    site = sample_site_factory(waf_first=False, malformed=False)
    client = PoliteClient(delay=0, clock=fake_clock, max_body=3500)  # meeting pages are 8-32 KB
    summary = crawl(store, site.base_url, CrawlOptions(since=SINCE), client=client)
    too_big = [f for f in summary.failures if "byte limit" in f.reason]
    assert len(too_big) >= 5
    assert summary.meetings.new > 0  # the small ones (cancelled meetings) still came through


def test_an_empty_committee_list_from_the_web_service_is_not_believed(store, sample_site_factory, fake_clock):
    """GetCommittees answering an empty <committees> (a 200 non-answer, GUIDE.md §8.2) must not
    record a council with nothing in it: the HTML committee list is asked instead."""
    site = sample_site_factory(empty_committee_list="webservice", waf_first=False, malformed=False)
    summary = run(store, site, fake_clock)
    assert summary.source_mode == "html"
    assert summary.failed == 0, summary.failures
    assert summary.meetings.new == len(site.app.data.meetings)
    assert any("no committees" in f.reason for f in summary.fallbacks)


def test_a_council_listing_no_committees_anywhere_is_an_error_not_an_empty_archive(store, sample_site_factory,
                                                                                    fake_clock):
    site = sample_site_factory(empty_committee_list="both", waf_first=False, malformed=False)
    with pytest.raises(HarvestError, match="lists no committees") as info:
        run(store, site, fake_clock)
    assert not isinstance(info.value, NotModernGov)  # it is ModernGov; it just lists nothing
    assert list(store.stored_meetings()) == [] and store.sites() == []


def test_a_site_refusing_every_request_is_reported_as_blocking_us(store, sample_site_factory, fake_clock):
    """403 on the web service and the HTML pages alike is a host refusing crawlers, not proof that
    the URL is not ModernGov: say so (SiteBlocked), and do not tell the user to check the URL."""
    from scraper.harvest import SiteBlocked

    site = sample_site_factory(forbid_bots=True)
    with pytest.raises(SiteBlocked, match="HTTP 403"):
        run(store, site, fake_clock)


def test_a_site_answering_only_server_errors_is_failing_not_foreign(store, sample_site_factory, fake_clock):
    """503 from the web service and the HTML pages (after their retries) is a site that is down,
    not proof that it is not ModernGov: SiteFailing (the CLI's "try again later", exit 75)."""
    from scraper.harvest import SiteFailing

    site = sample_site_factory(pages_unavailable=True)
    with pytest.raises(SiteFailing, match="HTTP 503"):
        run(store, site, fake_clock)


def test_a_meeting_list_at_the_row_cap_is_asked_again_in_halves(store, sample_site_factory, fake_clock, monkeypatch):
    """GetMeetings stops at 5,000 rows without saying so (GUIDE.md §8.1): an answer that reaches
    the cap is distrusted and its window asked again in halves until every answer is under it."""
    import scraper.harvest

    monkeypatch.setattr(scraper.harvest, "WS_ROW_CAP", 1)  # one committee has two meetings in 2020
    site = sample_site_factory(ws_row_cap=1, waf_first=False, malformed=False)
    summary = run(store, site, fake_clock)
    assert summary.failed == 0, summary.failures
    assert summary.meetings.new == len(site.app.data.meetings)


def test_a_web_service_that_refuses_get_is_asked_once_and_the_html_pages_take_over(store, sample_site_factory, fake_clock):
    """Installs that allow only SOAP POST answer every GET to mgWebService.asmx with ASP.NET's
    HTTP 500 "Request format is unrecognized": not a failing site, and no use asking again."""
    site = sample_site_factory(webservice_get_refused=True, waf_first=False, malformed=False)
    summary = run(store, site, fake_clock)
    assert summary.source_mode == "html"
    assert summary.failed == 0, summary.failures
    assert summary.meetings.new == len(site.app.data.meetings)
    assert len(site.requested("mgWebService.asmx")) == 1  # no retries, no further calls
    assert [f.reason for f in summary.fallbacks] == ["HTTP 500: " + WS_GET_REFUSED]
    from scraper.cli import format_crawl_summary

    assert "refuses GET" in format_crawl_summary(summary)


def test_a_site_whose_pages_fail_and_whose_service_refuses_get_is_down_not_foreign():
    from scraper.harvest import SiteFailing, validation_failure

    verdict = validation_failure("https://x.example", "HTTP 500: " + WS_GET_REFUSED, "HTTP 503")
    assert isinstance(verdict, SiteFailing)

"""Pure crawl planning: base URLs, windows, committee selection, settled meetings."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from scraper.harvest_plan import (
    DEFAULT_EARLIEST,
    PlanError,
    Window,
    is_settled,
    listing_years,
    normalise_base_url,
    resolve_window,
    select_committees,
    ws_date,
    listing_chunks,
)
from scraper.records import Committee
from scraper.store import MeetingState


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("https://democracy.example.gov.uk/", "https://democracy.example.gov.uk"),
        ("democracy.example.gov.uk", "https://democracy.example.gov.uk"),
        ("https://ww5.swindon.gov.uk/moderngov/", "https://ww5.swindon.gov.uk/moderngov"),
        ("https://X.gov.uk/moderngov/mgListCommittees.aspx?bcr=1", "https://x.gov.uk/moderngov"),
        ("http://x.gov.uk/mgWebService.asmx", "http://x.gov.uk"),
        ("https://x.gov.uk/moderngov/mgWebService.asmx/GetCommittees", "https://x.gov.uk/moderngov"),
        ("https://x.gov.uk/ieDocHome.aspx", "https://x.gov.uk"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("http://[::1]:8080/mg/", "http://[::1]:8080/mg"),
    ],
)
def test_normalise_base_url(raw, expected):
    assert normalise_base_url(raw) == expected


@pytest.mark.parametrize(
    "raw", ["", "ftp://x.gov.uk", "https://", "not a url", "https://x.gov.uk:port/", "https://x.gov.uk:99999/"]
)
def test_bad_base_urls(raw):
    with pytest.raises(PlanError):
        normalise_base_url(raw)


def test_default_window_is_everything_up_to_60_days_ahead():
    w = resolve_window(None, None, date(2026, 11, 28))
    assert w == Window(DEFAULT_EARLIEST, date(2027, 1, 27))
    with pytest.raises(PlanError):
        resolve_window(date(2026, 1, 2), date(2026, 1, 1), date(2026, 11, 28))


def test_listing_chunks_cover_the_window_exactly_recent_years_alone_older_in_fives_newest_first():
    chunks = listing_chunks(Window(date(2000, 1, 1), date(2027, 1, 27)))
    assert chunks == [
        Window(date(2027, 1, 1), date(2027, 1, 27)),
        Window(date(2026, 1, 1), date(2026, 12, 31)),
        Window(date(2021, 1, 1), date(2025, 12, 31)),
        Window(date(2016, 1, 1), date(2020, 12, 31)),
        Window(date(2011, 1, 1), date(2015, 12, 31)),
        Window(date(2006, 1, 1), date(2010, 12, 31)),
        Window(date(2001, 1, 1), date(2005, 12, 31)),
        Window(date(2000, 1, 1), date(2000, 12, 31)),
    ]
    days = sorted(d for chunk in chunks for d in (chunk.since, chunk.until))
    assert days[0] == date(2000, 1, 1) and days[-1] == date(2027, 1, 27)
    covered = sum((c.until - c.since).days + 1 for c in chunks)
    assert covered == (date(2027, 1, 27) - date(2000, 1, 1)).days + 1, "no gaps, no overlaps"
    assert ws_date(date(2019, 6, 5)) == "05/06/2019"


def test_a_short_window_is_listed_year_by_year_with_no_empty_old_chunk():
    assert listing_chunks(Window(date(2026, 6, 15), date(2027, 2, 1))) == [
        Window(date(2027, 1, 1), date(2027, 2, 1)),
        Window(date(2026, 6, 15), date(2026, 12, 31)),
    ]
    assert listing_chunks(Window(date(2026, 3, 1), date(2026, 4, 1))) == [Window(date(2026, 3, 1), date(2026, 4, 1))]


def test_listing_years_reach_back_one_municipal_year_for_explicit_since():
    w = Window(date(2020, 2, 1), date(2021, 3, 1))
    assert listing_years(w, since_given=True) == [2021, 2020, 2019]
    assert listing_years(w, since_given=False) == [2021, 2020]


COMMITTEES = [Committee("s", 1, "Cabinet"), Committee("s", 2, "Planning Committee"),
              Committee("s", 3, "Planning Sub-Committee"), Committee("s", 4, "Audit Committee")]


def test_select_committees_by_id_title_or_unique_part():
    assert select_committees(COMMITTEES, []) == COMMITTEES
    assert [c.committee_id for c in select_committees(COMMITTEES, ["4", "cabinet"])] == [1, 4]
    assert [c.committee_id for c in select_committees(COMMITTEES, ["planning committee"])] == [2]
    assert [c.committee_id for c in select_committees(COMMITTEES, ["Sub-Comm"])] == [3]
    with pytest.raises(PlanError, match="matches 2 committees"):
        select_committees(COMMITTEES, ["Planning"])
    with pytest.raises(PlanError, match="no committee matches"):
        select_committees(COMMITTEES, ["Licensing"])


def state(day: date, checked: date, minutes: bool = True, cancelled: bool = False) -> MeetingState:
    at = datetime(checked.year, checked.month, checked.day, tzinfo=timezone.utc)
    return MeetingState("s/meeting/1", day, "h", minutes, cancelled, "webservice", at, at, at)


def test_settled_meetings():
    today = date(2026, 11, 28)
    assert is_settled(state(date(2025, 1, 1), date(2026, 11, 1)), today)
    # Seen only soon after the meeting: minutes may still change.
    assert not is_settled(state(date(2026, 1, 1), date(2026, 1, 20)), today)
    assert not is_settled(state(date(2026, 10, 1), date(2026, 11, 27)), today)  # too recent
    assert not is_settled(state(date(2026, 1, 1), date(2026, 11, 1), minutes=False), today)  # no minutes yet
    assert is_settled(state(date(2024, 1, 1), date(2026, 11, 1), minutes=False), today)  # none after a year either
    assert not is_settled(state(date(2024, 1, 1), date(2024, 6, 1), minutes=False), today)
    assert is_settled(state(date(2025, 1, 1), date(2026, 11, 1), minutes=False, cancelled=True), today)
    assert not is_settled(None, today)


def test_split_window_halves_newer_first_and_stops_at_one_day():
    from scraper.harvest_plan import split_window

    year = Window(date(2020, 1, 1), date(2020, 12, 31))
    newer, older = split_window(year)
    assert newer.until == year.until and older.since == year.since
    assert older.until + timedelta(days=1) == newer.since  # no day lost, none asked twice
    assert split_window(Window(date(2020, 5, 1), date(2020, 5, 2))) == [
        Window(date(2020, 5, 2), date(2020, 5, 2)), Window(date(2020, 5, 1), date(2020, 5, 1))]
    day = Window(date(2020, 5, 1), date(2020, 5, 1))
    assert split_window(day) == [day]


@pytest.mark.parametrize(
    "ws_problem, html_problem, flags, expected, words",
    [
        ("HTTP 404", "no div#modgov", {}, "NotModernGov", "is not a ModernGov site"),
        ("HTTP 503", "HTTP 503", {}, "SiteFailing", "seems to be down"),
        (None, "HTTP 429", {}, "SiteFailing", "seems to be down"),
        ("HTTP 403", "HTTP 403", {}, "SiteBlocked", "refused our requests"),
        ("HTTP 404", "HTTP 403", {}, "NotModernGov", "web service: HTTP 404"),
        ("not data: Incapsula/Imperva challenge", "HTTP 404", {}, "SiteBlocked", "challenge or error page"),
        ("HTTP 404", "not data: Cloudflare challenge", {"rejected": True}, "SiteBlocked", "Cloudflare"),
        ("not data: JavaScript or meta-refresh redirect stub", "not data: JavaScript or meta-refresh redirect stub",
         {"rejected": True, "base_url": "http://x.gov.uk"}, "SiteBlocked", "try https://x.gov.uk"),
        ("GetCommittees listed no committees", "mgListCommittees.aspx listed no committees",
         {"listed_no_committees": True}, "HarvestError", "lists no committees"),
    ],
)
def test_validation_failure_names_what_went_wrong(ws_problem, html_problem, flags, expected, words):
    from scraper.harvest import validation_failure

    base_url = flags.pop("base_url", "https://x.gov.uk")
    error = validation_failure(base_url, ws_problem, html_problem, **flags)
    assert type(error).__name__ == expected and words in str(error)

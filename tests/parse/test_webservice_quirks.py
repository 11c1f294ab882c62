"""Web-service answers as real installs vary them, on the real Manchester fixtures edited where noted."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from scraper.parse import ParseError, parse_meeting, parse_meetings
from scraper.parse.webservice import parse_meeting_rows, parse_ws_date

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "moderngov"
MEETINGS = (FIXTURES / "meetings.xml").read_bytes()  # 4966 on 13/01/2026, 4967 on 10/02/2026
BASE = "https://council.example"
URL = f"{BASE}/mgWebService.asmx/GetMeetings?lCommitteeId=144"


def with_date(body: bytes, meeting_id: int, value: str) -> bytes:
    """``body`` with the ``<meetingdate>`` of meeting ``meeting_id`` replaced by ``value``."""
    start = body.index(b"<meetingdate>", body.index(f"<meetingid>{meeting_id}</meetingid>".encode()))
    end = body.index(b"</meetingdate>", start)
    return body[:start] + b"<meetingdate>" + value.encode() + body[end:]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("10/02/2026", date(2026, 2, 10)),
        (" 10/02/2026 00:00:00", date(2026, 2, 10)),
        ("10/02/2026 10:00", date(2026, 2, 10)),
        ("2026-02-10T00:00:00", date(2026, 2, 10)),  # day-first parsing would read 2 October
        ("2026-02-10T18:30:00+01:00", date(2026, 2, 10)),  # the council's own date, not UTC's
        ("2026-02-10 00:00:00", date(2026, 2, 10)),
        ("2026-02-10", date(2026, 2, 10)),
        ("10-02-2026", date(2026, 2, 10)),
        ("10.02.2026", date(2026, 2, 10)),
        ("Tuesday, 10 February 2026", date(2026, 2, 10)),
        ("10 Feb 2026 10.00 am", date(2026, 2, 10)),
        ("  ", None),
    ],
)
def test_web_service_dates_in_the_forms_installs_send(value, expected):
    assert parse_ws_date(value) == expected


@pytest.mark.parametrize("value", ["TBC", "2026", "Feb 2026", "31/02/2026", "12", "2026-13-01"])
def test_what_is_not_a_whole_date_is_refused(value):
    with pytest.raises(ValueError):
        parse_ws_date(value)


def test_one_row_with_another_date_format_or_garbage_costs_only_that_rows_date():
    """Rows are read one by one: an ISO date is read, and a row whose date is garbage is still
    listed (its meeting id is good; ``GetMeeting`` has the date) with the problem reported."""
    body = with_date(with_date(MEETINGS, 4966, "2026-01-13T00:00:00"), 4967, "to be confirmed")
    rows = parse_meeting_rows(body, "s", base_url="https://council.example", url=URL)
    assert [(m.meeting_id, m.date, m.time, m.status) for m in rows.meetings] == [
        (4966, date(2026, 1, 13), time(10, 0), "Cancelled"),
        (4967, None, time(10, 0), "Confirmed"),
    ]
    (problem,) = rows.problems
    assert "4967" in problem and "meetingdate" in problem and "to be confirmed" in problem
    # The strict form (for callers that cannot report a problem) refuses the answer instead.
    with pytest.raises(ParseError, match="meetingdate"):
        parse_meetings(body, "s", url=URL)
    assert [m.date for m in parse_meetings(with_date(MEETINGS, 4966, "2026-01-13T00:00:00"), "s")] == [
        date(2026, 1, 13), date(2026, 2, 10)]


def test_a_row_without_a_meeting_id_is_a_problem_and_the_others_are_kept():
    body = MEETINGS.replace(b"<meetingid>4966</meetingid>", b"<meetingid>\n        </meetingid>")
    rows = parse_meeting_rows(body, "s", url=URL)
    assert [m.meeting_id for m in rows.meetings] == [4967]
    (problem,) = rows.problems
    assert "meetingid" in problem


MEETING = (FIXTURES / "meeting_with_minutes.xml").read_bytes()  # items 18831 ("1.", internal 4), 18833 ("9.", 12)


def blank_display_numbers(body: bytes) -> bytes:
    for printed in (b"1.", b"9."):
        body = body.replace(b"<fulldisplaynumberformat>" + printed + b"</fulldisplaynumberformat>",
                            b"<fulldisplaynumberformat>\n      </fulldisplaynumberformat>")
    return body


def test_without_the_display_number_the_minutes_number_is_printed_never_the_internal_one():
    """``agendaitemnumber`` is internal (4, 12 for items printed 1. and 9.); ``minutesitemnumber`` (1, 9)
    matches the printed number (GUIDE.md §7.3), so it stands in when ``fulldisplaynumberformat`` is blank."""
    assert [i.number for i in parse_meeting(MEETING, "s", 144, BASE).items] == ["1.", "9."]  # as printed
    blank = blank_display_numbers(MEETING)
    assert [i.number for i in parse_meeting(blank, "s", 144, BASE).items] == ["1.", "9."]
    # A sub-number follows it ("9a"); with no minutes number either, no number beats a wrong one.
    sub = blank.replace(b"<minutesitemnumber>9</minutesitemnumber>\n      <minutesitemsubnumber>\n      </minutesitemsubnumber>",
                        b"<minutesitemnumber>9</minutesitemnumber>\n      <minutesitemsubnumber>a</minutesitemsubnumber>")
    none = blank.replace(b"<minutesitemnumber>1</minutesitemnumber>", b"<minutesitemnumber>\n      </minutesitemnumber>")
    assert [i.number for i in parse_meeting(sub, "s", 144, BASE).items] == ["1.", "9a"]
    assert [i.number for i in parse_meeting(none, "s", 144, BASE).items] == [None, "9."]

"""A trailing "(Job Title)" on a published attendee name becomes the role, on both parsing paths."""

from __future__ import annotations

import pytest

from scraper.parse.attendees import split_name_and_role
from scraper.parse.html_pages import parse_attendance


@pytest.mark.parametrize(
    ("name", "role", "expected"),
    [
        ("Michael Forde (Scrutiny Policy Officer)", "Officer", ("Michael Forde", "Scrutiny Policy Officer")),
        ("Michael Forde (Scrutiny Policy Officer)", None, ("Michael Forde", "Scrutiny Policy Officer")),
        ("Councillor Ann Lee (Chair)", "Committee Member", ("Councillor Ann Lee", "Chair")),
        ("Councillor Ann Lee (Chair)", "Vice-Chair of Council", ("Councillor Ann Lee", "Vice-Chair of Council (Chair)")),
        ("Councillor Ann Lee (Lab)", "Committee Member", ("Councillor Ann Lee (Lab)", "Committee Member")),
        ("Councillor Ann Lee", "Committee Member", ("Councillor Ann Lee", "Committee Member")),
        ("Dr Raj Patel (Director of Public Health)", "Director of Public Health", ("Dr Raj Patel", "Director of Public Health")),
    ],
)
def test_split_name_and_role(name, role, expected):
    assert split_name_and_role(name, role) == expected


def test_attendance_page_moves_job_title_out_of_the_name():
    page = b"""<html><body><div id="modgov"><div class="mgContent">
    <table summary="Table of meeting attendance"><thead><tr><th>Attendee</th><th>Role</th><th>Attendance</th></tr></thead>
    <tbody><tr><td>Michael Forde (Scrutiny Policy Officer)</td><td>Officer</td><td>In attendance</td></tr>
    <tr><td><a href="mgUserInfo.aspx?UID=12">Councillor Ann Lee</a></td><td>Chair</td><td>Present</td></tr></tbody>
    </table></div></div></body></html>"""
    forde, lee = parse_attendance(page)
    assert (forde.name, forde.role, forde.attendance) == ("Michael Forde", "Scrutiny Policy Officer", "In attendance")
    assert (lee.name, lee.role, lee.member_id) == ("Councillor Ann Lee", "Chair", 12)

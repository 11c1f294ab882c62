"""``mgMeetingAttendance.aspx``: attendees, with columns found by their header text."""

from __future__ import annotations

import re

from bs4.element import Tag

from scraper.records import Attendee

from .attendees import make_attendee
from .html_common import _heading_key, _int_param, _page_name, modgov_root
from .text import inline_text


# Column headers of attendance tables, matched by prefix; installs order and name columns differently.
_ATTENDANCE_COLUMNS = (
    ("attendance comment", "comment"),
    ("comment", "comment"),
    ("sylw", "comment"),
    ("attendee", "name"),
    ("attendance", "attendance"),
    ("present", "attendance"),
    ("status", "attendance"),
    ("presenoldeb", "attendance"),
    ("role", "role"),
    ("rôl", "role"),
    ("rol", "role"),
    ("position", "role"),
    ("capacity", "role"),
    ("name", "name"),
    ("member", "name"),
    ("councillor", "name"),
    ("enw", "name"),
    ("mynychwr", "name"),
)
_ATTENDANCE_WORDS = re.compile(
    r"^(?:present|apologies|absent|expected|in attendance|attended|virtual|remote|substitute|late|"
    r"apologies received|not required|yn bresennol|ymddiheuriadau|absennol)\b",
    re.IGNORECASE,
)


def _attendance_column(header: str) -> str | None:
    key = _heading_key(header)
    for prefix, column in _ATTENDANCE_COLUMNS:
        if key.startswith(prefix):
            return column
    return None


def _attendance_tables(root: Tag) -> list[tuple[Tag, dict[str, int]]]:
    """Tables of attendees with their column map: a ``summary``/``caption`` naming attendance, or a
    header row naming an attendee and an attendance column."""
    found: list[tuple[Tag, dict[str, int]]] = []
    for table in root.find_all("table"):
        if table.find_parent("table") is not None and any(table.find_parent("table") is t for t, _ in found):
            continue
        header_cells: list[Tag] = []
        for row in table.find_all("tr"):
            cells = [cell for cell in row.children if getattr(cell, "name", None) in ("td", "th")]
            if cells and all(cell.name == "th" for cell in cells):
                header_cells = cells
                break
            if cells:
                break
        columns: dict[str, int] = {}
        for index, cell in enumerate(header_cells):
            column = _attendance_column(cell.get("abbr") or inline_text(cell))
            if column is not None and column not in columns:
                columns[column] = index
        described = " ".join(
            part.lower() for part in (table.get("summary") or "", inline_text(table.find("caption"))) if part
        )
        named = "attendance" in described or "presenoldeb" in described
        if not named and not ("name" in columns and "attendance" in columns):
            continue
        found.append((table, columns))
    return found


def parse_attendance(body: bytes | str, *, url: str | None = None) -> tuple[Attendee, ...]:
    """``mgMeetingAttendance.aspx?ID=``: attendees from every attendance table on the page.

    Columns are matched by header text ("Attendee"/"Name", "Role", "Attendance"/"Status", "Attendance
    comment"), so installs that reorder or rename them parse; without headers the order is Attendee |
    Role | Attendance | Attendance comment, and a two-column table whose second column reads
    "Present"/"Apologies" is Attendee | Attendance. Raw attendance strings are kept ("Present",
    "Apologies", "Expected", "In attendance"). The member id is the ``UID`` of the name's
    ``mgUserInfo.aspx`` link; officers have none. A page without an attendance table (no attendance
    recorded yet) gives no attendees rather than an error.
    """
    root = modgov_root(body, url)
    attendees: list[Attendee] = []
    seen: set[tuple[str, str | None]] = set()
    for table, columns in _attendance_tables(root):
        for row in table.find_all("tr"):
            if row.find_parent("table") is not table:
                continue
            cells = [cell for cell in row.children if getattr(cell, "name", None) in ("td", "th")]
            if len(cells) < 2 or all(cell.name == "th" for cell in cells):
                continue  # header rows
            texts = [inline_text(cell) for cell in cells]
            if columns:
                mapping = columns
            elif len(cells) == 2 and _ATTENDANCE_WORDS.match(texts[1]):
                mapping = {"name": 0, "attendance": 1}
            else:
                mapping = {"name": 0, "role": 1, "attendance": 2}

            def cell_text(column: str) -> str | None:
                index = mapping.get(column)
                if index is None or index >= len(texts):
                    return None
                return texts[index] or None

            name = cell_text("name")
            if not name or _heading_key(name) in ("attendee", "attendees", "name", "member", "enw", "mynychwr"):
                continue  # a header row written with td cells
            name_cell = cells[mapping.get("name", 0)]
            link = next(
                (a for a in name_cell.find_all("a", href=True) if _page_name(a["href"]) == "mguserinfo.aspx"), None
            )
            member_id = _int_param(link["href"], "UID") if link is not None else None
            attendee = make_attendee(name, cell_text("role"), cell_text("attendance"), member_id=member_id)
            key = (attendee.name, attendee.role)
            if key in seen:
                continue
            seen.add(key)
            attendees.append(attendee)
    return tuple(attendees)


__all__ = ["parse_attendance"]

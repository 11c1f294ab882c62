"""The council's own page URLs for records (``source_url``), built one way for both parsing paths."""

from __future__ import annotations


def _base(base_url: str) -> str:
    return base_url.strip().rstrip("/")


def meeting_url(base_url: str, committee_id: int, meeting_id: int) -> str:
    """``{base}/ieListDocuments.aspx?CId=<cid>&MId=<mid>``: the meeting's agenda page."""
    return f"{_base(base_url)}/ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}"


def item_url(base_url: str, item_id: int) -> str:
    """``{base}/mgAi.aspx?ID=<id>``: the agenda item's own page."""
    return f"{_base(base_url)}/mgAi.aspx?ID={item_id}"


def attendance_url(base_url: str, meeting_id: int) -> str:
    return f"{_base(base_url)}/mgMeetingAttendance.aspx?ID={meeting_id}"


def meeting_list_url(base_url: str, committee_id: int, year: int) -> str:
    return f"{_base(base_url)}/ieListMeetings.aspx?CId={committee_id}&Year={year}"


__all__ = ["meeting_url", "item_url", "attendance_url", "meeting_list_url"]

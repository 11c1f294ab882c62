"""Pure parsers: ModernGov responses (web-service XML, HTML pages) -> ``scraper.records``.

No I/O here: every function takes the bytes of one response (plus the ids and base URL the caller
knows) and returns records or raises ``ParseError`` saying what was wrong. The crawler stores each
response before parsing it, so ``minutes reparse`` can run these again offline.

Two paths give equal records for the same meeting:
- web service: ``parse_committees``, ``parse_meetings``, ``parse_meeting``;
- HTML pages: ``parse_committee_list``, ``parse_meeting_list``, ``parse_meeting_page`` (+
  ``parse_attendance`` for attendees and ``parse_item_page`` for truncated minutes).

Both are built for the markup real installs serve, not only the reconstruction in GUIDE.md §6: the
quirks handled, and where each was seen, are tested in ``tests/parse/test_real_markup.py``, and
``tests/parse/test_tolerance.py`` checks that markup variants of one meeting give identical records.
Bodies are decoded by ``encoding.decode_body`` the way browsers read them before any parsing.
"""

from __future__ import annotations

from .challenge import detect_challenge
from .errors import NotWebServiceXML, ParseError
from .html_pages import (
    modgov_root,
    parse_attendance,
    parse_committee_list,
    parse_decision_detail,
    parse_decision_list,
    parse_item_page,
    parse_meeting_list,
    parse_meeting_page,
    query_params,
)
from .text import absolute_url, clean_inline, html_to_text, inline_text, tag_to_text
from .types import DecisionDetail, DecisionSummary, ParsedMeeting
from .urls import attendance_url, item_url, meeting_list_url, meeting_url
from .webservice import WS_ROOTS, parse_committees, parse_meeting, parse_meetings, ws_root

__all__ = [
    "ParseError",
    "NotWebServiceXML",
    "ParsedMeeting",
    "DecisionDetail",
    "DecisionSummary",
    "detect_challenge",
    "absolute_url",
    "clean_inline",
    "html_to_text",
    "inline_text",
    "tag_to_text",
    "WS_ROOTS",
    "ws_root",
    "parse_committees",
    "parse_meetings",
    "parse_meeting",
    "modgov_root",
    "query_params",
    "parse_committee_list",
    "parse_meeting_list",
    "parse_meeting_page",
    "parse_item_page",
    "parse_attendance",
    "parse_decision_detail",
    "parse_decision_list",
    "meeting_url",
    "item_url",
    "attendance_url",
    "meeting_list_url",
]

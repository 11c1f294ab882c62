"""Bounds on a search request, checked before any work is done (design.md §3.6).

Every refusal is a ``BadRequest`` whose message can be shown to a person as is (the web layer turns it
into HTTP 400, the CLI into one line on stderr). The web layer parses query-string text into numbers
and dates; this checks ranges and types, so the API is safe to call from anywhere.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from indexer.search_api import SORTS, BadRequest, SearchRequest
from indexer.settings import SearchSettings


def validate_request(r: SearchRequest, s: SearchSettings) -> None:
    """Raise ``BadRequest`` if ``r`` is outside the settings' bounds."""

    def is_int(v: Any) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    if not isinstance(r.q, str):
        raise BadRequest("the query must be text")
    if not is_int(r.page) or r.page < 1:
        raise BadRequest(f"page must be a whole number from 1 (got {r.page!r})")
    if not is_int(r.per_page) or not 1 <= r.per_page <= s.max_per_page:
        raise BadRequest(f"per_page must be between 1 and {s.max_per_page} (got {r.per_page!r})")
    if (r.page - 1) * r.per_page >= s.max_result_window:
        last = max(1, s.max_result_window // r.per_page)
        raise BadRequest(
            f"page {r.page} is past the last page shown ({last}); only the first "
            f"{s.max_result_window} results can be paged through: narrow the search"
        )
    if r.sort not in SORTS:
        raise BadRequest(f"unknown sort {r.sort!r}: use one of {', '.join(SORTS)}")
    for name in ("committee", "speaker", "topic", "council", "year"):
        vals = getattr(r, name)
        if not isinstance(vals, tuple):
            raise BadRequest(f"{name} filter must be a list of values")
        if len(vals) > s.max_filter_values:
            raise BadRequest(f"too many {name} values ({len(vals)}); at most {s.max_filter_values}")
        for v in vals:
            if name == "year":
                if not is_int(v) or not 1000 <= v <= 9999:
                    raise BadRequest(f"year must be a four-digit year (got {v!r})")
            elif not isinstance(v, str) or len(v) > 300:
                raise BadRequest(f"{name} values must be text of at most 300 characters")
    for name in ("date_from", "date_to"):
        v = getattr(r, name)
        if v is not None and not isinstance(v, date):
            raise BadRequest(f"{name} must be a date")
    if r.date_from and r.date_to and r.date_from > r.date_to:
        raise BadRequest("the 'from' date is after the 'to' date")
    if r.meeting is not None and (not isinstance(r.meeting, str) or len(r.meeting) > 300):
        raise BadRequest("meeting must be a meeting key")

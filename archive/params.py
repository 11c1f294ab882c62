"""Turn a URL's query string into a ``SearchRequest``, refusing anything out of bounds.

All search state lives in the URL (design.md §1), so this is the one place that reads it. Each
limit is a named setting (``archive.config``); breaking one raises ``BadRequest`` with a message
a person can act on, which the app turns into a 400 page or a JSON error, never a 500.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Mapping

from werkzeug.datastructures import MultiDict

from indexer.search_api import SORTS, BadRequest, SearchRequest

#: Filter parameters that take text values and may repeat (OR within one, AND across them).
TEXT_FILTERS = ("committee", "speaker", "topic", "council")
#: The longest single filter value accepted (committee names are long, but not this long).
MAX_FILTER_VALUE_LENGTH = 200
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


@dataclass(frozen=True)
class Limits:
    """The subset of the app config that bounds a search request."""

    page_size: int
    max_page_size: int
    max_page: int
    result_window: int
    max_filter_values: int
    max_query_length: int

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "Limits":
        return cls(
            page_size=int(config["PAGE_SIZE"]),
            max_page_size=int(config["MAX_PAGE_SIZE"]),
            max_page=int(config["MAX_PAGE"]),
            result_window=int(config["RESULT_WINDOW"]),
            max_filter_values=int(config["MAX_FILTER_VALUES"]),
            max_query_length=int(config["MAX_QUERY_LENGTH"]),
        )


def parse_search_args(args: MultiDict[str, str], limits: Limits) -> SearchRequest:
    """Validate the query string and build the request the engine will answer."""
    q = args.get("q", "").strip()
    if len(q) > limits.max_query_length:
        raise BadRequest(
            f"The search text is {len(q):,} characters long; the limit is "
            f"{limits.max_query_length:,}. Shorten it and try again."
        )
    filters = {name: _text_values(args, name, limits) for name in TEXT_FILTERS}
    years = tuple(_year(v) for v in _values(args, "year", limits))
    date_from = _date(args, "from")
    date_to = _date(args, "to")
    if date_from and date_to and date_from > date_to:
        raise BadRequest(
            f"The date range is back to front: 'from' ({date_from.isoformat()}) is after "
            f"'to' ({date_to.isoformat()})."
        )
    # Relevance also when browsing without words: the index then puts substantive items first,
    # newest first, and standing items (apologies, declarations) after them — as `minutes search` does.
    sort = args.get("sort", "").strip() or "relevance"
    if sort not in SORTS:
        raise BadRequest(f"Unknown sort {_shorten(sort)!r}: use one of {', '.join(SORTS)}.")
    per_page = _positive_int(args, "per_page", limits.page_size)
    if per_page > limits.max_page_size:
        raise BadRequest(f"per_page must be at most {limits.max_page_size}; got {per_page:,}.")
    page = _positive_int(args, "page", 1)
    if page > limits.max_page:
        raise BadRequest(f"page must be at most {limits.max_page}; got {page:,}. Narrow the search instead.")
    if page * per_page > limits.result_window:
        raise BadRequest(
            f"Only the first {limits.result_window:,} results can be paged through "
            f"(page {page:,} × {per_page} per page goes beyond that). Narrow the search instead."
        )
    return SearchRequest(
        q=q,
        committee=filters["committee"],
        speaker=filters["speaker"],
        topic=filters["topic"],
        council=filters["council"],
        year=years,
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        page=page,
        per_page=per_page,
    )


def parse_page(args: MultiDict[str, str], limits: Limits, per_page: int) -> int:
    """Just the ``page`` parameter, bounded like a search's (for history lists on record pages)."""
    page = _positive_int(args, "page", 1)
    if page > limits.max_page or page * per_page > limits.result_window:
        raise BadRequest(f"page must be at most {min(limits.max_page, limits.result_window // per_page)}; got {page:,}.")
    return page


def _values(args: MultiDict[str, str], name: str, limits: Limits) -> list[str]:
    values = [v.strip() for v in args.getlist(name) if v.strip()]
    if len(values) > limits.max_filter_values:
        raise BadRequest(
            f"Too many {name!r} values ({len(values)}); at most {limits.max_filter_values} may be selected at once."
        )
    return values


def _text_values(args: MultiDict[str, str], name: str, limits: Limits) -> tuple[str, ...]:
    values = _values(args, name, limits)
    for value in values:
        if len(value) > MAX_FILTER_VALUE_LENGTH:
            raise BadRequest(f"A {name!r} value is too long ({len(value):,} characters; the limit is {MAX_FILTER_VALUE_LENGTH}).")
    return tuple(dict.fromkeys(values))  # repeated identical values select once


def _year(raw: str) -> int:
    if not raw.isdigit() or not EARLIEST_YEAR <= int(raw) <= LATEST_YEAR:
        raise BadRequest(f"year must be a four-digit year; got {_shorten(raw)!r}.")
    return int(raw)


def _date(args: MultiDict[str, str], name: str) -> date | None:
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw) if len(raw) == 10 else _bad_date(name, raw)
    except ValueError:
        return _bad_date(name, raw)


def _bad_date(name: str, raw: str) -> date:
    raise BadRequest(f"{name!r} must be a date in YYYY-MM-DD form, like 2019-03-31; got {_shorten(raw)!r}.")


def _positive_int(args: MultiDict[str, str], name: str, default: int) -> int:
    raw = args.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit():
        raise BadRequest(f"{name} must be a whole number of 1 or more; got {_shorten(raw)!r}.")
    if len(raw) > 15:
        raise BadRequest(f"{name} is far too large ({len(raw)} digits).")
    if int(raw) < 1:
        raise BadRequest(f"{name} must be a whole number of 1 or more; got {raw}.")
    return int(raw)


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

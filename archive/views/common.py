"""What several blueprints share: reading the request into a search, and the selected filters."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, request

from archive.backend import get_backend
from archive.params import Limits, parse_search_args
from indexer.search_api import SearchPage, SearchRequest


def limits() -> Limits:
    return Limits.from_config(current_app.config)


def request_from_args() -> SearchRequest:
    return parse_search_args(request.args, limits())


def run_search(search: SearchRequest) -> SearchPage:
    return get_backend().search(search)


@dataclass(frozen=True)
class Chip:
    """One active filter, shown with a link that removes just it."""

    param: str
    label: str
    value: str
    remove_param_value: str  # the raw URL value to toggle off


def active_filters(search: SearchRequest) -> list[Chip]:
    chips = [
        Chip(name, name.capitalize(), str(value), str(value))
        for name in ("committee", "speaker", "topic", "council", "year")
        for value in getattr(search, name)
    ]
    if search.date_from:
        chips.append(Chip("from", "From", search.date_from.isoformat(), search.date_from.isoformat()))
    if search.date_to:
        chips.append(Chip("to", "To", search.date_to.isoformat(), search.date_to.isoformat()))
    return chips


def last_page(total: int, per_page: int) -> int:
    """The last reachable page, bounded by the result window and the page cap."""
    cfg = current_app.config
    reachable = min(total, int(cfg["RESULT_WINDOW"]))
    pages = max(1, -(-reachable // per_page))
    return min(pages, int(cfg["MAX_PAGE"]))

"""The search page: one box, results, facets, date range, sort, pagination, did-you-mean."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from archive.templating import page_numbers, year_in_query
from archive.urlstate import FILTER_PARAMS, current_state, query_string, tidy_url
from archive.views.common import active_filters, last_page, request_from_args, run_search
from indexer.search_api import BadRequest, SearchPage, SearchRequest

bp = Blueprint("search", __name__)


@bp.get("/")
def home() -> Response | str:
    """The front page is the search page; with no query it browses the newest items."""
    return results()


@bp.get("/search")
def results() -> Response | str:
    tidy = tidy_url()
    if tidy is not None:
        return redirect(tidy)
    search = request_from_args()
    page = run_search(search)
    last = last_page(page.total, search.per_page)
    has_filters = any(request.args.get(name, "").strip() for name in FILTER_PARAMS)
    return render_template(
        "search.html",
        search=search,
        page=page,
        chips=active_filters(search),
        has_filters=has_filters,
        browsing=not search.q and not has_filters,
        last_page=last,
        page_numbers=page_numbers(search.page, last),
        facet_size=int(current_app.config["FACET_SIZE"]),
        year_hint=_year_hint(search, page),
        canonical_url=_canonical(),
    )


def _canonical() -> str:
    """The search's own URL with its parameters in one order and nothing else, for rel=canonical."""
    qs = query_string(current_state())
    return url_for("search.results", _external=True) + (f"?{qs}" if qs else "")


def _year_hint(search: SearchRequest, page: SearchPage) -> dict[str, Any] | None:
    """'Prevent 2019' finds little (minutes rarely print the year): offer 'Prevent' in 2019.

    Offered when the year is not already a filter and the words alone, in that year, find something.
    """
    found = year_in_query(search.q)
    if not found:
        return None
    words, year = found
    if year in search.year:
        return None
    try:
        narrowed = run_search(replace(search, q=words, year=search.year + (year,), page=1, per_page=1,
                                      facets=False, highlight=False))
    except BadRequest:
        return None
    if narrowed.total == 0:
        return None
    state = current_state()
    state.setlist("q", [words])
    state.add("year", str(year))
    state.pop("page", None)
    return {"words": words, "year": year, "total": narrowed.total,
            "url": url_for("search.results") + "?" + query_string(state)}

"""The search page: one box, results, facets, date range, sort, pagination, did-you-mean."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from archive.templating import page_numbers
from archive.urlstate import FILTER_PARAMS
from archive.views.common import active_filters, last_page, request_from_args, run_search

bp = Blueprint("search", __name__)


@bp.get("/")
def home() -> str:
    """The front page is the search page; with no query it browses the newest items."""
    return results()


@bp.get("/search")
def results() -> str:
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
    )

"""Exports of any search: CSV (a bounded result set), Atom (newest first) and OpenSearch.

A feed reader subscribed to a search's Atom URL is an alert for new matching items. Entry ids are
derived from item ids alone, so they stay the same however often the feed is fetched or the
archive is re-indexed, and a reader never shows an item twice.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from dataclasses import replace
from datetime import date, datetime, time, timezone
from typing import Iterator

from flask import Blueprint, Response, current_app, render_template, request, url_for
from markupsafe import Markup

from archive.templating import citation
from archive.urlstate import current_state, query_string
from archive.views.common import request_from_args, run_search
from indexer.search_api import SearchHit, SearchRequest

bp = Blueprint("feeds", __name__)

#: ``citation`` is last so that readers of the earlier columns by position are unaffected.
CSV_COLUMNS = ("id", "title", "committee", "council", "date", "item_number", "url", "source_url", "speakers", "topics", "snippet", "citation")
#: Cells starting with these are read as formulas by spreadsheets (CSV injection); see OWASP.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/minutes-archive/minutes-archive")
_TAG = re.compile(r"<[^>]*>")


def neutralise_formula(cell: str) -> str:
    """Prefix a quote to cells a spreadsheet would evaluate, so exported text stays text."""
    return "'" + cell if cell.startswith(FORMULA_PREFIXES) else cell


def snippet_text(snippet_html: str) -> str:
    """The snippet as plain text: the highlight tags removed and entities decoded."""
    return str(Markup(_TAG.sub("", snippet_html)).unescape())


def _hits_for_export(search: SearchRequest, limit: int) -> Iterator[SearchHit]:
    """Up to ``limit`` hits, fetched a page at a time from the requested page onwards."""
    per_page = int(current_app.config["MAX_PAGE_SIZE"])
    first = (search.page - 1) * search.per_page
    page_number = first // per_page + 1
    skip = first % per_page
    sent = 0
    while sent < limit:
        if (page_number - 1) * per_page >= int(current_app.config["RESULT_WINDOW"]):
            return
        page = run_search(replace(search, page=page_number, per_page=per_page, facets=False, highlight=True))
        for hit in page.results[skip:]:
            yield hit
            sent += 1
            if sent >= limit:
                return
        if len(page.results) < per_page:
            return
        skip = 0
        page_number += 1


@bp.get("/search.csv")
def csv_export() -> Response:
    search = request_from_args()
    limit = int(current_app.config["CSV_MAX_ROWS"])
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for hit in _hits_for_export(search, limit):
        row = (
            hit.id,
            hit.title,
            hit.committee,
            hit.council,
            hit.date.isoformat() if hit.date else "",
            hit.item_number or "",
            url_for("pages.item", item_id=hit.id, _external=True),
            hit.source_url or "",
            "; ".join(hit.speakers),
            "; ".join(hit.topics),
            snippet_text(hit.snippet_html),
            citation(hit.council, hit.committee, hit.date, hit.item_number, hit.title, hit.source_url),
        )
        writer.writerow([neutralise_formula(str(cell)) for cell in row])
    name = _filename(search)
    return Response(
        "\ufeff" + buffer.getvalue(),  # a BOM so spreadsheet programs read UTF-8 correctly
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


@bp.get("/search.atom")
def atom() -> Response:
    search = replace(request_from_args(), sort="newest", page=1, per_page=int(current_app.config["FEED_SIZE"]), facets=False)
    page = run_search(search)
    state = current_state()
    for name in ("page", "sort", "per_page"):
        state.pop(name, None)
    qs = query_string(state)
    feed_key = qs or "all"
    entries = [
        {
            "hit": hit,
            "id": f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'item:' + hit.id)}",
            "updated": _timestamp(hit.date),
            "url": url_for("pages.item", item_id=hit.id, _external=True),
        }
        for hit in page.results
    ]
    updated = max((e["updated"] for e in entries), default=_timestamp(None))
    body = render_template(
        "feed.atom.xml",
        feed_id=f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'search:' + feed_key)}",
        title=_feed_title(search),
        self_url=request.url,
        html_url=url_for("search.results", _external=True) + (f"?{qs}" if qs else ""),
        updated=updated,
        entries=entries,
    )
    return Response(body, mimetype="application/atom+xml")


ROBOTS_TXT = """# Record pages are welcome; endless search/facet combinations and exports are not.
User-agent: *
Disallow: /search
Disallow: /api/
"""


@bp.get("/robots.txt")
def robots() -> Response:
    return Response(ROBOTS_TXT, mimetype="text/plain")


@bp.get("/opensearch.xml")
def opensearch() -> Response:
    body = render_template("opensearch.xml", root=url_for("search.home", _external=True))
    return Response(body, mimetype="application/opensearchdescription+xml")


def _timestamp(day: date | None) -> str:
    moment = datetime.combine(day or date(1970, 1, 1), time(0, 0), tzinfo=timezone.utc)
    return moment.isoformat().replace("+00:00", "Z")


def _feed_title(search: SearchRequest) -> str:
    parts = [f"“{search.q}”"] if search.q else []
    for name in ("committee", "speaker", "topic", "council"):
        values = getattr(search, name)
        if values:
            parts.append(f"{name}: {' or '.join(values)}")
    if search.year:
        parts.append("year: " + " or ".join(str(y) for y in search.year))
    if search.date_from:
        parts.append(f"from {search.date_from.isoformat()}")
    if search.date_to:
        parts.append(f"to {search.date_to.isoformat()}")
    site = current_app.config["SITE_NAME"]
    return f"{site}: {', '.join(parts)}" if parts else f"{site}: all new items"


def _filename(search: SearchRequest) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", search.q.lower()).strip("-")[:40]
    return f"minutes-{words}" if words else "minutes-search"

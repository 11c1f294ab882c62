"""The JSON shape of a search page (design.md §2, ``GET /api/search``), shared by the CLI's
``minutes search --json`` and the web API so the two can never drift apart."""

from __future__ import annotations

from typing import Any, Callable

from indexer.search_api import FACET_FIELDS, SearchHit, SearchPage


def default_item_url(item_id: str) -> str:
    """The archive's item page for an id (the web app's route ``/items/<id>``)."""
    return f"/items/{item_id}"


def hit_to_json(hit: SearchHit, item_url: Callable[[str], str] = default_item_url) -> dict[str, Any]:
    return {
        "id": hit.id,
        "title": hit.title,
        "committee": hit.committee,
        "council": hit.council,
        "date": hit.date.isoformat() if hit.date else None,
        "item_number": hit.item_number,
        "url": item_url(hit.id),
        "source_url": hit.source_url,
        "snippet_html": hit.snippet_html,
        "speakers": list(hit.speakers),
        "topics": list(hit.topics),
    }


def search_page_to_json(page: SearchPage, item_url: Callable[[str], str] = default_item_url) -> dict[str, Any]:
    request = page.request
    return {
        "query": request.q,
        "total": page.total,
        "page": request.page,
        "per_page": request.per_page,
        "results": [hit_to_json(h, item_url) for h in page.results],
        "facets": {
            name: [{"value": f.value, "count": f.count, "selected": f.selected} for f in page.facets[name]]
            for name in FACET_FIELDS
            if name in page.facets
        },
        "suggestion": page.suggestion,
    }

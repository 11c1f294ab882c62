"""The JSON shape of a search page (design.md §2, ``GET /api/search``), shared by the CLI's
``minutes search --json`` and the web API so the two can never drift apart."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from indexer.search_api import FACET_FIELDS, SearchHit, SearchPage

# Values listed per facet in the JSON: the web app's ``FACET_SIZE`` default (archive/config.py),
# which an instance's config.py may override for both (``minutes search`` reads it too). The engine
# may count more (the sidebar's "more" lists); the JSON lists this many plus any selected values.
API_FACET_SIZE = 15


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


def trim_facets(page: SearchPage, size: int) -> SearchPage:
    """``size`` values per facet, plus any selected ones."""
    facets = {name: tuple(fv for i, fv in enumerate(values) if i < size or fv.selected)
              for name, values in page.facets.items()}
    return replace(page, facets=facets)


def search_page_to_json(page: SearchPage, item_url: Callable[[str], str] = default_item_url,
                        facet_size: int | None = API_FACET_SIZE) -> dict[str, Any]:
    """The ``GET /api/search`` object; facets trimmed to ``facet_size`` (None: as counted)."""
    if facet_size is not None:
        page = trim_facets(page, facet_size)
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

"""JSON shapes of the HTTP API (design.md §2): a search page and a whole item."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any, Callable

from indexer.search_api import FACET_FIELDS, ItemDetail, SearchHit, SearchPage


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def hit_json(hit: SearchHit, item_url: Callable[[str], str]) -> dict[str, Any]:
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


def search_page_json(page: SearchPage, item_url: Callable[[str], str]) -> dict[str, Any]:
    request = page.request
    return {
        "query": request.q,
        "total": page.total,
        "page": request.page,
        "per_page": request.per_page,
        "results": [hit_json(hit, item_url) for hit in page.results],
        "facets": {
            name: [{"value": fv.value, "count": fv.count, "selected": fv.selected} for fv in page.facets.get(name, ())]
            for name in FACET_FIELDS
            if name in page.facets
        },
        "suggestion": page.suggestion,
    }


def item_json(item: ItemDetail, item_url: Callable[[str], str]) -> dict[str, Any]:
    data = _plain(dataclasses.asdict(item))
    data["url"] = item_url(item.id)
    return data

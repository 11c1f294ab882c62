"""JSON shapes of the HTTP API (design.md §2).

A search page is serialised by ``indexer.serialize`` (shared with ``minutes search --json``, so the
CLI and ``GET /api/search`` print the same object, including the item ``url`` relative to the
archive's root); a whole item, for ``GET /api/items/<id>``, here.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from indexer.search_api import ItemDetail
from indexer.serialize import default_item_url


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def item_json(item: ItemDetail) -> dict[str, Any]:
    data = _plain(dataclasses.asdict(item))
    data["url"] = default_item_url(item.id)
    return data

"""The JSON API: ``/api/search`` (same parameters as ``/search``) and ``/api/items/<id>``."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, Response, abort, current_app, jsonify

from archive.backend import get_backend
from archive.serialize import item_json, search_page_json
from archive.views.common import request_from_args, run_search
from indexer.search_api import SearchPage

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search() -> Response:
    return jsonify(search_page_json(trim_facets(run_search(request_from_args()), int(current_app.config["FACET_SIZE"]))))


def trim_facets(page: SearchPage, size: int) -> SearchPage:
    """``size`` values per facet, plus any selected ones (the engine counts more for the sidebar's "more" lists)."""
    facets = {name: tuple(fv for i, fv in enumerate(values) if i < size or fv.selected) for name, values in page.facets.items()}
    return replace(page, facets=facets)


@bp.get("/items/<path:item_id>")
def item(item_id: str) -> Response:
    detail = get_backend().get_item(item_id)
    if detail is None:
        abort(404, description=f"No item with id {item_id!r} in the archive.")
    return jsonify(item_json(detail))

"""The JSON API: ``/api/search`` (same parameters as ``/search``) and ``/api/items/<id>``."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify

from archive.backend import get_backend
from archive.serialize import item_json
from archive.views.common import request_from_args, run_search
from indexer.serialize import search_page_to_json

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search() -> Response:
    # The one serialiser shared with ``minutes search --json`` (facets trimmed there too).
    return jsonify(search_page_to_json(run_search(request_from_args()), facet_size=int(current_app.config["FACET_SIZE"])))


@bp.get("/items/<path:item_id>")
def item(item_id: str) -> Response:
    detail = get_backend().get_item(item_id)
    if detail is None:
        abort(404, description=f"No item with id {item_id!r} in the archive.")
    return jsonify(item_json(detail))

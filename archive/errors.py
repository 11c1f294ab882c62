"""Every failure becomes a clear page (or ``{"error": ...}`` under ``/api/``), never a traceback.

Bad input is the visitor's to fix (400 with what was wrong); unknown ids are 404; a missing or
out-of-date index is the operator's to fix (503 naming the command to run).
"""

from __future__ import annotations

import logging

from flask import Flask, Response, current_app, jsonify, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from indexer.search_api import BadRequest, IndexMissing, IndexSchemaMismatch, SearchError

log = logging.getLogger(__name__)


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, message: str, *, title: str | None = None, template: str = "error.html") -> Response:
    if wants_json():
        response = jsonify({"error": message})
    else:
        response = Response(render_template(template, status=status, title=title or _TITLES.get(status, "Error"),
                                            message=message, retry_url=_retry_url(status)))
    response.status_code = status
    if status == 503:
        response.headers["Retry-After"] = "60"
    return response


def _retry_url(status: int) -> str | None:
    """For a refused search, the same words with none of the settings that were refused."""
    if status != 400 or request.endpoint not in ("search.results", "search.home", "feeds.csv_export", "feeds.atom"):
        return None
    q = request.args.get("q", "").strip()
    if not q or len(q) > current_app.config["MAX_QUERY_LENGTH"]:
        return None
    return url_for("search.results", q=q)


_TITLES = {
    400: "That request could not be answered",
    404: "Not found",
    405: "Method not allowed",
    500: "Something went wrong",
    503: "The search index is not available",
}


def init_errors(app: Flask) -> None:
    @app.errorhandler(BadRequest)
    def bad_request(error: BadRequest) -> Response:
        return error_response(400, str(error) or "Bad request.")

    @app.errorhandler(IndexMissing)
    def index_missing(_error: IndexMissing) -> Response:
        return error_response(
            503,
            "There is no search index yet. Harvest a council with 'minutes crawl URL' and build the "
            "index with 'minutes index' (or try 'minutes demo'), then reload this page.",
            title="No search index yet",
            template="index_missing.html",
        )

    @app.errorhandler(IndexSchemaMismatch)
    def schema_mismatch(_error: IndexSchemaMismatch) -> Response:
        return error_response(
            503,
            "The search index was built by another version of Minutes Archive. "
            "Run 'minutes index --rebuild', then reload this page.",
            title="The search index needs rebuilding",
            template="index_missing.html",
        )

    @app.errorhandler(SearchError)
    def search_error(error: SearchError) -> Response:
        log.warning("search unavailable: %s", error)
        return error_response(503, "The search index is busy or unavailable; try again in a minute.")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        status = error.code or 500
        if status == 404 and error.description == type(error).description:
            message = "There is no page at this address. It may have been mistyped, or the item is not in the archive."
        else:
            message = error.description or _TITLES.get(status, "Error")
        response = error_response(status, message)
        if status == 405:
            response.headers["Allow"] = ", ".join(getattr(error, "valid_methods", None) or ["GET", "HEAD"])
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        log.exception("unhandled error on %s", request.path)
        return error_response(500, "Something went wrong on our side. The error has been logged.")

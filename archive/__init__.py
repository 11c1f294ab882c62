"""The web application: search pages, item/meeting/person pages, JSON API and feeds.

It only reads, through ``indexer.search_api``. ``create_app`` is the Flask app factory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from flask import Flask

from scraper.settings import InstancePaths, resolve_instance

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
#: Limits that must be whole numbers of 1 or more (``archive.config`` documents each).
WHOLE_NUMBER_LIMITS = (
    "PAGE_SIZE", "MAX_PAGE_SIZE", "MAX_PAGE", "RESULT_WINDOW", "FACET_SIZE", "FACET_LIST_SIZE", "MAX_FILTER_VALUES",
    "MAX_QUERY_LENGTH", "CSV_MAX_ROWS", "FEED_SIZE", "HISTORY_PAGE_SIZE", "RELATED_ITEMS", "COMMITMENTS_PAGE_SIZE",
)


def check_limits(config: Mapping[str, Any]) -> None:
    """Refuse a misconfigured limit at start-up, naming it, rather than fail on the first request."""
    for name in WHOLE_NUMBER_LIMITS:
        value = config.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a whole number of 1 or more; got {value!r}")
    if config["PAGE_SIZE"] > config["MAX_PAGE_SIZE"]:
        raise ValueError(f"PAGE_SIZE ({config['PAGE_SIZE']}) is larger than MAX_PAGE_SIZE ({config['MAX_PAGE_SIZE']})")
    limit = config.get("QUERY_TIME_LIMIT")
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or limit < 0:
        raise ValueError(f"QUERY_TIME_LIMIT must be a number of seconds; got {limit!r}")


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults from ``archive.config``, then ``instance/config.py``, then ``test_config``.

    ``test_config`` may set ``INSTANCE_PATH`` (the instance folder; default: the CLI's, from
    ``scraper.settings.resolve_instance``) and ``SEARCH_BACKEND_OPENER`` (a zero-argument callable
    returning a ``SearchBackend``; default: open the Whoosh index in the instance folder).
    """
    test_config = dict(test_config or {})
    instance_root = Path(test_config.get("INSTANCE_PATH") or resolve_instance().root)
    app = Flask(
        __name__,
        instance_path=str(instance_root),
        instance_relative_config=True,
        template_folder=str(TEMPLATES_DIR),
    )
    app.config.from_object("archive.config")
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(test_config)
    app.config["INSTANCE_PATHS"] = InstancePaths(instance_root)
    check_limits(app.config)
    app.json.sort_keys = False  # keep the documented key order of API objects
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    from archive import backend, errors, security, templating
    from archive.views import api, feeds, pages, registers, search

    backend.init_backend(app, test_config.get("SEARCH_BACKEND_OPENER"))
    security.init_security(app)
    errors.init_errors(app)
    templating.init_templating(app)
    for blueprint in (search.bp, pages.bp, registers.bp, api.bp, feeds.bp):
        app.register_blueprint(blueprint)
    return app

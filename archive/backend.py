"""One search backend per process, opened on first use and shared by every request thread.

Opening a Whoosh index costs tens of milliseconds and the engine's searcher is thread-safe for
reads, so the app opens it once, lazily (so the app starts, and can say "run minutes index",
even before an index exists), and reuses it. A failed open is not cached: once the operator runs
``minutes index`` the next request succeeds without restarting the server.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, Mapping

from flask import Flask, current_app

from indexer.search_api import SearchBackend

Opener = Callable[[], SearchBackend]
_EXTENSION_KEY = "minutes_backend"


class BackendHolder:
    """Opens the backend at most once (double-checked locking) and hands the same one out."""

    def __init__(self, opener: Opener) -> None:
        self._opener = opener
        self._lock = threading.Lock()
        self._backend: SearchBackend | None = None

    def get(self) -> SearchBackend:
        backend = self._backend
        if backend is not None:
            return backend
        with self._lock:
            if self._backend is None:
                self._backend = self._opener()  # IndexMissing etc. propagate and are not cached
            return self._backend

    def close(self) -> None:
        with self._lock:
            backend, self._backend = self._backend, None
        close = getattr(backend, "close", None)
        if callable(close):
            close()


def search_settings(config: Mapping[str, Any]):
    """The engine's limits from the app's named limits, so both refuse the same requests.

    Any ``SEARCH_<NAME>`` key in the config (e.g. ``SEARCH_ALLOW_WILDCARDS = True``) overrides the
    corresponding ``indexer.settings.SearchSettings`` field directly.
    """
    from dataclasses import replace

    from indexer.settings import SearchSettings

    base = SearchSettings(
        default_per_page=int(config["PAGE_SIZE"]),
        max_per_page=int(config["MAX_PAGE_SIZE"]),
        max_result_window=int(config["RESULT_WINDOW"]),
        max_filter_values=int(config["MAX_FILTER_VALUES"]),
        facet_size=max(int(config["FACET_SIZE"]), int(config.get("FACET_LIST_SIZE", 0))),
        time_limit_ms=int(float(config["QUERY_TIME_LIMIT"]) * 1000),
        max_query_chars=int(config["MAX_QUERY_LENGTH"]),
    )
    overrides = SearchSettings.from_mapping(config)
    changed = {f: getattr(overrides, f) for f in base.__dataclass_fields__
               if f"SEARCH_{f.upper()}" in config}
    return replace(base, **changed)


def default_opener(app: Flask) -> Opener:
    """Open the real (Whoosh) index in the instance folder."""

    def open_index() -> SearchBackend:
        from indexer.engine import open_search  # imported late: keeps app start cheap

        return open_search(app.config["INSTANCE_PATHS"], search_settings(app.config))

    return open_index


def init_backend(app: Flask, opener: Opener | None = None) -> None:
    app.extensions[_EXTENSION_KEY] = BackendHolder(opener or default_opener(app))


def get_backend() -> SearchBackend:
    """The backend for the current app; raises ``IndexMissing`` when no index exists yet."""
    holder: BackendHolder = current_app.extensions[_EXTENSION_KEY]
    return holder.get()

"""Open the search backend for an instance folder: the one entry point ``archive`` calls."""

from __future__ import annotations

from indexer.whoosh_backend import WhooshBackend, open_search

__all__ = ["open_search", "WhooshBackend"]

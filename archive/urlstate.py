"""Links that change one piece of search state and keep the rest (all state lives in the URL).

Facet toggles, clear-one, clear-all, sort and pagination are plain links built here, so the
search page works without JavaScript and every view is a permalink the back button understands.
Changing the result set (a filter, the query) always returns to page 1.
"""

from __future__ import annotations

from typing import Iterable
from urllib.parse import urlencode

from flask import request, url_for
from werkzeug.datastructures import MultiDict

#: Parameters that define the result set (clearing "all filters" removes these, keeps q and sort).
FILTER_PARAMS = ("committee", "speaker", "topic", "council", "year", "from", "to")
STATE_PARAMS = ("q",) + FILTER_PARAMS + ("sort", "per_page", "page")


#: The commitments register's own parameters (its pagination must keep its filters).
REGISTER_PARAMS = ("q", "committee", "who", "strength", "status", "due_before", "page")


def current_state() -> MultiDict[str, str]:
    """The request's search (or register) parameters without empty values or unknown names."""
    state: MultiDict[str, str] = MultiDict()
    names = REGISTER_PARAMS if request.endpoint == "registers.commitments" else STATE_PARAMS
    for name in names:
        for value in request.args.getlist(name):
            if value.strip():
                state.add(name, value)
    return state


def query_string(state: MultiDict[str, str]) -> str:
    return urlencode(list(state.items(multi=True)))


def _link(state: MultiDict[str, str], endpoint: str | None = None, **values: str) -> str:
    base = url_for(endpoint or request.endpoint or "search.results", **values)
    qs = query_string(state)
    return f"{base}?{qs}" if qs else base


def toggle_filter_url(name: str, value: object) -> str:
    """Select ``value`` in facet ``name`` if unselected, else unselect it (multi-select)."""
    state = current_state()
    state.pop("page", None)
    text = str(value)
    selected = state.getlist(name)
    state.setlist(name, [v for v in selected if v != text] if text in selected else selected + [text])
    return _link(state, "search.results")


def clear_filters_url() -> str:
    state = current_state()
    for name in FILTER_PARAMS + ("page",):
        state.pop(name, None)
    return _link(state, "search.results")


def with_args_url(endpoint: str | None = None, drop: Iterable[str] = (), **changes: object) -> str:
    """The current URL with some parameters replaced (``None`` removes one)."""
    state = current_state()
    for name in drop:
        state.pop(name, None)
    for name, value in changes.items():
        if value is None:
            state.pop(name, None)
        else:
            state.setlist(name, [str(value)])
    view_args = dict(request.view_args or {}) if endpoint is None else {}
    return _link(state, endpoint, **view_args)


def page_url(page: int) -> str:
    return with_args_url(page=None if page == 1 else page)


def search_state_url(endpoint: str, **values: object) -> str:
    """``endpoint`` with the current search state attached (an item opened from a result list
    keeps the list's words, filters, sort and page, so "Back to results" returns to that list)."""
    return _link(current_state(), endpoint, **values)


def has_search_state() -> bool:
    return any(name in request.args for name in ("q",) + FILTER_PARAMS)


def tidy_url() -> str | None:
    """The request's URL without empty parameters, or None when it has none.

    A GET form sends every field, so applying one filter yields ``?q=x&committee=&who=&…``;
    redirecting to the tidy URL keeps permalinks short and the address bar readable.
    """
    args = request.args
    if not any(not v.strip() for v in args.values()) and "" not in args:
        return None
    kept = [(k, v) for k, v in args.items(multi=True) if k and v.strip()]
    return request.path + (f"?{urlencode(kept)}" if kept else "")

"""The web app's settings: named limits with documented defaults (design.md §3.6).

Every limit a visitor's request can push against lives here, so an operator can see and change
it in one place (``instance/config.py`` overrides any of these names). Exceeding a limit gives a
clear 400, never a slow page or a 500.
"""

from __future__ import annotations

#: Results per page when the request does not say.
PAGE_SIZE = 20

#: The largest ``per_page`` a visitor may ask for (HTML, JSON and feeds).
MAX_PAGE_SIZE = 100

#: The deepest page number accepted; deeper pages are refused rather than computed.
MAX_PAGE = 500

#: Results reachable by paging: ``page * per_page`` may not exceed this (like Elasticsearch's
#: ``index.max_result_window``); narrow the search instead of paging further.
RESULT_WINDOW = 1_000

#: Values shown per facet in the sidebar (the engine may count more).
FACET_SIZE = 15

#: Values per facet the engine counts; those past ``FACET_SIZE`` are listed under "more" in the
#: sidebar (a plain <details>, so it works without JavaScript). The JSON API lists ``FACET_SIZE``.
FACET_LIST_SIZE = 100

#: How many values one filter parameter may select (``committee=a&committee=b…``).
MAX_FILTER_VALUES = 20

#: The longest query string accepted, in characters.
MAX_QUERY_LENGTH = 500

#: A search stops after this many seconds and returns what it has, flagged as partial.
#: (Any ``SEARCH_<NAME>`` key overrides the engine's ``indexer.settings.SearchSettings`` field of
#: that name directly, e.g. ``SEARCH_ALLOW_WILDCARDS = True``.)
QUERY_TIME_LIMIT = 2.0

#: Rows in one CSV export (a bounded result set; page through with ``page=`` for more).
CSV_MAX_ROWS = 1_000

#: Entries in one Atom feed.
FEED_SIZE = 50

#: Items shown on a person, topic or committee page per page of history.
HISTORY_PAGE_SIZE = 50

#: Related items shown on an item page (Whoosh more-like-this).
RELATED_ITEMS = 5

#: Rows on one page of the commitments register.
COMMITMENTS_PAGE_SIZE = 100

#: The name shown in the header, the OpenSearch description and the Atom feed.
SITE_NAME = "Minutes Archive"

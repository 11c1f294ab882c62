"""Named search limits with documented defaults (design.md §3.6: limits are settings).

The web app builds one ``SearchSettings`` from its config (keys ``SEARCH_<NAME>`` upper-cased, e.g.
``SEARCH_TIME_LIMIT_MS``) and passes it to ``open_search``; the CLI uses the defaults. Exceeding a
limit degrades gracefully: requests beyond a bound get ``BadRequest`` with a clear message; a query
that runs out of time returns what it has, flagged ``partial``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping


@dataclass(frozen=True)
class SearchSettings:
    default_per_page: int = 20
    max_per_page: int = 100
    max_result_window: int = 1000  # no page may reach past the first N results
    max_filter_values: int = 20  # per facet (committee, speaker, ...)
    facet_size: int = 20  # values returned per facet (selected values are always included)
    time_limit_ms: int = 1500  # per query; partial results past it
    refresh_interval_s: float = 1.0  # how often a reader checks for a newer index
    allow_wildcards: bool = False  # plan* and pl?n
    allow_fuzzy: bool = False  # plannign~
    allow_ranges: bool = False  # year:[2018 TO 2020], date:[2018-01-01 TO *], year:2018..2020
    allow_regex: bool = False  # /pl[ae]n.*/ over words (safe subset: no groups, <= 6 quantifiers)
    max_query_chars: int = 1000  # longer input is truncated, not refused
    max_query_terms: int = 32
    max_expansions: int = 64  # terms one wildcard/fuzzy word may expand to
    # Candidates (items with every word pair) one quoted phrase of 3+ words checks against its
    # text (a few µs each), best first; beyond it the rest are dropped and the page is flagged
    # partial. The time limit applies as well.
    max_phrase_verify: int = 100_000
    suggest_below: int = 3  # offer "did you mean" when fewer hits than this
    snippet_chars: int = 240
    procedural_weight: float = 0.25  # relevance multiplier for standing items (indexer.procedural)
    commit_every: int = 20000  # incremental builds commit after this many changed items

    @classmethod
    def from_mapping(cls, config: Mapping[str, Any], prefix: str = "SEARCH_") -> "SearchSettings":
        """Settings from a Flask-style config mapping (unknown keys ignored, types checked)."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            key = prefix + f.name.upper()
            if key in config:
                default = getattr(cls, f.name)
                raw = config[key]
                values[f.name] = type(default)(raw) if not isinstance(default, bool) else bool(raw)
        return cls(**values)

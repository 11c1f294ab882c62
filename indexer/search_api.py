"""The read-only search API: the only thing ``archive`` (the web app) knows about the index.

``SearchBackend`` is the small interface a search engine implements (Whoosh today; a second engine
such as OpenSearch later) and the contract tests run against. Requests and answers are frozen
dataclasses so the web layer cannot reach into engine objects. Bad input raises ``BadRequest``
with a message fit to show a person; the web layer turns it into HTTP 400.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Iterator, Protocol

SORTS = ("relevance", "newest", "oldest")
FACET_FIELDS = ("committee", "speaker", "topic", "council", "year")


class SearchError(Exception):
    """Base class for search failures that are not the caller's fault."""


class BadRequest(ValueError):
    """The request cannot be answered as asked (bad page, unknown sort, too many filter values…)."""


class IndexBusy(SearchError):
    """Another process holds the index's write lock."""


class IndexSchemaMismatch(SearchError):
    """The index on disk was built by another schema version and must be rebuilt."""


class IndexMissing(SearchError):
    """No index exists yet in the instance folder."""


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    committee: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    council: tuple[str, ...] = ()
    year: tuple[int, ...] = ()
    meeting: str | None = None  # a meeting key, for the meeting page
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    facets: bool = True
    highlight: bool = True


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class SearchHit:
    id: str  # stable item key "<site>/item/<id>"
    title: str
    committee: str
    council: str
    date: date | None
    item_number: str | None
    source_url: str | None
    snippet_html: str  # escaped text; matches wrapped in <mark>; nothing else is markup
    speakers: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    meeting_id: str | None = None  # meeting key
    score: float = 0.0


@dataclass(frozen=True)
class SearchPage:
    request: SearchRequest
    total: int
    results: tuple[SearchHit, ...]
    facets: dict[str, tuple[FacetValue, ...]] = field(default_factory=dict)
    suggestion: str | None = None
    partial: bool = False  # the time limit cut the search short
    elapsed_ms: float = 0.0


@dataclass(frozen=True)
class ItemDetail:
    """Everything the item page and ``/api/items/<id>`` show, read from the index alone."""

    id: str
    title: str
    committee: str
    committee_id: str  # committee key
    council: str
    date: date | None
    item_number: str | None
    position: int
    agenda_text: str
    minutes_text: str
    decision_text: str
    restricted: bool
    source_url: str | None
    meeting: dict[str, Any]  # key, date, time, venue, status, source_url, attendees[{name, role, attendance}]
    speakers: tuple[dict[str, Any], ...] = ()  # extract JSON shape
    decisions: tuple[dict[str, Any], ...] = ()
    commitments: tuple[dict[str, Any], ...] = ()
    documents: tuple[dict[str, Any], ...] = ()  # {title, url}
    topics: tuple[str, ...] = ()
    keyphrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CommitmentRow:
    item_id: str
    item_title: str
    committee: str
    council: str
    meeting_date: date | None
    text: str
    who: str | None
    due: date | None
    due_text: str | None
    strength: str


@dataclass(frozen=True)
class CoverageRow:
    council: str
    site: str
    meetings: int
    items: int
    first_date: date | None
    last_date: date | None
    last_harvested: str | None  # ISO timestamp of the newest capture indexed


class SearchBackend(Protocol):
    """The engine interface. Writes go through one indexer process; reads are thread-safe."""

    # writing
    def index(self, docs: Iterable[dict[str, Any]]) -> None: ...
    def delete(self, ids: Iterable[str]) -> None: ...
    def commit(self) -> None: ...

    # reading
    def search(self, request: SearchRequest) -> SearchPage: ...
    def get_item(self, item_id: str) -> ItemDetail | None: ...
    def more_like_this(self, item_id: str, limit: int = 5) -> tuple[SearchHit, ...]: ...
    def commitments(
        self,
        committee: tuple[str, ...] = (),
        who: str | None = None,
        strength: str | None = None,
        due_before: date | None = None,
    ) -> Iterator[CommitmentRow]: ...
    def coverage(self) -> tuple[CoverageRow, ...]: ...

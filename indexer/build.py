"""``minutes index``: bring the index up to date with the archive store.

Incremental by default: each item's fingerprint (its records + extractor version + schema version,
``documents.fingerprint``) is compared with the one stored in the index; only new or changed items
are enriched and rewritten, and items gone from the archive are deleted. ``rebuild=True`` builds a
complete new generation beside the live index and swaps it in atomically (``layout``).

Only one process writes (``IndexBusy`` for a second one). Bulk work happens here, in the CLI
process, never inside the web server.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from scraper.records import ArchivedItem
from scraper.settings import InstancePaths

from indexer import layout
from indexer.documents import build_document, fingerprint
from indexer.extract.model import Extraction
from indexer.search_api import IndexSchemaMismatch
from indexer.settings import SearchSettings
from indexer.whoosh_backend import WhooshBackend

log = logging.getLogger(__name__)

Progress = Callable[[int], None]
Enricher = Callable[[ArchivedItem], Extraction]


class BuildError(Exception):
    """The build cannot start (no archive, unreadable taxonomy...): one line for the person."""


class ArchiveMissing(BuildError):
    """There is no archive database to index yet."""


@dataclass(frozen=True)
class IndexSummary:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    enrich_failed: int = 0
    seconds: float = 0.0
    rebuilt: bool = False
    total: int = 0  # documents in the index afterwards
    warnings: tuple[str, ...] = field(default=())

    def headline(self) -> str:
        rate = ""
        written = self.added + self.updated
        if written and self.seconds > 0:
            rate = f", {written / self.seconds:,.0f} items/s"
        text = (
            f"{self.added} added, {self.updated} updated, {self.deleted} deleted, "
            f"{self.unchanged} unchanged in {self.seconds:.1f} s{rate}"
        )
        if self.rebuilt:
            text = "rebuilt: " + text
        if self.enrich_failed:
            text += f" ({self.enrich_failed} items indexed without enrichment: extraction failed)"
        return text


def default_enricher(paths: InstancePaths | None = None) -> tuple[Enricher, str, list[str]]:
    """The extraction stage's ``enrich`` with the deployment's taxonomy, plus a fingerprint token
    for the taxonomy (editing topics.toml re-enriches everything) and any warnings."""
    warnings: list[str] = []
    try:
        from indexer.extract import enrich  # type: ignore[attr-defined]
    except ImportError:
        warnings.append("the extraction stage is not available: items indexed without speakers and topics")
        return (lambda _a: Extraction()), "no-extract", warnings

    taxonomy: Any = None
    token = ""
    if paths is not None and paths.taxonomy_file.is_file():
        data = paths.taxonomy_file.read_bytes()
        token = hashlib.sha256(data).hexdigest()[:12]
        try:
            from indexer.extract import TaxonomyError, load_taxonomy  # type: ignore[attr-defined]
        except ImportError:
            taxonomy = None
        else:
            try:
                taxonomy = load_taxonomy(paths.taxonomy_file)
            except TaxonomyError as exc:
                raise BuildError(str(exc)) from None
    if taxonomy is None:
        return (lambda a: enrich(a)), token, warnings
    return (lambda a: enrich(a, taxonomy)), token, warnings


class _Counter:
    def __init__(self) -> None:
        self.failed = 0


def _documents(items: Iterable[ArchivedItem], enricher: Enricher, extra: str, counter: _Counter,
               progress: Progress | None) -> Iterator[dict[str, Any]]:
    for archived in items:
        yield _document(archived, enricher, fingerprint(archived, extra), counter)
        if progress:
            progress(1)


def _document(archived: ArchivedItem, enricher: Enricher, fp: str, counter: _Counter) -> dict[str, Any]:
    try:
        extraction = enricher(archived)
    except Exception:  # one bad item must not stop the build, nor be lost from the index
        log.exception("extraction failed for %s", archived.key)
        counter.failed += 1
        extraction = Extraction()
    return build_document(archived, extraction, fp)


def index_items(
    backend: WhooshBackend,
    items: Callable[[], Iterable[ArchivedItem]],
    *,
    rebuild: bool = False,
    enricher: Enricher | None = None,
    enrich_token: str = "",
    site_meta: dict[str, dict[str, Any]] | None = None,
    progress: Progress | None = None,
    commit_every: int | None = None,
    procs: int = 1,
) -> IndexSummary:
    """Index ``items()`` (a callable so a rebuild can re-read the source) into ``backend``.

    The backend's write lock is held for the whole run. ``IndexBusy`` if another writer holds it;
    ``IndexSchemaMismatch`` if the live index needs ``rebuild=True``.
    """
    started = time.perf_counter()
    enricher = enricher or (lambda _a: Extraction())
    commit_every = commit_every or backend.settings.commit_every
    counter = _Counter()
    meta = {"sites": site_meta or {}}
    backend.hold_write_lock()
    try:
        if not rebuild and layout.current_generation(backend.index_dir) is None:
            rebuild = True  # first build: nothing to be incremental against
        if rebuild:
            count = 0

            def counted() -> Iterator[ArchivedItem]:
                nonlocal count
                seen: set[str] = set()
                for a in items():
                    if a.key in seen:  # one document per item, whatever the source yields
                        continue
                    seen.add(a.key)
                    count += 1
                    yield a

            if procs > 1:
                def to_docs(batch: list[ArchivedItem]) -> list[dict[str, Any]]:  # runs in a worker
                    return [_document(a, enricher, fingerprint(a, enrich_token), counter) for a in batch]

                backend.rebuild_parallel(counted(), to_docs, procs=procs, meta=meta, progress=progress)
            else:
                backend.rebuild(_documents(counted(), enricher, enrich_token, counter, progress), meta=meta)
            return IndexSummary(added=count, enrich_failed=counter.failed, rebuilt=True,
                                seconds=time.perf_counter() - started, total=backend.snapshot().doc_count)

        existing = backend.existing_fingerprints()  # raises IndexSchemaMismatch on an old index
        seen: set[str] = set()
        added = updated = unchanged = pending = 0
        for archived in items():
            key = archived.key
            if key in seen:
                continue
            seen.add(key)
            fp = fingerprint(archived, enrich_token)
            old = existing.get(key)
            if old == fp:
                unchanged += 1
            else:
                doc = _document(archived, enricher, fp, counter)
                if old is None:
                    backend.add_new([doc])
                    added += 1
                else:
                    backend.index([doc])
                    updated += 1
                pending += 1
                if pending >= commit_every:
                    backend.commit()  # every completed commit survives a crash
                    pending = 0
            if progress:
                progress(1)
        gone = [k for k in existing if k not in seen]
        if gone:
            backend.delete(gone)
        backend.set_meta(**meta)
        backend.commit()
        return IndexSummary(added=added, updated=updated, deleted=len(gone), unchanged=unchanged,
                            enrich_failed=counter.failed, seconds=time.perf_counter() - started,
                            total=backend.snapshot().doc_count)
    finally:
        backend.release()


def update_index(
    paths: InstancePaths,
    rebuild: bool = False,
    progress: Progress | None = None,
    settings: SearchSettings | None = None,
    procs: int = 1,
) -> IndexSummary:
    """``minutes index [--rebuild]`` as a library call: archive store -> enrich -> index."""
    if not paths.archive_db.is_file():
        raise ArchiveMissing(f"no archive at {paths.archive_db}: run minutes crawl first")
    from scraper.store import ArchiveStore

    enricher, token, warnings = default_enricher(paths)
    backend = WhooshBackend(paths.index_dir, settings)
    with ArchiveStore(paths.archive_db, readonly=True) as store:
        site_meta: dict[str, dict[str, Any]] = {}
        for site in store.sites():
            harvested = store.last_harvested(site.key)
            site_meta[site.key] = {
                "council": site.name,
                "base_url": site.base_url,
                "last_harvested": harvested.isoformat(timespec="seconds") if harvested else None,
            }
        summary = index_items(
            backend,
            lambda: store.iter_archived_items(),
            rebuild=rebuild,
            enricher=enricher,
            enrich_token=token,
            site_meta=site_meta,
            progress=progress,
            procs=procs,
        )
    if warnings:
        summary = IndexSummary(**{**summary.__dict__, "warnings": tuple(warnings)})
    return summary


def count_items(paths: InstancePaths) -> int | None:
    """How many items the archive holds (for the progress bar), or None if unknown."""
    try:
        from scraper.store import ArchiveStore

        with ArchiveStore(paths.archive_db, readonly=True) as store:
            return int(store.counts().get("items", 0))
    except Exception:
        return None


__all__ = ["IndexSummary", "BuildError", "ArchiveMissing", "index_items", "update_index", "count_items", "IndexSchemaMismatch"]

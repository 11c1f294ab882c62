"""How fresh the search index is against the archive, for ``minutes status`` (design.md §2).

Freshness is decided exactly as ``minutes index`` decides what to rewrite: every archived item's
fingerprint (its records, the extractors' version, the schema, the taxonomy) against the one stored
with its index document. So "3 items to index" means the next ``minutes index`` will add or rewrite
three items, including items whose meeting or committee changed without the item itself changing,
and items that need re-enriching because an extraction rule changed. No extraction runs here: a
fingerprint is a hash of records, ~0.1 ms per item.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from scraper.settings import InstancePaths

from indexer import layout
from indexer.schema import SCHEMA_VERSION
from indexer.search_api import IndexSchemaMismatch


@dataclass(frozen=True)
class IndexFreshness:
    exists: bool
    schema_ok: bool = True
    schema_version: int | None = None
    indexed: int = 0  # live documents
    last_indexed: datetime | None = None  # the last completed commit or rebuild (UTC)
    archive_items: int | None = None  # None: no archive yet
    new: int = 0  # in the archive, not in the index
    changed: int = 0  # in both, fingerprints differ
    removed: int = 0  # in the index, gone from the archive
    error: str | None = None  # the archive or index could not be read

    @property
    def to_index(self) -> int:
        return self.new + self.changed + self.removed


def _when(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def index_freshness(paths: InstancePaths) -> IndexFreshness:
    """Compare the live index with the archive (read-only: takes no lock, writes nothing)."""
    from indexer.whoosh_backend import WhooshBackend

    gen = layout.current_generation(paths.index_dir)
    if gen is None:
        archive_items = _archive_count(paths)
        return IndexFreshness(exists=False, archive_items=archive_items, new=archive_items or 0)
    meta = layout.read_meta(gen) or {}
    version = meta.get("schema_version")
    base = IndexFreshness(exists=True, schema_version=version if isinstance(version, int) else None,
                          last_indexed=_when(meta.get("updated")))
    try:
        existing = WhooshBackend(paths.index_dir).existing_fingerprints()
    except IndexSchemaMismatch:
        return IndexFreshness(**{**base.__dict__, "schema_ok": False})
    except Exception as exc:  # a damaged index: say so, status must still print
        return IndexFreshness(**{**base.__dict__, "error": f"index unreadable ({type(exc).__name__}: {exc})"})
    base = IndexFreshness(**{**base.__dict__, "indexed": len(existing)})
    if not paths.archive_db.is_file():
        return base
    from indexer.build import BuildError, default_enricher
    from indexer.documents import fingerprint
    from scraper.store import ArchiveStore

    try:
        _enricher, token, _warnings = default_enricher(paths)
    except BuildError as exc:
        return IndexFreshness(**{**base.__dict__, "error": str(exc)})
    new = changed = 0
    seen: set[str] = set()
    try:
        with ArchiveStore(paths.archive_db, readonly=True) as store:
            for archived in store.iter_archived_items():
                key = archived.key
                if key in seen:
                    continue
                seen.add(key)
                old = existing.get(key)
                if old is None:
                    new += 1
                elif old != fingerprint(archived, token):
                    changed += 1
    except Exception as exc:
        return IndexFreshness(**{**base.__dict__, "error": f"archive unreadable ({type(exc).__name__}: {exc})"})
    removed = sum(1 for k in existing if k not in seen)
    return IndexFreshness(**{**base.__dict__, "archive_items": len(seen), "new": new, "changed": changed,
                             "removed": removed})


def _archive_count(paths: InstancePaths) -> int | None:
    if not paths.archive_db.is_file():
        return None
    from indexer.build import count_items

    return count_items(paths)


def status_lines(f: IndexFreshness) -> list[str]:
    """The ``minutes status`` lines for one freshness report."""
    if not f.exists:
        if f.archive_items:
            return [f"Index: none yet; {f.archive_items} items to index: run minutes index"]
        return ["Index: none yet (run minutes index after minutes crawl)"]
    when = f.last_indexed.strftime("%Y-%m-%d %H:%M UTC") if f.last_indexed else "unknown time"
    if not f.schema_ok:
        return [f"Index: built by an older version (schema {f.schema_version}, this version needs "
                f"{SCHEMA_VERSION}): run minutes index --rebuild"]
    lines = [f"Index: {f.indexed} items searchable, last indexed {when} (schema {SCHEMA_VERSION})"]
    if f.error:
        lines.append(f"Index: cannot tell how fresh it is: {f.error}")
    elif f.archive_items is None:
        lines.append("Index: no archive to compare with")
    elif f.to_index:
        parts = [f"{n} {what}" for n, what in ((f.new, "new"), (f.changed, "changed"), (f.removed, "removed")) if n]
        noun = "item" if f.to_index == 1 else "items"
        lines.append(f"Index: {f.to_index} {noun} to index ({', '.join(parts)}): run minutes index")
    else:
        lines.append("Index: up to date with the archive")
    return lines

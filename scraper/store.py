"""The archive store: SQLite, the project's source of truth (design.md §1, principle 4).

Two layers live in one database file (``instance/archive.sqlite3``):

* **captures** — every HTTP response exactly as received (URL, time, status, content type,
  headers, SHA-256, compressed body). They are written *before* anything parses them, so the
  records can be rebuilt offline (``minutes reparse``) and nothing fetched is ever lost to a
  parser bug. Bodies are content-addressed in ``blobs``: re-fetching an unchanged page costs a
  row, not another copy of the page.
* **records** — sites, committees, meetings (with attendees and meeting documents inside the
  meeting's JSON) and agenda items, each stored as canonical JSON with its SHA-256, keyed by the
  source's stable ids. Upserts compare hashes and answer "new", "changed" or "unchanged", which
  is how change is detected without ETags and why a second identical crawl writes nothing.

Crawl bookkeeping (runs, per-meeting progress, errors) lives here too, so a crawl killed with
``kill -9`` restarts where it stopped: a meeting's records and its "done" mark are committed in
one transaction.

Concurrency: WAL mode, one writer and any number of readers (the indexer, the web app). Every
write is a short ``BEGIN IMMEDIATE`` transaction; every read API call is a single statement, so it
sees one consistent snapshot even while a crawl writes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import zlib
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Sequence

from scraper import serialize
from scraper.records import AgendaItem, ArchivedItem, Committee, Meeting, Site
from scraper.store_schema import MIGRATIONS, SCHEMA_VERSION
from scraper.store_types import (
    Capture,
    CaptureInfo,
    Change,
    CrawlError,
    CrawlRun,
    MeetingState,
    MeetingWrite,
    SiteStatus,
    StoredMeeting,
)

BUSY_TIMEOUT_MS = 30_000


class StoreError(Exception):
    """The archive database cannot be used as asked (newer schema, corrupt file, ...)."""


# --------------------------------------------------------------------------- helpers


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _ts(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def enforce_restricted(item: AgendaItem) -> AgendaItem:
    """Restricted/exempt items keep their title only, whatever a parser or server produced."""
    if not item.restricted:
        return item
    if not (item.agenda_text or item.minutes_text or item.decision_text or item.documents):
        return item
    return dataclasses.replace(item, agenda_text="", minutes_text="", decision_text="", documents=())


def _has_minutes(items: Sequence[AgendaItem]) -> bool:
    return any(i.minutes_text.strip() for i in items)


# --------------------------------------------------------------------------- the store


class ArchiveStore:
    """The archive database. Open one per process (or thread); close when done.

    ``readonly=True`` opens an existing archive for reading only (the indexer, the web app).
    """

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"no archive at {self.path}; run 'minutes crawl' first")
                uri = f"file:{self.path}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the archive at {self.path} ({exc})") from exc
        self._db.row_factory = sqlite3.Row
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoint, never corrupt
                self._migrate()
            else:
                self._check_version()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path} is not a usable archive database ({exc})") from exc

    # -- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "ArchiveStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        version = self._check_version()
        for number in range(version, SCHEMA_VERSION):
            with self._write():
                for statement in _split_sql(MIGRATIONS[number]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    def _check_version(self) -> int:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has archive schema {version}, newer than this software ({SCHEMA_VERSION}); upgrade"
            )
        return version

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.readonly:
            raise StoreError("the archive was opened read-only")
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    # -- sites ----------------------------------------------------------------------------

    def upsert_site(self, site: Site, source_mode: str | None = None) -> Change:
        now = _ts(utcnow())
        with self._write() as db:
            row = db.execute("SELECT base_url, name, source_mode FROM sites WHERE key = ?", (site.key,)).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO sites (key, base_url, name, source_mode, first_seen, updated_at) VALUES (?,?,?,?,?,?)",
                    (site.key, site.base_url, site.name, source_mode, now, now),
                )
                return "new"
            mode = source_mode or row["source_mode"]
            if (row["base_url"], row["name"], row["source_mode"]) == (site.base_url, site.name, mode):
                return "unchanged"
            db.execute(
                "UPDATE sites SET base_url = ?, name = ?, source_mode = ?, updated_at = ? WHERE key = ?",
                (site.base_url, site.name, mode, now, site.key),
            )
            return "changed"

    def get_site(self, key_or_url: str) -> Site | None:
        """A site by its key ("democracy.example.gov.uk") or by any base URL of it."""
        from scraper.records import site_key

        key = site_key(key_or_url)
        row = self._db.execute("SELECT key, base_url, name FROM sites WHERE key = ?", (key,)).fetchone()
        return Site(row["key"], row["base_url"], row["name"]) if row else None

    def sites(self) -> list[Site]:
        rows = self._db.execute("SELECT key, base_url, name FROM sites ORDER BY key").fetchall()
        return [Site(r["key"], r["base_url"], r["name"]) for r in rows]

    # -- captures -------------------------------------------------------------------------

    def add_capture(
        self,
        site: str,
        kind: str,
        *,
        requested_url: str,
        url: str,
        status: int,
        content_type: str | None,
        headers: Sequence[tuple[str, str]],
        body: bytes,
        fetched_at: datetime,
        run_id: int | None = None,
        meta: dict[str, Any] | None = None,
    ) -> int:
        """Store one response (committed before this returns) and give its capture id."""
        digest = hashlib.sha256(body).hexdigest()
        with self._write() as db:
            if db.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (digest,)).fetchone() is None:
                db.execute(
                    "INSERT INTO blobs (sha256, size, compression, data) VALUES (?,?,?,?)",
                    (digest, len(body), "zlib", zlib.compress(body, 6)),
                )
            cur = db.execute(
                "INSERT INTO captures (site, run_id, kind, requested_url, url, fetched_at, status, content_type,"
                " headers, sha256, size, meta) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    site,
                    run_id,
                    kind,
                    requested_url,
                    url,
                    _ts(fetched_at),
                    status,
                    content_type,
                    json.dumps([list(h) for h in headers]),
                    digest,
                    len(body),
                    _canon(meta or {}),
                ),
            )
            return int(cur.lastrowid)

    def reject_capture(self, capture_id: int, reason: str) -> None:
        """Mark a stored response as not data (a WAF challenge, an error page)."""
        with self._write() as db:
            db.execute("UPDATE captures SET rejected = ? WHERE id = ?", (reason, capture_id))

    def get_capture(self, capture_id: int) -> Capture:
        row = self._db.execute(
            "SELECT c.*, b.data, b.compression FROM captures c JOIN blobs b ON b.sha256 = c.sha256 WHERE c.id = ?",
            (capture_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"no capture {capture_id} in {self.path}")
        return _capture(row)

    def captures(self, site: str | None = None, kind: str | None = None) -> list[Capture]:
        """Stored responses, oldest first (bodies included: use for tests and tools, not bulk)."""
        sql = "SELECT c.*, b.data, b.compression FROM captures c JOIN blobs b ON b.sha256 = c.sha256"
        where, args = _where(site=site, kind=kind)
        rows = self._db.execute(f"{sql}{where} ORDER BY c.id", args).fetchall()
        return [_capture(r) for r in rows]

    def capture_index(self, site: str) -> list[CaptureInfo]:
        """Every capture of ``site`` without bodies, oldest first."""
        rows = self._db.execute(
            "SELECT id, kind, url, status, meta, rejected FROM captures WHERE site = ? ORDER BY id", (site,)
        ).fetchall()
        return [CaptureInfo(r["id"], r["kind"], r["url"], r["status"], json.loads(r["meta"]), r["rejected"]) for r in rows]

    def find_capture(self, site: str, kind: str, meta: dict[str, Any], fetched_since: datetime) -> Capture | None:
        """The newest usable capture (2xx, not rejected) of this kind and exact ``meta``, fetched at
        or after ``fetched_since``; None if there is none."""
        row = self._db.execute(
            "SELECT c.*, b.data, b.compression FROM captures c JOIN blobs b ON b.sha256 = c.sha256"
            " WHERE c.site = ? AND c.kind = ? AND c.meta = ? AND c.status BETWEEN 200 AND 299"
            " AND c.rejected IS NULL AND c.fetched_at >= ? ORDER BY c.id DESC LIMIT 1",
            (site, kind, _canon(meta), _ts(fetched_since)),
        ).fetchone()
        return _capture(row) if row else None

    def capture_count(self, site: str | None = None) -> int:
        where, args = _where(site=site)
        return self._db.execute(f"SELECT count(*) FROM captures c{where}", args).fetchone()[0]

    # -- committees -----------------------------------------------------------------------

    def upsert_committee(self, committee: Committee, sources: Sequence[int]) -> Change:
        record = serialize.dumps(committee)
        digest = serialize.content_hash(committee)
        now = _ts(utcnow())
        with self._write() as db:
            row = db.execute("SELECT content_hash FROM committees WHERE key = ?", (committee.key,)).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO committees (key, site, committee_id, title, record, content_hash, sources,"
                    " first_seen, updated_at, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (committee.key, committee.site, committee.committee_id, committee.title, record, digest,
                     json.dumps(list(sources)), now, now, now),
                )
                return "new"
            if row["content_hash"] == digest:
                db.execute(
                    "UPDATE committees SET last_seen = ?, sources = ? WHERE key = ?",
                    (now, json.dumps(list(sources)), committee.key),
                )
                return "unchanged"
            db.execute(
                "UPDATE committees SET title = ?, record = ?, content_hash = ?, sources = ?, updated_at = ?,"
                " last_seen = ? WHERE key = ?",
                (committee.title, record, digest, json.dumps(list(sources)), now, now, committee.key),
            )
            return "changed"

    def committees(self, site: str) -> list[Committee]:
        rows = self._db.execute(
            "SELECT record FROM committees WHERE site = ? ORDER BY committee_id", (site,)
        ).fetchall()
        return [serialize.loads(Committee, r["record"]) for r in rows]

    def committee_sources(self, site: str) -> dict[int, list[int]]:
        rows = self._db.execute("SELECT committee_id, sources FROM committees WHERE site = ?", (site,)).fetchall()
        return {r["committee_id"]: json.loads(r["sources"]) for r in rows}

    # -- meetings and items ---------------------------------------------------------------

    def write_meeting(
        self,
        meeting: Meeting,
        items: Sequence[AgendaItem],
        *,
        source_mode: str,
        sources: dict[str, Any],
        run_id: int | None = None,
        checked_at: datetime | None = None,
        checked: bool = True,
    ) -> MeetingWrite:
        """Upsert a meeting and its items, drop items no longer on its agenda, and (when
        ``run_id`` is given) mark the meeting done for that run — all in one transaction, so a
        crash leaves either the old state or the new one with its progress mark.

        ``checked=False`` (reparse) leaves ``last_checked`` alone: nothing was asked of the site."""
        items = [enforce_restricted(i) for i in items]
        keys = [i.key for i in items]
        if len(set(keys)) != len(keys):
            raise StoreError(f"meeting {meeting.key} has two agenda items with one id")
        meeting_record = serialize.dumps(meeting)
        meeting_hash = serialize.content_hash({"meeting": meeting, "items": items})
        now = _ts(checked_at or utcnow())
        counts = {"new": 0, "changed": 0, "unchanged": 0}
        with self._write() as db:
            row = db.execute("SELECT content_hash FROM meetings WHERE key = ?", (meeting.key,)).fetchone()
            if row is None:
                change: Change = "new"
                db.execute(
                    "INSERT INTO meetings (key, site, meeting_id, committee_id, date, record, content_hash,"
                    " has_minutes, source_mode, sources, first_seen, updated_at, last_checked)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (meeting.key, meeting.site, meeting.meeting_id, meeting.committee_id,
                     meeting.date.isoformat() if meeting.date else None, meeting_record, meeting_hash,
                     int(_has_minutes(items)), source_mode, json.dumps(sources, sort_keys=True), now, now, now),
                )
            else:
                change = "unchanged" if row["content_hash"] == meeting_hash else "changed"
                if change == "changed":
                    db.execute(
                        "UPDATE meetings SET committee_id = ?, date = ?, record = ?, content_hash = ?,"
                        " has_minutes = ?, updated_at = ? WHERE key = ?",
                        (meeting.committee_id, meeting.date.isoformat() if meeting.date else None,
                         meeting_record, meeting_hash, int(_has_minutes(items)), now, meeting.key),
                    )
                db.execute(
                    "UPDATE meetings SET source_mode = ?, sources = ? WHERE key = ?",
                    (source_mode, json.dumps(sources, sort_keys=True), meeting.key),
                )
                if checked:
                    db.execute("UPDATE meetings SET last_checked = ? WHERE key = ?", (now, meeting.key))
            existing = {
                r["key"]: r["content_hash"]
                for r in db.execute("SELECT key, content_hash FROM items WHERE meeting_key = ?", (meeting.key,))
            }
            for position, item in enumerate(items):
                digest = serialize.content_hash(item)
                old = existing.pop(item.key, None)
                if old is None:
                    # The id may have moved from another meeting (agenda re-published): replace it.
                    db.execute(
                        "INSERT INTO items (key, site, meeting_key, item_id, position, record, content_hash,"
                        " first_seen, updated_at) VALUES (?,?,?,?,?,?,?,?,?)"
                        " ON CONFLICT(key) DO UPDATE SET meeting_key = excluded.meeting_key,"
                        " position = excluded.position, record = excluded.record,"
                        " content_hash = excluded.content_hash, updated_at = excluded.updated_at",
                        (item.key, item.site, meeting.key, item.item_id, position, serialize.dumps(item), digest,
                         now, now),
                    )
                    counts["new"] += 1
                elif old != digest:
                    db.execute(
                        "UPDATE items SET position = ?, record = ?, content_hash = ?, updated_at = ? WHERE key = ?",
                        (position, serialize.dumps(item), digest, now, item.key),
                    )
                    counts["changed"] += 1
                else:
                    counts["unchanged"] += 1
            for stale in existing:
                db.execute("DELETE FROM items WHERE key = ?", (stale,))
            result = MeetingWrite(change, counts["new"], counts["changed"], counts["unchanged"], len(existing))
            if run_id is not None:
                self._mark_done(db, run_id, meeting.key, change, dataclasses.asdict(result))
        return result

    def meeting_state(self, key: str) -> MeetingState | None:
        row = self._db.execute(
            "SELECT key, date, content_hash, has_minutes, record, source_mode, first_seen, updated_at,"
            " last_checked FROM meetings WHERE key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        meeting = serialize.loads(Meeting, row["record"])
        return MeetingState(
            key=row["key"],
            date=date.fromisoformat(row["date"]) if row["date"] else None,
            content_hash=row["content_hash"],
            has_minutes=bool(row["has_minutes"]),
            cancelled=meeting.cancelled,
            source_mode=row["source_mode"],
            first_seen=_dt(row["first_seen"]),  # type: ignore[arg-type]
            updated_at=_dt(row["updated_at"]),  # type: ignore[arg-type]
            last_checked=_dt(row["last_checked"]),  # type: ignore[arg-type]
        )

    def stored_meetings(self, site: str | None = None) -> Iterator[StoredMeeting]:
        """Every stored meeting with its items and sources, in site/date order."""
        where, args = _where(site=site, prefix="m")
        meetings = self._db.execute(
            f"SELECT m.key, m.record, m.source_mode, m.sources, m.content_hash FROM meetings m{where}"
            " ORDER BY m.site, m.date, m.meeting_id",
            args,
        ).fetchall()
        for row in meetings:
            yield self._stored_meeting(row)

    def get_meeting(self, key: str) -> StoredMeeting | None:
        row = self._db.execute(
            "SELECT key, record, source_mode, sources, content_hash FROM meetings WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        return self._stored_meeting(row)

    def _stored_meeting(self, row: sqlite3.Row) -> StoredMeeting:
        items = self._db.execute(
            "SELECT record FROM items WHERE meeting_key = ? ORDER BY position", (row["key"],)
        ).fetchall()
        return StoredMeeting(
            meeting=serialize.loads(Meeting, row["record"]),
            items=tuple(serialize.loads(AgendaItem, r["record"]) for r in items),
            source_mode=row["source_mode"],
            sources=json.loads(row["sources"]),
            content_hash=row["content_hash"],
        )

    def clear_records(self, site: str | None = None) -> None:
        """Delete committees, meetings and items (captures stay): reparse then rebuilds them."""
        where, args = _where(site=site)
        with self._write() as db:
            for table in ("items", "meetings", "committees"):
                db.execute(f"DELETE FROM {table} AS c{where}", args)

    def counts(self, site: str | None = None) -> dict[str, int]:
        out = {}
        for table in ("committees", "meetings", "items"):
            where, args = _where(site=site)
            out[table] = self._db.execute(f"SELECT count(*) FROM {table} c{where}", args).fetchone()[0]
        return out

    # -- the indexer's reading API ----------------------------------------------------------

    def iter_archived_items(self, site: str | None = None) -> Iterator[ArchivedItem]:
        """Every agenda item with its meeting (attendees included), committee and site.

        ``site`` is a site key or any base URL of it. One SQL statement, hence one consistent
        snapshot even while a crawl writes. Ordered by site, meeting date, meeting and agenda
        position. ``content_hash`` covers everything the indexer sees for the item: the item
        record, its meeting's record (date, attendance, documents — not its other items), its
        committee and the council's name; so a change to any of them re-indexes the item, and
        nothing else does.
        """
        from scraper.records import site_key

        where, args = _where(site=site_key(site) if site else None, prefix="i")
        cursor = self._db.execute(
            "SELECT i.record AS item, i.content_hash AS item_hash, m.key AS mkey, m.record AS meeting,"
            " c.record AS committee, s.key AS skey, s.base_url, s.name"
            " FROM items i JOIN meetings m ON m.key = i.meeting_key"
            " JOIN sites s ON s.key = i.site"
            " LEFT JOIN committees c ON c.site = m.site AND c.committee_id = m.committee_id"
            f"{where} ORDER BY i.site, m.date, m.meeting_id, i.position",
            args,
        )
        sites: dict[str, Site] = {}
        meeting_key, meeting, meeting_digest = None, None, ""
        committees: dict[str, tuple[Committee, str]] = {}
        for row in cursor:
            site_rec = sites.get(row["skey"])
            if site_rec is None:
                site_rec = sites[row["skey"]] = Site(row["skey"], row["base_url"], row["name"])
            item = serialize.loads(AgendaItem, row["item"])
            if row["mkey"] != meeting_key:  # rows arrive grouped by meeting
                meeting_key = row["mkey"]
                meeting = serialize.loads(Meeting, row["meeting"])
                meeting_digest = hashlib.sha256(row["meeting"].encode("utf-8")).hexdigest()
            if row["committee"] is not None:
                cached = committees.get(row["committee"])
                if cached is None:
                    cached = committees[row["committee"]] = (
                        serialize.loads(Committee, row["committee"]),
                        hashlib.sha256(row["committee"].encode("utf-8")).hexdigest(),
                    )
                committee, committee_digest = cached
            else:  # a meeting of a committee the listing no longer shows: keep the item findable
                committee = Committee(site=item.site, committee_id=item.committee_id, title="Unknown committee")
                committee_digest = ""
            digest = hashlib.sha256(
                f"{row['item_hash']}:{meeting_digest}:{committee_digest}:{site_rec.name}".encode("utf-8")
            ).hexdigest()
            assert meeting is not None
            yield ArchivedItem(item=item, meeting=meeting, committee=committee, site=site_rec, content_hash=digest)

    def item_keys(self, site: str | None = None) -> set[str]:
        """Keys of every stored item: lets the indexer drop documents whose item is gone."""
        where, args = _where(site=site)
        return {r[0] for r in self._db.execute(f"SELECT key FROM items c{where}", args)}

    def last_harvested(self, site: str) -> datetime | None:
        """When the last *completed* crawl of ``site`` finished, or None."""
        from scraper.records import site_key

        row = self._db.execute(
            "SELECT max(finished_at) FROM crawl_runs WHERE site = ? AND status = 'completed'", (site_key(site),)
        ).fetchone()
        return _dt(row[0])

    def site_status(self) -> list[SiteStatus]:
        out = []
        for site in self.sites():
            counts = self.counts(site.key)
            last = self._db.execute(
                "SELECT * FROM crawl_runs WHERE site = ? ORDER BY id DESC LIMIT 1", (site.key,)
            ).fetchone()
            last_run = _run(last) if last else None
            errors = skipped = 0
            if last_run is not None:
                errors, skipped = self._db.execute(
                    "SELECT coalesce(sum(kind != 'skipped_link'), 0), coalesce(sum(kind = 'skipped_link'), 0)"
                    " FROM crawl_errors WHERE run_id = ?",
                    (last_run.id,),
                ).fetchone()
            total = self._db.execute(
                "SELECT count(*) FROM crawl_errors WHERE site = ? AND kind != 'skipped_link'", (site.key,)
            ).fetchone()[0]
            out.append(
                SiteStatus(site, counts["committees"], counts["meetings"], counts["items"], last_run, errors, total,
                           skipped)
            )
        return out

    # -- crawl runs, progress, errors ------------------------------------------------------

    def start_run(self, site: str, base_url: str, since: date | None, until: date | None, options: dict) -> int:
        with self._write() as db:
            cur = db.execute(
                "INSERT INTO crawl_runs (site, base_url, started_at, status, since, until, options)"
                " VALUES (?,?,?,?,?,?,?)",
                (site, base_url, _ts(utcnow()), "running", _iso(since), _iso(until), _canon(options)),
            )
            return int(cur.lastrowid)

    def find_unfinished_run(self, site: str, since: date | None, until: date | None, options: dict) -> int | None:
        """The latest run of the same crawl (site, window, options) that never finished."""
        row = self._db.execute(
            "SELECT id FROM crawl_runs WHERE site = ? AND status = 'running' AND since IS ? AND until IS ?"
            " AND options = ? ORDER BY id DESC LIMIT 1",
            (site, _iso(since), _iso(until), _canon(options)),
        ).fetchone()
        return int(row[0]) if row else None

    def finish_run(self, run_id: int, status: str, summary: dict[str, Any]) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE crawl_runs SET status = ?, finished_at = ?, summary = ? WHERE id = ?",
                (status, _ts(utcnow()), json.dumps(summary, sort_keys=True), run_id),
            )

    def abandon_runs(self, site: str, keep: int | None = None) -> None:
        """Close unfinished runs of ``site`` that will not be resumed (another window/options)."""
        with self._write() as db:
            db.execute(
                "UPDATE crawl_runs SET status = 'abandoned', finished_at = ? WHERE site = ? AND status = 'running'"
                " AND id IS NOT ?",
                (_ts(utcnow()), site, keep),
            )

    def runs(self, site: str | None = None) -> list[CrawlRun]:
        where, args = _where(site=site)
        return [_run(r) for r in self._db.execute(f"SELECT * FROM crawl_runs c{where} ORDER BY id", args)]

    def mark_done(self, run_id: int, meeting_key: str, outcome: str, detail: dict[str, Any] | None = None) -> None:
        with self._write() as db:
            self._mark_done(db, run_id, meeting_key, outcome, detail or {})

    @staticmethod
    def _mark_done(db: sqlite3.Connection, run_id: int, meeting_key: str, outcome: str, detail: dict) -> None:
        db.execute(
            "INSERT INTO crawl_progress (run_id, meeting_key, outcome, detail, done_at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(run_id, meeting_key) DO UPDATE SET outcome = excluded.outcome,"
            " detail = excluded.detail, done_at = excluded.done_at",
            (run_id, meeting_key, outcome, _canon(detail), _ts(utcnow())),
        )

    def completed_meetings(self, run_id: int) -> dict[str, tuple[str, dict[str, Any]]]:
        """Meetings a run already finished: key -> (outcome, detail of the write)."""
        rows = self._db.execute("SELECT meeting_key, outcome, detail FROM crawl_progress WHERE run_id = ?", (run_id,))
        return {r["meeting_key"]: (r["outcome"], json.loads(r["detail"])) for r in rows}

    def record_error(self, site: str, run_id: int | None, kind: str, url: str, reason: str) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO crawl_errors (site, run_id, kind, url, reason, at) VALUES (?,?,?,?,?,?)",
                (site, run_id, kind, url, reason, _ts(utcnow())),
            )

    def errors(self, site: str | None = None, run_id: int | None = None) -> list[CrawlError]:
        where, args = _where(site=site, run_id=run_id)
        rows = self._db.execute(f"SELECT * FROM crawl_errors c{where} ORDER BY id", args).fetchall()
        return [CrawlError(r["site"], r["run_id"], r["kind"], r["url"], r["reason"], _dt(r["at"])) for r in rows]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- row mappers


def _split_sql(script: str) -> list[str]:
    statements, current = [], []
    for line in script.splitlines():
        code = line.split("--", 1)[0]
        current.append(code)
        if code.rstrip().endswith(";"):
            statement = "\n".join(current).strip()
            if statement.strip(";").strip():
                statements.append(statement)
            current = []
    tail = "\n".join(current).strip()
    if tail:
        statements.append(tail)
    return statements


def _where(prefix: str = "c", **filters: Any) -> tuple[str, tuple]:
    clauses, args = [], []
    for column, value in filters.items():
        if value is not None:
            clauses.append(f"{prefix}.{column} = ?")
            args.append(value)
    return ((" WHERE " + " AND ".join(clauses)) if clauses else "", tuple(args))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _canon(options: dict) -> str:
    return json.dumps(options, sort_keys=True, separators=(",", ":"))


def _capture(row: sqlite3.Row) -> Capture:
    data = row["data"]
    body = zlib.decompress(data) if row["compression"] == "zlib" else bytes(data)
    return Capture(
        id=row["id"],
        site=row["site"],
        run_id=row["run_id"],
        kind=row["kind"],
        requested_url=row["requested_url"],
        url=row["url"],
        fetched_at=_dt(row["fetched_at"]),  # type: ignore[arg-type]
        status=row["status"],
        content_type=row["content_type"],
        headers=tuple((k, v) for k, v in json.loads(row["headers"])),
        sha256=row["sha256"],
        body=body,
        meta=json.loads(row["meta"]),
        rejected=row["rejected"],
    )


def _run(row: sqlite3.Row) -> CrawlRun:
    return CrawlRun(
        id=row["id"],
        site=row["site"],
        base_url=row["base_url"],
        started_at=_dt(row["started_at"]),  # type: ignore[arg-type]
        finished_at=_dt(row["finished_at"]),
        status=row["status"],
        since=date.fromisoformat(row["since"]) if row["since"] else None,
        until=date.fromisoformat(row["until"]) if row["until"] else None,
        options=json.loads(row["options"]),
        summary=json.loads(row["summary"]) if row["summary"] else None,
    )


__all__ = [
    "ArchiveStore",
    "StoreError",
    "Capture",
    "CaptureInfo",
    "MeetingState",
    "StoredMeeting",
    "CrawlRun",
    "CrawlError",
    "SiteStatus",
    "MeetingWrite",
    "enforce_restricted",
    "SCHEMA_VERSION",
]

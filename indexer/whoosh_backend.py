"""The Whoosh implementation of ``indexer.search_api.SearchBackend``.

Writing: one writer at a time, guarded by an OS lock on the index directory (``IndexBusy``
otherwise); Whoosh's known commit bug is worked around (a failed commit releases Whoosh's lock).
``rebuild`` writes a new generation beside the live one and swaps it in atomically.

Reading: one shared ``Snapshot`` per index generation, reused across requests and threads and
replaced when a newer commit or generation appears (checked at most every
``settings.refresh_interval_s``). Searches are evaluated by ``searcher.Evaluator`` over numpy arrays.

The Whoosh bugs listed in whoosh-notes.md, and where each is handled:

* a failed ``commit()`` leaves the write lock held: ``_safe_commit`` releases it (tested);
* ``KEYWORD(sortable=...)`` ignores its column: per-document values here are ``COLUMN`` fields
  read into arrays, never sortable keywords;
* the default stemmer's "planning"/"plans" split: Porter2 (``indexer.analysis``);
* field classes are pickled into the index: they live in ``indexer.fields``, an importable module;
* ``search_page(0)`` and ``TimeLimitCollector`` outside the main thread: not used; pages are
  validated (``validation.py``) and the time limit is a thread-safe ``Deadline`` checked at safe
  points, so no signal is involved;
* compound segment files are opened as in-memory copies: segments are written as plain files
  (``fastwriter.py``).
"""

from __future__ import annotations

import json
import threading
import time
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np
from whoosh import index as whoosh_index

from indexer import analysis, layout
from indexer.documents import date_number
from indexer.facets import facet_counts
from indexer.fastwriter import PAIR_TEXTS, FastSegmentWriter
from indexer.highlight import best_snippet
from indexer.pairindex import PairIndexError
from indexer.procedural import is_procedural
from indexer.query import And, Or, Phrase, QueryOptions, Words, parse, positive_terms
from indexer.schema import EXACT_FIELD, SCHEMA_VERSION, TEXT_FIELDS, TITLE_BOOST, build_schema
from indexer.search_api import (
    CommitmentRow,
    CoverageRow,
    FacetValue,
    IndexMissing,
    IndexSchemaMismatch,
    ItemDetail,
    SearchHit,
    SearchPage,
    SearchRequest,
)
from indexer.searcher import Deadline, Evaluator, Snapshot
from indexer.settings import SearchSettings
from indexer.suggest import suggest
from indexer.validation import validate_request

ENGINE = "whoosh"
MISMATCH_MESSAGE = "index built by an older version: run minutes index --rebuild"
REBUILD_SEGMENT_DOCS = 20_000  # documents per segment in a rebuild (memory bound)


def _parse_date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def whoosh_fields(doc: dict[str, Any]) -> dict[str, Any]:
    """Map an engine-neutral document (documents.build_document) onto the Whoosh schema."""
    texts = (doc.get("agenda_text") or "", doc.get("minutes_text") or "", doc.get("decision_text") or "")
    payload = dict(doc["detail"])
    payload["speaker_names"] = list(doc.get("speakers") or ())
    d = doc.get("date")
    fields: dict[str, Any] = {
        "id": doc["id"],
        "title": doc.get("title") or "",
        "body": texts,
        "exact": (doc.get("title") or "",) + texts,
        PAIR_TEXTS: (doc.get("title") or "",) + texts,  # word pairs: indexer.pairindex
        "site": doc.get("site") or "",
        "council": doc.get("council") or "",
        "committee": doc.get("committee") or "",
        "committee_key": doc.get("committee_key") or "",
        "meeting": doc.get("meeting") or "",
        "speaker": list(doc.get("speakers") or ()),
        "speaker_kind": list(doc.get("speaker_kinds") or ()),
        "topic": list(doc.get("topics") or ()),
        "keyphrase": list(doc.get("keyphrases") or ()),
        "has_commitments": "yes" if doc.get("has_commitments") else "no",
        "procedural": "yes" if _procedural(doc) else "no",
        "id_col": doc["id"].encode("utf-8"),
        "fingerprint": (doc.get("fingerprint") or "").encode("ascii"),
        "date": date_number(d) if isinstance(d, date) else 0,
        "position": int(doc.get("position") or 0),
        "meeting_no": int(doc.get("meeting_no") or 0),
        "phrase_text": analysis.phrase_text((doc.get("title") or "",) + texts),
        "payload": json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
    }
    if doc.get("year"):
        fields["year"] = str(doc["year"])
    return fields


def _procedural(doc: dict[str, Any]) -> bool:
    """The document's procedural flag; computed from its title and texts when a caller built the
    document by hand without one (documents.build_document always sets it)."""
    flag = doc.get("procedural")
    if flag is None:
        flag = is_procedural(doc.get("title") or "", (doc.get("agenda_text") or "", doc.get("minutes_text") or "",
                                                       doc.get("decision_text") or ""))
    return bool(flag)


def _safe_commit(writer: Any, **kwargs: Any) -> None:
    """Commit, and if the commit raises, release Whoosh's write lock (otherwise held for good)."""
    try:
        writer.commit(**kwargs)
    except BaseException:
        try:
            writer.cancel()
        except Exception:
            pass
        try:
            writer.writelock.release()
        except Exception:
            pass
        raise


class WhooshBackend:
    """Search backend over an instance's ``index/`` directory."""

    def __init__(self, index_dir: Path, settings: SearchSettings | None = None) -> None:
        self.index_dir = Path(index_dir)
        self.settings = settings or SearchSettings()
        self._snap: Snapshot | None = None
        self._snap_key: tuple[Any, ...] | None = None
        self._snap_lock = threading.Lock()
        self._last_check = 0.0
        # writing state
        self._lock: layout.WriteLock | None = None
        self._hold_lock = False
        self._ix_w = None
        self._writer = None
        self._pending_meta: dict[str, Any] = {}

    # ------------------------------------------------------------------ opening / reading state

    def _open_generation(self, gen: Path):
        meta = layout.read_meta(gen)
        if not meta or meta.get("schema_version") != SCHEMA_VERSION or meta.get("engine") != ENGINE:
            raise IndexSchemaMismatch(MISMATCH_MESSAGE)
        try:
            ix = whoosh_index.open_dir(str(gen))
        except whoosh_index.EmptyIndexError:
            raise IndexMissing("the index is empty: run minutes index") from None
        except Exception as exc:  # unpicklable schema from another version, corrupt TOC
            raise IndexSchemaMismatch(f"{MISMATCH_MESSAGE} ({type(exc).__name__})") from None
        return ix, meta

    def status(self) -> dict[str, Any]:
        """Freshness facts for ``minutes status``: generation, documents, built/updated times."""
        gen = layout.current_generation(self.index_dir)
        if gen is None:
            return {"exists": False}
        meta = layout.read_meta(gen) or {}
        info = {"exists": True, "generation": gen.name, **{k: meta.get(k) for k in ("schema_version", "created", "updated", "sites")}}
        try:
            info["documents"] = self.snapshot().doc_count
        except Exception as exc:
            info["error"] = str(exc)
        return info

    def snapshot(self) -> Snapshot:
        """The current read view, reopened when the index changed (thread-safe)."""
        now = time.monotonic()
        snap = self._snap
        if snap is not None and now - self._last_check < self.settings.refresh_interval_s:
            return snap
        with self._snap_lock:
            snap = self._snap
            gen = layout.current_generation(self.index_dir)
            if gen is None:
                raise IndexMissing("no index yet: run minutes index")
            if snap is not None and snap.generation == gen.name:
                try:
                    latest = snap.ix.latest_generation()
                except Exception:
                    latest = -2
                meta_stamp = self._meta_stamp(gen)
                if latest == snap.toc_generation and meta_stamp == self._snap_key:
                    self._last_check = now
                    return snap
            new = self._open_snapshot(gen)
            self._snap = new
            self._snap_key = self._meta_stamp(gen)
            self._last_check = now
            return new

    def _open_snapshot(self, gen: Path, attempts: int = 3) -> Snapshot:
        """A new Snapshot of generation ``gen``.

        A commit by ``minutes index`` may merge segments and delete their files between the moment
        a reader reads the table of contents and the moment it opens a segment's files. A missing
        file is then not damage but a race: if the index has moved on to a newer commit, open that
        one instead. A file missing from the newest commit is damage, and says so.
        """
        for attempt in range(attempts):
            ix, meta = self._open_generation(gen)
            before = ix.latest_generation()
            try:
                return Snapshot(ix, gen.name, meta)
            except (PairIndexError, FileNotFoundError) as exc:
                try:
                    moved_on = ix.latest_generation() != before
                except Exception:
                    moved_on = True
                if moved_on and attempt + 1 < attempts:
                    continue
                raise IndexSchemaMismatch(f"the index is damaged ({exc}): run minutes index --rebuild") from None
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    @staticmethod
    def _meta_stamp(gen: Path) -> tuple[Any, ...]:
        try:
            st = (gen / layout.META_FILE).stat()
            return (st.st_ino, st.st_mtime_ns)
        except FileNotFoundError:
            return ()

    def refresh(self) -> None:
        """Force the next read to check for a newer index."""
        self._last_check = 0.0

    def close(self) -> None:
        """Release the open searcher (and any write lock). Searches after this reopen the index."""
        with self._snap_lock:
            snap, self._snap = self._snap, None
        if snap is not None:
            snap.close()
        self.release()

    # ------------------------------------------------------------------ writing

    def hold_write_lock(self) -> "WhooshBackend":
        """Take the write lock for a whole build (released by ``release``)."""
        self._acquire()
        self._hold_lock = True
        return self

    def release(self) -> None:
        """Cancel any uncommitted writer and release the write lock."""
        if self._writer is not None:
            try:
                self._writer.cancel()
            except Exception:
                pass
            self._writer = None
        self._ix_w = None
        self._hold_lock = False
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _acquire(self) -> None:
        if self._lock is None:
            self._lock = layout.WriteLock(self.index_dir).acquire()

    def _new_generation(self) -> tuple[Path, Any]:
        gen = layout.new_generation(self.index_dir)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        layout.write_meta(gen, {"schema_version": SCHEMA_VERSION, "engine": ENGINE, "created": now, "updated": now, "sites": {}})
        ix = whoosh_index.create_in(str(gen), build_schema())
        return gen, ix

    def _ensure_writer(self):
        if self._writer is not None:
            return self._writer
        self._acquire()
        gen = layout.current_generation(self.index_dir)
        if gen is None:
            gen, ix = self._new_generation()
            layout.switch_current(self.index_dir, gen)
        else:
            ix, _meta = self._open_generation(gen)
        self._ix_w = (gen, ix)
        self._writer = FastSegmentWriter(ix)
        return self._writer

    def index(self, docs: Iterable[dict[str, Any]]) -> None:
        writer = self._ensure_writer()
        for doc in docs:
            writer.update_document(**whoosh_fields(doc))

    def add_new(self, docs: Iterable[dict[str, Any]]) -> None:
        """Like ``index`` for documents known not to be in the index (skips the delete lookup)."""
        writer = self._ensure_writer()
        for doc in docs:
            writer.add_document(**whoosh_fields(doc))

    def delete(self, ids: Iterable[str]) -> None:
        writer = self._ensure_writer()
        for item_id in ids:
            writer.delete_by_term("id", item_id)

    def set_meta(self, **values: Any) -> None:
        """Metadata recorded with the next commit (e.g. ``sites={site: {council, last_harvested}}``)."""
        self._pending_meta.update(values)

    def commit(self) -> None:
        if self._writer is None:
            if self._pending_meta and layout.current_generation(self.index_dir) is not None:
                self._acquire()
                self._write_meta(layout.current_generation(self.index_dir))  # type: ignore[arg-type]
                if not self._hold_lock:
                    self.release()
            return
        writer, (gen, _ix) = self._writer, self._ix_w  # type: ignore[misc]
        self._writer = None
        _safe_commit(writer, merge=True)
        self._write_meta(gen)
        self.refresh()
        if not self._hold_lock:
            self.release()

    def _write_meta(self, gen: Path) -> None:
        meta = layout.read_meta(gen) or {}
        meta.update(self._pending_meta)
        meta["updated"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        layout.write_meta(gen, meta)
        self._pending_meta = {}

    def existing_fingerprints(self) -> dict[str, str]:
        """id -> fingerprint of every live document (what an incremental build compares against)."""
        gen = layout.current_generation(self.index_dir)
        if gen is None:
            return {}
        ix, _ = self._open_generation(gen)
        from indexer import arrays

        out: dict[str, str] = {}
        with ix.reader() as reader:
            for leaf, _off in reader.leaf_readers():
                alive = arrays.alive_mask(leaf)
                ids = arrays.bytes_column(leaf, "id_col")
                fps = arrays.bytes_column(leaf, "fingerprint")
                for i, (k, f) in enumerate(zip(ids, fps)):
                    if alive[i] and k:
                        out[k.decode("utf-8")] = f.decode("ascii")
        return out

    def rebuild(self, docs: Iterable[dict[str, Any]], meta: dict[str, Any] | None = None, progress=None) -> Path:
        """Build a complete new generation from ``docs`` and swap it in atomically.

        Readers keep using the old generation until they refresh; if this is interrupted, the live
        index is untouched and the half-built generation is removed by the next build.
        """

        def fill(gen: Path, ix: Any) -> None:
            writer = FastSegmentWriter(ix)
            in_batch = 0
            try:
                for doc in docs:
                    writer.add_document(**whoosh_fields(doc))
                    in_batch += 1
                    if progress is not None:
                        progress(1)
                    if in_batch >= REBUILD_SEGMENT_DOCS:  # bound memory: one segment per batch
                        _safe_commit(writer, merge=False)
                        writer, in_batch = FastSegmentWriter(ix), 0
            except BaseException:
                writer.cancel()
                raise
            _safe_commit(writer, merge=False)

        return self._rebuild(fill, meta)

    def rebuild_parallel(self, items: Iterable[Any], to_docs: Callable[[Sequence[Any]], Iterable[dict[str, Any]]],
                         procs: int = 2, meta: dict[str, Any] | None = None, progress=None) -> Path:
        """``rebuild`` with ``procs`` forked workers turning batches of ``items`` into documents
        (``to_docs``) and segments. For the ``minutes index`` process only."""
        from indexer.parallel import build_parallel

        def fill(gen: Path, ix: Any) -> None:
            build_parallel(gen, items, to_docs, whoosh_fields, procs, REBUILD_SEGMENT_DOCS // procs, progress)

        return self._rebuild(fill, meta)

    def _rebuild(self, fill: Callable[[Path, Any], None], meta: dict[str, Any] | None) -> Path:
        self._acquire()
        try:
            layout.prune(self.index_dir)  # clear abandoned rebuilds first
            gen, ix = self._new_generation()
            fill(gen, ix)
            if meta:
                self._pending_meta.update(meta)
            self._write_meta(gen)
            layout.switch_current(self.index_dir, gen)
            layout.prune(self.index_dir)
            self.refresh()
            return gen
        finally:
            if not self._hold_lock:
                self.release()

    # ------------------------------------------------------------------ searching

    def _filter_masks(self, snap: Snapshot, r: SearchRequest) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        other = snap.alive.copy()
        if r.date_from or r.date_to:
            other &= snap.date_mask(
                date_number(r.date_from) if r.date_from else None, date_number(r.date_to) if r.date_to else None
            )
        if r.meeting:
            other &= snap.term_mask("meeting", r.meeting)
        fmasks: dict[str, np.ndarray] = {}
        if r.committee:
            names = [v for v in r.committee if "/committee/" not in v]
            keys = [v for v in r.committee if "/committee/" in v]
            fmasks["committee"] = snap.values_mask("committee", names) | snap.values_mask("committee_key", keys)
        for name in ("speaker", "topic", "council"):
            vals = getattr(r, name)
            if vals:
                fmasks[name] = snap.values_mask(name, vals)
        if r.year:
            fmasks["year"] = snap.values_mask("year", [str(y) for y in r.year])
        return other, fmasks

    def _order(self, snap: Snapshot, final: np.ndarray, scores: np.ndarray, sort: str, by_score: bool, k: int) -> np.ndarray:
        """Matching docnums in result order, at least the first ``k`` of them.

        relevance: BM25 (procedural items already scaled down) rounded to 4 decimals, then
        substantive before procedural items, then newer meeting first (the mild recency tie-break:
        equal evidence, the newer item wins), then agenda order; with no query to score by,
        substantive items newest first, then procedural ones. newest/oldest: meeting date (undated
        items last), then meeting, then agenda position, so a meeting's items stay together in
        agenda order. Only candidates that can reach the top ``k`` are sorted.
        """
        cand = np.flatnonzero(final)
        if not cand.size:
            return cand
        dates = snap.date[cand]
        if sort == "relevance" and by_score:
            primary = -np.round(scores[cand].astype(np.float64), 4)
            second = np.where(snap.procedural[cand], 0, -100_000_000) - dates  # ties: substantive first
        elif sort == "oldest":
            primary = np.where(dates > 0, dates, 99_999_999)
            second = np.zeros_like(dates)
        elif sort == "relevance":  # nothing to score by: substantive items first, newest first
            primary = np.where(snap.procedural[cand], 0, -100_000_000) - dates
            second = np.zeros_like(dates)
        else:  # newest
            primary = -dates
            second = np.zeros_like(dates)
        if cand.size > 4 * k:
            thr = np.partition(primary, k - 1)[k - 1]
            keep = primary <= thr
            cand, primary, second = cand[keep], primary[keep], second[keep]
        order = np.lexsort((cand, snap.position[cand], snap.meeting_no[cand], second, primary))
        return cand[order]

    def search(self, request: SearchRequest) -> SearchPage:
        started = time.perf_counter()
        validate_request(request, self.settings)
        snap = self.snapshot()
        s = self.settings
        deadline = Deadline(s.time_limit_ms / 1000.0)
        parsed = parse(
            request.q,
            QueryOptions(allow_wildcards=s.allow_wildcards, allow_fuzzy=s.allow_fuzzy, allow_ranges=s.allow_ranges,
                         allow_regex=s.allow_regex,
                         max_chars=s.max_query_chars, max_terms=s.max_query_terms),
        )
        other, fmasks = self._filter_masks(snap, request)
        ev = Evaluator(snap, deadline, s.max_expansions, scope=_answer_scope(other, fmasks, request.facets),
                       max_verify=s.max_phrase_verify)
        qmask, scores = ev.evaluate(parsed.root)
        demote_procedural(snap, scores, s.procedural_weight)
        base = qmask & other
        final = base.copy()
        for m in fmasks.values():
            final &= m
        total = int(np.count_nonzero(final))
        offset = (request.page - 1) * request.per_page
        ranked = self._order(snap, final, scores, request.sort, not parsed.is_empty, offset + request.per_page)
        page_docs = ranked[offset: offset + request.per_page]
        stems, phrases = positive_terms(parsed.root)
        hits = tuple(
            self._hit(snap, int(d), float(scores[d]), stems, phrases, request.highlight and not deadline.passed())
            for d in page_docs
        )
        facets: dict[str, tuple[FacetValue, ...]] = {}
        if request.facets and not deadline.passed():
            selected = {
                "committee": request.committee, "speaker": request.speaker, "topic": request.topic,
                "council": request.council, "year": tuple(str(y) for y in request.year),
            }
            facets = facet_counts(snap, base, fmasks, selected, s.facet_size)
        suggestion = None
        if total < s.suggest_below and request.q.strip() and not deadline.passed():
            suggestion = self._suggest(snap, parsed.root, request.q, total, other, fmasks, deadline)
        return SearchPage(
            request=request,
            total=total,
            results=hits,
            facets=facets,
            suggestion=suggestion,
            partial=deadline.hit or ev.cut_short,
            elapsed_ms=round((time.perf_counter() - started) * 1000.0, 2),
        )

    def _hit(self, snap: Snapshot, docnum: int, score: float, stems, phrases, highlight: bool) -> SearchHit:
        p = snap.stored(docnum)
        texts = [p.get("minutes_text") or "", p.get("agenda_text") or "", p.get("decision_text") or ""]
        if highlight:
            html = best_snippet(texts, stems, phrases, self.settings.snippet_chars)
        else:
            html = best_snippet(texts, set(), [], self.settings.snippet_chars)
        return SearchHit(
            id=p.get("id", ""),
            title=p.get("title", ""),
            committee=p.get("committee", ""),
            council=p.get("council", ""),
            date=_parse_date(p.get("date")),
            item_number=p.get("item_number"),
            source_url=p.get("source_url"),
            snippet_html=html,
            speakers=tuple(p.get("speaker_names") or ()),
            topics=tuple(p.get("topics") or ()),
            meeting_id=(p.get("meeting") or {}).get("key"),
            score=round(score, 4),
        )

    def _suggest(self, snap: Snapshot, root, original: str, total: int, other: np.ndarray,
                 fmasks: dict[str, np.ndarray], deadline: Deadline) -> str | None:
        """'Did you mean': replace words the index does not know (exactly or by stem) with the
        near word whose query finds the most items under the same filters (indexer.suggest)."""
        words: list[str] = []

        def walk(n) -> None:
            if isinstance(n, (And, Or)):
                for c in n.children:
                    walk(c)
            elif isinstance(n, (Words, Phrase)) and n.field in (None, "title"):
                words.extend(n.words)

        walk(root)
        if not words:
            return None

        def in_index(word: str) -> bool:
            if snap.doc_frequency(snap.postings(EXACT_FIELD, word)[0]):
                return True
            stem = analysis.stem(word)
            return any(snap.doc_frequency(snap.postings(f, stem)[0]) for f in TEXT_FIELDS)

        s = self.settings
        options = QueryOptions(allow_wildcards=s.allow_wildcards, allow_fuzzy=s.allow_fuzzy,
                               allow_ranges=s.allow_ranges, allow_regex=s.allow_regex,
                               max_chars=s.max_query_chars, max_terms=s.max_query_terms)

        def hits(query: str) -> int:
            if deadline.passed():
                return 0
            scope = other.copy()
            for m in fmasks.values():
                scope &= m
            mask, _ = Evaluator(snap, deadline, s.max_expansions, scope=scope,
                                max_verify=s.max_phrase_verify).evaluate(parse(query, options).root)
            mask &= scope
            return int(np.count_nonzero(mask))

        return suggest(snap.vocabulary(), words, original, in_index=in_index, hits=hits, current_hits=total)

    # ------------------------------------------------------------------ items

    def get_item(self, item_id: str) -> ItemDetail | None:
        if not isinstance(item_id, str) or not item_id or len(item_id) > 500:
            return None
        snap = self.snapshot()
        d = snap.docnum_for_id(item_id)
        if d is None:
            return None
        return _detail_from_payload(snap.stored(d))

    def more_like_this(self, item_id: str, limit: int = 5) -> tuple[SearchHit, ...]:
        snap = self.snapshot()
        d = snap.docnum_for_id(item_id)
        if d is None:
            return ()
        limit = max(0, min(int(limit), 50))
        p = snap.stored(d)
        counts = analysis.stem_counts((p.get("title") or "", p.get("agenda_text") or "", p.get("minutes_text") or ""))
        scored = []
        for term, tf in counts.items():
            df = snap.doc_frequency(snap.postings("body", term)[0])
            if df <= 1:
                continue
            scored.append((tf * snap.idf(df), term))
        terms = [t for _s, t in sorted(scored, reverse=True)[:12]]
        if not terms:
            return ()
        ev = Evaluator(snap, Deadline(self.settings.time_limit_ms / 1000.0))
        mask, scores = ev._or_terms((("title", TITLE_BOOST), ("body", 1.0)), terms)  # already stems
        mask &= snap.alive
        mask[d] = False
        demote_procedural(snap, scores, self.settings.procedural_weight)
        ranked = self._order(snap, mask, scores, "relevance", True, limit)
        return tuple(self._hit(snap, int(x), float(scores[x]), set(), [], False) for x in ranked[:limit])

    # ------------------------------------------------------------------ registers

    def _commitment_rows(self, snap: Snapshot) -> list[dict[str, Any]]:
        if snap._commitments is not None:
            return snap._commitments
        rows: list[dict[str, Any]] = []
        ids, _ = snap.postings("has_commitments", "yes")
        for d in ids:
            if not snap.alive[d]:
                continue
            p = snap.stored(int(d))
            for c in p.get("commitments") or ():
                rows.append({
                    "item_id": p.get("id", ""), "item_title": p.get("title", ""),
                    "committee": p.get("committee", ""), "committee_id": p.get("committee_id", ""),
                    "council": p.get("council", ""), "meeting_date": _parse_date(p.get("date")),
                    "text": c.get("text") or "", "who": c.get("who"), "due": _parse_date(c.get("due")),
                    "due_text": c.get("due_text"), "strength": c.get("strength") or "",
                })
        rows.sort(key=lambda r: (r["due"] is None, r["due"] or date.max, -(r["meeting_date"] or date.min).toordinal(), r["item_id"]))
        snap._commitments = rows
        return rows

    def commitments(
        self,
        committee: tuple[str, ...] = (),
        who: str | None = None,
        strength: str | None = None,
        due_before: date | None = None,
    ) -> Iterator[CommitmentRow]:
        """Commitments, soonest due first (undated last), newest meeting first within a due date."""
        snap = self.snapshot()
        wanted = set(committee)
        who_l = who.casefold() if who else None
        for r in self._commitment_rows(snap):
            if wanted and r["committee"] not in wanted and r["committee_id"] not in wanted:
                continue
            if who_l and who_l not in (r["who"] or "").casefold():
                continue
            if strength and r["strength"] != strength:
                continue
            if due_before and (r["due"] is None or r["due"] >= due_before):
                continue
            yield CommitmentRow(**{k: v for k, v in r.items() if k != "committee_id"})

    def coverage(self) -> tuple[CoverageRow, ...]:
        snap = self.snapshot()
        vi = snap.values("site")
        sites_meta = snap.meta.get("sites") or {}
        rows = []
        for i, site in enumerate(vi.values):
            docs = vi.docs[vi.vals == i]
            if not docs.size:
                continue
            dates = snap.date[docs]
            known = dates[dates > 0]
            info = sites_meta.get(site) or {}
            council = info.get("council") or snap.stored(int(docs[0])).get("council", site)
            rows.append(CoverageRow(
                council=council,
                site=site,
                meetings=int(np.unique(snap.meeting_no[docs]).size),
                items=int(docs.size),
                first_date=_num_date(int(known.min())) if known.size else None,
                last_date=_num_date(int(known.max())) if known.size else None,
                last_harvested=info.get("last_harvested"),
            ))
        rows.sort(key=lambda r: r.council.casefold())
        return tuple(rows)


def _answer_scope(other: np.ndarray, fmasks: dict[str, np.ndarray], facets: bool) -> np.ndarray:
    """Documents whose query answer can show up on the page: inside the date/meeting filters and
    every facet filter, or, when facets are counted (disjunctively: each facet ignores its own
    filter), failing at most one facet filter. Phrase verification is limited to these."""
    if not fmasks:
        return other
    if not facets:
        scope = other.copy()
        for m in fmasks.values():
            scope &= m
        return scope
    failed = np.zeros(other.shape, dtype=np.int8)
    for m in fmasks.values():
        failed += ~m
    return other & (failed <= 1)


def demote_procedural(snap: Snapshot, scores: np.ndarray, weight: float) -> None:
    """Scale the scores of standing agenda items (indexer.procedural) by ``weight``, in place."""
    if weight != 1.0 and snap.procedural.size:
        scores[snap.procedural] *= np.float32(weight)


def _num_date(n: int) -> date | None:
    try:
        return date(n // 10000, n // 100 % 100, n % 100)
    except ValueError:
        return None


def _detail_from_payload(p: dict[str, Any]) -> ItemDetail:
    return ItemDetail(
        id=p.get("id", ""),
        title=p.get("title", ""),
        committee=p.get("committee", ""),
        committee_id=p.get("committee_id", ""),
        council=p.get("council", ""),
        date=_parse_date(p.get("date")),
        item_number=p.get("item_number"),
        position=int(p.get("position") or 0),
        agenda_text=p.get("agenda_text") or "",
        minutes_text=p.get("minutes_text") or "",
        decision_text=p.get("decision_text") or "",
        restricted=bool(p.get("restricted")),
        source_url=p.get("source_url"),
        meeting=dict(p.get("meeting") or {}),
        speakers=tuple(p.get("speakers") or ()),
        decisions=tuple(p.get("decisions") or ()),
        commitments=tuple(p.get("commitments") or ()),
        documents=tuple(p.get("documents") or ()),
        topics=tuple(p.get("topics") or ()),
        keyphrases=tuple(p.get("keyphrases") or ()),
    )


def open_search(paths: Any, settings: SearchSettings | None = None, index_dir: Path | str | None = None) -> WhooshBackend:
    """The backend for an instance folder (``paths.index_dir``, or ``index_dir`` when given)."""
    return WhooshBackend(Path(index_dir) if index_dir else paths.index_dir, settings)

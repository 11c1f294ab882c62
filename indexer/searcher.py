"""One open view of the index (a ``Snapshot``) and query evaluation over it.

A Snapshot wraps one Whoosh searcher and the per-document arrays derived from it: which documents
are alive, meeting dates, agenda positions, field lengths and, lazily, each facet's value lists.
Queries are evaluated as whole-collection numpy masks and score vectors built from complete posting
lists (cached), so a phrase, a facet count or a date range costs a few vectorised operations instead
of Whoosh's per-posting Python loop. Whoosh still does everything on disk: segments, postings,
stored payloads, commits, locking.

Quoted phrases: one word is a posting list of the unstemmed field, two words one word-pair term;
three or more words intersect their pairs' postings (a superset: the pairs may sit in different
sentences) and the survivors are verified against their text (the ``phrase_text`` column), matched
exactly as the tokenizer splits it (``Evaluator._verify_phrase``). That is the only per-document Python work in a query, so it is
confined to the documents that can reach the answer and bounded by the deadline and a cap.

Scoring is BM25 over stems (title x3, body x1) with two adjustments made here and in the backend:
each unquoted word prefers its exact form (``EXACT_BOOST``, ``STEM_ONLY_WEIGHT``), and standing
agenda items (``Snapshot.procedural``, see ``indexer.procedural``) are scaled down by the backend.

Thread safety: Whoosh readers share file positions, so every read from Whoosh happens under the
snapshot's lock; the numpy work happens outside it. A Snapshot never changes after it is built
(apart from its caches), so searches running while a newer index is swapped in finish on the
snapshot they started with.
"""

from __future__ import annotations

import bisect
import fnmatch
import json
import math
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np

from indexer import analysis, arrays, pairindex
from indexer.query import And, DateRange, Fuzzy, MatchAll, Node, Not, Or, Phrase, Regex, Wildcard, Words
from indexer.suggest import Vocabulary
from indexer.schema import EXACT_FIELD, PAIRS_FIELD, PHRASE_TEXT_FIELD, TITLE_BOOST

K1 = 1.2
B = 0.75
PHRASE_BOOST = 1.5
# Unquoted words match by stem (plans ~ planning) but the exact word form is stronger evidence:
# "Prevent" (a programme) should rank an item saying "Prevent" above "Suicide Prevention Plan". So
# for each word, an item containing the exact form (the unstemmed ``exact`` field: title and texts)
# gains that field's BM25 times EXACT_BOOST, and an item matching only through the stem has that
# word's stemmed score multiplied by STEM_ONLY_WEIGHT.
EXACT_BOOST = 2.0
STEM_ONLY_WEIGHT = 0.5
TERM_CACHE_BYTES = 96 * 1024 * 1024  # posting arrays kept per snapshot (LRU)
PHRASE_CACHE_ENTRIES = 64  # phrases whose verified documents are remembered (2 bytes per document each)
VALUE_FIELD_FOR_PREFIX = {"committee": "committee", "speaker": "speaker", "topic": "topic", "council": "council"}


class Deadline:
    """A per-query time budget checked at safe points (thread-safe: no signals, unlike alarms)."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.hit = False

    def passed(self) -> bool:
        if not self.hit and time.monotonic() > self.end:
            self.hit = True
        return self.hit


@dataclass
class ValueIndex:
    """Forward index of one value field: for every (document, value) pair, both as arrays."""

    values: list[str]
    ids: dict[str, int]
    docs: np.ndarray  # global docnums
    vals: np.ndarray  # value index per pair
    word_stems: list[tuple[str, ...]]  # stems of each value's words, for prefix queries
    word_lists: list[tuple[str, ...]]  # lower-cased words of each value, for phrase prefixes

    def count(self, mask: np.ndarray) -> np.ndarray:
        if not self.docs.size:
            return np.zeros(len(self.values), dtype=np.int64)
        return np.bincount(self.vals[mask[self.docs]], minlength=len(self.values))


class Snapshot:
    def __init__(self, ix, generation: str, meta: dict[str, Any]) -> None:
        self.ix = ix
        self.generation = generation
        self.meta = meta
        self.lock = threading.RLock()
        self.searcher = ix.searcher()
        self.reader = self.searcher.reader()
        self.toc_generation = ix.latest_generation()
        self.leaves = list(self.reader.leaf_readers())
        self.n = self.reader.doc_count_all()
        self.alive = self._concat(arrays.alive_mask(r) for r, _ in self.leaves) if self.n else np.zeros(0, bool)
        self.doc_count = int(self.alive.sum())
        self.date = self._concat_num("date")
        self.position = self._concat_num("position")
        self.meeting_no = self._concat_num("meeting_no")
        self.year = np.where(self.date > 0, self.date // 10000, 0)
        # Standing agenda items (indexer.procedural), demoted in relevance ranking.
        self.procedural = self.term_mask_unlocked("procedural", "yes") if self.n else np.zeros(0, bool)
        # Word pairs live beside each segment (indexer.pairindex), memory-mapped.
        self.pairs = [pairindex.SegmentPairs.open(ix.storage, r.segment()) for r, _ in self.leaves] if self.n else []
        self.lengths: dict[str, np.ndarray] = {}
        self.avg_length: dict[str, float] = {}
        for f in ("title", "body", EXACT_FIELD, PAIRS_FIELD):
            if f == PAIRS_FIELD:
                parts: Iterable[np.ndarray] = (p.lengths[: r.doc_count_all()] for p, (r, _) in zip(self.pairs, self.leaves))
            else:
                parts = (arrays.field_lengths(r, f) for r, _ in self.leaves)
            ln = self._concat(parts) if self.n else np.zeros(0, np.float32)
            self.lengths[f] = ln
            alive_lens = ln[self.alive]
            self.avg_length[f] = float(alive_lens.mean()) if alive_lens.size else 1.0
        self._term_cache: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._cache_bytes = 0
        self._values: dict[str, ValueIndex] = {}
        self._phrase_columns: list[Any] | None = None
        self._phrase_checks: OrderedDict[tuple[Any, ...], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._commitments: list[dict[str, Any]] | None = None
        self._vocab: Vocabulary | None = None
        dated = self.date[self.alive & (self.date > 0)]
        self.min_date = int(dated.min()) if dated.size else 0
        self.max_date = int(dated.max()) if dated.size else 0

    # -- loading ---------------------------------------------------------------------------------

    def _concat(self, parts: Iterable[np.ndarray]) -> np.ndarray:
        parts = list(parts)
        return np.concatenate(parts) if parts else np.zeros(0)

    def _concat_num(self, fieldname: str) -> np.ndarray:
        if not self.n:
            return np.zeros(0, dtype=np.int64)
        return self._concat(arrays.numeric_column(r, fieldname) for r, _ in self.leaves).astype(np.int64)

    def close(self) -> None:
        with self.lock:
            try:
                self.searcher.close()
            except Exception:  # pragma: no cover - closing is best effort
                pass

    def postings(self, fieldname: str, term: str) -> tuple[np.ndarray, np.ndarray]:
        """Global (docnums, weights) for a term, across segments, cached (LRU)."""
        key = (fieldname, term)
        with self.lock:
            hit = self._term_cache.get(key)
            if hit is not None:
                self._term_cache.move_to_end(key)
                return hit
            id_parts, w_parts = [], []
            for ids, ws, offset in self._leaf_postings(fieldname, term):
                if ids.size:
                    id_parts.append(ids.astype(np.int64) + offset)
                    w_parts.append(ws)
            if id_parts:
                result = (np.concatenate(id_parts).astype(np.int32), np.concatenate(w_parts).astype(np.float32))
            else:
                result = (np.zeros(0, np.int32), np.zeros(0, np.float32))
            self._term_cache[key] = result
            self._cache_bytes += result[0].nbytes + result[1].nbytes + 200
            while self._cache_bytes > TERM_CACHE_BYTES and len(self._term_cache) > 1:
                _k, (a, b) = self._term_cache.popitem(last=False)
                self._cache_bytes -= a.nbytes + b.nbytes + 200
            return result

    def _leaf_postings(self, fieldname: str, term: str) -> Iterable[tuple[np.ndarray, np.ndarray, int]]:
        """(segment-local docnums, weights, segment offset) of a term in each segment (under the lock)."""
        if fieldname == PAIRS_FIELD:
            key = pairindex.term_hash(term)
            for pairs, (_reader, offset) in zip(self.pairs, self.leaves):
                ids, freqs = pairs.lookup(key)
                yield ids, freqs, offset
            return
        btext = term.encode("utf-8")
        for reader, offset in self.leaves:
            ids, ws = arrays.postings(reader, fieldname, btext)
            yield ids, ws, offset

    def values(self, fieldname: str) -> ValueIndex:
        """The forward index of a value field, built once per snapshot."""
        vi = self._values.get(fieldname)
        if vi is not None:
            return vi
        with self.lock:
            vi = self._values.get(fieldname)
            if vi is not None:
                return vi
            ids: dict[str, int] = {}
            values: list[str] = []
            doc_parts, val_parts = [], []
            for reader, offset in self.leaves:
                local_values, docs, vals = arrays.value_postings(reader, fieldname)
                if not local_values:
                    continue
                remap = np.empty(len(local_values), dtype=np.int32)
                for i, v in enumerate(local_values):
                    gid = ids.get(v)
                    if gid is None:
                        gid = ids[v] = len(values)
                        values.append(v)
                    remap[i] = gid
                doc_parts.append(docs.astype(np.int64) + offset)
                val_parts.append(remap[vals])
            docs_all = np.concatenate(doc_parts) if doc_parts else np.zeros(0, np.int64)
            vals_all = np.concatenate(val_parts) if val_parts else np.zeros(0, np.int32)
            keep = self.alive[docs_all] if docs_all.size else np.zeros(0, bool)
            vi = ValueIndex(
                values=values,
                ids=ids,
                docs=docs_all[keep],
                vals=vals_all[keep],
                word_stems=[tuple(analysis.stem(w) for w in analysis.words(v)) for v in values],
                word_lists=[tuple(analysis.words(v)) for v in values],
            )
            self._values[fieldname] = vi
            return vi

    def vocabulary(self) -> "Vocabulary":
        """The word vocabulary for suggestions, loaded on first use."""
        if self._vocab is None:
            with self.lock:
                if self._vocab is None:
                    self._vocab = Vocabulary(
                        (t.decode("utf-8"), ti.doc_frequency())
                        for reader, _ in self.leaves
                        for t, ti in reader.iter_field(EXACT_FIELD)
                    )
        return self._vocab

    def stored(self, docnum: int) -> dict[str, Any]:
        with self.lock:
            fields = self.searcher.stored_fields(int(docnum))
        return json.loads(fields.get("payload") or "{}")

    def phrase_parts(self, docnums: Iterable[int]) -> list[list[str]]:
        """The normalised parts (title, agenda, minutes, decision) of several documents, from the
        uncompressed ``phrase_text`` column, read under one lock acquisition."""
        starts = [offset for _r, offset in self.leaves]
        out: list[list[str]] = []
        with self.lock:
            if self._phrase_columns is None:
                self._phrase_columns = [
                    r.column_reader(PHRASE_TEXT_FIELD, translate=False) if r.has_column(PHRASE_TEXT_FIELD) else None
                    for r, _ in self.leaves
                ]
            columns = self._phrase_columns
            for d in docnums:
                i = bisect.bisect_right(starts, int(d)) - 1
                col = columns[i]
                out.append(analysis.phrase_parts(col[int(d) - starts[i]]) if col is not None else [])
        return out

    def phrase_checks(self, key: tuple[Any, ...]) -> tuple[np.ndarray, np.ndarray]:
        """(checked, matched) masks remembered for one phrase on this snapshot, so paging through a
        phrase's results or changing its filters verifies each document at most once (LRU)."""
        with self.lock:
            entry = self._phrase_checks.get(key)
            if entry is None:
                entry = (np.zeros(self.n, dtype=bool), np.zeros(self.n, dtype=bool))
                self._phrase_checks[key] = entry
                while len(self._phrase_checks) > PHRASE_CACHE_ENTRIES:
                    self._phrase_checks.popitem(last=False)
            else:
                self._phrase_checks.move_to_end(key)
            return entry

    def docnum_for_id(self, item_id: str) -> int | None:
        ids, _ = self.postings("id", item_id)
        for d in ids:
            if self.alive[d]:
                return int(d)
        return None

    # -- masks -----------------------------------------------------------------------------------

    def term_mask_unlocked(self, fieldname: str, term: str) -> np.ndarray:
        """``term_mask`` for use while the snapshot is being built (before any cache exists)."""
        mask = np.zeros(self.n, dtype=bool)
        btext = term.encode("utf-8")
        for reader, offset in self.leaves:
            ids, _ws = arrays.postings(reader, fieldname, btext)
            if ids.size:
                mask[ids.astype(np.int64) + offset] = True
        return mask

    def term_mask(self, fieldname: str, term: str) -> np.ndarray:
        ids, _ = self.postings(fieldname, term)
        mask = np.zeros(self.n, dtype=bool)
        if ids.size:
            mask[ids] = True
        return mask

    def values_mask(self, fieldname: str, values: Iterable[str]) -> np.ndarray:
        """Documents having ANY of the values (OR within one facet)."""
        mask = np.zeros(self.n, dtype=bool)
        for v in values:
            ids, _ = self.postings(fieldname, v)
            if ids.size:
                mask[ids] = True
        return mask

    def date_mask(self, lo: int | None, hi: int | None) -> np.ndarray:
        mask = self.date > 0
        if lo is not None:
            mask &= self.date >= lo
        if hi is not None:
            mask &= self.date <= hi
        return mask

    # -- scoring ---------------------------------------------------------------------------------

    def doc_frequency(self, ids: np.ndarray) -> int:
        return int(np.count_nonzero(self.alive[ids])) if ids.size else 0

    def idf(self, df: int) -> float:
        n = max(self.doc_count, 1)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def bm25(self, fieldname: str, term: str, boost: float = 1.0) -> tuple[np.ndarray, np.ndarray, float]:
        """(docnums, scores, df) of one term in one field."""
        ids, tf = self.postings(fieldname, term)
        if not ids.size:
            return ids, tf, 0
        df = self.doc_frequency(ids)
        dl = self.lengths[fieldname][ids]
        norm = K1 * (1.0 - B + B * dl / max(self.avg_length[fieldname], 1e-6))
        scores = (self.idf(df) * boost) * tf * (K1 + 1.0) / (tf + norm)
        return ids, scores.astype(np.float32), df


VERIFY_CHUNK = 64  # phrase candidates verified between two deadline checks (the first chunk always is)


class Evaluator:
    """Turns a query tree into (mask, scores) over one snapshot.

    ``scope``: the documents whose answer can matter to the caller (alive, within the request's
    date/meeting filters and, for disjunctive facets, failing at most one facet filter). Every
    operator is evaluated document by document and the caller intersects the result with the
    scope, so leaves may ignore documents outside it; phrase verification (the only per-document
    Python work) does, and inside an AND it is also restricted to the documents the other parts
    still allow. ``max_verify`` bounds how many phrase candidates one phrase verifies; past it, or
    past the deadline, unverified candidates are dropped (never counted or returned) and
    ``cut_short`` is set so the page can be flagged partial.
    """

    def __init__(self, snap: Snapshot, deadline: Deadline, max_expansions: int = 64,
                 scope: np.ndarray | None = None, max_verify: int = 100_000) -> None:
        self.snap = snap
        self.deadline = deadline
        self.max_expansions = max_expansions
        self.scope = snap.alive if scope is None else scope & snap.alive
        self.max_verify = max_verify
        self.cut_short = False
        self.negated = False  # inside an odd number of NOTs: unverified phrase candidates count as matches

    def empty(self) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(self.snap.n, dtype=bool), np.zeros(self.snap.n, dtype=np.float32)

    def everything(self) -> tuple[np.ndarray, np.ndarray]:
        return self.snap.alive.copy(), np.zeros(self.snap.n, dtype=np.float32)

    def evaluate(self, node: Node) -> tuple[np.ndarray, np.ndarray]:
        mask, scores = self._eval(node)
        return mask & self.snap.alive, scores

    def _eval(self, node: Node) -> tuple[np.ndarray, np.ndarray]:
        if isinstance(node, MatchAll):
            return self.everything()
        if isinstance(node, Words):
            return self._words(node)
        if isinstance(node, Phrase):
            return self._phrase(node)
        if isinstance(node, Wildcard):
            return self._wildcard(node)
        if isinstance(node, Fuzzy):
            return self._fuzzy(node)
        if isinstance(node, Regex):
            return self._regex(node)
        if isinstance(node, DateRange):
            return self.snap.date_mask(node.lo, node.hi), np.zeros(self.snap.n, dtype=np.float32)
        if isinstance(node, Not):
            mask, _ = self._negated_eval(node.child)
            return ~mask & self.snap.alive, np.zeros(self.snap.n, dtype=np.float32)
        if isinstance(node, And):
            mask, scores = self.everything()
            outer = self.scope
            try:
                # Parts needing phrase verification go last, each verified only where the others
                # already matched (AND is commutative, so the order changes no result).
                for child in sorted(node.children, key=_needs_verification):
                    self.scope = outer & mask
                    if isinstance(child, Not):
                        cmask, _ = self._negated_eval(child.child)
                        mask &= ~cmask
                    else:
                        cmask, cscores = self._eval(child)
                        mask &= cmask
                        scores += cscores
                    if not mask.any():
                        break
            finally:
                self.scope = outer
            return mask, scores
        if isinstance(node, Or):
            mask, scores = self.empty()
            for child in node.children:
                cmask, cscores = self._eval(child)
                mask |= cmask
                scores += cscores
            return mask, scores
        raise TypeError(f"unknown query node {node!r}")  # pragma: no cover

    def _negated_eval(self, node: Node) -> tuple[np.ndarray, np.ndarray]:
        self.negated = not self.negated
        try:
            return self._eval(node)
        finally:
            self.negated = not self.negated

    # leaves

    def _stem_in(self, stem: str, fields: tuple[tuple[str, float], ...]) -> tuple[np.ndarray, np.ndarray]:
        mask, scores = self.empty()
        for fieldname, boost in fields:
            ids, sc, _ = self.snap.bm25(fieldname, stem, boost)
            if ids.size:
                mask[ids] = True
                scores[ids] += sc  # ids are unique within one term's postings
        return mask, scores

    def _text_fields(self, fieldname: str | None) -> tuple[tuple[str, float], ...]:
        if fieldname == "title":
            return (("title", TITLE_BOOST),)
        return (("title", TITLE_BOOST), ("body", 1.0))

    def _words(self, node: Words) -> tuple[np.ndarray, np.ndarray]:
        if node.field in VALUE_FIELD_FOR_PREFIX:
            return self._value_prefix(node.field, [analysis.stem(w) for w in node.words], phrase=False)
        mask, scores = self.everything()
        for w in node.words:
            m, s = self._stem_in(analysis.stem(w), self._text_fields(node.field))
            mask &= m
            if node.field is None and w not in analysis.STOP_WORDS:
                ids, sc, _ = self.snap.bm25(EXACT_FIELD, w, EXACT_BOOST)
                exact = np.zeros(self.snap.n, dtype=bool)
                if ids.size:
                    exact[ids] = True
                    s[ids] += sc  # a bonus only: the stemmed fields decide what matches
                s[~exact] *= np.float32(STEM_ONLY_WEIGHT)
            scores += s
        return mask, scores

    def _phrase(self, node: Phrase) -> tuple[np.ndarray, np.ndarray]:
        if node.field in VALUE_FIELD_FOR_PREFIX:
            return self._value_prefix(node.field, list(node.words), phrase=True)
        mask, scores = self.everything()
        words = list(node.words)
        fieldname = PAIRS_FIELD if len(words) > 1 else EXACT_FIELD
        for term in analysis.phrase_terms(words) if len(words) > 1 else words:
            ids, sc, _ = self.snap.bm25(fieldname, term, PHRASE_BOOST)
            m = np.zeros(self.snap.n, dtype=bool)
            if ids.size:
                m[ids] = True
                scores[ids] += sc
            mask &= m
            if not mask.any():
                break
        # Title evidence: the phrase's words all in the title. Required for ``title:"..."``; for a
        # plain phrase it adds the title's BM25 for those words, so a phrase in the title ranks
        # above the same phrase in the body (as for plain words).
        title_mask, title_scores = self.everything()
        content = [w for w in node.words if w not in analysis.STOP_WORDS]
        for w in content:
            m, sc = self._stem_in(analysis.stem(w), (("title", TITLE_BOOST),))
            title_mask &= m
            title_scores += sc
        if content:
            if node.field == "title":
                mask &= title_mask
            hit = mask & title_mask
            scores[hit] += title_scores[hit]
        elif node.field == "title":
            mask &= np.zeros(self.snap.n, dtype=bool)
        if len(words) > 2:  # the pairs are all there; is the sequence?
            mask = self._verify_phrase(mask, scores, node)
        return mask, scores

    def _verify_phrase(self, candidates: np.ndarray, scores: np.ndarray, node: Phrase) -> np.ndarray:
        """Keep the candidates (all pairs present) whose stored text contains the exact phrase.

        Each candidate's normalised parts are read from the uncompressed ``phrase_text`` column
        and searched part by part with ``analysis.PhraseMatcher`` (a few µs; the stored payload
        would cost ~20 µs more in zlib alone). Results are remembered per snapshot
        (``Snapshot.phrase_checks``).

        Bounded: candidates are verified best phrase score first (then index order), in chunks
        with a deadline check between chunks (the first chunk is always verified, so a slow query
        still shows something), and at most ``max_verify`` of them. Whatever is left unverified is
        dropped and ``cut_short`` is set: totals and facets count verified matches only. Under NOT
        the unverified candidates count as matches instead, so ``-"a b c"`` never lets through an
        item that might contain the phrase.
        """
        title_only = node.field == "title"
        checked, matched = self.snap.phrase_checks(("title" if title_only else "all", node.words))
        in_scope = candidates & self.scope
        cand = np.flatnonzero(in_scope & ~checked)
        if cand.size > VERIFY_CHUNK:
            cand = cand[np.lexsort((cand, -scores[cand]))]
        if cand.size > self.max_verify:
            cand = cand[: self.max_verify]
            self.cut_short = True
        matcher = analysis.PhraseMatcher(node.words)
        for start in range(0, cand.size, VERIFY_CHUNK):
            if start and self.deadline.passed():
                self.cut_short = True
                break
            chunk = cand[start: start + VERIFY_CHUNK]
            found = []
            for d, parts in zip(chunk, self.snap.phrase_parts(chunk)):
                if any(matcher.in_normalised(p) for p in (parts[:1] if title_only else parts)):
                    found.append(d)
            matched[found] = True
            checked[chunk] = True
        if self.negated:  # under NOT, an unverified candidate is excluded rather than let through
            return in_scope & ~(checked & ~matched)
        return in_scope & checked & matched

    def _value_prefix(self, prefix: str, words: list[str], phrase: bool) -> tuple[np.ndarray, np.ndarray]:
        """``speaker:knopp``: documents with any value of that facet containing the words."""
        vi = self.snap.values(VALUE_FIELD_FOR_PREFIX[prefix])
        chosen = []
        for i in range(len(vi.values)):
            if phrase:
                hay = vi.word_lists[i]
                n = len(words)
                if any(hay[j:j + n] == tuple(words) for j in range(len(hay) - n + 1)):
                    chosen.append(vi.values[i])
            elif all(w in vi.word_stems[i] for w in words):
                chosen.append(vi.values[i])
        mask = self.snap.values_mask(VALUE_FIELD_FOR_PREFIX[prefix], chosen)
        return mask, np.zeros(self.snap.n, dtype=np.float32)

    def _expand(self, candidates: Iterable[str], fieldname: str) -> list[str]:
        """Bounded expansion: the most frequent matching terms, at most max_expansions."""
        found = []
        for i, term in enumerate(candidates):
            found.append(term)
            if len(found) >= self.max_expansions * 8 or (i % 256 == 0 and self.deadline.passed()):
                break
        if len(found) > self.max_expansions:
            with self.snap.lock:
                found.sort(key=lambda t: -self.snap.reader.doc_frequency(fieldname, t))
            found = found[: self.max_expansions]
        return found

    def _or_terms(self, fieldname_boosts: tuple[tuple[str, float], ...], terms: list[str]):
        mask, scores = self.empty()
        for t in terms:
            m, s = self._stem_in(t, fieldname_boosts)
            mask |= m
            scores += s
        return mask, scores

    def _wildcard(self, node: Wildcard) -> tuple[np.ndarray, np.ndarray]:
        pattern = node.pattern
        if node.field in VALUE_FIELD_FOR_PREFIX:
            vi = self.snap.values(VALUE_FIELD_FOR_PREFIX[node.field])
            chosen = [v for v, ws in zip(vi.values, vi.word_lists) if any(fnmatch.fnmatchcase(w, pattern) for w in ws)]
            return self.snap.values_mask(VALUE_FIELD_FOR_PREFIX[node.field], chosen), np.zeros(self.snap.n, np.float32)
        # Match the pattern against the unstemmed vocabulary (what people type), then search stems.
        prefix = pattern.split("*")[0].split("?")[0]
        with self.snap.lock:
            if prefix:
                source = [t.decode("utf-8") for t in self.snap.reader.expand_prefix(EXACT_FIELD, prefix)]
            else:
                source = [t.decode("utf-8") for t in self.snap.reader.lexicon(EXACT_FIELD)]
        words = (t for t in source if fnmatch.fnmatchcase(t, pattern))
        terms = sorted({analysis.stem(w) for w in self._expand(words, EXACT_FIELD)})
        return self._or_terms(self._text_fields(node.field), terms)

    def _regex(self, node: Regex) -> tuple[np.ndarray, np.ndarray]:
        """Words of the vocabulary (seen in two or more items) matching the whole pattern."""
        compiled = re.compile(node.pattern)
        if node.field in VALUE_FIELD_FOR_PREFIX:
            vi = self.snap.values(VALUE_FIELD_FOR_PREFIX[node.field])
            chosen = [v for v, ws in zip(vi.values, vi.word_lists) if any(compiled.fullmatch(w) for w in ws)]
            return self.snap.values_mask(VALUE_FIELD_FOR_PREFIX[node.field], chosen), np.zeros(self.snap.n, np.float32)
        vocab = self.snap.vocabulary()
        words = (w for w in vocab.df if compiled.fullmatch(w))
        terms = sorted({analysis.stem(w) for w in self._expand(words, EXACT_FIELD)})
        return self._or_terms(self._text_fields(node.field), terms)

    def _fuzzy(self, node: Fuzzy) -> tuple[np.ndarray, np.ndarray]:
        vocab = self.snap.vocabulary()
        near = vocab.within(node.word, node.distance, self.max_expansions)
        terms = sorted({analysis.stem(w) for w in near} | {analysis.stem(node.word)})
        return self._or_terms(self._text_fields(node.field), terms)


def _needs_verification(node: Node) -> bool:
    """Whether evaluating ``node`` may verify phrases against stored text (the costly part)."""
    if isinstance(node, Phrase):
        return len(node.words) > 2 and node.field not in VALUE_FIELD_FOR_PREFIX
    if isinstance(node, Not):
        return _needs_verification(node.child)
    if isinstance(node, (And, Or)):
        return any(_needs_verification(c) for c in node.children)
    return False

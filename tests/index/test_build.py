"""Building the index: incremental = rebuild, one writer, crash safety, readers during a rebuild."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from index_corpus import fixed_corpus, random_corpus

from indexer import layout
from indexer.build import index_items
from indexer.search_api import IndexBusy, IndexSchemaMismatch, SearchRequest
from indexer.settings import SearchSettings
from indexer.whoosh_backend import WhooshBackend

SETTINGS = SearchSettings(refresh_interval_s=0.0)
QUERIES = ["prevent", '"community safety"', "budget road", "school OR park", "housing -budget", "speaker:grant", ""]


def enrich_from(pairs):
    table = {a.key: e for a, e in pairs}
    return lambda archived: table[archived.key]


def changed_version(pairs):
    """Version 2 of the archive: some items edited, some removed, some added."""
    out = []
    for i, (a, e) in enumerate(pairs):
        if i % 9 == 0:
            continue  # removed
        if i % 5 == 0:
            item = dataclasses.replace(a.item, minutes_text=a.item.minutes_text + " Revised: library closures debated.")
            a = dataclasses.replace(a, item=item)
        out.append((a, e))
    extra = random_corpus(15, seed=99)
    extra = [(dataclasses.replace(a, item=dataclasses.replace(a.item, item_id=a.item.item_id + 5000)), e) for a, e in extra]
    return out + extra


def build(backend, pairs, **kw):
    table = {a.key: e for a, e in pairs}
    return index_items(backend, lambda: [a for a, _ in pairs], enricher=lambda a: table[a.key], **kw)


def fingerprint_of_search(backend, q):
    page = backend.search(SearchRequest(q=q, per_page=10))
    return (page.total, [h.id for h in page.results], {k: [(f.value, f.count) for f in v] for k, v in page.facets.items()})


def test_incremental_equals_rebuild(tmp_path):
    v1 = fixed_corpus() + random_corpus(150)
    v2 = changed_version(v1)
    inc = WhooshBackend(tmp_path / "inc", SETTINGS)
    first = build(inc, v1)
    assert first.rebuilt and first.added == len(v1)
    again = build(inc, v1)
    assert (again.added, again.updated, again.deleted, again.unchanged) == (0, 0, 0, len(v1))
    second = build(inc, v2)
    removed = len([1 for i in range(len(v1)) if i % 9 == 0])
    edited = len([1 for i in range(len(v1)) if i % 9 and i % 5 == 0])
    assert (second.added, second.updated, second.deleted) == (15, edited, removed)
    assert second.unchanged == len(v1) - removed - edited

    full = WhooshBackend(tmp_path / "full", SETTINGS)
    build(full, v2, rebuild=True, procs=2)  # the parallel (forked workers) rebuild
    ids = {a.key for a, _ in v2}
    assert inc.snapshot().doc_count == full.snapshot().doc_count == len(ids)
    for key in ids:
        assert inc.get_item(key) == full.get_item(key)
    for q in QUERIES:
        assert fingerprint_of_search(inc, q) == fingerprint_of_search(full, q), q
    assert list(inc.commitments()) == list(full.commitments())
    assert inc.coverage() == full.coverage()


def test_rebuild_swaps_generations_and_prunes(tmp_path):
    pairs = fixed_corpus()
    b = WhooshBackend(tmp_path / "ix", SETTINGS)
    build(b, pairs)
    g1 = layout.current_generation(b.index_dir)
    build(b, pairs, rebuild=True)
    g2 = layout.current_generation(b.index_dir)
    build(b, pairs, rebuild=True)
    g3 = layout.current_generation(b.index_dir)
    assert g1 != g2 != g3
    assert not g1.exists() and g2.exists()  # the previous generation is kept for open readers
    assert b.search(SearchRequest(q="prevent")).total == 3


def test_second_writer_is_refused(tmp_path):
    a = WhooshBackend(tmp_path / "ix", SETTINGS)
    build(a, fixed_corpus())
    a.hold_write_lock()
    try:
        b = WhooshBackend(tmp_path / "ix", SETTINGS)
        with pytest.raises(IndexBusy, match="index busy, try again"):
            build(b, fixed_corpus())
        assert b.search(SearchRequest(q="prevent")).total == 3  # readers are not blocked
    finally:
        a.release()
    assert build(WhooshBackend(tmp_path / "ix", SETTINGS), fixed_corpus()).unchanged == len(fixed_corpus())


def test_failed_commit_releases_locks(tmp_path, monkeypatch):
    b = WhooshBackend(tmp_path / "ix", SETTINGS)
    build(b, fixed_corpus())
    from whoosh.writing import SegmentWriter

    def boom(self, *a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(SegmentWriter, "commit", boom)
    changed = [(dataclasses.replace(a, item=dataclasses.replace(a.item, title=a.item.title + " (amended)")), e)
               for a, e in fixed_corpus()]
    with pytest.raises(OSError):
        build(b, changed)
    monkeypatch.undo()
    summary = build(WhooshBackend(tmp_path / "ix", SETTINGS), changed)  # not locked for good
    assert summary.updated == len(changed)


def test_schema_mismatch_says_rebuild(tmp_path):
    b = WhooshBackend(tmp_path / "ix", SETTINGS)
    build(b, fixed_corpus())
    gen = layout.current_generation(b.index_dir)
    meta = layout.read_meta(gen)
    layout.write_meta(gen, {**meta, "schema_version": 0})
    fresh = WhooshBackend(tmp_path / "ix", SETTINGS)
    with pytest.raises(IndexSchemaMismatch, match="index built by an older version: run minutes index --rebuild"):
        fresh.search(SearchRequest(q="prevent"))
    with pytest.raises(IndexSchemaMismatch):
        build(fresh, fixed_corpus())
    assert build(fresh, fixed_corpus(), rebuild=True).rebuilt
    assert fresh.search(SearchRequest(q="prevent")).total == 3


def test_readers_keep_working_during_rebuild(tmp_path):
    pairs = fixed_corpus() + random_corpus(300)
    b = WhooshBackend(tmp_path / "ix", SETTINGS)
    build(b, pairs)
    expected = b.search(SearchRequest(q="budget")).total
    reader = WhooshBackend(tmp_path / "ix", SETTINGS)
    errors, totals = [], []
    stop = threading.Event()

    def search_loop():
        while not stop.is_set():
            try:
                totals.append(reader.search(SearchRequest(q="budget")).total)
            except Exception as exc:  # pragma: no cover - the assertion reports it
                errors.append(repr(exc))

    threads = [threading.Thread(target=search_loop) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        rebuilds = 0
        while rebuilds < 2 or (len(totals) < 10 and rebuilds < 20):  # searches overlap rebuilds
            build(b, pairs, rebuild=True)
            rebuilds += 1
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors
    assert len(totals) > 5 and set(totals) == {expected}


CRASH_SCRIPT = r"""
import sys, time
sys.path.insert(0, {tests!r})
from index_corpus import random_corpus, docs
from indexer.whoosh_backend import WhooshBackend
import whoosh.writing as w
b = WhooshBackend({index!r})
b.add_new(docs(random_corpus(2500, seed=5)))
real = w.SegmentWriter.commit
def slow_commit(self, *a, **k):
    print("committing", flush=True)
    return real(self, *a, **k)
w.SegmentWriter.commit = slow_commit
b.commit()
print("done", flush=True)
time.sleep(30)
"""


@pytest.mark.parametrize("delay", [0.0, 0.15, 0.6])
def test_kill_9_during_commit_keeps_completed_commits(tmp_path, delay):
    pairs = fixed_corpus()
    b = WhooshBackend(tmp_path / "ix", SETTINGS)
    build(b, pairs)
    script = CRASH_SCRIPT.format(tests=str(Path(__file__).parent), index=str(tmp_path / "ix"))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=str(Path(__file__).resolve().parents[2]))
    try:
        line = proc.stdout.readline()
        assert line.strip() == "committing"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    after = WhooshBackend(tmp_path / "ix", SETTINGS)
    total = after.search(SearchRequest()).total
    assert total in (len(pairs), len(pairs) + 2500)  # every completed commit, all or nothing of the killed one
    assert after.search(SearchRequest(q="prevent")).total == 3
    # and the index can still be written (no stale lock)
    assert build(WhooshBackend(tmp_path / "ix", SETTINGS), pairs).unchanged == len(pairs)


def test_failed_parallel_rebuild_leaves_live_index_alone(tmp_path):
    from indexer.parallel import ParallelBuildError

    b = WhooshBackend(tmp_path / "ix", SETTINGS)
    build(b, fixed_corpus())
    live = layout.current_generation(b.index_dir)

    def bad_docs(batch):
        raise RuntimeError("extractor exploded")

    with pytest.raises(ParallelBuildError, match="extractor exploded"):
        b.rebuild_parallel([a for a, _ in random_corpus(50)], bad_docs, procs=2)
    assert layout.current_generation(b.index_dir) == live
    assert b.search(SearchRequest(q="prevent")).total == 3
    assert build(b, fixed_corpus(), rebuild=True).rebuilt  # not locked, abandoned generation pruned
    assert len(layout.generations(b.index_dir)) == 2


def test_readers_keep_working_during_incremental_commits(tmp_path):
    pairs = fixed_corpus() + random_corpus(200)
    b = WhooshBackend(tmp_path / "ix", SETTINGS)
    build(b, pairs)
    reader = WhooshBackend(tmp_path / "ix", SETTINGS)
    errors: list[str] = []
    stop = threading.Event()

    def search_loop():
        while not stop.is_set():
            try:
                page = reader.search(SearchRequest(q="budget", per_page=50))
                assert page.total >= 1 and all(h.title for h in page.results)
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(repr(exc))

    t = threading.Thread(target=search_loop)
    t.start()
    try:
        for round_ in range(4):  # each round edits items: new segments, merges, deletions
            edited = [(dataclasses.replace(a, item=dataclasses.replace(a.item, title=f"{a.item.title} r{round_}")), e)
                      if i % 3 == round_ % 3 else (a, e) for i, (a, e) in enumerate(pairs)]
            build(b, edited, commit_every=40)
    finally:
        stop.set()
        t.join()
    assert not errors


def test_duplicate_source_items_make_one_document(tmp_path):
    pairs = fixed_corpus()
    b = WhooshBackend(tmp_path / "ix", SETTINGS)
    table = {a.key: e for a, e in pairs}
    summary = index_items(b, lambda: [a for a, _ in pairs] * 2, enricher=lambda a: table[a.key])
    assert summary.added == len(pairs) == b.search(SearchRequest()).total


def test_every_term_is_found_in_a_large_segment(tmp_path):
    """A term table well past 64 KB (its position index widens) and merged segments: every word
    and word pair written can be looked up again."""
    import random as _random

    from index_corpus import make_item

    from indexer import analysis

    rnd = _random.Random(5)
    vocab = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(3, 9))) for _ in range(3000)]
    pairs = [make_item(9000 + i, f"item {i}", minutes=" ".join(rnd.choice(vocab) for _ in range(120)),
                       meeting_id=i // 5, position=i % 5) for i in range(400)]
    b = WhooshBackend(tmp_path / "ix", SETTINGS)
    build(b, pairs[:300])
    build(b, pairs, commit_every=30)  # small segments merged into the big one
    snap = b.snapshot()
    for a, _ in pairs[::7]:
        toks = analysis.words(a.item.minutes_text)
        doc = snap.docnum_for_id(a.key)
        for j in range(0, len(toks) - 1, 13):
            assert doc in set(snap.postings("pairs", toks[j] + " " + toks[j + 1])[0].tolist())
            assert doc in set(snap.postings("exact", toks[j])[0].tolist())
        phrase = " ".join(toks[40:43])
        assert a.key in {h.id for h in b.search(SearchRequest(q=f'"{phrase}"', per_page=100)).results}
    # ordered access (the term table's position index): the lexicon lists every word exactly once
    words = {w for a, _ in pairs for w in analysis.words(a.item.title + " " + a.item.minutes_text)}
    for leaf, _ in snap.leaves:
        lexicon = [t.decode() for t in leaf.lexicon("exact")]
        assert lexicon == sorted(set(lexicon)) and set(lexicon) <= words
    assert {t.decode() for leaf, _ in snap.leaves for t in leaf.lexicon("exact")} == words
    for prefix in sorted({w[:2] for w in words})[::3]:  # prefix seeks use the position index
        found = {t.decode() for leaf, _ in snap.leaves for t in leaf.expand_prefix("exact", prefix)}
        assert found == {w for w in words if w.startswith(prefix)}, prefix

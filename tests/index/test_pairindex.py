"""The word-pair postings kept beside each segment (indexer.pairindex): hashing, writing, reading,
merging, and what a reader says when a segment's pair file is gone."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from index_corpus import random_corpus
from whoosh.filedb.filestore import FileStorage

from indexer import analysis, layout, pairindex
from indexer.build import index_items
from indexer.search_api import IndexSchemaMismatch, SearchRequest
from indexer.settings import SearchSettings
from indexer.whoosh_backend import WhooshBackend

SETTINGS = SearchSettings(refresh_interval_s=0.0)


class _Segment:
    """The one thing the pair index asks of a Whoosh segment: a file name from an extension."""

    def __init__(self, name: str) -> None:
        self.name = name

    def make_filename(self, ext: str) -> str:
        return self.name + ext

    def create_file(self, storage, ext):
        return storage.create_file(self.make_filename(ext))


def _texts(rnd: random.Random, vocab: list[str]) -> tuple[str, ...]:
    return tuple(" ".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 40))) for _ in range(rnd.randint(1, 4)))


def _expected_pairs(texts_by_doc: dict[int, tuple[str, ...]]) -> dict[tuple[str, str], dict[int, int]]:
    """Brute force: pair -> {doc: occurrences}, pairs taken within each text only."""
    out: dict[tuple[str, str], dict[int, int]] = {}
    for doc, texts in texts_by_doc.items():
        counts: Counter = Counter()
        for t in texts:
            toks = analysis.words(t)
            counts.update(zip(toks, toks[1:]))
        for pair, n in counts.items():
            out.setdefault(pair, {})[doc] = n
    return out


def _write(tmp_path: Path, name: str, texts_by_doc: dict[int, tuple[str, ...]], doc_count: int) -> pairindex.SegmentPairs:
    storage = FileStorage(str(tmp_path))
    buf = pairindex.PairBuffer()
    for doc in sorted(texts_by_doc):
        buf.add_document(doc, texts_by_doc[doc])
    buf.write(storage, _Segment(name), doc_count)
    return pairindex.SegmentPairs.open(storage, _Segment(name))


def _lookup(seg: pairindex.SegmentPairs, a: str, b: str) -> dict[int, int]:
    docs, freqs = seg.lookup(pairindex.pair_hash(a, b))
    return dict(zip(docs.tolist(), freqs.tolist()))


def test_vectorised_hashes_equal_the_scalar_definition_and_never_cross_texts():
    texts = ("Community Safety", "safety plan: the Chair's report", "", "Plan")
    got = pairindex.text_pair_hashes(texts).tolist()
    want = [pairindex.pair_hash(a, b) for a, b in
            [("community", "safety"), ("safety", "plan"), ("plan", "the"), ("the", "chair's"), ("chair's", "report")]]
    assert got == want  # no ("safety", "safety") across the first two texts, none into "Plan"
    assert pairindex.pair_hash("safety", "community") != pairindex.pair_hash("community", "safety")
    assert pairindex.term_hash("community safety") == pairindex.pair_hash("community", "safety")


def test_word_hash_table_starting_again_gives_the_same_hashes():
    table = pairindex._WordHashes(limit=50)
    rnd = random.Random(3)
    words = [f"w{i}" for i in range(400)]
    for _ in range(30):
        toks = [rnd.choice(words) for _ in range(rnd.randint(1, 60))]
        assert table.of(toks).tolist() == [pairindex.word_hash(w) for w in toks]
    assert len(table.ids) <= 60 + 50


def test_segment_round_trip_equals_brute_force(tmp_path):
    rnd = random.Random(11)
    vocab = ["the", "council", "school", "places", "a", "b", "safety", "Community", "x-y", "council's"]
    texts_by_doc = {d: _texts(rnd, vocab) for d in range(0, 300) if d % 7}  # some docs have no pairs
    seg = _write(tmp_path, "MAIN_seg1", texts_by_doc, 300)
    expected = _expected_pairs(texts_by_doc)
    assert seg.keys.size == len(expected)
    assert np.all(seg.keys[1:] > seg.keys[:-1])
    for (a, b), docs in expected.items():
        assert _lookup(seg, a, b) == docs
    assert _lookup(seg, "absent", "pair") == {}
    for doc in range(300):
        n = sum(max(len(analysis.words(t)) - 1, 0) for t in texts_by_doc.get(doc, ()))
        assert seg.lengths[doc] == n


def test_merging_renumbers_drops_deleted_documents_and_keeps_frequencies(tmp_path):
    rnd = random.Random(5)
    vocab = ["alpha", "beta", "gamma", "delta", "the"]
    first = {d: _texts(rnd, vocab) for d in range(40)}
    second = {d: _texts(rnd, vocab) for d in range(25)}
    seg1 = _write(tmp_path, "MAIN_a", first, 40)
    seg2 = _write(tmp_path, "MAIN_b", second, 25)
    # merged segment: one new document (0), then seg1 without its odd documents, then seg2 whole
    fresh = ("alpha beta alpha beta",)
    map1 = np.full(40, -1, dtype=np.int64)
    map1[0::2] = np.arange(1, 21)
    map2 = np.arange(25, dtype=np.int64) + 21
    buf = pairindex.PairBuffer()
    buf.add_document(0, fresh)
    buf.add_segment(seg1, map1)
    buf.add_segment(seg2, map2)
    storage = FileStorage(str(tmp_path))
    buf.write(storage, _Segment("MAIN_c"), 46)
    merged = pairindex.SegmentPairs.open(storage, _Segment("MAIN_c"))
    renumbered = {0: fresh}
    renumbered.update({int(map1[d]): t for d, t in first.items() if map1[d] >= 0})
    renumbered.update({int(map2[d]): t for d, t in second.items()})
    for (a, b), docs in _expected_pairs(renumbered).items():
        assert _lookup(merged, a, b) == docs
    assert merged.lengths.tolist() == [float(x) for x in [3] + seg1.lengths[0::2].tolist() + seg2.lengths.tolist()]


def test_frequency_saturates_instead_of_wrapping(tmp_path):
    seg = _write(tmp_path, "MAIN_f", {0: ("ab cd " * 70_000,)}, 1)
    assert _lookup(seg, "ab", "cd") == {0: 65_535}
    assert seg.lengths[0] == 139_999


def test_incremental_commits_keep_one_pair_file_per_live_segment(tmp_path):
    pairs = random_corpus(120, seed=7)
    table = {a.key: e for a, e in pairs}
    backend = WhooshBackend(tmp_path / "ix", SETTINGS)
    index_items(backend, lambda: [a for a, _ in pairs], enricher=lambda a: table[a.key], commit_every=6)
    gen = layout.current_generation(tmp_path / "ix")
    snap = backend.snapshot()
    segment_ids = {r.segment().segment_id() for r, _ in snap.leaves}
    assert len(segment_ids) < 20  # 20 commits, and Whoosh merged small segments (else this proves nothing)
    pair_files = {p.name[: -len(pairindex.PAIRS_EXT)] for p in gen.glob("*" + pairindex.PAIRS_EXT)}
    assert pair_files == segment_ids  # merged-away segments' pair files were cleaned up
    a = pairs[3][0]
    toks = analysis.words(a.item.minutes_text)
    phrase = " ".join(toks[5:7])
    assert a.key in {h.id for h in backend.search(SearchRequest(q=f'"{phrase}"', per_page=100)).results}


def test_a_missing_pair_file_is_reported_not_a_traceback(tmp_path):
    pairs = random_corpus(10, seed=2)
    table = {a.key: e for a, e in pairs}
    backend = WhooshBackend(tmp_path / "ix", SETTINGS)
    index_items(backend, lambda: [a for a, _ in pairs], enricher=lambda a: table[a.key])
    gen = layout.current_generation(tmp_path / "ix")
    for f in gen.glob("*" + pairindex.PAIRS_EXT):
        f.unlink()
    fresh = WhooshBackend(tmp_path / "ix", SETTINGS)
    with pytest.raises(IndexSchemaMismatch, match=r"missing.*minutes index --rebuild"):
        fresh.search(SearchRequest(q="council"))


def test_a_segment_merged_away_while_a_reader_opens_is_a_race_not_damage(tmp_path, monkeypatch):
    """A commit that merges segments can delete a pair file between a reader's reading of the table
    of contents and its opening of that file: the reader opens the newer commit instead of failing."""
    pairs = random_corpus(30, seed=4)
    table = {a.key: e for a, e in pairs}
    writer = WhooshBackend(tmp_path / "ix", SETTINGS)
    index_items(writer, lambda: [a for a, _ in pairs[:20]], enricher=lambda a: table[a.key])
    real_open = pairindex.SegmentPairs.open
    calls = []

    def open_during_a_commit(storage, segment):
        if not calls:  # the first open: another process commits (and merges) right now
            calls.append(segment)
            index_items(writer, lambda: [a for a, _ in pairs], enricher=lambda a: table[a.key])
            raise pairindex.PairIndexError(f"segment file {segment.make_filename('.pairs')} is missing")
        return real_open(storage, segment)

    monkeypatch.setattr(pairindex.SegmentPairs, "open", staticmethod(open_during_a_commit))
    reader = WhooshBackend(tmp_path / "ix", SETTINGS)
    page = reader.search(SearchRequest(q=""))
    assert calls and page.total == 30  # the newer commit, opened on the second attempt

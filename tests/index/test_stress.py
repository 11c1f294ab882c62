"""Longer stress runs (``pytest -m slow tests/index``): many readers, parallel rebuilds, commits."""

from __future__ import annotations

import dataclasses
import random
import threading

import pytest
from index_corpus import random_corpus

from indexer.build import index_items
from indexer.search_api import SearchRequest
from indexer.settings import SearchSettings
from indexer.whoosh_backend import WhooshBackend

pytestmark = pytest.mark.slow

QUERIES = ["budget", '"road safety"', "school OR park", "housing -budget", "speaker:grant", "*a*", "x" * 5000, ""]


def test_readers_through_parallel_rebuilds_and_incremental_commits(tmp_path):
    pairs = random_corpus(4000, seed=3)
    table = {a.key: e for a, e in pairs}
    enrich = lambda a: table[a.key]  # noqa: E731
    writer = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0.05))
    index_items(writer, lambda: [a for a, _ in pairs], enricher=enrich, procs=2)
    errors: list[str] = []
    counts: list[int] = []
    stop = threading.Event()

    def reader(seed: int) -> None:
        rnd = random.Random(seed)
        backend = WhooshBackend(tmp_path / "ix", SearchSettings(refresh_interval_s=0.05))
        while not stop.is_set():
            try:
                q = rnd.choice(QUERIES)
                committee = ("Committee Alpha",) if rnd.random() < 0.3 else ()
                page = backend.search(SearchRequest(q=q, committee=committee))
                assert not page.partial
                if q == "" and not committee:
                    counts.append(page.total)
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(repr(exc))

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    try:
        for round_ in range(3):
            index_items(writer, lambda: [a for a, _ in pairs], enricher=enrich, rebuild=True, procs=2)
            edited = [dataclasses.replace(a, item=dataclasses.replace(a.item, title=a.item.title + f" v{round_}"))
                      if i % 7 == round_ else a for i, (a, _) in enumerate(pairs)]
            index_items(writer, lambda: edited, enricher=enrich, commit_every=100)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors, errors[:3]
    assert counts and set(counts) == {len(pairs)}

"""Parallel rebuild: worker processes each write their own segments of the new generation.

A rebuild is embarrassingly parallel: enrichment, analysis and posting-list writing for one batch of
items do not depend on any other batch. The parent process reads the source, hands out batches of
items, and finally lists every worker's segments in one new table of contents (a commit), exactly
as Whoosh's own multi-segment writer does, but with the fast segment writer and without Whoosh's
temporary job files. Workers are forked (they inherit the enrichment function and its loaded
taxonomy); this only ever runs in the ``minutes index`` process, never in the web server.

If anything fails, nothing is committed: the half-written generation is not live and the next build
removes it.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import traceback
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from whoosh import index as whoosh_index

from indexer.fastwriter import FastSegmentWriter

ToDocs = Callable[[Sequence[Any]], Iterable[dict[str, Any]]]
BATCH = 200


class ParallelBuildError(Exception):
    """A worker failed; its traceback is the message."""


def _worker(gen_dir: str, jobs: Any, results: Any, to_docs: ToDocs, to_fields: Callable[[dict], dict],
            segment_docs: int) -> None:
    try:
        ix = whoosh_index.open_dir(gen_dir)
        segments = []
        writer = FastSegmentWriter(ix, _lk=False)
        in_segment = 0
        while True:
            batch = jobs.get()
            if batch is None:
                break
            for doc in to_docs(batch):
                writer.add_document(**to_fields(doc))
                in_segment += 1
            if in_segment >= segment_docs:
                segments.append(writer._finalize_segment())
                writer, in_segment = FastSegmentWriter(ix, _lk=False), 0
        if in_segment:
            segments.append(writer._finalize_segment())
        else:
            writer._close_segment()
        results.put(("ok", segments))
    except BaseException:  # report, never hang the parent
        results.put(("error", traceback.format_exc()))


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _check_workers(workers: list[Any], results: Any) -> None:
    if not all(w.is_alive() for w in workers):
        try:
            status, payload = results.get_nowait()
        except queue.Empty:
            raise ParallelBuildError("an indexing worker process died") from None
        raise ParallelBuildError(payload if status != "ok" else "an indexing worker stopped early")


def _put(jobs: Any, job: Any, workers: list[Any], results: Any) -> None:
    while True:
        try:
            jobs.put(job, timeout=1.0)
            return
        except queue.Full:
            _check_workers(workers, results)


def _get(results: Any, workers: list[Any]) -> tuple[str, Any]:
    while True:
        try:
            return results.get(timeout=1.0)
        except queue.Empty:
            if not any(w.is_alive() for w in workers):
                try:
                    return results.get(timeout=1.0)
                except queue.Empty:
                    raise ParallelBuildError("indexing worker processes died") from None


def build_parallel(
    gen_dir: Path,
    items: Iterable[Any],
    to_docs: ToDocs,
    to_fields: Callable[[dict], dict],
    procs: int,
    segment_docs: int,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Index ``items`` into the (new, not yet live) index at ``gen_dir`` with ``procs`` workers and
    commit. Returns the number of items handed out."""
    ctx = mp.get_context("fork")
    jobs = ctx.Queue(maxsize=procs * 4)
    results = ctx.Queue()
    workers = [ctx.Process(target=_worker, args=(str(gen_dir), jobs, results, to_docs, to_fields, segment_docs),
                           daemon=True) for _ in range(procs)]
    ix = whoosh_index.open_dir(str(gen_dir))
    parent = FastSegmentWriter(ix)  # holds Whoosh's lock and writes the final table of contents
    count = 0
    try:
        for w in workers:
            w.start()
        for batch in _batches(items, BATCH):
            _put(jobs, batch, workers, results)
            count += len(batch)
            if progress is not None:
                progress(len(batch))
        for _ in workers:
            _put(jobs, None, workers, results)
        segments = []
        for _ in workers:
            status, payload = _get(results, workers)
            if status != "ok":
                raise ParallelBuildError(payload)
            segments.extend(payload)
        for w in workers:
            w.join()
        parent._close_segment()
        parent._commit_toc(segments)
        parent._finish()
        return count
    except BaseException:
        for w in workers:
            if w.is_alive():
                w.terminate()
        try:
            parent.cancel()
        except Exception:
            pass
        raise

#!/usr/bin/env python3
"""Harvester figures on this machine: crawl, reparse and store throughput, each against a baseline
measured in the same run (so the ratios, not the absolute numbers, are what to compare).

    .venv/bin/python scripts/bench_harvest.py [--rounds 3]

1. Crawl the sample council over loopback at --delay 0 (polite client, every response stored,
   parsed, records upserted) vs. the same request list fetched by a bare requests.Session that
   stores and parses nothing: the cost of storage + parsing + bookkeeping per request.
2. Reparse the archive offline vs. parsing the same stored bodies without writing records.
3. Store: write_meeting throughput (items/s) for synthetic meetings of 8 items.

At the default --delay 1 a real crawl is bound by politeness, not by any of this: the last line
says how long the same crawl takes at one request per second.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests  # noqa: E402

from scraper.harvest import CrawlOptions, crawl, reparse  # noqa: E402
from scraper.harvest_build import KIND_HTML_MEETING, KIND_WS_MEETING, Page  # noqa: E402
from scraper.harvest_build import meeting_from_html, meeting_from_webservice  # noqa: E402
from scraper.http import PoliteClient  # noqa: E402
from scraper.records import AgendaItem, Committee, Meeting, Site  # noqa: E402
from scraper.sample_site import serve_sample_site  # noqa: E402
from scraper.store import ArchiveStore  # noqa: E402

SINCE = date(2016, 1, 1)


def bench_crawl(workdir: Path, round_no: int) -> dict[str, float]:
    with serve_sample_site(waf_first=False, flaky_first=False, malformed=False) as site:
        store = ArchiveStore(workdir / f"crawl-{round_no}.sqlite3")
        started = time.perf_counter()
        with PoliteClient(delay=0) as client:
            summary = crawl(store, site.base_url, CrawlOptions(since=SINCE), client=client)
        crawl_s = time.perf_counter() - started
        targets = [target for _method, target, _status in site.requests]
        session = requests.Session()
        started = time.perf_counter()
        for target in targets:
            session.get(site.root_url + target, allow_redirects=False).content
        raw_s = time.perf_counter() - started
        session.close()
        meetings = summary.meetings.new + summary.meetings.changed + summary.meetings.unchanged
        store.close()
    return {"requests": len(targets), "meetings": meetings, "crawl_s": crawl_s, "raw_s": raw_s,
            "db": str(workdir / f"crawl-{round_no}.sqlite3")}


def bench_reparse(db: Path) -> dict[str, float]:
    store = ArchiveStore(db)
    site = store.sites()[0]
    captures = [c for c in store.captures() if c.kind in (KIND_WS_MEETING, KIND_HTML_MEETING) and c.status == 200]
    started = time.perf_counter()
    for capture in captures:
        page = Page(capture.body, capture.url)
        cid, mid = capture.meta["committee_id"], capture.meta["meeting_id"]
        try:
            if capture.kind == KIND_WS_MEETING:
                meeting_from_webservice(page, site.base_url, site.key, cid)
            else:
                meeting_from_html(page, site.base_url, site.key, cid, mid)  # (meeting, problems)
        except Exception:
            pass
    parse_s = time.perf_counter() - started
    started = time.perf_counter()
    summary = reparse(store, clean=True)
    reparse_s = time.perf_counter() - started
    meetings = summary.meetings.new
    store.close()
    return {"meetings": meetings, "pages": len(captures), "parse_s": parse_s, "reparse_s": reparse_s}


def bench_store(workdir: Path, meetings: int = 300) -> dict[str, float]:
    store = ArchiveStore(workdir / "store.sqlite3")
    site = Site("bench.example", "https://bench.example", "Bench")
    store.upsert_site(site)
    store.upsert_committee(Committee(site.key, 1, "Cabinet"), [])
    text = "The Committee considered the report. " * 60
    started = time.perf_counter()
    for mid in range(meetings):
        items = [AgendaItem(site.key, mid * 100 + k, mid, 1, f"{k}.", f"Item {k}", minutes_text=text) for k in range(8)]
        store.write_meeting(Meeting(site.key, mid, 1, date(2020, 1, 1)), items, source_mode="webservice", sources={})
    write_s = time.perf_counter() - started
    started = time.perf_counter()
    for mid in range(meetings):  # the second crawl's case: everything unchanged
        items = [AgendaItem(site.key, mid * 100 + k, mid, 1, f"{k}.", f"Item {k}", minutes_text=text) for k in range(8)]
        store.write_meeting(Meeting(site.key, mid, 1, date(2020, 1, 1)), items, source_mode="webservice", sources={})
    rewrite_s = time.perf_counter() - started
    started = time.perf_counter()
    read = sum(1 for _ in store.iter_archived_items())
    read_s = time.perf_counter() - started
    store.close()
    return {"items": meetings * 8, "write_s": write_s, "rewrite_s": rewrite_s, "read": read, "read_s": read_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        crawls = [bench_crawl(workdir, n) for n in range(args.rounds)]
        reparses = [bench_reparse(Path(c["db"])) for c in crawls]
        stores = []
        for n in range(args.rounds):
            (workdir / f"s{n}").mkdir()
            stores.append(bench_store(workdir / f"s{n}"))

    med = statistics.median
    c_req = crawls[0]["requests"]
    crawl_s, raw_s = med(c["crawl_s"] for c in crawls), med(c["raw_s"] for c in crawls)
    print(f"crawl (sample council since {SINCE}, --delay 0, median of {args.rounds}):")
    print(f"  {c_req} requests, {crawls[0]['meetings']} meetings in {crawl_s:.2f} s = {c_req / crawl_s:.0f} requests/s,"
          f" {crawls[0]['meetings'] / crawl_s:.1f} meetings/s")
    print(f"  baseline: same requests, bare requests.Session, nothing stored or parsed: {raw_s:.2f} s"
          f" = {c_req / raw_s:.0f} requests/s")
    print(f"  ratio crawl/baseline: {crawl_s / raw_s:.1f}x  (storage + parsing + bookkeeping per request:"
          f" {(crawl_s - raw_s) / c_req * 1000:.1f} ms)")
    pages, parse_s, reparse_s = reparses[0]["pages"], med(r["parse_s"] for r in reparses), med(r["reparse_s"] for r in reparses)
    print("reparse (offline, --clean):")
    print(f"  {reparses[0]['meetings']} meetings from {pages} meeting pages in {reparse_s:.2f} s"
          f" = {reparses[0]['meetings'] / reparse_s:.0f} meetings/s")
    print(f"  baseline: parsing the same meeting pages only: {parse_s:.2f} s = {pages / parse_s:.0f} pages/s;"
          f" ratio {reparse_s / parse_s:.1f}x")
    items = stores[0]["items"]
    w, rw = med(s["write_s"] for s in stores), med(s["rewrite_s"] for s in stores)
    r = med(s["read_s"] for s in stores)
    print("store:")
    print(f"  write_meeting, new: {items / w:.0f} items/s; unchanged (second crawl): {items / rw:.0f} items/s")
    print(f"  iter_archived_items: {stores[0]['read'] / r:.0f} items/s")
    print(f"at the default --delay 1 the same crawl takes at least {c_req} s: politeness, not CPU, bounds a crawl")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Load test of the served web app: requests/second and latency for a search mix.

Starts ``minutes serve`` (waitress) on a free loopback port in a subprocess, over an existing
instance folder (default: the one the CLI uses; build one with ``minutes demo --check``), then
drives it with N concurrent keep-alive clients for a fixed time per phase:

* baseline: ``/opensearch.xml`` (a template, no search): what the server stack alone costs;
* search pages: ``/search?...`` HTML for a mix of queries, filters, date ranges, sorts, pages;
* search API: ``/api/search?...`` for the same mix.

Prints requests/s, p50/p95/p99 per phase, the ratio to the baseline, and any non-200 responses.
Targets (issue 5, 2-core machine, sample data): searches >= 100 requests/s and p95 <= 200 ms.

    .venv/bin/python scripts/load_test.py [--instance DIR] [--clients 8] [--seconds 10]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
WORDS = [
    "school", "schools", "planning", "housing", "budget", "parking", "prevent", "referrals", "report",
    "council", "children", "safety", "transport", "park", "consultation", "application", "homes",
    "police", "library", "waste", "road", "funding", "health", "care", "development",
]
PHRASES = ['"school places"', '"planning permission"', '"community safety"', '"report back"', '"next meeting"']


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/opensearch.xml")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start within 30 s")


def facet_values(port: int) -> dict[str, list[str]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/api/search?per_page=1")
    response = conn.getresponse()
    body = json.loads(response.read())
    if response.status != 200:
        raise SystemExit(f"/api/search answered {response.status}: {body}")
    if not body["total"]:
        raise SystemExit("the index is empty: run 'minutes demo --check' (or crawl and index) first")
    return {name: [fv["value"] for fv in values] for name, values in body["facets"].items()}


def item_paths(port: int, n: int = 60) -> list[str]:
    """Item pages (full text, speakers, related items by more-like-this) for the newest items."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", f"/api/search?per_page={n}&sort=newest")
    results = json.loads(conn.getresponse().read())["results"]
    return [r["url"] + "?q=council" for r in results]


def search_mix(facets: dict[str, list[str]], n: int, seed: int = 7) -> list[dict[str, str | list[str]]]:
    """A fixed, seeded mix: words, phrases, filtered, date ranges, sorted, deeper pages."""
    rng = random.Random(seed)
    mix: list[dict[str, str | list[str]]] = []
    for i in range(n):
        kind = i % 6
        params: dict[str, str | list[str]] = {}
        if kind in (0, 1, 2, 3, 5):
            params["q"] = " ".join(rng.sample(WORDS, rng.randint(1, 3))) if kind != 3 else rng.choice(PHRASES)
        if kind in (1, 4) and facets.get("committee"):
            params["committee"] = rng.choice(facets["committee"])
        if kind == 4 and facets.get("speaker"):
            params["speaker"] = rng.sample(facets["speaker"], min(2, len(facets["speaker"])))
        if kind == 2:
            params["from"], params["to"] = "2015-01-01", "2024-12-31"
            params["sort"] = "newest"
        if kind == 5:
            params["page"] = "2"
        mix.append(params)
    return mix


def run_phase(port: int, paths: list[str], clients: int, seconds: float) -> dict[str, object]:
    latencies: list[float] = []
    failures: dict[int, int] = {}
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        bad: dict[int, int] = {}
        i = offset
        while time.monotonic() < stop_at:
            path = paths[i % len(paths)]
            i += clients
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = -1
            mine.append(time.perf_counter() - start)
            if status != 200:
                bad[status] = bad.get(status, 0) + 1
        with lock:
            latencies.extend(mine)
            for status, count in bad.items():
                failures[status] = failures.get(status, 0) + count

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else float("nan")

    return {
        "requests": len(ordered),
        "rps": len(ordered) / elapsed,
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "mean": statistics.fmean(ordered) * 1000 if ordered else float("nan"),
        "failures": failures,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--instance", help="instance folder with an index (default: as the CLI resolves it)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent keep-alive clients (default 8)")
    parser.add_argument("--seconds", type=float, default=10.0, help="duration of each phase (default 10)")
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads (default 8)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()

    port = free_port()
    minutes = [sys.executable, "-c", "from archive.cli import main; main()"]
    command = minutes + ([f"--instance={args.instance}"] if args.instance else []) + [
        "serve", "--port", str(port), "--threads", str(args.threads)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=os.getcwd())
    try:
        wait_ready(port)
        facets = facet_values(port)
        mix = search_mix(facets, 240)
        search_paths = ["/search?" + urlencode(p, doseq=True) for p in mix]
        api_paths = ["/api/search?" + urlencode(p, doseq=True) for p in mix]
        # warm up: open the index, fill caches
        run_phase(port, search_paths[:24] + api_paths[:24], clients=2, seconds=2)
        results = {
            "baseline /opensearch.xml": run_phase(port, ["/opensearch.xml"], args.clients, args.seconds),
            "search pages /search": run_phase(port, search_paths, args.clients, args.seconds),
            "search API /api/search": run_phase(port, api_paths, args.clients, args.seconds),
            "item pages /items/<id>": run_phase(port, item_paths(port), args.clients, args.seconds),
        }
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()

    baseline = results["baseline /opensearch.xml"]["rps"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.clients} clients, {args.threads} waitress threads, {args.seconds:g} s per phase")
    print(f"{'phase':28} {'requests':>9} {'req/s':>8} {'vs base':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  failures")
    for name, r in results.items():
        print(f"{name:28} {r['requests']:>9} {r['rps']:>8.1f} {r['rps'] / baseline:>8.2f} {r['p50']:>8.1f} "
              f"{r['p95']:>8.1f} {r['p99']:>8.1f}  {r['failures'] or '-'}")
    ok = all(
        r["rps"] >= 100 and r["p95"] <= 200 and not r["failures"]
        for name, r in results.items() if name.startswith("search")
    )
    print("target (searches >= 100 req/s, p95 <= 200 ms, no failures):", "met" if ok else "NOT met")
    if args.json:
        print(json.dumps(results, indent=2, default=str))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

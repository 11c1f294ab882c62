#!/usr/bin/env python3
"""Time the minutes extractors on a 5 KB item, against a baseline measured in the same run.

The item is the seed document's minutes cut to 5,000 characters at a paragraph boundary (real
prose, with its bullets and odd spacing). Measured:
- baseline: one pass of a plain word-tokenising regex over the same text (``re.findall(r"\\w+")``),
  the floor any text processing sits on;
- ``extract_minutes`` end to end (speakers, decisions, votes, commitments, attendance, topics,
  key phrases), with a meeting date so dates are resolved;
- each stage alone, to show where the time goes;
- scaling: a 50 KB item (ten 5 KB items joined), which should cost about ten times as much.
Target: under 20 ms per 5 KB item. Usage: ``python scripts/bench_extract.py [--rounds N] [--markdown]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.extract import MeetingContext, extract_minutes, load_taxonomy  # noqa: E402
from indexer.extract import text as tx  # noqa: E402
from indexer.extract.commitments import _Ctx, find_commitments  # noqa: E402
from indexer.extract.decisions import find_decisions, find_votes  # noqa: E402
from indexer.extract.keyphrases import extract_keyphrases  # noqa: E402
from indexer.extract.people import Registry  # noqa: E402
from indexer.extract.speakers import SpeakerFinder  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seed" / "000_1c9ed8fbe304a52e.txt"
TARGET_MS = 20.0
SIZE = 5000


def five_kb_item() -> str:
    text = SEED.read_text(encoding="utf-8")
    minutes = text.split("Minutes:", 1)[1].split("Supporting documents:", 1)[0]
    head = "PRESENTATION ON THE PREVENT PROGRAMME\n\nMinutes:\n\n"
    tail = "\n\nAGREED:\n\nthat the report be noted."
    want = SIZE - len(head) - len(tail)
    next_break = minutes.find("\n\n", want)
    body = minutes[:next_break] if next_break != -1 else minutes
    return head + body + tail


def _commitments(prep: tx.Prepared) -> object:
    """The commitment pass alone, given the decisions it skips (as the pipeline runs it)."""
    found, consumed = find_decisions(prep.text, [prep.minutes], prep.decision)
    ctx = _Ctx(meeting_date=date(2019, 10, 17), resolve_subject=lambda np: np.text, speaker_before=lambda pos: None)
    return find_commitments(prep.text, [prep.minutes], consumed, [(s, e, d.text) for s, e, d in found], ctx)


def timeit(fn, rounds: int) -> float:
    """Median milliseconds per call over ``rounds`` calls (after one warm-up call)."""
    fn()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--markdown", action="store_true", help="print a markdown table for docs/bench-extract.md")
    args = parser.parse_args(argv)

    item = five_kb_item()
    ctx = MeetingContext(date=date(2019, 10, 17))
    taxonomy = load_taxonomy()
    word = re.compile(r"\w+")
    prep = tx.prepare(item)

    rows = [
        ("baseline: regex word tokenisation", timeit(lambda: word.findall(item), args.rounds)),
        ("extract_minutes (all extractors)", timeit(lambda: extract_minutes(item, ctx, taxonomy), args.rounds)),
        ("  text preparation", timeit(lambda: tx.prepare(item), args.rounds)),
        ("  speakers", timeit(lambda: SpeakerFinder(prep.text, Registry()).run([prep.minutes]), args.rounds)),
        ("  decisions", timeit(lambda: find_decisions(prep.text, [prep.minutes], prep.decision), args.rounds)),
        ("  votes", timeit(lambda: find_votes(prep.text, *prep.minutes), args.rounds)),
        ("  topics", timeit(lambda: taxonomy.classify(prep.text, prep.title), args.rounds)),
        ("  key phrases", timeit(lambda: extract_keyphrases(prep.text), args.rounds)),
        ("  commitments", timeit(lambda: _commitments(prep), args.rounds)),
    ]
    head, body = item.split("Minutes:\n\n", 1)
    big = head + "Minutes:\n\n" + "\n\n".join([body] * 10)
    big_ms = timeit(lambda: extract_minutes(big, ctx, taxonomy), max(5, args.rounds // 20))
    baseline = rows[0][1]
    total = rows[1][1]

    machine = f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs"
    if args.markdown:
        print(f"Item: {len(item):,} characters of real minutes prose (seed document); {args.rounds} rounds, median.  ")
        print(f"Machine: {machine}.\n")
        print("| measurement | ms per item | × baseline |")
        print("|---|---:|---:|")
        for label, ms in rows:
            print(f"| {label.strip()} | {ms:.2f} | {ms / baseline:.0f} |")
        print(f"| 50 KB item (10 × 5 KB), all extractors | {big_ms:.1f} | {big_ms / baseline:.0f} |")
        print()
        verdict = "meets" if total < TARGET_MS else "MISSES"
        print(f"Target < {TARGET_MS:.0f} ms per 5 KB item: **{verdict}** ({total:.1f} ms). "
              f"50 KB costs {big_ms / total:.1f}× a 5 KB item (linear would be 10×).")
    else:
        print(f"item: {len(item):,} chars; rounds: {args.rounds}; {machine}")
        for label, ms in rows:
            print(f"{label:40} {ms:8.2f} ms   {ms / baseline:7.0f}x baseline")
        print(f"{'50 KB item, all extractors':40} {big_ms:8.2f} ms   ({big_ms / total:.1f}x the 5 KB item)")
        print(f"target < {TARGET_MS:.0f} ms per 5 KB item: {'OK' if total < TARGET_MS else 'MISSED'} ({total:.2f} ms)")
    return 0 if total < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Precision, recall and F1 of the minutes extractors over a directory of labelled passages.

Usage: python scripts/eval_extract.py [DIR] [-v]
DIR defaults to tests/extract/labelled (format and conventions in its README.md); give another
directory (e.g. a held-out set in the same format) to measure there. -v lists every miss.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.extract.evaluation import evaluate, format_report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=str(ROOT / "tests" / "extract" / "labelled"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every missed or extra item")
    args = parser.parse_args(argv)
    try:
        report = evaluate(Path(args.directory))
    except (OSError, ValueError) as exc:
        print(f"eval_extract: {exc}", file=sys.stderr)
        return 1
    print(format_report(report, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())

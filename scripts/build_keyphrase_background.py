#!/usr/bin/env python3
"""Build the two background tables the key-phrase scorer divides by.

1. ``indexer/extract/keyphrase_background.txt``: word document-frequencies of general minutes
   text. The corpus is our own: the labelled minutes passages in tests/extract/labelled (written
   for this project across scrutiny, planning, licensing, council, cabinet, police and health
   business). A word that appears in many of them ("councillor", "report", "asked") is minutes
   vocabulary, not what an item is about.
2. ``indexer/extract/keyphrase_english.txt``: how common each frequent word is in English at
   large (Zipf frequency: log10 of occurrences per billion words), for the words at or above
   Zipf 4.0. Our minutes corpus is small, so a word like "groups", "community" or "women" can
   look rare in it although it is generic everywhere; this table lets the scorer tell them from
   "Prevent", "extremism" or "gritting". Built with the ``wordfreq`` package (install it to
   rebuild: ``pip install wordfreq``); the derived table carries wordfreq's data licence
   (CC BY-SA 4.0) and attribution in its header. The scorer only reads the file at run time.

Re-run after adding passages: ``python scripts/build_keyphrase_background.py``.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "extract" / "labelled"
OUT = ROOT / "indexer" / "extract" / "keyphrase_background.txt"
ENGLISH_OUT = ROOT / "indexer" / "extract" / "keyphrase_english.txt"
WORD = re.compile(r"[a-z][a-z'’-]*")
ENGLISH_MIN_ZIPF = 4.0
ENGLISH_TOP_N = 60000


def build_minutes_table() -> None:
    docs = []
    for path in sorted(CORPUS.glob("*.toml")):
        docs.append(tomllib.loads(path.read_text(encoding="utf-8"))["text"])
    df: dict[str, int] = {}
    for text in docs:
        for word in set(WORD.findall(text.lower().replace("’", "'"))):
            df[word] = df.get(word, 0) + 1
    lines = [
        "# Background document frequencies for key-phrase scoring: word<TAB>documents containing it.",
        "# Built by scripts/build_keyphrase_background.py from the project's own labelled minutes passages.",
        f"# documents: {len(docs)}",
    ]
    lines += [f"{w}\t{n}" for w, n in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(docs)} documents, {sum(1 for n in df.values() if n >= 2)} words")


def build_english_table() -> None:
    try:
        import wordfreq
    except ImportError:
        print(f"wordfreq is not installed: {ENGLISH_OUT.relative_to(ROOT)} left as it is", file=sys.stderr)
        return
    rows = []
    for word in wordfreq.top_n_list("en", ENGLISH_TOP_N):
        if not re.fullmatch(r"[a-z]{2,}", word):
            continue
        zipf = wordfreq.zipf_frequency(word, "en")
        if zipf >= ENGLISH_MIN_ZIPF:
            rows.append((word, zipf))
    from importlib.metadata import version as _version

    version = _version("wordfreq")
    lines = [
        "# General English word frequency for key-phrase scoring: word<TAB>Zipf frequency (>= 4.0 only).",
        f"# Derived from wordfreq {version} by Robyn Speer et al. (https://github.com/rspeer/wordfreq);",
        "# the wordfreq data is licensed CC BY-SA 4.0, and so is this derived table.",
        "# Built by scripts/build_keyphrase_background.py.",
    ]
    lines += [f"{w}\t{z:.2f}" for w, z in sorted(rows, key=lambda r: (-r[1], r[0]))]
    ENGLISH_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{ENGLISH_OUT.relative_to(ROOT)}: {len(rows)} words")


def main() -> int:
    build_minutes_table()
    build_english_table()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Build indexer/extract/keyphrase_background.txt: word document-frequencies of general minutes text.

The background corpus is our own: the labelled minutes passages in tests/extract/labelled (written
for this project across scrutiny, planning, licensing, council, cabinet, police and health
business). A word that appears in many of them ("councillor", "report", "asked") is minutes
vocabulary, not what an item is about; the key-phrase scorer divides by it (idf). Re-run after
adding passages: ``python scripts/build_keyphrase_background.py``.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "extract" / "labelled"
OUT = ROOT / "indexer" / "extract" / "keyphrase_background.txt"
WORD = re.compile(r"[a-z][a-z'’-]*")


def main() -> int:
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
    return 0


if __name__ == "__main__":
    sys.exit(main())

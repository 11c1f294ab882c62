"""'Did you mean': nearest words from the index's own vocabulary.

The vocabulary is the unstemmed word field (``exact``) of the open index: every word with its
document frequency, loaded once per snapshot and grouped by length. A query word the index does not
know is compared with the words of similar length by optimal-string-alignment distance (edits and
adjacent transpositions: "prevnet" -> "prevent"), in C through rapidfuzz, and replaced by the most
frequent word at the smallest distance. Words seen in a single document are left out: they are as
likely to be typos as the query.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from indexer import analysis

MIN_DF = 2
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


class Vocabulary:
    def __init__(self, word_dfs: Iterable[tuple[str, int]]) -> None:
        df: dict[str, int] = defaultdict(int)
        for w, n in word_dfs:
            df[w] += n
        self.df = {w: n for w, n in df.items() if n >= MIN_DF}
        by_len: dict[int, list[str]] = defaultdict(list)
        for w in self.df:
            by_len[len(w)].append(w)
        self.by_len = dict(by_len)

    def known(self, word: str) -> bool:
        return word in self.df

    def within(self, word: str, distance: int, limit: int) -> list[str]:
        """Known words within ``distance`` edits, most frequent first (fuzzy search terms)."""
        choices: list[str] = []
        for n in range(len(word) - distance, len(word) + distance + 1):
            choices.extend(self.by_len.get(n, ()))
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=distance, limit=None)
        found.sort(key=lambda m: (m[1], -self.df[m[0]]))
        return [m[0] for m in found[:limit]]

    def nearest(self, word: str) -> str | None:
        max_d = 1 if len(word) <= 4 else 2
        choices: list[str] = []
        for n in range(len(word) - max_d, len(word) + max_d + 1):
            choices.extend(self.by_len.get(n, ()))
        if not choices:
            return None
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=max_d, limit=50)
        if not found:
            return None
        best = min(found, key=lambda m: (m[1], -self.df[m[0]], m[0]))
        return best[0]


def suggest(vocab: Vocabulary, words: list[str], original: str) -> str | None:
    """The query with unknown words replaced, or None when nothing would change."""
    replacements: dict[str, str] = {}
    for w in dict.fromkeys(words):
        if len(w) < 3 or w.isdigit() or w in analysis.STOP_WORDS or vocab.known(w):
            continue
        near = vocab.nearest(w)
        if near and near != w:
            replacements[w] = near
    if not replacements:
        return None
    return _WORD.sub(lambda m: replacements.get(m.group().lower(), m.group()), original)

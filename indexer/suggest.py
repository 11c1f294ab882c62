"""'Did you mean': nearest words from the index's own vocabulary.

The vocabulary is the unstemmed word field (``exact``) of the open index: every word with its
document frequency, loaded once per snapshot and grouped by length. A query word the index does not
know is compared with the words of similar length by optimal-string-alignment distance (edits and
adjacent transpositions: "prevnet" -> "prevent"), in C through rapidfuzz, and replaced by the most
frequent word at the smallest distance. Words seen in a single document are left out: they are as
likely to be typos as the query.

What counts as "unknown" follows the index, stems included: a query word that occurs in any item,
exactly or through its stem ("places" when the index has "place"), is never replaced, so a query
with few hits because the archive really has few ("brief councillors") gets no bogus suggestion.
A candidate with the query word's own stem ("school place" for "school places") is never offered:
the search already found those. Among the near candidates, the one whose query produces the most
hits (under the same filters) wins among those at the smallest edit distance that find anything; a
suggestion that finds no more than the query itself is dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from indexer import analysis

MIN_DF = 2
MAX_REPLACED_WORDS = 6  # unknown words corrected per query (each costs up to ``per_word`` trial searches)
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

    def near(self, word: str, limit: int = 5) -> list[tuple[str, int]]:
        """Known words within 1 edit (words up to 4 letters) or 2, nearest then most frequent
        first, leaving out other inflections of ``word`` itself (same stem)."""
        max_d = 1 if len(word) <= 4 else 2
        choices: list[str] = []
        for n in range(len(word) - max_d, len(word) + max_d + 1):
            choices.extend(self.by_len.get(n, ()))
        if not choices:
            return []
        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=max_d, limit=50)
        own = analysis.stem(word)
        found = [m for m in found if m[0] != word and analysis.stem(m[0]) != own]
        found.sort(key=lambda m: (m[1], -self.df[m[0]], m[0]))
        return [(m[0], int(m[1])) for m in found[:limit]]

    def nearest(self, word: str) -> str | None:
        near = self.near(word, 1)
        return near[0][0] if near else None


def suggest(
    vocab: Vocabulary,
    words: list[str],
    original: str,
    *,
    in_index: Callable[[str], bool] | None = None,
    hits: Callable[[str], int] | None = None,
    current_hits: int = 0,
    per_word: int = 5,
) -> str | None:
    """The query with unknown words replaced, or None when nothing would change.

    ``in_index(word)``: True when the word or its stem occurs in some item (never replaced).
    ``hits(query)``: how many items a candidate query finds; when given, each unknown word takes, of
    its ``per_word`` nearest candidates that find anything, the nearest and then the one giving the
    most hits, and the suggestion must find more than ``current_hits``.
    """
    unknown = [
        w for w in dict.fromkeys(words)
        if len(w) >= 3 and not w.isdigit() and w not in analysis.STOP_WORDS and not vocab.known(w)
        and not (in_index is not None and in_index(w))
    ][:MAX_REPLACED_WORDS]
    replacements: dict[str, str] = {}
    best_hits = current_hits
    for w in unknown:
        candidates = vocab.near(w, per_word)
        if not candidates:
            continue
        if hits is None:
            replacements[w] = candidates[0][0]
            continue
        scored = []
        for rank, (c, distance) in enumerate(candidates):
            n = hits(_replace(original, {**replacements, w: c}))
            if n > 0:
                scored.append((distance, -n, rank, c, n))
        if scored:
            _d, _neg, _rank, choice, n = min(scored)
            replacements[w] = choice
            best_hits = n
    if not replacements:
        return None
    if hits is not None and best_hits <= current_hits:
        return None
    return _replace(original, replacements)


def _replace(original: str, replacements: dict[str, str]) -> str:
    return _WORD.sub(lambda m: replacements.get(m.group().lower(), m.group()), original)

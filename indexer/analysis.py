"""Text analysis shared by indexing, query parsing and highlighting.

One tokenizer and one stemmer for all three, so that what a query asks for, what the index holds
and what the highlighter marks can never disagree. These are plain functions over strings (no Whoosh
token objects): analysis is the hottest loop of a bulk build, and a regex plus a cached stem lookup is
several times faster than Whoosh's generator-of-Token pipeline.

Stemming uses Porter2 (``whoosh.lang.porter2``), not Whoosh's default Porter stemmer, which stems
"planning" to "plann" but "plans" to "plan" (whoosh-notes.md).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

from whoosh.lang.porter2 import stem as _porter2_stem

# Letters and digits, keeping internal apostrophes ("St Philip's", "council's") in one token.
# Hyphens, slashes and dots split: "far-right" is "far" "right", so "far right" finds it too.
_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")

# Common English function words: they carry no meaning for ranking, so the stemmed fields skip
# them; the exact field keeps them so that "quoted phrases" such as "the chair" still match.
STOP_WORDS: frozenset[str] = frozenset(
    """a an and are as at be been but by can could did do does for from had has have he her his
    i if in into is it its may me might my no nor not of on or our she should so such than that
    the their them then there these they this those to was we were what when where which while
    who whom why will with would you your""".split()
)

BIGRAM_JOINER = " "  # exact-field pair terms are "word word"; unigrams never contain a space


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``, in order (typographic apostrophes normalised).

    The result is shared (cached for the few most recent texts, since indexing tokenizes each text
    for three fields): callers must not modify it.
    """
    if not text:
        return []
    if len(text) > 100_000:  # do not pin huge texts in the cache
        return _WORD_RE.findall(text.lower().replace("\u2019", "'"))
    return _words_cached(text)


@lru_cache(maxsize=16)
def _words_cached(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower().replace("\u2019", "'"))


def word_spans(text: str) -> Iterable[tuple[int, int, str]]:
    """(start, end, lower-cased word) for each token, for the highlighter."""
    for m in _WORD_RE.finditer(text):
        yield m.start(), m.end(), m.group().lower().replace("\u2019", "'")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter2 stem of one lower-cased word (cached: council vocabulary is small and repetitive)."""
    return _porter2_stem(word)


def stems(text: str) -> list[str]:
    """Stemmed, stop-word-free tokens: what the ranking fields index."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


def stem_counts(texts: Iterable[str]) -> Counter[str]:
    """Term frequencies of the stemmed tokens of several texts (one field made of several parts)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(stems(text))
    return counts


def exact_counts(texts: Iterable[str]) -> Counter[str]:
    """Unstemmed words, stop words kept: quoted single words, suggestions, wildcards."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(words(text))
    return counts


def phrase_terms(phrase_words: list[str]) -> list[str]:
    """The word-pair terms a phrase of two or more words needs ("community safety").

    Pairs let a two-word quoted phrase be answered from postings alone (``indexer.pairindex`` keeps
    every item's adjacent pairs, never across from one part to the next: title to agenda text,
    agenda to minutes). A longer phrase needs every consecutive pair it contains, which makes a
    superset (an item with "a b" in one sentence and "b c" in another has both pairs): the searcher
    keeps only the candidates whose text really contains the phrase (``PhraseMatcher``).
    """
    return [a + BIGRAM_JOINER + b for a, b in zip(phrase_words, phrase_words[1:])]


def contains_phrase(texts: Iterable[str], phrase_words: Iterable[str]) -> bool:
    """Whether any one of ``texts`` has ``phrase_words`` as consecutive tokens of ``words``.

    The reference definition of a phrase match: the same tokenizer as the index, so case,
    punctuation and hyphens between the words do not matter ("School Places; funding" contains
    "school places funding"), and a phrase never spans two texts (the pair field does not either).
    The searcher uses ``PhraseMatcher``, which gives the same answer without tokenizing.
    """
    needle = " " + BIGRAM_JOINER.join(phrase_words) + " "
    if needle == "  ":
        return False
    return any(text and needle in " " + BIGRAM_JOINER.join(words(text)) + " " for text in texts)


def normalise(text: str) -> str:
    """The text as the tokenizer sees it before splitting (lower case, typographic apostrophes)."""
    return text.lower().replace("\u2019", "'")


_TOKEN_CHAR = r"[^\W_]"
# What separates two tokens: a run of non-token characters, except a lone apostrophe between two
# token characters, which joins them into one token ("council's").
_GAP = r"(?:[\W_]{2,}|(?!')[\W_])"
PART_SEPARATOR = "\x00"  # between the parts of ``phrase_text`` (never inside a part: normalise drops it)


def phrase_text(parts: Iterable[str]) -> bytes:
    """The parts of an item a phrase may match in (title, agenda, minutes, decision), normalised and
    joined by ``PART_SEPARATOR``: what the index keeps for verifying phrases (``phrase_parts``)."""
    return PART_SEPARATOR.join(normalise(p or "").replace(PART_SEPARATOR, " ") for p in parts).encode("utf-8")


def phrase_parts(stored: bytes) -> list[str]:
    """The normalised parts back from ``phrase_text``."""
    return stored.decode("utf-8").split(PART_SEPARATOR) if stored else []


class PhraseMatcher:
    """``contains_phrase`` as a compiled regular expression over ``normalise``-d text.

    Tokenizing a 2 KB text costs ~60 µs in Python; a regex search for the phrase ~3 µs. The pattern
    requires each word whole (no token character, and no apostrophe-joined token character, on
    either side) and a separator between words that the tokenizer would split on, so it answers
    exactly as ``contains_phrase`` (tests/index/test_phrase_verification.py compares them).
    """

    def __init__(self, phrase_words: Iterable[str]) -> None:
        self.words = tuple(phrase_words)
        escaped = [re.escape(w) for w in self.words]
        # The pattern starts with the first word itself so that the regex engine's fast literal
        # prefix scan applies (a leading look-behind makes the search ~15x slower); the left
        # boundary is checked by ``_starts_token`` instead.
        self._exact = re.compile(_GAP.join(escaped) + r"(?!%s)(?!'%s)" % (_TOKEN_CHAR, _TOKEN_CHAR))

    def in_text(self, text: str) -> bool:
        """Whether one text contains the phrase (same answer as ``contains_phrase([text], ...)``)."""
        return self.in_normalised(normalise(text)) if text else False

    def in_normalised(self, norm: str) -> bool:
        """``in_text`` for a text already ``normalise``-d (a part of ``phrase_text``)."""
        if not norm or not self.words:
            return False
        pos = 0
        while True:
            m = self._exact.search(norm, pos)
            if m is None:
                return False
            if _starts_token(norm, m.start()):
                return True
            pos = m.start() + 1


_WORD_CHAR_RE = re.compile(r"[^\W_]")


def _starts_token(text: str, i: int) -> bool:
    """Whether the tokenizer starts a token at ``text[i]`` (given a token character there): the
    character before is not a token character, nor an apostrophe joined to a token character."""
    if i == 0:
        return True
    before = text[i - 1]
    if _WORD_CHAR_RE.match(before):
        return False
    return not (before == "'" and i >= 2 and _WORD_CHAR_RE.match(text[i - 2]) is not None)
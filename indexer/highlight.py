"""The ONE place that turns council text into HTML: escape everything, wrap matches in <mark>.

Council text is stored raw. Whatever it contains (``<script>``, ``onerror=``, entities), the output
of ``snippet`` and ``highlight`` is escaped text whose only markup is ``<mark>…</mark>`` around
matched words. Matching uses the same tokenizer and stemmer as the index (``indexer.analysis``), so a
search for "plans" marks "planning" and a quoted phrase marks only that exact word sequence.
"""

from __future__ import annotations

from html import escape
from typing import Iterable, Sequence

from indexer import analysis
from indexer.query import ParsedQuery, parse, positive_terms

MARK_OPEN = "<mark>"
MARK_CLOSE = "</mark>"
ELLIPSIS = "\u2026"


def match_spans(text: str, stems: set[str], phrases: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """Character spans of matches, sorted and merged (a word inside a marked phrase is not re-marked)."""
    if not text or (not stems and not phrases):
        return []
    toks = list(analysis.word_spans(text))
    spans: list[tuple[int, int]] = []
    if stems:
        for start, end, word in toks:
            if word not in analysis.STOP_WORDS and analysis.stem(word) in stems:
                spans.append((start, end))
    words = [t[2] for t in toks]
    for phrase in phrases:
        n = len(phrase)
        if not n:
            continue
        first = phrase[0]
        for i, w in enumerate(words):
            if w == first and tuple(words[i:i + n]) == tuple(phrase):
                spans.append((toks[i][0], toks[i + n - 1][1]))
    if not spans:
        return []
    spans.sort()
    merged = [spans[0]]
    for s, e in spans[1:]:
        ls, le = merged[-1]
        if s <= le:
            merged[-1] = (ls, max(le, e))
        else:
            merged.append((s, e))
    return merged


def _render(text: str, spans: Iterable[tuple[int, int]], start: int, end: int) -> str:
    out: list[str] = []
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[pos:s], quote=True))
        out.append(MARK_OPEN + escape(text[s:e], quote=True) + MARK_CLOSE)
        pos = e
    out.append(escape(text[pos:end], quote=True))
    return "".join(out)


def _word_boundary_left(text: str, i: int) -> int:
    if i <= 0:
        return 0
    j = text.rfind(" ", 0, i)
    return 0 if j < 0 else j + 1


def _word_boundary_right(text: str, i: int) -> int:
    if i >= len(text):
        return len(text)
    j = text.find(" ", i)
    return len(text) if j < 0 else j


def snippet(text: str, stems: set[str], phrases: Sequence[Sequence[str]], max_chars: int = 240) -> str:
    """The best window of ``text`` (most matches) as escaped HTML with matches marked."""
    text = " ".join((text or "").split())  # one line: snippets never carry layout
    if not text:
        return ""
    spans = match_spans(text, stems, phrases)
    if len(text) <= max_chars:
        return _render(text, spans, 0, len(text))
    if not spans:
        end = _word_boundary_right(text, max_chars)
        return _render(text, [], 0, end) + ELLIPSIS
    # Slide a window over the matches: the start that covers the most of them wins.
    best_i, best_count = 0, 0
    j = 0
    for i, (s, _e) in enumerate(spans):
        while j < len(spans) and spans[j][1] <= s + max_chars:
            j += 1
        if j - i > best_count:
            best_i, best_count = i, j - i
    first = spans[best_i][0]
    start = _word_boundary_left(text, max(0, first - max_chars // 4))
    end = _word_boundary_right(text, min(len(text), start + max_chars))
    html = _render(text, spans, start, end)
    return (ELLIPSIS if start > 0 else "") + html + (ELLIPSIS if end < len(text) else "")


def loose_stems(stems: set[str], phrases: Sequence[Sequence[str]]) -> set[str]:
    """The query's stems plus the stems of its phrases' content words (for a fallback snippet)."""
    return set(stems) | {analysis.stem(w) for p in phrases for w in p if w not in analysis.STOP_WORDS}


def best_snippet(texts: Sequence[str], stems: set[str], phrases: Sequence[Sequence[str]], max_chars: int = 240) -> str:
    """The snippet of a search hit, from the first of ``texts`` (minutes, agenda, decision) by default.

    The text with the most matches wins. When none matches as asked (the hit matched by its title,
    or a quoted phrase only in the title), the phrase words' stems are tried too ("suicide
    prevention" marks "prevention" in the minutes); failing that, the start of the first non-empty
    text, unmarked: a snippet is never empty when the item has any text.
    """
    texts = [t or "" for t in texts]
    first = next((t for t in texts if t.strip()), "")
    if not stems and not phrases:
        return snippet(first, set(), [], max_chars)
    for marks in ((stems, phrases), (loose_stems(stems, phrases), phrases)):
        counts = [len(match_spans(t, marks[0], marks[1])) if t else 0 for t in texts]
        if max(counts, default=0) > 0:
            return snippet(texts[counts.index(max(counts))], marks[0], marks[1], max_chars)
        if not phrases:
            break
    return snippet(first, set(), [], max_chars)


def highlight(text: str, stems: set[str], phrases: Sequence[Sequence[str]]) -> str:
    """All of ``text`` as escaped HTML with every match marked (the item page); newlines kept."""
    text = text or ""
    return _render(text, match_spans(text, stems, phrases), 0, len(text))


def terms_for(query: str | ParsedQuery) -> tuple[set[str], list[tuple[str, ...]]]:
    """What to mark for a search box string: the web app highlights item pages with this."""
    parsed = parse(query) if isinstance(query, str) else query
    return positive_terms(parsed.root)


def highlight_query(text: str, query: str) -> str:
    """Convenience for templates: ``highlight(text, *terms_for(query))``."""
    stems, phrases = terms_for(query)
    return highlight(text, stems, phrases)

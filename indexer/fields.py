"""Whoosh field types for the archive index.

Whoosh pickles field objects into the index's table of contents, so these classes must live in an
importable module (never ``__main__`` or a closure) and keep their attribute names stable; renaming
one is a schema change (bump ``schema.SCHEMA_VERSION``).

Both text fields analyse with ``indexer.analysis`` directly instead of a Whoosh analyzer chain: the
same functions serve queries and highlighting, and a bulk build spends most of its time here.
"""

from __future__ import annotations

from typing import Any, Iterator

from whoosh import formats
from whoosh.fields import FieldType
from whoosh.system import emptybytes, pack_uint

from indexer import analysis


def _as_texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(v for v in value if isinstance(v, str))
    raise ValueError(f"{value!r} is not text or a sequence of texts")


class _CountedText(FieldType):
    """A scorable text field storing term frequencies (no positions: phrases use word pairs)."""

    indexed = True
    stored = False
    unique = False
    scorable = True
    vector = None
    column_type = None
    multitoken_query = "and"

    def __init__(self) -> None:
        self.format = formats.Frequency()
        self.analyzer = None

    def _counts(self, texts: tuple[str, ...]):  # pragma: no cover - overridden
        raise NotImplementedError

    def term_counts(self, value: Any) -> dict[str, int]:
        """Term -> frequency (the fast writer's entry point; ``index`` is Whoosh's)."""
        return self._counts(_as_texts(value))

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for term, freq in self._counts(_as_texts(value)).items():
            yield term.encode("utf-8"), freq, float(freq), pack_uint(freq)

    def self_parsing(self) -> bool:
        return False


class StemmedText(_CountedText):
    """Porter2-stemmed English with stop words removed: the ranking fields (title, body)."""

    def _counts(self, texts: tuple[str, ...]):
        return analysis.stem_counts(texts)


class ExactText(_CountedText):
    """Unstemmed words, stop words kept: a quoted single word, suggestions, wildcards."""

    def _counts(self, texts: tuple[str, ...]):
        return analysis.exact_counts(texts)


class Values(FieldType):
    """Whole values as terms (committee names, speaker names, keys): filters and facets.

    Each value is one term, case and spaces kept, so facet values read back from the lexicon are
    exactly what was indexed.
    """

    indexed = True
    stored = False
    unique = False
    scorable = False
    vector = None
    column_type = None

    def __init__(self, unique: bool = False) -> None:
        self.format = formats.Existence()
        self.analyzer = None
        self.unique = unique

    def term_counts(self, value: Any) -> dict[str, int]:
        return {v: 1 for v in _as_texts(value) if v}

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        for v in dict.fromkeys(_as_texts(value)):  # de-duplicated, order kept
            if v:
                yield v.encode("utf-8"), 1, 1.0, emptybytes

    def to_bytes(self, value: str | bytes) -> bytes:
        return value if isinstance(value, bytes) else value.encode("utf-8")

    def from_bytes(self, bs: bytes) -> str:
        return bs.decode("utf-8")

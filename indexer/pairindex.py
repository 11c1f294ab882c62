"""Word-pair postings kept beside each Whoosh segment: what "quoted phrases" are answered from.

A quoted phrase needs, for each pair of adjacent words ("community safety"), the items holding
that pair. Kept as Whoosh terms, the pairs were most of the index: ~75 pairs an item that the index
has not seen before, each a row in Whoosh's term table written by Python code, which capped a
rebuild at ~620 items per CPU-second (docs/bench-search.md). Here a pair is a 64-bit hash, and one
segment's pair postings are four flat arrays written by numpy in one go:

* ``keys``: the distinct pair hashes of the segment, ascending (a lookup is one binary search);
* ``offsets``: where each key's postings start in ``docs``/``freqs``;
* ``docs``/``freqs``: segment-local document numbers (ascending per key) and how often the pair
  occurs in that document (BM25's term frequency, saturating at 65,535);
* ``lengths``: each document's number of pairs (BM25's field length).

The file is named after its segment (``<segment id>.pairs``), so Whoosh's own clean-up deletes it
with its segment after a merge, and a commit that was killed before its table of contents was
written leaves nothing a reader would open. Readers memory-map it: searching costs page cache,
not process memory.

Hashes, not strings: a pair is identified by ``pair_hash(a, b)`` = ``h(a) * K xor h(b)`` (mod 2**64)
over keyed-free 64-bit BLAKE2b word hashes, so it depends on word order and the writer can compute
the hashes of a whole item with a few vectorised operations. Two different pairs share a hash with
probability 2**-64 per pair of pairs: over an archive of 10**8 distinct pairs, a given query pair
has a ~10**-11 chance of any false match (and phrases of three or more words are verified against
the text anyway).
"""

from __future__ import annotations

import hashlib
import mmap
import os
import struct
from typing import Any, Iterable, Sequence

import numpy as np

from indexer import analysis

PAIRS_EXT = ".pairs"
_MAGIC = b"MAPAIRS1"
_HEADER = struct.Struct("<8sQQQ")  # magic, documents, distinct pairs, postings
_K = 0x9E3779B97F4A7C15  # odd: multiplying by it is a bijection of 64-bit integers
_K_ARRAY = np.uint64(_K)
_MASK = (1 << 64) - 1
_MAX_FREQ = np.iinfo(np.uint16).max
_EMPTY_DOCS = np.zeros(0, dtype=np.uint32)
_EMPTY_FREQS = np.zeros(0, dtype=np.uint16)


class PairIndexError(Exception):
    """A segment's pair file is missing or not one this version wrote."""


def word_hash(word: str) -> int:
    """A stable 64-bit hash of one token (the same in every process and on every machine)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def pair_hash(first: str, second: str) -> int:
    """The hash of the adjacent token pair ``first second`` (what ``PairBuffer`` stores)."""
    return ((word_hash(first) * _K) & _MASK) ^ word_hash(second)


def term_hash(term: str) -> int:
    """``pair_hash`` of a pair term as ``analysis.phrase_terms`` spells it ("community safety")."""
    first, _, second = term.partition(analysis.BIGRAM_JOINER)
    return pair_hash(first, second)


class _WordHashes:
    """Token -> hash, remembered, so that an item's hashes are one ``map`` and one array gather.

    Council vocabularies are small (tens of thousands of words), but an archive can be large, so
    the table starts again past ``limit`` words rather than growing without bound.
    """

    def __init__(self, limit: int = 2_000_000) -> None:
        self.limit = limit
        self.ids: dict[str, int] = {}
        self.hashes = np.zeros(1 << 15, dtype=np.uint64)

    def of(self, tokens: list[str]) -> np.ndarray:
        ids = self.ids
        new = set(tokens).difference(ids)
        if new:
            if len(ids) + len(new) > self.limit:
                ids.clear()
                new = set(tokens)
            base = len(ids)
            if base + len(new) > self.hashes.size:
                grown = np.zeros(max(2 * self.hashes.size, base + len(new)), dtype=np.uint64)
                grown[:base] = self.hashes[:base]
                self.hashes = grown
            for i, word in enumerate(new, base):
                ids[word] = i
                self.hashes[i] = word_hash(word)
        index = np.fromiter(map(ids.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        return self.hashes[index]


_WORDS = _WordHashes()


def text_pair_hashes(texts: Iterable[str]) -> np.ndarray:
    """Hashes of the adjacent token pairs of each text, in order; pairs never cross from one text
    to the next (title to agenda text, agenda to minutes), as phrases never do."""
    tokens: list[str] = []
    ends: list[int] = []
    for text in texts:
        toks = analysis.words(text)
        if toks:
            tokens += toks
            ends.append(len(tokens))
    if len(tokens) < 2:
        return np.zeros(0, dtype=np.uint64)
    h = _WORDS.of(tokens)
    pairs = (h[:-1] * _K_ARRAY) ^ h[1:]
    if len(ends) > 1:  # drop the pairs made of one text's last token and the next text's first
        pairs = np.delete(pairs, np.asarray(ends[:-1], dtype=np.int64) - 1)
    return pairs


class SegmentPairs:
    """One segment's pair postings, read-only (memory-mapped from its file)."""

    def __init__(self, buffer: Any) -> None:
        magic, ndocs, nterms, npostings = _HEADER.unpack_from(buffer, 0)
        if magic != _MAGIC:
            raise PairIndexError("not a word-pair file of this version")
        pos = _HEADER.size
        self.keys = np.frombuffer(buffer, dtype="<u8", count=nterms, offset=pos)
        pos += 8 * nterms
        self.lengths = np.frombuffer(buffer, dtype="<f4", count=ndocs, offset=pos)
        pos += 4 * ndocs
        self.offsets = np.frombuffer(buffer, dtype="<u4", count=nterms + 1, offset=pos)
        pos += 4 * (nterms + 1)
        self.docs = np.frombuffer(buffer, dtype="<u4", count=npostings, offset=pos)
        pos += 4 * npostings
        self.freqs = np.frombuffer(buffer, dtype="<u2", count=npostings, offset=pos)
        self.doc_count = ndocs

    @classmethod
    def open(cls, storage: Any, segment: Any) -> "SegmentPairs":
        """The pair file of ``segment`` in ``storage`` (a Whoosh storage)."""
        name = segment.make_filename(PAIRS_EXT)
        folder = getattr(storage, "folder", None)
        try:
            if folder is not None:
                with open(os.path.join(folder, name), "rb") as f:
                    buffer: Any = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            else:  # in-memory storages (never used by the archive, but Whoosh allows them)
                with storage.open_file(name) as f:
                    buffer = f.read()
        except (FileNotFoundError, NameError) as exc:
            raise PairIndexError(f"segment file {name} is missing") from exc
        try:
            return cls(buffer)
        except (struct.error, ValueError) as exc:
            raise PairIndexError(f"segment file {name} is damaged") from exc

    def lookup(self, key: int) -> tuple[np.ndarray, np.ndarray]:
        """(documents, frequencies) of the pair with hash ``key`` in this segment."""
        keys = self.keys
        i = int(keys.searchsorted(np.uint64(key)))
        if i >= keys.size or int(keys[i]) != key:
            return _EMPTY_DOCS, _EMPTY_FREQS
        a, b = int(self.offsets[i]), int(self.offsets[i + 1])
        return self.docs[a:b], self.freqs[a:b]


class PairBuffer:
    """The pair postings of the segment being written, accumulated as numpy chunks.

    New documents add their raw pair hashes (one entry per occurrence); segments being merged add
    their already counted postings with renumbered documents. ``write`` sorts everything by (pair,
    document) once, sums the frequencies of equal entries and writes the file.
    """

    def __init__(self) -> None:
        self._keys: list[np.ndarray] = []
        self._docs: list[np.ndarray | None] = []  # None: a new document's (``_new_docs``)
        self._freqs: list[np.ndarray | None] = []  # None: one occurrence per entry
        self._length_docs: list[np.ndarray] = []
        self._length_values: list[np.ndarray] = []
        self._new_docs: list[int] = []
        self._new_counts: list[int] = []

    def add_document(self, docnum: int, texts: Sequence[str]) -> int:
        """Add one new document's pairs; returns how many pair occurrences it has (its length)."""
        hashes = text_pair_hashes(texts)
        if hashes.size:
            self._keys.append(hashes)
            self._docs.append(None)
            self._freqs.append(None)
            self._new_docs.append(docnum)
            self._new_counts.append(hashes.size)
        return int(hashes.size)

    def add_segment(self, pairs: SegmentPairs, mapping: np.ndarray) -> None:
        """Add a merged segment's postings; ``mapping[old docnum]`` is the new number (-1: gone)."""
        counts = np.diff(pairs.offsets.astype(np.int64))
        docs = mapping[pairs.docs.astype(np.int64)]
        keep = docs >= 0
        if keep.any():
            self._keys.append(np.repeat(pairs.keys, counts)[keep])
            self._docs.append(docs[keep].astype(np.uint32))
            self._freqs.append(pairs.freqs[keep].astype(np.uint32))
        n = min(mapping.size, pairs.lengths.size)
        live = np.flatnonzero(mapping[:n] >= 0)
        self._length_docs.append(mapping[live])
        self._length_values.append(pairs.lengths[live])

    def _entries(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every entry as (keys, docs, freqs), unsorted; new documents' entries count 1 each."""
        docs_parts: list[np.ndarray] = []
        freq_parts: list[np.ndarray] = []
        new_docs = iter(self._new_docs)
        for keys, docs, freqs in zip(self._keys, self._docs, self._freqs):
            docs_parts.append(np.full(keys.size, next(new_docs), dtype=np.uint32) if docs is None else docs)
            freq_parts.append(np.ones(keys.size, dtype=np.uint32) if freqs is None else freqs)
        return np.concatenate(self._keys), np.concatenate(docs_parts), np.concatenate(freq_parts)

    def _doc_lengths(self, doc_count: int) -> np.ndarray:
        lengths = np.zeros(doc_count, dtype="<f4")
        if self._new_docs:
            lengths[np.asarray(self._new_docs, dtype=np.int64)] = self._new_counts
        for docs, values in zip(self._length_docs, self._length_values):
            inside = docs < doc_count
            lengths[docs[inside]] = values[inside]
        return lengths

    def write(self, storage: Any, segment: Any, doc_count: int) -> None:
        """Write the segment's pair file (``<segment id>.pairs``) and empty the buffer."""
        lengths = self._doc_lengths(doc_count)
        if self._keys:
            keys, docs, freqs = self._entries()
            self._keys, self._docs, self._freqs = [], [], []
            order = np.lexsort((docs, keys))
            keys, docs, freqs = keys[order], docs[order], freqs[order]
            del order
            first = np.empty(keys.size, dtype=bool)
            first[0] = True
            np.not_equal(keys[1:], keys[:-1], out=first[1:])
            first[1:] |= docs[1:] != docs[:-1]
            starts = np.flatnonzero(first)
            freqs = np.minimum(np.add.reduceat(freqs, starts), _MAX_FREQ).astype("<u2")
            keys, docs = keys[starts], docs[starts].astype("<u4")
            del first, starts
            term_first = np.empty(keys.size, dtype=bool)
            term_first[0] = True
            np.not_equal(keys[1:], keys[:-1], out=term_first[1:])
            term_starts = np.flatnonzero(term_first)
            unique_keys = keys[term_starts].astype("<u8")
            offsets = np.append(term_starts, keys.size).astype("<u4")
        else:
            unique_keys = np.zeros(0, "<u8")
            offsets = np.zeros(1, "<u4")
            docs = np.zeros(0, "<u4")
            freqs = np.zeros(0, "<u2")
        if docs.size >= 1 << 32:
            raise PairIndexError("a segment cannot hold 2**32 word-pair postings")
        self._length_docs, self._length_values = [], []
        self._new_docs, self._new_counts = [], []
        f = segment.create_file(storage, PAIRS_EXT)
        try:
            f.write(_HEADER.pack(_MAGIC, doc_count, unique_keys.size, docs.size))
            for arr in (unique_keys, lengths, offsets, docs, freqs):
                f.write(arr.tobytes())
        finally:
            f.close()

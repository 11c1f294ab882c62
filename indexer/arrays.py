"""Read Whoosh segments into numpy arrays: postings, field lengths, numeric columns, value lists.

Whoosh answers queries one posting at a time in Python, which is what makes phrases, facets and
date ranges slow at archive scale (whoosh-notes.md). The archive index instead reads whole posting
lists block by block (one unpickle per 128 postings) and does the set algebra, BM25 and facet
counting over numpy arrays. Everything here works on ONE segment reader and local document numbers;
``searcher.Snapshot`` combines segments.

This reaches into Whoosh 2.7's W3 codec internals (block data tuples, the lengths column). The
dependency is pinned (``Whoosh-Reloaded==2.7.5``) and every fast path has a slow, public-API fallback.
"""

from __future__ import annotations

from array import array

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.columns import NumericColumn
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

_EMPTY_IDS = np.zeros(0, dtype=np.int32)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float32)
_BYTE_TO_LENGTH = np.array([byte_to_length(b) for b in range(256)], dtype=np.float32)


def _raw_matcher(reader, fieldname: str, term: bytes):
    """The segment's posting matcher for a term, without Whoosh's per-posting deletion filter
    (deletions are applied once, as a mask, by the caller)."""
    fmt = reader.schema[fieldname].format
    return reader._terms.matcher(fieldname, term, fmt)


def postings(reader, fieldname: str, term: bytes, want_weights: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """All (docnum, weight) postings of one term in one segment, deleted documents included."""
    try:
        m = _raw_matcher(reader, fieldname, term)
    except (TermNotFound, KeyError):
        return _EMPTY_IDS, _EMPTY_WEIGHTS
    if isinstance(m, W3LeafMatcher) and not m._byteids:
        id_parts: list[np.ndarray] = []
        w_parts: list[np.ndarray] = []
        while m.is_active():
            m._read_data()
            raw_ids, raw_w = m._data[0], m._data[1]
            id_parts.append(np.cumsum(np.asarray(raw_ids, dtype=np.int64)).astype(np.int32))
            if want_weights:
                n = m._blocklength
                if raw_w is None:
                    w_parts.append(np.ones(n, dtype=np.float32))
                elif isinstance(raw_w, float):
                    w_parts.append(np.full(n, raw_w, dtype=np.float32))
                else:
                    w_parts.append(np.frombuffer(array("f", raw_w).tobytes(), dtype=np.float32))
            m._next_block()
        ids = np.concatenate(id_parts) if id_parts else _EMPTY_IDS
        weights = np.concatenate(w_parts) if w_parts else _EMPTY_WEIGHTS
        return ids, weights if want_weights else _EMPTY_WEIGHTS
    # Inlined (tiny) posting lists and any other matcher: the public, per-posting API.
    ids_l: list[int] = []
    w_l: list[float] = []
    while m.is_active():
        ids_l.append(m.id())
        w_l.append(m.weight())
        m.next()
    return np.asarray(ids_l, dtype=np.int32), np.asarray(w_l, dtype=np.float32)


def field_lengths(reader, fieldname: str) -> np.ndarray:
    """Per-document token counts of a scorable field (Whoosh stores them as one byte each)."""
    n = reader.doc_count_all()
    perdoc = reader._perdoc
    col = perdoc._cached_reader("_%s_len" % fieldname, LENGTHS_COLUMN)
    if col is None:
        return np.zeros(n, dtype=np.float32)
    codes = _numeric_raw(col, n, "B")
    return _BYTE_TO_LENGTH[codes]


def _numeric_raw(col, n: int, typecode: str) -> np.ndarray:
    dtype = np.dtype(">" + typecode) if typecode not in "bB" else np.dtype(typecode)
    out = np.full(n, col._default, dtype=dtype.newbyteorder("=") if dtype.itemsize > 1 else dtype)
    count = min(col._count, n)
    if count:
        raw = col._dbfile.get(col._basepos, count * col._fixedlen)
        out[:count] = np.frombuffer(raw, dtype=dtype)
    return out


def numeric_column(reader, fieldname: str) -> np.ndarray:
    """A NumericColumn field of one segment as an int64 array (fast path: one read)."""
    n = reader.doc_count_all()
    field = reader.schema[fieldname]
    coltype = field.column_type
    col = reader.column_reader(fieldname, translate=False)
    if isinstance(coltype, NumericColumn) and isinstance(col, NumericColumn.Reader):
        return _numeric_raw(col, n, coltype._typecode).astype(np.int64)
    return np.fromiter((int(col[i] or 0) for i in range(n)), dtype=np.int64, count=n)


def bytes_column(reader, fieldname: str) -> list[bytes]:
    n = reader.doc_count_all()
    col = reader.column_reader(fieldname, translate=False)
    return [col[i] for i in range(n)]


def alive_mask(reader) -> np.ndarray:
    """True for documents not deleted."""
    n = reader.doc_count_all()
    mask = np.ones(n, dtype=bool)
    if reader.has_deletions():
        dead = np.fromiter(reader._perdoc.deleted_docs(), dtype=np.int64)
        if dead.size:
            mask[dead[dead < n]] = False
    return mask


def value_postings(reader, fieldname: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Every value of a Values field with its documents, as (values, doc array, value-index array).

    Read from the postings (the field's lexicon), not from stored fields: this is the per-segment
    forward index that facet counting runs on.
    """
    values: list[str] = []
    doc_parts: list[np.ndarray] = []
    val_parts: list[np.ndarray] = []
    for term in reader.lexicon(fieldname):
        ids, _ = postings(reader, fieldname, term, want_weights=False)
        if not ids.size:
            continue
        doc_parts.append(ids)
        val_parts.append(np.full(ids.size, len(values), dtype=np.int32))
        values.append(term.decode("utf-8"))
    if not values:
        return [], _EMPTY_IDS, _EMPTY_IDS
    return values, np.concatenate(doc_parts), np.concatenate(val_parts)

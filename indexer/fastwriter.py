"""A faster Whoosh segment writer for the archive schema (same on-disk format, W3 codec).

Whoosh's ``SegmentWriter`` pushes every posting through a generic pipeline: a tuple per posting into
an external-sort pool (pickled to temporary files past ``limitmb``), then one Python call per
posting to write it, with a per-posting lookup of the document's field length. At ~700 postings per
council item that caps a build at under 100 items/s (measured: docs/bench-search.md).

This writer keeps the same segment files and codec but accumulates postings in memory, per field
and term, in compact ``array`` buffers (8 bytes per posting), and at flush writes each term's posting
list a block (128 postings) at a time through the W3 posting writer, taking block length statistics
from the length column in one read. Merged segments (Whoosh's merge policy on commit) are read back
block-wise too. Readers see an ordinary Whoosh index.

It relies on W3 codec internals of the pinned Whoosh-Reloaded 2.7.5 (``_ids``/``_weights``/
``_values`` block buffers); the contract tests build every index through it.
"""

from __future__ import annotations

import struct
from array import array
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec
from hashlib import md5
from itertools import accumulate, chain, repeat
from pickle import dumps

from whoosh.system import pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from indexer import arrays
from indexer.pairindex import PairBuffer, PairIndexError, SegmentPairs

# ``add_document`` keyword holding the texts whose adjacent word pairs go to the segment's pair file
# (``indexer.pairindex``), not to Whoosh's term table. Whoosh ignores keywords starting with "_".
PAIR_TEXTS = "_pair_texts"

BLOCK = 128
# Posting lists shorter than this are stored inside the term table instead of as a block in the
# postings file: most word pairs occur once or twice, and a separate block (pickled, compressed,
# indexed) per term was most of the build time. Any W3 reader reads either form.
INLINE_LIMIT = 16
_FLUSH_ROWS = 50_000  # term-table rows buffered before a write
_PACK1 = struct.Struct("!I").pack
# W3TermInfo's layout (flags, total weight, doc freq, min/max length bytes, max weight, first/last
# id) followed by the pickled postings: written directly for inlined terms. (Whoosh's own inlining
# path calls a misspelt method, ``set_inline``, which is why it ships with inlining disabled.)
_TERMINFO = struct.Struct("!BfIBBfII")
_LENGTHS = struct.Struct("!ii").pack
_EXISTS1 = (b"",)  # HashWriter's key/value length header


def _term_counts(field: Any, value: Any) -> dict[str, int]:
    """Term -> frequency for one field value (fast path for our field classes)."""
    counts = getattr(field, "term_counts", None)
    if counts is not None:
        return counts(value)
    out: dict[str, int] = {}
    for tbytes, freq, _weight, _v in field.index(value):
        term = tbytes.decode("utf-8")
        out[term] = out.get(term, 0) + int(freq)
    return out


class _TermTable:
    """Appends (key, value) rows to Whoosh's ordered hash file (the term table) in bulk.

    Byte-for-byte what ``OrderedHashWriter.add`` writes, but buffered: one write per run of rows
    instead of three per row, positions computed instead of asked (``tell``), and the MD5 slot hash
    taken from the digest's last four bytes (what Whoosh's ``md5_hash`` computes via hex). Rows must
    come in increasing key order (they do: terms are written sorted); every row of a field goes
    through here, so one ``flush`` per field writes them all.
    """

    def __init__(self, tindex: Any) -> None:
        self.tindex = tindex
        self.keys: list[bytes] = []
        self.rows: list[bytes] = []

    def flush(self) -> None:
        """Write the buffered rows: lengths, positions and hash slots computed a list at a time."""
        keys, rows = self.keys, self.rows
        if not keys:
            return
        tindex = self.tindex
        start = tindex.dbfile.tell()
        sizes = [8 + len(k) + len(v) for k, v in zip(keys, rows)]
        positions = list(accumulate(sizes, initial=start))[:-1]
        index = tindex.index
        try:
            batch = array(index.array.typecode, positions)  # all or nothing
        except (OverflowError, TypeError):  # outgrew the array type (or a list): let Whoosh widen it
            index.extend(positions)
        else:
            index.array.extend(batch)
        buckets = tindex.buckets
        for key, pos in zip(keys, positions):
            h = int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big")
            buckets[h & 255].append((h, pos))
        heads = map(_LENGTHS, map(len, keys), map(len, rows))
        tindex.dbfile.write(b"".join(chain.from_iterable(zip(heads, keys, rows))))
        tindex.lastkey = keys[-1]
        keys.clear()  # in place: callers hold the bound ``append`` methods
        rows.clear()


def _write_hashes_fast(tindex: Any) -> None:
    """``HashWriter._write_hashes`` with the same open-addressing layout, packed in one call per
    bucket instead of one per slot."""
    dbfile = tindex.dbfile
    for entries in tindex.buckets:
        pos = dbfile.tell()
        numslots = 2 * len(entries)
        tindex.directory.append((pos, numslots))
        if not numslots:
            continue
        hashes = [0] * numslots
        positions = [0] * numslots
        for hashval, position in entries:
            slot = (hashval >> 8) % numslots
            while positions[slot]:  # position 0 is never a key (the header is there)
                slot = (slot + 1) % numslots
            hashes[slot] = hashval
            positions[slot] = position
        flat = [0] * (2 * numslots)
        flat[0::2] = hashes
        flat[1::2] = positions
        dbfile.write(struct.pack("!" + "Iq" * numslots, *flat))


class _FieldPostings:
    """One field's postings for the segment being written, as three flat arrays.

    Adding a document is a handful of C-level operations (set difference for new terms, ``map`` for
    term ids, ``extend`` for documents and frequencies): no Python loop per posting. ``grouped``
    sorts by term id once (stable, so each term's documents stay in increasing order) and yields
    every term, in term order, with its slice of the sorted arrays.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.term_ids = array("I")
        self.docs = array("I")
        self.freqs = array("I")

    def add_doc(self, docnum: int, counts: dict[str, int]) -> None:
        ids = self.ids
        # set.difference(dict) walks the small side; ``keys() - keys()`` would walk the big one.
        new = set(counts).difference(ids)
        if new:
            base = len(ids)
            ids.update(zip(new, range(base, base + len(new))))
        self.term_ids.extend(map(ids.__getitem__, counts))
        self.freqs.extend(counts.values())
        self.docs.extend(repeat(docnum, len(counts)))

    def add_list(self, term: str, docs: list[int], freqs: list[int]) -> None:
        tid = self.ids.get(term)
        if tid is None:
            tid = self.ids[term] = len(self.ids)
        self.term_ids.extend(repeat(tid, len(docs)))
        self.docs.extend(docs)
        self.freqs.extend(freqs)

    def grouped(self) -> tuple[list[str], dict[str, int], list[int], array, array]:
        """(terms sorted, term ids, offsets by term id, docs, freqs), docs/freqs grouped by term."""
        tids = np.frombuffer(self.term_ids, dtype=np.uint32)
        order = np.argsort(tids, kind="stable")
        # Back to compact arrays (4 bytes a posting; ints are made only when read), not lists.
        docs = array("I", np.frombuffer(self.docs, dtype=np.uint32)[order].tobytes())
        freqs = array("I", np.frombuffer(self.freqs, dtype=np.uint32)[order].tobytes())
        del order
        self.term_ids = self.docs = self.freqs = array("I")  # free the unsorted copies
        offsets = np.zeros(len(self.ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(tids, minlength=len(self.ids)), out=offsets[1:])
        return sorted(self.ids), self.ids, offsets.tolist(), docs, freqs


class FastSegmentWriter(SegmentWriter):
    def __init__(self, ix: Any, **kwargs: Any) -> None:
        kwargs.setdefault("codec", W3Codec())
        # Separate files per segment, not one compound file: Whoosh opens a compound file's parts as
        # in-memory copies (BytesIO over the mmap), so every open searcher would hold the whole index
        # in RAM (measured: RSS = index size, 8.6 s to open at 100k items). Plain files are read
        # through the page cache instead.
        kwargs.setdefault("compound", False)
        super().__init__(ix, **kwargs)
        self._terms: dict[str, _FieldPostings] = {}
        self._pairs = PairBuffer()

    # -- adding ----------------------------------------------------------------------------------

    def add_document(self, **fields: Any) -> None:
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        terms = self._terms
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    counts = _term_counts(field, value)
                    table = terms.get(fieldname)
                    if table is None:
                        table = terms[fieldname] = _FieldPostings()
                    if counts:
                        table.add_doc(docnum, counts)
                    if field.scorable:
                        length = sum(counts.values())
                if field.stored or length:  # otherwise Whoosh's add_field records nothing
                    perdocwriter.add_field(fieldname, field, value if field.stored else None, length)
                column = field.column_type
                if column is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
            pair_texts = fields.get(PAIR_TEXTS)
            if pair_texts:  # last: nothing after it can fail and leave this document's pairs behind
                self._pairs.add_document(docnum, pair_texts)
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def add_postings_to_pool(self, reader: Any, startdoc: int, docmap: Any) -> None:
        """Postings of a segment being merged into this one, read block-wise and renumbered."""
        n = reader.doc_count_all()
        if docmap is not None:
            mapping = np.full(n, -1, dtype=np.int64)
            for old, new in docmap.items():
                mapping[old] = new
        else:
            mapping = np.arange(n, dtype=np.int64) + startdoc
        alive = arrays.alive_mask(reader)
        mapping[~alive] = -1
        try:
            pairs = SegmentPairs.open(reader._storage, reader.segment())
        except PairIndexError as exc:
            raise PairIndexError(f"cannot merge a segment without its word pairs ({exc}): run minutes index --rebuild") from None
        self._pairs.add_segment(pairs, mapping)
        for fieldname in reader.indexed_field_names():
            if fieldname not in self.schema:
                continue
            table = self._terms.get(fieldname)
            if table is None:
                table = self._terms[fieldname] = _FieldPostings()
            for tbytes in reader.lexicon(fieldname):
                ids, weights = arrays.postings(reader, fieldname, tbytes)
                if not ids.size:
                    continue
                new = mapping[ids]
                keep = new >= 0
                if not keep.any():
                    continue
                table.add_list(tbytes.decode("utf-8"), new[keep].tolist(),
                               np.rint(weights[keep]).astype(np.uint32).tolist())

    # -- flushing --------------------------------------------------------------------------------

    def _flush_segment(self) -> None:
        self._pairs.write(self.storage, self.newsegment, self.docnum)
        self.perdocwriter.close()
        pdr = self.per_document_reader()
        try:
            self._write_terms(pdr)
        finally:
            pdr.close()
        tindex = self.fieldwriter._tindex
        tindex._write_hashes = lambda: _write_hashes_fast(tindex)
        self.fieldwriter.close()
        self._terms = {}

    def _lengths(self, pdr: Any, fieldname: str, n: int) -> np.ndarray | None:
        col = pdr._cached_reader("_%s_len" % fieldname, LENGTHS_COLUMN)
        if col is None:
            return None
        codes = arrays._numeric_raw(col, n, "B")
        return arrays._BYTE_TO_LENGTH[codes].astype(np.int64)

    @staticmethod
    def _length_codes(pdr: Any, fieldname: str, n: int) -> list[int] | None:
        """The one-byte length codes themselves (what the term info stores for min/max length)."""
        col = pdr._cached_reader("_%s_len" % fieldname, LENGTHS_COLUMN)
        if col is None:
            return None
        return arrays._numeric_raw(col, n, "B").tolist()

    def _write_terms(self, pdr: Any) -> None:
        fw = self.fieldwriter
        n = self.docnum
        for fieldname in sorted(self._terms):
            postings = self._terms[fieldname]
            if not postings.ids:
                continue
            terms_sorted, tids, offsets, all_docs, all_freqs = postings.grouped()
            fieldobj = self.schema[fieldname]
            fixed = fieldobj.format.fixed_value_size()
            lengths = self._lengths(pdr, fieldname, n) if fieldobj.scorable else None
            lengths_list = lengths.tolist() if lengths is not None else None
            codes = self._length_codes(pdr, fieldname, n) if fieldobj.scorable else None
            existence = not fixed
            fw.start_field(fieldname, fieldobj)
            pw = fw._postwriter
            tindex = fw._tindex
            table_rows = _TermTable(tindex)
            pending = table_rows.keys
            add_key, add_row = pending.append, table_rows.rows.append
            fieldprefix = pack_ushort(fw._fieldid)
            # A one-posting term's row value depends only on (docnum, frequency): most of a
            # document's new terms share one, so encode each once.
            single_rows: dict[int, bytes] = {}
            for term in terms_sorted:
                t = tids[term]
                a, b = offsets[t], offsets[t + 1]
                count = b - a
                if count == 1:  # one posting: the common case, kept lean
                    d, f = all_docs[a], all_freqs[a]
                    key = (d << 32) | f
                    row = single_rows.get(key)
                    if row is None:
                        if existence:
                            w, vals = 1.0, _EXISTS1
                        else:
                            w, vals = float(f), (_PACK1(f),)
                        code = codes[d] if codes is not None else 0
                        row = single_rows[key] = (_TERMINFO.pack(1, w, 1, code, code, w, d, d)
                                                  + dumps(((d,), (w,), vals), 2))
                    add_key(fieldprefix + term.encode("utf-8"))
                    add_row(row)
                    if len(pending) >= _FLUSH_ROWS:  # bound the buffer (memory)
                        table_rows.flush()
                    continue
                ids = all_docs[a:b]  # ascending: stable grouping keeps insertion (docnum) order
                freqs = all_freqs[a:b]
                if count < INLINE_LIMIT:  # inlined in the term table (no numpy: too small to pay off)
                    if existence:
                        weights = (1.0,) * count
                        values = (b"",) * count
                    else:
                        weights = tuple(map(float, freqs))
                        values = tuple(map(_PACK1, freqs))
                    if lengths_list is not None:
                        lens = [lengths_list[d] for d in ids]
                        nz = [x for x in lens if x]
                        minb = length_to_byte(min(nz)) if nz else 0
                        maxb = length_to_byte(max(lens))
                    else:
                        minb = maxb = 0
                    info = _TERMINFO.pack(1, sum(weights), count, minb, maxb, max(weights), ids[0], ids[-1])
                    add_key(fieldprefix + term.encode("utf-8"))
                    add_row(info + dumps((tuple(ids), weights, values), 2))
                    continue
                btext = term.encode("utf-8")
                fw.start_term(btext)  # posting blocks go to the postings file; the row is ours
                for start in range(0, count, BLOCK):
                    chunk_ids = ids[start:start + BLOCK]
                    chunk_f = freqs[start:start + BLOCK]
                    pw._ids = array("I", chunk_ids)
                    if existence:
                        pw._weights = array("f", [1.0] * len(chunk_ids))
                        pw._values = []
                        pw._maxweight = 1.0
                    else:
                        pw._weights = array("f", chunk_f)
                        pw._values = [struct.pack("!%dI" % len(chunk_f), *chunk_f)]
                        pw._maxweight = float(max(chunk_f))
                    if lengths is not None:
                        lens = lengths[np.asarray(chunk_ids, dtype=np.int64)]
                        nz = lens[lens > 0]
                        pw._minlength = int(nz.min()) if nz.size else None
                        pw._maxlength = int(lens.max()) if lens.size else 0
                    else:
                        pw._minlength, pw._maxlength = None, 0
                    if start + BLOCK < count:
                        pw._write_block()
                add_key(fieldprefix + btext)  # W3FieldWriter.finish_term, buffered
                add_row(pw.finish_postings().to_bytes())
            table_rows.flush()
            fw.finish_field()

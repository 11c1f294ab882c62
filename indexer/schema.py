"""The index schema, declared once, with the version stored beside every index built from it.

One Whoosh document per agenda item. Three kinds of field:

* ranking text: ``title`` and ``body`` (Porter2 stems, stop words dropped, frequencies only);
  title matches are weighted above body matches at query time (``TITLE_BOOST``);
* ``exact``: unstemmed words of title + texts, stop words kept. With the adjacent word pairs kept
  beside each segment (``PAIRS_FIELD``, not a Whoosh field: ``indexer.pairindex``), one- and
  two-word "quoted phrases" are answered from postings alone; a longer phrase takes the items
  holding all its pairs as candidates and verifies each against its text, kept for that purpose
  normalised and uncompressed in the ``phrase_text`` column (no positions are indexed: see
  ``searcher.Evaluator``). The word field is also the vocabulary for "did you mean" and (when
  enabled) wildcards;
* values for filters and facets (whole strings as terms), numeric columns for dates and agenda
  order, and one stored JSON payload with everything ``ItemDetail`` needs.

Bump ``SCHEMA_VERSION`` whenever a field, an analyser or the payload shape changes: an index built by
another version refuses to open ("run minutes index --rebuild") instead of answering wrongly.
"""

from __future__ import annotations

from whoosh import columns
from whoosh.fields import COLUMN, STORED, Schema

from indexer.fields import ExactText, StemmedText, Values

# 3: the procedural flag (indexer.procedural); 4: the phrase_text column; 5: word pairs in a file
# beside each segment (indexer.pairindex) instead of a Whoosh field
SCHEMA_VERSION = 5

TITLE_BOOST = 3.0  # a title match outweighs several body matches
TEXT_FIELDS = ("title", "body")  # searched by plain words, scored with BM25F-style weights
EXACT_FIELD = "exact"
PAIRS_FIELD = "pairs"  # the word pairs' logical field name (kept by indexer.pairindex, not Whoosh)
PHRASE_TEXT_FIELD = "phrase_text"  # normalised title and texts, uncompressed: phrase verification reads it

# Value fields: name -> key in the engine-neutral document (see documents.build_document).
VALUE_FIELDS = {
    "id": "id",
    "site": "site",
    "council": "council",
    "committee": "committee",
    "committee_key": "committee_key",
    "meeting": "meeting",
    "speaker": "speakers",
    "speaker_kind": "speaker_kinds",
    "topic": "topics",
    "keyphrase": "keyphrases",
    "year": "year",
    "has_commitments": "has_commitments",
    "procedural": "procedural",
}

# Facets the API exposes, mapped to the value field that holds them.
FACET_FIELDS = {
    "committee": "committee",
    "speaker": "speaker",
    "topic": "topic",
    "council": "council",
    "year": "year",
}
MULTI_VALUED = frozenset({"speaker", "speaker_kind", "topic", "keyphrase"})


def build_schema() -> Schema:
    """A fresh Schema object (field objects are mutable, so never share one between indexes)."""
    schema = Schema(
        id=Values(unique=True),
        title=StemmedText(),
        body=StemmedText(),
        exact=ExactText(),
        site=Values(),
        council=Values(),
        committee=Values(),
        committee_key=Values(),
        meeting=Values(),
        speaker=Values(),
        speaker_kind=Values(),
        topic=Values(),
        keyphrase=Values(),
        year=Values(),
        has_commitments=Values(),
        procedural=Values(),  # "yes" for standing items (indexer.procedural), demoted in relevance
        # Columns (per-document values read in bulk into arrays by the searcher)
        id_col=COLUMN(columns.VarBytesColumn()),
        fingerprint=COLUMN(columns.VarBytesColumn()),
        date=COLUMN(columns.NumericColumn("i", default=0)),  # yyyymmdd, 0 = unknown
        position=COLUMN(columns.NumericColumn("i", default=0)),
        meeting_no=COLUMN(columns.NumericColumn("I", default=0)),  # crc32 of the meeting key
        # analysis.phrase_text: what a 3+ word phrase is verified against. Not the stored payload,
        # which Whoosh zlib-compresses (decompressing it was most of the cost of verification).
        phrase_text=COLUMN(columns.VarBytesColumn()),
        payload=STORED(),
    )
    return schema

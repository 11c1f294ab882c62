"""Enrichment of archived records and the search index.

Reads records from ``scraper`` (never the network), extracts who spoke, what was decided and what
was promised, and maintains the index behind the read-only search API that ``archive`` calls.
Nothing here imports ``archive``.
"""

"""Getting council data in: polite HTTP, ModernGov harvesting, pure parsers, records, the archive store.

Nothing in this package imports ``indexer`` or ``archive``; data flows one way.
"""

__version__ = "0.1.0"

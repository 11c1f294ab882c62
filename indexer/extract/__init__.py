"""Minutes-prose extractors: speakers, decisions, commitments, attendees, topics, key phrases.

Public API:
- ``extract_minutes(text, context=None, taxonomy=None) -> Extraction`` (pure)
- ``enrich(archived_item, taxonomy=None) -> Extraction``
- ``load_taxonomy(path=None) -> Taxonomy`` (bundled ``topics.toml`` or a deployment's own file)
"""

from indexer.extract.model import (
    AttendeeMention,
    Commitment,
    Decision,
    Extraction,
    MeetingContext,
    Speaker,
    Vote,
)
from indexer.extract.pipeline import enrich, extract_minutes
from indexer.extract.topics import Taxonomy, TaxonomyError, load_taxonomy, taxonomy_for_instance

__all__ = [
    "AttendeeMention", "Commitment", "Decision", "Extraction", "MeetingContext", "Speaker", "Vote",
    "Taxonomy", "TaxonomyError", "enrich", "extract_minutes", "load_taxonomy", "taxonomy_for_instance",
]

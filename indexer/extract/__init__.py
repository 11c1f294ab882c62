"""Minutes-prose extractors: speakers, decisions, commitments, attendees, topics, key phrases."""

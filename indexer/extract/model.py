"""What the minutes-prose extractors produce (the JSON contract in design.md §2).

Frozen dataclasses so that enrichment results can be cached, compared and hashed; ``to_json``
gives exactly the documented ``minutes extract --json`` shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from scraper.records import Attendee

SPEAKER_KINDS = ("councillor", "officer", "external", "chair", "anonymous_member", "public")
STRENGTHS = ("firm", "soft")


@dataclass(frozen=True)
class MeetingContext:
    """What the extractors may know about the meeting an item belongs to."""

    date: date | None = None
    committee: str | None = None
    attendees: tuple[Attendee, ...] = ()


@dataclass(frozen=True)
class Speaker:
    name: str | None  # resolved full name, or None when the text never resolves it
    role: str | None
    kind: str  # one of SPEAKER_KINDS
    mentions: tuple[str, ...]  # exact substrings of the input that introduce a contribution

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "kind": self.kind, "mentions": list(self.mentions)}


@dataclass(frozen=True)
class Vote:
    outcome: str | None = None  # "carried", "lost", or None
    for_count: int | None = None
    against_count: int | None = None
    abstain_count: int | None = None
    for_names: tuple[str, ...] = ()
    against_names: tuple[str, ...] = ()
    abstain_names: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "for": self.for_count,
            "against": self.against_count,
            "abstain": self.abstain_count,
            "for_names": list(self.for_names),
            "against_names": list(self.against_names),
            "abstain_names": list(self.abstain_names),
        }


@dataclass(frozen=True)
class Decision:
    text: str
    vote: Vote | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        if self.vote is not None:
            out["vote"] = self.vote.to_json()
        return out


@dataclass(frozen=True)
class Commitment:
    text: str
    who: str | None
    due: date | None  # resolved absolute date, when the text gives one
    strength: str  # "firm" or "soft"
    due_text: str | None = None  # the words that set the time ("the next meeting", "in six months")

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "who": self.who,
            "due": self.due.isoformat() if self.due else None,
            "due_text": self.due_text,
            "strength": self.strength,
        }


@dataclass(frozen=True)
class AttendeeMention:
    name: str
    role: str | None
    status: str  # "present", "apologies", "absent", "in_attendance"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "status": self.status}


@dataclass(frozen=True)
class Extraction:
    speakers: tuple[Speaker, ...] = ()
    decisions: tuple[Decision, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    attendees: tuple[AttendeeMention, ...] = ()
    topics: tuple[str, ...] = ()  # 0-3 topic labels from the taxonomy
    keyphrases: tuple[str, ...] = ()  # up to 8
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "speakers": [s.to_json() for s in self.speakers],
            "decisions": [d.to_json() for d in self.decisions],
            "commitments": [c.to_json() for c in self.commitments],
            "attendees": [a.to_json() for a in self.attendees],
            "topics": list(self.topics),
            "keyphrases": list(self.keyphrases),
        }

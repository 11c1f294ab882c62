"""The sample council's data set: frozen records loaded from ``data/council.json``.

The JSON file is the data set (committed, deterministic); ``build_dataset.py`` is how it was made
from hand-written texts (``data/handwritten.toml``) and templates with a seeded RNG. Texts are stored
as clean paragraphs ("• " starts a bullet): the site renders them as Word HTML, and tests compare
parsed text with ``wordhtml.expected_text`` of these paragraphs.

Members' home addresses and phone numbers exist here only so the site can publish them the way
councillor pages do; the parsers must never keep them. All people and places are fictional.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "council.json"


@dataclass(frozen=True)
class Member:
    uid: int
    name: str
    party: str
    ward: str
    home_address: str
    phone: str


@dataclass(frozen=True)
class CommitteeData:
    committee_id: int
    title: str
    category: str
    purpose: str
    webservice: bool  # False: the web service is disabled for this committee's meetings


@dataclass(frozen=True)
class AttendeeData:
    name: str
    role: str
    attendance: str
    uid: int | None = None


@dataclass(frozen=True)
class DocumentData:
    attachment_id: int
    title: str
    file: str
    flags: tuple[str, ...] = ()  # "javascript" (link is a javascript: call), "private_host"


@dataclass(frozen=True)
class ItemData:
    item_id: int
    number: str | None
    title: str
    agenda: tuple[str, ...] = ()
    minutes: tuple[str, ...] = ()
    decision: tuple[str, ...] = ()
    raw_minutes: str | None = None  # text kept verbatim (the seed), rendered with its own spacing
    restricted: bool = False
    documents: tuple[DocumentData, ...] = ()
    flags: tuple[str, ...] = ()  # "leak" (restricted, text sent in XML), "double_escape", "script"
    hand_written: bool = False

    @property
    def sub_number(self) -> str:
        number = self.number or ""
        return number[-1] if number and number[-1].isalpha() else ""


@dataclass(frozen=True)
class MeetingData:
    meeting_id: int
    committee_id: int
    date: date
    time: str  # as printed: "5.30 pm"
    status: str  # "Confirmed", "Cancelled"
    venue: str
    attendees: tuple[AttendeeData, ...] = ()
    items: tuple[ItemData, ...] = ()
    flags: tuple[str, ...] = ()  # "malformed_page", "waf_first", "flaky_first"

    @property
    def cancelled(self) -> bool:
        return self.status.lower() == "cancelled"


@dataclass(frozen=True)
class Dataset:
    council_name: str
    council_address: str
    members: tuple[Member, ...]
    committees: tuple[CommitteeData, ...]
    meetings: tuple[MeetingData, ...]

    def committee(self, committee_id: int) -> CommitteeData | None:
        return next((c for c in self.committees if c.committee_id == committee_id), None)

    def meeting(self, meeting_id: int) -> MeetingData | None:
        return next((m for m in self.meetings if m.meeting_id == meeting_id), None)

    def member(self, uid: int) -> Member | None:
        return next((m for m in self.members if m.uid == uid), None)

    def meetings_of(self, committee_id: int) -> list[MeetingData]:
        return sorted((m for m in self.meetings if m.committee_id == committee_id), key=lambda m: m.date)

    def item(self, item_id: int) -> tuple[MeetingData, ItemData] | None:
        for meeting in self.meetings:
            for item in meeting.items:
                if item.item_id == item_id:
                    return meeting, item
        return None

    def document(self, attachment_id: int) -> DocumentData | None:
        for meeting in self.meetings:
            for item in meeting.items:
                for document in item.documents:
                    if document.attachment_id == attachment_id:
                        return document
        return None

    @property
    def item_count(self) -> int:
        return sum(len(m.items) for m in self.meetings)


def _item(raw: dict) -> ItemData:
    return ItemData(
        item_id=raw["id"],
        number=raw.get("number"),
        title=raw["title"],
        agenda=tuple(raw.get("agenda", ())),
        minutes=tuple(raw.get("minutes", ())),
        decision=tuple(raw.get("decision", ())),
        raw_minutes=raw.get("raw_minutes"),
        restricted=raw.get("restricted", False),
        documents=tuple(
            DocumentData(d["id"], d["title"], d["file"], tuple(d.get("flags", ()))) for d in raw.get("documents", ())
        ),
        flags=tuple(raw.get("flags", ())),
        hand_written=raw.get("hand_written", False),
    )


def dataset_from_json(raw: dict) -> Dataset:
    return Dataset(
        council_name=raw["council"]["name"],
        council_address=raw["council"]["address"],
        members=tuple(
            Member(m["uid"], m["name"], m["party"], m["ward"], m["home_address"], m["phone"]) for m in raw["members"]
        ),
        committees=tuple(
            CommitteeData(c["id"], c["title"], c["category"], c.get("purpose", ""), c.get("webservice", True))
            for c in raw["committees"]
        ),
        meetings=tuple(
            MeetingData(
                meeting_id=m["id"],
                committee_id=m["committee_id"],
                date=date.fromisoformat(m["date"]),
                time=m["time"],
                status=m["status"],
                venue=m["venue"],
                attendees=tuple(
                    AttendeeData(a["name"], a["role"], a["attendance"], a.get("uid")) for a in m.get("attendees", ())
                ),
                items=tuple(_item(i) for i in m.get("items", ())),
                flags=tuple(m.get("flags", ())),
            )
            for m in raw["meetings"]
        ),
    )


@lru_cache(maxsize=4)
def load_dataset(path: str | None = None) -> Dataset:
    """The bundled data set (or another JSON file of the same shape)."""
    source = Path(path) if path else DATA_FILE
    return dataset_from_json(json.loads(source.read_text(encoding="utf-8")))


__all__ = [
    "DATA_FILE",
    "Member",
    "CommitteeData",
    "AttendeeData",
    "DocumentData",
    "ItemData",
    "MeetingData",
    "Dataset",
    "load_dataset",
    "dataset_from_json",
]

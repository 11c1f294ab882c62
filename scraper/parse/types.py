"""Frozen results of the parsers that are not plain ``scraper.records`` types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scraper.records import AgendaItem, Document, Meeting


@dataclass(frozen=True)
class ParsedMeeting:
    """One meeting with its agenda items, as parsed from one response.

    ``truncated_item_ids`` lists items whose minutes the meeting page cut short ("view the full
    minutes text for item ..."): their ``minutes_text`` holds only the visible part, and the full text
    is on ``mgAi.aspx?ID=<id>`` (``parse_item_page``). ``skipped_links`` lists document links that were
    not http(s) (``javascript:``, ``mailto:``, ``file:``), so the caller can report them.
    """

    meeting: Meeting
    items: tuple[AgendaItem, ...]
    truncated_item_ids: tuple[int, ...] = ()
    skipped_links: tuple[str, ...] = ()


@dataclass(frozen=True)
class DecisionSummary:
    """One row of a decisions list (``mgDelegatedDecisions.aspx``, ``mgListOfficerDecisions.aspx``)."""

    decision_id: int
    title: str
    url: str
    published: date | None = None
    effective: date | None = None
    call_in: str | None = None


@dataclass(frozen=True)
class DecisionDetail:
    """An ``ieDecisionDetails.aspx`` page.

    ``decision_maker`` merges "Decision Maker:" and "Decided at meeting:", which installs use for the
    same thing (GUIDE.md §6.6); ``meeting_id``/``committee_id`` come from the meeting link if any.
    """

    title: str
    decision_text: str
    purpose_text: str = ""
    decision_maker: str | None = None
    status: str | None = None
    is_key_decision: bool | None = None
    subject_to_call_in: bool | None = None
    published: date | None = None
    decided: date | None = None
    meeting_id: int | None = None
    committee_id: int | None = None
    issue_id: int | None = None
    documents: tuple[Document, ...] = ()
    source_url: str | None = None


__all__ = ["ParsedMeeting", "DecisionSummary", "DecisionDetail"]

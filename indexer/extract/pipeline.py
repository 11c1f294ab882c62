"""The extraction pipeline: one item's text (plus what we know of its meeting) in, an
``Extraction`` out. Pure: no I/O beyond reading the bundled taxonomy once."""

from __future__ import annotations

import bisect
import re

from indexer.extract import text as tx
from indexer.extract.attendance import find_attendees
from indexer.extract.commitments import _Ctx, find_commitments
from indexer.extract.decisions import attach_votes, find_decisions, find_votes
from indexer.extract.keyphrases import MAX_PHRASES, extract_keyphrases
from indexer.extract.lexicon import NOT_NAME_WORDS
from indexer.extract.model import Extraction, MeetingContext
from indexer.extract.people import NounPhrase, attendee_registry, find_noun_phrases
from indexer.extract.speakers import (
    Mention, SpeakerFinder, _Unit, fire_ranks_as_officers, other_tier_councillors_as_external, person_label,
    speakers_from_mentions,
)
from indexer.extract.topics import Taxonomy, load_taxonomy
from scraper.records import ArchivedItem, Attendee


def extract_minutes(text: str, context: MeetingContext | None = None, taxonomy: Taxonomy | None = None) -> Extraction:
    """Speakers, decisions, commitments, attendees, topics and key phrases of one item's text.

    ``text`` is an item's plain text as ModernGov renders it (title, agenda text, "Minutes:",
    "Decision:", "Supporting documents:") or bare minutes prose; HTML is stripped first.
    Speakers, decisions and commitments come from the minutes/decision parts only.
    """
    if not isinstance(text, str):
        raise TypeError("extract_minutes expects str")
    context = context or MeetingContext()
    taxonomy = taxonomy or load_taxonomy()
    if not text.strip():
        return Extraction()
    if tx.looks_binary(text):
        return Extraction(warnings=("input does not look like text",))
    prep = tx.prepare(text)
    body = prep.text
    attendees = find_attendees(body, 0, len(body))
    registry = attendee_registry(context.attendees)
    known = {a.name.lower() for a in context.attendees}
    for a in attendees:  # an item's own "Present:" / "In attendance:" lists name people too
        if a.status in ("present", "in_attendance") and a.name.lower() not in known:
            registry.add_attendee(Attendee(name=a.name, role=a.role, attendance=a.status))
    regions = [prep.minutes]
    finder = SpeakerFinder(body, registry)
    mentions = finder.run(regions + ([prep.decision] if prep.decision else []))
    speakers = other_tier_councillors_as_external(fire_ranks_as_officers(speakers_from_mentions(mentions), body), body)

    decisions_found, consumed = find_decisions(body, regions, prep.decision)
    votes = []
    for start, end in regions + ([prep.decision] if prep.decision else []):
        votes.extend(find_votes(body, start, end))
    decisions = attach_votes(decisions_found, votes)

    starts = [m.start for m in mentions]
    ctx = _Ctx(
        meeting_date=context.date,
        resolve_subject=lambda np: _resolve_label(finder, np),
        speaker_before=lambda pos: _speaker_before(body, mentions, starts, pos),
    )
    # a Decision: section's narrative (not its resolutions, which are consumed) can hold promises too
    commitments = find_commitments(
        body, regions + ([prep.decision] if prep.decision else []), consumed, [(s, e, d.text) for s, e, d in decisions_found], ctx
    )
    topic_text = body
    topics = taxonomy.classify(topic_text, prep.title)
    phrases = [p for p in finder.phrases if p.kind != "bare"]
    if prep.minutes[0] > 0:
        phrases.extend(p for p in find_noun_phrases(body, 0, prep.minutes[0]) if p.kind != "bare")
    phrases.extend(NounPhrase(m.start, m.end, m.text, "mention") for m in mentions)
    keyphrases = _not_names(
        extract_keyphrases(_without_people(body[:200_000], phrases), limit=MAX_PHRASES + 4),
        _person_words(speakers, attendees, decisions),
    )[:MAX_PHRASES]
    return Extraction(
        speakers=speakers,
        decisions=tuple(decisions),
        commitments=tuple(commitments),
        attendees=tuple(attendees),
        topics=topics,
        keyphrases=keyphrases,
        warnings=prep.warnings,
    )


def _person_words(speakers, attendees, decisions) -> frozenset[str]:
    """Surnames and given names of everyone the item names (speakers, attendees, voters)."""
    names: list[str] = [s.name for s in speakers if s.name]
    names += [a.name for a in attendees if a.name]
    for d in decisions:
        if d.vote is not None:
            names += list(d.vote.for_names) + list(d.vote.against_names) + list(d.vote.abstain_names)
    words = set()
    for name in names:
        for w in re.findall(r"[A-Z][\w'’-]{2,}", name):
            if w not in NOT_NAME_WORDS:
                words.add(w.lower())
    return frozenset(words)


def _not_names(phrases: tuple[str, ...], person_words: frozenset[str]) -> tuple[str, ...]:
    """A key phrase made only of people's names ("Stannard") says who, not what."""
    out = []
    for p in phrases:
        words = [re.sub(r"['’]s$", "", w).lower() for w in p.split()]
        if words and all(w in person_words for w in words):
            continue
        out.append(p)
    return tuple(out)


def _without_people(text: str, mentions: list[NounPhrase]) -> str:
    """Blank out phrases naming people: names and job titles are not what an item is about."""
    if not mentions:
        return text
    pieces = []
    pos = 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start >= len(text):
            break
        if m.start >= pos:
            pieces.append(text[pos:m.start])
            pieces.append(" , ")
            pos = m.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _resolve_label(finder: SpeakerFinder, np: NounPhrase) -> str | None:
    people = finder._resolve(_Unit(np))
    if len(people) != 1:
        return np.text
    return person_label(people[0])


_PARA_BREAK = re.compile(r"\n[ \t\u00a0]*\n|\n(?=[ \t]*[•·▪●]\s)")


def _speaker_before(text: str, mentions: list[Mention], starts: list[int], pos: int) -> str | None:
    """The last speaker mentioned before ``pos`` in the same paragraph (reported speech owner)."""
    para_start = max(0, pos - 4000)
    for m in _PARA_BREAK.finditer(text, para_start, pos):
        para_start = m.end()
    i = bisect.bisect_left(starts, pos) - 1
    if i >= 0 and mentions[i].start >= para_start:
        return person_label(mentions[i].person)
    return None


def enrich(archived: ArchivedItem, taxonomy: Taxonomy | None = None) -> Extraction:
    """Extraction for an archived agenda item, with its meeting as context.

    Restricted (exempt) items carry only a title: they get topics from the title and nothing else.
    """
    taxonomy = taxonomy or load_taxonomy()
    item = archived.item
    if item.restricted:
        return Extraction(topics=taxonomy.classify(item.title, item.title))
    context = MeetingContext(
        date=archived.meeting.date,
        committee=archived.committee.title,
        attendees=archived.meeting.attendees,
    )
    parts = [item.title or ""]
    if item.agenda_text:
        parts.append(item.agenda_text)
    # Always mark where minutes start: an item with agenda text only (minutes not yet published)
    # has recommendations, not decisions, and nobody has spoken yet.
    parts.append("Minutes:\n\n" + (item.minutes_text or ""))
    if item.decision_text:
        parts.append("Decision:\n\n" + item.decision_text)
    return extract_minutes("\n\n".join(parts), context, taxonomy)

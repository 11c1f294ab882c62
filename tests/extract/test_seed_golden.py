"""The seed document (a real Leicester agenda item) as the golden case of issue 3."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.extract import MeetingContext, extract_minutes

from .conftest import SEED_MEETING_DATE


@pytest.fixture(scope="module")
def extraction(seed_text):
    return extract_minutes(seed_text, MeetingContext(date=SEED_MEETING_DATE))


def _by_mention(extraction, mention):
    found = [s for s in extraction.speakers if mention in s.mentions]
    assert len(found) == 1, f"{mention!r} should belong to exactly one speaker: {extraction.speakers}"
    return found[0]


def test_exactly_the_six_speakers(extraction):
    assert len(extraction.speakers) == 6
    names = {s.name for s in extraction.speakers}
    assert names == {"Daxa Pancholi", "Sean Abruthnot", "William Knopp", "Councillor Grant", None}


def test_officers_resolved_through_the_introduction(extraction):
    daxa = _by_mention(extraction, "Daxa Pancholi")
    assert (daxa.name, daxa.role, daxa.kind) == ("Daxa Pancholi", "Head of Community Safety and Protection", "officer")
    assert daxa.mentions == (
        "Daxa Pancholi",
        "The Head of Community Safety and Protection",
        "the Head of Community Safety and Protection",
    )
    sean = _by_mention(extraction, "Sean Abruthnot")
    assert (sean.name, sean.role, sean.kind) == ("Sean Abruthnot", "Prevent Co-ordinator", "officer")
    assert sean.mentions == ("Sean Abruthnot", "the Prevent Co-ordinator", "The Prevent Co-ordinator")


def test_inspector_resolved_by_surname_and_title(extraction):
    knopp = _by_mention(extraction, "Inspector Knopp")
    assert (knopp.name, knopp.role, knopp.kind) == ("William Knopp", "Police Inspector", "external")
    assert knopp.mentions == ("Police Inspector William Knopp", "Inspector Knopp")


def test_councillor_anonymous_member_and_chair(extraction):
    grant = _by_mention(extraction, "Councillor Grant")
    assert (grant.name, grant.kind, grant.mentions) == ("Councillor Grant", "councillor", ("Councillor Grant",))
    member = _by_mention(extraction, "A Member")
    assert member.kind == "anonymous_member" and member.name is None
    assert set(member.mentions) == {"A Member", "a Member", "The Member"}
    chair = _by_mention(extraction, "The Chair")
    assert (chair.name, chair.role, chair.kind, chair.mentions) == (None, "Chair", "chair", ("The Chair",))


def test_mentions_are_exact_substrings(extraction, seed_text):
    for speaker in extraction.speakers:
        for mention in speaker.mentions:
            assert mention in seed_text


def test_people_only_mentioned_are_not_speakers(extraction):
    all_mentions = {m for s in extraction.speakers for m in s.mentions}
    assert "Members" not in all_mentions  # "Members heard that ..." and "comments from Members"
    assert not any("Youth Commissioner" in m or "officers" in m.lower() for m in all_mentions)


def test_the_decision(extraction):
    assert [d.text for d in extraction.decisions] == ["that the presentation and comments from Members be noted."]
    assert extraction.decisions[0].vote is None


def test_the_commitments(extraction):
    commitments = extraction.commitments
    assert len(commitments) == 4

    def one(word):
        found = [c for c in commitments if word in c.text]
        assert len(found) == 1, (word, commitments)
        return found[0]

    training = one("further session")
    assert training.strength == "soft" and training.due is None
    event = one("14 November")
    assert event.strength == "firm"
    assert event.due == date(2019, 11, 14)
    assert "St Philip" in event.text
    councillors_event = one("separate event")
    assert councillors_event.strength == "soft"
    briefing = one("briefed")
    assert "real impact on community safety" in briefing.text
    assert briefing.who == "William Knopp"


def test_without_a_meeting_date_the_day_stays_text(seed_text):
    extraction = extract_minutes(seed_text)
    event = [c for c in extraction.commitments if "14 November" in c.text][0]
    assert event.due is None and event.due_text == "14 November"


def test_topics_and_keyphrases(extraction):
    assert extraction.topics[0] == "Community safety"
    assert "Equalities and community cohesion" in extraction.topics
    assert 1 <= len(extraction.topics) <= 3
    assert "Prevent" in extraction.keyphrases
    assert len(extraction.keyphrases) <= 8


def test_json_shape_matches_the_contract(extraction):
    data = extraction.to_json()
    assert set(data) >= {"speakers", "decisions", "commitments", "attendees"}
    knopp = [s for s in data["speakers"] if s["name"] == "William Knopp"][0]
    assert knopp == {"name": "William Knopp", "role": "Police Inspector", "kind": "external",
                     "mentions": ["Police Inspector William Knopp", "Inspector Knopp"]}
    event = [c for c in data["commitments"] if c["due"]][0]
    assert event["due"] == "2019-11-14" and event["strength"] == "firm"

"""Key phrases: properties of the statistical method (docs/extraction.md, "Key phrases").

These assert what the method promises on passages written for the purpose, not a fixed list:
a precise multi-word phrase wins over its generic head word, words generic in minutes or in
English are not chosen on their own, a place is where and not what, and chosen phrases do not
repeat each other.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.extract import extract_minutes
from indexer.extract.keyphrases import extract_keyphrases

from tests.conftest import FIXTURES_DIR

EXTREMISM = """
Minutes:

The Community Safety Manager said that several groups had approached the partnership for
funding this year. She explained that far-right groups had been active on social media and that
far-right groups were distributing leaflets near two schools. Community groups and faith groups
had asked for advice. Youth groups had been invited to a workshop on online radicalisation, and
the radicalisation workshop would be repeated in the spring for parents and community leaders.
"""

GENERIC_COMMUNITY = """
Minutes:

The Head of Parks presented the report on the tree planting programme. The community had
welcomed the programme and community volunteers planted 1,200 trees across the community this
winter. Members asked about community involvement in the community orchards. The Head of Parks
said that tree planting would continue, that ash dieback had killed 300 trees and that ash
dieback surveys would be repeated every summer.
"""

PLACE = """
Minutes:

The Transport Manager reported on bus shelter repairs in Harrowby. Residents in Harrowby had
complained about vandalised shelters; in Harrowby and across Harrowby the shelters would be
replaced with toughened glass. Councillor Dale asked whether toughened glass shelters cost more
and whether real-time displays could be added to the toughened glass shelters.
"""


def _lower(phrases) -> list[str]:
    return [p.lower().replace("’", "'") for p in phrases]


def test_a_hyphenated_phrase_wins_over_its_generic_head_word():
    phrases = _lower(extract_minutes(EXTREMISM).keyphrases)
    assert "far-right groups" in phrases
    assert "groups" not in phrases  # ten uses, but generic: the phrases it heads say more


def test_a_word_generic_in_english_is_not_chosen_alone_even_when_frequent():
    phrases = _lower(extract_minutes(GENERIC_COMMUNITY).keyphrases)
    assert "community" not in phrases
    assert any("ash dieback" in p for p in phrases)
    assert any("tree planting" in p for p in phrases)


def test_minutes_vocabulary_is_never_a_key_phrase():
    phrases = _lower(extract_minutes(GENERIC_COMMUNITY).keyphrases + extract_minutes(EXTREMISM).keyphrases)
    for word in ("report", "members", "head", "manager", "said", "asked"):
        assert word not in phrases


def test_a_place_name_gives_way_to_what_the_item_is_about():
    phrases = _lower(extract_minutes(PLACE).keyphrases)
    assert any("toughened glass" in p for p in phrases)
    assert "harrowby" not in phrases[:2]


def test_chosen_phrases_do_not_repeat_each_other():
    for text in (EXTREMISM, GENERIC_COMMUNITY, PLACE):
        phrases = _lower(extract_minutes(text).keyphrases)
        assert len(phrases) == len(set(phrases))
        for p in phrases:
            for q in phrases:
                if p != q and f" {p} " in f" {q} ":
                    pytest.fail(f"{p!r} repeats part of {q!r}: {phrases}")


def test_seed_item_key_phrases():
    text = (FIXTURES_DIR / "seed" / "000_1c9ed8fbe304a52e.txt").read_text(encoding="utf-8")
    phrases = extract_minutes(text).keyphrases
    low = _lower(phrases)
    assert "Prevent" in phrases
    assert "far-right groups" in low
    for generic in ("groups", "community", "women", "leicester"):
        assert generic not in low, phrases


def test_open_and_hyphenated_spellings_count_as_one_compound():
    text = "Officers described far right activity. The far-right activity had grown. Far-right activity was monitored."
    assert _lower(extract_keyphrases(text))[0] == "far-right activity"


def test_empty_and_stopword_only_text():
    assert extract_keyphrases("") == ()
    assert extract_keyphrases("the and of to that it was") == ()

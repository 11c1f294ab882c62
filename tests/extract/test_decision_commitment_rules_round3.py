"""Round 3 rules for decisions and commitments, each with invented passages (fictional people and
places) and the look-alikes each rule must leave alone."""

from __future__ import annotations

from indexer.extract import extract_minutes


def _decisions(text: str) -> list[str]:
    return [d.text.rstrip(".") for d in extract_minutes(text).decisions]


def _commitments(text: str) -> list[str]:
    return [c.text.rstrip(".") for c in extract_minutes(text).commitments]


# ---------------------------------------------------------------- deciding bodies


def test_other_deciding_bodies_split_their_limbs():
    text = ("The Partnership agreed:\n(a) to adopt the action plan;\n"
            "(b) that the Reducing Reoffending Lead circulate the revised plan by 4 March.\n")
    assert _decisions(text) == ["to adopt the action plan", "that the Reducing Reoffending Lead circulate the revised plan by 4 March"]


def test_scottish_sub_committee_and_review_body():
    text = ("The sub-committee agreed:-\n(i) to note the report; and\n(ii) to request a further update in June.\n\n"
            "The Local Review Body agreed that it had sufficient information to determine the review.\n\n"
            "The sub-committee agreed to note the report.")
    got = _decisions(text)
    assert "to request a further update in June" in got
    assert "that it had sufficient information to determine the review" in got


def test_group_and_note_form_bullet():
    text = ("The Task Group agreed that its interim findings would be considered at its meeting on 9 May.\n"
            "- Group agreed to recommend option B to the Cabinet Member.\n")
    got = _decisions(text)
    assert "that its interim findings would be considered at its meeting on 9 May" in got
    assert "to recommend option B to the Cabinet Member" in got


def test_a_bullet_of_discussion_is_not_a_decision():
    text = "- Cllr Penhallow asked whether the Group agreed with the viability figures.\n- The Group discussed the options.\n"
    assert _decisions(text) == []

"""Second independent held-out check of the minutes extractors (tests/extract/heldout2/README.md).

The first held-out set (``heldout/``) has since been used to tune the extractors, so it no longer
estimates how they generalise. ``heldout2/`` was written afterwards by a second evaluator, from house
styles the first set did not cover (national park authorities, integration joint boards, ICB boards,
pension and standards hearings, action tables, per-witness headings, Question/Response layouts ...),
without reading the extractor rules. Two kinds of test:

- the set is well formed: big, varied, with hard negatives, and every label points at text really in
  its passage (so a typo in a label never passes as an extractor error);
- regression floors a little under the score measured when the set was written (README "Scores").
  They stop a rule change that helps other passages from silently hurting these styles. Raise them
  when the extractors improve; never lower one without saying why in the README.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from indexer.extract.evaluation import evaluate, format_report
from indexer.extract.model import SPEAKER_KINDS, STRENGTHS

HELDOUT2_DIR = Path(__file__).resolve().parent / "heldout2"

# Measured 2026-11-28 on 50 passages: mentions .963, speakers .967, decisions .923, commitments .890,
# speaker kind .881, commitment strength .979, due 1.000. After the FINDINGS work (same day): mentions
# .996, speakers .993, decisions 1.000, commitments .987, kind .923, strength .982; floors raised to
# sit two to three points under.
F1_FLOORS = {"mentions": 0.97, "speakers": 0.97, "decisions": 0.97, "commitments": 0.96}
ISSUE_TARGETS = {"mentions": 0.90, "decisions": 0.85, "commitments": 0.75}
AGREEMENT_FLOORS = {"speaker_kind": 0.90, "commitment_strength": 0.96, "commitment_due": 0.95}


def _passages() -> list[tuple[Path, dict]]:
    return [(p, tomllib.loads(p.read_text(encoding="utf-8"))) for p in sorted(HELDOUT2_DIR.glob("*.toml"))]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def report():
    return evaluate(HELDOUT2_DIR)


def test_the_set_is_big_and_drawn_from_many_house_styles():
    passages = _passages()
    assert len(passages) >= 40
    families = {data["family"] for _path, data in passages}
    assert len(families) >= 12, families
    for path, data in passages:
        assert 300 <= len(data["text"]) <= 3000, f"{path.name}: {len(data['text'])} characters"
        assert data.get("style"), f"{path.name}: say which house style the passage follows"


def test_the_set_contains_hard_negatives():
    passages = _passages()
    assert any(not data.get("decisions") for _p, data in passages)
    assert any(not data.get("commitments") for _p, data in passages)
    texts = " ".join(data["text"] for _p, data in passages)
    for negative in ("Apologies", "declared", "substituted for", "The report recommended", "Reasons for decision",
                     "Report author", "thanked", "in attendance", "joined the meeting", "Alternative options",
                     "declared lost", "| Complete"):
        assert negative in texts, negative


@pytest.mark.parametrize("path,data", [pytest.param(p, d, id=p.stem) for p, d in _passages()])
def test_every_label_points_at_its_passage(path, data):
    text = data["text"]
    flat = _squash(text)
    for speaker in data.get("speakers", []):
        assert speaker["kind"] in SPEAKER_KINDS, speaker
        assert speaker["mentions"], speaker
        for mention in speaker["mentions"]:
            assert mention in text, f"{path.name}: mention {mention!r} is not an exact substring"
    for decision in data.get("decisions", []):
        assert _squash(decision["text"]).rstrip(".;") in flat, f"{path.name}: decision not in text"
        for key in ("vote_for", "vote_against"):
            assert isinstance(decision.get(key, 0), int)
    for commitment in data.get("commitments", []):
        assert commitment["strength"] in STRENGTHS, commitment
        assert _squash(commitment["text"]) in flat, f"{path.name}: commitment {commitment['text']!r} not in text"
        if "due" in commitment:
            date.fromisoformat(commitment["due"])
    date.fromisoformat(data["meeting_date"])


def test_the_floors_never_sit_below_the_issue_targets():
    for name, target in ISSUE_TARGETS.items():
        assert F1_FLOORS[name] >= target


@pytest.mark.parametrize("name", sorted(F1_FLOORS))
def test_heldout2_f1_stays_above_its_floor(report, name):
    score = getattr(report, name)
    assert score.f1 >= F1_FLOORS[name], format_report(report, verbose=True)


@pytest.mark.parametrize("name", sorted(AGREEMENT_FLOORS))
def test_heldout2_agreement_stays_above_its_floor(report, name):
    assert getattr(report, name).rate >= AGREEMENT_FLOORS[name], format_report(report, verbose=True)

"""Independent held-out checks of the minutes extractors.

Each set was written and labelled by someone other than the author of the extractors, from the
house styles of many UK councils, to estimate how the rules generalise to the real held-out minutes
of issue 3 (see each set's README). ``heldout/`` came first and has since been used to tune the
rules; ``heldout2/`` was written afterwards, from house styles the first did not cover (national
park authorities, integration joint boards, ICB boards, pension and standards hearings, action
tables, per-witness headings, Question/Response layouts ...), without reading the rules;
``heldout3/`` (29 more families) measured below two targets and was then tuned on; ``heldout4/``
(38 families), written at the same time and measured unseen, was tuned on next; ``heldout5/`` (46
families), written meanwhile and never shown to the engineers, is the one that still estimates
unseen minutes.

Two kinds of test, run for every set:

- the set is well formed: big, varied, with hard negatives, and every label points at text really in
  its passage (so a typo in a label can never pass as an extractor error);
- regression floors a little under the score measured when the set was written (its README). They
  stop a rule change that helps other passages from silently hurting these styles. Raise them when
  the extractors improve; never lower one without saying why in the set's README.
"""

from __future__ import annotations

import re
import runpy
import sys
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from indexer.extract.evaluation import evaluate, format_report
from indexer.extract.model import SPEAKER_KINDS, STRENGTHS

HERE = Path(__file__).resolve().parent
# Issue 3's targets for the real held-out minutes; no set's floors may sit below them.
ISSUE_TARGETS = {"mentions": 0.90, "decisions": 0.85, "commitments": 0.75}


@dataclass(frozen=True)
class HeldoutSet:
    name: str
    f1_floors: dict[str, float]
    agreement_floors: dict[str, float]
    min_families: int
    hard_negatives: tuple[str, ...]
    without: tuple[str, ...]  # label lists that at least one passage must leave empty

    @property
    def directory(self) -> Path:
        return HERE / self.name

    def passages(self) -> list[tuple[Path, dict]]:
        return [(p, tomllib.loads(p.read_text(encoding="utf-8"))) for p in sorted(self.directory.glob("*.toml"))]


_NEGATIVES = ("Apologies", "declared", "substituted for", "The report recommended", "Reasons for decision",
              "Report author", "thanked")

SETS = (
    # heldout, 58 passages, measured 2026-11-28: mentions .942, speakers .942, decisions .910,
    # commitments .845 (first measurement); after the rule work on its FINDINGS and more passages of
    # our own: mentions .995, speakers .991, decisions .995, commitments .970.
    HeldoutSet(
        "heldout",
        f1_floors={"mentions": 0.97, "speakers": 0.97, "decisions": 0.97, "commitments": 0.94},
        agreement_floors={"speaker_kind": 0.92, "commitment_strength": 0.95, "commitment_due": 0.95},
        min_families=10,
        hard_negatives=_NEGATIVES,
        without=("decisions", "speakers"),
    ),
    # heldout2, 50 passages, measured 2026-11-28: mentions .963, speakers .967, decisions .923,
    # commitments .890, speaker kind .881, strength .979, due 1.000 (first measurement); after the
    # FINDINGS work: mentions .996, speakers .993, decisions 1.000, commitments .987.
    HeldoutSet(
        "heldout2",
        f1_floors={"mentions": 0.97, "speakers": 0.97, "decisions": 0.97, "commitments": 0.96},
        agreement_floors={"speaker_kind": 0.90, "commitment_strength": 0.96, "commitment_due": 0.95},
        min_families=12,
        hard_negatives=_NEGATIVES + ("in attendance", "joined the meeting", "Alternative options",
                                     "declared lost", "| Complete"),
        without=("decisions", "commitments"),
    ),
    # heldout3, 50 passages, measured 2026-11-28: mentions .888, speakers .924, decisions .836,
    # commitments .836 (first measurement, below the mention and decision targets); after the
    # FINDINGS work: mentions .994, speakers .997, decisions .996, commitments .987.
    HeldoutSet(
        "heldout3",
        f1_floors={"mentions": 0.97, "speakers": 0.97, "decisions": 0.97, "commitments": 0.96},
        agreement_floors={"speaker_kind": 0.85, "commitment_strength": 0.96, "commitment_due": 0.97},
        min_families=20,
        hard_negatives=_NEGATIVES + ("Present:", "In attendance:"),
        without=("decisions", "speakers", "commitments"),
    ),
    # heldout4, 47 passages: mentions .914, decisions .873, commitments .835 before the heldout3
    # work and .941 / .909 / .843 after it (never shown to those engineers); then tuned on:
    # .996 / 1.000 / .978.
    HeldoutSet(
        "heldout4",
        f1_floors={"mentions": 0.97, "speakers": 0.97, "decisions": 0.97, "commitments": 0.95},
        agreement_floors={"speaker_kind": 0.93, "commitment_strength": 0.96, "commitment_due": 0.97},
        min_families=25,
        hard_negatives=_NEGATIVES + ("in attendance", "joined the meeting", "declared lost", "| Complete"),
        without=("decisions", "speakers", "commitments"),
    ),
    # heldout5, 46 passages in 46 families, never shown to the engineers who tuned on heldout4:
    # mentions .906, decisions .851, commitments .818 before that work, .921 / .870 / .832 after.
    # It measures generalisation: floors guard it, nobody tunes on it.
    HeldoutSet(
        "heldout5",
        f1_floors={"mentions": 0.90, "speakers": 0.90, "decisions": 0.85, "commitments": 0.80},
        agreement_floors={"speaker_kind": 0.76, "commitment_strength": 0.92, "commitment_due": 0.97},
        min_families=30,
        hard_negatives=_NEGATIVES + ("in attendance", "joined the meeting", "declared lost", "| Complete",
                                     "Present:", "In attendance:"),
        without=("decisions", "speakers", "commitments"),
    ),
)
SET_PARAMS = [pytest.param(s, id=s.name) for s in SETS]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module", params=SET_PARAMS)
def scored(request) -> tuple[HeldoutSet, object]:
    return request.param, evaluate(request.param.directory)


@pytest.mark.parametrize("heldout", SET_PARAMS)
def test_the_set_is_big_and_drawn_from_many_house_styles(heldout):
    passages = heldout.passages()
    assert len(passages) >= 40
    families = {data["family"] for _path, data in passages}
    assert len(families) >= heldout.min_families, families
    for path, data in passages:
        assert 300 <= len(data["text"]) <= 3000, f"{path.name}: {len(data['text'])} characters"
        assert data.get("style"), f"{path.name}: say which house style the passage follows"


@pytest.mark.parametrize("heldout", SET_PARAMS)
def test_the_set_contains_hard_negatives_and_passages_without_some_labels(heldout):
    passages = heldout.passages()
    for label in heldout.without:
        assert any(not data.get(label) for _p, data in passages), label
    texts = " ".join(data["text"] for _p, data in passages)
    for negative in heldout.hard_negatives:
        assert negative in texts, negative


@pytest.mark.parametrize(
    "path,data", [pytest.param(p, d, id=f"{s.name}/{p.stem}") for s in SETS for p, d in s.passages()]
)
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


@pytest.mark.parametrize("heldout", SET_PARAMS)
def test_the_floors_never_sit_below_the_issue_targets(heldout):
    for name, target in ISSUE_TARGETS.items():
        assert heldout.f1_floors[name] >= target


@pytest.mark.parametrize("name", ["mentions", "speakers", "decisions", "commitments"])
def test_f1_stays_above_its_floor(scored, name):
    heldout, report = scored
    assert getattr(report, name).f1 >= heldout.f1_floors[name], format_report(report, verbose=True)


@pytest.mark.parametrize("name", ["speaker_kind", "commitment_strength", "commitment_due"])
def test_agreement_stays_above_its_floor(scored, name):
    heldout, report = scored
    assert getattr(report, name).rate >= heldout.agreement_floors[name], format_report(report, verbose=True)


def test_the_scorer_reads_a_heldout_directory_from_the_command_line(capsys):
    heldout = SETS[0]
    argv = sys.argv
    sys.argv = ["eval_extract.py", str(heldout.directory)]
    try:
        with pytest.raises(SystemExit) as exit_info:
            runpy.run_path(str(HERE.parents[1] / "scripts" / "eval_extract.py"), run_name="__main__")
    finally:
        sys.argv = argv
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{len(heldout.passages())} passages")

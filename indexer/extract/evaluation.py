"""Precision and recall of the extractors against labelled passages (one TOML file each).

The file format and the labelling conventions are in tests/extract/labelled/README.md. Matching:

- speaker mentions: the set of distinct mention strings in a passage (micro-averaged);
- speakers: a predicted speaker matches a gold one when they share a mention (one-to-one);
  name and kind agreement are reported for matched pairs;
- decisions: one-to-one, when the token F1 of the two texts is at least ``TEXT_MATCH``;
- commitments: one-to-one, when the gold text's tokens overlap the predicted text's by at least
  ``TEXT_MATCH`` of the shorter of the two (gold texts are a distinctive part of the promise);
  strength and due-date agreement are reported for matched pairs.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from indexer.extract.model import Extraction, MeetingContext
from indexer.extract.pipeline import extract_minutes
from scraper.records import Attendee

TEXT_MATCH = 0.7
_TOKEN = re.compile(r"[a-z0-9£]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("’", "'"))


def _token_f1(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    common = 0
    pool = list(tb)
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _overlap_of_shorter(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    pool = list(tb)
    common = 0
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    return common / min(len(ta), len(tb)) if common >= min(3, len(ta), len(tb)) else 0.0


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Agreement:
    agree: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.agree / self.total if self.total else 1.0


@dataclass
class PassageResult:
    path: Path
    category: str
    mentions: Score
    speakers: Score
    decisions: Score
    commitments: Score
    misses: list[str] = field(default_factory=list)


@dataclass
class Report:
    passages: list[PassageResult]
    mentions: Score
    speakers: Score
    decisions: Score
    commitments: Score
    speaker_kind: Agreement
    speaker_name: Agreement
    commitment_strength: Agreement
    commitment_due: Agreement
    votes: Agreement


def load_passage(path: Path) -> dict:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if "text" not in data:
        raise ValueError(f"{path}: no text")
    return data


def _match(gold: list, pred: list, similar) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by similarity, best pairs first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = similar(g, p)
            if s > 0:
                pairs.append((s, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _s, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def _score_texts(label: str, gold: list[dict], predicted, similar, misses: list[str]) -> tuple[list[tuple[int, int]], Score]:
    """Match labelled texts (decisions, commitments) one-to-one with extracted ones, score them,
    and note every missed and every extra text; returns the matched pairs for finer checks."""
    predicted = list(predicted)
    pairs = _match(gold, predicted, similar)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    misses += [f"{label} missed: {g['text']!r}" for i, g in enumerate(gold) if i not in matched_g]
    misses += [f"{label} extra: {p.text!r}" for i, p in enumerate(predicted) if i not in matched_p]
    return pairs, Score(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))


def evaluate_passage(path: Path, data: dict, extraction: Extraction, report: Report) -> PassageResult:
    misses: list[str] = []
    gold_speakers = data.get("speakers", [])
    gold_mentions = {m for s in gold_speakers for m in s.get("mentions", [])}
    pred_mentions = {m for s in extraction.speakers for m in s.mentions}
    mentions = Score(len(gold_mentions & pred_mentions), len(pred_mentions - gold_mentions),
                     len(gold_mentions - pred_mentions))
    misses += [f"mention missed: {m!r}" for m in sorted(gold_mentions - pred_mentions)]
    misses += [f"mention extra: {m!r}" for m in sorted(pred_mentions - gold_mentions)]

    sp_pairs = _match(gold_speakers, list(extraction.speakers),
                      lambda g, p: len(set(g.get("mentions", [])) & set(p.mentions)))
    speakers = Score(len(sp_pairs), len(extraction.speakers) - len(sp_pairs), len(gold_speakers) - len(sp_pairs))
    for gi, pi in sp_pairs:
        g, p = gold_speakers[gi], extraction.speakers[pi]
        report.speaker_kind.total += 1
        report.speaker_name.total += 1
        if g.get("kind") == p.kind:
            report.speaker_kind.agree += 1
        else:
            misses.append(f"kind {p.kind} != {g.get('kind')} for {p.mentions[0]!r}")
        if g.get("name") == p.name:
            report.speaker_name.agree += 1
        else:
            misses.append(f"name {p.name!r} != {g.get('name')!r} for {p.mentions[0]!r}")

    gold_decisions = data.get("decisions", [])
    d_pairs, decisions = _score_texts(
        "decision", gold_decisions, extraction.decisions,
        lambda g, p: (f := _token_f1(g["text"], p.text)) >= TEXT_MATCH and f, misses)
    for gi, pi in d_pairs:
        g, p = gold_decisions[gi], extraction.decisions[pi]
        if "vote_for" in g or "vote_against" in g:
            report.votes.total += 1
            if p.vote is not None and p.vote.for_count == g.get("vote_for") and p.vote.against_count == g.get("vote_against"):
                report.votes.agree += 1
            else:
                misses.append(f"vote wrong for {g['text'][:50]!r}: {p.vote}")

    gold_commitments = data.get("commitments", [])
    c_pairs, commitments = _score_texts(
        "commitment", gold_commitments, extraction.commitments,
        lambda g, p: (o := _overlap_of_shorter(g["text"], p.text)) >= TEXT_MATCH and o, misses)
    for gi, pi in c_pairs:
        g, p = gold_commitments[gi], extraction.commitments[pi]
        report.commitment_strength.total += 1
        if g.get("strength") == p.strength:
            report.commitment_strength.agree += 1
        else:
            misses.append(f"strength {p.strength} != {g.get('strength')} for {p.text[:60]!r}")
        report.commitment_due.total += 1
        want = g.get("due")
        got = p.due.isoformat() if p.due else None
        if (want if isinstance(want, str) else (want.isoformat() if want else None)) == got:
            report.commitment_due.agree += 1
        else:
            misses.append(f"due {got} != {want} for {p.text[:60]!r}")
    return PassageResult(path, str(data.get("category", "")), mentions, speakers, decisions, commitments, misses)


def evaluate(directory: Path) -> Report:
    report = Report([], Score(), Score(), Score(), Score(), Agreement(), Agreement(), Agreement(), Agreement(), Agreement())
    paths = sorted(Path(directory).glob("*.toml"))
    if not paths:
        raise FileNotFoundError(f"{directory}: no labelled passages (*.toml)")
    for path in paths:
        data = load_passage(path)
        md = data.get("meeting_date")
        if isinstance(md, str):
            md = date.fromisoformat(md)
        attendees = tuple(
            Attendee(name=a["name"], role=a.get("role"), attendance=a.get("attendance"))
            for a in data.get("attendees", []) if isinstance(a, dict) and a.get("name")
        )
        extraction = extract_minutes(data["text"], MeetingContext(date=md, attendees=attendees))
        result = evaluate_passage(path, data, extraction, report)
        report.passages.append(result)
        report.mentions.add(result.mentions)
        report.speakers.add(result.speakers)
        report.decisions.add(result.decisions)
        report.commitments.add(result.commitments)
    return report


def format_report(report: Report, verbose: bool = False) -> str:
    lines = [f"{len(report.passages)} passages", "",
             f"{'':26}{'precision':>10}{'recall':>10}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for label, s in (("speaker mentions", report.mentions), ("speakers", report.speakers),
                     ("decisions", report.decisions), ("commitments", report.commitments)):
        lines.append(f"{label:26}{s.precision:10.3f}{s.recall:10.3f}{s.f1:8.3f}{s.tp:6}{s.fp:6}{s.fn:6}")
    lines.append("")
    for label, a in (("speaker kind agreement", report.speaker_kind), ("speaker name agreement", report.speaker_name),
                     ("commitment strength", report.commitment_strength), ("commitment due date", report.commitment_due),
                     ("recorded votes", report.votes)):
        lines.append(f"{label:26}{a.rate:10.3f}  ({a.agree}/{a.total})")
    if verbose:
        for p in report.passages:
            if p.misses:
                lines.append("")
                lines.append(f"{p.path.name} [{p.category}]")
                lines.extend(f"  {m}" for m in p.misses)
    return "\n".join(lines)

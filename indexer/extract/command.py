"""Click commands for this stage; ``archive.cli`` attaches everything in ``COMMANDS``.

``minutes extract [--meeting-date D] [--json] FILE_OR_-`` runs the minutes-prose extractors on a
file (or stdin) and prints the design.md §2 JSON, or a readable report. Bad input never gives a
traceback: binary data and unreadable files are one clear line on stderr with exit status 1.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from scraper.clitools import CliError, parse_iso_date

MAX_INPUT_BYTES = 20 * 1024 * 1024  # refuse to read more than this (the extractor reads 1 MB)


def _read_input(source: str) -> str:
    from indexer.extract.text import looks_binary

    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        label = "standard input"
    else:
        path = Path(source)
        label = source
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except IsADirectoryError:
            raise CliError(f"{source}: is a directory, not a text file") from None
        except FileNotFoundError:
            raise CliError(f"{source}: no such file") from None
        except OSError as exc:
            raise CliError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise CliError(f"{label}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; not a single item's minutes")
    if looks_binary(data):
        raise CliError(f"{label}: looks like binary data, not text (give the minutes as plain text or HTML)")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")  # pragma: no cover - latin-1 always decodes


def _report(extraction, meeting_date: date | None) -> str:
    """A readable text rendering of an Extraction."""
    lines: list[str] = []

    def section(title: str, items: list[str]) -> None:
        lines.append(f"{title} ({len(items)})")
        lines.extend(f"  {item}" for item in items) if items else lines.append("  -")
        lines.append("")

    speakers = []
    for s in extraction.speakers:
        who = s.name or s.role or (s.mentions[0] if s.mentions else "?")
        extra = ", ".join(x for x in (s.role if s.name else None, s.kind) if x)
        speakers.append(f"{who} [{extra}]: " + "; ".join(f'"{m}"' for m in s.mentions))
    section("Speakers", speakers)
    decisions = []
    for d in extraction.decisions:
        text = d.text
        if d.vote is not None:
            v = d.vote
            parts = [p for p in (v.outcome,
                                 f"for {v.for_count}" if v.for_count is not None else None,
                                 f"against {v.against_count}" if v.against_count is not None else None,
                                 f"abstain {v.abstain_count}" if v.abstain_count is not None else None) if p]
            text += f"  [vote: {', '.join(parts)}]"
        decisions.append(text)
    section("Decisions", decisions)
    commitments = []
    for c in extraction.commitments:
        when = c.due.isoformat() if c.due else (c.due_text or "no date")
        commitments.append(f"[{c.strength}] {c.who or 'unknown'}: {c.text} (due: {when})")
    section("Commitments", commitments)
    section("Attendees", [f"{a.name}" + (f" ({a.role})" if a.role else "") + f": {a.status}" for a in extraction.attendees])
    lines.append("Topics: " + (", ".join(extraction.topics) or "-"))
    lines.append("Key phrases: " + (", ".join(extraction.keyphrases) or "-"))
    if meeting_date is None and any(c.due_text and not c.due for c in extraction.commitments):
        lines.append("")
        lines.append("(give --meeting-date to resolve dates such as \"14 November\")")
    return "\n".join(lines)


@click.command("extract")
@click.option("--meeting-date", "meeting_date", metavar="D", default=None, callback=parse_iso_date,
              help="Date of the meeting (YYYY-MM-DD), used to resolve dates like \"14 November\".")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON object of design.md §2.")
@click.argument("source", metavar="FILE_OR_-")
def extract_command(meeting_date: date | None, as_json: bool, source: str) -> None:
    """Find speakers, decisions, commitments, attendees, topics and key phrases in minutes text.

    FILE_OR_- is a text (or HTML) file holding one agenda item's minutes, or - for stdin.
    """
    from indexer.extract import MeetingContext, TaxonomyError, extract_minutes
    from indexer.extract.topics import taxonomy_for_instance

    text = _read_input(source)
    ctx = click.get_current_context()
    instance = ctx.find_root().obj
    try:
        taxonomy = taxonomy_for_instance(instance.taxonomy_file) if instance is not None else None
    except TaxonomyError as exc:
        raise CliError(str(exc)) from None
    extraction = extract_minutes(text, MeetingContext(date=meeting_date), taxonomy)
    for warning in extraction.warnings:
        click.echo(f"minutes: warning: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(extraction.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(_report(extraction, meeting_date))


COMMANDS: list[click.Command] = [extract_command]

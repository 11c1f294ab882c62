"""Click commands for this stage; ``archive.cli`` attaches everything in ``COMMANDS``.

``minutes index [--rebuild]`` and ``minutes search QUERY ...``. Thin: they call ``indexer.build`` and
the search backend and translate failures into one line on stderr (``CliError``): a busy index exits
75 (EX_TEMPFAIL, "try again"), bad search parameters exit 2.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from datetime import date
from typing import Any

import click

from scraper.clitools import EXIT_TEMPFAIL, EXIT_USAGE, CliError, parse_iso_date, pass_instance
from scraper.settings import InstancePaths

from indexer.search_api import SORTS, BadRequest, IndexBusy, IndexMissing, IndexSchemaMismatch, SearchPage, SearchRequest


@click.command("index")
@click.option("--rebuild", is_flag=True, help="Build a fresh index beside the live one and swap it in.")
@click.option("--procs", type=click.IntRange(1, 16), default=None,
              help="Worker processes for a full build (default: up to 2, one per CPU).")
@pass_instance
def index_command(paths: InstancePaths, rebuild: bool, procs: int | None) -> None:
    """Bring the search index up to date with the archive (only changed items are rewritten)."""
    from indexer.build import BuildError, count_items, update_index

    if not paths.archive_db.is_file():
        raise CliError(f"no archive at {paths.archive_db}: run minutes crawl first")
    total = count_items(paths)
    try:
        with click.progressbar(length=total or 0, label="Indexing", show_pos=True,
                               file=sys.stderr) as bar:
            summary = update_index(paths, rebuild=rebuild, progress=bar.update,
                                   procs=procs or min(2, os.cpu_count() or 1))
    except IndexBusy as exc:
        raise CliError(str(exc), EXIT_TEMPFAIL) from None
    except IndexSchemaMismatch as exc:
        raise CliError(str(exc)) from None
    except BuildError as exc:
        raise CliError(str(exc)) from None
    for warning in summary.warnings:
        click.echo(f"minutes: warning: {warning}", err=True)
    click.echo(f"Index: {summary.headline()}; {summary.total} items searchable.")


def _instance_config(paths: InstancePaths) -> dict[str, Any]:
    """The instance's config.py as a mapping (empty when there is none)."""
    if not paths.config_file.is_file():
        return {}
    import runpy

    try:
        return runpy.run_path(str(paths.config_file))
    except Exception as exc:  # a broken config is the person's to fix: say where
        raise CliError(f"{paths.config_file}: cannot read search settings ({exc})") from None


def _instance_settings(paths: InstancePaths, config: dict[str, Any] | None = None):
    """Search limits from the instance's config.py (``SEARCH_*`` keys), as the web app reads them,
    so the terminal and the browser answer the same query the same way."""
    from indexer.settings import SearchSettings

    config = _instance_config(paths) if config is None else config
    try:
        return SearchSettings.from_mapping(config)
    except Exception as exc:
        raise CliError(f"{paths.config_file}: cannot read search settings ({exc})") from None


def _json_facet_size(config: dict[str, Any]) -> int:
    """Values per facet in ``--json``: the instance's ``FACET_SIZE`` as the web API uses it."""
    from indexer.serialize import API_FACET_SIZE

    try:
        return int(config.get("FACET_SIZE", API_FACET_SIZE))
    except (TypeError, ValueError):
        raise CliError("FACET_SIZE in the instance config.py must be a whole number") from None


def _table(page: SearchPage) -> str:
    width = shutil.get_terminal_size((100, 20)).columns
    lines = []
    first = (page.request.page - 1) * page.request.per_page + 1
    last = first + len(page.results) - 1
    if page.total:
        lines.append(f"{page.total} results; showing {first}-{last}" + (" (partial: time limit reached)" if page.partial else ""))
    else:
        lines.append("No results." + (f" Did you mean: {page.suggestion}?" if page.suggestion else ""))
    title_w = max(20, width - 10 - 12 - 28 - 6)
    for h in page.results:
        when = h.date.isoformat() if h.date else "undated"
        title = h.title if len(h.title) <= title_w else h.title[: title_w - 1] + "\u2026"
        committee = h.committee if len(h.committee) <= 28 else h.committee[:27] + "\u2026"
        lines.append(f"{when:<10}  {committee:<28}  {(h.item_number or ''):<6} {title}")
        lines.append(f"{'':<12}{h.id}")
    if page.total and page.suggestion:
        lines.append(f"Did you mean: {page.suggestion}?")
    return "\n".join(lines)


@click.command("search")
@click.argument("query", nargs=-1)
@click.option("--committee", multiple=True, help="Committee name (repeat for several: any of them).")
@click.option("--speaker", multiple=True, help="Speaker name (repeatable).")
@click.option("--topic", multiple=True, help="Topic (repeatable).")
@click.option("--council", multiple=True, help="Council name (repeatable).")
@click.option("--year", multiple=True, type=int, help="Meeting year (repeatable).")
@click.option("--from", "date_from", callback=parse_iso_date, metavar="YYYY-MM-DD", help="Meetings on or after.")
@click.option("--to", "date_to", callback=parse_iso_date, metavar="YYYY-MM-DD", help="Meetings on or before.")
@click.option("--sort", type=click.Choice(SORTS), default="relevance", show_default=True)
@click.option("--page", type=int, default=1, show_default=True)
@click.option("--per-page", type=int, default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the GET /api/search JSON object.")
@pass_instance
def search_command(paths: InstancePaths, query: tuple[str, ...], committee: tuple[str, ...], speaker: tuple[str, ...],
                   topic: tuple[str, ...], council: tuple[str, ...], year: tuple[int, ...], date_from: date | None,
                   date_to: date | None, sort: str, page: int, per_page: int, as_json: bool) -> None:
    """Search the archive from the terminal (words, "phrases", OR, NOT/-word, committee:, speaker:...)."""
    from indexer.serialize import search_page_to_json
    from indexer.whoosh_backend import WhooshBackend

    request = SearchRequest(q=" ".join(query), committee=committee, speaker=speaker, topic=topic, council=council,
                            year=year, date_from=date_from, date_to=date_to, sort=sort, page=page, per_page=per_page)
    config = _instance_config(paths)
    backend = WhooshBackend(paths.index_dir, _instance_settings(paths, config))
    try:
        result = backend.search(request)
    except BadRequest as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except IndexMissing:
        raise CliError("no index yet: run minutes index") from None
    except IndexSchemaMismatch as exc:
        raise CliError(str(exc)) from None
    if as_json:
        out: dict[str, Any] = search_page_to_json(result, facet_size=_json_facet_size(config))
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        click.echo(_table(result))


def index_status_lines(paths: InstancePaths) -> list[str]:
    """``minutes status``'s index section (how fresh the index is; design.md §2): whether an index
    exists and was built by this schema, how many items it holds, when it was last written, and how
    many archive items the next ``minutes index`` would add, rewrite or delete. ``archive.cli``
    appends this to ``scraper.cli.STATUS_SECTIONS``."""
    from indexer.freshness import index_freshness, status_lines

    return status_lines(index_freshness(paths))


COMMANDS: list[click.Command] = [index_command, search_command]

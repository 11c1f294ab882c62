"""Click commands for this stage: ``crawl``, ``reparse``, ``status``; ``archive.cli`` attaches ``COMMANDS``.

The commands are thin: they open the archive in the instance folder, call ``scraper.harvest``,
draw progress on stderr, print a summary a person can read on stdout, and turn every expected
failure into one line on stderr with a non-zero exit status (2 for "not a ModernGov site").
"""

from __future__ import annotations

import json
import math
import sqlite3
import sys
import time
from datetime import datetime, timezone
from typing import Any, Callable
from urllib.parse import urlsplit

import click

from scraper.clitools import EXIT_FAILURE, EXIT_TEMPFAIL, EXIT_USAGE, CliError, parse_iso_date, pass_instance
from scraper.harvest import (
    SOURCES,
    BadCrawlRequest,
    CrawlBusy,
    CrawlOptions,
    CrawlSummary,
    HarvestError,
    NotModernGov,
    SiteFailing,
    crawl,
    reparse,
)
from scraper.harvest_plan import PlanError, normalise_base_url
from scraper.http import DEFAULT_DELAY, DEFAULT_USER_AGENT, MIN_DELAY, CaBundleError, PoliteClient, is_loopback_host
from scraper.settings import InstancePaths
from scraper.store import ArchiveStore, CrawlError, SiteStatus, StoreError

EXIT_INTERRUPTED = 130
MAX_LISTED_FAILURES = 50

# Other stages may add lines to ``minutes status`` (the indexer: index freshness) without this
# package importing them: each callable gets the instance paths and returns lines to print.
STATUS_SECTIONS: list[Callable[[InstancePaths], list[str]]] = []


class ClickProgress:
    """Progress on stderr: a click progress bar per stage with a known size, a line otherwise.

    Only on a terminal: when stderr is a file or pipe, it carries nothing but the one-line error
    (if any), so scripts and cron mails stay clean.
    """

    def __init__(self, enabled: bool | None = None) -> None:
        self._bar: Any = None
        self.enabled = sys.stderr.isatty() if enabled is None else enabled

    def stage(self, label: str, total: int | None) -> None:
        self._close()
        if not self.enabled:
            return
        if total:
            self._bar = click.progressbar(length=total, label=label.ljust(18), file=sys.stderr, show_pos=True)
            self._bar.__enter__()
        else:
            click.echo(f"{label}...", err=True)

    def advance(self, steps: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(steps)

    def note(self, message: str) -> None:
        self._close()
        if self.enabled:
            click.echo(message, err=True)

    def _close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    close = _close


def _open_store(paths: InstancePaths, *, must_exist: bool = False) -> ArchiveStore:
    if must_exist and not paths.archive_db.exists():
        raise CliError(f"no archive at {paths.archive_db}; run 'minutes crawl BASE_URL' first")
    try:
        paths.ensure()
        return ArchiveStore(paths.archive_db)
    except StoreError as exc:
        raise CliError(str(exc)) from None


# --------------------------------------------------------------------------- crawl


@click.command("crawl")
@click.argument("base_url")
@click.option("--since", type=str, callback=parse_iso_date, metavar="YYYY-MM-DD",
              help="Earliest meeting date (default: everything the site lists, from 2000).")
@click.option("--until", type=str, callback=parse_iso_date, metavar="YYYY-MM-DD",
              help="Latest meeting date (default: 60 days from today).")
@click.option("--committee", "committees", multiple=True, metavar="NAME_OR_ID",
              help="Only this committee (id, title, or a unique part of a title); repeatable.")
@click.option("--source", type=click.Choice(SOURCES), default="auto", show_default=True,
              help="auto: web service first, HTML pages where it fails.")
@click.option("--delay", type=float, default=DEFAULT_DELAY, show_default=True, metavar="S",
              help=f"Seconds between requests to the site, at least {MIN_DELAY:g}: council servers throttle "
                   "bursts (only a server on this machine, such as a test one, may be asked faster). "
                   "A robots.txt Crawl-delay can raise it.")
@click.option("--refresh", is_flag=True,
              help="Re-fetch settled meetings too (old, minutes published, already seen in final form).")
@click.option("--user-agent", default=DEFAULT_USER_AGENT, show_default=True, metavar="TEXT",
              help="How the crawler introduces itself; keep a way to contact you in it.")
@click.option("--ca-bundle", type=click.Path(exists=True, dir_okay=True), default=None, metavar="PATH",
              help="Verify the site's TLS certificate against this CA bundle (PEM file, or a folder of "
                   "hashed certificates) instead of the bundled one; for chains the default rejects. "
                   "Default: $REQUESTS_CA_BUNDLE or $SSL_CERT_FILE if set, else certifi's bundle. "
                   "Verification is never turned off.")
@pass_instance
def crawl_command(
    paths: InstancePaths,
    base_url: str,
    since: Any,
    until: Any,
    committees: tuple[str, ...],
    source: str,
    delay: float,
    refresh: bool,
    user_agent: str,
    ca_bundle: str | None,
) -> None:
    """Harvest one ModernGov council into the archive.

    Every page fetched is stored before it is parsed; run the same command again after an
    interruption and it resumes where it stopped.
    """
    options = CrawlOptions(since=since, until=until, committees=committees, source=source, refresh=refresh)
    _check_delay(base_url, delay)
    try:
        client = PoliteClient(delay=delay, user_agent=user_agent.strip(), ca_bundle=ca_bundle)
    except CaBundleError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except ValueError as exc:
        raise CliError(f"--user-agent: {exc}", EXIT_USAGE) from None
    progress = ClickProgress()
    started = time.monotonic()
    store = _open_store(paths)
    try:
        with client:
            summary = crawl(store, base_url, options, client=client, progress=progress)
    except (NotModernGov, BadCrawlRequest) as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    except (CrawlBusy, SiteFailing) as exc:
        raise CliError(str(exc), EXIT_TEMPFAIL) from None
    except HarvestError as exc:
        raise CliError(_with_hint(str(exc), ca_bundle), EXIT_FAILURE) from None
    except StoreError as exc:
        raise CliError(str(exc)) from None
    except sqlite3.Error as exc:  # disk full, I/O error: what was committed stays; say so in one line
        raise CliError(f"archive database error ({exc}); run the same command again to resume") from None
    except KeyboardInterrupt:
        progress.close()
        raise CliError("interrupted; run the same command again to resume", EXIT_INTERRUPTED) from None
    finally:
        progress.close()
        store.close()
    click.echo(format_crawl_summary(summary, time.monotonic() - started))


def _check_delay(base_url: str, delay: float) -> None:
    """At least ``MIN_DELAY`` between requests to a council (GUIDE.md §8.2: servers limit bursts);
    less only for a loopback base URL (the sample council, tests). The client holds the same floor
    for every host it meets, redirects included; this says so before anything starts."""
    if not math.isfinite(delay) or delay < 0:
        raise CliError(f"--delay: {delay:g} is not a number of seconds >= 0", EXIT_USAGE)
    if delay >= MIN_DELAY:
        return
    try:
        host = urlsplit(normalise_base_url(base_url)).hostname
    except PlanError:
        return  # the crawl says what is wrong with the URL
    if not is_loopback_host(host):
        raise CliError(
            f"--delay: at least {MIN_DELAY:g} s between requests to {host} (council servers throttle bursts); "
            "shorter delays are only for a server on this machine", EXIT_USAGE)


def _with_hint(message: str, ca_bundle: str | None) -> str:
    """A certificate the default bundle does not trust is often a council's incomplete chain
    (GUIDE.md §8.2): name the way out, which is never turning verification off."""
    if "TLS certificate not trusted" in message and ca_bundle is None:
        return f"{message} (a current CA bundle may trust it: --ca-bundle PATH)"
    return message


def format_crawl_summary(summary: CrawlSummary, seconds: float | None = None) -> str:
    site = summary.site.base_url if summary.site else "?"
    via = {"webservice": "web service", "html": "HTML pages"}.get(summary.source_mode or "", "?")
    if summary.html_committees:
        plural = "s" if summary.html_committees > 1 else ""
        via += f" (HTML pages for {summary.html_committees} committee{plural} where it failed)"
    took = f" in {seconds:.1f} s" if seconds is not None else ""
    lines = [f"Crawled {site} via {via}{took}, {summary.requests} requests"
             + (" (resumed an interrupted crawl)" if summary.resumed else "")]
    for name in ("committees", "meetings", "items"):
        tally = getattr(summary, name)
        lines.append(f"  {name + ':':12} {tally.new} new, {tally.changed} changed, {tally.unchanged} unchanged")
    extras = []
    if summary.settled_skipped:
        extras.append(f"{summary.settled_skipped} settled meetings not re-fetched (--refresh to re-check)")
    if summary.listings_reused:
        extras.append(f"{summary.listings_reused} meeting lists of past years reused from the archive"
                      " (--refresh to ask again)")
    if summary.resumed_skipped:
        extras.append(f"{summary.resumed_skipped} meetings done before the interruption")
    if summary.items_removed:
        extras.append(f"{summary.items_removed} items no longer on their agenda removed")
    if summary.fallbacks:
        extras.append(f"{len(summary.fallbacks)} web-service calls failed and were answered by the HTML pages instead")
    if summary.ws_given_up:
        extras.append("the web service failed call after call, so the rest of the site was read through HTML")
    lines.extend(f"  {e}" for e in extras)
    lines.extend(f"  warning: {w}" for w in dict.fromkeys(summary.warnings))
    lines.append(summary.headline())
    if summary.failures:
        lines.append("Failures:")
        for failure in summary.failures[:MAX_LISTED_FAILURES]:
            lines.append(f"  {failure.url}  ({failure.kind}: {failure.reason})")
        if len(summary.failures) > MAX_LISTED_FAILURES:
            lines.append(f"  ... and {len(summary.failures) - MAX_LISTED_FAILURES} more ('minutes status' keeps them)")
    if summary.skipped_links:
        lines.append("Skipped document links (not http/https):")
        for failure in summary.skipped_links[:MAX_LISTED_FAILURES]:
            lines.append(f"  {failure.url}  ({failure.reason})")
    return "\n".join(lines)


# --------------------------------------------------------------------------- reparse


@click.command("reparse")
@click.option("--site", default=None, metavar="SITE", help="Only this site (key or base URL).")
@click.option("--clean", is_flag=True, help="Delete all records first, so the archive is rebuilt from captures alone.")
@pass_instance
def reparse_command(paths: InstancePaths, site: str | None, clean: bool) -> None:
    """Rebuild all records from the stored responses, offline (no network)."""
    store = _open_store(paths, must_exist=True)
    progress = ClickProgress()
    try:
        if site is not None and store.get_site(site) is None:
            raise CliError(f"no site {site!r} in the archive", EXIT_USAGE)
        summary = reparse(store, site, clean=clean, progress=progress)
    except CrawlBusy as exc:
        raise CliError(str(exc), EXIT_TEMPFAIL) from None
    finally:
        progress.close()
        store.close()
    click.echo(f"Reparsed: {summary.headline()}")
    for failure in summary.failures[:MAX_LISTED_FAILURES]:
        click.echo(f"  {failure.url}  ({failure.reason})")


# --------------------------------------------------------------------------- status


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="List the last crawl's errors (URL and reason).")
@pass_instance
def status_command(paths: InstancePaths, as_json: bool, show_errors: bool) -> None:
    """What is harvested per site: counts, last crawl, errors."""
    errors: dict[str, list[CrawlError]] = {}
    if not paths.archive_db.exists():
        rows: list[SiteStatus] = []
    else:
        try:
            with ArchiveStore(paths.archive_db, readonly=True) as store:
                rows = store.site_status()
                for row in rows:
                    if row.last_crawl is not None:
                        errors[row.site.key] = store.errors(row.site.key, run_id=row.last_crawl.id)
        except StoreError as exc:
            raise CliError(str(exc)) from None
    if as_json:
        click.echo(json.dumps([_status_json(r, errors.get(r.site.key, [])) for r in rows], indent=2))
        return
    if not rows:
        click.echo(f"No sites harvested yet in {paths.root} (run 'minutes crawl BASE_URL').")
    for row in rows:
        click.echo(format_status(row))
        if show_errors:
            for error in errors.get(row.site.key, [])[:MAX_LISTED_FAILURES * 4]:
                click.echo(f"    {error.url}  ({error.kind}: {error.reason})")
    for section in STATUS_SECTIONS:
        for line in section(paths):
            click.echo(line)


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def format_status(row: SiteStatus) -> str:
    run = row.last_crawl
    if run is None:
        last = "never crawled"
    else:
        summary = run.summary or {}
        headline = (f"{summary.get('new', 0)} new, {summary.get('changed', 0)} changed, "
                    f"{summary.get('unchanged', 0)} unchanged, {summary.get('failed', 0)} failed")
        if run.status == "completed":
            last = f"{_when(run.finished_at)} ({headline})"
        elif run.status == "running":
            last = f"started {_when(run.started_at)}, unfinished (run 'minutes crawl' again to resume)"
        else:
            last = f"{_when(run.finished_at or run.started_at)} {run.status}: {summary.get('error', headline)}"
    return (
        f"{row.site.name}: {row.site.key}  ({row.site.base_url})\n"
        f"  committees {row.committees}, meetings {row.meetings}, items {row.items}\n"
        f"  last crawl: {last}\n"
        f"  errors: {row.errors} in the last crawl, {row.errors_total} in all"
        + (f"; {row.skipped_links} non-http document links skipped" if row.skipped_links else "")
        + (" ('minutes status --errors' lists them)" if row.errors or row.skipped_links else "")
    )


def _status_json(row: SiteStatus, errors: list[CrawlError]) -> dict[str, Any]:
    run = row.last_crawl
    return {
        "site": row.site.key,
        "base_url": row.site.base_url,
        "name": row.site.name,
        "committees": row.committees,
        "meetings": row.meetings,
        "items": row.items,
        "last_crawl": None if run is None else {
            "status": run.status,
            "started_at": run.started_at.isoformat(),
            "finished_at": run.finished_at.isoformat() if run.finished_at else None,
            "summary": run.summary,
        },
        "errors": row.errors,
        "errors_total": row.errors_total,
        "skipped_links": row.skipped_links,
        "last_crawl_errors": [
            {"url": e.url, "kind": e.kind, "reason": e.reason, "at": e.at.isoformat()} for e in errors
        ],
    }


COMMANDS: list[click.Command] = [crawl_command, reparse_command, status_command]

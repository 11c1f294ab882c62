"""``minutes demo``: the whole pipeline on the bundled sample council, offline, in one command.

1. serve the sample ModernGov site (``scraper.sample_site``) on a loopback port;
2. crawl it into the instance folder (web service first, HTML fallback), as ``minutes crawl`` does;
3. extract and index, as ``minutes index`` does;
4. serve the archive with waitress, as ``minutes serve`` does.

Running it again reuses the data: the sample site is served on the same port as last time when it
is free (the port is part of the site's key), so the second crawl adds nothing and the index is
brought up to date incrementally. If that port is taken, the old copy's records are cleared so the
archive never shows the sample council twice.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from scraper.records import site_key
from scraper.settings import InstancePaths

STATE_FILE = "demo.json"
Echo = Callable[[str], None]


@dataclass(frozen=True)
class DemoData:
    """What the preparation did, for the summary the command prints."""

    sample_url: str
    crawl_headline: str
    index_headline: str
    items: int


def _read_state(paths: InstancePaths) -> dict:
    try:
        return json.loads((paths.root / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_state(paths: InstancePaths, state: dict) -> None:
    (paths.root / STATE_FILE).write_text(json.dumps(state, indent=2) + "\n", encoding="utf-8")


def start_sample_site(paths: InstancePaths, stack: ExitStack, echo: Echo):
    """Serve the sample council, on last time's port when possible; forget a previous copy otherwise."""
    from scraper.sample_site import serve_sample_site
    from scraper.store import ArchiveStore

    state = _read_state(paths)
    previous = state.get("sample_port")
    site = None
    if isinstance(previous, int) and previous > 0:
        try:
            site = serve_sample_site(port=previous)
        except OSError:  # another demo may still be serving there: use a free port below
            site = None
    if site is None:
        site = serve_sample_site(port=0)
    stack.enter_context(site)
    if previous and site.port != previous and paths.archive_db.exists():
        old_key = site_key(f"http://127.0.0.1:{previous}")
        with ArchiveStore(paths.archive_db) as store:
            if store.get_site(old_key) is not None:
                store.clear_records(old_key)
                echo(f"Port {previous} is taken: cleared the previous copy of the sample council ({old_key}).")
    _write_state(paths, {**state, "sample_port": site.port})
    echo(f"Sample council (Borough of Eastmere) serving on {site.base_url}/")
    return site


def crawl_sample(paths: InstancePaths, base_url: str, echo: Echo) -> str:
    from scraper.cli import ClickProgress
    from scraper.harvest import crawl
    from scraper.http import PoliteClient
    from scraper.store import ArchiveStore

    progress = ClickProgress()
    try:
        with ArchiveStore(paths.archive_db) as store, PoliteClient(delay=0.0, backoff_factor=0.1, retry_after_max=2) as client:
            summary = crawl(store, base_url, client=client, progress=progress)
    finally:
        progress.close()
    echo(f"Crawled it into {paths.archive_db}: {summary.headline()}")
    if summary.failed:
        echo("  (expected: the sample council deliberately serves a WAF challenge page and a malformed page;"
             " 'minutes status' lists them)")
    return summary.headline()


def index_archive(paths: InstancePaths, echo: Echo) -> tuple[str, int]:
    """Bring the demo's index up to date; one built by an older version is rebuilt, not refused,
    because the demo owns its data and must work the second time, whatever version made the first."""
    from indexer.build import update_index
    from indexer.search_api import IndexSchemaMismatch

    try:
        summary = update_index(paths)
    except IndexSchemaMismatch:
        echo("The demo's index was built by an older version: rebuilding it.")
        summary = update_index(paths, rebuild=True)
    for warning in summary.warnings:
        echo(f"warning: {warning}")
    echo(f"Indexed it into {paths.index_dir}: {summary.headline()}; {summary.total} items searchable.")
    return summary.headline(), summary.total


def prepare(paths: InstancePaths, stack: ExitStack, echo: Echo) -> DemoData:
    """Steps 1-3; the sample site stays up (in ``stack``) so the archive's source links work."""
    paths.ensure()
    site = start_sample_site(paths, stack, echo)
    crawl_headline = crawl_sample(paths, site.base_url, echo)
    index_headline, items = index_archive(paths, echo)
    return DemoData(sample_url=site.base_url, crawl_headline=crawl_headline, index_headline=index_headline, items=items)


def demo_state_file(paths: InstancePaths) -> Path:
    return paths.root / STATE_FILE


#: The search the demo suggests, and checks: a topic the sample council discussed across years.
DEMO_QUERY = "Prevent"


def self_check(archive_url: str) -> str:
    """Fetch the search page and the API once over HTTP; raise ``RuntimeError`` unless both answer.

    The requests go through ``scraper.http.PoliteClient``, the project's one HTTP client.
    """
    from scraper.http import HttpError, PoliteClient

    try:
        with PoliteClient(delay=0.0, retries=0, obey_robots=False) as client:  # our own server
            page = client.get(archive_url)
            api = client.get(archive_url + "api/search", params={"q": DEMO_QUERY})
    except HttpError as error:
        raise RuntimeError(str(error)) from None
    if page.status != 200:
        raise RuntimeError(f"{archive_url} answered {page.status}")
    status = api.status
    data = json.loads(api.body)
    if status != 200 or not data.get("total"):
        raise RuntimeError(f"a search for {DEMO_QUERY!r} found nothing ({status})")
    return f"Checked {archive_url}: the search page answers and {DEMO_QUERY!r} finds {data['total']} items."

"""Fixtures for the web tests: a REAL Whoosh index built from archive records, and the app over it.

The index is built once per test session from ``corpus.sample_items()`` with the indexer's own
build path (extraction + documents + Whoosh), so these tests exercise the real engine: ranking,
facets, highlighting and suggestions are the ones a visitor would get.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_corpus import sample_items  # noqa: E402

from archive import create_app  # noqa: E402
from archive.serving import start_server  # noqa: E402
from scraper.settings import InstancePaths  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


HARVESTED = "2026-11-01T09:30:00+00:00"


def build_index(paths: InstancePaths, items) -> None:
    """Index archive records with the indexer's real build path (real extraction, real Whoosh)."""
    from indexer.build import default_enricher, index_items
    from indexer.engine import open_search

    enricher, token, _warnings = default_enricher(paths)  # without extraction, speaker tests fail
    sites = {a.site.key: {"council": a.site.name, "base_url": a.site.base_url, "last_harvested": HARVESTED} for a in items}
    index_items(open_search(paths), lambda: items, enricher=enricher, enrich_token=token, site_meta=sites)


@pytest.fixture(scope="session")
def web_instance(tmp_path_factory) -> InstancePaths:
    paths = InstancePaths(tmp_path_factory.mktemp("web") / "instance").ensure()
    build_index(paths, sample_items())
    return paths


@pytest.fixture(scope="session")
def app(web_instance):
    return create_app({"TESTING": True, "INSTANCE_PATH": str(web_instance.root)})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def empty_app(tmp_path):
    """An app over an instance folder with no index at all."""
    return create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "empty-instance")})


@pytest.fixture(scope="session")
def live_server(web_instance):
    """The app served by waitress on a loopback port, as ``minutes serve`` serves it."""
    app = create_app({"INSTANCE_PATH": str(web_instance.root)})
    running = start_server(app, host="127.0.0.1", port=0, threads=4).start_background()
    yield running
    running.close()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright; missing Chromium fails under CI=true."""
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (CI=true, so this is a failure)")
        pytest.skip(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("playwright is not installed (CI=true, so this is a failure)")
        pytest.skip("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS

"""Fixtures for the parser tests: the sample council served on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from scraper.sample_site import SampleSiteServer, serve_sample_site


@pytest.fixture(scope="module")
def site() -> Iterator[SampleSiteServer]:
    """The sample council with its content variants on but no one-off failures (WAF, 503, broken page)."""
    server = serve_sample_site(waf_first=False, flaky_first=False, malformed=False)
    try:
        yield server
    finally:
        server.stop()

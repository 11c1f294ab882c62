"""``minutes crawl --delay``: at least 0.5 s between requests to a council (GUIDE.md §8.2: servers
limit bursts); shorter only for a server on this machine, which the tests and the demo use."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from archive.cli import main


def invoke(instance, *args):
    return CliRunner().invoke(main, ["--instance", str(instance.root), *args], catch_exceptions=False)


@pytest.fixture
def no_network(monkeypatch):
    """The crawl itself must never start in these tests (the host names are not ours)."""
    import scraper.cli

    def refuse(*args, **kwargs):
        raise AssertionError("the crawl started")

    monkeypatch.setattr(scraper.cli, "crawl", refuse)


@pytest.mark.parametrize("delay", ["0", "0.2", "0.49"])
def test_a_delay_under_half_a_second_is_refused_for_a_council(instance, no_network, delay):
    result = invoke(instance, "crawl", "https://democracy.example.gov.uk", "--delay", delay)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "--delay" in lines[0] and "0.5" in lines[0], result.stderr
    assert not instance.archive_db.exists()  # refused before anything was opened or fetched


@pytest.mark.parametrize("delay", ["-1", "inf", "nan"])
def test_a_delay_that_is_not_a_number_of_seconds_is_refused(instance, no_network, delay):
    result = invoke(instance, "crawl", "http://127.0.0.1:9/", "--delay", delay)
    assert result.exit_code == 2 and "--delay" in result.stderr


def test_half_a_second_or_more_is_passed_to_the_client(instance, monkeypatch):
    import scraper.cli
    from scraper.harvest import HarvestError

    seen = []

    def fake_crawl(store, base_url, options, *, client, progress):  # no network: stop at once
        seen.append(client.delay)
        raise HarvestError("stopped by the test")

    monkeypatch.setattr(scraper.cli, "crawl", fake_crawl)
    for delay in ("0.5", "2"):
        result = invoke(instance, "crawl", "https://democracy.example.gov.uk", "--delay", delay)
        assert result.exit_code == 1 and "stopped by the test" in result.stderr
    default = invoke(instance, "crawl", "https://democracy.example.gov.uk")
    assert default.exit_code == 1
    assert seen == [0.5, 2.0, 1.0]


def test_a_server_on_this_machine_may_be_crawled_faster(instance, sample_site):
    result = invoke(instance, "crawl", sample_site.base_url, "--delay", "0", "--since", "2025-01-01")
    assert result.exit_code == 0, result.stderr


def test_help_says_why():
    result = CliRunner().invoke(main, ["crawl", "--help"])
    text = " ".join(result.output.split())
    assert "at least 0.5" in text and "burst" in text

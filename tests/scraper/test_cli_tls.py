"""``minutes crawl --ca-bundle``: the sample council over HTTPS with a certificate no default
bundle trusts is refused, and crawled once the bundle that holds it is given."""

from __future__ import annotations

import ssl
import threading

import pytest
from click.testing import CliRunner

from archive.cli import main
from tests.scraper.test_http_tls import CA_ENV, make_self_signed


def invoke(instance, *args):
    return CliRunner().invoke(main, ["--instance", str(instance.root), *args], catch_exceptions=False)


@pytest.fixture
def tls_council(tmp_path, monkeypatch):
    """(base URL, certificate) of the sample council served over HTTPS on loopback."""
    from werkzeug.serving import make_server

    from scraper.sample_site.app import SampleSite

    for name in CA_ENV:
        monkeypatch.delenv(name, raising=False)
    cert, key = make_self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = make_server("127.0.0.1", 0, SampleSite(waf_first=False, flaky_first=False, malformed=False),
                         threaded=True, ssl_context=context)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_port}", cert
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_crawl_refuses_an_untrusted_certificate_and_takes_a_ca_bundle(instance, tls_council):
    url, cert = tls_council
    refused = invoke(instance, "crawl", url, "--delay", "0", "--since", "2025-01-01")
    assert refused.exit_code == 1
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "TLS certificate not trusted" in lines[0], refused.stderr
    assert "--ca-bundle" in lines[0]  # the way out is named

    crawled = invoke(instance, "crawl", url, "--delay", "0", "--since", "2025-01-01", "--ca-bundle", str(cert))
    assert crawled.exit_code == 0, crawled.stderr
    assert f"Crawled {url}" in crawled.stdout and " 0 failed" in crawled.stdout


def test_a_ca_bundle_that_does_not_exist_is_a_usage_error(instance, tmp_path):
    result = invoke(instance, "crawl", "https://democracy.example.gov.uk", "--ca-bundle", str(tmp_path / "none.pem"))
    assert result.exit_code == 2
    assert "none.pem" in result.stderr and "does not exist" in result.stderr


def test_a_ca_bundle_from_the_environment_that_does_not_exist_is_one_line(instance, tmp_path, monkeypatch):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tmp_path / "gone.pem"))
    result = invoke(instance, "crawl", "https://democracy.example.gov.uk")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "REQUESTS_CA_BUNDLE" in lines[0] and "gone.pem" in lines[0], result.stderr


def test_help_lists_the_option():
    result = CliRunner().invoke(main, ["crawl", "--help"])
    assert "--ca-bundle" in result.output
    assert "--insecure" not in result.output and "no-verify" not in result.output

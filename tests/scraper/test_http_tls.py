"""TLS: certificates are always verified, against a CA bundle the operator can choose.

Strict TLS stacks reject some councils' certificate chains (GUIDE.md §8.2); the remedy is a
current CA bundle (``--ca-bundle``, or ``REQUESTS_CA_BUNDLE`` / ``SSL_CERT_FILE`` as other tools
use them), never switching verification off. The servers here are HTTPS on loopback with a
self-signed certificate made for the test by the ``openssl`` command.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from scraper.http import CaBundleError, FetchFailed, HostUnavailable, PoliteClient

CA_ENV = ("REQUESTS_CA_BUNDLE", "SSL_CERT_FILE")


def make_self_signed(folder: Path) -> tuple[Path, Path]:
    """(certificate, key) for 127.0.0.1 and localhost, or skip the test without ``openssl``."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a self-signed certificate (and 'cryptography' is absent)")
    cert, key = folder / "cert.pem", folder / "key.pem"
    done = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"openssl could not make a certificate: {done.stderr.strip()[:200]}")
    return cert, key


@contextmanager
def https_server(cert: Path, key: Path) -> Iterator[str]:
    """An HTTPS server on loopback answering every GET with 200 "ok"; yields its root URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            body = b"User-agent: *\nDisallow:\n" if self.path == "/robots.txt" else b"ok"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def tls_site(tmp_path, monkeypatch):
    """(root URL, certificate path) of an HTTPS server no default CA bundle trusts."""
    for name in CA_ENV:
        monkeypatch.delenv(name, raising=False)
    cert, key = make_self_signed(tmp_path)
    with https_server(cert, key) as url:
        yield url, cert


def client(clock, **kwargs) -> PoliteClient:
    return PoliteClient(clock=clock, delay=0, retries=1, **kwargs)


def test_an_untrusted_certificate_is_refused_by_default(tls_site, fake_clock):
    url, _cert = tls_site
    with pytest.raises((HostUnavailable, FetchFailed)) as info:
        client(fake_clock).get(url + "/page")
    assert "TLS certificate not trusted" in str(info.value)


def test_a_ca_bundle_that_holds_the_certificate_is_trusted(tls_site, fake_clock):
    url, cert = tls_site
    c = client(fake_clock, ca_bundle=cert)
    assert c.get(url + "/page").body == b"ok"
    assert c.session.verify == str(cert)


@pytest.mark.parametrize("variable", CA_ENV)
def test_the_ca_bundle_is_taken_from_the_environment(tls_site, fake_clock, monkeypatch, variable):
    url, cert = tls_site
    monkeypatch.setenv(variable, str(cert))
    assert client(fake_clock).get(url + "/page").ok


def test_an_explicit_bundle_wins_over_the_environment(tls_site, fake_clock, monkeypatch, tmp_path):
    url, cert = tls_site
    other = tmp_path / "other"
    other.mkdir()
    other_cert, _ = make_self_signed(other)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(other_cert))
    assert client(fake_clock, ca_bundle=cert).get(url + "/page").ok
    with pytest.raises((HostUnavailable, FetchFailed), match="TLS certificate not trusted"):
        client(fake_clock).get(url + "/page")  # the environment's bundle does not hold this one


def test_the_environment_is_used_for_the_ca_bundle_only(monkeypatch):
    """Proxies and .netrc credentials are still not picked up from the environment."""
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    c = PoliteClient()
    assert c.session.trust_env is False


@pytest.mark.parametrize("where", ["argument", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE"])
def test_a_bundle_that_does_not_exist_is_a_clear_error(tmp_path, monkeypatch, where):
    for name in CA_ENV:
        monkeypatch.delenv(name, raising=False)
    missing = tmp_path / "nowhere.pem"
    if where == "argument":
        make = lambda: PoliteClient(ca_bundle=missing)  # noqa: E731
    else:
        monkeypatch.setenv(where, str(missing))
        make = PoliteClient
    with pytest.raises(CaBundleError) as info:
        make()
    assert str(missing) in str(info.value) and "does not exist" in str(info.value)
    if where != "argument":
        assert where in str(info.value)


def test_a_file_that_is_not_a_bundle_is_a_clear_error(tmp_path, monkeypatch):
    for name in CA_ENV:
        monkeypatch.delenv(name, raising=False)
    junk = tmp_path / "notes.txt"
    junk.write_text("not a certificate\n")
    with pytest.raises(CaBundleError, match="no CA certificates"):
        PoliteClient(ca_bundle=junk)


def test_empty_environment_variables_are_ignored(monkeypatch):
    for name in CA_ENV:
        monkeypatch.setenv(name, "")
    assert PoliteClient().session.verify is True  # requests' own bundle (certifi)

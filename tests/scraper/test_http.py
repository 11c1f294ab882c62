"""PoliteClient against a real HTTP server on 127.0.0.1, timing through a fake clock."""

from __future__ import annotations

import time
from email.utils import formatdate

import pytest

from scraper.http import (
    DEFAULT_USER_AGENT,
    BodyTooLarge,
    FetchFailed,
    HostUnavailable,
    PoliteClient,
    RobotsDisallowed,
)


def client(clock, **kwargs) -> PoliteClient:
    kwargs.setdefault("delay", 1.0)
    return PoliteClient(clock=clock, **kwargs)


def test_robots_is_the_first_request_and_user_agent_identifies_us(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(200, "User-agent: *\nAllow: /\n")
    srv.routes["/page"] = srv.reply(200, "hello")
    result = client(fake_clock).get(srv.base_url + "/page")
    assert result.ok and result.body == b"hello"
    assert srv.paths() == ["/robots.txt", "/page"]
    agents = {ua for _path, ua in srv.log}
    assert agents == {DEFAULT_USER_AGENT}
    assert "python-requests" not in DEFAULT_USER_AGENT and "MinutesArchive/" in DEFAULT_USER_AGENT
    assert "(+http" in DEFAULT_USER_AGENT


def test_user_agent_with_library_token_is_refused():
    with pytest.raises(ValueError):
        PoliteClient(user_agent="python-requests/2.31")


def test_robots_disallow_is_obeyed(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(
        200, "User-agent: *\nDisallow: /private\n\nUser-agent: MinutesArchive\nDisallow: /secret\n"
    )
    srv.routes["/secret/x"] = srv.reply(200, "no")
    srv.routes["/private/x"] = srv.reply(200, "no")
    srv.routes["/open"] = srv.reply(200, "yes")
    c = client(fake_clock)
    with pytest.raises(RobotsDisallowed) as info:
        c.get(srv.base_url + "/secret/x")
    assert "/secret/x" in str(info.value)
    # Our own group applies, not the "*" group (RFC 9309 §2.2.1).
    assert c.get(srv.base_url + "/private/x").ok
    assert c.get(srv.base_url + "/open").ok
    assert "/secret/x" not in srv.paths()
    assert srv.paths().count("/robots.txt") == 1


def test_robots_4xx_allows_everything(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404, "nope")
    srv.routes["/page"] = srv.reply(200, "ok")
    assert client(fake_clock).get(srv.base_url + "/page").ok


def test_robots_5xx_means_nothing_is_fetched(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(500, "boom")
    srv.routes["/page"] = srv.reply(200, "ok")
    c = client(fake_clock, retries=2)
    with pytest.raises(HostUnavailable) as info:
        c.get(srv.base_url + "/page")
    assert "/page" in str(info.value) and "robots.txt" in str(info.value)
    with pytest.raises(HostUnavailable):
        c.get(srv.base_url + "/other")
    assert "/page" not in srv.paths()
    assert srv.paths() == ["/robots.txt"] * 3  # first try + 2 bounded retries, then given up


def test_robots_unreachable_means_nothing_is_fetched(fake_clock):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = client(fake_clock, retries=1)
    with pytest.raises(HostUnavailable) as info:
        c.get(f"http://127.0.0.1:{port}/page")
    assert "the host cannot be reached: connection refused" in str(info.value)


def test_crawl_delay_is_honoured_up_to_the_cap(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(200, "User-agent: *\nCrawl-delay: 5\n")
    srv.routes["/a"] = srv.reply(200, "a")
    c = client(fake_clock, delay=1.0)
    c.get(srv.base_url + "/a")
    c.get(srv.base_url + "/a")
    assert fake_clock.sleeps == [5.0, 5.0]  # known after robots.txt, so it spaces every later request

    srv.routes["/robots.txt"] = srv.reply(200, "User-agent: *\nCrawl-delay: 3600\n")
    other = client(fake_clock, delay=1.0, crawl_delay_cap=30)
    other.get(srv.base_url + "/a")
    other.get(srv.base_url + "/a")
    assert fake_clock.sleeps[-1] == 30


def test_rate_limit_holds_for_every_request_including_robots(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(200, "")
    srv.routes["/p"] = srv.reply(200, "p")
    c = client(fake_clock, delay=2.5)
    for _ in range(4):
        c.get(srv.base_url + "/p")
    # 5 requests (robots + 4) on a clock that never moves by itself: 4 full waits.
    assert fake_clock.sleeps == [2.5] * 4
    assert len(srv.log) == 5


def test_rate_limit_in_real_time(scripted_server):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(200, "")
    srv.routes["/p"] = srv.reply(200, "p")
    c = PoliteClient(delay=0.15)
    start = time.monotonic()
    for _ in range(3):
        c.get(srv.base_url + "/p")
    assert time.monotonic() - start >= 0.15 * 3 - 0.01  # 4 requests, 3 gaps


def test_503_is_retried_with_backoff_then_returned(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/flaky"] = lambda path, n: srv.reply(503, "busy") if n <= 2 else srv.reply(200, "fine")
    c = client(fake_clock, delay=0, backoff_factor=2.0)
    result = c.get(srv.base_url + "/flaky")
    assert result.status == 200 and result.body == b"fine"
    assert srv.paths().count("/flaky") == 3
    assert fake_clock.sleeps == [4.0]  # urllib3's formula: no wait after the 1st error, 2*2**1 after the 2nd


def test_retry_after_seconds_is_honoured(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/slow"] = lambda path, n: srv.reply(429, "wait", Retry_After="7") if n == 1 else srv.reply(200, "ok")
    c = client(fake_clock, delay=0)
    assert c.get(srv.base_url + "/slow").ok
    assert fake_clock.sleeps == [7.0]


def test_retry_after_http_date_is_honoured_and_capped(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/d"] = lambda path, n: (
        srv.reply(503, Retry_After=formatdate(time.time() + 20, usegmt=True)) if n == 1 else srv.reply(200, "ok")
    )
    srv.routes["/huge"] = lambda path, n: srv.reply(503, Retry_After="999999") if n == 1 else srv.reply(200, "ok")
    c = client(fake_clock, delay=0, retry_after_max=60)
    assert c.get(srv.base_url + "/d").ok
    assert 17 <= fake_clock.sleeps[-1] <= 21
    assert c.get(srv.base_url + "/huge").ok
    assert fake_clock.sleeps[-1] == 60


def test_retries_are_bounded_and_last_answer_returned(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/down"] = srv.reply(502, "bad gateway")
    c = client(fake_clock, delay=0, retries=3)
    result = c.get(srv.base_url + "/down")
    assert result.status == 502
    assert srv.paths().count("/down") == 4
    with pytest.raises(FetchFailed) as info:
        result.raise_for_status()
    assert "/down" in str(info.value) and info.value.status == 502


def test_404_is_not_retried(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    c = client(fake_clock, delay=0)
    assert c.get(srv.base_url + "/missing").status == 404
    assert srv.paths().count("/missing") == 1


def test_redirect_hops_are_checked_and_rate_limited(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(200, "User-agent: *\nDisallow: /blocked\n")
    srv.routes["/old"] = srv.reply(302, Location="/new")
    srv.routes["/new"] = srv.reply(200, "moved")
    srv.routes["/sneaky"] = srv.reply(302, Location="/blocked/page")
    c = client(fake_clock, delay=1)
    result = c.get(srv.base_url + "/old", params={"a": "1"})
    assert result.body == b"moved"
    assert result.url == srv.base_url + "/new" and result.requested_url == srv.base_url + "/old?a=1"
    assert fake_clock.sleeps == [1, 1]
    with pytest.raises(RobotsDisallowed):
        c.get(srv.base_url + "/sneaky")
    assert "/blocked/page" not in srv.paths()


def test_redirect_loop_fails(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/loop"] = srv.reply(302, Location="/loop")
    with pytest.raises(FetchFailed, match="redirects"):
        client(fake_clock, delay=0).get(srv.base_url + "/loop")


def test_body_too_large_is_aborted(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/big"] = srv.reply(200, b"x" * 5000)
    c = client(fake_clock, delay=0, max_body=1000)
    with pytest.raises(BodyTooLarge) as info:
        c.get(srv.base_url + "/big")
    assert "/big" in str(info.value)


def test_connection_errors_retried_then_fetch_failed(fake_clock):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = PoliteClient(clock=fake_clock, delay=0, retries=2, obey_robots=False)
    with pytest.raises(FetchFailed) as info:
        c.get(f"http://127.0.0.1:{port}/x")
    assert f"127.0.0.1:{port}/x" in str(info.value)
    assert len(fake_clock.sleeps) == 1  # backoff before the 3rd attempt (urllib3: none before the 2nd)


def test_result_is_frozen_and_keeps_headers(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/x"] = srv.reply(200, "<a/>", Content_Type="text/xml; charset=utf-8")
    r = client(fake_clock, delay=0).get(srv.base_url + "/x")
    assert r.content_type == "text/xml; charset=utf-8" and r.header("content-type") == r.content_type
    assert r.fetched_at.tzinfo is not None
    with pytest.raises(Exception):
        r.status = 500  # type: ignore[misc]


def test_tls_is_verified(tmp_path, fake_clock):
    """A self-signed certificate is refused: verification is never switched off."""
    import shutil
    import ssl
    import subprocess
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a self-signed certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        c = PoliteClient(clock=fake_clock, delay=0, retries=1)
        with pytest.raises((HostUnavailable, FetchFailed)) as info:
            c.get(f"https://127.0.0.1:{server.server_address[1]}/page")
        assert "TLS" in str(info.value) or "certificate" in str(info.value).lower()
    finally:
        server.shutdown()
        server.server_close()


def test_two_ports_of_one_host_share_the_rate_limit_but_not_robots(scripted_server, fake_clock):

    first = scripted_server
    second = type(first)()
    try:
        for srv, rules in ((first, "User-agent: *\nDisallow: /a\n"), (second, "User-agent: *\nDisallow: /b\n")):
            srv.routes["/robots.txt"] = srv.reply(200, rules)
            srv.routes["/a"] = srv.reply(200, "a")
            srv.routes["/b"] = srv.reply(200, "b")
        c = client(fake_clock, delay=2)
        assert c.get(first.base_url + "/b").ok
        assert c.get(second.base_url + "/a").ok
        with pytest.raises(RobotsDisallowed):
            c.get(second.base_url + "/b")
        # robots(1), /b, robots(2), /a: one machine, so every request after the first waited.
        assert fake_clock.sleeps == [2, 2, 2]
    finally:
        second.stop()


# --------------------------------------------------------------------------- failures a person can read


def test_refused_connection_says_so_and_counts_attempts_right(fake_clock):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = PoliteClient(clock=fake_clock, delay=0, retries=2, obey_robots=False)
    with pytest.raises(FetchFailed) as info:
        c.get(f"http://127.0.0.1:{port}/x")
    message = str(info.value)
    assert "connection refused" in message and "after 3 attempts" in message
    assert "HTTPConnectionPool" not in message and "Max retries" not in message
    assert c.request_count == 3


def test_unknown_host_is_not_retried(monkeypatch, fake_clock):
    import socket

    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    c = PoliteClient(clock=fake_clock, delay=0, retries=4)
    with pytest.raises(HostUnavailable) as info:
        c.get("http://council.invalid/mgListCommittees.aspx")
    assert "host name not found" in str(info.value)
    assert c.request_count == 1 and fake_clock.sleeps == []


def test_https_to_a_plain_http_server_says_so(scripted_server, fake_clock):
    port = scripted_server.base_url.rsplit(":", 1)[1]
    c = PoliteClient(clock=fake_clock, delay=0, retries=1)
    with pytest.raises(HostUnavailable) as info:
        c.get(f"https://127.0.0.1:{port}/page")
    assert "does not seem to speak https" in str(info.value)


def test_redirect_to_another_host_obeys_that_hosts_robots_and_rate_limit(fake_clock):
    """A council's URL that redirects to another host (a new domain, a CDN) is fetched under the
    rules of the host it lands on: its robots.txt first, its Crawl-delay, its own rate limit."""
    from tests.scraper.conftest import ScriptedServer

    first, second = ScriptedServer(), ScriptedServer()
    try:
        other = second.base_url.replace("127.0.0.1", "localhost")  # another host name, same machine
        first.routes["/robots.txt"] = first.reply(404)
        first.routes["/moved"] = first.reply(301, Location=f"{other}/page")
        first.routes["/blocked"] = first.reply(302, Location=f"{other}/private/x")
        second.routes["/robots.txt"] = second.reply(200, "User-agent: *\nCrawl-delay: 7\nDisallow: /private/\n")
        second.routes["/page"] = second.reply(200, "here")
        c = client(fake_clock, delay=1)
        assert c.get(first.base_url + "/moved").body == b"here"
        assert second.paths() == ["/robots.txt", "/page"]  # its robots.txt was the first request there
        assert fake_clock.sleeps == [1, 7]  # /moved after robots (host 1); /page after robots (host 2)
        with pytest.raises(RobotsDisallowed):
            c.get(first.base_url + "/blocked")
        assert "/private/x" not in second.paths()
    finally:
        first.stop()
        second.stop()


def test_an_answer_that_trickles_in_is_cut_off_at_the_deadline(fake_clock):
    """The read timeout restarts with every byte, so a server that drips its answer would hold a
    crawl forever: the whole body must arrive within ``max_body_seconds``."""
    import threading
    import time as real_time
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Drip(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    real_time.sleep(0.05)
            except OSError:
                pass  # the client hung up, as it should

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        c = PoliteClient(clock=fake_clock, delay=0, obey_robots=False, max_body_seconds=0.5, retries=0)
        started = real_time.monotonic()
        with pytest.raises(FetchFailed, match="took more than"):
            c.get(f"http://127.0.0.1:{server.server_address[1]}/slow")
        assert real_time.monotonic() - started < 2.5  # not the 5 s the whole drip takes
    finally:
        server.shutdown()
        server.server_close()


def test_compressed_bodies_are_decoded_and_capped_by_their_decoded_size(scripted_server, fake_clock):
    """gzip is decoded as it streams (chunked or not), and the size cap counts decoded bytes, so
    a small compressed answer cannot expand past ``max_body``."""
    import gzip

    srv = scripted_server
    body = b"<p>minutes</p>" * 20000  # 280 KB, a few KB compressed
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/page"] = srv.reply(200, gzip.compress(body), Content_Encoding="gzip")
    assert client(fake_clock, delay=0).get(srv.base_url + "/page").body == body
    with pytest.raises(BodyTooLarge):
        client(fake_clock, delay=0, max_body=100_000).get(srv.base_url + "/page")


def test_a_transient_dns_failure_is_retried(monkeypatch, fake_clock):
    """EAI_AGAIN ("temporary failure in name resolution") is not "no such host": retried."""
    import socket

    def dns_hiccup(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", dns_hiccup)
    c = PoliteClient(clock=fake_clock, delay=0, retries=2, obey_robots=False)
    with pytest.raises(FetchFailed) as info:
        c.get("http://council.invalid/page")
    assert c.request_count == 3 and "DNS lookup failed" in str(info.value)


def test_robots_groups_match_the_product_token_of_a_custom_user_agent(scripted_server, fake_clock):
    """RFC 9309 §2.2.1: rules are matched against the crawler's product token, so a site's rules
    for a custom --user-agent ("CouncilWatch/1.0 ...") apply to it, Crawl-delay included."""
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(200, "User-agent: CouncilWatch\nCrawl-delay: 5\nDisallow: /private\n\n"
                                              "User-agent: *\nDisallow:\n")
    srv.routes["/page"] = srv.reply(200, "ok")
    c = client(fake_clock, delay=1, user_agent="CouncilWatch/1.0 (+mailto:editor@example.org)")
    with pytest.raises(RobotsDisallowed):
        c.get(srv.base_url + "/private/x")
    c.get(srv.base_url + "/page")
    assert fake_clock.sleeps == [5]

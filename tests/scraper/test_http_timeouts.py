"""Read timeouts: long enough for slow self-hosted installs, and retried once at most.

Self-hosted ModernGov installs take up to 60 s to answer, some 30-40 s routinely (GUIDE.md §8.2),
so the default read timeout leaves room above that. A host that did not answer in that time is
unlikely to answer on the third or fifth try either: every retry costs another full timeout, so a
read timeout is retried once, while refused connections and 5xx keep their bounded retries.

The servers here are real (loopback) and really slow, but by tenths of a second: the client is
given tiny timeouts, and a fake clock takes the backoff sleeps.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scraper.http import DEFAULT_READ_TIMEOUT, FetchFailed, PoliteClient


class SlowServer:
    """Answers ``/slow`` after ``delays[n]`` seconds for the n-th request (the last delay repeats).

    ``stall_body``: send the headers at once and stall before the body instead.
    """

    def __init__(self, delays: list[float], *, stall_body: bool = False) -> None:
        self.attempts = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server.attempts += 1
                delay = delays[min(server.attempts, len(delays)) - 1]
                body = b"<committees/>"
                try:
                    if not stall_body:
                        time.sleep(delay)
                    self.send_response(200)
                    self.send_header("Content-Type", "text/xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.flush()
                    if stall_body:
                        time.sleep(delay)
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up and hung up, as it should

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/slow"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def slow_server():
    started: list[SlowServer] = []

    def start(delays: list[float], **kwargs: bool) -> SlowServer:
        server = SlowServer(delays, **kwargs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def quick_client(clock, **kwargs) -> PoliteClient:
    """Timeouts in tenths of a second; otherwise the defaults (retries included)."""
    kwargs.setdefault("timeout", (2.0, 0.3))
    return PoliteClient(clock=clock, delay=0, obey_robots=False, **kwargs)


def test_the_default_read_timeout_leaves_room_above_the_slowest_installs():
    assert DEFAULT_READ_TIMEOUT >= 90  # installs answer in up to 60 s; 60 s exactly cuts them off
    connect, read = PoliteClient().timeout
    assert read == DEFAULT_READ_TIMEOUT and connect < read


def test_a_read_timeout_is_retried_once_then_fails(slow_server, fake_clock):
    server = slow_server([1.0])  # never answers within the 0.3 s read timeout
    client = quick_client(fake_clock, retries=4)
    started = time.monotonic()
    with pytest.raises(FetchFailed) as info:
        client.get(server.url)
    assert server.attempts == 2 and client.request_count == 2  # not 1 + 4 retries
    assert "read timeout" in str(info.value) and "after 2 attempts" in str(info.value)
    assert time.monotonic() - started < 2.0


def test_a_read_timeout_then_an_answer_succeeds(slow_server, fake_clock):
    server = slow_server([1.0, 0.0])
    result = quick_client(fake_clock).get(server.url)
    assert result.ok and result.body == b"<committees/>" and server.attempts == 2


def test_a_slow_answer_within_the_read_timeout_is_not_retried(slow_server, fake_clock):
    server = slow_server([0.1])
    assert quick_client(fake_clock).get(server.url).ok
    assert server.attempts == 1


def test_a_body_that_stalls_past_the_read_timeout_counts_as_a_read_timeout(slow_server, fake_clock):
    """Headers at once, then silence: the read timeout fires while streaming the body. That is
    the same slow host, so it is retried once too (not as a dropped connection, four times)."""
    server = slow_server([1.0], stall_body=True)
    client = quick_client(fake_clock, retries=4)
    with pytest.raises(FetchFailed) as info:
        client.get(server.url)
    assert server.attempts == 2
    assert "read timeout" in str(info.value)


def test_no_retries_means_no_read_timeout_retry_either(slow_server, fake_clock):
    server = slow_server([1.0])
    with pytest.raises(FetchFailed):
        quick_client(fake_clock, retries=0).get(server.url)
    assert server.attempts == 1


def test_refused_connections_keep_their_bounded_retries(fake_clock):
    """Only read timeouts are cut short: a refused connection is quick to retry and often transient."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = quick_client(fake_clock, retries=4)
    with pytest.raises(FetchFailed, match="after 5 attempts"):
        client.get(f"http://127.0.0.1:{port}/x")
    assert client.request_count == 5

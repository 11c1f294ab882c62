"""Fixtures for the scraper tests: a fake clock and a tiny scripted HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

import pytest


class FakeClock:
    """Monotonic time that only moves when someone sleeps; every sleep is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[[str, int], Reply]  # (path with query, how many times this path was asked) -> reply


class ScriptedServer:
    """A real HTTP server whose answers are set per path by the test; it logs every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | Reply] = {}
        self.log: list[tuple[str, str]] = []  # (path, user agent)
        self._counts: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server.log.append((self.path, self.headers.get("User-Agent", "")))
                count = server._counts[self.path] = server._counts.get(self.path, 0) + 1
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    reply = Reply(404, b"not found")
                elif callable(route):
                    reply = route(self.path, count)
                else:
                    reply = route
                self.send_response(reply.status)
                headers = {"Content-Type": "text/plain", **reply.headers}
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @staticmethod
    def reply(status: int = 200, body: bytes | str = b"", **headers: str) -> Reply:
        data = body.encode() if isinstance(body, str) else body
        return Reply(status, data, {k.replace("_", "-"): v for k, v in headers.items()})

    def paths(self) -> list[str]:
        return [path for path, _ua in self.log]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def scripted_server():
    server = ScriptedServer()
    yield server
    server.stop()


# --------------------------------------------------------------------------- the sample council


@pytest.fixture
def sample_site_factory():
    """Start sample ModernGov sites with chosen variants; all are stopped after the test."""
    from scraper.sample_site import serve_sample_site

    started = []

    def start(**variants):
        site = serve_sample_site(**variants)
        started.append(site)
        return site

    yield start
    for site in started:
        site.stop()


@pytest.fixture
def sample_site(sample_site_factory):
    """The sample council with its default variants (WAF page, 503, HTML-only committee, ...)."""
    return sample_site_factory()

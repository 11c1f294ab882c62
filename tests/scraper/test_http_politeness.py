"""The politeness floor: requests to a council's server are at least 0.5 s apart, whatever delay
the caller asked for (GUIDE.md §8.2: servers limit bursts). Only a server on this machine (the
sample council, test servers on 127.0.0.1) may be asked faster, so tests and the demo stay quick.
"""

from __future__ import annotations

import socket

import pytest

from scraper.http import MIN_DELAY, PoliteClient, is_loopback_host


def test_the_floor_is_half_a_second():
    assert MIN_DELAY == 0.5


@pytest.mark.parametrize("host,loopback", [
    ("127.0.0.1", True), ("127.3.2.1", True), ("localhost", True), ("LOCALHOST", True), ("::1", True),
    ("[::1]", True), ("democracy.example.gov.uk", False), ("10.0.0.1", False), ("localhost.example.org", False),
    ("", False), (None, False),
])
def test_loopback_hosts(host, loopback):
    assert is_loopback_host(host) is loopback


@pytest.fixture
def council_on_loopback(scripted_server, monkeypatch):
    """``scripted_server`` reached under a council-like host name (the name resolved to 127.0.0.1)."""
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        return real("127.0.0.1" if host == "democracy.example.gov.uk" else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    port = scripted_server.base_url.rsplit(":", 1)[1]
    scripted_server.routes["/robots.txt"] = scripted_server.reply(404)
    scripted_server.routes["/p"] = scripted_server.reply(200, "ok")
    return f"http://democracy.example.gov.uk:{port}"


@pytest.mark.parametrize("delay", [0, 0.1, 0.49])
def test_a_real_host_gets_requests_at_least_half_a_second_apart(council_on_loopback, fake_clock, delay):
    c = PoliteClient(clock=fake_clock, delay=delay)
    for _ in range(3):
        assert c.get(council_on_loopback + "/p").ok
    assert fake_clock.sleeps == [0.5] * 3  # robots.txt + 3 pages: 3 gaps


def test_a_longer_delay_is_kept(council_on_loopback, fake_clock):
    c = PoliteClient(clock=fake_clock, delay=2)
    c.get(council_on_loopback + "/p")
    assert fake_clock.sleeps == [2]


def test_a_server_on_this_machine_may_be_asked_faster(scripted_server, fake_clock):
    srv = scripted_server
    srv.routes["/robots.txt"] = srv.reply(404)
    srv.routes["/p"] = srv.reply(200, "ok")
    c = PoliteClient(clock=fake_clock, delay=0)
    for _ in range(3):
        c.get(srv.base_url + "/p")
    assert fake_clock.sleeps == []

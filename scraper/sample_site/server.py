"""Serve the sample council over real HTTP on loopback, in a background thread.

``serve_sample_site(**variants)`` returns a running ``SampleSiteServer``: use ``.base_url`` to crawl
it, ``.requests`` to see what was fetched, and ``.stop()`` (or a ``with`` block) to shut it down.
werkzeug's threaded server is used so a slow client never blocks another request.
"""

from __future__ import annotations

import logging
import socket
import threading
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from .app import SampleSite


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args: Any, **kwargs: Any) -> None:  # the app keeps its own request log
        pass


def _can_bind(host: str, port: int) -> bool:
    """Whether ``host:port`` is free to listen on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


class SampleSiteServer:
    """A running sample site: ``base_url``, ``app`` (the WSGI app and its options), ``requests``."""

    def __init__(self, app: SampleSite, host: str = "127.0.0.1", port: int = 0) -> None:
        self.app = app
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        if port and not _can_bind(host, port):
            # werkzeug would print to stderr and exit the process; callers want an OSError to handle
            raise OSError(f"cannot serve the sample site on {host}:{port}: the port is in use")
        try:
            self._server: BaseWSGIServer = make_server(
                host, port, app, threaded=True, request_handler=_QuietHandler
            )
        except SystemExit as exc:  # taken between the probe and the bind
            raise OSError(f"cannot serve the sample site on {host}:{port}: the port is in use") from exc
        self.host = host
        self.port = self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, name=f"sample-site:{self.port}", daemon=True)
        self._thread.start()

    @property
    def root_url(self) -> str:
        """The host's root (where robots.txt lives), without a trailing slash."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """The ModernGov base (the directory holding ``mgWebService.asmx``), without a trailing slash."""
        return self.root_url + self.app.prefix

    @property
    def requests(self) -> list[tuple[str, str, int]]:
        """A snapshot of the request log: ``(method, path?query, status)`` in arrival order."""
        with self.app._lock:
            return list(self.app.requests)

    def requested(self, fragment: str) -> list[tuple[str, str, int]]:
        return self.app.requested(fragment)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> "SampleSiteServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve_sample_site(host: str = "127.0.0.1", port: int = 0, **variants: Any) -> SampleSiteServer:
    """Start the sample council on ``host:port`` (0 = a free port) with ``SampleSite`` variant options."""
    return SampleSiteServer(SampleSite(**variants), host=host, port=port)


__all__ = ["serve_sample_site", "SampleSiteServer"]

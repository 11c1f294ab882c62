"""Serving the app with waitress, a production WSGI server (never Flask's development server).

``start_server`` binds (port 0 picks a free port) and returns a handle whose ``url`` is known
before requests arrive, so ``minutes demo``, the browser tests and the load test all serve the
app exactly as ``minutes serve`` does.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from waitress.server import create_server

#: Worker threads: the index is read-only and searches release the GIL in numpy and I/O, so a
#: few more threads than cores keeps both cores busy without queueing behind one slow search.
DEFAULT_THREADS = 8


@dataclass
class RunningServer:
    """A waitress server bound to a socket; ``serve_forever`` blocks, ``start_background`` does not."""

    server: Any
    host: str
    port: int
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def serve_forever(self) -> None:
        self.server.run()

    def start_background(self) -> "RunningServer":
        self._thread = threading.Thread(target=self.server.run, name=f"waitress:{self.port}", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Finish the requests in flight, then stop the event loop and free the port.

        The worker threads are drained first: a worker finishing a response wakes the event loop
        through its trigger, which must still be open then.
        """
        server = self.server
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=5)
        for channel in list(server._map.values()):  # the listener, the trigger, open connections
            try:
                channel.close()
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "RunningServer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_server(app: Flask, host: str = "127.0.0.1", port: int = 5000, threads: int = DEFAULT_THREADS) -> RunningServer:
    """Bind ``app`` to ``host:port``; raises ``OSError`` when the port is taken."""
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth" chatter under load
    server = create_server(app, host=host, port=port, threads=threads, ident="minutes-archive", clear_untrusted_proxy_headers=True)
    return RunningServer(server=server, host=host, port=int(server.effective_port))

"""Click commands for this stage; ``archive.cli`` attaches everything in ``COMMANDS``."""

from __future__ import annotations

import click

from scraper.clitools import CliError, EXIT_FAILURE, pass_instance
from scraper.settings import InstancePaths


def _create_app(paths: InstancePaths):
    """The app for this instance folder; a broken ``config.py`` there is one clear line, not a traceback."""
    from archive import create_app

    try:
        return create_app({"INSTANCE_PATH": str(paths.root)})
    except Exception as error:  # config.py is Python: anything can go wrong in it
        raise CliError(f"cannot load {paths.config_file}: {type(error).__name__}: {error}") from None


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (0.0.0.0 for all).")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--threads", default=None, type=click.IntRange(1, 64), help="Worker threads (default 8).")
@pass_instance
def serve(paths: InstancePaths, host: str, port: int, threads: int | None) -> None:
    """Serve the archive's web pages and JSON API with waitress (a production WSGI server)."""
    from archive.serving import DEFAULT_THREADS, start_server

    app = _create_app(paths)
    try:
        running = start_server(app, host=host, port=port, threads=threads or DEFAULT_THREADS)
    except OSError as error:
        raise CliError(f"cannot listen on {host}:{port}: {error.strerror or error}", EXIT_FAILURE) from None
    if not paths.index_dir.exists():
        click.echo(f"minutes: no index in {paths.index_dir} yet; pages will say to run 'minutes index'.", err=True)
    click.echo(f"Serving the archive in {paths.root} on {running.url}  (Ctrl-C to stop)")
    try:
        running.serve_forever()  # returns on Ctrl-C (waitress handles the KeyboardInterrupt)
    except KeyboardInterrupt:
        pass
    finally:
        running.close()
    click.echo("Stopped.")


@click.command()
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535),
              help="Port for the archive on 127.0.0.1 (0 picks a free one).")
@click.option("--check", is_flag=True,
              help="Do everything, then fetch the search page and the API once over HTTP and exit "
              "instead of serving until Ctrl-C (for CI and scripted checks).")
@pass_instance
def demo(paths: InstancePaths, port: int, check: bool) -> None:
    """Try the archive offline: serve the bundled sample council, crawl it, index it, serve the archive.

    \b
    Works on a fresh machine without internet; run it again and it reuses the data.
    The archive is served on http://127.0.0.1:PORT/ until Ctrl-C.
    """
    from contextlib import ExitStack

    from archive.demo import DEMO_QUERY, prepare, self_check
    from archive.serving import start_server

    def echo(line: str) -> None:
        click.echo(line)

    with ExitStack() as stack:
        try:
            data = prepare(paths, stack, echo)
        except KeyboardInterrupt:
            raise CliError("interrupted; run 'minutes demo' again to carry on", 130) from None
        except Exception as error:  # a demo that fails says why in one line
            raise CliError(f"demo failed: {error}") from error
        app = _create_app(paths)
        try:
            running = start_server(app, host="127.0.0.1", port=port)
        except OSError as error:
            raise CliError(f"cannot serve the archive on 127.0.0.1:{port} ({error.strerror or error}); "
                           "try 'minutes demo --port 0'") from None
        stack.callback(running.close)
        if check:
            running.start_background()
            try:
                echo(self_check(running.url))
            except RuntimeError as error:
                raise CliError(f"demo check failed: {error}") from None
            return
        echo("")
        echo(f"The archive is ready: {running.url}")
        echo(f"  try {running.url}search?q={DEMO_QUERY}  (then narrow it by committee and year)")
        echo(f"   or {running.url}commitments  (what was promised in meetings, overdue first)")
        echo("Press Ctrl-C to stop both servers.")
        try:
            running.serve_forever()  # returns on Ctrl-C (waitress handles the KeyboardInterrupt)
        except KeyboardInterrupt:
            pass
        echo("Stopped the archive and the sample council.")


COMMANDS: list[click.Command] = [serve, demo]

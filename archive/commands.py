"""Click commands for this stage; ``archive.cli`` attaches everything in ``COMMANDS``."""

from __future__ import annotations

import click

from scraper.clitools import CliError, EXIT_FAILURE, pass_instance
from scraper.settings import InstancePaths


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (0.0.0.0 for all).")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--threads", default=None, type=click.IntRange(1, 64), help="Worker threads (default 8).")
@pass_instance
def serve(paths: InstancePaths, host: str, port: int, threads: int | None) -> None:
    """Serve the archive's web pages and JSON API with waitress (a production WSGI server)."""
    from archive import create_app
    from archive.serving import DEFAULT_THREADS, start_server

    app = create_app({"INSTANCE_PATH": str(paths.root)})
    try:
        running = start_server(app, host=host, port=port, threads=threads or DEFAULT_THREADS)
    except OSError as error:
        raise CliError(f"cannot listen on {host}:{port}: {error.strerror or error}", EXIT_FAILURE) from None
    if not paths.index_dir.exists():
        click.echo(f"minutes: no index in {paths.index_dir} yet; pages will say to run 'minutes index'.", err=True)
    click.echo(f"Serving the archive in {paths.root} on {running.url}  (Ctrl-C to stop)")
    try:
        running.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        running.close()


COMMANDS: list[click.Command] = [serve]

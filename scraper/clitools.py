"""Small helpers every package's click commands share.

The CLI is thin: commands call library functions and translate failures into one clear line on
stderr with a meaningful exit status (design.md §3.7). Commands live next to the code they drive
(``scraper.cli``, ``indexer.cli``, ``archive.commands``) and are assembled in ``archive.cli``.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any, Callable, TypeVar

import click

from scraper.settings import InstancePaths

F = TypeVar("F", bound=Callable[..., Any])

EXIT_FAILURE = 1
EXIT_USAGE = 2  # also: "not a ModernGov site"
EXIT_TEMPFAIL = 75  # EX_TEMPFAIL: index busy, try again


class CliError(click.ClickException):
    """A failure reported as one line on stderr, with a chosen exit status."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file: Any = None) -> None:  # one line, no "Error:" noise from click's usage box
        click.echo(f"minutes: {self.format_message()}", err=True)


def pass_instance(func: F) -> F:
    """Give a command the resolved ``InstancePaths`` from the root group as its first argument."""

    @click.pass_context
    @functools.wraps(func)
    def wrapper(ctx: click.Context, *args: Any, **kwargs: Any) -> Any:
        paths: InstancePaths = ctx.find_root().obj
        return func(paths, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def parse_iso_date(_ctx: Any, param: Any, value: str | None) -> datetime.date | None:  # click callback
    """Dates on the command line are ISO ``YYYY-MM-DD``; anything else is a usage error."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None

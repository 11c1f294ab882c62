"""The ``minutes`` command: a click group assembling each stage's commands.

It lives in ``archive`` because only the top of the pipeline may import every stage
(archive -> indexer -> scraper). Each stage keeps its own commands next to its code.
"""

from __future__ import annotations

import click

from scraper import __version__
from scraper.settings import resolve_instance


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--instance",
    "instance_dir",
    metavar="DIR",
    default=None,
    help="Instance folder holding config, the archive database and the index "
    "(default: $MINUTES_INSTANCE, else ./instance).",
)
@click.version_option(__version__, prog_name="minutes")
@click.pass_context
def main(ctx: click.Context, instance_dir: str | None) -> None:
    """Minutes Archive: harvest, index and search UK council minutes (ModernGov sites).

    \b
    Typical use:
      minutes demo                          try it on the bundled sample council
      minutes crawl https://democracy.example.gov.uk
      minutes index && minutes serve
    """
    ctx.obj = resolve_instance(instance_dir)


def _register() -> None:
    """Attach each stage's commands, which live next to the code they drive."""
    from archive import commands as archive_commands
    from indexer import commands as indexer_commands
    from indexer.extract import command as extract_command
    from scraper import cli as scraper_commands

    for module in (scraper_commands, extract_command, indexer_commands, archive_commands):
        for command in module.COMMANDS:
            main.add_command(command)
    if indexer_commands.index_status_lines not in scraper_commands.STATUS_SECTIONS:
        scraper_commands.STATUS_SECTIONS.append(indexer_commands.index_status_lines)  # index freshness


_register()

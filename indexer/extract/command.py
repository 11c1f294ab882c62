"""Click commands for this stage; ``archive.cli`` attaches everything in ``COMMANDS``."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []

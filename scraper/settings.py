"""Where a deployment keeps its data, and the one place that reads the environment.

The instance folder follows Flask's convention: per-deployment config and data, outside version
control. The CLI, the crawler, the indexer and the web app all resolve it here so that they agree.
Precedence: an explicit path (``--instance``), then ``MINUTES_INSTANCE``, then ``./instance``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

INSTANCE_ENV_VAR = "MINUTES_INSTANCE"
DEFAULT_INSTANCE_DIR = "instance"


@dataclass(frozen=True)
class InstancePaths:
    """The files inside one instance folder."""

    root: Path

    @property
    def archive_db(self) -> Path:
        return self.root / "archive.sqlite3"

    @property
    def index_dir(self) -> Path:
        return self.root / "index"

    @property
    def config_file(self) -> Path:
        return self.root / "config.py"

    @property
    def taxonomy_file(self) -> Path:
        """A deployment's own topic taxonomy; when absent the bundled one is used."""
        return self.root / "topics.toml"

    def ensure(self) -> "InstancePaths":
        self.root.mkdir(parents=True, exist_ok=True)
        return self


def resolve_instance(explicit: str | os.PathLike[str] | None = None) -> InstancePaths:
    """Resolve the instance folder (not created here; call ``ensure()`` before writing)."""
    raw = explicit or os.environ.get(INSTANCE_ENV_VAR) or DEFAULT_INSTANCE_DIR
    return InstancePaths(Path(raw).expanduser().resolve())

"""Shared pytest fixtures.

Tests never touch the internet: servers run on 127.0.0.1, data lives in tmp_path folders.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.settings import InstancePaths

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def instance(tmp_path: Path) -> InstancePaths:
    """A fresh, empty instance folder."""
    return InstancePaths(tmp_path / "instance").ensure()

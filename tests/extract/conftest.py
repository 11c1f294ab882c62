"""Fixtures for the extraction tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "000_1c9ed8fbe304a52e.txt"
LABELLED_DIR = Path(__file__).resolve().parent / "labelled"
# The seed item comes from Leicester's Overview Select Committee of October 2019 (the text itself
# carries no date); any date in that month resolves "14 November" the same way.
SEED_MEETING_DATE = date(2019, 10, 17)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")

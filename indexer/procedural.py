"""Which agenda items are procedural (standing items), decided once at index time.

Real minutes are full of standing items: "Apologies for Absence", "Declarations of Interest",
"Minutes of the Previous Meeting", "Urgent Business", "Exclusion of the Press and Public", "Date of
Next Meeting", "Work Programme". They recur at every meeting, mention councillors by the dozen and
say little, so plain BM25 ranks them first for "councillor" and interleaves them with every topical
search. Rather than drop them (someone looking for who sent apologies must still find them), the
index records a ``procedural`` flag and relevance ranking multiplies their score by
``SearchSettings.procedural_weight``; browsing without a query by relevance lists substantive items
first. Date sorts and meeting pages are untouched, so a meeting's agenda keeps its order.

The title patterns are data (``procedural_titles.txt``), not code, so a council's own standing items
can be added without touching the ranking. One low-information signal complements them: an item
whose title matches nothing but whose whole text is a short roll-call, e.g. "Apologies were received
from Councillors Ahmed and Brown.", is flagged by ``ROLL_CALL``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PATTERNS_FILE = Path(__file__).with_name("procedural_titles.txt")

# "1.", "12a", "(3)", "Item 4:", "A1 -" at the start of a title: numbering, not content.
_LEADING_NUMBER = re.compile(r"^\s*(item\s+)?\(?[0-9]{1,3}[a-z]?\)?[.:)\-\u2013\u2014]?\s+|^\s*[a-z][0-9]{1,2}[.:)\-]?\s+", re.I)
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s.:;,\-\u2013\u2014]+$")

# A short text that only reports who was (not) there or had nothing to declare.
ROLL_CALL = re.compile(
    r"^\s*(there were no|no) (apologies|declarations|disclosures|urgent items|items of urgent business)\b[^.]*\.?\s*$"
    r"|^\s*apologies (for absence )?were (received|submitted|noted) (from|on behalf of)\b",
    re.I,
)
ROLL_CALL_MAX_CHARS = 400


@lru_cache(maxsize=1)
def title_patterns() -> re.Pattern[str]:
    """The patterns of ``procedural_titles.txt`` as one compiled, whole-title, case-insensitive regex."""
    lines = []
    for raw in PATTERNS_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            re.compile(line)  # a broken line names itself
            lines.append(f"(?:{line})")
    return re.compile("|".join(lines) or r"(?!)", re.I)


def normalise_title(title: str) -> str:
    """Lower-cased title without leading item numbering, trailing punctuation or doubled spaces."""
    t = _SPACES.sub(" ", (title or "").replace("\u2019", "'")).strip()
    t = _LEADING_NUMBER.sub("", t, count=1)
    return _TRAILING.sub("", t).lower()


def is_procedural_title(title: str) -> bool:
    return bool(title) and title_patterns().fullmatch(normalise_title(title)) is not None


def is_procedural(title: str, texts: tuple[str, ...] = ()) -> bool:
    """True for a standing item: its title matches ``procedural_titles.txt``, or its only text is a
    short roll-call ("Apologies were received from ...", "There were no declarations of interest.")."""
    if is_procedural_title(title):
        return True
    body = " ".join(t for t in texts if t).strip()
    return 0 < len(body) <= ROLL_CALL_MAX_CHARS and ROLL_CALL.search(body) is not None

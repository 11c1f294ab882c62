"""Attendee names as councils publish them, shared by the web-service and HTML parsers.

Officers are often listed as "Michael Forde (Scrutiny Policy Officer)" with a generic role such as
"Officer" beside them. Left as it is, the name never matches the same person in the minutes and
the real job title is lost, so the trailing parenthesis is moved into the role. Both parsing paths
call this one function so a meeting read either way still gives equal records.
"""

from __future__ import annotations

import re

from scraper.records import Attendee

# Role-column values that say nothing beyond "attended in some capacity".
_GENERIC_ROLES = frozenset(
    {"officer", "officers", "member", "members", "committee member", "other", "attendee", "in attendance", "guest"}
)
_TRAILING_PARENTHESIS = re.compile(r"^(?P<name>.*\S)\s*\((?P<role>[^()]{2,80})\)$")
# A parenthesis that is part of a name rather than a role: a party ("(Lab)") or a ward.
_PARTY_WORDS = re.compile(r"^(?:lab|con|ld|lib dem|grn|green|ind|snp|pc|reform|ukip)$", re.IGNORECASE)
_ABBREVIATION = re.compile(r"^[A-Z]{2,5}$")


def _is_not_a_role(text: str) -> bool:
    return bool(_PARTY_WORDS.match(text) or _ABBREVIATION.match(text))


def split_name_and_role(name: str, role: str | None) -> tuple[str, str | None]:
    """Move a trailing "(Job Title)" off a published name into the role.

    The parenthesis replaces a missing or generic role; a specific role is kept and the
    parenthesis appended to it, so nothing the council published is lost.
    """
    match = _TRAILING_PARENTHESIS.match(name)
    if not match or _is_not_a_role(match.group("role").strip()):
        return name, role
    bare, title = match.group("name").strip(), match.group("role").strip()
    if not role or role.strip().lower() in _GENERIC_ROLES:
        return bare, title
    if title.lower() == role.strip().lower():
        return bare, role
    return bare, f"{role} ({title})"


def make_attendee(
    name: str,
    role: str | None,
    attendance: str | None,
    member_id: int | None = None,
    party: str | None = None,
    ward: str | None = None,
) -> Attendee:
    name, role = split_name_and_role(name, role)
    return Attendee(name=name, role=role, attendance=attendance, member_id=member_id, party=party, ward=ward)

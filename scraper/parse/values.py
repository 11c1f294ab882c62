"""Small value parsers shared by the XML and HTML parsers: dates, times, flags, numbers, statuses.

ModernGov writes dates as ``dd/mm/yyyy`` in the web service, as "Wednesday, 2nd October, 2019" in page
subtitles and as "31 Mar 2020" in meeting lists; times as "10.00 am" (GUIDE.md §7.4, §6.3). These
helpers accept all of those and nothing ambiguous: a US-style date is never guessed.
"""

from __future__ import annotations

import re
from datetime import date, time

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
# Welsh month names, as Welsh-language installs print them (busnes.senedd.cymru, democratiaeth.*).
_MONTHS.update(
    {
        "ionawr": 1, "chwefror": 2, "mawrth": 3, "ebrill": 4, "mai": 5, "mehefin": 6,
        "gorffennaf": 7, "awst": 8, "medi": 9, "hydref": 10, "tachwedd": 11, "rhagfyr": 12,
    }
)

_UK_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")
# "2nd October, 2019", "15 January 2026", "31 Mar 2020", "Sept. 3 2019" is not ModernGov. Ordinal suffixes
# include Welsh ones ("1af", "2il", "3ydd", "5ed", "15fed", "11eg", "21ain").
_TEXT_DATE = re.compile(
    r"(?:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"\b(\d{1,2})(?:st|nd|rd|th|af|il|ydd|fed|ed|eg|ain)?\s+([A-Za-z]{3,10})\.?,?\s+(\d{4})\b",
    re.IGNORECASE,
)
# A numeric date inside free text ("Meeting: 15/01/2026 - Cabinet"); dd/mm/yyyy only, never US order.
_NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
# Meridiem markers: am/pm in any punctuation, and Welsh "yb" (y bore), "yp" (y prynhawn), "yh" (yr hwyr).
_CLOCK = re.compile(
    r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|y\.?b\.?|y\.?p\.?|y\.?h\.?)(?![a-z])"
    r"|\b(\d{1,2})[.:](\d{2})\b|\b(noon|midday|canol\s+dydd)\b",
    re.IGNORECASE,
)
_STATUSES = ("cancelled", "postponed", "withdrawn", "moved", "rearranged", "confirmed", "provisional")
# Welsh-language installs' status words, mapped to the web service's English spelling.
_WELSH_STATUSES = (
    (re.compile(r"\bwedi(?:['\u2019]i)?\s+(?:ei\s+)?ganslo\b|\bcanslwyd\b", re.IGNORECASE), "Cancelled"),
    (re.compile(r"\bwedi(?:['\u2019]i)?\s+(?:ei\s+)?ohirio\b|\bgohiriwyd\b", re.IGNORECASE), "Postponed"),
)


def blank_to_none(value: str | None) -> str | None:
    """Strip; whitespace-only and empty become None (the web service pads and blanks fields)."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_flag(value: str | None) -> bool | None:
    """"True"/"False" strings (any case) to bool; anything else to None."""
    value = blank_to_none(value)
    if value is None:
        return None
    lowered = value.lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    return None


def parse_int(value: str | None) -> int | None:
    """" 2" -> 2 (leading-space counts); blank or non-numeric -> None."""
    value = blank_to_none(value)
    if value is None or not re.fullmatch(r"[+-]?\d+", value):
        return None
    return int(value)


def parse_uk_date(value: str | None) -> date | None:
    """``dd/mm/yyyy`` (optionally followed by a time) to a date; blank -> None.

    Raises ValueError for text that is not such a date, so callers can say which field was bad.
    """
    value = blank_to_none(value)
    if value is None:
        return None
    match = _UK_DATE.match(value)
    if not match:
        raise ValueError(f"not a dd/mm/yyyy date: {value!r}")
    day, month, year = (int(part) for part in match.groups())
    return date(year, month, day)


def find_text_date(text: str) -> date | None:
    """The first written date in ``text``: "Wednesday, 2nd October, 2019", "31 Mar 2020", "14 November 2019".

    Weekday names are optional and not checked against the date (weekend meetings exist), and the
    search ignores what precedes the date, so hyphenated committee names cannot break it. Welsh month
    names and ordinals are read too ("15fed Ionawr 2026"); a ``dd/mm/yyyy`` date is the fallback.
    """
    found = find_text_date_span(text)
    return found[0] if found else None


def find_text_date_span(text: str) -> tuple[date, int] | None:
    """Like ``find_text_date`` but also returns where the date ends, to look for a time after it.

    A written date wins; failing that, a ``dd/mm/yyyy`` date in the text (some installs' subtitles and
    "Meeting:" links print dates that way).
    """
    for match in _TEXT_DATE.finditer(text):
        day, month_name, year = match.groups()
        month = _MONTHS.get(month_name.lower())
        if month is None:
            continue
        try:
            return date(int(year), month, int(day)), match.end()
        except ValueError:
            continue
    for match in _NUMERIC_DATE.finditer(text):
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day), match.end()
        except ValueError:
            continue
    return None


def parse_clock_time(value: str | None) -> time | None:
    """The first clock time in ``value``: "10.00 am", "6.30pm", "7 pm", "14:30", "12 noon", "2.00 yp"; else None.

    Times are free text on many installs ("TBC", "Rising of Cabinet"), so an unreadable time is simply
    unknown rather than an error.
    """
    value = blank_to_none(value)
    if value is None:
        return None
    match = _CLOCK.search(value)
    if not match:
        return None
    hour_ampm, minute_ampm, meridiem, hour_24, minute_24, noon = match.groups()
    if noon:
        return time(12, 0)
    if meridiem:
        hour, minute = int(hour_ampm), int(minute_ampm or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        marker = meridiem.lower().replace(".", "")
        is_pm = marker.startswith("p") or marker in ("yp", "yh")
        hour = (hour % 12) + (12 if is_pm else 0)
        return time(hour, minute)
    hour, minute = int(hour_24), int(minute_24)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def find_status(text: str | None) -> str | None:
    """A meeting status word in page text ("CANCELLED", "Postponed") as the web service spells it."""
    if not text:
        return None
    for status in _STATUSES:
        if re.search(rf"\b{status}\b", text, re.IGNORECASE):
            return status.capitalize()
    return find_welsh_status(text)


def find_welsh_status(text: str | None) -> str | None:
    """A Welsh status marker ("WEDI'I GANSLO", "Gohiriwyd") as the web service's English word."""
    if not text:
        return None
    for pattern, status in _WELSH_STATUSES:
        if pattern.search(text):
            return status
    return None


__all__ = [
    "blank_to_none",
    "parse_flag",
    "parse_int",
    "parse_uk_date",
    "find_text_date",
    "find_text_date_span",
    "parse_clock_time",
    "find_status",
    "find_welsh_status",
]

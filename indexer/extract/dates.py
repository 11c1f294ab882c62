"""When a promise falls due: dates and time phrases in commitments, resolved against the meeting.

"14 November" said at a meeting in October 2019 means 2019-11-14; said in December 2019 it means
2020-11-14 (promises point forward). Phrases with no single day ("by the end of March", "the next
meeting", "in six months") are kept as text: turning them into a day would invent precision.
"""

from __future__ import annotations

import re
from datetime import date

from dateutil import parser as du_parser

from indexer.extract.lexicon import MONTH_ALT

_ORD = r"(?:st|nd|rd|th)?"
_DAY_NAME = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \t]+)?"
_DATE = re.compile(
    rf"(?P<dmy>\b{_DAY_NAME}(?P<d1>[0-3]?\d){_ORD}(?:[ \t]+of)?[ \t]+(?P<m1>{MONTH_ALT})\b\.?(?:,?[ \t]+(?P<y1>(?:19|20)\d\d))?)"
    rf"|(?P<mdy>\b{_DAY_NAME}(?P<m2>{MONTH_ALT})[ \t]+(?P<d2>[0-3]?\d){_ORD}\b(?:,?[ \t]+(?P<y2>(?:19|20)\d\d))?)"
    rf"|(?P<num>\b(?P<d3>[0-3]?\d)[/.](?P<m3>[01]?\d)[/.](?P<y3>(?:19|20)?\d\d)\b)"
    rf"|(?P<iso>\b(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)\b)"
)
_VAGUE = re.compile(
    rf"(?i)\b(?:(?:by|before|until|in|within|during|at|for|from|after|over)[ \t]+)?"
    rf"(?:(?:the[ \t]+)?(?:end|beginning|start|middle|close)[ \t]+of[ \t]+(?:the[ \t]+)?(?:{MONTH_ALT}|"
    rf"(?:this|next|the)?[ \t]*(?:month|year|municipal[ \t]+year|financial[ \t]+year|calendar[ \t]+year|"
    rf"quarter|term|summer|autumn|winter|spring))(?:[ \t]+(?:19|20)\d\d)?"
    rf"|(?:the[ \t]+)?(?:next|following|subsequent|forthcoming|future|a[ \t]+future|an[ \t]+upcoming|"
    rf"upcoming|following)[ \t]+(?:meeting|scheduled[ \t]+meeting|ordinary[ \t]+meeting|session)"
    rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){{0,4}})?"
    rf"|(?:next|this|the[ \t]+coming|the[ \t]+next)[ \t]+(?:week|month|year|municipal[ \t]+year|"
    rf"financial[ \t]+year|quarter|cycle|round|few[ \t]+(?:weeks|months|days))"
    rf"|(?:the[ \t]+)?new[ \t]+(?:municipal|financial|calendar|academic|school)[ \t]+year"
    rf"|(?:\w+|\d+)[ \t]+(?:weeks?|months?|years?|days?)(?:['’]?[ \t]+time)?"
    rf"|(?:the[ \t]+)?(?:spring|summer|autumn|winter|new[ \t]+year)(?:[ \t]+(?:of[ \t]+)?(?:19|20)\d\d)?"
    rf"|(?:{MONTH_ALT})(?:[ \t]+(?:19|20)\d\d)?"
    rf"|(?:Q[1-4]|quarter[ \t]+[1-4])(?:[ \t]+(?:19|20)\d\d(?:/\d\d)?)?"
    rf"|due[ \t]+course|the[ \t]+near[ \t]+future|the[ \t]+autumn|the[ \t]+spring|the[ \t]+summer"
    rf"|the[ \t]+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    rf"[ \t]+meeting|as[ \t]+soon[ \t]+as[ \t]+(?:possible|practicable)|shortly)\b"
)
_NEEDS_PREP = re.compile(r"(?i)^(?:\w+|\d+)[ \t]+(?:weeks?|months?|years?|days?)")


def find_due(text: str, meeting: date | None) -> tuple[date | None, str | None]:
    """The first date or time phrase in a commitment, resolved when it names a day."""
    m = _DATE.search(text)
    if m:
        due_text = m.group(0).strip()
        return _resolve(m, meeting), due_text
    for v in _VAGUE.finditer(text):
        phrase = v.group(0).strip()
        words = phrase.lower().split()
        if _NEEDS_PREP.match(phrase):
            continue  # "six months" with no "in/within/by": a duration, not a due time
        if words and words[0] in ("for", "over", "from", "after") and len(words) < 3:
            continue
        if re.fullmatch(rf"(?i){MONTH_ALT}", phrase) and phrase.lower() in ("may", "march"):
            continue  # modal "may", verb "march"
        return None, re.sub(r"(?i)^(?:at|on|during|for)\s+", "", phrase)
    return None, None


def _resolve(m: re.Match[str], meeting: date | None) -> date | None:
    try:
        if m.group("iso"):
            return date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
        if m.group("num"):
            year = int(m.group("y3"))
            if year < 100:
                year += 2000
            return date(year, int(m.group("m3")), int(m.group("d3")))
        day = int(m.group("d1") or m.group("d2"))
        month_word = m.group("m1") or m.group("m2")
        year_s = m.group("y1") or m.group("y2")
        month = du_parser.parse(f"1 {month_word} 2000").month
        if year_s:
            return date(int(year_s), month, day)
        if meeting is None:
            return None
        candidate = date(meeting.year, month, day)
        if candidate < meeting and (meeting - candidate).days > 31:
            candidate = date(meeting.year + 1, month, day)
        return candidate
    except (ValueError, OverflowError, du_parser.ParserError):
        return None

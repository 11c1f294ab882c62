"""Who was there: "Present:", "Also present:", "In attendance:", "Apologies ... from" lists.

Attendance lists are the one structured thing in minutes prose: a label and a list of names,
usually "Councillor Smith (Chair), Councillors Jones and Brown" or one name per line. Names keep
their "Councillor" prefix (plural prefixes are distributed: "Councillors A and B" gives
"Councillor A", "Councillor B"); a bracketed role ("(Chair)") or an appositive ("Jo Bloggs - Head
of Planning") becomes the role. Nothing else about a person is kept.
"""

from __future__ import annotations

import re

from indexer.extract import lexicon as lx
from indexer.extract.model import AttendeeMention

_LABEL = re.compile(
    r"(?im)^[ \t\u00a0•·]*(?:\d{1,3}[.)]?[ \t]+)?(?:[A-Z][\w'’]*(?:[ \t]+[\w'’]+){0,3}[ \t]*/[ \t]*)?(?P<label>"
    r"Councillors[ \t]+present|Members[ \t]+present|Present|PRESENT|Also[ \t]+present|ALSO[ \t]+PRESENT|"
    r"Also[ \t]+in[ \t]+attendance|In[ \t]+attendance|IN[ \t]+ATTENDANCE|Officers[ \t]+present|"
    r"Officers[ \t]+in[ \t]+attendance|Officers|OFFICERS|Absent|ABSENT|Apologies(?:[ \t]+for[ \t]+absence)?|"
    r"APOLOGIES(?:[ \t]+FOR[ \t]+ABSENCE)?|Apologies[ \t]+for[ \t]+absence[ \t]+were[ \t]+(?:received|submitted|"
    r"tendered|noted)[ \t]+(?:from|on[ \t]+behalf[ \t]+of))"
    r"(?:[ \t]+(?:were[ \t]+)?(?:received|submitted|tendered|noted)[ \t]+(?:from|on[ \t]+behalf[ \t]+of))?"
    r"[ \t]*(?:[:\-–—][ \t]*|(?<=from)[ \t]+|(?<=of)[ \t]+|\n)"
)
_APOLOGIES_SENTENCE = re.compile(
    r"(?i)\bapologies(?:\s+for\s+(?:absence|lateness))?\s+(?:were|was|had\s+been)\s+(?:received|submitted|"
    r"tendered|given|noted|reported)\s+(?:from|on\s+behalf\s+of|by)\s+(?P<list>[^.\n]+)"
)
_STATUS = (
    ("apolog", "apologies"),
    ("absent", "absent"),
    ("also", "in_attendance"),
    ("attendance", "in_attendance"),
    ("officer", "in_attendance"),
    ("present", "present"),
)
_SPLIT = re.compile(r"\s*(?:[;\n]|,(?!\s*(?:the\s+)?(?:Head|Director|Chief|Manager|Officer|Clerk|Solicitor|Adviser|Advisor|Lead|Co-?ordinator|Senior|Principal|Assistant|Deputy)\b)|\band\b(?!\s+(?:Protection|Health|Wellbeing|Housing|Safety|Communities|Regeneration|Planning|Transport|Environment|Education|Skills|Culture|Leisure|Resources|Governance|Finance|Performance|Customer|Adult|Social|Children|Families|Neighbourhoods|Place|Growth|Economy|Development|Democratic|Legal|Scrutiny)\b)|&)\s*")
_ROLE_PAREN = re.compile(r"\s*\((?P<role>[^()]{1,60})\)\s*")
_ROLE_DASH = re.compile(r"\s+[-–—]\s+(?P<role>.+)$|,\s*(?P<role2>(?:the\s+)?[A-Z].+)$")
_PREFIX_PLURAL = re.compile(r"(?i)^(?:Councillors|Cllrs\.?|Cynghorwyr)\s+")
_PREFIX_SINGLE = re.compile(r"(?i)^(?:Councillor|Cllr\.?|Cyng\.|Cynghorydd)\s+")
_NOT_NAME = re.compile(r"(?i)^(?:none|nil|n/a|no\s+apologies|there\s+were\s+no|the\s+committee|members|all|also|councillors?)$")
_PARTY = re.compile(r"(?i)^(?:lab|labour|con|conservative|lib\s*dem|ld|liberal\s+democrats?|green|ind|independent|ukip|reform|snp|plaid)$")


def find_attendees(text: str, start: int, end: int) -> list[AttendeeMention]:
    out: list[AttendeeMention] = []
    seen: set[tuple[str, str]] = set()
    for m in _LABEL.finditer(text, start, end):
        label = m.group("label").lower()
        status = next(s for key, s in _STATUS if key in label)
        body_end = _list_end(text, m.end(), end)
        _add_list(text[m.end():body_end], status, out, seen)
    for m in _APOLOGIES_SENTENCE.finditer(text, start, end):
        _add_list(m.group("list"), "apologies", out, seen)
    return out


def _list_end(text: str, pos: int, end: int) -> int:
    """A list runs to a blank line or the next label; a one-line list to the end of its line."""
    blank = re.compile(r"\n[ \t\u00a0]*\n").search(text, pos, end)
    stop = blank.start() if blank else end
    nxt = _LABEL.search(text, pos, stop)
    if nxt:
        stop = nxt.start()
    return min(stop, pos + 3000)


def _add_list(body: str, status: str, out: list[AttendeeMention], seen: set[tuple[str, str]]) -> None:
    body = body.strip().rstrip(".")
    if not body or len(body) > 3000:
        return
    prefix = None
    for raw in _SPLIT.split(body):
        item = raw.strip(" .•·\t\u00a0")
        if not item:
            continue
        if _PREFIX_PLURAL.match(item):
            prefix = "Councillor"
            item = _PREFIX_PLURAL.sub("", item)
        elif _PREFIX_SINGLE.match(item):
            prefix = "Councillor" if prefix else None
            item = _PREFIX_SINGLE.sub("", item)
            item = "Councillor " + item
        role = None
        for pm in list(_ROLE_PAREN.finditer(item)):
            inner = pm.group("role").strip()
            if not _PARTY.match(inner) and not inner.isupper():
                role = role or inner
        item = _ROLE_PAREN.sub(" ", item).strip()
        dm = _ROLE_DASH.search(item)
        if dm:
            role = role or (dm.group("role") or dm.group("role2")).strip()
            item = item[:dm.start()].strip()
        if re.search(r"(?i)\bin\s+the\s+chair\b", item):
            item = re.sub(r"(?i)\s*\bin\s+the\s+chair\b", "", item).strip()
            role = role or "Chair"
        if not item or _NOT_NAME.match(item) or not re.match(r"[A-ZÀ-Þ]", item) or len(item) > 80:
            continue
        if len(item.split()) > 6:
            continue
        if prefix and not item.lower().startswith("councillor") and not re.match(r"(?i)(?:mr|mrs|ms|miss|dr)\b", item):
            item = f"{prefix} {item}"
        item = re.sub(r"\s+", " ", item)
        key = (item.lower(), status)
        if key in seen:
            continue
        seen.add(key)
        out.append(AttendeeMention(name=item, role=role, status=status))


# ------------------------------------------------------------------ where the lists are (for speakers)

# The labels that open a list of who attended. A name in such a list is an attendee, never a
# speaker: what the person then does is reported in the narrative, and that is the mention.
_ROLL_LABEL = re.compile(
    r"[ \t\u00a0•·*-]*(?:\d{1,3}[.)]?[ \t]+)?"
    # bilingual labels put the Welsh first: "Presennol / Present:", "Swyddogion / Officers:"
    r"(?:[A-Z][\w'’]*(?:[ \t]+[\w'’]+){0,3}[ \t]*/[ \t]*)?"
    r"(?:(?P<strong>(?i:Present|Members[ \t]+present|Councillors[ \t]+present|Also[ \t]+present|Also[ \t]+in[ \t]+attendance|"
    r"In[ \t]+attendance|Officers[ \t]+(?:present|in[ \t]+attendance)|Also[ \t]+attending|Attending|Attendees|Sederunt))"
    r"[ \t]*(?:[:\-–—][ \t]*|\n)"
    r"|(?P<weak>(?:[A-Z][\w-]*[ \t]+){0,3}(?:[Mm]embers|[Rr]epresentatives|[Oo]rganisations|[Oo]fficers|[Aa]ttendees|"
    r"[Oo]bservers|[Gg]uests|[Ss]ubstitutes|[Aa]dvisers|[Pp]artners|[Ss]ide|[Ii]n[ \t]+attendance|[Pp]resent)|"
    r"MEMBERS|OFFICERS|COUNCILLORS|Councillors|Clerk|CLERK|Attendance|ATTENDANCE|Apologies|APOLOGIES|Substitutions?)"
    r"[ \t]*[:–—][ \t]*"
    # a bare "Members:" opens a list only when names follow, not "Members: raised a concern ..."
    r"(?=(?:Councillors?|Cllrs?\.?|Cyng\.|Mr|Mrs|Ms|Miss|Dr|Captain|Alderman|(?:[A-Z]\.?[ \t]){1,3}[A-Z]|[A-Z][a-z]+[ \t]+[A-Z])\b))"
)
_MINUTE_HEADING = re.compile(r"^[ \t]*(?:\d{1,3}(?:[./]\d{1,3})*[.)]?[ \t]|[A-Z]{2,}[ \t]+[A-Z]{2,})")
_NARRATIVE_VERB = re.compile(rf"\b(?:(?i:{lx._VERB_ALT})|was|were|had|has|would|will|RESOLVED)\b")
_ENTRY_LINE = re.compile(
    r"^[ \t\u00a0•·*-]*(?:(?:County|District|Borough|Town|Parish)[ \t]+)?(?:Councillors?|Cllrs?\.?|Cyng\.|Mr|Mrs|Ms|Miss|Mx|Dr|"
    r"Alderman|Captain|Professor|Prof|Revd?|Canon|(?:[A-Z]\.?[ \t]){1,3}[A-Z][a-z]|[A-Z][a-z]+[ \t]+[A-Z][a-z]+[ \t]*(?:\(|[-–—,]|$))")


def _roll_labels(text: str, start: int, end: int):
    """Labels at the start of a line, or after a full stop or semicolon on a line with a colon
    ("... Cllr O Tait. Clerk: Ms R Penhaligon"). Lines are walked with string methods: a regex
    tried at every offset costs more than the whole list search."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        m = _ROLL_LABEL.match(text, pos, end)
        if m:
            yield m
        elif text.find(":", pos, line_end) >= 0:
            for stop in _STOP_IN_LINE.finditer(text, pos, line_end):
                m = _ROLL_LABEL.match(text, stop.end(), end)
                if m:
                    yield m
                    break
        pos = line_end + 1


_STOP_IN_LINE = re.compile(r"[.;]")


def roll_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of text[start:end] that are lists of who attended ("Present: ...",
    "In attendance: ...", "Officers: ...", "Sederunt: ..."), from just after the label to the end
    of the list: the rest of the line, and the lines after it while the list goes on (the label
    stood alone, the line ended on a comma or "and", or the next line is one more name), never
    past a blank line, a minute heading or a line that reports something."""
    spans: list[tuple[int, int]] = []
    for m in _roll_labels(text, start, end):
        s = m.end()
        nl = text.find("\n", s, end)
        e = end if nl < 0 else nl
        if text[m.start():s].endswith("\n"):  # "Present\n": the list is on the following lines
            e = s - 1
        while e < end:
            nxt = text.find("\n", e + 1, end)
            line = text[e + 1:end if nxt < 0 else nxt]
            prev = text[max(s, e - 6):e].rstrip()
            goes_on = e < s or prev.endswith((",", ";", "&", " and")) or bool(_ENTRY_LINE.match(line))
            if not goes_on or not line.strip() or _MINUTE_HEADING.match(line) or _NARRATIVE_VERB.search(line) \
                    or _ROLL_LABEL.match(line) or len(line) > 200:
                break
            e = end if nxt < 0 else nxt
        if e <= s:
            continue
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans

"""Parsers for ``mgWebService.asmx`` responses (GUIDE.md §7): pure ``bytes -> records`` functions.

Every trap of GUIDE.md §8.1 is handled here:
- the root element is checked first, because WAFs and disabled services answer 200 with HTML
  (``NotWebServiceXML``);
- fields are read from direct children only (``recursive=False``): ``meetingdate``, ``title`` and
  friends repeat at several levels;
- values are stripped (leading-space counts), whitespace-only means absent, flags are "True"/"False";
- dates are ``dd/mm/yyyy``, times "10.00 am"; meeting lists also accept the other date forms some
  installs send (``parse_ws_date``: with a time, ISO) and are read row by row, so one odd row never
  costs the rest of the list (``parse_meeting_rows``); ``GetMeeting``'s date accepts the same forms,
  and anything else there is a ParseError naming the field (the meeting's HTML pages stand in);
- ``agendatext``/``minutesnonemptyhtmlbody`` hold escaped (sometimes double-escaped) HTML, cleaned by
  ``text.html_to_text`` exactly as the HTML pages are, so both paths give equal records once the
  decisions, which the service does not carry, are taken from the meeting page;
- the printed number is ``fulldisplaynumberformat``, else ``minutesitemnumber`` (``agendaitemnumber`` is
  internal and never used; 0 is a heading);
- ``isrestricted=True`` items keep their title only, even when the server sends their text;
- a SOAP envelope or ASP.NET ``<string>`` wrapper around the answer is unwrapped; sub-items nested in
  their parent ``<agendaitem>`` are read as items of their own;
- attendees keep name, role, attendance, member id, party and ward, never contact details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bs4 import BeautifulSoup
from bs4.element import Tag

from scraper.records import AgendaItem, Attendee, Committee, Document, Meeting

from .attendees import make_attendee
from .encoding import decode_xml
from .errors import NotWebServiceXML, ParseError
from .text import absolute_url, clean_inline, html_to_text
from .types import ParsedMeeting
from .urls import item_url, meeting_url
from .values import blank_to_none, find_text_date, parse_clock_time, parse_flag, parse_int

WS_ROOTS = {
    "GetCommittees": "committees",
    "GetMeetings": "getmeetings",
    "GetAllMeetingsByDate": "getmeetingsbydate",
    "GetMeeting": "meeting",
    "GetCouncillorsByWard": "councillorsbyward",
}

# The web service has no decision text (GUIDE.md §3, §7.3: no real answer carries any), so the parser
# reads none: decisions come from the meeting page (``harvest_build.with_meeting_page``). These guessed
# names are only emptied from exempt items by ``redact``, in case some install does send one.
_DECISION_FIELDS = ("decisionnonemptyhtmlbody", "decisionhtmlbody", "decisiontext")


# Wrappers around the operation's own XML: a SOAP 1.1/1.2 answer (<Envelope><Body><OpResponse><OpResult>)
# and ASP.NET's string-typed answer (<string xmlns="…">&lt;committees&gt;…</string>), whose payload is
# the XML escaped as text.
_WRAPPERS = frozenset({"Envelope", "Body", "string"})


def _element_children(element: Tag) -> list[Tag]:
    return [child for child in element.children if isinstance(child, Tag)]


def _unwrap(root: Tag, names: tuple[str, ...], depth: int = 0) -> Tag | None:
    """The operation's element inside a SOAP envelope or a string wrapper, or None."""
    if root.name in names:
        return root
    if depth > 2:
        return None
    if root.name in _WRAPPERS or root.name.endswith(("Response", "Result")):
        found = root.find(list(names))
        if found is not None:
            return found
        text = root.get_text().strip()
        if text.startswith("<") and not _element_children(root):
            inner = BeautifulSoup(text, "xml").find(True)
            if inner is not None:
                return _unwrap(inner, names, depth + 1)
    return None


def ws_root(body: bytes | str, expected: str | tuple[str, ...], url: str | None = None) -> Tag:
    """The operation's root element, checked against the expected root name(s).

    The plain GET answer is the root itself; a SOAP envelope (POST transport, or a proxy that always
    answers SOAP) and ASP.NET's ``<string>`` wrapper holding escaped XML are unwrapped first.
    """
    names = (expected,) if isinstance(expected, str) else expected
    if not body or not body.strip():
        raise NotWebServiceXML("empty body where web-service XML was expected", url)
    soup = BeautifulSoup(decode_xml(body), "xml")
    root = soup.find(True)
    if root is None:
        raise NotWebServiceXML(f"no XML element where <{names[0]}> was expected", url)
    unwrapped = _unwrap(root, names)
    if unwrapped is None:
        raise NotWebServiceXML(f"expected web-service root <{'> or <'.join(names)}>, got <{root.name}>", url)
    return unwrapped


def _children(element: Tag) -> dict[str, Tag]:
    """Direct child elements by name (the first of each name), computed once per element."""
    cached = element.__dict__.get("_ws_children")
    if cached is None:
        cached = {}
        for child in element.children:
            name = getattr(child, "name", None)
            if name is not None and name not in cached:
                cached[name] = child
        element._ws_children = cached  # type: ignore[attr-defined]
    return cached


def field(element: Tag, name: str) -> str | None:
    """A direct child's stripped text; missing or whitespace-only -> None (never a deeper namesake)."""
    child = _children(element).get(name)
    if child is None:
        return None
    return blank_to_none(child.get_text())


def _required_int(element: Tag, name: str, context: str, url: str | None) -> int:
    value = parse_int(field(element, name))
    if value is None:
        raise ParseError(f"<{context}> without a numeric <{name}>", url)
    return value


def _date_field(element: Tag, name: str, context: str, url: str | None):
    """A date field (``parse_ws_date``'s forms); anything else is a ParseError naming the field."""
    try:
        return parse_ws_date(field(element, name))
    except ValueError as error:
        raise ParseError(f"<{context}>/<{name}>: {error}", url) from None


def parse_committees(body: bytes | str, site: str, *, url: str | None = None) -> list[Committee]:
    """``GetCommittees``: every committee, including expired and deleted ones (flagged)."""
    root = ws_root(body, WS_ROOTS["GetCommittees"], url)
    committees: list[Committee] = []
    for element in root.find_all("committee", recursive=False):
        committees.append(
            Committee(
                site=site,
                committee_id=_required_int(element, "committeeid", "committee", url),
                title=clean_inline(field(element, "committeetitle")),
                category=blank_to_none(clean_inline(field(element, "committeecategory"))),
                expired=parse_flag(field(element, "committeeexpired")) is True,
                deleted=parse_flag(field(element, "committeedeleted")) is True,
            )
        )
    return committees


# Numeric dates as installs write them: day first ("10/02/2026", "10-02-2026", "10.02.2026", with or
# without a time), or year first as ISO ("2026-02-10", "2026-02-10T00:00:00+01:00", "20260210").
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/.-])")
_YEAR_FIRST = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?![\d-])")


def parse_ws_date(value: str | None) -> date | None:
    """A date from the web service; blank -> None.

    ``dd/mm/yyyy`` is what installs send (GUIDE.md §7.4), but some add a time ("10/02/2026 00:00:00")
    or send ISO ("2026-02-10T00:00:00"). Accepted: day-first numeric dates (``/``, ``-`` or ``.``),
    ISO year-first dates (the date as written: an offset is not applied, the council's own day is
    kept), and written dates ("Tuesday, 10 February 2026"), each optionally followed by a time. A
    US-style month-first date is never guessed. Raises ValueError for anything else, including
    impossible dates and dates without a day ("Feb 2026").
    """
    text = blank_to_none(value)
    if text is None:
        return None
    for pattern, order in ((_DAY_FIRST, (3, 2, 1)), (_YEAR_FIRST, (1, 2, 3))):
        found = pattern.match(text)
        if found is not None:
            year, month, day = (int(found.group(i)) for i in order)
            return date(year, month, day)  # ValueError for 31/02
    written = find_text_date(text)
    if written is not None:
        return written
    raise ValueError(f"not a date: {text!r}")


@dataclass(frozen=True)
class MeetingRows:
    """A meeting list read row by row: the meetings, and one reason per row that was not read in full
    (a row without a usable meeting id is left out; one with an unreadable date is kept, dateless)."""

    meetings: tuple[Meeting, ...]
    problems: tuple[str, ...] = ()
    rows: int = 0  # <meeting> rows in the answer

    @property
    def failed(self) -> bool:
        """True when the answer had rows but not one usable meeting: the list as a whole failed."""
        return self.rows > 0 and not self.meetings


def parse_meeting_rows(
    body: bytes | str, site: str, *, base_url: str | None = None, url: str | None = None
) -> MeetingRows:
    """``GetMeetings`` (grouped by committee) or ``GetAllMeetingsByDate`` (flat or grouped), row by row.

    Each meeting's committee is its own ``committeeid`` when present, else its enclosing
    ``<committee>``'s. Venue and attendees are not in these lists (``GetMeeting`` has them).
    ``source_url`` is set when ``base_url`` is given. One odd row never costs the others: a row
    without a numeric ``meetingid`` or any committee id is left out, and one whose date is not a
    date (``parse_ws_date``) is kept with no date; each is named in ``problems``. Raises
    ``NotWebServiceXML`` only when the answer as a whole is not this operation's XML.
    """
    root = ws_root(body, (WS_ROOTS["GetMeetings"], WS_ROOTS["GetAllMeetingsByDate"]), url)
    meetings: list[Meeting] = []
    problems: list[str] = []
    elements = root.find_all("meeting")
    for number, element in enumerate(elements, start=1):
        meeting_id = parse_int(field(element, "meetingid"))
        if meeting_id is None:
            problems.append(f"<meeting> row {number} has no numeric <meetingid> "
                            f"({field(element, 'meetingid')!r}); left out")
            continue
        committee_id = parse_int(field(element, "committeeid"))
        if committee_id is None:
            parent = element.find_parent("committee")
            committee_id = parse_int(field(parent, "committeeid")) if parent is not None else None
        if committee_id is None:
            problems.append(f"<meeting> {meeting_id} has no <committeeid> of its own or in its <committee>; left out")
            continue
        raw_date = field(element, "meetingdate")
        try:
            meeting_date = parse_ws_date(raw_date)
        except ValueError:
            meeting_date = None
            problems.append(f"<meeting> {meeting_id}: <meetingdate> {raw_date!r} is not a date; listed without one")
        meetings.append(
            Meeting(
                site=site,
                meeting_id=meeting_id,
                committee_id=committee_id,
                date=meeting_date,
                time=parse_clock_time(field(element, "meetingtime")),
                status=field(element, "meetingstatus"),
                source_url=meeting_url(base_url, committee_id, meeting_id) if base_url else None,
            )
        )
    return MeetingRows(tuple(meetings), tuple(problems), len(elements))


def parse_meetings(
    body: bytes | str, site: str, *, base_url: str | None = None, url: str | None = None
) -> list[Meeting]:
    """``parse_meeting_rows``, strictly: the meetings, or ``ParseError`` naming the first row that was
    not read in full. For callers that cannot report a row's problem; the crawler uses the rows."""
    rows = parse_meeting_rows(body, site, base_url=base_url, url=url)
    if rows.problems:
        raise ParseError(rows.problems[0], url)
    return list(rows.meetings)


def _venue(element: Tag) -> str | None:
    location = clean_inline(field(element, "meetinglocation")) or None
    room = clean_inline(field(element, "meetingroom")) or None
    if room and location and room.lower() not in location.lower():
        return f"{room}, {location}"
    return location or room


def _display_number(element: Tag) -> str | None:
    """The item's number as printed: ``fulldisplaynumberformat`` ("1.", "4a"); when that is blank,
    ``minutesitemnumber`` and its sub-number, which match the printed number (GUIDE.md §7.3: 1 and 9
    for items printed "1." and "9."). ``agendaitemnumber`` is internal (4 and 12 for the same items)
    and never shown: an item without either number has none (0 is a heading's)."""
    printed = field(element, "fulldisplaynumberformat")
    if printed:
        return printed
    number = parse_int(field(element, "minutesitemnumber"))
    if not number:  # None or 0: a heading, or no number at all
        return None
    sub = field(element, "minutesitemsubnumber") or field(element, "agendaitemsubnumber") or ""
    return f"{number}{sub}" if sub else f"{number}."


def _documents(
    element: Tag, base_url: str, skipped: list[str]
) -> tuple[Document, ...]:
    container = element.find("linkeddocuments", recursive=False)
    if container is None:
        return ()
    documents: list[Document] = []
    seen: set[str] = set()
    for doc in container.find_all("linkeddoc", recursive=False):
        if parse_flag(field(doc, "isrestricted")):
            continue  # an exempt appendix: not public, no usable link
        raw_url = field(doc, "url")
        title = clean_inline(field(doc, "title"))
        absolute = absolute_url(raw_url, base_url)
        if absolute is None:
            if raw_url:
                skipped.append(raw_url)
            continue
        if absolute in seen:
            continue
        seen.add(absolute)
        try:
            published = parse_ws_date(field(doc, "publicationdate"))
        except ValueError:
            published = None
        documents.append(
            Document(
                title=title or absolute.rsplit("/", 1)[-1],
                url=absolute,
                attachment_id=parse_int(field(doc, "attachmentid")),
                published=published,
            )
        )
    return tuple(documents)


def _attendees(root: Tag) -> tuple[Attendee, ...]:
    container = root.find("attendees", recursive=False)
    if container is None:
        return ()
    attendees: list[Attendee] = []
    for element in container.find_all("attendee", recursive=False):

        def value(name: str) -> str | None:
            # Attributes in the installs seen; a child element of the same name is accepted too.
            found = element.get(name)
            return found if found is not None else field(element, name)

        name = clean_inline(value("name"))
        if not name:
            continue
        # Only public-role facts are kept; addresses, phones and e-mails are never read.
        attendees.append(
            make_attendee(
                name=name,
                role=blank_to_none(clean_inline(value("roledescription"))),
                attendance=blank_to_none(clean_inline(value("attendance"))),
                member_id=parse_int(value("memberid")),
                party=blank_to_none(clean_inline(value("politicalparty"))),
                ward=blank_to_none(clean_inline(value("ward"))),
            )
        )
    return tuple(attendees)


def parse_meeting(
    body: bytes | str, site: str, committee_id: int, base_url: str, *, url: str | None = None
) -> ParsedMeeting:
    """``GetMeeting``: the meeting, its agenda items in order, and its attendees.

    ``GetMeeting`` does not say which committee the meeting belongs to, so the caller passes it.
    Two things are not in the web service and are left empty here: items' decision text and
    meeting-level documents (packs, printed minutes). Only the HTML meeting page has them;
    ``harvest_build.with_meeting_page`` completes the meeting from it.
    """
    root = ws_root(body, WS_ROOTS["GetMeeting"], url)
    meeting_id = _required_int(root, "meetingid", "meeting", url)
    skipped: list[str] = []
    items: list[AgendaItem] = []
    container = root.find("agendaitems", recursive=False)
    # Sub-items may be nested inside their parent item (<agendaitem>…<agendaitems><agendaitem>): all are
    # read, in document order, each once.
    elements = container.find_all("agendaitem") if container is not None else root.find_all("agendaitem")
    seen_ids: set[int] = set()
    position = -1
    for element in elements:
        item_id = _required_int(element, "agendaitemid", "agendaitem", url)
        if item_id in seen_ids:
            continue
        seen_ids.add(item_id)
        position += 1
        restricted = parse_flag(field(element, "isrestricted")) is True
        if restricted:
            agenda_text = minutes_text = ""
            documents: tuple[Document, ...] = ()
        else:
            agenda_text = html_to_text(field(element, "agendatext"))
            minutes_text = html_to_text(field(element, "minutesnonemptyhtmlbody"))
            documents = _documents(element, base_url, skipped)
        items.append(
            AgendaItem(
                site=site,
                item_id=item_id,
                meeting_id=meeting_id,
                committee_id=committee_id,
                number=_display_number(element),
                title=clean_inline(field(element, "agendaitemtitle")),
                agenda_text=agenda_text,
                minutes_text=minutes_text,
                restricted=restricted,
                position=position,
                source_url=item_url(base_url, item_id),
                documents=documents,
            )
        )
    meeting = Meeting(
        site=site,
        meeting_id=meeting_id,
        committee_id=committee_id,
        date=_date_field(root, "meetingdate", "meeting", url),
        time=parse_clock_time(field(root, "meetingtime")),
        status=field(root, "meetingstatus"),
        venue=_venue(root),
        source_url=meeting_url(base_url, committee_id, meeting_id),
        attendees=_attendees(root),
    )
    return ParsedMeeting(meeting=meeting, items=tuple(items), skipped_links=tuple(skipped))


__all__ = [
    "WS_ROOTS",
    "ws_root",
    "field",
    "parse_ws_date",
    "MeetingRows",
    "parse_committees",
    "parse_meeting_rows",
    "parse_meetings",
    "parse_meeting",
]

"""Record pages with stable URLs: item, meeting, committee, person and topic.

Every page is read from the index through the search API: an item by id, a meeting's agenda as
the items whose meeting key matches, and committee/person/topic histories as filtered searches
whose facet counts give the "over time" and "where" summaries.
"""

from __future__ import annotations

import re
from dataclasses import replace

from flask import Blueprint, abort, current_app, render_template, request, url_for

from archive.backend import get_backend
from archive.highlighting import highlight_text
from archive.params import MAX_FILTER_VALUE_LENGTH, parse_page
from archive.templating import page_numbers
from archive.urlstate import current_state, has_search_state, query_string
from archive.views.common import last_page, limits, run_search
from indexer.search_api import BadRequest, ItemDetail, SearchHit, SearchRequest

bp = Blueprint("pages", __name__)


@bp.get("/items/<path:item_id>")
def item(item_id: str) -> str:
    backend = get_backend()
    detail = backend.get_item(item_id)
    if detail is None:
        abort(404)
    q = request.args.get("q", "").strip()
    if len(q) > limits().max_query_length:
        raise BadRequest(f"The search text is too long ({len(q):,} characters; the limit is {limits().max_query_length:,}).")
    related = backend.more_like_this(item_id, limit=int(current_app.config["RELATED_ITEMS"]))
    state = current_state()
    back_url = url_for("search.results") + "?" + query_string(state) if has_search_state() and state else None
    return render_template(
        "item.html",
        item=detail,
        q=q,
        agenda_html=highlight_text(detail.agenda_text, q),
        minutes_html=highlight_text(detail.minutes_text, q),
        decision_html=highlight_text(detail.decision_text, q),
        related=related,
        header_q=q,
        back_url=back_url,
        canonical_url=url_for("pages.item", item_id=detail.id, _external=True),
        named_speakers=[s for s in detail.speakers if s.get("name")],
    )


@bp.get("/meetings/<path:meeting_key>")
def meeting(meeting_key: str) -> str:
    backend = get_backend()
    page = backend.search(
        SearchRequest(meeting=meeting_key, sort="oldest", per_page=limits().max_page_size, facets=False, highlight=False)
    )
    if not page.results:
        abort(404)
    details = [d for d in (backend.get_item(hit.id) for hit in page.results) if d is not None]
    details.sort(key=lambda d: (d.position, _natural_key(d.item_number)))
    first = details[0] if details else None
    if first is None:
        abort(404)
    attendees = sorted(first.meeting.get("attendees") or [], key=_attendance_order)
    return render_template(
        "meeting.html",
        meeting=first.meeting,
        first=first,
        items=details,
        total=page.total,
        attendance=_group_attendance(attendees),
        speakers_here=_speaking_names(first.council, [a.get("name") or "" for a in attendees]),
        neighbours=_neighbour_meetings(first),
        canonical_url=url_for("pages.meeting", meeting_key=meeting_key, _external=True),
    )


@bp.get("/committees/<path:name>")
def committee(name: str) -> str:
    council = _council_arg()
    search = SearchRequest(committee=(name,), council=(council,) if council else (), sort="newest")
    commitments = sum(1 for _ in get_backend().commitments(committee=(name,)))
    return _history("committee.html", search, subject=name, council=council, commitment_count=commitments,
                    canonical_url=url_for("pages.committee", name=name, council=council or None, _external=True))


@bp.get("/people/<path:name>")
def person(name: str) -> str:
    """A speaker's items, scoped to one council by ``?council=`` (names are not unique across councils)."""
    council = _council_arg()
    search = SearchRequest(speaker=(name,), council=(council,) if council else (), sort="newest")
    commitments = sum(1 for _ in get_backend().commitments(who=name))
    return _history("person.html", search, subject=name, role=_person_role, council=council, commitment_count=commitments,
                    same_surname=_same_surname(name, council),
                    canonical_url=url_for("pages.person", name=name, council=council or None, _external=True))


@bp.get("/topics/<path:name>")
def topic(name: str) -> str:
    return _history("topic.html", SearchRequest(topic=(name,), sort="newest"), subject=name, council="",
                    canonical_url=url_for("pages.topic", name=name, _external=True))


def surname_key(name: str) -> tuple[str, str] | None:
    """('councillor', 'bhogal') for 'Councillor Raj Bhogal' and for 'Councillor Bhogal'."""
    words = name.replace(".", " ").split()
    if len(words) < 2:
        return None
    return words[0].casefold(), words[-1].casefold()


def _same_surname(name: str, council: str) -> list:
    """Speakers in the same council recorded with the same title and surname ('Councillor Bhogal'
    and 'Councillor Raj Bhogal'): minutes often give only the surname, so one person may appear
    under two names. Offered as "see also", never merged: two councillors may share a surname."""
    key = surname_key(name)
    if key is None:
        return []
    page = run_search(SearchRequest(council=(council,) if council else (), per_page=1, highlight=False))
    return [fv for fv in page.facets.get("speaker", ()) if fv.value != name and surname_key(fv.value) == key]


def _council_arg() -> str:
    council = request.args.get("council", "").strip()
    if len(council) > MAX_FILTER_VALUE_LENGTH:
        raise BadRequest(f"'council' is too long ({len(council):,} characters; the limit is {MAX_FILTER_VALUE_LENGTH}).")
    return council


def _history(template: str, base: SearchRequest, subject: str, role=None, **extra: object) -> str:
    """A record's items over time: newest first, paginated, with facet counts for the summaries."""
    if len(subject) > MAX_FILTER_VALUE_LENGTH:
        abort(404)  # no committee, person or topic has a name this long
    per_page = int(current_app.config["HISTORY_PAGE_SIZE"])
    page_number = parse_page(request.args, limits(), per_page)
    search = replace(base, page=page_number, per_page=per_page, highlight=False)
    page = run_search(search)
    if page.total == 0:
        abort(404)
    last = last_page(page.total, per_page)
    meetings = _group_by_meeting(page.results)
    return render_template(
        template,
        subject=subject,
        search=search,
        page=page,
        meetings=meetings,
        meeting_count=_meeting_count(search, page),
        years=_years_with_gaps(page.facets.get("year", ())),
        last_page=last,
        page_numbers=page_numbers(page_number, last),
        role=role(subject, page.results) if role else None,
        **extra,
    )


def _meeting_count(search: SearchRequest, page) -> int | None:
    """How many meetings the record's items come from (from the page itself, or one page of keys)."""
    if search.page == 1 and page.total <= len(page.results):
        return len({hit.meeting_id or hit.id for hit in page.results})
    window = int(current_app.config["RESULT_WINDOW"])
    probe = run_search(replace(search, page=1, per_page=min(window, limits().max_page_size), facets=False, highlight=False))
    if probe.total > len(probe.results):
        return None  # too many to count from one page; the heading then gives items only
    return len({hit.meeting_id or hit.id for hit in probe.results})


def _years_with_gaps(values) -> list[tuple[str, int]]:
    """Items per year, oldest first, with the years that had none written as 0 (gaps are news too)."""
    counts = {fv.value: fv.count for fv in values if str(fv.value).isdigit()}
    if not counts:
        return []
    first, last = min(int(y) for y in counts), max(int(y) for y in counts)
    if last - first > 60:  # a stray date; do not draw a century of empty years
        return sorted(counts.items())
    return [(str(y), counts.get(str(y), 0)) for y in range(first, last + 1)]


def _group_by_meeting(hits: tuple[SearchHit, ...]) -> list[tuple[SearchHit, list[SearchHit]]]:
    """Consecutive hits of one meeting grouped under it (the order of the hits is kept)."""
    groups: list[tuple[SearchHit, list[SearchHit]]] = []
    for hit in hits:
        key = hit.meeting_id or hit.id
        if groups and (groups[-1][0].meeting_id or groups[-1][0].id) == key:
            groups[-1][1].append(hit)
        else:
            groups.append((hit, [hit]))
    return groups


#: Attendance groups in the order minutes print them; anything else comes after, by name.
ATTENDANCE_ORDER = ("present", "present as substitute", "substitute", "apologies", "absent", "in attendance", "also present")


def _attendance_order(attendee: dict) -> tuple[int, str]:
    status = (attendee.get("attendance") or "").strip().lower()
    rank = ATTENDANCE_ORDER.index(status) if status in ATTENDANCE_ORDER else len(ATTENDANCE_ORDER)
    return rank, status


def _group_attendance(attendees: list[dict]) -> list[tuple[str, list[dict]]]:
    groups: list[tuple[str, list[dict]]] = []
    for attendee in attendees:
        status = (attendee.get("attendance") or "").strip() or "Attendance not recorded"
        if groups and groups[-1][0].lower() == status.lower():
            groups[-1][1].append(attendee)
        else:
            groups.append((status, [attendee]))
    return groups


def _speaking_names(council: str, names: list[str]) -> set[str]:
    """Which of these names have a person page (spoke on at least one item) in this council.

    One facet query per ``MAX_FILTER_VALUES`` names: a selected facet value always comes back
    with its count, so names without items (count 0) get no link that would lead to a 404.
    """
    wanted = [n for n in dict.fromkeys(names) if n and len(n) <= MAX_FILTER_VALUE_LENGTH]
    found: set[str] = set()
    step = limits().max_filter_values
    for start in range(0, len(wanted), step):
        chunk = tuple(wanted[start:start + step])
        page = run_search(SearchRequest(speaker=chunk, council=(council,) if council else (), per_page=1, highlight=False))
        found.update(fv.value for fv in page.facets.get("speaker", ()) if fv.selected and fv.count > 0)
    return found


def _neighbour_meetings(item: ItemDetail) -> dict[str, SearchHit | None]:
    """The committee's previous and next meetings, for walking through its history."""
    if not item.date:
        return {"previous": None, "next": None}
    base = SearchRequest(committee=(item.committee,), council=(item.council,), per_page=limits().max_page_size,
                         facets=False, highlight=False)
    own = item.meeting.get("key")

    def first_other(search: SearchRequest) -> SearchHit | None:
        for hit in run_search(search).results:
            if hit.meeting_id and hit.meeting_id != own and hit.date and hit.date != item.date:
                return hit
        return None

    return {
        "previous": first_other(replace(base, date_to=item.date, sort="newest")),
        "next": first_other(replace(base, date_from=item.date, sort="oldest")),
    }


def _person_role(name: str, hits: tuple[SearchHit, ...]) -> dict[str, str | None] | None:
    """The role and kind the newest minutes give this speaker (a person's role changes over time)."""
    backend = get_backend()
    for hit in hits[:5]:
        detail: ItemDetail | None = backend.get_item(hit.id)
        for speaker in detail.speakers if detail else ():
            if speaker.get("name") == name and (speaker.get("role") or speaker.get("kind")):
                return {"role": speaker.get("role"), "kind": speaker.get("kind"), "as_of": detail.date,
                        "committee": detail.committee}
    return None


def _natural_key(number: str | None) -> tuple:
    parts = re.split(r"(\d+)", number or "")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in parts if p)

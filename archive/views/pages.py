"""Record pages with stable URLs: item, meeting, committee, person and topic.

Every page is read from the index through the search API: an item by id, a meeting's agenda as
the items whose meeting key matches, and committee/person/topic histories as filtered searches
whose facet counts give the "over time" and "where" summaries.
"""

from __future__ import annotations

import re
from dataclasses import replace

from flask import Blueprint, abort, current_app, render_template, request

from archive.backend import get_backend
from archive.highlighting import highlight_text
from archive.params import MAX_FILTER_VALUE_LENGTH, parse_page
from archive.templating import page_numbers
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
    return render_template(
        "item.html",
        item=detail,
        q=q,
        agenda_html=highlight_text(detail.agenda_text, q),
        minutes_html=highlight_text(detail.minutes_text, q),
        decision_html=highlight_text(detail.decision_text, q),
        related=related,
        header_q=q,
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
    return render_template("meeting.html", meeting=first.meeting, first=first, items=details, total=page.total)


@bp.get("/committees/<path:name>")
def committee(name: str) -> str:
    council = request.args.get("council", "").strip()
    if len(council) > MAX_FILTER_VALUE_LENGTH:
        raise BadRequest(f"'council' is too long ({len(council):,} characters; the limit is {MAX_FILTER_VALUE_LENGTH}).")
    search = SearchRequest(committee=(name,), council=(council,) if council else (), sort="newest")
    return _history("committee.html", search, subject=name, council=council)


@bp.get("/people/<path:name>")
def person(name: str) -> str:
    return _history("person.html", SearchRequest(speaker=(name,), sort="newest"), subject=name, role=_person_role)


@bp.get("/topics/<path:name>")
def topic(name: str) -> str:
    return _history("topic.html", SearchRequest(topic=(name,), sort="newest"), subject=name)


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
    return render_template(
        template,
        subject=subject,
        search=search,
        page=page,
        meetings=_group_by_meeting(page.results),
        last_page=last,
        page_numbers=page_numbers(page_number, last),
        role=role(subject, page.results) if role else None,
        **extra,
    )


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


def _person_role(name: str, hits: tuple[SearchHit, ...]) -> dict[str, str | None] | None:
    """The role and kind the newest minutes give this speaker (a person's role changes over time)."""
    backend = get_backend()
    for hit in hits[:5]:
        detail: ItemDetail | None = backend.get_item(hit.id)
        for speaker in detail.speakers if detail else ():
            if speaker.get("name") == name and (speaker.get("role") or speaker.get("kind")):
                return {"role": speaker.get("role"), "kind": speaker.get("kind"), "as_of": detail.date}
    return None


def _natural_key(number: str | None) -> tuple:
    parts = re.split(r"(\d+)", number or "")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in parts if p)

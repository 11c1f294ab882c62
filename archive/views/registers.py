"""Cross-cutting registers: the commitments register and the coverage page."""

from __future__ import annotations

import re
from datetime import date

from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for

from archive.backend import get_backend
from archive.params import parse_page
from archive.urlstate import tidy_url
from archive.templating import page_numbers
from archive.views.common import limits
from indexer.search_api import BadRequest, CommitmentRow, SearchRequest

bp = Blueprint("registers", __name__)

STRENGTHS = ("firm", "soft")
#: Which commitments to show by their due date relative to today.
DUE_STATES = {"overdue": "Overdue", "upcoming": "Due later", "undated": "No due date"}
MAX_WHO_LENGTH = 200
#: Names offered as suggestions in the "Who" box (a datalist; typing any text still works).
MAX_WHO_SUGGESTIONS = 300


@bp.get("/commitments")
def commitments() -> Response | str:
    """Promises made in meetings, overdue first, then by due date, then those with no date."""
    tidy = tidy_url()
    if tidy is not None:
        return redirect(tidy)
    args = request.args
    committees = tuple(dict.fromkeys(v.strip() for v in args.getlist("committee") if v.strip()))
    if len(committees) > limits().max_filter_values:
        raise BadRequest(f"Too many 'committee' values ({len(committees)}); at most {limits().max_filter_values}.")
    who = args.get("who", "").strip() or None
    if who and len(who) > MAX_WHO_LENGTH:
        raise BadRequest(f"'who' is too long ({len(who):,} characters; the limit is {MAX_WHO_LENGTH}).")
    words = args.get("q", "").strip()
    if len(words) > MAX_WHO_LENGTH:
        raise BadRequest(f"'q' is too long ({len(words):,} characters; the limit is {MAX_WHO_LENGTH}).")
    strength = args.get("strength", "").strip() or None
    if strength and strength not in STRENGTHS:
        raise BadRequest(f"strength must be one of {', '.join(STRENGTHS)}; got {strength[:40]!r}.")
    due_before = _date_arg("due_before")
    state = args.get("status", "").strip() or None
    if state and state not in DUE_STATES:
        raise BadRequest(f"status must be one of {', '.join(DUE_STATES)}; got {state[:40]!r}.")
    per_page = int(current_app.config["COMMITMENTS_PAGE_SIZE"])
    page_number = parse_page(args, limits(), per_page)

    backend = get_backend()
    everything = list(backend.commitments())
    rows = list(backend.commitments(committee=committees, who=who, strength=strength, due_before=due_before))
    today = date.today()
    if state:
        rows = [row for row in rows if _due_state(row, today) == state]
    if words:
        rows = [row for row in rows if mentions_all(row.text, words)]
    rows.sort(key=lambda row: _register_order(row, today))
    overdue = sum(1 for row in rows if _is_overdue(row, today))
    last = max(1, -(-len(rows) // per_page))
    shown = rows[(page_number - 1) * per_page : page_number * per_page]
    return render_template(
        "commitments.html",
        rows=shown,
        total=len(rows),
        overdue=overdue,
        today=today,
        committees=committees,
        committee_options=_choices([row.committee for row in everything] + list(committees)),
        who_options=_choices(row.who for row in everything if row.who)[:MAX_WHO_SUGGESTIONS],
        who=who or "",
        q=words,
        strength=strength or "",
        due_before=due_before,
        strengths=STRENGTHS,
        status=state or "",
        due_states=DUE_STATES,
        page_number=page_number,
        last_page=last,
        page_numbers=page_numbers(page_number, last),
        is_overdue=lambda row: _is_overdue(row, today),
        chips=_register_chips(),
    )


def _register_chips() -> list[tuple[str, str]]:
    """Each active register filter as (label, link that removes just it), shown above the table."""
    labels = {"q": "Words", "committee": "Committee", "who": "Who", "strength": "Strength", "status": "Due", "due_before": "Due before"}
    chips: list[tuple[str, str]] = []
    for name, label in labels.items():
        for value in (v.strip() for v in request.args.getlist(name)):
            if not value:
                continue
            kept = [(k, v) for k, v in request.args.items(multi=True) if v.strip() and k != "page" and not (k == name and v.strip() == value)]
            shown = DUE_STATES.get(value, value) if name == "status" else value.capitalize() if name == "strength" else value
            chips.append((f"{label}: {shown}", url_for("registers.commitments") + (f"?{urlencode(kept)}" if kept else "")))
    return chips


@bp.get("/coverage")
def coverage() -> str:
    backend = get_backend()
    rows = backend.coverage()
    committees = {
        row.council: backend.search(SearchRequest(council=(row.council,), per_page=1, highlight=False)).facets.get("committee", ())
        for row in rows
    }
    return render_template(
        "coverage.html",
        rows=rows,
        committees=committees,
        total_meetings=sum(r.meetings for r in rows),
        total_items=sum(r.items for r in rows),
    )


_WORD = re.compile(r"\w+")


def _stem(word: str) -> str:
    """A crude prefix stem: 'briefed', 'briefing' and 'briefs' all start with 'brief'."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word if len(word) <= 5 else word[: max(5, len(word) - 3)]


def mentions_all(text: str, words: str) -> bool:
    """Whether every word of ``words`` starts some word of ``text`` (in any of its usual forms).

    The register is small and already in memory, so it is filtered here rather than in the index:
    an officer asks "did we promise to brief councillors?" by the words of the promise.
    """
    have = [w.casefold() for w in _WORD.findall(text)]
    return all(any(h.startswith(_stem(w.casefold())) for h in have) for w in _WORD.findall(words))


def _choices(values) -> list[str]:
    """Every distinct value, case-insensitively sorted: the register's own committees and people,
    not the search facets' top few, so a committee with one commitment can still be chosen."""
    return sorted(set(values), key=lambda v: (v.casefold(), v))


def _due_state(row: CommitmentRow, today: date) -> str:
    if row.due is None:
        return "undated"
    return "overdue" if row.due < today else "upcoming"


def _is_overdue(row: CommitmentRow, today: date) -> bool:
    return row.due is not None and row.due < today


def _register_order(row: CommitmentRow, today: date) -> tuple:
    if row.due is None:
        return (2, date.max, row.committee, row.text)
    return (0 if row.due < today else 1, row.due, row.committee, row.text)


def _date_arg(name: str) -> date | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        if len(raw) != 10:
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise BadRequest(f"{name!r} must be a date in YYYY-MM-DD form; got {raw[:40]!r}.") from None

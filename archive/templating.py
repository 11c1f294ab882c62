"""Helpers the templates call: dates, citations, safe links, paragraphs, URL-state links.

Council text reaches the page only through Jinja's autoescaping or through ``paragraphs``, which
escapes every piece itself; ``snippet_html`` from the indexer is the one piece of markup trusted
(escaped text plus ``<mark>``). Links to council pages are rendered only when they are http(s).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, url_for
from markupsafe import Markup, escape

from archive import urlstate
from archive.highlighting import highlight_text

FACET_LABELS = {
    "committee": "Committee",
    "speaker": "Speaker",
    "topic": "Topic",
    "council": "Council",
    "year": "Year",
}
FACET_PLURALS = {
    "committee": "committees",
    "speaker": "speakers",
    "topic": "topics",
    "council": "councils",
    "year": "years",
}
_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def format_date(value: date | str | None, style: str = "short") -> str:
    """``1 Nov 2018`` (short) or ``Thursday 1 November 2018`` (long); '' when unknown."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if style == "long":
        return f"{value:%A} {value.day} {value:%B %Y}"
    return f"{value.day} {value:%b %Y}"


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, else None (``javascript:``, ``data:``… never link)."""
    if not url or _CONTROL.search(url.strip()):
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url.strip()


def item_number_label(number: str | None) -> str:
    """'5.' -> '5'; display numbers are printed as the council prints them, minus trailing dots."""
    return (number or "").strip().rstrip(".").strip()


def citation(council: str, committee: str, when: date | None, number: str | None, title: str, source_url: str | None) -> str:
    """A ready-to-copy citation: ``Council, Committee, 1 Nov 2018, item 5: Title, URL``."""
    parts = [council, committee]
    if when:
        parts.append(format_date(when))
    head = ", ".join(p for p in parts if p)
    label = item_number_label(number)
    text = f"{head}, item {label}: {title}" if label else f"{head}: {title}"
    url = safe_url(source_url)
    return f"{text}, {url}" if url else text


def paragraphs(text: str | Markup | None) -> Markup:
    """Plain text (blank-line paragraphs, '• ' bullet lines) as escaped ``<p>``/``<ul>`` HTML.

    ``Markup`` input (already-escaped text with highlight marks, from the indexer) is trusted;
    anything else is escaped here.
    """
    if not text:
        return Markup("")
    source = text if isinstance(text, Markup) else escape(text)
    out: list[str] = []
    for block in re.split(r"\n\s*\n", str(source).strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        bullets = [line for line in lines if line.startswith("•")]
        if lines and len(bullets) == len(lines):
            out.append("<ul>" + "".join(f"<li>{line.lstrip('•').strip()}</li>" for line in lines) + "</ul>")
        elif lines:
            out.append("<p>" + "<br>\n".join(lines) + "</p>")
    return Markup("\n".join(out))


#: How a speaker's ``kind`` (extract JSON) reads on a page.
KIND_LABELS = {
    "councillor": "councillor",
    "officer": "officer",
    "external": "from outside the council",
    "chair": "chair",
    "anonymous_member": "a member, not named in the minutes",
    "public": "member of the public",
}
_YEAR_WORD = re.compile(r'(?<![\w"\'/-])((?:19|20|21)\d\d)(?![\w"\'/-])')


def kind_label(kind: str | None) -> str:
    """A speaker kind in plain words ('anonymous_member' is not something a person says)."""
    if not kind:
        return ""
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def person_url(name: str, council: str | None = None, **args: Any) -> str:
    """A speaker's page, scoped to one council when known: two councils may each have a 'Councillor Grant'."""
    return url_for("pages.person", name=name, council=council or None, **args)


def committee_url(name: str, council: str | None = None, **args: Any) -> str:
    return url_for("pages.committee", name=name, council=council or None, **args)


def year_in_query(q: str) -> tuple[str, int] | None:
    """``('Prevent', 2019)`` for ``'Prevent 2019'``: a bare year in the words, and the words without it.

    People type the year they remember into the search box; the minutes rarely contain it. The
    search page offers the year as a filter instead (quoted phrases and ``2019/20`` are left alone).
    """
    if '"' in q:
        return None
    found = _YEAR_WORD.findall(q)
    if len(found) != 1:
        return None
    rest = " ".join(_YEAR_WORD.sub(" ", q).split())
    if not rest or rest.upper() in ("AND", "OR", "NOT"):
        return None
    return rest, int(found[0])


def search_title(search: Any, total: int | None = None) -> str:
    """A page title that says what the search is: its words, then its filters, then the page."""
    parts: list[str] = [f"“{search.q}”"] if search.q else []
    for name in ("committee", "speaker", "topic", "council"):
        values = getattr(search, name)
        if values:
            parts.append(" or ".join(values))
    if search.year:
        parts.append(" or ".join(str(y) for y in search.year))
    if search.date_from or search.date_to:
        parts.append(f"{format_date(search.date_from) or '…'} to {format_date(search.date_to) or '…'}")
    title = ", ".join(parts) if parts else "All items"
    if search.page > 1:
        title += f" (page {search.page})"
    return title


def init_templating(app: Flask) -> None:
    app.jinja_env.filters.update(
        format_date=format_date,
        safe_url=safe_url,
        item_number=item_number_label,
        paragraphs=paragraphs,
        kind_label=kind_label,
        highlight=highlight_text,
    )
    app.jinja_env.globals.update(
        FACET_LABELS=FACET_LABELS,
        citation=citation,
        toggle_filter_url=urlstate.toggle_filter_url,
        clear_filters_url=urlstate.clear_filters_url,
        with_args_url=urlstate.with_args_url,
        page_url=urlstate.page_url,
        search_state_url=urlstate.search_state_url,
        person_url=person_url,
        committee_url=committee_url,
        search_title=search_title,
        FACET_PLURALS=FACET_PLURALS,
        facet_capped=lambda name, values: len([v for v in values if not v.selected]) >= int(app.config["FACET_LIST_SIZE"]),
        site_name=lambda: app.config["SITE_NAME"],
    )


def page_numbers(current: int, last: int, around: int = 2) -> list[int | None]:
    """Page links to show: first, last, and a window around the current page; None marks a gap."""
    wanted = {1, last, *range(max(1, current - around), min(last, current + around) + 1)}
    shown: list[int | None] = []
    previous = 0
    for number in sorted(n for n in wanted if n >= 1):
        if number - previous > 1:
            shown.append(None)
        shown.append(number)
        previous = number
    return shown


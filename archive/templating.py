"""Helpers the templates call: dates, citations, safe links, paragraphs, URL-state links.

Council text reaches the page only through Jinja's autoescaping or through ``paragraphs``, which
escapes every piece itself; ``snippet_html`` from the indexer is the one piece of markup trusted
(escaped text plus ``<mark>``). Links to council pages are rendered only when they are http(s).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from flask import Flask
from markupsafe import Markup, escape

from archive import urlstate

FACET_LABELS = {
    "committee": "Committee",
    "speaker": "Speaker",
    "topic": "Topic",
    "council": "Council",
    "year": "Year",
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


def init_templating(app: Flask) -> None:
    app.jinja_env.filters.update(
        format_date=format_date,
        safe_url=safe_url,
        item_number=item_number_label,
        paragraphs=paragraphs,
    )
    app.jinja_env.globals.update(
        FACET_LABELS=FACET_LABELS,
        citation=citation,
        toggle_filter_url=urlstate.toggle_filter_url,
        clear_filters_url=urlstate.clear_filters_url,
        with_args_url=urlstate.with_args_url,
        page_url=urlstate.page_url,
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


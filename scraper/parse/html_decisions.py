"""``ieDecisionDetails.aspx`` and the decision lists (GUIDE.md §6.6, §6.7)."""

from __future__ import annotations

from datetime import date

from bs4.element import Tag

from scraper.records import Document

from .errors import ParseError
from .html_common import _document, _int_param, _links_to, _page_name, _require, _soup, modgov_root
from .text import absolute_url, inline_text, tag_to_text
from .types import DecisionDetail, DecisionSummary
from .values import find_text_date, parse_uk_date


def _label_values(root: Tag) -> dict[str, Tag]:
    """"Label:" -> the paragraph holding it, for every ``span.mgLabel``."""
    labels: dict[str, Tag] = {}
    for label in root.find_all("span", class_="mgLabel"):
        key = inline_text(label).rstrip(":").strip().lower()
        if key and label.parent is not None and key not in labels:
            labels[key] = label
    return labels


def _value_after(label: Tag) -> str:
    whole = inline_text(label.parent)
    return whole[len(inline_text(label)):].strip()


def _yes_no(value: str | None) -> bool | None:
    if not value:
        return None
    lowered = value.strip().lower()
    return True if lowered.startswith("yes") else False if lowered.startswith("no") else None


def _date_or_none(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parse_uk_date(value)
    except ValueError:
        return find_text_date(value)


def parse_decision_detail(body: bytes | str, base_url: str, *, url: str | None = None) -> DecisionDetail:
    """``ieDecisionDetails.aspx``: title, "Purpose:"/"Decision:" sections, labelled fields, documents."""
    root = modgov_root(body, url)
    title = inline_text(_require(root, "h2", "mgSubTitleTxt", url))
    sections: dict[str, str] = {}
    for heading in root.find_all(class_="mgSubSubTitleTxt"):
        name = inline_text(heading).rstrip(":").strip().lower()
        block = heading.find_next_sibling()
        if block is not None and "mgWordPara" in (block.get("class") or []):
            sections.setdefault(name, tag_to_text(block))
    labels = _label_values(root)
    maker = None
    meeting_id = committee_id = None
    if "decision maker" in labels:
        maker = _value_after(labels["decision maker"]) or None
    if "decided at meeting" in labels:
        label = labels["decided at meeting"]
        link = label.parent.find("a", href=True)
        value = _value_after(label)
        if link is not None:
            meeting_id = _int_param(link["href"], "MId", "MeetingId")
            committee_id = _int_param(link["href"], "CId", "CommitteeId")
        if maker is None and value:
            maker = value.split(" - ", 1)[1].strip() if " - " in value else value
    issue_id = None
    for link in _links_to(root, "mgIssueHistoryHome.aspx"):
        issue_id = _int_param(link["href"], "IId")
        if issue_id is not None:
            break
    documents: list[Document] = []
    skipped: list[str] = []
    for bullet_list in root.find_all("ul", class_="mgBulletList"):
        for link in bullet_list.find_all("a", href=True):
            document = _document(link, base_url, skipped)
            if document is not None:
                documents.append(document)

    def label(name: str) -> str | None:
        return _value_after(labels[name]) if name in labels else None

    return DecisionDetail(
        title=title,
        decision_text=sections.get("decision", ""),
        purpose_text=sections.get("purpose", ""),
        decision_maker=maker,
        status=label("decision status") or None,
        is_key_decision=_yes_no(label("is key decision?")),
        subject_to_call_in=_yes_no(label("is subject to call in?")),
        published=_date_or_none(label("publication date")),
        decided=_date_or_none(label("date of decision")),
        meeting_id=meeting_id,
        committee_id=committee_id,
        issue_id=issue_id,
        documents=tuple(documents),
        source_url=url,
    )


_DECISION_COLUMNS = {"title": "title", "published": "published", "applies": "effective", "call-ins": "call_in"}


def parse_decision_list(body: bytes | str, base_url: str, *, url: str | None = None) -> list[DecisionSummary]:
    """``mgDelegatedDecisions.aspx`` / ``mgListOfficerDecisions.aspx``: rows linking to ``ieDecisionDetails``.

    Rows linking elsewhere (issue histories) are skipped. The page is read inside ``#modgov``; a saved
    fragment that is only the results table (``table.mgTabTable``) is accepted too, because that table
    is itself ModernGov's markup. Columns are found by their header ``abbr`` (Title, Published,
    Applies, Call-ins), so the officer list's two columns work as well.
    """
    soup = _soup(body)
    root = soup.find(id="modgov")
    if root is None:
        root = soup.find("table", class_="mgTabTable")
        if root is None:
            raise ParseError("neither div#modgov nor table.mgTabTable: not a ModernGov decisions page", url)
    table = root if root.name == "table" else root.find("table", class_="mgTabTable")
    if table is None:
        return []  # a decisions page with no results table: nothing published in the window
    columns: dict[str, int] = {}
    for index, header in enumerate(table.find_all("th")):
        key = (header.get("abbr") or inline_text(header)).strip().lower()
        if key in _DECISION_COLUMNS:
            columns[_DECISION_COLUMNS[key]] = index
    decisions: list[DecisionSummary] = []
    for row in table.find_all("tr"):
        cells = row.find_all("td")
        if not cells:
            continue
        link = next((a for a in row.find_all("a", href=True) if _page_name(a["href"]) == "iedecisiondetails.aspx"), None)
        if link is None:
            continue
        decision_id = _int_param(link["href"], "ID")
        if decision_id is None:
            continue

        def cell(name: str) -> str | None:
            index = columns.get(name)
            if index is None or index >= len(cells):
                return None
            return inline_text(cells[index]) or None

        decisions.append(
            DecisionSummary(
                decision_id=decision_id,
                title=inline_text(link),
                url=absolute_url(link["href"], base_url) or link["href"],
                published=_date_or_none(cell("published")),
                effective=_date_or_none(cell("effective")),
                call_in=cell("call_in"),
            )
        )
    return decisions


__all__ = ["parse_decision_detail", "parse_decision_list"]

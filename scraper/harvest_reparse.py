"""Rebuilding one site's records from its stored captures (``minutes reparse``), offline.

Which captures: only usable ones (2xx, not rejected as a challenge page). For committees, the
newest committee list that parses. For each meeting, candidate capture sets newest first — a
``GetMeeting`` answer, or an ``ieListDocuments`` page with the ``mgAi`` and attendance pages
fetched after it — and the first that parses wins. The records are built by the same functions
the crawl used (``scraper.harvest_build``), so an unchanged parser rebuilds identical records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scraper.harvest_build import (
    KIND_HTML_ATTENDANCE,
    KIND_HTML_COMMITTEES,
    KIND_HTML_ITEM,
    KIND_HTML_MEETING,
    KIND_HTML_MEETING_DOCS,
    KIND_WS_COMMITTEES,
    KIND_WS_MEETING,
    MODE_HTML,
    MODE_WEBSERVICE,
    Page,
    committees_from,
    meeting_from_html,
    meeting_from_webservice,
)
from scraper.parse.errors import ParseError
from scraper.records import Site
from scraper.store import ArchiveStore, CaptureInfo

if TYPE_CHECKING:
    from scraper.harvest import Progress, ReparseSummary


def _usable(info: CaptureInfo) -> bool:
    return 200 <= info.status < 300 and (info.rejected is None or info.rejected.startswith("parse error"))


def reparse_site(store: ArchiveStore, site: Site, summary: "ReparseSummary", progress: "Progress") -> None:
    from scraper.harvest import Failure

    index = [c for c in store.capture_index(site.key) if _usable(c)]

    def page(info: CaptureInfo) -> Page:
        capture = store.get_capture(info.id)
        return Page(capture.body, capture.url)

    def failed(info: CaptureInfo, exc: ParseError) -> None:
        reason = getattr(exc, "reason", None) or str(exc)
        summary.failures.append(Failure(info.url, reason, "parse"))
        store.record_error(site.key, None, "parse", info.url, f"reparse: {reason}")

    # Committees: the newest list that parses.
    for info in reversed([c for c in index if c.kind in (KIND_WS_COMMITTEES, KIND_HTML_COMMITTEES)]):
        try:
            committees = committees_from(info.kind, page(info), site.base_url, site.key)
        except ParseError as exc:
            failed(info, exc)
            continue
        for committee in committees:
            summary.committees.add(store.upsert_committee(committee, [info.id]))
        break

    # Meetings: candidates per meeting id, newest first.
    candidates: dict[int, list[CaptureInfo]] = {}
    for info in index:
        if info.kind in (KIND_WS_MEETING, KIND_HTML_MEETING) and "meeting_id" in info.meta:
            candidates.setdefault(int(info.meta["meeting_id"]), []).append(info)
    extras: dict[int, list[CaptureInfo]] = {}  # meeting id -> its item/attendance/documents pages
    for info in index:
        if info.kind in (KIND_HTML_ITEM, KIND_HTML_ATTENDANCE, KIND_HTML_MEETING_DOCS) and "meeting_id" in info.meta:
            extras.setdefault(int(info.meta["meeting_id"]), []).append(info)
    progress.stage(f"reparsing {site.key}", len(candidates))
    for meeting_id, infos in candidates.items():
        for info in reversed(infos):
            committee_id = int(info.meta["committee_id"])
            try:
                after = [e for e in extras.get(meeting_id, ()) if e.id > info.id]
                if info.kind == KIND_WS_MEETING:
                    docs = [e for e in after if e.kind == KIND_HTML_MEETING_DOCS]
                    parsed = meeting_from_webservice(page(info), site.base_url, site.key, committee_id,
                                                     documents_page=page(docs[-1]) if docs else None)
                    mode, sources = MODE_WEBSERVICE, {"meeting": info.id}
                    if docs:
                        sources["documents"] = docs[-1].id
                else:
                    items = {int(e.meta["item_id"]): e for e in after if e.kind == KIND_HTML_ITEM}
                    attendance = [e for e in after if e.kind == KIND_HTML_ATTENDANCE]
                    parsed, problems = meeting_from_html(
                        page(info), site.base_url, site.key, committee_id, meeting_id,
                        item_pages={item_id: page(e) for item_id, e in items.items()},
                        attendance=page(attendance[-1]) if attendance else None,
                    )
                    for problem in problems:
                        if problem.unparseable:
                            summary.failures.append(Failure(problem.url, problem.reason, "parse"))
                    mode = MODE_HTML
                    sources = {"meeting": info.id, "items": {str(k): e.id for k, e in items.items()}}
                    if attendance:
                        sources["attendance"] = attendance[-1].id
            except ParseError as exc:
                failed(info, exc)
                continue
            write = store.write_meeting(parsed.meeting, parsed.items, source_mode=mode, sources=sources, checked=False)
            summary.meetings.add(write.meeting)
            summary.items.add("new", write.items_new)
            summary.items.add("changed", write.items_changed)
            summary.items.add("unchanged", write.items_unchanged)
            break
        progress.advance()


__all__ = ["reparse_site"]

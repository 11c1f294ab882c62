"""Parse throughput of ModernGov meeting pages (HTML and web-service XML), in pages per second.

Renders every meeting of the sample council once (the HTML meeting page and the GetMeeting XML, via
the WSGI app, no network), then times:
- baseline: a raw lxml parse of the same bytes (``lxml.html.fromstring`` / ``lxml.etree.fromstring``),
  the floor any BeautifulSoup-based parser sits on;
- ``parse_meeting_page`` and ``parse_meeting`` (records out, text cleaned).
It prints pages/s, the ratio to the baseline measured in the same run, and the machine. Target:
at least 100 meeting pages/s. Usage: ``python scripts/bench_parse.py [--rounds N] [--markdown]``.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import lxml.etree  # noqa: E402
import lxml.html  # noqa: E402

from scraper.parse import parse_meeting, parse_meeting_page  # noqa: E402
from scraper.sample_site import SampleSite  # noqa: E402

BASE = "http://127.0.0.1:8765"
TARGET = 100.0


def fetch(app: SampleSite, path: str, query: str) -> bytes:
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "127.0.0.1:8765",
               "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO()}
    status: list[str] = []
    body = b"".join(app(environ, lambda s, h: status.append(s)))
    if not status[0].startswith("200"):
        raise RuntimeError(f"{path}?{query}: {status[0]}")
    return body


def corpus() -> tuple[list[tuple[bytes, int, int]], list[tuple[bytes, int, int]]]:
    app = SampleSite(waf_first=False, flaky_first=False, malformed=False)
    html, xml = [], []
    for meeting in app.data.meetings:
        cid, mid = meeting.committee_id, meeting.meeting_id
        html.append((fetch(app, "/ieListDocuments.aspx", f"CId={cid}&MId={mid}"), cid, mid))
        if cid not in app.webservice_disabled:
            xml.append((fetch(app, "/mgWebService.asmx/GetMeeting", f"lMeetingId={mid}"), cid, mid))
    return html, xml


def rate(work, pages: int, rounds: int) -> float:
    """Best-of-``rounds`` pages/s (the least disturbed run on a shared machine)."""
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return pages / min(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table for docs/bench-parse.md")
    args = parser.parse_args(argv)
    html, xml = corpus()
    html_bytes = sum(len(b) for b, _, _ in html)
    xml_bytes = sum(len(b) for b, _, _ in xml)

    def lxml_html() -> None:
        for body, _, _ in html:
            lxml.html.fromstring(body)

    def lxml_xml() -> None:
        for body, _, _ in xml:
            lxml.etree.fromstring(body)

    def records_html() -> None:
        for body, cid, mid in html:
            parse_meeting_page(body, BASE, "bench", cid, mid)

    def records_xml() -> None:
        for body, cid, mid in xml:
            parse_meeting(body, "bench", cid, BASE)

    records_html(), records_xml()  # warm-up (imports, caches)
    rows = [
        ("HTML meeting page (ieListDocuments)", len(html), html_bytes, rate(lxml_html, len(html), args.rounds),
         rate(records_html, len(html), args.rounds)),
        ("Web service GetMeeting XML", len(xml), xml_bytes, rate(lxml_xml, len(xml), args.rounds),
         rate(records_xml, len(xml), args.rounds)),
    ]
    machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
               f"lxml {'.'.join(map(str, lxml.etree.LXML_VERSION))}, {platform.platform()}")
    if args.markdown:
        print("| input | pages | avg KiB | raw lxml parse (pages/s) | scraper.parse (pages/s) | ratio | target 100/s |")
        print("|---|---|---|---|---|---|---|")
    for name, pages, size, baseline, measured in rows:
        verdict = "met" if measured >= TARGET else "MISSED"
        if args.markdown:
            print(f"| {name} | {pages} | {size / pages / 1024:.1f} | {baseline:,.0f} | {measured:,.0f} | "
                  f"{measured / baseline:.3f} | {verdict} |")
        else:
            print(f"{name}: {pages} pages, avg {size / pages / 1024:.1f} KiB; raw lxml {baseline:,.0f} pages/s; "
                  f"scraper.parse {measured:,.0f} pages/s (ratio {measured / baseline:.3f}); target {TARGET:.0f}/s {verdict}")
    print(f"\nmachine: {machine}; best of {args.rounds} rounds; median item count per meeting "
          f"{statistics.median(len(m.items) for m in SampleSite(waf_first=False).data.meetings)}")
    return 0 if all(row[4] >= TARGET for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())

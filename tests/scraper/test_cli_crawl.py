"""The crawl/reparse/status commands, including a crawl killed with SIGKILL and restarted."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from archive.cli import main
from scraper.store import ArchiveStore

MINUTES = [sys.executable, "-c", "from archive.cli import main; main()"]


def invoke(instance, *args):
    runner = CliRunner()
    return runner.invoke(main, ["--instance", str(instance.root), *args], catch_exceptions=False)


def test_not_moderngov_is_one_line_and_exit_2(instance, sample_site_factory):
    site = sample_site_factory(not_moderngov=True)
    result = invoke(instance, "crawl", site.base_url, "--delay", "0")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not a ModernGov site" in lines[0], result.stderr
    assert "Traceback" not in result.output


def test_bad_arguments_exit_2(instance):
    assert invoke(instance, "crawl", "ftp://example.org").exit_code == 2
    assert invoke(instance, "crawl", "https://x.example", "--since", "2020-13-01").exit_code == 2
    assert invoke(instance, "crawl", "https://x.example", "--source", "pdf").exit_code == 2
    refused = invoke(instance, "crawl", "https://x.example", "--user-agent", "python-requests/2.32")
    assert refused.exit_code == 2 and "User-Agent" in refused.stderr
    backwards = invoke(instance, "crawl", "https://x.example", "--since", "2021-01-02", "--until", "2021-01-01")
    assert backwards.exit_code == 2 and "is after --until" in backwards.stderr


def test_unknown_or_ambiguous_committee_is_a_usage_error(instance, sample_site):
    unknown = invoke(instance, "crawl", sample_site.base_url, "--delay", "0", "--committee", "Allotments")
    assert unknown.exit_code == 2 and "no committee matches 'Allotments'" in unknown.stderr
    ambiguous = invoke(instance, "crawl", sample_site.base_url, "--delay", "0", "--committee", "Committee")
    assert ambiguous.exit_code == 2 and "give the id or the full title" in ambiguous.stderr
    assert len(ambiguous.stderr.strip().splitlines()) == 1


def test_crawl_summary_status_and_reparse(instance, sample_site):
    result = invoke(instance, "crawl", sample_site.base_url, "--delay", "0")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert re.search(r"^\d+ new, \d+ changed, \d+ unchanged, \d+ failed$", out, re.M), out
    # The WAF challenge and the non-http document link are reported with their URLs.
    assert "Failures:" in out and "Incapsula" in out
    assert "Skipped document links" in out and "javascript:" in out
    status = invoke(instance, "status")
    assert status.exit_code == 0
    assert re.search(r"committees \d+, meetings \d+, items \d+", status.stdout)
    assert "last crawl: 20" in status.stdout and "errors:" in status.stdout
    assert status.stdout.startswith("Borough of Eastmere Council: ")
    listed = invoke(instance, "status", "--errors")
    assert "Incapsula" in listed.stdout and "ieListDocuments.aspx" in listed.stdout
    data = json.loads(invoke(instance, "status", "--json").stdout)
    assert data[0]["meetings"] > 20 and data[0]["last_crawl"]["status"] == "completed"
    assert any("Incapsula" in e["reason"] for e in data[0]["last_crawl_errors"])
    reparsed = invoke(instance, "reparse")
    assert reparsed.exit_code == 0 and "0 new, 0 changed" in reparsed.stdout


def test_status_without_archive(instance):
    result = invoke(instance, "status")
    assert result.exit_code == 0 and "No sites harvested yet" in result.stdout
    assert invoke(instance, "reparse").exit_code == 1


def _meeting_ids(requests):
    ids = set()
    for _method, target, _status in requests:
        m = re.search(r"(?:GetMeeting\?lMeetingId=|ieListDocuments\.aspx\?.*MId=)(\d+)", target)
        if m:
            ids.add(int(m.group(1)))
    return ids


def test_kill_9_mid_crawl_then_restart_loses_nothing_and_refetches_no_completed_meeting(instance, sample_site):
    db = instance.archive_db
    args = [*MINUTES, "--instance", str(instance.root), "crawl", sample_site.base_url, "--refresh",
            "--since", "2016-01-01"]
    proc = subprocess.Popen([*args, "--delay", "0.03"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
                    stored = con.execute("SELECT count(*) FROM meetings").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 6:
                break
        time.sleep(0.02)
    assert proc.poll() is None, "the crawl finished before it could be killed; slow it down"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with ArchiveStore(db) as store:
        before_meetings = {m.meeting.key: m.content_hash for m in store.stored_meetings()}
        before_captures = {c.id: c.sha256 for c in store.captures()}
        (unfinished,) = [r for r in store.runs() if r.status == "running"]
        completed = {int(k.rsplit("/", 1)[1]) for k in store.completed_meetings(unfinished.id)}
    assert len(before_meetings) >= 6 and completed

    n = len(sample_site.requests)
    restarted = subprocess.run([*args, "--delay", "0"], capture_output=True, text=True, timeout=120)
    assert restarted.returncode == 0, restarted.stderr
    assert "resumed" in restarted.stdout

    refetched = _meeting_ids(sample_site.requests[n:]) & completed
    assert not refetched, f"meetings completed before the kill were fetched again: {sorted(refetched)}"
    with ArchiveStore(db) as store:
        after_meetings = {m.meeting.key for m in store.stored_meetings()}
        after_captures = {c.id: c.sha256 for c in store.captures()}
        runs = store.runs()
    assert set(before_meetings) <= after_meetings
    assert all(after_captures.get(i) == sha for i, sha in before_captures.items())
    assert [r.status for r in runs] == ["completed"] and runs[0].id == unfinished.id


def test_a_second_crawl_of_the_same_archive_is_refused_with_exit_75(instance, sample_site):
    from scraper.harvest import archive_lock

    with archive_lock(instance.archive_db):  # another crawl (or reparse) is writing
        result = invoke(instance, "crawl", sample_site.base_url, "--delay", "0")
        reparsed = invoke(instance, "reparse")
    assert result.exit_code == 75 and "another crawl" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not sample_site.requests  # refused before touching the site
    assert reparsed.exit_code in (1, 75)  # no archive yet (1) or busy (75), never a traceback


@pytest.mark.slow
def test_killed_at_random_points_again_and_again_the_archive_ends_complete(instance, tmp_path, sample_site_factory):
    """kill -9 at random moments (validation, listing, mid-meeting, mid-transaction), restart each time."""
    import random

    site = sample_site_factory(waf_first=False, flaky_first=False)
    args = [*MINUTES, "--instance", str(instance.root), "crawl", site.base_url, "--refresh", "--since", "2016-01-01"]
    rng = random.Random(20261128)
    completed_so_far: set[int] = set()
    for _ in range(6):
        mark = len(site.requests)
        proc = subprocess.Popen([*args, "--delay", "0.01"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        if proc.poll() is not None:
            break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        refetched = _meeting_ids(site.requests[mark:]) & completed_so_far
        assert not refetched, sorted(refetched)
        with ArchiveStore(instance.archive_db) as store:
            running = [r for r in store.runs() if r.status == "running"]
            if running:
                completed_so_far = {int(k.rsplit("/", 1)[1]) for k in store.completed_meetings(running[-1].id)}
    final = subprocess.run([*args, "--delay", "0"], capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr

    clean = sample_site_factory(waf_first=False, flaky_first=False)
    other = tmp_path / "clean"
    done = subprocess.run([*MINUTES, "--instance", str(other), "crawl", clean.base_url, "--since", "2016-01-01",
                           "--delay", "0"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr

    def comparable(db):
        with ArchiveStore(db) as store:
            return sorted((a.item.item_id, a.item.minutes_text, a.item.title, a.meeting.meeting_id, a.meeting.date)
                          for a in store.iter_archived_items())

    assert comparable(instance.archive_db) == comparable(other / "archive.sqlite3")


@pytest.mark.parametrize("case", ["refused", "unknown host", "not a url", "https to plain http"])
def test_unreachable_or_wrong_urls_fail_in_one_readable_line(instance, monkeypatch, scripted_server, case):
    import socket

    from scraper.http import SystemClock

    monkeypatch.setattr(SystemClock, "sleep", lambda self, seconds: None)  # the retries' backoff
    if case == "refused":
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            url, expected = f"http://127.0.0.1:{s.getsockname()[1]}/", "connection refused"
    elif case == "unknown host":
        def no_such_host(*args, **kwargs):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

        monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
        url, expected = "https://democracy.nowhere.invalid/", "host name not found"
    elif case == "not a url":
        url, expected = "not a url", "is not an http(s) URL"
    else:
        url, expected = scripted_server.base_url.replace("http://", "https://"), "does not seem to speak https"
    result = invoke(instance, "crawl", url)  # the default delay: the clock's sleeps are skipped above
    assert result.exit_code == (2 if case == "not a url" else 1)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert "Traceback" not in result.output and "HTTPConnectionPool" not in result.stderr

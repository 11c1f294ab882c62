"""``minutes demo --check`` end to end in a subprocess: sample council -> crawl -> index -> serve.

Also the planted-script test on a CRAWLED item: the sample council's e-petitions item carries
``<script>alert(1)</script>`` and ``<img src=x onerror=alert(1)>`` in its minutes; after the real
crawl and index it must show as text and never run in the browser.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from archive import create_app
from archive.serving import start_server


def run_demo(instance: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MINUTES_INSTANCE": str(instance)}
    return subprocess.run(
        [sys.executable, "-c", "from archive.cli import main; main()", "demo", "--check", "--port", "0", *extra],
        capture_output=True, text=True, timeout=240, env=env, cwd=instance.parent,
    )


@pytest.fixture(scope="module")
def demo_instance(tmp_path_factory) -> Path:
    instance = tmp_path_factory.mktemp("demo") / "instance"
    first = run_demo(instance)
    assert first.returncode == 0, first.stdout + first.stderr
    out = first.stdout
    assert "Sample council (Borough of Eastmere) serving on http://127.0.0.1:" in out
    assert re.search(r"Crawled it into .*archive\.sqlite3: [1-9]\d* new, 0 changed", out)
    assert re.search(r"Indexed it into .*: rebuilt: [1-9]\d* added", out)
    assert re.search(r"Checked http://127\.0\.0\.1:\d+/: the search page answers and 'Prevent' finds [1-9]\d* items", out)
    return instance


def test_demo_works_a_second_time_reusing_the_data(demo_instance):
    second = run_demo(demo_instance)
    assert second.returncode == 0, second.stdout + second.stderr
    assert re.search(r": 0 new, 0 changed, [1-9]\d* unchanged", second.stdout)  # same site key, nothing new
    assert re.search(r"0 added, \d+ updated, 0 deleted", second.stdout)
    assert "Checked http://127.0.0.1:" in second.stdout


def test_demo_rebuilds_an_index_built_by_an_older_version(demo_instance):
    from indexer import layout

    generation = layout.current_generation(demo_instance / "index")
    meta = layout.read_meta(generation)
    layout.write_meta(generation, {**meta, "schema_version": 1})  # as an older release left it
    again = run_demo(demo_instance)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "built by an older version: rebuilding it" in again.stdout
    assert re.search(r"Indexed it into .*: rebuilt: [1-9]\d* added", again.stdout)
    assert "Checked http://127.0.0.1:" in again.stdout


def test_demo_archive_has_the_sample_council_once(demo_instance):
    client = create_app({"TESTING": True, "INSTANCE_PATH": str(demo_instance)}).test_client()
    councils = client.get("/api/search").get_json()["facets"]["council"]
    assert len(councils) == 1 and councils[0]["count"] > 100
    coverage = client.get("/coverage").data.decode()
    assert "Eastmere" in coverage


def petition_item(client) -> str:
    data = client.get("/api/search?q=e-petitions+markup").get_json()
    assert data["results"], "the crawled sample council has the planted e-petitions item"
    return data["results"][0]["id"]


def test_crawled_planted_markup_is_escaped(demo_instance):
    client = create_app({"TESTING": True, "INSTANCE_PATH": str(demo_instance)}).test_client()
    item_id = petition_item(client)
    body = client.get(f"/items/{item_id}?q=petition").data.decode()
    assert "<script>alert(1)" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.browser
def test_crawled_planted_markup_never_runs_in_the_browser(demo_instance, browser):
    app = create_app({"INSTANCE_PATH": str(demo_instance)})
    client = app.test_client()
    item_id = petition_item(client)
    with start_server(app, port=0, threads=2).start_background() as running:
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ("search?q=e-petitions+markup", f"items/{item_id}", f"items/{item_id}?q=script"):
            page.goto(running.url + path)
            page.wait_for_load_state("load")
            page.wait_for_timeout(300)
            assert page.evaluate("document.querySelectorAll('img').length") == 0
            assert page.evaluate("Array.from(document.scripts).map(s => s.src)") == [running.url + "static/app.js"]
        assert "<script>alert(1)</script>" in page.locator("main").inner_text()
        assert dialogs == []
        context.close()


def test_demo_serves_until_ctrl_c_then_stops_both_servers(demo_instance):
    import http.client
    import signal
    import time
    from urllib.parse import urlsplit

    env = {**os.environ, "MINUTES_INSTANCE": str(demo_instance), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from archive.cli import main; main()", "demo", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=demo_instance.parent,
    )
    try:
        lines: list[str] = []
        deadline = time.monotonic() + 120
        url = sample = None
        while time.monotonic() < deadline and url is None:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if match := re.search(r"serving on (http://127\.0\.0\.1:\d+)/", line):
                sample = match.group(1)
            if match := re.search(r"The archive is ready: (http://127\.0\.0\.1:\d+/)", line):
                url = match.group(1)
        assert url and sample, "".join(lines)
        port = urlsplit(url).port
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/search?q=school")
        assert conn.getresponse().status == 200
        conn.close()
        process.send_signal(signal.SIGINT)
        rest, _ = process.communicate(timeout=30)
        assert process.returncode == 0, rest
        assert "Stopped the archive and the sample council." in rest
        for stopped in (url, sample + "/"):
            with pytest.raises(OSError):
                probe = http.client.HTTPConnection("127.0.0.1", urlsplit(stopped).port, timeout=2)
                probe.request("GET", "/")
                probe.getresponse()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_demo_moves_the_sample_council_when_its_port_is_taken(demo_instance):
    """Another program (or a demo still running) holds last time's port: move, never exit or show it twice."""
    import json
    import socket

    state = json.loads((demo_instance / "demo.json").read_text(encoding="utf-8"))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", state["sample_port"]))
        squatter.listen(1)
        moved = run_demo(demo_instance)
    assert moved.returncode == 0, moved.stdout + moved.stderr
    assert f"Port {state['sample_port']} is taken: cleared the previous copy" in moved.stdout
    assert "Address already in use" not in moved.stdout + moved.stderr
    client = create_app({"TESTING": True, "INSTANCE_PATH": str(demo_instance)}).test_client()
    with client.application.app_context():
        from archive.backend import get_backend

        sites = [row.site for row in get_backend().coverage()]
    assert sites == [f"127.0.0.1:{json.loads((demo_instance / 'demo.json').read_text())['sample_port']}"]

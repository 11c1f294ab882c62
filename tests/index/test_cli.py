"""``minutes index`` and ``minutes search`` end to end over a real archive store."""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from index_corpus import fixed_corpus, random_corpus

from archive.cli import main
from scraper.clitools import EXIT_TEMPFAIL
from scraper.store import ArchiveStore

REPO = Path(__file__).resolve().parents[2]


def fill_store(db: Path, pairs) -> None:
    with ArchiveStore(db) as store:
        for site in {a.site for a, _ in pairs}:
            store.upsert_site(site)
            run = store.start_run(site.key, site.base_url, None, None, {})
            store.finish_run(run, "completed", {})
        for com in {a.committee for a, _ in pairs}:
            store.upsert_committee(com, [])
        by_meeting: dict = {}
        for a, _ in pairs:  # one Meeting record per key (random items may disagree on its committee)
            by_meeting.setdefault(a.meeting.key, (a.meeting, []))[1].append(a.item)
        for meeting, items in by_meeting.values():
            store.write_meeting(meeting, items, source_mode="webservice", sources={})


@pytest.fixture
def archive(instance):
    fill_store(instance.archive_db, fixed_corpus() + random_corpus(40))
    return instance


def run(instance, *args):
    return CliRunner().invoke(main, ["--instance", str(instance.root), *args])


def test_index_then_search_json(archive):
    result = run(archive, "index")
    assert result.exit_code == 0, result.stderr
    assert "46 added, 0 updated, 0 deleted, 0 unchanged" in result.stdout
    again = run(archive, "index")
    assert "0 added, 0 updated, 0 deleted, 46 unchanged" in again.stdout

    out = run(archive, "search", "prevent", "--committee", "Overview Select Committee", "--json")
    assert out.exit_code == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"query", "total", "page", "per_page", "results", "facets", "suggestion"}
    assert data["query"] == "prevent" and data["total"] == 2, data
    first = data["results"][0]
    assert set(first) == {"id", "title", "committee", "council", "date", "item_number", "url", "source_url",
                          "snippet_html", "speakers", "topics"}
    assert first["url"] == f"/items/{first['id']}" and "<mark>" in first["snippet_html"]
    assert {f["value"] for f in data["facets"]["committee"]} >= {"Overview Select Committee"}

    table = run(archive, "search", "prevent", "--sort", "newest")
    assert table.exit_code == 0 and "results" in table.stdout and "2018-11-01" in table.stdout


def test_index_propagates_changes_and_deletions(archive):
    assert run(archive, "index").exit_code == 0
    with ArchiveStore(archive.archive_db) as store:
        a, _ = fixed_corpus()[1]
        store.write_meeting(a.meeting, [dataclasses.replace(a.item, title="Housing allocations policy (revised)")],
                            source_mode="webservice", sources={})
    result = run(archive, "index")
    assert "0 added, 1 updated, 0 deleted" in result.stdout, result.stdout
    out = json.loads(run(archive, "search", "revised", "--json").stdout)
    assert out["total"] == 1


def test_rebuild_and_coverage_metadata(archive):
    assert run(archive, "index").exit_code == 0
    result = run(archive, "index", "--rebuild")
    assert result.exit_code == 0 and "rebuilt: 46 added" in result.stdout
    from indexer.whoosh_backend import open_search

    rows = open_search(archive).coverage()
    assert {r.council for r in rows} == {"Leicester City Council", "Nottingham City Council"}
    assert all(r.last_harvested for r in rows)


def test_search_errors_are_one_line(archive):
    missing = run(archive, "search", "x")
    assert missing.exit_code == 1 and "no index yet: run minutes index" in missing.stderr
    assert run(archive, "index").exit_code == 0
    bad = run(archive, "search", "x", "--page", "0")
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1 and "page must be" in bad.stderr
    bad_date = run(archive, "search", "x", "--from", "yesterday")
    assert bad_date.exit_code == 2


def test_second_writer_gets_exit_75(archive):
    assert run(archive, "index").exit_code == 0
    lock = os.open(archive.index_dir / "write.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)  # another writer, as far as the CLI can tell
    try:
        proc = subprocess.run([sys.executable, "-c", "from archive.cli import main; main()", "--instance", str(archive.root), "index"],
                              capture_output=True, text=True, cwd=REPO, timeout=60)
    finally:
        os.close(lock)
    assert proc.returncode == EXIT_TEMPFAIL
    assert "index busy, try again" in proc.stderr and "Traceback" not in proc.stderr


def test_seed_item_end_to_end_with_the_real_extractor(instance):
    """The real seed (Leicester, Prevent) through store -> enrich -> index -> search."""
    from datetime import date

    from index_corpus import LEICESTER, make_item

    from tests.conftest import FIXTURES_DIR

    raw = (FIXTURES_DIR / "seed" / "000_1c9ed8fbe304a52e.txt").read_text(encoding="utf-8")
    head, minutes = raw.split("Minutes:", 1)
    agenda = head.split("PRESENTATION ON THE PREVENT PROGRAMME", 1)[1].strip()
    archived, _ = make_item(5, "Presentation on the Prevent programme", minutes=minutes.strip(), agenda=agenda,
                            site=LEICESTER, when=date(2018, 11, 1), meeting_id=4321)
    fill_store(instance.archive_db, [(archived, None)])
    assert run(instance, "index").exit_code == 0
    data = json.loads(run(instance, "search", "speaker:knopp", "--json").stdout)
    assert data["total"] == 1
    assert "William Knopp" in {f["value"] for f in data["facets"]["speaker"]}
    assert "William Knopp" in data["results"][0]["speakers"]
    phrase = json.loads(run(instance, "search", '"far right"', "--json").stdout)
    assert phrase["total"] == 1 and "<mark>far right</mark>" in phrase["results"][0]["snippet_html"]


def test_search_reads_limits_from_instance_config(archive):
    assert run(archive, "index").exit_code == 0
    assert json.loads(run(archive, "search", "year:[2018 TO 2018]", "--json").stdout)["total"] == 0
    archive.config_file.write_text("SEARCH_ALLOW_RANGES = True\nSEARCH_MAX_PER_PAGE = 5\n", encoding="utf-8")
    data = json.loads(run(archive, "search", "year:[2018 TO 2018]", "--per-page", "5", "--json").stdout)
    expected = sum(1 for a, _ in fixed_corpus() + random_corpus(40) if a.meeting.date and a.meeting.date.year == 2018)
    assert data["total"] == expected > 0
    assert run(archive, "search", "x", "--per-page", "6").exit_code == 2


@pytest.mark.parametrize("cli_args, api_params", [
    (["prevent"], {"q": "prevent"}),
    (["council", "--sort", "newest", "--per-page", "5", "--page", "2"], {"q": "council", "sort": "newest", "per_page": 5, "page": 2}),
    (["members", "--year", "2019", "--committee", "Overview Select Committee"],
     {"q": "members", "year": 2019, "committee": "Overview Select Committee"}),
    (["prevnet"], {"q": "prevnet"}),
    (["--sort", "newest"], {"sort": "newest"}),
    (["--sort", "relevance"], {"sort": "relevance"}),
])
def test_cli_json_and_api_search_print_the_same_object(archive, cli_args, api_params):
    """``minutes search --json`` and ``GET /api/search`` share one serialiser (indexer.serialize)
    and must answer the same request with the same object, facets included."""
    from archive import create_app

    assert run(archive, "index").exit_code == 0
    out = run(archive, "search", *cli_args, "--json")
    assert out.exit_code == 0, out.stderr
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(archive.root)})
    response = app.test_client().get("/api/search", query_string=api_params)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert json.loads(out.stdout) == response.get_json()


def _index_lines(instance) -> list[str]:
    result = run(instance, "status")
    assert result.exit_code == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith("Index:")]


def test_status_shows_index_freshness(archive):
    assert _index_lines(archive) == ["Index: none yet; 46 items to index: run minutes index"]

    assert run(archive, "index").exit_code == 0
    lines = _index_lines(archive)
    assert lines[0].startswith("Index: 46 items searchable, last indexed 20") and "(schema " in lines[0]
    assert lines[1] == "Index: up to date with the archive"

    # A re-crawl changes one item's minutes and finds a new item at the same meeting.
    a, _ = fixed_corpus()[1]
    with ArchiveStore(archive.archive_db) as store:
        changed = dataclasses.replace(a.item, minutes_text=a.item.minutes_text + " The Chair closed the meeting.")
        added = dataclasses.replace(a.item, item_id=99_999, position=9, number="10.", title="Any other business")
        store.write_meeting(a.meeting, [changed, added], source_mode="webservice", sources={})
    assert _index_lines(archive)[1] == "Index: 2 items to index (1 new, 1 changed): run minutes index"

    assert run(archive, "index").exit_code == 0
    assert _index_lines(archive)[1] == "Index: up to date with the archive"


def test_status_reports_an_index_from_another_schema(archive):
    from indexer import layout

    assert run(archive, "index").exit_code == 0
    gen = layout.current_generation(archive.index_dir)
    meta = layout.read_meta(gen)
    layout.write_meta(gen, {**meta, "schema_version": 1})
    [line] = _index_lines(archive)
    assert line.startswith("Index: built by an older version (schema 1") and line.endswith("run minutes index --rebuild")


def test_cli_json_and_api_agree_on_long_facet_lists(instance):
    """More committees than the API lists per facet: both print the same (trimmed) list."""
    from index_corpus import make_item

    from archive import create_app

    pairs = [make_item(500 + i, f"Budget monitoring {i}", minutes="The budget was noted.",
                       committee=f"Committee {i:02d}", committee_id=100 + i, meeting_id=700 + i) for i in range(24)]
    fill_store(instance.archive_db, pairs)
    assert run(instance, "index").exit_code == 0
    cli = json.loads(run(instance, "search", "budget", "--committee", "Committee 23", "--json").stdout)
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(instance.root)})
    api = app.test_client().get("/api/search", query_string={"q": "budget", "committee": "Committee 23"}).get_json()
    assert cli == api
    committees = [f["value"] for f in cli["facets"]["committee"]]
    assert len(committees) == app.config["FACET_SIZE"] + 1 and "Committee 23" in committees  # selected kept

"""No input gives a 500; the instance folder's config.py overrides the defaults; a stale index says so."""

from __future__ import annotations

import random
from urllib.parse import quote

import pytest
from conftest import build_index
from web_corpus import SEED_ID, sample_items

from archive import create_app
from indexer import layout
from scraper.settings import InstancePaths

HOSTILE = [
    "", " ", "0", "-1", "1e9", "9" * 30, "abc", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\x00", "\u202e",
    "*", "?", "[a TO z]", '"', "((", "javascript:alert(1)", "../../etc/passwd", "x" * 5000, "2019-02-30", "😀",
]
ROUTES = [
    "/", "/search", "/api/search", "/search.csv", "/search.atom", "/commitments", "/coverage",
    f"/items/{SEED_ID}", "/people/Councillor%20Tom%20Grant", "/topics/Housing", "/committees/Planning%20Committee",
]
PARAMS = ["q", "page", "per_page", "sort", "from", "to", "committee", "speaker", "topic", "council", "year",
          "who", "strength", "due_before"]


@pytest.mark.parametrize("route", ROUTES)
def test_no_parameter_value_gives_a_server_error(client, route):
    rng = random.Random(route)
    for _ in range(40):
        query = {name: rng.choice(HOSTILE) for name in rng.sample(PARAMS, rng.randint(1, 4))}
        response = client.get(route, query_string=query)
        assert response.status_code < 500, (route, query, response.data[:300])


@pytest.mark.parametrize("path", ["/items/" + "x/" * 500, "/people/" + "y" * 5000, "/topics/%00", "/meetings/..%2F..%2Fetc",
                                  "/committees/" + quote("<script>"), "/items/%ZZ", "/static/../archive/config.py"])
def test_hostile_paths_are_404_not_500(client, path):
    assert client.get(path).status_code in (400, 404)


def test_instance_config_overrides_the_defaults(tmp_path):
    paths = InstancePaths(tmp_path / "instance").ensure()
    paths.config_file.write_text("PAGE_SIZE = 3\nSITE_NAME = 'Eastmere Minutes'\n", encoding="utf-8")
    build_index(paths, sample_items()[:5])
    client = create_app({"TESTING": True, "INSTANCE_PATH": str(paths.root)}).test_client()
    data = client.get("/api/search").get_json()
    assert data["per_page"] == 3 and len(data["results"]) == 3 and data["total"] == 5
    assert "Eastmere Minutes" in client.get("/").data.decode()


def test_an_index_from_another_schema_version_asks_for_a_rebuild(tmp_path):
    paths = InstancePaths(tmp_path / "instance").ensure()
    build_index(paths, sample_items()[:2])
    generation = layout.current_generation(paths.index_dir)
    meta = layout.read_meta(generation)
    layout.write_meta(generation, {**meta, "schema_version": -1})
    client = create_app({"TESTING": True, "INSTANCE_PATH": str(paths.root)}).test_client()
    response = client.get("/search?q=school")
    assert response.status_code == 503 and "minutes index --rebuild" in response.data.decode()
    assert "minutes index --rebuild" in client.get("/api/search").get_json()["error"]


def test_the_app_picks_up_an_index_built_after_it_started(tmp_path):
    paths = InstancePaths(tmp_path / "instance").ensure()
    client = create_app({"TESTING": True, "INSTANCE_PATH": str(paths.root),
                         "SEARCH_REFRESH_INTERVAL_S": 0.0}).test_client()
    assert client.get("/search?q=school").status_code == 503
    build_index(paths, sample_items())
    assert client.get("/search?q=school").status_code == 200


def test_a_search_cut_short_by_the_time_limit_says_so(web_instance):
    client = create_app({"TESTING": True, "INSTANCE_PATH": str(web_instance.root), "QUERY_TIME_LIMIT": 0.0}).test_client()
    response = client.get("/search?q=school OR planning OR parking")
    assert response.status_code == 200
    assert "only part of the archive was searched" in response.data.decode()


@pytest.mark.parametrize("line, name", [("PAGE_SIZE = 0", "PAGE_SIZE"), ("MAX_PAGE = 'many'", "MAX_PAGE"),
                                        ("PAGE_SIZE = 500", "MAX_PAGE_SIZE"), ("QUERY_TIME_LIMIT = 'x'", "QUERY_TIME_LIMIT")])
def test_a_bad_limit_in_config_is_refused_at_start_naming_it(tmp_path, line, name):
    paths = InstancePaths(tmp_path / "instance").ensure()
    paths.config_file.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=name):
        create_app({"INSTANCE_PATH": str(paths.root)})


def test_serve_reports_a_broken_config_in_one_line(tmp_path):
    from click.testing import CliRunner

    from archive.cli import main

    paths = InstancePaths(tmp_path / "instance").ensure()
    paths.config_file.write_text("PAGE_SIZE = = 3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--instance", str(paths.root), "serve", "--port", "0"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("minutes: cannot load") and "SyntaxError" in result.output
    assert "Traceback" not in result.output


def test_robots_txt_keeps_crawlers_to_record_pages(client):
    text = client.get("/robots.txt").data.decode()
    assert "Disallow: /search" in text and "Disallow: /api/" in text
    assert client.head("/search?q=school").status_code == 200

"""The foundation: instance resolution, record keys, the CLI root, and the one-way architecture."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import main
from scraper.records import AgendaItem, Meeting, site_key
from scraper.settings import INSTANCE_ENV_VAR, resolve_instance

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_explicit_instance_beats_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(INSTANCE_ENV_VAR, str(tmp_path / "from-env"))
    assert resolve_instance(tmp_path / "explicit").root == (tmp_path / "explicit").resolve()
    assert resolve_instance(None).root == (tmp_path / "from-env").resolve()


def test_default_instance_is_instance_folder_in_current_directory(tmp_path, monkeypatch):
    monkeypatch.delenv(INSTANCE_ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    paths = resolve_instance()
    assert paths.root == (tmp_path / "instance").resolve()
    assert not paths.root.exists(), "resolving must not create the folder"
    assert paths.ensure().root.is_dir()
    assert paths.archive_db.parent == paths.root and paths.index_dir.parent == paths.root


@pytest.mark.parametrize(
    "url",
    ["https://Democracy.Leicester.gov.uk/", "http://democracy.leicester.gov.uk", " democracy.leicester.gov.uk "],
)
def test_site_key_ignores_scheme_case_and_trailing_slash(url):
    assert site_key(url) == "democracy.leicester.gov.uk"


def test_site_key_keeps_sub_path_installs_apart():
    assert site_key("https://ww5.swindon.gov.uk/moderngov") == "ww5.swindon.gov.uk/moderngov"
    assert site_key("https://ww5.swindon.gov.uk/moderngov") != site_key("https://ww5.swindon.gov.uk")


def test_record_keys_are_scoped_by_site():
    a = AgendaItem(site="a.gov.uk", item_id=7, meeting_id=1, committee_id=1, number="1.", title="Minutes")
    b = AgendaItem(site="b.gov.uk", item_id=7, meeting_id=1, committee_id=1, number="1.", title="Minutes")
    assert a.key == "a.gov.uk/item/7" and a.key != b.key
    m = Meeting(site="a.gov.uk", meeting_id=4966, committee_id=144, date=None, status=" Cancelled ")
    assert m.key == "a.gov.uk/meeting/4966" and m.cancelled


def test_cli_help_lists_every_documented_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("crawl", "reparse", "status", "extract", "index", "search", "serve", "demo"):
        assert command in result.output, f"`minutes {command}` missing from --help"


def test_installed_console_script_runs():
    exe = Path(sys.executable).with_name("minutes")
    assert exe.exists(), "the `minutes` console script is not installed in this environment"
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "minutes" in out.stdout


# Dependencies point one way: archive -> indexer -> scraper (design.md §1).
FORBIDDEN = {"scraper": {"indexer", "archive"}, "indexer": {"archive"}}


def _imported_top_level_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependencies_point_one_way(package):
    offenders = []
    for path in (REPO_ROOT / package).rglob("*.py"):
        bad = _imported_top_level_packages(path) & FORBIDDEN[package]
        if bad:
            offenders.append(f"{path.relative_to(REPO_ROOT)} imports {sorted(bad)}")
    assert not offenders, "\n".join(offenders)


def test_only_the_http_module_touches_the_network():
    network_modules = {"requests", "urllib3", "socket", "urllib.request", "http.client", "httpx", "aiohttp"}
    allowed = {REPO_ROOT / "scraper" / "http.py"}
    offenders = []
    for package in ("scraper", "indexer", "archive"):
        for path in (REPO_ROOT / package).rglob("*.py"):
            if path in allowed or "sample_site" in path.parts:
                continue  # the sample site is a server, not a client
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names = [node.module]
                for name in names:
                    if name in network_modules or name.split(".")[0] in network_modules:
                        offenders.append(f"{path.relative_to(REPO_ROOT)} imports {name}")
    assert not offenders, "\n".join(offenders)

"""``minutes extract`` through click's CliRunner and as the installed script."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import main

from .conftest import SEED


def run(args, **kwargs):
    return CliRunner().invoke(main, args, catch_exceptions=False, **kwargs)


def test_json_output_for_the_seed(tmp_path):
    result = run(["--instance", str(tmp_path / "inst"), "extract", "--meeting-date", "2019-10-17", "--json", str(SEED)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"speakers", "decisions", "commitments", "attendees", "topics", "keyphrases"}
    knopp = [s for s in data["speakers"] if s["name"] == "William Knopp"][0]
    assert knopp["kind"] == "external" and "Inspector Knopp" in knopp["mentions"]
    assert data["decisions"] == [{"text": "that the presentation and comments from Members be noted."}]
    assert [c["due"] for c in data["commitments"] if c["due"]] == ["2019-11-14"]


def test_stdin_and_text_report(tmp_path):
    text = "Minutes:\n\nCouncillor Lee asked about parking. The Head of Transport replied.\n\nRESOLVED: that the update be noted."
    result = run(["--instance", str(tmp_path), "extract", "-"], input=text)
    assert result.exit_code == 0
    assert "Speakers (2)" in result.stdout
    assert "Councillor Lee" in result.stdout and "that the update be noted." in result.stdout


def test_missing_file_is_one_clear_line(tmp_path):
    result = CliRunner().invoke(main, ["--instance", str(tmp_path), "extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"minutes: {tmp_path / 'nope.txt'}: no such file"


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\x00\x01\x02" * 100)
    result = CliRunner().invoke(main, ["--instance", str(tmp_path), "extract", "--json", str(path)])
    assert result.exit_code == 1
    assert "binary" in result.stderr and "Traceback" not in result.output


def test_directory_and_bad_date(tmp_path):
    result = CliRunner().invoke(main, ["--instance", str(tmp_path), "extract", str(tmp_path)])
    assert result.exit_code == 1 and "directory" in result.stderr
    result = CliRunner().invoke(main, ["--instance", str(tmp_path), "extract", "--meeting-date", "14/11/2019", str(SEED)])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_html_file(tmp_path):
    path = tmp_path / "item.html"
    path.write_text("<div><p>Councillor Ray moved the recommendation.</p><p>RESOLVED: That the plan be approved.</p></div>")
    result = run(["--instance", str(tmp_path), "extract", "--json", str(path)])
    data = json.loads(result.stdout)
    assert data["speakers"][0]["mentions"] == ["Councillor Ray"]
    assert data["decisions"] == [{"text": "That the plan be approved."}]


def test_instance_taxonomy_is_used(tmp_path):
    inst = tmp_path / "inst"
    inst.mkdir()
    (inst / "topics.toml").write_text('[topics.parking]\nlabel = "Parking"\nterms = { "parking" = 3 }\n')
    result = run(["--instance", str(inst), "extract", "--json", "-"], input="Minutes:\n\nParking charges and parking permits.")
    assert json.loads(result.stdout)["topics"] == ["Parking"]


def test_broken_instance_taxonomy_is_one_line(tmp_path):
    inst = tmp_path / "inst"
    inst.mkdir()
    (inst / "topics.toml").write_text("[topics.x\n")
    result = CliRunner().invoke(main, ["--instance", str(inst), "extract", "-"], input="text")
    assert result.exit_code == 1 and "not valid TOML" in result.stderr


def test_installed_script_runs_in_a_subprocess(tmp_path):
    script = Path(sys.executable).with_name("minutes")
    exe = str(script) if script.exists() else shutil.which("minutes")
    if exe is None:
        pytest.skip("the minutes script is not installed in this environment")
    proc = subprocess.run(
        [exe, "--instance", str(tmp_path), "extract", "--json", "--meeting-date", "2019-10-17", str(SEED)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert len(data["speakers"]) == 6
    proc = subprocess.run([exe, "--instance", str(tmp_path), "extract", str(tmp_path / "missing")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr

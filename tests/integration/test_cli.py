"""The command line and the README's two commands."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, kamer


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return kamer(*args, env=env, timeout=600)


def test_readme_names_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Two commands.*?```bash\n(.*?)```", readme, re.S)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines() if line.strip()]
    assert commands == ["bin/demo", "bin/test"]
    for cmd in commands:
        assert os.access(ROOT / cmd, os.X_OK)
    assert "bin/test" in (ROOT / ".ci" / "run").read_text()


def test_every_command_has_help() -> None:
    top = run("--help")
    assert top.returncode == 0
    names = re.findall(r"^  (\w[\w-]*)\s", top.stdout.split("Commands:")[1], re.M)
    assert {"extract", "ingest", "stats"} <= set(names)
    for name in names:
        out = run(name, "--help")
        assert out.returncode == 0 and "Usage:" in out.stdout and len(out.stdout) > 200, name


def test_extract_prints_one_json_line_per_file() -> None:
    files = [SEED / "kamerbrief-imvo-convenanten-2016.pdf", ROOT / "corpus" / "motions" / "kst-36715-29.xml"]
    out = run("extract", *map(str, files), "--with-text")
    assert out.returncode == 0, out.stderr
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [d["schema"] for d in docs] == ["kamer.document/1"] * 2
    assert docs[1]["doc_id"] == "kst-36715-29"
    pdf = docs[0]
    assert pdf["source"]["pages"] == 6 and pdf["source"]["media_type"] == "application/pdf"
    assert len(pdf["footnotes"]) == 10
    # segments cover the text without gaps
    segs = pdf["segments"]
    assert segs[0]["start"] == 0 and segs[-1]["end"] == len(pdf["text"])
    assert all(a["end"] == b["start"] for a, b in itertools.pairwise(segs))


def test_ingest_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    folder = tmp_path / "in"
    shutil.copytree(ROOT / "corpus" / "motions", folder)
    shutil.copy(SEED / "kamerbrief-imvo-convenanten-2016.txt", folder)
    first = run("ingest", str(folder), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "ingested 21 new" in first.stdout
    counts = json.loads(run("stats", "--db", str(db), "--format", "json").stdout)
    second = run("ingest", str(folder), "--db", str(db))
    assert "ingested 0 new, 22 already present" in second.stdout  # 21 documents + 1 open-data export
    assert json.loads(run("stats", "--db", str(db), "--format", "json").stdout) == counts
    assert counts["documents"] == 21


def test_ingest_records_a_bad_file_and_keeps_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kapot.pdf").write_bytes(b"%PDF-1.4\n garbage")
    shutil.copy(SEED / "kamerbrief-imvo-convenanten-2016.txt", tmp_path / "in")
    out = run("ingest", str(tmp_path / "in"), "--db", str(db))
    assert out.returncode == 1
    assert "kapot.pdf" in out.stderr and "Traceback" not in out.stderr
    counts = json.loads(run("stats", "--db", str(db), "--format", "json").stdout)
    assert counts["documents"] == 1 and counts["failures"] == 1


def test_stats_without_a_store_says_what_to_do(tmp_path: Path) -> None:
    out = run("stats", "--db", str(tmp_path / "none.sqlite"))
    assert out.returncode != 0 and "kamer ingest" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.slow
def test_demo_runs_the_main_job(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    out = subprocess.run(
        ["bin/demo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "KAMER_DB": str(db)},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    # 25 papers of seed/, letters/, motions/ and besluitenlijsten/ (the seed letter in three renditions),
    # 4 debates and 2 answers
    assert re.search(r"documents: 31\b", out.stdout), out.stdout
    assert "open motions" in out.stdout and (ROOT / "outputs" / "report.md").exists()
    assert re.search(r"ocr_pages: 6\b", out.stdout)

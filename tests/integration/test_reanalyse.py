"""Facts are a versioned product of stored text: a rule change is seen by an existing store and
``kamer reanalyse`` rewrites exactly the facts it changes, without reading a file again; a bug in
analysis fails one file, the batch goes on, and a rerun retries only that file."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from pipeline import resources
from pipeline.batch import ingest_paths
from pipeline.config import Settings
from pipeline.schema import Document
from pipeline.store import Store
from tests.conftest import CORPUS, kamer

LETTERS = sorted((CORPUS / "letters").glob("*.txt"))
MOTIONS = sorted((CORPUS / "motions").glob("*.xml"))[:4]


def facts(db: Path) -> dict[int, tuple[str, str, str]]:
    """Every fact row: id → (paper, type, JSON)."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute(
            "SELECT f.id, d.uid, f.type, f.json FROM facts f JOIN documents d ON d.id = f.document"
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}
    finally:
        con.close()


def test_changed_rule_file_reanalyses_exactly_the_affected_facts(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(resources.path(), models, ignore=shutil.ignore_patterns("training", "scripts"))
    inbox = tmp_path / "in"
    inbox.mkdir()
    for f in [*LETTERS, *MOTIONS]:
        shutil.copy(f, inbox)
    db = tmp_path / "k.sqlite"
    env = {"KAMER_MODELS": str(models), "KAMER_WORKERS": "1"}
    out = kamer("ingest", str(inbox), "--db", str(db), env=env)
    assert out.returncode == 0, out.stderr
    before = facts(db)
    assert json.loads(kamer("stats", "--db", str(db), "--format", "json", env=env).stdout)["stale"] == 0

    # one rule file changes: 'website' becomes a term of the ICT sector
    lexicon = json.loads((models / "lexicons" / "sectors.json").read_text(encoding="utf-8"))
    ict = next(s for s in lexicon["sectors"] if s["id"] == "ict")
    ict["terms"].append("website")
    (models / "lexicons" / "sectors.json").write_text(
        json.dumps(lexicon, ensure_ascii=False), encoding="utf-8"
    )
    stats = json.loads(kamer("stats", "--db", str(db), "--format", "json", env=env).stdout)
    assert stats["stale"] == stats["documents"] == len(LETTERS) + len(MOTIONS)

    shutil.rmtree(inbox)  # nothing is read again: analysis works from the stored text
    out = kamer("reanalyse", "--db", str(db), env=env)
    assert out.returncode == 0, out.stderr
    assert f"reanalysed {stats['documents']} papers: 1 facts added, 0 removed" in out.stdout, out.stdout
    after = facts(db)
    assert {k: v for k, v in after.items() if k in before} == before  # every old row untouched
    (new,) = [v for k, v in after.items() if k not in before]
    assert (
        new[1] == "sector" and json.loads(new[2])["id"] == "ict" and json.loads(new[2])["text"] == "website"
    )
    assert json.loads(kamer("stats", "--db", str(db), "--format", "json", env=env).stdout)["stale"] == 0


def test_ingest_of_a_known_file_with_stale_facts_reanalyses_it(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(resources.path(), models, ignore=shutil.ignore_patterns("training", "scripts"))
    db = tmp_path / "k.sqlite"
    env = {"KAMER_MODELS": str(models), "KAMER_WORKERS": "1"}
    assert kamer("ingest", str(LETTERS[0]), "--db", str(db), env=env).returncode == 0
    rules = models / "patterns" / "follow_ups.json"
    data = json.loads(rules.read_text(encoding="utf-8"))
    data["note"] = "a curator's note: the rules' bytes change, their meaning does not"
    rules.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = kamer("ingest", str(LETTERS[0]), "--db", str(db), env=env)
    assert out.returncode == 0 and "1 reanalysed" in out.stdout and "0 already present" in out.stdout, (
        out.stdout
    )


def test_a_bug_in_analysis_fails_one_file_and_a_rerun_retries_only_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.nlp import sectors

    real = sectors.find_sectors

    def buggy(text: str) -> list[sectors.Found]:
        if "locatieonderzoek" in text:  # one letter of the batch trips over an analysis bug
            raise IndexError("list index out of range")
        return real(text)

    monkeypatch.setattr(sectors, "find_sectors", buggy)  # workers are forked: they inherit the bug
    store = Store(tmp_path / "k.sqlite")
    files = [str(f) for f in [*LETTERS, *MOTIONS]]
    summary = ingest_paths(files, store, Settings(workers=2))
    assert summary.added == len(files) - 1 and summary.failed == 1
    (failure,) = store.failures()
    assert failure.path.endswith("ouwehand-2025.txt")
    assert (failure.stage, failure.code, failure.error) == ("analyse", "bug", "IndexError")
    assert failure.traceback and "buggy" in failure.traceback

    monkeypatch.setattr(sectors, "find_sectors", real)  # the bug is fixed
    again = ingest_paths(files, store, Settings(workers=2))
    assert (again.added, again.skipped, again.failed) == (1, len(files) - 1, 0)
    assert store.failures() == []


def test_stored_documents_read_back_as_they_went_in(tmp_path: Path) -> None:
    from pipeline import process

    store = Store(tmp_path / "k.sqlite")
    for f in [LETTERS[1], MOTIONS[0], CORPUS / "seed" / "kamerbrief-imvo-convenanten-2016.txt"]:
        doc = process(f)
        assert Document.from_json(json.loads(json.dumps(doc.to_json(with_text=True)))) == doc
        store.put(doc)
        back = store.document(str(f))
        assert back is not None
        assert back.to_json(with_text=True) == doc.to_json(with_text=True)


def test_the_analyser_version_cache_is_never_read_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many ``kamer`` processes start at once; one reading the cache while another writes it must not take
    an empty or cut version for the analyser's (every stored paper would then look stale)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    resources.analyser_version.cache_clear()
    try:
        version = resources.analyser_version()
        (cached,) = (tmp_path / "kamerwacht").glob("analyser-*")
        assert cached.read_text(encoding="utf-8") == version
        assert not list((tmp_path / "kamerwacht").glob("*.part"))  # written aside, then renamed
        cached.write_text("", encoding="utf-8")  # what a reader saw mid-write before
        resources.analyser_version.cache_clear()
        assert resources.analyser_version() == version
        assert cached.read_text(encoding="utf-8") == version
    finally:
        resources.analyser_version.cache_clear()

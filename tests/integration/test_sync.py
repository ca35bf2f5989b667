"""``kamer sync`` against a replay of the Tweede Kamer OData service on 127.0.0.1.

The replay serves real Zaak records (``corpus/motions/opendata.jsonl``) and
Toezegging, Document and Verslag records in the shapes of the open-data
documentation (``tests/data/opendata``), with their files from the corpus.
"""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import Settings
from pipeline.store import Store
from pipeline.sync import SyncError, sync
from tests.conftest import CORPUS, DATA, ROOT, kamer, load_jsonl
from tests.support.odata_replay import Replay

OPENDATA = DATA / "opendata"
ZAKEN = sorted(
    load_jsonl(CORPUS / "motions" / "opendata.jsonl"), key=lambda r: (r["ApiGewijzigdOp"], r["Id"])
)


def _records(name: str) -> list[dict[str, Any]]:
    return load_jsonl(OPENDATA / f"{name}.jsonl")


def _serve(replay: Replay, entity: str, records: list[dict[str, Any]]) -> None:
    """Serve records, and the file each one points to (``_file``, a test-only key) as its resource."""
    clean = []
    for r in records:
        r = dict(r)
        path = r.pop("_file", None)
        if path:
            replay.resource(entity, r["Id"], (ROOT / path).read_bytes(), r["ContentType"])
        clean.append(r)
    replay.add(entity, clean)


def _settings(replay: Replay) -> Settings:
    return replace(
        Settings(), odata_url=replay.url, sync_interval=0.0, sync_backoff=0.01, sync_retries=4, workers=1
    )


def _snapshot(store: Store) -> dict[str, Any]:
    """What a sync leaves in a store, without file locations and run counters."""
    db = store.db
    return {
        "zaken": db.execute(
            "SELECT nummer, status, kabinetsappreciatie, json FROM zaken ORDER BY nummer"
        ).fetchall(),
        "records": [
            (e, i, n, Path(p).name if p else None, j)
            for e, i, n, p, j in db.execute(
                "SELECT entity, id, nummer, path, json FROM records ORDER BY entity, id"
            ).fetchall()
        ],
        "documents": db.execute(
            "SELECT d.doc_id, d.kind, d.date, d.title, count(f.id) FROM documents d"
            " LEFT JOIN facts f ON f.document = d.id GROUP BY d.id ORDER BY d.date, d.title"
        ).fetchall(),
        "cursors": db.execute("SELECT key, modified, last_id FROM sync_cursors ORDER BY key").fetchall(),
    }


def test_an_empty_store_is_filled_and_a_second_run_fetches_only_what_is_new(tmp_path: Path) -> None:
    documents = _records("document")
    with Replay(page_size=4) as replay:
        _serve(replay, "Zaak", ZAKEN[:15])
        _serve(replay, "Toezegging", _records("toezegging"))
        _serve(replay, "Document", documents[:3])
        _serve(replay, "Verslag", _records("verslag"))
        settings = _settings(replay)
        with Store(tmp_path / "k.sqlite") as store:
            first = sync(store, settings)
            assert store.stats()["zaken"] == 15
            assert first.entities["Zaak"].pages == 4  # 15 records, 4 a page
            assert len(list(store.records("Toezegging"))) == 4
            docs = list(store.records("Document"))
            assert len(docs) == 3 and all(path and Path(path).exists() for _, _, path, _ in docs)
            assert store.stats()["documents"] == 4  # three letters and the VLOS verslag, ingested
            assert {row.kind for row in store.documents()} == {"brief", "handelingen"}
            # the motion votes came in the ingest way: kst-28844-290 is adopted in the open data
            assert ("kst-28844-290", "aangenomen") in [(z.kst_id, z.status) for z in store.zaken()]
            served = {e: replay.served(e) for e in ("Zaak", "Toezegging", "Document", "Verslag")}
            assert served == {"Zaak": 15, "Toezegging": 4, "Document": 3, "Verslag": 1}

            # new records, a changed Zaak, a withdrawn toezegging
            gone = copy.deepcopy(_records("toezegging")[0])
            gone.update(Verwijderd=True, ApiGewijzigdOp="2026-01-05T08:00:00.0000000Z")
            changed = copy.deepcopy(ZAKEN[0])
            changed.update(Kabinetsappreciatie="Oordeel Kamer", ApiGewijzigdOp="2026-01-05T09:00:00.0000000Z")
            _serve(replay, "Zaak", [*ZAKEN[15:], changed])
            _serve(replay, "Toezegging", [gone])
            _serve(replay, "Document", documents[3:])
            before = {e: replay.served(e) for e in served}
            second = sync(store, settings)
            new = {e: replay.served(e) - before[e] for e in served}
            assert new == {"Zaak": 6, "Toezegging": 1, "Document": 1, "Verslag": 0}
            assert second.entities["Toezegging"].deleted == 1
            assert store.stats()["zaken"] == 20
            assert gone["Nummer"] not in {n for _, n, _, _ in store.records("Toezegging")}
            appraisal = {z.nummer: z.kabinetsappreciatie for z in store.zaken()}
            assert appraisal[changed["Nummer"]] == "Oordeel Kamer"
            assert store.stats()["documents"] == 5

            # nothing new: one empty page per entity, nothing stored
            third = sync(store, settings)
            assert sum(e.records for e in third.entities.values()) == 0
            assert third.requests == 4


def _all(replay: Replay) -> None:
    _serve(replay, "Zaak", ZAKEN)
    _serve(replay, "Toezegging", _records("toezegging"))
    _serve(replay, "Document", _records("document"))
    _serve(replay, "Verslag", _records("verslag"))


def test_faulted_and_killed_runs_resume_to_the_store_a_clean_run_makes(tmp_path: Path) -> None:
    with Replay(page_size=4) as replay:
        _all(replay)
        settings = _settings(replay)
        with Store(tmp_path / "clean.sqlite") as store:
            sync(store, settings)
            clean = _snapshot(store)
        assert len(clean["zaken"]) == 20 and len(clean["records"]) == 9

        # a dropped connection, a 429 with Retry-After and a 503 are retried within the run
        start = replay.count
        replay.plan = {start + 2: "drop", start + 4: "429", start + 5: "503"}
        with Store(tmp_path / "faults.sqlite") as store:
            summary = sync(store, settings)
            assert summary.retries == 3
            assert _snapshot(store) == clean
        statuses = [status for n, _, status, _ in replay.log if n > start]
        assert statuses.count(0) == 1 and statuses.count(429) == 1 and statuses.count(503) == 1

        # killed after the second page of Zaken ...
        def kill(entity: str, pages: int) -> None:
            if entity == "Zaak" and pages == 2:
                raise KeyboardInterrupt

        with Store(tmp_path / "killed.sqlite") as store:
            with pytest.raises(KeyboardInterrupt):
                sync(store, settings, on_page=kill)
            assert store.stats()["zaken"] == 8
            assert store.cursor("Zaak") == (ZAKEN[7]["ApiGewijzigdOp"], ZAKEN[7]["Id"])
            # ... then a run that the server fails midway (503 on every attempt at the Documents) ...
            start = replay.count
            replay.plan = {start + n: "503" for n in range(2, 6)}
            with pytest.raises(SyncError, match=r"Zaak\?.*: HTTP 503 after 4 attempts"):
                sync(store, settings)
            assert 8 < store.stats()["zaken"] < 20
            # ... and a last run that goes on from where each entity stopped
            before = replay.served("Zaak")
            sync(store, settings)
            assert replay.served("Zaak") - before < 20  # not from the start
            assert _snapshot(store) == clean


def test_the_command_reports_a_server_that_keeps_failing_in_one_line(tmp_path: Path) -> None:
    with Replay(page_size=4) as replay:
        _serve(replay, "Toezegging", _records("toezegging"))
        replay.plan = {n: "503" for n in range(1, 10)}
        env = {
            "KAMER_ODATA_URL": replay.url,
            "KAMER_SYNC_BACKOFF": "0.01",
            "KAMER_SYNC_RETRIES": "3",
            "KAMER_SYNC_INTERVAL": "0",
        }
        db = str(tmp_path / "k.sqlite")
        failed = kamer("sync", "--entity", "Toezegging", "--db", db, env=env)
        assert failed.returncode == 1
        assert "Traceback" not in failed.stderr
        assert (
            "error: " + replay.url + "Toezegging?" in failed.stderr
            and "HTTP 503 after 3 attempts" in failed.stderr
        )
        replay.plan = {}
        done = kamer("sync", "--entity", "Toezegging", "--db", db, "--since", "2025-01-01", env=env)
        assert done.returncode == 0, done.stderr
        # --since: only the two toezeggingen changed in 2025
        assert "Toezegging: 2 records in 1 pages, 0 deleted" in done.stdout
        bad = kamer("sync", "--since", "gisteren", "--db", db, env=env)
        assert bad.returncode == 2 and "--since must be a date as YYYY-MM-DD" in bad.stderr
        listed = json.loads(kamer("query", "register", "--db", db, "--format", "json").stdout)
        assert {r["nummer"] for r in listed} == {"TZ202504-057", "TZ202510-212"}


def test_a_dossier_has_its_own_resume_point(tmp_path: Path) -> None:
    with Replay(page_size=4) as replay:
        _all(replay)
        settings = _settings(replay)
        with Store(tmp_path / "k.sqlite") as store:
            summary = sync(store, settings, dossier="21501")
            assert set(summary.entities) == {"Zaak", "Document"}  # the others cannot be limited to a dossier
            kst = sorted(z.kst_id or "" for z in store.zaken())
            assert kst == [
                "kst-21501-02-3008",
                "kst-21501-02-3089",
                "kst-21501-02-3199",
                "kst-21501-20-2233",
                "kst-21501-20-2252",
            ]
            assert [c["key"] for c in store.cursors()] == ["Zaak@dossier=21501"]
            # a whole sync afterwards starts from the beginning of its own feed
            sync(store, settings, entities=["Zaak"])
            assert store.stats()["zaken"] == 20
            assert [c["key"] for c in store.cursors()] == ["Zaak", "Zaak@dossier=21501"]


def test_withdrawn_documents_leave_the_store_and_missing_files_are_recorded(tmp_path: Path) -> None:
    letters = _records("document")[:2]
    with Replay(page_size=4) as replay:
        _serve(replay, "Document", letters[:1])
        replay.add("Document", [{k: v for k, v in letters[1].items() if k != "_file"}])  # no file behind it
        settings = _settings(replay)
        with Store(tmp_path / "k.sqlite") as store:
            summary = sync(store, settings, entities=["Document"])
            assert (summary.entities["Document"].files, summary.entities["Document"].failed_files) == (1, 1)
            assert store.stats()["documents"] == 1
            [failure] = store.failures()
            assert failure.code == "not_found" and failure.path.endswith(
                f"Document({letters[1]['Id']})/resource"
            )
            [path] = [p for _, _, p, _ in store.records("Document") if p]
            assert Path(path).exists()

            # the service answers a maintenance page instead of JSON: an error, nothing stored
            withdrawn = {k: v for k, v in letters[0].items() if k != "_file"}
            withdrawn.update(Verwijderd=True, ApiGewijzigdOp="2026-02-01T10:00:00.0000000Z")
            replay.add("Document", [withdrawn])
            replay.plan = {replay.count + 1: "garbage"}
            with pytest.raises(SyncError, match="the answer is not JSON"):
                sync(store, settings, entities=["Document"])
            assert store.stats()["documents"] == 1

            # the withdrawal: the record, the paper and its downloaded file go
            summary = sync(store, settings, entities=["Document"])
            assert summary.entities["Document"].deleted == 1
            assert store.stats()["documents"] == 0 and not Path(path).exists()
            assert [n for _, n, _, _ in store.records("Document")] == [letters[1]["DocumentNummer"]]

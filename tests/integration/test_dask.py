"""``kamer ingest --engine dask`` on a LocalCluster gives the same store as the process pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch import ingest_paths
from pipeline.config import Settings
from pipeline.query import chain, open_commitments, open_motions
from tests.conftest import BACKENDS, CORPUS, kamer, new_store
from tests.integration.test_graph import _snapshot

pytest.importorskip("dask.distributed", reason="dask.distributed is not installed (pip install '.[dask]')")

PARTS = ("motions", "letters", "answers", "seed/kamerbrief-imvo-convenanten-2016.txt")


def _files() -> list[str]:
    out: list[str] = []
    for part in PARTS:
        p = CORPUS / part
        out += (
            sorted(str(f) for f in p.rglob("*") if f.is_file() and f.name != "README.md")
            if p.is_dir()
            else [str(p)]
        )
    return out


@pytest.mark.parametrize("backend", BACKENDS)
def test_dask_gives_the_store_the_pool_gives(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    pool = new_store(backend, tmp_path / "pool", request) if backend == "postgresql" else None
    files = _files()
    if backend == "sqlite":
        (tmp_path / "pool").mkdir()
        (tmp_path / "dask").mkdir()
        by_pool, by_dask = tmp_path / "pool" / "k.sqlite", tmp_path / "dask" / "k.sqlite"
        r = kamer("ingest", *files, "--db", str(by_pool), "--workers", "2", "--no-progress")
        assert r.returncode == 0, r.stderr
        r = kamer(
            "ingest", *files, "--db", str(by_dask), "--workers", "2", "--engine", "dask", "--no-progress"
        )
        assert r.returncode == 0, r.stderr
        assert f"ingested {len(files) - 1} new" in r.stdout, r.stdout  # the open-data export is no paper
        assert _snapshot(by_dask) == _snapshot(by_pool)
        return
    # on PostgreSQL: the same answers from a store the pool filled and one Dask filled
    assert pool is not None
    dask = new_store(backend, tmp_path / "dask", request)
    settings = Settings(workers=2)
    assert ingest_paths(files, pool, settings).failed == 0
    summary = ingest_paths(files, dask, settings, engine="dask")
    assert summary.failed == 0 and summary.added == len(files) - 1  # the open-data export is not a paper
    assert dask.stats() == pool.stats()
    assert open_motions(dask) == open_motions(pool)
    assert open_commitments(dask) == open_commitments(pool)
    assert chain(dask, "kst-28844-290") == chain(pool, "kst-28844-290")


def _pg_snapshot(url: str) -> tuple:
    import psycopg

    with psycopg.connect(url) as con:
        docs = sorted(con.execute("SELECT uid, doc_id, meta, analyser FROM documents").fetchall())
        facts = sorted(
            con.execute(
                "SELECT d.uid, f.type, f.json FROM facts f JOIN documents d ON d.id = f.document"
            ).fetchall()
        )
    return docs, facts


@pytest.mark.parametrize("backend", BACKENDS)
def test_dask_reanalyse_gives_the_store_the_pool_gives(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Papers stored by older rules (one more ICT term) come out of ``reanalyse --engine dask`` as out
    of the pool's ``reanalyse``: the same facts, the same counts."""
    import json
    import shutil

    from pipeline import resources

    models = tmp_path / "models"
    shutil.copytree(resources.path(), models, ignore=shutil.ignore_patterns("training", "scripts"))
    lexicon = json.loads((models / "lexicons" / "sectors.json").read_text(encoding="utf-8"))
    next(s for s in lexicon["sectors"] if s["id"] == "ict")["terms"].append("website")
    (models / "lexicons" / "sectors.json").write_text(
        json.dumps(lexicon, ensure_ascii=False), encoding="utf-8"
    )
    old_rules = {"KAMER_MODELS": str(models)}
    files = _files()
    if backend == "sqlite":
        by_pool, by_dask = tmp_path / "pool.sqlite", tmp_path / "dask.sqlite"
        r = kamer("ingest", *files, "--db", str(by_pool), "--workers", "2", "--no-progress", env=old_rules)
        assert r.returncode == 0, r.stderr
        shutil.copy(by_pool, by_dask)
        dbs = [str(by_pool), str(by_dask)]
    else:
        server = request.getfixturevalue("postgres")
        dbs = [server.database(), server.database()]
        for db in dbs:
            r = kamer("ingest", *files, "--db", db, "--workers", "2", "--no-progress", env=old_rules)
            assert r.returncode == 0, r.stderr
    stale = json.loads(kamer("stats", "--db", dbs[0], "--format", "json").stdout)["stale"]
    assert stale == len(files) - 1  # every paper (the open-data export is none)

    pool = kamer("reanalyse", "--db", dbs[0], "--workers", "2", "--no-progress")
    dask = kamer("reanalyse", "--db", dbs[1], "--workers", "2", "--engine", "dask", "--no-progress")
    assert pool.returncode == 0 and dask.returncode == 0, pool.stderr + dask.stderr
    assert f"reanalysed {stale} papers: 0 facts added, 1 removed, 0 failed" in pool.stdout, pool.stdout
    assert dask.stdout.replace(dbs[1], dbs[0]) == pool.stdout
    snapshot = _snapshot if backend == "sqlite" else _pg_snapshot
    assert snapshot(dbs[1]) == snapshot(dbs[0])  # type: ignore[operator]


def test_a_long_pdf_is_read_in_page_ranges_and_gives_the_pools_document(tmp_path: Path) -> None:
    """A born-digital PDF of 300 pages is split into page-range tasks on Dask (any worker), joined in
    order before the NLP stage: the same text, pages, provenance and facts as the process pool's."""
    import dask.distributed as dd

    from pipeline.batch import analyse_file
    from pipeline.dask_engine import SPLIT_PAGES, Cluster
    from tests.hostile import long_pdf

    pdf = str(long_pdf(tmp_path / "long.pdf", 300))
    settings = Settings(workers=2)
    by_pool = analyse_file(pdf, Settings(workers=1))
    assert "error" not in by_pool and by_pool["source"]["pages"] == 300
    assert len(by_pool["references"]) > 300 and len(by_pool["text"]) > 300 * 40 * 40
    with Cluster(settings) as cluster, dd.get_task_stream(cluster.client) as stream:
        (by_dask,) = list(cluster.files([pdf]))
    ranges = [t for t in stream.data if str(t["key"]).startswith("read_pages")]
    assert len(ranges) == -(-300 // SPLIT_PAGES)
    assert len({t["worker"] for t in ranges}) == 2  # the ranges ran on both workers
    assert by_dask == by_pool

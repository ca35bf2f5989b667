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

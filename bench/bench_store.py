"""Scale of the store and the queries on the dev motions (issue 5).

Ingests the 6,408 dev motion XMLs plus their open data into a fresh store,
then times open-motions (answered by the store's indexes), a fresh process
running `kamer query open-motions`, and a re-ingest.
Targets: ingest ≤ 2 minutes on 2 cores; open-motions ≤ 200 ms.

    .venv/bin/python bench/bench_store.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "corpus" / "motions-dev"


def main() -> None:
    from pipeline.query import open_motions
    from pipeline.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dev.sqlite"

        def kamer(*args: str) -> float:
            t = time.perf_counter()
            cmd = [sys.executable, "-m", "pipeline.cli", *args]
            subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True)
            return time.perf_counter() - t

        ingest = kamer("ingest", str(DEV), "--db", str(db), "--no-progress")
        store = Store(db)
        counts = store.stats()
        runs = []
        for _ in range(5):
            t = time.perf_counter()
            rows = open_motions(store)
            runs.append(time.perf_counter() - t)
        cli = kamer("query", "open-motions", "--db", str(db), "--format", "json")
        again = kamer("ingest", str(DEV), "--db", str(db), "--no-progress")
        same = Store(db).stats() == counts
    print(
        f"ingest {counts['documents']:,} motion XMLs + {counts['zaken']:,} open-data records: {ingest:.1f} s "
        "(target ≤ 120 s)"
    )
    print(
        f"open-motions ({len(rows):,} motions, all of them), from the store: median "
        f"{sorted(runs)[2] * 1000:.0f} ms (target ≤ 200 ms)"
    )
    print(
        "`kamer query open-motions` in a fresh process (interpreter and imports included): "
        f"{cli * 1000:.0f} ms"
    )
    print(f"re-ingest (all skipped by content hash): {again:.1f} s, counts unchanged: {same}")


if __name__ == "__main__":
    main()

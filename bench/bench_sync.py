"""How fast ``kamer sync`` takes Zaak records from an OData service, and its peak memory.

The service is the test replay on 127.0.0.1 (``tests/support/odata_replay.py``)
serving N copies of the 20 real Zaak records of ``corpus/motions/opendata.jsonl``
(new Ids and timestamps), 250 a page as the Tweede Kamer serves them, with no
pause between requests. Prints records/s of a first full run, the time of a
second run that finds nothing new, and the peak resident memory.

    .venv/bin/python bench/bench_sync.py [N]
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import Settings  # noqa: E402
from pipeline.store import Store  # noqa: E402
from pipeline.sync import sync  # noqa: E402
from tests.conftest import load_jsonl  # noqa: E402
from tests.support.odata_replay import Replay  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    base = load_jsonl(ROOT / "corpus" / "motions" / "opendata.jsonl")
    records = []
    for i in range(n):
        r = dict(base[i % len(base)])
        r["Id"] = str(uuid.UUID(int=i + 1))
        r["Nummer"] = f"2099Z{i:05d}"
        r["ApiGewijzigdOp"] = f"2025-01-01T00:{i // 60 % 60:02d}:{i % 60:02d}.{i:07d}Z"
        records.append(r)
    with Replay(page_size=250) as replay, tempfile.TemporaryDirectory() as tmp:
        replay.add("Zaak", records)
        settings = replace(Settings(), odata_url=replay.url, sync_interval=0.0)
        with Store(Path(tmp) / "k.sqlite") as store:
            t = time.perf_counter()
            first = sync(store, settings, entities=["Zaak"])
            full = time.perf_counter() - t
            t = time.perf_counter()
            sync(store, settings, entities=["Zaak"])
            again = time.perf_counter() - t
            stored = store.stats()["zaken"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{n} Zaak records, {first.entities['Zaak'].pages} pages: {full:.2f} s ({n / full:,.0f} records/s), "
        f"{stored} stored"
    )
    print(f"second run, nothing new: {again * 1000:.0f} ms, {first.requests} requests in the first run")
    print(f"peak memory (this process, replay included): {peak:.0f} MB")


if __name__ == "__main__":
    main()

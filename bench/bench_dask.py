"""Ingest throughput with 1 and 2 workers: the process pool against a Dask LocalCluster.

    .venv/bin/python bench/bench_dask.py                      # 800 archive papers, 3 rounds
    .venv/bin/python bench/bench_dask.py --files 400 --rounds 5 --no-cli

The papers are every k-th of ``../shared/corpus/sgd`` (OCR text of archive papers of every kind,
sorted by name). For each engine and worker count, in rounds that alternate the order:

* ``start-up``: for Dask, starting the LocalCluster and loading the NLP stage on every worker;
  for the pool (whose workers start with the batch), the time to its first results less what
  those results cost at the steady rate;
* ``steady``: papers/s once the workers are warm: for Dask the whole batch on a warm cluster;
  for the pool the results after the first tenth (their timestamps);
* ``store``: papers/s this one process writes to a new SQLite store (JSON → Document → put),
  the part no worker shares;
* ``kamer ingest``: the whole command in a fresh process into a new SQLite store (start-up,
  hashing, analysis and store writes), wall seconds (with ``--no-cli`` left out).

The machine is shared: every figure is the median of the rounds, with its min–max.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.batch import Result, process_many  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.dask_engine import Cluster  # noqa: E402

SGD = ROOT.parent / "shared" / "corpus" / "sgd"


def papers(n: int) -> list[str]:
    every = sorted(str(p) for p in SGD.rglob("*.txt"))
    step = max(1, len(every) // n)
    return every[::step][:n]


def timed(results: Any) -> tuple[list[float], list[Result]]:
    stamps: list[float] = []
    out: list[Result] = []
    for r in results:
        stamps.append(time.perf_counter())
        out.append(r)
    return stamps, out


def steady(t0: float, stamps: list[float]) -> tuple[float, float]:
    """(papers/s after the first tenth, the start-up before the first results at that rate)."""
    k = max(1, len(stamps) // 10)
    rate = (len(stamps) - k) / (stamps[-1] - stamps[k - 1])
    return rate, max(0.0, stamps[k - 1] - t0 - k / rate)


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_pool(files: list[str], workers: int) -> dict[str, float]:
    t0, c0, w0 = time.perf_counter(), time.process_time(), children_cpu()
    stamps, results = timed(process_many(files, Settings(workers=workers)))
    rate, start = steady(t0, stamps)
    return {
        "start-up s": start,
        "steady papers/s": rate,
        "wall s": stamps[-1] - t0,
        "parent ms/paper": 1000 * (time.process_time() - c0) / len(files),
        "workers ms/paper": 1000 * (children_cpu() - w0) / len(files),  # their start-up included
        **pages(results),
    }


def run_dask(files: list[str], workers: int) -> dict[str, float]:
    t0 = time.perf_counter()
    with Cluster(Settings(workers=workers)) as cluster:
        t1, c1 = time.perf_counter(), time.process_time()
        w1 = sum(cluster.client.run(time.process_time).values())
        stamps, results = timed(cluster.files(files))
        c2 = time.process_time()
        w2 = sum(cluster.client.run(time.process_time).values())
    return {
        "start-up s": t1 - t0,
        "steady papers/s": len(files) / (stamps[-1] - t1),
        "wall s": stamps[-1] - t0,
        "parent ms/paper": 1000 * (c2 - c1) / len(files),  # client and scheduler
        "workers ms/paper": 1000 * (w2 - w1) / len(files),
        **pages(results),
    }


def pages(results: list[Result]) -> dict[str, float]:
    ok = [r for r in results if "error" not in r]
    return {"pages": sum(r["source"]["pages"] for r in ok), "failed": len(results) - len(ok)}


def store_rate(files: list[str]) -> float:
    from pipeline.schema import Document
    from pipeline.store import Store

    results = [r for r in process_many(files, Settings(workers=2)) if "error" not in r]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "k.sqlite") as store:
        t0 = time.perf_counter()
        for r in results:
            store.put(Document.from_json(r))
        return len(results) / (time.perf_counter() - t0)


def cli(files: list[str], engine: str, workers: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pipeline.cli", "ingest", *files, "--db", f"{tmp}/k.sqlite",
             "--engine", engine, "--workers", str(workers), "--no-progress"],
            cwd=ROOT, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        return time.perf_counter() - t0


def fmt(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=800)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-cli", action="store_true", help="leave out the whole 'kamer ingest' runs")
    ap.add_argument("--engines", default="pool,dask", help="comma-separated: pool, dask")
    a = ap.parse_args()
    files = papers(a.files)
    print(f"{len(files)} archive papers from {SGD}, {os.cpu_count()} cores, {a.rounds} rounds", flush=True)
    engines = a.engines.split(",")
    cases = [(e, w) for e in engines for w in (1, 2)]
    got: dict[tuple[str, int], dict[str, list[float]]] = {c: {} for c in cases}
    for k in range(a.rounds):
        for engine, workers in cases if k % 2 == 0 else cases[::-1]:
            row = (run_pool if engine == "pool" else run_dask)(files, workers)
            if not a.no_cli:
                row["kamer ingest s"] = cli(files, engine, workers)
            for key, v in row.items():
                got[engine, workers].setdefault(key, []).append(v)
            print(
                f"  round {k + 1} {engine} × {workers}: " + ", ".join(f"{x} {v:.2f}" for x, v in row.items()),
                flush=True,
            )
    rate = store_rate(files)
    n_pages = statistics.median(got[cases[0]]["pages"])
    print(
        f"\n{len(files)} papers, {n_pages:.0f} pages; the store writes {rate:.0f} papers/s in one process\n"
    )
    keys = ["start-up s", "steady papers/s", "wall s", "parent ms/paper", "workers ms/paper"]
    keys += [] if a.no_cli else ["kamer ingest s"]
    print("| engine | workers | " + " | ".join(keys) + " |")
    print("|---|---|" + "---|" * len(keys))
    for engine, workers in cases:
        print(f"| {engine} | {workers} | " + " | ".join(fmt(got[engine, workers][x]) for x in keys) + " |")
    for engine in engines:
        one, two = got[engine, 1]["steady papers/s"], got[engine, 2]["steady papers/s"]
        ratios = [b / a_ for a_, b in zip(one, two, strict=True)]
        line = f"{engine}: 2 workers / 1, steady: {fmt(ratios)}×"
        if not a.no_cli:
            w1, w2 = got[engine, 1]["kamer ingest s"], got[engine, 2]["kamer ingest s"]
            line += f"; whole kamer ingest: {fmt([x / y for x, y in zip(w1, w2, strict=True)])}×"
        # on idle cores, CPU-bound: a paper costs max(its worker CPU / w, all CPU / cores, the parent's)
        ceiling = []
        for w in (1, 2):
            par = statistics.median(got[engine, w]["parent ms/paper"])
            wrk = statistics.median(got[engine, w]["workers ms/paper"])
            ceiling.append(max(wrk / w, (wrk + par) / min(2, os.cpu_count() or 1), par))
        line += f"; idle-machine CPU ceiling {ceiling[0] / ceiling[1]:.2f}×"
        pps = statistics.median(two) * n_pages / len(files)
        line += f"; 2 workers steady: {pps:.1f} pages/s, {1e6 / pps / 3600:.1f} h per million pages"
        print(line)


if __name__ == "__main__":
    main()

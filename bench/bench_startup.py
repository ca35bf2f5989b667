"""Start-up: what one small file costs before any reading is done (issue 8, item 8).

Prints, for `kamer --help` and `kamer extract` of one small letter, the median wall and CPU seconds
and the peak memory over N fresh processes, and the import time of the heavy modules (from
``python -X importtime``), so a change that loads more than a file needs shows up here.

    .venv/bin/python bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LETTER = ROOT / "corpus" / "letters" / "brief-uitstel-motie-ouwehand-2025.txt"
KAMER = [sys.executable, "-m", "pipeline.cli"]


def run(args: list[str], runs: int) -> tuple[float, float, float]:
    walls, cpus, peaks = [], [], []
    subprocess.run(args, capture_output=True, cwd=ROOT, check=True)  # warm the file cache
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(args, capture_output=True, cwd=ROOT, check=True)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        peaks.append(after.ru_maxrss / 1024)  # the largest child so far, MiB
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def imports() -> list[tuple[str, float]]:
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import pipeline.cli, pipeline.nlp.analyse"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    rows = []
    for line in out.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if m and len(m.group(2)) <= 2:  # top-level and first-level imports
            rows.append((m.group(3), int(m.group(1)) / 1e6))
    return sorted(rows, key=lambda r: -r[1])[:6]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    print(f"{'command':<44} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9}   (median of {a.runs})")
    for name, args in (
        ("kamer --help", [*KAMER, "--help"]),
        (f"kamer extract {LETTER.name[:28]}…", [*KAMER, "extract", str(LETTER)]),
    ):
        wall, cpu, peak = run(args, a.runs)
        print(f"{name:<44} {wall:7.2f} {cpu:7.2f} {peak:9.0f}")
    print("heaviest imports of the analysis path (cumulative s):")
    for mod, secs in imports():
        print(f"  {mod:<40} {secs:6.2f}")


if __name__ == "__main__":
    main()

"""Hostile and huge files: peak memory and time of `kamer extract` on each, in a fresh process (issue 9).

Generated here, never committed: a 2 GB Flate bomb in a 2 MB PDF, a TIFF of 40 frames of 6000×6000
pixels, and a born-digital PDF of 1,500 pages. Each must give its error line (or its facts) within
1 GB of memory; the figures are printed, not asserted (the tests assert the bounds).

    .venv/bin/python bench/bench_hostile.py [--pages 1500]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.hostile import flate_bomb, frames_tiff, long_pdf, peak_rss_mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=1500)
    a = ap.parse_args()
    print(f"{'file':<34} {'on disk':>9} {'wall s':>7} {'peak MiB':>9}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bomb = folder / "flate-bomb.pdf"
        bomb.write_bytes(flate_bomb(2 << 30))
        cases = [
            ("Flate bomb (2 GB inflated)", bomb, {}),
            ("TIFF, 40 frames of 6000x6000", frames_tiff(folder / "frames.tiff"), {}),
            (f"born-digital PDF, {a.pages} pages", long_pdf(folder / "long.pdf", a.pages), {}),
        ]
        for name, path, env in cases:
            os.environ.update(env)
            t0 = time.perf_counter()
            out, peak = peak_rss_mb(["extract", str(path)])
            wall = time.perf_counter() - t0
            line = json.loads(out.stdout.splitlines()[0]) if out.stdout.strip() else {}
            pages = line.get("source", {}).get("pages")
            refs = len(line.get("references", []))
            outcome = (
                f"error {line['error']['code']}" if "error" in line else f"{refs} references, {pages} pages"
            )
            size = path.stat().st_size / (1 << 20)
            print(f"{name:<34} {size:7.1f}MB {wall:7.1f} {peak:9.0f}  {outcome}")


if __name__ == "__main__":
    main()

"""How much of each paper's anatomy the readers find on the whole Staten-Generaal archive (no gold needed).

For every paper in the letter-like folders of ../shared/corpus/sgd (the gold papers left out), reads its
structure and counts how often kind, date, own number and signers are found, per folder; prints a random
sample per folder to check by hand. The gold measures precision on a few papers; this measures reach on
thousands.

    .venv/bin/python bench/anatomy_coverage.py [--folders brieven aanhangsels overleggen] [--sample 5]
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing as mp
import os
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SGD = ROOT.parent / "shared" / "corpus" / "sgd"


def read(path: str) -> dict[str, object]:
    from pipeline.extract import extract_file
    from pipeline.nlp.kinds import read_structure

    try:
        s = read_structure(extract_file(path))
    except Exception as exc:  # counted, shown
        return {"path": path, "error": f"{type(exc).__name__}: {exc}"}
    m = s.meta
    return {
        "path": path,
        "kind": m.kind,
        "date": m.date,
        "kst": m.kamerstuk.id if m.kamerstuk else None,
        "doc_id": s.doc_id,
        "authors": [f"{a.name} ({a.role})" for a in m.authors],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folders", nargs="*", default=["brieven", "aanhangsels", "overleggen"])
    ap.add_argument("--sample", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0, help="papers per folder (0: all)")
    a = ap.parse_args()
    gold = {
        os.path.basename(json.loads(x)["path"])
        for x in (ROOT.parent / "shared/gold/letters-sgd.jsonl").open()
    }
    rng = random.Random(7)
    for folder in a.folders:
        files = sorted(str(p) for p in (SGD / folder).glob("*.txt") if p.name not in gold)
        if a.limit:
            files = rng.sample(files, min(a.limit, len(files)))
        with mp.Pool(os.cpu_count()) as pool:
            rows = pool.map(read, files, chunksize=8)
        ok = [r for r in rows if "error" not in r]
        kinds = collections.Counter(r["kind"] for r in ok)
        n = len(ok)
        print(f"\n== {folder}: {len(rows)} papers, {len(rows) - n} errors; kinds {dict(kinds)}")
        for field in ("date", "kst", "doc_id", "authors"):
            print(f"   {field:8s} found in {sum(bool(r[field]) for r in ok) / max(n, 1):.0%}")
        for r in rng.sample(ok, min(a.sample, n)):
            print("   ", json.dumps(r, ensure_ascii=False)[:300])
        for r in [r for r in rows if "error" in r][:3]:
            print("   ERROR", r)


if __name__ == "__main__":
    main()

"""Measure what extraction reads about a motion itself, on the dev motions.

For each sampled gold motion: the official XML, a PDF rendered from it in the
printed Kamerstuk layout, and (for fewer) a noisy 300 dpi scan of that PDF.
Prints accuracy of the own Kamerstuk id, kind and date, and author F1, per
input kind.

    .venv/bin/python bench/eval_extract.py --xml 6408 --pdf 300 --scan 30
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import process  # noqa: E402
from pipeline.errors import ExtractError  # noqa: E402
from pipeline.evaluate import Report, score_document  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "motions-dev.jsonl"
FIELDS = ("meta.kamerstuk", "meta.kind", "meta.date", "meta.authors")


def _meta_gold(g: dict[str, Any]) -> dict[str, Any]:
    meta = {k: v for k, v in g["meta"].items() if k in ("kind", "date", "kamerstuk", "authors")}
    return {"path": g["path"], "meta": meta}


def _run(job: tuple[str, dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    mode, g = job
    xml = (GOLD.parent / g["path"]).resolve()
    try:
        if mode == "xml":
            doc = process(xml)
        else:
            from tests.support.render import render_pdf, scan_pdf

            pdf = render_pdf(xml.read_bytes(), g["doc_id"])
            data = pdf if mode == "pdf" else scan_pdf(pdf, seed=zlib.crc32(g["doc_id"].encode()))
            with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
                tmp.write(data)
                tmp.flush()
                doc = process(tmp.name)
        return _meta_gold(g), {"meta": doc.meta.to_json()}
    except ExtractError as exc:
        return _meta_gold(g), {"error": {"message": exc.message}}


def measure(mode: str, golds: list[dict[str, Any]], workers: int) -> tuple[Report, float]:
    report = Report()
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for gold, pred in pool.map(_run, [(mode, g) for g in golds], chunksize=4):
            if "error" in pred:
                report.errors.append(f"{gold['path']}: {pred['error']['message']}")
                pred = {}
            score_document(report, gold, pred)
    return report, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xml", type=int, default=6408)
    ap.add_argument("--pdf", type=int, default=200)
    ap.add_argument("--scan", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--misses", type=int, default=5, help="misses to print per field")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    golds = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    rng = random.Random(args.seed)
    rng.shuffle(golds)
    results = {}
    for mode, n in (("xml", args.xml), ("pdf", args.pdf), ("scan", args.scan)):
        if n <= 0:
            continue
        report, secs = measure(mode, golds[:n], args.workers)
        row = {f: report[f].to_json() for f in FIELDS}
        results[mode] = {
            "n": min(n, len(golds)),
            "seconds": round(secs, 1),
            "errors": len(report.errors),
            **row,
        }
        if not args.json:
            print(f"\n{mode}: {min(n, len(golds))} motions in {secs:.1f} s, {len(report.errors)} errors")
            for f in FIELDS:
                s = report[f]
                print(f"  {f:<16} P {s.precision:.4f}  R {s.recall:.4f}  F1 {s.f1:.4f}")
                for m in s.misses[: args.misses]:
                    print(f"      miss: {m}")
            for e in report.errors[: args.misses]:
                print(f"      error: {e}")
    if args.json:
        print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()

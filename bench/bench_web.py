"""Speed of the web view (issue 13): a 200-page paper's page, and search, at dev scale.

Builds a store from the 6,408 dev motions with their open data, the letters
of corpus/, and a 200-page letter (the two corpus letters repeated, one per
page, so every page carries references, a motion, a promise and follow-ups),
or uses ``--db``. Then times, in this process, what ``kamer serve`` does:
building the graph and the search index at start, rendering the 200-page
paper's page (the Starlette app through its test client), and searches.
Targets: the page under 1 s; a search under 200 ms.

    .venv/bin/python bench/bench_web.py [--db dev.sqlite] [--workers 2]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "corpus" / "motions-dev"
LETTERS = ROOT / "corpus" / "letters"
QUERIES = ("motie", "financiële belangen", "verzoekt de regering", "stikstof", "Oekraïne", "klokkenluiders")


def big_letter(folder: Path, pages: int = 200) -> Path:
    letters = [p.read_text(encoding="utf-8") for p in sorted(LETTERS.glob("*.txt"))]
    path = folder / "brief-200-paginas.txt"
    path.write_text("\f".join(letters[i % len(letters)] for i in range(pages)), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="an existing store (default: build one in a temporary folder)")
    ap.add_argument("--workers", default="2")
    args = ap.parse_args()
    from starlette.testclient import TestClient

    from pipeline.store import Store
    from pipeline.web.app import create_app, wrap
    from pipeline.web.lookup import index
    from pipeline.web.search import SearchIndex

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "dev.sqlite"
        if not args.db:
            big = big_letter(Path(tmp))
            t = time.perf_counter()
            cmd = [sys.executable, "-m", "pipeline.cli", "ingest", str(DEV), str(LETTERS), str(big)]
            cmd += ["--db", str(db), "--no-progress", "--workers", args.workers]
            subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True)
            print(f"ingest: {time.perf_counter() - t:.1f} s")
        with Store(db, readonly=True) as store:
            print("store:", "  ".join(f"{k} {v:,}" for k, v in store.stats().items()))
            t = time.perf_counter()
            ix = index(store)
            graph = time.perf_counter() - t
            t = time.perf_counter()
            search = SearchIndex(store)
            fts = time.perf_counter() - t
            print(f"start: graph and names {graph:.2f} s, search index {fts:.2f} s")
            runs: dict[str, float] = {}
            for q in QUERIES:
                times = []
                for _ in range(5):
                    t = time.perf_counter()
                    hits = search.search(q)
                    times.append(time.perf_counter() - t)
                runs[q] = statistics.median(times)
                print(f"search {q!r}: {len(hits)} hits, {runs[q] * 1000:.1f} ms")
            print(f"search, slowest median: {max(runs.values()) * 1000:.1f} ms (target < 200 ms)")
            biggest = store.db.execute(
                "SELECT COALESCE(d.doc_id, 'doc:' || d.uid), s.pages, (SELECT count(*) FROM facts f"
                " WHERE f.document = d.id) FROM documents d JOIN sources s ON s.sha256 = d.best"
                " ORDER BY s.pages DESC LIMIT 1"
            ).fetchone()
            del ix
        node, pages, facts = biggest
        with TestClient(wrap(create_app(db))) as client:
            times = []
            for _ in range(3):
                t = time.perf_counter()
                r = client.get("/show/" + quote(node, safe=""))
                times.append(time.perf_counter() - t)
            assert r.status_code == 200, r.status_code
            print(
                f"page of {node} ({pages} pages, {facts:,} facts, {len(r.content) / 1e6:.1f} MB html): "
                f"{statistics.median(times) * 1000:.0f} ms (target < 1000 ms)"
            )
            t = time.perf_counter()
            r = client.get("/search?q=" + quote("verzoekt de regering"))
            print(f"search page 'verzoekt de regering': {(time.perf_counter() - t) * 1000:.0f} ms")


if __name__ == "__main__":
    main()

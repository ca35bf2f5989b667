"""Every ``kamer query`` on stores of 10k, 100k (and 1M) papers: latency p50/p95 and peak memory.

    .venv/bin/python bench/bench_scale.py                 # 10k and 100k
    .venv/bin/python bench/bench_scale.py --sizes 1000000 --runs 5
    .venv/bin/python bench/bench_scale.py --keep outputs/scale   # keep the generated stores

A store is made fast, straight into SQLite: the demo corpus (real motions, letters, answers, a
debate, the open-data export; ``tests/web/conftest.build_demo``) is ingested once, and its papers
are copied with new ids, facts and all, until the store holds N papers. Links inside the corpus
(a letter that fulfils a motion, a motion's own number, its open-data record and vote) are
carried into each copy; citations of papers outside it stay as they are, so those become hubs
cited by every copy, as the big dossiers are. Copies hold no text (no ``sources`` rows): queries
never read it.

Each query runs in a fresh process (``kamer query … --format json``), so the figures include
start-up; peak memory is the child's maximum RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KAMER = [sys.executable, "-m", "pipeline.cli"]


def template(folder: Path) -> Path:
    """The demo store (real papers), built once."""
    from tests.web.conftest import build_demo

    return build_demo(folder)


def _copy_id(node: str | None, docs: dict[str, str], k: int) -> str | None:
    """A template paper's node in copy ``k``; any other node is left as it is."""
    if node is None:
        return None
    if node in docs:
        return docs[node].format(k=k, d=900_000 + k)
    if node.startswith("commitment:"):
        rest = node.removeprefix("commitment:")
        base, sep, start = rest.rpartition("@")
        if sep and base in docs:
            return f"commitment:{_copy_id(base, docs, k)}@{start}"
        if rest in docs:
            return f"commitment:{_copy_id(rest, docs, k)}"
    if node.startswith("motion:"):
        base, sep, start = node.removeprefix("motion:").rpartition("#")
        if sep and base in docs:
            return f"motion:{_copy_id(base, docs, k)}#{start}"
    return node


def generate(src: Path, dest: Path, n: int) -> float:
    """Copy the template store's papers into ``dest`` until it holds ``n``; returns seconds taken."""
    from pipeline.store import Store

    t0 = time.perf_counter()
    Store(dest).close()  # the current schema, migrated
    tpl = sqlite3.connect(src)
    db = sqlite3.connect(dest, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-200000")
    docs_rows = tpl.execute(
        "SELECT id, uid, doc_id, kind, title, date, meta, analyser FROM documents ORDER BY id"
    ).fetchall()
    # copy k of the i-th template paper is Kamerstuk kst-<900000 + k>-<i>; one without an id stays so
    docs: dict[str, str] = {}
    for i, (_, uid, doc_id, *_) in enumerate(docs_rows, start=1):
        node = doc_id or f"doc:{uid}"
        docs[node] = f"kst-{{d}}-{i}" if doc_id else "doc:{k:08x}" + uid[8:]
    per_doc: dict[int, list[tuple]] = {}
    for row in tpl.execute(
        "SELECT document, type, kind, target, page, start, end, json, digest, version, source, node, rel,"
        " status, appraisal, due, actor, id FROM facts ORDER BY id"
    ):
        per_doc.setdefault(int(row[0]), []).append(row)
    people: dict[int, list[str]] = {}
    for person, fact in tpl.execute("SELECT person, fact FROM people"):
        people.setdefault(int(fact), []).append(person)
    zaken = tpl.execute(
        "SELECT nummer, soort, kst_id, onderwerp, datum, vergaderjaar, besluit, status, kabinetsappreciatie,"
        " afgedaan FROM zaken"
    ).fetchall()
    states = tpl.execute("SELECT node, date, open, listed FROM motion_state").fetchall()
    copies = (n + len(docs_rows) - 1) // len(docs_rows)
    doc_id = fact_id = 0
    batch_docs: list[tuple] = []
    batch_facts: list[tuple] = []
    batch_people: list[tuple] = []
    batch_zaken: list[tuple] = []
    batch_states: list[tuple] = []

    def flush() -> None:
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO documents (id, uid, doc_id, kind, title, date, meta, analyser)"
            " VALUES (?,?,?,?,?,?,?,?)",
            batch_docs,
        )
        db.executemany(
            "INSERT INTO facts (id, document, type, kind, target, page, start, end, json, digest, version,"
            " source, node, rel, status, appraisal, due, actor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            batch_facts,
        )
        db.executemany("INSERT INTO people (person, fact) VALUES (?,?)", batch_people)
        db.executemany(
            "INSERT OR REPLACE INTO zaken (nummer, soort, kst_id, onderwerp, datum, vergaderjaar, besluit,"
            " status, kabinetsappreciatie, afgedaan, json) VALUES (?,?,?,?,?,?,?,?,?,?,'{}')",
            batch_zaken,
        )
        db.executemany("INSERT OR REPLACE INTO motion_state VALUES (?,?,?,?)", batch_states)
        db.execute("COMMIT")
        for b in (batch_docs, batch_facts, batch_people, batch_zaken, batch_states):
            b.clear()

    order = {own or f"doc:{uid}": i for i, (_, uid, own, *_) in enumerate(docs_rows)}
    made = 0
    for k in range(copies):
        made_in_copy = 0
        for tid, uid, own, kind, title, date, meta, analyser in docs_rows:
            if made >= n:
                break
            made += 1
            made_in_copy += 1
            doc_id += 1
            node = _copy_id(own or f"doc:{uid}", docs, k) or ""
            new_uid = f"{k:08x}{uid[8:]}"
            if node.startswith("doc:"):
                new_uid = node[4:]
            batch_docs.append(
                (
                    doc_id,
                    new_uid,
                    None if node.startswith("doc:") else node,
                    kind,
                    title,
                    date,
                    meta,
                    analyser,
                )
            )
            for f in per_doc.get(tid, []):
                fact_id += 1
                raw = f[7]
                target, fnode = f[3], f[11]
                new_target, new_node = _copy_id(target, docs, k), _copy_id(fnode, docs, k)
                if target and new_target != target:
                    raw = raw.replace(json.dumps(target), json.dumps(new_target))
                batch_facts.append(
                    (fact_id, doc_id, f[1], f[2], new_target, f[4], f[5], f[6], raw, f[8], f[9], node,
                     new_node,
                     *f[12:17])
                )  # fmt: skip
                batch_people += [(p, fact_id) for p in people.get(int(f[17]), [])]
        made_here = {docs_node for docs_node, idx in order.items() if idx < made_in_copy}
        for z in zaken:
            if z[2] in made_here:
                batch_zaken.append((f"{z[0]}-{k}", z[1], _copy_id(z[2], docs, k), *z[3:]))
        for node, date, is_open, listed in states:
            if node in made_here:
                batch_states.append((_copy_id(node, docs, k), date, is_open, listed))
        if len(batch_facts) > 50_000:
            flush()
    flush()
    # motions only mentioned (outside the corpus) are one node each, shared by every copy
    db.executemany(
        "INSERT OR IGNORE INTO motion_state VALUES (?,?,?,?)", [s for s in states if s[0] not in docs]
    )
    from pipeline.store import COMMITMENT_STATE, EVERY_COMMITMENT

    db.execute(COMMITMENT_STATE + EVERY_COMMITMENT)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    db.close()
    return time.perf_counter() - t0


TABLES = {
    "documents": ("id", "uid", "doc_id", "kind", "title", "date", "meta", "extras", "best", "analyser"),
    "facts": ("id", "document", "type", "kind", "target", "page", "start", "end", "json", "digest", "version",
              "source", "node", "rel", "status", "appraisal", "due", "actor"),
    "people": ("person", "fact"),
    "zaken": ("nummer", "soort", "kst_id", "onderwerp", "datum", "vergaderjaar", "besluit", "status",
              "kabinetsappreciatie", "afgedaan", "json"),
    "motion_state": ("node", "date", "open", "listed"),
    "commitment_state": ("node", "fact", "kind", "due", "actor", "document", "open"),
}  # fmt: skip


def to_postgres(src: Path, url: str) -> float:
    """Copy a generated SQLite store into an empty PostgreSQL database with COPY; returns seconds."""
    from pipeline.store import Store

    t0 = time.perf_counter()
    store = Store(url)  # migrated: the PostgreSQL schema
    lite = sqlite3.connect(src)
    conn = store.conn  # type: ignore[attr-defined]
    for table in TABLES:
        conn.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    for table, cols in TABLES.items():
        names = ", ".join(f'"{c}"' for c in cols)
        store.copy(table, cols, lite.execute(f"SELECT {names} FROM {table}"))  # type: ignore[attr-defined]
    for table in TABLES:
        conn.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
    with conn.transaction():  # the counts the triggers would have kept
        conn.execute("DELETE FROM counts")
        conn.execute("INSERT INTO counts SELECT 'facts:' || type, count(*) FROM facts GROUP BY type")
        conn.execute("INSERT INTO counts SELECT 'documents', count(*) FROM documents")
        conn.execute("INSERT INTO counts VALUES ('sources', 0), ('pages', 0), ('ocr_pages', 0)")
    conn.execute("ANALYZE")
    store.close()
    return time.perf_counter() - t0


def measure(cmd: list[str], runs: int) -> tuple[float, float, float, float, int]:
    """(p50 s, p95 s, max s, p50 CPU s, peak RSS MB) of ``cmd`` run ``runs`` times, each a fresh process.

    CPU time (user + system) is what the machine's load does not inflate; wall time is what a user waits.
    """
    times, cpu, peaks = [], [], []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - t)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}: {proc.stderr.read().decode() if proc.stderr else ''}")
        cpu.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss // 1024)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, times[-1], statistics.median(cpu), max(peaks)


def queries(db: Path) -> list[tuple[str, list[str]]]:
    con = sqlite3.connect(db)
    # a typical paper: a copied motion near the middle; a hub: the most cited node
    (motion,) = con.execute(
        "SELECT node FROM motion_state WHERE listed = 1 AND node LIKE 'kst-%' ORDER BY node LIMIT 1 OFFSET"
        " (SELECT count(*) / 2 FROM motion_state WHERE listed = 1 AND node LIKE 'kst-%')"
    ).fetchone()
    hub = con.execute(
        "SELECT node FROM facts WHERE rel = 'cites' GROUP BY node ORDER BY count(*) DESC, node LIMIT 1"
    ).fetchone()[0]
    con.close()
    base = ["--db", str(db), "--format", "json"]
    return [
        ("stats", ["stats", *base]),
        ("open-motions --limit 50", ["query", "open-motions", *base, "--limit", "50"]),
        ("open-motions --offset 1000 --limit 50",
         ["query", "open-motions", *base, "--offset", "1000", "--limit", "50"]),
        ("open-commitments --limit 50", ["query", "open-commitments", *base, "--limit", "50"]),
        ("open-commitments --overdue --limit 50",
         ["query", "open-commitments", *base, "--overdue", "--limit", "50"]),
        (f"cites {motion}", ["query", "cites", motion, *base]),
        (f"cited-by {motion}", ["query", "cited-by", motion, *base]),
        (f"chain {motion}", ["query", "chain", motion, *base]),
        (f"cited-by {hub} --limit 100 (hub)", ["query", "cited-by", hub, *base, "--limit", "100"]),
        (f"chain {hub} (hub, capped at 250)", ["query", "chain", hub, *base]),
        (f"chain {hub} --limit 1000 (hub)", ["query", "chain", hub, *base, "--limit", "1000"]),
    ]  # fmt: skip


def in_process(args: list[str], runs: int) -> tuple[float, float]:
    """(p50 s, p95 s) of one ``kamer`` call inside a process that has already imported everything."""
    import contextlib
    import io

    from pipeline.cli import main as kamer

    times = []
    for _ in range(runs + 1):
        out = io.StringIO()
        t = time.perf_counter()
        with contextlib.redirect_stdout(out):
            kamer.main(args=args, standalone_mode=False)
        times.append(time.perf_counter() - t)
    times = sorted(times[1:])  # the first run warms the page cache
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def _child(*args: str) -> str:
    """Run this script in a fresh process (so the parent stays small and each figure is clean)."""
    done = subprocess.run([sys.executable, __file__, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return done.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="Keep the stores in this folder (reused when present).")
    ap.add_argument(
        "--postgres",
        action="store_true",
        help="Also load each store into a throwaway PostgreSQL and time it.",
    )
    ap.add_argument("--generate", nargs=3, metavar=("TEMPLATE", "DEST", "N"), help=argparse.SUPPRESS)
    ap.add_argument("--in-process", dest="inproc", help=argparse.SUPPRESS)
    ap.add_argument("--to-postgres", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.generate:
        src, dest, n = args.generate
        print(generate(Path(src), Path(dest), int(n)))
        return
    if args.to_postgres:
        print(to_postgres(Path(args.to_postgres[0]), args.to_postgres[1]))
        return
    if args.inproc:
        print(json.dumps(in_process(json.loads(args.inproc), args.runs)))
        return
    try:
        run(args)
    finally:
        if PG:
            PG[0].stop()
            shutil.rmtree(PG[0].folder, ignore_errors=True)


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        tpl = folder / "demo.sqlite"
        if not tpl.exists():
            template(folder)
        empty = folder / "empty.sqlite"
        if not empty.exists():
            from pipeline.store import Store

            Store(empty).close()
        p50, p95, _, cpu, peak = measure([*KAMER, "stats", "--db", str(empty), "--format", "json"], args.runs)
        print(
            f"start-up alone (kamer stats on an empty store): p50 {p50:.3f} s, p95 {p95:.3f} s,"
            f" CPU {cpu:.3f} s, {peak} MB"
        )
        for size in args.sizes:
            db = folder / f"scale-{size}.sqlite"
            if not db.exists():
                part = db.with_suffix(".part")
                took = float(_child("--generate", str(tpl), str(part), str(size)))
                part.rename(db)
                mb = db.stat().st_size / 1e6
                print(
                    f"\n{size:,} papers: generated in {took:.1f} s ({size / took:,.0f} papers/s),"
                    f" {mb:,.0f} MB"
                )
            else:
                print(f"\n{size:,} papers: {db}")
            report(db, str(db), args.runs)
            if args.postgres:
                url = server(folder).database()
                took = float(_child("--to-postgres", str(db), url))
                print(f"\n{size:,} papers on PostgreSQL: loaded with COPY in {took:.1f} s")
                report(db, url, args.runs)


PG: list[Any] = []


def server(folder: Path) -> Any:
    """One throwaway PostgreSQL server for the run (tests/support/postgres.py), stopped at the end."""
    from tests.support.postgres import Postgres

    if not PG:
        PG.append(Postgres.start(Path(tempfile.mkdtemp(prefix="kamer-bench-pg-"))))
    return PG[0]


def report(db: Path, target: str, runs: int) -> None:
    """Time every query of ``queries(db)`` against ``target`` (the same store, or its PostgreSQL copy)."""
    print(f"{'':48} {'fresh process':^40} {'in process':^16}")
    print(
        f"{'query':48} " + " ".join(f"{c:>7}" for c in ("p50 s", "p95 s", "max s", "CPU s", "peak MB")),
        end="",
    )
    print(f" {'p50 s':>7} {'p95 s':>7}")
    for name, cmd in queries(db):
        cmd = [target if c == str(db) else c for c in cmd]
        p50, p95, worst, cpu, peak = measure([*KAMER, *cmd], runs)
        warm50, warm95 = json.loads(_child("--runs", str(runs), "--in-process", json.dumps(cmd)))
        print(f"{name[:48]:48} {p50:7.3f} {p95:7.3f} {worst:7.3f} {cpu:7.3f} {peak:7d}", end="")
        print(f" {warm50:7.3f} {warm95:7.3f}", flush=True)


if __name__ == "__main__":
    main()

"""The promise graph over the sample corpus: lifecycle, queries, exports, resumable ingest.

corpus/letters/ holds two Kamerbrieven written for these tests in the style
of real ones: one carries out an adopted motion (kst-28844-290), one only
asks for more time on another (kst-21501-20-2233) and promises news by a date.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from pipeline.batch import ingest_paths
from pipeline.config import Settings
from pipeline.export import export_graph, report
from pipeline.graph import FOLLOW_UPS, build_graph
from pipeline.query import (
    CHAIN_RELATIONS,
    chain,
    cited_by,
    cites,
    follow_ups_of,
    open_commitments,
    open_motions,
)
from pipeline.store import Store
from tests.conftest import BACKENDS, CORPUS, ROOT, kamer, new_store

FULFILLED, POSTPONED = "kst-28844-290", "kst-21501-20-2233"


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The corpus in a store, on SQLite and on PostgreSQL: every test below runs on both."""
    s = new_store(request.param, tmp_path_factory.mktemp("db"), request)
    files = sorted(str(p) for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md")
    summary = ingest_paths(files, s, Settings(workers=1))
    assert summary.failed == 0, summary.errors
    yield s
    s.close()


@pytest.fixture(scope="module")
def G(store: Store) -> nx.MultiDiGraph:
    return build_graph(store)


def _letter(G: nx.MultiDiGraph, name: str) -> str:
    return next(n for n, a in G.nodes(data=True) if (a.get("path") or "").endswith(name))


def test_open_motions_are_the_adopted_ones_not_carried_out(G: nx.MultiDiGraph, store: Store) -> None:
    adopted = {n for n, a in G.nodes(data=True) if a.get("status_official") == "aangenomen"}
    open_ids = {m["id"] for m in open_motions(store)}
    assert FULFILLED in adopted and FULFILLED not in open_ids
    assert open_ids == adopted - {FULFILLED}


def test_open_motions_page_in_date_order(store: Store) -> None:
    every = open_motions(store)
    assert len(every) >= 4
    assert [(m["date"] or "", m["id"]) for m in every] == sorted((m["date"] or "", m["id"]) for m in every)
    pages = [open_motions(store, limit=3, offset=i) for i in range(0, len(every), 3)]
    assert [m for page in pages for m in page] == every
    assert open_motions(store, limit=0) == [] and open_motions(store, offset=len(every)) == []


def test_postponed_motion_stays_open_with_its_new_promise(G: nx.MultiDiGraph, store: Store) -> None:
    letter = _letter(G, "brief-uitstel-motie-ouwehand-2025.txt")
    motion = next(m for m in open_motions(store) if m["id"] == POSTPONED)
    assert [(f["relation"], f["source"]) for f in motion["follow_ups"]] == [("postpones", letter)]
    promises = [c for c in open_commitments(store, today=dt.date(2026, 1, 1)) if c["doc_id"] == letter]
    assert [(c["deadline"]["by"], c["postpones"], c["overdue"]) for c in promises] == [
        ("2026-02-28", POSTPONED, False)
    ]
    overdue = open_commitments(store, overdue=True, today=dt.date(2026, 11, 26))
    assert letter in {c["doc_id"] for c in overdue}
    found = open_commitments(store, due_before="2026-03-01", actor="Klimaat", today=dt.date(2026, 1, 1))
    assert found[0]["doc_id"] == letter


def test_cited_by_and_chain_show_both_letters(G: nx.MultiDiGraph, store: Store) -> None:
    done = _letter(G, "brief-uitvoering-motie-van-nispen-2025.txt")
    later = _letter(G, "brief-uitstel-motie-ouwehand-2025.txt")
    assert done in {c["id"] for c in cited_by(store, FULFILLED)}
    assert later in {c["id"] for c in cited_by(store, POSTPONED)}
    assert done in {n["id"] for n in chain(store, FULFILLED)["nodes"]}
    assert {(e["source"], e["relation"]) for e in chain(store, POSTPONED)["edges"]} >= {(later, "postpones")}


def _key(item: dict) -> str:
    return json.dumps(item, sort_keys=True)


def test_store_queries_answer_as_the_whole_graph_does(G: nx.MultiDiGraph, store: Store) -> None:
    """Every node's links, read from the store's indexes, are the edges of the whole-store graph."""
    rels = CHAIN_RELATIONS
    checked = 0
    for node in G.nodes:
        out = {(v, k) for _, v, k in G.out_edges(node, keys=True) if k in rels}
        into = {(u, k) for u, _, k in G.in_edges(node, keys=True) if k in rels}
        assert {(c["id"], c["relation"]) for c in cites(store, node)} == out, node
        assert {(c["id"], c["relation"]) for c in cited_by(store, node)} == into, node
        acting = sorted((u, k) for u, k in into if k in FOLLOW_UPS)
        assert sorted((f["source"], f["relation"]) for f in follow_ups_of(store, node)) == acting, node
        checked += bool(out or into)
    assert checked > 50
    # the chain: breadth first both ways, as far as the depth allows
    for node in (FULFILLED, POSTPONED, "kst-32852-24", "commitment:kst-32637-231"):
        U = G.to_undirected(as_view=True)
        near = nx.single_source_shortest_path_length(
            nx.subgraph_view(U, filter_edge=lambda u, v, k: k in rels), node, cutoff=2
        )
        found = chain(store, node, 2)
        assert {n["id"]: n["distance"] for n in found["nodes"]} == near, node
        assert not found["truncated"]
        for n in found["nodes"]:
            assert n["title"] == G.nodes[n["id"]].get("title") and n["status"] == G.nodes[n["id"]].get(
                "status"
            )


def test_chain_stops_at_its_cap(store: Store) -> None:
    whole = chain(store, "kst-32852-24", 3)
    capped = chain(store, "kst-32852-24", 3, limit=3)
    assert len(whole["nodes"]) > 3 and not whole["truncated"]
    assert capped["truncated"] and len(capped["nodes"]) == 3
    assert [n["distance"] for n in capped["nodes"]] == sorted(n["distance"] for n in capped["nodes"])
    ids = {n["id"] for n in capped["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in capped["edges"])


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_counts_and_motion_state_follow_every_write(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    s = new_store(backend, tmp_path, request)
    files = sorted(str(p) for part in ("letters", "motions") for p in (CORPUS / part).iterdir())
    assert ingest_paths(files, s, Settings(workers=1)).failed == 0
    counted = s.stats()
    for name, ftype in (("references", "reference"), ("motions", "motion"), ("follow_ups", "follow_up")):
        assert (
            counted[name] == s.db.execute("SELECT count(*) FROM facts WHERE type = ?", (ftype,)).fetchone()[0]
        )
    assert counted["documents"] == len(list(s.documents())) == 22
    assert counted["edges"] == counted["references"] + counted["follow_ups"] > 0
    assert FULFILLED not in {m["id"] for m in open_motions(s)}
    # taking the fulfilling letter away opens its motion again; the counts follow
    assert s.remove(str(CORPUS / "letters" / "brief-uitvoering-motie-van-nispen-2025.txt"))
    assert FULFILLED in {m["id"] for m in open_motions(s)}
    after = s.stats()
    assert after["documents"] == counted["documents"] - 1 and after["follow_ups"] < counted["follow_ups"]
    assert (
        after["references"]
        == s.db.execute("SELECT count(*) FROM facts WHERE type = 'reference'").fetchone()[0]
    )


def test_seed_letter_in_the_chain_and_its_toezegging_fulfilled(G: nx.MultiDiGraph, store: Store) -> None:
    # the letter as OCR text, born-digital PDF and scan is one paper with three sources
    seed = {n for n, a in G.nodes(data=True) if "kamerbrief-imvo" in (a.get("path") or "")}
    assert len(seed) == 1
    paths = [p for (p,) in store.db.execute("SELECT path FROM sources WHERE path LIKE '%kamerbrief-imvo%'")]
    assert len(paths) == 3
    assert G.nodes[next(iter(seed))]["path"].endswith(".pdf")  # the born-digital text carries the facts
    assert seed <= {n["id"] for n in chain(store, "kst-32852-24")["nodes"]}
    tz = "commitment:kst-32637-231"
    assert {u for u, _, k in G.in_edges(tz, keys=True) if k == "fulfils"} == seed
    assert {f["source"] for f in follow_ups_of(store, tz) if f["relation"] == "fulfils"} == seed
    assert tz not in {c["id"] for c in open_commitments(store)}


def test_edges_carry_evidence(G: nx.MultiDiGraph) -> None:
    for u, v, k, a in G.edges(keys=True, data=True):
        if k in ("cites", "fulfils", "postpones"):
            ev = a["evidence"]
            assert ev["doc"] == u and ev["start"] is not None and ev["text"], (u, v, k)
            assert 0 < a["confidence"] <= 1


def test_reingest_changes_nothing(store: Store) -> None:
    before = store.stats()
    files = sorted(str(p) for p in CORPUS.rglob("*") if p.is_file() and p.name != "README.md")
    summary = ingest_paths(files, store, Settings(workers=1))
    assert summary.added == 0 and summary.zaken == 0
    assert store.stats() == before


def test_exports_load_back(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    (graphml,) = export_graph(G, "graphml", tmp_path)
    assert nx.read_graphml(graphml).number_of_nodes() == G.number_of_nodes()
    (nodelink,) = export_graph(G, "node-link", tmp_path)
    back = nx.node_link_graph(json.loads(nodelink.read_text()), edges="links")
    assert back.number_of_edges() == G.number_of_edges()
    nodes, edges = export_graph(G, "csv", tmp_path)
    with nodes.open(newline="") as fh:
        assert len(list(csv.reader(fh))) == G.number_of_nodes() + 1
    with edges.open(newline="") as fh:
        assert len(list(csv.reader(fh))) == G.number_of_edges() + 1


def test_report(store: Store) -> None:
    text = report(store, dt.date(2026, 11, 26))
    assert (
        "## Open motions" in text
        and POSTPONED in text
        and FULFILLED not in text.split("## Open toezeggingen")[0]
    )


def _snapshot(db: Path) -> tuple:
    con = sqlite3.connect(db)
    try:
        docs = sorted(con.execute("SELECT uid, doc_id, meta, analyser FROM documents"))
        facts = sorted(
            con.execute("SELECT d.uid, f.type, f.json FROM facts f JOIN documents d ON d.id = f.document")
        )
        return docs, facts
    finally:
        con.close()


def test_killed_ingest_resumes_to_the_same_store(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS / "motions", folder)
    shared = ROOT.parent / "shared" / "corpus" / "motions-dev" / "xml"
    for p in sorted(shared.glob("*.xml"))[:300] if shared.is_dir() else []:
        shutil.copy(p, folder)
    env = {**os.environ, "KAMER_WORKERS": "1"}
    cmd = [sys.executable, "-m", "pipeline.cli", "ingest", str(folder), "--no-progress"]
    clean, killed = tmp_path / "clean.sqlite", tmp_path / "killed.sqlite"
    subprocess.run(
        [*cmd, "--db", str(clean)], check=True, cwd=ROOT, env=env, capture_output=True, timeout=600
    )
    proc = subprocess.Popen([*cmd, "--db", str(killed)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    deadline = time.time() + 120
    while time.time() < deadline:
        time.sleep(0.05)
        try:
            n = sqlite3.connect(killed).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if n >= 5:
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = sqlite3.connect(killed).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    total = sqlite3.connect(clean).execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert 0 < partial < total, (partial, total)
    subprocess.run(
        [*cmd, "--db", str(killed)], check=True, cwd=ROOT, env=env, capture_output=True, timeout=600
    )
    assert _snapshot(killed) == _snapshot(clean)


LIVE_TABLES = ("sync_cursors", "records", "watches", "alerts")  # migration 6: sync.py, register.py, alerts.py


def _as_schema_4(db: Path) -> None:
    """Take away what migrations 5 and 6 added, as a store written before them would be."""
    con = sqlite3.connect(db)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f"DROP TRIGGER {name}")
    for index in ("facts_node", "facts_node_rel", "facts_source_rel", "facts_due", "documents_doc_id_lower"):
        con.execute(f"DROP INDEX {index}")
    for table in ("people", "motion_state", "commitment_state", "counts", *LIVE_TABLES):
        con.execute(f"DROP TABLE {table}")
    for column in ("source", "node", "rel", "status", "appraisal", "due", "actor"):
        con.execute(f"ALTER TABLE facts DROP COLUMN {column}")
    con.execute("DELETE FROM state WHERE key = 'motion_state_stale'")
    con.execute("PRAGMA user_version = 4")
    con.commit()
    con.close()


def test_a_store_of_schema_4_is_upgraded_to_the_same_answers(store: Store, tmp_path: Path) -> None:
    if store.dialect != "sqlite":
        pytest.skip("schema 4 was SQLite's; PostgreSQL stores begin at schema 5")
    old = tmp_path / "old.sqlite"
    store.db.execute("VACUUM INTO ?", (str(old),))
    _as_schema_4(old)
    with pytest.raises(Exception, match="older Kamerwacht"):
        Store(old, readonly=True)
    upgraded = Store(old)  # opened for writing: migrated
    day = dt.date(2026, 1, 1)
    assert upgraded.stats() == store.stats()
    assert open_motions(upgraded) == open_motions(store)
    assert open_commitments(upgraded, today=day) == open_commitments(store, today=day)
    for node in (FULFILLED, POSTPONED, "kst-32852-24"):
        assert chain(upgraded, node) == chain(store, node)
        assert cited_by(upgraded, node) == cited_by(store, node)


def test_the_command_line_asks_either_backend(store: Store) -> None:
    db = getattr(store, "url", None) or str(store.path)  # a postgresql:// URL or the SQLite file
    r = kamer("query", "open-motions", "--db", db, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == open_motions(store)
    r = kamer("query", "chain", "28844 nr. 290", "--format", "json", env={"KAMER_DB": db})
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == chain(store, FULFILLED)

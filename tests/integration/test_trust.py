"""Trust: a store that cannot be turned against its user, hostile and huge files that never sink a batch,
names of any bytes, safe outputs, one paper counted once. Hostile files are generated here, never committed."""

from __future__ import annotations

import csv
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from pipeline.batch import ingest_paths
from pipeline.config import Settings
from pipeline.store import Store, StoreError
from tests.conftest import CORPUS, KAMER, ROOT, SEED, kamer
from tests.hostile import flate_bomb, frames_tiff, long_pdf, peak_rss_mb

LETTER = CORPUS / "letters" / "brief-uitvoering-motie-van-nispen-2025.txt"


def one_line_error(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode != 0
    assert "Traceback" not in out.stderr, out.stderr
    lines = [ln for ln in out.stderr.splitlines() if ln.strip()]
    assert lines, out
    return lines[-1]


# ---------------------------------------------------------------- the store runs no code


PICKLE_PAYLOAD = b"cos\nsystem\n(S'touch {flag}'\ntR."


def test_a_store_with_payloads_in_every_table_runs_no_code(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite"
    assert kamer("ingest", str(CORPUS / "letters"), str(CORPUS / "motions"), "--db", str(db)).returncode == 0
    flag = tmp_path / "pwned"
    payloads = [
        PICKLE_PAYLOAD.replace(b"{flag}", str(flag).encode()),
        f"__import__('os').system('touch {flag}')",
        '{"py/object": "os.system", "args": ["touch ' + str(flag) + '"]}',
        "<script>fetch('http://evil')</script>",
        "=cmd|' /C calc'!A0",
    ]
    con = sqlite3.connect(db)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        cols = [
            r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[2].upper() in ("TEXT", "BLOB", "")
        ]
        for k, col in enumerate(cols):
            payload = payloads[k % len(payloads)]
            con.execute(
                f"UPDATE {table} SET {col} = ? WHERE rowid IN (SELECT rowid FROM {table} LIMIT 1)", (payload,)
            )
    # and a whole table of the first round's pickled graph cache, as an old store would have it
    con.execute("CREATE TABLE graph_cache (generation INTEGER PRIMARY KEY, blob BLOB NOT NULL)")
    con.execute("INSERT INTO graph_cache VALUES (0, ?)", (payloads[0],))
    con.commit()
    con.close()
    for args in (
        ["stats"],
        ["failures"],
        ["query", "open-motions"],
        ["query", "open-commitments"],
        ["query", "chain", "kst-28844-290"],
        ["report", "--out", str(tmp_path / "r.md")],
        ["export", "--format", "csv", "--out", str(tmp_path / "x")],
        ["reanalyse", "--all"],
    ):
        out = kamer(*args, "--db", str(db))
        assert "Traceback" not in out.stderr, (args, out.stderr)
        assert not flag.exists(), args
    assert not flag.exists()


# ---------------------------------------------------------------- the store file


def test_a_read_only_store_answers_queries(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    assert kamer("ingest", str(CORPUS / "letters"), str(CORPUS / "motions"), "--db", str(db)).returncode == 0
    for extra in tmp_path.glob("k.sqlite-*"):  # a copy someone hands you: the file alone
        extra.unlink()
    db.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        before = hashlib.sha256(db.read_bytes()).hexdigest()
        for args in (
            ["stats"],
            ["query", "open-motions", "--format", "json"],
            ["query", "cited-by", "kst-28844-290"],
        ):
            out = kamer(*args, "--db", str(db))
            assert out.returncode == 0, (args, out.stderr)
        assert json.loads(kamer("query", "open-motions", "--format", "json", "--db", str(db)).stdout)
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    finally:
        tmp_path.chmod(0o755)
        db.chmod(0o644)


def test_a_file_that_is_not_a_store_is_refused_untouched(tmp_path: Path) -> None:
    text = tmp_path / "notities.sqlite"
    text.write_text("boodschappen: melk, brood\n")
    foreign = tmp_path / "ander.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE adressen (naam TEXT)")
    con.execute("INSERT INTO adressen VALUES ('Piet')")
    con.commit()
    con.close()
    for f in (text, foreign):
        before = f.read_bytes()
        for args in (["stats"], ["ingest", str(LETTER)], ["query", "open-motions"]):
            line = one_line_error(kamer(*args, "--db", str(f)))
            assert "not a Kamerwacht store" in line and "untouched" in line, line
        assert f.read_bytes() == before
        assert not Path(str(f) + "-wal").exists()


def test_two_ingests_on_one_store_both_finish(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(CORPUS / "motions", a)
    shutil.copytree(CORPUS / "letters", b)
    shutil.copy(SEED / "kamerbrief-imvo-convenanten-2016.txt", b)
    env = {**os.environ, "KAMER_WORKERS": "1"}
    procs = [
        subprocess.Popen([*KAMER, "ingest", str(d), "--db", str(db)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for d in (a, b)
    ]  # fmt: skip
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
    stats = json.loads(kamer("stats", "--db", str(db), "--format", "json").stdout)
    assert stats["documents"] == 20 + 3 and stats["failures"] == 0


def _open_new_store(path: str, out: multiprocessing.Queue[str]) -> None:
    try:
        Store(path).close()
        out.put("ok")
    except StoreError as exc:
        out.put(str(exc))


def test_a_new_store_opened_by_three_processes_at_once(tmp_path: Path) -> None:
    """Three processes create, migrate and open one new store at the same moment, sixty times over: none
    takes another's half-made store for a file of another program (before its owner check read the
    tables and the store's mark in one transaction, about one open in sixty did; a fresh clone's
    'two ingests on one store' test failed so)."""
    ctx = multiprocessing.get_context("fork")
    for i in range(60):
        path, out = str(tmp_path / f"k{i}.sqlite"), ctx.Queue()
        procs = [ctx.Process(target=_open_new_store, args=(path, out)) for _ in range(3)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=60)
        assert [out.get(timeout=5) for _ in procs] == ["ok"] * 3


# ---------------------------------------------------------------- hostile and huge files


def test_a_flate_bomb_is_an_error_line_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bom.pdf"
    bomb.write_bytes(flate_bomb(2 << 30))  # ~2 MB on disk, 2 GB inflated
    assert bomb.stat().st_size < 4 << 20
    out, peak = peak_rss_mb(["extract", str(bomb), str(LETTER)])
    lines = [json.loads(ln) for ln in out.stdout.splitlines()]
    assert lines[0]["error"]["code"] == "too_large" and "bom.pdf" in lines[0]["path"]
    assert lines[1]["meta"]["kind"] == "brief"  # the batch goes on
    assert peak < 1024, f"peak {peak:.0f} MB"


def test_many_large_frames_are_refused_before_decoding(tmp_path: Path) -> None:
    tiff = frames_tiff(tmp_path / "scan.tiff")
    os.environ["KAMER_MAX_DOCUMENT_PIXELS"] = "1000000000"  # 1.44 billion pixels is over this limit
    try:
        out, peak = peak_rss_mb(["extract", str(tiff)])
    finally:
        del os.environ["KAMER_MAX_DOCUMENT_PIXELS"]
    (line,) = [json.loads(ln) for ln in out.stdout.splitlines()]
    assert line["error"]["code"] == "image_bomb" and "frames hold" in line["error"]["message"], line
    assert peak < 1024


def test_a_runaway_worker_becomes_that_files_error(tmp_path: Path) -> None:
    """A file that needs more memory than a worker may use fails alone, with out_of_memory.

    152 MB of text, under the 200 MB a file may have: reading it alone passes the 500 MB cap within seconds
    (a tenth of it passed the cap only after twelve minutes of reading, facts piling up)."""
    big = tmp_path / "groot.txt"
    big.write_text(
        ("De minister zal de Kamer voor de zomer informeren over de voortgang. " * 20 + "\n\n") * 110000
    )
    env = {"KAMER_WORKER_MEMORY_MB": "500"}
    out = kamer("extract", str(big), str(LETTER), env=env)
    lines = [json.loads(ln) for ln in out.stdout.splitlines()]
    assert lines[0]["error"]["code"] == "out_of_memory", lines[0]
    assert lines[1]["meta"]["kind"] == "brief"
    assert out.returncode == 1 and "Traceback" not in out.stderr


def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(6):
        (folder / f"brief{k}.txt").write_text(LETTER.read_text() * 400)
    proc = subprocess.Popen(
        [*KAMER, "ingest", str(folder), "--db", str(tmp_path / "k.sqlite"), "--workers", "2"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: list[int] = []
    deadline = time.time() + 60
    while time.time() < deadline and len(children) < 2:
        time.sleep(0.2)
        children = [int(p) for p in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
    assert children, "no workers started"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(2)
    alive = [c for c in children if Path(f"/proc/{c}").exists() and "zombie" not in _state(c)]
    assert alive == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "gone"


@pytest.mark.slow
def test_a_long_paper_is_read_in_chunks_with_the_facts_of_a_whole_run(tmp_path: Path) -> None:
    from dataclasses import replace

    from pipeline import analyse, extract

    seed = (SEED / "kamerbrief-imvo-convenanten-2016.txt").read_text(encoding="utf-8")
    doc = extract(SEED / "kamerbrief-imvo-convenanten-2016.txt")
    whole = analyse(doc, Settings(chunk_chars=10_000_000))
    chunked = analyse(doc, replace(Settings(), chunk_chars=1000))
    assert chunked.to_json() == whole.to_json()
    # a paper of more than a million characters (spaCy's default limit) goes in with its facts
    long = tmp_path / "begroting.txt"
    long.write_text(seed * 90, encoding="utf-8")
    assert long.stat().st_size > 1_300_000
    store = Store(tmp_path / "k.sqlite")
    summary = ingest_paths([str(long)], store, Settings(workers=1))
    assert summary.added == 1, summary.errors
    stats = store.stats()
    assert stats["commitments"] > 100 and stats["references"] > 500


@pytest.mark.slow
def test_a_1500_page_pdf_ingests(tmp_path: Path) -> None:
    pdf = long_pdf(tmp_path / "nota.pdf", 1500)
    store = Store(tmp_path / "k.sqlite")
    summary = ingest_paths([str(pdf)], store, Settings(workers=2))
    assert summary.added == 1, summary.errors
    doc = store.document(str(pdf))
    assert doc is not None and doc.source.pages == 1500
    assert {r.id for r in doc.references} == {f"kst-36410-XVI-{n}" for n in range(1, 91)}


# ---------------------------------------------------------------- names, links, renditions


def test_file_names_of_any_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.path.join(os.fsencode(folder), b"brief-\xff\xfe.txt")
    with open(odd, "wb") as fh:
        fh.write(LETTER.read_bytes())
    shutil.copy(CORPUS / "letters" / "brief-uitstel-motie-ouwehand-2025.txt", folder / "z-laatste.txt")
    out = subprocess.run([*KAMER, "extract", str(folder)], capture_output=True, cwd=ROOT, timeout=300)
    text = out.stdout.decode("utf-8")  # valid UTF-8 throughout
    docs = [json.loads(ln) for ln in text.splitlines()]
    assert [d["source"]["path"].rsplit("/", 1)[1] for d in docs] == ["brief-\\xff\\xfe.txt", "z-laatste.txt"]
    db = tmp_path / "k.sqlite"
    ingest = kamer("ingest", str(folder), "--db", str(db))
    assert ingest.returncode == 0 and "ingested 2 new" in ingest.stdout, ingest.stderr


def test_a_walk_stays_inside_its_folder(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("wachtwoord: hunter2\n")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(LETTER, folder)
    (folder / "bijlage.txt").symlink_to(secret)
    out = kamer("extract", "--with-text", str(folder))
    assert "hunter2" not in out.stdout and "bijlage.txt" in out.stderr and "--follow-links" in out.stderr
    assert len(out.stdout.splitlines()) == 1
    out = kamer("extract", "--with-text", "--follow-links", str(folder))
    assert "hunter2" in out.stdout


def test_one_paper_one_document_and_a_changed_file_replaces_its_version(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("kamerbrief-imvo-convenanten-2016.txt", "kamerbrief-imvo-convenanten-2016.pdf"):
        shutil.copy(SEED / name, folder)
    db = tmp_path / "k.sqlite"
    out = kamer("ingest", str(folder), "--db", str(db))
    assert "ingested 1 new, 1 renditions of known papers" in out.stdout, out.stdout
    stats = json.loads(kamer("stats", "--db", str(db), "--format", "json").stdout)
    assert (stats["documents"], stats["sources"]) == (1, 2)
    alone = tmp_path / "alone.sqlite"
    kamer("ingest", str(folder / "kamerbrief-imvo-convenanten-2016.pdf"), "--db", str(alone))
    once = json.loads(kamer("stats", "--db", str(alone), "--format", "json").stdout)["commitments"]
    assert stats["commitments"] == once > 0  # counted once, not once per rendition

    letter = folder / "brief.txt"
    letter.write_text(LETTER.read_text())
    kamer("ingest", str(letter), "--db", str(db))
    letter.write_text(LETTER.read_text().replace("14 oktober 2025", "15 oktober 2025"))
    out = kamer("ingest", str(letter), "--db", str(db))
    assert "1 changed files replaced" in out.stdout, out.stdout
    stats = json.loads(kamer("stats", "--db", str(db), "--format", "json").stdout)
    assert (stats["documents"], stats["sources"]) == (2, 3)

    out = kamer("remove", str(letter), "--db", str(db))
    assert out.returncode == 0 and "removed" in out.stdout
    assert json.loads(kamer("stats", "--db", str(db), "--format", "json").stdout)["documents"] == 1
    assert "no paper" in one_line_error(kamer("remove", "kst-1-2", "--db", str(db)))


# ---------------------------------------------------------------- outputs and options


def test_outputs_neutralise_hostile_text(tmp_path: Path) -> None:
    hostile = tmp_path / "brief.txt"
    hostile.write_text(
        "Den Haag, 1 februari 2024\n\n"
        "=cmd|' /C calc'!A0 <script>alert(1)</script> | ![x](http://evil/x.png) Ik zal uw Kamer voor de zomer "
        "informeren over de motie (Kamerstuk 28 844, nr. 290).\n\nDe Minister van Financiën,\n\nW.B. Hoekstra\n"
    )
    db = tmp_path / "k.sqlite"
    assert kamer("ingest", str(hostile), "--db", str(db)).returncode == 0
    kamer("export", "--format", "csv", "--out", str(tmp_path / "x"), "--db", str(db))
    for name in ("nodes.csv", "edges.csv"):
        with (tmp_path / "x" / name).open(newline="") as fh:
            for row in csv.reader(fh):
                assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    kamer("report", "--out", str(tmp_path / "r.md"), "--today", "2025-01-01", "--db", str(db))
    report = (tmp_path / "r.md").read_text()
    assert "<script>" not in report and "![x](" not in report
    assert all(line.count("|") - line.count("\\|") in (0, 4, 6) for line in report.splitlines())


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (["query", "open-commitments", "--today", "26-11-2026"], {}, "--today must be a date as YYYY-MM-DD"),
        (["query", "open-commitments", "--due-before", "31-12-2026"], {}, "--due-before must be a date"),
        (["extract", str(LETTER)], {"KAMER_MAX_PAGES": "abc"}, "KAMER_MAX_PAGES must be a whole number"),
        (["ingest", str(LETTER)], {"KAMER_WORKERS": "0"}, "KAMER_WORKERS must be at least 1"),
    ],
)
def test_bad_options_are_one_line_errors(
    tmp_path: Path, args: list[str], env: dict[str, str], says: str
) -> None:
    db = tmp_path / "k.sqlite"
    kamer("ingest", str(LETTER), "--db", str(db))
    store = [] if args[0] == "extract" else ["--db", str(db)]
    line = one_line_error(kamer(*args, *store, env=env))
    assert says in line, line


def test_a_malformed_gold_file_is_one_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"path": "a.txt"}\n{"path": \n')
    line = one_line_error(kamer("evaluate", "--gold", str(gold)))
    assert "line 2" in line and "not JSON" in line


def test_an_open_data_record_of_the_wrong_shape_is_a_recorded_failure(tmp_path: Path) -> None:
    """A record whose Document is no list of objects fails that export, named, never a traceback."""
    export = tmp_path / "zaken.jsonl"
    good = (CORPUS / "motions" / "opendata.jsonl").read_text(encoding="utf-8").splitlines()[0]
    export.write_text(good + '\n{"Nummer": "2025Z00001", "Document": "abc"}\n', encoding="utf-8")
    out = kamer("ingest", str(export), "--db", str(tmp_path / "k.sqlite"))
    assert out.returncode == 1 and "Traceback" not in out.stderr, out.stderr
    assert "zaken.jsonl" in out.stderr and "record 2 is no OData Zaak record" in out.stderr, out.stderr
    assert "1 failed" in out.stdout, out.stdout

"""The store: one small interface over an embedded SQLite file.

Every document goes in whole or not at all (one transaction), keyed by the
SHA-256 of its bytes, so ingesting the same file twice changes nothing.
Schema versions are migrations applied in order; ``PRAGMA user_version``
records the last one applied.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .opendata import ZaakFacts
from .schema import Document

MIGRATIONS: list[str] = [
    # 1: documents and their facts
    """
    CREATE TABLE documents (
        sha256 TEXT PRIMARY KEY,
        doc_id TEXT,
        path TEXT NOT NULL,
        kind TEXT,
        title TEXT,
        date TEXT,
        pages INTEGER,
        ocr_pages INTEGER,
        text TEXT NOT NULL,
        json TEXT NOT NULL,
        added TEXT DEFAULT (datetime('now'))
    );
    CREATE INDEX documents_doc_id ON documents(doc_id);
    CREATE TABLE facts (
        sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
        type TEXT NOT NULL,          -- reference, motion, commitment, follow_up, sector
        kind TEXT,
        target TEXT,
        page INTEGER,
        start INTEGER,
        end INTEGER,
        json TEXT NOT NULL
    );
    CREATE INDEX facts_type_target ON facts(type, target);
    CREATE INDEX facts_sha ON facts(sha256);
    CREATE TABLE failures (
        path TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT DEFAULT (datetime('now'))
    );
    """,
    # 2: open data (Zaak records: votes, kabinetsappreciatie, toezegging status)
    """
    CREATE TABLE zaken (
        nummer TEXT PRIMARY KEY,
        soort TEXT,
        kst_id TEXT,
        onderwerp TEXT,
        datum TEXT,
        vergaderjaar TEXT,
        besluit TEXT,
        status TEXT,
        kabinetsappreciatie TEXT,
        afgedaan INTEGER,
        json TEXT NOT NULL
    );
    CREATE INDEX zaken_kst ON zaken(kst_id);
    CREATE TABLE opendata_files (
        sha256 TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        records INTEGER NOT NULL,
        added TEXT DEFAULT (datetime('now'))
    );
    CREATE INDEX facts_type_kind ON facts(type, kind)
    """,
    # 3: a generation counter bumped by every write, and the graph built at a generation
    """
    CREATE TABLE state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO state (key, value) VALUES ('generation', 0);
    CREATE TABLE graph_cache (generation INTEGER PRIMARY KEY, blob BLOB NOT NULL)
    """,
]

FACT_FIELDS = {
    "references": ("reference", "kind", "id"),
    "motions": ("motion", None, "id"),
    "commitments": ("commitment", "kind", "ref"),
    "follow_ups": ("follow_up", "relation", "target"),
    "sectors": ("sector", None, "id"),
}


class Store:
    """SQLite store. ``Store(path)`` opens or creates it and migrates it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.migrate()

    def migrate(self) -> int:
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        for number, sql in enumerate(MIGRATIONS[version:], start=version + 1):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                for statement in sql.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")
                self.db.execute("COMMIT")
            except Exception:
                self.db.execute("ROLLBACK")
                raise
        return len(MIGRATIONS)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, sha256: str) -> bool:
        row = self.db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def add(self, doc: Document | dict[str, Any]) -> bool:
        """Add a document (or its ``--with-text`` JSON) and its facts atomically.

        Returns False, and writes nothing, when the same bytes are already stored.
        """
        data = doc.to_json(with_text=True) if isinstance(doc, Document) else dict(doc)
        src, meta = data["source"], data["meta"]
        sha = src["sha256"]
        if self.has(sha):
            return False
        text = data.pop("text", "")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute(
                "INSERT INTO documents (sha256, doc_id, path, kind, title, date, pages, ocr_pages,"
                " text, json) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    sha,
                    data.get("doc_id"),
                    src["path"],
                    meta.get("kind"),
                    meta.get("title"),
                    meta.get("date"),
                    src.get("pages"),
                    len(src.get("ocr_pages") or []),
                    text,
                    json.dumps(data, ensure_ascii=False),
                ),
            )
            rows = []
            for field, (ftype, kind_key, target_key) in FACT_FIELDS.items():
                for item in data[field]:
                    rows.append(
                        (
                            sha,
                            ftype,
                            item.get(kind_key) if kind_key else None,
                            item.get(target_key),
                            item.get("page"),
                            item.get("start"),
                            item.get("end"),
                            json.dumps(item, ensure_ascii=False),
                        )
                    )
            self.db.executemany(
                "INSERT INTO facts (sha256, type, kind, target, page, start, end, json)"
                " VALUES (?,?,?,?,?,?,?,?)",
                rows,
            )
            self.db.execute("DELETE FROM failures WHERE path = ?", (src["path"],))
            self._bump()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return True

    def has_opendata(self, sha256: str) -> bool:
        row = self.db.execute("SELECT 1 FROM opendata_files WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def add_opendata(self, path: str, sha256: str, zaken: Iterable[ZaakFacts]) -> int:
        """Add (or update) Zaak records of one export file, atomically. Returns the count."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            n = 0
            for z in zaken:
                self.db.execute(
                    "INSERT OR REPLACE INTO zaken (nummer, soort, kst_id, onderwerp, datum, vergaderjaar,"
                    " besluit, status, kabinetsappreciatie, afgedaan, json) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        z.nummer,
                        z.soort,
                        z.kst_id,
                        z.onderwerp,
                        z.datum,
                        z.vergaderjaar,
                        z.besluit,
                        z.status,
                        z.kabinetsappreciatie,
                        None if z.afgedaan is None else int(z.afgedaan),
                        json.dumps(z.raw, ensure_ascii=False),
                    ),
                )
                n += 1
            self.db.execute(
                "INSERT OR REPLACE INTO opendata_files (sha256, path, records) VALUES (?,?,?)",
                (sha256, path, n),
            )
            self._bump()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return n

    def zaken(self) -> Iterator[dict[str, Any]]:
        cols = (
            "nummer",
            "soort",
            "kst_id",
            "onderwerp",
            "datum",
            "besluit",
            "status",
            "kabinetsappreciatie",
            "afgedaan",
        )
        for row in self.db.execute(f"SELECT {', '.join(cols)} FROM zaken"):
            yield dict(zip(cols, row, strict=True))

    def facts(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(document sha256, fact type, fact JSON) of every fact."""
        for sha, ftype, raw in self.db.execute("SELECT sha256, type, json FROM facts ORDER BY rowid"):
            yield sha, ftype, json.loads(raw)

    def document_rows(self) -> Iterator[dict[str, Any]]:
        cols = ("sha256", "doc_id", "path", "kind", "title", "date")
        for row in self.db.execute(f"SELECT {', '.join(cols)} FROM documents ORDER BY added, path"):
            yield dict(zip(cols, row, strict=True))

    def document(self, key: str) -> dict[str, Any] | None:
        """A stored document's JSON (with its text) by doc id or sha256."""
        row = self.db.execute(
            "SELECT json, text FROM documents WHERE doc_id = ? OR sha256 = ? LIMIT 1", (key, key)
        ).fetchone()
        if row is None:
            return None
        data: dict[str, Any] = json.loads(row[0])
        data["text"] = row[1]
        return data

    def _bump(self) -> None:
        self.db.execute("UPDATE state SET value = value + 1 WHERE key = 'generation'")
        self.db.execute("DELETE FROM graph_cache")

    def generation(self) -> int:
        """How many writes the store has seen; the graph cache is valid for one generation."""
        return int(self.db.execute("SELECT value FROM state WHERE key = 'generation'").fetchone()[0])

    def cached_graph(self, generation: int) -> bytes | None:
        row = self.db.execute("SELECT blob FROM graph_cache WHERE generation = ?", (generation,)).fetchone()
        return bytes(row[0]) if row else None

    def cache_graph(self, generation: int, blob: bytes) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if self.generation() == generation:  # nobody wrote in between
                self.db.execute("DELETE FROM graph_cache")
                self.db.execute(
                    "INSERT INTO graph_cache (generation, blob) VALUES (?, ?)", (generation, blob)
                )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def record_failure(self, path: str, code: str, message: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO failures (path, code, message) VALUES (?,?,?)",
            (path, code, message),
        )

    def stats(self) -> dict[str, int]:
        def count(sql: str) -> int:
            return int(self.db.execute(sql).fetchone()[0])

        return {
            "documents": count("SELECT COUNT(*) FROM documents"),
            "pages": count("SELECT COALESCE(SUM(pages), 0) FROM documents"),
            "ocr_pages": count("SELECT COALESCE(SUM(ocr_pages), 0) FROM documents"),
            "references": count("SELECT COUNT(*) FROM facts WHERE type = 'reference'"),
            "motions": count("SELECT COUNT(*) FROM facts WHERE type = 'motion'"),
            "commitments": count("SELECT COUNT(*) FROM facts WHERE type = 'commitment'"),
            "edges": count("SELECT COUNT(*) FROM facts WHERE type IN ('reference', 'follow_up')"),
            "zaken": count("SELECT COUNT(*) FROM zaken"),
            "failures": count("SELECT COUNT(*) FROM failures"),
        }

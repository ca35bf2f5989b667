"""The store: one typed interface over an embedded SQLite file.

What it keeps
-------------
* ``documents``: one row per paper, whatever renditions of it came in: its
  metadata and the analyser version of its facts;
* ``sources``: every file of a paper (PDF, scan, XML, text …) with what
  extraction made of it — normalized text, segments, pages, footnotes,
  running lines, markup — so analysis can be redone without reading (or
  OCRing) the file again. The best rendition's text carries the paper's facts
  (official XML over Word over born-digital PDF over scan over OCR text);
* ``facts``: references, motions, commitments, follow-ups and sectors, each
  as contract JSON with its analyser version;
* ``failures``: files that could not be read or analysed, with the stage, the
  error and its traceback; ``zaken``: Tweede Kamer open-data records.

Everything goes in and out as ``schema`` types; nothing the store holds is
ever executed (JSON only, no pickles), and every row read back is checked
against the schema. A store opened ``readonly`` never writes (it works on a
read-only file). A file that is not a Kamerwacht store is refused untouched.
Writers wait for each other (busy timeout) and commit one document at a
time, so no writer holds the lock for long.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import traceback as tb
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .config import display_path
from .opendata import ZaakFacts
from .schema import (
    Document,
    Fact,
    FollowUp,
    Footnote,
    Mark,
    Markup,
    Meta,
    Page,
    SchemaError,
    Segment,
    Source,
    fact_from_json,
    fact_type,
)

APPLICATION_ID = 0x4B574348  # "KWCH": PRAGMA application_id of every Kamerwacht store
BUSY_MS = 60_000
SQLITE_HEADER = b"SQLite format 3\x00"


# when a paper came in or a watch began, to the millisecond: a paper that comes in the same second as a watch
# is before or after it, not both ("acting" alerts are about papers that came after the watch)
NOW_MS = "strftime('%Y-%m-%d %H:%M:%f', 'now')"


class StoreError(Exception):
    """The store cannot be used: not a Kamerwacht store, locked, read-only, or damaged."""


def rank(doc: Document) -> int:
    """How trustworthy a rendition's text is: official XML > Word > born-digital PDF > scan > OCR text."""
    source = doc.markup.source
    if source.endswith("-xml"):
        return 5
    if source == "docx":
        return 4
    if doc.source.ocr_pages or source == "scan":
        return 2
    if source == "pdf":
        return 3
    return 1


MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = []


def _migration(fn: str | Callable[[sqlite3.Connection], None]) -> None:
    MIGRATIONS.append(fn)


# 1-3: the first round's schema (documents keyed by file hash, facts, failures, zaken, a pickled graph cache)
_migration(
    """
    CREATE TABLE documents (
        sha256 TEXT PRIMARY KEY, doc_id TEXT, path TEXT NOT NULL, kind TEXT, title TEXT, date TEXT,
        pages INTEGER, ocr_pages INTEGER, text TEXT NOT NULL, json TEXT NOT NULL,
        added TEXT DEFAULT (datetime('now'))
    );
    CREATE INDEX documents_doc_id ON documents(doc_id);
    CREATE TABLE facts (
        sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
        type TEXT NOT NULL, kind TEXT, target TEXT, page INTEGER, start INTEGER, end INTEGER,
        json TEXT NOT NULL
    );
    CREATE INDEX facts_type_target ON facts(type, target);
    CREATE INDEX facts_sha ON facts(sha256);
    CREATE TABLE failures (
        path TEXT PRIMARY KEY, code TEXT NOT NULL, message TEXT NOT NULL, at TEXT DEFAULT (datetime('now'))
    )
    """
)
_migration(
    """
    CREATE TABLE zaken (
        nummer TEXT PRIMARY KEY, soort TEXT, kst_id TEXT, onderwerp TEXT, datum TEXT, vergaderjaar TEXT,
        besluit TEXT, status TEXT, kabinetsappreciatie TEXT, afgedaan INTEGER, json TEXT NOT NULL
    );
    CREATE INDEX zaken_kst ON zaken(kst_id);
    CREATE TABLE opendata_files (
        sha256 TEXT PRIMARY KEY, path TEXT NOT NULL, records INTEGER NOT NULL,
        added TEXT DEFAULT (datetime('now'))
    );
    CREATE INDEX facts_type_kind ON facts(type, kind)
    """
)
_migration(
    """
    CREATE TABLE state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO state (key, value) VALUES ('generation', 0);
    CREATE TABLE graph_cache (generation INTEGER PRIMARY KEY, blob BLOB NOT NULL)
    """
)


@_migration
def _v4(db: sqlite3.Connection) -> None:
    """4: papers with renditions, stored extraction, versioned facts, failures by stage; no graph cache."""
    _script(
        db,
        """
        DROP TABLE graph_cache;
        ALTER TABLE documents RENAME TO old_documents;
        ALTER TABLE facts RENAME TO old_facts;
        ALTER TABLE failures RENAME TO old_failures;
        DROP INDEX documents_doc_id;
        DROP INDEX facts_type_target;
        DROP INDEX facts_sha;
        DROP INDEX facts_type_kind;
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,          -- stable: the first rendition's hash
            doc_id TEXT,                       -- the paper's own id (kst-…, h-tk-…) where known
            kind TEXT, title TEXT, date TEXT,
            meta TEXT NOT NULL,                -- Meta JSON
            extras TEXT NOT NULL DEFAULT '{}', -- turns, questions, warnings (JSON)
            best TEXT,                         -- sha256 of the rendition the facts come from
            analyser TEXT,                     -- version of the rules and models behind the facts
            added TEXT DEFAULT (datetime('now')),
            updated TEXT DEFAULT (datetime('now'))
        );
        CREATE INDEX documents_doc_id ON documents(doc_id);
        CREATE INDEX documents_analyser ON documents(analyser);
        CREATE TABLE sources (
            sha256 TEXT PRIMARY KEY,
            document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            path TEXT NOT NULL,
            media_type TEXT, pages INTEGER, ocr_pages INTEGER, bytes INTEGER,
            rank INTEGER NOT NULL,
            text TEXT NOT NULL,
            extraction TEXT NOT NULL,          -- source, segments, pages, footnotes, running, markup (JSON)
            added TEXT DEFAULT (datetime('now'))
        );
        CREATE INDEX sources_document ON sources(document);
        CREATE INDEX sources_path ON sources(path);
        CREATE TABLE bands (band INTEGER NOT NULL, hash TEXT NOT NULL, source TEXT NOT NULL);
        CREATE INDEX bands_hash ON bands(band, hash);
        CREATE INDEX bands_source ON bands(source);
        CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            type TEXT NOT NULL, kind TEXT, target TEXT, page INTEGER, start INTEGER, end INTEGER,
            json TEXT NOT NULL,
            digest TEXT NOT NULL,              -- of type and JSON: what 'the same fact' means
            version TEXT NOT NULL
        );
        CREATE INDEX facts_type_target ON facts(type, target);
        CREATE INDEX facts_document ON facts(document);
        CREATE INDEX facts_type_kind ON facts(type, kind);
        CREATE TABLE failures (
            path TEXT PRIMARY KEY,
            sha256 TEXT, stage TEXT NOT NULL, code TEXT NOT NULL, error TEXT, message TEXT NOT NULL,
            traceback TEXT, attempts INTEGER NOT NULL DEFAULT 1, at TEXT DEFAULT (datetime('now'))
        );
        INSERT INTO failures (path, stage, code, message, at)
            SELECT path, 'extract', code, message, at FROM old_failures;
        DROP TABLE old_failures;
        """,
    )
    # the first round's documents: each was a paper of its own, its facts of no known version
    rows = db.execute("SELECT sha256, doc_id, path, kind, title, date, text, json, added FROM old_documents")
    for sha, doc_id, path, kind, title, date, text, raw, added in rows.fetchall():
        data = json.loads(raw)
        extraction = {
            "source": {k: v for k, v in data["source"].items() if k != "page_info"},
            "pages": data["source"].get("page_info", []),
            "segments": data.get("segments", []),
            "footnotes": data.get("footnotes", []),
            "running": [],
            "markup": {"source": "text"},
        }
        cur = db.execute(
            "INSERT INTO documents (uid, doc_id, kind, title, date, meta, best, analyser, added)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (sha[:16], doc_id, kind, title, date, json.dumps(data.get("meta", {})), sha, "legacy", added),
        )
        src = data["source"]
        db.execute(
            "INSERT INTO sources (sha256, document, path, media_type, pages, ocr_pages, bytes, rank, text,"
            " extraction) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                sha,
                cur.lastrowid,
                path,
                src.get("media_type"),
                src.get("pages"),
                len(src.get("ocr_pages") or []),
                src.get("bytes"),
                1,
                text,
                json.dumps(extraction),
            ),
        )
        for ftype, raw_fact in db.execute(
            "SELECT type, json FROM old_facts WHERE sha256 = ?", (sha,)
        ).fetchall():
            db.execute(
                "INSERT INTO facts (document, type, json, digest, version) VALUES (?,?,?,?,?)",
                (cur.lastrowid, ftype, raw_fact, "legacy", "legacy"),
            )
    _script(db, "DROP TABLE old_facts; DROP TABLE old_documents")


@_migration
def _v5(db: sqlite3.Connection) -> None:
    """5: each fact's graph ids in indexed columns (queries are SQL, not a graph of the whole store),
    the people facts name, the state of every motion, counts kept by triggers."""
    _script(
        db,
        """
        ALTER TABLE facts ADD COLUMN source TEXT;      -- the node of the fact's paper
        ALTER TABLE facts ADD COLUMN node TEXT;        -- the node it is about or points at (see Links)
        ALTER TABLE facts ADD COLUMN rel TEXT;         -- the chain edge paper -> node it draws, if any
        ALTER TABLE facts ADD COLUMN status TEXT;      -- a mentioned motion's vote as the text states it
        ALTER TABLE facts ADD COLUMN appraisal TEXT;   -- a motion's appraisal
        ALTER TABLE facts ADD COLUMN due TEXT;         -- a commitment's deadline (ISO date)
        ALTER TABLE facts ADD COLUMN actor TEXT;       -- a commitment's actor
        CREATE INDEX facts_node ON facts(node, type, id);
        CREATE INDEX facts_node_rel ON facts(node, rel);
        CREATE INDEX facts_source_rel ON facts(source, rel);
        CREATE INDEX facts_due ON facts(type, due, node);
        CREATE INDEX documents_doc_id_lower ON documents(lower(doc_id));
        CREATE TABLE people (
            person TEXT NOT NULL,
            fact INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE
        );
        CREATE INDEX people_person ON people(person, fact);
        CREATE INDEX people_fact ON people(fact);
        CREATE TABLE motion_state (           -- every motion node: what open-motions pages through
            node TEXT PRIMARY KEY,
            date TEXT NOT NULL,                -- '' when unknown (sorts first, as before)
            open INTEGER NOT NULL,             -- adopted, not replaced, not fulfilled
            listed INTEGER NOT NULL            -- in the store or in the open data (not only mentioned)
        );
        CREATE INDEX motion_state_open ON motion_state(open, date, node);
        CREATE TABLE commitment_state (       -- every commitment node: what open-commitments pages through
            node TEXT PRIMARY KEY,
            fact INTEGER NOT NULL,             -- its first fact: the one that says what it is
            kind TEXT, due TEXT, actor TEXT,
            document INTEGER NOT NULL,         -- the paper that made it (for --sector)
            open INTEGER NOT NULL              -- nothing fulfils the Kamerstuk it is registered under
        );
        CREATE INDEX commitment_state_open ON commitment_state(open, kind, due, node);
        CREATE TABLE counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
        INSERT INTO counts (name, n) SELECT 'facts:' || type, count(*) FROM facts GROUP BY type;
        INSERT INTO counts (name, n) SELECT 'documents', count(*) FROM documents;
        INSERT INTO counts (name, n) SELECT 'sources', count(*) FROM sources;
        INSERT INTO counts (name, n) SELECT 'pages', COALESCE(sum(pages), 0) FROM sources;
        INSERT INTO counts (name, n) SELECT 'ocr_pages', COALESCE(sum(ocr_pages), 0) FROM sources;
        INSERT OR REPLACE INTO state (key, value) VALUES ('motion_state_stale', 1)
        """,
    )
    for statement in TRIGGERS:
        db.execute(statement)
    _fill_links(db)
    db.execute(COMMITMENT_STATE + EVERY_COMMITMENT)


# the state of commitment nodes from their first fact (add a condition on ``f`` to choose which)
COMMITMENT_STATE = """
INSERT OR REPLACE INTO commitment_state (node, fact, kind, due, actor, document, open)
SELECT f.node, f.id, f.kind, f.due, f.actor, f.document,
       CASE WHEN f.target IS NULL OR NOT EXISTS
           (SELECT 1 FROM facts h WHERE h.node = f.target AND h.rel = 'fulfils') THEN 1 ELSE 0 END
FROM facts f
"""
EVERY_COMMITMENT = (
    " WHERE f.type = 'commitment'"
    " AND f.id = (SELECT min(g.id) FROM facts g WHERE g.node = f.node AND g.type = 'commitment')"
)


TRIGGERS = (
    """CREATE TRIGGER facts_count_in AFTER INSERT ON facts BEGIN
        INSERT INTO counts (name, n) VALUES ('facts:' || NEW.type, 1)
            ON CONFLICT(name) DO UPDATE SET n = n + 1; END""",
    """CREATE TRIGGER facts_count_out AFTER DELETE ON facts BEGIN
        UPDATE counts SET n = n - 1 WHERE name = 'facts:' || OLD.type; END""",
    """CREATE TRIGGER documents_count_in AFTER INSERT ON documents BEGIN
        UPDATE counts SET n = n + 1 WHERE name = 'documents'; END""",
    """CREATE TRIGGER documents_count_out AFTER DELETE ON documents BEGIN
        UPDATE counts SET n = n - 1 WHERE name = 'documents'; END""",
    """CREATE TRIGGER sources_count_in AFTER INSERT ON sources BEGIN
        UPDATE counts SET n = n + 1 WHERE name = 'sources';
        UPDATE counts SET n = n + COALESCE(NEW.pages, 0) WHERE name = 'pages';
        UPDATE counts SET n = n + COALESCE(NEW.ocr_pages, 0) WHERE name = 'ocr_pages'; END""",
    """CREATE TRIGGER sources_count_out AFTER DELETE ON sources BEGIN
        UPDATE counts SET n = n - 1 WHERE name = 'sources';
        UPDATE counts SET n = n - COALESCE(OLD.pages, 0) WHERE name = 'pages';
        UPDATE counts SET n = n - COALESCE(OLD.ocr_pages, 0) WHERE name = 'ocr_pages'; END""",
)


def _bands(sig: tuple[int, ...]) -> list[tuple[int, str]]:
    from . import fingerprint

    return list(fingerprint.bands(sig))


# live sync (sync.py), the toezeggingen register (register.py), watches and delivered alerts (alerts.py)
_migration(
    """
    CREATE TABLE sync_cursors (
        key TEXT PRIMARY KEY,              -- entity, and the dossier a run was limited to
        modified TEXT NOT NULL,            -- ApiGewijzigdOp of the last record stored
        last_id TEXT NOT NULL,             -- its Id: (modified, Id) orders the feed
        pages INTEGER NOT NULL DEFAULT 0, records INTEGER NOT NULL DEFAULT 0,
        updated TEXT DEFAULT (datetime('now'))
    );
    CREATE TABLE records (
        entity TEXT NOT NULL, id TEXT NOT NULL, nummer TEXT, modified TEXT,
        path TEXT,                         -- the downloaded file resource, if any
        source TEXT NOT NULL DEFAULT 'odata',
        json TEXT NOT NULL,
        PRIMARY KEY (entity, id)
    );
    CREATE INDEX records_nummer ON records(entity, nummer);
    CREATE TABLE watches (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, value TEXT NOT NULL,
        added TEXT DEFAULT (datetime('now')), UNIQUE (kind, value)
    );
    CREATE TABLE alerts (
        key TEXT PRIMARY KEY, kind TEXT NOT NULL, json TEXT NOT NULL,
        delivered TEXT DEFAULT (datetime('now'))
    )
    """
)


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Statements one by one, inside the migration's transaction (``executescript`` would commit)."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


@dataclass(frozen=True)
class DocumentRow:
    """A paper as the store lists it (no text, no facts)."""

    id: int
    uid: str
    doc_id: str | None
    kind: str | None
    title: str | None
    date: str | None
    path: str
    analyser: str | None

    @property
    def node(self) -> str:
        """The paper's id in the graph: its own id, else ``doc:`` and its first rendition's hash."""
        return self.doc_id or f"doc:{self.uid}"


@dataclass(frozen=True)
class Failure:
    path: str
    sha256: str | None
    stage: str
    code: str
    error: str | None
    message: str
    traceback: str | None
    attempts: int
    at: str


@dataclass(frozen=True)
class Put:
    """What adding one rendition did: ``added`` (a new paper), ``rendition`` (a paper known by
    another file), ``replaced`` (a changed file), ``present`` (already stored)."""

    outcome: str
    document: int
    best: bool  # this rendition's text now carries the paper's facts


def _fact_row(
    fact: Fact, version: str
) -> tuple[str, str | None, str | None, int | None, int, int, str, str, str]:
    ftype = fact_type(fact)
    data = fact.to_json()
    kind = data.get("kind") if ftype in ("reference", "commitment") else data.get("relation")
    target = {
        "reference": data.get("id"),
        "motion": data.get("id"),
        "commitment": data.get("ref"),
        "follow_up": data.get("target"),
        "sector": data.get("id"),
    }[ftype]
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(f"{ftype}\0{raw}".encode()).hexdigest()[:32]
    return ftype, kind, target, data.get("page"), data["start"], data["end"], raw, digest, version


@dataclass(frozen=True)
class Links:
    """The graph ids a stored fact links (``graph.py`` names its nodes so), kept in indexed columns.

    ``node`` is what the fact is about or points at: a reference's or follow-up's target, the
    motion a motion fact is (or mentions), a commitment's node, a sector's node. ``rel`` is the
    edge the fact draws from its document to ``node`` that citation chains follow (``cites``,
    ``fulfils``, ``postpones``, ``answers``, ``replaces``), else None.
    """

    node: str | None
    rel: str | None
    status: str | None  # a mentioned motion: the vote the text states
    appraisal: str | None  # a motion: the cabinet's appraisal a text gives
    by: str | None  # a commitment: its deadline
    actor: str | None  # a commitment: who made it
    people: tuple[str, ...]  # person nodes: a motion's submitters, a commitment's actor


def links(ftype: str, data: dict[str, Any], source: str) -> Links:
    """The node ids of one fact of the paper whose node is ``source``.

    >>> links("reference", {"kind": "kamerstuk", "id": "kst-1-2", "start": 5}, "kst-9-9").node
    'kst-1-2'
    >>> links("commitment", {"kind": "toezegging", "ref": None, "actor": "De Minister", "start": 40,
    ...                      "deadline": {"by": "2026-01-01"}}, "doc:ab").node
    'commitment:doc:ab@40'
    """
    node = rel = status = appraisal = by = actor = None
    people: tuple[str, ...] = ()
    if ftype == "reference":
        if data.get("kind") != "url":
            node, rel = data.get("id"), "cites"
    elif ftype == "follow_up":
        if data.get("target"):
            node, rel = data["target"], data.get("relation")
        elif data.get("target_text"):  # described only: kept under its indieners until their motion comes
            from . import link

            described = link.describe(data["target_text"])
            people = tuple(f"described:{n}" for n in described.names) if described else ()
    elif ftype == "motion":
        people = tuple(f"person:{n.lower()}" for n in data.get("submitters") or [])
        appraisal = (data.get("appraisal") or {}).get("value")
        if not data.get("mentioned"):
            node = source
        elif data.get("id"):
            node, status = data["id"], data.get("status")
        else:  # a motion named without a number: a node of its own, cited where it stands
            node, rel = f"motion:{source}#{data['start']}", "cites"
    elif ftype == "commitment":
        ref = data.get("ref")
        node = f"commitment:{ref}" if ref else f"commitment:{source}@{data['start']}"
        by = (data.get("deadline") or {}).get("by")
        actor = data.get("actor")
        people = (f"person:{actor.lower()}",) if actor else ()
    elif ftype == "sector":
        node = f"sector:{data.get('id')}"
    return Links(node, rel, status, appraisal, by, actor, people)


def _fill_links(db: sqlite3.Connection, document: int | None = None) -> None:
    """Set the node-id columns (and the people of each fact) from the stored fact JSON."""
    where, args = ("WHERE f.document = ?", (document,)) if document is not None else ("", ())
    rows = db.execute(
        "SELECT f.id, f.type, f.json, COALESCE(d.doc_id, 'doc:' || d.uid) FROM facts f"
        f" JOIN documents d ON d.id = f.document {where}",
        args,
    ).fetchall()
    if document is not None:
        db.execute("DELETE FROM people WHERE fact IN (SELECT id FROM facts WHERE document = ?)", (document,))
    for fid, ftype, raw, source in rows:
        ln = links(ftype, json.loads(raw), source)
        db.execute(
            "UPDATE facts SET source = ?, node = ?, rel = ?, status = ?, appraisal = ?, due = ?, actor = ?"
            " WHERE id = ?",
            (source, ln.node, ln.rel, ln.status, ln.appraisal, ln.by, ln.actor, fid),
        )
        db.executemany("INSERT INTO people (person, fact) VALUES (?, ?)", [(p, fid) for p in ln.people])


def _when_unlocked(step: Callable[[], Any]) -> Any:
    """Run ``step``, again while another process holds a lock SQLite will not wait for (up to BUSY_MS)."""
    deadline = time.monotonic() + BUSY_MS / 1000
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def is_url(db: str | Path) -> bool:
    """Whether ``db`` names a PostgreSQL database rather than an SQLite file."""
    return str(db).startswith(("postgresql://", "postgres://"))


class Store:
    """SQLite store. ``Store(path)`` opens (or creates) and migrates it; ``readonly`` never writes.

    ``Store("postgresql://…")`` opens the same interface on PostgreSQL (``pgstore.PgStore``).
    """

    dialect = "sqlite"

    def __new__(cls, path: str | Path, readonly: bool = False) -> Store:
        if cls is Store and is_url(path):
            from .pgstore import PgStore

            return super().__new__(PgStore)
        return super().__new__(cls)

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._check_file()
        try:
            if readonly:
                self.db = self._open_readonly()
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_MS / 1000)
                self.db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
                self._check_owner()
                # a new store opened by two processes at once: switching to WAL does not wait for the other
                _when_unlocked(lambda: self.db.execute("PRAGMA journal_mode=WAL"))
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                _when_unlocked(self.migrate)
            elif self.version() < len(MIGRATIONS):
                raise StoreError(
                    f"{self.path} was written by an older Kamerwacht (schema {self.version()}, now "
                    f"{len(MIGRATIONS)}): open it once for writing (e.g. 'kamer reanalyse') to upgrade it"
                )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    # ------------------------------------------------------------ opening

    def _check_file(self) -> None:
        if not self.path.exists():
            if self.readonly:
                raise StoreError(f"no store at {self.path}: run 'kamer ingest PATH' first")
            return
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a store file")
        try:
            with self.path.open("rb") as fh:
                head = fh.read(100)
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {exc.strerror}") from exc
        if head and not head.startswith(SQLITE_HEADER):
            raise StoreError(
                f"{self.path} is not a Kamerwacht store (not an SQLite file); it was left untouched"
            )

    def _open_readonly(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri()
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=BUSY_MS / 1000)
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # a WAL store on a read-only file or folder: read it as an immutable file
            db.close()
            db = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
        self.db = db
        self._check_owner()
        return db

    def _check_owner(self) -> None:
        # one read transaction: a process creating the store at the same moment commits its first tables
        # and its mark together, so they are read together, never the tables without the mark
        self.db.execute("BEGIN")
        try:
            app = int(self.db.execute("PRAGMA application_id").fetchone()[0])
            tables, facts, zaken = self.db.execute(
                "SELECT count(*), total(type = 'table' AND name = 'facts'), total(name = 'zaken')"
                " FROM sqlite_master"
            ).fetchone()
            legacy = bool(facts and zaken)
        finally:
            self.db.execute("COMMIT")
        if app == APPLICATION_ID:
            return
        if tables == 0 and app == 0:
            return  # a new, empty file
        if app == 0 and legacy:
            return  # written by the first round, before stores were marked
        self.db.close()
        raise StoreError(
            f"{self.path} is an SQLite file of another program, not a Kamerwacht store; it was left untouched"
        )

    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        version = self.version()
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            self.db.execute("BEGIN IMMEDIATE")
            if self.version() >= number:  # another process migrated while this one waited
                self.db.execute("COMMIT")
                continue
            try:
                if callable(step):
                    step(self.db)
                else:
                    _script(self.db, step)
                self.db.execute(f"PRAGMA user_version = {number}")
                self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise
        if (
            self.version() == len(MIGRATIONS)
            and int(self.db.execute("PRAGMA application_id").fetchone()[0]) == 0
        ):
            self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        stale = self.db.execute("SELECT value FROM state WHERE key = 'motion_state_stale'").fetchone()
        if stale and stale[0]:
            with self._write():
                nodes = [n for (n,) in self.db.execute(
                    "SELECT DISTINCT node FROM facts WHERE type = 'motion' AND rel IS NULL"
                    " UNION SELECT kst_id FROM zaken WHERE kst_id IS NOT NULL"
                )]  # fmt: skip
                self.refresh_motions(nodes)
                self.db.execute("UPDATE state SET value = 0 WHERE key = 'motion_state_stale'")
        return len(MIGRATIONS)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self) -> _Tx:
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only")
        return _Tx(self.db)

    # ------------------------------------------------------------ documents

    def source_state(self, sha256: str) -> tuple[int, str | None] | None:
        """(document, analyser version of its facts) of a stored rendition, or None."""
        row = self.db.execute(
            "SELECT d.id, d.analyser FROM sources s JOIN documents d ON d.id = s.document WHERE s.sha256 = ?",
            (sha256,),
        ).fetchone()
        return (int(row[0]), row[1]) if row else None

    def has(self, sha256: str) -> bool:
        return self.source_state(sha256) is not None

    def put(self, doc: Document) -> Put:
        """Add one analysed rendition of a paper, atomically.

        Renditions of one paper (the same own id, or near-identical text) are
        one document with several sources; the best rendition's facts are the
        paper's. A file stored before under the same path with other bytes is
        replaced, not copied.
        """
        if doc.analyser is None:
            raise ValueError("only analysed documents can be stored (run analyse first)")
        sha, path = doc.source.sha256, display_path(doc.source.path)
        from . import fingerprint  # numpy: only writers pay for it (a query starts in a fraction)

        sig = fingerprint.fingerprint(doc.text)
        with self._write():
            known = self.source_state(sha)
            if known is not None:
                return Put("present", known[0], False)
            outcome = "added"
            document = None
            old = self.db.execute("SELECT sha256, document FROM sources WHERE path = ?", (path,)).fetchall()
            for old_sha, old_doc in old:  # a changed file: its earlier bytes go
                self._drop_source(old_sha)
                others = self.db.execute("SELECT count(*) FROM sources WHERE document = ?", (old_doc,))
                if int(others.fetchone()[0]) == 0:
                    document = int(old_doc)  # the paper keeps its identity
                outcome = "replaced"
            if document is None and doc.doc_id:
                row = self.db.execute(
                    "SELECT id FROM documents WHERE doc_id = ? LIMIT 1", (doc.doc_id,)
                ).fetchone()
                document = int(row[0]) if row else None
                outcome = "rendition" if row and outcome == "added" else outcome
            if document is None:
                document = self._same_text(sig, doc.doc_id)
                outcome = "rendition" if document is not None and outcome == "added" else outcome
            if document is None:
                cur = self.db.execute(
                    f"INSERT INTO documents (uid, meta, added) VALUES (?, '{{}}', {NOW_MS})", (sha[:16],)
                )
                document = int(cur.lastrowid or 0)
            self._insert_source(document, doc, path, sig)
            best = self._best(document) == sha
            if best:
                self._set_facts(document, doc)
            return Put(outcome, document, best)

    def _same_text(self, sig: tuple[int, ...], doc_id: str | None) -> int | None:
        if not sig:
            return None
        from . import fingerprint

        bands = fingerprint.bands(sig)
        candidates: dict[str, int] = {}
        for band, h in bands:
            for (src,) in self.db.execute("SELECT source FROM bands WHERE band = ? AND hash = ?", (band, h)):
                candidates[src] = candidates.get(src, 0) + 1
        for src, _ in sorted(candidates.items(), key=lambda kv: -kv[1]):
            row = self.db.execute(
                "SELECT s.document, s.extraction, d.doc_id FROM sources s"
                " JOIN documents d ON d.id = s.document"
                " WHERE s.sha256 = ?",
                (src,),
            ).fetchone()
            if row is None:
                continue
            other = tuple(json.loads(row[1]).get("fingerprint") or ())
            if doc_id and row[2] and row[2] != doc_id:
                continue  # two papers with different numbers are never one
            if fingerprint.similarity(sig, other) >= fingerprint.SAME_PAPER:
                return int(row[0])
        return None

    def _insert_source(self, document: int, doc: Document, path: str, sig: tuple[int, ...]) -> None:
        extraction = {
            "source": doc.source.to_json(),
            "pages": [p.to_json() for p in doc.pages],
            "segments": [s.to_json() for s in doc.extraction().segments],
            "footnotes": [f.to_json() for f in doc.footnotes],
            "running": list(doc.running),
            "markup": doc.markup.to_json(),
            "marks": [m.to_json() for m in doc.marks],
            "fingerprint": list(sig),
            "rank": rank(doc),
        }
        self.db.execute(
            "INSERT INTO sources (sha256, document, path, media_type, pages, ocr_pages, bytes, rank, text,"
            " extraction) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                doc.source.sha256,
                document,
                path,
                doc.source.media_type,
                doc.source.pages,
                len(doc.source.ocr_pages),
                doc.source.bytes,
                rank(doc),
                doc.text,
                json.dumps(extraction, ensure_ascii=False),
            ),
        )
        self.db.executemany(
            "INSERT INTO bands (band, hash, source) VALUES (?,?,?)",
            [(b, h, doc.source.sha256) for b, h in _bands(sig)],
        )
        self.db.execute("DELETE FROM failures WHERE path = ?", (path,))

    def _drop_source(self, sha: str) -> None:
        self.db.execute("DELETE FROM bands WHERE source = ?", (sha,))
        self.db.execute("DELETE FROM sources WHERE sha256 = ?", (sha,))

    def _best(self, document: int) -> str | None:
        row = self.db.execute(
            "SELECT sha256 FROM sources WHERE document = ? ORDER BY rank DESC, added, sha256 LIMIT 1",
            (document,),
        ).fetchone()
        return str(row[0]) if row else None

    def _linked(self, doc: Document) -> Document:
        """``doc`` with each follow-up that only describes its motion ("de motie van het lid Van Nispen over
        …") linked to the one motion of those indieners the store holds that clearly fits (``link.py``)."""
        from . import link
        from .graph import build_subgraph

        facts = list(doc.facts())
        changed = False
        for i, f in enumerate(facts):
            if not isinstance(f, FollowUp) or f.target is not None or not f.target_text:
                continue
            described = link.describe(f.target_text)
            if described is None or not described.names:
                continue
            people = [f"person:{n}" for n in described.names]
            nodes = sorted(
                {
                    str(r[0])
                    for r in self.db.execute(
                        "SELECT DISTINCT f.node FROM people p JOIN facts f ON f.id = p.fact"
                        f" WHERE p.person IN ({','.join('?' * len(people))}) AND f.type = 'motion'"
                        " AND f.node IS NOT NULL",
                        people,
                    )
                }
            )
            if not nodes:
                continue
            G = build_subgraph(self, nodes)
            candidates = [
                link.Candidate(
                    n,
                    tuple(G.nodes[n].get("submitters") or ()),
                    " ".join(str(G.nodes[n].get(k) or "") for k in ("onderwerp", "title", "dictum")),
                    G.nodes[n].get("date"),
                )
                for n in nodes
                if n in G
            ]
            found = link.resolve(described, candidates, doc.meta.date)
            if found:
                facts[i] = replace(f, target=found[0], resolved_by="store", confidence=found[1])
                changed = True
        return doc.with_facts(facts) if changed else doc

    def _set_facts(self, document: int, doc: Document) -> tuple[int, int]:
        """Make ``doc``'s metadata and facts the paper's; rows of unchanged facts are kept.

        Returns (facts added, facts removed).
        """
        doc = self._linked(doc)
        version = doc.analyser or "unknown"
        touched = self._motion_nodes(document)
        commitments = self._commitment_nodes(document)
        extras = {
            "segments": [s.to_json() for s in doc.segments],  # with the roles analysis gave them
            "turns": [t.to_json() for t in doc.turns],
            "questions": [q.to_json() for q in doc.questions],
            "warnings": list(doc.warnings),
        }
        self.db.execute(
            "UPDATE documents SET doc_id = ?, kind = ?, title = ?, date = ?, meta = ?, extras = ?, best = ?,"
            " analyser = ?, updated = datetime('now') WHERE id = ?",
            (
                doc.doc_id,
                doc.meta.kind,
                doc.meta.title,
                doc.meta.date,
                json.dumps(doc.meta.to_json(), ensure_ascii=False),
                json.dumps(extras, ensure_ascii=False),
                doc.source.sha256,
                version,
                document,
            ),
        )
        new = [_fact_row(f, version) for f in doc.facts()]
        old = dict(
            self.db.execute(
                "SELECT digest, count(*) FROM facts WHERE document = ? GROUP BY digest", (document,)
            ).fetchall()
        )
        want: dict[str, int] = {}
        for row in new:
            want[row[7]] = want.get(row[7], 0) + 1
        removed = 0
        for digest, count in old.items():
            extra = count - want.get(digest, 0)
            if extra > 0:
                self.db.execute(
                    "DELETE FROM facts WHERE id IN (SELECT id FROM facts WHERE document = ? AND digest = ?"
                    " ORDER BY id DESC LIMIT ?)",
                    (document, digest, extra),
                )
                removed += extra
        added = 0
        have = {d: c for d, c in old.items()}
        for row in new:
            if have.get(row[7], 0) > 0:
                have[row[7]] -= 1
                continue
            self.db.execute(
                "INSERT INTO facts (document, type, kind, target, page, start, end, json, digest, version)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (document, *row),
            )
            added += 1
        self.db.execute(
            "UPDATE facts SET version = ? WHERE document = ? AND version != ?", (version, document, version)
        )
        _fill_links(self.db, document)
        self.refresh_motions(touched | self._motion_nodes(document))
        self.refresh_commitments(commitments | self._commitment_nodes(document))
        own = {n.lower() for m in doc.motions if not m.mentioned for n in m.submitters}
        if own:
            self._relink(own, document)
        return added, removed

    def _relink(self, submitters: set[str], document: int) -> None:
        """A motion has come: papers that described a motion of its indieners, and found none, try again."""
        keys = sorted(f"described:{n}" for n in submitters)
        rows = self.db.execute(
            "SELECT DISTINCT f.document FROM people p JOIN facts f ON f.id = p.fact"
            f" WHERE p.person IN ({','.join('?' * len(keys))}) AND f.type = 'follow_up' AND f.node IS NULL"
            " AND f.document != ?",
            (*keys, document),
        ).fetchall()
        for (other,) in rows:
            row = self.db.execute(
                "SELECT COALESCE(doc_id, 'doc:' || uid) FROM documents WHERE id = ?", (other,)
            ).fetchone()
            letter = self.document(str(row[0])) if row else None
            if letter is not None and (linked := self._linked(letter)) is not letter:
                self._set_facts(int(other), linked)

    def _motion_nodes(self, document: int) -> set[str]:
        """The motion nodes whose state this paper's facts decide: its own, those it names or acts on."""
        rows = self.db.execute(
            "SELECT node FROM facts WHERE document = ? AND node IS NOT NULL"
            " AND (type = 'motion' OR rel IN ('fulfils', 'replaces'))"
            " UNION SELECT COALESCE(doc_id, 'doc:' || uid) FROM documents WHERE id = ?",
            (document, document),
        )
        return {str(n) for (n,) in rows}

    def _commitment_nodes(self, document: int) -> set[str]:
        """The commitment nodes whose state this paper's facts decide: its own, those it fulfils."""
        rows = self.db.execute(
            "SELECT node FROM facts WHERE document = ? AND type = 'commitment'"
            " UNION SELECT 'commitment:' || node FROM facts WHERE document = ? AND rel = 'fulfils'",
            (document, document),
        )
        return {str(n) for (n,) in rows}

    def refresh_commitments(self, nodes: Iterable[str]) -> None:
        """Bring the ``commitment_state`` rows of these nodes up to date (inside the caller's transaction)."""
        for node in sorted(set(nodes)):
            self.db.execute("DELETE FROM commitment_state WHERE node = ?", (node,))
            self.db.execute(
                COMMITMENT_STATE + " WHERE f.node = ? AND f.type = 'commitment' ORDER BY f.id LIMIT 1",
                (node,),
            )

    def refresh_motions(self, nodes: Iterable[str]) -> None:
        """Bring the ``motion_state`` rows of these nodes up to date (inside the caller's transaction)."""
        from .graph import build_subgraph, motion_state

        todo = sorted(set(nodes))
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            G = build_subgraph(self, chunk)
            for node in chunk:
                state = motion_state(self, G, node)
                if state is None:
                    self.db.execute("DELETE FROM motion_state WHERE node = ?", (node,))
                else:
                    self.db.execute(
                        "INSERT OR REPLACE INTO motion_state (node, date, open, listed) VALUES (?,?,?,?)",
                        (node, *state),
                    )

    def replace_analysis(self, document: int, doc: Document) -> tuple[int, int]:
        """Store a new analysis of a paper's best rendition (``reanalyse``): (facts added, facts removed)."""
        with self._write():
            return self._set_facts(document, doc)

    def remove(self, key: str) -> list[str]:
        """Remove the paper with this own id, node id or file path (all its renditions). Returns what went."""
        path = display_path(key)
        rows = self.db.execute(
            "SELECT DISTINCT d.id, COALESCE(d.doc_id, 'doc:' || d.uid) FROM documents d"
            " LEFT JOIN sources s ON s.document = d.id"
            " WHERE d.doc_id = ? OR 'doc:' || d.uid = ? OR s.path = ? OR s.sha256 = ?",
            (key, key, path, key),
        ).fetchall()
        with self._write():
            for document, _ in rows:
                touched = self._motion_nodes(document)
                commitments = self._commitment_nodes(document)
                for (sha,) in self.db.execute(
                    "SELECT sha256 FROM sources WHERE document = ?", (document,)
                ).fetchall():
                    self._drop_source(sha)
                self.db.execute("DELETE FROM documents WHERE id = ?", (document,))
                self.refresh_motions(touched)
                self.refresh_commitments(commitments)
        return [str(node) for _, node in rows]

    # ------------------------------------------------------------ reading back

    def extraction(self, document: int) -> Document:
        """The best rendition of a paper as extraction left it: what ``analyse`` reads again."""
        row = self.db.execute(
            "SELECT s.text, s.extraction FROM sources s JOIN documents d ON d.best = s.sha256 WHERE d.id = ?",
            (document,),
        ).fetchone()
        if row is None:
            raise StoreError(f"document {document} has no stored text")
        return _extraction(row[0], row[1])

    def document(self, key: str) -> Document | None:
        """A stored paper with its text and facts, by own id, node id, sha256 or path."""
        row = self.db.execute(
            "SELECT d.id, d.doc_id, d.meta, d.extras, d.analyser, s.text, s.extraction FROM documents d"
            " JOIN sources s ON s.sha256 = d.best"
            " WHERE d.doc_id = ? OR 'doc:' || d.uid = ? OR d.best = ?"
            " OR d.id IN (SELECT document FROM sources WHERE path = ? OR sha256 = ?) LIMIT 1",
            (key, key, key, display_path(key), key),
        ).fetchone()
        if row is None:
            return None
        document, doc_id, meta, extras, analyser, text, extraction = row
        base = _extraction(text, extraction)
        facts = [
            fact_from_json(ftype, json.loads(raw))
            for ftype, raw in self.db.execute(
                "SELECT type, json FROM facts WHERE document = ? ORDER BY id", (document,)
            )
        ]
        data = json.loads(extras)
        from .schema import Question, Turn

        try:
            doc = replace(
                base,
                segments=tuple(Segment.from_json(s) for s in data.get("segments", [])) or base.segments,
                doc_id=doc_id,
                meta=Meta.from_json(json.loads(meta)),
                turns=tuple(Turn.from_json(t) for t in data.get("turns", [])),
                questions=tuple(Question.from_json(q) for q in data.get("questions", [])),
                warnings=tuple(data.get("warnings", [])),
                analyser=analyser,
            )
        except SchemaError as exc:
            raise StoreError(f"{self.path}: document {document} does not fit the schema: {exc}") from exc
        return doc.with_facts(facts)

    def documents(self) -> Iterator[DocumentRow]:
        yield from self.document_rows("1 = 1", ())

    def document_rows(self, where: str, args: tuple[Any, ...]) -> Iterator[DocumentRow]:
        """The papers matching an SQL condition on ``documents d``, in the order they were added."""
        q = (
            "SELECT d.id, d.uid, d.doc_id, d.kind, d.title, d.date, s.path, d.analyser FROM documents d"
            f" LEFT JOIN sources s ON s.sha256 = d.best WHERE {where} ORDER BY d.id"
        )
        for row in self.db.execute(q, args):
            yield DocumentRow(int(row[0]), row[1], row[2], row[3], row[4], row[5], row[6] or "", row[7])

    def dossier_member(self, dossier: str) -> DocumentRow | None:
        """One stored Kamerstuk of a dossier (``dossier-36600-VIII``), if the store holds any."""
        from .schema import KamerstukId

        prefix = "kst-" + dossier.removeprefix("dossier-") + "-"
        q = "d.doc_id >= ? AND d.doc_id < ?"
        for row in self.document_rows(q, (prefix, prefix[:-1] + ".")):
            ks = KamerstukId.parse(row.doc_id or "")
            if ks is not None and ks.ondernummer and ks.dossier_id == dossier:
                return row
        return None

    def meta(self, node: str) -> Meta | None:
        """The metadata of the paper whose graph node is ``node`` (what names it), or None."""
        if node.startswith("doc:"):
            row = self.db.execute(
                "SELECT meta FROM documents WHERE doc_id IS NULL AND uid = ?", (node[4:],)
            ).fetchone()
        else:
            row = self.db.execute(
                "SELECT meta FROM documents WHERE doc_id = ? ORDER BY id DESC LIMIT 1", (node,)
            ).fetchone()
        if row is None:
            return None
        try:
            return Meta.from_json(json.loads(row[0]))
        except (SchemaError, ValueError) as exc:
            raise StoreError(f"{self.path}: stored metadata does not fit the schema: {exc}") from exc

    def node_nocase(self, keys: Iterable[str]) -> str | None:
        """The node a paper's id or a named id stands for when typed in another case, or None."""
        lowered = sorted({k.lower() for k in keys})
        marks = ",".join("?" * len(lowered))
        row = self.db.execute(
            f"SELECT doc_id FROM documents WHERE lower(doc_id) IN ({marks}) ORDER BY id LIMIT 1", lowered
        ).fetchone()
        if row:
            return str(row[0])
        uids = [k[4:] for k in lowered if k.startswith("doc:")]
        for uid in uids:
            row = self.db.execute("SELECT uid FROM documents WHERE lower(uid) = ? LIMIT 1", (uid,)).fetchone()
            if row:
                return f"doc:{row[0]}"
        variants = sorted({v for k in keys for v in (k.lower(), k.upper())})
        marks = ",".join("?" * len(variants))
        row = self.db.execute(f"SELECT node FROM facts WHERE node IN ({marks}) LIMIT 1", variants).fetchone()
        return str(row[0]) if row else None

    def dossier_nodes(self, dossier: str) -> list[str]:
        """The Kamerstukken of a dossier the store holds, cites or has open data of."""
        from .schema import KamerstukId

        prefix = "kst-" + dossier.removeprefix("dossier-") + "-"
        bounds = (prefix, prefix[:-1] + ".")
        found: set[str] = set()
        for sql in (
            "SELECT doc_id FROM documents WHERE doc_id >= ? AND doc_id < ?",
            "SELECT DISTINCT node FROM facts WHERE node >= ? AND node < ?",
            "SELECT DISTINCT kst_id FROM zaken WHERE kst_id >= ? AND kst_id < ?",
        ):
            for (node,) in self.db.execute(sql, bounds):
                ks = KamerstukId.parse(str(node))
                if ks is not None and ks.ondernummer and ks.dossier_id == dossier:
                    found.add(str(node))
        return sorted(found)

    def person_nodes(self, person: str) -> tuple[list[str], list[str]]:
        """(commitments made by, motions submitted by) a person node (``person:<name>``)."""
        made: dict[str, None] = {}
        submitted: dict[str, None] = {}
        for node, ftype in self.db.execute(
            "SELECT f.node, f.type FROM people p JOIN facts f ON f.id = p.fact WHERE p.person = ?"
            " ORDER BY f.id",
            (person,),
        ):
            (made if ftype == "commitment" else submitted)[str(node)] = None
        return list(made), list(submitted)

    def facts_by_id(self, ids: list[int]) -> Iterator[tuple[str, Fact]]:
        """(paper node, fact) of these facts, in the order they were stored."""
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for source, ftype, raw in self.db.execute(
                f"SELECT source, type, json FROM facts WHERE id IN ({marks}) ORDER BY id", chunk
            ):
                yield str(source), self._fact(ftype, raw)

    def _fact(self, ftype: str, raw: str) -> Fact:
        try:
            return fact_from_json(ftype, json.loads(raw))
        except (SchemaError, ValueError) as exc:
            raise StoreError(f"{self.path}: a stored {ftype} fact does not fit the schema: {exc}") from exc

    def metas(self) -> Iterator[tuple[str, Meta]]:
        """(graph node id, metadata) of every paper: what names it (Betreft, title, date, authors)."""
        for doc_id, uid, raw in self.db.execute("SELECT doc_id, uid, meta FROM documents ORDER BY id"):
            try:
                yield doc_id or f"doc:{uid}", Meta.from_json(json.loads(raw))
            except (SchemaError, ValueError) as exc:
                raise StoreError(f"{self.path}: stored metadata does not fit the schema: {exc}") from exc

    def facts(self) -> Iterator[tuple[int, Fact]]:
        """(document, fact) of every fact, typed."""
        for document, ftype, raw in self.db.execute("SELECT document, type, json FROM facts ORDER BY id"):
            try:
                yield int(document), fact_from_json(ftype, json.loads(raw))
            except (SchemaError, ValueError) as exc:
                raise StoreError(
                    f"{self.path}: a stored {ftype} fact does not fit the schema: {exc}"
                ) from exc

    def stale(self, version: str) -> list[int]:
        """Papers whose facts were made by another analyser version."""
        rows = self.db.execute(
            "SELECT id FROM documents WHERE analyser IS NULL OR analyser != ? ORDER BY id", (version,)
        )
        return [int(r[0]) for r in rows]

    def all_documents(self) -> list[int]:
        return [int(r[0]) for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    # ------------------------------------------------------------ open data

    def has_opendata(self, sha256: str) -> bool:
        row = self.db.execute("SELECT 1 FROM opendata_files WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def add_opendata(self, path: str, sha256: str, zaken: Iterable[ZaakFacts], batch: int = 500) -> int:
        """Add (or update) the Zaak records of one export file, in short transactions. Returns the count."""
        n = 0
        rows: list[ZaakFacts] = []
        for z in zaken:
            rows.append(z)
            n += 1
            if len(rows) >= batch:
                with self._write():
                    self.put_zaken(rows)
                rows.clear()
        if rows:
            with self._write():
                self.put_zaken(rows)
        with self._write():
            self.db.execute(
                "INSERT OR REPLACE INTO opendata_files (sha256, path, records) VALUES (?,?,?)",
                (sha256, display_path(path), n),
            )
        return n

    def put_zaken(self, zaken: Iterable[ZaakFacts]) -> None:
        """Add or update Zaak records (inside the caller's transaction, if any) and their motions' state."""
        zaken = list(zaken)
        self.db.executemany(
            "INSERT OR REPLACE INTO zaken (nummer, soort, kst_id, onderwerp, datum, vergaderjaar,"
            " besluit, status, kabinetsappreciatie, afgedaan, json) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
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
                )
                for z in zaken
            ],
        )
        self.refresh_motions(z.kst_id for z in zaken if z.kst_id)

    def zaken(self, where: str = "1 = 1", args: Iterable[Any] = ()) -> Iterator[ZaakFacts]:
        """The open-data records (matching an SQL condition on ``zaken``) by number."""
        cols = (
            "nummer, soort, kst_id, onderwerp, datum, vergaderjaar, besluit, status, kabinetsappreciatie,"
            " afgedaan"
        )
        for row in self.db.execute(f"SELECT {cols} FROM zaken WHERE {where} ORDER BY nummer", tuple(args)):
            nummer, soort, kst_id, onderwerp, datum, vj, besluit, status, appreciatie, afgedaan = row
            yield ZaakFacts(
                nummer,
                soort,
                kst_id,
                onderwerp,
                datum,
                vj,
                besluit,
                status,
                appreciatie,
                None if afgedaan is None else bool(afgedaan),
                {},
            )

    # ------------------------------------------------------------ live sync, register, watches, alerts

    def transaction(self) -> _Tx:
        """One write transaction for several calls (``with store.transaction(): ...``)."""
        return self._write()

    def cursor(self, key: str) -> tuple[str, str] | None:
        """Where the last sync of ``key`` stopped: (ApiGewijzigdOp, Id) of its last stored record."""
        row = self.db.execute("SELECT modified, last_id FROM sync_cursors WHERE key = ?", (key,)).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def cursors(self) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT key, modified, last_id, pages, records, updated FROM sync_cursors ORDER BY key"
        )
        names = ("key", "modified", "last_id", "pages", "records", "updated")
        return [dict(zip(names, r, strict=True)) for r in rows]

    def set_cursor(self, key: str, modified: str, last_id: str, records: int) -> None:
        """Move ``key``'s resume point on (call inside the transaction that stored the page)."""
        self.db.execute(
            "INSERT INTO sync_cursors (key, modified, last_id, pages, records) VALUES (?,?,?,1,?)"
            " ON CONFLICT(key) DO UPDATE SET modified = excluded.modified, last_id = excluded.last_id,"
            " pages = pages + 1, records = records + excluded.records, updated = datetime('now')",
            (key, modified, last_id, records),
        )

    def put_record(
        self,
        entity: str,
        rid: str,
        nummer: str | None,
        modified: str | None,
        data: dict[str, Any],
        path: str | None = None,
        source: str = "odata",
    ) -> None:
        """Add or update one open-data record (Toezegging, Document, Verslag) or register line."""
        self.db.execute(
            "INSERT OR REPLACE INTO records (entity, id, nummer, modified, path, source, json)"
            " VALUES (?,?,?,?,?,?,?)",
            (
                entity,
                rid,
                nummer,
                modified,
                path,
                source,
                json.dumps(data, ensure_ascii=False, sort_keys=True),
            ),
        )

    def delete_record(self, entity: str, rid: str) -> str | None:
        """Remove one record; returns the path of its downloaded file, if it had one."""
        row = self.db.execute(
            "SELECT path FROM records WHERE entity = ? AND id = ?", (entity, rid)
        ).fetchone()
        self.db.execute("DELETE FROM records WHERE entity = ? AND id = ?", (entity, rid))
        return str(row[0]) if row and row[0] else None

    def delete_zaak(self, nummer: str) -> None:
        row = self.db.execute("SELECT kst_id FROM zaken WHERE nummer = ?", (nummer,)).fetchone()
        self.db.execute("DELETE FROM zaken WHERE nummer = ?", (nummer,))
        if row and row[0]:
            self.refresh_motions([row[0]])

    def records(self, entity: str) -> Iterator[tuple[str, str | None, str | None, dict[str, Any]]]:
        """(Id, Nummer, file path, record) of every stored record of one entity, by Nummer."""
        rows = self.db.execute(
            "SELECT id, nummer, path, json FROM records WHERE entity = ? ORDER BY nummer, id", (entity,)
        )
        for rid, nummer, path, raw in rows:
            yield str(rid), nummer, path, json.loads(raw)

    def watches(self) -> list[tuple[int, str, str, str]]:
        """(number, kind, value, when added) of everything watched."""
        return [
            (int(i), str(k), str(v), str(at))
            for i, k, v, at in self.db.execute("SELECT id, kind, value, added FROM watches ORDER BY id")
        ]

    def added(self) -> dict[str, str]:
        """When each paper (by graph node id) came into the store."""
        q = "SELECT COALESCE(doc_id, 'doc:' || uid), MIN(added) FROM documents GROUP BY 1"
        return {str(node): str(at) for node, at in self.db.execute(q)}

    def arrived_since(self, when: str) -> dict[str, str]:
        """When each paper that first came into the store at ``when`` or later came (by graph node id).

        The papers of the rows added since then, and the first arrival of each: a few reads, however
        many papers came before.
        """
        new = [
            (doc_id, str(uid))
            for doc_id, uid in self.db.execute(
                "SELECT DISTINCT doc_id, uid FROM documents WHERE added >= ?", (when,)
            )
        ]
        first: dict[str, str] = {}
        ids = sorted({str(d) for d, _ in new if d})
        own = sorted({u for d, u in new if not d})
        for i in range(0, max(len(ids), len(own)), 400):
            for column, keys, node in (("doc_id", ids, "doc_id"), ("uid", own, "'doc:' || uid")):
                chunk = keys[i : i + 400]
                if not chunk:
                    continue
                extra = " AND doc_id IS NULL" if column == "uid" else ""
                marks = ",".join("?" * len(chunk))
                q = f"SELECT {node}, MIN(added) FROM documents WHERE {column} IN ({marks}){extra} GROUP BY 1"
                first.update((str(n), str(at)) for n, at in self.db.execute(q, chunk))
        return {n: at for n, at in first.items() if at >= when}

    def add_watch(self, kind: str, value: str) -> bool:
        """Watch something; False if it was watched already."""
        with self._write():
            cur = self.db.execute(
                f"INSERT OR IGNORE INTO watches (kind, value, added) VALUES (?, ?, {NOW_MS})", (kind, value)
            )
        return cur.rowcount > 0

    def remove_watch(self, kind: str | None, value: str) -> int:
        """Stop watching (by value, or by list number when ``kind`` is None). Returns how many went."""
        with self._write():
            if kind is None and value.isdigit():
                cur = self.db.execute("DELETE FROM watches WHERE id = ?", (int(value),))
            elif kind is None:
                cur = self.db.execute("DELETE FROM watches WHERE value = ?", (value,))
            else:
                cur = self.db.execute("DELETE FROM watches WHERE kind = ? AND value = ?", (kind, value))
        return cur.rowcount

    def delivered(self) -> set[str]:
        """Keys of the alerts already delivered."""
        return {str(k) for (k,) in self.db.execute("SELECT key FROM alerts")}

    def record_alerts(self, alerts: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
        """Mark alerts (key, kind, alert) as delivered, so no later run sends them again."""
        with self._write():
            self.db.executemany(
                "INSERT OR IGNORE INTO alerts (key, kind, json) VALUES (?,?,?)",
                [(k, kind, json.dumps(a, ensure_ascii=False)) for k, kind, a in alerts],
            )

    def recent_alerts(self, limit: int = 100) -> list[tuple[str, str, str, dict[str, Any]]]:
        """(key, kind, delivered at, alert) of the latest delivered alerts, newest first."""
        rows = self.db.execute(
            "SELECT key, kind, delivered, json FROM alerts ORDER BY delivered DESC, key DESC LIMIT ?",
            (limit,),
        )
        return [(str(k), str(kind), str(at), json.loads(raw)) for k, kind, at, raw in rows]

    # ------------------------------------------------------------ failures

    def record_failure(
        self,
        path: str,
        stage: str,
        code: str,
        message: str,
        error: str | None = None,
        traceback: str | None = None,
        sha256: str | None = None,
    ) -> None:
        with self._write():
            self.db.execute(
                "INSERT INTO failures (path, sha256, stage, code, error, message, traceback)"
                " VALUES (?,?,?,?,?,?,?)"
                " ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, stage = excluded.stage,"
                " code = excluded.code, error = excluded.error, message = excluded.message,"
                " traceback = excluded.traceback, attempts = attempts + 1, at = datetime('now')",
                (display_path(path), sha256, stage, code, error, message, traceback),
            )

    def record_exception(self, path: str, stage: str, exc: BaseException, sha256: str | None = None) -> None:
        self.record_failure(
            path,
            stage,
            getattr(exc, "code", "bug"),
            str(exc),
            type(exc).__name__,
            "".join(tb.format_exception(exc)),
            sha256,
        )

    def failures(self) -> list[Failure]:
        rows = self.db.execute(
            "SELECT path, sha256, stage, code, error, message, traceback, attempts, at FROM failures"
            " ORDER BY at, path"
        )
        return [Failure(*r) for r in rows]

    # ------------------------------------------------------------ counts

    def stats(self, version: str | None = None) -> dict[str, int]:
        def count(sql: str, *args: Any) -> int:
            return int(self.db.execute(sql, args).fetchone()[0])

        kept = dict(self.db.execute("SELECT name, n FROM counts").fetchall())  # kept by triggers

        def n(name: str) -> int:
            return int(kept.get(name, 0))

        out = {
            "documents": n("documents"),
            "sources": n("sources"),
            "pages": n("pages"),
            "ocr_pages": n("ocr_pages"),
            "references": n("facts:reference"),
            "motions": n("facts:motion"),
            "commitments": n("facts:commitment"),
            "follow_ups": n("facts:follow_up"),
            "edges": n("facts:reference") + n("facts:follow_up"),
            "zaken": count("SELECT COUNT(*) FROM zaken"),
            "failures": count("SELECT COUNT(*) FROM failures"),
        }
        if version is not None:
            # three ranges of the analyser index (empty when all is current), not a scan of every paper
            out["stale"] = (
                count("SELECT COUNT(*) FROM documents WHERE analyser IS NULL")
                + count("SELECT COUNT(*) FROM documents WHERE analyser < ?", version)
                + count("SELECT COUNT(*) FROM documents WHERE analyser > ?", version)
            )
        return out


class _Tx:
    """One short write transaction (``BEGIN IMMEDIATE`` waits for other writers)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.outer = db.in_transaction

    def __enter__(self) -> None:
        if not self.outer:
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"the store stayed locked by another writer: {exc}") from exc

    def __exit__(self, kind: object, exc: object, trace: object) -> None:
        if self.outer:
            return
        if exc is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def _extraction(text: str, raw: str) -> Document:
    data = json.loads(raw)
    try:
        return Document(
            doc_id=None,
            source=Source.from_json(data["source"]),
            text=text,
            segments=tuple(Segment.from_json(s) for s in data.get("segments", [])),
            pages=tuple(Page.from_json(p) for p in data.get("pages", [])),
            footnotes=tuple(Footnote.from_json(f) for f in data.get("footnotes", [])),
            running=tuple(str(r) for r in data.get("running", [])),
            markup=Markup.from_json(data.get("markup") or {}),
            marks=tuple(Mark.from_json(m) for m in data.get("marks", [])),
        )
    except (SchemaError, KeyError, TypeError) as exc:
        raise StoreError(f"a stored extraction does not fit the schema: {exc}") from exc

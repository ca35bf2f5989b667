"""Full-text search over document text and facts: an SQLite FTS5 index kept in memory.

Why in memory: the view opens the store read-only and must never write to
it, not even an index table; a separate index file would go stale the moment
``kamer ingest`` adds a paper. Built when ``kamer serve`` starts, from the
stored text (one row per paragraph) and the facts (one row per fact), it is
always the store's current content, and it costs a few seconds on the
dev-scale store. ``unicode61 remove_diacritics 2`` makes ``financiele`` find
``financiële``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..schema import KamerstukId
from ..store import Store

OPEN, CLOSE = "\x02", "\x03"  # snippet markers; never in stored text (normalization drops controls)
WHAT = ("text", "reference", "motion", "commitment", "follow_up")


@dataclass(frozen=True)
class Hit:
    node: str  # the paper
    what: str  # text, or the fact type
    kind: str | None  # the paper's kind (brief, motie, handelingen, …)
    date: str | None
    start: int  # offset of the paragraph or fact in the paper's text
    snippet: Markup  # escaped text, matches in <mark>


class SearchIndex:
    """``SearchIndex(store).search("financiële belangen")``: hits, best first."""

    def __init__(self, store: Store) -> None:
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(node UNINDEXED, what UNINDEXED, kind UNINDEXED,"
            " date UNINDEXED, start UNINDEXED, dossier UNINDEXED, actor UNINDEXED, body,"
            " tokenize = 'unicode61 remove_diacritics 2')"
        )
        self._build(store)

    def _build(self, store: Store) -> None:
        papers = store.db.execute(
            "SELECT d.id, COALESCE(d.doc_id, 'doc:' || d.uid), d.kind, d.date, s.text FROM documents d"
            " JOIN sources s ON s.sha256 = d.best"
        )
        where: dict[int, tuple[str, str | None, str | None]] = {}
        for document, node, kind, date, text in papers:
            where[int(document)] = (node, kind, date)
            dossier = _dossier(node)
            rows = [(node, "text", kind, date, start, dossier, None, p) for start, p in paragraphs(text)]
            self.db.executemany("INSERT INTO fts VALUES (?,?,?,?,?,?,?,?)", rows)
        facts = store.db.execute(
            "SELECT document, type, json FROM facts WHERE type IN ('reference', 'motion', 'commitment',"
            " 'follow_up')"
        )
        for document, ftype, raw in facts:
            node, kind, date = where.get(int(document), (None, None, None))
            data = json.loads(raw)
            if node is None or not data.get("text"):
                continue
            actor = (
                data.get("actor") or data.get("speaker") or ", ".join(data.get("submitters") or []) or None
            )
            dossier = _dossier(node)
            self.db.execute(
                "INSERT INTO fts VALUES (?,?,?,?,?,?,?,?)",
                (node, ftype, kind, date, data["start"], dossier, actor, data["text"]),
            )

    def search(
        self,
        q: str,
        what: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        until: str | None = None,
        dossier: str | None = None,
        actor: str | None = None,
        limit: int = 50,
    ) -> list[Hit]:
        """Paragraphs and facts holding every word of ``q`` (any order), best first.

        Words are taken literally (FTS5 operators in ``q`` are plain words).
        ``dossier`` is a dossier in any spelling (``36600 VIII``); ``actor`` part
        of the name of whoever promises, speaks or submits.
        """
        words = re.findall(r"\w+", q)
        if not words:
            return []
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        sql = (
            f"SELECT node, what, kind, date, start, snippet(fts, 7, '{OPEN}', '{CLOSE}', '…', 32)"
            " FROM fts WHERE fts MATCH ?"
        )
        args: list[object] = [match]
        for column, op, value in (("what", "=", what), ("kind", "=", kind), ("date", ">=", since)):
            if value:
                sql += f" AND {column} {op} ?"
                args.append(value)
        if until:
            sql += " AND date <= ?"
            args.append(until)
        if dossier:
            ks = KamerstukId.read(dossier)
            sql += " AND dossier = ?"
            args.append(ks.dossier_id if ks else dossier)
        if actor:
            sql += " AND actor LIKE ?"
            args.append(f"%{actor}%")
        sql += " ORDER BY rank LIMIT ?"
        args.append(limit)
        return [
            Hit(node, w, kind_, date, int(start), _marked(snip))
            for node, w, kind_, date, start, snip in self.db.execute(sql, args)
        ]

    def kinds(self) -> list[str]:
        return [str(r[0]) for r in self.db.execute("SELECT DISTINCT kind FROM fts WHERE kind IS NOT NULL")]


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each non-empty line-run of a paper's text.

    >>> paragraphs("Geachte voorzitter,\\n\\nMet deze brief.\\nTweede regel.")
    [(0, 'Geachte voorzitter,'), (21, 'Met deze brief.\\nTweede regel.')]
    """
    return [(m.start(), m.group()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]


def _dossier(node: str) -> str | None:
    ks = KamerstukId.parse(node)
    return ks.dossier_id if ks is not None else None


def _marked(snippet: str) -> Markup:
    """The snippet escaped, its match markers made ``<mark>``."""
    safe = str(escape(snippet))
    return Markup(safe.replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))

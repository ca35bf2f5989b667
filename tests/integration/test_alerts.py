"""``kamer watch`` and ``kamer alerts`` after ``kamer sync``: an Atom feed and one e-mail, delivered once.

The store is filled from the OData replay (``test_sync``'s fixtures) and the
Eerste Kamer register export; e-mail goes to an aiosmtpd server on 127.0.0.1.
"""

from __future__ import annotations

import json
import socket
from dataclasses import replace
from email import message_from_bytes
from pathlib import Path
from typing import Any

import feedparser
import pytest
from aiosmtpd.controller import Controller

from pipeline.config import Settings
from pipeline.store import Store
from pipeline.sync import sync
from tests.conftest import DATA, kamer
from tests.integration.test_sync import ZAKEN, _records, _serve
from tests.support.odata_replay import Replay

TODAY = "2026-12-01"


class Inbox:
    def __init__(self) -> None:
        self.mails: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.mails.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def inbox() -> Any:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    box = Inbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    box.port = port  # type: ignore[attr-defined]
    yield box
    controller.stop()


def _alerts(db: str, env: dict[str, str], *args: str) -> Any:
    done = kamer("alerts", "--db", db, "--today", TODAY, "--format", "json", *args, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_alerts_after_sync_go_out_once_by_feed_and_mail(tmp_path: Path, inbox: Any) -> None:
    db = str(tmp_path / "k.sqlite")
    documents = _records("document")
    ouwehand = next(d for d in documents if "ouwehand" in d["_file"])
    with Replay(page_size=4) as replay:
        _serve(replay, "Zaak", ZAKEN)
        _serve(replay, "Toezegging", _records("toezegging"))
        _serve(replay, "Document", [d for d in documents if d is not ouwehand])
        settings = replace(Settings(), odata_url=replay.url, sync_interval=0.0, workers=1)
        with Store(db) as store:
            sync(store, settings)
        imported = kamer(
            "register", "import", str(DATA / "register" / "eerste-kamer-toezeggingen.csv"), "--db", db
        )
        assert imported.returncode == 0, imported.stderr

        env = {
            "KAMER_SMTP_HOST": "127.0.0.1",
            "KAMER_SMTP_PORT": str(inbox.port),
            "KAMER_MAIL_TO": "griffie@example.org",
        }
        feed = tmp_path / "alerts.atom"
        first = _alerts(db, env, "--atom", str(feed), "--mail")
        kinds = {a["kind"] for a in first}
        assert kinds == {"overdue", "motion", "conflict"}
        conflicts = {a["nummer"] for a in first if a["kind"] == "conflict"}
        assert conflicts == {"TZ202402-164", "T01488", "T02734"}
        overdue = [a for a in first if a["kind"] == "overdue"]
        assert any("1 december 2025" in a["title"] for a in overdue)
        motions = {a["doc_id"] for a in first if a["kind"] == "motion"}
        assert motions and "kst-28844-290" not in motions  # the Van Nispen letter carried that one out

        # the feed is valid Atom with one entry per alert
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == "atom10"
        assert len(parsed.entries) == len(first)
        assert {e.id for e in parsed.entries} == {f"urn:kamerwacht:alert:{a['key']}" for a in first}

        # one e-mail, listing them all
        assert len(inbox.mails) == 1
        to, mail = inbox.mails[0]
        assert to == ["griffie@example.org"]
        assert mail["Subject"] == f"Kamerwacht: {len(first)} new alerts"
        body = mail.get_payload(decode=True).decode()
        assert all(a["title"][:40] in body for a in first)

        # a rerun with nothing new: nothing printed, no mail, the feed untouched
        written = feed.read_bytes()
        assert _alerts(db, env, "--atom", str(feed), "--mail") == []
        assert len(inbox.mails) == 1 and feed.read_bytes() == written
        table = kamer("alerts", "--db", db, "--today", TODAY, env=env)
        assert table.stdout.strip() == "nothing new"

        # watch two motions; a new letter that acts on one is the one new alert (the letter that
        # carried out the other came before the watch began)
        for motion in ("kst-21501-20-2233", "kst-28844-290"):
            added = kamer("watch", "add", "motion", motion, "--db", db)
            assert added.returncode == 0 and f"watching motion {motion}" in added.stdout
        _serve(replay, "Document", [ouwehand])
        with Store(db) as store:
            sync(store, settings, entities=["Document"])
        third = _alerts(db, env, "--mail")
        assert [(a["kind"], a["relation"], a["target"]) for a in third] == [
            ("acting", "postpones", "kst-21501-20-2233")
        ]
        assert third[0]["watched"] == ["motion:kst-21501-20-2233"]
        assert len(inbox.mails) == 2


def test_watches_are_listed_and_removed(tmp_path: Path) -> None:
    db = str(tmp_path / "k.sqlite")
    for kind, value in (
        ("dossier", "Kamerstuk 21 501-20"),
        ("actor", "Klimaat en Groene Groei"),
        ("topic", "Zorg"),
    ):
        assert kamer("watch", "add", kind, value, "--db", db).returncode == 0
    again = kamer("watch", "add", "dossier", "21501-20", "--db", db)
    assert "already watching dossier 21501-20" in again.stdout
    listed = json.loads(kamer("watch", "list", "--db", db, "--format", "json").stdout)
    assert [(w["kind"], w["value"]) for w in listed] == [
        ("dossier", "21501-20"),
        ("actor", "klimaat en groene groei"),
        ("topic", "zorg"),
    ]
    assert kamer("watch", "remove", "1", "--db", db).returncode == 0
    assert kamer("watch", "remove", "topic", "Zorg", "--db", db).returncode == 0
    missing = kamer("watch", "remove", "motion", "kst-1-2", "--db", db)
    assert missing.returncode == 1 and "nothing watched matches" in missing.stderr
    listed = json.loads(kamer("watch", "list", "--db", db, "--format", "json").stdout)
    assert [w["kind"] for w in listed] == ["actor"]
    bad = kamer("watch", "add", "minister", "x", "--db", db)
    assert bad.returncode == 2 and "Invalid value" in bad.stderr


def test_mail_that_cannot_go_out_is_an_error_and_stays_undelivered(tmp_path: Path) -> None:
    db = str(tmp_path / "k.sqlite")
    imported = kamer(
        "register", "import", str(DATA / "register" / "eerste-kamer-toezeggingen.csv"), "--db", db
    )
    assert imported.returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]  # nothing listens here once the socket is closed
    env = {"KAMER_SMTP_HOST": "127.0.0.1", "KAMER_SMTP_PORT": str(closed), "KAMER_MAIL_TO": "a@example.org"}
    failed = kamer("alerts", "--db", db, "--mail", env=env)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert f"error: the SMTP server 127.0.0.1:{closed} refused the mail" in failed.stderr
    unconfigured = kamer("alerts", "--db", db, "--mail", env={"KAMER_SMTP_HOST": ""})
    assert unconfigured.returncode == 1 and "e-mail is not configured" in unconfigured.stderr
    # still undelivered: a run without mail shows them
    assert {a["nummer"] for a in _alerts(db, {})} == {"T02734"}


def test_watch_alerts_read_the_store_not_the_whole_graph(tmp_path: Path, monkeypatch: Any) -> None:
    """On the demo store (real papers): watching every target of a follow-up gives one 'acting'
    alert per follow-up edge of the whole graph, and the alerts never build that graph."""
    import sqlite3

    from pipeline import alerts, graph
    from tests.web.conftest import build_demo

    db = build_demo(tmp_path)
    with Store(db) as store:
        G = graph.build_graph(store)
        edges = [(u, v, k) for u, v, k in G.edges(keys=True) if k in graph.FOLLOW_UPS]
        assert len({k for _, _, k in edges}) >= 2, edges  # the demo holds papers that act on others
        for v in sorted({v for _, v, _ in edges}):
            store.add_watch("motion", v)
        store.add_watch("topic", "zorg")
    with sqlite3.connect(db) as con:  # the watches began before the papers came
        con.execute("UPDATE watches SET added = '2000-01-01 00:00:00'")
    expected = {
        f"acting:{u}:{k}:{v}": f"{G.nodes[u].get('title') or u} {k} {G.nodes[v].get('title') or v}"
        for u, v, k in edges
    }

    def whole_graph(store: Store) -> Any:
        raise AssertionError("an alert built the graph of the whole store")

    monkeypatch.setattr(graph, "build_graph", whole_graph)
    with Store(db) as store:
        found = alerts.candidates(store, Settings(), alerts.dt.date.fromisoformat(TODAY))
    acting = {a["key"]: a["title"] for a in found if a["kind"] == "acting"}
    assert acting == expected
    assert all(a["watched"] for a in found)

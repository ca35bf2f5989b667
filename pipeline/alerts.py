"""Watches and alerts: what is new since the last run, delivered once.

Four kinds of alert, each with a stable key:

* ``overdue``: a toezegging whose deadline passed and that no paper fulfils;
* ``motion``: an adopted motion with no follow-up ``motion_days`` days (a
  setting) after its date;
* ``acting``: a paper, come into the store after the watch began, that acts
  on (fulfils, postpones, answers, replaces) something watched: a dossier, a
  motion, a commitment, an actor's motions or promises, or a paper about a
  watched topic;
* ``conflict``: a status conflict between the toezeggingen register and the
  texts (see ``register.py``).

With no watches, every overdue promise, lingering motion and register
conflict is an alert; once something is watched, only those touching what is
watched. An alert is delivered once: its key is recorded in the store when
it goes out (table, JSON, an Atom feed file, e-mail), and a later run leaves
it out. The lifecycle queries are reached through ``_query_*`` below, the one
place that knows how ``query.py`` is called.
"""

from __future__ import annotations

import datetime as dt
import smtplib
from collections.abc import Iterable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Settings
from .store import Store

if TYPE_CHECKING:
    from .graph import Subgraph

WATCH_KINDS = ("dossier", "motion", "commitment", "actor", "topic")


class AlertError(Exception):
    """Alerts could not be delivered (e-mail refused, feed not writable): nothing was marked as sent."""


# ---------------------------------------------------------------- the query adapter


def _query_acting(
    store: Store, papers: Iterable[str]
) -> Iterator[tuple[str, str, str, dict[str, Any], Subgraph]]:
    """(paper, target, relation, edge data, the subgraph around them) of every follow-up edge drawn by
    one of ``papers`` (those that came after a watch began: what can be an 'acting' alert).

    Read as ``query.cites`` reads a paper's links (``_edges_out``, then ``build_subgraph`` of just
    those papers and their targets), never the whole graph.
    """
    from .graph import FOLLOW_UPS, build_subgraph
    from .query import _edges_out

    papers = sorted(papers)
    for i in range(0, len(papers), 200):
        chunk = papers[i : i + 200]
        edges = _edges_out(store, chunk)
        G = build_subgraph(store, [*chunk, *{n for _, n in edges}], [f for f, _ in edges if f])
        for u in chunk:
            if u in G:
                for _, v, key, data in G.out_edges(u, keys=True, data=True):
                    if key in FOLLOW_UPS:
                        yield u, v, key, data, G


def _query_open_commitments(store: Store, today: dt.date) -> list[dict[str, Any]]:
    from .query import open_commitments

    return open_commitments(store, overdue=True, today=today)


def _query_open_motions(store: Store) -> list[dict[str, Any]]:
    from .query import open_motions

    return open_motions(store)


# ---------------------------------------------------------------- what to watch


def normalise_watch(kind: str, value: str) -> str:
    """How a watched value is kept: dossier numbers bare, motion ids as kst ids, words in lower case.

    >>> normalise_watch("dossier", "Kamerstuk 21 501-20"), normalise_watch("actor", " Klimaat ")
    ('21501-20', 'klimaat')
    """
    value = " ".join(value.split())
    if kind == "dossier":
        value = value.lower().removeprefix("kamerstuk").removeprefix("dossier").strip(" -")
        return value.replace(" ", "").upper()
    if kind in ("actor", "topic"):
        return value.lower()
    return value


def _dossier(doc_id: str | None) -> str | None:
    from .schema import KamerstukId

    ks = KamerstukId.parse(doc_id) if doc_id else None
    if ks is None:
        return None
    return ks.dossier + (f"-{ks.toevoeging}" if ks.toevoeging else "")


def _matches(
    subjects: dict[str, list[str]], watches: list[tuple[int, str, str, str]], since: str | None = None
) -> list[str]:
    """The watches (as ``kind:value``) that an alert's subjects touch; with ``since``, those added by then."""
    hit = []
    for _, kind, value, added in watches:
        if since is not None and added > since:
            continue
        for s in subjects.get(kind, []):
            if (kind in ("actor", "topic") and value in s.lower()) or s == value:
                hit.append(f"{kind}:{value}")
                break
    return hit


# ---------------------------------------------------------------- the alerts


class _Topics:
    """The topics of a paper (lower case), read from its metadata only when a topic is watched."""

    def __init__(self, store: Store, watched: bool) -> None:
        self.store = store
        self.watched = watched
        self.seen: dict[str, list[str]] = {}

    def get(self, node: str, default: list[str]) -> list[str]:
        if not self.watched:
            return default
        if node not in self.seen:
            meta = self.store.meta(node) if node else None
            self.seen[node] = [t.lower() for t in meta.topics] if meta else []
        return self.seen[node] or default


def candidates(store: Store, settings: Settings, today: dt.date) -> list[dict[str, Any]]:
    """Every alert the store gives today, delivered or not."""
    from .register import reconcile

    watches = store.watches()
    topics = _Topics(store, any(kind == "topic" for _, kind, _, _ in watches))
    # an 'acting' alert needs a paper that came after a watch began: only those papers are read
    arrived = store.arrived_since(min(w[3] for w in watches)) if watches else {}
    out: list[dict[str, Any]] = []

    def add(
        key: str, kind: str, title: str, date: str | None, subjects: dict[str, list[str]], **rest: Any
    ) -> None:
        # a paper acts on something watched only if it came in after the watch began
        hit = _matches(subjects, watches, arrived.get(rest["doc_id"], "") if kind == "acting" else None)
        if watches and not hit:
            return
        out.append({"key": key, "kind": kind, "title": title, "date": date, "watched": hit, **rest})

    for c in _query_open_commitments(store, today):
        doc = c.get("doc_id")
        add(
            f"overdue:{c['id']}",
            "overdue",
            f"Overdue since {c['deadline']['by']}: {c.get('text') or c.get('action')}",
            c["deadline"]["by"],
            {
                "commitment": [x for x in (c.get("ref"), c["id"]) if x],
                "dossier": [d for d in [_dossier(doc)] if d],
                "actor": [c.get("actor") or ""],
                "topic": topics.get(doc or "", []),
            },
            doc_id=doc,
            actor=c.get("actor"),
        )
    cutoff = (today - dt.timedelta(days=settings.motion_days)).isoformat()
    for m in _query_open_motions(store):
        if not m.get("date") or m["date"] > cutoff or m.get("follow_ups"):
            continue
        add(
            f"motion:{m['id']}",
            "motion",
            f"Adopted {m['date']}, no follow-up after {settings.motion_days} days: "
            + (m.get("title") or m["id"]),
            m["date"],
            {
                "motion": [m["id"]],
                "dossier": [d for d in [_dossier(m["id"])] if d],
                "actor": list(m.get("submitters") or []),
                "topic": topics.get(m["id"], []),
            },
            doc_id=m["id"],
        )
    if watches:
        for u, v, key, data, G in _query_acting(store, arrived):
            target = G.nodes[v]
            actors = [*list(target.get("submitters") or []), target.get("actor") or ""]
            add(
                f"acting:{u}:{key}:{v}",
                "acting",
                f"{G.nodes[u].get('title') or u} {key} {target.get('title') or v}",
                G.nodes[u].get("date"),
                {
                    "motion": [v],
                    "commitment": [v, v.removeprefix("commitment:"), target.get("ref") or ""],
                    "dossier": [d for d in {_dossier(v), _dossier(u)} if d],
                    "actor": actors,
                    "topic": topics.get(u, []),
                },
                doc_id=u,
                target=v,
                relation=key,
                evidence=(data.get("evidence") or {}).get("text"),
            )
    for row in reconcile(store).of("conflict"):
        conflict = row["conflict"]
        what = (
            "the register says done, but no paper fulfils it"
            if conflict["kind"] == "done_without_evidence"
            else "the register says open, but a paper says it was carried out"
        )
        add(
            f"conflict:{row['nummer']}:{conflict['kind']}",
            "conflict",
            f"{row['nummer']} ({row['status']}): {what}",
            row.get("made"),
            {
                "commitment": [row["nummer"]],
                "actor": [row.get("actor") or ""],
                "dossier": [d for d in [_dossier(row.get("doc_id"))] if d],
            },
            nummer=row["nummer"],
            doc_id=conflict["evidence"][0]["doc"] if conflict["evidence"] else row.get("doc_id"),
            evidence=conflict["evidence"],
        )
    return sorted(out, key=lambda a: (a["kind"], a["date"] or "", a["key"]))


def new_alerts(store: Store, settings: Settings, today: dt.date) -> list[dict[str, Any]]:
    sent = store.delivered()
    return [a for a in candidates(store, settings, today) if a["key"] not in sent]


# ---------------------------------------------------------------- delivery


def describe(alert: dict[str, Any]) -> str:
    """An alert as a few readable lines (feed entries, e-mail).

    >>> print(describe({"kind": "conflict", "title": "TZ202402-164 (Afgedaan): no paper fulfils it",
    ...                 "date": "2024-02-08", "watched": [], "evidence": []}))
    TZ202402-164 (Afgedaan): no paper fulfils it
    kind: conflict; date: 2024-02-08
    """
    lines = [alert["title"], f"kind: {alert['kind']}; date: {alert.get('date') or 'unknown'}"]
    if alert.get("doc_id"):
        lines.append(f"paper: {alert['doc_id']}")
    if alert.get("watched"):
        lines.append("watched: " + ", ".join(alert["watched"]))
    evidence = alert.get("evidence")
    if isinstance(evidence, str):
        lines.append(f"evidence: {evidence}")
    elif evidence:
        lines += [f"evidence: {e['doc']} ({e.get('date')}): {e.get('text')}" for e in evidence]
    return "\n".join(lines)


def write_feed(store: Store, path: Path, title: str = "Kamerwacht alerts") -> None:
    """The latest delivered alerts as an Atom feed file (feedgen)."""
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.id(f"urn:kamerwacht:alerts:{store.path.resolve()}")
    fg.title(title)
    fg.author({"name": "Kamerwacht"})
    fg.link(href=path.resolve().as_uri(), rel="self")
    fg.language("nl")
    fg.subtitle(
        "Overdue promises, motions without follow-up, papers acting on what you watch, register conflicts"
    )
    for key, kind, delivered, alert in reversed(store.recent_alerts()):
        entry = fg.add_entry()
        entry.id(f"urn:kamerwacht:alert:{key}")
        entry.title(alert["title"][:200])
        entry.category(term=kind)
        stamp = dt.datetime.fromisoformat(delivered).replace(tzinfo=dt.UTC)
        entry.updated(stamp)
        entry.published(stamp)
        entry.content(describe(alert), type="text")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fg.atom_file(str(path), pretty=True)
    except OSError as exc:
        raise AlertError(f"cannot write the feed {path}: {exc.strerror}") from None


def send_mail(alerts: list[dict[str, Any]], settings: Settings) -> None:
    """One e-mail listing the alerts, through the configured SMTP server."""
    if not settings.smtp_host or not settings.mail_to:
        raise AlertError("e-mail is not configured: set KAMER_SMTP_HOST and KAMER_MAIL_TO")
    msg = EmailMessage()
    msg["Subject"] = f"Kamerwacht: {len(alerts)} new alert{'s' if len(alerts) != 1 else ''}"
    msg["From"] = settings.mail_from
    msg["To"] = settings.mail_to
    msg.set_content("\n\n".join(describe(a) for a in alerts) + "\n")
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise AlertError(
            f"the SMTP server {settings.smtp_host}:{settings.smtp_port} refused the mail: {exc}"
        ) from None


def deliver(
    store: Store, settings: Settings, today: dt.date, atom: Path | None = None, mail: bool = False
) -> list[dict[str, Any]]:
    """The new alerts, delivered (feed, e-mail) and recorded; nothing at all when nothing is new."""
    alerts = new_alerts(store, settings, today)
    if not alerts:
        return []
    if mail:
        send_mail(alerts, settings)
    store.record_alerts((a["key"], a["kind"], a) for a in alerts)
    if atom is not None:
        write_feed(store, atom)
    return alerts

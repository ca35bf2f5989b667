"""One thing in the store, looked up by any spelling of its id and named as people name it.

What ``kamer show`` prints and the web view's pages show: a document with its
facts and links, a motion with its life, a commitment with what followed.
Nothing here writes; every ``query`` answer goes through ``ask``, and no whole-store graph is
built: each node is read from the store's indexes when it is named.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import query
from ..schema import Commitment, Document, KamerstukId, Meta
from ..store import Store

FOLLOW_UPS = ("fulfils", "postpones", "answers", "replaces")
PRONOUNS = frozenset({"ik", "wij", "we", "u", "zij", "ze", "hij", "men", "jullie"})


def named(actor: str | None) -> bool:
    """Whether an actor names someone (``de minister van Financiën``) rather than points (``ik``).

    >>> named("De Minister van Sociale Zaken en Werkgelegenheid"), named("ik"), named(None)
    (True, False, False)
    """
    return bool(actor and actor.strip().lower() not in PRONOUNS)


# ------------------------------------------------------------ the store, asked in one place


@dataclass
class Index:
    """What naming and looking up need, read from a (read-only) store as it is asked for.

    Nothing of the whole store is loaded: each node's attributes (as ``graph.build_graph`` gives
    them) come from ``graph.build_subgraph`` on first use and stay for the Index's life, so make one
    per command or request.
    """

    store: Store
    cache: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    metas: dict[str, Meta | None] = field(default_factory=dict)

    def load(self, nodes: Iterable[str | None]) -> None:
        """Read the attributes of these nodes at once (one subgraph, not one per node)."""
        from ..graph import build_subgraph

        todo = sorted({n for n in nodes if n and n not in self.cache})
        if not todo:
            return
        G = build_subgraph(self.store, todo)
        for n in todo:
            self.cache[n] = dict(G.nodes[n]) if n in G and G.nodes[n] else None

    def attrs(self, node: str) -> dict[str, Any]:
        """The node's attributes; an empty dict for a node the store neither holds nor names."""
        if node not in self.cache:
            self.load([node])
        return self.cache[node] or {}

    def has(self, node: str | None) -> bool:
        return bool(node) and bool(self.attrs(str(node)))

    def meta(self, node: str) -> Meta | None:
        if node not in self.metas:
            self.metas[node] = self.store.meta(node)
        return self.metas[node]


def index(store: Store) -> Index:
    return Index(store)


def ask(fn: Callable[..., Any], ix: Index, *args: Any) -> Any:
    """A ``query`` function's answer for this store: the one place that knows what the queries take."""
    return fn(ix.store, *args)


# ------------------------------------------------------------ ids


def resolve(ix: Index, key: str) -> str | None:
    """The node an id stands for, in any common spelling, or None.

    ``36600 VIII nr. 38``, ``kst-36600-viii-38`` and ``36600-VIII-38`` are one
    motion; ``doc:…``, ``commitment:…``, ``h-tk-…`` ids, a stored file's path or
    hash are taken as they are.
    """
    key = key.strip()
    if not key:
        return None
    candidates = [key]
    ks = KamerstukId.read(key)
    if ks is not None:
        candidates.append(ks.id)
    for c in candidates:
        if ix.has(c):
            return c
    found = ix.store.node_nocase(candidates)  # h-tk-… and doc:… ids typed in another case
    if found is not None:
        return found
    row = ix.store.db.execute(
        "SELECT COALESCE(d.doc_id, 'doc:' || d.uid) FROM documents d JOIN sources s ON s.document = d.id"
        " WHERE s.path IN (?, ?) OR s.sha256 = ? OR s.path LIKE ? ESCAPE '\\'"
        " ORDER BY s.path = ? DESC LIMIT 1",
        (key, os.path.abspath(key), key, "%/" + re.sub(r"([%_\\])", r"\\\1", key), key),
    ).fetchone()
    return str(row[0]) if row else None


def kind_of(ix: Index, node: str) -> str:
    """``motion``, ``commitment``, ``document``, ``dossier``, ``person`` or ``sector``."""
    a = ix.attrs(node)
    if a.get("type") == "commitment":
        return "commitment"
    if a.get("motion"):
        return "motion"
    return str(a.get("type") or "document")


# ------------------------------------------------------------ names


def dossier_of(node: str) -> str | None:
    """The dossier a Kamerstuk id belongs to (``kst-36600-VIII-38`` → ``dossier-36600-VIII``)."""
    ks = KamerstukId.parse(node)
    return ks.dossier_id if ks is not None and ks.ondernummer else None


def _spelled(node: str) -> str:
    """An id as people write it: ``Kamerstuk 36600-VIII nr. 38``, ``Zaak 2014Z17463``.

    >>> _spelled("kst-36600-VIII-38"), _spelled("dossier-28844"), _spelled("2014Z17463")
    ('Kamerstuk 36600-VIII nr. 38', 'dossier 28844', 'Zaak 2014Z17463')
    """
    ks = KamerstukId.parse(node)
    if ks is None:
        return f"Zaak {node}" if re.fullmatch(r"\d{4}[A-Z]\d{5}", node) else node
    dossier = "-".join([ks.dossier] + ([ks.toevoeging] if ks.toevoeging else []))
    return f"Kamerstuk {dossier} nr. {ks.ondernummer}" if ks.ondernummer else f"dossier {dossier}"


def _file_name(path: str | None) -> str | None:
    return path.rsplit("/", 1)[-1] if path else None


def name(ix: Index, node: str | None) -> str:
    """How people name a node: a letter by its Betreft and date, a motion by its subject and indieners.

    Never a bare ``doc:`` hash: a paper without a title is named by its file.
    """
    if not node:
        return "(unnamed)"
    if not ix.has(node):
        return _spelled(node)
    a = ix.attrs(node)
    kind = kind_of(ix, node)
    if kind == "motion":
        subject = " ".join((a.get("onderwerp") or "").split())
        submitters = a.get("submitters") or []
        if not subject:
            subject = f"Motie van {' en '.join(submitters)}" if submitters else _title(a.get("title"))
        elif submitters and not any(s.lower() in subject.lower() for s in submitters):
            subject += f" ({', '.join(submitters)})"
        return subject or _spelled(node)
    if kind == "commitment":
        who = a.get("actor") or "the government"
        return f"{a.get('kind') or 'toezegging'} of {who}: {_short(a.get('text'), 90)}"
    if kind in ("person", "sector"):
        return str(a.get("name") or node.split(":", 1)[-1])
    meta = ix.meta(node)
    title = (meta.subject if meta else None) or _title(a.get("title")) or (meta.title if meta else None)
    what = (meta.kind if meta else None) or a.get("kind")
    date = a.get("date")
    if not title:
        title = _file_name(a.get("path")) or _spelled(node)
    extra = ", ".join(str(x) for x in (what, date) if x and x != "other")
    return f"{title} ({extra})" if extra else title


def _title(title: str | None) -> str:
    t = " ".join((title or "").split())
    return t[:1] + t[1:].lower() if t.isupper() else t


def _short(text: str | None, limit: int) -> str:
    s = " ".join((text or "").split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


# ------------------------------------------------------------ what one thing is


def describe(ix: Index, node: str, today: dt.date | None = None, as_paper: bool = False) -> dict[str, Any]:
    """Everything ``kamer show`` and the pages say about a node: JSON-able, names beside ids.

    ``as_paper`` describes a motion as the paper it is printed on (its text and facts).
    """
    kind = "document" if as_paper else kind_of(ix, node)
    if kind == "motion":
        return _motion(ix, node)
    if kind == "commitment":
        return _commitment(ix, node, today or dt.date.today())
    if kind == "dossier":
        return _dossier(ix, node)
    if kind == "person":
        return _person(ix, node, today or dt.date.today())
    return _document(ix, node)


def _link(ix: Index, node: str | None) -> dict[str, Any]:
    in_store = bool(node and ix.has(node) and not ix.attrs(node).get("placeholder"))
    return {"id": node, "name": name(ix, node), "in_store": in_store}


def _acting(ix: Index, node: str) -> list[dict[str, Any]]:
    out = []
    found = ask(query.follow_ups_of, ix, node)
    ix.load(f["source"] for f in found)
    for f in found:
        ev = f.get("evidence") or {}
        out.append(
            {
                "relation": f["relation"],
                "date": f.get("date"),
                "by": _link(ix, f["source"]),
                "evidence": ev.get("text"),
                "page": ev.get("page"),
            }
        )
    return out


def _mentions(ix: Index, node: str) -> list[dict[str, Any]]:
    """Documents that cite ``node`` (not those that act on it: see ``_acting``)."""
    seen: dict[str, dict[str, Any]] = {}
    found = ask(query.cited_by, ix, node)
    ix.load(c["id"] for c in found)
    for c in found:
        if c["relation"] == "cites" and c["id"] not in seen:
            ev = c.get("evidence") or {}
            said = sentence_around(ix, ev.get("doc"), ev.get("start"), ev.get("end")) or ev.get("text")
            seen[c["id"]] = {**_link(ix, c["id"]), "evidence": said, "page": ev.get("page")}
    return list(seen.values())


def sentence_around(ix: Index, doc: str | None, start: int | None, end: int | None) -> str | None:
    """The sentence of a paper's text that holds ``[start, end)``: evidence a reader can judge.

    Sentences end at ``.``, ``?``, ``!`` or ``;`` before a space, or at a blank line.
    """
    if not doc or start is None or end is None:
        return None
    lo = max(0, start - 400)
    row = ix.store.db.execute(
        "SELECT substr(s.text, ?, ?) FROM documents d JOIN sources s ON s.sha256 = d.best"
        " WHERE COALESCE(d.doc_id, 'doc:' || d.uid) = ?",
        (lo + 1, end - lo + 400, doc),
    ).fetchone()
    if row is None or not row[0]:
        return None
    window, a, b = row[0], start - lo, end - lo
    ends = [
        m.end() for m in _SENTENCE_END.finditer(window) if not _ABBREVIATION.search(window[: m.start() + 1])
    ]
    left = max((e for e in ends if e <= a), default=0)
    right = min((e for e in ends if e >= b), default=len(window))
    return " ".join(window[left:right].split())


_SENTENCE_END = re.compile(r"[.?!;](?=\s+[A-Z“\"(']|\s*$)|\n\s*\n")
# a full stop that closes an abbreviation or an initial does not end a sentence
_ABBREVIATION = re.compile(
    r"(?i)(?:\b(?:nr|nrs|blz|art|o\.a|d\.d|jl|resp|vgl|zgn|ca|mr|dr|drs|ir|prof)|\b[A-Z])\.$"
)


def _motion(ix: Index, node: str) -> dict[str, Any]:
    a = ix.attrs(node)
    acting = _acting(ix, node)
    life: list[dict[str, Any]] = []
    if not a.get("placeholder"):
        submitters = a.get("submitters") or []
        what = f"by {', '.join(submitters)}" if submitters else _title(a.get("title"))
        life.append({"step": "submitted", "date": a.get("date"), "what": what})
    if a.get("appraisal"):
        ev = a.get("appraisal_evidence") or {}
        life.append(
            {
                "step": "appraised",
                "date": None,
                "what": a["appraisal"],
                "evidence": ev.get("text"),
                "by": _link(ix, ev.get("doc")),
            }
        )
    if a.get("kabinetsappreciatie"):
        life.append(
            {"step": "appraised", "date": None, "what": a["kabinetsappreciatie"], "source": "open data"}
        )
    if a.get("besluit") or a.get("status_official"):
        life.append(
            {
                "step": "voted",
                "date": None,
                "what": a.get("besluit") or a.get("status_official"),
                "source": "open data",
            }
        )
    if a.get("status_text"):  # what a text says of the vote, beside (or instead of) the open data
        ev = dict(a.get("status_evidence") or {})
        ev["text"] = sentence_around(ix, ev.get("doc"), ev.get("start"), ev.get("end")) or ev.get("text")
        life.append(
            {
                "step": "voted",
                "date": None,
                "what": a["status_text"],
                "source": "text",
                "evidence": ev.get("text"),
                "by": _link(ix, ev.get("doc")),
            }
        )
    for f in acting:
        life.append(
            {
                "step": f["relation"],
                "date": f["date"],
                "what": f["by"]["name"],
                "by": f["by"],
                "evidence": f["evidence"],
            }
        )
    done = any(f["relation"] == "fulfils" for f in acting)
    status = a.get("status")
    return {
        "type": "motion",
        "id": node,
        "name": name(ix, node),
        "in_store": not a.get("placeholder"),
        "title": _title(a.get("title")),
        "onderwerp": a.get("onderwerp"),
        "submitters": a.get("submitters") or [],
        "date": a.get("date"),
        "zaak": a.get("zaak"),
        "dossier": dossier_of(node),
        "status": status,
        "status_source": "open data" if a.get("status_official") else ("text" if status else None),
        "kabinetsappreciatie": a.get("kabinetsappreciatie"),
        "appraisal": a.get("appraisal"),
        "state": "done" if done else ("open" if status == "aangenomen" else (status or "unknown")),
        "life": life,
        "follow_ups": acting,
        "mentioned_in": _mentions(ix, node),
        "path": a.get("path"),
    }


def _commitment(ix: Index, node: str, today: dt.date) -> dict[str, Any]:
    a = ix.attrs(node)
    acting = _acting(ix, node)
    by = a.get("by")
    done = any(f["relation"] == "fulfils" for f in acting)
    speaker = _speaker(ix, node, a.get("doc"))
    actor = a.get("actor")
    if speaker and (actor or "").lower() in ("", "ik", "wij", "we"):
        actor = speaker  # "ik" in a debate is whoever has the floor
    return {
        "type": "commitment",
        "id": node,
        "name": name(ix, node),
        "kind": a.get("kind"),
        "actor": actor,
        "speaker": speaker,
        "person": _link(ix, f"person:{a['actor'].lower()}") if named(a.get("actor")) else None,
        "action": a.get("action"),
        "text": a.get("text"),
        "deadline": {"text": a.get("deadline"), "by": by} if a.get("deadline") else None,
        "overdue": bool(by and by < today.isoformat() and not done),
        "state": "done" if done else "open",
        "ref": a.get("ref"),
        "made_in": {**_link(ix, a.get("doc")), "page": a.get("page")},
        "postpones": _link(ix, a["postpones"]) if a.get("postpones") else None,
        "follow_ups": acting,
    }


def speaking_as(party: str | None, function: str | None) -> str | None:
    """What to name beside a speaker: a bewindspersoon's function, a member's party.

    >>> speaking_as("D66", "Lid Tweede Kamer"), speaking_as(None, "minister van Financiën")
    ('D66', 'minister van Financiën')
    """
    if function and not function.lower().startswith("lid "):
        return function
    return party or function


def _speaker(ix: Index, node: str, doc: str | None) -> str | None:
    """Who had the floor when a commitment made in a debate was made (from its stored fact)."""
    m = re.search(r"@(\d+)$", node)
    if not m or not doc:
        return None
    start = int(m[1])
    row = ix.store.db.execute(
        "SELECT json_extract(f.json, '$.speaker'), d.extras, json_extract(s.extraction, '$.marks')"
        " FROM facts f JOIN documents d ON d.id = f.document JOIN sources s ON s.sha256 = d.best"
        " WHERE COALESCE(d.doc_id, 'doc:' || d.uid) = ? AND f.type = 'commitment' AND f.start = ? LIMIT 1",
        (doc, start),
    ).fetchone()
    if row is None:
        return None
    if row[0]:
        return str(row[0])
    turns = [
        (int(t.get("start", 0)), t.get("speaker"), speaking_as(t.get("party"), t.get("function")))
        for t in json.loads(row[1] or "{}").get("turns", [])
    ]
    if not turns:  # the turns the markup states (Handelingen, VLOS)
        marks = [m for m in json.loads(row[2] or "[]") if m.get("kind") == "turn"]
        attrs = [(int(m.get("start", 0)), dict(m.get("attrs") or [])) for m in marks]
        turns = [(at, a.get("speaker"), speaking_as(a.get("party"), a.get("function"))) for at, a in attrs]
    before = [t for t in turns if t[0] <= start and t[1]]
    if not before:
        return None
    _, who, what = max(before, key=lambda t: t[0])
    return f"{who} ({what})" if what else str(who)


def _document(ix: Index, node: str) -> dict[str, Any]:
    a = ix.attrs(node)
    meta = ix.meta(node)
    doc = ix.store.document(node) if not a.get("placeholder") else None
    out: dict[str, Any] = {
        "type": "document" if a.get("type") in (None, "motion") else str(a["type"]),
        "id": node,
        "name": name(ix, node),
        "in_store": doc is not None,
        "kind": (meta.kind if meta else None) or a.get("kind"),
        "date": a.get("date"),
        "subject": meta.subject if meta else None,
        "title": _title(a.get("title")),
        "authors": [f"{x.name}, {x.role}" if x.role else x.name for x in meta.authors] if meta else [],
        "path": a.get("path"),
        "dossier": dossier_of(node),
    }
    out.update(
        facts(ix, doc) if doc else {"references": [], "motions": [], "commitments": [], "follow_ups": []}
    )
    out["acts_on"] = [
        {"relation": c["relation"], **_link(ix, c["id"])}
        for c in ask(query.cites, ix, node)
        if c["relation"] in FOLLOW_UPS
    ]
    out["cited_by"] = _mentions(ix, node)
    out["acted_on_by"] = _acting(ix, node)
    return out


def commitment_node(doc_node: str, c: Commitment) -> str:
    """The graph's id of a commitment fact (as ``graph.py`` names it)."""
    return f"commitment:{c.ref}" if c.ref else f"commitment:{doc_node}@{c.span.start}"


def facts(ix: Index, doc: Document) -> dict[str, list[dict[str, Any]]]:
    """A stored paper's facts, each with its evidence and named targets."""
    node = doc.doc_id or resolve(ix, doc.source.sha256) or ""
    refs = [
        {
            "kind": r.kind,
            "text": r.span.text,
            "page": r.span.page,
            "start": r.span.start,
            "end": r.span.end,
            "target": _link(ix, r.id),
            "resolved_from": r.resolved_from,
        }
        for r in doc.references
    ]
    motions = [
        {
            "text": m.span.text,
            "page": m.span.page,
            "start": m.span.start,
            "end": m.span.end,
            "target": _link(ix, m.id if m.mentioned else node) if (m.id or not m.mentioned) else None,
            "submitters": list(m.submitters),
            "status": m.status,
            "mentioned": m.mentioned,
        }
        for m in doc.motions
    ]
    commitments = [
        {
            "text": c.span.text,
            "page": c.span.page,
            "start": c.span.start,
            "end": c.span.end,
            "kind": c.kind,
            "actor": c.actor,
            "deadline": c.deadline.to_json() if c.deadline else None,
            "target": _link(ix, commitment_node(node, c)),
        }
        for c in doc.commitments
    ]
    follow_ups = [
        {
            "relation": f.relation,
            "text": f.span.text,
            "page": f.span.page,
            "start": f.span.start,
            "end": f.span.end,
            "target": _link(ix, f.target) if f.target else None,
            "target_text": f.target_text,
        }
        for f in doc.follow_ups
    ]
    return {"references": refs, "motions": motions, "commitments": commitments, "follow_ups": follow_ups}


def _dossier(ix: Index, node: str) -> dict[str, Any]:
    """A dossier's papers and motions in date order: those in the store and those only cited."""
    members = ix.store.dossier_nodes(node)  # its papers in the store and those only cited
    ix.load(members)
    timeline = []
    for m in members:
        a = ix.attrs(m)
        timeline.append(
            {**_link(ix, m), "date": a.get("date"), "kind": kind_of(ix, m), "status": a.get("status")}
        )
    timeline.sort(key=lambda t: (t["date"] or "9999", t["id"]))
    return {
        "type": "dossier",
        "id": node,
        "name": _spelled(node),
        "timeline": timeline,
        "cited_by": _mentions(ix, node),
    }


def _person(ix: Index, node: str, today: dt.date) -> dict[str, Any]:
    """A bewindspersoon's (or member's) promises, open and overdue first, and the motions they submitted.

    ``open`` and ``overdue`` count toezeggingen, as the open-commitments dashboard does; goals and
    forecasts are listed too.
    """
    a = ix.attrs(node)
    promises = []
    motions = []
    made, submitted = ix.store.person_nodes(node)
    ix.load([*made, *submitted])
    for u in made:
        promises.append(_commitment(ix, u, today))
    for u in submitted:
        motions.append({**_link(ix, u), "date": ix.attrs(u).get("date"), "status": ix.attrs(u).get("status")})
    promises.sort(
        key=lambda c: (c["state"] != "open", not c["overdue"], (c["deadline"] or {}).get("by") or "9999")
    )
    motions.sort(key=lambda m: m["date"] or "")
    return {
        "type": "person",
        "id": node,
        "name": str(a.get("name") or node.split(":", 1)[-1]),
        "promises": promises,
        "open": sum(c["state"] == "open" and c["kind"] == "toezegging" for c in promises),
        "overdue": sum(c["overdue"] and c["kind"] == "toezegging" for c in promises),
        "motions": motions,
    }


def neighbourhood(ix: Index, node: str, limit: int = 24) -> dict[str, Any]:
    """The nodes one step from ``node`` by citation and follow-up, laid out on a circle for an SVG.

    Positions are in a 600×400 box, the node itself in the middle.
    """
    import math

    found = ask(query.chain, ix, node, 1)
    around = [n for n in found["nodes"] if n["id"] != node][:limit]
    ix.load([node, *(n["id"] for n in around)])
    cx, cy, r = 300.0, 200.0, 150.0
    pos = {node: (cx, cy)}
    nodes = [{**_link(ix, node), "x": cx, "y": cy, "root": True, "label": _short(name(ix, node), 40)}]
    for i, n in enumerate(around):
        angle = 2 * math.pi * i / max(1, len(around)) - math.pi / 2
        x, y = cx + r * math.cos(angle) * 1.5, cy + r * math.sin(angle) * 0.95
        pos[n["id"]] = (x, y)
        nodes.append(
            {**_link(ix, n["id"]), "x": x, "y": y, "root": False, "label": _short(name(ix, n["id"]), 32)}
        )
    edges = [
        {
            "x1": pos[e["source"]][0],
            "y1": pos[e["source"]][1],
            "x2": pos[e["target"]][0],
            "y2": pos[e["target"]][1],
            "relation": e["relation"],
        }
        for e in found["edges"]
        if e["source"] in pos and e["target"] in pos
    ]
    return {"nodes": nodes, "edges": edges}

"""Stage 3, link: the store as a networkx ``MultiDiGraph`` ``G``.

Nodes (attribute ``type``): ``document``, ``dossier``, ``motion``,
``commitment``, ``person``, ``sector``; a target that is not in the store is
a ``placeholder`` node, filled in when its document arrives (the graph is
rebuilt from the store). Edges (key = relation): ``cites``, ``fulfils``,
``postpones``, ``answers``, ``replaces``, ``submitted_by``, ``made_by``,
``about_sector``, ``part_of``; each carries its evidence (document, page,
offsets, text) and a confidence. All attributes are plain JSON values.

A motion document and the motion it is are one node (its kst id): the
motion's vote (open data, or the status a text states) sits on that node.
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx

from .store import Store

FOLLOW_UPS = ("fulfils", "postpones", "answers", "replaces")
CONFIDENCE = {"pattern": 0.95, "idem": 0.8, "zie_noot": 0.8, "anaphor": 0.6, "follow_up": 0.8, "mention": 0.7}


def doc_node(doc_id: str | None, sha256: str) -> str:
    return doc_id or f"doc:{sha256[:16]}"


_KST = re.compile(r"kst-(\d+)(?:-([^-]+))?-[^-]+$")


def _dossier_of(kst: str) -> str | None:
    m = _KST.match(kst)
    if not m:
        return None
    return "dossier-" + "-".join(p for p in m.groups() if p)


def _ensure(G: nx.MultiDiGraph, node: str, **attrs: Any) -> None:
    if node not in G:
        G.add_node(node, placeholder=True, **attrs)
    else:
        for k, v in attrs.items():
            G.nodes[node].setdefault(k, v)


def _evidence(doc: str, fact: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc": doc,
        "page": fact.get("page"),
        "start": fact.get("start"),
        "end": fact.get("end"),
        "text": (fact.get("text") or "")[:300],
    }


def build_graph(store: Store) -> nx.MultiDiGraph:
    """The whole store as one graph.

    >>> from pipeline.store import Store
    >>> G = build_graph(Store(":memory:"))
    >>> G.number_of_nodes(), G.is_multigraph()
    (0, True)
    """
    G = nx.MultiDiGraph()
    nodes: dict[str, str] = {}
    for row in store.document_rows():
        node = doc_node(row["doc_id"], row["sha256"])
        nodes[row["sha256"]] = node
        G.add_node(
            node,
            type="document",
            kind=row["kind"],
            title=row["title"],
            date=row["date"],
            path=row["path"],
            sha256=row["sha256"],
            placeholder=False,
        )
        if row["doc_id"]:
            dossier = _dossier_of(row["doc_id"])
            if dossier:
                _ensure(G, dossier, type="dossier")
                G.nodes[dossier]["placeholder"] = False
                G.add_edge(node, dossier, key="part_of", relation="part_of", confidence=1.0)
    official = {z["kst_id"]: z for z in store.zaken() if z["kst_id"]}
    anonymous = 0
    commitments_by_doc: dict[str, list[str]] = {}
    acting: list[tuple[str, str, str, dict[str, Any]]] = []  # fulfils/postpones edges
    for sha, ftype, fact in store.facts():
        doc = nodes[sha]
        ev = _evidence(doc, fact)
        if ftype == "reference":
            if fact["kind"] == "url":
                continue
            target = fact["id"]
            _ensure(G, target, type="document" if fact["kind"] == "kamerstuk" else fact["kind"])
            how = (fact.get("resolved_from") and "anaphor") or "pattern"
            G.add_edge(
                doc,
                target,
                key="cites",
                relation="cites",
                kind=fact["kind"],
                evidence=ev,
                confidence=CONFIDENCE[how],
            )
        elif ftype == "motion":
            if not fact.get("mentioned", True):
                node = doc
            elif fact.get("id"):
                node = fact["id"]
                _ensure(G, node, type="document")
            else:
                anonymous += 1
                node = f"motion:{doc}#{anonymous}"
                G.add_node(node, type="motion", placeholder=False, anonymous=True)
                G.add_edge(
                    doc,
                    node,
                    key="cites",
                    relation="cites",
                    kind="motie",
                    evidence=ev,
                    confidence=CONFIDENCE["mention"],
                )
            attrs = G.nodes[node]
            attrs["motion"] = True
            if not fact.get("mentioned", True):
                attrs.update(
                    type="motion",
                    submitters=fact.get("submitters", []),
                    date=fact.get("date"),
                    replaces=fact.get("replaces"),
                    requests=len(fact.get("requests") or []),
                )
            else:
                attrs.setdefault("submitters", fact.get("submitters", []))
                attrs.setdefault("date", fact.get("date"))
                if fact.get("status") and not attrs.get("status_text"):
                    attrs["status_text"] = fact["status"]
                    attrs["status_evidence"] = ev
            for name in fact.get("submitters") or []:
                person = f"person:{name.lower()}"
                _ensure(G, person, type="person", name=name)
                G.nodes[person]["placeholder"] = False
                if not G.has_edge(node, person, key="submitted_by"):
                    G.add_edge(
                        node, person, key="submitted_by", relation="submitted_by", evidence=ev, confidence=1.0
                    )
        elif ftype == "commitment":
            if fact.get("ref"):
                node = f"commitment:{fact['ref']}"
            else:
                node = f"commitment:{doc}#{len(commitments_by_doc.get(doc, [])) + 1}"
            commitments_by_doc.setdefault(doc, []).append(node)
            deadline = fact.get("deadline") or {}
            if node not in G or G.nodes[node].get("placeholder"):
                G.add_node(
                    node,
                    type="commitment",
                    kind=fact["kind"],
                    actor=fact.get("actor"),
                    action=fact.get("action"),
                    ref=fact.get("ref"),
                    by=deadline.get("by"),
                    deadline=deadline.get("text"),
                    doc=doc,
                    text=(fact.get("text") or "")[:400],
                    page=fact.get("page"),
                    placeholder=False,
                )
            if fact.get("actor"):
                actor = f"person:{fact['actor'].lower()}"
                _ensure(G, actor, type="person", name=fact["actor"])
                G.nodes[actor]["placeholder"] = False
                G.add_edge(node, actor, key="made_by", relation="made_by", evidence=ev, confidence=0.8)
        elif ftype == "follow_up":
            target = fact["target"]
            _ensure(G, target, type="document")
            data = {"relation": fact["relation"], "evidence": ev, "confidence": CONFIDENCE["follow_up"]}
            G.add_edge(doc, target, key=fact["relation"], **data)
            if fact["relation"] in ("fulfils", "postpones"):
                acting.append((doc, target, fact["relation"], data))
            if fact["relation"] == "postpones":
                # the postponing letter's own promises are the new deadline
                for c in commitments_by_doc.get(doc, []):
                    G.nodes[c]["postpones"] = target
        elif ftype == "sector":
            sector = f"sector:{fact['id']}"
            _ensure(G, sector, type="sector")
            G.nodes[sector]["placeholder"] = False
            if G.has_edge(doc, sector, key="about_sector"):
                G.edges[doc, sector, "about_sector"]["mentions"] += 1
            else:
                G.add_edge(
                    doc,
                    sector,
                    key="about_sector",
                    relation="about_sector",
                    mentions=1,
                    evidence=ev,
                    confidence=0.9,
                )
    # a toezegging registered under R is also fulfilled by a document that fulfils R
    for u, v, k, data in acting:
        if f"commitment:{v}" in G and not G.has_edge(u, f"commitment:{v}", k):
            G.add_edge(u, f"commitment:{v}", key=k, **data)
    for kst, z in official.items():
        _ensure(G, kst, type="document")
        attrs = G.nodes[kst]
        attrs.update(
            motion=True,
            zaak=z["nummer"],
            status_official=z["status"],
            besluit=z["besluit"],
            kabinetsappreciatie=z["kabinetsappreciatie"],
        )
        attrs.setdefault("title", z["onderwerp"])
        attrs.setdefault("date", z["datum"])
    for _, attrs in G.nodes(data=True):
        if attrs.get("motion"):
            attrs["status"] = attrs.get("status_official") or attrs.get("status_text")
    return G


def load_graph(store: Store) -> nx.MultiDiGraph:
    """``build_graph``, cached in the store for as long as nothing is written to it.

    The cache is a pickle inside the store: it is as trusted as the store file
    itself (local state this program wrote), not an input format.
    """
    import pickle

    generation = store.generation()
    blob = store.cached_graph(generation)
    if blob is not None:
        G: nx.MultiDiGraph = pickle.loads(blob)
        return G
    G = build_graph(store)
    store.cache_graph(generation, pickle.dumps(G, protocol=pickle.HIGHEST_PROTOCOL))
    return G

"""Stage 4, answer: free functions over the graph ``G`` (see ``graph.py``).

Lifecycle rules:

* a motion is **open** when it was adopted (``aangenomen``: the vote in the
  open data, else a status the texts state), no gewijzigde motie replaced it,
  and no document fulfils it; a
  document that ``postpones`` it keeps it open, and its own promises carry
  the new deadline;
* a commitment is **open** until a document fulfils it (directly, or by
  fulfilling the Kamerstuk it is registered under), and **overdue** once its
  deadline has passed.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("kst-1-2", type="motion", motion=True, status="aangenomen", title="Motie A", date="2024-01-01",
...            submitters=["Smaling"])
>>> G.add_node("kst-1-3", type="motion", motion=True, status="aangenomen", title="Motie B", date="2024-01-02",
...            submitters=[])
>>> G.add_node("brief", type="document", title="Brief", date="2024-05-01")
>>> _ = G.add_edge("brief", "kst-1-2", key="fulfils", relation="fulfils")
>>> [m["id"] for m in open_motions(G)]
['kst-1-3']
>>> [c["id"] for c in cited_by(G, "kst-1-2")], [f["relation"] for f in follow_ups_of(G, "kst-1-2")]
(['brief'], ['fulfils'])
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from typing import Any

import networkx as nx

CHAIN_RELATIONS = ("cites", "fulfils", "postpones", "answers", "replaces")


def follow_ups_of(G: nx.MultiDiGraph, node: str) -> list[dict[str, Any]]:
    """The ``{relation, source}`` pairs of documents that act on ``node``."""
    out = []
    for src, _, key, data in G.in_edges(node, keys=True, data=True):
        if key in ("fulfils", "postpones", "answers", "replaces"):
            out.append(
                {
                    "relation": key,
                    "source": src,
                    "date": G.nodes[src].get("date"),
                    "evidence": data.get("evidence"),
                }
            )
    return sorted(out, key=lambda f: (f["date"] or "", f["source"]))


def _fulfilled(G: nx.MultiDiGraph, node: str) -> bool:
    return any(key == "fulfils" for _, _, key in G.in_edges(node, keys=True))


def open_motions(G: nx.MultiDiGraph, mentioned: bool = False) -> list[dict[str, Any]]:
    """Adopted motions that no document fulfils yet, oldest first.

    By default the motions in the store (their document or their open-data
    record); with ``mentioned``, also motions known only because a stored
    text calls them adopted.
    """
    out = []
    for node, a in G.nodes(data=True):
        if not a.get("motion") or a.get("status") != "aangenomen" or _fulfilled(G, node):
            continue
        if not mentioned and a.get("placeholder") and not a.get("status_official"):
            continue
        if a.get("anonymous"):
            continue  # a motion mentioned without any number cannot be followed across documents
        if not a.get("status_official") and any(k == "replaces" for _, _, k in G.in_edges(node, keys=True)):
            continue  # superseded by a gewijzigde motie and never voted on itself
        out.append(
            {
                "id": node,
                "title": a.get("title"),
                "date": a.get("date"),
                "submitters": a.get("submitters") or [],
                "status": a.get("status"),
                "status_source": "open data" if a.get("status_official") else "text",
                "zaak": a.get("zaak"),
                "kabinetsappreciatie": a.get("kabinetsappreciatie"),
                "follow_ups": follow_ups_of(G, node),
                "in_store": not a.get("placeholder", False),
            }
        )
    return sorted(out, key=lambda m: (m["date"] or "", m["id"] or ""))


def open_commitments(
    G: nx.MultiDiGraph,
    due_before: str | None = None,
    actor: str | None = None,
    sector: str | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
    kinds: tuple[str, ...] = ("toezegging",),
) -> list[dict[str, Any]]:
    """Commitments no document has fulfilled, soonest deadline first.

    ``due_before`` (ISO date) keeps those due before it; ``actor`` those whose
    actor contains the text; ``sector`` those made in a document about that
    sector id; ``overdue`` those whose deadline has passed (before ``today``).
    """
    today = today or dt.date.today()
    out = []
    for node, a in G.nodes(data=True):
        if a.get("type") != "commitment" or a.get("kind") not in kinds or _fulfilled(G, node):
            continue
        by = a.get("by")
        if due_before and not (by and by < due_before):
            continue
        if actor and actor.lower() not in (a.get("actor") or "").lower():
            continue
        if sector and not G.has_edge(a.get("doc"), f"sector:{sector}", key="about_sector"):
            continue
        late = bool(by and by < today.isoformat())
        if overdue and not late:
            continue
        out.append(
            {
                "id": node,
                "kind": a.get("kind"),
                "actor": a.get("actor"),
                "action": a.get("action"),
                "deadline": {"text": a.get("deadline"), "by": by} if a.get("deadline") else None,
                "ref": a.get("ref"),
                "text": a.get("text"),
                "page": a.get("page"),
                "doc_id": a.get("doc"),
                "overdue": late,
                "postpones": a.get("postpones"),
                "follow_ups": follow_ups_of(G, node),
            }
        )
    return sorted(
        out,
        key=lambda c: (
            c["deadline"] is None or c["deadline"]["by"] is None,
            (c["deadline"] or {}).get("by") or "",
            c["id"],
        ),
    )


def _edges(G: nx.MultiDiGraph, edges: Any, other: int) -> list[dict[str, Any]]:
    out = []
    for edge in edges:
        u, v, key, data = edge
        node = (u, v)[other]
        out.append(
            {
                "id": node,
                "relation": key,
                "title": G.nodes[node].get("title"),
                "in_store": not G.nodes[node].get("placeholder", False),
                "evidence": data.get("evidence"),
                **_how(data),
            }
        )
    return out


def _how(data: dict[str, Any]) -> dict[str, Any]:
    """How sure an edge is, and how a described target was found ("store": matched in the store)."""
    return {k: data[k] for k in ("confidence", "resolved_by") if data.get(k) is not None}


def cites(G: nx.MultiDiGraph, node: str) -> list[dict[str, Any]]:
    """What ``node`` cites (and carries out, postpones, answers, replaces)."""
    if node not in G:
        return []
    return _edges(G, (e for e in G.out_edges(node, keys=True, data=True) if e[2] in CHAIN_RELATIONS), 1)


def cited_by(G: nx.MultiDiGraph, node: str) -> list[dict[str, Any]]:
    """The documents that cite (or act on) ``node``."""
    if node not in G:
        return []
    return _edges(G, (e for e in G.in_edges(node, keys=True, data=True) if e[2] in CHAIN_RELATIONS), 0)


def chain(G: nx.MultiDiGraph, node: str, depth: int = 3) -> dict[str, Any]:
    """Everything linked to ``node`` by citations and follow-ups, both ways, up to ``depth`` steps.

    Returns ``{"root", "nodes": [...], "edges": [...]}`` with node attributes
    and edge relations and evidence.
    """
    if node not in G:
        return {"root": node, "nodes": [], "edges": []}
    seen = {node: 0}
    queue = deque([node])
    edges: list[dict[str, Any]] = []
    while queue:
        cur = queue.popleft()
        if seen[cur] >= depth:
            continue
        links = [
            (u, v, k, d) for u, v, k, d in G.out_edges(cur, keys=True, data=True) if k in CHAIN_RELATIONS
        ]
        links += [
            (u, v, k, d) for u, v, k, d in G.in_edges(cur, keys=True, data=True) if k in CHAIN_RELATIONS
        ]
        for u, v, k, d in links:
            edge = {"source": u, "target": v, "relation": k, "evidence": d.get("evidence"), **_how(d)}
            if edge not in edges:
                edges.append(edge)
            nxt = v if u == cur else u
            if nxt not in seen:
                seen[nxt] = seen[cur] + 1
                queue.append(nxt)
    keep = ("type", "kind", "title", "date", "status", "placeholder", "path")
    nodes = [{"id": n, "distance": d, **{k: G.nodes[n].get(k) for k in keep}} for n, d in seen.items()]
    return {"root": node, "nodes": nodes, "edges": edges}


def most_cited(G: nx.MultiDiGraph, top: int = 10) -> list[dict[str, Any]]:
    """The nodes most documents cite."""
    counts = []
    for node in G.nodes:
        citing = {u for u, _, k in G.in_edges(node, keys=True) if k == "cites"}
        if citing:
            counts.append((len(citing), node))
    counts.sort(key=lambda c: (-c[0], c[1]))
    return [
        {
            "id": n,
            "cited_by": c,
            "title": G.nodes[n].get("title"),
            "in_store": not G.nodes[n].get("placeholder"),
        }
        for c, n in counts[:top]
    ]

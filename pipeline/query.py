"""Stage 4, answer: free functions over the ``Store``, each answered by indexed SQL.

No query builds the graph of the whole store: each reads the rows its answer
needs and, where it needs networkx, the subgraph of those rows
(``graph.build_subgraph``), whose nodes carry the attributes ``build_graph``
gives them. Time and memory follow the size of the answer, not the archive.

Lifecycle rules:

* a motion is **open** when it was adopted (``aangenomen``: the vote in the
  open data, else a status the texts state), no gewijzigde motie replaced it,
  and no document fulfils it; a
  document that ``postpones`` it keeps it open, and its own promises carry
  the new deadline (the store keeps each motion's state in ``motion_state``,
  brought up to date by every write that touches it);
* a commitment is **open** until a document fulfils it (directly, or by
  fulfilling the Kamerstuk it is registered under), and **overdue** once its
  deadline has passed.

>>> from pipeline.store import Store
>>> s = Store(":memory:")
>>> open_motions(s), open_commitments(s), cites(s, "kst-1-2"), chain(s, "kst-1-2")["truncated"]
([], [], [], False)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from .graph import FOLLOW_UPS, Subgraph, build_subgraph
from .store import Store

CHAIN_RELATIONS = ("cites", "fulfils", "postpones", "answers", "replaces")
CHAIN_LIMIT = 250  # a chain's nodes by default (1,000 read ~3,000 facts: 0.2 s); more: ``truncated``
CHUNK = 400


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


def _edges_in(
    store: Store,
    nodes: Sequence[str],
    relations: Sequence[str],
    cap: int | None = None,
    among: Sequence[str] = (),
) -> list[tuple[int, str]]:
    """(fact id, source paper) of the facts drawing a ``relations`` edge into one of ``nodes``.

    A registered toezegging ``commitment:R`` is also fulfilled (or postponed) by what acts on ``R``.
    ``cap`` stops each scan after that many links; ``among`` keeps the links of these papers
    only, read through the papers' own index (however often the nodes are cited).
    """
    rels = tuple(relations)
    out: list[tuple[int, str]] = []
    limit = f" LIMIT {int(cap)}" if cap is not None else ""
    for chunk in _chunks(list(nodes)):
        refs = [n.removeprefix("commitment:") for n in chunk if n.startswith("commitment:")]
        acting = tuple(r for r in rels if r in ("fulfils", "postpones"))
        targets = [(list(chunk), rels)] + ([(refs, acting)] if refs and acting else [])
        for ends, kinds in targets:
            if among:
                for part in _chunks(list(among)):
                    # through the papers' index: node || '' keeps the planner off the index of a hub
                    rows = store.db.execute(
                        f"SELECT id, source FROM facts WHERE source IN ({_marks(part)})"
                        f" AND (node || '') IN ({_marks(ends)}) AND rel IN ({_marks(kinds)})",
                        (*part, *ends, *kinds),
                    )
                    out += [(int(i), str(src)) for i, src in rows]
                continue
            where = f"node IN ({_marks(ends)}) AND rel IN ({_marks(kinds)})"
            rows = store.db.execute(f"SELECT id, source FROM facts WHERE {where}{limit}", (*ends, *kinds))
            out += [(int(i), str(src)) for i, src in rows]
    return out


def _edges_out(store: Store, nodes: Sequence[str]) -> list[tuple[int, str]]:
    """(fact id, target node) of the chain edges ``nodes`` draw (and ``commitment:R`` for what acts on R)."""
    out: list[tuple[int, str]] = []
    for chunk in _chunks(list(nodes)):
        rows = store.db.execute(
            f"SELECT id, node, rel FROM facts WHERE source IN ({_marks(chunk)}) AND rel IS NOT NULL", chunk
        ).fetchall()
        out += [(int(i), str(n)) for i, n, _ in rows]
        acting = sorted({f"commitment:{n}" for _, n, rel in rows if rel in ("fulfils", "postpones")})
        for part in _chunks(acting):
            known = store.db.execute(
                f"SELECT DISTINCT node FROM facts WHERE node IN ({_marks(part)}) AND type = 'commitment'",
                part,
            )
            out += [(0, str(n)) for (n,) in known]  # the edge itself comes with the acting fact
    return out


def _view(store: Store, nodes: Sequence[str], facts: Sequence[int]) -> Subgraph:
    return build_subgraph(store, nodes, [f for f in facts if f])


def follow_ups_of(store: Store, node: str, G: Subgraph | None = None) -> list[dict[str, Any]]:
    """The ``{relation, source}`` pairs of documents that act on ``node``."""
    if G is None:
        edges = _edges_in(store, [node], FOLLOW_UPS)
        G = _view(store, [node, *{src for _, src in edges}], [i for i, _ in edges])
    if node not in G:
        return []
    out = []
    for src, _, key, data in G.in_edges(node, keys=True, data=True):
        if key in FOLLOW_UPS:
            out.append(
                {
                    "relation": key,
                    "source": src,
                    "date": G.nodes[src].get("date"),
                    "evidence": data.get("evidence"),
                }
            )
    return sorted(out, key=lambda f: (f["date"] or "", f["source"]))


def _page(rows: Iterator[Any], limit: int | None, offset: int) -> Iterator[Any]:
    for i, row in enumerate(rows):
        if i < offset:
            continue
        if limit is not None and i >= offset + limit:
            return
        yield row


def iter_open_motions(
    store: Store, mentioned: bool = False, limit: int | None = None, offset: int = 0
) -> Iterator[dict[str, Any]]:
    """Adopted motions that no document fulfils yet, oldest first, one page read at a time.

    By default the motions in the store (their document or their open-data
    record); with ``mentioned``, also motions known only because a stored
    text calls them adopted. ``limit``/``offset`` page through them.
    """
    sql = (
        "SELECT node FROM motion_state WHERE open = 1" + ("" if mentioned else " AND listed = 1")
        + " ORDER BY date, node LIMIT ? OFFSET ?"
    )  # fmt: skip
    step = 200
    done = 0
    while limit is None or done < limit:
        want = step if limit is None else min(step, limit - done)
        nodes = [str(n) for (n,) in store.db.execute(sql, (want, offset + done))]
        if not nodes:
            return
        edges = _edges_in(store, nodes, FOLLOW_UPS)
        G = _view(store, [*nodes, *{src for _, src in edges}], [i for i, _ in edges])
        for node in nodes:
            if node not in G:
                continue  # a state row of a node since removed (kept in step by every write)
            a = G.nodes[node]
            yield {
                "id": node,
                "title": a.get("title"),
                "date": a.get("date"),
                "submitters": a.get("submitters") or [],
                "status": a.get("status"),
                "status_source": "open data" if a.get("status_official") else "text",
                "zaak": a.get("zaak"),
                "kabinetsappreciatie": a.get("kabinetsappreciatie"),
                "follow_ups": follow_ups_of(store, node, G),
                "in_store": not a.get("placeholder", False),
            }
        done += len(nodes)
        if len(nodes) < want:
            return


def count_open_motions(store: Store, mentioned: bool = False) -> int:
    """How many motions ``open_motions`` lists (one indexed count)."""
    sql = "SELECT count(*) FROM motion_state WHERE open = 1" + ("" if mentioned else " AND listed = 1")
    return int(store.db.execute(sql).fetchone()[0])


def open_motions(
    store: Store, mentioned: bool = False, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """``iter_open_motions`` as a list."""
    return list(iter_open_motions(store, mentioned, limit, offset))


def iter_open_commitments(
    store: Store,
    due_before: str | None = None,
    actor: str | None = None,
    sector: str | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
    kinds: tuple[str, ...] = ("toezegging",),
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[dict[str, Any]]:
    """Commitments no document has fulfilled, soonest deadline first (none last), a page at a time.

    ``due_before`` (ISO date) keeps those due before it; ``actor`` those whose
    actor contains the text; ``sector`` those made in a document about that
    sector id; ``overdue`` those whose deadline has passed (before ``today``).
    """
    today = today or dt.date.today()
    return _page(_open_commitments(store, due_before, actor, sector, overdue, today, kinds), limit, offset)


def open_commitments_by_actor(
    store: Store, today: dt.date | None = None, kinds: tuple[str, ...] = ("toezegging",)
) -> list[tuple[str, int, int]]:
    """(actor, open, overdue) of every actor of open commitments: one aggregate query."""
    day = (today or dt.date.today()).isoformat()
    rows = store.db.execute(
        "SELECT actor, count(*), sum(CASE WHEN due < ? THEN 1 ELSE 0 END) FROM commitment_state"
        f" WHERE open = 1 AND kind IN ({_marks(kinds)}) AND actor IS NOT NULL GROUP BY actor",
        (day, *kinds),
    )
    return [(str(a), int(n), int(late or 0)) for a, n, late in rows]


def _open_commitments(
    store: Store,
    due_before: str | None,
    actor: str | None,
    sector: str | None,
    overdue: bool,
    today: dt.date,
    kinds: tuple[str, ...],
) -> Iterator[dict[str, Any]]:
    # each commitment node is one row of ``commitment_state``, kept by every write that touches it
    where = f"c.open = 1 AND c.kind IN ({_marks(kinds)})"
    args: list[Any] = list(kinds)
    if sector:
        where += (
            " AND EXISTS (SELECT 1 FROM facts s WHERE s.document = c.document AND s.type = 'sector'"
            " AND s.target = ?)"
        )
        args.append(sector)
    bounds = [b for b in (due_before, today.isoformat() if overdue else None) if b]
    dated = f"SELECT c.node, c.actor FROM commitment_state c WHERE {where} AND c.due IS NOT NULL"
    if bounds:
        dated += " AND c.due < ?"
    queries = [(dated + " ORDER BY c.due, c.node", [*args, *([min(bounds)] if bounds else [])])]
    if not bounds:
        undated = f"SELECT c.node, c.actor FROM commitment_state c WHERE {where} AND c.due IS NULL"
        queries.append((undated + " ORDER BY c.node", args))
    wanted = actor.lower() if actor else None
    for sql, params in queries:
        read = 0
        while True:  # a page of 100 at a time: what is held (here or in a database client) stays small
            rows = store.db.execute(sql + " LIMIT 100 OFFSET ?", (*params, read)).fetchall()
            if not rows:
                break
            read += len(rows)
            nodes = [str(n) for n, who in rows if not wanted or wanted in (who or "").lower()]
            if not nodes:
                continue
            edges = _edges_in(store, nodes, FOLLOW_UPS)
            G = _view(store, [*nodes, *{src for _, src in edges}], [i for i, _ in edges])
            for node in nodes:
                if node not in G:
                    continue
                a = G.nodes[node]
                by = a.get("by")
                yield {
                    "id": node,
                    "kind": a.get("kind"),
                    "actor": a.get("actor"),
                    "action": a.get("action"),
                    "deadline": {"text": a.get("deadline"), "by": by} if a.get("deadline") else None,
                    "ref": a.get("ref"),
                    "text": a.get("text"),
                    "page": a.get("page"),
                    "doc_id": a.get("doc"),
                    "overdue": bool(by and by < today.isoformat()),
                    "postpones": a.get("postpones"),
                    "follow_ups": follow_ups_of(store, node, G),
                }


def open_commitments(
    store: Store,
    due_before: str | None = None,
    actor: str | None = None,
    sector: str | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
    kinds: tuple[str, ...] = ("toezegging",),
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """``iter_open_commitments`` as a list."""
    return list(iter_open_commitments(store, due_before, actor, sector, overdue, today, kinds, limit, offset))


def _edge(G: Subgraph, node: str, data: dict[str, Any], key: str) -> dict[str, Any]:
    return {
        "id": node,
        "relation": key,
        "title": G.nodes[node].get("title"),
        "in_store": not G.nodes[node].get("placeholder", False),
        "evidence": data.get("evidence"),
        **_how(data),
    }


def _how(data: dict[str, Any]) -> dict[str, Any]:
    """How sure an edge is, and how a described target was found ("store": matched in the store)."""
    return {k: data[k] for k in ("confidence", "resolved_by") if data.get(k) is not None}


def cites(store: Store, node: str, limit: int | None = None) -> list[dict[str, Any]]:
    """What ``node`` cites (and carries out, postpones, answers, replaces)."""
    edges = _edges_out(store, [node])
    G = _view(store, [node, *{n for _, n in edges}], [i for i, _ in edges])
    if node not in G:
        return []
    out = [
        _edge(G, v, d, k) for _, v, k, d in G.out_edges(node, keys=True, data=True) if k in CHAIN_RELATIONS
    ]
    return out[:limit] if limit is not None else out


def cited_by(store: Store, node: str, limit: int | None = None) -> list[dict[str, Any]]:
    """The documents that cite (or act on) ``node``; with ``limit``, the first that did so."""
    if limit is None:
        edges = _edges_in(store, [node], CHAIN_RELATIONS)
    else:  # the first papers that link, found with a bounded scan; then only their links
        keep: dict[str, None] = {}
        for _, src in _edges_in(store, [node], CHAIN_RELATIONS, cap=8 * limit + 8):
            if len(keep) >= limit:
                break
            keep[src] = None
        edges = _edges_in(store, [node], CHAIN_RELATIONS, among=list(keep)) if keep else []
    G = _view(store, [node, *{src for _, src in edges}], [i for i, _ in edges])
    if node not in G:
        return []
    out = [_edge(G, u, d, k) for u, _, k, d in G.in_edges(node, keys=True, data=True) if k in CHAIN_RELATIONS]
    return out[:limit] if limit is not None else out


def _walk(store: Store, node: str, depth: int, limit: int) -> tuple[dict[str, int], set[int], bool]:
    """Breadth first from ``node``, both ways, a level at a time: (distance of each node found,
    the facts of the edges walked, whether the cap cut it short).

    Each level is a few indexed queries, each stopped by ``LIMIT``: a node cited by every paper in
    the archive costs no more than the cap. (A recursive CTE, the first form of this, expanded
    every link of such a node before its cap could stop it: 0.27 s of a 1M store's 0.6 s.)
    """
    found = {node: 0}
    facts: set[int] = set()
    truncated = False
    frontier = [node]
    cap = limit * 4
    for level in range(depth):
        nxt: list[str] = []
        for chunk in _chunks(frontier):
            rows: list[tuple[int, str, str | None]] = []
            for sql, args in (
                (
                    f"SELECT id, node, rel FROM facts WHERE source IN ({_marks(chunk)}) AND rel IS NOT NULL",
                    chunk,
                ),
                (
                    f"SELECT id, source, rel FROM facts WHERE node IN ({_marks(chunk)}) AND rel IS NOT NULL",
                    chunk,
                ),
            ):
                got = store.db.execute(sql + " LIMIT ?", (*args, cap)).fetchall()
                truncated |= len(got) >= cap
                rows += [(int(i), str(n), r) for i, n, r in got]
            refs = [n.removeprefix("commitment:") for n in chunk if n.startswith("commitment:")]
            if refs:  # what acts on R acts on the toezegging registered under R
                got = store.db.execute(
                    f"SELECT id, source FROM facts WHERE node IN ({_marks(refs)})"
                    " AND rel IN ('fulfils', 'postpones') LIMIT ?",
                    (*refs, cap),
                ).fetchall()
                truncated |= len(got) >= cap
                rows += [(int(i), str(n), None) for i, n in got]
            acting = sorted({f"commitment:{n}" for _, n, r in rows if r in ("fulfils", "postpones")})
            for part in _chunks(acting):  # and the papers that act on R reach that toezegging
                known = {
                    str(n)
                    for (n,) in store.db.execute(
                        f"SELECT DISTINCT node FROM facts WHERE node IN ({_marks(part)})"
                        " AND type = 'commitment'",
                        part,
                    )
                }
                rows += [(i, f"commitment:{n}", None) for i, n, r in rows if f"commitment:{n}" in known]
            for fact, other, _ in rows:
                if other not in found:
                    if len(found) >= limit:
                        truncated = True
                        continue
                    found[other] = level + 1
                    nxt.append(other)
                facts.add(fact)
        frontier = nxt
        if not frontier:
            break
    return found, facts, truncated


def chain(store: Store, node: str, depth: int = 3, limit: int = CHAIN_LIMIT) -> dict[str, Any]:
    """Everything linked to ``node`` by citations and follow-ups, both ways, up to ``depth`` steps.

    The walk (``_walk``) stops after ``limit`` nodes (``truncated`` says so); networkx then holds
    only the nodes found. Returns ``{"root", "nodes": [...], "edges": [...], "truncated"}`` with
    node attributes and edge relations and evidence.
    """
    found, facts, truncated = _walk(store, node, depth, limit)
    inner = [n for n, d in found.items() if d < depth]
    G = _view(store, list(found), sorted(facts))
    if node not in G:
        return {"root": node, "nodes": [], "edges": [], "truncated": False}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for cur in inner:
        if cur not in G:
            continue
        links = list(G.out_edges(cur, keys=True, data=True)) + list(G.in_edges(cur, keys=True, data=True))
        for u, v, k, d in links:
            if k in CHAIN_RELATIONS and u in found and v in found:
                edge = {"source": u, "target": v, "relation": k, "evidence": d.get("evidence"), **_how(d)}
                edges.setdefault((u, v, k), edge)
    keep = ("type", "kind", "title", "date", "status", "placeholder", "path")
    order = sorted(found.items(), key=lambda nd: (nd[1], nd[0]))
    nodes = [{"id": n, "distance": d, **{k: G.nodes[n].get(k) for k in keep}} for n, d in order if n in G]
    return {"root": node, "nodes": nodes, "edges": list(edges.values()), "truncated": truncated}


def most_cited(store: Store, top: int = 10) -> list[dict[str, Any]]:
    """The nodes most documents cite."""
    rows = store.db.execute(
        "SELECT node, count(DISTINCT source) AS n FROM facts WHERE rel = 'cites'"
        " GROUP BY node ORDER BY n DESC, node LIMIT ?",
        (top,),
    ).fetchall()
    G = _view(store, [str(n) for n, _ in rows], [])
    return [
        {
            "id": n,
            "cited_by": c,
            "title": G.nodes[n].get("title") if n in G else None,
            "in_store": n in G and not G.nodes[n].get("placeholder"),
        }
        for n, c in rows
    ]

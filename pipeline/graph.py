"""Stage 3, link: the store as a networkx ``MultiDiGraph`` ``G``.

Nodes (attribute ``type``): ``document``, ``dossier``, ``motion``,
``commitment``, ``person``, ``sector``; a target that is not in the store is
a ``placeholder`` node, filled in when its document arrives (the graph is
built from the store on demand; nothing of it is cached). Edges (key =
relation): ``cites``, ``fulfils``, ``postpones``, ``answers``, ``replaces``,
``submitted_by``, ``made_by``, ``about_sector``, ``part_of``; each carries its
evidence (document, page, offsets, text) and a confidence. All attributes are
plain JSON values.

A motion document and the motion it is are one node (its kst id): the
motion's vote (open data, or the status a text states) sits on that node.

``build_subgraph`` (what queries read) gives a ``Subgraph``: the same nodes,
edges and attributes in the few calls of networkx's ``MultiDiGraph`` the
builder and the queries use, without importing networkx (a third of a
query's start-up); ``Subgraph.to_networkx()`` hands it to networkx's
algorithms.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from .opendata import ZaakFacts
from .schema import (
    FACT_TYPES,
    Commitment,
    Fact,
    FollowUp,
    KamerstukId,
    Motion,
    Reference,
    SectorMention,
    Span,
)
from .store import DocumentRow, Store

if TYPE_CHECKING:
    import networkx as nx

FOLLOW_UPS = ("fulfils", "postpones", "answers", "replaces")
CONFIDENCE = {"pattern": 0.95, "idem": 0.8, "zie_noot": 0.8, "anaphor": 0.6, "follow_up": 0.8, "mention": 0.7}


Edge = tuple[str, str, str, dict[str, Any]]


class _Nodes(dict[str, dict[str, Any]]):
    """``G.nodes``: ``G.nodes[n]`` is a node's attributes; ``G.nodes(data=True)`` lists them."""

    def __call__(self, data: bool = False) -> Iterator[Any]:
        return iter(self.items()) if data else iter(self)


class _Edges:
    """``G.edges``: ``G.edges[u, v, key]`` is an edge's attributes; ``G.edges(keys=True, data=True)``."""

    def __init__(self, G: Subgraph) -> None:
        self.G = G

    def __getitem__(self, edge: tuple[str, str, str]) -> dict[str, Any]:
        u, v, key = edge
        return self.G.succ[u][v][key]

    def __call__(self, keys: bool = True, data: bool = True) -> Iterator[Edge]:
        for u in self.G.nodes:
            yield from self.G.out_edges(u)


class Subgraph:
    """A small multigraph that behaves as networkx's ``MultiDiGraph`` in the calls used here.

    Nodes and edges keep the order they were added in, as in networkx, so a query lists the same
    edges in the same order from either. ``in_edges``/``out_edges``/``edges`` always give
    ``(u, v, key, data)``.

    >>> G = Subgraph()
    >>> G.add_edge("kst-1-2", "kst-3-4", key="cites", confidence=0.95)
    >>> "kst-3-4" in G, G.has_edge("kst-1-2", "kst-3-4", key="cites"), list(G.in_edges("kst-3-4"))
    (True, True, [('kst-1-2', 'kst-3-4', 'cites', {'confidence': 0.95})])
    >>> G.to_networkx().number_of_edges()
    1
    """

    def __init__(self) -> None:
        self.nodes = _Nodes()
        self.succ: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
        self.pred: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
        self.edges = _Edges(self)

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def __len__(self) -> int:
        return len(self.nodes)

    def add_node(self, node: str, **attrs: Any) -> None:
        if node not in self.nodes:
            self.nodes[node] = {}
            self.succ[node] = {}
            self.pred[node] = {}
        self.nodes[node].update(attrs)

    def add_edge(self, u: str, v: str, key: str, **attrs: Any) -> None:
        for n in (u, v):
            if n not in self.nodes:
                self.add_node(n)
        keys = self.succ[u].setdefault(v, {})
        self.pred[v].setdefault(u, keys)
        keys.setdefault(key, {}).update(attrs)

    def has_edge(self, u: str, v: str, key: str) -> bool:
        return key in self.succ.get(u, {}).get(v, {})

    def out_edges(self, node: str, keys: bool = True, data: bool = True) -> Iterator[Edge]:
        for v, by_key in self.succ[node].items():
            for k, d in by_key.items():
                yield node, v, k, d

    def in_edges(self, node: str, keys: bool = True, data: bool = True) -> Iterator[Edge]:
        for u, by_key in self.pred[node].items():
            for k, d in by_key.items():
                yield u, node, k, d

    def to_networkx(self) -> nx.MultiDiGraph:
        """The same graph as a networkx ``MultiDiGraph``, for its algorithms."""
        import networkx as nx

        G = nx.MultiDiGraph()
        G.add_nodes_from(self.nodes.items())
        G.add_edges_from(self.edges())
        return G


Graph: TypeAlias = "nx.MultiDiGraph | Subgraph"  # what the builder fills


def _ensure(G: Graph, node: str, **attrs: Any) -> None:
    if node not in G:
        G.add_node(node, placeholder=True, **attrs)
    else:
        for k, v in attrs.items():
            G.nodes[node].setdefault(k, v)


def _evidence(doc: str, span: Span) -> dict[str, Any]:
    return {"doc": doc, "page": span.page, "start": span.start, "end": span.end, "text": span.text[:300]}


def build_graph(store: Store) -> nx.MultiDiGraph:
    """The whole store as one graph: for exports only (every query asks the store; see ``query.py``).

    >>> from pipeline.store import Store
    >>> G = build_graph(Store(":memory:"))
    >>> G.number_of_nodes(), G.is_multigraph()
    (0, True)
    """
    nodes: dict[int, str] = {}

    def documents() -> Iterator[DocumentRow]:
        for row in store.documents():
            nodes[row.id] = row.node
            yield row

    import networkx as nx

    G = nx.MultiDiGraph()
    for row in documents():
        _add_document(G, row)
    return _build(G, ((nodes[d], f) for d, f in store.facts()), store.zaken())


def _build(G: Graph, facts: Iterable[tuple[str, Fact]], zaken: Iterable[ZaakFacts]) -> Graph:
    builder = _Builder(G)
    for doc, fact in facts:
        builder.add(doc, fact)
    for z in zaken:
        if not z.kst_id:
            continue
        _ensure(G, z.kst_id, type="document")
        attrs = G.nodes[z.kst_id]
        attrs.update(
            motion=True,
            zaak=z.nummer,
            status_official=z.status,
            besluit=z.besluit,
            kabinetsappreciatie=z.kabinetsappreciatie,
            onderwerp=z.onderwerp,
        )
        attrs.setdefault("title", z.onderwerp)
        attrs.setdefault("date", z.datum)
        if z.status:
            attrs.setdefault("status_sources", []).append(
                {"source": "open data", "status": z.status, "zaak": z.nummer, "besluit": z.besluit}
            )
    builder.finish()
    for _, attrs in G.nodes(data=True):
        if attrs.get("motion"):
            settle_status(attrs)
    return G


FINAL = ("aangenomen", "verworpen")


def settle_status(attrs: dict[str, Any]) -> None:
    """A motion's status from its sources: open data wins; else an announced vote, else a text. Where
    an announced vote (or a text) gives another final outcome than open data, ``status_conflict``
    lists what each says, so the disagreement shows.

    >>> a = {"status_official": "aangenomen", "status_text": "verworpen", "status_sources": [
    ...     {"source": "vote", "status": "verworpen"}, {"source": "open data", "status": "aangenomen"}]}
    >>> settle_status(a); a["status"], [c["source"] for c in a["status_conflict"]]
    ('aangenomen', ['vote', 'open data'])
    """
    official = attrs.get("status_official")
    attrs["status"] = official or attrs.get("status_text")
    if official in FINAL:
        others = [
            s for s in attrs.get("status_sources", []) if s["status"] in FINAL and s["status"] != official
        ]
        if others:
            attrs["status_conflict"] = [
                {k: v for k, v in s.items() if k in ("source", "status", "evidence", "zaak")}
                for s in attrs["status_sources"]
                if s["status"] in FINAL
            ]


CHUNK = 400  # ids per ``IN (...)``: well under SQLite's variable limit


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


def _papers(store: Store, nodes: Sequence[str]) -> list[DocumentRow]:
    """The stored papers whose nodes these are: by own id, and (``doc:<uid>``) by first hash.

    Two indexed look-ups; one query with ``OR`` between them reads every paper instead.
    """
    out = list(store.document_rows(f"d.doc_id IN ({_marks(nodes)})", tuple(nodes)))
    own = [k[4:] for k in nodes if k.startswith("doc:")]
    if own:  # (doc_id IS NULL in SQL would lead the planner to scan every paper without an id)
        out += [r for r in store.document_rows(f"d.uid IN ({_marks(own)})", tuple(own)) if r.doc_id is None]
    return out


def _first_facts(store: Store, nodes: Sequence[str]) -> set[int]:
    """The facts that decide these nodes' attributes: for each node the first fact naming it (a
    placeholder's type), its first commitment and motion facts, its first motion facts with a status
    and with an appraisal, a motion paper's own motion facts, and a person's first fact.

    Each "first" is an index probe stopped at one row (``ORDER BY id LIMIT 1`` on ``facts(node,
    type, id)`` and ``people(person, fact)``), never a ``min()`` over every fact naming the node: on
    PostgreSQL ``min(id) … GROUP BY node`` read each of a hub's 100,000 citations.
    """
    wanted = "WITH wanted(node) AS (VALUES " + ",".join("(?)" for _ in nodes) + ")"

    def first(where: str) -> str:
        return f"(SELECT f.id FROM facts f WHERE f.node = w.node AND {where} ORDER BY f.id LIMIT 1)"

    types = sorted(FACT_TYPES)
    sql = (
        f"{wanted} SELECT "
        + ", ".join(first(f"f.type = '{t}'") for t in types)
        + ", " + first("f.type = 'motion' AND f.status IS NOT NULL")
        + ", " + first("f.type = 'motion' AND f.appraisal IS NOT NULL")
        + ", (SELECT p.fact FROM people p WHERE p.person = w.node ORDER BY p.fact LIMIT 1)"
        + " FROM wanted w"
    )  # fmt: skip
    out: set[int] = set()
    for firsts in store.db.execute(sql, tuple(nodes)):
        by_type = dict(zip(types, firsts, strict=False))
        named = [int(i) for i in by_type.values() if i is not None]
        if named:
            out.add(min(named))
        out.update(int(i) for i in (by_type["commitment"], by_type["motion"], *firsts[len(types) :]) if i)
    # a motion paper's own motion facts, through the papers' index (a motion may be cited everywhere)
    # (the || '' keep both planners on the papers' index: off that of the node, or of every motion)
    rows = store.db.execute(
        f"SELECT id FROM facts WHERE source IN ({_marks(nodes)}) AND node || '' = source"
        " AND type || '' = 'motion'",
        tuple(nodes),
    )
    out.update(int(r[0]) for r in rows)
    return out


def build_subgraph(store: Store, nodes: Iterable[str], facts: Iterable[int] = ()) -> Subgraph:
    """A graph that gives each of ``nodes`` the attributes ``build_graph`` would, from the store's indexes.

    It reads only what decides a node's attributes (its paper, the first fact naming it, its motion
    and commitment facts, its open-data record), a bounded number of rows per node however often
    the node is cited; ``facts`` (fact ids) are added too, with the edges they draw. A node neither
    stored nor named anywhere is not in the result.
    """
    keys = sorted(set(nodes))
    db = store.db
    wanted: set[int] = set(facts)
    docs: list[DocumentRow] = []
    zaken: list[ZaakFacts] = []
    for chunk in _chunks(keys):
        q = _marks(chunk)
        docs += _papers(store, chunk)
        wanted.update(_first_facts(store, chunk))
        zaken += store.zaken(f"kst_id IN ({q})", chunk)
        for dossier in (k for k in chunk if k.startswith("dossier-")):
            member = store.dossier_member(dossier)
            if member is not None:
                docs.append(member)
    # the papers the facts stand in (a motion paper's own motion fact speaks of that paper's node), in
    # one read with those holding a commitment, whose 'postpones' comes from what its paper postpones
    found: set[str] = set()
    commitments: set[str] = set()
    for chunk in _chunks([str(i) for i in sorted(wanted)]):
        for src, ftype in db.execute(
            f"SELECT DISTINCT source, type FROM facts WHERE id IN ({_marks(chunk)})", chunk
        ):
            found.add(str(src))
            if ftype == "commitment":
                commitments.add(str(src))
    for chunk in _chunks(sorted(commitments)):
        rows = db.execute(
            f"SELECT id FROM facts WHERE source IN ({_marks(chunk)}) AND rel = 'postpones'", chunk
        )
        wanted.update(int(r[0]) for r in rows)  # their papers are among those found already
    sources = sorted(found - {r.node for r in docs})
    for chunk in _chunks(sources):
        docs += _papers(store, chunk)
    G = Subgraph()
    seen = set()
    for row in sorted(docs, key=lambda r: r.id):
        if row.id not in seen:
            seen.add(row.id)
            _add_document(G, row)
    _build(G, store.facts_by_id(sorted(wanted)), sorted(zaken, key=lambda z: z.nummer))
    return G


def motion_state(store: Store, G: Subgraph, node: str) -> tuple[str, int, int] | None:
    """(date, open, listed) of a motion node of ``build_subgraph``'s ``G``, or None if it is no motion.

    Open: adopted (the open data's vote, else the text's), not fulfilled, and not replaced by a
    gewijzigde motie unless the open data has its own vote; listed: in the store or the open data.
    """
    if node not in G:
        return None
    a = G.nodes[node]
    if not a.get("motion") or a.get("anonymous"):
        return None
    acted = {
        str(r[0])
        for r in store.db.execute(
            "SELECT DISTINCT rel FROM facts WHERE node = ? AND rel IN ('fulfils', 'replaces')", (node,)
        )
    }
    official = bool(a.get("status_official"))
    is_open = (
        a.get("status") == "aangenomen" and "fulfils" not in acted and (official or "replaces" not in acted)
    )
    listed = official or not a.get("placeholder")
    return str(a.get("date") or ""), int(is_open), int(listed)


def _add_document(G: Graph, row: DocumentRow) -> None:
    G.add_node(
        row.node,
        type="document",
        kind=row.kind,
        title=row.title,
        date=row.date,
        path=row.path,
        placeholder=False,
    )
    ks = KamerstukId.parse(row.doc_id) if row.doc_id else None
    if ks is not None and ks.ondernummer:
        dossier = ks.dossier_id
        _ensure(G, dossier, type="dossier")
        G.nodes[dossier]["placeholder"] = False
        G.add_edge(row.node, dossier, key="part_of", relation="part_of", confidence=1.0)


class _Builder:
    """Adds facts to ``G`` one by one; what links across facts is done in ``finish``."""

    def __init__(self, G: Graph) -> None:
        self.G = G
        self.commitments_by_doc: dict[str, list[str]] = {}
        self.acting: list[tuple[str, str, str, dict[str, Any]]] = []  # fulfils/postpones edges

    def add(self, doc: str, fact: Fact) -> None:
        if isinstance(fact, Reference):
            self.reference(doc, fact)
        elif isinstance(fact, Motion):
            self.motion(doc, fact)
        elif isinstance(fact, Commitment):
            self.commitment(doc, fact)
        elif isinstance(fact, FollowUp):
            self.follow_up(doc, fact)
        elif isinstance(fact, SectorMention):
            self.sector(doc, fact)

    def reference(self, doc: str, r: Reference) -> None:
        if r.kind == "url":
            return
        _ensure(self.G, r.id, type="document" if r.kind == "kamerstuk" else r.kind)
        how = "anaphor" if r.resolved_from else "pattern"
        self.G.add_edge(
            doc,
            r.id,
            key="cites",
            relation="cites",
            kind=r.kind,
            evidence=_evidence(doc, r.span),
            confidence=CONFIDENCE[how],
        )

    def motion(self, doc: str, m: Motion) -> None:
        G, ev = self.G, _evidence(doc, m.span)
        if not m.mentioned:
            node = doc
        elif m.id:
            node = m.id
            _ensure(G, node, type="document")
        else:  # named by where it stands, as the store's ``links`` names it
            node = f"motion:{doc}#{m.span.start}"
            G.add_node(node, type="motion", placeholder=False, anonymous=True)
            G.add_edge(doc, node, key="cites", relation="cites", kind="motie", evidence=ev, confidence=0.7)
        attrs = G.nodes[node]
        attrs["motion"] = True
        if not m.mentioned:
            attrs.update(
                type="motion",
                submitters=list(m.submitters),
                date=m.date,
                replaces=m.replaces,
                requests=len(m.requests),
                dictum=" ".join(m.requests)[:1000],
            )
        else:
            attrs.setdefault("submitters", list(m.submitters))
            attrs.setdefault("date", m.date)
            if m.status:
                # every text that states the status is a source; an announced vote outranks a mention
                voted = m.status_evidence is not None
                source = {"source": "vote" if voted else "text", "status": m.status, "evidence": ev}
                if voted:
                    source["evidence"] = _evidence(doc, m.status_evidence)  # type: ignore[arg-type]
                attrs.setdefault("status_sources", []).append(source)
                if not attrs.get("status_text") or (voted and not attrs.get("status_voted")):
                    attrs["status_text"] = m.status
                    attrs["status_evidence"] = source["evidence"]
                    attrs["status_voted"] = voted
        if m.appraisal and not attrs.get("appraisal"):
            attrs["appraisal"] = m.appraisal.value
            attrs["appraisal_evidence"] = _evidence(doc, m.appraisal.span)
        for name in m.submitters:
            person = f"person:{name.lower()}"
            _ensure(G, person, type="person", name=name)
            G.nodes[person]["placeholder"] = False
            if not G.has_edge(node, person, key="submitted_by"):
                G.add_edge(
                    node, person, key="submitted_by", relation="submitted_by", evidence=ev, confidence=1.0
                )

    def commitment(self, doc: str, c: Commitment) -> None:
        G = self.G
        # a registered toezegging is one node wherever it is named; others are where they stand
        node = f"commitment:{c.ref}" if c.ref else f"commitment:{doc}@{c.span.start}"
        self.commitments_by_doc.setdefault(doc, []).append(node)
        if node not in G or G.nodes[node].get("placeholder"):
            G.add_node(
                node,
                type="commitment",
                kind=c.kind,
                actor=c.actor,
                action=c.action,
                ref=c.ref,
                by=c.deadline.by if c.deadline else None,
                deadline=c.deadline.text if c.deadline else None,
                doc=doc,
                text=c.span.text[:400],
                page=c.span.page,
                placeholder=False,
            )
        if c.actor:
            actor = f"person:{c.actor.lower()}"
            _ensure(G, actor, type="person", name=c.actor)
            G.nodes[actor]["placeholder"] = False
            G.add_edge(
                node,
                actor,
                key="made_by",
                relation="made_by",
                evidence=_evidence(doc, c.span),
                confidence=0.8,
            )

    def follow_up(self, doc: str, f: FollowUp) -> None:
        if f.target is None:
            return  # described, and no motion in the store fits (store.py links those that do)
        _ensure(self.G, f.target, type="document")
        data = {
            "relation": f.relation,
            "evidence": _evidence(doc, f.span),
            "confidence": f.confidence if f.confidence is not None else CONFIDENCE["follow_up"],
        }
        if f.resolved_by == "store":  # found by its description, not by a number in the text
            data["resolved_by"] = "store"
        self.G.add_edge(doc, f.target, key=f.relation, **data)
        if f.relation in ("fulfils", "postpones"):
            self.acting.append((doc, f.target, f.relation, data))

    def sector(self, doc: str, s: SectorMention) -> None:
        G = self.G
        sector = f"sector:{s.id}"
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
                evidence=_evidence(doc, s.span),
                confidence=0.9,
            )

    def finish(self) -> None:
        for u, v, k, data in self.acting:
            # a toezegging registered under R is also fulfilled by a document that fulfils R
            if f"commitment:{v}" in self.G and not self.G.has_edge(u, f"commitment:{v}", k):
                self.G.add_edge(u, f"commitment:{v}", key=k, **data)
            if k == "postpones":
                # the postponing letter's own promises are the new deadline
                for c in self.commitments_by_doc.get(u, []):
                    self.G.nodes[c]["postpones"] = v

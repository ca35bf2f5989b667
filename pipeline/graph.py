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
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from . import link
from .schema import Commitment, Fact, FollowUp, KamerstukId, Motion, Reference, SectorMention, Span
from .store import DocumentRow, Store

FOLLOW_UPS = ("fulfils", "postpones", "answers", "replaces")
CONFIDENCE = {"pattern": 0.95, "idem": 0.8, "zie_noot": 0.8, "anaphor": 0.6, "follow_up": 0.8, "mention": 0.7}


def _ensure(G: nx.MultiDiGraph, node: str, **attrs: Any) -> None:
    if node not in G:
        G.add_node(node, placeholder=True, **attrs)
    else:
        for k, v in attrs.items():
            G.nodes[node].setdefault(k, v)


def _evidence(doc: str, span: Span) -> dict[str, Any]:
    return {"doc": doc, "page": span.page, "start": span.start, "end": span.end, "text": span.text[:300]}


def build_graph(store: Store) -> nx.MultiDiGraph:
    """The whole store as one graph.

    >>> from pipeline.store import Store
    >>> G = build_graph(Store(":memory:"))
    >>> G.number_of_nodes(), G.is_multigraph()
    (0, True)
    """
    G = nx.MultiDiGraph()
    nodes: dict[int, str] = {}
    for row in store.documents():
        nodes[row.id] = row.node
        _add_document(G, row)
    builder = _Builder(G)
    for document, fact in store.facts():
        builder.add(nodes[document], fact)
    builder.finish()
    for z in store.zaken():
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
    for _, attrs in G.nodes(data=True):
        if attrs.get("motion"):
            _settle_status(attrs)
    return G


FINAL = ("aangenomen", "verworpen")


def _settle_status(attrs: dict[str, Any]) -> None:
    """A motion's status from its sources: open data wins; else an announced vote, else a text. Where
    an announced vote (or a text) gives another final outcome than open data, ``status_conflict``
    lists what each says, so the disagreement shows.

    >>> a = {"status_official": "aangenomen", "status_text": "verworpen", "status_sources": [
    ...     {"source": "vote", "status": "verworpen"}, {"source": "open data", "status": "aangenomen"}]}
    >>> _settle_status(a); a["status"], [c["source"] for c in a["status_conflict"]]
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


def _add_document(G: nx.MultiDiGraph, row: DocumentRow) -> None:
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

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.anonymous = 0
        self.commitments_by_doc: dict[str, list[str]] = {}
        self.acting: list[tuple[str, str, str, dict[str, Any]]] = []  # fulfils/postpones edges
        self.described: list[tuple[str, FollowUp]] = []  # follow-ups naming their motion only in words

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
        else:
            self.anonymous += 1
            node = f"motion:{doc}#{self.anonymous}"
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
            if f.target_text:
                self.described.append((doc, f))  # described, not named: linked in finish()
            return
        self._act(doc, f, f.target, f.confidence if f.confidence is not None else CONFIDENCE["follow_up"])

    def _act(self, doc: str, f: FollowUp, target: str, confidence: float, **how: Any) -> None:
        _ensure(self.G, target, type="document")
        data = {"relation": f.relation, "evidence": _evidence(doc, f.span), "confidence": confidence, **how}
        self.G.add_edge(doc, target, key=f.relation, **data)
        if f.relation in ("fulfils", "postpones"):
            self.acting.append((doc, target, f.relation, data))

    def _link_described(self) -> None:
        """Follow-ups that describe a motion ("de motie van het lid Van Dijk over …") reach the motion
        the store holds, when one clearly fits (``link.py``)."""
        G = self.G
        motions = [
            link.Candidate(
                n,
                tuple(a.get("submitters") or ()),
                " ".join(str(a.get(k) or "") for k in ("onderwerp", "title", "dictum")),
                a.get("date"),
            )
            for n, a in G.nodes(data=True)
            if a.get("type") == "motion" and not a.get("anonymous")
        ]
        for doc, f in self.described:
            described = link.describe(f.target_text)
            found = link.resolve(described, motions, G.nodes[doc].get("date")) if described else None
            if found:
                self._act(doc, f, found[0], found[1], resolved_by="store")

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
        self._link_described()
        for u, v, k, data in self.acting:
            # a toezegging registered under R is also fulfilled by a document that fulfils R
            if f"commitment:{v}" in self.G and not self.G.has_edge(u, f"commitment:{v}", k):
                self.G.add_edge(u, f"commitment:{v}", key=k, **data)
            if k == "postpones":
                # the postponing letter's own promises are the new deadline
                for c in self.commitments_by_doc.get(u, []):
                    self.G.nodes[c]["postpones"] = v

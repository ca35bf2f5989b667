"""Stage 2, analyse: the Dutch NLP stages over a Document; each adds facts with spans.

Order: the spaCy pipeline (sentences, references) → short forms → sectors →
motions → commitments → follow-ups → topics. Facts found in a footnote are
tied to the body sentence that carries the footnote's marker.
"""

from __future__ import annotations

from ..schema import Commitment, Deadline, Document, FollowUp, Motion, Reference, SectorMention
from . import commitments as commitments_mod
from . import follow_ups as follow_ups_mod
from . import motions as motions_mod
from .deadlines import document_date
from .language import run as run_nlp
from .references import Found, resolve_short_forms
from .sectors import find_sectors
from .sentences import sentence_at


def analyse_document(doc: Document) -> Document:
    """References, sectors, motions, commitments, follow-ups and topics of a document."""
    text = doc.text
    sdoc = run_nlp(text)
    bounds: list[tuple[int, int]] = sdoc.user_data["kamer_sentences"]
    found: list[Found] = list(sdoc.user_data["kamer_references"])
    notes = {f.number: (f.start, f.end) for f in doc.footnotes}
    found += resolve_short_forms(text, found, notes)
    doc.references = [
        _reference(doc, f, bounds) for f in sorted(found, key=lambda f: f.start) if not _own(doc, f)
    ]
    sectors = find_sectors(text)
    doc.sectors = [SectorMention(s.id, doc.span(s.start, s.end)) for s in sectors]
    doc.motions = _motions(doc, bounds)
    ref_date = document_date(text, doc.meta.date)
    kst = [(r.id, r.span.start, r.span.end) for r in doc.references if r.kind == "kamerstuk"]
    found_c = commitments_mod.find_commitments(
        text,
        bounds,
        ref_date,
        authors=[(a.name, a.role) for a in doc.meta.authors if a.role != "indiener"],
        sectors=[(s.start, text[s.start : s.end].lower()) for s in sectors],
        refs=kst,
    )
    doc.commitments = [
        Commitment(
            kind=c.kind,
            actor=c.actor,
            action=c.action,
            deadline=Deadline(c.deadline.text, c.deadline.by) if c.deadline else None,
            span=doc.span(c.start, c.end),
            ref=c.ref,
        )
        for c in found_c
    ]
    doc.follow_ups = _follow_ups(doc, bounds)
    if not doc.meta.topics:
        from .topics import predict_topics

        doc.meta.topics = predict_topics(text, doc=sdoc)
    return doc


def _body_sentence(doc: Document, bounds: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The body sentence an offset belongs to; for a footnote, the one carrying its marker."""
    seg = doc.locate(offset)
    if seg is not None and seg.role == "footnote":
        note = next((n for n in doc.footnotes if n.start <= offset < n.end), None)
        if note is None or note.marker is None:
            return None
        return sentence_at(bounds, max(0, note.marker - 1))
    return sentence_at(bounds, offset)


def _reference(doc: Document, f: Found, bounds: list[tuple[int, int]]) -> Reference:
    span = doc.span(f.start, f.end)
    return Reference(
        kind=f.kind,
        id=f.id,
        span=span,
        sentence=_body_sentence(doc, bounds, f.start),
        resolved_from=f.resolved_from,
    )


def _own(doc: Document, f: Found) -> bool:
    """The document's own number, or its own dossier printed in its head, is no citation."""
    ks = doc.meta.kamerstuk
    if ks is None:
        return False
    if f.id == ks.id:
        return True
    own_dossier = "dossier-" + "-".join([ks.dossier] + ([ks.toevoeging] if ks.toevoeging else []))
    return f.kind == "dossier" and f.id == own_dossier and f.start < 600


def _motions(doc: Document, bounds: list[tuple[int, int]]) -> list[Motion]:
    text = doc.text
    out: list[Motion] = []
    if doc.meta.kind in ("motie", "gewijzigde_motie"):
        cl = motions_mod.clauses(text)
        ks = doc.meta.kamerstuk
        dossier = "-".join([ks.dossier] + ([ks.toevoeging] if ks.toevoeging else [])) if ks else None
        first = min([s for s, _ in cl.considerations + cl.requests], default=0)
        last = max([e for _, e in cl.considerations + cl.requests], default=len(text))
        out.append(
            Motion(
                id=doc.doc_id,
                submitters=[a.name for a in doc.meta.authors],
                date=doc.meta.date,
                span=doc.span(first, last),
                requests=[text[s:e] for s, e in cl.requests],
                considerations=[text[s:e] for s, e in cl.considerations],
                replaces=motions_mod.replaces(doc.meta.title, text, dossier),
                mentioned=False,
            )
        )
    kst = [(r.id, r.span.start, r.span.end) for r in doc.references if r.kind == "kamerstuk"]
    mentions = motions_mod.find_mentions(text, lambda o: sentence_at(bounds, o), kst)
    for m in mentions:
        if m.id is None:
            m.id = _id_from_footnote(doc, bounds, m)
    merged: list[motions_mod.Mention] = []
    for m in mentions:
        same = next((x for x in merged if _same_motion(x, m)), None)
        if same is None:
            merged.append(m)
            continue
        same.id = same.id or m.id
        same.date = same.date or m.date
        same.status = same.status or m.status
    own = out[0].id if out else None
    for m in merged:
        if m.id and m.id == own:
            continue
        out.append(
            Motion(
                id=m.id,
                submitters=m.submitters,
                date=m.date,
                span=doc.span(m.start, m.end),
                status=m.status,
                mentioned=True,
            )
        )
    return out


def _same_motion(a: motions_mod.Mention, b: motions_mod.Mention) -> bool:
    if a.id and b.id:
        return a.id == b.id
    if {n.lower() for n in a.submitters} != {n.lower() for n in b.submitters}:
        return False
    return not (a.date and b.date and a.date != b.date)


def _id_from_footnote(doc: Document, bounds: list[tuple[int, int]], m: motions_mod.Mention) -> str | None:
    """A mention's id from a footnote on its sentence that is itself about a motion."""
    sentence = sentence_at(bounds, m.start)
    for note in doc.footnotes:
        if note.marker is None or sentence is None or not (sentence[0] <= note.marker <= sentence[1] + 1):
            continue
        note_text = doc.text[note.start : note.end]
        if "otie" not in note_text:
            continue
        ids = {
            r.id for r in doc.references if r.kind == "kamerstuk" and note.start <= r.span.start < note.end
        }
        if len(ids) == 1:
            return ids.pop()
    return None


def _follow_ups(doc: Document, bounds: list[tuple[int, int]]) -> list[FollowUp]:
    targets: list[follow_ups_mod.Target] = []
    for mo in doc.motions:
        if mo.mentioned and mo.id:
            sent = _body_sentence(doc, bounds, mo.span.start)
            if sent:
                targets.append(follow_ups_mod.Target(mo.id, "motie", sent))
    for c in doc.commitments:
        if c.kind == "toezegging" and c.ref:
            sent = _body_sentence(doc, bounds, c.span.start)
            if sent:
                targets.append(follow_ups_mod.Target(c.ref, "toezegging", sent))
    answers = [
        (r.id, r.span.start) for r in doc.references if r.kind in ("zaak", "aanhangsel", "kamervragen")
    ]
    found = follow_ups_mod.find_follow_ups(doc.text, bounds, targets, answers)
    if doc.meta.kind in ("motie", "gewijzigde_motie"):
        found = []  # a motion carries out nothing itself: its 'ter uitvoering van' describes others
    out = [FollowUp(f.relation, f.target, doc.span(f.start, f.end)) for f in found]
    own = next((m for m in doc.motions if not m.mentioned), None)
    if own is not None and own.replaces:
        out.append(FollowUp("replaces", own.replaces, own.span))
    return out

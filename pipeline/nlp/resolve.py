"""The one resolution stage: everything that needs more than one sentence, after all chunks.

In the spirit of eyecite's ``resolve_citations``: the stages found facts
sentence by sentence; here they are tied together —

* short forms of references: ``(idem, nr. 12)``, ``zie noot 3``, ``deze
  motie``; the paper's own number and its own dossier in its header dropped;
  a reference in a footnote tied to the body sentence that carries the note;
* motions: the id of a mention from a footnote on its sentence that is about
  a motion; mentions of one motion merged; the document's own motion first;
* actors: ``ik``/``wij`` are the signing bewindspersoon (or, in a debate, the
  one whose turn it is), ``die sector`` the sector named just before; a goal
  or forecast restated later is the same one;
* follow-ups: their targets — the motions and toezeggingen their sentence
  names (or the footnotes on it, or ``deze motie`` the sentences before);
  the questions an answer answers.

Anything that cannot be resolved stays unresolved: never a guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..schema import (
    Appraisal,
    Author,
    Commitment,
    Document,
    Fact,
    FollowUp,
    KamerstukId,
    Motion,
    Reference,
    SectorMention,
)
from . import follow_ups, meta, references, spoken, votes
from . import motions as motions_mod
from .sentences import sentences as split_sentences
from .stages import Found, Sentence, Structure

SP = "[ \u00a0]"
_IDEM = re.compile(rf"\((?:idem|ibidem|ibid\.|aldaar){SP}*,{SP}*nrs?\.{SP}*(\d{{1,4}})\)", re.I)
_NOTE_REF = re.compile(rf"\b(?:zie|zoals\s+vermeld\s+in){SP}+(?:voet)?noot{SP}+(\d{{1,3}})\b", re.I)
_ANAPHOR = re.compile(
    r"\b(?:deze|die|genoemde|voornoemde?|bovengenoemde?|laatstgenoemde?|desbetreffende)\s+"
    r"(motie|brief|Kamerbrief|Kamerstuk|toezegging|wetsvoorstel|nota|rapportage)\b",
    re.I,
)
# 'deze toezegging en moties' names both kinds
# a number in the paper's own dossier: "(stuk nr. 11)", "gedrukt onder nr. 9"; "stuk nr. 12 930" is a dossier
_OWN_DOSSIER = re.compile(
    r"\b(?:[Ss]tuk(?:ken)?|gedrukt\s+onder)\s+(?:nrs?\.|nummer)\s*(\d{1,4})\b(?!\s*\(|\s\d{3}\b)"
)
_SECTOR_ANAPHOR = re.compile(r"\b(?:die|deze|dezelfde|de\s+betreffende)\s+(sector|branche)\b", re.I)
_ABOUT_A_MOTION = re.compile(r"\bmoties?\b", re.I)
ANAPHOR_WINDOW = 400  # characters back to the Kamerstuk 'deze motie' points at
ANAPHOR_SENTENCES = 3  # sentences back to the motions 'deze moties' points at
ANSWERABLE = ("zaak", "aanhangsel", "kamervragen")


@dataclass(frozen=True)
class Sentences:
    """The document's sentences, searchable by offset."""

    items: tuple[Sentence, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s.start for s in self.items])

    def index(self, offset: int) -> int | None:
        """The sentence holding ``offset`` (or the one ending right before it)."""
        k = bisect.bisect_right(self._starts, offset) - 1  # type: ignore[attr-defined]
        return k if k >= 0 else None

    def at(self, offset: int) -> tuple[int, int] | None:
        k = self.index(offset)
        return (self.items[k].start, self.items[k].end) if k is not None else None


def resolve(doc: Document, structure: Structure, sentences: Sequence[Sentence], found: Found) -> list[Fact]:
    """The document's facts, resolved: references, motions, commitments, follow-ups, sectors."""
    sents = Sentences(tuple(sentences))
    references = _references(doc, structure, sents, found.references)
    motions = _appraisals(doc, structure, _motions(doc, structure, sents, found.motions, references))
    motions = _outcomes(doc, structure, motions)
    commitments = _commitments(structure, found.commitments, found.sectors)
    if structure.meta.kind in ("handelingen", "verslag"):  # the chair's list of toezeggingen
        listed = spoken.chair_list(doc, structure.turns, structure.reference_date)
        taken = [(c.span.start, c.span.end) for c in listed]
        commitments = [
            c for c in commitments if not any(s < c.span.end and c.span.start < e for s, e in taken)
        ] + listed
    follow_ups = _follow_ups(doc, structure, sents, found.follow_ups, motions, commitments, references)
    return [*references, *motions, *commitments, *follow_ups, *found.sectors]


# ---------------------------------------------------------------- references


def body_sentence(doc: Document, sents: Sentences, offset: int) -> tuple[int, int] | None:
    """The body sentence an offset belongs to; for a footnote, the one carrying its marker."""
    seg = doc.locate(offset)
    if seg is not None and seg.role == "footnote":
        note = next((n for n in doc.footnotes if n.start <= offset < n.end), None)
        if note is None or note.marker is None:
            return None
        return sents.at(max(0, note.marker - 1))
    return sents.at(offset)


def _references(
    doc: Document, structure: Structure, sents: Sentences, found: list[Reference]
) -> list[Reference]:
    text = doc.text
    session = (structure.meta.vergaderjaar or "").replace("-", "")
    out = [  # "Aanhangsel Handelingen, nr. 1036": an answer of the citing paper's own session
        replace(r, id=r.id.replace(references.SESSION, session)) if references.SESSION in r.id else r
        for r in found
        if references.SESSION not in r.id or re.fullmatch(r"\d{8}", session)
    ]
    kst = sorted((r for r in found if r.kind == "kamerstuk"), key=lambda r: r.span.start)
    for mt in _IDEM.finditer(text):
        prev = [r for r in kst if r.span.end <= mt.start()]
        base = re.match(r"kst-(.+)-\d+$", prev[-1].id) if prev else None
        if base:
            kid = f"kst-{base.group(1)}-{int(mt.group(1))}"
            out.append(Reference("kamerstuk", kid, doc.span(mt.start(), mt.end()), resolved_from="idem"))
    notes = {n.number: (n.start, n.end) for n in doc.footnotes}
    for mt in _NOTE_REF.finditer(text):
        span = notes.get(mt.group(1))
        if span is None:
            continue
        inside = {(r.kind, r.id) for r in found if span[0] <= r.span.start < span[1] and r.kind != "url"}
        if len(inside) == 1:
            kind, kid = inside.pop()
            out.append(Reference(kind, kid, doc.span(mt.start(), mt.end()), resolved_from="zie_noot"))
    for mt in _ANAPHOR.finditer(text):
        ids = {r.id for r in kst if mt.start() - ANAPHOR_WINDOW <= r.span.end <= mt.start()}
        if len(ids) == 1:
            out.append(
                Reference("kamerstuk", ids.pop(), doc.span(mt.start(), mt.end()), resolved_from="anaphor")
            )
    own = structure.meta.kamerstuk
    if own is not None and own.ondernummer:
        cited = {(r.span.start, r.span.end) for r in found}
        for mt in _OWN_DOSSIER.finditer(text):
            if not any(s <= mt.start(1) < e for s, e in cited):
                kid = KamerstukId(own.dossier, own.toevoeging, str(int(mt.group(1)))).id
                out.append(
                    Reference("kamerstuk", kid, doc.span(mt.start(), mt.end()), resolved_from="own_dossier")
                )
    printed = [(m.start(), m.end()) for m in meta.printed_footers(text)]
    kept = []
    for r in sorted(out, key=lambda r: (r.span.start, r.span.end)):
        if own is not None and r.id == own.id:
            continue  # the paper's own number is no citation
        if structure.role_at(r.span.start) == "header" or any(s <= r.span.start < e for s, e in printed):
            continue  # the paper's head and page footers name the paper itself
        kept.append(replace(r, sentence=body_sentence(doc, sents, r.span.start)))
    return kept


# ---------------------------------------------------------------- motions


def _motions(
    doc: Document, structure: Structure, sents: Sentences, found: list[Motion], refs: list[Reference]
) -> list[Motion]:
    mentions = [m if m.id else replace(m, id=_id_from_footnote(doc, sents, m, refs)) for m in found]
    merged: list[Motion] = []
    for mo in mentions:
        k = next((i for i, x in enumerate(merged) if _same_motion(x, mo)), None)
        if k is None:
            merged.append(mo)
            continue
        same = merged[k]
        merged[k] = replace(
            same, id=same.id or mo.id, date=same.date or mo.date, status=same.status or mo.status
        )
    own = structure.own_motion
    out = [own] if own else []
    return out + [mo for mo in merged if not (own and mo.id and mo.id == own.id)]


def _appraisals(doc: Document, structure: Structure, motions: list[Motion]) -> list[Motion]:
    """In a debate, the government's appraisal of each motion: said in a bewindspersoon's turn, an
    appraisal ("ontraad ik", "oordeel Kamer") is about the motions that turn named since the last one
    ("de motie op stuk nr. 1141"); the last word on a motion counts."""
    if not structure.turns or not motions:
        return motions
    words = motions_mod.motion_words()
    numbers, values = words["motion_numbers_re"], words["appraisals_re"]
    by_number = {m.id.rsplit("-", 1)[1]: m.id for m in motions if m.id and m.id.startswith("kst-")}
    said: dict[str, Appraisal] = {}
    # named since the last appraisal, by the chair ("Dan de motie op stuk nr. 1139") or the minister
    pending: list[str] = []
    last: list[str] = []
    for turn in structure.turns:
        government, chair = turn.is_government, turn.function == "voorzitter"
        if not (government or chair):
            continue
        text = doc.text[turn.start : turn.end]
        for s, e in split_sentences(text):
            sentence = text[s:e]
            for m in numbers.finditer(sentence):
                pending += [n for n in re.findall(r"\d{1,5}", m.group("nrs")) if n in by_number]
            value = next((v for v, rx in values if rx.search(sentence)), None) if government else None
            if value is None or sentence.rstrip().endswith("?"):
                continue
            about = pending or (last if re.search(r"\b(?:beide|alle\s+\w+|allebei)\b", sentence) else [])
            span = doc.span(turn.start + s, turn.start + e)
            for n in about:
                said[by_number[n]] = Appraisal(
                    value, span, turn.function and f"{turn.function} {turn.speaker}"
                )
            if about:
                last, pending = about, []
    return [replace(m, appraisal=said.get(m.id or "", m.appraisal)) for m in motions]


def _outcomes(doc: Document, structure: Structure, motions: list[Motion]) -> list[Motion]:
    """In a sitting's stemmingen, the outcome the chair announces for each motion put to the vote: its
    status, with the announcing sentence as evidence; it wins over what a mention of the motion says.
    A motion voted on that no sentence of the text otherwise names becomes a mention of its own."""
    if structure.meta.kind != "handelingen":
        return motions
    announced = votes.announced_outcomes(doc.text)
    if not announced:
        return motions
    last = {o.id: o for o in announced}  # the last word on a motion counts (held, then voted)
    out = []
    for m in motions:
        o = last.pop(m.id, None) if m.id else None
        out.append(m if o is None else replace(m, status=o.status, status_evidence=doc.span(o.start, o.end)))
    for o in last.values():
        ev = doc.span(o.start, o.end)
        out.append(Motion(o.id, o.names, None, ev, status=o.status, status_evidence=ev, mentioned=True))
    return out


def _same_motion(a: Motion, b: Motion) -> bool:
    if a.id and b.id:
        return a.id == b.id
    if {n.lower() for n in a.submitters} != {n.lower() for n in b.submitters}:
        return False
    return not (a.date and b.date and a.date != b.date)


def _id_from_footnote(doc: Document, sents: Sentences, mo: Motion, refs: list[Reference]) -> str | None:
    """A mention's id from a footnote on its sentence that is itself about a motion (one Kamerstuk in it)."""
    sentence = sents.at(mo.span.start)
    if sentence is None:
        return None
    for note in doc.footnotes:
        if note.marker is None or not (sentence[0] <= note.marker <= sentence[1] + 1):
            continue
        if not _ABOUT_A_MOTION.search(doc.text[note.start : note.end]):
            continue
        ids = {r.id for r in refs if r.kind == "kamerstuk" and note.start <= r.span.start < note.end}
        if len(ids) == 1:
            return ids.pop()
    return None


# ---------------------------------------------------------------- commitments


def _commitments(
    structure: Structure, found: list[Commitment], sectors: list[SectorMention]
) -> list[Commitment]:
    signers = [a for a in structure.meta.authors if a.role != "indiener"]
    if not signers:  # unsigned as the file has it (a first page): the senders its head names
        signers = [Author(role.split(" ")[-1], role) for role in structure.meta.senders]
    out: list[Commitment] = []
    seen: set[tuple[str, str]] = set()
    asked = [(q.question.start, q.question.end) for q in structure.questions]
    for c in found:
        if any(s <= c.span.start < e for s, e in asked):
            continue  # a member's question promises nothing, whatever its words
        in_debate = bool(structure.turns)
        if in_debate and (not _governments_turn(structure, c.span.start) or spoken.blocked(c.span.text)):
            continue  # in a debate only the government's own turns promise anything
        by = c.deadline.by if c.deadline else None
        if by and c.kind != "toezegging":
            if (c.kind, by) in seen:
                continue  # a goal or forecast restated later in the letter is the same one
            seen.add((c.kind, by))
        out.append(replace(c, actor=_actor(c, structure, signers, sectors)))
    return out


def _answering(structure: Structure, offset: int) -> list[Author]:
    """Who answers at ``offset`` on an Aanhangsel: the answerer(s) of the last heading before it (all names of
    a joint heading: "ANTWOORD van de heeren Ort, Rambonnet en Bosboom"); none before the first heading."""
    before = [(at, a) for at, a in structure.answered_by if at < offset]
    return [a for at, a in before if at == before[-1][0]] if before else []


def _governments_turn(structure: Structure, offset: int) -> bool:
    turn = next((t for t in structure.turns if t.start <= offset < t.end), None)
    return turn is not None and turn.is_government


def _actor(
    c: Commitment, structure: Structure, signers: list[Author], sectors: list[SectorMention]
) -> str | None:
    actor = c.actor
    if actor is None:
        return None
    low = actor.lower().strip()
    # in a debate 'de minister' or 'deze minister' is the one whose turn it is
    spoken_as = bool(structure.turns) and bool(
        re.fullmatch(r"(?:de|deze)(?:\s+(?:minister|staatssecretaris|bewindspersoon))?", low)
    )
    if low in ("ik", "wij", "we") or spoken_as:
        turn = next((t for t in structure.turns if t.start <= c.span.start < t.end), None)
        if turn is not None and turn.is_government:
            bare = (turn.function or "").lower() in ("minister", "staatssecretaris", "minister-president")
            return f"{turn.function} {turn.speaker}" if bare else turn.function or turn.speaker
        signers = _answering(structure, c.span.start) or signers
        if low == "ik" and signers:
            return signers[0].role or signers[0].name
        if low in ("wij", "we") and signers:  # the signers together, as the annotation rules have it
            return " en ".join(a.role or a.name for a in signers)
        return "kabinet" if low in ("wij", "we") else actor
    m = _SECTOR_ANAPHOR.search(actor)
    if m:
        before = [s.span.text.lower() for s in sectors if s.span.start < c.span.start]
        if before:
            actor = actor[: m.start()] + "de " + before[-1] + actor[m.end() :]
            actor = actor.strip()
            actor = re.sub(r"^(?:de|het)\s+", "", actor, flags=re.I)
            actor = actor[:1].upper() + actor[1:]
    return actor


# ---------------------------------------------------------------- follow-ups


def _follow_ups(
    doc: Document,
    structure: Structure,
    sents: Sentences,
    found: list[FollowUp],
    motions: list[Motion],
    commitments: list[Commitment],
    refs: list[Reference],
) -> list[FollowUp]:
    own = structure.own_motion
    out: list[FollowUp] = []
    if own is None:  # a motion carries out nothing itself: its 'ter uitvoering van' describes others
        targets: list[tuple[str, str, tuple[int, int]]] = []  # (id, what, body sentence)
        for mo in motions:
            if mo.mentioned and mo.id and (sent := body_sentence(doc, sents, mo.span.start)):
                targets.append((mo.id, "motie", sent))
        for c in commitments:
            if c.kind == "toezegging" and c.ref and (sent := body_sentence(doc, sents, c.span.start)):
                targets.append((c.ref, "toezegging", sent))
        # a register number named with the promise it recalls ("… heb ik toegezegd … (TZ202504-057)"), for the
        # sentence that then carries it out ("Met deze brief doe ik die toezegging gestand")
        for r in refs:
            if r.kind == "toezegging" and (sent := body_sentence(doc, sents, r.span.start)):
                targets.append((r.id, "toezegging", sent))
        answerable = [(r.id, r.span.start) for r in refs if r.kind in ANSWERABLE]
        cited = [  # papers a promise can be made or a request put in: stukken, Aanhangsels, Handelingen
            (r.id, r.span.start)
            for r in refs
            if r.kind in ("kamerstuk", "aanhangsel", "handelingen") and r.id != structure.doc_id
        ]
        seen: set[tuple[str, str | None, int]] = set()
        for f in found:
            if structure.turns and not _governments_turn(structure, f.span.start):
                continue  # in a debate a member's "in antwoord op mijn vragen" is no follow-up of the paper
            s, e = f.span.start, f.span.end
            ids = _targets(doc.text, sents, f, (s, e), targets, answerable)
            if f.relation == "answers" and not any(s <= pos < e for _, pos in answerable):
                # "In antwoord op uw brief (20 646, nr. 95)": the paper the sentence names
                named = [tid for tid, pos in cited if s <= pos < e]
                ids = named[:1] or ids
            if not ids and f.relation in ("fulfils", "postpones"):
                # "Deze notitie vormt het vervolg op onze brief … (21 137, nr. 269)": the paper it names
                ids = list(dict.fromkeys(tid for tid, pos in cited if s <= pos < e))[:1]
            for tid in ids or [None]:  # type: ignore[list-item]
                if (f.relation, tid, s) in seen and tid is not None:
                    continue
                seen.add((f.relation, tid, s))
                out.append(replace(f, target=tid, resolved_by="text" if tid else None))
    if own is not None and own.replaces:
        out.append(FollowUp("replaces", own.replaces, own.span, resolved_by="text"))
    return out


def _targets(
    text: str,
    sents: Sentences,
    f: FollowUp,
    sentence: tuple[int, int],
    targets: list[tuple[str, str, tuple[int, int]]],
    answerable: list[tuple[str, int]],
) -> list[str]:
    s, e = sentence
    if f.relation == "answers":
        here = [tid for tid, pos in answerable if s <= pos < e]
        return here or [tid for tid, _ in answerable][:1]
    ids = [tid for tid, _, sent in targets if sent == sentence]
    ana = follow_ups.cues()["anaphor_re"].search(text, s, e)  # "deze toezegging", "genoemde motie"
    if ana:
        window = text[ana.start() : ana.end() + 30].lower()
        kinds = {kind for kind in ("toezegging", "motie") if kind in window}
        k = sents.index(s)
        previous = {(x.start, x.end) for x in sents.items[max(0, (k or 0) - ANAPHOR_SENTENCES) : k or 0]}
        ids += [tid for tid, what, sent in targets if sent in previous and what in kinds]
    return list(dict.fromkeys(ids))

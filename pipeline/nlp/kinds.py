"""Document kinds as a registry: how each kind of paper is recognised and how its structure is read.

Every kind (motion, letter, Handelingen, Aanhangsel, verslag, besluitenlijst,
…) is one ``KindReader`` entry: ``detect`` says whether a paper is of that
kind (the first entry that says yes wins), ``read`` reads what the paper says
about itself — metadata, the roles of its parts (header, signature, speaker
turns, questions and answers, quoted motions), its own motion. This is the
one place where the anatomy of a kind of paper lives; the analysis stages
downstream only see the ``Structure`` it returns.

>>> from pipeline.extract import from_text
>>> text = "MOTIE VAN HET LID KOEKKOEK\\n\\nVoorgesteld 21 december 2023\\n\\nDe Kamer,"
>>> read_structure(from_text(text)).meta.kind
'motie'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..schema import Author, Document, KamerstukId, Kind, Meta, Motion, Segment
from . import meta as m
from . import motions as motions_mod
from .deadlines import document_date
from .dutch import MONTH_RE, iso_date
from .stages import Structure


@dataclass(frozen=True)
class Evidence:
    """What kind detection looks at, computed once per document."""

    doc: Document
    head: str
    tail: str
    title: str | None

    @classmethod
    def of(cls, doc: Document) -> Evidence:
        text = doc.text
        title = doc.markup.title or m.motion_title(text)
        if title is None:
            am = m.AMENDMENT_TITLE.search(m.head(text, 2500))
            title = " ".join(am.group(1).split()) if am else None
        return cls(doc, m.head(text, 2500), text[-3000:], title)


@dataclass(frozen=True)
class KindReader:
    kind: Kind
    detect: Callable[[Evidence], bool]
    read: Callable[[Evidence, Kind], Structure]


# ---------------------------------------------------------------- readers


def _common_meta(ev: Evidence, kind: Kind) -> Meta:
    """Fields every printed paper states the same way: vergaderjaar, own number, date, markup."""
    doc, text = ev.doc, ev.doc.text
    mk = doc.markup
    vj = m.VERGADERJAAR.search(ev.head) or next(
        (x for r in doc.running if (x := m.VERGADERJAAR.search(r))), None
    )
    vergaderjaar = None
    if vj:
        end = vj.group(2)
        vergaderjaar = f"{vj.group(1)}-{end if len(end) == 4 else vj.group(1)[:2] + end}"
    kamerstuk = m.kamerstuk_of(text, list(doc.running))
    if mk.dossier:  # the markup's own number wins over what the text rules read
        if mk.ondernummer:
            kamerstuk = KamerstukId(mk.dossier, mk.toevoeging, mk.ondernummer)
        elif kamerstuk is None:
            kamerstuk = KamerstukId(mk.dossier, mk.toevoeging, None)
    date = None
    proposed = m.PROPOSED.search(m.head(text, 3000))
    if proposed:
        date = iso_date(proposed.group(1))
    else:
        dm = re.search(
            rf"(?:\bDatum\b|\bDen\s+Haag,)\s*(\d{{1,2}}\s+(?:{MONTH_RE})\.?\s+\d{{4}})", m.head(text), re.I
        )
        if dm:
            date = iso_date(dm.group(1))
    return Meta(
        kind=kind,
        title=ev.title,
        date=mk.date or date,
        vergaderjaar=mk.vergaderjaar or vergaderjaar,
        kamerstuk=kamerstuk,
        dossier_title=mk.dossier_title,
        topics=(mk.category,) if mk.category else (),
    )


def _header_end(text: str) -> int:
    """Where the printed head of a Kamerstuk ends: after its ``Nr. N`` line (0 when there is none)."""
    top = m.head(text, 1200)
    d = m.HEAD_DOSSIER.search(top)
    n = m.HEAD_NR.search(top, d.end() if d else 0)
    if not (d and n):
        return 0
    nl = text.find("\n", n.end())
    return n.end() if nl < 0 else nl


def _with_header(segments: tuple[Segment, ...], end: int) -> tuple[Segment, ...]:
    """Segments with ``[0, end)`` of the body marked as the paper's header."""
    if end <= 0:
        return segments
    out: list[Segment] = []
    for seg in segments:
        if seg.role != "body" or seg.start >= end:
            out.append(seg)
        elif seg.end <= end:
            out.append(replace(seg, role="header"))
        else:
            out += [replace(seg, end=end, role="header"), replace(seg, start=end)]
    return tuple(out)


def _structure(ev: Evidence, meta: Meta, own_motion: Motion | None = None) -> Structure:
    doc = ev.doc
    ks = meta.kamerstuk
    doc_id = ks.id if ks and ks.ondernummer else None
    ref = document_date(doc.text, meta.date)
    return Structure(
        doc_id=doc_id,
        meta=meta,
        segments=_with_header(doc.segments, _header_end(doc.text)),
        reference_date=ref,
        own_motion=own_motion,
    )


def read_motion(ev: Evidence, kind: Kind) -> Structure:
    """A motion: indieners from the signatures (or the title), its clauses, what it replaces."""
    text = ev.doc.text
    meta = _common_meta(ev, kind)
    names = [m.snap_name(n) for n in m.motion_signers(text)]
    names = names or (m.title_submitters(ev.title) if ev.title else [])
    meta = replace(
        meta,
        authors=tuple(Author(n, "indiener") for n in names),
        dossier_title=meta.dossier_title or m.dossier_title(text),
    )
    structure = _structure(ev, meta)
    cl = motions_mod.clauses(text)
    ks = meta.kamerstuk
    first = min([s for s, _ in cl.considerations + cl.requests], default=0)
    last = max([e for _, e in cl.considerations + cl.requests], default=len(text))
    own = Motion(
        id=structure.doc_id,
        submitters=tuple(names),
        date=meta.date,
        span=ev.doc.span(first, last),
        requests=tuple(text[s:e] for s, e in cl.requests),
        considerations=tuple(text[s:e] for s, e in cl.considerations),
        replaces=motions_mod.replaces(ev.title, text, ks.dossier_id.removeprefix("dossier-") if ks else None),
        mentioned=False,
    )
    return replace(structure, own_motion=own)


def read_signed(ev: Evidence, kind: Kind) -> Structure:
    """A paper signed by bewindspersonen (letters, answers): the signers with their function."""
    meta = replace(_common_meta(ev, kind), authors=tuple(m.letter_signers(ev.doc.text)))
    return _structure(ev, meta)


def read_plain(ev: Evidence, kind: Kind) -> Structure:
    return _structure(ev, _common_meta(ev, kind))


# ---------------------------------------------------------------- detection


def _is_motion(ev: Evidence) -> bool:
    return bool(ev.title and re.search(r"\bMOTIE\b", ev.title) and not re.search(r"\bGEWIJZ", ev.title))


def _is_changed_motion(ev: Evidence) -> bool:
    return bool(ev.title and re.search(r"\bMOTIE\b", ev.title) and re.search(r"\bGEWIJZ", ev.title))


def _is_amendment(ev: Evidence) -> bool:
    return bool(m.AMENDMENT_TITLE.search(ev.head))


def _is_besluitenlijst(ev: Evidence) -> bool:
    return bool(re.search(r"\bBesluitenlijst\b", ev.head, re.I) and re.search(r"\bAgendapunt\b", ev.doc.text))


def _is_answer(ev: Evidence) -> bool:
    return bool(
        re.search(r"\bAntwoord(?:en)?\s+van\s+(?:de\s+)?(?:minister|staatssecretaris)", ev.head, re.I)
    )


def _is_questions(ev: Evidence) -> bool:
    return bool(re.search(r"\bVragen\s+van\s+(?:het\s+lid|de\s+leden)\b", ev.head, re.I))


def _is_handelingen(ev: Evidence) -> bool:
    return bool(re.search(r"\bHandelingen\b", ev.head) and re.search(r"\bVoorzitter:", ev.doc.text))


def _is_verslag(ev: Evidence) -> bool:
    return bool(re.search(r"\b(?:VERSLAG|Verslag\s+van\s+een)\b", ev.head))


def _is_letter(ev: Evidence) -> bool:
    return bool(m.SIGNER_FUNCTION.search(ev.tail) or re.search(r"\bGeachte\s+[Vv]oorzitter\b", ev.head))


REGISTRY: tuple[KindReader, ...] = (
    KindReader("motie", _is_motion, read_motion),
    KindReader("gewijzigde_motie", _is_changed_motion, read_motion),
    KindReader("amendement", _is_amendment, read_plain),
    KindReader("besluitenlijst", _is_besluitenlijst, read_plain),
    KindReader("antwoord", _is_answer, read_signed),
    KindReader("kamervragen", _is_questions, read_plain),
    KindReader("handelingen", _is_handelingen, read_plain),
    KindReader("verslag", _is_verslag, read_plain),
    KindReader("brief", _is_letter, read_signed),
    KindReader("other", lambda ev: True, read_signed),
)


def read_structure(doc: Document) -> Structure:
    """What ``doc`` says about itself: its kind's reader over its text and markup."""
    ev = Evidence.of(doc)
    reader = next(r for r in REGISTRY if r.detect(ev))
    return reader.read(ev, reader.kind)

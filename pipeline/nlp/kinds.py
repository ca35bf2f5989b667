"""Document kinds as a registry: how each kind of paper is recognised and how its structure is read.

Every kind (motion, letter, Aanhangsel, verslag, Handelingen, besluitenlijst,
…) is one ``KindReader`` entry: ``detect`` says whether a paper is of that
kind (the first entry that says yes wins), ``read`` reads what the paper says
about itself — metadata, the roles of its parts (header, signature), its own
motion. This is the one place where the anatomy of a kind of paper lives; the
analysis stages downstream only see the ``Structure`` it returns. The
printed pieces themselves (head, footer, place-and-date line, signatures,
answers) are read by ``meta.py``; the line that says what a paper is maps to
a kind by ``models/patterns/kinds.json``.

>>> from pipeline.extract import from_text
>>> text = "MOTIE VAN HET LID KOEKKOEK\\n\\nVoorgesteld 21 december 2023\\n\\nDe Kamer,"
>>> read_structure(from_text(text)).meta.kind
'motie'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import cast

from ..schema import Author, Document, KamerstukId, Kind, Meta, Motion, Question, Segment, Span, Turn
from . import aanhangsel, rules
from . import meta as m
from . import motions as motions_mod
from .deadlines import document_date
from .dutch import MONTH_RE, iso_date
from .stages import Structure


@lru_cache(maxsize=1)
def doctypes() -> tuple[tuple[Kind, re.Pattern[str]], ...]:
    data = rules.load("kinds.json")
    return tuple((cast(Kind, d["kind"]), re.compile(d["regex"])) for d in data["doctypes"])


def kind_of_doctype(line: str | None) -> Kind | None:
    """The kind the doctype line of a printed head names.

    >>> kind_of_doctype("BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN"), kind_of_doctype("LIJST VAN VRAGEN")
    ('brief', 'other')
    """
    if not line:
        return None
    return next((kind for kind, rx in doctypes() if rx.search(line)), None)


@dataclass(frozen=True)
class Evidence:
    """What kind detection looks at, computed once per document."""

    doc: Document
    head: m.Head
    top: str
    tail: str
    title: str | None

    @classmethod
    def of(cls, doc: Document) -> Evidence:
        text = doc.text
        title = doc.markup.title or m.motion_title(text)
        if title is None:
            am = m.AMENDMENT_TITLE.search(text[:2500])
            title = " ".join(am.group(1).split()) if am else None
        return cls(doc, m.read_head(text), text[:2500], text[-4000:], title)

    @property
    def doctype_kind(self) -> Kind | None:
        return kind_of_doctype(self.head.doctype)


@dataclass(frozen=True)
class KindReader:
    kind: Kind
    detect: Callable[[Evidence], bool]
    read: Callable[[Evidence, Kind], Structure]


# ---------------------------------------------------------------- readers


def _year(vergaderjaar: str | None, date: str | None) -> int | None:
    if date:
        return int(date[:4])
    return int(vergaderjaar[:4]) if vergaderjaar else None


def _common_meta(ev: Evidence, kind: Kind, date: str | None = None) -> Meta:
    """Fields every printed paper states the same way: vergaderjaar, own number, title; markup wins."""
    doc, mk = ev.doc, ev.doc.markup
    vergaderjaar = mk.vergaderjaar or ev.head.vergaderjaar
    if vergaderjaar is None:
        vj = m.VERGADERJAAR.search(ev.top) or next(
            (x for r in doc.running if (x := m.VERGADERJAAR.search(r))), None
        )
        if vj:
            end = vj.group(2)
            vergaderjaar = f"{vj.group(1)}-{end if len(end) == 4 else vj.group(1)[:2] + end}"
    date = mk.date or date
    kamerstuk = m.own_number(doc.text, doc.running, _year(vergaderjaar, date))
    if (kamerstuk is None or not kamerstuk.ondernummer) and ev.head.kamer == "ek":
        kamerstuk = eerste_kamer_letter(ev.top) or kamerstuk
    if mk.dossier:  # the markup's own number wins over what the text rules read
        if mk.ondernummer:
            kamerstuk = KamerstukId(mk.dossier, mk.toevoeging, mk.ondernummer)
        elif kamerstuk is None:
            kamerstuk = KamerstukId(mk.dossier, mk.toevoeging, None)
    return Meta(
        kind=kind,
        title=ev.title or ev.head.doctype,
        date=date,
        vergaderjaar=vergaderjaar,
        kamerstuk=kamerstuk,
        dossier_title=mk.dossier_title or ev.head.title,
        topics=(mk.category,) if mk.category else (),
        kamer=ev.head.kamer,
        subject=mk.prop("onderwerp") or _subject(doc.text),
        senders=tuple(m.doctype_senders(ev.head.doctype)),
    )


# an Eerste Kamer paper's head: the dossier ("35 300 VII", "23 908 (R1519)") on a line, then, on a line of its
# own or before the doctype, the letter the Eerste Kamer numbers its papers of that dossier with ("C", "AA",
# "Nr. C")
_EK_DOSSIER = re.compile(
    r"(?m)^[ \t]*(?P<dossier>\d{2}[ \u00a0]?\d{3})"
    r"(?:[ \t]+(?P<toev>[A-Z]{1,6}|\([A-Z]\s?\d{1,5}\)))?(?=[ \t]|$)"
)
_EK_LETTER = re.compile(
    r"(?m)^[ \t]*(?:[Nn][Rr]\.?[ \t]*)?(?P<letter>[A-Z]{1,3})(?:[ \t]*$|[ \t]+(?=[A-Z]{4,}\b))"
)


def eerste_kamer_letter(top: str) -> KamerstukId | None:
    """The own id of an Eerste Kamer paper numbered by letter: ``kst-35300-VII-C``.

    >>> eerste_kamer_letter("Eerste Kamer der Staten-Generaal\\nVergaderjaar 2019–2020\\n35 300 VII "
    ...     "Vaststelling van de begrotingsstaten\\nC BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN").id
    'kst-35300-VII-C'
    >>> eerste_kamer_letter("Eerste Kamer\\n34 349 Wet\\nNr. AA MOTIE VAN HET LID KOOPMANS").id
    'kst-34349-AA'
    """
    d = _EK_DOSSIER.search(top[:1500])
    if d is None:
        return None
    letter = _EK_LETTER.search(top, d.end(), d.end() + 1200)
    if letter is None:
        return None
    toev = re.sub(r"\s", "", d.group("toev")) if d.group("toev") else None
    return KamerstukId(re.sub(r"\D", "", d.group("dossier")), toev, letter.group("letter"))


def _subject(text: str) -> str | None:
    """A modern letter's ``Betreft`` / ``Onderwerp`` line."""
    b = re.search(r"(?:^|\n)\s*(?:Betreft|Onderwerp)\s*:?\s+([^\n]{3,200})", text[:3000])
    return " ".join(b.group(1).split()) if b else None


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


def _structure(
    ev: Evidence, meta: Meta, own_motion: Motion | None = None, doc_id: str | None = None
) -> Structure:
    doc = ev.doc
    ks = meta.kamerstuk
    doc_id = doc_id or (ks.id if ks and ks.ondernummer else None)
    return Structure(
        doc_id=doc_id,
        meta=meta,
        segments=_with_header(doc.segments, ev.head.end),
        reference_date=document_date(doc.text, meta.date),
        own_motion=own_motion,
    )


def _proposed_or_dated(text: str) -> str | None:
    proposed = m.PROPOSED.search(text[:3000])
    if proposed:
        return iso_date(proposed.group(1))
    dm = re.search(
        rf"(?:\bDatum\b|\bDen\s+Haag,)\s*(\d{{1,2}}\s+(?:{MONTH_RE})\.?\s+\d{{4}})", text[:1500], re.I
    )
    return iso_date(dm.group(1)) if dm else None


def read_motion(ev: Evidence, kind: Kind) -> Structure:
    """A motion: indieners from the signatures (or the title), its clauses, what it replaces."""
    text = ev.doc.text
    meta = _common_meta(ev, kind, _proposed_or_dated(text))
    names = [m.snap_name(n) for n in m.motion_signers(text)]
    names = names or (m.title_submitters(ev.title) if ev.title else [])
    meta = replace(meta, title=ev.title or meta.title, authors=tuple(Author(n, "indiener") for n in names))
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


def letterhead_date(doc: Document) -> str | None:
    """The date a ministry's letterhead prints under its 'Datum' label (in the text or the page's running
    parts), else the Word file's own date field: what is printed wins over what is stored."""
    printed = m.DATUM_FIELD.search(doc.text[:4000]) or m.DATUM_FIELD.search("\n".join(doc.running[:40]))
    if printed:
        return m.printed_date(printed)
    stored = doc.markup.prop("datum")
    return iso_date(stored) if stored else None


def read_letter(ev: Evidence, kind: Kind) -> Structure:
    """A letter: the place-and-date line under the head (or its letterhead's date), who signs it."""
    text = ev.doc.text
    start = ev.head.end
    date = m.letter_date(text, start) or letterhead_date(ev.doc)
    date = date or m.place_date(text, max(0, len(text) - 3000))
    meta = replace(_common_meta(ev, kind, date), authors=tuple(m.signers(text, start, date)))
    return _structure(ev, meta)


# an answer letter's labels, each on a line of its own: "Vraag 1", "Antwoord op vraag 1", "Antwoord 1"
_QA_LABEL = re.compile(
    r"(?m)^[ \t]*(?:(?P<q>Vraag)\s+(?P<qn>\d{1,3}[a-z]?)"
    r"|(?P<a>Antwoord)(?:\s+op\s+vraag)?\s+(?P<an>\d{1,3}[a-z]?)"
    r"(?:\s*(?:en|,|t/m|tot\s+en\s+met)\s*\d{1,3}[a-z]?)*)[ \t]*:?[ \t]*$",
    re.I,
)


def questions_and_answers(doc: Document) -> tuple[Question, ...]:
    """The numbered questions of an answer letter, each with the government's answer to it.

    One answer may cover several questions ("Antwoord op vraag 3 en 8")."""
    labels = list(_QA_LABEL.finditer(doc.text))
    asked: dict[str, Span] = {}
    answered: dict[str, Span] = {}
    for i, lab in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(doc.text)
        body_end = len(doc.text[:end].rstrip())
        body_start = lab.end() + (len(doc.text[lab.end() : end]) - len(doc.text[lab.end() : end].lstrip()))
        if body_start >= body_end:
            continue
        span = doc.span(body_start, body_end)
        if lab.group("q"):
            asked.setdefault(lab.group("qn").lower(), span)
        else:  # "Antwoord op vraag 3 en 8" answers both
            for n in re.findall(r"\d{1,3}[a-z]?", lab.group(0).lower()):
                answered.setdefault(n, span)
    return tuple(Question(n, q, answered.get(n)) for n, q in asked.items())


def read_answer(ev: Evidence, kind: Kind) -> Structure:
    """Kamervragen with answers (an Aanhangsel): who answers, and when the answer came in."""
    text = ev.doc.text
    date = m.received_date(text) if kind == "antwoord" else m.sent_in_date(text)
    authors = m.answerers(text, date) or m.signers(text, ev.head.end, date)
    if date is None and kind == "antwoord":  # a ministry's answer letter (Word), not an Aanhangsel: signed
        date = letterhead_date(ev.doc)
        authors = m.signers(text, ev.head.end, date) or authors
    sent = aanhangsel.sent_in(text)
    meta = replace(
        _common_meta(ev, kind, date),
        authors=tuple(authors),
        kamerstuk=None,
        askers=tuple(aanhangsel.askers(text)),
        sent_in=iso_date(sent) if sent else None,
    )
    number = re.search(r"\bantwoorden\s*\n*\s*(\d{1,4})\b", ev.top)
    doc_id = None
    # an id only for a two-year vergaderjaar: how the published ids name a one-year session
    # ("Zitting 1977") is not known here, and an id is not guessed
    if number and meta.vergaderjaar and re.fullmatch(r"\d{4}-\d{4}", meta.vergaderjaar):
        house = "ek" if ev.head.kamer == "ek" else "tk"
        doc_id = f"ah-{house}-{meta.vergaderjaar.replace('-', '')}-{int(number.group(1))}"
    questions = questions_and_answers(ev.doc) or tuple(
        Question(n, ev.doc.span(*q), ev.doc.span(*a) if a else None)
        for n, q, a in aanhangsel.numbered_pairs(text)
    )
    structure = _structure(ev, meta, doc_id=doc_id)
    return replace(structure, questions=questions, answered_by=tuple(m.answer_headings(text, date)))


def read_report(ev: Evidence, kind: Kind) -> Structure:
    """A report (verslag, lijst van vragen): its ``Vastgesteld`` date; a verbatim report of a committee debate
    (today's "geredigeerd woordelijk verslag") its speakers' turns, as a sitting's, where it prints their
    labels (the archive's reports tell in indirect speech and print none)."""
    text = ev.doc.text
    date = m.fixed_date(text) or m.place_date(text, ev.head.end, ev.head.end + 2500)
    return replace(_structure(ev, _common_meta(ev, kind, date)), turns=speaker_turns(ev.doc))


def read_plain(ev: Evidence, kind: Kind) -> Structure:
    text = ev.doc.text
    date = (
        _proposed_or_dated(text) or m.fixed_date(text) or m.place_date(text, ev.head.end, ev.head.end + 2500)
    )
    return _structure(ev, _common_meta(ev, kind, date))


def read_other(ev: Evidence, kind: Kind) -> Structure:
    """Anything else: dated and signed where it says so."""
    text = ev.doc.text
    start = ev.head.end
    date = (
        m.fixed_date(text)
        or m.letter_date(text, start)  # also a covering letter's, before the paper it covers
        or m.head_received_date(text, start)  # a nota's "Ontvangen …" or "(Ingezonden …)" in its head
        or _proposed_or_dated(text)
    )
    meta = replace(_common_meta(ev, kind, date), authors=tuple(m.signers(text, start, date)))
    return _structure(ev, meta)


# ---------------------------------------------------------------- detection


def _motion_title(ev: Evidence) -> bool:
    return bool(ev.title and re.search(r"\bMOTIE\b", ev.title))


def _is_motion(ev: Evidence) -> bool:
    return (_motion_title(ev) and not re.search(r"\bGEWIJZ", ev.title or "")) or ev.doctype_kind == "motie"


def _is_changed_motion(ev: Evidence) -> bool:
    return (_motion_title(ev) and bool(re.search(r"\bGEWIJZ", ev.title or ""))) or (
        ev.doctype_kind == "gewijzigde_motie"
    )


def _is_amendment(ev: Evidence) -> bool:
    return bool(m.AMENDMENT_TITLE.search(ev.top)) or ev.doctype_kind == "amendement"


def _is_besluitenlijst(ev: Evidence) -> bool:
    return bool(re.search(r"\bBesluitenlijst\b", ev.top, re.I) and re.search(r"\bAgendapunt\b", ev.doc.text))


_AANHANGSEL = re.compile(
    r"\bAanhangsel\b|\bVragen\s+gesteld\s+door\s+(?:de\s+)?leden\b|\bVragen\s+van\s+(?:het\s+lid|de\s+leden)\b"
    r"|\bVraag\s+van\s+(?:het\s+lid|de\s+leden)\b",
    re.I,
)


def _aanhangsel(ev: Evidence) -> bool:
    """Kamervragen as printed: an Aanhangsel's head, or questions of members without another doctype."""
    if re.search(r"\bAanhangsel\b|\bAANHANGSEL\b", ev.top[:400]):
        return True
    return bool(_AANHANGSEL.search(ev.top[:1500])) and ev.doctype_kind is None


def _is_answer(ev: Evidence) -> bool:
    # an Aanhangsel prints "Vragen … met de daarop door de regering gegeven antwoorden": its kind is the
    # answer's even where the file lost the answer or its heading ("ANTWOORD" gone to OCR), as the gold's
    # annotation rules have it (kinds: brief, antwoord, verslag, motie, other)
    if _aanhangsel(ev):
        return True
    # a ministry's answers without the Aanhangsel's head: "Antwoorden van de minister van …" — unless the head
    # names another kind and the words are its body's ("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG … het antwoord
    # van de staatssecretaris van 24 augustus 1988")
    return ev.doctype_kind in (None, "antwoord", "kamervragen") and bool(
        re.search(r"\bAntwoord(?:en)?\s+van\s+(?:de\s+)?(?:minister|staatssecretaris)", ev.top, re.I)
    )


def _is_questions(ev: Evidence) -> bool:
    return ev.doctype_kind == "kamervragen"


# the running line of a Handelingen item as printed since 2011: "Tweede Kamer <title> TK 40 40-6-1"
_HANDELINGEN_RUNNING = re.compile(r"\b(?P<kamer>TK|EK)\s+(?P<n>\d{1,3})\s+(?P=n)-(?P<item>\d{1,3})-\d{1,3}\b")
# a speaker's label on a line of its own: "De heer De Hoop (GroenLinks-PvdA):", "Minister De Jonge:"
_SPEAKER_LABEL = re.compile(
    r"(?m)^(?:(?:De\s+heer|Mevrouw)\s+(?P<member>[A-Z][^\n():]{1,60}?)\s*\((?P<party>[^)\n]{1,40})\)"
    r"|(?P<function>(?:Minister(?:-president)?|Staatssecretaris|Minister\s+van\s+[^\n:]{3,60})(?:\s+van\s+[^\n:]{3,60})?)"
    r"(?:\s+(?P<name>[A-Z][^\n:]{1,60}?))?"
    r"|(?P<chair>De\s+(?:voorzitter|Voorzitter)))\s*:\s*$"
)


# how the chair opens an item of a sitting: "Aan de orde is het tweeminutendebat …", "Aan de orde zijn de
# stemmingen over moties, …", "Aan de orde is de stemming over een motie, …"
_SITTING_ITEM = re.compile(
    r"(?m)^\s*(?:\d{1,3}\s+[^\n]{0,120}\n\s*)?Aan\s+de\s+orde\s+(?:is|zijn)\s+(?:het|de)\s+\w+"
)


# an item of a sitting headed by its number and title: "8 Regeling van werkzaamheden stemmingen",
# "17 Stemmingen"
_VOTING_ITEM = re.compile(
    r"(?m)^\s*\d{1,3}\s+(?:Regeling\s+van\s+werkzaamheden|Stemmingen?)\b[^\n]{0,80}", re.I
)

# the head of a sitting's report in the archive: "VERGADERING VAN DINSDAG 29 OKTOBER 1957"
# (in capitals: a letter's "Uitgebreide-Commissie-Vergadering van maandag 3 november" is no sitting's head)
_SITTING_DAY = re.compile(
    rf"\bV[A-Z]RGADERING\s+[VT]AN\s+(?:MAANDAG|DINSDAG|WOENSDAG|DONDERDAG|VRIJDAG|ZATERDAG)\s+"
    rf"(\d{{1,2}}\s+(?i:{MONTH_RE})\s+\d{{4}})",
)


def _is_handelingen(ev: Evidence) -> bool:
    mk = ev.doc.markup
    if mk.source in ("handelingen-xml", "vlos-xml"):
        return True
    if re.match(r"\W*VERSLAG\s+DER\s+HANDELINGEN\b", ev.top) or _SITTING_DAY.search(ev.top[:1500]):
        return True  # a whole sitting as the archive prints it
    if any(_HANDELINGEN_RUNNING.search(line) for line in ev.doc.running[:20]):
        return True
    chaired = re.search(r"(?m)^Voorzitter:\s*\S", ev.top)
    if chaired and len(_SPEAKER_LABEL.findall(ev.doc.text[:20000])) >= 3:
        return True
    if re.search(r"\bHandelingen\b", ev.top) and re.search(r"\bVoorzitter:", ev.doc.text):
        return True
    # a sitting's item without its printed head (a Word rendering, a stemmingen item): the chair's
    # opening formula and the chair among the speakers, and no other doctype printed above
    item = _SITTING_ITEM.search(ev.top) or _VOTING_ITEM.search(ev.top[:300])
    if ev.doctype_kind is not None or item is None:
        return False
    labels = list(_SPEAKER_LABEL.finditer(ev.doc.text[:20000]))
    voting = bool(re.search(r"\bstemming(?:en)?\b", item.group(0)))  # a vote: the chair alone may speak
    return any(lab.group("chair") for lab in labels) and (len(labels) >= 3 or voting)


def speaker_turns(doc: Document) -> tuple[Turn, ...]:
    """Who speaks where: the markup's turns (VLOS, Handelingen XML), else the printed speaker labels."""
    marked = [k for k in doc.marks if k.kind == "turn"]
    if marked:
        return tuple(
            Turn(
                k.attr("speaker") or k.attr("achternaam") or "?",
                k.attr("party") or None,
                k.attr("function") or None,
                k.start,
                k.end,
            )
            for k in marked
        )
    labels = list(_SPEAKER_LABEL.finditer(doc.text))
    turns = []
    for i, lab in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(doc.text)
        if lab.group("member"):
            turn = Turn(
                " ".join(lab.group("member").split()), lab.group("party").strip(), None, lab.start(), end
            )
        elif lab.group("function"):
            function = " ".join(lab.group("function").split())
            name = " ".join((lab.group("name") or "").split()) or function
            turn = Turn(name, None, function, lab.start(), end)
        else:
            turn = Turn("voorzitter", None, "voorzitter", lab.start(), end)
        turns.append(turn)
    return tuple(turns)


def read_debate(ev: Evidence, kind: Kind) -> Structure:
    """A sitting's report (Handelingen, VLOS): its date and item, and its speakers' turns."""
    doc = ev.doc
    running = next((r for r in doc.running[:20] if _HANDELINGEN_RUNNING.search(r)), None)
    dated = next(
        (
            iso_date(r)
            for r in doc.running[:20]
            if re.fullmatch(rf"\s*\d{{1,2}}\s+(?:{MONTH_RE})\s+\d{{4}}\s*", r)
        ),
        None,
    )
    sitting = _SITTING_DAY.search(ev.top)
    date = (
        doc.markup.date
        or dated
        or (iso_date(sitting.group(1)) if sitting else None)
        or m.fixed_date(doc.text)
        or m.place_date(doc.text, 0, 2500)
    )
    meta = _common_meta(ev, kind, date)
    doc_id = None
    rm = _HANDELINGEN_RUNNING.search(running) if running else None
    if rm and date:
        year = int(date[:4])
        start = year if int(date[5:7]) >= 9 else year - 1  # the vergaderjaar runs from September
        doc_id = f"h-{rm.group('kamer').lower()}-{start}{start + 1}-{rm.group('n')}-{rm.group('item')}"
    structure = _structure(ev, meta, doc_id=doc_id)
    return replace(structure, turns=speaker_turns(doc))


def _is_report(ev: Evidence) -> bool:
    if ev.doctype_kind is not None:
        return ev.doctype_kind == "verslag"
    return bool(re.search(r"\b(?:VERSLAG|Verslag\s+van\s+een)\b", ev.top[:1500]))


def _is_letter(ev: Evidence) -> bool:
    if ev.doctype_kind is not None:
        return ev.doctype_kind == "brief"
    text = ev.doc.text
    signed = bool(m.signers(text, ev.head.end))
    addressed = bool(
        re.search(
            r"\bGeachte\s+[Vv]oorzitter\b|\bAan\s+de\s+(?:Heer\s+)?Voorzitter\s+van\s+de\s+(?:Tweede|Eerste)",
            ev.top,
        )
    )
    return signed or addressed


def _is_other(ev: Evidence) -> bool:
    return True


REGISTRY: tuple[KindReader, ...] = (
    KindReader("handelingen", _is_handelingen, read_debate),
    KindReader("gewijzigde_motie", _is_changed_motion, read_motion),
    KindReader("motie", _is_motion, read_motion),
    KindReader("amendement", _is_amendment, read_plain),
    KindReader("besluitenlijst", _is_besluitenlijst, read_plain),
    KindReader("antwoord", _is_answer, read_answer),
    KindReader("kamervragen", _is_questions, read_answer),
    KindReader("verslag", _is_report, read_report),
    KindReader("brief", _is_letter, read_letter),
    KindReader("other", _is_other, read_other),
)


def read_structure(doc: Document) -> Structure:
    """What ``doc`` says about itself: its kind's reader over its text and markup."""
    ev = Evidence.of(doc)
    reader = next(r for r in REGISTRY if r.detect(ev))
    return reader.read(ev, reader.kind)

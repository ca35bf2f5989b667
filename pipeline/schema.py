"""Every result type of the pipeline, in one module: the contract's JSON schema as typed values.

These types are what extraction produces, what analysis returns, what the
store writes and reads back (``to_json`` / ``from_json`` round-trip), what the
graph is built from and what queries return. No fact travels between modules
as an untyped dict.

Offsets are character offsets into ``Document.text``, the normalized text that
``kamer`` itself produces. ``Segment`` rows map every offset back to a page and
to its role on that page, so any fact can say where it came from without
touching the source file again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast, get_args

SCHEMA = "kamer.document/1"

Role = Literal[
    "body",  # running text
    "footnote",  # a note at the page bottom (or an XML <noot>)
    "header",  # the printed head of a paper: Kamer, vergaderjaar, dossier, number, title
    "signature",  # who signs: function and name lines
    "speaker_turn",  # a turn in a debate (speaker known, see Document.turns)
    "quoted_motion",  # a motion read out in a debate or quoted in a letter
    "question",  # a Kamervraag
    "answer",  # the government's answer to one
]
ROLES: tuple[str, ...] = get_args(Role)

Kind = Literal[
    "motie",
    "gewijzigde_motie",
    "amendement",
    "brief",
    "verslag",
    "besluitenlijst",
    "handelingen",
    "kamervragen",
    "antwoord",
    "other",
]
KINDS: tuple[str, ...] = get_args(Kind)


def _s(data: Mapping[str, Any], key: str) -> str | None:
    """An optional string field of stored JSON; anything else is a schema error."""
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise SchemaError(f"{key!r} must be a string, not {type(value).__name__}")


def _i(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise SchemaError(f"{key!r} must be a whole number, not {type(value).__name__}")


def _req(value: Any, what: str) -> Any:
    if value is None:
        raise SchemaError(f"{what} is missing")
    return value


def _strs(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SchemaError(f"{key!r} must be a list of strings")
    return list(value)


def _items(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise SchemaError(f"{key!r} must be a list of objects")
    return value


class SchemaError(ValueError):
    """Stored or received JSON that does not fit the schema."""


@dataclass(frozen=True)
class KamerstukId:
    """A Kamerstuk number: dossier, optional toevoeging, optional ondernummer.

    >>> KamerstukId("21501", "20", "1126").id
    'kst-21501-20-1126'
    >>> KamerstukId("35570", None, None).id
    'dossier-35570'
    >>> KamerstukId.from_json(KamerstukId("34775", "IX", "8").to_json())
    KamerstukId(dossier='34775', toevoeging='IX', ondernummer='8')
    """

    dossier: str
    toevoeging: str | None
    ondernummer: str | None

    @property
    def id(self) -> str:
        parts = [self.dossier] + ([self.toevoeging] if self.toevoeging else [])
        if self.ondernummer is None:
            return "dossier-" + "-".join(parts)
        return "kst-" + "-".join([*parts, self.ondernummer])

    @property
    def dossier_id(self) -> str:
        return KamerstukId(self.dossier, self.toevoeging, None).id

    @classmethod
    def parse(cls, kid: str) -> KamerstukId | None:
        """The parts of a ``kst-…`` or ``dossier-…`` id.

        >>> KamerstukId.parse("kst-21501-20-1126"), KamerstukId.parse("kst-35570-C").id
        (KamerstukId(dossier='21501', toevoeging='20', ondernummer='1126'), 'kst-35570-C')
        >>> KamerstukId.parse("dossier-36410-XVI").dossier_id, KamerstukId.parse("h-tk-20192020-31-8")
        ('dossier-36410-XVI', None)
        """
        m = re.fullmatch(r"(kst|dossier)-(\d+)(?:-(\([^)]+\)|[^-]+))?(?:-([^-]+))?", kid)
        if not m:
            return None
        prefix, dossier, a, b = m.groups()
        if prefix == "dossier":
            return None if b else cls(dossier, a, None)
        if b is None:
            return cls(dossier, None, a) if a else None
        return cls(dossier, a, b)

    @classmethod
    def read(cls, text: str) -> KamerstukId | None:
        """A Kamerstuk number in any spelling people write or type: canonical ids, citations, dashes.

        >>> [KamerstukId.read(s).id for s in ("36600 VIII nr. 38", "kst-36600-viii-38", "36600-VIII-38")]
        ['kst-36600-VIII-38', 'kst-36600-VIII-38', 'kst-36600-VIII-38']
        >>> [KamerstukId.read(s).id for s in ("Kamerstuk 28 844, nr. 290", "kst-35570-C",
        ...   "Kamerstukken II 2023/24, 21501-20, nr. 2233")]
        ['kst-28844-290', 'kst-35570-C', 'kst-21501-20-2233']
        >>> KamerstukId.read("dossier 36410 XVI").id, KamerstukId.read("36 410").id
        ('dossier-36410-XVI', 'dossier-36410')
        >>> KamerstukId.read("h-tk-20192020-31-8"), KamerstukId.read("2025Z00933")
        (None, None)
        """
        s = " ".join(text.split())
        m = re.fullmatch(r"(?i)(kst|dossier)-(\d+)(?:-(\([^)]+\)|[^-]+))?(?:-([^-]+))?", s)
        if m:
            canonical = f"{m[1].lower()}-{m[2]}" + "".join(f"-{p.upper()}" for p in m.groups()[2:] if p)
            return cls.parse(canonical)
        s = re.sub(r"(?i)^(kamerstuk(?:ken)?(?:\s+I{1,2})?(?:\s+\d{4}/\d{2,4})?,?|dossier)\s*", "", s)
        m = re.fullmatch(
            r"(?i)(\d{4,6}|\d{1,3}[ .]\d{3})(?:[\s,-]+(\([^)]+\)|[A-Z]{1,6}|\d{1,3}(?=[\s,-]+(?:nr|\d))))?"
            r"(?:[\s,-]*(?:nr\.?|nummer)?\s*(\d+[a-z]?))?",
            s,
        )
        if not m:
            return None
        dossier = re.sub(r"[ .]", "", m[1])
        toevoeging = m[2].upper() if m[2] and not m[2].startswith("(") else m[2]
        return cls(dossier, toevoeging, m[3])

    def to_json(self) -> dict[str, Any]:
        return {
            "dossier": self.dossier,
            "toevoeging": self.toevoeging,
            "ondernummer": self.ondernummer,
            "id": self.id,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> KamerstukId:
        return cls(
            _req(_s(data, "dossier"), "kamerstuk.dossier"), _s(data, "toevoeging"), _s(data, "ondernummer")
        )


@dataclass(frozen=True)
class Segment:
    """A stretch ``[start, end)`` of the normalized text that sits on one page in one role."""

    start: int
    end: int
    page: int
    role: Role = "body"

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "page": self.page, "role": self.role}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Segment:
        role = data.get("role", "body")
        if role not in ROLES:
            raise SchemaError(f"unknown segment role {role!r}")
        return cls(
            _req(_i(data, "start"), "segment.start"),
            _req(_i(data, "end"), "segment.end"),
            _req(_i(data, "page"), "segment.page"),
            cast(Role, role),
        )


@dataclass(frozen=True)
class Footnote:
    """A footnote: its number, its text range, and where its marker sits in the body."""

    number: str
    page: int
    start: int
    end: int
    marker: int | None = None  # offset in the body where the marker stood (marker removed)

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "marker": self.marker,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Footnote:
        return cls(
            _req(_s(data, "number"), "footnote.number"),
            _req(_i(data, "page"), "footnote.page"),
            _req(_i(data, "start"), "footnote.start"),
            _req(_i(data, "end"), "footnote.end"),
            _i(data, "marker"),
        )


@dataclass(frozen=True)
class Page:
    number: int
    ocr: bool = False
    confidence: float | None = None  # mean word confidence (0-100) for OCR'd pages
    path: str = "text"  # which reader produced it: pdfium, pdfplumber, tesseract, xml, docx, text

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "ocr": self.ocr, "confidence": self.confidence, "path": self.path}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Page:
        conf = data.get("confidence")
        return cls(
            _req(_i(data, "number"), "page.number"),
            bool(data.get("ocr", False)),
            float(conf) if isinstance(conf, (int, float)) else None,
            _s(data, "path") or "text",
        )


@dataclass(frozen=True)
class Markup:
    """What a structured source (XML, Word) states about itself in its markup.

    Extraction copies these fields as the markup gives them and interprets
    nothing; the NLP side decides what they mean for the document's metadata.
    """

    source: str = "text"  # kamerstuk-xml, handelingen-xml, vlos-xml, docx, pdf, scan, text
    dossier: str | None = None
    toevoeging: str | None = None
    ondernummer: str | None = None
    title: str | None = None
    date: str | None = None
    vergaderjaar: str | None = None
    dossier_title: str | None = None
    kamer: str | None = None
    category: str | None = None
    doctype: str | None = None  # the publication's own type name (e.g. "Handelingen", "Kamerstuk")
    properties: tuple[tuple[str, str], ...] = ()  # document properties (Word DOCPROPERTY fields)

    def prop(self, name: str) -> str | None:
        low = name.lower()
        return next((v for k, v in self.properties if k.lower() == low), None)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source}
        for name in ("dossier", "toevoeging", "ondernummer", "title", "date", "vergaderjaar"):
            out[name] = getattr(self, name)
        for name in ("dossier_title", "kamer", "category", "doctype"):
            out[name] = getattr(self, name)
        out["properties"] = dict(self.properties)
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Markup:
        props = data.get("properties") or {}
        if not isinstance(props, dict):
            raise SchemaError("'properties' must be an object")
        return cls(
            source=_s(data, "source") or "text",
            dossier=_s(data, "dossier"),
            toevoeging=_s(data, "toevoeging"),
            ondernummer=_s(data, "ondernummer"),
            title=_s(data, "title"),
            date=_s(data, "date"),
            vergaderjaar=_s(data, "vergaderjaar"),
            dossier_title=_s(data, "dossier_title"),
            kamer=_s(data, "kamer"),
            category=_s(data, "category"),
            doctype=_s(data, "doctype"),
            properties=tuple((str(k), str(v)) for k, v in props.items()),
        )


@dataclass(frozen=True)
class Mark:
    """A region of the text that the source's markup labels, copied as the markup gives it.

    ``kind`` names the region (``turn``, ``motion``, ``question``, ``answer``,
    ``agenda_item``, ``vote``, ``heading``, …); ``attrs`` are the markup's own
    fields for it (a speaker's name, party and function; a motion's dossier
    and number; a Word style). Extraction interprets nothing; the NLP side
    reads Marks into turns, motions and questions.
    """

    kind: str
    start: int
    end: int
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str) -> str | None:
        return next((v for k, v in self.attrs if k == name), None)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "attrs": dict(self.attrs)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Mark:
        attrs = data.get("attrs") or {}
        if not isinstance(attrs, dict):
            raise SchemaError("'attrs' must be an object")
        return cls(
            _req(_s(data, "kind"), "mark.kind"),
            _req(_i(data, "start"), "mark.start"),
            _req(_i(data, "end"), "mark.end"),
            tuple((str(k), str(v)) for k, v in attrs.items()),
        )


@dataclass(frozen=True)
class Author:
    name: str
    role: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Author:
        return cls(_req(_s(data, "name"), "author.name"), _s(data, "role") or "")


@dataclass(frozen=True)
class Asker:
    """A member who asked Kamervragen, with the party printed after the name (``Rienks (P.v.d.A.)``)."""

    name: str
    party: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "party": self.party}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Asker:
        return cls(_req(_s(data, "name"), "asker.name"), _s(data, "party"))


@dataclass(frozen=True)
class Meta:
    kind: Kind = "other"
    title: str | None = None
    date: str | None = None
    vergaderjaar: str | None = None
    kamerstuk: KamerstukId | None = None
    dossier_title: str | None = None
    authors: tuple[Author, ...] = ()
    topics: tuple[str, ...] = ()
    kamer: str | None = None  # "tk" or "ek" where the paper says
    subject: str | None = None  # a letter's Betreft / Onderwerp
    zaak: str | None = None  # the Zaak number a paper answers or belongs to, where printed
    askers: tuple[Asker, ...] = ()  # Kamervragen: the members who asked them
    sent_in: str | None = None  # Kamervragen: the day they were sent in ("(Ingezonden 24 mei 1977)")
    senders: tuple[str, ...] = ()  # the functions its head says the paper is from ("BRIEF VAN DE MINISTER …")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "date": self.date,
            "vergaderjaar": self.vergaderjaar,
            "kamerstuk": self.kamerstuk.to_json() if self.kamerstuk else None,
            "dossier_title": self.dossier_title,
            "authors": [a.to_json() for a in self.authors],
            "topics": list(self.topics),
            "kamer": self.kamer,
            "subject": self.subject,
            "zaak": self.zaak,
            "askers": [a.to_json() for a in self.askers],
            "sent_in": self.sent_in,
            "senders": list(self.senders),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Meta:
        kind = data.get("kind") or "other"
        if kind not in KINDS:
            raise SchemaError(f"unknown document kind {kind!r}")
        ks = data.get("kamerstuk")
        return cls(
            kind=cast(Kind, kind),
            title=_s(data, "title"),
            date=_s(data, "date"),
            vergaderjaar=_s(data, "vergaderjaar"),
            kamerstuk=KamerstukId.from_json(ks) if isinstance(ks, dict) else None,
            dossier_title=_s(data, "dossier_title"),
            authors=tuple(Author.from_json(a) for a in _items(data, "authors")),
            topics=tuple(_strs(data, "topics")),
            kamer=_s(data, "kamer"),
            subject=_s(data, "subject"),
            zaak=_s(data, "zaak"),
            askers=tuple(Asker.from_json(a) for a in _items(data, "askers")),
            sent_in=_s(data, "sent_in"),
            senders=tuple(_strs(data, "senders")),
        )


@dataclass(frozen=True)
class Span:
    """Evidence: the text of a fact and where it stands."""

    text: str
    page: int | None
    start: int
    end: int
    in_footnote: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "in_footnote": self.in_footnote,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Span:
        return cls(
            _s(data, "text") or "",
            _i(data, "page"),
            _req(_i(data, "start"), "start"),
            _req(_i(data, "end"), "end"),
            bool(data.get("in_footnote", False)),
        )


@dataclass(frozen=True)
class Turn:
    """A turn in a debate: who speaks, and where.

    ``function`` is a bewindspersoon's or the chair's function ("minister van
    Financiën", "voorzitter"); ``party`` a member's fractie.
    """

    speaker: str
    party: str | None
    function: str | None
    start: int
    end: int

    @property
    def is_government(self) -> bool:
        f = (self.function or "").lower()
        return any(w in f for w in ("minister", "staatssecretaris", "premier"))

    @property
    def is_chair(self) -> bool:
        return "voorzitter" in (self.function or "").lower()

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "party": self.party,
            "function": self.function,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Turn:
        return cls(
            _req(_s(data, "speaker"), "turn.speaker"),
            _s(data, "party"),
            _s(data, "function"),
            _req(_i(data, "start"), "turn.start"),
            _req(_i(data, "end"), "turn.end"),
        )


@dataclass(frozen=True)
class Reference:
    kind: str
    id: str
    span: Span
    sentence: tuple[int, int] | None = None  # body sentence that carries it (via a marker)
    resolved_from: str | None = None  # a short form ('deze motie', '(idem, nr. 12)'): how it was resolved

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "id": self.id, **self.span.to_json()}
        if self.sentence is not None:
            out["sentence"] = list(self.sentence)
        if self.resolved_from is not None:
            out["resolved_from"] = self.resolved_from
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Reference:
        sent = data.get("sentence")
        return cls(
            _req(_s(data, "kind"), "reference.kind"),
            _req(_s(data, "id"), "reference.id"),
            Span.from_json(data),
            (int(sent[0]), int(sent[1])) if isinstance(sent, list) and len(sent) == 2 else None,
            _s(data, "resolved_from"),
        )


@dataclass(frozen=True)
class Appraisal:
    """The government's appraisal of a motion in a debate ("oordeel Kamer", "ontraden", …)."""

    value: str  # oordeel_kamer, ontraden, overgenomen, ontijdig, aangehouden, ingetrokken
    span: Span
    speaker: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "speaker": self.speaker, **self.span.to_json()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Appraisal:
        return cls(_req(_s(data, "value"), "appraisal.value"), Span.from_json(data), _s(data, "speaker"))


@dataclass(frozen=True)
class Motion:
    id: str | None
    submitters: tuple[str, ...]
    date: str | None
    span: Span
    requests: tuple[str, ...] = ()
    considerations: tuple[str, ...] = ()
    replaces: str | None = None
    status: str | None = None
    mentioned: bool = True
    appraisal: Appraisal | None = None
    status_evidence: Span | None = None  # the sentence that states the status (a vote announced)
    speaker: str | None = None  # in a debate: who submitted it in their turn

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "submitters": list(self.submitters),
            "date": self.date,
            "requests": list(self.requests),
            "considerations": list(self.considerations),
            "replaces": self.replaces,
            "status": self.status,
            "mentioned": self.mentioned,
            "appraisal": self.appraisal.to_json() if self.appraisal else None,
            "status_evidence": self.status_evidence.to_json() if self.status_evidence else None,
            "speaker": self.speaker,
            **self.span.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Motion:
        ap, ev = data.get("appraisal"), data.get("status_evidence")
        return cls(
            id=_s(data, "id"),
            submitters=tuple(_strs(data, "submitters")),
            date=_s(data, "date"),
            span=Span.from_json(data),
            requests=tuple(_strs(data, "requests")),
            considerations=tuple(_strs(data, "considerations")),
            replaces=_s(data, "replaces"),
            status=_s(data, "status"),
            mentioned=bool(data.get("mentioned", True)),
            appraisal=Appraisal.from_json(ap) if isinstance(ap, dict) else None,
            status_evidence=Span.from_json(ev) if isinstance(ev, dict) else None,
            speaker=_s(data, "speaker"),
        )


@dataclass(frozen=True)
class Deadline:
    text: str
    by: str | None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "by": self.by}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Deadline:
        return cls(_s(data, "text") or "", _s(data, "by"))


@dataclass(frozen=True)
class Commitment:
    kind: str  # toezegging, doel, verwachting
    actor: str | None
    action: str | None
    deadline: Deadline | None
    span: Span
    ref: str | None = None
    speaker: str | None = None  # in a debate: the bewindspersoon whose turn it is
    confidence: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "actor": self.actor,
            "action": self.action,
            "deadline": self.deadline.to_json() if self.deadline else None,
            "ref": self.ref,
            "speaker": self.speaker,
            "confidence": self.confidence,
            **self.span.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Commitment:
        dl, conf = data.get("deadline"), data.get("confidence")
        return cls(
            kind=_req(_s(data, "kind"), "commitment.kind"),
            actor=_s(data, "actor"),
            action=_s(data, "action"),
            deadline=Deadline.from_json(dl) if isinstance(dl, dict) else None,
            span=Span.from_json(data),
            ref=_s(data, "ref"),
            speaker=_s(data, "speaker"),
            confidence=float(conf) if isinstance(conf, (int, float)) else None,
        )


@dataclass(frozen=True)
class FollowUp:
    """The document acts on something: ``fulfils``, ``answers``, ``postpones``, ``replaces``.

    ``target`` is the id when the text names it (or linking found it:
    ``resolved_by`` says how, ``confidence`` how sure); ``target_text`` the
    words that name or describe what is acted on.
    """

    relation: str
    target: str | None
    span: Span
    target_text: str | None = None
    resolved_by: str | None = None
    confidence: float | None = None
    speaker: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "target": self.target,
            "target_text": self.target_text,
            "resolved_by": self.resolved_by,
            "confidence": self.confidence,
            "speaker": self.speaker,
            **self.span.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FollowUp:
        conf = data.get("confidence")
        return cls(
            relation=_req(_s(data, "relation"), "follow_up.relation"),
            target=_s(data, "target"),
            span=Span.from_json(data),
            target_text=_s(data, "target_text"),
            resolved_by=_s(data, "resolved_by"),
            confidence=float(conf) if isinstance(conf, (int, float)) else None,
            speaker=_s(data, "speaker"),
        )


@dataclass(frozen=True)
class SectorMention:
    id: str
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, **self.span.to_json()}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SectorMention:
        return cls(_req(_s(data, "id"), "sector.id"), Span.from_json(data))


@dataclass(frozen=True)
class Question:
    """A numbered Kamervraag with the government's answer to it (Aanhangsels, answer letters)."""

    number: str
    question: Span
    answer: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "question": self.question.to_json(),
            "answer": self.answer.to_json() if self.answer else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Question:
        q, a = data.get("question"), data.get("answer")
        if not isinstance(q, dict):
            raise SchemaError("question.question must be an object")
        return cls(
            _req(_s(data, "number"), "question.number"),
            Span.from_json(q),
            Span.from_json(a) if isinstance(a, dict) else None,
        )


Fact = Reference | Motion | Commitment | FollowUp | SectorMention
FACT_TYPES: dict[
    str, type[Reference] | type[Motion] | type[Commitment] | type[FollowUp] | type[SectorMention]
] = {
    "reference": Reference,
    "motion": Motion,
    "commitment": Commitment,
    "follow_up": FollowUp,
    "sector": SectorMention,
}


def fact_type(fact: Fact) -> str:
    """The store's name of a fact's type: reference, motion, commitment, follow_up, sector."""
    return next(name for name, cls in FACT_TYPES.items() if isinstance(fact, cls))


def fact_from_json(ftype: str, data: Mapping[str, Any]) -> Fact:
    cls = FACT_TYPES.get(ftype)
    if cls is None:
        raise SchemaError(f"unknown fact type {ftype!r}")
    return cls.from_json(data)


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str
    media_type: str
    pages: int
    ocr_pages: tuple[int, ...] = ()
    bytes: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "media_type": self.media_type,
            "pages": self.pages,
            "ocr_pages": list(self.ocr_pages),
            "bytes": self.bytes,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Source:
        ocr = data.get("ocr_pages") or []
        if not isinstance(ocr, list) or not all(isinstance(p, int) for p in ocr):
            raise SchemaError("'ocr_pages' must be a list of page numbers")
        return cls(
            _req(_s(data, "path"), "source.path"),
            _req(_s(data, "sha256"), "source.sha256"),
            _s(data, "media_type") or "text/plain",
            _i(data, "pages") or 1,
            tuple(ocr),
            _i(data, "bytes") or 0,
        )


@dataclass(frozen=True)
class Document:
    """One parliamentary paper: what extraction read, and everything analysis found in it.

    Extraction fills ``source``, ``text``, ``segments``, ``pages``,
    ``footnotes``, ``running`` (the running heads and footers it took out of
    the text), ``markup`` and ``marks``; ``analyse`` returns a new Document with the
    rest. ``analyser`` names the version of the rules and models behind the
    facts (None before analysis).
    """

    doc_id: str | None
    source: Source
    text: str
    segments: tuple[Segment, ...]
    pages: tuple[Page, ...]
    footnotes: tuple[Footnote, ...] = ()
    running: tuple[str, ...] = ()
    markup: Markup = field(default_factory=Markup)
    marks: tuple[Mark, ...] = ()
    meta: Meta = field(default_factory=Meta)
    turns: tuple[Turn, ...] = ()
    questions: tuple[Question, ...] = ()
    references: tuple[Reference, ...] = ()
    motions: tuple[Motion, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    sectors: tuple[SectorMention, ...] = ()
    warnings: tuple[str, ...] = ()
    analyser: str | None = None

    def locate(self, offset: int) -> Segment | None:
        """The segment holding ``offset`` (or the one ending right at it)."""
        return locate(self.segments, offset)

    def span(self, start: int, end: int) -> Span:
        """Evidence for ``text[start:end]`` with its page and footnote flag."""
        seg = self.locate(start)
        return Span(
            text=self.text[start:end],
            page=seg.page if seg else None,
            start=start,
            end=end,
            in_footnote=bool(seg and seg.role == "footnote"),
        )

    def facts(self) -> Iterable[Fact]:
        yield from self.references
        yield from self.motions
        yield from self.commitments
        yield from self.follow_ups
        yield from self.sectors

    def extraction(self) -> Document:
        """This document as extraction left it: analysis's facts, metadata and segment roles removed."""
        runs: list[Segment] = []
        for seg in self.segments:
            role: Role = "footnote" if seg.role == "footnote" else "body"
            last = runs[-1] if runs else None
            if last and last.page == seg.page and last.role == role and last.end == seg.start:
                runs[-1] = replace(last, end=seg.end)
            else:
                runs.append(replace(seg, role=role))
        return Document(
            doc_id=None,
            source=self.source,
            text=self.text,
            segments=tuple(runs),
            pages=self.pages,
            footnotes=self.footnotes,
            running=self.running,
            markup=self.markup,
            marks=self.marks,
        )

    def with_facts(self, facts: Iterable[Fact]) -> Document:
        """A copy holding exactly ``facts`` (sorted into their lists)."""
        lists: dict[str, list[Any]] = {name: [] for name in FACT_TYPES}
        for f in facts:
            lists[fact_type(f)].append(f)
        return replace(
            self,
            references=tuple(lists["reference"]),
            motions=tuple(lists["motion"]),
            commitments=tuple(lists["commitment"]),
            follow_ups=tuple(lists["follow_up"]),
            sectors=tuple(lists["sector"]),
        )

    def to_json(self, with_text: bool = False) -> dict[str, Any]:
        """The contract's document object; ``with_text`` adds what reanalysis needs (text, layout)."""
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "doc_id": self.doc_id,
            "source": {**self.source.to_json(), "page_info": [p.to_json() for p in self.pages]},
            "meta": self.meta.to_json(),
            "footnotes": [f.to_json() for f in self.footnotes],
            "turns": [t.to_json() for t in self.turns],
            "questions": [q.to_json() for q in self.questions],
            "references": [r.to_json() for r in self.references],
            "motions": [m.to_json() for m in self.motions],
            "commitments": [c.to_json() for c in self.commitments],
            "follow_ups": [f.to_json() for f in self.follow_ups],
            "sectors": [s.to_json() for s in self.sectors],
            "analyser": self.analyser,
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if with_text:
            out["text"] = self.text
            out["segments"] = [s.to_json() for s in self.segments]
            out["running"] = list(self.running)
            out["markup"] = self.markup.to_json()
            out["marks"] = [m.to_json() for m in self.marks]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Document:
        """The inverse of ``to_json(with_text=True)``; a bad field raises ``SchemaError``."""
        if data.get("schema") != SCHEMA:
            raise SchemaError(f"not a {SCHEMA} object (schema {data.get('schema')!r})")
        src = data.get("source")
        if not isinstance(src, dict):
            raise SchemaError("'source' must be an object")
        text = data.get("text")
        if not isinstance(text, str):
            raise SchemaError("'text' is missing: only documents written with their text can be read back")
        markup = data.get("markup")
        return cls(
            doc_id=_s(data, "doc_id"),
            source=Source.from_json(src),
            text=text,
            segments=tuple(Segment.from_json(s) for s in _items(data, "segments")),
            pages=tuple(Page.from_json(p) for p in _items(src, "page_info")),
            footnotes=tuple(Footnote.from_json(f) for f in _items(data, "footnotes")),
            running=tuple(_strs(data, "running")),
            markup=Markup.from_json(markup) if isinstance(markup, dict) else Markup(),
            marks=tuple(Mark.from_json(m) for m in _items(data, "marks")),
            meta=Meta.from_json(data.get("meta") or {}),
            turns=tuple(Turn.from_json(t) for t in _items(data, "turns")),
            questions=tuple(Question.from_json(q) for q in _items(data, "questions")),
            references=tuple(Reference.from_json(r) for r in _items(data, "references")),
            motions=tuple(Motion.from_json(m) for m in _items(data, "motions")),
            commitments=tuple(Commitment.from_json(c) for c in _items(data, "commitments")),
            follow_ups=tuple(FollowUp.from_json(f) for f in _items(data, "follow_ups")),
            sectors=tuple(SectorMention.from_json(s) for s in _items(data, "sectors")),
            warnings=tuple(_strs(data, "warnings")),
            analyser=_s(data, "analyser"),
        )


def locate(segments: Iterable[Segment], offset: int) -> Segment | None:
    """The segment holding ``offset`` (or the one ending right at it)."""
    best = None
    for seg in segments:
        if seg.start <= offset < seg.end:
            return seg
        if seg.end == offset:
            best = seg
    return best

"""Every result type of the pipeline, in one module (the contract's JSON schema).

Offsets are character offsets into ``Document.text``, the normalized text that
``kamer`` itself produces. ``Segment`` rows map every offset back to a page and
to its role on that page (body or footnote), so any fact can say where it
came from without touching the source file again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "kamer.document/1"

Role = Literal["body", "footnote"]


@dataclass(frozen=True)
class KamerstukId:
    """A Kamerstuk number: dossier, optional toevoeging, optional ondernummer.

    >>> KamerstukId("21501", "20", "1126").id
    'kst-21501-20-1126'
    >>> KamerstukId("35570", None, None).id
    'dossier-35570'
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

    def to_json(self) -> dict[str, Any]:
        return {
            "dossier": self.dossier,
            "toevoeging": self.toevoeging,
            "ondernummer": self.ondernummer,
            "id": self.id,
        }


@dataclass
class Segment:
    """A stretch ``[start, end)`` of the normalized text that sits on one page in one role."""

    start: int
    end: int
    page: int
    role: Role = "body"


@dataclass
class Footnote:
    """A footnote: its number, its text range, and where its marker sits in the body."""

    number: str
    page: int
    start: int
    end: int
    marker: int | None = None  # offset in the body where the marker stood (marker removed)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Page:
    number: int
    ocr: bool = False
    confidence: float | None = None  # mean word confidence (0-100) for OCR'd pages
    path: str = "text"  # which extractor produced it: pdfium, pdfplumber, tesseract, xml, text


@dataclass
class Author:
    name: str
    role: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass
class Meta:
    kind: str = "other"
    title: str | None = None
    date: str | None = None
    vergaderjaar: str | None = None
    kamerstuk: KamerstukId | None = None
    dossier_title: str | None = None
    authors: list[Author] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)

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
        }


@dataclass
class Span:
    """Evidence: the text of a fact and where it stands."""

    text: str
    page: int | None
    start: int
    end: int
    in_footnote: bool = False


@dataclass
class Reference:
    kind: str
    id: str
    span: Span
    sentence: tuple[int, int] | None = None  # body sentence that carries it (via a marker)
    resolved_from: str | None = None  # a short form ('deze motie', '(idem, nr. 12)'): its antecedent

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "id": self.id,
            "text": self.span.text,
            "page": self.span.page,
            "start": self.span.start,
            "end": self.span.end,
            "in_footnote": self.span.in_footnote,
        }
        if self.sentence is not None:
            out["sentence"] = list(self.sentence)
        if self.resolved_from is not None:
            out["resolved_from"] = self.resolved_from
        return out


@dataclass
class Motion:
    id: str | None
    submitters: list[str]
    date: str | None
    span: Span
    requests: list[str] = field(default_factory=list)
    considerations: list[str] = field(default_factory=list)
    replaces: str | None = None
    status: str | None = None
    mentioned: bool = True

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
            "text": self.span.text,
            "page": self.span.page,
            "start": self.span.start,
            "end": self.span.end,
        }


@dataclass
class Deadline:
    text: str
    by: str | None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "by": self.by}


@dataclass
class Commitment:
    kind: str
    actor: str | None
    action: str | None
    deadline: Deadline | None
    span: Span
    ref: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "actor": self.actor,
            "action": self.action,
            "deadline": self.deadline.to_json() if self.deadline else None,
            "ref": self.ref,
            "text": self.span.text,
            "page": self.span.page,
            "start": self.span.start,
            "end": self.span.end,
        }


@dataclass
class FollowUp:
    relation: str
    target: str
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {
            "relation": self.relation,
            "target": self.target,
            "text": self.span.text,
            "page": self.span.page,
            "start": self.span.start,
            "end": self.span.end,
        }


@dataclass
class SectorMention:
    id: str
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.span.text,
            "page": self.span.page,
            "start": self.span.start,
            "end": self.span.end,
        }


@dataclass
class Source:
    path: str
    sha256: str
    media_type: str
    pages: int
    ocr_pages: list[int] = field(default_factory=list)
    bytes: int = 0


@dataclass
class Document:
    """One parliamentary paper, normalized, with everything found in it."""

    doc_id: str | None
    source: Source
    text: str
    segments: list[Segment]
    pages: list[Page]
    meta: Meta = field(default_factory=Meta)
    footnotes: list[Footnote] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    motions: list[Motion] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    sectors: list[SectorMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def locate(self, offset: int) -> Segment | None:
        """The segment holding ``offset`` (or the one ending right at it)."""
        best = None
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg
            if seg.end == offset:
                best = seg
        return best

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

    def to_json(self, with_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "doc_id": self.doc_id,
            "source": {
                "path": self.source.path,
                "sha256": self.source.sha256,
                "media_type": self.source.media_type,
                "pages": self.source.pages,
                "ocr_pages": list(self.source.ocr_pages),
                "bytes": self.source.bytes,
                "page_info": [asdict(p) for p in self.pages],
            },
            "meta": self.meta.to_json(),
            "footnotes": [f.to_json() for f in self.footnotes],
            "references": [r.to_json() for r in self.references],
            "motions": [m.to_json() for m in self.motions],
            "commitments": [c.to_json() for c in self.commitments],
            "follow_ups": [f.to_json() for f in self.follow_ups],
            "sectors": [s.to_json() for s in self.sectors],
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if with_text:
            out["text"] = self.text
            out["segments"] = [asdict(s) for s in self.segments]
        return out

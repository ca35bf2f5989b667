"""Declared analysis stages: each says what it reads and what it writes, and is registered by name.

A stage is a plain, typed function over one ``Chunk`` — a run of whole
sentences of one document, with what the document says about itself
(``Structure``) — that returns the facts it finds, all for one list
(``writes``). It may read what earlier stages found in the same chunk
(``reads``); ``pipeline()`` checks that every list a stage reads is written
before it. ``models/pipeline.json`` names the stages to run, so a trained
model replaces a rule module by registering under a new name and changing
that one line::

    @stage("commitments.rules", writes="commitments", reads=("references",))
    def rules(chunk: Chunk) -> list[Commitment]: ...

Stages see sentences, never the whole document: what needs more than one
sentence (short forms, anaphora, actors, footnotes, merging) is the one
``resolve`` stage's work, after all chunks.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, get_args

from .. import resources
from ..schema import (
    Author,
    Commitment,
    Document,
    Fact,
    FollowUp,
    Meta,
    Motion,
    Question,
    Reference,
    Role,
    SectorMention,
    Segment,
    Span,
    Turn,
    locate,
)

FactList = Literal["references", "sectors", "motions", "commitments", "follow_ups"]
FACT_LISTS: tuple[str, ...] = get_args(FactList)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the normalized text: its span, the role of the segment it sits in, its speaker."""

    start: int
    end: int
    role: Role = "body"
    page: int | None = None
    turn: Turn | None = None


@dataclass(frozen=True)
class Structure:
    """What a document says about itself, read once for the whole document (see ``kinds.py``).

    ``segments`` are the extraction's segments with their roles refined
    (header, signature, speaker turn, question, answer, quoted motion);
    ``reference_date`` is what relative deadlines resolve against.
    """

    doc_id: str | None
    meta: Meta
    segments: tuple[Segment, ...]
    turns: tuple[Turn, ...] = ()
    reference_date: dt.date | None = None
    questions: tuple[Question, ...] = ()
    own_motion: Motion | None = None  # the motion a motion document is
    # an Aanhangsel: each answerer at the heading of its answer ("ANTWOORD van …"), for a page of several
    answered_by: tuple[tuple[int, Author], ...] = ()

    def role_at(self, offset: int) -> Role:
        seg = locate(self.segments, offset)
        return seg.role if seg else "body"


@dataclass
class Found:
    """Facts found so far, by list (global offsets, before resolution)."""

    references: list[Reference] = field(default_factory=list)
    sectors: list[SectorMention] = field(default_factory=list)
    motions: list[Motion] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)

    def add(self, name: str, facts: Sequence[Fact]) -> None:
        getattr(self, name).extend(facts)

    def extend(self, other: Found) -> None:
        for name in FACT_LISTS:
            self.add(name, getattr(other, name))


@dataclass
class Chunk:
    """A run of whole sentences of one document: what a stage sees."""

    doc: Document
    structure: Structure
    sentences: tuple[Sentence, ...]
    found: Found = field(default_factory=Found)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def start(self) -> int:
        return self.sentences[0].start if self.sentences else 0

    @property
    def end(self) -> int:
        return self.sentences[-1].end if self.sentences else 0

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset``."""
        import bisect

        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.sentences[k].start <= offset <= self.sentences[k].end:
            return self.sentences[k]
        return None

    def span(self, start: int, end: int) -> Span:
        seg = locate(self.structure.segments, start)
        return Span(
            self.doc.text[start:end],
            seg.page if seg else None,
            start,
            end,
            in_footnote=bool(seg and seg.role == "footnote"),
        )


StageFn = Callable[[Chunk], Sequence[Any]]


@dataclass(frozen=True)
class Stage:
    name: str
    writes: FactList
    reads: tuple[FactList, ...]
    run: StageFn
    doc: str = ""


REGISTRY: dict[str, Stage] = {}


def stage(name: str, writes: FactList, reads: tuple[FactList, ...] = ()) -> Callable[[StageFn], StageFn]:
    """Register a stage function under ``name`` (``<module>.<variant>``)."""
    if writes not in FACT_LISTS or any(r not in FACT_LISTS for r in reads):
        raise ValueError(f"stage {name}: unknown fact list in writes={writes!r} reads={reads!r}")

    def register(fn: StageFn) -> StageFn:
        REGISTRY[name] = Stage(name, writes, reads, fn, (fn.__doc__ or "").strip().split("\n")[0])
        return fn

    return register


def configured() -> list[str]:
    """The stage names ``models/pipeline.json`` lists, in order."""
    names = resources.read_json("pipeline.json")["stages"]
    return [str(n) for n in names]


def pipeline(names: Sequence[str] | None = None) -> tuple[Stage, ...]:
    """The stages to run, checked: each is registered, and reads only what an earlier one wrote.

    >>> [s.name for s in pipeline()][:4]
    ['references.patterns', 'sectors.lexicon', 'motions.rules', 'motions.debate']
    >>> pipeline(["commitments.rules", "references.patterns"])
    Traceback (most recent call last):
    ...
    ValueError: stage commitments.rules reads references, which no stage before it writes
    """
    names = list(names) if names is not None else configured()
    out: list[Stage] = []
    written: set[str] = set()
    for name in names:
        if name not in REGISTRY:
            importlib.import_module(f"{__package__}.{name.split('.')[0]}")
        if name not in REGISTRY:
            raise ValueError(f"no stage named {name!r} (registered: {', '.join(sorted(REGISTRY))})")
        st = REGISTRY[name]
        for r in st.reads:
            if r not in written:
                raise ValueError(f"stage {name} reads {r}, which no stage before it writes")
        written.add(st.writes)
        out.append(st)
    return tuple(out)


def run_chunk(stages: Sequence[Stage], chunk: Chunk) -> Found:
    """Every stage over one chunk, in order; each adds to ``chunk.found``."""
    for st in stages:
        chunk.found.add(st.writes, st.run(chunk))
    return chunk.found

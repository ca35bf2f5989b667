"""Stage 2, analyse: a Document's text → its facts, as a new Document.

1. ``kinds.read_structure``: what the paper says about itself (kind, metadata,
   roles of its parts, speaker turns, its own motion), read once over the
   whole document;
2. the declared stages (``stages.py``, listed in ``models/pipeline.json``)
   over sentence-aligned chunks of bounded size, so a paper of any length is
   read in bounded memory with offsets into the whole text;
3. ``resolve.resolve``: everything that needs more than one sentence;
4. topics, when the paper does not state its own.

The input is never changed; facts of an earlier analysis are ignored.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import replace

from ..config import Settings
from ..resources import analyser_version
from ..schema import Document, Segment, Turn
from .kinds import read_structure
from .resolve import resolve
from .sentences import sentences
from .stages import Chunk, Found, Sentence, Stage, pipeline, run_chunk


def analyse_document(
    doc: Document, settings: Settings | None = None, stages: Sequence[Stage] | None = None
) -> Document:
    """References, motions, commitments, follow-ups, sectors and topics of ``doc``, in a new Document."""
    settings = settings or Settings.from_env()
    stages = pipeline() if stages is None else stages
    base = doc.extraction()
    structure = read_structure(base)
    sents = sentence_table(base.text, structure.segments, structure.turns)
    found = Found()
    for part in chunks(sents, settings.chunk_chars):
        found.extend(run_chunk(stages, Chunk(base, structure, part)))
    facts = resolve(base, structure, sents, found)
    meta = structure.meta
    if not meta.topics:
        from .topics import predict_topics

        meta = replace(meta, topics=tuple(predict_topics(base.text)))
    analysed = replace(
        base,
        doc_id=structure.doc_id,
        meta=meta,
        segments=structure.segments,
        turns=structure.turns,
        questions=structure.questions,
        analyser=analyser_version(),
    )
    return analysed.with_facts(facts)


def sentence_table(text: str, segments: Sequence[Segment], turns: Sequence[Turn]) -> tuple[Sentence, ...]:
    """Every sentence with the role and page of the segment it starts in, and its speaker's turn."""
    starts = [s.start for s in segments]
    turn_starts = [t.start for t in turns]
    out = []
    for s, e in sentences(text):
        k = bisect.bisect_right(starts, s) - 1
        seg = segments[k] if k >= 0 and segments[k].start <= s < segments[k].end else None
        j = bisect.bisect_right(turn_starts, s) - 1
        turn = turns[j] if j >= 0 and turns[j].start <= s < turns[j].end else None
        out.append(Sentence(s, e, seg.role if seg else "body", seg.page if seg else None, turn))
    return tuple(out)


def chunks(sents: Sequence[Sentence], size: int) -> Iterator[tuple[Sentence, ...]]:
    """Runs of whole sentences of at most ``size`` characters (a longer sentence is a chunk of its own)."""
    part: list[Sentence] = []
    for s in sents:
        if part and s.end - part[0].start > size:
            yield tuple(part)
            part = []
        part.append(s)
    if part:
        yield tuple(part)

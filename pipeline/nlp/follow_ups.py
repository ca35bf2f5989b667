"""Follow-ups: the document says it carries out, delays or answers something.

Cues are data (``models/patterns/follow_ups.json``). A cue sentence's targets
are the motions and toezeggingen it names: in the sentence, in the footnotes
on it, or, for ``deze motie/toezegging``, in the three sentences before it.
A cue without a target gives no follow-up: never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import rules


@dataclass(frozen=True)
class Target:
    """Something a follow-up can point at, with the sentence that names it."""

    id: str
    what: str  # "motie" or "toezegging"
    sentence: tuple[int, int]


@dataclass(frozen=True)
class Found:
    relation: str
    target: str
    start: int
    end: int


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    data: dict[str, Any] = rules.load("follow_ups.json")
    for rel in ("fulfils", "postpones", "answers"):
        data[rel + "_re"] = re.compile("|".join(f"(?:{p})" for p in data[rel]))
    data["negation_re"] = re.compile(data["negation"], re.I)
    data["anaphor_re"] = re.compile(data["anaphor"], re.I)
    return data


def relation_of(sentence: str) -> str | None:
    """The follow-up relation a sentence states, if any.

    >>> relation_of("Hiermee beschouw ik de motie als uitgevoerd."), relation_of("Het regent.")
    ('fulfils', None)
    """
    c = cues()
    for rel in ("fulfils", "postpones", "answers"):
        if c[rel + "_re"].search(sentence):
            if rel == "fulfils" and c["negation_re"].search(sentence):
                continue
            return rel
    return None


def find_follow_ups(
    text: str,
    bounds: list[tuple[int, int]],
    targets: list[Target],
    answer_targets: list[tuple[str, int]] | None = None,
) -> list[Found]:
    """Follow-ups with their targets.

    ``targets`` are the motions and toezeggingen the document names, each
    tied to the body sentence that names it (footnote references are tied to
    the sentence carrying the marker). ``answer_targets`` are (id, offset)
    of questions the document may answer (Zaak numbers, Aanhangsel ids).
    """
    c = cues()
    out: list[Found] = []
    seen: set[tuple[str, str]] = set()
    for k, (s, e) in enumerate(bounds):
        sentence = text[s:e]
        rel = relation_of(sentence)
        if rel is None:
            continue
        ids: list[str] = []
        if rel == "answers":
            ids = [tid for tid, pos in (answer_targets or []) if s <= pos < e] or [
                tid for tid, _ in (answer_targets or [])
            ][:1]
        else:
            ids = [t.id for t in targets if t.sentence == (s, e)]
            ana = c["anaphor_re"].search(sentence)
            if ana:
                # 'deze toezegging en moties' names both kinds
                window = sentence[ana.start() : ana.end() + 30].lower()
                kinds = {kind for kind in ("toezegging", "motie") if kind in window}
                previous = set(bounds[max(0, k - 3) : k])
                ids += [t.id for t in targets if t.sentence in previous and t.what in kinds]
        for tid in dict.fromkeys(ids):
            if (rel, tid) not in seen:
                seen.add((rel, tid))
                out.append(Found(rel, tid, s, e))
    return out

"""Cues of promise and follow-up language: which sentences to classify, and what the classifier sees.

The cues are data (``models/patterns/cues.json``, each with real examples). A sentence on which a
*candidate* cue fires, or that names a time, goes to the sentence classifier; every cue that fires is
added to the classifier's input as a token, so the model learns from hand-labelled real sentences when
a cue means what it seems to ("zal … informeren" in a minister's letter, not in a member's question).

>>> sorted(fired("Ik zal uw Kamer voor de zomer informeren."))
['first_person', 'future', 'inform', 'kamer', 'time']
>>> marked("Is de minister bereid?").split()[-3:]
['__question__', '__government__', '__rule_blocked_question__']
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import rules
from .deadlines import find_deadlines


@lru_cache(maxsize=1)
def cues() -> tuple[tuple[str, bool, re.Pattern[str]], ...]:
    data = rules.load("cues.json")
    return tuple((c["name"], bool(c["candidate"]), re.compile(c["regex"], re.I)) for c in data["cues"])


def fired(sentence: str) -> list[str]:
    """The names of the cues that fire on a sentence (``time`` when it names a time)."""
    out = [name for name, _, rx in cues() if rx.search(sentence)]
    if find_deadlines(sentence, None):
        out.append("time")
    return out


def is_candidate(sentence: str) -> bool:
    """Does a sentence need the classifier? (a candidate cue fires, or it names a time)"""
    if any(cand and rx.search(sentence) for _, cand, rx in cues()):
        return True
    return bool(find_deadlines(sentence, None))


def rule_label(sentence: str) -> str:
    """What the rules alone make of a sentence: a commitment kind, a follow-up relation, or none."""
    from .commitments import read
    from .follow_ups import relation_of

    found = find_deadlines(sentence, None)
    r = read(sentence, bool(found), bool(found))
    if r.kind:
        return r.kind
    rel = relation_of(sentence)
    return rel[0] if rel else ("blocked_" + r.blocked if r.blocked else "none")


def marked(sentence: str) -> str:
    """The classifier's input: the sentence, then a token per cue that fires on it and the rules' reading."""
    names = [*fired(sentence), "rule_" + rule_label(sentence)]
    return sentence + " " + " ".join(f"__{n}__" for n in names)

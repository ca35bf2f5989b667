"""Toezeggingen spoken in a debate: what the letter grammar must not take for one, and the chair's list.

The commitment rules (``commitments.py``) read a bewindspersoon's sentences in a
debate as they read a letter's. Spoken Dutch has look-alikes a letter has not:
the debate's own procedure ("Ik ga dat in hoog tempo doen"), what a promised
letter will say ("Die brief gaat over …"), a member's words reported ("hoor ik
de heer Paternotte vragen"), a request to the Kamer, the present practice,
what was said before. ``blocked`` names the look-alike a sentence is.

At the end of a commissiedebat the chair reads out the toezeggingen made
("De volgende toezeggingen zijn gedaan: – De minister zegt toe …"): each item
is one commitment, its actor the bewindspersoon the item names.

Both are data with real examples: ``models/patterns/debates.json``.

>>> blocked("Ik ga dat in hoog tempo doen."), blocked("Ik zal uw Kamer hier nog over informeren.")
('procedure', None)
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from ..schema import Commitment, Deadline, Document, Turn
from . import rules
from .deadlines import find_deadlines, pick


@lru_cache(maxsize=1)
def patterns() -> dict[str, Any]:
    data: dict[str, Any] = rules.load("debates.json")
    return {
        "data": data,
        "delivery": re.compile(data["delivery"], re.I),
        "blockers": [(name, re.compile(b["regex"], re.I)) for name, b in data["blockers"].items()],
        "heading": re.compile(data["chair_list"]["heading"], re.I),
        "item": re.compile(data["chair_list"]["item"]),
    }


def blocked(sentence: str) -> str | None:
    """The look-alike a bewindspersoon's sentence in a debate is, or None when it may be a promise.
    A sentence that names a delivery to the Kamer is never mere procedure."""
    p = patterns()
    text = " ".join(sentence.split())
    for name, rx in p["blockers"]:
        if rx.search(text) and not (name == "procedure" and p["delivery"].search(text)):
            return str(name)
    return None


def _actor(who: str, turns: tuple[Turn, ...]) -> str:
    """``De minister`` of an item is the one bewindspersoon of that function who spoke; a function with
    its department (``De minister van Financiën``) is itself."""
    who = " ".join(who.split())
    function = who[:1].upper() + who[1:]
    if re.search(r"\s(?:van|voor)\s", who):
        return function
    spoke = {
        (t.function, t.speaker)
        for t in turns
        if t.is_government and (t.function or "").lower().startswith(who.lower().split()[0])
    }
    if len(spoke) == 1:
        fn, name = spoke.pop()
        bare = (fn or "").lower() in ("minister", "staatssecretaris", "minister-president")
        return f"{fn} {name}" if bare else fn or name
    return function


def chair_list(doc: Document, turns: tuple[Turn, ...], ref_date: dt.date | None) -> list[Commitment]:
    """The toezeggingen the chair lists at the end of a commissiedebat, one per item."""
    p = patterns()
    text, out = doc.text, []
    for head in p["heading"].finditer(text):
        pos = head.end()
        for item in p["item"].finditer(text, pos, min(len(text), pos + 20000)):
            gap = text[pos : item.start()]
            if gap.strip():
                break  # the list ends where something other than its next item follows
            pos = item.end()
            said = item.group("text").strip()
            found = pick(find_deadlines(said, ref_date))
            deadline = Deadline(found.text, found.by) if found else None
            out.append(
                Commitment(
                    "toezegging",
                    _actor(item.group("who"), turns),
                    None,
                    deadline,
                    doc.span(item.start("text"), item.start("text") + len(said)),
                    confidence=0.9,
                )
            )
    return out

"""Outcomes of motions announced in a sitting's stemmingen.

The chair puts a motion to the vote and announces the result in fixed
formulas::

    In stemming komt de motie-Omtzigt (21501-20, nr. 1471).
    De voorzitter:
    Ik constateer dat de leden van de fracties van … voor deze motie hebben gestemd, zodat zij is aangenomen.

An outcome sentence is about the motion last put to the vote (or, in an item
that votes on one motion only, the one its list names); a motion held over
("Op verzoek van de heer Klein stel ik voor, zijn motie (29453, nr. 301) aan
te houden.") names itself. The formulas are data: ``models/patterns/votes.json``.

>>> text = ("In stemming komt de motie-Pechtold c.s. (33209, nr. 1).\\n\\nDe voorzitter:\\n\\n"
...         "Ik constateer dat de leden van de fracties van de SP en D66 voor deze motie hebben gestemd "
...         "en de leden van de overige fracties ertegen, zodat zij is verworpen.")
>>> [(o.id, o.status, o.names) for o in announced_outcomes(text)]
[('kst-33209-1', 'verworpen', ('Pechtold',))]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import rules

SEARCH_AHEAD = 4000  # characters after a motion is put within which the chair announces its outcome


@dataclass(frozen=True)
class Outcome:
    """A motion's outcome as the chair announced it: ``start``/``end`` are the announcing sentence."""

    id: str
    status: str
    names: tuple[str, ...]
    start: int
    end: int


@lru_cache(maxsize=1)
def patterns() -> dict[str, Any]:
    data: dict[str, Any] = rules.load("votes.json")
    out: dict[str, Any] = {"data": data}
    for name in ("put", "listed", "outcome", "held"):
        out[name] = re.compile(data[name]["regex"])
    out["held_list"] = re.compile(data["held"]["list_regex"])
    return out


def kst_id(m: re.Match[str]) -> str:
    """The kst id of a ``{NUMBER}`` match: ``(21501-20, nr. 1471)`` → ``kst-21501-20-1471``,
    ``(34246, letter C)`` → ``kst-34246-C``."""
    dossier = re.sub(r"\s+", "", m.group("dossier"))
    own = m.group("letter") or str(int(m.group("nr")))
    return f"kst-{dossier}-{own}"


def held_ids(m: re.Match[str]) -> list[str]:
    """The kst ids of a list of held motions: ``29911-226; 21501-08-765`` → ``kst-29911-226``, …"""
    return [f"kst-{i}" for i in re.findall(r"\d{4,6}(?:-[A-Z0-9]{1,6})?-\d{1,5}", m.group("ids"))]


def _names(m: re.Match[str]) -> tuple[str, ...]:
    raw = re.sub(r"\s+c\.s\.?$", "", " ".join((m.group("names") or "").split()))
    return tuple(n.strip() for n in raw.split("/") if n.strip())


def _sentence_end(text: str, pos: int) -> int:
    m = re.search(r"[.!?](?=\s|$)", text[pos:])
    return pos + m.end() if m else len(text)


def announced_outcomes(text: str) -> list[Outcome]:
    """Every outcome the chair announces in ``text``, in order of the text."""
    p = patterns()
    out: list[Outcome] = []
    put = list(p["put"].finditer(text))
    outcomes = list(p["outcome"].finditer(text))
    # an item voting on a single motion may print no 'In stemming komt' line: its list names it
    listed = list(p["listed"].finditer(text))
    for o in outcomes:
        before = [m for m in put if m.end() <= o.start() and o.start() - m.end() <= SEARCH_AHEAD]
        subject = before[-1] if before else None
        if subject is None:
            near = [m for m in listed if m.end() <= o.start() and o.start() - m.end() <= SEARCH_AHEAD]
            subject = near[-1] if len(near) == 1 else None
        if subject is None:
            continue
        # the outcome must follow its motion before the next one is put
        if any(subject.end() <= m.start() < o.start() for m in put if m is not subject):
            continue
        if out and out[-1].id == kst_id(subject):
            continue  # one announcement per motion put
        status = o.group("status") or o.group("status2")
        out.append(
            Outcome(kst_id(subject), status, _names(subject), o.start(), _sentence_end(text, o.end() - 1))
        )
    for h in p["held"].finditer(text):
        out.append(Outcome(kst_id(h), "aangehouden", (), h.start(), _sentence_end(text, h.end())))
    for h in p["held_list"].finditer(text):
        for ident in held_ids(h):
            out.append(Outcome(ident, "aangehouden", (), h.start(), h.end()))
    return sorted(out, key=lambda o: o.start)

"""Motions: the motion a document is, and the motions other documents mention.

* A motion document (``MOTIE VAN HET LID …``): its indieners (from the
  signatures, see ``meta.py``), date, considerations and dictum clauses,
  and ``replaces`` from ``TER VERVANGING VAN DIE GEDRUKT ONDER NR. N`` or
  ``t.v.v.``.
* Mentions elsewhere: ``de motie van de leden Smaling en Voordewind d.d. 29
  april 2015 (Kamerstuk 32 852 nr. 24)``, ``de aangehouden motie-Lodders/
  Geurts``, ``twee moties van de leden Vermue en Servaes aangenomen``, with
  the id where the text or the footnote on the sentence gives it, and the
  status the sentence states.

Clause words and status words are data: ``models/patterns/motions.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..schema import Motion
from . import rules
from .dutch import DATE, iso_date
from .stages import Chunk, stage

NAME = (
    r"(?:[A-Z][a-zà-ÿ'’]+\s+)?(?:(?:[Vv]an|[Dd]e|der|den|[Tt]er|[Tt]en|[Hh]et|[Ee]l|[Ll]e)\s+)*"
    r"[A-Z][\w'’ëéèïöüç]+(?:-[A-Z][\w'’ëéèïöüç]+)*"
)
NAMES = rf"{NAME}(?:\s*,\s*{NAME})*(?:\s+en\s+{NAME})?"
STATUS_WORDS = r"aangehouden|aangenomen|verworpen|ingetrokken|gewijzigde|ontraden|afgewezen"
MENTION = re.compile(
    rf"\b(?:(?P<count>een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|\d{{1,2}})\s+)?"
    rf"(?:(?P<pre>{STATUS_WORDS})\s+)?(?P<word>[Mm]oties?)\s+van\s+(?:het\s+lid|de\s+leden)\s+"
    rf"(?P<names>{NAMES})(?P<cs>\s+c\.s\.)?"
    rf"|\b(?:(?P<pre2>{STATUS_WORDS})\s+)?[Mm]otie-(?P<names2>{NAME}(?:\s*/\s*{NAME})*)(?P<cs2>\s+c\.s\.)?"
)
DD = re.compile(r"\s*,?\s*(?:d\.d\.|van|ingediend\s+op|op)\s+(\d{1,2}\s+\w+\.?\s+\d{4})")
REPLACES_TITLE = re.compile(
    r"TER\s+VERVANGING\s+VAN\s+(?:DIE|DE\s+MOTIE)\s+GEDRUKT\s+ONDER\s+NR\.?\s*(\d{1,5})", re.I
)
TVV = re.compile(r"\bt\.v\.v\.\s*(?:nr\.\s*)?(\d{1,5})\b")
ORDE = re.compile(r"en\s+gaat\s+over\s*tot\s+de\s+orde\s+van\s+de\s+dag", re.I)  # OCR: "overtot"


@lru_cache(maxsize=1)
def motion_words() -> dict[str, Any]:
    data: dict[str, Any] = rules.load("motions.json")
    consid = "|".join(data["considerations"])
    dictum = "|".join(data["dictum"])
    data["clause"] = re.compile(
        rf"(?:(?<=\n)|(?<=^)|(?<=[;:,.]\s)|(?<=•\s)|(?<=–\s))\s*(?P<word>(?P<c>{consid})|(?P<d>{dictum}))\b",
        re.I,
    )
    data["motion_numbers_re"] = re.compile(data["motion_numbers"], re.I)
    data["appraisals_re"] = [
        (v, re.compile(data["appraisals"][v]))
        for v in ("overgenomen", "oordeel_kamer", "ontraden", "ontijdig")
    ]
    return data


@dataclass
class Clauses:
    considerations: list[tuple[int, int]] = field(default_factory=list)
    requests: list[tuple[int, int]] = field(default_factory=list)


def clauses(text: str) -> Clauses:
    """Spans of the considerations and dictum clauses of a motion text.

    A clause runs from its opening word to the next opening word or the
    closing formula ``en gaat over tot de orde van de dag``.

    >>> t = ("De Kamer,\\n\\ngehoord de beraadslaging,\\n\\nconstaterende dat X;\\n\\n"
    ...      "verzoekt de regering Y,\\n\\nen gaat over tot de orde van de dag.")
    >>> c = clauses(t)
    >>> [t[s:e] for s, e in c.considerations], [t[s:e] for s, e in c.requests]
    (['constaterende dat X;'], ['verzoekt de regering Y,'])
    """
    words = motion_words()
    start = text.find("gehoord de beraadslaging")
    start = 0 if start < 0 else start
    end_m = ORDE.search(text, start)
    end = end_m.start() if end_m else len(text)
    found = [m for m in words["clause"].finditer(text, start, end)]
    out = Clauses()
    for k, m in enumerate(found):
        s = m.start("word")
        e = found[k + 1].start("word") if k + 1 < len(found) else end
        e = len(text[:e].rstrip())
        (out.considerations if m.group("c") else out.requests).append((s, e))
    return out


def replaces(title: str | None, text: str, dossier: str | None) -> str | None:
    """The kst id a gewijzigde motie replaces (same dossier)."""
    if not dossier:
        return None
    m = REPLACES_TITLE.search(title or "") or REPLACES_TITLE.search(text[:3000]) or TVV.search(text[:3000])
    return f"kst-{dossier}-{int(m.group(1))}" if m else None


@dataclass
class Mention:
    submitters: list[str]
    start: int
    end: int
    date: str | None = None
    status: str | None = None
    id: str | None = None


def split_names(names: str) -> list[str]:
    """``'Smaling en Voordewind'`` → ``['Smaling', 'Voordewind']``; ``'Lodders/Geurts'`` likewise."""
    parts = re.split(r"\s*,\s*|\s+en\s+|\s*/\s*", names.strip())
    return [p[:1].upper() + p[1:] for p in parts if p]


def _status(word: str | None) -> str | None:
    if not word:
        return None
    status = motion_words()["status"].get(word.lower())
    return str(status) if status else None


def find_mentions(
    text: str, sentence_of: Any, refs: list[tuple[str, int, int]], start: int = 0
) -> list[Mention]:
    """Motions mentioned in ``text`` (from ``start`` on).

    ``sentence_of(offset)`` gives the ``(start, end)`` of the sentence at an
    offset; ``refs`` are ``(kst id, start, end)`` of the Kamerstuk references,
    used as ids when one follows the mention within its sentence.
    """
    counts = motion_words()["count_words"]
    out: list[Mention] = []
    matches = list(MENTION.finditer(text, start))
    for k, m in enumerate(matches):
        names = split_names(m.group("names") or m.group("names2") or "")
        if not names:
            continue
        sent = sentence_of(m.start()) or (m.start(), len(text))
        nxt = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        limit = min(sent[1], nxt)
        date = None
        dd = DD.match(text, m.end())
        if dd:
            date = iso_date(dd.group(1))
        else:
            dates = [iso_date(d.group(0)) for d in DATE.finditer(text, sent[0], sent[1])]
            if len(dates) == 1:
                date = dates[0]
        status = _status(m.group("pre") or m.group("pre2"))
        if status is None or m.group("pre") == "gewijzigde":
            after = re.search(rf"\b({STATUS_WORDS})\b", text[m.end() : limit])
            status = _status(after.group(1)) if after else status
        kid = next((rid for rid, s, _ in refs if m.end() <= s < limit), None)
        count = (m.group("count") or "").lower()
        n = counts.get(count) or (int(count) if count.isdigit() else 1)
        groups = [[name] for name in names] if n > 1 and n == len(names) else [names]
        for group in groups:
            out.append(Mention(group, m.start(), m.end(), date, status, kid if len(groups) == 1 else None))
    return out


@stage("motions.rules", writes="motions", reads=("references",))
def mentions(chunk: Chunk) -> list[Motion]:
    """Motions a sentence mentions, with the id a Kamerstuk reference after it in the sentence gives."""
    kst = [(r.id, r.span.start, r.span.end) for r in chunk.found.references if r.kind == "kamerstuk"]

    def sentence_of(offset: int) -> tuple[int, int] | None:
        sent = chunk.sentence_at(offset)
        return (sent.start, sent.end) if sent else None

    s, e = chunk.start, chunk.end
    out = []
    for m in find_mentions(chunk.text[:e], sentence_of, kst, start=s):
        out.append(
            Motion(
                m.id, tuple(m.submitters), m.date, chunk.span(m.start, m.end), status=m.status, mentioned=True
            )
        )
    return out


# A motion read out in a debate, as the report prints it: "Motie / De Kamer, … en gaat over tot de orde
# van de dag." then the chair: "Deze motie is voorgesteld door het lid De Hoop. Zij krijgt nr. 1136 (32847)."
DEBATE_MOTION = re.compile(r"(?m)^De\s+Kamer,\s*gehoord\s+de\s+beraadslaging")
PROPOSED_BY = re.compile(
    r"Deze\s+(?:gewijzigde\s+)?motie\s+is\s+voorgesteld\s+door\s+(?:het\s+lid|de\s+leden)\s+(?P<names>[^.]{2,300}?)\."
)
NUMBERED = re.compile(
    r"Zij\s+krijgt\s+nr\.\s*(?P<nr>\d{1,5})(?:\s*,\s*was\s+nr\.\s*(?P<was>\d{1,5}))?,?\s*"
    r"\((?P<dossier>\d{4,6}(?:[-\s](?:[A-Z]{1,6}|\d{1,3}))?)\)"
)


CHANGED = re.compile(
    r"\b(?:De|de)\s+(?:gewijzigde\s+)?motie-(?P<names>[^()\n]{2,200}?)\s*\([^()]{4,40}\)\s+is\s+in\s+die\s+zin\s+"
    r"gewijzigd,?\s+dat\s+zij\s+(?:thans\s+is\s+ondertekend\s+door\s+(?:het\s+lid|de\s+leden)\s+"
    r"(?P<signed>[^,\n]{2,200}?),?\s+en\s+)?(?:thans\s+)?luidt"
)


@stage("motions.debate", writes="motions", reads=())
def debate_motions(chunk: Chunk) -> list[Motion]:
    """Motions submitted in a debate: their dictum and considerations, who proposed them and the number the
    chair gives them (``Zij krijgt nr. 1136 (32847).``), dated by the sitting; only in a debate."""
    structure = chunk.structure
    if structure.meta.kind != "handelingen":
        return []
    text, out = chunk.text, []
    for m in DEBATE_MOTION.finditer(text, chunk.start, chunk.end):
        orde = ORDE.search(text, m.end(), m.end() + 6000)
        if orde is None:
            continue
        body_end = orde.end()
        by = PROPOSED_BY.search(text, body_end, body_end + 400)
        # a motion changed at the vote is read out by the chair with no 'voorgesteld door': "De motie-X (…)
        # is in die zin gewijzigd dat zij thans luidt: … Zij krijgt nr. 348, was nr. 347 (32317)."
        changed = None if by else CHANGED.search(text[max(0, m.start() - 400) : m.start()])
        after = by.end() if by else body_end
        nr = NUMBERED.search(text, after, after + 400) if (by or changed) else None
        body = text[m.start() : body_end]
        c = clauses(body)
        kid = was = None
        if nr:
            dossier = re.sub(r"\s+", "-", nr.group("dossier").strip()).upper()
            kid = f"kst-{dossier}-{int(nr.group('nr'))}"
            # "Zij krijgt nr. 348, was nr. 347 (32317)": a changed motion replaces the one it was
            was = f"kst-{dossier}-{int(nr.group('was'))}" if nr.group("was") else None
        end = nr.end() if nr else by.end() if by else body_end
        turn = next((t for t in structure.turns if t.start <= m.start() < t.end), None)
        names = tuple(split_names(by.group("names"))) if by else ()
        if changed:
            signed = changed.group("signed")
            names = tuple(split_names(signed)) if signed else tuple(split_names(changed.group("names")))
        # a member who reads out several motions may do so inside the chair's turn after the first
        speaker = turn.speaker if turn and turn.function != "voorzitter" else (names[0] if names else None)
        out.append(
            Motion(
                kid,
                names,
                structure.meta.date,
                chunk.span(m.start(), end),
                requests=tuple(" ".join(body[s:e].split()) for s, e in c.requests),
                considerations=tuple(" ".join(body[s:e].split()) for s, e in c.considerations),
                replaces=was,
                mentioned=True,
                speaker=speaker,
            )
        )
    return out

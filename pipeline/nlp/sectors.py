"""Economic sectors named in a text, by the contract's sector ids.

The lexicon (``models/lexicons/sectors.json``) holds terms per sector; a term
matches as a word (plural too), as the first part of a compound with a
sector head (``sierteelt|sector``, ``goud|keten``), and inside a
coordination (``kleding- en textielindustrie`` names both halves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from ..schema import SectorMention
from .stages import Chunk, stage


@dataclass(frozen=True)
class Found:
    id: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _lexicon() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], tuple[str, ...]]:
    data = resources.read_json("lexicons", "sectors.json")
    heads = tuple(data["heads"])
    term_id: dict[str, str] = {}
    for s in data["sectors"]:
        for t in s["terms"]:
            term_id.setdefault(t.lower(), s["id"])
    terms = sorted(term_id, key=len, reverse=True)
    alts = "|".join(re.escape(t) for t in terms)
    head = "|".join(heads)
    # term, optionally plural, optionally a compound with a sector head
    regex = re.compile(rf"(?<![\w-])(?P<term>{alts})(?:en|s)?(?:s?(?:{head}))?(?![\w-])", re.I)
    coord = re.compile(rf"(?<![\w-])(?P<left>\w+)-\s+(?:en|of)\s+(?P<right>\w+?)(?P<head>{head})\b", re.I)
    return regex, term_id, coord, heads


def find_sectors(text: str) -> list[Found]:
    """Sector mentions with their spans.

    >>> [f.id for f in find_sectors("de sectoren bouw, natuursteen en de kleding- en textielindustrie")]
    ['bouw', 'natuursteen', 'textiel']
    >>> find_sectors("de opbouw van het fonds")
    []
    """
    regex, term_id, coord, _ = _lexicon()
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for m in coord.finditer(text):
        for part in (m.group("left"), m.group("right")):
            key = part.lower()
            sid = term_id.get(key) or term_id.get(key + m.group("head").lower())
            if sid and not any(f.id == sid and f.start == m.start() for f in out):
                out.append(Found(sid, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    for m in regex.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        out.append(Found(term_id[m.group("term").lower()], m.start(), m.end()))
    out.sort(key=lambda f: f.start)
    return out


@stage("sectors.lexicon", writes="sectors")
def lexicon(chunk: Chunk) -> list[SectorMention]:
    """Sector mentions by the sector lexicon."""
    s, e = chunk.start, chunk.end
    return [SectorMention(f.id, chunk.span(f.start + s, f.end + s)) for f in find_sectors(chunk.text[s:e])]

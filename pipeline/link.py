"""Link a follow-up that only describes what it acts on to the motion the store knows.

A letter often says "Met deze brief geef ik uitvoering aan de motie van het lid Van Dijk over de
wachttijden in de ggz" without a number. The follow-up's ``target_text`` names the motion by its
indieners and its subject; this module reads that description (``describe``), scores it against
every motion the store holds (``score``: the indieners must be among its submitters, the subject
words among the words of its Onderwerp and dictum, the motion older than the letter, the dossier the
same where both are known) and links the best one only when it is clearly the best (``resolve``:
a confidence at or above ``THRESHOLD`` and ``MARGIN`` ahead of the next). The figures are measured
by ``bench/bench_link.py`` on descriptions made from the real motions of the development corpus.

It is a pure function of the description and the candidates; the store calls it when it writes a
paper's facts (``Store._linked``), over the motions of the indieners the description names, so the
link is a stored fact that every query and export sees.

>>> d = describe("de motie van het lid Van Dijk over de wachttijden in de ggz")
>>> d.surnames, sorted(d.words)
(('dijk',), ['ggz', 'wacht'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .nlp.dutch import STOPWORDS

THRESHOLD = 0.6  # below this a description is left unlinked (bench/bench_link.py)
MARGIN = 0.15  # the best must lead the next by this much, or the description is ambiguous

_MOTION = re.compile(r"(?i)\bmoties?\b")
_INDIENERS = re.compile(
    r"(?i)\bmoties?\s*(?:-\s*|van\s+(?:het\s+(?:kamer)?lid|de\s+(?:kamer)?leden|mevrouw|de\s+heer)\s+|\s)"
    r"(?P<names>(?:(?:[A-ZÀ-Ý][\w'’-]*|van|de|der|den|ter|ten|het|'t|in\s+'t)[\s/-]*?(?:,\s*|\s+en\s+|/)?){1,12}?)"
    r"(?=\s*(?:c\.\s?s\.|cs\b|over\b|inzake\b|betreffende\b|ten\s+aanzien|om\b|die\b|waarin\b|\(|,|\.|;|$"
    r"|\s+(?:is|wordt|heeft|zijn|en\s+de)\b))"
)
_PARTICLES = frozenset(["van", "de", "der", "den", "ter", "ten", "het", "'t", "in", "te"])
_SUBJECT = re.compile(
    r"(?i)\b(?:over|inzake|betreffende|ten\s+aanzien\s+van|met\s+betrekking\s+tot|om)\s+(?P<subject>.+)$"
)
# the description ends where the sentence goes on: "… over de natuur vraagt het kabinet meer tijd"
_CLAUSE_END = re.compile(
    r"(?i)[,;]|\b(?:vraagt|verzoekt|heeft|hebben|is|zijn|wordt|worden|kan|kunnen|zal|zullen|wil|moet|moeten|"
    r"geef|geeft|stuur|stuurt|informeer|bericht|ontvangt|treft)\b"
)
_DOSSIER = re.compile(r"\b([1-3]\d)\s?(\d{3})\b")


@dataclass(frozen=True)
class Described:
    """What a follow-up's words say about the motion it acts on."""

    surnames: tuple[str, ...]  # the indieners named, as surname keys ("dijk" for "Van Dijk")
    names: tuple[str, ...]  # the same as printed, lower case ("van dijk"): the store's person keys
    words: frozenset[str]  # stems of the subject's content words
    dossier: str | None


@dataclass(frozen=True)
class Candidate:
    """A motion the store knows: its id, submitters, the words of its subject and dictum, its date."""

    id: str
    submitters: tuple[str, ...]
    text: str
    date: str | None = None


def surname_key(name: str) -> str:
    """A surname without its particles, lower case: "Van den Berg" → "berg", "Klaver" → "klaver"."""
    words = [w for w in re.split(r"[\s-]+", name.lower().strip(" .,")) if w]
    core = [w for w in words if w not in _PARTICLES] or words
    return core[-1] if len(core) == 1 else "-".join(core)


@lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    """Content words cut to a crude Dutch stem (plural and inflection endings off, compounds kept)."""
    out = set()
    for w in re.findall(r"[a-zà-ÿ]{3,}", text.lower()):
        if w in STOPWORDS:
            continue
        for end in ("tijden", "ingen", "heden", "eren", "en", "s", "e"):
            if w.endswith(end) and len(w) - len(end) >= 3:
                w = w[: -len(end)]
                break
        out.add(w)
    return frozenset(out)


def describe(target_text: str | None) -> Described | None:
    """The indieners, subject words and dossier a description of a motion gives; None if it names no motion.

    >>> describe("de motie-Klaver c.s. (35 925, nr. 12)").dossier
    '35925'
    >>> describe("het verzoek van de commissie") is None
    True
    """
    if not target_text or not _MOTION.search(target_text):
        return None
    m = _INDIENERS.search(target_text)
    names: list[str] = []
    printed: list[str] = []
    if m:
        for part in re.split(r",\s*|\s+en\s+|/", m.group("names")):
            part = part.strip(" -")
            if part and any(c.isupper() for c in part[:1] + part.split()[-1][:1]):
                names.append(surname_key(part))
                printed.append(" ".join(part.lower().split()))
    subject = _SUBJECT.search(target_text[m.end() if m else 0 :])
    dossier = _DOSSIER.search(target_text)
    words = stems(_CLAUSE_END.split(subject.group("subject"), 1)[0]) if subject else frozenset()
    if not names and not words:
        return None
    number = dossier.group(1) + dossier.group(2) if dossier else None
    return Described(tuple(names), tuple(printed), words, number)


def score(d: Described, c: Candidate, written: str | None = None) -> float:
    """How well a motion fits a description, 0–1; 0 when it cannot be the one meant."""
    if written and c.date and c.date[:10] > written[:10]:
        return 0.0  # a letter acts on a motion that came before it
    if d.dossier and not c.id.startswith(f"kst-{d.dossier}-"):
        return 0.0
    keys = {surname_key(s) for s in c.submitters}
    if d.surnames:
        found = sum(1 for s in d.surnames if s in keys)
        if found == 0:
            return 0.0
        names = found / len(d.surnames)
        if c.submitters and surname_key(c.submitters[0]) == d.surnames[0]:
            names = min(1.0, names + 0.1)  # the first indiener names the motion
    else:
        names = 0.0
    if d.words:
        have = stems(c.text)
        hit = sum(1 for w in d.words if w in have or any(_same_stem(w, h) for h in have))
        subject = hit / len(d.words)
    else:
        subject = 0.0
    if d.surnames and d.words:
        return 0.5 * names + 0.5 * subject
    if d.surnames:
        return 0.7 * names  # names alone: linked only when the indiener has one motion to choose from
    return 0.6 * subject


def _same_stem(a: str, b: str) -> bool:
    """Inflections and compounds: "wacht" and "wachttijd", "locati" and "oefenlocati"."""
    if len(a) < 5 or len(b) < 5:
        return False
    # inflections share the start, Dutch compounds end in their head
    return b.startswith(a) or a.startswith(b) or b.endswith(a) or a.endswith(b)


def resolve(
    d: Described, candidates: Iterable[Candidate], written: str | None = None
) -> tuple[str, float] | None:
    """The motion a description means, with its confidence, when one clearly fits best."""
    if d.surnames:  # only motions of a named indiener can be meant
        candidates = [c for c in candidates if any(surname_key(s) in d.surnames for s in c.submitters)]
    ranked = sorted(((score(d, c, written), c.id) for c in candidates), reverse=True)
    ranked = [r for r in ranked if r[0] > 0]
    if not ranked or ranked[0][0] < THRESHOLD:
        return None
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < MARGIN:
        return None  # two motions fit about as well: say nothing rather than guess
    return ranked[0][1], round(ranked[0][0], 3)


def candidates_from(motions: Sequence[tuple[str, Sequence[str], str, str | None]]) -> list[Candidate]:
    """Candidates from (id, submitters, subject and dictum text, date) rows."""
    return [Candidate(i, tuple(s), t, d) for i, s, t, d in motions]

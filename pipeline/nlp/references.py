"""References: every way a parliamentary paper cites another, as canonical ids.

The patterns are data (``models/patterns/references.json``, each with real
examples). This module compiles them, turns a match into the contract's
canonical id(s) and follows lists and elliptic continuations (``nrs. 520 en
548``, ``nr. 4, p. 12 en 13, en nr. 6``).

``find_references(text)`` is the plain function; the stage
``references.patterns`` runs it over a chunk. Short forms (``(idem, nr. 12)``,
``zie noot 3``, ``deze motie``) are ``resolve.py``'s work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..schema import KamerstukId, Reference
from . import rules
from .dutch import MONTHS, OCR_HYPHEN, fix_toevoeging, joined
from .stages import Chunk, stage

SP = "[ \u00a0]"


@dataclass(frozen=True)
class Pattern:
    id: str
    kind: str
    regex: re.Pattern[str]
    means: str
    examples: tuple[tuple[str, str, str], ...]
    counter_examples: tuple[str, ...]
    triggers: tuple[str, ...] = ()  # one must occur (lower-cased) for the pattern to be tried


@dataclass(frozen=True)
class Found:
    """A reference found in a text: its kind, canonical id and character span."""

    kind: str
    id: str
    start: int
    end: int
    pattern: str


@lru_cache(maxsize=1)
def load_patterns() -> tuple[tuple[Pattern, ...], frozenset[str]]:
    data = rules.load("references.json")
    patterns = tuple(
        Pattern(
            id=p["id"],
            kind=p["kind"],
            regex=re.compile("".join(p["regex"])),
            means=p["means"],
            examples=tuple((e[0], e[1], e[2]) for e in p["examples"]),
            counter_examples=tuple(p.get("counter_examples", [])),
            triggers=tuple(p.get("triggers", [])),
        )
        for p in data["patterns"]
    )
    return patterns, frozenset(data["numeric_toevoeging_dossiers"]["dossiers"])


SESSION = "SESSION"  # placeholder for the citing paper's vergaderjaar in an Aanhangsel cited without one


def _kst(dossier: str, toev: str | None, nr: str | None) -> tuple[str, str]:
    ks = KamerstukId(re.sub(r"\D", "", dossier), toev, None if nr is None else re.sub(r"^0+(?=\d)", "", nr))
    return ("dossier" if nr is None else "kamerstuk"), ks.id


def _vergaderjaar(y1: str, y2: str) -> str | None:
    if len(y1) == 2:  # '93/94': this archive runs from 1814 to the present
        y1 = ("19" if int(y1) > 40 else "20") + y1
    if len(y2) == 2:
        y2 = y1[:2] + y2
    if int(y2) != int(y1) + 1:
        return None
    return y1 + y2


def _celex(kind: str, a: str, b: str) -> str | None:
    """CELEX number of an EU act from the two numbers printed as 'a/b'.

    >>> _celex("L", "2014", "95"), _celex("L", "95", "46"), _celex("R", "1291", "2013")
    ('32014L0095', '31995L0046', '32013R1291')
    >>> _celex("R", "2016", "679")
    '32016R0679'
    """

    def year(x: str) -> int | None:
        if len(x) == 4 and 1950 <= int(x) <= 2100:
            return int(x)
        if len(x) == 2:
            return 1900 + int(x) if int(x) >= 50 else 2000 + int(x)
        return None

    if kind == "L":  # directives: year first
        y, n = year(a), b
    else:  # regulations: number/year before 2015, year/number since
        ya, yb = year(a) if len(a) == 4 else None, year(b)
        if ya is not None and (yb is None or ya >= 2015):
            y, n = ya, b
        elif yb is not None:
            y, n = yb, a
        else:
            return None
    if y is None or not n.isdigit():
        return None
    return f"3{y}{kind}{int(n):04d}"


# after these a number is a date, an amount or a duration, not a Kamerstuk number
_NOT_A_NUMBER = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jl\b|euro|procent|%|miljoen|miljard|mln|uur|dagen|weken|maanden|jaar|keer)"
)
_CONT_PLURAL = re.compile(
    rf"(?:{SP}*(?:,|\ben\b|t/m|tot{SP}+en{SP}+met|[–-]){SP}*)+(?:nrs?\.?{SP}*)?(\d{{1,4}})\b(?!{SP}*(?:{_NOT_A_NUMBER}|\.\d))"
)
_CONT_EXPLICIT = re.compile(rf"(?:{SP}*(?:,|\ben\b|;){SP}*)+nrs?\.{SP}*(\d{{1,4}})\b")
# 'nr. 9, 10, 11)': a singular nr. that a list closed by its bracket continues
_CONT_CLOSED = re.compile(
    rf"{SP}*(?:,|\ben\b){SP}*(?!(?:1[89]|20)\d\d\b)(\d{{1,4}})\b(?=(?:{SP}*(?:,|\ben\b){SP}*\d{{1,4}}\b)*{SP}*\))"
)
# 'nr. 1 t/m 4': a singular nr. that a range continues
_CONT_THROUGH = re.compile(
    rf"{SP}*(?:t/m|tot{SP}+en{SP}+met){SP}*(?!(?:1[89]|20)\d\d\b)(\d{{1,4}})\b(?!{SP}*(?:{_NOT_A_NUMBER}|\.\d))"
)
# 'nr. 24 en 25': a singular nr. that a second number joins all the same
_CONT_AND = re.compile(rf"{SP}+en{SP}+(\d{{1,4}})\b(?!{SP}*(?:{_NOT_A_NUMBER}|\.\d|[,.]?{SP}*\d))")
_PAGE_REF = re.compile(rf"{SP}*,?{SP}*(?:p|pp|blz|pag)\.{SP}*\d+(?:{SP}*(?:en|[-–]|t/m){SP}*\d+)*")
_RANGE = re.compile(rf"{SP}*(?:[–-]|t/m|tot{SP}+en{SP}+met){SP}*")
_EU_CONT = re.compile(rf"{SP}*(?:,|en){SP}*\((?:EU|EG|EEG)\){SP}*(?:nr\.?{SP}*)?(\d{{1,4}})/(\d{{1,4}})\b")


def _continuations(text: str, end: int, plural: bool) -> list[tuple[str, int, int, bool]]:
    """Numbers that continue a Kamerstuk reference: (nr, start, end, is_range_end)."""
    out: list[tuple[str, int, int, bool]] = []
    pos = end
    while True:
        page = _PAGE_REF.match(text, pos)
        if page:
            pos = page.end()
        m = (_CONT_PLURAL if plural else _CONT_EXPLICIT).match(text, pos)
        if not m:
            m = _CONT_EXPLICIT.match(text, pos) or (None if plural else _CONT_CLOSED.match(text, pos))
            m = m or (None if plural or out else _CONT_AND.match(text, pos) or _CONT_THROUGH.match(text, pos))
            if not m:
                break
        through = _RANGE.match(text, pos)
        is_range = through is not None and through.end() == m.start(1)
        out.append((m.group(1), m.start(1), m.end(1), is_range))
        pos = m.end()
    return out


_LIST_ITEM = re.compile(rf"(?P<range>t/m|tot{SP}+en{SP}+met|[-–])?{SP}*(?P<n>\d{{1,4}})")


_TOEVOEGING_GROUPS = ("toev_h", "toev_s", "toev_g", "toev_t", "toev_c", "letter")


def _listed(numbers: str) -> list[tuple[str, bool]]:
    """The numbers of a list after the first: ', 14 en 19' or ' tot en met 19' → (number, ends a range)."""
    return [(m.group("n"), bool(m.group("range"))) for m in _LIST_ITEM.finditer(numbers)]


def _from_match(p: Pattern, m: re.Match[str], text: str, numeric: frozenset[str]) -> list[Found]:
    g = m.groupdict()
    s, e = m.span()
    if p.kind == "ecli" and not g.get("id"):  # written loosely: the parts, upper case, joined by colons
        parts = [g.get(k) or g.get(f"{k}2") for k in ("c", "court", "y", "n")]
        return [Found("ecli", "ECLI:" + ":".join(x.upper() for x in parts if x), s, e, p.id)]
    if p.kind in ("zaak", "document", "toezegging", "ecli", "bwb", "url"):
        return [Found(p.kind, g["id"], m.start("id"), m.end("id"), p.id)]
    if p.kind in ("stb", "stcrt"):
        if g.get("dated"):  # the act's date gave the year: the citation starts after it
            s = m.end("dated")
        kind = "stb" if (g.get("which") or "").startswith(("Staatsb", "Stb")) else p.kind
        out = []
        for group in ("nr", "nr2"):
            number = re.sub(r"\s", "", g.get(group) or "")
            if not number or number.startswith("0"):  # '(Staatsblad n". 04)': OCR lost a digit
                continue
            number = str(int(number)) if number.isdigit() else number
            out.append(Found(kind, f"{kind}-{g['year']}-{number}", s, e, p.id))
        return out
    if p.id == "aanhangsel_this_session":  # the citing paper's own session, filled in by the resolve stage
        return [Found("aanhangsel", f"ah-tk-{SESSION}-{int(g['nr'])}", s, e, p.id)]
    if p.kind in ("aanhangsel", "handelingen"):
        vj = _vergaderjaar(g["y1"], g["y2"])
        if vj is None:
            return []
        house = "ek" if g.get("kamer") == "I" or g.get("house") == "Eerste" else "tk"
        if p.kind == "aanhangsel":  # 'nrs. 587 en 642': every number in the same vergaderjaar
            plural = bool(re.search(r"\bnrs\.?", m.group(0), re.I))
            first = g["nr"] or g["nr2"]  # nr2: 'Aanhangsel 1348, Handelingen 1977-78'
            if g.get("q") and re.search(r"(?:blz|biz|bladz|pag)\.?\s*$", text[s : m.start("nr")]):
                first = g["q"]  # 'blz. 723, vraag nr. 358': the question's number, not the page
            cited: list[tuple[str, int, int]] = [(first, s, e)]
            for n, cs, ce, is_range in _continuations(text, e, plural) if plural else []:
                if is_range and 0 < int(n) - int(cited[-1][0]) <= 30:  # 'nrs. 44 t/m 47': every one
                    cited += [(str(k), cs, ce) for k in range(int(cited[-1][0]) + 1, int(n))]
                cited.append((n, cs, ce))
            return [Found(p.kind, f"ah-{house}-{vj}-{int(n)}", a, b, p.id) for n, a, b in cited]
        item = f"-{int(g['item'])}" if g.get("item") else ""
        return [Found(p.kind, f"h-{house}-{vj}-{int(g['nr'])}{item}", s, e, p.id)]
    if p.kind == "eu":
        act = "L" if p.id == "eu_directive" else "R"
        out = []
        celex = _celex(act, g["a"], g["b"])
        if celex:
            out.append(Found("eu", celex, s, e, p.id))
        pos = e
        while act == "R" and (c := _EU_CONT.match(text, pos)):
            celex = _celex(act, c.group(1), c.group(2))
            if celex:
                out.append(Found("eu", celex, c.start(1), c.end(), p.id))
            pos = c.end()
        return out
    # Kamerstukken
    dossier = g.get("dossier") or g["dossier_t"]
    toev: str | None = next((g[k] for k in _TOEVOEGING_GROUPS if g.get(k)), None)
    if toev:
        toev = fix_toevoeging(re.sub(r"\s", "", toev))
    if g.get("rijkswet") and not toev:  # the archive cites dossiers with their rijkswet number
        toev = "(" + re.sub(r"\s", "", g["rijkswet"]) + ")"
    nr = g.get("nr") or g.get("nr_c") or g.get("nr_t")
    if p.id == "kamerstuk_eerste_kamer":  # the letter stands where a number would: kst-35570-VII-D
        chapter = fix_toevoeging(g["toev_s"]) if g.get("toev_s") else None
        base = _kst(dossier, chapter, "0")[1].rsplit("-", 1)[0]
        return [Found("kamerstuk", f"{base}-{g['letter']}", s, e, p.id)]
    if p.id == "kamerstuk_compact" and toev is None and re.sub(r"\D", "", dossier) in numeric:
        nr_text = g["nr"]
        if (len(nr_text) <= 2 and nr_text.startswith("0")) or len(nr_text) == 2:
            # '21501-08': a sub-series, not a number
            kind, kid = _kst(dossier, nr_text, None)
            return [Found(kind, kid, s, e, p.id)]
    if g.get("context"):  # the words before only decided it: the citation is what follows them
        s = m.end("context")
    if g.get("dossier_list"):  # '(22 249, 22 250 en 22 262)': each dossier where it stands
        first = Found("dossier", _kst(dossier, None, None)[1], s, m.end("dossier"), p.id)
        rest = [
            Found(
                "dossier",
                _kst(d.group(0), None, None)[1],
                d.start() + m.start("dossier_list"),
                d.end() + m.start("dossier_list"),
                p.id,
            )
            for d in re.finditer(r"[1-3]\d\s?\d{3}|(?<!\d)[4-9]\d{3}(?!\d)", g["dossier_list"])
        ]
        return [first, *rest]
    # an Eerste Kamer number keeps its letter as printed: '16 606, nr. 12b' → kst-16606-12b
    printed = nr + g["nr_sfx"] if nr and g.get("nr_sfx") else nr
    kind, kid = _kst(dossier, toev, printed)
    out = [Found(kind, kid, s, e, p.id)]
    if g.get("dossier2") and printed is not None:  # one stuk printed in two dossiers: it is in both
        out.append(Found(kind, _kst(g["dossier2"], None, printed)[1], m.start("dossier2"), e, p.id))
    if nr is not None:
        # 'nrs. 12 t/m 19 (36 200)', 'nrs. 520 en 548', 'nr. 12, nr. 14'
        numbers = [(n, s, e, is_range) for n, is_range in _listed(g.get("nr_list") or "")]
        if g.get("nr2"):
            numbers.append((g["nr2"], m.start("nr2"), m.end("nr2"), False))
        numbers += _continuations(text, e, plural=bool(re.search(r"\bnrs\.?", m.group(0), re.I)))
        prev = int(nr)
        for n, cs, ce, is_range in numbers:
            if is_range and 0 < int(n) - prev <= 30:  # a range names every number in it
                between = range(prev + 1, int(n))
                out.extend(Found(kind, _kst(dossier, toev, str(k))[1], cs, ce, p.id) for k in between)
            out.append(Found(kind, _kst(dossier, toev, n)[1], cs, ce, p.id))
            prev = int(n)
    return out


# a citation wrapped over lines, as a reader sees it: a line break is a space; a hyphen at a line end inside
# a number or a word joins its halves ("nr. 8-⏎7" is "nr. 87", "Kamer-⏎stuk" is "Kamerstuk"); a blank
# line still ends the paragraph
_WRAP = re.compile(r"(?<=\d)-\n(?=\d)|(?<=[a-z])-\n(?=[a-z])|\n(?!\s*\n)")
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")
# words a citation needs whole; a month dates a Staatsblad ("wet van 22 De-cember 1863 (Staatsblad n°. 148)")
_CITATION_WORDS = (
    *("kamer", "handelingen", "vergaderjaar", "zitting", "staatscourant", "staatsblad"),
    *(m for m in MONTHS if len(m) >= 5),
)


@lru_cache(maxsize=1)
def _trigger_words() -> re.Pattern[str]:
    words = {t for p in load_patterns()[0] for t in p.triggers if len(t) >= 5} | set(_CITATION_WORDS)
    return re.compile("|".join(sorted(map(re.escape, words))))


def _split_citation_word(text: str) -> bool:
    """Does OCR's hyphen break a word the patterns need ('Hande-lingen', 'Ka-mer', 'Staatscou-rant')?"""
    if not OCR_HYPHEN.search(text):
        return False
    words = _trigger_words()
    return any(
        words.search(w.lower().replace("-", "")) and not words.search(w.lower())
        for w in _HYPHENATED.findall(text)
        if OCR_HYPHEN.search(w)
    )


def find_references(text: str) -> list[Found]:
    r"""All references in ``text``, longest match first where patterns overlap; citations may wrap over lines,
    and OCR may keep a broken word's hyphen.

    >>> [(f.kind, f.id) for f in find_references("(Kamerstuk 32 852 nr. 24) en Stb. 2019, 33")]
    [('kamerstuk', 'kst-32852-24'), ('stb', 'stb-2019-33')]
    >>> [f.id for f in find_references("Kamerstuk 34 300 XVII, nrs. 520 en 548")]
    ['kst-34300-XVII-520', 'kst-34300-XVII-548']
    >>> [(f.id, f.start, f.end) for f in find_references("(Kamerstuk 36 410 XVI,\nnr. 8-\n7)")]
    [('kst-36410-XVI-87', 1, 31)]
    >>> [(f.id, f.end) for f in find_references("(Aanhangsel Handelin-gen, Vergaderjaar 1986-1987, nr. 567)")]
    [('ah-tk-19861987-567', 57)]
    """
    flat, where = joined(text, _WRAP) if "\n" in text else (text, None)
    found = _find(flat)
    if _split_citation_word(flat):
        rejoined, back = joined(flat, OCR_HYPHEN)
        taken = [(f.start, f.end) for f in found]
        for f in _find(rejoined):
            s, e = back[f.start], back[f.end - 1] + 1
            if not any(s < b and a < e for a, b in taken):
                found.append(replace(f, start=s, end=e))
        found.sort(key=lambda f: (f.start, f.end))
    if where is None:
        return found
    return [replace(f, start=where[f.start], end=where[f.end - 1] + 1) for f in found]


def _find(text: str) -> list[Found]:
    patterns, numeric = load_patterns()
    matches: list[tuple[int, int, int, Pattern, re.Match[str]]] = []
    low = text.lower()
    for order, p in enumerate(patterns):
        if p.triggers and not any(t in low for t in p.triggers):
            continue
        for m in p.regex.finditer(text):
            if m.end() > m.start():
                matches.append((m.start(), -(m.end() - m.start()), order, p, m))
    matches.sort(key=lambda t: (t[0], t[1], t[2]))
    taken: list[tuple[int, int, list[Found]]] = []
    for start, neg, _, p, m in matches:
        end = start - neg
        clash = [t for t in taken if start < t[1] and t[0] < end]
        if clash and not _completes(clash, end, p):
            continue
        found = _from_match(p, m, text, numeric)
        if not found:
            continue
        if clash:  # a bare dossier cut short is replaced by the numbered stuk that runs on past it
            if not _numbers(found, clash[0][2]):
                continue
            taken.remove(clash[0])
        taken.append((start, max(end, max(f.end for f in found)), found))
    out = [f for _, _, found in taken for f in found]
    out.sort(key=lambda f: (f.start, f.end))
    return out


def _completes(clash: list[tuple[int, int, list[Found]]], end: int, p: Pattern) -> bool:
    """Could this match complete the one taken before it: one bare dossier, which this runs past?"""
    return (
        len(clash) == 1
        and clash[0][1] < end
        and [f.kind for f in clash[0][2]] == ["dossier"]
        and (p.kind == "kamerstuk")
    )


def _numbers(found: list[Found], bare: list[Found]) -> bool:
    """Does ``found`` number a stuk of the dossier ``bare`` names (kst-21800-VII-5 of dossier-21800)?"""
    dossier = bare[0].id.removeprefix("dossier-").split("-")[0]
    return any(f.kind == "kamerstuk" and f.id.split("-")[1] == dossier for f in found)


# ---------------------------------------------------------------- the stage


@stage("references.patterns", writes="references")
def patterns(chunk: Chunk) -> list[Reference]:
    """Every citation the reference patterns find, with its canonical id."""
    s, e = chunk.start, chunk.end
    return [
        Reference(f.kind, f.id, chunk.span(f.start + s, f.end + s)) for f in find_references(chunk.text[s:e])
    ]

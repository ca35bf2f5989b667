"""Unicode clean-up, OCR repair, de-hyphenation and the assembly of one text.

``assemble`` turns a ``Layout`` into the normalized text: body paragraphs in
reading order (joined across pages), then the footnotes, one per line. It
records a ``Segment`` (page, role) for every stretch of the text, where each
footnote marker stood in the body, and a ``Mark`` for every region the
source's markup labels (``Line.opens`` / ``Line.closes``), with offsets that
point exactly at the region's text in the result.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from .. import resources
from ..schema import Footnote, Mark, Segment
from .layout import NOTE_START, OCR_MARKERS, OCR_NOTE_START, Layout, Note, median_gap
from .lines import Line, Region

LIGATURES = {
    "ﬀ": "ff",
    "ﬁ": "fi",
    "ﬂ": "fl",
    "ﬃ": "ffi",
    "ﬄ": "ffl",
    "ﬅ": "st",
    "ﬆ": "st",
    "\u00ad": "",  # soft hyphen
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2010": "-",
    "\u2011": "-",
    "\u2044": "/",
    "\ufffe": "-",  # pdfium's mark for a hyphen at a line break
}
_LIG = re.compile("|".join(map(re.escape, LIGATURES)))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_unicode(text: str) -> str:
    """NFC, ligatures split, odd spaces and soft hyphens removed, controls dropped.

    >>> clean_unicode("e\\u0301e\\ufb01ne\\u00a0x")
    'éefine x'
    """
    text = unicodedata.normalize("NFC", text)
    text = _LIG.sub(lambda m: LIGATURES[m.group(0)], text)
    return _CONTROL.sub("", text)


def clean_line(line: Line) -> None:
    """``clean_unicode`` on a line's text, keeping its markers and region ends at their characters.

    Cleaning can change the length of the text (a ligature splits, a soft
    hyphen goes); the text is cleaned piece by piece between the offsets that
    point into it, so every offset still points between the same characters.

    >>> ln = Line("ﬁnal\u00adly done", 1, opens=[(8, Region("x"))], markers=[(4, "1")])
    >>> clean_line(ln); ln.text, ln.text[ln.opens[0][0]:], ln.markers
    ('finally done', 'done', [(5, '1')])
    """
    text = line.text
    offsets = {o for o, _ in line.markers} | {o for o, _ in line.opens} | {o for o, _ in line.closes}
    if not offsets:
        line.text = clean_unicode(text)
        return
    cuts = sorted({0, len(text), *(min(max(o, 0), len(text)) for o in offsets)})
    pieces: list[str] = []
    where: dict[int, int] = {0: 0}
    length = 0
    for a, b in pairwise(cuts):
        piece = clean_unicode(text[a:b])
        pieces.append(piece)
        length += len(piece)
        where[b] = length

    def moved(o: int) -> int:
        return where[min(max(o, 0), len(text))]

    line.text = "".join(pieces)
    line.markers = [(moved(o), m) for o, m in line.markers]
    line.opens = [(moved(o), r) for o, r in line.opens]
    line.closes = [(moved(o), r) for o, r in line.closes]


# ---------------------------------------------------------------- OCR repair

# OCR confusions: what a printed character may come out as. Cost < 1 for
# confusions that keep the glyph's shape class (an acute stays an acute).
CONFUSIONS: dict[str, list[tuple[str, float]]] = {
    "6": [("ó", 0.5), ("o", 1.0), ("b", 1.0)],
    "0": [("o", 0.5), ("ó", 1.0)],
    "1": [("l", 0.5), ("i", 1.0)],
    "é": [("ó", 0.5), ("ë", 0.5), ("è", 0.7), ("e", 1.0)],
    "ó": [("é", 0.5), ("ö", 0.7), ("o", 1.0)],
    "è": [("é", 0.5), ("ë", 0.7)],
    "e": [("ë", 0.6), ("é", 0.6)],
    "i": [("ï", 0.6)],
    "o": [("ö", 0.6), ("ó", 0.6)],
    "u": [("ü", 0.6)],
    "a": [("á", 0.8)],
}
_WORD = re.compile(r"[^\W_][\w]*(?:[’'][a-z]+)?", re.UNICODE)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, int]:
    """Dutch word frequencies: pyspellchecker's list plus ``models/lexicons``."""
    import spellchecker

    path = Path(spellchecker.__file__).parent / "resources" / "nl.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        words: dict[str, int] = json.load(fh)
    for line in resources.read_text("lexicons", "nl-supplement.txt").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, freq = line.partition("\t")
            words[word.lower()] = max(words.get(word.lower(), 0), int(freq or 1000))
    return words


def _cost(word: str, i: int, rep: str, cost: float) -> float:
    """Accents come in pairs in Dutch stress spelling (vóór, één): an accent is
    cheap beside a character that OCR made of an accented vowel."""
    if rep in "óé" and any(c in "6óé" for c in word[max(0, i - 1) : i + 2 : 2]):
        return cost * 0.3
    return cost


def _candidates(word: str, max_subs: int = 2) -> Iterable[tuple[float, str]]:
    if any(ch.isdigit() for ch in word):
        # a digit inside a word is damage; OCR also doubles a letter beside it (voo6r)
        for i in range(len(word)):
            if i + 1 < len(word) and word[i] == word[i + 1]:
                yield from ((c + 0.6, w) for c, w in _candidates(word[:i] + word[i + 1 :], max_subs))
    spots = [i for i, ch in enumerate(word) if ch in CONFUSIONS]
    for i in spots:
        for rep, base in CONFUSIONS[word[i]]:
            cost = _cost(word, i, rep, base)
            one = word[:i] + rep + word[i + 1 :]
            yield cost, one
            if max_subs > 1:
                for j in spots:
                    if j <= i:
                        continue
                    for rep2, base2 in CONFUSIONS[word[j]]:
                        yield cost + _cost(word, j, rep2, base2), one[:j] + rep2 + one[j + 1 :]


def repair_word(word: str, words: dict[str, int] | None = None) -> str:
    """The Dutch word an OCR-damaged token stands for, or the token unchanged.

    A token that is already a word is never rewritten.

    >>> repair_word("vo6r"), repair_word("véér"), repair_word("creéert")
    ('vóór', 'vóór', 'creëert')
    >>> repair_word("geidentificeerd"), repair_word("veer"), repair_word("Bienkowska"), repair_word("KLOMPÉ")
    ('geïdentificeerd', 'veer', 'Bienkowska', 'KLOMPÉ')
    >>> repair_word("Klompé"), repair_word("Véér")
    ('Klompé', 'Vóór')
    """
    words = words if words is not None else lexicon()
    low = word.lower()
    if low in words or len(low) < 3 or not any(ch.isalpha() for ch in low):
        return word
    if word.isupper() and len(word) > 3 and any(ch in "ÁÉÈËÍÏÓÖÚÜ" for ch in word):
        return word  # a name in capitals with its accent, as signatures print it ("M. KLOMPÉ"): kept
    if low.isdigit() or sum(ch.isdigit() for ch in low) > 1:
        return word
    best: tuple[float, int, str] | None = None
    for cost, cand in _candidates(low):
        freq = words.get(cand)
        if freq is None:
            continue
        key = (cost, -freq, cand)
        if best is None or key < best:
            best = key
    if best is None:
        return word
    fixed = best[2]
    if word[:1].isupper() and fixed == _unaccented(low) and not set(low) & set("áíóúàòù"):
        return word  # a capitalised word whose only repair drops an é is a name: "Klompé", "Enschedé"
    if word[:1].isupper():
        fixed = fixed[:1].upper() + fixed[1:]
    if word.isupper() and len(word) > 1:
        fixed = fixed.upper()
    return fixed


def _unaccented(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def repair_ocr(text: str) -> str:
    """Repair systematic OCR damage word by word (lengths may change).

    >>> repair_ocr("om vo6r de zomer van 2016 een niet-financiéle melding")
    'om vóór de zomer van 2016 een niet-financiële melding'
    """
    words = lexicon()

    def fix(m: re.Match[str]) -> str:
        return repair_word(m.group(0), words)

    return _WORD.sub(fix, text)


# ------------------------------------------------------------- OCR markers

_JUNK_MARKER = re.compile(
    rf"(?<=[a-zà-ÿ)0-9.])(?:'°|[{re.escape(OCR_MARKERS)}])(?=[.,;:]|\s|$)",
)
_STRONG = set("®°*¹²³⁴⁵⁶⁷⁸⁹⁰“")
_OCR_BULLET = re.compile(r"^[*»>·°] (?=[A-Z])")


def repair_bullet(text: str) -> str:
    """OCR reads a bullet as '*', '»' or '>': make it a bullet again.

    >>> repair_bullet("» Dit jaar is de conferentie")
    '• Dit jaar is de conferentie'
    """
    return _OCR_BULLET.sub("• ", text)


_SUPER = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def strip_ocr_markers(line: Line, ocr: bool = False) -> None:
    """Take footnote markers that OCR glued to words out of a body line.

    ``stakeholders'.``, ``risicosectoren?,``, ``Analyse® zijn``, ``4'° wordt``:
    a junk character right after a word, before punctuation or space. A
    ``?``/``!``/quote only counts before a comma, semicolon or full stop.
    """
    out: list[str] = []
    last = 0
    markers: list[tuple[int, str]] = []
    removed = 0
    for m in _JUNK_MARKER.finditer(line.text):
        mark = m.group(0)
        nxt = line.text[m.end() : m.end() + 1]
        closing_quote = mark in "”’" and not re.search(r"[“„‘]", line.text[: m.start()])
        # on a scan, 'word.¹ Next' comes out as 'word! Next'
        bang = ocr and mark == "!" and line.text[m.end() : m.end() + 2][1:].isupper()
        if (
            mark not in _STRONG
            and mark != "'°"
            and nxt not in (",", ";", ".")
            and not closing_quote
            and not bang
        ):
            continue
        if mark in ("?", "!") and nxt == ".":
            continue
        if mark == "!" and not ocr and nxt not in (",", ";"):
            continue
        before = line.text[m.start() - 1]
        if before == "." and not (mark in _STRONG or mark == "”"):
            continue
        if before.isdigit():
            after = line.text[m.end() : m.end() + 2]
            # after a number only unambiguous marks: '°, ®, or ° before a lower-case word
            if not (mark in ("'°", "®") or (mark == "°" and after[:1] == " " and after[1:].islower())):
                continue
        out.append(line.text[last : m.start()])
        markers.append((m.start() - removed, mark.translate(_SUPER)))
        removed += len(mark)
        last = m.end()
    if markers:
        out.append(line.text[last:])
        line.text = "".join(out)
        line.markers = sorted(line.markers + markers)


# --------------------------------------------------------------- assembling

_HYPHENATED = re.compile(r"\b(\w+)-(\w+)\b")
_KEEP_AFTER_HYPHEN = {"en", "of", "tot", "noch", "als", "dan"}
_BULLET = re.compile(r"^\s*(?:[•▪●◦‣∙·–—-]|\(?(?:[a-z]|\d{1,2})[.)])\s+")  # "a.", "2)", not "nr."
_END = (".", "!", "?", ":", ";")


def join_hyphenated(left: str, right: str, known: set[str]) -> str:
    """How ``left`` ending in '-' joins the first word of the next line.

    >>> join_hyphenated("maatschap-", "pelijk", set())
    'maatschappelijk'
    >>> join_hyphenated("handel-", "en", set())
    'handel- en'
    >>> join_hyphenated("EU-", "voorzitterschap", set())
    'EU-voorzitterschap'
    >>> join_hyphenated("convenanten-", "beleid", {"convenanten-beleid"})
    'convenanten-beleid'
    """
    stem = left[:-1]
    head = right.split(" ", 1)[0]
    word = re.sub(r"\W+$", "", head)
    if word.lower() in _KEEP_AFTER_HYPHEN or not stem or not word:
        return f"{left} {right}"
    last = stem[-1]
    if last.isdigit() or last.isupper() or word[:1].isupper() or word[:1].isdigit():
        return left + right
    pair = stem.rsplit(" ", 1)[-1].split("-")[-1].lower() + "-" + word.lower()
    if pair in known:
        return left + right
    return stem + right


class TextBuilder:
    """Appends paragraphs of lines into one text and records segments."""

    def __init__(self, known: set[str]) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.runs: list[list[Any]] = []  # [start, end, page, role], grown while text is added
        self.known = known

    def _emit(self, text: str, page: int, role: str) -> int:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        last = self.runs[-1] if self.runs else None
        if last and last[2] == page and last[3] == role and last[1] == start:
            last[1] = self.length
        else:
            self.runs.append([start, self.length, page, role])
        return start

    def paragraph_break(self, page: int, role: str) -> None:
        if self.length:
            self._emit("\n\n", page, role)

    def add_line(self, line: Line, role: str, continues: bool) -> int:
        """Append one line; returns the offset of the line's first character."""
        text = line.text.strip()
        if continues and self.parts:
            prev = self.parts[-1]
            if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and text[:1].isalpha():
                joined = join_hyphenated(prev, text, self.known)
                # rewrite the tail of the previous part
                self.parts[-1] = joined[: len(joined) - len(text)]
                delta = len(self.parts[-1]) - len(prev)
                self.length += delta
                self.runs[-1][1] += delta
                return self._emit(text, line.page, role)
            self._emit(" ", line.page, role)
        return self._emit(text, line.page, role)

    def text(self) -> str:
        return "".join(self.parts)

    def segments(self) -> tuple[Segment, ...]:
        return tuple(Segment(s, e, page, role) for s, e, page, role in self.runs)


def _known_hyphenated(lines: Iterable[Line]) -> set[str]:
    known: set[str] = set()
    for ln in lines:
        for m in _HYPHENATED.finditer(ln.text):
            known.add(f"{m.group(1).lower()}-{m.group(2).lower()}")
    return known


def _breaks_before(
    prev: Line, line: Line, gap: float | None, right: dict[int, float | None], typical: float
) -> bool:
    """Does ``line`` open a new paragraph after ``prev``?

    ``right`` is the right edge of the text per column (``Line.column``).
    """
    ptext = prev.text.rstrip()
    ends = ptext.endswith(_END)
    if prev.page != line.page and not _BULLET.match(line.text):
        # widow control leaves short lines at page ends: only punctuation, or a
        # short capitalised line (a name, a heading) before a capital, ends a paragraph
        starts_upper = line.text.lstrip()[:1].isupper()
        label = len(ptext.split()) <= 3 and ptext[:1].isupper() and starts_upper
        return (ends and not ptext.endswith((";", ":"))) or label
    if line.blank_before or _BULLET.match(line.text):
        return True
    if gap and prev.bottom is not None and line.bottom is not None and line.bottom - prev.bottom > 1.35 * gap:
        return True
    starts_upper = line.text.lstrip()[:1].isupper()
    short = _short(prev, line, right.get(prev.column), typical)
    if short and (ends or starts_upper) and not ptext.endswith("-"):
        return True
    # a heading: a short line without closing punctuation after a finished sentence
    ltext = line.text.rstrip()
    edge = right.get(line.column)
    return (
        ends
        and starts_upper
        and not ltext.endswith((*_END, ","))
        and len(ltext) < 0.6 * typical
        and (edge is None or line.x1 is None or line.x1 < edge - 0.15)
    )


def _short(prev: Line, line: Line, right: float | None, typical: float) -> bool:
    """Did ``prev`` end early, leaving room for the next line's first word?"""
    first = line.text.split(" ", 1)[0]
    ptext = prev.text.rstrip()
    if right is not None and prev.x1 is not None and prev.x0 is not None and ptext:
        per_char = max((prev.x1 - prev.x0) / len(ptext), 1e-4)
        return right - prev.x1 > (len(first) + 2) * per_char
    return typical - len(ptext) > len(first) + 2


def _right_edge(lines: list[Line]) -> float | None:
    rights = sorted(ln.x1 for ln in lines if ln.x1 is not None)
    return rights[int(0.9 * (len(rights) - 1))] if rights else None


class _Regions:
    """Where the regions opened and closed on lines land in the text being built."""

    def __init__(self) -> None:
        self.starts: dict[Region, int] = {}
        self.ends: dict[Region, int] = {}
        self.order: list[Region] = []
        self.pending: list[Region] = []  # opened on an empty line: they start with the next text
        self.last: list[tuple[Region, str]] = []  # what the latest line placed

    def skip(self, line: Line, here: int) -> None:
        """A line without text: what opens on it waits for the next text, what closes ends here."""
        for _, region in line.opens:
            self._see(region)
            self.pending.append(region)
        for _, region in line.closes:
            if region in self.pending:  # opened and closed without text between: empty, here
                self.pending.remove(region)
                self.starts[region] = here
            self.ends[region] = here

    def place(self, line: Line, start: int, lead: int, length: int) -> None:
        """Regions of a line whose stripped text was put at ``start``."""

        def at(offset: int) -> int:
            return start + min(max(offset - lead, 0), length)

        self.last = []
        for region in self.pending:
            self.starts[region] = start
            self.last.append((region, "start"))
        self.pending = []
        for offset, region in line.opens:
            self._see(region)
            self.starts[region] = at(offset)
            self.last.append((region, "start"))
        for offset, region in line.closes:
            self.ends[region] = at(offset)
            self.last.append((region, "end"))

    def rejoined(self, start: int) -> None:
        """The latest line's tail was rewritten (a hyphen joined with the next line): clip to ``start``."""
        for region, which in self.last:
            table = self.starts if which == "start" else self.ends
            table[region] = min(table[region], start)

    def _see(self, region: Region) -> None:
        if region not in self.starts and region not in self.pending:
            self.order.append(region)

    def marks(self, end: int) -> tuple[Mark, ...]:
        out = []
        for region in self.order:
            if region not in self.starts:
                continue  # opened on trailing empty lines only
            s = self.starts[region]
            e = max(self.ends.get(region, end), s)
            out.append(Mark(region.kind, s, e, region.attrs))
        return tuple(sorted(out, key=lambda m: (m.start, -m.end)))


def assemble(layout: Layout) -> tuple[str, tuple[Segment, ...], tuple[Footnote, ...], tuple[Mark, ...]]:
    """The normalized text of a layout, its segments, its footnotes and the marks of its regions."""
    body = layout.body
    lengths = sorted(len(ln.text) for ln in body if len(ln.text) > 20)
    typical = float(lengths[int(0.8 * (len(lengths) - 1))]) if lengths else 70.0
    known = _known_hyphenated(body + [ln for n in layout.notes for ln in n.lines])
    main = [ln for ln in body if not ln.side]
    gap = median_gap(main)
    right: dict[int, float | None] = {0: _right_edge(main)}
    if any(ln.column for ln in main):
        # a page in two columns: each column has its own right edge
        for column in (0, 1, 2):
            right[column] = _right_edge([ln for ln in main if ln.column == column]) or right[0]

    tb = TextBuilder(known)
    regions = _Regions()
    markers: list[tuple[int, int, str]] = []  # (offset, page, marker)
    prev: Line | None = None
    for ln in body:
        if not ln.text.strip():
            regions.skip(ln, tb.length)
            continue
        cont = prev is not None and not _breaks_before(prev, ln, gap, right, typical)
        if prev is not None and not cont:
            tb.paragraph_break(ln.page, "body")
        lead = len(ln.text) - len(ln.text.lstrip())
        before = tb.length
        start = tb.add_line(ln, "body", cont)
        if start < before:
            regions.rejoined(start)
        regions.place(ln, start, lead, len(ln.text.strip()))
        for off, mark in ln.markers:
            markers.append((start + max(0, off - lead), ln.page, mark))
        prev = ln

    footnotes: list[Footnote] = []
    for note in layout.notes:
        tb.paragraph_break(note.page, "body" if not footnotes else "footnote")
        start = _add_note(tb, note, regions)
        footnotes.append(Footnote(note.number, note.page, start, tb.length))
    where = _link_markers(footnotes, markers)
    linked = tuple(replace(n, marker=where.get(k)) for k, n in enumerate(footnotes))
    return tb.text(), tb.segments(), linked, regions.marks(tb.length)


def _add_note(tb: TextBuilder, note: Note, regions: _Regions) -> int:
    start = None
    for k, ln in enumerate(note.lines):
        if k == 0:
            ln = _strip_number(ln, note.number)
        lead = len(ln.text) - len(ln.text.lstrip())
        s = tb.add_line(ln, "footnote", continues=k > 0)
        regions.place(ln, s, lead, len(ln.text.strip()))
        start = s if start is None else start
    return start if start is not None else tb.length


def _strip_number(line: Line, number: str) -> Line:
    text = line.text
    if line.markers and line.markers[0][0] == 0:
        text = text.lstrip()
    else:
        m = NOTE_START.match(text)
        o = OCR_NOTE_START.match(text)
        if m and (m.group(1) == number or line.size != -1.0):
            text = text[m.end() :]
        elif o:
            text = text[o.end() :]
    cut = len(line.text) - len(text)
    return Line(
        text=text,
        page=line.page,
        top=line.top,
        x0=line.x0,
        x1=line.x1,
        size=line.size,
        opens=[(max(0, o - cut), r) for o, r in line.opens],
        closes=[(max(0, o - cut), r) for o, r in line.closes],
    )


def _link_markers(notes: list[Footnote], markers: list[tuple[int, int, str]]) -> dict[int, int]:
    """The body offset of each footnote's marker, by the note's index.

    First by number (a marker '3' on the note's page or before it), then
    the markers OCR garbled are paired with the remaining notes of their
    page in order.
    """
    used: set[int] = set()
    where: dict[int, int] = {}
    for i, note in enumerate(notes):
        for k, (off, page, mark) in enumerate(markers):
            if k not in used and mark == note.number and page <= note.page:
                where[i] = off
                used.add(k)
                break
    pages = sorted({n.page for n in notes})
    for page in pages:
        free_notes = [i for i, n in enumerate(notes) if n.page == page and i not in where]
        free_marks = [
            k for k, (_, p, m) in enumerate(markers) if p == page and k not in used and not m.isdigit()
        ]
        for i, k in zip(free_notes, free_marks, strict=False):
            where[i] = markers[k][0]
            used.add(k)
    return where

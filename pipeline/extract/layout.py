"""Roles of lines: running header/footer, footnote, body; footnote markers; reading order of columns.

Pure functions over ``PageLines``. Two kinds of evidence are used:

* geometry (born-digital PDFs and OCR): position on the page, font size,
  superscript markers that the producer already took out of the text;
* text alone (plain-text sources): repetition across pages, line lengths
  that do not fit the body column, and numbered note lines at a page end.

A page the producer found set in two columns (``PageLines.gutter``, see
``lines.find_gutter``) is read column by column (``column_order``).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from .lines import Line, PageLines

PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]\s*)?(?:pagina|blz\.?|p\.)?\s*\d{1,4}(?:\s*(?:/|van|of)\s*\d{1,4})?"
    r"(?:\s*[-–—])?\s*$",
    re.IGNORECASE,
)
# the colophon of an official publication: kst id, ISSN, place and year, running line
COLOPHON = re.compile(
    r"^(?:kst-\d{4,6}\S*|ISSN\s+\d{4}\s*-?\s*\d{4}|[’'`]s-Gravenhage\s+\d{4}"
    r"|(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[-–]\s*\d{4},.*\bnr\.\s*\d+)",
    re.IGNORECASE,
)
NOTE_START = re.compile(r"^(\d{1,3})[\s.)]\s*(?=\S)")
# characters OCR makes of a superscript footnote number
OCR_MARKERS = "®°*¹²³⁴⁵⁶⁷⁸⁹⁰“”'’?!"
OCR_NOTE_START = re.compile(r"^([°®*])\s+(?=[A-Z])")
# OCR reads a small note number as any one or two odd characters: '5', 'S', 'a', '>'
OCR_NOTE_LEAD = re.compile(r"^(?:\d{1,2}|[^\sA-Za-z0-9]{1,2}|[A-Za-z])\s+(?=[A-Z])")


@dataclass
class Note:
    number: str
    page: int
    lines: list[Line] = field(default_factory=list)


@dataclass
class Layout:
    body: list[Line]
    notes: list[Note]
    removed: list[Line]  # running headers, footers, page numbers


def _shape(text: str) -> str:
    """Header text with digits and a trailing page number folded.

    >>> _shape("Tweede Kamer, 26 485 (test) 5") == _shape("Tweede Kamer, 26 485 (test) D")
    True
    """
    text = re.sub(r"\s+\S{1,2}$", "", " ".join(text.split()))
    return re.sub(r"\d+", "#", text).lower()


def running_lines(pages: list[PageLines], band: int = 3) -> set[int]:
    """ids of lines that are running headers/footers or page numbers.

    A candidate is a line in the top or bottom 12% of the page, or, where
    there is no geometry, one of its first or last ``band`` lines. It is running
    when its digit-folded text recurs on at least two pages and on at least
    40% of the pages, or when it is a bare page number.
    """
    candidates: list[Line] = []
    for page in pages:
        lines = [ln for ln in page.lines if ln.text.strip()]
        picked = {id(ln) for ln in (lines[:band] + lines[-band:] if len(lines) > 2 * band else lines)}
        for ln in lines:
            if ln.has_geometry and ln.top is not None:
                if 0.12 < ln.top < 0.88:
                    continue
            elif id(ln) not in picked:
                continue
            if not ln.has_geometry and ln is not lines[0] and not PAGE_NUMBER.match(ln.text):
                continue  # text sources: only a page's first line can be a running header
            if _note_number(ln) is not None and not PAGE_NUMBER.match(ln.text):
                continue  # a numbered footnote, not a running line
            candidates.append(ln)
    counts = Counter(_shape(ln.text) for ln in candidates)
    need = max(2, round(0.4 * len(pages)))
    out: set[int] = set()
    for ln in candidates:
        page_number = PAGE_NUMBER.match(ln.text) and (ln.has_geometry or len(pages) > 1)
        if COLOPHON.match(ln.text):
            page_number = True
        repeated = len(pages) > 1 and counts[_shape(ln.text)] >= need
        if page_number or repeated:
            out.add(id(ln))
    if any(page.gutter is not None for page in pages):
        out |= _same_spot(pages)
    return out


def _same_spot(pages: list[PageLines]) -> set[int]:
    """ids of footer lines that recur word for word at the same place on two or more pages.

    Used for papers set in two columns (the KOOP layout of the Handelingen):
    an item's footer carries its date on the item's first and last page only,
    too rare for the 40% rule, and the date starts with a digit like a
    footnote. (Single-column papers are left alone: their footnotes may
    repeat a line word for word at the same height.)
    """
    spots: dict[tuple[str, int, int], list[Line]] = {}
    for page in pages:
        for ln in page.lines:
            if ln.top is None or ln.x0 is None or ln.top < 0.88 or not ln.text.strip():
                continue
            key = (" ".join(ln.text.split()), round(ln.top * 100), round(ln.x0 * 100))
            spots.setdefault(key, []).append(ln)
    return {id(ln) for group in spots.values() if len({ln.page for ln in group}) >= 2 for ln in group}


def body_size(lines: list[Line]) -> float | None:
    """The font size that carries most characters."""
    weights: Counter[float] = Counter()
    for ln in lines:
        if ln.size:
            weights[round(ln.size, 1)] += len(ln.text)
    return weights.most_common(1)[0][0] if weights else None


def _note_number(line: Line, ocr: bool = False) -> str | None:
    """The footnote number a line starts with, as marker or as plain text.

    On OCR'd pages any short lead token before a capital counts ('?' then).
    """
    if line.markers and line.markers[0][0] == 0:
        return line.markers[0][1]
    m = NOTE_START.match(line.text)
    if m:
        return m.group(1)
    if ocr and OCR_NOTE_LEAD.match(line.text):
        return "?"
    return None


def _geometric_notes(page: PageLines, lines: list[Line], size: float) -> int:
    """Index where the footnote zone of a page starts (len(lines) if none).

    The zone is the run of smaller-type lines at the bottom of the page
    whose first line starts with a note number.
    """

    def small(ln: Line) -> bool:
        low = ln.top is not None and ln.top > 0.4
        return low and ln.size is not None and ln.size < 0.93 * size

    i = len(lines)
    while i > 0:
        if small(lines[i - 1]):
            i -= 1
        elif i >= 2 and i < len(lines) and small(lines[i - 2]) and small(lines[i]):
            i -= 1  # one mis-measured line (OCR) between small ones stays in the zone
        else:
            break
    # the zone must open with a numbered line; shrink it until it does
    while i < len(lines) and _note_number(lines[i], page.ocr) is None:
        i += 1
    return i


def _is_long(line: Line, width: int) -> bool:
    return len(line.text) > width


def _text_notes(lines: list[Line], width: int) -> int:
    """Footnote zone of a page in a plain-text source (no geometry).

    Walks back from the page end over blocks (separated by blank lines)
    that look like notes: they open with a note number or hold a line too
    long for the body column.
    """
    i = len(lines)
    start = i
    while i > 0:
        # the block that ends at i
        j = i - 1
        while j > 0 and not lines[j].blank_before:
            j -= 1
        block = lines[j:i]
        opens = _note_number(block[0]) is not None or bool(OCR_NOTE_START.match(block[0].text))
        if not (opens or any(_is_long(ln, width) for ln in block)):
            break
        start = j
        i = j
    # a note block longer than the rest of the page is not a note block
    return start if start > 0 or len(lines) < 3 else len(lines)


def _split_notes(
    zone: list[Line], page: int, expected: int, geometric: bool, ocr: bool = False
) -> list[Note]:
    """Cut a footnote zone into notes at lines that open a new note.

    With geometry, continuation lines are indented past the note numbers:
    a line at the zone's left edge opens a note. Otherwise a line opens a
    note when it starts with the next number, or with a number after a
    finished sentence. OCR garbles small numbers, so OCR notes are numbered
    in sequence.
    """
    notes: list[Note] = []
    lefts = [ln.x0 for ln in zone if ln.x0 is not None]
    left = min(lefts, default=None)
    indented = left is not None and any(x > left + 0.01 for x in lefts)
    for k, ln in enumerate(zone):
        num = _note_number(ln)
        if num is None and ocr and OCR_NOTE_LEAD.match(ln.text):
            ln.text = OCR_NOTE_LEAD.sub("", ln.text, count=1)
        prev = zone[k - 1].text.rstrip() if k else ""
        new = False
        if k == 0:
            new = True
        elif geometric and indented and ln.x0 is not None and left is not None:
            new = ln.x0 <= left + 0.006
        elif num is not None:
            superscript = geometric and bool(ln.markers) and ln.markers[0][0] == 0
            at_left = left is None or ln.x0 is None or ln.x0 <= left + 0.01
            new = superscript or int(num) == expected or (prev.endswith((".", ")")) and at_left)
        elif OCR_NOTE_START.match(ln.text) and prev.endswith((".", ")")):
            new = True
        elif not geometric and prev.endswith(".") and ln.text[:1].isupper():
            # plain text lost the numbers: a capital after a full stop opens a note
            new = True
        if new:
            if num is None or int(num) < expected or ocr:
                num = str(expected)
            notes.append(Note(number=num, page=page))
            expected = int(num) + 1
        notes[-1].lines.append(ln)
    return notes


def analyse(pages: list[PageLines]) -> Layout:
    """Assign every line a role. Returns body lines in reading order and notes."""
    running = running_lines(pages)
    kept_pages = [[ln for ln in p.lines if id(ln) not in running] for p in pages]
    removed = [ln for p in pages for ln in p.lines if id(ln) in running]
    all_kept = [ln for lines in kept_pages for ln in lines]
    size = body_size(all_kept)
    lengths = sorted(len(ln.text) for ln in all_kept if len(ln.text) >= 30)
    width = lengths[int(0.9 * (len(lengths) - 1))] + 6 if lengths else 10_000

    body: list[Line] = []
    notes: list[Note] = []
    expected = 1
    for page, lines in zip(pages, kept_pages, strict=True):
        geometric = bool(lines) and all(ln.has_geometry for ln in lines) and size is not None
        if geometric and size is not None and page.gutter is not None:
            lines = column_order(lines, page.gutter)
            cut = _geometric_notes(page, lines, size)
        elif geometric and size is not None:
            side, lines = side_column(lines, size)
            body.extend(side)
            cut = _geometric_notes(page, lines, size)
        else:
            cut = _text_notes(lines, width)
        body.extend(lines[:cut])
        if cut < len(lines):
            page_notes = _split_notes(lines[cut:], page.number, expected, geometric, page.ocr)
            notes.extend(page_notes)
            if page_notes:
                expected = int(page_notes[-1].number) + 1
    return Layout(body=body, notes=notes, removed=removed)


def column_order(lines: list[Line], gutter: float) -> list[Line]:
    """Reading order of a page set in two columns (``PageLines.gutter``): column by column.

    ``lines`` come top to bottom. A line that runs across the gutter (a
    heading over both columns) closes a band; within a band the left column
    is read before the right one. Each line learns its ``column``.
    """
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for ln in lines:
        if (ln.x1 or 0.0) <= gutter + 0.002:
            ln.column = 1
            left.append(ln)
        elif (ln.x0 or 0.0) >= gutter - 0.002:
            ln.column = 2
            right.append(ln)
        else:
            ln.column = 0
            out += left + right + [ln]
            left, right = [], []
    return out + left + right


def side_column(lines: list[Line], size: float) -> tuple[list[Line], list[Line]]:
    """Split off a side column in smaller type right of the body text.

    Letters from ministries set their sender, Datum, Kenmerk and Betreft in a
    narrow column beside the body. Its lines would otherwise interleave with
    body lines row by row. They come first, each its own paragraph.
    """
    small = [
        ln
        for ln in lines
        if ln.x0 is not None and ln.x0 >= 0.55 and ln.size and ln.size < 0.93 * size
        and ln.top is not None and ln.top < 0.88
    ]  # fmt: skip
    if len(small) < 2:
        return [], lines
    left_edge = min(ln.x0 for ln in small if ln.x0 is not None)
    ids = {id(ln) for ln in small}
    rest = [ln for ln in lines if id(ln) not in ids]
    body_right = max(((ln.x1 or 0.0) for ln in rest if ln.size and ln.size >= 0.93 * size), default=0.0)
    if body_right > left_edge - 0.01:
        return [], lines  # body text runs under it: not a separate column
    for ln in small:
        ln.blank_before = ln.side = True
    if rest:
        rest[0].blank_before = True
    return small, rest


def median_gap(lines: list[Line]) -> float | None:
    # baselines (bottoms), not tops: a raised footnote marker makes a line's top jump
    gaps = [
        b.bottom - a.bottom
        for a, b in itertools.pairwise(lines)
        if a.bottom is not None and b.bottom is not None and a.page == b.page and b.bottom > a.bottom
    ]
    return statistics.median(gaps) if gaps else None

"""The line model every extractor produces and the layout stage consumes.

Producers (``pdf.py``, ``ocr.py``, ``text.py``) turn a source into
``PageLines``; ``layout.py`` decides which lines are running headers,
footnotes or body, and ``normalize.py`` joins them into one text.
Geometry is in fractions of the page (0 = top/left, 1 = bottom/right);
``size`` is the dominant font size in points (or its estimate for OCR).

Readers of structured sources (XML, Word) also carry the regions their
markup labels (a speaker's turn, a motion, a Word paragraph style) on the
lines: a ``Region`` is opened at an offset of one line and closed at an
offset of the same or a later line, and the assembler turns it into a
``Mark`` with exact offsets into the normalized text.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass(eq=False)
class Region:
    """A stretch of text that the source's markup labels: ``kind`` and the markup's own fields.

    Compared by identity: the same object opens on one line and closes on another.
    """

    kind: str
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass
class Line:
    text: str
    page: int
    top: float | None = None
    bottom: float | None = None
    x0: float | None = None
    x1: float | None = None
    size: float | None = None
    # superscript markers that were taken out of ``text``: (offset in text, marker)
    markers: list[tuple[int, str]] = field(default_factory=list)
    blank_before: bool = False  # a blank line (text sources) or a large gap precedes it
    page_start: bool = False  # first line of a page in a text source
    side: bool = False  # in a side column beside the body (a letter's Datum/Kenmerk block)
    column: int = 0  # on a page set in two columns: 1 left, 2 right, 0 across both (or one column)
    # regions of the source's markup that start / end on this line: (offset in text, region)
    opens: list[tuple[int, Region]] = field(default_factory=list)
    closes: list[tuple[int, Region]] = field(default_factory=list)

    @property
    def has_geometry(self) -> bool:
        return self.top is not None and self.x0 is not None


@dataclass
class PageLines:
    number: int
    lines: list[Line]
    width: float = 0.0  # points
    height: float = 0.0
    ocr: bool = False
    confidence: float | None = None
    path: str = "text"
    gutter: float | None = None  # x of the gap between two text columns (see ``find_gutter``)


def find_gutter(lines: list[Line]) -> float | None:
    """The x of the gap between two text columns, or None when the page is not set in two columns.

    Read off the x-distribution of the page's lines: a vertical strip in the
    middle third of the page that (almost) no line crosses, with two columns
    of running text beside it. A column of running text is wide (a third of
    the page or more), holds a good share of the page's lines, and is
    justified: most of its lines end at its right edge. Both columns are of
    about the same width and type size. This keeps out a letter's narrow
    side column in smaller type, tables (ragged cells) and label/value rows.
    """
    geo = [ln for ln in lines if ln.x0 is not None and ln.x1 is not None and ln.text.strip()]
    if len(geo) < 16:
        return None

    def crossing(x: float) -> int:
        return sum(1 for ln in geo if (ln.x0 or 0.0) < x - 0.004 and (ln.x1 or 0.0) > x + 0.004)

    counts = [(crossing(i / 200), i / 200) for i in range(66, 135)]  # 0.33 .. 0.67
    fewest = min(c for c, _ in counts)
    if fewest > 0.1 * len(geo):
        return None
    # the middle of the widest run of x positions crossed by that few lines
    best: tuple[int, float, float] | None = None
    run_start: float | None = None
    for k, (c, x) in enumerate(counts):
        if c == fewest and run_start is None:
            run_start = x
        last = k == len(counts) - 1 or counts[k + 1][0] != fewest
        if run_start is not None and c == fewest and last:
            width = round((x - run_start) * 200)
            if best is None or width > best[0]:
                best = (width, run_start, x)
            run_start = None
    assert best is not None
    gutter = (best[1] + best[2]) / 2
    left = [ln for ln in geo if (ln.x1 or 0.0) <= gutter]
    right = [ln for ln in geo if (ln.x0 or 0.0) >= gutter]
    if min(len(left), len(right)) < max(8, 0.25 * len(geo)):
        return None
    if not (_running_column(left) and _running_column(right)):
        return None
    lw = statistics.median((ln.x1 or 0.0) - (ln.x0 or 0.0) for ln in left)
    rw = statistics.median((ln.x1 or 0.0) - (ln.x0 or 0.0) for ln in right)
    if min(lw, rw) < 0.6 * max(lw, rw):
        return None
    ls = [ln.size for ln in left if ln.size]
    rs = [ln.size for ln in right if ln.size]
    if ls and rs and abs(statistics.median(ls) - statistics.median(rs)) > 0.1 * max(ls + rs):
        return None
    return gutter


def _running_column(lines: list[Line]) -> bool:
    """Do these lines form a column of justified running text (not a table or a side column)?"""
    x0 = sorted(ln.x0 or 0.0 for ln in lines)
    x1 = sorted(ln.x1 or 0.0 for ln in lines)
    left = x0[len(x0) // 10]
    right = x1[(9 * len(x1)) // 10]
    if right - left < 0.3:
        return False
    flush = sum(1 for ln in lines if (ln.x1 or 0.0) >= right - 0.02)
    return flush >= 0.25 * len(lines)


def merge_rows(lines: list[Line], gutter: float | None = None) -> list[Line]:
    """Sort lines top to bottom; lines side by side on one row become one line.

    A label and its value (``Nr. 3186 | MOTIE VAN …``) are set as separate
    text runs, and OCR reads them as separate blocks; reading order wants
    them as one line. Lines on either side of a column ``gutter`` are never
    joined: they belong to different columns.
    """

    def centre(ln: Line) -> float:
        return ((ln.top or 0.0) + (ln.bottom or 0.0)) / 2

    lines = sorted(lines, key=lambda ln: (round(centre(ln) * 300), ln.x0 or 0.0))
    out: list[Line] = []
    for ln in lines:
        last = out[-1] if out else None
        if last is not None and last.bottom is not None and ln.bottom is not None:
            height = min(last.bottom - (last.top or 0.0), ln.bottom - (ln.top or 0.0))
            same_row = abs(centre(last) - centre(ln)) < 0.45 * max(height, 0.002)
            # a side column in smaller type (a letter's Datum/Kenmerk block) is not part of the row
            wide_gap = (ln.x0 or 0.0) - (last.x1 or 0.0) > 0.05
            a, b = last.size or 0.0, ln.size or 0.0
            other_type = a > 0 and b > 0 and abs(a - b) > 0.12 * max(a, b)
            across = gutter is not None and (last.x1 or 0.0) <= gutter <= (ln.x0 or 0.0)
            if (
                same_row
                and (ln.x0 or 0.0) >= (last.x1 or 0.0) - 0.005
                and not (wide_gap and other_type)
                and not across
            ):
                offset = len(last.text) + 1
                last.text = f"{last.text} {ln.text}"
                last.markers += [(o + offset, m) for o, m in ln.markers]
                last.x1 = ln.x1
                last.size = max(last.size or 0.0, ln.size or 0.0) or None
                continue
        out.append(ln)
    return out

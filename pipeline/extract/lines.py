"""The line model every extractor produces and the layout stage consumes.

Producers (``pdf.py``, ``ocr.py``, ``text.py``) turn a source into
``PageLines``; ``layout.py`` decides which lines are running headers,
footnotes or body, and ``normalize.py`` joins them into one text.
Geometry is in fractions of the page (0 = top/left, 1 = bottom/right);
``size`` is the dominant font size in points (or its estimate for OCR).
"""

from __future__ import annotations

from dataclasses import dataclass, field


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


def merge_rows(lines: list[Line]) -> list[Line]:
    """Sort lines top to bottom; lines side by side on one row become one line.

    A label and its value (``Nr. 3186 | MOTIE VAN …``) are set as separate
    text runs, and OCR reads them as separate blocks; reading order wants
    them as one line.
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
            if same_row and (ln.x0 or 0.0) >= (last.x1 or 0.0) - 0.005 and not (wide_gap and other_type):
                offset = len(last.text) + 1
                last.text = f"{last.text} {ln.text}"
                last.markers += [(o + offset, m) for o, m in ln.markers]
                last.x1 = ln.x1
                last.size = max(last.size or 0.0, ln.size or 0.0) or None
                continue
        out.append(ln)
    return out

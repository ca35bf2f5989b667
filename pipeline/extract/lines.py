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

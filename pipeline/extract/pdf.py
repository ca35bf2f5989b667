"""Born-digital PDFs: text with geometry, per page, into ``PageLines``.

Two engines feed the same line model:

* **pdfium** (``pypdfium2``, ships with pdfplumber): the fast path, about
  1 ms a page. It reads each character's font size and baseline, which is all
  the layout stage needs for headers, footnotes and superscript markers.
* **pdfplumber**: the slower layout engine (~65 ms a page), used for a page
  where pdfium cannot give font sizes (Type3 fonts, broken font dictionaries)
  or when ``engine="pdfplumber"`` is asked for.

A page whose text layer is missing or garbage is handed to OCR (``ocr.py``).
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any

from ..config import Settings
from ..errors import ExtractError
from .lines import Line, PageLines, find_gutter, merge_rows

_WORDCHARS = re.compile(r"[A-Za-zÀ-ÿ]")
_GOOD = re.compile(r"[^\W_]|[.,;:()\-–—'’\"«»“”?!/%&§€+*@#\[\]]")


@dataclass
class _Char:
    ch: str
    size: float
    x: float
    y: float  # baseline, PDF space (up is larger)
    right: float


def text_quality(text: str) -> float:
    """Share of non-space characters that are letters, digits or normal punctuation.

    >>> round(text_quality("De Kamer, gehoord de beraadslaging"), 2)
    1.0
    >>> text_quality("\\x01\\x02\\x03��") < 0.5
    True
    """
    chars = "".join(text[:1500].split())
    if not chars:
        return 0.0
    good = len(_GOOD.findall(chars))
    return good / len(chars)


def needs_ocr(text: str, settings: Settings) -> bool:
    letters = len(_WORDCHARS.findall(text[:1500]))
    return letters < settings.min_text_chars or text_quality(text) < settings.min_text_quality


_STREAM = re.compile(rb"stream\r?\n")


def check_streams(path: str, data: bytes, settings: Settings) -> int:
    """Decompress every Flate stream of the file in bounded steps; too much output is ``too_large``.

    A PDF of a megabyte can hold a stream that inflates to gigabytes (a
    "Flate bomb"); the PDF engine would inflate it whole. This check never
    holds more than one step of output and gives up at the limits. Returns
    the decompressed bytes counted.
    """
    import zlib

    total = 0
    step = 1 << 20
    for m in _STREAM.finditer(data):
        start = m.end()
        end = data.find(b"endstream", start)
        raw = memoryview(data)[start : end if end >= 0 else len(data)]
        d = zlib.decompressobj()
        size = 0
        buf: bytes | memoryview = raw
        try:
            while True:
                out = d.decompress(buf, step)
                size += len(out)
                buf = d.unconsumed_tail
                if size > settings.max_stream_bytes or total + size > settings.max_decompressed_bytes:
                    what = "one stream" if size > settings.max_stream_bytes else "its streams together"
                    limit = min(settings.max_stream_bytes, settings.max_decompressed_bytes)
                    raise ExtractError(
                        "too_large",
                        f"the PDF inflates to more than {limit:,} bytes in {what} (a decompression bomb?)",
                        path,
                    )
                if not buf and len(out) < step:
                    break
        except zlib.error:
            pass  # not a Flate stream (an image, plain text): pdfium reads it as is
        total += size
    return total


def open_pdf(path: str, data: bytes, settings: Settings) -> Any:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise ExtractError("encrypted", "the PDF is encrypted and needs a password", path) from exc
        if b"%%EOF" not in data[-2048:]:
            raise ExtractError("truncated", f"the PDF is truncated or damaged ({msg})", path) from exc
        raise ExtractError("corrupt", f"the PDF cannot be parsed ({msg})", path) from exc
    n = len(pdf)
    if n == 0:
        raise ExtractError("empty", "the PDF has no pages", path)
    if n > settings.max_pages:
        raise ExtractError(
            "too_many_pages",
            f"the PDF has {n} pages, more than the limit {settings.max_pages}",
            path,
        )
    return pdf


def check_page_size(path: str, number: int, width: float, height: float, s: Settings) -> None:
    if not (1 <= width <= s.max_page_points and 1 <= height <= s.max_page_points):
        raise ExtractError(
            "page_size",
            f"page {number} measures {width:.0f} x {height:.0f} points, outside 1..{s.max_page_points:.0f}",
            path,
        )


def _pdfium_chars(textpage: Any) -> tuple[str, list[_Char | None]]:
    import pypdfium2.raw as raw

    n = textpage.count_chars()
    text = textpage.get_text_range() if n else ""
    out: list[_Char | None] = []
    x = ctypes.c_double()
    y = ctypes.c_double()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    tp = textpage.raw
    for i in range(min(n, len(text))):
        ch = text[i]
        if ch in "\r\n" or (raw.FPDFText_IsGenerated(tp, i) == 1 and ch != " "):
            out.append(None)
            continue
        size = raw.FPDFText_GetFontSize(tp, i)
        raw.FPDFText_GetCharOrigin(tp, i, x, y)
        raw.FPDFText_GetCharBox(tp, i, left, right, bottom, top)
        out.append(_Char(ch, float(size), x.value, y.value, right.value))
    return text, out


def _pdfium_runs(textpage: Any) -> tuple[str, list[_Char | None]] | None:
    """The page as text runs (pdfium's text rectangles): a few calls per run, not per character.

    Each run carries the font size and baseline of its first character. Returns
    None when the rectangles cannot be mapped onto the character stream (a
    rectangle that starts on no character, or out of order); the caller then
    reads the page character by character.
    """
    import pypdfium2.raw as raw

    n = textpage.count_chars()
    text = textpage.get_text_range() if n else ""
    if len(text) != n:
        return None
    tp = textpage.raw
    rects = []
    starts: list[int] = []
    pos = 0
    box = [ctypes.c_double() for _ in range(4)]
    for j in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(j)
        # cheap: the character at the rectangle's left edge, if it starts there
        k = raw.FPDFText_GetCharIndexAtPos(tp, left + 1.0, (bottom + top) / 2, 1.0, 1.0)
        if k >= pos:
            raw.FPDFText_GetCharBox(tp, k, *box)
            if abs(box[0].value - left) > 1.0 or not text[k].strip():
                k = -1
        else:
            k = -1
        if k < 0:
            # slow but sure: the rectangle's text, anchored on its head; it must start
            # where the previous run ends (give or take a line break)
            inside = textpage.get_text_bounded(left, bottom, right, top).strip()
            if not inside:
                continue
            k = text.find(inside[:12], pos)
            if k < 0:
                return None
        if not starts and text[:k].strip():
            return None
        starts.append(k)
        rects.append((left, right))
        pos = k + 1
    if starts and text[: starts[0]].strip():
        return None
    x = ctypes.c_double()
    y = ctypes.c_double()
    runs: list[_Char | None] = []
    for j, k in enumerate(starts):
        end = starts[j + 1] if j + 1 < len(starts) else n
        seg = text[k:end]
        if "\r" in seg or "\n" in seg:
            seg = seg.replace("\r", "").replace("\n", "")
        if not seg.strip():
            continue
        first = k + len(seg) - len(seg.lstrip())
        size = raw.FPDFText_GetFontSize(tp, first)
        raw.FPDFText_GetCharOrigin(tp, first, x, y)
        runs.append(_Char(seg, float(size), rects[j][0], y.value, rects[j][1]))
    return text, runs


def _group_lines(chars: list[_Char | None]) -> list[list[_Char]]:
    """Group a character stream into lines by baseline; superscripts stay in their line."""
    lines: list[list[_Char]] = []
    cur: list[_Char] = []
    base: float | None = None
    size = 0.0
    for c in chars:
        if c is None:
            continue
        if c.ch == " " and not cur:
            continue
        if base is None:
            cur, base, size = [c], c.y, c.size
            continue
        dy = c.y - base
        tol = 0.35 * max(size, c.size, 1.0)
        if abs(dy) <= tol or c.ch == " ":
            cur.append(c)
        elif c.size < 0.85 * size and 0 < dy < 0.9 * size:
            cur.append(c)  # superscript in this line
        elif (
            size < 0.85 * c.size
            and 0 < -dy < 0.9 * c.size
            and all(k.size == size for k in cur if k.ch.strip())
        ):
            # the line so far was only a raised marker: adopt the real baseline
            cur.append(c)
            base, size = c.y, c.size
        else:
            lines.append(cur)
            cur, base, size = [c], c.y, c.size
    if cur:
        lines.append(cur)
    return lines


def _to_line(chars: list[_Char], page: int, width: float, height: float) -> Line | None:
    weights: dict[float, int] = {}
    for c in chars:
        n = len(c.ch.strip())
        if n:
            key = round(c.size, 1)
            weights[key] = weights.get(key, 0) + n
    if not weights:
        return None
    main = max(weights, key=lambda k: weights[k])  # the size that carries most characters
    base = next(c.y for c in chars if round(c.size, 1) == main and c.ch.strip())
    text: list[str] = []
    markers: list[tuple[int, str]] = []
    k = 0
    while k < len(chars):
        c = chars[k]
        raised = c.size < 0.85 * main and c.y > base + 0.15 * main
        if raised and (c.ch.strip().isalnum() or c.ch.strip() in ("*", "†", "‡")):
            j = k
            mark = ""
            while j < len(chars) and chars[j].size < 0.85 * main and chars[j].ch.strip():
                mark += chars[j].ch.strip()
                j += 1
            markers.append((len("".join(text)), mark))
            if chars[j - 1].ch[-1:].isspace():
                text.append(" ")  # the run after a marker starts without its space
            k = j
            continue
        text.append(c.ch)
        k += 1
    joined = "".join(text)
    stripped = joined.lstrip()
    shift = len(joined) - len(stripped)
    markers = [(max(0, off - shift), m) for off, m in markers]
    joined = stripped.rstrip()
    xs = [c.x for c in chars if c.ch.strip()]
    return Line(
        text=joined,
        page=page,
        top=1 - (base + main) / height,
        bottom=1 - base / height,
        x0=min(xs) / width,
        x1=max(c.right for c in chars if c.ch.strip()) / width,
        size=main,
        markers=markers,
    )


def pdfium_page(page: Any, number: int) -> tuple[PageLines, str]:
    """Lines of one page via pdfium; also returns the raw text for the scan check."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        runs = _pdfium_runs(textpage)
        raw_text, chars = runs if runs is not None else _pdfium_chars(textpage)
    finally:
        textpage.close()
    lines = [
        ln
        for group in _group_lines(chars)
        if (ln := _to_line(group, number, width, height)) is not None and ln.text
    ]
    gutter = find_gutter(lines)
    return (
        PageLines(number, merge_rows(lines, gutter), width, height, path="pdfium", gutter=gutter),
        raw_text,
    )


def sizes_usable(pl: PageLines) -> bool:
    sized = [ln for ln in pl.lines if ln.size and ln.size > 1.5]
    return len(sized) >= 0.9 * len(pl.lines)


def pdfplumber_page(data: bytes, index: int, number: int) -> PageLines:
    """The same line model from pdfplumber's character objects (slow, thorough)."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data), pages=[index + 1]) as pdf:
        page = pdf.pages[0]
        width, height = float(page.width), float(page.height)
        chars = [
            _Char(
                c["text"],
                float(c.get("size") or 0.0),
                float(c["x0"]),
                height - float(c["bottom"]) + 0.2 * float(c.get("size") or 0.0),
                float(c["x1"]),
            )
            for c in page.chars
        ]
        words_line: list[_Char | None] = []
        # pdfplumber lists characters in content order without spaces: insert them
        for a, b in zip(chars, [*chars[1:], None], strict=False):
            words_line.append(a)
            if b is not None and b.x - a.right > 0.2 * max(a.size, 1.0) and abs(b.y - a.y) < 2:
                words_line.append(_Char(" ", a.size, a.right, a.y, b.x))
    lines = [
        ln
        for group in _group_lines(words_line)
        if (ln := _to_line(group, number, width, height)) is not None and ln.text
    ]
    gutter = find_gutter(lines)
    return PageLines(number, merge_rows(lines, gutter), width, height, path="pdfplumber", gutter=gutter)

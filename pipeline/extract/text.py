"""Plain text (``.txt``): decoding, pages and lines without geometry.

Pages break at form feeds. OCR text as often received also starts each
page with a single space after the previous page's notes; that is taken as
a page start too when it recurs (at least twice) and is rare enough not to
be paragraph indentation.
"""

from __future__ import annotations

import re

from ..errors import ExtractError
from .lines import Line, PageLines

_PAGE_START = re.compile(r"^ (?=\S)")


def decode(path: str, data: bytes) -> str:
    if not data.strip():
        raise ExtractError("empty", "the file is empty", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise ExtractError("binary_text", "the UTF-16 text cannot be decoded", path) from exc
    if b"\x00" in data[:65536]:
        raise ExtractError("binary_text", "the .txt file holds binary data (NUL bytes)", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:65536]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f") or c == "\ufffd")
    if bad > max(8, 0.02 * len(sample)):
        raise ExtractError(
            "binary_text",
            f"the .txt file is not text ({bad} control or undecodable characters)",
            path,
        )
    return text


def text_pages(text: str) -> list[PageLines]:
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    starts = [i for i, ln in enumerate(raw_lines) if _PAGE_START.match(ln)]
    nonblank = sum(1 for ln in raw_lines if ln.strip())
    use_space_starts = len(starts) >= 2 and len(starts) <= nonblank / 12
    pages: list[PageLines] = [PageLines(1, [])]
    blank = False
    for i, raw in enumerate(raw_lines):
        chunks = raw.split("\f")
        for k, chunk in enumerate(chunks):
            if k > 0 and (pages[-1].lines):
                pages.append(PageLines(len(pages) + 1, []))
            if k == 0 and use_space_starts and i in starts and i > 0 and pages[-1].lines:
                pages.append(PageLines(len(pages) + 1, []))
            if not chunk.strip():
                blank = True
                continue
            page = pages[-1]
            page.lines.append(
                Line(text=chunk.strip(), page=page.number, blank_before=blank, page_start=not page.lines)
            )
            blank = False
    return [p for p in pages if p.lines] or [PageLines(1, [])]

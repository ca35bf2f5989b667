"""Stage 1, extract: any source file → a normalized ``Document`` with provenance.

``extract_file`` sniffs the content (never trusting the extension alone),
runs the right reader, the layout stage and the assembler. It produces text
with layout and provenance (pages, segments, footnotes, the running lines it
took out, the markup's own statements) and knows no Dutch: what the text
means, metadata included, is the NLP side's business. Every failure is an
``ExtractError`` naming the file and the cause.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from ..config import Settings, display_path
from ..errors import ExtractError
from ..schema import Document, Markup, Page, Source
from . import layout as layout_mod
from .lines import PageLines
from .normalize import assemble, clean_line, repair_bullet, repair_ocr, strip_ocr_markers

MEDIA = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "tiff": "image/tiff",
    "xml": "application/xml",
    "text": "text/plain",
}
_OPENING_TAG = re.compile(rb"<[A-Za-z_][\w:.-]*(?:\s[^<>]*)?/?>")
SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".xml", ".txt", ".docx"}
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of old .doc files and of encrypted Office files


def sniff(path: str, data: bytes) -> str:
    """The real type of a file from its first bytes; the extension only breaks ties."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    suffix = Path(path).suffix.lower()
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        from .docx import is_docx

        found = is_docx(data)
        if found:
            return "docx"
        if found is None:
            if b"PK\x05\x06" not in data[-65557:]:  # no end-of-central-directory record
                raise ExtractError("truncated", "the ZIP archive (a Word file?) is truncated", path)
            raise ExtractError("corrupt", "the file starts as a ZIP archive but cannot be read as one", path)
        raise ExtractError(
            "unsupported", "a ZIP archive that is not a Word .docx (it has no word/document.xml)", path
        )
    if data.startswith(OLE2):
        if suffix == ".docx":
            raise ExtractError(
                "encrypted",
                "the .docx is an OLE2 container, as Word writes a password-protected file "
                "(or an old .doc renamed); save it without a password as .docx",
                path,
            )
        raise ExtractError(
            "unsupported", "an old Office file (Word 97-2003 .doc or similar); save it as .docx", path
        )
    low = head[:200].lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low:
        raise ExtractError(
            "unsupported", f"the file is HTML, not {suffix.lstrip('.') or 'a supported type'}", path
        )
    if suffix == ".pdf":
        raise ExtractError("corrupt", "the file has a .pdf name but no PDF header", path)
    if suffix in (".png", ".jpg", ".jpeg", ".tif", ".tiff"):
        raise ExtractError("corrupt", f"the file has a {suffix} name but is no image", path)
    if suffix == ".docx":
        raise ExtractError("corrupt", "the file has a .docx name but is no Word (ZIP) file", path)
    # markup opens with a declaration or a tag; OCR text may open with "<N°. X.)" and stays text
    if suffix == ".xml" or head.startswith(b"<?xml") or _OPENING_TAG.match(head.lstrip()):
        return "xml"
    if suffix in (".txt", ".text", "") or suffix not in SUFFIXES:
        return "text"
    raise ExtractError("unsupported", f"unsupported file type {suffix}", path)


def read_bytes(path: str, settings: Settings) -> bytes:
    p = Path(path)
    if not p.exists():
        raise ExtractError("not_found", "no such file", path)
    if p.is_dir():
        raise ExtractError("unsupported", "a folder, not a file", path)
    size = p.stat().st_size
    if size == 0:
        raise ExtractError("empty", "the file is empty (0 bytes)", path)
    if size > settings.max_bytes:
        raise ExtractError(
            "too_large",
            f"the file is {size:,} bytes, more than the limit {settings.max_bytes:,}",
            path,
        )
    try:
        return p.read_bytes()
    except OSError as exc:
        raise ExtractError("not_found", f"cannot read the file: {exc.strerror}", path) from exc


def _text_pages(
    path: str, data: bytes, settings: Settings, first: int, last: int
) -> tuple[list[PageLines], list[int]]:
    """Pages ``first..last-1`` (0-based) from their text layer; also the numbers that need OCR."""
    from . import pdf

    doc = pdf.open_pdf(path, data, settings)
    out: list[PageLines] = []
    scans: list[int] = []
    try:
        for i in range(first, min(last, len(doc))):
            page = doc[i]
            number = i + 1
            width, height = page.get_size()
            pdf.check_page_size(path, number, width, height, settings)
            try:
                lines, raw = pdf.pdfium_page(page, number)
            except Exception:  # pdfium could not read this page's text: let pdfplumber try
                lines = pdf.pdfplumber_page(data, i, number)
                raw = " ".join(ln.text for ln in lines.lines)
            if pdf.needs_ocr(raw, settings):
                scans.append(number)
            else:
                out.append(lines if pdf.sizes_usable(lines) else pdf.pdfplumber_page(data, i, number))
            page.close()
    finally:
        doc.close()
    return out, scans


def _text_pages_job(args: tuple[str, bytes, Settings, int, int]) -> tuple[list[PageLines], list[int]]:
    return _text_pages(*args)


PARALLEL_PAGES = 24  # a PDF with at least this many pages is read over all cores


def _pdf_pages(
    path: str, data: bytes, settings: Settings, progress: Callable[[int], None] | None
) -> list[PageLines]:
    from . import ocr, pdf

    pdf.check_streams(path, data, settings)
    doc = pdf.open_pdf(path, data, settings)
    n = len(doc)
    doc.close()
    if n >= PARALLEL_PAGES and settings.workers > 1:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        step = -(-n // settings.workers)
        jobs = [(path, data, settings, k, k + step) for k in range(0, n, step)]
        with ProcessPoolExecutor(len(jobs), mp_context=mp.get_context("fork")) as pool:
            parts = list(pool.map(_text_pages_job, jobs))
    else:
        parts = [_text_pages(path, data, settings, 0, n)]
    pages = [pl for part, _ in parts for pl in part]
    scans = [number for _, part in parts for number in part]
    if progress:
        progress(len(pages))
    if scans:
        pages += ocr.ocr_pdf(path, data, scans, settings, progress)
    return sorted(pages, key=lambda pl: pl.number)


def extract_file(
    path: str | os.PathLike[str],
    settings: Settings | None = None,
    progress: Callable[[int], None] | None = None,
) -> Document:
    """Read one file into a normalized ``Document`` (no analysis).

    A file that cannot be read raises ``ExtractError``; anything else that
    goes wrong is a bug and propagates as itself (the batch records it with
    its traceback).
    """
    settings = settings or Settings.from_env()
    spath = os.fsdecode(path)
    try:
        return _extract(spath, settings, progress)
    except MemoryError as exc:
        raise ExtractError(
            "out_of_memory", "the file needs more memory than a worker may use", spath
        ) from exc


def from_text(text: str, name: str = "<text>", settings: Settings | None = None) -> Document:
    """A Document from a string, read as a plain-text file would be."""
    return _extract(name, settings or Settings.from_env(), None, data=text.encode("utf-8"))


def _extract(
    path: str, settings: Settings, progress: Callable[[int], None] | None, data: bytes | None = None
) -> Document:
    if data is None:
        data = read_bytes(path, settings)
        kind = sniff(path, data)
    else:
        kind = "text"
    lay: layout_mod.Layout | None = None  # structured sources bring their layout and markup
    markup: Markup | None = None
    if kind == "pdf":
        pages = _pdf_pages(path, data, settings, progress)
    elif kind in ("png", "jpeg", "tiff"):
        from . import ocr

        pages = ocr.ocr_pages(ocr.load_images(path, data, settings), settings, path, progress)
    elif kind == "xml":
        from .xml import xml_layout

        lay, markup = xml_layout(path, data)
        pages = [PageLines(1, lay.body, path="xml")]
    elif kind == "docx":
        from .docx import docx_layout

        lay, markup = docx_layout(path, data, settings)
        pages = [PageLines(1, lay.body, path="docx")]
    else:
        from .text import decode, text_pages

        pages = text_pages(decode(path, data))
    return document_from_pages(path, data, kind, pages, settings, lay, markup)


def pdf_page_count(path: str, data: bytes, settings: Settings) -> int:
    """How many pages a PDF has (opened, nothing read): for engines that split a PDF into page ranges."""
    from . import pdf

    doc = pdf.open_pdf(path, data, settings)
    try:
        return len(doc)
    finally:
        doc.close()


def pdf_page_range(path: str, settings: Settings, first: int, last: int) -> list[PageLines]:
    """Pages ``first..last-1`` (0-based) of a PDF as ``_pdf_pages`` reads them: text layer, OCR where
    it has none. A Dask task of its own for one page range of a long PDF (``dask_engine``)."""
    from . import ocr, pdf

    data = read_bytes(path, settings)
    pdf.check_streams(path, data, settings)
    pages, scans = _text_pages(path, data, settings, first, last)
    if scans:
        pages += ocr.ocr_pdf(path, data, scans, settings)
    return sorted(pages, key=lambda pl: pl.number)


def document_from_pages(
    path: str,
    data: bytes,
    kind: str,
    pages: list[PageLines],
    settings: Settings,
    lay: layout_mod.Layout | None = None,
    markup: Markup | None = None,
) -> Document:
    """The layout stage and the assembler over the pages a reader gave: the ``Document`` of a file
    (``lay`` and ``markup`` come with structured sources, which bring their own layout)."""
    markup = markup or Markup(source="scan" if kind in ("png", "jpeg", "tiff") else kind)
    for pl in pages:
        for ln in pl.lines:
            clean_line(ln)
    if lay is None:  # structured sources come with their layout
        lay = layout_mod.analyse(pages)
    noisy = {pl.number for pl in pages if pl.ocr or pl.path == "text"}
    scanned = {pl.number for pl in pages if pl.ocr}
    if noisy:
        for ln in lay.body:
            if ln.page in noisy:
                ln.text = repair_bullet(ln.text)
                strip_ocr_markers(ln, ocr=ln.page in scanned)
        for ln in [*lay.body, *(x for n in lay.notes for x in n.lines)]:
            if ln.page in noisy:
                ln.text = repair_ocr(ln.text)
    text, segments, footnotes, marks = assemble(lay)
    if not text.strip():
        raise ExtractError("empty", "no text could be read from the file", path)
    if len(text) > settings.max_text_chars:
        raise ExtractError(
            "too_large",
            f"the text is {len(text):,} characters, more than the limit {settings.max_text_chars:,}",
            path,
        )

    ocr_pages = tuple(pl.number for pl in pages if pl.ocr)
    return Document(
        doc_id=None,
        source=Source(
            path=display_path(path),
            sha256=hashlib.sha256(data).hexdigest(),
            media_type=MEDIA[kind],
            pages=max((pl.number for pl in pages), default=1),
            ocr_pages=ocr_pages,
            bytes=len(data),
        ),
        text=text,
        segments=segments,
        pages=tuple(Page(pl.number, pl.ocr, pl.confidence, pl.path) for pl in pages),
        footnotes=footnotes,
        running=tuple(ln.text for ln in lay.removed),
        markup=markup,
        marks=marks,
    )

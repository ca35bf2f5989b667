"""Scans: page images to ``PageLines`` with tesseract (``-l nld``).

Pages run in parallel, one tesseract process per core with
``OMP_THREAD_LIMIT=1`` (tesseract's own threading is slower on small
machines). Images go to tesseract as raw PGM files: encoding a noisy
300 dpi page as PNG costs seconds, writing PGM costs milliseconds.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from ..config import Settings
from ..errors import ExtractError
from .lines import Line, PageLines, find_gutter, merge_rows


@dataclass
class PageImage:
    number: int
    image: Any  # PIL.Image.Image, mode "L"
    dpi: float


def _ocr_one(img: PageImage, settings: Settings, path: str) -> PageLines:
    import pytesseract

    os.environ["OMP_THREAD_LIMIT"] = "1"
    with tempfile.NamedTemporaryFile(suffix=".pgm") as tmp:
        img.image.save(tmp.name, format="PPM")
        try:
            data = pytesseract.image_to_data(
                tmp.name,
                lang=settings.ocr_lang,
                config=f"--psm 3 --dpi {round(img.dpi)}",
                output_type=pytesseract.Output.DICT,
                timeout=settings.ocr_seconds_per_page,
            )
        except RuntimeError as exc:  # pytesseract raises RuntimeError on timeout
            raise ExtractError(
                "ocr_timeout",
                f"OCR of page {img.number} took longer than {settings.ocr_seconds_per_page:.0f} s",
                path,
            ) from exc
        except pytesseract.TesseractNotFoundError as exc:
            raise ExtractError(
                "ocr_failed", "tesseract is not installed (run the README's set-up command)", path
            ) from exc
        except pytesseract.TesseractError as exc:
            raise ExtractError("ocr_failed", f"tesseract failed on page {img.number}: {exc}", path) from exc
    return tsv_to_lines(data, img.number, img.image.width, img.image.height, img.dpi)


def tsv_to_lines(data: dict[str, list[Any]], number: int, width: int, height: int, dpi: float) -> PageLines:
    """Group tesseract's word boxes into lines with geometry and confidence."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    for i, word in enumerate(data["text"]):
        if int(data["level"][i]) != 5 or not str(word).strip():
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        groups.setdefault(key, []).append(i)
    lines: list[Line] = []
    confs: list[float] = []
    pt = 72.0 / dpi
    for idx in groups.values():
        words = [str(data["text"][i]) for i in idx]
        lefts = [int(data["left"][i]) for i in idx]
        tops = [int(data["top"][i]) for i in idx]
        rights = [int(data["left"][i]) + int(data["width"][i]) for i in idx]
        bottoms = [int(data["top"][i]) + int(data["height"][i]) for i in idx]
        heights = [int(data["height"][i]) for i in idx]
        confs += [float(data["conf"][i]) for i in idx if float(data["conf"][i]) >= 0]
        size = round(statistics.median(heights) * pt * 1.4 * 2) / 2
        lines.append(
            Line(
                text=" ".join(words),
                page=number,
                top=min(tops) / height,
                bottom=max(bottoms) / height,
                x0=min(lefts) / width,
                x1=max(rights) / width,
                size=size,
            )
        )
    gutter = find_gutter(lines)
    lines = merge_rows(lines, gutter)
    conf = round(statistics.fmean(confs), 1) if confs else None
    return PageLines(
        number, lines, width * pt, height * pt, ocr=True, confidence=conf, path="tesseract", gutter=gutter
    )


def ocr_pages(
    images: Iterable[PageImage],
    settings: Settings,
    path: str,
    progress: Callable[[int], None] | None = None,
) -> list[PageLines]:
    """OCR pages in parallel over ``settings.workers`` tesseract processes.

    ``images`` is consumed lazily, with at most one image per worker (plus one)
    in memory, so a 500-page scan does not hold 500 page images at once.
    """
    workers = max(1, settings.workers)
    out: list[PageLines] = []
    pending: deque[Future[PageLines]] = deque()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for img in images:
            pending.append(pool.submit(_ocr_one, img, settings, path))
            while len(pending) > workers:
                out.append(pending.popleft().result())
                if progress:
                    progress(1)
        while pending:
            out.append(pending.popleft().result())
            if progress:
                progress(1)
    return out


def ocr_pdf(
    path: str,
    data: bytes,
    numbers: list[int],
    settings: Settings,
    progress: Callable[[int], None] | None = None,
) -> list[PageLines]:
    """OCR the given pages of a PDF; pages are rendered one at a time as workers free up."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:

        def images() -> Iterator[PageImage]:
            total = 0
            for number in numbers:
                page = doc[number - 1]
                try:
                    img = pdf_page_image(page, number, settings, path)
                finally:
                    page.close()
                total += img.image.width * img.image.height
                if total > settings.max_document_pixels:
                    raise ExtractError(
                        "image_bomb",
                        f"the scanned pages hold more than {settings.max_document_pixels:,} pixels together",
                        path,
                    )
                yield img

        return ocr_pages(images(), settings, path, progress)
    finally:
        doc.close()


def check_pixels(path: str, width: int, height: int, settings: Settings, what: str) -> None:
    if width * height > settings.max_pixels:
        raise ExtractError(
            "image_bomb",
            f"{what} is {width} x {height} pixels, more than the limit of "
            f"{settings.max_pixels:,} (a decompression bomb or an absurd scan)",
            path,
        )


def load_images(path: str, data: bytes, settings: Settings) -> Iterator[PageImage]:
    """Frames of a PNG/TIFF/JPEG as greyscale page images, one at a time, with every limit checked.

    All frames' sizes are checked (frames, pixels per frame and for the whole
    file) before any frame is decoded; then frames are decoded one by one, so
    a file of many large frames never holds more than one in memory.
    """
    import io
    import warnings

    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = settings.max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
            frames = getattr(im, "n_frames", 1)
            if frames > min(settings.max_frames, settings.max_pages):
                limit = min(settings.max_frames, settings.max_pages)
                raise ExtractError(
                    "too_many_pages", f"the image has {frames} frames, more than {limit}", path
                )
            total = 0
            for k in range(frames):
                im.seek(k)
                check_pixels(path, im.width, im.height, settings, f"frame {k + 1}")
                total += im.width * im.height
            if total > settings.max_document_pixels:
                raise ExtractError(
                    "image_bomb",
                    f"the image's {frames} frames hold {total:,} pixels, more than the limit of "
                    f"{settings.max_document_pixels:,} for one document",
                    path,
                )
            im.seek(0)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ExtractError("image_bomb", f"the image is a decompression bomb: {exc}", path) from exc
    except UnidentifiedImageError as exc:
        raise ExtractError("corrupt", "the image cannot be decoded", path) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ExtractError("truncated", f"the image is truncated or damaged: {exc}", path) from exc
    return _frames(path, im, frames, settings)


def _frames(path: str, im: Any, frames: int, settings: Settings) -> Iterator[PageImage]:
    for k in range(frames):
        try:
            im.seek(k)
            frame = im.convert("L")
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ExtractError("truncated", f"frame {k + 1} of the image is damaged: {exc}", path) from exc
        dpi = im.info.get("dpi", (settings.ocr_dpi, settings.ocr_dpi))[0] or settings.ocr_dpi
        dpi = float(dpi) if 50 <= float(dpi) <= 1200 else float(settings.ocr_dpi)
        yield PageImage(k + 1, frame, dpi)


def pdf_page_image(page: Any, number: int, settings: Settings, path: str) -> PageImage:
    """The image of a PDF page: its one full-page image if it has one, else a rendering."""
    import pypdfium2 as pdfium

    width, height = page.get_size()
    try:
        objs = [o for o in page.get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
        if len(objs) == 1:
            left, bottom, right, top = objs[0].get_bounds()
            if (right - left) >= 0.9 * width and (top - bottom) >= 0.9 * height:
                w, h = objs[0].get_px_size()
                check_pixels(path, w, h, settings, f"the image on page {number}")
                img = objs[0].get_bitmap().to_pil().convert("L")
                dpi = img.width / (width / 72.0)
                if 100 <= dpi <= 1200:
                    return PageImage(number, img, dpi)
    except pdfium.PdfiumError:
        pass
    scale = settings.ocr_dpi / 72.0
    check_pixels(path, int(width * scale), int(height * scale), settings, f"page {number}")
    bitmap = page.render(scale=scale, grayscale=True)
    return PageImage(number, bitmap.to_pil().convert("L"), float(settings.ocr_dpi))

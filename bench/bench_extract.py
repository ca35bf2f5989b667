"""Speed and memory of extraction, beside the plain tools on the same files.

* born-digital PDFs (the shared seed letter and besluitenlijsten, plus a
  200-page letter generated here): pages/s of ``extract`` against
  ``pdftotext -layout`` on the same batch;
* scans (the seed scan): s/page of ``extract`` against plain single-threaded
  ``tesseract -l nld`` on the same page images, run over all cores;
* peak memory (max RSS of a fresh process) extracting the 200-page PDF.

Targets (issue 2): born-digital ≤ 3x pdftotext wall time, scans ≤ 1.15x plain
tesseract, peak memory ≤ 400 MB on 200 pages.

    .venv/bin/python bench/bench_extract.py [--json]
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing as mp
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "corpus"


def long_letter(pages: int = 200) -> bytes:
    """A long Kamerbrief-like PDF: running header, page numbers, footnotes, hyphenation-free body."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    seed = (SHARED / "seed" / "kamerbrief-imvo-convenanten-2016.txt").read_text(encoding="utf-8")
    paras = [" ".join(p.split()) for p in seed.split("\n\n") if len(p) > 200]
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13)
    buf = io.BytesIO()

    def header(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("Helvetica", 8)
        canvas.drawString(70, 810, "Tweede Kamer, vergaderjaar 2015–2016, 26 485, nr. 219")
        canvas.drawRightString(525, 810, str(doc.page))
        canvas.drawString(70, 60, f"{doc.page}  Stand van zaken, zie Kamerstuk 26 485, nr. {doc.page}.")

    story = []
    while len(story) < pages * 16:
        for p in paras:
            story += [Paragraph(p, body), Spacer(1, 6)]
    doc = SimpleDocTemplate(buf, pagesize=A4, topMargin=70, bottomMargin=90)
    doc.build(story[: int(pages * 14.8)], onFirstPage=header, onLaterPages=header)
    return buf.getvalue()


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def born_digital(files: list[Path]) -> dict[str, float]:
    import pypdfium2 as pdfium

    from pipeline import extract

    pages = sum(len(pdfium.PdfDocument(str(f))) for f in files)
    extract(files[0])  # warm imports and lexicons
    workers = os.cpu_count() or 1

    def batch() -> None:
        # as `kamer extract` does: files over a process pool, a long PDF's pages over all cores
        if len(files) > 1:
            with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
                list(pool.map(extract, files))
        else:
            extract(files[0])

    ours = min(timed(batch) for _ in range(3))
    plain = min(
        timed(
            lambda: [subprocess.run(["pdftotext", "-layout", str(f), "/dev/null"], check=True) for f in files]
        )
        for _ in range(3)
    )
    return {
        "pages": pages,
        "ours_s": round(ours, 3),
        "pdftotext_s": round(plain, 3),
        "ours_pages_per_s": round(pages / ours, 1),
        "pdftotext_pages_per_s": round(pages / plain, 1),
        "ratio": round(ours / plain, 2),
    }


def scans(path: Path) -> dict[str, float]:
    import pypdfium2 as pdfium

    from pipeline import extract
    from pipeline.config import Settings
    from pipeline.extract.ocr import pdf_page_image

    doc = pdfium.PdfDocument(str(path))
    n = len(doc)
    with tempfile.TemporaryDirectory() as tmp:
        images = []
        for i in range(n):
            img = pdf_page_image(doc[i], i + 1, Settings(), str(path)).image
            p = Path(tmp) / f"p{i}.pgm"
            img.save(p, format="PPM")
            images.append(p)
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

        def one(p: Path) -> None:
            subprocess.run(["tesseract", str(p), "-", "-l", "nld"], env=env, capture_output=True, check=True)

        workers = os.cpu_count() or 1
        with ThreadPoolExecutor(workers) as pool:
            plain = timed(lambda: list(pool.map(one, images)))
    ours = timed(lambda: extract(path))
    return {
        "pages": n,
        "ours_s_per_page": round(ours / n, 2),
        "tesseract_s_per_page": round(plain / n, 2),
        "ratio": round(ours / plain, 2),
        "workers": workers,
    }


def peak_memory(path: Path) -> float:
    code = (
        "import resource, sys; from pipeline import extract; extract(sys.argv[1]);"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT)
    return round(int(out.stdout.strip()) / 1024, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        long_pdf = Path(tmp) / "lange-brief-200.pdf"
        long_pdf.write_bytes(long_letter(200))
        shared = [SHARED / "seed" / "kamerbrief-imvo-convenanten-2016.pdf"]
        shared += sorted((SHARED / "besluitenlijsten").glob("*.pdf"))
        result = {
            "born_digital_shared": born_digital(shared),
            "born_digital_200_pages": born_digital([long_pdf]),
            "scan_seed": scans(SHARED / "seed" / "kamerbrief-imvo-convenanten-2016-scan.pdf"),
            "peak_rss_mb_200_pages": peak_memory(long_pdf),
            "bench_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
    if args.json:
        print(json.dumps(result, indent=1))
        return
    for name, row in result.items():
        if isinstance(row, dict):
            print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in row.items()))
        else:
            print(f"{name}: {row}")


if __name__ == "__main__":
    main()

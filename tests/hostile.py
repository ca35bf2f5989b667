"""Hostile and huge files, generated (never committed): for the trust tests and bench/bench_hostile.py."""

from __future__ import annotations

import io
import subprocess
import sys
import zlib
from pathlib import Path

from tests.conftest import KAMER, ROOT


def flate_bomb(inflated: int) -> bytes:
    """A small, valid PDF whose one content stream inflates to ``inflated`` bytes of blanks."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    body = b"".join(comp.compress(chunk) for _ in range(inflated >> 20)) + comp.flush()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for k, obj in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % k + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def peak_rss_mb(args: list[str]) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run ``kamer`` in a fresh interpreter and report the largest resident set of it and its workers."""
    probe = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(r.returncode)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *KAMER, *args], capture_output=True, text=True, cwd=ROOT, timeout=900
    )
    peak = int(out.stderr.strip().splitlines()[-1]) / 1024
    return out, peak


def frames_tiff(path: Path, frames: int = 40, side: int = 6000) -> Path:
    """A multi-frame bilevel TIFF: small on disk and in memory, ``frames × side²`` pixels when decoded."""
    from PIL import Image

    images = [Image.new("1", (side, side), 1) for _ in range(frames)]
    images[0].save(path, save_all=True, append_images=images[1:], compression="group4")
    return path


def long_pdf(path: Path, pages: int) -> Path:
    """A born-digital PDF of ``pages`` pages, 40 lines each, every line citing a Kamerstuk."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(pages):
        y = 780
        for line in range(40):
            c.drawString(
                60, y, f"Pagina {page + 1}, regel {line + 1}: zie Kamerstuk 36 410 XVI, nr. {page % 90 + 1}."
            )
            y -= 18
        c.showPage()
    c.save()
    return path

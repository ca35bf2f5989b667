"""Render officielebekendmakingen motion XML as a Kamerstuk PDF, and as a noisy scan.

Test and benchmark material: the dev corpus has motions only as XML; real
users have the PDF and, worse, scans of it. The layout follows the printed
Kamerstuk: kop at the top left, dossier number and title, "Nr. N" beside
the motion title, "Voorgesteld <date>", the body in a right-hand column,
the signatures, and the footer with the kst id, ISSN and running line.
Nothing here is used by the pipeline itself.
"""

from __future__ import annotations

import io
import random
import re
from pathlib import Path
from typing import Any

from lxml import etree

A4 = (595.28, 841.89)
LEFT, COL, RIGHT = 70.0, 170.0, 525.0


def _fonts() -> tuple[str, str]:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    base = Path(reportlab.__file__).parent / "fonts"
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(base / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont("VeraBd", str(base / "VeraBd.ttf")))
    return "Vera", "VeraBd"


def _t(el: Any) -> str:
    return " ".join("".join(el.itertext()).split())


def motion_parts(xml: bytes) -> dict[str, Any]:
    root = etree.fromstring(xml)
    dossier = root.find(".//dossier")
    nr = dossier.find(".//dossiernummer") if dossier is not None else None
    stuk = root.find(".//stuk")
    vj = next((_t(t) for t in root.iter("tekstregel") if t.get("inhoud") == "vergaderjaar"), "")
    paragraphs: list[str] = []
    tekst = stuk.find(".//tekst") if stuk is not None else None
    if tekst is not None:
        for el in tekst.iter("al", "li"):
            if el.tag == "li":
                continue
            parent = el.getparent()
            bullet = parent is not None and parent.tag == "li"
            paragraphs.append(("• " if bullet else "") + _t(el))
    ond = stuk.find(".//ondernummer") if stuk is not None else None
    title = stuk.find("titel") if stuk is not None else None
    date = stuk.find(".//datumtekst") if stuk is not None else None
    return {
        "vergaderjaar": vj.replace("-", "–"),
        "dossier": _t(nr) if nr is not None else "",
        "dossier_title": _t(dossier.find("titel")) if dossier is not None else "",
        "nr": _t(ond) if ond is not None else "",
        "title": _t(title) if title is not None else "",
        "date": _t(date) if date is not None else "",
        "paragraphs": paragraphs,
    }


def render_pdf(xml: bytes, kst_id: str) -> bytes:
    """A born-digital PDF of the motion in the printed Kamerstuk layout."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    regular, bold = _fonts()
    p = motion_parts(xml)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setTitle(kst_id)
    year = re.search(r"(\d{4})\s*$", p["vergaderjaar"])
    years = p["vergaderjaar"].replace("Vergaderjaar ", "")
    running = f"Tweede Kamer, vergaderjaar {years}, {p['dossier']}, nr. {p['nr']}"
    page = 1

    def footer() -> None:
        c.setFont(regular, 7)
        if page == 1:
            c.drawString(LEFT, 60, kst_id)
            c.drawString(LEFT, 51, "ISSN 0921 - 7371")
            c.drawString(LEFT, 42, f"’s-Gravenhage {year.group(1) if year else ''}")
        c.drawString(COL, 42, running)
        c.drawRightString(RIGHT, 42, str(page))

    c.setFont(bold, 11)
    c.drawString(LEFT, 780, "Tweede Kamer der Staten-Generaal")
    c.drawRightString(RIGHT, 780, "2")
    c.setFont(regular, 9)
    c.drawString(LEFT, 767, p["vergaderjaar"])
    y = 730.0
    c.setFont(bold, 11)
    c.drawString(LEFT, y, p["dossier"])
    for line in simpleSplit(p["dossier_title"], bold, 11, RIGHT - COL):
        c.drawString(COL, y, line)
        y -= 14
    y -= 20
    c.drawString(LEFT, y, f"Nr. {p['nr']}")
    for line in simpleSplit(p["title"], bold, 11, RIGHT - COL):
        c.drawString(COL, y, line)
        y -= 14
    c.setFont(regular, 9)
    c.drawString(COL, y, p["date"])
    y -= 24
    size, lead = 9.5, 12.5
    for para in p["paragraphs"]:
        lines = simpleSplit(para, regular, size, RIGHT - COL)
        for line in lines:
            if y < 90:
                footer()
                c.showPage()
                page += 1
                c.setFont(regular, 7)
                c.drawString(COL, 800, running)
                y = 770
            c.setFont(regular, size)
            c.drawString(COL, y, line)
            y -= lead
        y -= 6
    footer()
    c.showPage()
    c.save()
    return buf.getvalue()


def scan_pages(pdf: bytes, dpi: int = 300, seed: int = 0, noise: float = 18.0) -> list[Any]:
    """Rasterise a PDF like a flatbed scan: grey, slightly rotated, blurred, noisy."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(pdf)
    out = []
    for i in range(len(doc)):
        img = doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        img = img.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=255, expand=False)
        img = img.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.4, 0.9)))
        arr = np.asarray(img, dtype=np.float32)
        arr = arr + nrng.normal(0, noise, arr.shape)
        specks = nrng.random(arr.shape) < 0.0008
        arr[specks] = 0
        out.append(Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), mode="L"))
    doc.close()
    return out


def scan_pdf(pdf: bytes, dpi: int = 300, seed: int = 0) -> bytes:
    """An image-only PDF (no text layer) of the noisy scan."""
    pages = scan_pages(pdf, dpi, seed)
    buf = io.BytesIO()
    pages[0].save(buf, format="PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return buf.getvalue()


def letter_with_sidebar(body: str, side: list[str], signature: list[str]) -> bytes:
    """A one-page Kamerbrief as ministries set it: body left, a small-type column
    (sender, Datum, Kenmerk, Betreft) on the right beside the first lines."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    regular, _ = _fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(regular, 10)
    c.drawString(LEFT, 760, "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal")
    c.drawString(LEFT, 720, "Geachte voorzitter,")
    y = 700.0
    for line in simpleSplit(body, regular, 10, 330):
        c.drawString(LEFT, y, line)
        y -= 13
    for k, line in enumerate(signature):
        c.drawString(LEFT, y - 20 - 30 * k, line)
    c.setFont(regular, 7.5)
    sy = 720.0
    for line in side:
        if line:
            c.drawString(430, sy, line)
        sy -= 10
    c.save()
    return buf.getvalue()

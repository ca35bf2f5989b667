"""Hostile and broken files: one JSON error line each naming the cause, never a traceback."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest

from pipeline import extract
from pipeline.config import Settings
from pipeline.errors import ExtractError
from tests.conftest import KAMER, ROOT, SEED


def _png_header(width: int, height: int) -> bytes:
    """A tiny PNG that claims a huge size (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _encrypted_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="geheim")
    c.drawString(100, 700, "Vertrouwelijk")
    c.save()
    return buf.getvalue()


def _half_png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.frombytes("L", (400, 300), os.urandom(400 * 300)).save(buf, format="PNG")
    data = buf.getvalue()
    return data[: len(data) * 6 // 10]


def _huge_page_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(1_000_000, 1_000_000))
    c.drawString(100, 700, "Een absurd grote pagina")
    c.save()
    return buf.getvalue()


def _docx(extra: dict[str, bytes] | None = None, patch: bytes = b"") -> bytes:
    """A small Word file (python-docx), with parts added or a DTD put into its document.xml."""
    import docx

    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("De Kamer, gehoord de beraadslaging,")
    document.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml" and patch:
                data = data.replace(b"?>", b"?>" + patch, 1)
            dst.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


def _docx_bomb() -> bytes:
    """A Word file whose ZIP directory says one part inflates to 3 GB (checked before inflating)."""
    data = bytearray(_docx({"word/media/nullen.bin": bytes(1000)}))
    name = b"word/media/nullen.bin"
    at = data.find(b"PK\x01\x02")
    while at != -1:
        if data[at + 46 : at + 46 + len(name)] == name:
            data[at + 24 : at + 28] = (3_000_000_000).to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 1)
    return bytes(data)


def _zip(name: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(name, data)
    return buf.getvalue()


SEED_PDF = (SEED / "kamerbrief-imvo-convenanten-2016.pdf").read_bytes()
ENTITIES = b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'

HOSTILE: dict[str, tuple[str, bytes | None, str]] = {
    # name: (file name, content, expected code)
    "empty": ("leeg.pdf", b"", "empty"),
    "truncated pdf": ("afgebroken.pdf", SEED_PDF[: len(SEED_PDF) // 3], "truncated"),
    "random bytes": ("ruis.pdf", os.urandom(4096), "corrupt"),
    "html as pdf": ("pagina.pdf", b"<!DOCTYPE html><html><body>Niet gevonden</body></html>", "unsupported"),
    "encrypted": ("geheim.pdf", None, "encrypted"),
    "malformed xml": ("kapot.xml", b"<officiele-publicatie><kamerstuk><al>Open", "malformed_xml"),
    "xml entity bomb": (
        "bom.xml",
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        b"<officiele-publicatie><al>&b;&b;&b;</al></officiele-publicatie>",
        "malformed_xml",
    ),
    "binary txt": ("tekst.txt", bytes(range(256)) * 20, "binary_text"),
    "decompression bomb": ("bom.png", _png_header(50_000, 50_000), "image_bomb"),
    "truncated png": ("half.png", None, "truncated"),
    "png header only": ("kop.png", _png_header(800, 600)[:40], "corrupt"),
    "absurd page size": ("reus.pdf", None, "page_size"),
    "missing": ("bestaat-niet.pdf", None, "not_found"),
    "word zip bomb": ("bom.docx", None, "too_large"),
    "word entity bomb": ("entiteit.docx", None, "malformed_xml"),
    "zip that is no word file": ("archief.docx", _zip("leesmij.txt", b"hallo"), "unsupported"),
    "truncated word file": ("half.docx", None, "truncated"),
    "text named docx": ("geen.docx", b"Dit is geen Word-bestand, maar tekst.", "corrupt"),
    "old word doc": ("oud.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "unsupported"),
    "password word file": ("geheim.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "encrypted"),
    "vlos entity bomb": (
        "verslag.xml",
        b'<?xml version="1.0"?>' + ENTITIES + b'<vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/'
        b'vergaderverslag/v1.0"><vergadering><titel>&b;</titel></vergadering></vlosCoreDocument>',
        "malformed_xml",
    ),
}


def _write(tmp_path: Path, name: str) -> Path:
    fname, content, _ = HOSTILE[name]
    path = tmp_path / fname
    if name == "encrypted":
        content = _encrypted_pdf()
    elif name == "absurd page size":
        content = _huge_page_pdf()
    elif name == "truncated png":
        content = _half_png()
    elif name == "word zip bomb":
        content = _docx_bomb()
    elif name == "word entity bomb":
        content = _docx(patch=ENTITIES)
    elif name == "truncated word file":
        whole = _docx()
        content = whole[: len(whole) // 2]
    if content is not None:
        path.write_bytes(content)
    return path


@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_bad_file_names_its_cause(name: str, tmp_path: Path) -> None:
    path = _write(tmp_path, name)
    with pytest.raises(ExtractError) as err:
        extract(path)
    assert err.value.code == HOSTILE[name][2], err.value.message
    assert err.value.path == str(path)
    assert err.value.message


def test_limits_are_settings(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(SEED_PDF)
    with pytest.raises(ExtractError) as err:
        extract(path, Settings(max_pages=3))
    assert err.value.code == "too_many_pages"
    with pytest.raises(ExtractError) as err:
        extract(path, Settings(max_bytes=1000))
    assert err.value.code == "too_large"


def test_cli_reports_every_bad_file_and_still_extracts_the_good(tmp_path: Path) -> None:
    paths = [_write(tmp_path, name) for name in HOSTILE]
    good = SEED / "kamerbrief-imvo-convenanten-2016.txt"
    args = [str(p) for p in paths[:6]] + [str(good)] + [str(p) for p in paths[6:]]
    proc = subprocess.run(
        [*KAMER, "extract", *args], capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={**os.environ, "KAMER_WORKERS": "2"},
    )  # fmt: skip
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(lines) == len(args)
    errors = [x for x in lines if "error" in x]
    assert len(errors) == len(HOSTILE)
    assert [x.get("path") for x in lines] == [str(p) for p in paths[:6]] + [None] + [
        str(p) for p in paths[6:]
    ]
    assert lines[6]["source"]["path"] == str(good) and lines[6]["meta"]["kind"] == "brief"
    for x, name in zip(errors, HOSTILE, strict=True):
        assert x["error"]["code"] == HOSTILE[name][2]


def test_utf16_text_is_text(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_bytes("De Minister van Financiën zal uw Kamer informeren.".encode("utf-16"))
    assert "Financiën" in extract(path).text


def test_ocr_text_opening_with_a_bracket_is_text_not_xml(tmp_path: Path) -> None:
    """An archive paper's OCR opens with '<N°. X.)' (sgd-0000452093): text, not malformed XML."""
    f = tmp_path / "antwoorden.txt"
    f.write_text("<N°. X.)\n234\nANTWOORDEN DER REGERING op de Aanmerkingen der Afdeelingen.\n", "utf-8")
    assert "ANTWOORDEN DER REGERING" in extract(f).text
    g = tmp_path / "stuk.txt"
    g.write_text("<kamerstuk><titel>Een titel</titel></kamerstuk>\n", "utf-8")
    text = extract(g).text  # markup in a .txt is still read as markup
    assert "Een titel" in text and "<titel>" not in text


def test_extract_on_a_folder_without_files_says_so(tmp_path: Path) -> None:
    proc = subprocess.run([*KAMER, "extract", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "no readable files" in proc.stderr and "Traceback" not in proc.stderr

"""The real 2016 Kamerbrief (IMVO-convenanten) in its three shapes: PDF, text as received, scan."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SEED

# each footnote's text, and the words its marker follows in the body (from the printed letter)
NOTES = {
    "1": ("Kamerstuk 26 485, nr. 187", "met het Nederlands bedrijfsleven en haar stakeholders."),
    "2": ("(Kamerstuk 32 852 nr. 24)", "de convenanten van de dertien risicosectoren"),
    "3": ("KPMG onderscheidde in de SRA", "Voortgang sectorconvenanten"),
    "4": ("Kamerstuk 26 485, nr. 212", "Met de tussenrapportage IMVO-convenanten"),
    "5": ("Kamerstuk 26 485, nr. 197", "andere sectoren die in de MVO Sector Risico Analyse"),
    "6": ("Raadpleegbaar via", "Een overzicht van deze ontwikkelingen wordt in bijlage 1"),
    "7": ("Raadpleegbaar via", "in andere landen gebeurt treft u aan in bijlage 2"),
    "8": ("Toezegging Kamerstuk 32 637, nr. 231", "MVO in de praktijk kan bieden."),
    "9": ("Kamerstuk 34 331, nr. 7 en Kamerstuk 34 311, nr. 5.", "twee moties van de leden Vermue en Servaes aangenomen."),
    "10": ("Raadpleegbaar via", "In de bijlagen 3 en 4"),
}  # fmt: skip


def test_pdf_footnotes_are_separated_and_linked(seed_pdf) -> None:
    doc = seed_pdf
    assert [f.number for f in doc.footnotes] == [str(n) for n in range(1, 11)]
    for note in doc.footnotes:
        text, before = NOTES[note.number]
        assert text in doc.text[note.start : note.end], note.number
        assert note.marker is not None, f"note {note.number} has no marker"
        body_before = doc.text[max(0, note.marker - len(before) - 5) : note.marker]
        assert body_before.rstrip().endswith(before.rstrip()), (note.number, body_before)
        # the footnote's span is flagged as footnote, the marker's place as body
        assert doc.span(note.start, note.end).in_footnote
        assert not doc.span(note.marker - 1, note.marker).in_footnote


def test_pdf_has_no_running_header_or_page_number(seed_pdf) -> None:
    body = seed_pdf.text[: seed_pdf.footnotes[0].start]
    assert "synthetische testversie" not in seed_pdf.text
    assert "vergaderjaar 2015" not in body
    assert not re.search(r"(?m)^\s*\d{1,2}\s*$", seed_pdf.text)
    assert [p.number for p in seed_pdf.pages] == [1, 2, 3, 4, 5, 6]
    assert {p.path for p in seed_pdf.pages} == {"pdfium"}


def test_pdf_dehyphenation_and_real_hyphens(seed_pdf) -> None:
    t = seed_pdf.text
    assert "concurrentievoordeel" in t  # broken over a page break
    assert "IMVO-convenanten" in t and "EU-voorzitterschap" in t
    assert "handel- en ontwikkelingsbeleid" in t
    assert "kleding- en textielindustrie" in t


def test_pages_map_back(seed_pdf) -> None:
    i = seed_pdf.text.index("Eurocommissaris Bienkowska")
    assert seed_pdf.span(i, i + 10).page == 4
    j = seed_pdf.text.index("Toezegging Kamerstuk 32 637")
    assert seed_pdf.span(j, j + 10).page == 6


def test_text_as_received_is_repaired(seed_txt) -> None:
    t = seed_txt.text
    for damaged in ("vo6r", "vé6r", "véér", "creéert", "ministeriéle", "geidentificeerd"):
        assert damaged not in t
    assert "vóór 2017" in t and "creëert" in t and "geïdentificeerd" in t
    assert "maatschappelijk verantwoord" in t
    assert "handel- en ontwikkelingsbeleid" in t


def test_text_as_received_footnotes(seed_txt) -> None:
    doc = seed_txt
    assert len(doc.footnotes) == 10
    by_number = {f.number: doc.text[f.start : f.end] for f in doc.footnotes}
    assert "Kamerstuk 26 485, nr. 187" in by_number["1"]
    assert "Toezegging Kamerstuk 32 637, nr. 231" in by_number["8"]
    # the footnote block interleaved at a page end does not split the body sentence
    assert "het concurrentievoordeel dat MVO" in doc.text
    linked = [f for f in doc.footnotes if f.marker is not None]
    assert len(linked) >= 8


def test_metadata_of_the_letter(seed_pdf, seed_txt) -> None:
    for doc in (seed_pdf, seed_txt):
        assert doc.meta.kind == "brief"
        assert [(a.name, a.role) for a in doc.meta.authors] == [
            ("Ploumen", "Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"),
            ("Kamp", "Minister van Economische Zaken"),
        ]


def _cer(ref: str, hyp: str) -> float:
    a, b = " ".join(ref.split()), " ".join(hyp.split())
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] / len(a)


@pytest.mark.slow
def test_scan_matches_pdf(seed_pdf, seed_scan) -> None:
    doc = seed_scan
    assert doc.source.ocr_pages == (1, 2, 3, 4, 5, 6)
    assert all(p.ocr and p.confidence and p.confidence > 80 for p in doc.pages)
    assert len(doc.footnotes) == 10
    assert _cer(seed_pdf.text, doc.text) <= 0.01
    assert doc.meta.kind == "brief" and len(doc.meta.authors) == 2


def test_sources_exist() -> None:
    assert (SEED / "kamerbrief-imvo-convenanten-2016-scan.pdf").stat().st_size > 1_000_000

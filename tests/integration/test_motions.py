"""The sample motions: official XML, the same rendered as a Kamerstuk PDF, and a noisy scan."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from pipeline import process as extract  # extract + analyse: metadata is read by analysis
from pipeline.evaluate import surname_key
from tests.conftest import CORPUS, DATA, load_jsonl
from tests.support.render import render_pdf, scan_pdf

GOLD = load_jsonl(DATA / "motions-sample.gold.jsonl")


def _check(meta, gold: dict) -> None:
    g = gold["meta"]
    assert meta.kamerstuk is not None and meta.kamerstuk.id == g["kamerstuk"]["id"]
    assert meta.kind == g["kind"]
    assert meta.date == g.get("date")
    assert {surname_key(a.name) for a in meta.authors} == {surname_key(a["name"]) for a in g["authors"]}


@pytest.mark.parametrize("gold", GOLD, ids=[g["doc_id"] for g in GOLD])
def test_xml(gold: dict) -> None:
    doc = extract(CORPUS / "motions" / f"{gold['doc_id']}.xml")
    _check(doc.meta, gold)
    assert doc.doc_id == gold["doc_id"]
    assert doc.meta.vergaderjaar == gold["meta"]["vergaderjaar"]
    assert doc.meta.dossier_title == gold["meta"]["dossier_title"]
    if gold["meta"].get("topics"):
        assert list(doc.meta.topics[:1]) == gold["meta"]["topics"][:1]


@pytest.mark.parametrize("gold", GOLD[:10], ids=[g["doc_id"] for g in GOLD[:10]])
def test_rendered_pdf(gold: dict, tmp_path: Path) -> None:
    xml = (CORPUS / "motions" / f"{gold['doc_id']}.xml").read_bytes()
    pdf = tmp_path / "motie.pdf"  # the file name says nothing: all comes from the text
    pdf.write_bytes(render_pdf(xml, gold["doc_id"]))
    doc = extract(pdf)
    _check(doc.meta, gold)
    assert "ISSN" not in doc.text and "’s-Gravenhage" not in doc.text


@pytest.mark.slow
@pytest.mark.parametrize("gold", GOLD[:3], ids=[g["doc_id"] for g in GOLD[:3]])
def test_scan(gold: dict, tmp_path: Path) -> None:
    xml = (CORPUS / "motions" / f"{gold['doc_id']}.xml").read_bytes()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scan_pdf(render_pdf(xml, gold["doc_id"]), seed=zlib.crc32(gold["doc_id"].encode())))
    doc = extract(scan)
    assert doc.source.ocr_pages
    _check(doc.meta, gold)

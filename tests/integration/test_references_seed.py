"""References in the seed letter: all three shapes, footnote references tied to body sentences."""

from __future__ import annotations

import pytest

from pipeline import analyse

WANT = {
    ("kamerstuk", "kst-26485-187"), ("kamerstuk", "kst-32852-24"), ("kamerstuk", "kst-26485-212"),
    ("kamerstuk", "kst-26485-197"), ("kamerstuk", "kst-32637-231"), ("kamerstuk", "kst-34331-7"),
    ("kamerstuk", "kst-34311-5"), ("eu", "32014L0095"),
}  # fmt: skip


@pytest.mark.parametrize("shape", ["seed_pdf", "seed_txt", "seed_scan"])
def test_seed_references(shape: str, request: pytest.FixtureRequest) -> None:
    doc = analyse(request.getfixturevalue(shape))
    got = {(r.kind, r.id) for r in doc.references if r.kind != "url"}
    assert got == WANT


def test_footnote_reference_knows_its_body_sentence(seed_pdf) -> None:
    doc = analyse(seed_pdf)
    ref = next(r for r in doc.references if r.id == "kst-32852-24")
    assert ref.span.in_footnote and ref.span.page == 1
    assert ref.sentence is not None
    sentence = doc.text[ref.sentence[0] : ref.sentence[1]]
    assert sentence.startswith("Mede ter uitvoering van de motie van de leden Smaling en Voordewind")
    eu = next(r for r in doc.references if r.kind == "eu")
    assert not eu.span.in_footnote and eu.span.page == 5

"""A Kamerbrief with the ministries' side column: the column does not break into the body."""

from __future__ import annotations

from pathlib import Path

from pipeline import process
from tests.support.render import letter_with_sidebar

BODY = (
    "Met deze brief informeer ik uw Kamer over de voortgang van de uitvoering van de motie van het lid "
    "Van Nispen over de openbaarmaking van financiële belangen van bewindspersonen (Kamerstuk 28 844, nr. 290). "
    "Het kabinet heeft de voorstellen inmiddels uitgewerkt en zal deze voor de zomer van 2026 aan uw Kamer "
    "voorleggen. Daarbij betrek ik de adviezen van het Adviescollege Integriteit."
)
SIDE = [
    "Directie Constitutionele Zaken",
    "Turfmarkt 147",
    "Den Haag",
    "",
    "Datum",
    "14 oktober 2025",
    "Kenmerk",
    "2025-0000123456",
    "Betreft",
    "Openbaarmaking financiële belangen",
]


def test_side_column_stays_out_of_the_body(tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(
        letter_with_sidebar(
            BODY, SIDE, ["De Minister van Binnenlandse Zaken en Koninkrijksrelaties,", "J.J.M. Uitermark"]
        )
    )
    doc = process(pdf)
    assert BODY in " ".join(doc.text.split())
    assert doc.meta.date == "2025-10-14" and doc.meta.kind == "brief"
    assert [a.name for a in doc.meta.authors] == ["Uitermark"]
    assert [(c.kind, c.deadline.by if c.deadline else None) for c in doc.commitments] == [
        ("toezegging", "2026-06-30")
    ]
    assert [r.id for r in doc.references] == ["kst-28844-290"]

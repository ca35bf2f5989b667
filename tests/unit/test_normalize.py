"""Tables of real cases for the text clean-up: OCR repair, de-hyphenation, markers."""

from __future__ import annotations

import pytest

from pipeline.extract.lines import Line
from pipeline.extract.normalize import (
    clean_unicode,
    join_hyphenated,
    repair_ocr,
    repair_word,
    strip_ocr_markers,
)

# (damaged, repaired): all from the seed letter as received, or the list
OCR_REPAIRS = [
    ("vo6r", "vóór"),
    ("vé6r", "vóór"),
    ("véér", "vóór"),
    ("voo6r", "vóór"),  # a doubled letter beside the digit
    ("creéert", "creëert"),
    ("ministeriéle", "ministeriële"),
    ("geidentificeerd", "geïdentificeerd"),
    ("niet-financiéle", "niet-financiële"),
]


@pytest.mark.parametrize(("damaged", "repaired"), OCR_REPAIRS)
def test_repair_ocr(damaged: str, repaired: str) -> None:
    assert repair_ocr(damaged) == repaired


# words that are already Dutch must never be rewritten
# names with their é as printed (sgd/aanhangsels/sgd-0000228336.txt: "mejuffrouw Klompé"; "Enschedé", "Théodore")
VALID = [
    "veer",
    "voor",
    "Kamer",
    "convenanten",
    "IMVO-convenanten",
    "ILO",
    "2016",
    "Bienkowska",
    "EU",
    "Klompé",
    "Enschedé",
]


@pytest.mark.parametrize("word", VALID)
def test_valid_words_stay(word: str) -> None:
    assert repair_word(word) == word


def test_repair_keeps_capitals() -> None:
    assert repair_word("Vo6r") == "Vóór"


HYPHENS = [
    ("maatschap-", "pelijk verantwoord", "maatschappelijk verantwoord"),
    ("handel-", "en ontwikkelingsbeleid", "handel- en ontwikkelingsbeleid"),
    ("kleding-", "en textielindustrie", "kleding- en textielindustrie"),
    ("EU-", "voorzitterschap", "EU-voorzitterschap"),
    ("IMVO-", "convenanten", "IMVO-convenanten"),
    ("Noord-", "Holland", "Noord-Holland"),
    ("mensenrechten-", "schendingen.", "mensenrechtenschendingen."),
]


@pytest.mark.parametrize(("left", "right", "joined"), HYPHENS)
def test_join_hyphenated(left: str, right: str, joined: str) -> None:
    assert join_hyphenated(left, right, set()) == joined


def test_join_keeps_hyphen_the_document_uses_elsewhere() -> None:
    assert join_hyphenated("IMVO-convenanten-", "beleid", {"convenanten-beleid"}) == "IMVO-convenanten-beleid"


def test_clean_unicode() -> None:
    assert clean_unicode("ﬁnanciële\u00a0steun\u00ad") == "financiële steun"
    assert clean_unicode("e\u0301") == "é"


# OCR'd footnote markers glued to words (seed letter as received)
MARKERS = [
    ("en haar stakeholders'. Mede ter uitvoering", "en haar stakeholders. Mede ter uitvoering", 1),
    ("van de dertien risicosectoren?,", "van de dertien risicosectoren,", 1),
    ("Voortgang sectorconvenanten®", "Voortgang sectorconvenanten", 1),
    (
        "de tussenrapportage IMVO-convenanten* informeerde",
        "de tussenrapportage IMVO-convenanten informeerde",
        1,
    ),
    ("In de bijlagen 3 en 4'° wordt", "In de bijlagen 3 en 4 wordt", 1),
    ("Hoe verder?", "Hoe verder?", 0),
    ("een temperatuur van 30° C", "een temperatuur van 30° C", 0),
]


@pytest.mark.parametrize(("raw", "clean", "n"), MARKERS)
def test_strip_ocr_markers(raw: str, clean: str, n: int) -> None:
    line = Line(text=raw, page=1)
    strip_ocr_markers(line)
    assert line.text == clean
    assert len(line.markers) == n

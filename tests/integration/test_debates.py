"""Debates read as debates: a sitting is recognised, its speakers' turns found, and only the
government's own turns promise anything (the real sittings in corpus/debates)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline import analyse, extract
from pipeline.schema import Document
from tests.conftest import CORPUS

DEBATES = CORPUS / "debates"
PDF = DEBATES / "h-tk-20232024-40-6.pdf"
VLOS = DEBATES / "vlos-plenair-2014-10-15-vergadering-14-excerpt.xml"


@cache
def read(path: Path) -> Document:
    return analyse(extract(str(path)))


@pytest.mark.parametrize("path", [PDF, VLOS], ids=["handelingen-pdf", "vlos"])
def test_a_sitting_is_a_debate_with_turns(path: Path) -> None:
    d = read(path)
    assert d.meta.kind == "handelingen"
    assert len(d.turns) > 100
    assert all(a.end <= b.start for a, b in zip(d.turns, d.turns[1:], strict=False))  # in order, no overlap


def test_the_printed_report_names_its_item_and_speakers() -> None:
    d = read(PDF)
    assert d.doc_id == "h-tk-20232024-40-6" and d.meta.date == "2024-02-08"
    speakers = {(t.speaker, t.function, t.party) for t in d.turns}
    assert ("De Jonge", "Minister", None) in speakers
    assert ("De Hoop", None, "GroenLinks-PvdA") in speakers
    assert ("voorzitter", "voorzitter", None) in speakers


@pytest.mark.parametrize("path", [PDF, VLOS], ids=["handelingen-pdf", "vlos"])
def test_only_the_government_promises_in_a_debate(path: Path) -> None:
    d = read(path)
    for c in d.commitments:
        turn = next(t for t in d.turns if t.start <= c.span.start < t.end)
        assert turn.is_government, (turn.speaker, c.span.text)


def test_a_minister_promising_a_letter_is_that_minister() -> None:
    d = read(PDF)
    letters = [c for c in d.commitments if "brief toe" in c.span.text or "brief toezeggen" in c.span.text]
    assert letters and {c.actor for c in letters} == {"Minister De Jonge"}


def test_motions_read_out_in_a_sitting_get_the_number_the_chair_gives() -> None:
    d = read(PDF)
    submitted = {m.id: m for m in d.motions if m.requests}
    assert sorted(submitted) == [f"kst-32847-{n}" for n in range(1136, 1152)]
    last = submitted["kst-32847-1151"]
    assert last.submitters == ("Paternotte", "Pierik") and last.date == "2024-02-08"
    assert len(last.requests) == 2 and last.requests[0].startswith("verzoekt de regering ervoor te zorgen")
    assert submitted["kst-32847-1150"].requests == (
        "verzoekt de minister om de maximale stijging van de huurprijs per 1 juli 2024 vast te stellen op 3,5%,",
    )  # "De Kamer, gehoord de beraadslaging," on one line


def test_the_motions_in_vlos_text_are_the_ones_its_markup_names() -> None:
    d = read(VLOS)
    marked = {
        f"kst-{k.attr('dossier')}-{int(k.attr('number') or 0)}"
        for k in d.marks
        if k.kind == "motion" and k.attr("fragment") == "Motie indiening"
    }
    read_out = {m.id for m in d.motions if m.requests}
    assert marked and read_out == marked
    assert {m.speaker for m in d.motions if m.id == "kst-33972-36"} == {"Ulenbelt"}


def test_the_ministers_appraisal_of_each_motion_with_its_words() -> None:
    d = read(PDF)
    appraised = {m.id: m.appraisal for m in d.motions if m.requests}
    assert all(appraised.values()), [k for k, v in appraised.items() if v is None]
    # "Het gaat over de moties op de stukken nrs. 1136, 1140 en 1150. … Die zou ik alle drie willen ontraden."
    for n in (1136, 1140, 1150):
        a = appraised[f"kst-32847-{n}"]
        assert a is not None and a.value == "ontraden"
        assert a.span.text == "Die zou ik alle drie willen ontraden."
        assert a.speaker == "Minister De Jonge"
    final = appraised["kst-32847-1139"]  # first taken over, then left to the Kamer: the last word counts
    assert final is not None and final.value == "oordeel_kamer"

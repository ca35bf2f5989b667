"""Debates read as debates: a sitting is recognised, its speakers' turns found, and only the
government's own turns promise anything (the real sittings in corpus/debates)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline import analyse, extract
from pipeline.schema import Document
from tests.conftest import CORPUS, SHARED

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


@pytest.mark.parametrize(
    "path", [VLOS, SHARED / "corpus" / "handelingen" / "vlos-plenair-2014-10-15-vergadering-14.xml"]
)
def test_the_motions_in_vlos_text_are_the_ones_its_markup_names(path: Path) -> None:
    if not path.exists():
        pytest.skip("needs ../shared/corpus/handelingen (the whole VLOS sitting)")
    d = read(path)  # the whole sitting numbers motions in a dossier with a numeric toevoeging: (21501-20)
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


WORD = DEBATES / "h-tk-tweeminutendebat-exportkredietverzekeringen.docx"
SOURCES = {"40-6": PDF, "65-4": DEBATES / "h-tk-20232024-65-4.pdf", "ekv": WORD, "vlos": VLOS}


def _spoken_examples(key: str) -> list[tuple[Path, str]]:
    from pipeline.nlp.spoken import patterns

    return [
        (SOURCES[source], text)
        for b in patterns()["data"]["blockers"].values()
        for text, source in b[key]
        if source in SOURCES
    ]


def _said(d: Document, text: str) -> int:
    flat = " ".join(d.text.split())
    assert text in flat, text  # the example is the debate's own sentence
    return len(" ".join(d.text.split())[: flat.index(text)])


@pytest.mark.parametrize(("path", "text"), _spoken_examples("examples"), ids=lambda v: str(v)[:40])
def test_a_look_alike_a_minister_says_in_a_real_debate_promises_nothing(path: Path, text: str) -> None:
    d = read(path)
    _said(d, text)
    assert not [
        c
        for c in d.commitments
        if " ".join(c.span.text.split()) in text or text in " ".join(c.span.text.split())
    ]


@pytest.mark.parametrize(("path", "text"), _spoken_examples("counter_examples"), ids=lambda v: str(v)[:40])
def test_a_promise_a_minister_makes_in_a_real_debate_is_found(path: Path, text: str) -> None:
    d = read(path)
    _said(d, text)
    found = [c for c in d.commitments if text.startswith(" ".join(c.span.text.split())[:60])]
    assert found and all(c.kind == "toezegging" and (c.actor or "").startswith("Minister ") for c in found)


def test_the_word_rendering_of_a_debate_is_a_debate_with_its_motions_and_appraisals() -> None:
    d = read(WORD)
    assert d.meta.kind == "handelingen" and d.meta.date is None  # the Word file prints no date
    assert any(t.function == "Minister" and t.speaker == "Heinen" for t in d.turns)
    submitted = {m.id: m for m in d.motions if m.requests}
    assert sorted(submitted) == ["kst-26485-444", "kst-26485-445", "kst-26485-446"]
    assert submitted["kst-26485-446"].submitters == ("Aukje de Vries", "Van der Lee")
    assert {k: (m.appraisal.value if m.appraisal else None) for k, m in submitted.items()} == {
        "kst-26485-444": "ontraden",
        "kst-26485-445": "ontraden",
        "kst-26485-446": "oordeel_kamer",
    }


def test_a_motion_changed_at_the_vote_replaces_the_one_it_was() -> None:
    """The chair's sentences as the Handelingen of 13 October 2015 print them (h-tk-20152016-11-8); the
    motion's own clauses shortened."""
    text = (
        "8 Regeling van werkzaamheden stemmingen\n\nDe voorzitter:\n\nVoordat wij gaan stemmen, wil mevrouw "
        "Gesthuizen een motie wijzigen.\n\nMevrouw Gesthuizen (SP):\n\nVoorzitter. In de motie op stuk nr. 347 "
        "wens ik het dictum te wijzigen.\n\nDe voorzitter:\n\nDe motie-Gesthuizen/Sjoerdsma (32317, nr. 347) is "
        "in die zin gewijzigd dat zij thans luidt:\n\nMotie\n\nDe Kamer,\n\ngehoord de beraadslaging,\n\n"
        "constaterende dat in het dorp Oranje de gemoederen te hoog zijn opgelopen;\n\nverzoekt de regering om "
        "direct met de bewoners in gesprek te gaan,\n\nen gaat over tot de orde van de dag.\n\nNaar mij blijkt, "
        "wordt de indiening ervan voldoende ondersteund.\n\nZij krijgt nr. 348, was nr. 347 (32317).\n\n"
        "Ik stel vast dat wij hier nu over kunnen stemmen.\n"
    )
    from pipeline.extract import from_text

    d = analyse(from_text(text))
    assert d.meta.kind == "handelingen"
    changed = next(m for m in d.motions if m.requests)
    assert (changed.id, changed.replaces, changed.submitters) == (
        "kst-32317-348",
        "kst-32317-347",
        ("Gesthuizen", "Sjoerdsma"),
    )


def test_a_committee_debates_verbatim_report_has_the_turns_of_a_sitting() -> None:
    """Today's "verslag van een commissiedebat" prints the debate word for word under speaker labels: the
    minister's "ik zal" is the minister's promise, a member's "ik zal" promises nothing."""
    from tests.conftest import analyse_text

    report = (
        "Tweede Kamer der Staten-Generaal\nVergaderjaar 2022–2023\n35 334\nProblematiek rondom stikstof en PFAS\n"
        "Nr. 215\nVERSLAG VAN EEN COMMISSIEDEBAT\nVastgesteld 30 november 2022\n"
        "De vaste commissie voor Landbouw, Natuur en Voedselkwaliteit heeft op 6 oktober 2022 overleg gevoerd met "
        "mevrouw Van der Wal-Zeggelink, minister voor Natuur en Stikstof, over stikstof.\n\n"
        "Mevrouw Vestering (PvdD):\n\nIk zal daar in de tweede termijn een motie over indienen.\n\n"
        "Minister Van der Wal-Zeggelink:\n\nIk zal uw Kamer voor de kerst informeren over de uitkomsten van de "
        "gesprekken met de provincies.\n"
    )
    doc = analyse_text(report)
    assert doc.meta.kind == "verslag"
    assert [t.function for t in doc.turns] == [None, "Minister"]
    assert [(c.actor, c.deadline and c.deadline.by) for c in doc.commitments] == [
        ("Minister Van der Wal-Zeggelink", "2022-12-24")
    ]

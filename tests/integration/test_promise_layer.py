"""The promise layer on whole documents: the seed letter in three shapes, motions, topics."""

from __future__ import annotations

import json

import pytest

from pipeline import analyse, extract
from pipeline.evaluate import evaluate
from tests.conftest import CORPUS, DATA, SEED, load_jsonl

SEED_GOLD_LINE = {
    # the hand-made gold of ../shared/gold/seed.jsonl, copied for the tests (see tests/data/README.md)
    **json.loads((DATA / "seed.gold.json").read_text(encoding="utf-8")),
}


@pytest.mark.parametrize("shape", ["seed_txt", "seed_pdf", "seed_scan"])
def test_seed_promises(shape: str, request: pytest.FixtureRequest) -> None:
    doc = analyse(request.getfixturevalue(shape))
    report = evaluate([SEED_GOLD_LINE], [doc.to_json()])
    for field in ("commitments", "commitments.kind", "commitments.actor", "commitments.deadline"):
        assert report[field].recall >= 0.85, (field, report[field].misses)
    assert report["commitments"].fp <= 2, report["commitments"].false_hits
    assert report["motions"].recall == 1.0, report["motions"].misses
    assert report["follow_ups"].recall == 1.0 and report["follow_ups"].fp == 0
    assert report["sectors"].f1 == 1.0, (report["sectors"].misses, report["sectors"].false_hits)


def test_optional_commitments_as_sentences_or_objects(seed_txt) -> None:
    """An annotator may list a borderline commitment as its sentence or as a commitment object."""
    doc = analyse(seed_txt).to_json()
    first, *rest = SEED_GOLD_LINE["commitments"]
    as_text = {**SEED_GOLD_LINE, "commitments": rest, "optional_commitments": [first["text"]]}
    as_object = {**SEED_GOLD_LINE, "commitments": rest, "optional_commitments": [first]}
    a, b = evaluate([as_text], [doc])["commitments"], evaluate([as_object], [doc])["commitments"]
    assert (a.tp, a.fp, a.fn) == (b.tp, b.fp, b.fn) and a.tp + a.fn == len(rest)


def test_seed_letter_toezegging_register_and_fulfilment(seed_txt) -> None:
    doc = analyse(seed_txt)
    register = [c for c in doc.commitments if c.ref == "kst-32637-231"]
    assert len(register) == 1 and register[0].actor == "Minister van Economische Zaken"
    assert register[0].span.in_footnote
    assert {(f.relation, f.target) for f in doc.follow_ups if f.target} == {
        ("fulfils", "kst-32852-24"),
        ("fulfils", "kst-32637-231"),
    }


GOLD = load_jsonl(DATA / "motions-sample.gold.jsonl")


@pytest.mark.parametrize("gold", GOLD, ids=[g["doc_id"] for g in GOLD])
def test_motion_documents(gold: dict) -> None:
    doc = analyse(extract(CORPUS / "motions" / f"{gold['doc_id']}.xml"))
    own = [m for m in doc.motions if not m.mentioned]
    assert len(own) == 1
    want = gold["motions"][0]
    assert own[0].id == want["id"] and own[0].replaces == want["replaces"]
    assert bool(own[0].requests) == bool(want["requests"])
    assert [s.lower() for s in own[0].submitters] == [s.lower() for s in want["submitters"]]


def test_topics_of_motion_pdfs_without_official_metadata(tmp_path) -> None:
    from tests.support.render import render_pdf

    with_topic = [g for g in GOLD if g["meta"].get("topics")]
    right = 0
    for g in with_topic:
        pdf = tmp_path / "m.pdf"
        pdf.write_bytes(render_pdf((CORPUS / "motions" / f"{g['doc_id']}.xml").read_bytes(), g["doc_id"]))
        doc = analyse(extract(pdf))
        right += list(doc.meta.topics[:1]) == g["meta"]["topics"][:1]
    assert right / len(with_topic) >= 0.75


def test_sources() -> None:
    assert (SEED / "kamerbrief-imvo-convenanten-2016.txt").exists()


# the head and first paragraph of a real archive letter (../shared/corpus/sgd/brieven/sgd-0000099611.txt, OCR text
# as published; outside the gold): a promise recalled ("heb ik u … meegedeeld dat ik … zal informeren"), then
# the sentence that says this letter carries it out; both name the same paper (16 736, nr. 34)
RECALL_THEN_ACT = """Tweede Kamer der Staten-Generaal
Vergaderjaar 1987-1988
16736
Decentralisatie van de volkshuisvesting
Nr. 35
BRIEF VAN DE STAATSSECRETARIS VAN VOLKSHUISVESTING,
RUIMTELIJKE ORDENING EN MILIEUBEHEER
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
's-Gravenhage, 23 november 1987 Op 19 mei jl. is de gewijzigde motie van het kamerlid Lauxtermann (16 736, nr. \
32) aangenomen. Hierin verzoekt de Tweede Kamer de besturen van de provincies te belasten met de taak van \
budgethouder voor de niet-rechtstreekse gemeenten in het kader van het Normkosten-systeem (NKS). In onze \
gedachtenwisseling terzake heb ik als hoofdbezwaar tegen deze motie aangegeven dat men niet een bepaald deel van een \
organisatie, in dit geval een deel van de gedeconcentreerde rijksdienst volkshuisvesting, kan overdragen aan de \
provincie, aangezien met elkaar samenhangende volkshuisvestingstaken van het Rijk in het geding zijn. Daarbij heb ik \
tevens mijn bereidheid uitgesproken dit nader te beschouwen, maar dan structureel \
voor de gehele gedeconcentreerde rijksdienst van de volks-huisvesting. Schriftelijk heb ik u vervolgens meegedeeld \
dat ik u in het najaar 1987 daaromtrent uitvoeriger zal informeren (16 736, nr. 34). Middels deze brief wordt \
invulling gegeven aan bovenstaande toezeggingen. Kortheidshalve volgen hieronder de belangrijkste conclusies.
"""


def test_a_recalled_announcement_and_the_sentence_that_acts_on_it_are_both_follow_ups(tmp_path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(RECALL_THEN_ACT, encoding="utf-8")
    doc = analyse(extract(path))
    fulfils = [doc.text[f.span.start : f.span.end] for f in doc.follow_ups if f.relation == "fulfils"]
    assert any(t.startswith("Schriftelijk heb ik u vervolgens meegedeeld") for t in fulfils), fulfils
    assert any(t.startswith("Middels deze brief wordt invulling gegeven") for t in fulfils), fulfils

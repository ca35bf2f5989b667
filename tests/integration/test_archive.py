"""Papers of the OCR archive (../shared/corpus/sgd): Aanhangsels — who asked with their party, the day the
questions came in and the answer was received, who answers, the numbered questions with their answers — and
whole sittings as the archive prints them."""

from __future__ import annotations

from functools import cache

import pytest

from pipeline import analyse, extract
from pipeline.schema import Document
from tests.conftest import SHARED

SGD = SHARED / "corpus" / "sgd"
pytestmark = pytest.mark.skipif(not SGD.is_dir(), reason="needs ../shared/corpus/sgd (the OCR archive)")


@cache
def read(name: str, folder: str = "aanhangsels") -> Document:
    return analyse(extract(str(SGD / folder / f"{name}.txt")))


def test_askers_with_the_party_printed_after_them() -> None:
    d = read("sgd-0000186416")  # "… van de leden Epema-Brugman, Rienks (beiden P.v.d.A.) en Jansen (P.P.R.)"
    assert [(a.name, a.party) for a in d.meta.askers] == [
        ("Epema-Brugman", "P.v.d.A."),
        ("Rienks", "P.v.d.A."),
        ("Jansen", "P.P.R."),
    ]
    assert (d.meta.kind, d.meta.sent_in, d.meta.date) == ("antwoord", "1977-05-24", "1977-06-14")
    assert [(a.name, a.role) for a in d.meta.authors] == [("Lubbers", "Minister van Economische Zaken")]


def test_an_eerste_kamer_aanhangsel_names_its_askers_and_its_number() -> None:
    d = read(
        "sgd-0000010361"
    )  # "… van de leden Tiesinga-Autsema en Van den Bos (beiden D66) en Van der Werff (VVD)"
    assert d.doc_id == "ah-ek-19921993-18"
    assert [(a.name, a.party) for a in d.meta.askers] == [
        ("Tiesinga-Autsema", "D66"),
        ("Van den Bos", "D66"),
        ("Van der Werff", "VVD"),
    ]
    assert d.meta.sent_in == "1993-01-21"


def test_numbered_questions_each_with_its_answer_one_answer_for_two() -> None:
    d = read("sgd-0000206071")  # answers "1." and "2 en 3."
    assert [q.number for q in d.questions] == ["1", "2", "3"]
    assert d.questions[0].question.text.startswith("Heeft de Minister kennis genomen")
    assert d.questions[0].answer is not None and d.questions[0].answer.text.startswith(
        "Ik nam van het artikel"
    )
    assert d.questions[1].answer == d.questions[2].answer
    assert (
        d.questions[1].answer is not None
        and "Zodra mogelijk zal ik de Kamer nader inlichten" in d.questions[1].answer.text
    )
    assert [c.span.text for c in d.commitments if "nader inlichten" in c.span.text]


def test_an_unnumbered_answer_answers_every_question() -> None:
    d = read("sgd-0000188897")
    assert [(a.name, a.party) for a in d.meta.askers] == [("Van der Spek", "P.S.P.")]
    assert len(d.questions) == 2 and d.questions[0].answer == d.questions[1].answer
    assert d.questions[0].answer is not None and d.questions[0].answer.text.lstrip().startswith(
        "De ondergetekende"
    )


def test_a_members_question_is_no_promise_of_the_government() -> None:
    d = read("sgd-0000075409")  # "… is de Minister dan alsnog bereid, … te bevorderen, dat … zal gelden"
    assert d.questions and not [
        c
        for c in d.commitments
        if any(q.question.start <= c.span.start < q.question.end for q in d.questions)
    ]
    assert not [c for c in d.commitments if "alsnog bereid" in c.span.text]


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("sgd-0000270007", "1957-10-29"),
        ("sgd-0000329152", "1917-06-28"),
    ],  # the second: OCR's "VERGADERING TAN"
)
def test_a_whole_sitting_of_the_archive_is_handelingen_dated_by_its_head(name: str, date: str) -> None:
    d = read(name, "handelingen")
    assert (d.meta.kind, d.meta.date) == ("handelingen", date)


def test_questions_not_yet_answered_are_numbered_to_the_end() -> None:
    d = read("sgd-0000205796")  # eight numbered questions, no answer in the file
    # still the Aanhangsel's kind, 'antwoord': its head reads "Vragen … met de daarop … gegeven antwoorden"
    assert d.meta.kind == "antwoord" and [q.number for q in d.questions] == [str(n) for n in range(1, 9)]
    assert all(q.answer is None for q in d.questions)
    assert [(a.name, a.party) for a in d.meta.askers] == [("Jansen", "P.P.R.")]

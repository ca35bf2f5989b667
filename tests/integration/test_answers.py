"""Answers to Kamervragen as ministries send them (Word letters in corpus/answers): the printed date,
who signs, and each numbered question paired with its answer."""

from __future__ import annotations

from functools import cache

from pipeline import analyse, extract
from pipeline.schema import Document
from tests.conftest import CORPUS, DATA

ANSWERS = CORPUS / "answers"


@cache
def read(name: str) -> Document:
    return analyse(extract(str(ANSWERS / name)))


def test_the_printed_date_wins_over_the_stored_one() -> None:
    # the Word file's own Datum property says 8 juli 2024; the letterhead prints 25 juli 2024
    d = read("jenv_antwoord_kamervragen_01.docx")
    assert d.meta.kind == "antwoord" and d.meta.date == "2024-07-25"
    d = read("jenv_antwoord_kamervragen_04.docx")  # property 14 maart, printed 24 maart
    assert d.meta.date == "2024-03-24"


def test_the_signer_with_a_name_outside_latin_1() -> None:
    d = read("jenv_antwoord_kamervragen_04.docx")
    assert [(a.name, a.role) for a in d.meta.authors] == [
        ("Yeşilgöz-Zegerius", "Minister van Justitie en Veiligheid")
    ]


def test_every_question_with_its_answer() -> None:
    d = read("jenv_antwoord_kamervragen_01.docx")
    assert [q.number for q in d.questions] == [str(n) for n in range(1, 9)]
    assert all(q.answer is not None for q in d.questions)
    first = d.questions[0]
    assert first.question.text.startswith("Kent u de berichten") and first.answer is not None
    assert first.answer.text == "Ja."
    three, eight = d.questions[2], d.questions[7]  # "Antwoord op vraag 3 en 8": one answer to both
    assert three.answer is not None and eight.answer is not None and three.answer == eight.answer
    assert d.text[first.question.start : first.question.end] == first.question.text


def test_the_questions_are_in_the_stored_json() -> None:
    d = read("jenv_antwoord_kamervragen_04.docx")
    again = Document.from_json(d.to_json(with_text=True))
    assert again.questions == d.questions and len(again.questions) == 3


YES = """Tweede Kamer der Staten-Generaal
Aanhangsel van de Handelingen
Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden
412
Vragen van het lid Jansen (PvdA) over muggenhinder in Kloosterhaar. (Ingezonden 3 mei 1985)
1
Hebt u kennisgenomen van het bericht over muggenhinder in Kloosterhaar?
2
Bent u bereid maatregelen te nemen, die de muggenhinder in Kloosterhaar opheffen?
Antwoord van Minister Winsemius (Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer). (Ontvangen 4 juni 1985)
1
Ja, ik heb kennisgenomen van dat bericht.
2
Ja. Er wordt in overleg met de plaatselijke bevolking gestreefd naar een structurele oplossing.
"""  # after aanhangsels/sgd-0000098696 (1985), shortened


def test_a_yes_to_is_the_minister_willing_is_a_promise() -> None:
    from pipeline.extract import from_text

    d = analyse(from_text(YES))
    promises = [(c.kind, c.span.text) for c in d.commitments]
    # "Ja." answers "Bent u bereid …?"; "Ja, ik heb kennisgenomen" answers a question that asks no deed
    assert promises == [("toezegging", "Ja.")]
    assert d.commitments[0].actor == "Minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"


def test_on_a_page_of_two_answers_a_promise_is_the_answerer_of_its_own_answer() -> None:
    # a real Aanhangsel page (tests/data/aanhangsels/): Drees answers the first questions, Beel the second;
    # "Zoodra de benoodigde gegevens verzameld zijn, zullen de gestelde vragen nader worden beantwoord" is Beel's
    doc = analyse(extract(str(DATA / "aanhangsels" / "sgd-0000074291.txt")))
    assert [a.name for a in doc.meta.authors] == ["Drees", "Beel"]
    later = [c for c in doc.commitments if "nader worden beantwoord" in doc.text[c.span.start : c.span.end]]
    assert [c.actor for c in later] == ["Minister van Binnenlandsche Zaken"]

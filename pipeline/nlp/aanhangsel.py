"""Kamervragen as the Aanhangsel prints them: who asked, and the numbered questions with their answers.

An Aanhangsel (1900s to now) heads the questions with who asks them and the
day they came in, then the government's answer with the day it was received::

    Vragen van de leden Epema-Brugman, Rienks (beiden P.v.d.A.) en Jansen (P.P.R.) over
    stadsverwarming in Zwolle-Zuid. (Ingezonden 24 mei 1977) 1 Heeft … ? 2 Is … ?
    Antwoord van Minister Lubbers (Economische Zaken). (Ontvangen 14 juni 1977) 1 en 2 Overleg …

The questions and the answers are numbered alike (``1``, ``2a``, ``2 en 3``,
``1.``, OCR's ``1Het``); an answer numbered ``2 en 3`` answers both. A number
counts only where it continues the count, so a ``3`` inside a sentence is not
taken for a question.

>>> text = ("Vragen van het lid Van der Spek (P.S.P.) over de adviesgroepen. (Ingezonden 1 maart 1977) "
...         "1 Heeft de Staatssecretaris kennis genomen van bezwaren? 2 Is hij bereid garanties te scheppen? "
...         "Antwoord van Staatssecretaris Van Dam (Volkshuisvesting). (Ontvangen 19 april 1977) "
...         "1 en 2 De ondergetekende heeft geen bevoegdheden.")
>>> [(a.name, a.party) for a in askers(text)]
[('Van der Spek', 'P.S.P.')]
>>> [(n, text[q[0]:q[1]][:12], a and text[a[0]:a[1]][:14]) for n, q, a in numbered_pairs(text)]
[('1', 'Heeft de Sta', 'De ondergeteke'), ('2', 'Is hij berei', 'De ondergeteke')]
"""

from __future__ import annotations

import re

from ..schema import Asker

# "Vragen van het lid X (Party) over …", "Nadere vragen van de leden …", "VRAGEN van den heer X betreffende …"
ASKED = re.compile(
    r"\b(?:Nadere(?:,?\s+alsmede\s+aanvullende)?\s+)?(?:VRAGEN|[Vv]ragen|VRAAG|[Vv]raag)\s+(?:gesteld\s+door\s+)?van\s+"
    r"(?:het\s+lid|de\s+leden|de\s+heer|den\s+heer|den\.\s+heer|de\s+heren|mevrouw|de\s+dames|mejuffrouw)\s+"
    r"(?P<who>[^?]{2,400}?)\s*(?:,\s*)?(?=\b(?:over|inzake|in\s*-?\s*zake|betreffende|naar\s+aanleiding|omtrent|aan\s+de|in\s+verband\s+met|met\s+betrekking\s+tot|ter\s*zake)\b)"
)
# "(Ingezonden …)": when the questions were sent in (OCR breaks the word anywhere: "Inge-zonden")
SENT_IN_WORD = (
    r"(?:Ingezonden|ingezonden|Inge\s*-?\s*zonden|In\s*-?\s*gezonden|lngezon\s*-?\s*den|Ingezon\s*-?\s*den)"
)
SENT_IN = re.compile(rf"\({SENT_IN_WORD}\s+(?:dd\.\s*)?(?P<date>[^)]{{6,30}})\)")
# an answer printed as a letter, its date after who sends it: "Brief van Minister Lubbers (Economische Zaken).
# (Ont-vangen 29 april 1974.)"
LETTER_ANSWER = r"(?:Brief|BRIEF)(?=\s+van\s+[^()]{3,80}\([^()]{3,90}\)\s*\.?\s*\(\s*(?:Ont|ont|Inge))"
# the heading's word, "ANTWOORDEN" too, and as OCR misreads it in the archive's Aanhangsels: "ANTWOOED van den
# heer Beel" (6 times), "Antwooid van Minister Albeda", "ANTAVOORD van den heer", "nNTWOORD van de heer"
ANSWER_WORD = r"(?:Antwoo[ri]d(?:en)?|[An]NT(?:W|AV)OO[RE]D(?:EN)?)"
# the "van" after it, "vun" as OCR read it once ("ANTWOORD vun de heer Staf")
ANSWER_VAN = r"(?:v[au]n|VAN)"
# the start of the government's answer: "Antwoord van …", "ANTWOORD van den heer …", "Voorlopig antwoord van
# Staatssecretaris Haars (Justitie)", "Nader antwoord van minister Kooijmans", then "(Ontvangen …)"
ANSWER_HEAD = re.compile(
    rf"\b(?:{ANSWER_WORD}|(?:Voorlopig|Nader|Aanvullend)\s+antwoord|Mededeling|MEDEDELING|{LETTER_ANSWER})"
    rf"\s+(?:[A-Z][a-z]{{5,9}}\s+)?{ANSWER_VAN}\b"
)  # or the notice it comes later; the side heading before it may be OCR'd ("Mededeling Mededehng van")
RECEIVED = re.compile(r"\((?:Ontvangen|ontvangen|Ingezonden)\s+[^)]{6,30}\)")
NUMBER = re.compile(
    r"(?:(?<=[\s)])|^)(?P<n>\d{1,2}[a-h]?)(?P<more>(?:\s*(?:,|en|t/m)\s*\d{1,2}[a-h]?)*)\s*[.)]?\s*"
    r"(?=[A-Z«\"'„])"
)
FIRST_WITHIN = 120  # characters from the start of the questions (or answers) to their first number
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.\s*)+")
_PARTY = re.compile(r"\((?:bei-?\s?den\s+|al-?\s?len\s+|alle\s+drie\s+)?(?P<party>[^()]{1,40})\)")


def askers(text: str) -> list[Asker]:
    """The members who ask, each with the party printed after them (``(beiden P.v.d.A.)`` covers the
    names before it up to the previous party)."""
    m = ASKED.search(text[:6000])
    if m is None:
        return []
    who = " ".join(m.group("who").split())
    out: list[Asker] = []
    pos = 0
    for part in [*_PARTY.finditer(who), None]:
        chunk = who[pos : part.start() if part else len(who)]
        party = " ".join(part.group("party").split()) if part else None
        for name in re.split(r"\s*,\s*|\s+en\s+", chunk):
            name = _INITIALS.sub("", name.strip(" ,.")).strip()
            if len(name) >= 2 and name[0].isupper() and len(name.split()) <= 5:
                out.append(Asker(name, party))
        if part is None:
            break
        pos = part.end()
    return out


def sent_in(text: str) -> str | None:
    """The printed day the questions came in, as printed (``24 mei 1977``)."""
    m = SENT_IN.search(text[:6000])
    return " ".join(m.group("date").split()) if m else None


def _numbered(text: str, start: int, end: int) -> list[tuple[list[str], int, int]]:
    """The numbered items of ``text[start:end]`` that continue the count from 1: (numbers, start, end)."""
    items: list[tuple[list[str], int, int]] = []
    expect = 1
    for m in NUMBER.finditer(text, start, end):
        numbers = [m.group("n"), *re.findall(r"\d{1,2}[a-h]?", m.group("more") or "")]
        first = int(re.match(r"\d+", numbers[0]).group(0))  # type: ignore[union-attr]
        sub = bool(re.search(r"[a-h]$", numbers[0]))  # "2b" after "2a"
        if first != expect and not (first == expect - 1 and sub):
            continue  # not the next number: a number inside a sentence
        if not items and m.start() - start > FIRST_WITHIN:
            return []  # the text starts unnumbered: its numbers are inside sentences
        if items:
            items[-1] = (items[-1][0], items[-1][1], m.start())
        items.append((numbers, m.end(), end))
        expect = int(re.match(r"\d+", numbers[-1]).group(0)) + 1  # type: ignore[union-attr]
    return [(n, s, len(text[:e].rstrip())) for n, s, e in items if len(text[:e].rstrip()) > s]


def numbered_pairs(text: str) -> list[tuple[str, tuple[int, int], tuple[int, int] | None]]:
    """Each numbered question with the span of the answer to it (or None), in the order asked."""
    asked = SENT_IN.search(text[:6000]) or ASKED.search(text[:6000])
    if asked is None:
        return []
    head = ANSWER_HEAD.search(text, asked.end())
    if head is None:  # questions not (yet) answered: numbered to the end
        return [(numbers[0], (s, e), None) for numbers, s, e in _numbered(text, asked.end(), len(text))]
    received = RECEIVED.search(text, head.end(), head.end() + 400)
    answer_start = received.end() if received else head.end()
    questions = _numbered(text, asked.end(), head.start())
    answers: dict[str, tuple[int, int]] = {}
    for numbers, s, e in _numbered(text, answer_start, len(text)):
        for n in numbers:
            answers.setdefault(n, (s, e))
    whole = (answer_start, len(text.rstrip()))
    if not questions:  # one question, unnumbered: the whole answer answers it
        q_end = len(text[: head.start()].rstrip())
        if q_end <= asked.end():
            return []
        return [("1", (asked.end(), q_end), whole)]
    # an answer without numbers answers all the questions at once
    return [
        (numbers[0], (s, e), answers.get(numbers[0]) or (None if answers else whole))
        for numbers, s, e in questions
    ]


def answer_start(text: str) -> int | None:
    """Where the government's answer begins (after its ``(Ontvangen …)``), or None."""
    asked = SENT_IN.search(text[:6000]) or ASKED.search(text[:6000])
    head = ANSWER_HEAD.search(text, asked.end() if asked else 0)
    if head is None:
        return None
    received = RECEIVED.search(text, head.end(), head.end() + 400)
    return received.end() if received else head.end()

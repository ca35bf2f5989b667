"""Commitments: toezeggingen, goals (doel) and forecasts (verwachting), sentence by sentence.

A sentence is read for the parts of a commitment (``models/patterns/commitments.json``, each part
with real examples):

* **who**: the government — ``ik``/``wij`` of the bewindspersoon, het kabinet, de regering, a minister
  or staatssecretaris — or a passive with no other agent; a sentence whose actor is a member, a
  committee or another body (the Rekenkamer, the European Commission) promises nothing of the government;
  where the government is only named beside a future, the dependency parse (``syntax.py``) says whose
  future it is ("Ik acht het mogelijk, dat de leden eerst kennis willen nemen …" is the members');
* **when**: a future (``zal``, ``ga``, ``ben voornemens``, ``ben bereid``) or a present tense with a
  time to come (``U ontvangt de evaluatie voor het zomerreces``), and the deadline (``deadlines.py``);
* **what**: a delivery to the Kamer (``informeren``, ``doen toekomen``, ``terugkomen op``), another
  action, a promise verb (``zegt toe``), a goal (``streef ernaar``), a forecast (``naar verwachting``).

Look-alikes are blocked first: questions, motion dicta, history (``heb toegezegd``, a time wholly past
against the printed date), what the letter itself does now (``hierbij``), refusals, members' voices, the
debate's own business (a motion moved, ``straks``), a follow-up that delivers now. Every rule is measured
on the hand-labelled real sentences of ``models/training/`` (``kamer evaluate --gold …``); a trained
sentence classifier was measured there too and did worse than the rules, so none is used. Who ``ik``
is, is ``resolve``'s business. An Aanhangsel also promises by structure: "Ja." to "Is de Minister bereid …?"
(``answered_yes``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..schema import Commitment, Deadline
from . import aanhangsel, syntax
from . import rules as rule_files
from .deadlines import Found as DeadlineFound
from .deadlines import find_deadlines, pick
from .dutch import OCR_HYPHEN, joined, unbroken
from .follow_ups import inner_dots, relation_of
from .meta import PAPER_HEADING
from .stages import Chunk, stage


@dataclass(frozen=True)
class Grammar:
    government: re.Pattern[str]
    others: re.Pattern[str]
    future: re.Pattern[str]
    delivery: re.Pattern[str]
    action: re.Pattern[str]
    addressee: re.Pattern[str]
    promise: re.Pattern[str]
    intent: re.Pattern[str]
    deliverable: re.Pattern[str]
    forecast: re.Pattern[str]
    forecast_action: re.Pattern[str]
    written_later: re.Pattern[str]
    passive_future: re.Pattern[str]
    impersonal_intent: re.Pattern[str]
    intent_frame: re.Pattern[str]  # a plan stated, not named: "ik ben voornemens"
    cues: dict[str, re.Pattern[str]]  # the named cues of commitments.json (their flags inline)
    not_a_subject: frozenset[str]  # words that open a sentence without naming an actor
    blockers: tuple[tuple[str, re.Pattern[str]], ...]
    data: dict[str, Any]

    @property
    def positives(self) -> tuple[re.Pattern[str], ...]:
        """Every cue some reading needs: a sentence without any of them reads as nothing."""
        c = self.cues
        return (
            *(c[k] for k in ("future_gov", "present_to_kamer", "named_present", "passive_to_kamer")),
            c["let_know"],
            *(c[k] for k in ("only_promised_thing", "promised_paper", "paper_follows")),
            *(self.promise, self.future, self.impersonal_intent, self.passive_future, self.deliverable),
            *(self.intent, self.forecast, self.forecast_action, _STREVEN, _REGISTER_ACTOR),
        )


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    d: dict[str, Any] = rule_files.load("commitments.json")

    def rx(key: str, flags: int = re.I) -> re.Pattern[str]:
        return re.compile(d[key], flags)

    return Grammar(
        government=rx("government"),
        others=rx("others"),
        future=rx("future"),
        delivery=rx("delivery"),
        action=rx("action"),
        addressee=re.compile(d["addressee"]),
        promise=rx("promise"),
        intent=rx("intent"),
        deliverable=rx("deliverable"),
        forecast=rx("forecast"),
        forecast_action=rx("forecast_action"),
        written_later=rx("written_later"),
        passive_future=rx("passive_future"),
        impersonal_intent=rx("impersonal_intent"),
        intent_frame=rx("intent_frame"),
        cues={k: re.compile(v["regex"]) for k, v in d["cues"].items()},
        not_a_subject=frozenset(d["not_a_subject"]),
        blockers=tuple((k, re.compile(v, re.I | re.M)) for k, v in d["blockers"].items()),
        data=d,
    )


@dataclass(frozen=True)
class Reading:
    """What the rules read in one sentence."""

    kind: str | None  # toezegging, doel, verwachting, or None
    actor: str | None
    trigger: int  # offset in the sentence where the committing words begin
    blocked: str | None = None  # why a look-alike is none
    strong: bool = False  # an unmistakable form (a promise verb, ik zal … informeren)
    # which reading fired: register, promise, goal, future, present, passive, deliverable, intent, forecast
    rule: str = ""
    # where the words read begin: after a refusal's "maar" only what follows it commits, and its time
    begins: int = 0


# the words before someone who only asked or spoke: "Naar aanleiding van de vragen van |de leden …|",
# "Op verzoek van |het lid Beckerman|", "In antwoord op de vraag van |het lid …|"
_ASKING = (
    r"(?:naar\s+aanleiding\s+van|op\s+verzoek\s+van|in\s+antwoord\s+op|in\s+reactie\s+op|op\s+vragen\s+van)"
)
_ASKED_BY = re.compile(
    rf"(?i)\b{_ASKING}\s+(?:(?:de|het|een)\s+)?(?:(?:vraag|vragen|verzoek|opmerking|opmerkingen|inbreng|motie)\s+)?"
    r"(?:van\s+)?$"
)

# the sentence opens with a determiner, then "door": the agent of a participle before its noun ("De |door de
# vragenstellers| gestelde vragen zullen binnenkort worden beantwoord"), inside the subject, not its actor
_OPENING_DETERMINER = r"(?i)^\W*(?:\d+\.?\s+)?(?:de|het|deze|dit)\s+"
_BEFORE_OPENING_AGENT = re.compile(_OPENING_DETERMINER + "$")  # before the cue "door de"
_BEFORE_OPENING_AGENTS_BODY = re.compile(_OPENING_DETERMINER + r"door\s+$")  # before the body itself
# a body whose advice comes first dates the act, it does not act: "Het wetsvoorstel zal |na advies van| de
# Raad van State in het voorjaar van 2024 aan uw Kamer worden aangeboden"
_AFTER_ADVICE = re.compile(r"(?i)\bna\s+(?:het\s+)?(?:advies|advisering|consultatie)\s+(?:van|door)\s+$")

# after a ';' in a report, the government answers: "…; de regering zegt toe …", "…; de minister antwoordt …"
_GOVERNMENT_ANSWERS = re.compile(
    r"(?i)\s*(?:de\s+(?:regee?ring|minister|staatssecretaris|bewindsman|bewindspersoon)|het\s+kabinet)\b"
)

# what is done again and again, in the present a habit: "informeert de Kamer elk jaar in mei"
_HABIT = re.compile(
    r"(?i)\b(?:elk|elke|ieder|iedere)\s+(?:jaar|maand|week|kwartaal|keer)\b|\b(?:half)?jaarlijks|\baltijd\b|\btelkens\b"
)
# an opening clause of condition or time, whose subject is not the main clause's: "Zodra de Europese
# Commissie haar voorstel heeft gepubliceerd, | ontvangt uw Kamer …"
_OPENING_CLAUSE = r"(?i)^\W*(?:{})\b[^,;.]{{0,200}},"
_SUBCLAUSE = re.compile(_OPENING_CLAUSE.format("zodra|nadat|wanneer|als|indien|mocht|voordat|totdat"))
# an opening condition or time still to come makes a present one's own act to come: "Mocht uit de monitor
# blijken …, dan neem ik … maatregelen en informeer ik uw Kamer daarover"; not "Als het gaat om …"
_CONDITION_FIRST = re.compile(_OPENING_CLAUSE.format("zodra|nadat|mocht(?:en)?|indien|wanneer"))
# a time that bounds when, not one that names what a paper is about ("de cijfers over het eerste kwartaal")
_FRAMED_TIME = re.compile(r"(?i)(?:voor|vóór|binnen|uiterlijk|in|rond|medio|eind|begin|na|zo)\b")
_FRAME = re.compile(rf"(?i)^\W*{_ASKING}\b")
# a clause opened by a relative word, a preposition before it or not: ", waarbij …", ", van welke …" (matched
# at the clause's start)
_RELATIVE_OPENING = re.compile(
    r"(?i)\s*(?:(?:van|in|op|aan|met|bij|voor|over|door|naar|tot|uit)\s+)?"
    r"(?:die|welke|welk|wiens|wier|hetwelk|dewelke|"
    r"waar(?:aan|bij|door|in|mee|mede|na|naar|om|onder|op|over|toe|uit|van|voor))\b"
)


def _in_relative_clause(sentence: str, at: int) -> bool:
    """Does the clause ``at`` stands in, from the comma before it, open with a relative word? Its future
    belongs to what it describes, not to the government ("… op de algemene maatregel van bestuur, waarbij
    onder meer … zullen worden geregeld").

    >>> s = "Er ligt een ontwerp, waarbij de regels zullen worden geregeld."
    >>> _in_relative_clause(s, s.find("zullen"))
    True
    >>> s = "Ik deel u mede, dat een afschrift zal worden gedeponeerd."
    >>> _in_relative_clause(s, s.find("zal"))
    False
    >>> s = "Die zal opnieuw worden vastgesteld."
    >>> _in_relative_clause(s, s.find("zal"))
    False
    """
    comma = sentence.rfind(",", 0, at)  # a sentence's first word "Die" points back, it is no relative
    return comma >= 0 and bool(_RELATIVE_OPENING.match(sentence, comma + 1, at))


def _frame_end(sentence: str) -> int:
    """Where a sentence's opening phrase of asking ends: at the finite verb that follows it, as Dutch puts
    the verb second ("Naar aanleiding van de vragen van de leden van de SP-fractie | zal de regering …"); 0
    when the sentence opens otherwise."""
    m = _FRAME.match(sentence)
    if not m:
        return 0
    verb = next((w for w in re.finditer(r"\w+", sentence[m.end() :]) if w.group(0).lower() in _VERBS), None)
    return m.end() + verb.start() if verb else 0


# a clause that opens with its own subject (or a time, a place): "… , maar de gemeenten zullen …"
_OWN_SUBJECT = re.compile(
    r"(?i)\s*(?:ik|wij|we|u|hij|zij|ze|het|de|een|dat|dit|deze|die|er|daar|dan|hier|in|op|voor|na|bij|zodra|"
    r"als|wanneer|nog|ook|wel|uw|mijn|onze|zijn|haar)\b|\s*(?-i:[A-Z])"
)


# the speaker as the promise verb's own subject: "zeg ik (u) toe", "ik zeg (de Kamer) toe"
_OWN_PROMISE = re.compile(
    r"(?i)\b(?:zeg|zeggen)\s+(?:ik|wij|we)\b|\b(?:ik|wij|we)\s+(?:zeg|zeggen)\b"
    # an overleg report's inverted "zegt de minister toe": the verb's own subject, whoever was named before
    r"|\b(?:zegt|zeggen|zegde|zegden)\s+(?:(?:de|het)\s+)?(?:minister(?:-president)?|staatssecretaris|bewinds\w+|kabinet|regering)\b"
)


def _time_first(sentence: str, verb: int) -> bool:
    """Does the sentence open with a time, its finite verb right after it ("Voor het einde van het jaar
    laat ik u weten …")?

    >>> _time_first("Voor de zomer stuur ik u de evaluatie.", 14), _time_first("Ik stuur u de evaluatie.", 3)
    (True, False)
    """
    head = sentence[:verb]
    times = find_deadlines(head, None)
    return bool(times) and not head[: times[0].start].strip(" \t,") and not head[times[0].end :].strip(" \t,")


_STREVEN = re.compile(r"(?i)\bstre(?:ef|eft|ven|efde)\b")
# a main clause of its own after what a report frames ("toegezegd dat ik u … informeer, en … zal ik dat doen")
_NEXT_CLAUSE = re.compile(r",\s*(?:en|maar|want|dus)\s|;")
# a passive with the writers as its agent: "zal … door ons worden onderzocht" (two signers: wij)
_BY_US = re.compile(r"(?i)\bdoor\s+ons\b|\bonzerzijds\b")
# a letter other than this one: "bij afzonderlijk schrijven", "per aparte brief", "in een nadere brief"
_ANOTHER_LETTER = re.compile(
    r"(?i)\b(?:bij|per|in|met)\s+(?:een\s+)?(?:afzonderlijk\w*|aparte?|separate?|nadere?|volgende?)\s+"
    r"(?:schrijven|brief|nota|notitie)\b"
)


def _vowed(sentence: str) -> bool:
    """A form of "toezeggen" whose own subject is the government or the speaker: "zegt de minister toe",
    "zeg ik toe"."""
    promise = grammar().promise.search(sentence)
    return promise is not None and bool(
        _OWN_PROMISE.search(sentence, max(0, promise.start() - 40), promise.end())
    )


def read(
    sentence: str,
    has_time: bool,
    ahead: bool = False,
    report: bool = True,
    soon: bool = False,
    event: bool = False,
) -> Reading:
    """The rules' reading of a sentence (``has_time``: it names a time; ``ahead``: a deadline still to come;
    ``soon``: a vague time still to come, "in het voorjaar", "binnenkort"; ``event``: a time before an event
    of the Kamer's still to come, "voor het commissiedebat";
    ``report``: the paper reports what others said, as an overleg report does, not a letter).

    >>> read("Ik zal uw Kamer voor de zomer informeren.", True).kind
    'toezegging'
    >>> read("Is de minister bereid de Kamer te informeren?", False).blocked
    'question'
    >>> read("Dus ik zal die vragen nog beantwoorden en daarna op één motie reageren.", False).blocked
    'sitting'
    >>> read("Ik zal de vragen zo spoedig mogelijk beantwoorden.", True).kind
    'toezegging'
    """
    g = grammar()
    sentence = unbroken(inner_dots(sentence))  # OCR's "be-richten", "na-der" read whole
    reg = _REGISTER_ACTOR.search(sentence)
    if (
        reg
    ):  # a register line: "Toezegging Kamerstuk 32 637, nr. 231, gedaan door de Minister van … tijdens …"
        return Reading("toezegging", reg.group("actor"), reg.start(), strong=True, rule="register")
    next_paper = g.cues["next_paper_takes_up"].search(sentence)
    if next_paper and "?" not in sentence:
        # "In de volgende voortgangsrapportage ga ik nader in op …": a paper to come, not this one
        speaker = re.search(r"(?i)\b(?:ga|gaan)\s+(ik|wij|we|het\s+kabinet)\b", next_paper.group(0))
        return Reading(
            "toezegging",
            speaker.group(1) if speaker else None,
            next_paper.start(),
            strong=True,
            rule="future",
        )
    first_person_future = g.cues["first_person_future"].search(sentence)
    sends = (
        g.cues["first_person_present"].search(sentence)
        if (ahead or event) and not first_person_future
        else None
    )
    if sends and find_deadlines(sentence[sends.end() :], None):
        first_person_future = sends  # "… en die stuur ik u voor 1 maart 2020": its time follows it
    reported = g.cues["reported_future"].search(sentence)
    if (
        first_person_future
        and reported
        and reported.end() <= first_person_future.start()
        and not _NEXT_CLAUSE.search(sentence, reported.end(), first_person_future.start())
    ):
        first_person_future = None  # "Ik heb u toegezegd dat ik … zal sturen": restated as history
    promised_thing: re.Match[str] | None = None  # "In de toegezegde nota zal …"

    def alone(clause: str) -> tuple[bool, bool, bool, bool, bool]:
        """The reading's arguments for a clause read on its own: a time only the rest names is not its."""
        timed = bool(find_deadlines(clause, None))
        return (has_time and timed, ahead and timed, report, soon and timed, event and timed)

    for name, rx in g.blockers:
        if hit := rx.search(sentence):
            if name in g.data["promise_outweighs"]["blockers"] and first_person_future:
                continue  # a restated live promise: "De toegezegde informatie zal ik u … doen toekomen"
            if name == "habitual" and _vowed(sentence):
                continue  # "zegt minister De Jonge toe … terug te komen op … hoeveel huurders sinds 2021 …"
            thing_to_come = g.cues["only_promised_thing"].search(sentence) and not g.cues[
                "history_verb"
            ].search(sentence)
            if name == "history" and thing_to_come:
                promised_thing = g.cues["promised_paper"].search(sentence)
                continue  # "De toegezegde rapportage kunt u deze week verwachten": what was promised, to come
            # the condition's "niet": "Mocht de wetswijziging niet vóór 1936 tot stand komen, dan zal …"
            condition = _SUBCLAUSE.match(sentence) if name == "refusal" else None
            if condition and hit.end() <= condition.end() and not rx.search(sentence, condition.end()):
                continue
            if name == "itself" and _later_to_kamer(sentence, hit.start()):
                continue  # "hierbij bericht ik u dat ik u voor 1 mei zal informeren"
            if name == "history" and not g.cues["first_person_past"].search(sentence):
                if report and g.cues["told_in_report"].search(sentence):
                    continue  # an overleg report: "De minister zegde toe …", "was bereid …"
                if ahead and re.search(r"\bte\s+zullen\b", sentence):
                    continue  # a restated promise still ahead: "heeft toegezegd … nog dit jaar te zullen …"
            semi = sentence.find(";", hit.end()) if name in ("member_voice", "question") else -1
            if semi > 0 and not rx.search(sentence, semi) and _GOVERNMENT_ANSWERS.match(sentence, semi + 1):
                # a report's question, then the government's answer after a ';': "De leden van de CDA-fractie
                # vragen of …; de regering zegt toe dit te doen in de eerste voortgangsrapportage, …"
                said = read(sentence[semi + 1 :], *alone(sentence[semi + 1 :]))
                if said.kind:
                    return replace(said, trigger=said.trigger + semi + 1, begins=semi + 1)
            but = g.cues["but"].search(sentence) if name == "refusal" else None
            if but and not rx.search(sentence, 0, but.start()):
                first = read(sentence[: but.start()] + ".", has_time, ahead, report, soon)
                if first.kind:  # "Ik zal mij inzetten …, maar op korte termijn zal dat niet lukken"
                    return first
            if but and hit.start() < but.start() and not rx.search(sentence, but.end()):
                # "Ik kan nog niet zeggen wanneer …, maar ik zal u voor de zomer informeren": the clause
                # after the refusal read alone; with no subject of its own ("De staatssecretaris kan nog niet
                # zeggen welke regio's …, maar belooft de commissie daarover uiterlijk 1 maart te berichten")
                # it keeps the subject before the refusal. A time only the refused clause names is not the
                # promise's.
                tail = sentence[but.end() :]
                when = alone(tail)
                rest = read(tail, *when)
                if rest.kind:
                    return replace(rest, trigger=rest.trigger + but.end(), begins=but.end())
                if not _OWN_SUBJECT.match(tail):
                    rest = read(sentence[: hit.start()] + tail, *when)
                    if rest.kind:  # what is promised is the tail, wherever its subject stands
                        moved = rest.trigger + but.end() - hit.start()
                        trigger = moved if rest.trigger >= hit.start() else but.end()
                        return replace(rest, trigger=trigger, begins=but.end())
            if name in _SPEECH and _said_beyond_the_sitting(name, sentence, has_time):
                continue  # "Ik kom daar per brief op terug", "… oordeel Kamer, want ik zal dat doen"
            return Reading(None, None, 0, blocked=name)
    gov = g.government.search(sentence)
    # "Naar aanleiding van de vragen van de leden van de SP-fractie zal de regering …": who asked is no actor
    # nor is one named in an opening clause of condition or time
    opening = _SUBCLAUSE.match(sentence)
    asked_end = max(_frame_end(sentence), opening.end() if opening else 0)
    # nor one named in a time ("Binnen drie maanden na publicatie van het rapport van de Onderzoeksraad …",
    # "na advisering door de Raad van State"): it dates the act, it does not act
    bodies = [*g.others.finditer(sentence)]
    agents = [*g.cues["agent"].finditer(sentence)]
    times = [(t.start, t.end) for t in find_deadlines(sentence, None)] if bodies or agents else []

    def timeless(m: re.Match[str]) -> bool:
        return not any(a <= m.start() < b for a, b in times)

    def acting(m: re.Match[str]) -> bool:
        """Not the agent of a participle before its noun ("De door de vragenstellers gestelde vragen"), nor
        the adviser after whose advice the act comes."""
        return not (
            _AFTER_ADVICE.search(sentence, max(0, m.start() - 30), m.start())
            or _BEFORE_OPENING_AGENTS_BODY.match(sentence, 0, m.start())
        )

    other = next(
        (
            m
            for m in bodies
            if m.start() >= asked_end
            and not _ASKED_BY.search(sentence, 0, m.start())
            and timeless(m)
            and acting(m)
        ),
        None,
    )
    agent = next(
        (m for m in agents if timeless(m) and not _BEFORE_OPENING_AGENT.match(sentence, 0, m.start())), None
    )
    fut = g.future.search(sentence)
    promise = g.promise.search(sentence)
    delivery = g.delivery.search(sentence)
    to_kamer = bool(g.addressee.search(sentence))
    present = g.cues["present_to_kamer"].search(sentence)
    passive = g.cues["passive_to_kamer"].search(sentence)
    fut_gov = g.cues["future_gov"].search(sentence)
    other_first = other is not None and (gov is None or other.start() < gov.start()) and not fut_gov

    def actor(trigger: int = 0, subject: bool = True) -> str | None:
        if fut_gov or present:
            fp = g.cues["first_person"].search(sentence)
            if fp:
                return fp.group(0)
        named = [
            m for m in g.government.finditer(sentence) if not g.cues["first_person"].fullmatch(m.group(0))
        ]
        if named:
            return max(named, key=lambda m: len(m.group(0))).group(0)
        if gov:
            return gov.group(0)
        return _subject_before(sentence, trigger) if subject else None

    def sender() -> str:
        # "U ontvangt …", "… zal de Kamer worden geïnformeerd": the government that writes, whoever signs
        return actor(subject=False) or ("wij" if _BY_US.search(sentence) else "ik")

    # a promise verb: "De minister zegt toe …", "Ik zeg u toe …", a restated live one; said by the speaker
    # ("zeg ik toe") it is the speaker's whoever was named before ("In antwoord op de vraag van het lid … zeg
    # ik toe …")
    own = _vowed(sentence)
    if promise and (not other_first or own) and (gov or fut_gov or re.search(r"\bte\s+zullen\b", sentence)):
        return Reading("toezegging", actor(promise.start()), promise.start(), strong=True, rule="promise")
    offer = fut is not None and "bereid" in fut.group(0).lower() and g.cues["offer"].search(sentence)
    if offer and (fut_gov or gov) and not other_first:
        return Reading("toezegging", actor(fut.start()), fut.start(), rule="offer")  # type: ignore[union-attr]
    streven = _STREVEN.search(sentence)
    if streven and has_time and not other_first:  # "Ik streef ernaar u voor 1 mei te berichten": a goal
        return Reading("doel", actor(streven.start()), streven.start(), rule="goal")
    to_come = bool(has_time or soon or fut or _CONDITION_FIRST.match(sentence))
    sends_now = fut_gov is not None and _sends_now(sentence, fut_gov[0], to_come)
    # "Graag wil ik u informeren over de stand van zaken": with no time named, the letter tells now
    sends_now = sends_now or (not (has_time or soon) and bool(g.cues["wish_to_tell"].search(sentence)))
    # "De minister antwoordt dat hij de Kamer … zal informeren": the one who spoke is the clause's "hij"
    said_own = gov is not None and fut is not None and g.cues["reported_own_future"].search(sentence)
    own_future = fut_gov or (gov and fut and (_one_clause(sentence) or said_own))
    if own_future and not other_first and not sends_now:
        trig = (fut_gov or fut or gov).start()  # type: ignore[union-attr]
        # the parse last: only a sentence the rules would read as a government's future pays for it
        if (delivery or g.action.search(sentence)) and (fut_gov or said_own or not _someone_else(sentence)):
            if g.intent.search(sentence) and not delivery:
                return Reading("doel", actor(), trig, rule="goal") if has_time else Reading(None, None, 0)
            if fut_gov and fut is None and re.match(r"(?i)(?:ik|wij|we)?\s*verwacht", fut_gov[0]):
                # "verwacht ik u de notitie voor de zomer aan te bieden": a forecast of one's own delivery
                return Reading("verwachting", actor(), trig, rule="forecast")
            strong = bool(delivery and (to_kamer or fut_gov))
            if re.match(r"(?i)\s*(?:ik|wij|we)?\s*stre", sentence[trig:]) and not to_kamer:
                return Reading("doel", actor(), trig, rule="goal") if has_time else Reading(None, None, 0)
            return Reading("toezegging", actor(), trig, strong=strong, rule="future")
    kamer_passive = present is not None and re.search(r"(?i)geïnformeerd|ingelicht|hoogte", present.group(0))
    # "De Kamer ontvangt uiterlijk 1 oktober een appreciatie van het advies van de Commissie …": who is named
    # after the Kamer's receiving is what it receives
    other_before = other_first and (present is None or other is None or other.start() < present.start())
    if (
        present
        and (not other_before or kamer_passive)  # "Uw Kamer zal … op de hoogte worden gebracht"
        and (has_time or kamer_passive or "hoogte" in present.group(0) or "terug" in present.group(0))
    ):
        if g.forecast.search(sentence, 0, present.start()):  # "Naar verwachting ontvangt u …": a forecast
            return Reading("verwachting", sender(), present.start(), rule="forecast")
        return Reading("toezegging", sender(), present.start(), strong=True, rule="present")
    if present and not other_before and re.search(r"(?i)\bzult|\bkunt", present.group(0)):
        return Reading("toezegging", sender(), present.start(), rule="present")
    let_know = g.cues["let_know"].search(sentence)
    # the government named after its verb ("bericht de minister uw Kamer in het voorjaar van 2015") looks
    # ahead with any time still to come; "laat ik u weten" only with a time put first
    named_sender = let_know is not None and not re.match(r"(?i)la(?:at|ten)\b", let_know.group(0))
    if (
        let_know
        and not other_first
        and (_time_first(sentence, let_know.start()) or (named_sender and (ahead or soon or event)))
    ):
        # "Voor het einde van het jaar laat ik u weten of …": a present after a time put first looks ahead
        return Reading("toezegging", sender(), let_know.start(), strong=True, rule="present")
    named = gov is not None and not g.cues["first_person"].fullmatch(gov.group(0))
    if (
        gov is not None
        and named
        and g.cues["named_present"].match(sentence, gov.end())
        and not other_first
        and (ahead or soon or event)
    ):
        # "De staatssecretaris stuurt de Kamer vóór 1 juli de evaluatie", "De minister van IenW stuurt de
        # Kamer voor het wetgevingsoverleg Water een overzicht": a present with a time to come
        return Reading("toezegging", actor(), gov.start(), strong=True, rule="present")
    said_present = g.cues["reported_own_present"].search(sentence)
    if said_present and not other_first and (ahead or soon or event) and not _HABIT.search(sentence):
        # "Minister Van Hijum geeft aan dat hij de uitkomsten … in het voorjaar naar de Kamer stuurt"
        return Reading("toezegging", actor(), said_present.start(), strong=True, rule="present")
    if passive and not other_first and not _sends_now(sentence, passive[0], to_come, passive=True):
        if _forecast_of(sentence, passive.start()):  # "De evaluatie wordt naar verwachting … aangeboden"
            return Reading("verwachting", sender(), passive.start(), rule="passive")
        return Reading("toezegging", sender(), passive.start(), strong=True, rule="passive")
    impersonal = g.impersonal_intent.search(sentence)
    if (
        impersonal
        and not other
        and (g.delivery.search(sentence, impersonal.end()) or g.addressee.search(sentence, impersonal.end()))
    ):  # what is aimed at reaches the Kamer; "ik kan mededelen dat er naar wordt gestreefd …" is a goal
        # "Het voornemen bestaat dit rapport … op te nemen": the government's plan, said without a subject
        return Reading("toezegging", sender(), impersonal.start(), rule="future")
    passive_future = g.passive_future.search(sentence)
    if (
        passive_future
        and _in_relative_clause(sentence, passive_future.start())
        and not g.addressee.search(
            sentence, sentence.rfind(",", 0, passive_future.start()), passive_future.end()
        )
    ):  # "… de algemene maatregel van bestuur, waarbij … zullen worden geregeld"; not "… een Overeenkomst …
        # afgesloten, die binnenkort aan de Staten-Generaal zal worden aangeboden": that reaches the Kamer
        passive_future = None
    # "Op korte termijn zal het CPB worden gevraagd …": the one asked is named, it does not act
    if (
        passive_future
        and other
        and passive_future.start() < other.start() < passive_future.end()
        and re.search(r"(?:gevraagd|verzocht)\b", passive_future[0])
    ):
        other = None
    if passive_future and re.search(r"(?i)\bniet\b", passive_future[0]):
        passive_future = None  # "… zullen de bankbiljetten niet dienovereenkomstig worden aangepast": refused
    if passive_future and not other and not agent:
        # "Gaarne zal worden voldaan aan den wensch …", "Voortaan zal zorg gedragen worden dat …"
        kind = "verwachting" if _forecast_of(sentence, passive_future.start()) else "toezegging"
        return Reading(kind, sender(), passive_future.start(), rule="passive")
    # "De kabinetsreactie volgt voor het kerstreces": a present that looks ahead only with a time named
    follows = g.cues["paper_follows"].search(sentence) if has_time else None
    deliverable = g.deliverable.search(sentence) or follows
    # a paper another body brings ("… zullen … door het CBS … worden gepubliceerd"): ``agent`` above
    # another body named only after a paper's coming ("… zullen de Kamer … bereiken, met uitzondering van dat,
    # waarbij de gemeenten … zijn betrokken") does not bring it; in the present it may ("Dit verslag wordt
    # toegezonden aan de Voorzitters …": what is done with it, now)
    after = deliverable.end() if deliverable and _FUTURE_WORD.search(deliverable[0]) else None
    other_brings = other_first and not (after is not None and other is not None and other.start() >= after)
    if deliverable and not other_brings and not agent and not g.forecast.search(sentence):
        # "De beantwoording zal zo spoedig mogelijk plaatsvinden": the paper comes, its sender acts
        return Reading("toezegging", sender(), deliverable.start(), rule="deliverable")
    if has_time:
        # "dit voornemen", "het Verdrag, dat beoogt …": a plan named, not stated, is no goal
        framed = g.intent_frame.search(sentence)
        intent = next(
            (m for m in g.intent.finditer(sentence) if framed or not g.cues["named_plan"].match(m[0])), None
        )
        # "Het streven is om uiterlijk in 2027 alle gemeenten te hebben aangesloten": who is named after the
        # plan is its object
        plan_end = max(intent.end(), framed.end() if framed else 0) if intent else 0
        if intent and not (other_first and other is not None and other.start() < plan_end):
            # "Het ligt in het voornemen …", "Er bestaat het voornemen …": no one named, the writer's plan
            who = sender() if g.cues["dummy_subject"].match(sentence) else actor(intent.start())
            if who is None or who.lower() in _NO_ONE or intent.start() <= sentence.find(who) < intent.end():
                # "Het streven is om …": the article names no one; "Beoogd wordt dat …": nor does the plan
                who = sender()
            return Reading("doel", who, intent.start(), rule="intent")
        forecast = g.forecast.search(sentence) or _step_to_come(sentence, ahead or soon)
        if forecast and not other_first and not g.cues["world_quantity"].search(sentence):
            return Reading(
                "verwachting", actor(forecast.start(), subject=False), forecast.start(), rule="forecast"
            )
    if promised_thing and not other:
        return Reading("toezegging", sender(), promised_thing.start(), rule="promised")
    return Reading(None, None, 0)


_VERBS = frozenset(
    """zal zullen zult heeft hebben heb is zijn ben wordt worden verwacht verwachten streeft streven gaat
    gaan kan kunnen wil willen moet moeten blijft blijven deelt delen hoopt hopen beoogt beogen werd
    werden was waren tekende tekenden zegt zeggen zegde zegden zei zeiden kom komt komen ontvangt
    houdt""".split()  # noqa: SIM905
)
_LEADING = re.compile(
    r"^(?:(?:Daarnaast|Ook|Verder|Tot\s+slot|Uiteraard|Daarom|Hierop|Vervolgens|Tevens|Voorts|Bovendien|Graag|"
    r"Wel|Nu|Thans|Inmiddels|dat|en)\s*,?\s+)+",
    re.I,
)


# what a plan's opening words give as its subject when they name no one
_NO_ONE = frozenset("het de dit deze die dat er".split())  # noqa: SIM905
_AUXILIARY = frozenset("zal zullen zult ga gaat gaan wil willen".split())  # noqa: SIM905
_WORD_AFTER = re.compile(r"\s*(?:de\s+)?(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
# characters: a longer "sentence" is OCR run together, and its parse is no better than the rules
_LONGEST_PARSED = 1000


def _sends_now(sentence: str, verb: str, to_come: bool, passive: bool = False) -> bool:
    """This letter sends or tells now, which promises nothing: "zend ik u", "informeer ik u", or in the
    present passive "Het rapport … wordt u in definitieve vorm aangeboden" (``verb``: the matched verb
    group). Not so with a time or a future (``to_come``: "wordt uw Kamer na 2025 jaarlijks … geïnformeerd")
    or another letter named ("Bij afzonderlijk schrijven wordt de … Notitie … aangeboden").

    >>> _sends_now("Hierbij zend ik u het rapport.", "zend ik u", False)
    True
    >>> _sends_now("Bij afzonderlijk schrijven zend ik u het rapport.", "zend ik u", False)
    False
    >>> _sends_now("Het rapport wordt u aangeboden.", "wordt u aangeboden", False, passive=True)
    True
    """
    if to_come or _ANOTHER_LETTER.search(sentence):
        return False
    if passive:
        return re.match(r"(?i)(?:wordt|worden)\b", verb) is not None
    return grammar().cues["sends"].search(verb) is not None


def _step_to_come(sentence: str, ahead: bool) -> re.Match[str] | None:
    """A step named with its time and no forecast word, read as a forecast: "Dit Meerjarenplan zal in de loop
    van 1975 verschijnen", "De politiepost … wordt in 2025 vervangen". Only a future ("zal", "zullen"), or a
    present with a time still to come ("worden gezocht in het tractaat van Maart 1867" is none), and never
    a supposition or a duty.

    >>> bool(_step_to_come("Het restant zal vóór eind januari a.s. worden gerealiseerd.", False))
    True
    >>> bool(_step_to_come("In dat geval zou ons eene credietwet worden aangeboden voor 1860.", True))
    False
    >>> bool(_step_to_come("Daartoe strekt dit ontwerp, dat in April van dit jaar wordt ingediend.", False))
    False
    """
    g = grammar()
    step = g.forecast_action.search(sentence)
    if step is None or g.cues["supposed"].search(sentence, 0, step.end()):
        return None
    return step if ahead or _FUTURE_WORD.search(sentence, 0, step.end()) else None


def _forecast_of(sentence: str, verb: int) -> bool:
    """Is a passive's future said as a forecast (the ``forecast`` words): "naar verwachting" anywhere,
    "verwacht wordt" or "is te verwachten" before the verb? The noun alone, a forecast named in what is
    delivered ("… met daarin de verwachting voor 2026", "het rapport waarin de verwachting … staat"),
    leaves a promise a promise."""
    for m in grammar().forecast.finditer(sentence):
        said = m.group(0).lower()
        if said.startswith("naar") or (m.start() < verb and not said.endswith("verwachting")):
            return True
    return False


def _someone_else(sentence: str) -> bool:
    """Is the subject of every future's verb, by the parse, someone other than the government?

    "Ik acht het mogelijk, dat de leden eerst kennis willen nemen …": a government named in the sentence
    does not make another subject's future its promise. Only auxiliaries are asked: a future said otherwise
    ("het voornemen", "is … bereid", "hopen") keeps the rules' reading, and so does a future with the
    writer next to it (``speaker_by_verb``: "zullen ondergetekenden …") or one the writer vouches for
    (``vouched``: "kan ik u verzekeren dat de punten een rol zullen spelen"). Only an active subject counts
    (a passive's is what is acted on).
    """
    g = grammar()
    futures = list(g.future.finditer(sentence))
    if not futures or len(sentence) > _LONGEST_PARSED:
        return False
    for fut in futures:
        after = _WORD_AFTER.match(sentence, fut.end())
        before = _WORD_BEFORE.search(sentence, 0, fut.start())
        if (
            fut.group(0).lower() not in _AUXILIARY
            or any(w and g.cues["speaker_by_verb"].fullmatch(w.group(1)) for w in (after, before))
            or g.cues["vouched"].search(sentence, 0, fut.start())
        ):
            return False
        found = syntax.subjects(sentence, fut.start())
        if not found or any(g.government.search(s) for s in found):
            return False  # the government's future, or no active subject in the tree: the rules' reading
    return True


def _one_clause(sentence: str) -> bool:
    """Does a future word stand in the government's clause, no relative clause between them? "De Regering zal
    …" yes; "de voorstellen die ik aan het overleg zal aanbieden" and "zal de memorie de regeling bevatten
    die de Regering voor ogen staat" no: a relative clause ("die", "welke", "waarvan" …) lies between.

    >>> _one_clause("De Regering zal de Kamer voor 1 juli informeren.")
    True
    >>> _one_clause("Dan zal de memorie de regeling bevatten die de Regering voor ogen staat.")
    False
    >>> _one_clause("Wij vroegen inlichtingen, waarvan wij den uitslag aan U zullen mededeelen.")
    True
    """
    g = grammar()
    return any(
        _same_clause(sentence, gov.span(), fut.span())
        for gov in g.government.finditer(sentence)
        for fut in g.future.finditer(sentence)
    )


def _same_clause(sentence: str, x: tuple[int, int], y: tuple[int, int]) -> bool:
    """No relative clause ("die", "welke", "waarvan" …) stands between two spans of a sentence."""
    a, b = (x[1], y[0]) if y[0] >= x[1] else (y[1], x[0])
    return not grammar().cues["relative"].search(sentence, a, b)


def _subject_before(sentence: str, end: int) -> str | None:
    """The noun phrase that opens a sentence, up to its first verb (at most 8 words)."""
    words = _LEADING.sub("", sentence[: max(end, 0)] or sentence).split()
    np: list[str] = []
    for w in words:
        bare = w.strip(",;:").lower()
        if bare in _VERBS or (np and re.fullmatch(r"[a-z]+(?:den|ten)", bare)):
            break
        np.append(w)
    if not np or len(np) > 8:
        return None
    return " ".join(np).strip(",;:")


_FUTURE_WORD = re.compile(r"\b(?:zal|zullen|zult)\b")


def _later_to_kamer(sentence: str, after: int) -> bool:
    """A letter that says now what it will deliver later: a future after 'hierbij' in the same clause, or a
    first-person one anywhere ("… zal ik u de stukken bij deze brief … doen toekomen"); not another clause's
    future ("Aangezien … aan de orde zal komen, wil ik u hierbij … informeren", "Als bijlage dezes moge ik u
    doen toekomen een overzicht …, waarvan de financiering zal plaatsvinden …")."""
    g = grammar()
    later = any(
        _same_clause(sentence, (after, after), f.span())
        for f in (*_FUTURE_WORD.finditer(sentence, after), *g.intent_frame.finditer(sentence, after))
    )  # "Hierbij deel ik u mede dat ik voornemens ben per 1 april 1988 … te benoemen"
    if (later or g.cues["first_person_future"].search(sentence)) and g.addressee.search(sentence):
        return True
    # a clause of its own that the Kamer receives with a time: "Hierbij bied ik u het rapport … aan; de
    # kabinetsreactie op de aanbevelingen ontvangt u binnen zes weken"
    clause = _NEXT_CLAUSE.search(sentence, after)
    if clause is None or not g.cues["present_to_kamer"].search(sentence, clause.end()):
        return False
    return any(_FRAMED_TIME.match(t.text) for t in find_deadlines(sentence[clause.end() :], None))


@dataclass
class Found:
    kind: str
    actor: str | None
    action: str | None
    deadline: DeadlineFound | None
    start: int
    end: int
    rule: str  # the reading that fired (Reading.rule)
    strong: bool = False


_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# times that only look ahead ("binnenkort", "in het voorjaar", "na ontvangst van het advies"); an event
# ("tijdens het overleg") may be past
_VAGUE = frozenset({"vague", "recurring", "season", "upon"})
_BEFORE = re.compile(r"(?i)(?:voor|vóór|uiterlijk)\b")


def find_commitments(
    text: str,
    bounds: list[tuple[int, int]],
    ref_date: dt.date | None,
    written: dt.date | None = None,
    report: bool = True,
) -> list[Found]:
    """Commitments in ``text`` by the rules alone, one per sentence at most (``bounds`` are the sentences).

    ``ref_date`` is what relative times resolve against; ``report`` whether the paper reports others' words
    (an overleg report) rather than speaking itself (a letter); ``written`` the date the paper prints, when it
    prints one: against it a time wholly past ("in 1929", "voor 1 juli 1985" in a letter of 1990) dates
    history, not something still to come. (A paper without a printed date is not judged by the latest
    date it mentions: that may be its deadline.)
    """
    out: list[Found] = []
    for s, e in bounds:
        sentence = text[s:e]
        if len(sentence) < 15 or _QUOTED_RULE.search(text, max(0, s - 600), s) or _QUOTING.search(sentence):
            continue  # a rule quoted: "Artikel 115 luidt: … Alsdan wordt een wetsontwerp … ingediend."
        if not _may_commit(sentence):
            continue  # the cheap test first: most sentences name no cue at all
        deadlines = _deadlines(sentence, ref_date)
        now = ref_date.isoformat() if ref_date else ""
        ahead = any(d.by and d.by >= now for d in deadlines)
        # a vague time without a year ("in het voorjaar", "binnenkort"), or with one not yet past ("in het
        # najaar van 2024" written in 2023), is still to come, but only a named government in the present
        # reads it so: in a restated promise it may belong to another clause
        soon = any(d.by is None and d.rule in _VAGUE and _not_past(d.text, ref_date) for d in deadlines)
        # before an event of the Kamer's ("voor het wetgevingsoverleg Water", "vóór het commissiedebat"): a
        # named bewindspersoon's present looks ahead to it
        event = any(
            (d.rule == "event" and _BEFORE.match(d.text) and _not_past(d.text, ref_date))
            or d.rule == "before_clause"  # "voordat het wetsvoorstel bij uw Kamer wordt ingediend"
            for d in deadlines
        )
        # how often is no when: "waarvoor jaarlijks subsidie kan worden verleend" names no time to come
        # nor is a clause of what comes first ("voordat het wetsvoorstel wordt ingediend"): it only dates
        # an event for a promise read otherwise
        timed = [d for d in deadlines if d.rule not in ("recurring", "before_clause")]
        timely = any(not _before(d, written) for d in timed)
        if timed and not timely:
            continue
        r = read(sentence, timely, ahead, report, soon, event)
        if r.kind == "toezegging" and r.rule not in _FIRM and _hedged(sentence):
            r = replace(r, kind="verwachting")  # "zal de Kamer vermoedelijk binnen korten tijd bereiken"
        if r.kind is None or (
            r.rule not in ("promise", "promised") and _acts_now(sentence, deadlines, ahead)
        ):
            continue
        if r.rule != "promise" and _quoted(unbroken(inner_dots(sentence)), r.trigger):
            # a petition or motion quoted: ",,te willen bevorderen, dat … alsnog zal worden uitbetaald''" (the
            # trigger is an offset into the sentence as the reading read it, its line-end hyphens joined)
            continue
        dl = pick([d for d in deadlines if not _past(d, written) and d.start >= r.begins])
        if dl is not None:
            # a time without its year whose day has passed when the paper is written ("voor de zomer" on
            # 1 July, "voor Prinsjesdag" on its eve) is the next one to come, on a day the words do not fix
            by = None if _day_passed(dl.by, written) else dl.by
            dl = DeadlineFound(dl.text, dl.start + s, dl.end + s, by, dl.rule)
        read_as = unbroken(inner_dots(sentence))
        heading = PAPER_HEADING.search(read_as)
        if heading and r.trigger < heading.start():
            continue  # the paper's title, read into its heading
        action = read_as[r.trigger :].rstrip(" .") or None
        out.append(Found(r.kind, _clean_actor(r.actor), action, dl, s, e, r.rule, r.strong))
    return out


# blockers of what is said in a debate itself: the speaker's plan, its motions appraised
_SPEECH = frozenset({"discourse", "sitting", "appraisal"})


def _said_beyond_the_sitting(name: str, sentence: str, has_time: bool) -> bool:
    """Does a sentence a debate's blocker took also promise something beyond the sitting: a written medium
    ("per brief"), a promise verb ("zeg toe"), a paper to come or "alsnog"; for a plan a time to come, for
    an appraisal a promise in a clause of its own ("…, want ik zal dat uiteraard doen")?

    >>> _said_beyond_the_sitting("sitting", "Ik zal de vragen van de heer X alsnog beantwoorden.", False)
    True
    >>> _said_beyond_the_sitting("sitting", "Ik zal ook reageren op het drietal amendementen.", False)
    False
    """
    g = grammar()
    if (g.written_later.search(sentence) and not g.cues["own_motion"].search(sentence)) or g.promise.search(
        sentence
    ):
        return True  # "Ik kom daar in tweede termijn per brief op terug", "… ontraden, maar zeg toe …"
    if name == "discourse":
        return False
    if g.cues["paper_to_come"].search(sentence) or g.cues["after_the_sitting"].search(sentence):
        return True  # "… in de energienota ingaan op de vragen", "Ik zal de vragen alsnog beantwoorden"
    if name == "sitting":
        return has_time  # "Ik zal de vragen zo spoedig mogelijk beantwoorden"
    # an appraisal's time is often the motion's own ("verzoekt om die projecten zo snel mogelijk te …")
    return bool(g.cues["promise_beside_appraisal"].search(sentence))


# the readings a hedge ("vermoedelijk", "vleit zich dat …") leaves a promise: a promise verb, a register's
# line, an offer ("ben bereid")
_FIRM = frozenset({"promise", "register", "offer", "promised"})


def _hedged(sentence: str) -> bool:
    """Is the first step to come said with a hedge: "zal de Kamer dus vermoedelijk … bereiken", "vleit
    zich, dat weldra …"? A hedge on a later clause ("Wij zullen … veranderen en waarschijnlijk zal dat
    leiden tot …") leaves the first a promise.

    >>> _hedged("Het wetsontwerp zal de Kamer dus vermoedelijk binnen korten tijd bereiken.")
    True
    >>> _hedged("Wij zullen de systematiek veranderen en waarschijnlijk zal dat leiden tot hogere boetes.")
    False
    """
    hedge = grammar().cues["hedge"].search(sentence)
    future = _FUTURE_WORD.search(sentence)
    if hedge is None or future is None or hedge.start() < future.start():
        return hedge is not None
    between = sentence[future.end() : hedge.start()]
    return len(between.split()) <= 4 and not re.search(r"[,;]|\ben\b", between)


_PAST_WORD = re.compile(r"\b(?:vorig|vorige|verleden|afgelopen)\b", re.I)
_YEARED = re.compile(_A_YEAR.pattern + r"|\bjaar\b", re.I)


def _before(d: DeadlineFound, written: dt.date | None) -> bool:
    """Is a time that names its year due before the date the paper prints ("voor 1 juli 1985" in a letter
    of 1990)? A time without a year is the next one to come: "voor de zomer" in a letter of 1 July is the
    summer recess of days later, not history ("voor dat jaar", "dit jaar" name a year).

    >>> _before(DeadlineFound("voor de zomer", 0, 13, "2015-06-30", "before"), dt.date(2015, 7, 1))
    False
    >>> _before(DeadlineFound("voor 1 juli 1985", 0, 16, "1985-06-30", "before"), dt.date(1990, 3, 1))
    True
    """
    return _day_passed(d.by, written) and bool(_YEARED.search(d.text))


def _day_passed(by: str | None, written: dt.date | None) -> bool:
    """Is a deadline's day before the date the paper prints?"""
    return by is not None and written is not None and by < written.isoformat()


def _past(d: DeadlineFound, written: dt.date | None) -> bool:
    """Is a time wholly past, so no deadline of a promise: before the date the paper prints, or said of the
    past ("het vorig jaar uitgebrachte rapport")?

    >>> _past(DeadlineFound("vorig jaar", 0, 10, "1989-12-31", "year"), None)
    True
    >>> _past(DeadlineFound("voor 1 juni 1990", 0, 16, "1990-05-31", "before"), dt.date(1990, 3, 1))
    False
    """
    return _before(d, written) or bool(_PAST_WORD.search(d.text))


def _not_past(time: str, ref_date: dt.date | None) -> bool:
    """Is a time without a day not yet past: no year in it, or its year not before the paper's?

    >>> _not_past("in het voorjaar", None), _not_past("in het najaar van 2024", dt.date(2023, 6, 1))
    (True, True)
    >>> _not_past("in het voorjaar van 1985", dt.date(1990, 3, 1))
    False
    """
    year = _A_YEAR.search(time)
    return year is None or (ref_date is not None and int(year.group(0)) >= ref_date.year)


def _may_commit(sentence: str) -> bool:
    """Can the grammar read anything in a sentence: does it hold any cue a reading needs (as ``read`` sees
    the sentence, OCR's hyphens joined)? Exact, and much cheaper than the deadlines and blockers it spares.

    >>> _may_commit("Het regent."), _may_commit("Ik zal u informeren.")
    (False, True)
    """
    flat = unbroken(inner_dots(sentence))
    return any(p.search(flat) for p in grammar().positives)


def _deadlines(sentence: str, ref_date: dt.date | None) -> list[DeadlineFound]:
    """The times a sentence names, read through OCR's line-end hyphens ("vóór 1 ja-nuari 1990", "in het
    voor-jaar"), with their offsets and words as printed; not those that date what went before them."""
    dated = grammar().cues["dated"]
    if not OCR_HYPHEN.search(sentence):
        return [d for d in find_deadlines(sentence, ref_date) if not dated.search(sentence, 0, d.start)]
    flat, where = joined(sentence, OCR_HYPHEN)
    out = []
    for d in find_deadlines(flat, ref_date):
        if not dated.search(flat, 0, d.start):
            start, end = where[d.start], where[d.end - 1] + 1
            out.append(DeadlineFound(sentence[start:end], start, end, d.by, d.rule))
    return out


# quotation marks as printed and as OCR reads them: ,,…'' „…” „…“ «…»; "“" closes as often as it opens. An
# opening mark stands after a space (OCR's "aan d« Staten-Generaal" is a damaged "de")
# the old printing's »…« too: a "»" before a word opens ("antwoordden, »wij komen eens kieken"), after a
# word it closes
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s:(]))(?:,,|„|«|»(?=\w))")
_CLOSING_QUOTE = re.compile(r"''|”|“|»|\"|(?<=\w)«")


def _quoted(sentence: str, at: int) -> bool:
    """Does ``at`` stand inside a quotation, opened before it and not closed between, in which the government
    does not speak? The words are another's (a petition, a motion, a law) whatever their future; a
    government's letter read out ("luidende: „Hoogedelgestrenge heer, … dat ik gaarne bereid ben …") stays
    the government's.

    >>> s = "Het adres houdt verzoek ,,te willen bevorderen, dat hem alsnog zal worden uitbetaald''."
    >>> _quoted(s, s.find("zal")), _quoted(s, 0)
    (True, False)
    >>> s = "Een brief, luidende: „Gaarne deel ik u mede, dat ik bereid ben de Kamer in te lichten."
    >>> _quoted(s, s.find("bereid"))
    False
    """
    opened = [m.end() for m in _OPENING_QUOTE.finditer(sentence, 0, at + 1) if m.end() <= at]
    if not opened or _CLOSING_QUOTE.search(sentence, opened[-1], at):
        return False
    return not grammar().government.search(sentence, opened[-1], at)


# what introduces a rule's words, earlier in the paragraph or in the sentence itself: "Artikel 115 luidt:",
# "Deze alinea worde aldus gelezen:", a royal decree's "doen te weten: Alzoo Wij … genomen hebben"
_QUOTES = (
    r"\b(?:luidt|luiden|luidende|komt\s+te\s+luiden|komen\s+te\s+luiden"
    r"|(?:worde|wordt|worden)\s+(?:aldus|als\s+volgt)\s+gelezen|doen\s+te\s+weten)\s*:"
)
_QUOTED_RULE = re.compile(_QUOTES + r"[^\n:]*$")
_QUOTING = re.compile(_QUOTES)


def _acts_now(sentence: str, deadlines: list[DeadlineFound], ahead: bool) -> bool:
    """A follow-up that acts in this very paper is no new promise: one that delivers ("Ingevolge mijn
    toezegging zend ik u …", "In antwoord op uw vragen bericht ik u …"), unless it promises more in the
    first-person future; a delay notice that names no new time ("… dat ik de vragen … niet binnen de
    gebruikelijke termijn zal kunnen beantwoorden"). One that names it ("De beantwoording zal naar verwachting
    plaats hebben omstreeks 1 maart") is both."""
    rel = relation_of(sentence)
    if not rel:
        return False
    if rel[0] in ("fulfils", "answers"):
        # "… antwoordt de minister dat hij … zal delen": a report's promise, more than the answer
        return not (
            grammar().cues["more_to_come"].search(sentence)
            or grammar().cues["reported_own_future"].search(sentence)
        )
    new_time = ahead or any(
        d.by is None and not re.search(r"\bniet\s+(?:\w+\s+){0,2}$", sentence[: d.start]) for d in deadlines
    )
    return not new_time


# "Mijn inzet is …", "Ons voornemen is …": the writer's own plan (not "mijn ambtgenoot")
_OWN_PLAN = re.compile(
    r"(?:mijn|onze|ons)\s+(?:inzet|voornemen|streven|plan|doel|bedoeling|planning|ambitie|intentie)\b"
)


def _clean_actor(actor: str | None) -> str | None:
    if not actor:
        return None
    actor = " ".join(actor.split()).strip(" ,;:")
    low = actor.lower()
    if low in ("ik", "mij", "mijnerzijds") or re.fullmatch(r"(?:de\s+)?ondergete+kende", low):
        return "ik"  # the signer, whom resolve names; "mijnerzijds zal … worden gedaan" too
    if low == "hij":
        return "hij"  # a paper speaking of its signer in the third person ("Wel is hij bereid …"), as written
    if low in ("wij", "we", "onzerzijds", "dezerzijds") or re.fullmatch(r"(?:de\s+)?ondergete+kenden", low):
        return "wij"
    if _OWN_PLAN.match(low):
        return "ik" if low.startswith("mijn") else "wij"
    actor = re.sub(r"^(?:de|het|De|Het)\s+", "", actor)
    # the rules read OCR's line-end hyphens away ("be-richten"), and with them the modern lower-case
    # "minister-president"'s own: its name keeps it
    actor = re.sub(r"(?i)(minister)(president)", r"\1-\2", actor)
    if not re.search(r"[A-Za-zÀ-ÿ]{4,}", actor) or low.split()[0] in grammar().not_a_subject:
        return None  # "Het", "Ligt in de": what opens the sentence is no actor
    return actor[:1].upper() + actor[1:]


@stage("commitments.rules", writes="commitments", reads=("references",))
def rules(chunk: Chunk) -> list[Commitment]:
    """Toezeggingen, goals and forecasts by the commitment grammar alone, with a registered one's id."""
    bounds = [(x.start, x.end) for x in chunk.sentences]
    report = _reports(chunk)
    # an overleg report tells who has the floor in its sentences; a debate has turns of its own (spoken.py)
    reported = chunk.structure.meta.kind == "verslag" and not chunk.structure.turns
    members = members_speaking(chunk.text, bounds) if reported else []
    found = [
        c
        for c in find_commitments(chunk.text, bounds, chunk.structure.reference_date, _printed(chunk), report)
        if c.rule == "promise" or not any(s <= c.start < e for s, e in members)
    ]
    taken = {c.start for c in found}
    found += [c for c in answered_yes(chunk) if c.start not in taken]
    return [_commitment(chunk, c) for c in sorted(found, key=lambda c: c.start)]


# an Aanhangsel's question that asks the government to do something: "Is de Minister bereid …?", "Wilt u …?"
_WILLING = re.compile(
    r"(?i)\b(?:is|zijn|bent|zou|zoudt)\s+(?:de|het|u|zij|hij)?\s*(?:\w+\s+){0,4}?bereid\b"
    r"|\b(?:wilt|zult)\s+u\b|\b(?:wil|zal)\s+(?:de|het)\s+(?:minister|staatssecretaris|regee?ring|kabinet)\b"
)
# the answer's first sentence says yes: "Ja." alone (bare), or "Ja, …"
_YES = re.compile(r"\W*(?:\d+\s+)?Ja\b\s*(?P<bare>\.\s*$)?[.,;:]?")


def _numbered(block: str, answer: str) -> str:
    """The question an answer numbered "3 Ja." answers, out of a block that OCR ran several into (a lost "2"
    leaves "… ? 3 Is de Minister bereid …?" inside question 1); numbers as the Aanhangsel reader reads
    them."""
    n = aanhangsel.NUMBER.match(answer.lstrip(" \t\n•"))
    marks = list(aanhangsel.NUMBER.finditer(block))
    if not n or not marks:
        return block
    for i, m in enumerate(marks):
        if m.group("n") == n.group("n"):
            return block[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(block)]
    return block


def answered_yes(chunk: Chunk) -> list[Found]:
    """Promises an Aanhangsel makes by answering yes: "Is de Minister bereid de Kamer te informeren?" — "Ja."

    A bare "Ja." says yes to every question it answers; "Ja, …" to the first one asked.
    """
    out: list[Found] = []
    for q in chunk.structure.questions:
        if q.answer is None or not chunk.start <= q.answer.start < chunk.end:
            continue
        first = chunk.sentence_at(q.answer.start)
        if first is None:
            continue
        sentence = chunk.text[first.start : first.end]
        yes = _YES.match(sentence)
        if yes is None:
            continue
        own = _numbered(chunk.text[q.question.start : q.question.end], sentence)
        asked = [x for x in re.split(r"(?<=\?)\s+", own) if "?" in x]
        willing = [x for x in (asked if yes.group("bare") else asked[:1]) if _WILLING.search(x)]
        if not willing:
            continue
        deadline = pick(find_deadlines(sentence, chunk.structure.reference_date))
        out.append(Found("toezegging", "ik", None, deadline, first.start, first.end, "yes", True))
    return out


def members_speaking(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of a report in which members have the floor (the cues ``member_opens`` and
    ``government_opens``: a member keeps the floor until the government takes it).

    >>> t = "Mevrouw Jansen (CDA) vroeg naar de kosten. Er zal in mei een nota komen. De minister zei dat."
    >>> [t[s:e] for s, e in members_speaking(t, [(0, 42), (43, 72), (73, 95)])]
    ['Mevrouw Jansen (CDA) vroeg naar de kosten.', 'Er zal in mei een nota komen.']
    """
    out, members = [], False
    for s, e in bounds:
        if grammar().cues["member_opens"].match(text, s):
            members = True
        elif grammar().cues["government_opens"].match(text, s):
            members = False
        if members:
            out.append((s, e))
    return out


def _reports(chunk: Chunk) -> bool:
    """A letter or an answer speaks for itself: "Minister X zegde toe …" there recounts history."""
    return chunk.structure.meta.kind not in ("brief", "antwoord")


def _printed(chunk: Chunk) -> dt.date | None:
    try:
        return dt.date.fromisoformat(chunk.structure.meta.date) if chunk.structure.meta.date else None
    except ValueError:
        return None


def _commitment(chunk: Chunk, c: Found, confidence: float | None = None) -> Commitment:
    ref = _register_id(chunk, c.start, c.end)
    deadline = Deadline(c.deadline.text, c.deadline.by) if c.deadline else None
    return Commitment(
        c.kind, c.actor, c.action, deadline, chunk.span(c.start, c.end), ref, confidence=confidence
    )


_REGISTER = re.compile(r"\bToezegging\b.{0,120}?\bgedaan\s+door\b", re.I)
_REGISTER_ACTOR = re.compile(
    r"\bToezegging\b.{0,120}?\bgedaan\s+door\s+(?:de\s+|het\s+)?(?P<actor>[A-Z][^,]{2,80}?)\s+(?:tijdens|in|bij|op|aan|d\.d\.)\b"
)


def _register_id(chunk: Chunk, start: int, end: int) -> str | None:
    """The id a toezegging is registered under, where its sentence names one (register line, TZ number)."""
    for r in chunk.found.references:
        if start <= r.span.start < end and (
            r.kind == "toezegging" or _REGISTER.search(chunk.text[start:end])
        ):
            return r.id
    return None

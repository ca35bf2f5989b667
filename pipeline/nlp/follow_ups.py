"""Follow-ups: a sentence says the document carries out, delays or answers something.

Cues are data (``models/patterns/follow_ups.json``). The stage reports every
cue sentence, with the words after the cue that name what is acted on
(``target_text``); which id that is — named in the sentence, in a footnote on
it, or by ``deze motie`` in the sentences before — is ``resolve``'s work, and
what only a description names is linked against the store later.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..schema import FollowUp
from . import aanhangsel, rules
from .dutch import unbroken
from .stages import Chunk, stage

# the parts of follow_ups.json the reading asks for on their own, each compiled once as "<name>_re":
# plain regexes, named rules ({means, regex}), and further parts of a named rule
_PLAIN = ("negation", "anaphor", "target", "blockers", "postpones_frame", "postpones_hypothetical")
_NAMED = (
    "same_promise",
    "reported_speech",
    "paper_names",
    "delay_topic",
    "recalled_delivery",
    "owed_or_reason",
    "habitual",
    "paper_owed",
    "delay_reason",
    "delay_again",
    "planned",
    "answer_to_come",
)
_PARTS = {
    "recalled_re": ("recalled_in_answers", "cue"),
    "own_re": ("recalled_in_answers", "own"),
    "recalled_promise_re": ("recalled_promise", "cue"),
    "acts_here_re": ("recalled_promise", "acts_here"),
    "paper_sends_re": ("paper_names", "sends"),
    "planned_cue_re": ("planned", "cue"),
    "answer_to_come_cue_re": ("answer_to_come", "cue"),
    "answer_here_re": ("answer_to_come", "here"),
    "delivers_re": ("answers_in_context", "delivers"),
    "request_re": ("request_only", "request"),
    "history_act_re": ("history_act", "past"),
    "acts_now_re": ("history_act", "now"),
    "promise_re": ("request_only", "promise"),
    "asked_re": ("answers_in_context", "asked"),
    "asked_clause_re": ("answers_in_context", "asked_clause"),
}


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    data: dict[str, Any] = rules.load("follow_ups.json")
    for rel in RELATIONS:
        # a cue is a regex, or a named one ({name, means, regex}) that the reading also asks for on its own
        data[rel + "_re"] = re.compile("|".join(f"(?:{_regex(p)})" for p in data[rel]), re.I)
        named = [p for p in data[rel] if isinstance(p, dict)]
        data.update({p["name"] + "_re": re.compile(p["regex"], re.I) for p in named})
    for name in _PLAIN:
        data[name + "_re"] = re.compile(data[name], re.I)
    for name in _NAMED:
        data[name + "_re"] = re.compile(data[name]["regex"], re.I)
    for key, (name, part) in _PARTS.items():
        data[key] = re.compile(data[name][part], re.I)
    data["heading_re"] = re.compile(data["heading"])  # case tells a heading from the text
    data["addressed_re"] = re.compile(data["addressed"]["regex"])  # "U", "Uw" as capitals address the Kamer
    answers_blockers = data["answers_blockers"]["regex"]
    data["answers_blockers_re"] = re.compile("|".join(f"(?:{b})" for b in answers_blockers), re.I)
    return data


def _regex(cue: str | dict[str, str]) -> str:
    return cue["regex"] if isinstance(cue, dict) else cue


RELATIONS = ("postpones", "fulfils", "answers")  # tried in this order: a delay is said about what was asked
_QUESTION = re.compile(r"\?\s*[\)\"'»”]?\s*$")


def inner_dots(sentence: str) -> str:
    """A sentence with the dots inside it made neutral: the splitter has decided the sentence ends at its
    last one, so "a.i.", "c.s." and "nr. 3" inside end no phrase the cues read.

    >>> inner_dots("De motie-Klaver c.s. is aangenomen.")
    'De motie-Klaver c·s· is aangenomen.'
    """
    body = sentence.rstrip()
    tail = len(body) - len(body.rstrip(".!?"))
    return body[: len(body) - tail].replace(".", "·") + body[len(body) - tail :] + sentence[len(body) :]


# "enige tijd" with no "meer", "extra", "langer" or "nog": a delay only of what is owed, or a delay's reason
_BARE_TIME = re.compile(r"(?i)(?<!\bnog\s)\benige\s+tijd\b")
# the label an answer to Kamervragen opens with: "Antwoord 3:", "Antwoord op vraag 2:"
_ANSWER_LABEL = re.compile(
    r"^\W*Antwoord(?:en)?\s+(?:op\s+)?(?:(?:de\s+)?vra(?:ag|gen)\s+)?\d+[a-z]?"
    r"(?:\s*(?:,|en|t/m|tot\s+en\s+met)\s*\d+[a-z]?)*\s*[:.]\s+"
)
# a co-signer put between commas ("Hieronder ga ik, mede namens de minister van Defensie, in op …"): read
# past, blanked letter for letter so that offsets stay
_CO_SIGNER = re.compile(r"(?i),\s*(?:mede\s+)?namens\s+[^,.;:]{3,120},")


def relation_of(sentence: str) -> tuple[str, re.Match[str]] | None:
    """The follow-up relation a sentence states, and the cue that states it (its offsets index
    ``unbroken(sentence)``, the sentence with OCR's line-end hyphens gone).

    A member's question that OCR left glued to what follows it ("… verschenen is? beoordeling van … zal …
    eerst binnenkort plaats kunnen vinden") blocks only itself: the words after it are read on their own.

    >>> relation_of("Hiermee beschouw ik de motie als uitgevoerd.")[0], relation_of("Het regent.")
    ('fulfils', None)
    """
    found = _relation(sentence)
    label = _ANSWER_LABEL.match(sentence)
    if found is None and label:  # "Antwoord op vraag 2: Zoals toegezegd …": the answer is read, not its label
        found = _relation(_masked(sentence, label.end()))
    q = sentence.rfind("?", 0, len(sentence.rstrip()) - 1)
    if found is None and q > 0 and len(sentence) - q > 25:
        # the question masked letter for letter, so that offsets and OCR hyphens stay where they were
        return _relation(_masked(sentence, q + 1))
    semi = sentence.rfind(";")
    if (
        found is None
        and semi > 0
        and len(sentence) - semi > 15
        and cues()["asked_clause_re"].search(sentence, 0, semi)
    ):
        # a member's question told, then the writer's: "Het lid Dassen vroeg …; daarop ga ik hieronder in"
        return _relation(_masked(sentence, semi + 1))
    return found


def _masked(sentence: str, end: int) -> str:
    """The sentence with its first ``end`` characters masked letter for letter, so that ``unbroken`` joins
    and drops there just what it does in the sentence itself and the cue's offsets stay those of
    ``unbroken(sentence)``: a lower-case letter stays lower-case, a capital a capital, a digit a digit.

    >>> _masked("Het PAS-besluit van 2000-2004; daarop ga ik in.", 30)
    'Xxx XXX-xxxxxxx xxx 2000-2004_ daarop ga ik in.'
    """
    return re.sub(r"[^\s-]", _mask_char, sentence[:end]) + sentence[end:]


def _mask_char(m: re.Match[str]) -> str:
    ch = m.group(0)
    return ch if ch.isdigit() else "X" if ch.isupper() else "x" if ch.isalpha() else "_"


# postponement cues that delay only a paper owed (`paper_owed`): anywhere in the sentence ("de
# gevechtsvoertuigen worden later geleverd dan gepland": goods, no paper), or named before the delay (these
# regexes start at the delay, which is rarer than the paper: cheaper to find)
_OWED_ANYWHERE = ("later_than_planned_re",)
_OWED_NAMED_FIRST = ("not_before_the_debate_re", "not_managed_in_time_re", "not_yet_done_re")


def _owes_no_paper(sentence: str, cue: re.Match[str]) -> bool:
    """Does a postponement cue that needs a paper owed find none where it looks?"""
    c = cues()
    if any(c[k].fullmatch(cue.group(0)) for k in _OWED_ANYWHERE):
        return not c["paper_owed_re"].search(sentence)
    if any(c[k].fullmatch(cue.group(0)) for k in _OWED_NAMED_FIRST):
        return not c["paper_owed_re"].search(sentence, 0, cue.start())
    return False


def _relation(sentence: str) -> tuple[str, re.Match[str]] | None:
    c = cues()
    read = unbroken(sentence)  # OCR's "ge-maakte opmerkingen", "toe-gezegd" read whole: the cue indexes this
    for s in (sentence, read):  # "minister-president" is a heading with its hyphen, not without
        if _QUESTION.search(s) or c["heading_re"].match(s) or c["blockers_re"].search(s):
            return None
    if c["reported_speech_re"].search(read):
        return None  # "In antwoord op de eerste vraag deelde de Minister mee, …": what was said elsewhere
    sentence = _CO_SIGNER.sub(lambda m: " " * len(m.group(0)), inner_dots(read))
    # another paper's name ("de Memorie van Antwoord op het Voorloopig Verslag") answers nothing here
    # (a covering letter that sends it, "hierbij te doen toekomen de Nota van antwoord", answers all the same)
    sends = c["paper_sends_re"].search(sentence)
    names = [] if sends else [n.span() for n in c["paper_names_re"].finditer(sentence)]
    for rel in RELATIONS:
        for m in c[rel + "_re"].finditer(sentence):
            if rel == "answers" and any(a <= m.start() < b for a, b in names):
                continue
            if rel == "fulfils" and c["negation_re"].search(sentence):
                break
            if rel == "fulfils" and _planned(sentence, m):
                continue  # "zal … worden ingegaan op de moties": a later paper's treatment, not this one's
            if rel == "answers" and c["answers_blockers_re"].search(sentence):
                break  # "Het antwoord op deze vraag luidt bevestigend": no request answered by this paper
            if rel == "answers" and _answer_to_come(sentence, m):
                continue  # "De Minister zal de vragen zo spoedig mogelijk beantwoorden": answered later
            if rel != "postpones" and _history_act(sentence, m):
                continue  # "Naar aanleiding van deze motie heb ik bij brief van … vragen gesteld": done
            if rel == "fulfils" and _request_only(sentence, m):
                return "answers", m  # "Hiermee kom ik tegemoet aan het verzoek van de commissie": answered
            if (
                rel == "postpones"
                and c["delay_noun_re"].fullmatch(m.group(0))
                and (not _owed(sentence) or c["delay_topic_re"].search(sentence, 0, m.start()))
            ):
                continue  # "vertraging voor de scheepvaart", "vragen … over de vertraging bij …"
            if rel == "postpones" and _owes_no_paper(sentence, m):
                continue  # "de gevechtsvoertuigen worden later geleverd dan gepland": goods, no paper
            if rel == "postpones" and c["more_time_re"].fullmatch(m.group(0)):
                if _hypothetical(sentence):
                    continue  # "… meer tijd zou kunnen vergen dan het resterende gedeelte van dit jaar"
                if c["habitual_re"].search(sentence, max(0, m.start() - 40), m.end()):
                    continue  # "hetgeen doorgaans enige tijd vergt": the time such work takes, not this delay
                if _BARE_TIME.search(m.group(0)) and not c["owed_or_reason_re"].search(sentence):
                    continue  # a bare "enige tijd" delays only what is owed
            return rel, m
    return None


def _history_act(sentence: str, cue: re.Match[str]) -> bool:
    """Does the sentence tell an act done before ("is … gediscussieerd", "heeft … mij medegedeeld"), with
    nothing done now ("hierbij", "deel ik u mede") and no promise recalled ("heb ik toegezegd")?

    >>> s = "Naar aanleiding van voornoemd schrijven heeft mijn ambtgenoot mij medegedeeld dat het zo is."
    >>> _history_act(s, cues()["answers_re"].search(s))
    True
    >>> s = "Daarmee heb ik de moties en de vragen beantwoord."
    >>> _history_act(s, cues()["answers_re"].search(s))
    False
    """
    c = cues()
    if not c["history_act_re"].search(sentence) or c["acts_now_re"].search(sentence):
        return False
    return not (c["recalled_promise_re"].search(cue.group(0)) or c["told_i_would_re"].search(sentence))


def _request_only(sentence: str, cue: re.Match[str]) -> bool:
    """Does a fulfils cue act on a request alone, no motion or promise named in the sentence?

    >>> s = "Hiermee kom ik tegemoet aan het verzoek van de vaste commissie voor Financiën."
    >>> _request_only(s, cues()["fulfils_re"].search(s))
    True
    >>> s = "Hiermee kom ik tegemoet aan het verzoek in de motie van het lid Dassen."
    >>> _request_only(s, cues()["fulfils_re"].search(s))
    False
    """
    c = cues()
    return bool(c["request_re"].search(cue.group(0)) and not c["promise_re"].search(sentence))


def _recalled_by_others(sentence: str, cue: re.Match[str]) -> bool:
    """Does a fulfils cue recall a promise ("is … toegezegd") with no first person in the sentence?"""
    c = cues()
    return bool(c["recalled_re"].search(cue.group(0)) and not c["own_re"].search(sentence))


def _same_act(rel: str, sentence: str, cue: re.Match[str]) -> bool:
    """Right after a follow-up of the same relation, does this sentence only go on about that act? Then it is
    the act just marked, not another. A postponement's reason ("De reden van het uitstel is: …") or its
    conclusion ("Derhalve is het mij niet mogelijk …"); a fulfils cue that only points back to the promise
    the sentence before recalled ("Ter voldoening aan deze belofte …"), the recall being the one the gold
    marks.

    >>> s = "Ter voldoening aan deze belofte doe ik U de hierbijgaande opgave toekomen."
    >>> _same_act("fulfils", s, relation_of(s)[1])
    True
    >>> s = "Ter uitvoering van de motie-Kuzu stuur ik u het rapport."
    >>> _same_act("fulfils", s, relation_of(s)[1])
    False
    """
    c = cues()
    if rel == "postpones":
        return bool(c["delay_reason_re"].search(sentence) or c["delay_again_re"].search(sentence))
    return rel == "fulfils" and bool(c["same_promise_re"].search(cue.group(0)))


def _only_recalled(sentence: str, cue: re.Match[str]) -> bool:
    """Does a fulfils cue only recall a promise ("heb ik toegezegd", "zegde ik toe"), with nothing in the
    sentence saying the paper acts on it ("zoals toegezegd", "hierbij", "waaraan ik bij dezen voldoe")?

    >>> s = "In het debat van 21 juni heb ik toegezegd u te informeren over de uitkomsten."
    >>> _only_recalled(s, relation_of(s)[1])
    True
    >>> s = "Zoals ik heb toegezegd, stuur ik u hierbij het rapport."
    >>> _only_recalled(s, relation_of(s)[1])
    False
    """
    c = cues()
    return bool(c["recalled_promise_re"].search(cue.group(0)) and not c["acts_here_re"].search(sentence))


def _planned(sentence: str, cue: re.Match[str]) -> bool:
    """Does a fulfils cue that names a treatment ("in op", "informeren over") speak of a later paper's?"""
    c = cues()
    return bool(c["planned_cue_re"].search(cue.group(0)) and c["planned_re"].search(sentence))


_CLAUSE_START = re.compile(r"[,;:]|\bdat\b")
_CLAUSE_END = re.compile(r"[,;:]")


def _clause(sentence: str, at: int) -> str:
    """The clause around ``sentence[at]``: from the comma, semicolon, colon or 'dat' before it to the next."""
    starts = [m.end() for m in _CLAUSE_START.finditer(sentence, 0, at)]
    end = _CLAUSE_END.search(sentence, at)
    return sentence[starts[-1] if starts else 0 : end.start() if end else len(sentence)]


def _answer_to_come(sentence: str, cue: re.Match[str]) -> bool:
    """Does an answers cue of the verb ("beantwoorden") speak of an answer still to come, not given here?
    Only the verb's own clause counts: "…, de vragen over X zal ik later beantwoorden" leaves the first.

    >>> s = "Ik streef ernaar de vragen zo spoedig mogelijk te beantwoorden."
    >>> _answer_to_come(s, cues()["answers_re"].search(s))
    True
    >>> s = "De vragen zullen als volgt worden beantwoord."
    >>> _answer_to_come(s, cues()["answers_re"].search(s))
    False
    """
    c = cues()
    for verb in c["answer_to_come_cue_re"].finditer(sentence, cue.start(), cue.end()):
        clause = _clause(sentence, verb.start())
        if c["answer_to_come_re"].search(clause) and not c["answer_here_re"].search(clause):
            return True
    return False


def _hypothetical(sentence: str) -> bool:
    """Is a delay only supposed ("zou … kunnen vergen", "indien", "mocht")?"""
    c = cues()  # a delivery recalled ("waarover ik u … zou informeren") supposes nothing
    return bool(c["postpones_hypothetical_re"].search(c["recalled_delivery_re"].sub("", sentence)))


def _owed(sentence: str) -> bool:
    """Is a bare delay ("uitstel", "vertraging") one of what is owed, and real, not hypothetical?"""
    return bool(cues()["postpones_frame_re"].search(sentence)) and not _hypothetical(sentence)


_TARGET_END = re.compile(
    r"[,;:]\s|\.\s|\s(?:en\s+(?:stuur|bied|zend|doe|informeer|deel|bericht)|maar|waarin|waarmee|zodat|omdat|stuur|bied|zend|"
    r"doe|informeer|deel|deelt|bericht|heb|heeft|ga|geef|breng|ontvangt|treft|wordt|worden|is|zijn|moge|mogen|merkt|merken|kan)\s"
    r"|(?<!\bte)\s(?:zal|zullen)\s|\.$|$"
)


_PARTICIPLE_AFTER = re.compile(r",\s*(?:gedaan|gegeven|ingediend|aangenomen|gesteld|uitgebracht|toegezegd)\b")
# the paper itself ("Met deze brief …", "in dit schrijven"): what acts, never what is acted on
_SELF = re.compile(r"(?:deze|dit|onderhavige|bijgaande)\s+(?:brief|schrijven)\b", re.I)
# what ends the verb's clause after its object: a particle or predicate of the verb ("kom ik deze toezegging
# na", "beschouw ik de motie als afgedaan", "is de motie aangenomen"), no part of the name
_CLAUSE_TAIL = re.compile(
    r"(?:\s+(?:als|na|gestand|tegemoet|uit|afgedaan|uitgevoerd|aangenomen|beantwoord|gedaan|nagekomen|voldaan))+$"
)


def target_text(sentence: str, cue: re.Match[str]) -> str | None:
    """The words that name what is acted on: from the first naming phrase at or after the cue (a motion,
    a toezegging, a request, questions, a letter) up to the end of its phrase.

    >>> for s in (
    ...     "Ter uitvoering van de motie van het lid Van Dijk over de wachttijden, stuur ik u dit.",
    ...     "In antwoord op de vragen van de heer A. Jansen over de zorg deel ik u mede dat het goed gaat.",
    ...     "Ter uitvoering van mijn toezegging, gedaan bij de Memorie van Antwoord, bied ik u de nota aan.",
    ...     "Naar aanleiding van de in het Verslag gemaakte opmerkingen heeft de ondergeteekende de eer …",
    ...     "Dit is later dan eerder voorzien, omdat de onderzoekers meer tijd nodig hebben.",
    ...     "Met deze brief kom ik deze toezegging na.",
    ...     "Daarmee is voldaan aan de motie van het lid Boswijk (Kamerstuk 21 501-32, nr. 1520).",
    ...     "Met deze brief informeer ik u over de zaak, zoals toegezegd in het commissiedebat van 12 maart.",
    ... ):
    ...     print(target_text(s, relation_of(s)[1]))
    de motie van het lid Van Dijk over de wachttijden
    de vragen van de heer A. Jansen over de zorg
    mijn toezegging, gedaan bij de Memorie van Antwoord
    de in het Verslag gemaakte opmerkingen
    None
    deze toezegging
    de motie van het lid Boswijk (Kamerstuk 21 501-32, nr. 1520)
    in het commissiedebat van 12 maart
    """
    m = _naming(sentence, cue.start()) or _naming(sentence, 0)
    rest = sentence[m.start() :] if m else sentence[cue.end() :].lstrip()
    flat = inner_dots(rest)
    end = _TARGET_END.search(flat, 1)  # "vragen van de heer A. Jansen": an initial ends nothing
    if end and _PARTICIPLE_AFTER.match(flat, end.start()):
        # "mijn toezegging, gedaan bij de Memorie van Antwoord, …": the participle phrase names it too
        end = _TARGET_END.search(flat, end.end())
    words = rest[: end.start() if end else len(rest)]
    if words.count("(") > words.count(")"):  # a citation in brackets the comma cut: whole, or none of it
        close = rest.find(")", len(words))
        words = rest[: close + 1] if 0 <= close - len(words) < 80 else words[: words.rfind("(")]
    words = _CLAUSE_TAIL.sub("", words.strip(" ,.;:")).strip(" ,.;:")
    if m is None and len(words.split()) < 2:
        return None  # "… meer tijd nodig hebben.": no phrase names what is acted on, one word is none
    return words or None


def _naming(sentence: str, pos: int) -> re.Match[str] | None:
    """The first phrase at or after ``pos`` that names what is acted on, the paper itself passed over."""
    naming: re.Pattern[str] = cues()["target_re"]
    while (m := naming.search(sentence, pos)) is not None:
        own = _SELF.match(sentence, m.start())
        if own is None:
            return m
        pos = own.end()
    return None


def answers_in_context(sentence: str, before: list[str]) -> str | None:
    """What a letter's answering sentence without a cue answers, from the sentences before it that tell
    what was asked: the words that name the request, or None when nothing was asked.

    >>> answers_in_context("Ik bericht u thans als volgt.", ["In uw brief van 3 mei vraagt u de kosten."])
    'uw brief van 3 mei vraagt u de kosten'
    >>> answers_in_context("Ik bericht u thans als volgt.", ["Het regent."]) is None
    True
    >>> answers_in_context("Ik kan u het volgende mede-delen.", ["De heer A heeft mij ge-vraagd of het kan."])
    'De heer A heeft mij ge-vraagd of het kan'
    """
    if _QUESTION.search(sentence) or not cues()["delivers_re"].search(unbroken(sentence)):
        return None
    return asked(before)


def asked(before: list[str]) -> str | None:
    """The words that name what the sentences before an answer say was asked (the nearest first).

    >>> asked(["In uw brief van 3 mei vraagt u de kosten.", "Het regent."])
    'uw brief van 3 mei vraagt u de kosten'
    """
    c = cues()
    for prev in reversed(before):
        if c["asked_re"].search(unbroken(prev)) and not _QUESTION.search(prev):
            m = c["target_re"].search(prev) or c["asked_re"].search(prev)
            words = (prev[m.start() :] if m else prev).strip(" ,.;:")
            return words[:200] or None
    return None


CONTEXT = 3  # sentences before an uncued answer that may say what was asked


@stage("follow_ups.cues", writes="follow_ups")
def cue_sentences(chunk: Chunk) -> list[FollowUp]:
    """Every sentence with a follow-up cue, target unresolved; in a letter also the sentence that answers
    what the sentences before it say was asked (the first such sentence, when nothing answered before it)."""
    out: list[FollowUp] = []
    letter = chunk.structure.meta.kind == "brief"
    # an Aanhangsel's answers are what the paper is, no follow-ups of it: its body begins after the heading
    body = aanhangsel.answer_start(chunk.text) if chunk.structure.meta.kind == "antwoord" else None
    texts = [chunk.text[s.start : s.end] for s in chunk.sentences]
    acted: set[int] = set()
    answered = False  # once a letter answers, what follows explains
    written = chunk.structure.reference_date  # the paper's date, or the best the paper gives
    modern = written is not None and written.isoformat() >= cues()["recalled_promise"]["since"]
    for i, (sent, text) in enumerate(zip(chunk.sentences, texts, strict=True)):
        found = relation_of(text)
        before = [texts[k] for k in range(max(0, i - CONTEXT), i) if k not in acted]
        if found is not None:
            rel, cue = found
            words = target_text(unbroken(text), cue)
            in_body = body is not None and sent.start >= body
            asking = body is not None and sent.end <= body  # wholly in the members' part, before the answer
            addressed = cues()["addressed_re"].search(text)
            if rel == "answers" and in_body and not addressed:
                continue  # "De eerste drie vragen beantwoord ik bevestigend.": the answer itself
            if rel != "postpones" and asking and not addressed:
                continue  # the members' "Toelichting Het betreft hier vragen gesteld op … en beantwoord op …"
            if rel == "fulfils" and in_body and _recalled_by_others(text, cue):
                continue  # "Overigens heeft de Staatssecretaris … toegezegd …": history the answer tells
            if rel == "fulfils" and modern and _only_recalled(text, cue):
                continue  # "In het debat van 21 juni heb ik toegezegd u te informeren …": history today
            if i - 1 in acted and out[-1].relation == rel and _same_act(rel, text, cue):
                continue  # "De reden van het uitstel is: …", "Ter voldoening aan deze belofte doe ik U …"
            if words is None and rel == "answers":  # "… heb ik de eer U het volgende mede te deelen"
                words = asked(before)
            out.append(FollowUp(rel, None, chunk.span(sent.start, sent.end), words))
        else:
            whole = len(before) == min(i, CONTEXT)  # no sentence just before was a follow-up of its own
            if not (letter and not answered and whole and (words := answers_in_context(text, before))):
                continue
            out.append(FollowUp("answers", None, chunk.span(sent.start, sent.end), words))
        acted.add(i)
        answered = answered or out[-1].relation == "answers"
    return out

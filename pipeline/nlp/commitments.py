"""Commitments: toezeggingen, goals (doel) and forecasts (verwachting), per sentence.

Rules are data (``models/patterns/commitments.json``), tried in order; the
first that fires gives the kind. The actor is the subject the rule names
(``De Minister van … zal``, ``verwacht het kabinet``, ``gedaan door de
Minister van …``); ``resolve`` says who ``ik`` and ``die sector`` are. Deadlines come from
``deadlines.py``, resolved against the document's (possibly inferred) date.
Sentences that describe the letter itself (``Daarbij zal het kabinet ook
ingaan op …``) are no promises.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..schema import Commitment, Deadline
from . import rules as rule_files
from .deadlines import Found as DeadlineFound
from .deadlines import find_deadlines, pick
from .stages import Chunk, stage

VERBS = {
    "zal",
    "zullen",
    "heeft",
    "hebben",
    "is",
    "zijn",
    "wordt",
    "worden",
    "verwacht",
    "verwachten",
    "streeft",
    "streven",
    "gaat",
    "gaan",
    "kan",
    "kunnen",
    "wil",
    "willen",
    "moet",
    "moeten",
    "blijft",
    "blijven",
    "deelt",
    "delen",
    "hoopt",
    "hopen",
    "beoogt",
    "beogen",
    "heb",
    "ben",
    "werd",
    "werden",
    "was",
    "waren",
    "tekende",
    "tekenden",
    "zegt",
    "zeggen",
}
LEADING = re.compile(
    r"^(?:(?:Daarnaast|Ook|Verder|Tot\s+slot|Uiteraard|Daarom|Hierop|Vervolgens|Tevens|Voorts|Bovendien|Graag"
    r"|(?:constaterende|overwegende|van\s+mening|gelet\s+op|erkennende)\s+dat|dat|en)"
    r",?\s+)+",
    re.I,
)


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    regex: re.Pattern[str]
    needs_time: bool
    needs_date: bool
    examples: tuple[tuple[str, str], ...]


@dataclass
class Found:
    kind: str
    actor: str | None
    action: str | None
    deadline: DeadlineFound | None
    start: int
    end: int
    rule: str


@lru_cache(maxsize=1)
def load_rules() -> tuple[tuple[Rule, ...], tuple[re.Pattern[str], ...], re.Pattern[str], dict[str, Any]]:
    data: dict[str, Any] = rule_files.load("commitments.json")
    rules = tuple(
        Rule(
            r["id"],
            r["kind"],
            re.compile(r["regex"]),
            r["needs_time"],
            r.get("needs_date", False),
            tuple((e[0], e[1]) for e in r["examples"]),
        )
        for r in data["rules"]
    )
    actors = tuple(re.compile(a) for a in data["actors"])
    return rules, actors, re.compile(data["letter_itself"], re.I), data


def _clean_actor(actor: str) -> str:
    actor = " ".join(actor.split()).strip(" ,;:")
    actor = re.sub(r"^(?:de|het|De|Het)\s+", "", actor)
    return actor[:1].upper() + actor[1:] if actor[:2].lower() != "ik" else actor


def _subject_before(sentence: str, end: int) -> str | None:
    """The noun phrase that opens a sentence, up to its first verb (at most 8 words)."""
    head = LEADING.sub("", sentence[:end])
    words = head.split()
    np: list[str] = []
    for w in words:
        bare = w.strip(",;:").lower()
        if bare in VERBS or (np and re.fullmatch(r"[a-z]+(?:den|ten)", bare)):
            break
        np.append(w)
    if not np or len(np) > 8:
        return None
    return " ".join(np).strip(",;:")


def _actor(rule: Rule, m: re.Match[str], sentence: str, actors: tuple[re.Pattern[str], ...]) -> str | None:
    if rule.id == "register":
        return m.group("actor")
    if rule.id == "toegezegd":
        if m.group("subj2"):
            return m.group("subj2")
        subj = m.group("subj") or ""
        named = [h for a in actors for h in a.finditer(subj)]
        if named:
            return max(named, key=lambda h: h.end()).group(0)
        return LEADING.sub("", subj) or None
    trigger = m.start()
    for a in actors:  # the match itself may open with its actor ("Ik informeer …")
        hit = a.match(sentence, trigger)
        if hit:
            return hit.group(0)
    if rule.id == "verwachting" and re.match(
        r"(?i)naar\s+verwachting|(?:de\s+)?verwachting\s+is", m.group(0)
    ):
        return None
    # inverted word order: the actor follows the verb ("verwacht het kabinet", "zal ik")
    after = sentence[m.start() : m.start() + 60]
    verb = re.match(r"\w+\s+", after)
    if verb:
        for a in actors:
            hit = a.match(after, verb.end())
            if hit:
                return hit.group(0)
    if rule.kind == "doel":
        own = re.search(
            r"\b(?:doelstelling|doel|ambitie|streven)\s+van\s+(.{3,60}?)(?=\s+(?:om|is|was|wordt)\b|,)",
            sentence,
        )
        if own:
            return own.group(1)
    before = [h for a in actors for h in a.finditer(sentence, 0, trigger)]
    if before:
        return max(before, key=lambda h: h.end()).group(0)
    return _subject_before(sentence, trigger)


def find_commitments(text: str, bounds: list[tuple[int, int]], ref_date: dt.date | None) -> list[Found]:
    """Commitments in ``text``, one per sentence at most (``bounds`` are the sentences).

    The actor is as the sentence names it (``ik``, ``het kabinet``); who ``ik``
    is, is ``resolve``'s business.
    """
    rules, actors, letter_itself, _ = load_rules()
    out: list[Found] = []
    for s, e in bounds:
        sentence = text[s:e]
        if len(sentence) < 15 or letter_itself.search(sentence):
            continue
        fired = [(rule, m) for rule in rules if (m := rule.regex.search(sentence)) is not None]
        if not fired:
            continue
        deadlines = find_deadlines(sentence, ref_date)
        for rule, m in fired:
            if rule.needs_time and not deadlines:
                continue
            if rule.needs_date and not any(d.by for d in deadlines):
                continue
            deadline = pick(deadlines)
            if deadline is not None:
                deadline = DeadlineFound(
                    deadline.text, deadline.start + s, deadline.end + s, deadline.by, deadline.rule
                )
            actor = _actor(rule, m, sentence, actors)
            actor = _clean_actor(actor) if actor else None
            out.append(Found(rule.kind, actor, _action(sentence, m, rule), deadline, s, e, rule.id))
            break
    return out


@stage("commitments.rules", writes="commitments", reads=("references",))
def rules(chunk: Chunk) -> list[Commitment]:
    """Toezeggingen, goals and forecasts by the commitment rules; the register id of a registered one."""
    bounds = [(x.start, x.end) for x in chunk.sentences]
    out = []
    for c in find_commitments(chunk.text, bounds, chunk.structure.reference_date):
        ref = None
        if c.rule == "register":
            ref = next((r.id for r in chunk.found.references if c.start <= r.span.start < c.end), None)
        deadline = Deadline(c.deadline.text, c.deadline.by) if c.deadline else None
        out.append(Commitment(c.kind, c.actor, c.action, deadline, chunk.span(c.start, c.end), ref))
    return out


def _action(sentence: str, m: re.Match[str], rule: Rule) -> str | None:
    """What is promised: the sentence from the trigger on, without its full stop."""
    if rule.id == "register":
        return None
    rest = sentence[m.start() :].rstrip(" .")
    return rest or None

"""Deadlines: Dutch time expressions → the last day something is due.

Patterns are data (``models/patterns/deadlines.json``, with examples). A
relative expression (``voor de zomer``, ``dit jaar``) is resolved against the
document's date; a document without a printed date gets one inferred from
the dates it mentions (``document_date``). Vague expressions (``op korte
termijn``) keep their text with ``by = None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import rules as rules_mod
from .dutch import DATE, MONTHS, NUMBERS, ORDINALS


@dataclass(frozen=True)
class DeadlineRule:
    id: str
    rule: str | None
    regex: re.Pattern[str]
    examples: tuple[tuple[str, str, str | None], ...]


@dataclass(frozen=True)
class Found:
    text: str
    start: int
    end: int
    by: str | None
    rule: str


@lru_cache(maxsize=1)
def load_rules() -> tuple[DeadlineRule, ...]:
    data = rules_mod.load("deadlines.json")
    defs: dict[str, str] = data["defs"]
    rules = []
    for p in data["patterns"]:
        alternatives = p["regex"] if isinstance(p["regex"], list) else [p["regex"]]
        for alt in alternatives:
            regex = re.compile(r"\b(?:" + rules_mod.expand(alt, defs) + r")", re.I)
            rules.append(
                DeadlineRule(p["id"], p["rule"], regex, tuple((e[0], e[1], e[2]) for e in p["examples"]))
            )
    return tuple(rules)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(m: re.Match[str], ref: dt.date) -> int:
    return int(m.group("year")) if m.groupdict().get("year") else ref.year


def _resolve(rule: str, m: re.Match[str], ref: dt.date) -> dt.date | None:
    g = m.groupdict()
    explicit = bool(g.get("year"))
    year = _year(m, ref)

    def upcoming(day: dt.date) -> dt.date:
        # a relative expression without a year means the next such moment
        if not explicit and day < ref:
            return day.replace(year=day.year + 1)
        return day

    if rule in ("day", "day_before"):
        day = upcoming(dt.date(year, MONTHS[g["month"].lower()], int(g["day"])))
        return day - dt.timedelta(days=1) if rule == "day_before" else day
    if rule == "before_summer":
        return upcoming(dt.date(year, 6, 30))
    if rule == "end_of_summer":
        return upcoming(dt.date(year, 9, 22))
    if rule == "before_christmas":
        return upcoming(dt.date(year, 12, 19))
    if rule in ("half", "quarter"):
        this = (g.get("this") or "").lower()
        if this in ("volgend", "komend"):
            year = ref.year + 1
        if rule == "half":
            return _last_day(year, 6 if g["half"].lower() == "eerste" else 12)
        q = int(g["q"]) if g.get("q") else ORDINALS[g["ord"].lower()]
        return upcoming(_last_day(year, 3 * q))
    if rule == "end_of_year":
        return dt.date(year, 12, 31)
    if rule == "next_year":
        return dt.date(ref.year + 1, 12, 31)
    if rule == "end_of_month":
        return upcoming(_last_day(year, MONTHS[g["month"].lower()]))
    if rule == "month_before":
        month = MONTHS[g["month"].lower()]
        first = upcoming(dt.date(year, month, 1))
        return first - dt.timedelta(days=1)
    if rule == "year_before":
        return dt.date(year - 1, 12, 31)
    if rule == "in_year":
        return dt.date(year, 12, 31)
    if rule == "within":
        n = g["n"].lower()
        count = NUMBERS.get(n) or int(n)
        unit = g["unit"].lower()
        if unit.startswith("dag"):
            return ref + dt.timedelta(days=count)
        if unit.startswith("we"):
            return ref + dt.timedelta(weeks=count)
        months = count * (12 if unit.startswith("jaar") else 1)
        y, mth = divmod(ref.month - 1 + months, 12)
        return dt.date(ref.year + y, mth + 1, min(ref.day, calendar.monthrange(ref.year + y, mth + 1)[1]))
    return None


def find_deadlines(text: str, ref: dt.date | None) -> list[Found]:
    """Deadline expressions in ``text``, longest first where they overlap.

    >>> [(f.text, f.by) for f in find_deadlines("vóór de zomer van 2016", dt.date(2015, 4, 29))]
    [('vóór de zomer van 2016', '2016-06-30')]
    >>> [(f.text, f.by) for f in find_deadlines("het kabinet verwacht op korte termijn", None)]
    [('op korte termijn', None)]
    """
    hits: list[tuple[int, int, DeadlineRule, re.Match[str]]] = []
    for r in load_rules():
        for m in r.regex.finditer(text):
            hits.append((m.start(), -(m.end() - m.start()), r, m))
    hits.sort(key=lambda h: (h[0], h[1]))
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for start, neg, r, m in hits:
        end = start - neg
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        by = None
        if r.rule is not None and (ref is not None or m.groupdict().get("year")):
            try:
                day = _resolve(r.rule, m, ref or dt.date(int(m.group("year")), 1, 1))
            except (ValueError, KeyError):
                day = None
            by = day.isoformat() if day else None
        out.append(Found(m.group(0).strip(), start, end, by, r.id))
    return out


def pick(found: list[Found]) -> Found | None:
    """The deadline of a sentence: the latest dated one (a sentence that moves a
    deadline names the old one and the new one), else the first vague one."""
    dated = [f for f in found if f.by]
    if dated:
        return max(dated, key=lambda f: f.by or "")
    return found[0] if found else None


def document_date(text: str, printed: str | None) -> dt.date | None:
    """The document's date: as printed, else the latest full date it mentions.

    A letter without a date still says 'op 12 mei 2016' and '15 juni jl.'
    (jl. = of this year): it was written after the latest of them.
    """
    if printed:
        try:
            return dt.date.fromisoformat(printed)
        except ValueError:
            pass
    dates: list[dt.date] = []
    for m in DATE.finditer(text):
        try:
            dates.append(dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))))
        except ValueError:
            continue
    if not dates:
        return None
    latest = max(dates)
    for m in re.finditer(rf"\b(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+jl\.", text, re.I):
        try:
            latest = max(latest, dt.date(latest.year, MONTHS[m.group(2).lower()], int(m.group(1))))
        except ValueError:
            continue
    return latest

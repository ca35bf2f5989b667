"""Deadlines: a small grammar of Dutch time expressions → the last day something is due.

A deadline is a frame applied to a time (``models/patterns/deadlines.json``):

* a **time** denotes a stretch of days: a date (``14 februari a.s.``), a month, a year (``2026``,
  ``dit jaar``, ``volgend jaar``), a half or a quarter, the summer and its recess, Christmas,
  Prinsjesdag, an event (``de begrotingsbehandeling``), or a vague term (``zo spoedig mogelijk``);
* a **frame** says which day of it the promise is due by: ``before`` (``vóór 1 maart``, ``voorafgaand
  aan``) the day before it starts, ``by`` (``uiterlijk``, ``op``, ``in``, ``eind``, ``tot en met``) its
  last day, ``none`` (``na``, ``vanaf``, ``medio``, ``begin``) no day at all.

Relative times resolve against the document's date; a time without a year means the next one to come.
Events, seasons other than the summer, relative spans (``binnen zes weken``) and vague terms keep their
text with ``by = None`` — never a guess. ``voor de zomer`` is due by 30 June, as the annotation rules say.

>>> [(f.text, f.by) for f in find_deadlines("vóór de zomer van 2016", dt.date(2015, 4, 29))]
[('vóór de zomer van 2016', '2016-06-30')]
>>> [(f.text, f.by) for f in find_deadlines("het kabinet verwacht op korte termijn", None)]
[('op korte termijn', None)]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import rules as rules_mod
from .dutch import DATE, MONTHS


@dataclass(frozen=True)
class Found:
    text: str
    start: int
    end: int
    by: str | None
    rule: str


@dataclass(frozen=True)
class Grammar:
    regex: re.Pattern[str]
    times: tuple[tuple[str, str], ...]  # (group name, kind)
    frames: tuple[tuple[str, str], ...]  # (group name, rule)
    examples: tuple[tuple[str, str, str | None], ...]


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    data = rules_mod.load("deadlines.json")
    times, frames = [], []
    time_alts, frame_alts = [], []
    for t in data["times"]:
        name = f"t_{t['id']}"
        times.append((name, t["kind"]))
        time_alts.append(f"(?P<{name}>{_unique(t['regex'], name)})")
    for f in data["frames"]:
        name = f"f_{f['id']}"
        frames.append((name, f["rule"]))
        frame_alts.append(f"(?P<{name}>{f['regex']})")
    regex = re.compile(r"\b(?:" + "|".join(frame_alts) + r")?(?:" + "|".join(time_alts) + r")", re.I)
    examples = tuple((e[0], e[1], e[2]) for e in data["examples"])
    return Grammar(regex, tuple(times), tuple(frames), examples)


def _unique(regex: str, prefix: str) -> str:
    """Named groups made unique (``year`` → ``t_date__year``, again ``t_date__year__2``) for one regex."""
    seen: dict[str, int] = {}

    def rename(m: re.Match[str]) -> str:
        seen[m.group(1)] = seen.get(m.group(1), 0) + 1
        n = seen[m.group(1)]
        return f"(?P<{prefix}__{m.group(1)}{'' if n == 1 else f'__{n}'}>"

    return re.sub(r"\(\?P<(\w+)>", rename, regex)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _prinsjesdag(year: int) -> dt.date:
    """The third Tuesday of September."""
    first = dt.date(year, 9, 1)
    return first + dt.timedelta(days=(1 - first.weekday()) % 7 + 14)


def _group(m: re.Match[str], prefix: str, name: str) -> str | None:
    """A named part of a time, whichever of its alternatives matched."""
    key = f"{prefix}__{name}"
    return next(
        (v for k, v in m.groupdict().items() if v is not None and (k == key or k.startswith(key + "__"))),
        None,
    )


def _relative_year(rel: str, ref: dt.date) -> int:
    rel = " ".join(rel.lower().split())
    if rel.startswith(("volgend", "komend", "het komende", "het volgende")):
        return ref.year + 1
    if rel.startswith("vorig"):
        return ref.year - 1
    return ref.year


_ORDINALS = {"eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2, "derde": 3, "3e": 3, "3de": 3}
_ORDINALS.update({"vierde": 4, "4e": 4, "4de": 4, "laatste": 4})


def _week(year: int, month: int, ordinal: str) -> tuple[dt.date, dt.date]:
    """The n-th week of a month: weeks run Monday to Sunday, and the first holds the month's first Thursday.

    >>> _week(1989, 1, "tweede")
    (datetime.date(1989, 1, 9), datetime.date(1989, 1, 15))
    """
    if ordinal == "laatste":
        end = _last_day(year, month)
        thursday = end - dt.timedelta(days=(end.weekday() - 3) % 7)
    else:
        first = dt.date(year, month, 1)
        thursday = first + dt.timedelta(days=(3 - first.weekday()) % 7, weeks=_ORDINALS[ordinal] - 1)
    monday = thursday - dt.timedelta(days=3)
    return monday, monday + dt.timedelta(days=6)


def stretch(m: re.Match[str], name: str, kind: str, ref: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a time names (None when it names none a calendar can fix)."""

    def g(key: str) -> str | None:
        return _group(m, name, key)

    if kind == "schoolyear":  # "het schooljaar 1980/1981": 1 August to 31 July
        first_year = int(g("y1") or 0)
        return dt.date(first_year, 8, 1), dt.date(first_year + 1, 7, 31)
    year_text, rel = g("year"), g("rel")
    explicit = year_text is not None
    if year_text:
        year = int(year_text)
    elif g("yy"):
        year = 2000 + int(g("yy") or 0)
        explicit = True
    elif rel and ref:
        year, explicit = _relative_year(rel, ref), True
    elif ref:
        year = ref.year
    else:
        return None

    def ahead(first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
        # a time without a year is the next one to come
        if not explicit and ref is not None and last < ref:
            return first.replace(year=first.year + 1), last.replace(year=last.year + 1)
        return first, last

    if kind == "day":
        month = MONTHS[(g("month") or "").lower().rstrip(".")]
        day = dt.date(year, month, int(g("day") or 1))
        return ahead(day, day)
    if kind == "month":
        month = MONTHS[(g("month") or "").lower().rstrip(".")]
        return ahead(dt.date(year, month, 1), _last_day(year, month))
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind == "week":  # "de tweede week van januari"
        month = MONTHS[(g("month") or "").lower().rstrip(".")]
        first, last = _week(year, month, (g("ord") or "").lower())
        if not explicit and ref is not None and last < ref:
            first, last = _week(year + 1, month, (g("ord") or "").lower())
        return first, last
    if kind == "half":
        first_half = (g("half") or "").lower() == "eerste"
        if g("month"):  # half of a month
            month = MONTHS[(g("month") or "").lower().rstrip(".")]
            last = _last_day(year, month)
            return ahead(
                dt.date(year, month, 1 if first_half else 16),
                dt.date(year, month, 15) if first_half else last,
            )
        return (
            (dt.date(year, 1, 1), dt.date(year, 6, 30))
            if first_half
            else (dt.date(year, 7, 1), dt.date(year, 12, 31))
        )
    if kind == "quarter":
        q = int(g("q") or 0) or _ORDINALS[(g("ord") or "").lower()]
        return ahead(dt.date(year, 3 * q - 2, 1), _last_day(year, 3 * q))
    if kind == "summer":  # as the annotation rules have it: the summer (recess) begins after June
        return ahead(dt.date(year, 7, 1), dt.date(year, 8, 31))
    if kind == "christmas":  # the Christmas recess begins around 20 December, Christmas itself on the 25th
        begins = 20 if "reces" in m.group(0).lower() else 25
        return ahead(dt.date(year, 12, begins), dt.date(year, 12, 31))
    if kind == "prinsjesdag":
        day = _prinsjesdag(year)
        return ahead(day, day)
    return None  # events and vague terms: no day


# "de begroting voor 1995", "de ramingen voor 1994": 'voor' names the year a budget is for
# ("de begroting van mijn departement voor 1961", "de rijksbijdrage voor 1980 aan gemeenten" too)
_BUDGET_FOR = re.compile(
    r"\b(?:\w*be-?\s?groo?ting\w*|ramingen?|tarieven|programma|budget|cijfers|Miljoenennota|\w*bijdragen?|"
    r"uitkeringen?|subsidies?|accres|uitgaven|ontvangsten|kredieten|premies?|bedragen?|percentages?)"
    r"(?:\s+van\s+(?:mijn|ons|het|de|dit|dat|deze)\s+[\w-]+)?\s+$",
    re.I,
)
# "… is voor 1979 verlaagd met …, en zal voor 1980 worden verlaagd met een bedrag": an amount for that year
_AMOUNT_FOR = re.compile(
    r"(?:\s+(?:zal|zullen|wordt|worden|is|zijn|werd|werden))?(?:\s+\w+){0,2}?\s+(?:worden\s+)?"
    r"(?:ver-?\s?laagd|ver-?\s?hoogd|ge-?\s?raamd|be-?\s?groot|ver-?\s?minderd|ver-?\s?meerderd|ge-?\s?kort"
    r"|bij-?\s?gesteld)\s+(?:met(?:een)?|tot|op)\b",  # OCR joins "met een": "meteen"
    re.I,
)
# an article before 'voor 1979' makes the year an attribute ("de voor 1985 geraamde kosten", "Het voor 1979
# incidenteel toevoegen …"); "het" only when it opens the text, where it is no object ("zal ik het voor 1990")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Dd]e|[Ee]en)\s+$")
_OPENING_HET = re.compile(r"\W*[Hh]et\s+")
# "bij (de indiening van) de begroting voor 1995": an event all the same
_AT_BUDGET = re.compile(r"\bbij\s+(?:de\s+)?(?:(?:\w+\s+){1,2}van\s+de\s+)?\w*begroo?ting\s+$", re.I)
# a frameless year right after a name, an abbreviation or a plan, law or budget is part of that name
_YEAR_LIST = re.compile(r"\s*(?:,|en|of|t/m)\s*")  # between the years of one name
_NAMED_YEAR = re.compile(
    r"(?:(?:(?<=[\w,;:(] )(?-i:[A-Z][\w-]*)|(?<=[«\x22\u201e\u201c\u2018'])(?-i:[A-Z][\w-]*)"  # «Titel 1992»
    r"|\b(?-i:[A-Z]{2,}[\w-]*)|\w*(?:wet|plan|akkoord|nota|begroting|"
    r"verdrag|besluit|programma|agenda|regeling|overeenkomst|rapport|verslag|jaarverslag|conventie|statistiek"
    r"|gravenhage|uitgeverij)(?:en|s)?)"  # and the printer's colophon: "Sdu Uitgeverij … 's-Gravenhage 1992"
    # one word of the name may stand between ("het Uitvoeringsbesluit omzetbelasting 1968"), not a time's
    r"(?:\s+(?!(?:in|voor|vóór|na|per|uiterlijk|eind|begin|medio|tot|op|rond|vanaf|sinds|dit|dat)\b)[a-z]\w+)?"
    r"|\bover"  # "de statistiek over 1929": the year a paper is about
    # "het reglement van 1846", "voor het dienstjaar 1930": what a thing is of
    r"|\bvan|\w+jaar|\bdienst)\s+$",
    re.I,
)
# a number that counts something is no year: "de genoemde 2000 m3 hout", "1990 woningen"
_COUNTED = re.compile(
    # ("m" alone, or as OCR reads m³: "2000 m;!"; not "1990 m.b.t." nor the verb "plaatsen")
    r"\s*(?:m(?:[;:!²³23]|\b(?!\.))|ha\b|hectare|km|kg|ton\b|liter|gulden|procent|%|personen|woningen|"
    r"leerlingen|arbeidsplaatsen|stuks|exemplaren|banen)",
    re.I,
)


_THAT_YEAR = re.compile(r"\bdat\s+(?:kalender|begrotings)?jaar\b", re.I)
_YEAR_SAID = re.compile(r"(?<![\d/.-])(?:18|19|20)\d\d(?![\d/.-])")
_PAST_MARK = re.compile(r"\s*(?:jl\b|j\.\s?l\.|jongstleden\b|l\.l\.)", re.I)


def find_deadlines(text: str, ref: dt.date | None) -> list[Found]:
    """Deadline expressions in ``text``, with the day each is due by where a calendar can fix it.

    >>> found = find_deadlines("Ik informeer u uiterlijk in maart 2016.", dt.date(2015, 11, 1))
    >>> [(f.text, f.by) for f in found]
    [('uiterlijk in maart 2016', '2016-03-31')]
    >>> find_deadlines("De Visserijwet 1963 en de Wiv 2017 blijven van kracht.", dt.date(2015, 11, 1))
    []
    >>> find_deadlines("het artikel van 3 februari jl.", dt.date(2015, 11, 1))
    []
    >>> find_deadlines("Het reglement van 1846 en de 2000 m3 hout voor het dienstjaar 1930.", None)
    []
    """
    gr = grammar()
    out: list[Found] = []
    named_end = -1  # where the last year of a name ended: "de jaarverslagen 1984 en 1985" names both
    for m in gr.regex.finditer(text):
        name, kind = next((n, k) for n, k in gr.times if m.group(n) is not None)
        rule = next((r for n, r in gr.frames if m.group(n) is not None), None)
        if (
            name == "t_year"
            and rule is None
            and (
                _NAMED_YEAR.search(text, max(0, m.start() - 40), m.start())
                or _YEAR_LIST.fullmatch(text, named_end, m.start())
            )
        ):
            named_end = m.end()
            continue  # a year in a name: "de Visserijwet 1963", "(Wiv 2017)", "de begroting 1990"
        before = text[max(0, m.start() - 60) : m.start()] if name == "t_year" else ""
        voor = m.group(0).lower().startswith(("voor ", "vóór "))
        if voor and name == "t_year" and _AMOUNT_FOR.match(text, m.end()):
            continue  # "zal voor 1980 worden verlaagd met een bedrag van …": the year an amount is for
        if (
            voor
            and name == "t_year"
            and (
                _ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start())
                or _OPENING_HET.fullmatch(text, 0, m.start())
            )
        ):
            continue  # "het voor 1979 incidenteel toevoegen", "de voor 1985 geraamde kosten"
        if before and m.group(0).lower().startswith("voor ") and _BUDGET_FOR.search(before):
            # "de begroting voor 1995" is the budget of a year, no time by; "bij (de indiening van) de
            # begroting voor 1995" is a time all the same, bound to that event
            at = _AT_BUDGET.search(before)
            if at:
                s = m.start() - len(before) + at.start()
                out.append(Found(text[s : m.end()].strip(), s, m.end(), None, "event"))
            continue
        if name == "t_year" and _COUNTED.match(text, m.end()):
            continue  # "2000 m3 hout": a count
        if kind == "event" and rule is None:
            continue  # "In deze periode zal het bestuurlijk overleg plaatsvinden": the event, not a time by
        if _PAST_MARK.match(text, m.end()):
            continue  # "3 februari jl.": a day gone by, no deadline
        year_ref = ref
        if _THAT_YEAR.search(m.group(0)):  # "in 1971 te voltooien, en in dat jaar zal …": that year, 1971
            earlier = list(_YEAR_SAID.finditer(text, 0, m.start()))
            if not earlier:
                continue  # a year said in another sentence: no day here
            year_ref = dt.date(int(earlier[-1].group(0)), 7, 1)
        try:
            days = stretch(m, name, kind, year_ref) if kind not in ("vague", "event") else None
        except (ValueError, KeyError):  # a date that cannot exist ("31 februari"), a month OCR broke
            days = None
        by = due(rule, kind, days, _is_end(m))
        found = m.group(0).rstrip()
        out.append(
            Found(found.strip(), m.start(), m.start() + len(found), by.isoformat() if by else None, name[2:])
        )
    return _dated_events(text, out)


def _dated_events(text: str, found: list[Found]) -> list[Found]:
    """An event dated in the same phrase ("voorafgaand aan het Wetgevingsoverleg … op 20 juni") is due
    the day before that date."""
    out: list[Found] = []
    skip: set[int] = set()
    for k, f in enumerate(found):
        if k in skip:
            continue
        nxt = found[k + 1] if k + 1 < len(found) else None
        before = re.match(
            r"(?i)(?:nog\s+)?(?:ruim\w*\s+)?(?:uiterlijk\s+)?(?:vóór|voor|voorafgaand\w*\s+aan)\b", f.text
        )
        if (
            f.rule == "event"
            and before
            and nxt is not None
            and nxt.rule == "date"
            and nxt.by
            and nxt.start - f.end <= 90
            and not re.search(r"[.;!?]", text[f.end : nxt.start])
            and re.match(r"(?i)op\b", nxt.text)
        ):
            day = dt.date.fromisoformat(nxt.by) - dt.timedelta(days=1)
            out.append(Found(text[f.start : nxt.end], f.start, nxt.end, day.isoformat(), "event"))
            skip.add(k + 1)
            continue
        out.append(f)
    return out


def due(rule: str | None, kind: str, days: tuple[dt.date, dt.date] | None, end_of: bool) -> dt.date | None:
    """The day a frame (``before``, ``by``, ``from``, ``none`` or no frame) makes a time due by."""
    if days is None or rule == "none":
        return None
    first, last = days
    if rule == "from":  # "vanaf 1 januari 1985", "met ingang van 1 juli": that day; from a year, none
        return first if kind == "day" else None
    if kind == "summer":  # "voor de zomer" is due by 30 June; "eind van de zomer" by its astronomical end
        if end_of:
            return dt.date(first.year, 9, 22)
        return dt.date(first.year, 6, 30) if rule == "before" else None
    if rule == "before":
        return last if end_of else first - dt.timedelta(days=1)
    return last


def _is_end(m: re.Match[str]) -> bool:
    return bool(re.search(r"\beind(?:e)?\s+van\b", m.group(0), re.I))


def pick(found: list[Found]) -> Found | None:
    """The deadline of a sentence: the latest dated one (a sentence that moves a deadline names the old one
    and the new one), else the first without a day."""
    dated = [f for f in found if f.by]
    if dated:
        return max(dated, key=lambda f: f.by or "")
    return found[0] if found else None


def document_date(text: str, printed: str | None) -> dt.date | None:
    """The document's date: as printed, else the latest full date it mentions.

    A letter without a date still says 'op 12 mei 2016' and '15 juni jl.' (jl. = of this year): it was
    written after the latest of them.
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

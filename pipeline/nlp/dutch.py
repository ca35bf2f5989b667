"""The Dutch words every rule shares, in one place: months, numbers, name particles, abbreviations.

>>> MONTHS["mrt"], NUMBERS["zeven"], ORDINALS["derde"]
(3, 7, 3)
>>> iso_date("21 december 2023"), iso_date("3 mrt. 2016"), iso_date("31 februari 2016"), iso_date("geen")
('2023-12-21', '2016-03-03', None, None)
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
    # older spellings of the archive
    "january": 1,
    "januarij": 1,
    "februarij": 2,
    "october": 10,
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_NAMES = tuple(next(k for k, v in MONTHS.items() if v == n) for n in range(1, 13))  # as written today
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# "21 december 2023", "3 mrt. 2016", "1 januari 1994"; OCR puts spaces inside the numbers
DATE = re.compile(rf"\b(\d{{1,2}})\s*(?:e\s+)?({MONTH_RE})\.?\s+((?:1[89]|20)\d\d)\b", re.IGNORECASE)

# the id a printed Kamerstuk or Aanhangsel puts in its colophon, lower case: "kst-36410-XVI-87",
# "ah-tk-20232024-1523"; and the series' ISSN ("ISSN 0921 - 7371", a check digit X possible)
COLOPHON_ID = r"(?:kst|ah-[te]k|h-[te]k|blg|stb|stcrt)-\d[\w()-]*"
ISSN = r"ISSN[ \t]+\d{4}[ \t]*-?[ \t]*\d{3}[\dXx]"

# OCR keeps the hyphen of a word broken at a line end ("be-richten", "ge-vraagd", "De-cember")
OCR_HYPHEN = re.compile(r"(?<=[a-zà-ÿ])-(?=[a-zà-ÿ])")


# a footnote marker the text layer glued to the word it annotates ("schriftelijk1 toegezegd", "zeg ik toe1",
# "ter kennisneming toekomen1."): one or two digits after a word of six lower-case letters or more (or
# the particle "toe"), before a space or a stop. Codes keep theirs: "box3", "groep8", "mbo2", "covid19",
# "jaren60", "m2", "CO2", "2016" have fewer letters, capitals or more digits.
FOOTNOTE_MARK = re.compile(r"(?:(?<=[a-zà-ÿ]{6})|(?<=\btoe))\d{1,2}(?=[\s,.;:)]|$)")


def unbroken(text: str) -> str:
    """Text as the cues read it: the hyphens OCR kept inside words broken at a line end removed, and the
    footnote markers glued to a word.

    >>> unbroken("De heer Vredeling heeft mij ge-vraagd")
    'De heer Vredeling heeft mij gevraagd'
    >>> unbroken("Zoals eerder schriftelijk1 toegezegd, stuur ik u het rapport2. Het gaat om box3 en groep8.")
    'Zoals eerder schriftelijk toegezegd, stuur ik u het rapport. Het gaat om box3 en groep8.'
    """
    return FOOTNOTE_MARK.sub("", OCR_HYPHEN.sub("", text))


def joined(text: str, joins: re.Pattern[str]) -> tuple[str, list[int]]:
    """``text`` with what ``joins`` matches taken out (a line break becomes a space), and where each
    character came from: ``where[i]`` is the offset in ``text`` of character ``i``, one more for the end.

    References join a citation wrapped over lines (``nr. 8-⏎7`` is ``nr. 87``); with ``OCR_HYPHEN`` the
    hyphens OCR left inside words go, and what is found in the result maps back to the text as printed.

    >>> flat, where = joined("in ja-nuari 1990", OCR_HYPHEN)
    >>> flat, "in ja-nuari 1990"[where[3] : where[len(flat) - 1] + 1]
    ('in januari 1990', 'ja-nuari 1990')
    """
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in joins.finditer(text):
        out.append(text[pos : m.start()])
        where.extend(range(pos, m.start()))
        if m.group(0) == "\n":
            out.append(" ")
            where.append(m.start())
        pos = m.end()
    out.append(text[pos:])
    where.extend(range(pos, len(text) + 1))
    return "".join(out), where


NUMBERS: dict[str, int] = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "twintig": 20,
    "dertig": 30,
}
ORDINALS: dict[str, int] = {
    "eerste": 1,
    "1e": 1,
    "1ste": 1,
    "tweede": 2,
    "2e": 2,
    "2de": 2,
    "derde": 3,
    "3e": 3,
    "3de": 3,
    "vierde": 4,
    "4e": 4,
    "4de": 4,
}
# name particles: kept in a printed surname ("Van der Plas"), ignored when names are compared
TUSSENVOEGSELS = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "ter",
        "ten",
        "het",
        "'t",
        "te",
        "in",
        "op",
        "le",
        "el",
        "la",
        "d'",
        "du",
        "von",
    ]
)
# abbreviations after which a full stop ends no sentence (lower case, without the last dot)
ABBREVIATIONS = frozenset(
    [
        "nr",
        "nrs",
        "d.d",
        "dd",  # "de implementatiebrief dd. 5 april 1990"
        "trb",
        "hfdst",
        "nos",
        "afd",
        "e.a",
        "e.v",
        "d.w.z",
        "o.m",
        "t.v.v",
        "c.s",
        "jl",
        "o.a",
        "blz",
        "p",
        "pp",
        "art",
        "lid",
        "mr",
        "dr",
        "drs",
        "ir",
        "prof",
        "ing",
        "bijv",
        "e.d",
        "etc",
        "i.v.m",
        "m.b.t",
        "resp",
        "incl",
        "excl",
        "vs",
        "ca",
        "st",
        "stb",
        "stcrt",
        "trb",
        "kamerstuk",
        "z.g",
        "zgn",
        "a.s",
        "j.l",
        "t.a.v",
        "i.o.m",
        "i.o",  # "in oprichting": "Stichting X i.o. heeft …"
        "m.i.v",
        "n.a.v",
        "t.b.v",
        "v.w.b",
        "vgl",
        "zie",
        "al",
        "alg",
        "dhr",
        "mevr",
        "min",
        "stas",
        "red",
        "afk",
        "enz",
        "evt",
        "mln",
        "mld",
        "ha",
        "km",
        "vz",
        "bijl",
        "pag",
        "mw",
        "wv",
        "plv",
        "hr",
        "no",
        "jo",
        "sr",
        "jr",
        "gr",
        "nl",
    ]
)
# initials of more than one letter, a title and a rank before a name, as the archive prints them (Th. 38
# times, Ch. 12, Maj. 12, Ph. 7, …: "den heer ir. Ch. G. Cramer"): capitalised and a word of their own, for
# "overleg-gen." ends a sentence
NAME_ABBREVIATION = re.compile(r"(?:(?<=[\s(])|^)(?:Ch|Chr|Th|Ph|Joh|Abr|Jhr|Maj)$")
# spellings the tokenizer must keep as one token
TOKEN_EXCEPTIONS = [
    "nr.",
    "nrs.",
    "Nr.",
    "Nrs.",
    "d.d.",
    "t.v.v.",
    "c.s.",
    "C.S.",
    "jl.",
    "o.a.",
    "blz.",
    "p.",
    "pp.",
    "art.",
    "Stb.",
    "Stcrt.",
    "i.v.m.",
    "m.b.t.",
    "t.a.v.",
    "n.a.v.",
    "t.b.v.",
    "v.w.b.",
    "bijv.",
    "e.d.",
]


def iso_date(text: str) -> str | None:
    """The first full date in ``text`` as ``YYYY-MM-DD`` (None if there is none or it cannot exist)."""
    m = DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))).isoformat()
    except ValueError:
        return None


def fix_toevoeging(t: str | None) -> str | None:
    """Repair OCR damage in a roman-numeral toevoeging: ``VI11`` → ``VIII``, ``V1`` → ``VI``.

    >>> fix_toevoeging("VI11"), fix_toevoeging("V1"), fix_toevoeging("A"), fix_toevoeging("02")
    ('VIII', 'VI', 'A', '02')
    >>> fix_toevoeging("VIM")  # OCR reads a closing "II" as "M"
    'VIII'
    """
    if t and re.fullmatch(r"[IVX]+M", t):
        t = t[:-1] + "II"
    if t and re.fullmatch(r"[IVXLC1l|]+", t) and re.search(r"[IVXLC]", t):
        return re.sub(r"[1l|]", "I", t)
    return t


# words that say nothing about a subject ("de motie over de wachttijden in de ggz" → wachttijden, ggz)
STOPWORDS = frozenset(
    """aan al alle als andere bij bijvoorbeeld dan dat de deze die dit door een eens en er etc ge geen haar
    had heb hebben heeft het hier hij hoe hun ik in is je kan kon kunnen maar me meer men met mij mijn na
    naar niet nog nu of om omdat ons onze ook op over per te ten ter tot tussen u uit uw van veel voor
    waar wat we wel werd wie wij wil worden wordt zal ze zich zij zijn zo zonder zou zullen motie moties
    lid leden kamer regering kabinet verzoekt verzoek gehoord beraadslaging constaterende overwegende
    mogelijk mogelijkheden manier wijze onder andere ervoor daarbij hierbij waarbij hiervan""".split()  # noqa: SIM905
)

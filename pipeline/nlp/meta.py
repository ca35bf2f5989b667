"""Readers of what a paper prints about itself: title, date, number, signers.

Plain functions over the normalized text (and the running lines the layout
stage took out of it), so XML, born-digital PDF and scan are read by the
same rules; ``kinds.py`` decides which of them a kind of paper uses.
Nothing is taken from the file name.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from ..schema import Author, KamerstukId
from . import aanhangsel
from .dutch import COLOPHON_ID, MONTH_RE, MONTHS, TUSSENVOEGSELS, fix_toevoeging

VERGADERJAAR = re.compile(r"\bvergaderjaar\s+((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)?\d\d)\b", re.I)
# set in capitals; typos in the words before the names occur ("VAN DE HET LID", "VAN HET EL …")
MOTION_TITLE = re.compile(
    r"\b((?:(?:TWEEDE\s+|DERDE\s+)?NADER\s+)?(?:GEWIJZ[A-Z]*\s+)?"
    r"MOTIE\s+(?:(?:VAN|HET|DE|DEN)\s+)+[A-Z][A-Z'’.\-]*(?: [A-Z'’.\-]+(?!\w))*"
    r"[^\n]*?)(?=\s+(?:TER\s+VERVANGING|Voorgesteld|De\s+Kamer\b)|\n|$)",
)
AMENDMENT_TITLE = re.compile(r"\b((?:GEWIJZIGD\s+)?AMENDEMENT\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\b[^\n]*)")
PROPOSED = re.compile(rf"\bVoorgesteld\b[^\n]{{0,120}}?\b(\d{{1,2}}\s*(?:{MONTH_RE})\.?\s+\d{{4}})", re.I)
# the closing formula the indieners sign under; unlike motions.ORDE (the dictum's end) not where OCR glued it
# ("gaat overtot", 4 of the 731 archive moties and amendementen): in those scans the names after it share a
# line with each other or the footer ("Pronk Tweede Kamer, zitting …"), and the title names them one by one
ORDE = re.compile(r"en\s+gaat\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\W*", re.I)
NAME_LINE = re.compile(
    r"^(?:[A-Z]\.\s?){0,5}\s*(?:(?:[Vv]an|[Dd]e|der|den|ter|ten|[Hh]et|'t|in\s+'t|[Tt]e|[Ll]e|[Ee]l)\s+)*"
    r"[A-ZÀ-Ý][\w'’.ëéèïöüç-]*(?:[ -](?:(?:van|de|der|den|ter|ten)\s+)*[A-ZÀ-Ý][\w'’ëéèïöüç-]+)*$"
)


def head(text: str, size: int = 1500) -> str:
    return text[:size]


def motion_title(text: str) -> str | None:
    """The motion's title in capitals, without the "Voorgesteld" line OCR ran into it.

    >>> motion_title("Nr. 103\\nMOTIE VAN HET LID PRONK Voorgesteld 4 april 1979\\nDe Kamer,")
    'MOTIE VAN HET LID PRONK'
    >>> motion_title("Nr. 7\\nMOTIE VAN DE LEDEN VAN DER HEK EN BRINKHORST Voorgesteld 19 december 1978")
    'MOTIE VAN DE LEDEN VAN DER HEK EN BRINKHORST'
    """
    m = MOTION_TITLE.search(head(text, 2500))
    return " ".join(m.group(1).split()) if m else None


def motion_signers(text: str) -> list[str]:
    """Indieners: the name lines after 'en gaat over tot de orde van de dag'.

    >>> motion_signers("verzoekt de regering te gaan,\\n\\nen gaat over tot de orde van de dag.\\n\\n"
    ...                "Koekkoek\\n\\nVan der Plas\\n\\nInge van Dijk")
    ['Koekkoek', 'Van der Plas', 'Inge van Dijk']
    """
    matches = list(ORDE.finditer(text))
    if not matches:
        # no closing formula: the run of name lines at the very end
        tail_names: list[str] = []
        for raw in reversed(re.split(r"\n+", text.rstrip())):
            line = " ".join(raw.split()).strip(" ,.;")
            if not line:
                continue
            if not (NAME_LINE.match(line) and len(line) <= 40):
                break
            tail_names.insert(0, line)
        return tail_names if len(tail_names) <= 12 else []
    tail = text[matches[-1].end() :]
    names: list[str] = []
    for raw in re.split(r"\n+", tail):
        line = " ".join(raw.split()).strip(" ,.;")
        if not line:
            continue
        # several names may share a line ("Boswijk, Bikker"); OCR leaves stray letters
        line = re.sub(r"\s+[a-z]$", "", line)
        parts = [p for p in re.split(r"\s{2,}|\t|,\s*", line) if p.strip()]
        ok = [p.strip(" ,.;") for p in parts if NAME_LINE.match(p.strip(" ,.;")) and len(p) <= 40]
        if not ok or len(ok) != len(parts):
            if names:
                break
            continue
        names.extend(ok)
    return names


@lru_cache(maxsize=1)
def kamerleden() -> dict[str, tuple[str, int]]:
    """Known printed names of Kamerleden: lower-cased → (printed, how often seen)."""
    return {name.lower(): (name, count) for name, count in _name_counts("kamerleden.tsv")}


def _name_counts(lexicon: str) -> list[tuple[str, int]]:
    """A name lexicon of ``models/lexicons``: (name as printed, how often seen) per line, comments skipped."""
    out = []
    for line in resources.read_text("lexicons", lexicon).splitlines():
        if line and not line.startswith("#"):
            name, _, count = line.partition("\t")
            out.append((name, int(count or 1)))
    return out


def _by_length(known: dict[str, tuple[str, int]]) -> dict[int, list[tuple[str, tuple[str, int]]]]:
    """Known names by their length: a snapped name is at most two letters longer, or one shorter."""
    out: dict[int, list[tuple[str, tuple[str, int]]]] = {}
    for key, value in known.items():
        out.setdefault(len(key), []).append((key, value))
    return out


@lru_cache(maxsize=1)
def _kamerleden_by_length() -> dict[int, list[tuple[str, tuple[str, int]]]]:
    return _by_length(kamerleden())


def _within_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]


def snap_name(name: str, known: dict[str, tuple[str, int]] | None = None) -> str:
    """A signature cut short or misspelt, snapped to the one known name it must be.

    Only when exactly one known name fits: the signature is that name with its
    last one or two letters cut off, or one letter off (names of 5+ letters).
    A name that is itself known stays, unless it is a rare cut-off form of a
    name seen at least ten times as often.

    >>> snap_name("Ouwenhand"), snap_name("Inge van Dij"), snap_name("Nieuwnaam")
    ('Ouwehand', 'Inge van Dijk', 'Nieuwnaam')
    """
    lengths = _kamerleden_by_length() if known is None else _by_length(known)
    known = kamerleden() if known is None else known
    low = name.lower()
    if len(low) < 4:
        return name
    seen = known[low][1] if low in known else 0
    fits = {
        printed
        for size in range(len(low) - 1, len(low) + 3)  # a letter off, or one or two cut off
        for key, (printed, count) in lengths.get(size, ())
        if count >= 10 * max(seen, 1)
        and (
            (key.startswith(low) and 0 < len(key) - len(low) <= 2)
            or (not seen and len(low) >= 5 and _within_one(low, key))
        )
    }
    return fits.pop() if len(fits) == 1 else name


def title_submitters(title: str) -> list[str]:
    """Names in 'MOTIE VAN DE LEDEN X EN Y' / 'VAN HET LID X C.S.', title-cased.

    >>> title_submitters("MOTIE VAN DE LEDEN VAN DER PLAS EN BIKKER")
    ['Van der Plas', 'Bikker']
    >>> title_submitters("MOTIE VAN HET LID FRANSSEN CS.")
    ['Franssen']
    >>> title_submitters("MOTIE VAN DE HEER VAN KRIMPEN CS.")
    ['Van Krimpen']
    """
    # "C.S." as OCR reads it too ("CS.", "C. S."); the archive's "VAN DE HEER X" and
    # "MOTIE VAN ORDE VAN DEN HEER X"
    m = re.search(
        r"VAN\s+(?:ORDE\s+VAN\s+)?(?:(?:HET|DE|DEN)\s+)*(?:LID|LEDEN|HEER|HEEREN|HEREN)?\s*(?:MR\.\s*)?(.+?)"
        r"(?:\s+C\.?\s?S\.?|\s+TER\s+VERVANGING|$)",
        title,
    )
    if not m:
        return []
    names = re.split(r"\s*,\s*|\s+EN\s+", m.group(1).strip(" ."))
    return [_title_case(n) for n in names if n.strip()]


def _capitalised(word: str) -> str:
    if word[:2].upper() == "IJ" and len(word) > 2:
        return "IJ" + word[2:].lower()
    return word[:1].upper() + word[1:].lower()


def _title_case(name: str) -> str:
    words = name.split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in TUSSENVOEGSELS:
            out.append(lw)
        else:
            # the Dutch IJ is one capital letter: "IJSSELSTEIJN" → "IJsselsteijn"
            out.append("-".join(_capitalised(p) for p in w.split("-")))
    return " ".join(out)


def surname(name: str) -> str:
    """Initials dropped, tussenvoegsel kept: ``'E.M.J. Ploumen'`` → ``'Ploumen'``.

    >>> surname("E.M.J. Ploumen"), surname("W.B. Hoekstra"), surname("mr. drs. A. van der Plas")
    ('Ploumen', 'Hoekstra', 'van der Plas')
    """
    words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z]\.)+|mr\.|drs\.|dr\.|ir\.|prof\.", w)]
    return " ".join(words)


# ---------------------------------------------------------------- the printed head and footer
#
# A Kamerstuk prints its number twice: in its head ("Tweede Kamer der Staten-Generaal / Vergaderjaar
# 1990-1991 / 21 800 VI / <title> / Nr. 5 / BRIEF VAN DE MINISTER VAN JUSTITIE") and in the footer of
# every page ("Tweede Kamer, vergaderjaar 1990-1991, 21 800 VI, nr. 5"). Older papers print
# "ZITTING 1955—1956 — 4261 … No. 1"; the earliest "(Staatsbegrooting … 1905. 2. IX. 28.)". OCR damages
# all of them: "IMr. 5", "Nr.21", digits split by spaces, roman numerals read as digits.

YEAR_RANGE = r"(1[89]\d\d|20\d\d)\s*[-—–/]{1,2}\s*(1[89]\d\d|20\d\d|\d\d)"  # OCR doubles a dash: "1989--1990"
DOSSIER_NR = r"(\d\s?\d{3,4}|\d{1,3}\s\d{3}|\d{4,6})"
ROMAN = r"(?:[IVXL]{1,6}|[IVXL]+[1l|I]*)[A-Z]?"
# a toevoeging as printed after the dossier: " VI", " XIIA", "-02", " A", " (R 1446)", " hoofdstuk XVI",
# ", hoofdstukX" (OCR glues it)
TOEVOEGING = (
    rf"(?:\s*[-–]\s*(?P<num>\d{{1,2}})(?![\dA-Za-z])|\s*,?\s+(?:hoofdstuk|hfdst\.?|Hoofdstuk)\s*(?P<hfd>{ROMAN})\b"
    rf"|\s+(?P<rom>{ROMAN})(?=[\s,.)]|$)|\s+(?P<let>[A-Z])(?=[\s,]|$))?"
    rf"(?:\s*\(\s*(?P<r>R\s*\d{{3,4}})\s*\))?"
)
NR = r"(?:N\s?[rR°]|IMr|lMr|Mr|Nn|No|N0|N:o|NR)\s*[.,:]?\s*"
FOOTER = re.compile(
    rf"\b(?:(?P<kamer>Tweede|Eerste)\s+Kamer|Staten-Generaal),?\s*(?:vergaderjaar|zitting|Vergaderjaar|Zitting)\s+"
    rf"(?P<vj>{YEAR_RANGE}|\d{{4}})\s*,\s*(?P<dossier>{DOSSIER_NR}){TOEVOEGING}"
    rf"(?:(?:\s*,)?\s+enz\.(?=\s*,?\s*nrs?\.)|(?:\s*,\s*|\s+en\s+)\d{{1,2}}\s?\d{{3}}(?:\s+(?:hoofdstuk\s+)?[IVXL]+[A-D]?)?)*"
    rf"(?:\s*,\s*|(?<=enz\.)\s+)nrs?\.\s*"
    rf"(?P<nr>\d{{1,4}}[a-z]?|[A-Z]{{1,2}}\b)(?:\s*(?:[-–]|en)\s*(?P<nr2>\d{{1,4}}[a-z]?))?"
)
# Eerste Kamer letters: "Eerste Kamer, vergaderjaar 1990-1991, 21 800, A"
FOOTER_EK_LETTER = re.compile(
    rf"\b(?P<kamer>Eerste)\s+Kamer,?\s+(?:vergaderjaar|zitting)\s+{YEAR_RANGE}\s*,\s*(?P<dossier>{DOSSIER_NR})"
    rf"{TOEVOEGING}\s*,\s*(?P<nr>[A-Z]{{1,2}})\b"
)
KST_ID = re.compile(r"\bkst-(\d{4,6})(?:-([A-Z0-9]{1,6}|\(R\d+\)))?-(\d{1,5})\b")
# a year that is no range's first year: the short session of an election year ("Zitting 1967", "Zitting 1981")
# (not followed by another year: "1960—1961", "1974 1975"; "-11 333" is a dossier, "Zitting 1971 -11 333, …")
ONE_YEAR = (
    r"(?P<one>1[89]\d\d|20\d\d)"
    r"(?!\d|\s*[-—–/]+\s*(?:1[89]\d\d|20\d\d|\d\d(?![ \t]\d{3}\b))(?!\d)|[ \t]+(?:1[89]|20)\d\d\b)"
)
# "ZITTING 1960—1961 — 6378 (R 228)", "Zitting 1968-1969-10 218 (R 706)"; a one-year session only as the
# paper's first line ("Zitting 1967-9195"), not where a sentence cites one ("der Zitting 1911—191.2")
OLD_HEAD = re.compile(
    rf"(?:\b(?:ZITTING|Zitting)\s+(?P<vj>{YEAR_RANGE})|(?:^|\n)[ \t]*(?:ZITTING|Zitting)\s+{ONE_YEAR})"
    rf"\s*[-—–]\s*(?P<dossier>\d{{1,2}}\s\d{{3}}|\d{{1,5}})\b(?:\s*\(\s*(?P<r>R\s*\d{{2,4}})\s*\))?"
    rf"(?:[ \t]+(?P<let>[A-Z])(?=[ \t]*\n|\s+[A-Z]{{4,}}))?"  # a lettered dossier: "— 2800 B"
)
# the earliest papers: "(Staatsbegrooting … 1905. 2. IX. 28.)", "(400. 1.)", "Bijlagen / 1043 / 1", and the
# Bijlagen's number on its own line(s) above the doctype: "409. / 1. / GELEIDENDE BRIEF.", "288. 9. / NOTA"
OLD_NUMBER = re.compile(
    r"\(\s*[^()]{0,90}?\b(\d{1,4})\s*\.\s*(?:([IVXL]{1,5}(?:\s?[A-D])?)\s*\.\s*)?(\d{1,4})\s*\.\s*\)"
    r"|^\W{0,3}Bijlagen\.?\s+(\d{1,4})\.?\s+(\d{1,3})\b"
    r"|(?:^|(?<=\s))(?!1[89]\d\d\.)(\d{1,4})\.[ \t]*(?:\n\s*)?(\d{1,3})\.[ \t]*\n\s*(?=[A-Z]{4,})"
)
# a budget chapter's papers of 1930-1955 print their number bare, the last time just above the doctype: "2. V.
# 21. BRIEF VAN DEN MINISTER" (1932, 1947), "1400 III 32 BRIEF VAN DE MINISTER", "1900 VII B 12 BRIEF",
# "600 III 5 Nota van verbetering" (1948-1951); read only under a budget's head ("Rijksbegroting voor …")
OLD_BUDGET = re.compile(r"\b(?:Rijks|Staats)begroo?ting\b", re.I)
OLD_BUDGET_NUMBER = re.compile(
    r"(?<![\d(.])(?P<dossier>\d{1,4})\s*\.\s*(?P<ch>[IVXL]{1,5}(?:\s?[A-D])?)\s*\.\s*(?P<nr>\d{1,4})\s*\.\s+"
    r"(?=[A-Z]{4,}|Nota\b|Brief\b)"
    r"|(?<![\d.])(?P<dossier2>\d{3,4})[ \t]+(?P<ch2>[IVXL]{1,5}(?:[ \t]?[A-D])?)[ \t]+(?P<nr2>\d{1,3})\s+"
    r"(?=BRIEF\b|NOTA\b|MEMORIE\b|VERSLAG\b|Nota\b|Brief\b"
    # or the running head's other column repeats the dossier and chapter: "Rijksbegroting voor het dienstjaar
    # 1950 1400 VI 23 1400 VI BRIEF …" (sgd/brieven/sgd-0000083452.txt; memories of 1948 and 1952 too)
    r"|(?P=dossier2)[ \t]+(?P=ch2)\s)"
)
HEAD_KAMER = re.compile(r"\b(Tweede|Eerste)\s+Kamer\s+der\s+Staten|\bStaten\s*-?\s*Generaal\b")
HEAD_VJ = re.compile(
    rf"\b(?:Vergaderjaar|Zitting|VERGADERJAAR|ZITTING|vergaderjaar)\s+"
    rf"(?:(1[89]\d\d|20\d\d)\s*[-—–/]{{1,2}}\s*(1[89]\d\d|20\d\d|\d\d(?![ \t]\d{{3}}\b))(?!\d)|{ONE_YEAR})"
)
# the session line of a head printing one year: "Zitting 1977" on its own line or before the dossier ("Zitting
# 1967-9195", "Zitting 1977 14 103"); a year in a sentence ("in de zitting 1981 is …") is no head
SESSION_LINE = re.compile(
    rf"(?:^|\n)[ \t]*(?:Zitting|ZITTING|Vergaderjaar|VERGADERJAAR)\s+{ONE_YEAR}"
    rf"[ \t]*(?:\n|$|[-—–]|(?:\d{{1,2}}\s\d{{3}}|\d{{4,5}})\b)"
)
# the dossier ends its line, or a title, another dossier ("14 391\n16 641") or a list of them follows
# ("13 473 (R 990), 13 467, 13 482": the paper belongs to the first)
HEAD_DOSSIER = re.compile(
    rf"(?:^|\n|\s)(?<![\d,.])(?P<dossier>{DOSSIER_NR}){TOEVOEGING}"
    rf"(?=\s*(?:\n|$|[A-Z«(]|\d{{2}}\s?\d{{3}}\b|,\s*\d{{1,2}}\s?\d{{3}}\b))"
)
HEAD_NR = re.compile(rf"(?:^|\n|\s){NR}(?P<nr>\d{{1,4}}[a-z]?|I\b|[A-Z]{{1,2}}\b)")


@dataclass(frozen=True)
class Number:
    """A paper's own number as printed: dossier, toevoeging, number, and where it was read."""

    dossier: str
    toevoeging: str | None
    nr: str | None
    rijkswet: str | None = None
    how: str = "head"

    def kamerstuk(self, year: int | None) -> KamerstukId:
        """The contract's id; papers before 2010 carry their rijkswet number in it, as published."""
        toev = self.toevoeging
        if self.rijkswet and year is not None and year < 2010 and not toev:
            toev = f"({self.rijkswet})"
        return KamerstukId(self.dossier, toev, self.nr)


def _toevoeging(m: re.Match[str]) -> tuple[str | None, str | None]:
    g = m.groupdict()
    toev = g.get("num") or g.get("hfd") or g.get("rom") or g.get("let")
    if toev and toev.isdigit():
        toev = toev.zfill(2)
    rijkswet = re.sub(r"\s", "", g["r"]) if g.get("r") else None
    return fix_toevoeging(toev), rijkswet


def _nr(raw: str) -> str | None:
    """A printed number: ``I`` is OCR's ``1``; letters are Eerste Kamer numbers."""
    if raw == "I":
        return "1"
    return str(int(raw)) if raw.isdigit() else raw


_CITING_BEFORE = re.compile(r"[(,;:]\s*$|\b(?:zie|in|bij|van|uit)\s+$", re.I)
_CITING_AFTER = re.compile(r"\s*(?:[).,;:]|\s(?:blz|pag|p)\b\.?)")


def printed_footers(text: str) -> list[re.Match[str]]:
    r"""The page footers the paper prints (``Tweede Kamer, vergaderjaar 1990-1991, 21 684, nr. 5``).

    The same words in brackets, after a comma or "zie", or followed by a page or a full stop cite
    another paper and are no footer (OCR text runs footers into the sentence they interrupt):

    >>> [m.group("nr") for m in printed_footers("Zie de motie (Tweede Kamer, zitting 1979-1980, 15649, "
    ...     "nr. 18). Het be-Tweede Kamer, vergaderjaar 1984-1985, 18 600 XIII, nr. 12 2 leid")]
    ['12']
    """
    return [
        m
        for m in FOOTER.finditer(text)
        if not _CITING_BEFORE.search(text, max(0, m.start() - 8), m.start())
        and not _CITING_AFTER.match(text, m.end())
    ]


def footer_number(text: str, running: tuple[str, ...] = ()) -> Number | None:
    """The number the page footers print (the last footer standing on a line of its own)."""
    found = None
    for src in (*running, text):
        for m in printed_footers(src):
            toev, rijkswet = _toevoeging(m)
            nr = (
                m.group("nr2") or m.group("nr")
                if m.group("nr2") and not m.group("nr2").isalpha()
                else m.group("nr")
            )
            found = Number(re.sub(r"\s", "", m.group("dossier")), toev, _nr(nr), rijkswet, "footer")
        for m in FOOTER_EK_LETTER.finditer(src):
            toev, rijkswet = _toevoeging(m)
            found = Number(re.sub(r"\s", "", m.group("dossier")), toev, m.group("nr"), rijkswet, "footer")
    return found


@dataclass(frozen=True)
class Head:
    """The printed head of a Kamerstuk."""

    kamer: str | None  # "tk", "ek" or "sg" (both Kamers)
    vergaderjaar: str | None
    number: Number | None
    title: str | None  # the dossier's title as the head prints it
    doctype: str | None  # the line saying what the paper is: "BRIEF VAN DE MINISTER VAN …"
    end: int  # where the head ends in the text


DOCTYPE_CAPS = (
    r"BRIEF|B[ERB][IJ1]EF|VERSLAG|EINDVERSLAG|VOORLOPIG\s+VERSLAG|MEMORIE|NOTA|LIJST|MOTIE|AMENDEMENT|ADVIES|"
    r"KONINKLIJKE\s+BOODSCHAP|VOORSTEL|RAPPORT|BIJLAGE|BESLUITENLIJST|STAAT|OVERZICHT|JAARVERSLAG"
)

# a paper's heading in capitals inside running text, where OCR ran a title into it ("… zal plaatsvinden
# BRIEF VAN DE MINISTER …"): what stands before it is the title, not the paper speaking
PAPER_HEADING = re.compile(rf"\b(?:{DOCTYPE_CAPS})\s+(?:VAN|NAAR)\s+(?:DE|DEN|HET)\b")


# the letter the Eerste Kamer numbers a dossier's papers with ("C", "AA", "Nr. C"), before the doctype's
# capitals: on a line of its own above it, or where the head's lines ran together (text reflowed, a PDF's
# words joined) the last word before it, after the dossier's title ("… voor het jaar 2024 C BRIEF VAN …")
EK_LETTER = re.compile(
    r"(?<![^\s(])(?:[Nn][Rr]\.?[ \t]*)?(?P<nr>[A-Z]{1,3})\s+"
    rf"(?=(?:NADERE?\s+|TWEEDE\s+|DERDE\s+)*(?:GEWIJZIGDE?\s+)?(?:{DOCTYPE_CAPS})\s+[A-Z]{{2,}}\b)"
)


def ek_letter(top: str, start: int, dossier: str) -> re.Match[str] | None:
    """The Eerste Kamer letter after ``start`` (within the head): not the chapter of the dossier printed
    again above the doctype ("1400 VI / BRIEF VAN DEN MINISTER").

    >>> ek_letter("1400 VI\\n23\\n1400 VI\\nBRIEF VAN DEN MINISTER", 7, "1400") is None
    True
    >>> ek_letter("36 410 XVI Voor het jaar 2024 C BRIEF VAN DE MINISTER", 10, "36410").group("nr")
    'C'
    """
    for x in EK_LETTER.finditer(top, start, start + 1200):
        if not re.sub(r"\D", "", top[max(0, x.start() - 12) : x.start()]).endswith(dossier):
            return x
    return None


def _doctype(words: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:^|\n|\s)((?:NADER\s+|TWEEDE\s+|DERDE\s+)*(?:GEWIJZIGDE?\s+)?(?:{words})\b[^\n]{{0,160}})"
    )


# a motion's head in mixed case, with its "Voorgesteld" line after it ("Motie van het lid Hermes c.s. /
# No. 23 / Voorgesteld 28 februari 1974"); without it, it is a motion cited in a sentence
MIXED_MOTION = r"Motie\s+van\s+(?:het\s+lid|de\s+leden)(?=[\s\S]{0,160}?\bVoorgesteld\b)"
DOCTYPE = _doctype(DOCTYPE_CAPS + r"|Brief\s+van\s+de|Verslag\s+van|" + MIXED_MOTION)
# as printed, in capitals; found on its own, also where OCR ran a title into its line ("Verslag van de
# Coördinatiecommissie … BRIEF VAN DE STAATSSECRETARIS …", which DOCTYPE reads from "Verslag van")
DOCTYPE_IN_CAPS = _doctype(DOCTYPE_CAPS)


_SENDER = re.compile(
    r"(?i)\b(?P<f>MINISTER-?\s?PRESIDENT|MINISTERS?|STAATSSECRETARIS(?:SEN)?)\s+(?:VAN|VOOR)\s+(?P<rest>.+?)"
    r"(?=\s+EN\s+(?:DE|HET)\s+(?:MINISTER|STAATSSECRETARIS)|$)"
)


def doctype_senders(doctype: str | None) -> list[str]:
    """The functions a head's doctype line names as the paper's senders.

    >>> doctype_senders("BRIEF VAN DE STAATSSECRETARISSEN VAN WELZIJN, VOLKSGEZONDHEID EN CULTUUR "
    ...     "EN VAN JUSTITIE")
    ['Staatssecretaris van Welzijn, Volksgezondheid en Cultuur', 'Staatssecretaris van Justitie']
    >>> doctype_senders("BRIEF VAN DE MINISTER VAN FINANCIËN EN DE STAATSSECRETARIS VAN ECONOMISCHE ZAKEN")
    ['Minister van Financiën', 'Staatssecretaris van Economische Zaken']
    """
    if not doctype:
        return []
    pattern, names = ministries()
    text = re.sub(r"-\s+", "", " ".join(doctype.split()))
    out = []
    for m in _SENDER.finditer(text):
        word = m.group("f").lower().replace(" ", "")
        function = (
            "Minister-President"
            if "president" in word
            else "Staatssecretaris"
            if word.startswith("staats")
            else "Minister"
        )
        for found in re.finditer(pattern.pattern, m.group("rest"), re.I):
            known = names.get(_key(found.group(0)))
            if known:
                out.append(f"{function} {known[0]} {known[1]}")
    return list(dict.fromkeys(out))


def read_head(text: str) -> Head:
    """The head of a printed Kamerstuk (vergaderjaar, own number, title, what it is), as far as it is printed.

    >>> h = read_head("Tweede Kamer der Staten-Generaal 2\\n\\nVergaderjaar 1990-1991\\n\\n21 800 VI\\n\\n"
    ...               "Vaststelling van de begroting\\n\\nNr. 5\\n\\nBRIEF VAN DE MINISTER VAN JUSTITIE\\n\\n"
    ...               "Tekst")
    >>> h.number.kamerstuk(1990).id, h.vergaderjaar, h.title, h.doctype
    ('kst-21800-VI-5', '1990-1991', 'Vaststelling van de begroting', 'BRIEF VAN DE MINISTER VAN JUSTITIE')
    """
    top = text[:1800]
    kamer = None
    km = HEAD_KAMER.search(top[:300])
    if km:
        kamer = {"Tweede": "tk", "Eerste": "ek"}.get(km.group(1) or "", "sg")
    vergaderjaar = None
    vm = HEAD_VJ.search(top)
    if vm and vm.group(1):
        vergaderjaar = _vergaderjaar(vm.group(1), vm.group(2))
    elif (one := SESSION_LINE.search(top[:400])) is not None:
        vergaderjaar = one.group("one")
    number: Number | None = None
    title = None
    end = 0
    old = OLD_HEAD.search(top[:400])
    start = vm.end() if vm else 0
    if old:
        vergaderjaar = vergaderjaar or _vergaderjaar(old.group(2), old.group(3)) or old.group("one")
        n = HEAD_NR.search(top, old.end())
        ch = re.search(rf"\bHOOFDSTUK\s+({ROMAN}(?:\s[A-Z](?=\s|$))?)\b", top[old.end() : old.end() + 300])
        chapter = fix_toevoeging(re.sub(r"\s", "", ch.group(1))) if ch else old.group("let")
        rijkswet = re.sub(r"\s", "", old.group("r")) if old.group("r") else None
        dossier = re.sub(r"\s", "", old.group("dossier"))
        number = Number(dossier, chapter, _nr(n.group("nr")) if n else None, rijkswet)
        end = n.end() if n else old.end()
    else:
        d = _head_dossier(top, start)
        n = HEAD_NR.search(top, d.end()) if d else None
        # the Eerste Kamer's layout: the number on the session's line, before the dossier ("Vergaderjaar
        # 1990-1991 Nr. 224c 21 800 XIV"; "Zitting 1980-1981 Nr. 80 16039"); a paper of both Kamers
        # ("Staten-Generaal … Vergaderjaar 1991-1992 Nr. 383 22780 … Nr. 1") is the number under its title
        ek = HEAD_NR.fullmatch(top, vm.end(), d.start()) if vm and d and kamer == "ek" else None
        n = ek or n
        if n is None and d and kamer == "ek":  # today's Eerste Kamer: a letter, no "Nr." ("C BRIEF VAN …")
            n = ek_letter(top, d.end(), re.sub(r"\s", "", d.group("dossier")))
        if d and n and n.start() - d.end() < 700:
            toev, rijkswet = _toevoeging(d)
            dossier = re.sub(r"\s", "", d.group("dossier"))
            between = top[d.end() : n.start()]
            alone = not _head_dossier(top, d.end(), n.start())
            if toev is None and alone:  # "20200 / Hoofdstuk IV Kabinet voor …"
                chapter_nr = re.search(rf"\b(?:Hoofdstuk|HOOFDSTUK)\s+({ROMAN})\b", between)
                toev = fix_toevoeging(chapter_nr.group(1)) if chapter_nr else None
            number = Number(dossier, toev, _nr(n.group("nr")), rijkswet)
            lines = [ln.strip(" /,") for ln in between.split("\n") if ln.strip(" /,")]
            lines = [ln for ln in lines if not re.fullmatch(rf"{DOSSIER_NR}.*|\d{{1,2}}", ln)]
            title = " ".join(lines).strip() or None
            end = n.end()
    old_nr = OLD_NUMBER.search(top[:600])
    if old_nr and old_nr.group(6) and not re.search(rf"(?<!\d){old_nr.group(6)}\.", top[: old_nr.start()]):
        old_nr = None  # a number above a doctype counts only under the page's own dossier ("409. … 409. 1.")
    if number is None and old_nr:
        if old_nr.group(4):
            number = Number(old_nr.group(4), None, str(int(old_nr.group(5))), how="old")
        elif old_nr.group(6):
            number = Number(old_nr.group(6), None, str(int(old_nr.group(7))), how="old")
        else:
            number = Number(old_nr.group(1), _chapter(old_nr.group(2)), str(int(old_nr.group(3))), how="old")
        end = old_nr.end()
    if number is None and OLD_BUDGET.search(top[:300]):
        budget = OLD_BUDGET_NUMBER.search(top[:300])  # further down, a second paper bound in the file
        if budget:
            dossier, chapter, nr = (budget.group(k) or budget.group(k + "2") for k in ("dossier", "ch", "nr"))
            number = Number(dossier, _chapter(chapter), str(int(nr)), how="old")
            end = budget.end()
    # the line that says what the paper is: under the number, or (older papers) above it
    dt = DOCTYPE.search(top, max(0, end - 2)) if number else None
    if dt is None or dt.start() > end + 600:
        dt = DOCTYPE.search(top, 0, end + 900)
    if dt is not None and not dt.group(1)[:5].isupper():
        # a doctype in capitals wins over a title that happens to begin "Verslag van"
        caps = DOCTYPE_IN_CAPS.search(top)
        dt = caps if caps is not None and caps.start() < end + 900 else dt
    doctype = None
    if dt is not None:
        # a line OCR ran on: the address or the place-and-date line is no part of it
        line = re.split(r"\s+(?=Aan\s+(?:de|den|Zijne)\s|[’'`]\s*s[-\s]*G|Den\s+Haag\b)", dt.group(1))[0]
        doctype = " ".join(line.split())
        end = max(end, dt.start(1) + len(line))
    return Head(kamer, vergaderjaar, number, title, doctype, end)


def _chapter(printed: str | None) -> str | None:
    """A budget chapter as the old heads print it, its letter parted or not: "VII B" is "VIIB"."""
    return re.sub(r"\s", "", printed) if printed else None


def _head_dossier(top: str, start: int, end: int | None = None) -> re.Match[str] | None:
    """The first dossier number of a head; a year after a word ("voor het jaar 1988", "VOOR HET DIENSTJAAR
    1956") is none."""
    for d in HEAD_DOSSIER.finditer(top, start, len(top) if end is None else end):
        number = re.sub(r"\s", "", d.group("dossier"))
        if (
            len(number) == 4
            and 1800 <= int(number) <= 2099
            and re.search(r"(?:[a-z]|JAAR)\s*$", top[max(0, d.start() - 20) : d.start() + 1])
        ):
            continue
        return d
    return None


def _valid_toevoeging(t: str) -> bool:
    """A roman chapter number (with a letter: ``XIIA``), a letter, or a two-digit sub-series.

    >>> _valid_toevoeging("VIII"), _valid_toevoeging("VIM"), _valid_toevoeging("A"), _valid_toevoeging("02")
    (True, False, True, True)
    """
    return bool(re.fullmatch(r"(?:X{0,3})(?:IX|IV|V?I{0,3})[A-D]?|[A-Z]|\d{2}|\(R\d+\)", t)) and t != ""


def _vergaderjaar(a: str, b: str | None) -> str | None:
    if not b:
        return None
    if len(b) == 2:
        b = a[:2] + b
    return f"{a}-{b}" if int(b) == int(a) + 1 else None


_EK_OF_TK_DOSSIER = re.compile(
    r"^\s*(?P<dossier>\d{1,2}\s?\d{3}|\d{4})\s*\(\s*Tweede\s+Kamer[^)\n]{0,40}\)[ \t]*\n"
    r"(?:[^\n]*\n){0,4}?[^\n]*\bEERSTE\s*KAMER\b[^\n]*\n(?:[^\n]*\n){0,5}?"
    r"[ \t]*N[or]\.?[ \t]*(?P<nr>\d{1,4}[a-h]?)[ \t]*$",
    re.M,
)


def _ek_footer_chapter(text: str, running: tuple[str, ...], dossier: str, nr: str) -> str | None:
    """The budget chapter an Eerste Kamer paper's footer prints after its dossier: "8300 XIV 83 (2 vel)",
    "I 2800 VIIB 68"."""
    spaced = r"\s?".join(dossier)
    tail = "\n".join([text[-500:], *running])
    chapter = re.search(rf"(?:^|\s)(?:I\s+)?{spaced}\s+({ROMAN}[A-D]?)\s+{re.escape(nr)}\b", tail)
    return fix_toevoeging(chapter.group(1)) if chapter else None


def _split_in_footer(text: str, running: tuple[str, ...], nr: str) -> bool:
    """Does a footer print the number with its last digit split off ("nr. 1 3" for 13)? The page number
    follows ("nr. 1 3 1"); a page number alone after the footer ("nr. 11 1") splits nothing."""
    tail = re.compile(rf"[ \t]{nr[-1]}[ \t\n]+\d{{1,3}}\b")
    return any(
        m.group("nr") == nr[:-1] and tail.match(src, m.end())
        for src in (*running, text)
        for m in printed_footers(src)
    )


def own_number(text: str, running: tuple[str, ...], year: int | None = None) -> KamerstukId | None:
    """The paper's own Kamerstuk id: an official colophon id, else the head, else the footer."""
    for src in running:
        m = KST_ID.search(src)
        if m:
            return KamerstukId(m.group(1), m.group(2), m.group(3))
    m = re.search(rf"(?m)^\s*{KST_ID.pattern}\s*$", text)
    if m:
        return KamerstukId(m.group(1), m.group(2), m.group(3))
    ek = _EK_OF_TK_DOSSIER.search(text[:600])
    if ek:  # an Eerste Kamer paper of a Tweede Kamer bill: "11614 (Tweede Kamer) / EERSTE KAMER … / Nr. 82a"
        dossier = re.sub(r"\s", "", ek.group("dossier"))
        foot = footer_number(text, running)
        toev = foot.toevoeging if foot and foot.dossier == dossier else None
        nr = _nr(ek.group("nr")) or ek.group("nr")
        return KamerstukId(dossier, toev or _ek_footer_chapter(text, running, dossier, nr), nr)
    head = read_head(text)
    if year is None and head.vergaderjaar:
        year = int(head.vergaderjaar[:4])
    foot = footer_number(text, running)
    number = head.number if head.number and head.number.nr else foot or head.number
    if number is None:
        return None
    glued = bool(number.nr and foot and foot.nr and number.nr != foot.nr and number.nr[:-1] == foot.nr)
    if glued and number.nr and _split_in_footer(text, running, number.nr):
        glued = False  # no marker: OCR split the footer's number ("Nr. 13" in the head, "nr. 1 3" below)
    if number is head.number and foot and foot.dossier == number.dossier and glued:
        # a footnote marker glued to the head's number: "Nr. 111" where every footer says nr. 11
        number = Number(number.dossier, number.toevoeging, foot.nr, number.rijkswet, number.how)
    if (
        foot
        and number.how == "head"
        and foot.dossier != number.dossier
        and foot.nr == number.nr
        and foot.dossier
        in (listed := {re.sub(r"\s", "", d["dossier"]) for d in HEAD_DOSSIER.finditer(text[:600])})
        and len(listed) > 1
    ):
        # a head that lists several dossiers ("Rijksbegroting voor het jaar 1982 / 17100 / Hoofdstuk IXB", a
        # year among them): the footer says which is the paper's ("… 1981-1982, 17 100 hoofdstuk IXB, nr. 17")
        number = foot
    if foot and number.how != "footer" and foot.dossier == number.dossier:
        # the head's number wins; the footer knows the toevoeging when OCR lost or broke it in the head
        toev = number.toevoeging
        if toev is None or (
            not _valid_toevoeging(toev) and foot.toevoeging and _valid_toevoeging(foot.toevoeging)
        ):
            toev = foot.toevoeging
        number = Number(number.dossier, toev, number.nr, number.rijkswet or foot.rijkswet, number.how)
    return number.kamerstuk(year)


# ---------------------------------------------------------------- dates


DAY = r"(\d{1,2}|\d\s\d|[\dIl|]{2}|[1-9])"
# "den 2 Mei 1913", "den 19den October 1935", "den 23sten Mei 1912": the old style's article and ordinal
PRINTED_DATE = (
    rf"(?:den\s+)?{DAY}\s*(?:e\s+|(?:ste|sten|de|den|ten)\s+)?((?i:{MONTH_RE}))\.?\s*"
    rf"((?:1[89]|20)\d\d|(?:1[89]|20)\d\s\d)"
)
# The Hague as OCR reads it: "'s-Gravenhage", "s-Cravenhage", "VGravcnhage", "n'sGravenhage", "Gravenhage",
# "'s-Ciravcnhage", "'s-üravenhage"
HAGUE = (
    r"(?:[’'`]?\s*[sS][-\s]*G\w{2,12}|[’'`]\s*[sS]-\s*[CüÜ]\w{5,12}"
    r"|[^\s\d]{0,3}[GC]ra[vy][ec]n[hb]a[gq]e|Den\s+Haag)"
)
PLACE_DATE = re.compile(
    # the comma may be lost after The Hague ("s-Gravenhage 10 januari 1994"); another town needs it
    rf"(?:^|\n|\s)(?P<place>{HAGUE}(?=\s*[,.]?\s*(?:den\s+)?[\dIl|])"
    rf"|[A-Z][a-zëé]{{3,15}}(?:[\s-][A-Z][a-z]+)?(?=\s*[,.]))"
    rf"\s*[,.]?\s*{PRINTED_DATE}\b"
)
# another town without its comma only on a line of its own, nothing but the town and the date
# ("Zoetermeer 2 december 1991"): a label ("Vastgesteld 8 december 1981") is no town (DATE_LABELS)
PLACE_DATE_LINE = re.compile(
    rf"(?m)^[ \t]*(?P<place>[A-Z][a-zëé]{{3,15}}(?:[ -][A-Z][a-z]+)?)[ \t]+{PRINTED_DATE}\.?[ \t]*$"
)
# "(Ontvangen …)"; the Eerste Kamer's Aanhangsel says "(Ingekomen 9 oktober 1979)"
RECEIVED_WORD = (
    r"(?:Ontvangen|Ont\s*-?\s*vangen|Ontvan\s*-?\s*gen|ontvangen"
    r"|Ingekomen|Inge\s*-?\s*komen|Ingeko\s*-?\s*men|ingekomen)"
)
# the date after the word, "op" before it as the Eerste Kamer printed it: "(Ontvangen op 29 april 1986)"
RECEIVED_DATE = rf"\s+(?:op\s+)?{PRINTED_DATE}"
RECEIVED = re.compile(rf"\(\s*{RECEIVED_WORD}{RECEIVED_DATE}")
SENT_IN_WORD = aanhangsel.SENT_IN_WORD  # "(Ingezonden …)", as OCR breaks it
SENT_IN = re.compile(rf"\(\s*{SENT_IN_WORD}\s+{PRINTED_DATE}")
FIXED = re.compile(rf"\b(?:Vastgesteld|VASTGESTELD|vastgesteld)\s+{PRINTED_DATE}")
DATUM_FIELD = re.compile(rf"\bDatum\s*:?\s+{PRINTED_DATE}")
# a date alone under the addressee, no place printed (the Eerste Kamer's letters of 1993-94: "Aan de
# Voorzitter van de Eerste Kamer der Staten-Generaal\n15juli 1994"; a reflowed text joins the two lines)
ADDRESSED_DATE = re.compile(
    rf"(?m)^[ \t]*Aan\s+den?\s+Voorzitters?\b[^\n]*?\b(?:Staten-Generaal|Kamer)[ \t]*\n?[ \t]*{PRINTED_DATE}"
    rf"\.?[ \t]*$"
)
NOT_A_PLACE = {
    "Kamer",
    "Handelingen",
    "Staatscourant",
    "Staatsblad",
    "Nr",
    "Brief",
    "Verslag",
    "Vergaderjaar",
}
# what else the archive prints before a date on a line of its own: no town (with a comma, "Vastgesteld,
# 4 december 1973" is still the paper's date)
DATE_LABELS = {
    "Zitting",
    "Tweede",
    "Eerste",
    "Vastgesteld",
    "Voorgesteld",
    "Ingezonden",
    "Ingediend",
    "Ingekomen",
    "Ontvangen",
    "Verzonden",
    "Datum",
    "Overleden",
    "Opgericht",
    "Maandag",
    "Dinsdag",
    "Woensdag",
    "Donderdag",
    "Vrijdag",
    "Zaterdag",
    "Zondag",
}


def printed_date(m: re.Match[str], first: int = 1) -> str | None:
    """A date matched by ``PRINTED_DATE`` (groups from ``first``) as ISO, OCR-split digits joined."""
    day = int(re.sub(r"\s", "", m.group(first)).replace("I", "1").replace("l", "1").replace("|", "1"))
    year = int(re.sub(r"\s", "", m.group(first + 2)))
    try:
        return dt.date(year, MONTHS[m.group(first + 1).lower()], day).isoformat()
    except ValueError:
        return None


def place_dates(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The place-and-date lines between ``start`` and ``end``, in the order printed."""
    found = [
        m for m in PLACE_DATE.finditer(text, start, end) if m.group("place").split()[0] not in NOT_A_PLACE
    ]
    found += [
        m
        for m in PLACE_DATE_LINE.finditer(text, start, end)
        if m.group("place").split()[0] not in NOT_A_PLACE | DATE_LABELS
    ]
    return sorted(found, key=lambda m: m.start("place"))


def place_date(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The date of the place-and-date line ("'s-Gravenhage, 21 juni 1983"), or a ``Datum`` field.

    >>> place_date("Aan de voorzitter van de Tweede Kamer\\n\\nZoetermeer 2 december 1991\\n\\nTijdens de")
    '1991-12-02'
    >>> place_date("gedrukt in de zittingen 1959—1960 en 1961—1962) VGravcnhage, 25 september 1962.")
    '1962-09-25'
    >>> place_date("BRIEF VAN DE MINISTER VAN VERKEER EN WATERSTAAT Nr. 23\\n's-Ciravcnhage, 10 juni 1960.")
    '1960-06-10'
    >>> place_date("Aan de Voorzitter van de Eerste Kamer der Staten-Generaal\\n15juli 1994\\nTijdens de")
    '1994-07-15'
    >>> place_date("Aan de Voorzitters van de Eerste en Tweede Kamer der Staten-Generaal 22oktober 1993")
    '1993-10-22'
    """
    end = len(text) if end is None else end
    for m in place_dates(text, start, end):
        return printed_date(m, 2)
    d = ADDRESSED_DATE.search(text, start, end) or DATUM_FIELD.search(text, start, end)
    return printed_date(d) if d else None


def letter_date(text: str, head_end: int) -> str | None:
    """A letter's place-and-date line: under its head, or (older papers) before its doctype, in the head."""
    return place_date(text, head_end, head_end + 2500) or head_place_date(text, head_end)


def head_place_date(text: str, end: int) -> str | None:
    """A place-and-date line that begins a line inside the head, before what the paper is (older papers
    print "'s-Gravenhage, 5 juni 1961. BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN Nr. 1" as one line).

    >>> head_place_date("ZITTING 1960—1961 — 6378 (R 228)\\nHandelsovereenkomst\\n"
    ...     "'s-Gravenhage, 5 juni 1961. BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN Nr. 1", 200)
    '1961-06-05'
    >>> head_place_date("DIENSTJAAR 1968 's-Gravenhage, 14 maart 1968. BRIEF VAN DE MINISTER Nr. 8", 80)
    '1968-03-14'
    """
    for m in place_dates(text, 0, end):
        before = text[: m.start("place")].rstrip(" \t")
        if not before or before.endswith("\n") or _DOCTYPE_NEXT.match(text, m.end()):
            return printed_date(m, 2)
    return None


# the paper's heading right after a place-and-date line whose line break the text lost: "… VOOR HET
# DIENSTJAAR 1968 's-Gravenhage, 14 maart 1968. BRIEF VAN DE MINISTER VAN …" (sgd/brieven/sgd-0000239726.txt)
_DOCTYPE_NEXT = re.compile(rf"\s*\.?\s*(?={PAPER_HEADING.pattern})")


# the date a nota's head gives it: "NOTA NAAR AANLEIDING VAN HET VERSLAG Ontvangen 31 oktober 1994", "NOTA VAN
# VERBETERING Ontvangen 26 oktober 1982", "(Ingezonden bij brief van 18 September 1922.)"
HEAD_RECEIVED = re.compile(
    rf"(?:{RECEIVED_WORD}|{SENT_IN_WORD})(?:\s+(?:bij|by)\s+brief\s+van)?\s+{PRINTED_DATE}"
)


def head_received_date(text: str, head_end: int) -> str | None:
    """The received or sent-in date printed in a paper's head (up to ``head_end`` and a line after it)."""
    found = HEAD_RECEIVED.search(text, 0, head_end + 200)
    return printed_date(found) if found else None


def received_date(text: str) -> str | None:
    """An Aanhangsel's answer date: ``(Ontvangen 30 januari 1992)`` after the first answer."""
    # OCR's hyphens and glued years inside the date go first: "(Ontvangen 21 decem-ber1981)", and a mark it
    # read at the head of the line the year went to ("(Ontvangen 17 januari\n\n• 1983)")
    text = re.sub(r"(?<=[a-z])-\s?(?=[a-z])", "", text)
    text = re.sub(rf"(?i)\b({MONTH_RE})\s*\n\s*[•·▪■*]?\s*(?=(?:1[89]|20)\d\d\))", r"\1 ", text)
    text = re.sub(r"(?<=[a-z])(?=(?:1[89]|20)\d\d\b)", " ", text)
    text = re.sub(r"(?i)(?<=vangen)(?=\d)|(?<=komen)(?=\d)|(?<=zonden)(?=\d)", " ", text)  # "Ont-vangen8juni"
    # every answer's heading, the ones the grammar reads and the ones OCR broke too far ("de Graaf f, …")
    heads = sorted([*ANSWER.finditer(text), *aanhangsel.ANSWER_HEAD.finditer(text)], key=lambda h: h.start())
    heads = heads or [h for h in [re.search(r"\b(?:Antwoord|ANTWOORD)\b", text)] if h]
    if not heads:
        m = RECEIVED.search(text)
        return printed_date(m) if m else None
    for a in heads:  # the first answer's date; the next one's when OCR broke it ("Ingezonden 80 December")
        m = ANSWER_DATE.search(text, a.start())
        if m and (date := printed_date(m)):
            return date
        n = _RECEIVED_IN_FIGURES.search(text, a.start(), a.start() + 600)  # "(Ontvangen 9-2-1993)"
        if n and 1 <= int(n["m"]) <= 12 and 1 <= int(n["d"]) <= 31:
            return f"{n['y']}-{int(n['m']):02d}-{int(n['d']):02d}"
    return None


_RECEIVED_IN_FIGURES = re.compile(
    rf"\(\s*{RECEIVED_WORD}\s+(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})-(?P<y>(?:19|20)\d\d)\)"
)


def fixed_date(text: str) -> str | None:
    """A report's ``Vastgesteld`` date."""
    m = FIXED.search(text[:4000])
    return printed_date(m) if m else None


# ---------------------------------------------------------------- who signs, who answers


@lru_cache(maxsize=1)
def ministries() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """The ministry names (``lexicons/ministries.tsv``) as one pattern, longest first, OCR-tolerant.

    Returns the pattern and a map from a name's letters (lower case, no hyphens or spaces) to its
    (preposition, printed name).
    """
    names: dict[str, tuple[str, str]] = {}
    for line in resources.read_text("lexicons", "ministries.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        prep, name, *_ = [*line.split("\t"), "", ""]
        names.setdefault(_key(name), (prep, name))
    alts = []
    for _, name in sorted(names.values(), key=lambda pn: -len(pn[1])):
        words = [re.escape(w).replace("\\-", "-?\\s*") for w in re.split(r"\s+", name)]
        # a hyphen OCR left in a word ("Eco-nomische") and line-break hyphens are allowed anywhere
        words = ["-?\\s?".join(w) if len(w) > 30 else w for w in words]
        alts.append(r"[\s,]*".join(words))
    return re.compile("(?:" + "|".join(alts) + ")(?![\\w])"), names


def _key(name: str) -> str:
    return re.sub(r"[^a-zà-ÿ]", "", name.lower())


def ministry(raw: str) -> tuple[str, str] | None:
    """(preposition, name) of a ministry as printed (OCR hyphens and case forgiven)."""
    _, names = ministries()
    return names.get(_key(re.sub(r"-\s*", "", raw)))


def ocr_ministry(raw: str) -> str | None:
    """A ministry's printed name that OCR damaged in a letter or two, as the lexicon has it.

    >>> ocr_ministry("Bvitenlandsche Zaken"), ocr_ministry("Binnenlandschc Zaken"), ocr_ministry("Oorlog")
    ('Buitenlandsche Zaken', 'Binnenlandsche Zaken', None)
    """
    _, names = ministries()
    key = _key(re.sub(r"-\s*", "", raw))
    if len(key) < 10:  # a short name is too easily another
        return None
    close = difflib.get_close_matches(key, names, n=2, cutoff=0.9)
    if len(close) != 1 and not (len(close) == 2 and names[close[0]] == names[close[1]]):
        return None  # none, or two as close: say nothing
    return names[close[0]][1]


@lru_cache(maxsize=1)
def bewindspersonen() -> dict[str, int]:
    """Surnames of bewindspersonen as the archive prints them, with how many papers print each
    (``models/lexicons/bewindspersonen.tsv``, built from the archive by ``build_bewindspersonen.py``)."""
    return dict(_name_counts("bewindspersonen.tsv"))


# the archive the lexicon is read from ends in 1995: a later paper's bewindspersoon may be no one it prints
# ("C.J. Schouten", minister in 2022, is not the archive's Scholten), and today's papers are born digital
LEXICON_ENDS = 1995


def archive_era(date: str | None) -> bool:
    """May a paper of this date (ISO) carry a name OCR damaged that the archive's lexicon repairs? Undated:
    yes.

    >>> archive_era("1990-01-31"), archive_era("2022-11-04"), archive_era(None)
    (True, False, True)
    """
    return date is None or int(date[:4]) <= LEXICON_ENDS


def _as_read(name: str, dated: str | None) -> str:
    """A printed name as this paper's date lets it be read: repaired by the archive's lexicon in its era."""
    return snap_bewindspersoon(name) if archive_era(dated) else name


def snap_bewindspersoon(name: str) -> str:
    """A surname OCR damaged, read as the one well-attested name of the same length it must be.

    Only a name the archive does not print itself, one or two letters off a name printed in at least
    four papers, and only when exactly one such name is that close: "Ruvs de Beerenbrouck" is Ruys de
    Beerenbrouck, "Van Aartscn" Van Aartsen (printed in four), but "De Jonge" stays (another person than
    De Jong). Over the 1,437 archive papers outside the gold, four papers instead of five moves two
    signers, both rightly (Van Aartsen, Van Swaay); three would move "Steenberghe" to an OCR variant.

    >>> [snap_bewindspersoon(n) for n in ("Thorbkcke", "Ruvs de Beerenbrouck", "Van Aartscn", "De Jonge")]
    ['Thorbecke', 'Ruys de Beerenbrouck', 'Van Aartsen', 'De Jonge']
    """
    known = bewindspersonen()
    if name in known:
        return name
    close = [
        k
        for k, count in known.items()
        if count >= 4
        and len(k) == len(name)
        and k.lower() != name.lower()
        and sum(a != b for a, b in zip(k.lower(), name.lower(), strict=True)) <= 2
        and difflib.SequenceMatcher(None, k, name).ratio() >= 0.85
    ]
    return close[0] if len(close) == 1 else name


FUNCTION_WORD = (  # OCR leaves hyphens of line breaks in them ("Staatssecre-taris") and reads "in" as "m"
    r"(?:[Mm]inister-?\s?[Pp]resident|Vice-?\s?[Mm]inister-?\s?[Pp]resident|[Mm](?:i\s?n|m)is-?\s?ters?"
    r"|[Ss]taats-?\s?secre-?\s?taris)"
)
_PARTICLES = ("van", "de", "der", "den", "ter", "ten", "het", "'t", "te", "von", "du", "la", "le")
# never a signer's name: the Kamer's name, a ministry's word, a copy's mark, a numeral, a particle
_NOT_A_SURNAME = re.compile(
    r"(?i)\b(?:staten-?generaal|generaal|minister|staatssecretaris|wetenschappen|nijverheid|voedselvoorziening"
    r"|afschrift|kopij|bijlagen|handelingen|issn)\b|^(?:[ivxl]+|"
    + "|".join(map(re.escape, _PARTICLES))
    + ")$"
)
PARTICLE = (
    "(?:" + "|".join([*_PARTICLES, *(p.title() for p in _PARTICLES), "VAN", "DE", "DER", "DEN", "TER"]) + ")"
)
# the initials a first name is printed as, beside single capitals: "Th.", "Chr.", "Joh." (and in capitals)
INITIAL_WORDS = "Th|Ch|Ph|IJ|Tj|Chr|Joh|Jac|Wm"
INITIALS = rf"(?:(?:[A-Z]|{INITIAL_WORDS})\s?\.\s*){{1,6}}"
TITLES = r"(?:(?:mr|drs|dr|ir|prof|ing|jhr)\.?\s+)*"
# Latin letters with accents, Latin Extended-A too (Yeşilgöz, Çelik, Łukasz)
_LETTERS = "A-Za-zà-ÿĀ-ž'’"
# "d'Ancona", "D'Hondt": an elided particle glued to the name
SURNAME = (
    rf"(?:{PARTICLE}\s+)*(?:[dD]['’])?[A-ZÀ-ÝĀ-ž][{_LETTERS}]+"  # the name, then its double-barrelled parts
    rf"(?:-(?:{PARTICLE}-)?[A-ZÀ-Ýa-zà-ÿĀ-ž][{_LETTERS}]+)*"
)
# nor is the next signature of a block left unsigned ("Gegeven … De Minister zonder Portefeuille,\n\n
# De Minister van Overzeese Gebiedsdelen,", "…,\n\nAan de Tweede Kamer")
NOT_A_NAME = (
    r"(?:Tweede|Eerste|Aan|De|Het|Ter|Bijlage|Den|Kamer\w*|Staten|Nota|Zie|Minister|Staatssecretaris|Zaken"
    r"|Directeur)\b"
)
# a surname and the one capitalised word that may follow it ("Van der Stee", "De Koning Boot")
FULL_SURNAME = rf"{SURNAME}(?:[ ]+(?!{PARTICLE}\s|{NOT_A_NAME})[A-Z][a-zà-ÿ'’]+)?"
NAME = (
    rf"(?:{TITLES}{INITIALS}\s*{TITLES}|(?:(?!{NOT_A_NAME})[A-Z][a-zà-ÿ]+\s+)?)"
    rf"(?!{NOT_A_NAME})(?P<surname>{FULL_SURNAME})"
)
# what follows a signature block left unsigned ("De Minister van Financiën,\n\nMEMORIE VAN TOELICHTING")
# is no name
DOC_WORDS = (
    r"(?i:MEMORIE|NOTA|BIJLAGE|KONINKLIJKE|WIJ|STAAT|VERSLAG|BRIEF|ONTWERP|MOTIE|LIJST|RAPPORT|DIRECTEUR"
    r"|Tweede\s+Kamer|Kamerzitting)\b"
)
_NOT_A_SIGNER = rf"(?!{DOC_WORDS})"
# the heading of the next paper after a block left unsigned, also as OCR damaged its first word ("MEMOEIE VAN
# TOELICHTING", "ONTWEEP VAN WET"): no name
_NEXT_HEADING = re.compile(r"(?i)\bvan\s+(?:toelichting|wet|antwoord|wijziging|state)\b")
# what a signature is made of: "De" after a sentence's end or a line break, the function and its portfolio,
# the name in capitals or as written, nothing lower case straight after it
# (today's letters sign in lower case, "de minister van …", after a blank line or the closing formula; a line
# of wrapped text may start with "de minister van …" too; after the closing formula also on the same line,
# as a text that lost its line breaks prints it: "Hoogachtend, de minister voor Natuur en Stikstof, …")
SIGNED_BY = (
    r"(?:(?:^|\n|[.;:!?)\]»\"'’]\s*|\s)De"
    r"|(?:(?:^|\n)[ \t]*\n|(?i:hoogachtend|groet(?:en)?)[ \t]*[,.]?(?:[ \t]*\n\s*|[ \t]+(?=de\b)))[ \t]*de)"
    r"\s*\n*\s*"
)
FUNCTION_OF = rf"(?P<function>{FUNCTION_WORD})\s*(?P<prep>van|voor|zonder)\s+"
# initials as printed in capitals: "J. PATIJN", "TH. B. PLEYTE", "CH. RUYS DE BEERENBROUCK"
CAPS_INITIALS = rf"(?:(?:[A-Z]|{INITIAL_WORDS.upper()}|JHR)\.\s*)"
CAPS_LETTER = r"(?:[A-ZËÉÏÖÜ'’-]|(?<=[A-Z])1(?=[A-Z]))"  # OCR reads an I in capitals as a 1: "TEUL1NGS"
CAPS_NAME = rf"(?P<caps>{CAPS_INITIALS}{{0,5}}(?:[A-ZËÉÏÖÜ'’-]+\s+){{0,3}}{CAPS_LETTER}{{3,}})"
# a name ends the signature: nothing lower case straight after it (but the colophon of a printed Kamerstuk
# on the next line, "kst-36410-XVI-87": COLOPHON_ID), nor a comma and a name in capitals (then the words
# before were the function's: "…, tijdelijk Voorzitter van den Raad van Ministers, CH. RUYS …")
NAME_ENDS = (
    rf"(?![\w'’-])(?![,.\s]*(?!{COLOPHON_ID})[a-zà-ÿ]{{2}})"
    rf"(?!(?:(?!\bDe\s|Minister|Staatssecretaris)[^\n.]){{0,80}},"
    rf"\s*{CAPS_INITIALS}*(?:[A-ZËÉÏÖÜ'’-]+\s+){{0,3}}[A-ZËÉÏÖÜ'’-]{{3,}}\s*(?:[.\n]|$))"
)
# a co-signing on another's behalf between function and name ("De minister van Landbouw, Natuur en
# Voedselkwaliteit,\nmede namens de minister van Infrastructuur en Waterstaat,\n\nC.J. Schouten"): its
# ministry's words are no name (to its last comma, not given back), and the gap may not start inside it
ON_BEHALF = r"(?>(?i:mede)\s+namens\s+(?:[^\n]{0,200}\n)?[^\n]{0,200},\s*\n*\s*)"
SIGNATURE = (
    rf"{SIGNED_BY}(?:(?P<mp>[Mm]inister-?\s?[Pp]resident|Minister\s+van\s+Staat)\s*,\s*\n*\s*)?"
    rf"{FUNCTION_OF}(?P<ministry>(?i:{{MINISTRY}}))(?:\s+[-–]\s+[A-Z][^,\n]{{0,60}})?,?\s*\n*\s*{ON_BEHALF}?"
    rf"(?P<gap>(?!(?i:mede)\s+namens)(?:[^\n]{{0,60}}?[.\s]\n*\s*|[^\n]{{0,110}}?,\s*\n*\s*)??){_NOT_A_SIGNER}"
    rf"(?P<name>{CAPS_NAME}|{NAME}){NAME_ENDS}"
)


@lru_cache(maxsize=1)
def _signature() -> re.Pattern[str]:
    return re.compile(SIGNATURE.replace("{MINISTRY}", ministries()[0].pattern))


# A bewindspersoon whose portfolio the lexicon does not know keeps the function as printed: "De Minister voor
# Surinaamse en Nederlands-Antilliaanse Zaken, W.F. de Gaay Fortman". Only the signature's own shape counts:
# the portfolio's words capitalised, a comma, then a name with initials or a surname in capitals; and only
# a portfolio of Dutch words. A known ministry OCR damaged ("Minister van Bvitenlandsche Zaken") is no new
# portfolio: it is the lexicon's when exactly one name is that close (ocr_ministry), else left out.
PORTFOLIO = r"[A-ZÀ-Ý][\w'’-]+(?:(?:\s*,\s*|\s+)(?:(?:en|van|voor|de|het)\s+)*[A-ZÀ-Ý][\w'’-]+){0,6}"
# the name as a signature prints it: in capitals, or with initials
PRINTED_NAME = rf"{_NOT_A_SIGNER}(?P<name>{CAPS_NAME}|{TITLES}{INITIALS}\s*{TITLES}{FULL_SURNAME}){NAME_ENDS}"
PRINTED_SIGNATURE = re.compile(
    rf"{SIGNED_BY}(?:(?P<mp>[Mm]inister-?\s?[Pp]resident)\s*,\s*\n*\s*)?"
    rf"{FUNCTION_OF}(?P<ministry>{PORTFOLIO})\s*,\s*\n*\s*{ON_BEHALF}?{PRINTED_NAME}"
)

# the Minister-President signing as such, the ministry left out: "De Minister-President, R. F. M. Lubbers"
# (sgd/brieven/sgd-0000101272.txt); with the ministry, SIGNATURE reads it
MP_SIGNATURE = re.compile(rf"{SIGNED_BY}[Mm]inister-?\s?[Pp]resident\s*,\s*\n*\s*{PRINTED_NAME}")


# a surname as an answer's heading prints it after "de heer": no given name, maybe of several words with a
# particle inside ("van Lidth de Jeude", "Ruys de Beerenbrouck")
HEADING_SURNAME = rf"{SURNAME}(?:(?:\s+{PARTICLE})+\s+[A-Z][\w'’-]+)?"  # "Kappeyne van de Coppello"
# who answers, as the headings from the 1970s on print it: "Minister Lubbers", then the ministry in brackets
_ANSWERER = (
    rf"(?P<function>{FUNCTION_WORD})\s+"
    rf"(?P<name>{TITLES}(?:{INITIALS}\s*)?(?P<surname>{HEADING_SURNAME}(?:\s+[A-Z][a-zà-ÿ'’]+(?:-[a-zà-ÿ]+)?)?))\s*"
)
_BRACKETED_MINISTRY = (
    r"[,.]?\s*\((?P<ministry>[^()\d]{3,90})\)"  # a ministry, never "(Aanhangsel …, blz. 89)"
)
_ANSWER_WORD = rf"(?:antwoord(?:en)?|{aanhangsel.ANSWER_WORD})"  # the heading, "ANTWOORDEN" too, and OCR's
_VAN = aanhangsel.ANSWER_VAN
ANSWER = re.compile(
    # "Antwoord van Minister Lubbers (Economische Zaken)" (from the 1970s on)
    # and "Mededeling van staatssecretaris Gabor (…)", the notice that the answer comes later
    # and an answer printed as a letter: "Brief van Minister Lubbers (Economische Zaken). (Ontvangen …)"
    rf"\b(?:(?:Nader|Aanvullend|Tweede|NADER)\s+)?(?:{_ANSWER_WORD}|Mededeling|MEDEDELING|{aanhangsel.LETTER_ANSWER})"
    # the heading after its side heading, OCR'd: "Mededeling Mededehng van", "Antwoord Akkoord van"
    rf"\s+(?:[A-Z][a-z]{{5,9}}\s+)?{_VAN}\s+(?:de\s+)?"
    rf"{_ANSWERER}(?:{_BRACKETED_MINISTRY}"
    # "Antwoord van minister-president Lubbers, minister van Algemene Zaken."
    rf"|,\s*{FUNCTION_WORD}\s*van\s+(?P<ministry_b>[^().]{{3,90}}))"
    # "ANTWOORD van de heer Grosheide, Staatssecretaris van Onderwijs en Wetenschappen." (before)
    rf"|\b(?:(?:Nader|Aanvullend|NADER)\s+)?(?:{_ANSWER_WORD}|MEDEDELING|Mededeling)\s+{_VAN}\s+"
    # OCR: "dt heer", "don heer", "deu heer", "den. Heer"; "hoer", "lieer", "beer" (5 times), "her"
    rf"(?:(?:de|den|dt|don|deu)[.,]?\s+(?:[hH][eo]er|lieer|beer|her)|mevrouw|mejuffrouw|mej\.)\s+"
    rf"(?P<name2>{TITLES}(?:{INITIALS}\s*)?(?P<surname2>{HEADING_SURNAME}(?:\s+[A-Z][a-zà-ÿ'’]+)?))"
    rf"\s*[,.]\s*\.?(?:de\s+)?"
    rf"(?:(?:Minister-?\s?[Pp]resident\s*,\s*)?"  # "Minister-President, Minister van Algemene Zaken"
    rf"(?P<function2>{FUNCTION_WORD})\s*(?P<prep2>van|voor|zonder)\s+(?P<ministry2>[^().]{{3,120}})"
    # the head of the cabinet alone: "De Quay, Minister-President." and, before 1945, "de Geer, Voorzitter
    # van den Raad van Ministers, mede namens …"
    rf"|(?P<head2>Minister-?\s?[Pp]resident|Voorzitter\s+van\s+de[n]?\s+Raad\s+van\s+Ministers)(?=\s*[.,(]))"
)
# the next who answers with the first: "Antwoord van Minister Andriessen (Financiën) en van Minister Tuijnman
# (Verkeer en Waterstaat)"
NEXT_ANSWERER = re.compile(rf"\s*,?\s*(?:en\s+)?van\s+(?:de\s+)?{_ANSWERER}{_BRACKETED_MINISTRY}")
# after "de Ministers" the next is named without a function: "ANTWOORD van de Ministers Van der Stoel
# (Buitenlandse Zaken) en Lubbers (Economische Zaken)"
NEXT_OF_MINISTERS = re.compile(
    rf"\s*,?\s*en\s+(?P<surname>{HEADING_SURNAME}(?:\s+[A-Z][a-zà-ÿ'’]+(?:-[a-zà-ÿ]+)?)?)\s*{_BRACKETED_MINISTRY}"
)
# two who answer together: "ANTWOORD van de heeren Oud en Gelissen, Ministers van Financiën en van Economische
# Zaken." and "ANTWOORD van de heren Bakker, Minister van Verkeer en Waterstaat, en Van de Poel,
# Staatssecretaris van Cultuur, …", a stand-in's "a.i." after the ministry
_JOINT_NAME = rf"{TITLES}(?:{INITIALS}\s*)?{HEADING_SURNAME}"
JOINT_ANSWER = re.compile(
    rf"\b{_ANSWER_WORD}\s+{_VAN}\s+den?\s+hee?ren\s+"
    rf"(?:(?P<b1>{_JOINT_NAME})\s*,\s*(?P<bf1>{FUNCTION_WORD})\s+(?P<bp1>van|voor)\s+(?P<bm1>[^.()]+?)(?:\s+a\.\s?i\.)?\s*,?\s+en\s+"
    rf"(?P<b2>{_JOINT_NAME})\s*,\s*(?P<bf2>{FUNCTION_WORD})\s+(?P<bp2>van|voor)\s+(?P<bm2>[^.()]+?)(?:\s+a\.\s?i\.)?(?=\s*(?:\.|\(|,\s*mede\s+namens))"
    # two or more, then "Ministers": "ANTWOORD van de heeren Ort, Rambonnet en Bos-boom, Ministers van
    # Justitie, van Marine en van Oorlog." (sgd/aanhangsels/sgd-0000340249.txt, 1914; sgd-0000306106.txt,
    # 1926, names de Geer, de Visser en van Dijk), each name with the ministry in the same place
    rf"|(?P<c_names>{_JOINT_NAME}(?:\s*,\s*{_JOINT_NAME})*\s+en\s+{_JOINT_NAME})\s*,\s*Ministers\s+van\s+"
    rf"(?P<c_ministries>[^.()]+?)\s*[.(])"
)
# the ministries of such a heading, one after another: "Financiën, van Onderwijs, Kunsten en Wetenschappen en
# van Oorlog" (a ministry's own name may hold a comma and "en"; the next one starts with "van")
_NEXT_MINISTRY = re.compile(r"\s*,\s*van\s+|\s+en\s+van\s+")
# the answer's date: the first "(Ontvangen …)" (or, before the 1970s, "(Ingezonden …)") after it
ANSWER_DATE = re.compile(  # OCR may lose the bracket: "(Sociale Zaken). Ontvan-gen 2 maart 1984)"
    rf"(?:\(\s*|(?<=[.)]\s)f?)(?:{RECEIVED_WORD}|{SENT_IN_WORD})"  # OCR reads "(" as "f": "fingezonden"
    + RECEIVED_DATE
)


def _role(function: str, prep: str | None, ministry_text: str) -> str | None:
    """'Minister van Buitenlandse Zaken' from the printed pieces, the ministry checked against the lexicon."""
    found = ministry(ministry_text)
    words = ministry_text.split()
    # the printed text may run on past the ministry: take the longest known prefix
    while found is None and len(words) > 1:
        words = words[:-1]
        found = ministry(" ".join(words).rstrip(","))
    if found is None:
        return None
    known_prep, name = found
    func = re.sub(r"[\s-]", "", function.lower())
    if "president" in func:
        head = "Minister-President, Minister"
        prep = "van"
    elif func.startswith("staatssecretaris"):
        head = "Staatssecretaris"
    else:
        head = "Minister"
    return f"{head} {(prep or known_prep).lower()} {name}"


def _surname(raw: str, first_names: bool = True) -> str:
    """A printed name reduced to its surname, particles kept: 'F. J. VAN THIEL' → 'Van Thiel'.

    >>> _surname("A. Noote-boom"), _surname("N. Smit-Kroes"), _surname("E. Korte-van Hemel")
    ('Nooteboom', 'Smit-Kroes', 'Korte-van Hemel')
    >>> _surname("VViersma"), _surname("TEUL1NGS")
    ('Wiersma', 'Teulings')
    >>> _surname("Mark Harbers"), _surname("Eric van der Burg"), _surname("DE JONG"), _surname("Van Thiel")
    ('Harbers', 'van der Burg', 'De Jong', 'Van Thiel')
    >>> _surname("Korthals Altes"), _surname("Hirsch Ballin")
    ('Korthals Altes', 'Hirsch Ballin')
    """
    printed = raw.replace(".", ". ").split()
    words = [
        w for w in printed if not re.fullmatch(rf"(?:[A-Z]|{INITIAL_WORDS}|{INITIAL_WORDS.upper()}|JHR)\.", w)
    ]
    # initials stand for the given names: what follows them is the surname ("A. Kappeyne van de Coppello")
    first_names = first_names and len(words) == len(printed)
    words = [w for w in words if w.lower().strip(".") not in ("mr", "drs", "dr", "ir", "prof", "ing", "jhr")]
    name = " ".join(words).strip(" .,")
    # OCR keeps the hyphen of a name broken over a line ("Noote-boom", "Gardeniers-Be-rendsen"); a double
    # name's second part starts with a capital ("Smit-Kroes") or a particle ("Korte-van Hemel")
    name = re.sub(r"(?<=[a-zà-ÿ])-(?=[a-zà-ÿ])(?!(?:van|de|der|den|ter|ten|te|het)\s)", "", name)
    name = re.sub(r"\bVV(?=[a-zà-ÿ])", "W", name)  # OCR reads a W as two Vs: "VViersma"
    name = re.sub(r"(?<=[A-Z])1(?=[A-Z])", "I", name)  # and an I in capitals as a 1: "TEUL1NGS"
    caps = name.isupper()  # printed in capitals, first names as initials: "RUYS DE BEERENBROUCK" is a surname
    if caps:
        name = _title_case(name)
    # a first name before the surname ("Hugo de Jonge"): drop it when a particle or surname follows; a
    # heading's "de heer Ruys de Beerenbrouck" prints none (``first_names=False``); today's letters may print
    # the given name in full before a surname of one word ("Mark Harbers", "Liesje Schreinemacher")
    parts = name.split()
    given = first_names and not caps and len(parts) >= 2 and parts[0].lower() not in TUSSENVOEGSELS
    if given and (
        (len(parts) >= 3 and parts[1].lower() in TUSSENVOEGSELS)
        or (
            len(parts) == 2
            and re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]{2,}", parts[0])
            and parts[1][:1].isupper()
            and " ".join(parts) not in bewindspersonen()  # a surname of two words: "Korthals Altes"
        )
    ):
        parts = parts[1:]
    return " ".join(parts)


def _signed(
    m: re.Match[str], role: str | None, initials: str = "", dated: str | None = None
) -> list[tuple[int, Author]]:
    """The signer a signature match names, at its position; none when the role was declined or the name is
    none ("VAN ItAi'PAitD": OCR left the particle only); ``dated``: the paper's date (``_as_read``)."""
    name = _surname(initials + (m.group("caps") or m.group("name")))
    if role is None or len(name) < 2 or _NOT_A_SURNAME.search(name):
        return []
    return [(m.start(), Author(_as_read(name, dated), role))]


def signers(text: str, start: int = 0, dated: str | None = None) -> list[Author]:
    """The bewindspersonen who sign a letter, with their function.

    Signatures stand together; the first group after ``start`` (the head) is the letter's own. ``dated``:
    the paper's date, which says whether a name OCR damaged is read as the archive's lexicon has it.

    >>> signed = "Tekst.\\n\\nDe Minister van Buitenlandse Zaken, H. van den Broek"
    >>> [(a.name, a.role) for a in signers(signed)]
    [('van den Broek', 'Minister van Buitenlandse Zaken')]
    >>> [a.name for a in signers("Tekst. De Minister van Maatschappelijk Werk,\\n\\nF. J. VAN THIEL.")]
    ['Van Thiel']
    """
    found: list[tuple[int, Author]] = []
    for m in _signature().finditer(text, start):
        mp = m.group("mp") or ""
        president = "resident" in mp
        role = _role(mp if president else m.group("function"), m.group("prep"), m.group("ministry").strip())
        if role is None:
            continue
        if mp and not president:  # "De Minister van Staat, Minister van Financiën, DE GEER."
            role = f"Minister van Staat, {role}"
        if len(m.group("gap").split()) > (16 if m.group("gap").rstrip().endswith(",") else 8):
            continue  # a sentence about a minister, not a signature (a function's extension may be longer)
        if re.search(rf"\b(?:Minister|Staatssecretaris|Aan)\b|\b{DOC_WORDS}", m.group("gap")):
            continue  # a block left unsigned: the next function or the address follows, no name
        if _NEXT_HEADING.search(text, m.start("gap"), m.end("name")):
            continue
        # the initials the gap took belong to the name ("A. " before "Kappeyne van de Coppello")
        initials = re.search(rf"\b(?:[A-Z]|{INITIAL_WORDS})\.\s*$", m.group("gap"))
        found += _signed(m, role, (initials.group(0) if initials else ""), dated)
    known = {pos for pos, _ in found}
    for m in PRINTED_SIGNATURE.finditer(text, start):
        if m.start() in known or _role(m.group("function"), m.group("prep"), m.group("ministry")) is not None:
            continue  # a known ministry: the lexicon's reading stands (or declined)
        if _dutch_words(m.group("ministry")):
            role = _as_printed(m.group("mp"), m.group("function"), m.group("prep"), m.group("ministry"))
        else:  # a known ministry as OCR damaged it ("Bvitenlandsche Zaken"): the lexicon's, if that close
            near = ocr_ministry(m.group("ministry"))
            role = _role(m.group("function"), m.group("prep"), near) if near else None
        found += _signed(m, role, dated=dated)
    for m in MP_SIGNATURE.finditer(text, start):
        found += _signed(m, "Minister-President", dated=dated)
    if not found:
        return []
    found.sort(key=lambda pa: pa[0])
    group = [found[0]]
    for pos, author in found[1:]:
        if pos - group[-1][0] > 400:
            break
        group.append((pos, author))
    out: list[Author] = []
    for _, a in group:
        if a.name.lower() not in {x.name.lower() for x in out}:
            out.append(a)
    return out


def _headings(text: str) -> list[tuple[int, str, str | None, bool]]:
    """Every answerer an Aanhangsel's headings name, in order: (position of the heading, printed name, role,
    whether a given name may stand before the surname); the names of one heading share its position."""
    out: list[tuple[int, str, str | None, bool]] = []
    for m in JOINT_ANSWER.finditer(text):
        if m.group("c_names"):
            names = re.split(r"\s*,\s*|\s+en\s+", m.group("c_names"))
            ministries = _NEXT_MINISTRY.split(m.group("c_ministries"))
            if len(names) == len(ministries):  # else which minister holds which portfolio is unsure
                for name, ministry_text in zip(names, ministries, strict=True):
                    out.append((m.start(), name, _role("Minister", "van", ministry_text), False))
        else:
            for i in (1, 2):
                role = _role(m.group(f"bf{i}"), m.group(f"bp{i}"), m.group(f"bm{i}"))
                out.append((m.start(), m.group(f"b{i}"), role, False))
    for m in ANSWER.finditer(text):
        if m.group("surname"):
            role = _role(m.group("function"), None, m.group("ministry") or m.group("ministry_b"))
            raw, first_names = m.group("surname"), False  # "Wallis de Vries", "Glastra van Loon": surnames
        elif m.group("head2"):
            role = (
                "Minister-President"
                if "resident" in m.group("head2")
                else "Voorzitter van de Raad van Ministers"
            )
            raw, first_names = m.group("surname2"), False
        else:
            role = _role(m.group("function2"), m.group("prep2"), m.group("ministry2"))
            raw, first_names = m.group("surname2"), False
        if role is None and raw:  # a ministry OCR broke ("Bmnenlandse Zaken"): the function as printed
            role = _printed_role(m)
        out.append((m.start(), raw, role, first_names))
        nxt = NEXT_ANSWERER.match(text, m.end()) if m.group("surname") else None
        while nxt:
            role = _role(nxt.group("function"), None, nxt.group("ministry")) or _printed_role(nxt)
            out.append((m.start(), nxt.group("surname"), role, False))
            nxt = NEXT_ANSWERER.match(text, nxt.end())
        plural = m.group("surname") and re.search(r"ters$", m.group("function"))
        also = NEXT_OF_MINISTERS.match(text, m.end()) if plural else None
        if also:
            ministry_text = also.group("ministry")
            printed = _as_printed(None, "Minister", "van", ministry_text)
            role = _role("Minister", None, ministry_text) or printed
            out.append((m.start(), also.group("surname"), role, False))
    return sorted(out, key=lambda h: h[0])


def answerers(text: str, dated: str | None = None) -> list[Author]:
    """Who answers an Aanhangsel's questions: "Antwoord van Minister Lubbers (Economische Zaken)"; ``dated``
    as for ``signers``."""
    out: list[Author] = []
    seen = bewindspersonen()
    for _, author in answer_headings(text, dated):
        name, role = author.name, author.role
        twin = next((i for i, a in enumerate(out) if _same_name(name, a.name)), None)
        if twin is None:
            out.append(Author(name, role))
        elif seen.get(name, 0) > seen.get(out[twin].name, 0):
            out[twin] = Author(name, role)  # the form the archive prints more often
    return out


def answer_headings(text: str, dated: str | None = None) -> list[tuple[int, Author]]:
    """Each answerer an Aanhangsel's headings name, at the heading's position, in the order printed (the names
    of a joint heading at the same one): on a page of several answers the answer after a heading is theirs.
    ``dated`` as for ``signers``.

    >>> page = ("ANTWOORD van den heer Drees, Minister van Sociale Zaken. (Ingezonden 20 Mei 1946.)\\nJa.\\n"
    ...         "ANTWOORD van den heer Beel, Minister van Binnenlandsche Zaken. "
    ...         "(Ingezonden 21 Mei 1946.)\\nNeen.")
    >>> [(at, a.name) for at, a in answer_headings(page)]
    [(0, 'Drees'), (87, 'Beel')]
    """
    out: list[tuple[int, Author]] = []
    for at, raw, role, first_names in _headings(text):
        name = _surname(raw, first_names=first_names) if raw else ""
        if role and name and not _NOT_A_SURNAME.search(name):
            out.append((at, Author(_as_read(name, dated), role)))
    return out


def _same_name(a: str, b: str) -> bool:
    """One name printed twice, once as OCR damaged it ("Alting von Geusau", "Alting von Gcusau")."""
    return a.lower() == b.lower() or difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.9


# "Ontwikkelings-samenwerking" is one word; "Grote Steden- en Integratiebeleid" stays as it is
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[a-zà-ÿ])-\s*(?!(?:en|of)\s)(?=[a-zà-ÿ])")


def _dutch_words(portfolio: str) -> bool:
    """Whether a portfolio as printed is made of Dutch words (OCR's "Bvitenlandsche" is none).

    >>> _dutch_words("Surinaamse en Nederlands-Antilliaanse Zaken"), _dutch_words("Binnenlandschc Zaken")
    (True, False)
    """
    from ..extract.normalize import lexicon

    words = lexicon()
    parts = [w for w in re.split(r"[\s,-]+", _LINE_BREAK_HYPHEN.sub("", portfolio).lower()) if w]
    return bool(parts) and all(w in words and w not in ("minister", "staatssecretaris") for w in parts)


def _as_printed(mp: str | None, function: str, prep: str, portfolio: str) -> str:
    """A function whose portfolio the lexicon does not know, as printed, OCR's line-break hyphens out.

    >>> _as_printed(None, "Minister", "voor", "Surinaamse en Nederlands-Antilliaanse Zaken")
    'Minister voor Surinaamse en Nederlands-Antilliaanse Zaken'
    >>> _as_printed(None, "Staatssecre-taris", "van", "Ont-wikkelingshulp")
    'Staatssecretaris van Ontwikkelingshulp'
    """
    func = re.sub(r"[\s-]", "", function.lower())
    head = "Staatssecretaris" if func.startswith("staatssecretaris") else "Minister"
    if mp:
        head = "Minister-President, Minister"
    words = _LINE_BREAK_HYPHEN.sub("", f"{head} {prep.lower()} {portfolio}").split()
    return " ".join(words).rstrip(" ,.;:")


def _printed_role(m: re.Match[str]) -> str:
    """The answerer's function as the heading prints it, OCR's line-break hyphens out."""
    if m.group("surname"):
        ministry_text = m.groupdict().get("ministry") or m.groupdict().get("ministry_b") or ""
        function, prep = m.group("function"), "van"
    else:
        function, prep, ministry_text = m.group("function2"), m.group("prep2"), m.group("ministry2")
    ministry_text = re.split(r",\s*mede\s+namens|\s+mede\s+namens", ministry_text)[0]
    words = re.sub(r"-\s*", "", f"{function[:1].upper()}{function[1:]} {prep} {ministry_text}").split()
    return " ".join(words).rstrip(" ,.;:")


def sent_in_date(text: str) -> str | None:
    """When Kamervragen were sent in: ``(Ingezonden 10 januari 1992)``."""
    m = SENT_IN.search(text[:4000])
    return printed_date(m) if m else None

"""Readers of what a paper prints about itself: title, date, number, signers.

Plain functions over the normalized text (and the running lines the layout
stage took out of it), so XML, born-digital PDF and scan are read by the
same rules; ``kinds.py`` decides which of them a kind of paper uses.
Nothing is taken from the file name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import resources
from ..schema import Author, KamerstukId
from .dutch import MONTH_RE, TUSSENVOEGSELS

VERGADERJAAR = re.compile(r"\bvergaderjaar\s+((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)?\d\d)\b", re.I)
# set in capitals; typos in the words before the names occur ("VAN DE HET LID", "VAN HET EL …")
MOTION_TITLE = re.compile(
    r"\b((?:(?:TWEEDE\s+|DERDE\s+)?NADER\s+)?(?:GEWIJZ[A-Z]*\s+)?"
    r"MOTIE\s+(?:(?:VAN|HET|DE|DEN)\s+)+[A-Z][A-Z'’.\- ]*"
    r"[^\n]*?)(?=\s+(?:TER\s+VERVANGING|Voorgesteld|De\s+Kamer\b)|\n|$)",
)
AMENDMENT_TITLE = re.compile(r"\b((?:GEWIJZIGD\s+)?AMENDEMENT\s+VAN\s+(?:HET\s+LID|DE\s+LEDEN)\b[^\n]*)")
PROPOSED = re.compile(rf"\bVoorgesteld\b[^\n]{{0,120}}?\b(\d{{1,2}}\s*(?:{MONTH_RE})\.?\s+\d{{4}})", re.I)
ORDE = re.compile(r"en\s+gaat\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\W*", re.I)
# "kst-19637-3186" printed in the footer of official PDFs
KST_ID = re.compile(r"\bkst-(\d{4,6})(?:-([A-Z0-9]{1,6}|\(R\d+\)))?-(\d{1,5})\b")
# the head: "19 637" or "21 501-02" or "36 410 A" (or "(R2160)") then, later, "Nr. 3186"
HEAD_DOSSIER = re.compile(
    r"(?:^|\n)\s*(\d{2}\s?\d{3})(?:\s*-\s*([0-9]{1,3}|[A-Z]{1,5})\b|\s+([A-Z]{1,5}|[IVXL]+[A-Z]?)\b(?=\s))?"
    r"(?:\s*\((R\d{3,4})\))?[ \t]+(?=[A-Z«(])"
)
HEAD_NR = re.compile(r"(?:^|\n|\s)Nr\.\s*(\d{1,5})\b")
RUNNING = re.compile(
    r"Tweede\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[-–]\s*\d{4},\s+(\d{2}\s?\d{3})"
    r"(?:\s*-\s*([0-9]{1,3})|\s+([A-Z]{1,5}))?,\s+nr\.\s*(\d{1,5})",
    re.I,
)
SIGNER_FUNCTION = re.compile(
    r"(?:^|\n)\s*(?:De\s+|Het\s+)?((?:Minister-president|Minister|Staatssecretaris|"
    r"Vicepremier)\b[^\n,]{0,110}?)\s*,\s*"
    r"((?:[A-Z]\.\s?){0,5}\s*(?:(?:van|de|der|den|ter|ten|het|'t|in\s+'t)\s+)*[A-Z][\w'’-]+"
    r"(?:[ -][A-Z][\w'’-]+)?)\s*(?=\n|$)"
)
NAME_LINE = re.compile(
    r"^(?:[A-Z]\.\s?){0,5}\s*(?:(?:[Vv]an|[Dd]e|der|den|ter|ten|[Hh]et|'t|in\s+'t|[Tt]e|[Ll]e|[Ee]l)\s+)*"
    r"[A-ZÀ-Ý][\w'’.ëéèïöüç-]*(?:[ -](?:(?:van|de|der|den|ter|ten)\s+)*[A-ZÀ-Ý][\w'’ëéèïöüç-]+)*$"
)


def head(text: str, size: int = 1500) -> str:
    return text[:size]


def motion_title(text: str) -> str | None:
    m = MOTION_TITLE.search(head(text, 2500))
    return " ".join(m.group(1).split()) if m else None


def fix_toevoeging(t: str | None) -> str | None:
    """Repair OCR damage in a roman-numeral toevoeging: ``VI11`` → ``VIII``, ``V1`` → ``VI``.

    >>> fix_toevoeging("VI11"), fix_toevoeging("V1"), fix_toevoeging("A"), fix_toevoeging("02")
    ('VIII', 'VI', 'A', '02')
    """
    if t and re.fullmatch(r"[IVXLC1l|]+", t) and re.search(r"[IVXLC]", t):
        return re.sub(r"[1l|]", "I", t)
    return t


def kamerstuk_of(text: str, running: list[str]) -> KamerstukId | None:
    found = _kamerstuk_of(text, running)
    if found is None:
        return None
    return KamerstukId(found.dossier, fix_toevoeging(found.toevoeging), found.ondernummer)


def _kamerstuk_of(text: str, running: list[str]) -> KamerstukId | None:
    """The document's own Kamerstuk number, from its footer id, running header or head."""
    for src in running:
        m = KST_ID.search(src)
        if m:
            return KamerstukId(m.group(1), m.group(2), m.group(3))
    # in the text only as a colophon line of its own, not as a citation in a sentence
    m = re.search(rf"(?m)^\s*{KST_ID.pattern}\s*$", text)
    if m:
        return KamerstukId(m.group(1), m.group(2), m.group(3))
    for src in running:
        m = RUNNING.search(src)
        if m:
            return KamerstukId(m.group(1).replace(" ", ""), m.group(2) or m.group(3), m.group(4))
    top = head(text, 1200)
    d = HEAD_DOSSIER.search(top)
    n = HEAD_NR.search(top, d.end() if d else 0)
    if d and n:
        toevoeging = d.group(2) or d.group(3)
        if d.group(4):
            toevoeging = None  # a rijkswet number is not part of the kst id
        return KamerstukId(d.group(1).replace(" ", ""), toevoeging, n.group(1))
    return None


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
    out: dict[str, tuple[str, int]] = {}
    for line in resources.read_text("lexicons", "kamerleden.tsv").splitlines():
        if line and not line.startswith("#"):
            name, _, count = line.partition("\t")
            out[name.lower()] = (name, int(count or 1))
    return out


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
    known = kamerleden() if known is None else known
    low = name.lower()
    if len(low) < 4:
        return name
    seen = known[low][1] if low in known else 0
    fits = {
        printed
        for key, (printed, count) in known.items()
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
    """
    m = re.search(
        r"VAN\s+(?:(?:HET|DE|DEN)\s+)*(?:LID|LEDEN)?\s*(.+?)(?:\s+C\.S\.|\s+TER\s+VERVANGING|$)", title
    )
    if not m:
        return []
    names = re.split(r"\s*,\s*|\s+EN\s+", m.group(1).strip(" ."))
    return [_title_case(n) for n in names if n.strip()]


def _title_case(name: str) -> str:
    words = name.split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i > 0 and lw in TUSSENVOEGSELS:
            out.append(lw)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def letter_signers(text: str) -> list[Author]:
    """Signing bewindspersonen at the end of a letter, with their function."""
    tail_start = max(0, len(text) - 4000)
    authors = []
    for m in SIGNER_FUNCTION.finditer(text, tail_start):
        role = " ".join(m.group(1).split()).rstrip(",")
        role = role[:1].upper() + role[1:]
        name = surname(m.group(2))
        if name:
            authors.append(Author(name=name, role=role))
    return authors


def surname(name: str) -> str:
    """Initials dropped, tussenvoegsel kept: ``'E.M.J. Ploumen'`` → ``'Ploumen'``.

    >>> surname("E.M.J. Ploumen"), surname("W.B. Hoekstra"), surname("mr. drs. A. van der Plas")
    ('Ploumen', 'Hoekstra', 'van der Plas')
    """
    words = [w for w in name.split() if not re.fullmatch(r"(?:[A-Z]\.)+|mr\.|drs\.|dr\.|ir\.|prof\.", w)]
    return " ".join(words)


def dossier_title(text: str) -> str | None:
    d = HEAD_DOSSIER.search(head(text, 1200))
    if not d:
        return None
    rest = text[d.end() : d.end() + 300].split("\n", 1)[0]
    rest = re.split(r"\s+Nr\.\s*\d", rest)[0].strip()
    return rest or None

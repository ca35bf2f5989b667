"""Sentence boundaries for Dutch parliamentary text.

A plain function over the normalized text; ``analyse`` gives every sentence
the role of its segment and its speaker. Boundaries: paragraph breaks, and ``. ! ?`` before a capital,
digit, quote or bracket, except after abbreviations (``nr.``, ``d.d.``,
``t.v.v.``, ``c.s.``, ``jl.``, ``o.a.``, ``blz.``, ``p.``, initials ``E.M.J.``).
Footnote markers are already out of the normalized text, so ``stakeholders.¹
Mede`` is an ordinary boundary.
"""

from __future__ import annotations

import re

from .dutch import ABBREVIATIONS, COLOPHON_ID, ISSN, NAME_ABBREVIATION
from .meta import RECEIVED_WORD, SENT_IN_WORD, place_dates

# abbreviations that end a phrase ("op 3 februari jl.", "enz.", "N.V."): before a word that opens a sentence
# they end it too ("… van 3 februari jl. Deze bijeenkomst …"); titles and initials never do ("mr. De Vries")
_PHRASE_END = frozenset({"jl", "j.l", "a.s", "enz", "etc", "e.a", "e.d", "e.v", "c.s", "n.v", "b.v"})
_OPENER = re.compile(
    r"\s+(?:De|Het|Een|Deze|Dit|Die|Dat|Ik|Wij|Zij|Hij|Er|Hierbij|Hiermee|Daarbij|Daarnaast|Tevens|Ook|Voorts|"
    r"Verder|Bovendien|Inmiddels|Thans|Nu|Als|Indien|Zodra|Omdat|Aangezien|Gelet|Mede|Naar|Op|In|Bij|Voor|Met|"
    r"Over|Uit|Na|Tot|U|Uw|Hoewel|Wel|Niet|Zoals)\b"
)
# OCR text keeps a footnote marker glued to the full stop ("… door Aruba.1 De regering …")
_END = re.compile(
    r"[.!?]+[)\"'»”’]*(?=\s+[\"'«“‘(\[]?[A-ZÀ-Ý0-9•])|(?<=[a-zà-ÿ])[.!?]\d{1,2}(?=\s+[A-ZÀ-Ý])|\n{2,}"
    # the archive's footnote marker after the full stop, as OCR prints it: "… 1947. ') Ik …", "… zaken.2) De"
    r"|(?<=[a-zà-ÿ\d])[.!?]\s?(?:['’`]|\d{1,2})\)(?=\s+[A-ZÀ-Ý])"
)

# an Aanhangsel's receipt line stands between the answer's heading and its first answer, often without a
# full stop: "(Ontvangen 12 april 1983) 1 Het is gebruikelijk …" is two sentences, and the date is no deadline
_RECEIPT = re.compile(
    rf"\(\s*(?:{RECEIVED_WORD}|{SENT_IN_WORD})\s[^()]{{3,40}}?\b1[89]\d\d\s*\.?\s*\)\.?"
    r"|\([Zz]ie\s+(?:ook\s+)?(?:het\s+)?Aanhangsel[^()]{3,120}\)\.?"  # "(Zie ook Aanhangsel …, nr. 568)"
)
# the colophon a printed Kamerstuk or Aanhangsel puts on a line of its own ("kst-36410-XVI-87",
# "ah-tk-20232024-1523", "ISSN 0921 - 7371") ends the sentence before it, though it starts lower case
# (or, the lines joined, straight after a sentence's end)
_COLOPHON = re.compile(
    rf"(?m)^[ \t]*(?:{COLOPHON_ID}|{ISSN})[ \t]*$|(?<=[.!?])[ \t]+(?P<id>{COLOPHON_ID})(?=\s|$)"
)
# a letter's place-and-date line (meta's reading of it) run into its first sentence when OCR lost the line
# break: "'s-Gravenhage, 25 mei 1987 In vervolg op de brief …"
_SENTENCE_GOES_ON = re.compile(r"[ \t]+[A-ZÀ-Ý][a-zà-ÿ]")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, whitespace trimmed.

    >>> t = "De motie (nr. 24) is aangenomen. Zij verzoekt de regering, d.d. 3 mei, iets."
    >>> [t[s:e] for s, e in sentences(t)]
    ['De motie (nr. 24) is aangenomen.', 'Zij verzoekt de regering, d.d. 3 mei, iets.']
    >>> t = "Dat geldt ook voor Aruba.1 De regering zal beslissen."
    >>> [t[s:e] for s, e in sentences(t)]
    ['Dat geldt ook voor Aruba.1', 'De regering zal beslissen.']
    >>> t = "Dat werd gemeld op 11 Augustus 1947. ') Ik teken hierbij aan, dat het goed is."
    >>> [t[s:e] for s, e in sentences(t)]
    ["Dat werd gemeld op 11 Augustus 1947. ')", 'Ik teken hierbij aan, dat het goed is.']
    >>> t = "Het artikel van 3 februari jl. Deze bijeenkomst is goed verlopen."
    >>> [t[s:e] for s, e in sentences(t)]
    ['Het artikel van 3 februari jl.', 'Deze bijeenkomst is goed verlopen.']
    >>> t = "Naar aanleiding van uw schrijven over vragen van den heer ir. Ch. G. Cramer deel ik u mede."
    >>> len(sentences(t))
    1
    >>> t = "Ik zal met hen overleg-gen. De tweede ondergetekende zal besprekingen voeren."
    >>> len(sentences(t))
    2
    >>> t = "Ondertekend door E.M.J. Ploumen en H.G.J. Kamp."
    >>> [t[s:e] for s, e in sentences(t)]
    ['Ondertekend door E.M.J. Ploumen en H.G.J. Kamp.']
    >>> t = "'s-Gravenhage, 25 mei 1987 In vervolg op de brief van 15 mei deel ik u mee dat het kan."
    >>> [t[s:e] for s, e in sentences(t)]
    ["'s-Gravenhage, 25 mei 1987", 'In vervolg op de brief van 15 mei deel ik u mee dat het kan.']
    >>> t = "Antwoord van Minister Van Dijk (Ontvangen 12 april 1983) 1 Het is gebruikelijk dat dit gebeurt."
    >>> [t[s:e] for s, e in sentences(t)]
    ['Antwoord van Minister Van Dijk', '(Ontvangen 12 april 1983)', '1 Het is gebruikelijk dat dit gebeurt.']
    >>> t = "Dit is later dan voorzien.\\nah-tk-20232024-1523\\nISSN 0921 - 7398"
    >>> [t[s:e] for s, e in sentences(t)]
    ['Dit is later dan voorzien.', 'ah-tk-20232024-1523', 'ISSN 0921 - 7398']
    >>> t = "Dit is later dan voorzien. kst-36410-XVI-87"
    >>> [t[s:e] for s, e in sentences(t)]
    ['Dit is later dan voorzien.', 'kst-36410-XVI-87']
    """
    cuts: list[int] = [c for m in _RECEIPT.finditer(text) for c in m.span()]
    cuts += [c for m in _COLOPHON.finditer(text) for c in m.span("id" if m.group("id") else 0)]
    cuts += [m.end() for m in place_dates(text, 0, len(text)) if _SENTENCE_GOES_ON.match(text, m.end())]
    for m in _END.finditer(text):
        if m.group(0).startswith("\n"):
            cuts.append(m.start())
            continue
        if m.group(0)[0] == ".":
            word = re.search(r"([\w.]+)\.?$", text[max(0, m.start() - 20) : m.start()])
            token = word.group(1).lower() if word else ""
            ends_phrase = token in _PHRASE_END and _OPENER.match(text, m.end())
            if (token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token)) and not ends_phrase:
                continue  # abbreviation or an initial
            if NAME_ABBREVIATION.search(text, max(0, m.start() - 6), m.start()):
                continue  # "ir. Ch. G. Cramer"
        cuts.append(m.end())
    out: list[tuple[int, int]] = []
    start = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        start = cut
    return out

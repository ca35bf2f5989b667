"""Sentence boundaries for Dutch parliamentary text.

A plain function (``sentences``) and the spaCy component ``kamer_sentences``
that applies it. Boundaries: paragraph breaks, and ``. ! ?`` before a capital,
digit, quote or bracket, except after abbreviations (``nr.``, ``d.d.``,
``t.v.v.``, ``c.s.``, ``jl.``, ``o.a.``, ``blz.``, ``p.``, initials ``E.M.J.``).
Footnote markers are already out of the normalized text, so ``stakeholders.¹
Mede`` is an ordinary boundary.
"""

from __future__ import annotations

import re
from typing import Any

ABBREVIATIONS = frozenset(
    [
        "nr",
        "nrs",
        "d.d",
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
        "kamerstuk",
        "z.g",
        "zgn",
        "a.s",
        "j.l",
        "t.a.v",
        "i.o.m",
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
    ]
)
_END = re.compile(r"[.!?]+[)\"'»”’]*(?=\s+[\"'«“‘(\[]?[A-ZÀ-Ý0-9•])|\n{2,}")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, whitespace trimmed.

    >>> t = "De motie (nr. 24) is aangenomen. Zij verzoekt de regering, d.d. 3 mei, iets."
    >>> [t[s:e] for s, e in sentences(t)]
    ['De motie (nr. 24) is aangenomen.', 'Zij verzoekt de regering, d.d. 3 mei, iets.']
    >>> t = "Ondertekend door E.M.J. Ploumen en H.G.J. Kamp."
    >>> [t[s:e] for s, e in sentences(t)]
    ['Ondertekend door E.M.J. Ploumen en H.G.J. Kamp.']
    """
    cuts: list[int] = []
    for m in _END.finditer(text):
        if m.group(0).startswith("\n"):
            cuts.append(m.start())
            continue
        if m.group(0)[0] == ".":
            word = re.search(r"([\w.]+)\.?$", text[max(0, m.start() - 20) : m.start()])
            token = word.group(1).lower() if word else ""
            if token in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", token):
                continue  # abbreviation or an initial
        cuts.append(m.end())
    out: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        start = cut
    return out


def sentence_at(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The sentence holding ``offset`` (or the one ending right before it)."""
    best = None
    for s, e in bounds:
        if s <= offset <= e:
            return (s, e)
        if e <= offset:
            best = (s, e)
    return best


def doc_text(doc: Any) -> str:
    """A Doc's text, computed once: ``Doc.text`` joins all tokens on every access."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return str(text)


def _register() -> None:
    import numpy
    from spacy.attrs import SENT_START
    from spacy.language import Language
    from spacy.tokens import Doc

    if "kamer_sentences" in Language.factories:
        return

    @Language.factory("kamer_sentences", assigns=["token.is_sent_start"])
    def make_component(nlp: Language, name: str) -> Any:
        def component(doc: Doc) -> Doc:
            bounds = sentences(doc_text(doc))
            doc.user_data["kamer_sentences"] = bounds  # exact character offsets
            if len(doc):
                idx = doc.to_array("IDX")
                values = numpy.where(numpy.isin(idx, [s for s, _ in bounds]), 1, -1).astype("int64")
                values[0] = 1
                values = values.reshape(-1, 1).astype("uint64")
                doc.from_array([SENT_START], values)  # type: ignore[arg-type]  # one call, not per token
            return doc

        return component


_register()

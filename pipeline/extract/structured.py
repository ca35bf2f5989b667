"""Shared tools of the readers of structured sources (VLOS XML, Handelingen XML, Word).

A structured source states its own structure: who speaks, where a motion
starts and ends, which paragraph is a question. Its reader writes the text
as ``Line`` objects (one per paragraph) and labels regions of them with
``Region`` objects; ``normalize.assemble`` turns the regions into ``Mark``
objects with exact offsets into the normalized text. Nothing here knows
Dutch: the readers copy the markup's own fields into the regions' attrs.

* ``LineWriter`` collects the lines and anchors regions on them.
* ``inline_text`` reads one XML block element (a paragraph) into text,
  tolerant of pretty-printed XML, with the regions of its inline elements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .lines import Line, Region
from .normalize import clean_unicode

Attrs = tuple[tuple[str, str], ...]


def attrs(pairs: Iterable[tuple[str, str | None]] | Mapping[str, str | None]) -> Attrs:
    """Region attributes from name/value pairs; empty values are left out, the first of a name wins.

    >>> attrs([("naam", " Agema "), ("fractie", ""), ("naam", "x"), ("functie", None)])
    (('naam', 'Agema'),)
    """
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    out: dict[str, str] = {}
    for key, value in items:
        text = " ".join((value or "").split())
        if text and key not in out:
            out[key] = text
    return tuple(out.items())


class LineWriter:
    """The lines of a structured source, one per paragraph, with the regions on them.

    ``open`` starts a region at the next line written; ``close`` ends it at
    the end of the last line written. A region closed before any line was
    written inside it is anchored, empty, at the end of the last line.

    >>> w = LineWriter()
    >>> turn = w.open("turn", (("speaker", "Agema"),))
    >>> _ = w.write("Mevrouw Agema (PVV):")
    >>> _ = w.write("Voorzitter.")
    >>> w.close(turn)
    >>> [(ln.text, [r.kind for _, r in ln.opens], [r.kind for _, r in ln.closes]) for ln in w.lines]
    [('Mevrouw Agema (PVV):', ['turn'], []), ('Voorzitter.', [], ['turn'])]
    """

    def __init__(self, page: int = 1) -> None:
        self.page = page
        self.lines: list[Line] = []
        self._pending: list[Region] = []

    def open(self, kind: str, fields: Attrs = ()) -> Region:
        region = Region(kind, fields)
        self._pending.append(region)
        return region

    def close(self, region: Region) -> None:
        if region in self._pending:
            self._pending.remove(region)
            if self.lines:
                last = self.lines[-1]
                last.opens.append((len(last.text), region))
                last.closes.append((len(last.text), region))
            return
        last = self.lines[-1]
        last.closes.append((len(last.text), region))

    def write(
        self,
        text: str,
        opens: Iterable[tuple[int, Region]] = (),
        closes: Iterable[tuple[int, Region]] = (),
        markers: Iterable[tuple[int, str]] = (),
    ) -> Line | None:
        """Add one paragraph; a paragraph without text adds nothing (its inline regions are dropped)."""
        if not text.strip():
            return None
        line = Line(text=text, page=self.page, blank_before=True, markers=list(markers))
        line.opens = [(0, r) for r in self._pending] + list(opens)
        line.closes = list(closes)
        self._pending = []
        self.lines.append(line)
        return line


# ------------------------------------------------------------ XML paragraphs


def local(el: Any) -> str:
    """The local name of an element (namespace dropped); '' for comments and processing instructions."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def text_of(el: Any) -> str:
    """All text of an element, white space collapsed."""
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


# No space after an opening bracket or quote, none before closing punctuation,
# where the white space is only the layout of pretty-printed markup.
_NO_SPACE_AFTER = "([{„“«"
_NO_SPACE_BEFORE = ")]},.;:!?»”"


@dataclass
class Inline:
    """A paragraph's text with its inline regions and footnote markers (offsets into ``text``)."""

    text: str = ""
    opens: list[tuple[int, Region]] = field(default_factory=list)
    closes: list[tuple[int, Region]] = field(default_factory=list)
    markers: list[tuple[int, str]] = field(default_factory=list)


class _Render:
    """Builds a paragraph from text pieces, white space and region boundaries.

    White space is one of two sorts. *Hard* white space stands inside a text
    node or is a plain space at a tag boundary: it becomes one space. *Soft*
    white space is the layout of pretty-printed XML (a line break and
    indentation at a tag boundary, as BeautifulSoup's ``prettify`` writes
    it): it becomes one space too, except after an opening bracket or quote
    and before closing punctuation, where the source had none
    (``( 36410 , nr. 12 )`` reads ``(36410, nr. 12)``).
    """

    def __init__(self) -> None:
        self.out: list[str] = []
        self.length = 0
        self.space: str | None = None  # None, "soft" or "hard": white space waiting for the next text
        self.result = Inline()
        self.waiting: list[Region] = []  # regions that open at the next text

    def text(self, raw: str) -> None:
        raw = clean_unicode(raw)
        if not raw:
            return
        lead = len(raw) - len(raw.lstrip())
        core = raw.strip()
        if lead:
            self.white(raw[:lead])
        if not core:
            return
        if self.space and self.length:
            prev = self.out[-1][-1]
            drop = self.space == "soft" and (prev in _NO_SPACE_AFTER or core[0] in _NO_SPACE_BEFORE)
            if not drop:
                self._put(" ")
        self.space = None
        for region in self.waiting:
            self.result.opens.append((self.length, region))
        self.waiting = []
        self._put(" ".join(core.split()))
        trail = raw[len(raw.rstrip()) :]
        if trail:
            self.white(trail)

    def white(self, ws: str) -> None:
        kind = "soft" if "\n" in ws or "\r" in ws else "hard"
        if self.space != "hard":
            self.space = kind

    def open(self, region: Region) -> None:
        self.waiting.append(region)

    def close(self, region: Region) -> None:
        if region in self.waiting:  # nothing inside: empty, where the text stands now
            self.waiting.remove(region)
            self.result.opens.append((self.length, region))
        self.result.closes.append((self.length, region))

    def marker(self, number: str) -> None:
        self.result.markers.append((self.length, number))

    def _put(self, s: str) -> None:
        self.out.append(s)
        self.length += len(s)

    def done(self) -> Inline:
        for region in self.waiting:
            self.result.opens.append((self.length, region))
        self.result.text = "".join(self.out)
        return self.result


InlineRegion = Callable[[Any], Region | None]
NoteHandler = Callable[[Any], str | None]


def inline_text(
    block: Any,
    region_of: InlineRegion | None = None,
    skip: frozenset[str] = frozenset(),
    note: NoteHandler | None = None,
    prefix: str = "",
) -> Inline:
    """The text of an XML block element (a paragraph) with the regions of its inline elements.

    ``region_of(el)`` gives the region an inline element labels (or None);
    elements named in ``skip`` contribute nothing; ``note(el)`` takes a
    footnote out of the text and returns its number (or None when ``el`` is
    no footnote), which is recorded as a marker where the note stood.

    >>> from lxml import etree
    >>> pretty = "<al>Zij krijgt nr.\\n <extref>\\n  12\\n </extref>\\n (\\n <b>36410</b>\\n ).</al>"
    >>> inline_text(etree.fromstring(pretty)).text
    'Zij krijgt nr. 12 (36410).'
    """
    render = _Render()
    if prefix:
        render.text(prefix + " ")

    def walk(el: Any) -> None:
        if el.text:
            render.text(el.text)
        for child in el:
            name = local(child)
            if name and name not in skip:
                number = note(child) if note else None
                if number is not None:
                    render.marker(number)
                else:
                    region = region_of(child) if region_of else None
                    if region is not None:
                        render.open(region)
                    walk(child)
                    if region is not None:
                        render.close(region)
            if child.tail:
                render.text(child.tail)

    walk(block)
    return render.done()


_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def declares_dtd(data: bytes) -> bool:
    """Does an XML document declare a DTD or entities? (None of the sources read here needs one.)

    >>> declares_dtd(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'), declares_dtd(b"<x/>")
    (True, False)
    """
    return bool(_DTD.search(data))

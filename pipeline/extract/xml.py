"""officielebekendmakingen XML (``<officiele-publicatie>``) into lines and facts.

The text is laid out as the printed Kamerstuk reads (kop, dossier, number,
title, date, body, signatures), so the same text rules serve XML, PDF and
scan. Footnotes (``<noot>``) become notes with their marker position.
Structured header fields are returned as ``Markup``: the publication's own
statements about itself, copied as the markup gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ExtractError
from ..schema import Markup
from .layout import Layout, Note
from .lines import Line

BLOCKS = {
    "al",
    "titel",
    "tekstregel",
    "stuknr",
    "datumtekst",
    "tussenkop",
    "kop",
    "li.nr",
    "nr",
    "wie",
    "functie",
    "naam",
    "dossiernummer",
    "plaats",
    "dagtekening",
    "slotformulering",
    "aanhef",
    "th",
    "td",
    "entry",
    "intitule",
    "citeertitel",
}
SKIP = {"metadata", "noot", "meta"}


@dataclass
class _Notes:
    items: list[tuple[str, str]] = field(default_factory=list)  # (number, text)


def _text(el: Any) -> str:
    return " ".join("".join(el.itertext()).split())


def parse(path: str, data: bytes) -> Any:
    from lxml import etree

    if b"<!ENTITY" in data or b"<!entity" in data:
        raise ExtractError(
            "malformed_xml",
            "the XML declares entities in a DTD, which official publications never do "
            "(refused as a possible entity bomb)",
            path,
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ExtractError("malformed_xml", f"the XML is not well-formed: {exc}", path) from exc
    if root is None:
        raise ExtractError("malformed_xml", "the XML has no root element", path)
    return root


def _gather(el: Any, notes: _Notes, buf: list[str], markers: list[tuple[int, str]]) -> None:
    """Text of a block with its footnotes taken out and their markers recorded."""
    if el.text:
        buf.append(el.text)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "noot":
            nr_el = child.find("noot.nr")
            nr = _text(nr_el) if nr_el is not None else str(len(notes.items) + 1)
            body = " ".join(_text(a) for a in child if isinstance(a.tag, str) and a.tag != "noot.nr")
            markers.append((len("".join(buf)), nr))
            notes.items.append((nr, body))
        elif tag not in SKIP:
            _gather(child, notes, buf, markers)
        if child.tail:
            buf.append(child.tail)


def _walk(el: Any, out: list[Line], notes: _Notes) -> None:
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag or tag in SKIP:
            continue
        if tag in BLOCKS:
            buf: list[str] = []
            markers: list[tuple[int, str]] = []
            _gather(child, notes, buf, markers)
            text, offsets = squash("".join(buf), [off for off, _ in markers])
            if text:
                fixed = [(o, m) for o, (_, m) in zip(offsets, markers, strict=True)]
                out.append(Line(text=text, page=1, blank_before=True, markers=fixed))
        else:
            _walk(child, out, notes)


def squash(raw: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Collapse white space and map offsets into the collapsed text.

    >>> squash("  a   b\\n c ", [4, 9])
    ('a b c', [2, 4])
    """
    out: list[str] = []
    mapping: list[int] = []
    space = True
    for ch in raw:
        mapping.append(len(out))
        if ch.isspace():
            if not space:
                out.append(" ")
            space = True
        else:
            out.append(ch)
            space = False
    mapping.append(len(out))
    text = "".join(out)
    stripped = text.rstrip()
    return stripped, [min(mapping[o], len(stripped)) for o in offsets]


def _dossier(el: Any) -> tuple[str | None, str | None]:
    nr = el.find(".//dossiernr")
    if nr is None:
        return None, None
    dossier = re.sub(r"\D", "", _text(nr)) or None
    extra = None
    for tag in ("begrotingshoofdstuk", "raadnr"):
        t = el.find(f".//{tag}")
        if t is not None and _text(t):
            extra = _text(t).replace(" ", "")
            break
    return dossier, extra


def markup(root: Any) -> Markup:
    f: dict[str, Any] = {
        "source": "kamerstuk-xml",
        "doctype": root.tag if isinstance(root.tag, str) else None,
    }
    # the publication lists its policy areas; the last one listed is the main one
    # (so it is in all 342 dev motions that list several)
    for meta in root.iter("meta"):
        if meta.get("name") == "OVERHEID.category":
            f["category"] = (meta.get("content") or "").split("|")[0].strip() or f.get("category")
    for line in root.iter("tekstregel"):
        if line.get("inhoud") == "vergaderjaar":
            m = re.search(r"(\d{4})\s*[-–]\s*(\d{4})", _text(line))
            if m:
                f["vergaderjaar"] = f"{m.group(1)}-{m.group(2)}"
        if line.get("inhoud") == "kamernummer":
            f["kamer"] = _text(line)
    dossier = root.find(".//dossier")
    if dossier is not None:
        f["dossier"], f["toevoeging"] = _dossier(dossier)
        t = dossier.find("titel")
        if t is not None:
            f["dossier_title"] = _text(t) or None
    stuk = root.find(".//stuk")
    if stuk is not None:
        ond = stuk.find(".//ondernummer")
        if ond is not None:
            f["ondernummer"] = _text(ond) or None
        t = stuk.find("titel")
        if t is not None:
            f["title"] = _text(t) or None
        d = stuk.find(".//datumtekst/datum")
        if d is not None and d.get("isodatum"):
            f["date"] = d.get("isodatum")
    return Markup(**f)


def xml_layout(path: str, data: bytes) -> tuple[Layout, Markup]:
    """The XML's lines in print order, its footnotes as notes, and its head facts.

    Three kinds of XML are read: a Tweede Kamer VLOS verslag (``vlos.py``),
    officielebekendmakingen Handelingen (``handelingen.py``) and every other
    officielebekendmakingen publication, such as a Kamerstuk (here).
    """
    root = parse(path, data)
    from . import handelingen, vlos

    if vlos.is_vlos(root):
        layout, mk = vlos.vlos_layout(root)
    elif handelingen.is_handelingen(root):
        layout, mk = handelingen.handelingen_layout(root)
    else:
        return kamerstuk_layout(path, root)
    if not layout.body:
        raise ExtractError("empty", f"the {mk.source} file holds no text", path)
    return layout, mk


def kamerstuk_layout(path: str, root: Any) -> tuple[Layout, Markup]:
    """An officielebekendmakingen publication other than Handelingen (a Kamerstuk, a motion)."""
    notes = _Notes()
    lines: list[Line] = []
    _walk(root, lines, notes)
    if not lines:
        raise ExtractError("empty", "the XML holds no text", path)
    layout = Layout(
        body=lines,
        notes=[Note(nr, 1, [Line(text=body, page=1)]) for nr, body in notes.items],
        removed=[],
    )
    return layout, markup(root)

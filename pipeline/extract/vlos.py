"""Tweede Kamer VLOS XML (open data ``Verslag``, root ``vlosCoreDocument``) into lines and marks.

The verslag of a sitting is a tree: ``vergadering`` → ``activiteit`` (an
agenda item) → ``activiteithoofd`` (a part such as "Termijn inbreng") →
``activiteitdeel`` / ``activiteititem`` → ``woordvoerder`` (a speaker's
turn, with their ``interrumpant`` turns inside it) and ``draadboekfragment``
(procedural fragments: a motion submitted, a sitting suspended). Text lives
only in ``tekst`` elements: ``alinea`` → ``alineaitem``, one paragraph each,
grouped by ``alineagroep`` (``type="Motietekst"`` / ``"Motieinfo"``).

Every text is written in document order. What the markup states about a
stretch of it becomes a region (→ ``Mark``), with the markup's own fields:

* ``turn``: a ``woordvoerder``'s or ``interrumpant``'s own ``tekst`` (the
  printed label "De heer Pechtold (D66):" included), with the ``spreker``
  fields; an interruption is a turn of its own, not part of the turn
  around it.
* ``agenda_item`` (``activiteit``), ``section`` (``activiteithoofd``),
  ``fragment`` (``draadboekfragment``), ``motion`` (a ``zaak`` of
  ``soort="Motie"`` in a fragment), ``zaak`` (any other ``zaak`` of an
  agenda item), ``motion_text`` / ``motion_info`` / ``group``
  (``alineagroep``), ``vote`` (``stemming``), and the inline
  ``dossiernummer`` / ``stuknummer``.

Besides the markup's own field names each turn, agenda item and motion
carries a few common names the NLP side can read across sources:
``speaker``, ``party``, ``function``; ``title``, ``subject``; ``dossier``,
``number``, ``submitters`` (names joined by "; ").
"""

from __future__ import annotations

from typing import Any

from ..schema import Markup
from .layout import Layout
from .lines import Region
from .structured import Attrs, LineWriter, attrs, inline_text, local, text_of

NAMESPACE = "http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"

# leaf fields of a <spreker>, copied as they are
SPEAKER_FIELDS = ("aanhef", "verslagnaam", "weergavenaam", "voornaam", "achternaam", "fractie", "functie")
TURN_FIELDS = ("isvoorzitter", "markeertijdbegin", "markeertijdeind")
ITEM_FIELDS = ("titel", "onderwerp", "parlisid", "aanvangstijd", "eindtijd", "voortzetting")
ZAAK_FIELDS = (
    "titel",
    "onderwerp",
    "dossiernummer",
    "stuknummer",
    "sequeel",
    "parlisid",
    "isgewijzigd",
    "isnadergewijzigd",
    "isvoldoendeondersteund",
)
GROUP_KINDS = {"motietekst": "motion_text", "motieinfo": "motion_info"}
INLINE = {"dossiernummer", "stuknummer"}


def is_vlos(root: Any) -> bool:
    return local(root) == "vlosCoreDocument" or str(root.tag).startswith("{" + NAMESPACE + "}")


def _child(el: Any, name: str) -> Any:
    return next((c for c in el if local(c) == name), None)


def _field(el: Any, name: str) -> str | None:
    c = _child(el, name)
    return text_of(c) if c is not None else None


def _speaker(spreker: Any) -> list[tuple[str, str | None]]:
    """A ``spreker``'s fields, raw, then the common names."""
    fields: list[tuple[str, str | None]] = [
        ("soort", spreker.get("soort")),
        ("objectid", spreker.get("objectid")),
    ]
    fields += [(name, _field(spreker, name)) for name in SPEAKER_FIELDS]
    fields += [
        ("speaker", _field(spreker, "verslagnaam")),
        ("party", _field(spreker, "fractie")),
        ("function", _field(spreker, "functie")),
    ]
    return fields


class _Reader:
    def __init__(self) -> None:
        self.w = LineWriter()

    # -- structure

    def walk(self, el: Any, context: Any = None) -> None:
        for child in el:
            name = local(child)
            if name == "tekst":
                self.tekst(child)
            elif name == "activiteit":
                self.activiteit(child)
            elif name == "activiteithoofd":
                self.region(child, "section", [("element", name), ("soort", child.get("soort"))]
                            + [(f, _field(child, f)) for f in ("titel", "onderwerp")]
                            + [("objectid", child.get("objectid"))], context)  # fmt: skip
            elif name in ("woordvoerder", "interrumpant"):
                self.turn(child)
            elif name == "draadboekfragment":
                self.fragment(child, context)
            elif name == "stemming":
                self.vote(child)
            elif name in ("spreker", "sprekers", "zaken", "titel", "onderwerp"):
                continue  # fields, no text
            else:
                self.walk(child, context)

    def region(self, el: Any, kind: str, fields: list[tuple[str, str | None]], context: Any) -> None:
        region = self.w.open(kind, attrs(fields))
        self.walk(el, context)
        self.w.close(region)

    def activiteit(self, el: Any) -> None:
        fields: list[tuple[str, str | None]] = [("element", "activiteit"), ("soort", el.get("soort"))]
        fields += [(f, _field(el, f)) for f in ITEM_FIELDS]
        fields += [("objectid", el.get("objectid")), ("title", _field(el, "titel"))]
        fields += [("subject", _field(el, "onderwerp"))]
        opened = [self.w.open("agenda_item", attrs(fields))]
        # the zaken the agenda item treats (bills, letters): stated for the whole item
        zaken = _child(el, "zaken")
        for zaak in zaken if zaken is not None else []:
            if local(zaak) == "zaak":
                opened.append(self.w.open("zaak", self._zaak(zaak)))
        self.walk(el)
        for region in reversed(opened):
            self.w.close(region)

    def turn(self, el: Any) -> None:
        """A turn is the speaker's own ``tekst``; what is nested in it (interruptions) follows it."""
        spreker = _child(el, "spreker")
        fields: list[tuple[str, str | None]] = [("element", local(el))]
        fields += _speaker(spreker) if spreker is not None else []
        fields += [(f, _field(el, f)) for f in TURN_FIELDS]
        for child in el:
            name = local(child)
            if name == "tekst":
                region = self.w.open("turn", attrs(fields))
                self.tekst(child)
                self.w.close(region)
            elif name in ("woordvoerder", "interrumpant"):
                self.turn(child)
            elif name == "draadboekfragment":
                self.fragment(child, el)
            elif name == "stemming":
                self.vote(child)
            elif name not in ("spreker", *TURN_FIELDS, "isdraad"):
                self.walk(child, el)

    def fragment(self, el: Any, context: Any) -> None:
        fields: list[tuple[str, str | None]] = [("soort", el.get("soort")), ("objectid", el.get("objectid"))]
        sprekers = _child(el, "sprekers")
        names = [_field(s, "verslagnaam") or "" for s in (sprekers if sprekers is not None else [])]
        fields.append(("sprekers", "; ".join(n for n in names if n)))
        if context is not None:
            fields.append(("parent", local(context)))
            parent = _child(context, "spreker")
            if parent is not None:
                fields.append(("parent_speaker", _field(parent, "verslagnaam")))
        opened = [self.w.open("fragment", attrs(fields))]
        zaken = _child(el, "zaken")
        for zaak in zaken if zaken is not None else []:
            if local(zaak) == "zaak":
                kind = "motion" if (zaak.get("soort") or "").lower() == "motie" else "zaak"
                extra = (("fragment", el.get("soort") or ""),)
                opened.append(self.w.open(kind, self._zaak(zaak) + extra))
        self.walk(el, context)
        for region in reversed(opened):
            self.w.close(region)

    def _zaak(self, zaak: Any) -> Attrs:
        fields: list[tuple[str, str | None]] = [("element", "zaak"), ("soort", zaak.get("soort"))]
        fields += [(f, _field(zaak, f)) for f in ZAAK_FIELDS]
        sprekers = _child(zaak, "sprekers")
        names = [_field(s, "verslagnaam") or "" for s in (sprekers if sprekers is not None else [])]
        fields += [("indieners", "; ".join(n for n in names if n)), ("objectid", zaak.get("objectid"))]
        fields += [
            ("dossier", _field(zaak, "dossiernummer")),
            ("number", _field(zaak, "stuknummer")),
            ("title", _field(zaak, "titel")),
            ("subject", _field(zaak, "onderwerp")),
            ("submitters", "; ".join(n for n in names if n)),
        ]
        return attrs(fields)

    def vote(self, el: Any) -> None:
        """A ``stemming``: its attributes and leaf fields (fractie, stem, …) as the markup gives them."""
        fields: list[tuple[str, str | None]] = [("element", "stemming"), *el.attrib.items()]
        fields += [(local(c), text_of(c)) for c in el if local(c) and len(c) == 0]
        region = self.w.open("vote", attrs(fields))
        self.walk(el)
        self.w.close(region)

    # -- text

    def tekst(self, el: Any) -> None:
        for child in el:
            name = local(child)
            if name == "alineagroep":
                kind = GROUP_KINDS.get((child.get("type") or "").lower(), "group")
                region = self.w.open(kind, attrs([("type", child.get("type"))]))
                self.tekst(child)
                self.w.close(region)
            elif name in ("alinea", "lijst"):
                self.tekst(child)
            elif name == "alineaitem":
                self.paragraph(child)
            elif name:
                self.tekst(child)

    def paragraph(self, el: Any) -> None:
        nested = [c for c in el if local(c) in ("lijst", "alinea")]
        inline = inline_text(el, _inline_region, skip=frozenset({"lijst", "alinea"}))
        self.w.write(inline.text, inline.opens, inline.closes)
        for child in nested:
            self.tekst(child)


def _inline_region(el: Any) -> Region | None:
    name = local(el)
    return Region(name) if name in INLINE else None


def vlos_layout(root: Any) -> tuple[Layout, Markup]:
    """The verslag's text in document order, its regions on the lines, and what it states about itself."""
    reader = _Reader()
    vergadering = _child(root, "vergadering")
    top = vergadering if vergadering is not None else root
    title = _field(top, "titel")
    if title:
        reader.w.write(title)
    reader.walk(top)
    return Layout(body=reader.w.lines, notes=[], removed=[]), _markup(root, top)


def _markup(root: Any, vergadering: Any) -> Markup:
    datum = _field(vergadering, "datum") or ""
    props = attrs(
        [
            ("vergaderingnummer", _field(vergadering, "vergaderingnummer")),
            ("vergadering.soort", vergadering.get("soort")),
            ("vergadering.objectid", vergadering.get("objectid")),
            ("zaal", _field(vergadering, "zaal")),
            ("aanvangstijd", _field(vergadering, "aanvangstijd")),
            ("sluiting", _field(vergadering, "sluiting")),
            ("datum", datum),
            *((f"document.{k}", v) for k, v in root.attrib.items()),
        ]
    )
    return Markup(
        source="vlos-xml",
        title=_field(vergadering, "titel"),
        date=datum[:10] if len(datum) >= 10 and datum[4] == "-" and datum[7] == "-" else None,
        vergaderjaar=_field(vergadering, "vergaderjaar"),
        kamer=vergadering.get("kamer"),
        doctype=local(root),
        properties=props,
    )

"""officielebekendmakingen Handelingen XML (``<officiele-publicatie><handelingen>``) into lines and marks.

One Handelingen item (``h-tk-20232024-40-6``) reads::

    <officiele-publicatie>
      <metadata><meta name="…" content="…"/>…</metadata>
      <handelingen>
        <agendapunt>
          <nr>6</nr>
          <item-titel>Staat van de Volkshuisvesting</item-titel>
          <onderwerp><al-groep><al>…</al><lijst><li><li.nr>-</li.nr><al>…</al></li></lijst></al-groep></onderwerp>
          <tekst><al-groep><al>…</al></al-groep></tekst>
          <spreekbeurt nieuw="ja">
            <spreker><voorvoegsels>De heer</voorvoegsels> <naam><achternaam>De Hoop</achternaam></naam>
              (<politiek>GroenLinks-PvdA</politiek>):</spreker>
            <tekst>
              <al-groep><al>…</al></al-groep>
              <motie><kop><titel>Motie</titel></kop><al>De Kamer,</al>…
                <motie-info><al>Deze motie is voorgesteld door …</al>
                  <al>Zij krijgt nr. <extref doc="kst-32847-1136">1136</extref> (32847).</al></motie-info>
              </motie>
            </tekst>
          </spreekbeurt>
          …

(See ``tests/data/h-tk-sample.xml`` for where this structure is documented.)
Every ``al`` (and ``item-titel``, ``titel``, ``tussenkop``, ``spreker``) is
a paragraph; ``li.nr`` opens its list item's first paragraph. Files saved
through BeautifulSoup's ``prettify`` put line breaks and indentation around
every tag; that layout is dropped where the source had no space
(``structured.inline_text``), so the text reads ``(36410, nr. 12)`` whatever
the file's indentation.

Regions (→ ``Mark``), with the markup's own fields:

* ``agenda_item`` (``agendapunt``: ``nr``, ``item-titel``; ``title``),
* ``turn`` (``spreekbeurt``, the ``spreker`` label line included:
  ``nieuw``, ``voorvoegsels``, ``voornaam``, ``achternaam``, ``politiek``,
  ``functie``, ``label``; ``speaker``, ``party``, ``function``),
* ``motion`` (``motie``: its ``kop`` ``title``, the ``doc`` its
  ``motie-info`` links to, and ``dossier``/``number`` read from that id),
  ``motion_info`` (``motie-info``), ``vote`` (``stemming``), and the inline
  ``extref`` (``doc``, ``soort``, ``status``).
"""

from __future__ import annotations

from typing import Any

from ..schema import KamerstukId, Markup
from .layout import Layout, Note
from .lines import Line, Region
from .normalize import clean_unicode
from .structured import LineWriter, attrs, inline_text, local, text_of

BLOCKS = {"al", "item-titel", "titel", "tussenkop", "spreker"}
SKIP = {"metadata", "meta", "nr", "noot"}  # 'nr' of an agendapunt is one of its fields


def is_handelingen(root: Any) -> bool:
    return local(root) == "handelingen" or any(local(c) == "handelingen" for c in root)


def _child(el: Any, name: str) -> Any:
    return next((c for c in el if local(c) == name), None)


def _find(el: Any, name: str) -> Any:
    return next((c for c in el.iter() if local(c) == name), None)


class _Reader:
    def __init__(self) -> None:
        self.w = LineWriter()
        self.notes: list[Note] = []

    def walk(self, el: Any) -> None:
        for child in el:
            self.visit(child)

    def visit(self, el: Any) -> None:
        name = local(el)
        if not name or name in SKIP:
            return
        if name == "agendapunt":
            self.wrap(el, "agenda_item", self._agendapunt(el))
        elif name == "spreekbeurt":
            self.wrap(el, "turn", self._spreekbeurt(el))
        elif name == "motie":
            self.wrap(el, "motion", self._motie(el))
        elif name == "motie-info":
            self.wrap(el, "motion_info", (("element", "motie-info"),))
        elif name == "stemming":
            fields = [("element", "stemming"), *el.attrib.items()]
            fields += [(local(c), text_of(c)) for c in el if local(c) and len(c) == 0]
            self.wrap(el, "vote", attrs(fields))
        elif name == "li":
            self.list_item(el)
        elif name in BLOCKS:
            self.paragraph(el)
        else:
            self.walk(el)

    def wrap(self, el: Any, kind: str, fields: tuple[tuple[str, str], ...]) -> None:
        region = self.w.open(kind, fields)
        self.walk(el)
        self.w.close(region)

    def list_item(self, li: Any) -> None:
        """A list item: its number or bullet (``li.nr``) opens its first paragraph."""
        number = text_of(_child(li, "li.nr"))
        first = next((c for c in li if local(c) == "al"), None)
        for child in li:
            if child is first:
                self.paragraph(child, prefix=number)
            elif local(child) != "li.nr":
                self.visit(child)

    def paragraph(self, el: Any, prefix: str = "") -> None:
        inline = inline_text(el, _inline_region, skip=frozenset({"noot.nr"}), note=self._note, prefix=prefix)
        self.w.write(inline.text, inline.opens, inline.closes, inline.markers)

    def _note(self, el: Any) -> str | None:
        if local(el) != "noot":
            return None
        nr = _child(el, "noot.nr")
        number = text_of(nr) if nr is not None else str(len(self.notes) + 1)
        body = clean_unicode(" ".join(text_of(c) for c in el if local(c) and local(c) != "noot.nr"))
        self.notes.append(Note(number, 1, [Line(text=body, page=1, markers=[(0, number)])]))
        return number

    # -- fields

    def _agendapunt(self, el: Any) -> tuple[tuple[str, str], ...]:
        title = text_of(_child(el, "item-titel"))
        return attrs(
            [
                ("element", "agendapunt"),
                ("nr", text_of(_child(el, "nr"))),
                ("item-titel", title),
                ("title", title),
            ]
        )

    def _spreekbeurt(self, el: Any) -> tuple[tuple[str, str], ...]:
        spreker = _child(el, "spreker")
        if spreker is None:
            return attrs([("element", "spreekbeurt"), ("nieuw", el.get("nieuw"))])
        naam = _find(spreker, "naam")
        label = inline_text(spreker).text
        return attrs(
            [
                ("element", "spreekbeurt"),
                ("nieuw", el.get("nieuw")),
                ("voorvoegsels", text_of(_find(spreker, "voorvoegsels"))),
                ("voornaam", text_of(_find(spreker, "voornaam"))),
                ("achternaam", text_of(_find(spreker, "achternaam"))),
                ("politiek", text_of(_find(spreker, "politiek"))),
                ("functie", text_of(_find(spreker, "functie"))),
                ("label", label),
                ("speaker", inline_text(naam).text if naam is not None else None),
                ("party", text_of(_find(spreker, "politiek"))),
                ("function", text_of(_find(spreker, "functie"))),
            ]
        )

    def _motie(self, el: Any) -> tuple[tuple[str, str], ...]:
        kop = _child(el, "kop")
        info = _child(el, "motie-info")
        refs = [r.get("doc") or "" for r in (info.iter() if info is not None else []) if local(r) == "extref"]
        doc = next((d for d in reversed(refs) if d.startswith("kst-")), None)
        ks = KamerstukId.parse(doc) if doc else None
        dossier = None
        if ks is not None:
            dossier = ks.dossier + (f"-{ks.toevoeging}" if ks.toevoeging else "")
        return attrs(
            [
                ("element", "motie"),
                *el.attrib.items(),
                ("title", inline_text(kop).text if kop is not None else None),
                ("doc", doc),
                ("dossier", dossier),
                ("number", ks.ondernummer if ks is not None else None),
            ]
        )


def _inline_region(el: Any) -> Region | None:
    if local(el) != "extref":
        return None
    return Region("extref", attrs([(name, el.get(name)) for name in ("doc", "soort", "status")]))


def handelingen_layout(root: Any) -> tuple[Layout, Markup]:
    """The item's text in document order, its regions on the lines, its notes, and its own statements."""
    reader = _Reader()
    top = root if local(root) == "handelingen" else _child(root, "handelingen")
    reader.walk(top)
    return Layout(body=reader.w.lines, notes=reader.notes, removed=[]), _markup(root, top)


def _markup(root: Any, top: Any) -> Markup:
    metas: list[tuple[str, str | None]] = []
    creator = None
    for meta in root.iter():
        if local(meta) == "meta" and meta.get("name"):
            metas.append((meta.get("name") or "", meta.get("content")))
            if meta.get("scheme") == "OVERHEID.StatenGeneraal" and creator is None:
                creator = meta.get("content")
    props = dict(attrs(metas))
    item = _find(top, "agendapunt")
    number = text_of(_child(item, "nr")) if item is not None else ""
    title = text_of(_find(top, "item-titel")) or props.get("DC.title")
    date = props.get("OVERHEIDop.datumVergadering")
    return Markup(
        source="handelingen-xml",
        title=title or None,
        date=date[:10] if date and len(date) >= 10 else None,
        vergaderjaar=props.get("OVERHEIDop.vergaderjaar"),
        kamer=creator,
        doctype=local(top),
        properties=attrs([*props.items(), ("agendapunt.nr", number)]),
    )

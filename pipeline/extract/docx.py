"""Word ``.docx`` files into lines, footnotes, running lines, properties and marks.

python-docx opens the package and gives the document model: core
properties, styles, the document, header and footer parts. What it does not
model is read from the same parts' XML: footnotes and endnotes
(``word/footnotes.xml``), custom document properties
(``docProps/custom.xml``, the DOCPROPERTY fields of rijkshuisstijl letters:
``datum``, ``onderwerp``, ``kenmerk``, …), fields in the text, text boxes.

* Body paragraphs and tables come in reading order, one line per paragraph
  (and per manual line break); the cells of a table row by row, a merged
  cell once. Text boxes follow the paragraph that anchors them. Deleted
  text of tracked changes is left out, inserted text kept; of Word's
  ``mc:AlternateContent`` only the first choice is read (its fallback is a
  copy).
* Footnotes and endnotes become notes, numbered in the order of their
  references as Word numbers them (footnotes 1, 2, …; endnotes i, ii, …),
  their markers recorded where the reference stood.
* Headers and footers become running lines.
* ``Markup.properties``: the core properties as ``core.<name>`` and every
  custom property under its own name; ``Markup.title`` is the core title.
* Marks: ``heading`` (a paragraph with an outline level: ``style``,
  ``level``), ``question`` / ``answer`` (paragraphs in a style named
  Vraag…/Question… or Antwoord…/Answer…: ``style``; consecutive paragraphs
  of one style are one mark), ``table`` (``rows``, ``columns``),
  ``docproperty`` (the text Word shows for a DOCPROPERTY field: ``name``),
  ``hyperlink`` (``target`` or ``anchor``).

Hostile files: the ZIP is checked before anything is inflated (member count,
each member's and all members' uncompressed size against ``Settings``),
every XML part is refused when it declares a DTD or entities, and the XML is
parsed without entity resolution or network access.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ..config import Settings
from ..errors import ExtractError
from ..schema import Markup
from .layout import Layout, Note
from .lines import Line, Region
from .normalize import clean_unicode
from .structured import LineWriter, attrs, declares_dtd, local

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAX_MEMBERS = 10_000  # parts in one package; Word writes a few dozen
MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# paragraph styles that label structure, by how their name starts (lower case)
STYLE_KINDS = (("vraag", "question"), ("question", "question"), ("antwoord", "answer"), ("answer", "answer"))
_HEX_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def roman(n: int) -> str:
    """Word's default endnote numbers.

    >>> roman(1), roman(4), roman(14)
    ('i', 'iv', 'xiv')
    """
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


# ----------------------------------------------------------------- the package


def is_docx(data: bytes) -> bool | None:
    """True for a ZIP with ``word/document.xml``, False for another ZIP, None for no ZIP at all."""
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def check_package(path: str, data: bytes, settings: Settings) -> None:
    """Refuse a ZIP bomb or a part with a DTD before python-docx inflates anything."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ExtractError("corrupt", f"the Word file is not a readable ZIP archive ({exc})", path) from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ExtractError(
                "too_large", f"the Word file holds {len(infos):,} parts, more than {MAX_MEMBERS:,}", path
            )
        total = sum(i.file_size for i in infos)
        biggest = max(infos, key=lambda i: i.file_size, default=None)
        if biggest is not None and biggest.file_size > settings.max_stream_bytes:
            raise ExtractError(
                "too_large",
                f"the part {biggest.filename} inflates to {biggest.file_size:,} bytes, more than the limit "
                f"{settings.max_stream_bytes:,} (a decompression bomb?)",
                path,
            )
        if total > settings.max_decompressed_bytes:
            raise ExtractError(
                "too_large",
                f"the Word file inflates to {total:,} bytes, more than the limit "
                f"{settings.max_decompressed_bytes:,} (a decompression bomb?)",
                path,
            )
        if any(i.flag_bits & 0x1 for i in infos):
            raise ExtractError("encrypted", "the Word file's ZIP parts are encrypted", path)
        for info in infos:
            if not info.filename.lower().endswith((".xml", ".rels")):
                continue
            try:
                part = zf.read(info)  # inflates at most the declared size and checks the CRC
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                raise ExtractError(
                    "corrupt", f"the part {info.filename} of the Word file is damaged ({exc})", path
                ) from exc
            if declares_dtd(part):
                raise ExtractError(
                    "malformed_xml",
                    f"the part {info.filename} declares a DTD or entities, which Word never writes "
                    "(refused as a possible entity bomb)",
                    path,
                )


def _parse(blob: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(blob, parser=parser)


def open_document(path: str, data: bytes, settings: Settings) -> Any:
    """The python-docx ``Document`` of checked bytes; a file python-docx cannot read is an ExtractError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    check_package(path, data, settings)
    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        raise ExtractError(
            "malformed_xml", f"a part of the Word file is not well-formed XML: {exc}", path
        ) from exc
    except ValueError as exc:  # python-docx: "file … is not a Word file, content type is …"
        raise ExtractError("unsupported", f"not a Word document ({exc})", path) from exc
    except (KeyError, PackageNotFoundError, zipfile.BadZipFile) as exc:
        raise ExtractError("corrupt", f"the Word package is incomplete or damaged ({exc})", path) from exc


# -------------------------------------------------------------------- reading


@dataclass
class _Piece:
    """One line of a paragraph being read."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    opens: list[tuple[int, Region]] = field(default_factory=list)
    closes: list[tuple[int, Region]] = field(default_factory=list)
    markers: list[tuple[int, str]] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)


@dataclass
class _Field:
    instr: str = ""
    showing: bool = False  # past its 'separate': what follows is the field's result
    region: Region | None = None
    start: int = 0


class _Reader:
    """Reads block-level WordprocessingML (a body, a cell, a text box, a note, a header) into lines."""

    def __init__(self, doc: Any, writer: LineWriter, notes: _Notes | None, marks: bool = True) -> None:
        self.doc = doc
        self.w = writer
        self.notes = notes
        self.marks = marks
        self.styles = _Styles(doc)
        self.run_region: tuple[str, str, Region] | None = None  # (kind, style, region) of a style run

    # -- blocks

    def blocks(self, container: Any) -> None:
        for child in container:
            name = local(child)
            if name == "p":
                self.paragraph(child)
            elif name == "tbl":
                self.end_run()
                self.table(child)
            elif name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
                self.blocks(child)
            elif name == "AlternateContent":
                choice = next((c for c in child if local(c) == "Choice"), None)
                if choice is not None:
                    self.blocks(choice)

    def end_run(self) -> None:
        if self.run_region is not None:
            self.w.close(self.run_region[2])
            self.run_region = None

    def table(self, tbl: Any) -> None:
        rows = [tr for tr in tbl if local(tr) == "tr"]
        grid = tbl.find(_w("tblGrid"))
        columns = len([c for c in grid if local(c) == "gridCol"]) if grid is not None else 0
        region = (
            self.w.open("table", (("rows", str(len(rows))), ("columns", str(columns))))
            if self.marks
            else None
        )
        for tr in rows:
            for tc in _cells(tr):
                self.blocks(tc)
                self.end_run()
        if region is not None:
            self.w.close(region)

    def paragraph(self, p: Any) -> None:
        state = _Paragraph(self)
        state.inline(p)
        for f in reversed(state.fields):  # a field that runs on past its paragraph ends with it
            state.end_field(f)
        pieces = _without_empty(state.pieces)
        if pieces and self.marks:
            self.style_region(p)
        for piece in pieces:
            self.w.write("".join(piece.parts), piece.opens, piece.closes, piece.markers)
        for box in state.boxes:
            self.end_run()
            self.blocks(box)

    def style_region(self, p: Any) -> None:
        """Open (or go on with) the region a paragraph's style labels: heading, question, answer."""
        style, level = self.styles.of(p)
        kind = None
        fields: tuple[tuple[str, str], ...] = ()
        if level is not None:
            kind, fields = "heading", (("style", style), ("level", str(level)))
        else:
            low = style.lower()
            kind = next((k for prefix, k in STYLE_KINDS if low.startswith(prefix)), None)
            fields = (("style", style),)
        current = self.run_region
        if current is not None and kind is not None and kind != "heading" and current[:2] == (kind, style):
            return  # the run goes on
        self.end_run()
        if kind is not None:
            self.run_region = (kind, style, self.w.open(kind, fields))


class _Notes:
    """Footnote and endnote references in the order they occur, numbered as Word numbers them."""

    def __init__(self) -> None:
        self.refs: list[tuple[str, str, str]] = []  # (part: footnotes/endnotes, id, number)

    def add(self, part: str, note_id: str, custom: str | None) -> str:
        if custom is not None:
            number = custom
        else:
            count = sum(1 for p, _, _ in self.refs if p == part) + 1
            number = str(count) if part == "footnotes" else roman(count)
        self.refs.append((part, note_id, number))
        return number


class _Paragraph:
    """The runs of one paragraph: text per line, fields, note references, inline regions, text boxes."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.pieces = [_Piece()]
        self.fields: list[_Field] = []
        self.boxes: list[Any] = []
        self.custom_mark = False  # a footnote reference with its own mark: the next text is that mark

    @property
    def piece(self) -> _Piece:
        return self.pieces[-1]

    def visible(self) -> bool:
        return all(f.showing for f in self.fields)

    def text(self, s: str) -> None:
        if self.visible() and s:
            self.piece.add(clean_unicode(s))

    def inline(self, el: Any) -> None:
        for child in el:
            name = local(child)
            if name == "r":
                self.run(child)
            elif name == "hyperlink":
                self.hyperlink(child)
            elif name == "fldSimple":
                f = _Field(instr=child.get(_w("instr")) or "", showing=True)
                self.begin_result(f)
                self.fields.append(f)
                self.inline(child)
                self.fields.pop()
                self.end_field(f)
            elif name in ("ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent", "dir", "bdo"):
                self.inline(child)
            elif name == "AlternateContent":
                choice = next((c for c in child if local(c) == "Choice"), None)
                if choice is not None:
                    self.inline(choice)

    def hyperlink(self, el: Any) -> None:
        rid = el.get(f"{{{R}}}id")
        target = None
        if rid:
            rel = self.reader.doc.part.rels.get(rid)
            target = rel.target_ref if rel is not None else None
        region = None
        if self.reader.marks and (target or el.get(_w("anchor"))):
            region = Region("hyperlink", attrs([("target", target), ("anchor", el.get(_w("anchor")))]))
            self.piece.opens.append((self.piece.length, region))
        self.inline(el)
        if region is not None:
            self.piece.closes.append((self.piece.length, region))

    def run(self, r: Any) -> None:
        for child in r:
            name = local(child)
            if name == "t":
                if self.custom_mark:
                    self.custom_mark = False
                    continue
                self.text(child.text or "")
            elif name in ("tab", "ptab"):
                self.text(" ")
            elif name in ("br", "cr"):
                if self.visible():
                    self.pieces.append(_Piece())
            elif name == "noBreakHyphen":
                self.text("-")
            elif name == "fldChar":
                self.field_char(child.get(_w("fldCharType")))
            elif name == "instrText":
                if self.fields and not self.fields[-1].showing:
                    self.fields[-1].instr += child.text or ""
            elif name in ("footnoteReference", "endnoteReference"):
                self.note_reference(child, "footnotes" if name == "footnoteReference" else "endnotes", r)
            elif name in ("drawing", "pict", "object"):
                self.boxes += _text_boxes(child)
            elif name == "AlternateContent":
                choice = next((c for c in child if local(c) == "Choice"), None)
                if choice is not None:
                    self.run(choice)

    def note_reference(self, el: Any, part: str, run: Any) -> None:
        notes = self.reader.notes
        if notes is None or not self.visible():
            return
        custom = None
        if el.get(_w("customMarkFollows")) in ("1", "true", "on"):
            mark = next((t.text for t in run.iter(_w("t")) if t.text), None)
            custom = (mark or "*").strip() or "*"
            self.custom_mark = True
        number = notes.add(part, el.get(_w("id")) or "", custom)
        self.piece.markers.append((self.piece.length, number))

    def field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            f = self.fields[-1]
            f.showing = True
            self.begin_result(f)
        elif kind == "end" and self.fields:
            f = self.fields.pop()
            self.end_field(f)

    def begin_result(self, f: _Field) -> None:
        words = f.instr.split()
        if self.reader.marks and len(words) >= 2 and words[0].upper() == "DOCPROPERTY" and self.visible():
            f.region = Region("docproperty", (("name", words[1].strip('"')),))
            f.start = self.piece.length
            self.piece.opens.append((self.piece.length, f.region))

    def end_field(self, f: _Field) -> None:
        if f.region is None:
            return
        piece = self.piece
        if any(r is f.region for _, r in piece.opens) and f.start == piece.length:
            piece.opens = [(o, r) for o, r in piece.opens if r is not f.region]  # shows nothing: no mark
            return
        piece.closes.append((piece.length, f.region))


def _without_empty(pieces: list[_Piece]) -> list[_Piece]:
    """The lines of a paragraph that hold text; what an empty line carried moves to its neighbours.

    A region or marker that starts on an empty line starts the next line; a
    region that ends on one ends at the end of the line before it (or, when it
    also started there, is dropped: it labels no text).
    """
    kept: list[_Piece] = []
    waiting: list[tuple[int, Region]] = []
    waiting_markers: list[tuple[int, str]] = []
    for piece in pieces:
        if "".join(piece.parts).strip():
            piece.opens = [(0, r) for _, r in waiting] + piece.opens
            piece.markers = [(0, m) for _, m in waiting_markers] + piece.markers
            waiting, waiting_markers = [], []
            kept.append(piece)
            continue
        waiting += piece.opens
        waiting_markers += piece.markers
        for _, region in piece.closes:
            if any(r is region for _, r in waiting):
                waiting = [(o, r) for o, r in waiting if r is not region]
            elif kept:
                kept[-1].closes.append((kept[-1].length, region))
    if kept and (waiting or waiting_markers):  # a paragraph ending in empty lines
        last = kept[-1]
        last.opens += [(last.length, r) for _, r in waiting]
        last.markers += [(last.length, m) for _, m in waiting_markers]
    return kept


def _cells(tr: Any) -> list[Any]:
    """A row's cells, each once: a cell that continues a vertical merge holds no text of its own."""
    out = []
    for child in tr:
        name = local(child)
        if name == "tc":
            props = child.find(_w("tcPr"))
            merge = props.find(_w("vMerge")) if props is not None else None
            if merge is not None and merge.get(_w("val")) in (None, "continue"):
                continue
            out.append(child)
        elif name in ("sdt", "customXml"):
            content = child.find(_w("sdtContent")) if name == "sdt" else child
            out += _cells(content) if content is not None else []
    return out


def _text_boxes(el: Any) -> list[Any]:
    """The text box contents inside a drawing, skipping ``mc:Fallback`` copies."""
    out = []

    def walk(node: Any) -> None:
        for child in node:
            name = local(child)
            if name == "Fallback":
                continue
            if name == "txbxContent":
                out.append(child)
            else:
                walk(child)

    walk(el)
    return out


class _Styles:
    """Paragraph style names and outline levels (a style's own or one it is based on)."""

    def __init__(self, doc: Any) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.names: dict[str, str] = {}
        self.levels: dict[str, int | None] = {}
        self.based: dict[str, str] = {}
        for style in doc.styles:
            if style.type != WD_STYLE_TYPE.PARAGRAPH:
                continue
            sid = style.style_id
            self.names[sid] = style.name or sid
            ppr = style.element.pPr
            level = ppr.find(_w("outlineLvl")) if ppr is not None else None
            self.levels[sid] = _level(level)
            based = style.element.find(_w("basedOn"))
            if based is not None and based.get(_w("val")):
                self.based[sid] = based.get(_w("val"))
        default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default = default.style_id if default is not None else None

    def of(self, p: Any) -> tuple[str, int | None]:
        ppr = p.find(_w("pPr"))
        ref = ppr.find(_w("pStyle")) if ppr is not None else None
        sid = ref.get(_w("val")) if ref is not None else self.default
        own = _level(ppr.find(_w("outlineLvl"))) if ppr is not None else None
        level = own
        seen: set[str] = set()
        cur = sid
        while level is None and cur and cur not in seen:
            seen.add(cur)
            level = self.levels.get(cur)
            cur = self.based.get(cur)
        return self.names.get(sid or "", sid or ""), level


def _level(el: Any) -> int | None:
    """Word's outline level 0–8 as heading level 1–9 (9 is body text)."""
    if el is None:
        return None
    try:
        value = int(el.get(_w("val")) or "9")
    except ValueError:
        return None
    return value + 1 if 0 <= value <= 8 else None


# ----------------------------------------------------------------- the whole


def docx_layout(path: str, data: bytes, settings: Settings) -> tuple[Layout, Markup]:
    """The Word file's body lines, notes and running lines, and what its properties state."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    doc = open_document(path, data, settings)
    notes = _Notes()
    body = LineWriter()
    reader = _Reader(doc, body, notes)
    reader.blocks(doc.element.body)
    reader.end_run()

    note_list: list[Note] = []
    parts = {
        "footnotes": _related_xml(doc, RT.FOOTNOTES),
        "endnotes": _related_xml(doc, RT.ENDNOTES),
    }
    for part, note_id, number in notes.refs:
        root = parts.get(part)
        el = _note(root, note_id) if root is not None else None
        if el is None:
            continue
        writer = LineWriter()
        _Reader(doc, writer, None, marks=False).blocks(el)
        lines = [Line(text=ln.text, page=1) for ln in writer.lines] or [Line(text="", page=1)]
        lines[0].markers = [(0, number)]
        note_list.append(Note(number, 1, lines))

    running: list[Line] = []
    for rel in sorted(doc.part.rels.values(), key=_hdrftr_order):
        if rel.reltype not in (RT.HEADER, RT.FOOTER) or rel.is_external:
            continue
        writer = LineWriter()
        _Reader(doc, writer, None, marks=False).blocks(rel.target_part.element)
        seen: set[str] = set()
        for ln in writer.lines:
            text = " ".join(ln.text.split())
            if text not in seen:  # a header repeats its text box for each page layout
                seen.add(text)
                running.append(Line(text=text, page=1))
    return Layout(body=body.lines, notes=note_list, removed=running), _markup(doc)


def _hdrftr_order(rel: Any) -> tuple[int, int, str]:
    name = str(getattr(rel, "target_ref", ""))
    m = re.search(r"(\d+)", name)
    return (0 if "header" in name else 1, int(m.group(1)) if m else 0, name)


def _related_xml(doc: Any, reltype: str) -> Any:
    for rel in doc.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return _parse(rel.target_part.blob)
    return None


def _note(root: Any, note_id: str) -> Any:
    for el in root:
        own = local(el) in ("footnote", "endnote") and el.get(_w("id")) == note_id
        if own and el.get(_w("type")) in (None, "normal"):  # not a separator
            return el
    return None


def _prop_text(value: str) -> str:
    """A property value with Word's ``_xHHHH_`` escapes decoded.

    >>> _prop_text("_x000d_Geachte heer/mevrouw,_x000d_")
    '\\rGeachte heer/mevrouw,\\r'
    """
    return _HEX_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)


def _markup(doc: Any) -> Markup:
    from docx.opc.constants import CONTENT_TYPE as CT

    core = doc.core_properties
    fields: list[tuple[str, str | None]] = []
    for name in (
        "title",
        "subject",
        "author",
        "keywords",
        "category",
        "comments",
        "content_status",
        "identifier",
        "language",
        "last_modified_by",
        "version",
    ):
        fields.append((f"core.{name}", clean_unicode(str(getattr(core, name, "") or ""))))
    for name in ("created", "modified", "last_printed"):
        stamp = getattr(core, name, None)
        fields.append((f"core.{name}", stamp.isoformat() if stamp else None))
    for part in doc.part.package.iter_parts():
        if part.content_type != CT.OFC_CUSTOM_PROPERTIES:
            continue
        root = _parse(part.blob)
        for prop in root:
            if local(prop) != "property" or not prop.get("name"):
                continue
            value = "".join("".join(v.itertext()) for v in prop)
            fields.append((prop.get("name") or "", clean_unicode(_prop_text(value))))
    title = clean_unicode(core.title or "").strip() or None
    return Markup(source="docx", title=title, properties=attrs(fields))

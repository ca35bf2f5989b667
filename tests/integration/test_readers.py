"""The readers of debates and Word files on real papers: text in reading order, marks on the right text.

Real files: ``corpus/debates/`` (two KOOP Handelingen PDFs, a Word debate, an
excerpt of a VLOS verslag), ``corpus/answers/`` (two ministry answers in
Word), ``tests/data/h-tk-20232024-40-6-prettified.xml`` (a Handelingen XML
fixture, see its header). The whole VLOS verslag is only in
``../shared/corpus/``; the tests on it are skipped without it.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest

from pipeline import extract
from pipeline.config import Settings
from pipeline.errors import ExtractError
from pipeline.schema import Document, Mark
from tests.conftest import CORPUS, DATA, SHARED

DEBATES = CORPUS / "debates"
ANSWERS = CORPUS / "answers"
VLOS_EXCERPT = DEBATES / "vlos-plenair-2014-10-15-vergadering-14-excerpt.xml"
VLOS_FULL = SHARED / "corpus" / "handelingen" / "vlos-plenair-2014-10-15-vergadering-14.xml"
HANDELINGEN_XML = DATA / "h-tk-20232024-40-6-prettified.xml"
needs_shared = pytest.mark.skipif(
    not VLOS_FULL.exists(),
    reason="the whole VLOS verslag is in ../shared/corpus/handelingen/ (the repo carries an excerpt only)",
)


@cache
def doc(path: Path) -> Document:
    return extract(path, Settings(workers=1))


def marks(d: Document, kind: str) -> list[Mark]:
    return [m for m in d.marks if m.kind == kind]


def text(d: Document, m: Mark) -> str:
    return d.text[m.start : m.end]


def inside(inner: Mark, outer: Mark) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


# ------------------------------------------------------------------ VLOS XML


def test_vlos_turns_are_the_speakers_own_text_with_their_fields() -> None:
    d = doc(VLOS_EXCERPT)
    turns = marks(d, "turn")
    assert len(turns) == 136  # woordvoerder + interrumpant elements of the 4 activiteiten kept
    ordered = sorted(turns, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in pairwise(ordered))  # an interruption is its own turn
    labelled = 0
    for m in turns:
        first = text(d, m).split("\n")[0]
        assert text(d, m).strip() == text(d, m) and text(d, m)
        if first.endswith(":"):  # the printed label: "De heer Omtzigt (CDA):", "Minister Dijsselbloem:"
            labelled += 1
            chair = m.attr("isvoorzitter") == "true"
            assert (m.attr("speaker") or "").lower() in first.lower() or (
                chair and "voorzitter" in first.lower()
            )
    assert labelled == 134
    omtzigt = next(m for m in turns if m.attr("speaker") == "Omtzigt")
    assert omtzigt.attr("party") == omtzigt.attr("fractie") == "CDA"
    assert omtzigt.attr("soort") == "Tweede Kamerlid" and omtzigt.attr("achternaam") == "Omtzigt"
    assert text(d, omtzigt).startswith("De heer Omtzigt (CDA):\n\n")
    government = next(m for m in turns if m.attr("soort") != "Tweede Kamerlid")
    assert government.attr("party") is None and government.attr("soort") == "Staatssecretaris"
    assert "staatssecretaris" in (government.attr("function") or "")


def test_vlos_agenda_items_motions_and_markup() -> None:
    d = doc(VLOS_EXCERPT)
    items = marks(d, "agenda_item")
    assert [m.attr("titel") for m in items] == [
        "Opening",
        "Mededelingen",
        "Regeling van werkzaamheden",
        "Wet aanpassing financieel toetsingskader",
    ]
    assert all(m.attr("title") == m.attr("titel") and m.attr("soort") for m in items)
    law = items[-1]
    assert (law.attr("subject") or "").startswith("Wet aanpassing financieel toetsingskader (33 972)")
    turns = marks(d, "turn")
    assert all(any(inside(t, item) for item in items) for t in turns)
    # the bill the item treats is stated for the whole item
    assert [(z.attr("soort"), z.attr("dossier")) for z in marks(d, "zaak")] == [("Wetgeving", "33972")]

    motions = marks(d, "motion")
    assert len(motions) == 12
    for m in motions:
        body = text(d, m)
        assert m.attr("dossier") == m.attr("dossiernummer") and m.attr("number") == m.attr("stuknummer")
        assert body.startswith("De Kamer,") and body.endswith(
            f"Zij krijgt nr. {m.attr('number')} ({m.attr('dossier')})."
        )
        assert m.attr("submitters") and m.attr("fragment") == "Motie indiening"
        assert any(inside(g, m) for g in marks(d, "motion_text")) and any(
            inside(g, m) for g in marks(d, "motion_info")
        )
    # the inline number and dossier point at their text
    numbers = {text(d, s) for s in marks(d, "stuknummer")}
    assert {m.attr("number") for m in motions} <= numbers

    mk = d.markup
    assert (mk.source, mk.date, mk.vergaderjaar, mk.kamer) == (
        "vlos-xml",
        "2014-10-15",
        "2014-2015",
        "Tweede Kamer",
    )
    assert mk.title == "14e vergadering, woensdag 15 oktober 2014" and d.text.startswith(mk.title)
    assert mk.prop("vergaderingnummer") == "14" and mk.prop("document.status") == "Ongecorrigeerd"
    assert d.source.media_type == "application/xml"


@needs_shared
def test_vlos_whole_sitting() -> None:
    """The corpus README counts 860 speakers: every <spreker> element. 604 of them speak a turn.

    The others are the attendance list (120), the spreekbeurt holders repeated
    on activiteitdeel (57), the sprekers of fragments (31) and the indieners of
    motions (48).
    """
    from lxml import etree

    root = etree.parse(str(VLOS_FULL)).getroot()
    ns = {"v": "http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"}
    assert len(root.xpath("//v:spreker", namespaces=ns)) == 860
    d = doc(VLOS_FULL)
    turns = marks(d, "turn")
    assert len(turns) == len(root.xpath("//v:woordvoerder|//v:interrumpant", namespaces=ns)) == 604
    assert len({m.attr("speaker") for m in turns}) == 36
    motions = marks(d, "motion")
    assert len(motions) == 27  # 26 submitted, 1 withdrawn
    withdrawn = [m for m in motions if m.attr("fragment") == "Motie intrekking"]
    assert len(withdrawn) == 1 and "is ingetrokken" in text(d, withdrawn[0])
    assert len(marks(d, "agenda_item")) == 7


# --------------------------------------------------------- Handelingen XML


def test_handelingen_xml_pretty_printed_reads_as_printed() -> None:
    d = doc(HANDELINGEN_XML)
    t = d.text
    for printed in (
        "De heer De Hoop (GroenLinks-PvdA):",
        "Mevrouw Beckerman (SP):",
        "Minister De Jonge:",
        "Zij krijgt nr. 1136 (32847).",
        "Deze motie is voorgesteld door het lid De Hoop.",
        "- de motie-De Hoop over de huurstijging matigen (32847, nr. 1136);",
        "Aan de orde is het tweeminutendebat Staat van de Volkshuisvesting (CD d.d. 31/01).",
    ):
        assert printed in t
    # the indentation BeautifulSoup put around every tag is gone where the source had no space
    assert not re.search(r"\( | \)| ,| \.|\s:", t)
    assert d.markup.source == "handelingen-xml" and d.markup.title == "Staat van de Volkshuisvesting"
    assert d.markup.prop("agendapunt.nr") == "6"


def test_handelingen_xml_turns_and_motions() -> None:
    d = doc(HANDELINGEN_XML)
    turns = marks(d, "turn")
    assert [(m.attr("speaker"), m.attr("party")) for m in turns] == [
        ("voorzitter", None),
        ("De Hoop", "GroenLinks-PvdA"),
        ("Beckerman", "SP"),
        ("De Hoop", "GroenLinks-PvdA"),
        ("voorzitter", None),
        ("De Jonge", None),
        ("voorzitter", None),
    ]
    assert all(text(d, m).startswith(m.attr("label") or "?") for m in turns)
    assert turns[5].attr("voorvoegsels") == "Minister"
    motions = marks(d, "motion")
    assert [(m.attr("doc"), m.attr("dossier"), m.attr("number")) for m in motions] == [
        ("kst-32847-1136", "32847", "1136"),
        ("kst-32847-1137", "32847", "1137"),
    ]
    for m, turn in zip(motions, (turns[1], turns[3]), strict=True):
        assert inside(m, turn) and text(d, m).startswith("Motie\n\nDe Kamer,")
        assert text(d, m).endswith(f"Zij krijgt nr. {m.attr('number')} (32847).")
        (info,) = [i for i in marks(d, "motion_info") if inside(i, m)]
        assert text(d, info).startswith("Deze motie is voorgesteld door")
    refs = marks(d, "extref")
    assert [(text(d, r), r.attr("doc")) for r in refs[:2]] == [
        ("1136", "kst-32847-1136"),
        ("32847", "dossier/32847"),
    ]
    (item,) = marks(d, "agenda_item")
    assert item.attr("nr") == "6" and (item.start, item.end) == (0, len(d.text))


# -------------------------------------------------------- Handelingen PDFs


def test_two_column_handelingen_read_column_by_column() -> None:
    d = doc(DEBATES / "h-tk-20232024-40-6.pdf")
    t = d.text
    # the left column of page 1 ends with the poem, the right one goes on with the chair
    assert (
        "Aldus Hendrik Marsman.\n\nHet is altijd moeilijk om dan weer over te gaan tot de orde van de dag"
        in t
    )
    # a sentence that runs from the foot of the left column to the head of the right one
    assert "Dat heeft gezorgd voor deze enorme misstanden." in t
    # every motion stands whole, its submitters' paragraph right before its number
    numbered = re.findall(
        r"Deze motie is voorgesteld door (?:het lid|de leden) ([^\n]+)\.\n\nZij krijgt nr\. (\d+) \(32847\)\.",
        t,
    )
    assert [n for _, n in numbered] == [str(n) for n in range(1136, 1152)]
    assert ("De Hoop en Welzijn", "1138") in numbered
    # the running footer and the item's date went with the running lines
    assert "TK 40" not in t and "8 februari 2024" not in t
    assert "Tweede Kamer Staat van de Volkshuisvesting TK 40 40-6-1" in d.running
    assert d.running.count("8 februari 2024") == 13


def test_two_column_vragenuur() -> None:
    d = doc(DEBATES / "h-tk-20232024-65-4.pdf")
    t = d.text
    assert "We hebben daarbij een afweging gemaakt. Aan de ene kant zijn er de positieve adviezen" in t
    assert "We hebben ook met elkaar afgesproken dat we een onderzoek doen" in t
    assert "Mevrouw Podt (D66):\n\nVoorzitter. Ik heb zondag met open mond naar de Zembla" in t
    assert "TK 65" not in t and "16 april 2024" not in t


# ------------------------------------------------------------------- Word


def test_word_answer_properties_fields_and_footnote() -> None:
    d = doc(ANSWERS / "jenv_antwoord_kamervragen_04.docx")
    mk = d.markup
    assert mk.source == "docx" and d.source.media_type.endswith("wordprocessingml.document")
    assert (mk.prop("datum"), mk.prop("onskenmerk")) == ("14 maart 2024", "5303168")
    assert (mk.prop("onderwerp") or "").startswith("Beantwoording Kamervragen van het lid Eerdmans (JA21)")
    assert mk.prop("core.category") == "Brief" and mk.prop("core.created") == "2024-03-14T10:48:00+00:00"
    # what the letter shows for its DOCPROPERTY fields (the printed date differs from the stored one)
    shown = {m.attr("name"): text(d, m) for m in marks(d, "docproperty")}
    assert shown["datum"] == "24 maart 2024" and shown["onskenmerk"] == "5303168"
    assert shown["onderwerp"].startswith("Beantwoording Kamervragen")
    # the letterhead table: a merged cell once, in reading order
    (head, side) = marks(d, "table")
    assert (head.attr("rows"), head.attr("columns")) == ("7", "2")
    assert text(d, side).startswith("Directoraat-Generaal") and "Ons kenmerk\n\n5303168" in text(d, side)
    assert d.text.count("> Retouradres") == 1 and text(d, head).startswith("> Retouradres")
    assert d.text.index("Datum\n\n24 maart 2024") < d.text.index("Antwoorden van de minister")
    (note,) = d.footnotes
    assert d.text[note.start : note.end] == "Aanhangsel van de Handelingen, vergaderjaar 2023-2024, nr. 1121."
    assert note.marker is not None and d.text[: note.marker].endswith("Mobiele Eenheid (ME)")
    assert [s.role for s in d.segments if s.start >= note.start] == ["footnote"]
    assert "Pagina 1 van 3" in d.running and "5303168" in d.running


def test_word_answer_text_order_and_header() -> None:
    d = doc(ANSWERS / "jenv_antwoord_kamervragen_01.docx")
    blocks = re.findall(r"(?m)^(Vraag \d+|Antwoord op vraag [\d en]+)$", d.text)
    assert [b for b in blocks if b.startswith("Vraag")] == [f"Vraag {n}" for n in range(1, 9)]
    assert blocks[:4] == ["Vraag 1", "Antwoord op vraag 1", "Vraag 2", "Antwoord op vraag 2"]
    assert blocks[-1] == "Antwoord op vraag 3 en 8"
    assert d.text.startswith("In antwoord op uw brief van 5 juli 2024, nr. 2024Z11859")
    mk = d.markup
    assert (mk.prop("Datum"), mk.prop("Kenmerk")) == ("8 juli 2024", "5624406")
    assert (mk.title or "").startswith("Brief - Beantwoording Kamervragen leden Mutluer")
    # the first-page header: its text boxes (Datum, Betreft, the sender's block) are running lines
    assert {"Datum", "25 juli 2024", "Betreft", "Ons kenmerk"} <= set(d.running)
    assert "Datum" not in d.text.split("\n\n")[:3]


def test_word_debate() -> None:
    d = doc(DEBATES / "h-tk-tweeminutendebat-exportkredietverzekeringen.docx")
    (heading,) = marks(d, "heading")
    assert text(d, heading) == "Exportkredietverzekeringen" and heading.attrs == (
        ("style", "Heading 1"),
        ("level", "1"),
    )
    # a manual line break in a Word paragraph separates the speaker's label from the speech
    assert "\n\nMevrouw Hirsch (GroenLinks-PvdA):\n\nIk kom zo op de motie" in d.text
    for n in (444, 445, 446):
        assert re.search(
            rf"Deze motie is voorgesteld door [^\n]+\.\n\nZij krijgt nr\. {n} \(26485\)\.", d.text
        )


def _word(build) -> bytes:  # type: ignore[no-untyped-def]
    import docx

    document = docx.Document()
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_word_styles_that_label_questions_and_answers(tmp_path: Path) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    def build(document) -> None:  # type: ignore[no-untyped-def]
        for name in ("Vraag", "Antwoord"):
            document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        document.add_heading("Beantwoording", level=1)
        document.add_paragraph("Vraag 1", style="Vraag")
        document.add_paragraph("Kent u het bericht?", style="Vraag")
        document.add_paragraph("Ja.", style="Antwoord")
        document.add_paragraph("")
        document.add_paragraph("Vraag 2", style="Vraag")
        document.add_paragraph("Waarom niet?", style="Vraag")
        document.add_paragraph("Daarom.", style="Antwoord")
        document.add_paragraph("Den Haag, gewone tekst.")

    path = tmp_path / "antwoorden.docx"
    path.write_bytes(_word(build))
    d = extract(path)
    assert d.text == (
        "Beantwoording\n\nVraag 1\n\nKent u het bericht?\n\nJa.\n\nVraag 2\n\nWaarom niet?\n\nDaarom.\n\n"
        "Den Haag, gewone tekst."
    )
    got = [(m.kind, text(d, m), m.attr("style")) for m in d.marks]
    assert got == [
        ("heading", "Beantwoording", "Heading 1"),
        ("question", "Vraag 1\n\nKent u het bericht?", "Vraag"),
        ("answer", "Ja.", "Antwoord"),
        ("question", "Vraag 2\n\nWaarom niet?", "Vraag"),
        ("answer", "Daarom.", "Antwoord"),
    ]


# ------------------------------------------------------------ bad input


def _package(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def _parts() -> dict[str, bytes]:
    with zipfile.ZipFile(DEBATES / "h-tk-tweeminutendebat-exportkredietverzekeringen.docx") as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def test_a_word_zip_bomb_is_refused_before_it_inflates(tmp_path: Path) -> None:
    path = tmp_path / "bom.docx"
    path.write_bytes(_package({**_parts(), "word/media/nullen.bin": bytes(20_000_000)}))
    with pytest.raises(ExtractError) as err:
        extract(path, Settings(max_stream_bytes=10_000_000))
    assert err.value.code == "too_large" and "decompression bomb" in err.value.message
    assert "word/media/nullen.bin" in err.value.message
    with pytest.raises(ExtractError) as err:
        extract(path, Settings(max_decompressed_bytes=15_000_000))
    assert err.value.code == "too_large" and "inflates to 20," in err.value.message
    assert extract(path).text.startswith("Exportkredietverzekeringen")  # within the default limits it is read


def test_a_word_part_that_lies_about_its_size_is_damaged(tmp_path: Path) -> None:
    parts = _parts()
    data = bytearray(_package(parts))
    # the central directory claims document.xml inflates to 100 bytes; it inflates to far more
    name = b"word/document.xml"
    at = data.find(b"PK\x01\x02")
    while at != -1:
        if data[at + 46 : at + 46 + len(name)] == name:
            data[at + 24 : at + 28] = (100).to_bytes(4, "little")
        at = data.find(b"PK\x01\x02", at + 1)
    path = tmp_path / "leugen.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(ExtractError) as err:
        extract(path)
    assert err.value.code == "corrupt" and "word/document.xml" in err.value.message


def test_entity_attacks_are_refused(tmp_path: Path) -> None:
    bomb = b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    parts = _parts()
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"?>", b"?>" + bomb, 1)
    word = tmp_path / "entiteit.docx"
    word.write_bytes(_package(parts))
    vlos = tmp_path / "verslag.xml"
    vlos.write_bytes(
        b'<?xml version="1.0"?>' + bomb + b'<vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/'
        b'vergaderverslag/v1.0"><vergadering><titel>&b;</titel></vergadering></vlosCoreDocument>'
    )
    for path in (word, vlos):
        with pytest.raises(ExtractError) as err:
            extract(path)
        assert err.value.code == "malformed_xml" and "entit" in err.value.message


def test_structured_files_without_text_say_so(tmp_path: Path) -> None:
    vlos = tmp_path / "leeg.xml"
    vlos.write_bytes(
        b'<vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"><vergadering>'
        b"<datum>2014-10-15T00:00:00</datum></vergadering></vlosCoreDocument>"
    )
    word = tmp_path / "leeg.docx"
    word.write_bytes(_word(lambda document: None))
    for path in (vlos, word):
        with pytest.raises(ExtractError) as err:
            extract(path)
        assert err.value.code == "empty"


def test_vlos_votes_where_the_markup_has_them(tmp_path: Path) -> None:
    """The verslag of 15 October 2014 has no votes. This shape of a vote (an ``activiteitdeel``
    "Stemming item" with ``stemmingen/stemming``: ``fractie``, ``stem``) is taken from a test of
    another project's VLOS reader, not from a published verslag: each ``stemming`` is a ``vote``
    mark with its fields, empty where the markup gives it no text."""
    path = tmp_path / "stemming.xml"
    path.write_text(
        '<vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"><vergadering>'
        '<titel>90e vergadering</titel><activiteit soort="Stemmingen"><titel>Stemmingen</titel>'
        "<activiteithoofd><tekst><alinea><alineaitem>In stemming komt de motie.</alineaitem></alinea></tekst>"
        '<activiteitdeel soort="Stemming item"><stemmingen>'
        "<stemming><fractie>VVD</fractie><stem>Voor</stem></stemming>"
        "<stemming><fractie>SP</fractie><stem>Tegen</stem></stemming>"
        "</stemmingen></activiteitdeel></activiteithoofd></activiteit></vergadering></vlosCoreDocument>",
        encoding="utf-8",
    )
    d = extract(path)
    assert d.text == "90e vergadering\n\nIn stemming komt de motie."
    votes = marks(d, "vote")
    assert [(v.attr("fractie"), v.attr("stem"), v.start, v.end) for v in votes] == [
        ("VVD", "Voor", len(d.text), len(d.text)),
        ("SP", "Tegen", len(d.text), len(d.text)),
    ]

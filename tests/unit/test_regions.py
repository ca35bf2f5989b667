"""Regions on lines become Marks with exact offsets; pretty-printed XML reads as printed; two columns."""

from __future__ import annotations

from lxml import etree

from pipeline.extract.layout import Layout, column_order
from pipeline.extract.lines import Line, Region, find_gutter, merge_rows
from pipeline.extract.normalize import assemble
from pipeline.extract.structured import LineWriter, inline_text


def _marks(lines: list[Line]) -> tuple[str, list[tuple[str, str]]]:
    text, _, _, marks = assemble(Layout(body=lines, notes=[], removed=[]))
    return text, [(m.kind, text[m.start : m.end]) for m in marks]


def test_regions_over_lines_and_inside_a_line() -> None:
    turn, ref = Region("turn"), Region("ref")
    lines = [
        Line("  De heer Omtzigt (CDA):", 1, blank_before=True, opens=[(0, turn)]),
        Line(
            "Zie Kamerstuk 33972, nr. 5.  ",
            1,
            blank_before=True,
            opens=[(4, ref)],
            closes=[(26, ref), (29, turn)],
        ),
        Line("Volgende.", 1, blank_before=True),
    ]
    text, got = _marks(lines)
    assert text == "De heer Omtzigt (CDA):\n\nZie Kamerstuk 33972, nr. 5.\n\nVolgende."
    assert got == [
        ("turn", "De heer Omtzigt (CDA):\n\nZie Kamerstuk 33972, nr. 5."),
        ("ref", "Kamerstuk 33972, nr. 5"),
    ]


def test_a_region_on_empty_lines_starts_at_the_next_text_and_ends_at_the_last() -> None:
    item, empty = Region("agenda_item"), Region("fragment")
    lines = [
        Line("Opening", 1, blank_before=True),
        Line("   ", 1, opens=[(0, item)]),
        Line("Aan de orde is het debat.", 1, blank_before=True),
        Line("", 1, opens=[(0, empty)], closes=[(0, empty), (0, item)]),
    ]
    _, got = _marks(lines)
    assert got == [("agenda_item", "Aan de orde is het debat."), ("fragment", "")]


def test_a_region_ending_on_a_hyphen_that_is_joined_stays_on_its_word() -> None:
    word = Region("w")
    lines = [Line("het maatschap-", 1, opens=[(4, word)], closes=[(14, word)]), Line("pelijk belang", 1)]
    text, got = _marks(lines)
    assert text == "het maatschappelijk belang"
    assert got == [("w", "maatschap")]


def test_line_writer_anchors_empty_regions_on_the_last_line() -> None:
    w = LineWriter()
    assert w.write("   ") is None
    _ = w.write("De Kamer,")
    r = w.open("vote")
    w.close(r)
    text, got = _marks(w.lines)
    assert text == "De Kamer," and got == [("vote", "")]


PRETTY = """<al>
 Zij krijgt nr.
 <extref doc="kst-36410-12">
  12
 </extref>
 (
 <extref doc="dossier/36410">
  36410
 </extref>
 ). Zie ook
 <nadruk>
  „de motie”
 </nadruk>
 : zo is het.
</al>"""
COMPACT = (
    '<al>Zij krijgt nr. <extref doc="kst-36410-12">12</extref> (<extref doc="dossier/36410">36410</extref>). '
    "Zie ook <nadruk>„de motie”</nadruk>: zo is het.</al>"
)


def test_pretty_printed_xml_reads_like_the_compact_source() -> None:
    def region(el: object) -> Region | None:
        return Region("extref") if getattr(el, "tag", "") == "extref" else None

    pretty = inline_text(etree.fromstring(PRETTY), region)
    compact = inline_text(etree.fromstring(COMPACT), region)
    assert pretty.text == compact.text == "Zij krijgt nr. 12 (36410). Zie ook „de motie”: zo is het."
    assert [(pretty.text[a:b]) for (a, _), (b, _) in zip(pretty.opens, pretty.closes, strict=True)] == [
        "12",
        "36410",
    ]
    assert [o for o, _ in pretty.opens] == [o for o, _ in compact.opens]


def test_plain_spaces_at_tags_are_kept() -> None:
    el = etree.fromstring("<al>De heer <naam>De Hoop</naam> (<politiek>SP</politiek>):</al>")
    assert inline_text(el).text == "De heer De Hoop (SP):"


# ------------------------------------------------------------------ columns


def _line(text: str, top: float, x0: float, x1: float, size: float = 8.6) -> Line:
    return Line(text, 1, top=top, bottom=top + 0.01, x0=x0, x1=x1, size=size)


def _two_columns() -> list[Line]:
    lines = []
    for k in range(30):
        top = 0.1 + 0.025 * k
        lines.append(_line(f"links {k} " + "x" * 40, top, 0.09, 0.49 if k % 4 else 0.35))
        lines.append(_line(f"rechts {k} " + "y" * 40, top, 0.51, 0.91 if k % 5 else 0.7))
    return lines


def test_a_page_in_two_columns_is_read_column_by_column() -> None:
    raw = _two_columns()
    gutter = find_gutter(raw)
    assert gutter is not None and 0.49 < gutter < 0.51
    rows = merge_rows(raw, gutter)
    assert len(rows) == 60  # no row joined across the gutter
    ordered = column_order(rows, gutter)
    assert [ln.text.split()[0] for ln in ordered] == ["links"] * 30 + ["rechts"] * 30
    assert {ln.column for ln in ordered[:30]} == {1} and {ln.column for ln in ordered[30:]} == {2}
    # without the gutter the rows are joined, as for a label and its value
    assert len(merge_rows(_two_columns())) == 30


def test_a_heading_across_both_columns_closes_a_band() -> None:
    raw = _two_columns()
    raw.append(_line("Een kop over beide kolommen heen", 0.05, 0.2, 0.8, size=12))
    gutter = find_gutter(raw)
    assert gutter is not None
    ordered = column_order(merge_rows(raw, gutter), gutter)
    assert ordered[0].text.startswith("Een kop") and ordered[0].column == 0


def test_no_columns_in_a_letter_with_a_side_column_or_a_table() -> None:
    letter = [_line("brieftekst " + "z" * 60, 0.2 + 0.02 * k, 0.1, 0.62) for k in range(30)]
    letter += [_line("Datum", 0.2 + 0.03 * k, 0.72, 0.85, size=6.5) for k in range(10)]
    assert find_gutter(letter) is None
    table = []
    for k in range(20):
        table.append(_line("Zaak", 0.1 + 0.03 * k, 0.1, 0.1 + 0.05 * (k % 5 + 1)))
        table.append(_line("Besluit", 0.1 + 0.03 * k, 0.55, 0.55 + 0.04 * (k % 7 + 1)))
    assert find_gutter(table) is None
    single = [_line("tekst " + "a" * 80, 0.1 + 0.02 * k, 0.1, 0.9) for k in range(40)]
    assert find_gutter(single) is None

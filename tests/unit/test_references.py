"""Tables of real citation strings: lists, ranges, follow-ons, OCR damage, short forms."""

from __future__ import annotations

import pytest

from pipeline.nlp.references import find_references
from tests.conftest import analyse_text

CASES = [
    # lists and ranges after one dossier
    ("Kamerstuk 34 300 XVII, nrs. 520 en 548", ["kst-34300-XVII-520", "kst-34300-XVII-548"]),
    ("Kamerstukken II 2015/16, 34 300, nrs. 1–3", ["kst-34300-1", "kst-34300-2", "kst-34300-3"]),
    ("Kamerstuk 34 300, nrs. 12, 15 en 17, blz. 4", ["kst-34300-12", "kst-34300-15", "kst-34300-17"]),
    # elliptic follow-on past a page reference
    ("Kamerstuk 34 300 XVII, nr. 4, p. 12 en 13, en nr. 6", ["kst-34300-XVII-4", "kst-34300-XVII-6"]),
    # a date after the number is no second number
    ("Kamerstuk 26 485, nr. 187, 24 juni 2014.", ["kst-26485-187"]),
    ("Notaoverleg, Kamerstuk 34 331, nr. 7 en Kamerstuk 34 311, nr. 5.", ["kst-34331-7", "kst-34311-5"]),
    # OCR damage: 11 for II, no space after nr.
    ("Kamerstukken 11 2015/16, 34 300 XVII, nr.32", ["kst-34300-XVII-32"]),
    # sub-series of the EU councils dossier
    ("zie 21501-08 en 21501-08-765", ["dossier-21501-08", "kst-21501-08-765"]),
    ("Zij krijgen nrs. 12 en 13 (30196).", ["kst-30196-12", "kst-30196-13"]),
    (
        "Gewijzigde motie van het lid Rudmer Heerema c.s. over bekostiging (t.v.v. 31497-297)",
        ["kst-31497-297"],
    ),
    ("Handelingen II 2019/20, nr. 31, item 8", ["h-tk-20192020-31-8"]),
    ("Richtlijn 2014/95/EU en Verordening (EU) 2016/679", ["32014L0095", "32016R0679"]),
    (
        "Stb. 2019, 33; Stcrt. 2020, 1234; ECLI:NL:HR:2019:2007.",
        ["stb-2019-33", "stcrt-2020-1234", "ECLI:NL:HR:2019:2007"],
    ),
    # OCR keeps the hyphen of a month broken at a line end (sgd/brieven-overig/sgd-0000393778.txt)
    ("der wet van 22 De-cember 1863 (Staatsblad n°. 148) zal afloopen", ["stb-1863-148"]),
    # 'nos.', the old plural of no., and a second number after 'en' (sgd/wetsvoorstellen/sgd-0000301705.txt);
    # a year after 'en' starts another citation (sgd/wetsvoorstellen/sgd-0000350503.txt)
    ("zeemacht (Staatsblad 1922, nos. 66 en 65), enz.", ["stb-1922-66", "stb-1922-65"]),
    ("Comptabiliteitswet (Staatsblad 1905, n°. 145 en 1903, n°. 172) voor", ["stb-1905-145"]),
    ("(Stb. 2019, 33 en 2020, 45)", ["stb-2019-33"]),  # a year after 'en', a comma: no second number
    # no references
    ("Het kabinet verwacht 35 bedrijven en 30 procent van de omzet in 2016-2017.", []),
    ("tel. 070-3183000, postbus 20018, 2500 EA Den Haag", []),
]


@pytest.mark.parametrize(("text", "ids"), CASES)
def test_references(text: str, ids: list[str]) -> None:
    assert [f.id for f in find_references(text) if f.kind != "url"] == ids


SHORT = [
    ("(Kamerstuk 29 544, nr. 12) en later (idem, nr. 14)", "kst-29544-14", "idem"),
    (
        "de motie-Van Laar (Kamerstuk 32 852, nr. 24). Deze motie verzoekt de regering",
        "kst-32852-24",
        "anaphor",
    ),
]


@pytest.mark.parametrize(("text", "want", "how"), SHORT)
def test_short_forms_resolve(text: str, want: str, how: str) -> None:
    resolved = [r for r in analyse_text(text).references if r.resolved_from]
    assert [(r.id, r.resolved_from) for r in resolved] == [(want, how)]


def test_short_form_with_two_candidates_stays_unresolved() -> None:
    text = "Zie Kamerstuk 32 852, nr. 24 en Kamerstuk 26 485, nr. 187. Genoemde brief laat zien dat"
    assert [r for r in analyse_text(text).references if r.resolved_from] == []


def test_zie_noot_takes_the_one_reference_in_that_note() -> None:
    # a plain-text letter whose page ends with its numbered note
    text = ("Zoals eerder gemeld (zie noot 3) gaat het goed met de uitvoering van het beleid in alle "
            "provincies en gemeenten van het land.\n\n3 Kamerstuk 26 485, nr. 212.")  # fmt: skip
    doc = analyse_text(text)
    assert [n.number for n in doc.footnotes] == ["3"]
    resolved = [r for r in doc.references if r.resolved_from]
    assert [(r.id, r.resolved_from) for r in resolved] == [("kst-26485-212", "zie_noot")]

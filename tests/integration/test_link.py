"""A letter that carries out or postpones a motion closes or keeps open that motion in the graph, whether it
cites the motion by a number wrapped over lines or only describes it ("de motie van het lid Van Nispen over
…"). The motions are real (corpus/motions, with their open data: both adopted); the letters are written
here in the form ministries use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS, kamer

HEAD = "Tweede Kamer der Staten-Generaal\n\nDatum {date}\nBetreft {subject}\n\nGeachte voorzitter,\n\n"
SIGNED = "\n\nDe Minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nJ.J.M. Uitermark\n"
NISPEN = "kst-28844-290"  # "Motie van het lid Van Nispen over openbaarmaking van de financiële belangen …"
OUWEHAND = "kst-21501-20-2233"  # "Motie van het lid Ouwehand over … Defensie-oefenlocaties … dan de natuur"


def _letter(tmp: Path, name: str, body: str, date: str = "14 oktober 2025") -> Path:
    path = tmp / name
    path.write_text(HEAD.format(date=date, subject="Uitvoering motie") + body + SIGNED, encoding="utf-8")
    return path


def _open(db: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    r = kamer("query", "open-motions", "--db", str(db), "--format", "json")
    assert r.returncode == 0, r.stderr
    return {m["id"]: m for m in json.loads(r.stdout)}


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    db = tmp_path / "k.sqlite"
    r = kamer("ingest", str(CORPUS / "motions"), "--db", str(db), "--no-progress")
    assert r.returncode == 0, r.stderr
    opened = _open(db)
    assert NISPEN in opened and OUWEHAND in opened  # both adopted, nothing yet carried them out
    return db


def _ingest(db: Path, *files: Path) -> None:
    r = kamer("ingest", *map(str, files), "--db", str(db), "--no-progress")
    assert r.returncode == 0, r.stderr


def test_a_motion_described_without_its_number_is_closed(store: Path, tmp_path: Path) -> None:
    letter = _letter(
        tmp_path,
        "uitvoering.txt",
        "Met deze brief geef ik uitvoering aan de motie van het lid Van Nispen over de openbaarmaking van "
        "financiële belangen van bewindspersonen. Het kabinet stelt voor de melding van zakelijke belangen "
        "uit te breiden met financiële belangen boven een drempelbedrag.",
    )
    _ingest(store, letter)
    assert NISPEN not in _open(store)
    chain = json.loads(kamer("query", "chain", NISPEN, "--db", str(store), "--format", "json").stdout)
    edges = [e for e in chain["edges"] if e.get("relation") == "fulfils" and e.get("target") == NISPEN]
    assert edges and edges[0].get("resolved_by") == "store" and 0.6 <= edges[0]["confidence"] <= 1.0


def test_a_motion_cited_over_a_line_break_is_closed(store: Path, tmp_path: Path) -> None:
    letter = _letter(
        tmp_path,
        "afgewikkeld.txt",
        "Op 12 juni 2025 heeft uw Kamer de motie aangenomen over de openbaarmaking van financiële belangen\n"
        "van bewindspersonen (Kamerstuk 28 844,\nnr. 290). Met deze brief geef ik uitvoering aan deze motie.",
    )
    _ingest(store, letter)
    assert NISPEN not in _open(store)


def test_a_postponed_motion_stays_open_with_the_postponement(store: Path, tmp_path: Path) -> None:
    letter = _letter(
        tmp_path,
        "uitstel.txt",
        "Voor een zorgvuldige uitvoering van de motie van het lid Ouwehand over oefenlocaties buiten de "
        "natuur vraagt het kabinet meer tijd, omdat de provincies hun locatieonderzoek nog niet hebben afgerond.",
        date="3 november 2025",
    )
    _ingest(store, letter)
    still = _open(store)
    assert OUWEHAND in still
    assert [f["relation"] for f in still[OUWEHAND]["follow_ups"]] == ["postpones"]


def test_a_description_that_fits_no_motion_links_nothing(store: Path, tmp_path: Path) -> None:
    letter = _letter(
        tmp_path,
        "ander.txt",
        "Met deze brief geef ik uitvoering aan de motie van het lid Bikker over de openbaarmaking van "
        "financiële belangen van bewindspersonen.",
    )
    _ingest(store, letter)
    assert NISPEN in _open(store)  # same subject, another indiener: not this motion


def test_a_letter_ingested_before_its_motion_is_linked_when_the_motion_comes(tmp_path: Path) -> None:
    db = tmp_path / "k.sqlite"
    letter = _letter(
        tmp_path,
        "eerder.txt",
        "Met deze brief geef ik uitvoering aan de motie van het lid Van Nispen over de openbaarmaking van "
        "financiële belangen van bewindspersonen.",
    )
    _ingest(db, letter)  # no motion in the store yet: described, not linked
    r = kamer("ingest", str(CORPUS / "motions"), "--db", str(db), "--no-progress")
    assert r.returncode == 0, r.stderr
    assert NISPEN not in _open(db)
    assert OUWEHAND in _open(db)

"""``kamer show``: one thing by any spelling of its id, named as people name it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

LETTER = "corpus/letters/brief-uitvoering-motie-van-nispen-2025.txt"


def show(db: Path, *args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["show", *args, "--db", str(db)])
    return r.exit_code, r.stdout, r.stderr


@pytest.mark.parametrize(
    "spelling", ["36600 VIII nr. 38", "kst-36600-viii-38", "36600-VIII-38", "Kamerstuk 36600-VIII, nr. 38"]
)
def test_a_motion_in_every_spelling(demo_db: Path, spelling: str) -> None:
    code, out, _ = show(demo_db, spelling, "--format", "json")
    assert code == 0
    item = json.loads(out)
    assert item["id"] == "kst-36600-VIII-38" and item["type"] == "motion"
    assert item["submitters"] == ["Westerveld", "Kostić"]
    assert item["name"].startswith("Motie van de leden Westerveld en Kostic over een wettelijk verbod")
    assert item["status"] == "aangenomen" and item["status_source"] == "open data"
    assert [s["step"] for s in item["life"]] == ["submitted", "appraised", "voted"]


def test_a_letter_by_its_betreft_with_the_motion_it_carries_out(demo_db: Path) -> None:
    code, out, _ = show(demo_db, LETTER)
    assert code == 0
    first = out.splitlines()[0]
    assert first == "Openbaarmaking van financiële belangen van bewindspersonen (brief, 2025-10-14)"
    assert "doc:" not in first
    assert "fulfils Motie van het lid Van Nispen over openbaarmaking" in out
    assert "“Met deze brief geef ik uitvoering aan deze motie.”" in out


def test_a_carried_out_motion_shows_the_letter_and_its_evidence(demo_db: Path) -> None:
    code, out, _ = show(demo_db, "28844 nr. 290", "--format", "json")
    item = json.loads(out)
    assert code == 0 and item["state"] == "done"
    (fulfils,) = [s for s in item["life"] if s["step"] == "fulfils"]
    assert (
        fulfils["by"]["name"]
        == "Openbaarmaking van financiële belangen van bewindspersonen (brief, 2025-10-14)"
    )
    assert fulfils["evidence"] == "Met deze brief geef ik uitvoering aan deze motie."
    (said,) = [s for s in item["life"] if s["step"] == "voted" and s["source"] == "text"]
    assert said["evidence"].startswith(
        "Op 12 juni 2025 heeft uw Kamer de motie van het lid Van Nispen aangenomen"
    )
    assert said["evidence"].endswith("(Kamerstuk 28 844, nr. 290).")


def test_a_commitment_by_its_id_from_json(demo_db: Path) -> None:
    _, out, _ = show(demo_db, "corpus/letters/brief-uitstel-motie-ouwehand-2025.txt", "--format", "json")
    letter = json.loads(out)
    promise = next(c for c in letter["commitments"] if c["kind"] == "toezegging")
    code, out, _ = show(demo_db, promise["target"]["id"], "--format", "json", "--today", "2030-01-01")
    item = json.loads(out)
    assert code == 0 and item["type"] == "commitment"
    assert item["text"].split()[:3] == promise["text"].split()[:3]
    assert item["made_in"]["name"].endswith("(brief, 2025-11-03)")
    assert item["overdue"] is bool(item["deadline"] and item["deadline"]["by"])


def test_an_unknown_id_is_an_error(demo_db: Path) -> None:
    code, out, err = show(demo_db, "99999 nr. 1")
    assert code == 1 and out == ""
    assert "no document, motion or commitment '99999 nr. 1'" in err


def test_serve_without_a_store_says_what_to_do(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.sqlite")])
    assert r.exit_code == 1
    assert "no store at" in r.stderr and "kamer ingest" in r.stderr
    assert not (tmp_path / "none.sqlite").exists()


def test_query_tables_and_the_report_name_papers_as_people_do(demo_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(main, ["query", "cited-by", "28844 nr. 290", "--db", str(demo_db)])
    assert r.exit_code == 0
    assert "Openbaarmaking van financiële belangen" in r.stdout
    r = runner.invoke(main, ["query", "open-motions", "--db", str(demo_db)])
    assert "postpones by Stand van zaken uitvoering motie-Ouwehand" in r.stdout
    r = runner.invoke(main, ["query", "chain", "99999 nr. 1", "--db", str(demo_db)])
    assert r.exit_code == 1 and "neither holds nor cites '99999 nr. 1'" in r.stderr
    out = tmp_path / "r.md"
    r = runner.invoke(main, ["report", "--out", str(out), "--today", "2026-12-01", "--db", str(demo_db)])
    report = out.read_text()
    assert r.exit_code == 0 and "doc:" not in report
    assert "Stand van zaken uitvoering motie-Ouwehand over locatiekeuze" in report


def test_a_dossier_and_a_person_are_shown_too(demo_db: Path) -> None:
    code, out, _ = show(demo_db, "dossier 36600 VIII")
    assert code == 0 and out.splitlines()[0] == "dossier 36600-VIII"
    assert "2024-11-18  motion: Motie van de leden Westerveld en Kostic" in out
    code, out, _ = show(demo_db, "person:van nispen")
    assert code == 0 and "motions submitted:" in out and "[kst-28844-290]" in out


def test_query_pages_stream_as_one_json_array_and_say_when_a_chain_is_cut(demo_db: Path) -> None:
    runner = CliRunner()

    def ask(*args: str) -> list:
        r = runner.invoke(main, ["query", *args, "--db", str(demo_db), "--format", "json"])
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)

    every = ask("open-motions")
    assert len(every) >= 4
    assert ask("open-motions", "--limit", "2", "--offset", "1") == every[1:3]
    assert ask("open-motions", "--offset", str(len(every))) == []
    due = ask("open-commitments", "--kind", "toezegging", "--kind", "doel", "--today", "2026-01-01")
    assert (
        ask(
            "open-commitments",
            "--kind",
            "toezegging",
            "--kind",
            "doel",
            "--today",
            "2026-01-01",
            "--limit",
            "1",
        )
        == due[:1]
    )
    assert len(ask("cited-by", "kst-32852-24", "--limit", "1")) == 1 < len(ask("cited-by", "kst-32852-24"))
    r = runner.invoke(main, ["query", "chain", "kst-32852-24", "--db", str(demo_db), "--format", "json"])
    whole = json.loads(r.stdout)
    assert whole["truncated"] is False and len(whole["nodes"]) > 3
    r = runner.invoke(main, ["query", "open-motions", "--db", str(demo_db), "--limit", "-1"])
    assert r.exit_code == 2 and "--limit" in r.output

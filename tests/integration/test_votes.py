"""Outcomes the chair announces in a sitting's stemmingen, merged in the graph with the open-data votes.

The development corpus holds no stemmingen item of the motions its open data
covers, so the item is rendered here from the real open-data records of the
sample (corpus/motions/opendata.jsonl) in the chair's published formulas
(models/patterns/votes.json lists real ones with their addresses): each motion
put to the vote, then the chair's sentence with the outcome open data gives —
except one, printed with the opposite outcome, so that the graph must show
the disagreement and let open data win.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from pipeline import analyse, extract
from pipeline.batch import ingest_paths
from pipeline.config import Settings
from pipeline.graph import build_graph
from pipeline.opendata import zaak_facts
from pipeline.store import Store
from tests.conftest import CORPUS

MISPRINTED = "kst-22054-413"  # open data: verworpen; the rendered item says aangenomen
HELD = "kst-27858-664"  # no vote in open data; the chair holds it over at its indiener's request


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (CORPUS / "motions" / "opendata.jsonl").read_text().splitlines()]


def _voted() -> dict[str, tuple[str, str]]:
    """kst id → (the indieners as the chair names them, the open-data outcome), for voted motions."""
    out = {}
    for record in _records():
        facts = zaak_facts(record)
        if facts is None or facts.kst_id is None or facts.status not in ("aangenomen", "verworpen"):
            continue
        names = re.search(r"motie van (?:het lid|de leden) (.+?) over ", facts.onderwerp or "", re.I)
        if names:
            out[facts.kst_id] = (re.sub(r"\s+en\s+", "/", names.group(1)), facts.status)
    return out


def _number(kid: str) -> str:
    dossier, nr = kid.removeprefix("kst-").rsplit("-", 1)
    return f"({dossier}, nr. {nr})"


def _item(voted: dict[str, tuple[str, str]]) -> str:
    flip = {"aangenomen": "verworpen", "verworpen": "aangenomen"}
    parts = [
        "12 Stemmingen\n\nAan de orde zijn de stemmingen over moties,\n\nte weten:\n",
        *(f"- de motie-{names} over een onderwerp {_number(kid)};" for kid, (names, _) in voted.items()),
        f"- de motie-Grinwis c.s. over het bevoegd gezag {_number(HELD)}.\n",
        "De voorzitter:\n",
        f"Op verzoek van de heer Grinwis stel ik voor, zijn motie {_number(HELD)} aan te houden.\n",
        "Daartoe wordt besloten.\n",
    ]
    for kid, (names, status) in voted.items():
        said = flip[status] if kid == MISPRINTED else status
        parts += [
            f"In stemming komt de motie-{names} {_number(kid)}.\n",
            "De voorzitter:\n",
            "Ik constateer dat de leden van de fracties van de SP en de PvdD voor deze motie hebben gestemd "
            f"en de leden van de overige fracties ertegen, zodat zij is {said}.\n",
        ]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def item(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stemmingen") / "stemmingen.txt"
    path.write_text(_item(_voted()), encoding="utf-8")
    return path


def test_each_motion_put_to_the_vote_gets_the_outcome_the_chair_announces(item: Path) -> None:
    d = analyse(extract(str(item)))
    assert d.meta.kind == "handelingen"
    voted = _voted()
    stated = {m.id: m for m in d.motions if m.status_evidence is not None}
    assert set(stated) == set(voted) | {HELD}
    for kid, (_, status) in voted.items():
        m = stated[kid]
        assert m.status == (
            status if kid != MISPRINTED else {"aangenomen": "verworpen"}.get(status, "aangenomen")
        )
        assert m.status_evidence is not None and m.status_evidence.text.startswith("Ik constateer")
        assert m.status_evidence.text.endswith(f"zodat zij is {m.status}.")
    assert stated[HELD].status == "aangehouden"
    assert "aan te houden" in (stated[HELD].status_evidence.text if stated[HELD].status_evidence else "")


@pytest.fixture(scope="module")
def G(item: Path, tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    store = Store(tmp_path_factory.mktemp("db") / "k.sqlite")
    wanted = set(_voted()) | {HELD}
    export = tmp_path_factory.mktemp("opendata") / "zaken.jsonl"
    export.write_text(
        "".join(
            json.dumps(r) + "\n"
            for r in _records()
            if (f := zaak_facts(r)) is not None and f.kst_id in wanted
        ),
        encoding="utf-8",
    )
    for _ in range(2):  # ingesting both again changes nothing
        summary = ingest_paths([str(item), str(export)], store, Settings(workers=1))
        assert summary.failed == 0, summary.errors
    return build_graph(store)


def test_one_motion_node_with_both_sources_of_its_status(G: nx.MultiDiGraph) -> None:
    for kid, (_, status) in _voted().items():
        assert sum(1 for n in G.nodes if n == kid) == 1
        a = G.nodes[kid]
        sources = sorted(s["source"] for s in a["status_sources"])
        assert sources == ["open data", "vote"], (kid, a["status_sources"])
        assert a["status"] == status == a["status_official"]  # open data wins
        vote = next(s for s in a["status_sources"] if s["source"] == "vote")
        assert vote["evidence"]["text"].startswith("Ik constateer") and vote["evidence"]["doc"]


def test_where_the_text_and_open_data_disagree_open_data_wins_and_the_conflict_shows(
    G: nx.MultiDiGraph,
) -> None:
    a = G.nodes[MISPRINTED]
    assert a["status"] == a["status_official"] == "verworpen"
    assert {(c["source"], c["status"]) for c in a["status_conflict"]} == {
        ("vote", "aangenomen"),
        ("open data", "verworpen"),
    }
    agreeing = [k for k in _voted() if k != MISPRINTED]
    assert agreeing and not any("status_conflict" in G.nodes[k] for k in agreeing)


def test_a_motion_held_over_is_aangehouden_from_the_text_alone(G: nx.MultiDiGraph) -> None:
    a = G.nodes[HELD]
    assert a["status_official"] is None and a["status"] == "aangehouden"
    assert [s["source"] for s in a["status_sources"]] == ["vote"]

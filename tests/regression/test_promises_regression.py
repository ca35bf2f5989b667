"""Regression cases for commitments and deadlines (tests/regression/promises.json)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.nlp import commitments, deadlines
from pipeline.nlp.sentences import sentences

DATA = json.loads((Path(__file__).parent / "promises.json").read_text(encoding="utf-8"))
REF = dt.date.fromisoformat(DATA["document_date"])


def _param(case: dict) -> object:
    marks = [pytest.mark.xfail(reason=case["known_failure"], strict=True)] if "known_failure" in case else []
    return pytest.param(case, marks=marks, id=case["text"][:40])


@pytest.mark.parametrize("case", [_param(c) for c in DATA["commitments"]])
def test_commitment(case: dict) -> None:
    found = commitments.find_commitments(case["text"], sentences(case["text"]), REF)
    assert len(found) == 1
    c = found[0]
    assert (c.rule, c.kind) == (case["rule"], case["kind"])
    assert (c.actor or "").lower() == (case["actor"] or "").lower()
    assert (c.deadline.by if c.deadline else None) == case["by"]


@pytest.mark.parametrize("case", [_param(c) for c in DATA["deadlines"]])
def test_deadline(case: dict) -> None:
    found = deadlines.find_deadlines(case["text"], REF)
    assert [(f.rule, f.by) for f in found] == [(case["rule"], case["by"])]


def test_every_rule_has_a_regression_case() -> None:
    readings = {"register", "promise", "goal", "future", "present", "passive", "intent", "forecast", "offer"}
    assert readings <= {c["rule"] for c in DATA["commitments"] if "known_failure" not in c}, (
        "a reading without a case"
    )
    times = {name[2:] for name, _ in deadlines.grammar().times} - {"event", "season"}
    assert times <= {c["rule"] for c in DATA["deadlines"] if "known_failure" not in c}, (
        "a time without a case"
    )

"""Regression cases from real documents (tests/regression/references.json); known failures are xfail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.nlp.references import find_references

CASES = json.loads((Path(__file__).parent / "references.json").read_text(encoding="utf-8"))["cases"]


def _param(case: dict) -> object:
    marks = [pytest.mark.xfail(reason=case["known_failure"], strict=True)] if "known_failure" in case else []
    return pytest.param(case, marks=marks, id=case["source"])


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: dict) -> None:
    assert [f.id for f in find_references(case["text"]) if f.kind != "url"] == case["ids"]

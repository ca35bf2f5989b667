"""The blind hand annotations of models/training/blind/ are sound: well formed, outside the gold, and every
sentence they mark is in its paper (the last two need ../shared, and say so when it is missing)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

BLIND = ROOT / "models" / "training" / "blind"
CORPUS = SHARED / "corpus"
needs_corpus = pytest.mark.skipif(
    not (CORPUS / "sgd").is_dir(), reason=f"no shared archive at {CORPUS / 'sgd'}"
)
KINDS = {"toezegging", "doel", "verwachting"}
RELATIONS = {"fulfils", "answers", "postpones"}


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (BLIND / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


def _flat(text: str) -> str:
    # line breaks and OCR's hyphenated line ends joined, as the annotators copied the sentences
    return re.sub(r"\s+", " ", re.sub(r"-\s*\n\s*", "", text)).strip()


def test_every_line_is_well_formed_and_a_paper_is_annotated_once() -> None:
    for name, fields in (
        ("commitments", {"commitments", "optional_commitments", "follow_ups"}),
        ("meta", {"kind", "date", "kamerstuk", "authors"}),
        ("references", {"references"}),
    ):
        rows = _rows(name)
        assert rows, name
        paths = [r["path"] for r in rows]
        assert len(paths) == len(set(paths)), name
        for r in rows:
            assert r["path"].startswith("sgd/") and fields <= r.keys(), (name, r["path"])
    for r in _rows("commitments"):
        assert all(c["kind"] in KINDS and c["text"] for c in r["commitments"]), r["path"]
        assert all(f["relation"] in RELATIONS and f["text"] for f in r["follow_ups"]), r["path"]


@needs_corpus
def test_no_annotated_paper_is_in_the_letters_gold() -> None:
    gold = SHARED / "gold" / "letters-sgd.jsonl"
    held = {
        json.loads(line)["path"].split("corpus/")[-1]
        for line in gold.read_text(encoding="utf-8").splitlines()
    }
    for name in ("commitments", "meta", "references"):
        assert not held & {r["path"] for r in _rows(name)}, name


@needs_corpus
def test_every_marked_sentence_is_in_its_paper() -> None:
    missing = []
    for r in _rows("commitments"):
        paper = _flat(Path(CORPUS / r["path"]).read_text(encoding="utf-8", errors="replace"))
        marked = [c["text"] for c in r["commitments"]] + [f["text"] for f in r["follow_ups"]]
        # a sentence as copied, or (OCR's hyphens kept by some annotators) its first 40 letters
        missing += [
            (r["path"], t[:60]) for t in marked if _flat(t) not in paper and _flat(t)[:40] not in paper
        ]
    assert not missing

"""Score `kamer` on the blind hand annotations of archive papers outside the gold.

``models/training/blind/`` holds what helper sessions marked by hand in 1,508 papers of
``../shared/corpus/sgd`` that no gold file holds, without running `kamer` or reading its rules
(see that folder's README). It is not gold: one annotator's reading per paper. Use it to see whether a
change reads more of the archive right, beside the dev gold, and to find what to look at next:
``--misses`` lists every disagreement.

    .venv/bin/python bench/blind_eval.py                 # all three sets
    .venv/bin/python bench/blind_eval.py --set commitments --misses
    .venv/bin/python bench/blind_eval.py --stratum 2026-12-07b

Sentences, authors and counts are matched and scored as `kamer evaluate` scores the letters gold
(``pipeline.evaluate``: a sentence is the same when most of its words are).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import process_many  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.evaluate import Report, surname_key  # noqa: E402
from pipeline.evaluate import _same_sentence as same_sentence  # noqa: E402

BLIND = ROOT / "models" / "training" / "blind"
SETS = ("commitments", "meta", "references")


def commitments(report: Report, g: dict[str, Any], d: dict[str, Any]) -> None:
    where = g["path"].rsplit("/", 1)[-1]
    found = [c.get("text", "") for c in d.get("commitments") or []]
    marked = [c["text"] for c in g["commitments"]] + list(g.get("optional_commitments") or [])
    score = report["commitments"]
    for c in g["commitments"]:
        if any(same_sentence(c["text"], f) for f in found):
            score.tp += 1
        else:
            score.fn += 1
            score.misses.append(f"{where}: {c['kind']} | {c['text'][:200]}")
    for f in found:
        if not any(same_sentence(m, f) for m in marked):  # a borderline sentence counts neither way
            score.fp += 1
            score.false_hits.append(f"{where}: {f[:200]}")
    ups = d.get("follow_ups") or []
    relation = report["follow_ups.relation"]
    for u in g["follow_ups"]:
        same = [f for f in ups if same_sentence(u["text"], f.get("text", ""))]
        if any(f.get("relation") == u["relation"] for f in same):
            relation.tp += 1
        else:
            relation.fn += 1
            got = sorted({f.get("relation", "") for f in same})
            relation.misses.append(f"{where}: {u['relation']}, got {got} | {u['text'][:200]}")
    for f in ups:
        if not any(same_sentence(u["text"], f.get("text", "")) for u in g["follow_ups"]):
            relation.fp += 1
            relation.false_hits.append(f"{where}: {f.get('relation', '')} | {f.get('text', '')[:200]}")


def meta(report: Report, g: dict[str, Any], d: dict[str, Any]) -> None:
    where = g["path"].rsplit("/", 1)[-1]
    m = d.get("meta") or {}
    kst = m.get("kamerstuk") or {}
    report.value("meta.kind", g.get("kind"), m.get("kind"), where)
    report.value("meta.date", g.get("date"), m.get("date"), where)
    report.value("meta.own_id", g.get("kamerstuk"), kst.get("id") if kst.get("ondernummer") else None, where)
    want = (surname_key(a["name"]) for a in g.get("authors") or [])
    got = (surname_key(a.get("name", "")) for a in m.get("authors") or [])
    report.sets("meta.authors", want, got, where, set())


# what the annotators were asked to mark, and what `kamer` reports beside it that they were not
_NOT_ASKED = {"handelingen-page", "other", "trb", "url"}


def references(report: Report, g: dict[str, Any], d: dict[str, Any]) -> None:
    want = {r["id"] for r in g["references"] if r.get("id") and r["kind"] not in _NOT_ASKED}
    got = {r["id"] for r in d.get("references") or [] if r.get("id") and r.get("kind") not in _NOT_ASKED}
    report.sets("references", want, got, g["path"].rsplit("/", 1)[-1], set())


SCORE = {"commitments": commitments, "meta": meta, "references": references}


def blind_rows(name: str, stratum: str | None) -> list[dict[str, Any]]:
    lines = (BLIND / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [r for r in rows if stratum is None or r.get("stratum") == stratum]


def run(names: Iterable[str], corpus: Path, stratum: str | None) -> Report:
    report = Report()
    for name in names:
        rows = blind_rows(name, stratum)
        files = [str(corpus / r["path"]) for r in rows]
        for g, d in zip(rows, process_many(files, Settings(), progress=True), strict=True):
            report.documents += 1
            if "error" in d:
                report.errors.append(f"{g['path']}: {d['error']}")
                continue
            SCORE[name](report, g, d)
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the folder with corpus/")
    ap.add_argument("--set", choices=SETS, action="append", help="one set (repeatable); default all three")
    ap.add_argument("--stratum", help="only the annotations of one round, e.g. 2026-12-07b")
    ap.add_argument("--misses", action="store_true", help="list every disagreement")
    a = ap.parse_args()
    corpus = a.shared / "corpus"
    if not (corpus / "sgd").is_dir():
        print(f"blind_eval: no archive at {corpus / 'sgd'}: pass --shared", file=sys.stderr)
        return 2
    print(run(a.set or SETS, corpus, a.stratum).table(show=10_000 if a.misses else 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())

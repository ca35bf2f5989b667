"""Score `kamer` on the blind hand annotations of archive papers outside the gold.

``models/training/blind/`` holds what helper sessions marked by hand in 400 papers of
``../shared/corpus/sgd`` that no gold file holds, without running `kamer` or reading its rules
(see that folder's README). It is not gold: one annotator's reading per paper. Use it to see whether a
change reads more of the archive right, beside the dev gold, and to find what to look at next:
``--misses`` lists every disagreement.

    .venv/bin/python bench/blind_eval.py                 # all three sets
    .venv/bin/python bench/blind_eval.py --set commitments --misses
    .venv/bin/python bench/blind_eval.py --stratum 2026-12-07b

Sentences are matched as the gold's scorer does for letters: the same words, allowing OCR's line
breaks and a sentence cut differently at either end.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.batch import process_many  # noqa: E402
from pipeline.config import Settings  # noqa: E402

BLIND = ROOT / "models" / "training" / "blind"
SETS = ("commitments", "meta", "references")


def _words(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def same_sentence(a: str, b: str) -> bool:
    """One sentence, cut alike at one end at least (60 letters of it).

    >>> same_sentence("Ik zal u voor 1 mei informeren.", "Ik zal u voor 1 mei in-\\nformeren")
    True
    """
    a, b = _words(a), _words(b)
    return bool(a and b) and (a[:60] in b or b[:60] in a or a[-60:] in b or b[-60:] in a)


def _name(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "")


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.misses: list[str] = []

    def add(self, field: str, tp: int = 0, fn: int = 0, fp: int = 0) -> None:
        c = self.counts.setdefault(field, [0, 0, 0])
        c[0] += tp
        c[1] += fn
        c[2] += fp

    def table(self) -> str:
        rows = [f"{'field':32} {'R':>6} {'P':>6} {'tp':>5} {'fn':>5} {'fp':>5}"]
        for field, (tp, fn, fp) in self.counts.items():
            r = tp / (tp + fn) if tp + fn else float("nan")
            p = tp / (tp + fp) if tp + fp else float("nan")
            rows.append(f"{field:32} {r:6.3f} {p:6.3f} {tp:5d} {fn:5d} {fp:5d}")
        return "\n".join(rows)


def commitments(t: Tally, g: dict[str, Any], d: dict[str, Any]) -> None:
    name = g["path"].rsplit("/", 1)[-1]
    found = [c.get("text", "") for c in d.get("commitments") or []]
    optional = g.get("optional_commitments") or []
    for c in g["commitments"]:
        hit = any(same_sentence(c["text"], f) for f in found)
        t.add("commitments", tp=hit, fn=not hit)
        if not hit:
            t.misses.append(f"miss  commitment {c['kind']:11} {name} | {c['text'][:200]}")
    for f in found:
        if not any(same_sentence(c["text"], f) for c in g["commitments"]) and not any(
            same_sentence(o, f) for o in optional
        ):
            t.add("commitments", fp=1)
            t.misses.append(f"extra commitment {'':11} {name} | {f[:200]}")
    ups = d.get("follow_ups") or []
    for u in g["follow_ups"]:
        same = [f for f in ups if same_sentence(u["text"], f.get("text", ""))]
        t.add("follow_ups.sentence", tp=bool(same), fn=not same)
        right = any(f.get("relation") == u["relation"] for f in same)
        t.add("follow_ups.relation", tp=right, fn=not right)
        if not right:
            got = sorted({f.get("relation", "") for f in same})
            t.misses.append(f"miss  {u['relation']:22} {name} | got {got} | {u['text'][:200]}")
    for f in ups:
        if not any(same_sentence(u["text"], f.get("text", "")) for u in g["follow_ups"]):
            t.add("follow_ups.sentence", fp=1)
            t.add("follow_ups.relation", fp=1)
            t.misses.append(f"extra {f.get('relation', ''):22} {name} | {f.get('text', '')[:200]}")


def meta(t: Tally, g: dict[str, Any], d: dict[str, Any]) -> None:
    name = g["path"].rsplit("/", 1)[-1]
    m = d.get("meta") or {}
    kst = m.get("kamerstuk") or {}
    own = kst.get("id") if kst.get("ondernummer") else None
    for key in ("kind", "date"):
        want, got = g.get(key), m.get(key)
        t.add(f"meta.{key}", tp=want == got, fn=want != got)
        if want != got:
            t.misses.append(f"miss  {'meta.' + key:22} {name} | want {want} got {got}")
    t.add("meta.own_id", tp=g.get("kamerstuk") == own, fn=g.get("kamerstuk") != own)
    if g.get("kamerstuk") != own:
        t.misses.append(f"miss  {'meta.own_id':22} {name} | want {g.get('kamerstuk')} got {own}")
    want_a = {_name(a["name"]) for a in g.get("authors") or []}
    got_a = {_name(a.get("name", "")) for a in m.get("authors") or []}
    t.add("meta.authors", tp=len(want_a & got_a), fn=len(want_a - got_a), fp=len(got_a - want_a))
    if want_a != got_a:
        t.misses.append(f"miss  {'meta.authors':22} {name} | want {sorted(want_a)} got {sorted(got_a)}")


# what the annotators were asked to mark, and what `kamer` reports beside it that they were not
_NOT_ASKED = {"handelingen-page", "other", "trb", "url"}


def references(t: Tally, g: dict[str, Any], d: dict[str, Any]) -> None:
    name = g["path"].rsplit("/", 1)[-1]
    want = {r["id"] for r in g["references"] if r.get("id") and r["kind"] not in _NOT_ASKED}
    got = {r["id"] for r in d.get("references") or [] if r.get("id") and r.get("kind") not in _NOT_ASKED}
    t.add("references", tp=len(want & got), fn=len(want - got), fp=len(got - want))
    for i in sorted(want - got):
        t.misses.append(f"miss  {'reference':22} {name} | {i}")
    for i in sorted(got - want):
        t.misses.append(f"extra {'reference':22} {name} | {i}")


SCORE = {"commitments": commitments, "meta": meta, "references": references}


def blind_rows(name: str, stratum: str | None) -> list[dict[str, Any]]:
    lines = (BLIND / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    return [r for r in rows if stratum is None or r.get("stratum") == stratum]


def run(names: Iterable[str], corpus: Path, stratum: str | None) -> Tally:
    t = Tally()
    for name in names:
        rows = blind_rows(name, stratum)
        files = [str(corpus / r["path"]) for r in rows]
        for g, d in zip(rows, process_many(files, Settings(), progress=True), strict=True):
            if "error" in d:
                t.misses.append(f"error {g['path']}: {d['error']}")
                continue
            SCORE[name](t, g, d)
    return t


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
    t = run(a.set or SETS, corpus, a.stratum)
    print(t.table())
    if a.misses:
        print("\n".join(t.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score the pipeline on labelled sentences, in process, the way ../shared/tools/score_sentences.py does.

Each sentence goes in as a one-sentence letter ("Den Haag, <date>" above it when its date is known) and
is analysed; a promise (toezegging, doel, verwachting) must give a commitment, a follow-up (fulfils,
postpones, answers) a follow-up with that relation, a look-alike (none) neither.

    .venv/bin/python bench/sentences.py outputs/gold/commitment-sentences-dev.dev.jsonl [--misses]
    .venv/bin/python bench/sentences.py models/training/sentences-sgd.jsonl --limit 1000

Works on the hand-labelled training files too (their label, actor and deadline_text fields), so rules can
be measured on thousands of real sentences, not only on the gold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
PROMISE = {"toezegging", "doel", "verwachting"}
FOLLOW = {"fulfils", "postpones", "answers"}


def letter(g: dict) -> str:
    head = ""
    if g.get("doc_date"):
        d = dt.date.fromisoformat(g["doc_date"])
        head = f"Den Haag, {d.day} {MONTHS[d.month - 1]} {d.year}\n\n"
    return head + g["text"] + "\n"


def main() -> None:
    from pipeline import analyse
    from pipeline.extract import from_text

    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--label", default=None, help="only lines with this label")
    a = ap.parse_args()
    with open(a.gold, encoding="utf-8") as fh:
        gold = [json.loads(x) for x in fh if x.strip()]
    if a.label:
        gold = [g for g in gold if g["label"] == a.label]
    if a.limit:
        gold = gold[: a.limit]
    n = {k: [0, 0] for k in ("recall", "kind", "actor", "deadline", "false", "follow_ups", "fu_false")}
    confusion: Counter[tuple[str, str]] = Counter()
    misses = []
    from pipeline.errors import ExtractError

    for g in gold:
        try:
            doc = analyse(from_text(letter(g), "s.txt"))
        except ExtractError:
            continue
        cs, rel = doc.commitments, {f.relation for f in doc.follow_ups}
        lab = g["label"]
        got = cs[0].kind if cs else (sorted(rel)[0] if rel else "none")
        confusion[(lab, got)] += 1
        if lab in PROMISE:
            n["recall"][1] += 1
            n["recall"][0] += bool(cs)
            if not cs:
                misses.append(("missed promise", g))
                continue
            n["kind"][1] += 1
            n["kind"][0] += cs[0].kind == lab
            if g.get("by"):
                n["deadline"][1] += 1
                n["deadline"][0] += (cs[0].deadline.by if cs[0].deadline else None) == g["by"]
            if g.get("actor") and g["actor"].lower() not in ("ik", "wij", "mij", "we"):
                ca = (cs[0].actor or "").lower()
                n["actor"][1] += 1
                n["actor"][0] += bool(ca) and (g["actor"].lower() in ca or ca in g["actor"].lower())
        elif lab in FOLLOW:
            n["follow_ups"][1] += 1
            n["follow_ups"][0] += lab in rel
            if lab not in rel:
                misses.append((f"missed {lab}", g))
        else:
            n["false"][1] += 1
            n["false"][0] += bool(cs)
            n["fu_false"][1] += 1
            n["fu_false"][0] += bool(rel)
            if cs or rel:
                misses.append(("look-alike taken", g))
    for k, (ok, tot) in n.items():
        print(f"{k:12s} {ok / tot if tot else float('nan'):.3f}  ({ok}/{tot})")
    print("confusion (gold → got):", dict(confusion.most_common(20)))
    if a.misses:
        for why, g in misses:
            print(f"- {why}: {g['text'][:200]}")
    sys.exit(0)


if __name__ == "__main__":
    main()

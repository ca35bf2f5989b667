"""Train the topic classifier (models/topics/): spaCy textcat over overheid.nl policy areas.

Data: the dev motions whose XML carries official areas (meta.topics in
../shared/gold/motions-dev.jsonl; the main area is the first). Split by a
hash of the kst id: 80% train, 20% held out (never trained on). The texts
are what `kamer extract` makes of the XML, with the XML's own area left out.

    .venv/bin/python models/scripts/train_topics.py [--epochs 12] [--seed 0]

Writes models/topics/ (the spaCy pipeline) and models/topics/metrics.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
GOLD = ROOT.parent / "shared" / "gold" / "motions-dev.jsonl"
OUT = ROOT / "models" / "topics"


def held_out(doc_id: str) -> bool:
    return zlib.crc32(doc_id.encode()) % 5 == 0


def load() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    from pipeline import extract

    train, test = [], []
    for line in GOLD.open(encoding="utf-8"):
        g = json.loads(line)
        topics = g["meta"].get("topics")
        if not topics:
            continue
        text = extract((GOLD.parent / g["path"]).resolve()).text
        (test if held_out(g["doc_id"]) else train).append((text, topics[0]))
    return train, test


def main() -> None:
    import spacy
    from spacy.training import Example

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)
    train, test = load()
    labels = sorted({t for _, t in train + test})
    nlp = spacy.blank("nl")
    textcat = nlp.add_pipe(
        "textcat",
        config={
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": True,
                "ngram_size": 2,
                "no_output_layer": False,
                "length": 2**16,
            }
        },
    )
    for label in labels:
        textcat.add_label(label)

    def examples(rows: list[tuple[str, str]]) -> list[Example]:
        return [
            Example.from_dict(
                nlp.make_doc(text[:20000]), {"cats": {lab: float(lab == topic) for lab in labels}}
            )
            for text, topic in rows
        ]

    train_ex = examples(train)
    start = time.perf_counter()
    optimizer = nlp.initialize(lambda: train_ex)
    for epoch in range(args.epochs):
        random.shuffle(train_ex)
        losses: dict[str, float] = {}
        for batch in spacy.util.minibatch(train_ex, size=16):
            nlp.update(batch, sgd=optimizer, losses=losses)
        print(f"epoch {epoch + 1}: loss {losses['textcat']:.3f}", file=sys.stderr)
    seconds = time.perf_counter() - start
    correct = sum(
        max(doc.cats.items(), key=lambda kv: kv[1])[0] == topic
        for doc, (_, topic) in zip(nlp.pipe(t[:20000] for t, _ in test), test, strict=True)
    )
    majority = max(sum(t == lab for _, t in test) for lab in labels) / len(test)
    OUT.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(OUT)
    size = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    metrics = {
        "train": len(train),
        "held_out": len(test),
        "labels": len(labels),
        "epochs": args.epochs,
        "seed": args.seed,
        "top1_held_out": round(correct / len(test), 4),
        "majority_class": round(majority, 4),
        "training_seconds": round(seconds, 1),
        "size_bytes": size,
    }
    (OUT / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()

"""Train the topic classifier (models/topics/): spaCy textcat over overheid.nl policy areas.

Data: the dev motions whose XML carries official areas (meta.topics in
../shared/gold/motions-dev.jsonl; the main area is the first). Split by a
hash of the kst id: 80% train, 20% held out (never trained on). The texts
are what `kamer extract` makes of the XML, with the XML's own area left out.

And letters, so that the model knows letters (their OCR, their length, their
formulas) and not motions only: archive letters and Aanhangsels of
../shared/corpus/sgd/ (never those of the letters gold) weakly labelled by
the ministry of the bewindspersoon who signs or answers them, where that
ministry has one clear area (``MINISTRY_AREA``; Sociale Zaken, VROM and the
like are left out), at most ``PER_AREA`` a area, split by the same hash.

    .venv/bin/python models/scripts/train_topics.py [--epochs 12] [--seed 0]
    .venv/bin/python models/scripts/train_topics.py --calibrate   # the abstention threshold only

Writes models/topics/ (the spaCy pipeline) and models/topics/metrics.json, which holds
``abstain_below``: the lowest top score at which the held-out motions are right at least
``PRECISION`` of the time. Below it a document gets no topic (pipeline/nlp/topics.py): a classifier
trained on motions does not know a letter about terrorism, and must not guess.
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
PRECISION = 0.95  # the share of the topics given that must be right on held-out motions
SGD = ROOT.parent / "shared" / "corpus" / "sgd"
LETTERS_GOLD = ROOT.parent / "shared" / "gold" / "letters-sgd.jsonl"
PER_AREA = 150
# a signer's ministry → the one policy area its letters are about (weak labels; ambiguous ministries left out)
MINISTRY_AREA = (
    (r"Buitenland|Ontwikkelingssamenwerking", "Internationaal"),
    (r"Financi", "Financiën"),
    (r"Economische Zaken$", "Economie"),
    (r"Onderwijs", "Onderwijs en wetenschap"),
    (r"Verkeer en Waterstaat|van Waterstaat$", "Verkeer"),
    (r"Binnenland", "Bestuur"),
    (r"Volksgezondheid", "Zorg en gezondheid"),
    (r"Justitie", "Recht"),
    (r"Landbouw", "Landbouw"),
    (r"Defensie|Oorlog|Marine", "Openbare orde en veiligheid"),
    (r"Cultuur, Recreatie", "Cultuur en recreatie"),
)


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


def load_letters() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Archive letters and answers weakly labelled by their signer's ministry (see MINISTRY_AREA)."""
    import re

    from pipeline.nlp import meta

    gold = {json.loads(line)["path"].split("/")[-1] for line in LETTERS_GOLD.open(encoding="utf-8")}
    per_area: dict[str, int] = {}
    train, test = [], []
    for path in sorted([*(SGD / "brieven").glob("*.txt"), *(SGD / "aanhangsels").glob("*.txt")]):
        if path.name in gold:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        people = meta.signers(text) or meta.answerers(text)
        roles = {re.sub(r"^.*?\b(?:van|voor)\s+", "", a.role or "") for a in people}
        areas = {area for role in roles for rx, area in MINISTRY_AREA if re.search(rx, role)}
        if len(areas) != 1:
            continue  # no signer, or ministries of different areas
        area = areas.pop()
        if per_area.get(area, 0) >= PER_AREA:
            continue
        per_area[area] = per_area.get(area, 0) + 1
        (test if held_out(path.name) else train).append((text, area))
    return train, test


def calibrate(nlp: object, test: list[tuple[str, str]]) -> dict[str, float]:
    """The abstention threshold: the lowest top score above which held-out precision stays ≥ PRECISION."""
    scored = []
    for doc, (_, topic) in zip(nlp.pipe(t[:20000] for t, _ in test), test, strict=True):  # type: ignore[attr-defined]
        best, score = max(doc.cats.items(), key=lambda kv: kv[1])
        scored.append((score, best == topic))
    scored.sort(reverse=True)
    threshold, kept, right = 1.0, 0, 0
    for score, ok in scored:
        kept, right = kept + 1, right + ok
        if right / kept >= PRECISION:
            threshold = score
    given = [ok for score, ok in scored if score >= threshold]
    return {
        "abstain_below": round(threshold, 4),
        "precision_given": round(sum(given) / max(len(given), 1), 4),
        "coverage": round(len(given) / len(scored), 4),
    }


def main() -> None:
    import spacy
    from spacy.training import Example

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--calibrate", action="store_true", help="only recompute the abstention threshold")
    ap.add_argument("--no-letters", action="store_true", help="train on the motions only")
    args = ap.parse_args()
    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)
    train, test = load()
    letters_train, letters_test = load_letters()  # held out either way: the letters' score is reported
    if args.no_letters:
        letters_train = []
    train = train + letters_train
    if args.calibrate:
        metrics = json.loads((OUT / "metrics.json").read_text())
        metrics.update(calibrate(spacy.load(OUT), test))
        (OUT / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
        print(json.dumps(metrics))
        return
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
    letters_right = sum(
        max(doc.cats.items(), key=lambda kv: kv[1])[0] == topic
        for doc, (_, topic) in zip(nlp.pipe(t[:20000] for t, _ in letters_test), letters_test, strict=True)
    )
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
        "letters_train": len(letters_train),
        "letters_held_out": len(letters_test),
        "letters_top1_held_out": round(letters_right / max(len(letters_test), 1), 4),
        "majority_class": round(majority, 4),
        "training_seconds": round(seconds, 1),
        "size_bytes": size,
        **calibrate(nlp, test),
    }
    # the letters at the motions' threshold (their labels are weak: the signer's ministry, not the subject)
    letter_scores = [
        (max(doc.cats.items(), key=lambda kv: kv[1]), topic)
        for doc, (_, topic) in zip(nlp.pipe(t[:20000] for t, _ in letters_test), letters_test, strict=True)
    ]
    given = [best == topic for (best, score), topic in letter_scores if score >= metrics["abstain_below"]]
    metrics["letters_precision_given"] = round(sum(given) / max(len(given), 1), 4)
    metrics["letters_coverage"] = round(len(given) / max(len(letter_scores), 1), 4)
    (OUT / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()

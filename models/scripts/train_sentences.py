"""Train the sentence classifier: promise (toezegging, doel, verwachting), follow-up (fulfils, postpones,
answers) or none, from real sentences labelled by hand.

Data: ``models/training/sentences-sgd.jsonl`` (4,117 sentences of the Staten-Generaal archive, 1814-1995)
and ``models/training/sentences-modern.jsonl`` (2,668 of debates, motions, answers and besluitenlijsten,
2009-2025), each checked by hand (see the ``.md`` beside them). Sentences of the gold files
(``../shared/gold``) are never trained on: any that appears in them is dropped, and the script says how many.

The model is a spaCy text classifier (exclusive classes) over the sentence with the cues that fired on it
(``pipeline.nlp.sentence_cues``) added as tokens: the classifier learns when a rule's cue is a promise and
when it is a look-alike. 15% of the labelled sentences (by a hash of the text) are held out for the
figures in ``models/classifier/metrics.json`` and for the decision thresholds.

    .venv/bin/python models/scripts/train_sentences.py [--arch bow|ensemble] [--epochs 20]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LABELS = ["toezegging", "doel", "verwachting", "fulfils", "postpones", "answers", "none"]


def held_out(text: str) -> bool:
    return hashlib.sha1(text.encode("utf-8")).digest()[0] < 38  # ≈ 15%


def load(gold_dir: Path) -> tuple[list[dict[str, str]], int]:
    gold = set()
    for f in gold_dir.glob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            g = json.loads(line)
            for key in ("text",):
                if isinstance(g.get(key), str):
                    gold.add(" ".join(g[key].split()).lower())
            for c in g.get("commitments", []) + g.get("follow_ups", []):
                gold.add(" ".join(c.get("text", "").split()).lower())
    rows, dropped = [], 0
    for f in sorted((ROOT / "models" / "training").glob("sentences-*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            text = " ".join(r["text"].split())
            if text.lower() in gold:
                dropped += 1
                continue
            rows.append({"text": text, "label": r["label"], "sure": r.get("confidence") != "unsure"})
    return rows, dropped


def config(arch: str) -> dict[str, object]:
    if arch == "bow":
        model = {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": True,
            "ngram_size": 3,
            "no_output_layer": False,
            "length": 262144,
        }
    else:
        model = {
            "@architectures": "spacy.TextCatEnsemble.v2",
            "tok2vec": {
                "@architectures": "spacy.Tok2Vec.v2",
                "embed": {
                    "@architectures": "spacy.MultiHashEmbed.v2",
                    "width": 64,
                    "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                    "rows": [5000, 2000, 2000, 1000],
                    "include_static_vectors": False,
                },
                "encode": {
                    "@architectures": "spacy.MaxoutWindowEncoder.v2",
                    "width": 64,
                    "window_size": 1,
                    "maxout_pieces": 3,
                    "depth": 2,
                },
            },
            "linear_model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": True,
                "ngram_size": 2,
                "no_output_layer": False,
                "length": 262144,
            },
        }
    return {"threshold": 0.0, "model": model}


PROMISE = {"toezegging", "doel", "verwachting"}
FOLLOW = {"fulfils", "postpones", "answers"}


def fuse(rule: str, cats: dict[str, float], veto: float, add: float) -> str:
    """The rules' label unless the classifier is sure otherwise (see pipeline/nlp/classifier.py)."""
    best = max(cats, key=lambda k: cats[k])
    if rule in PROMISE | FOLLOW:
        return "none" if cats["none"] >= veto else rule
    return best if best != "none" and cats[best] >= add else "none"


def fusion(test: list[dict[str, str]], docs: list) -> dict[str, dict[str, float]]:  # type: ignore[type-arg]
    """Promise and follow-up precision/recall of rules alone, the classifier alone and the two fused."""
    from pipeline.nlp.sentence_cues import rule_label

    rules = [rule_label(r["text"]) for r in test]
    out: dict[str, dict[str, float]] = {}
    settings = {"rules": None, "classifier": None}
    for veto in (0.8, 0.9, 0.95, 0.98):
        for add in (0.6, 0.8, 0.9):
            settings[f"fused veto={veto} add={add}"] = (veto, add)
    for name, setting in settings.items():
        got = []
        for rule, doc in zip(rules, docs, strict=True):
            if name == "rules":
                got.append(rule if rule in PROMISE | FOLLOW else "none")
            elif name == "classifier":
                got.append(max(doc.cats, key=doc.cats.get))
            else:
                got.append(fuse(rule, doc.cats, *setting))
        row = {}
        for group, labels in (("promise", PROMISE), ("follow_up", FOLLOW)):
            gold = [r["label"] in labels for r in test]
            pred = [g in labels for g in got]
            tp = sum(a and b for a, b in zip(gold, pred, strict=True))
            row[group + "_p"] = round(tp / max(sum(pred), 1), 3)
            row[group + "_r"] = round(tp / max(sum(gold), 1), 3)
        out[name] = row
        print(f"{name:32s} {row}")
    return out


def main() -> None:
    import spacy
    from spacy.training import Example
    from spacy.util import minibatch

    from pipeline.nlp.sentence_cues import marked

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", choices=["bow", "ensemble"], default="ensemble")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold"))
    ap.add_argument("--out", default=str(ROOT / "models" / "classifier"))
    a = ap.parse_args()
    random.seed(0)
    spacy.util.fix_random_seed(0)
    rows, dropped = load(Path(a.gold))
    train = [r for r in rows if not held_out(r["text"])]
    test = [r for r in rows if held_out(r["text"])]
    print(
        f"{len(rows)} labelled sentences ({dropped} dropped: they are in the gold), "
        f"{len(train)} train, {len(test)} held out"
    )

    nlp = spacy.blank("nl")
    textcat = nlp.add_pipe("textcat", config=config(a.arch))
    for label in LABELS:
        textcat.add_label(label)

    def example(r: dict[str, str]) -> Example:
        doc = nlp.make_doc(marked(r["text"]))
        return Example.from_dict(doc, {"cats": {lab: float(lab == r["label"]) for lab in LABELS}})

    train_ex = [example(r) for r in train]
    # the rare classes are seen more often; sentences marked unsure once
    weighted = []
    for r, ex in zip(train, train_ex, strict=True):
        times = 1 if r["label"] == "none" else 3
        weighted += [ex] * (times if r["sure"] else 1)
    optimizer = nlp.initialize(lambda: train_ex)
    start = time.time()
    for epoch in range(a.epochs):
        random.shuffle(weighted)
        losses: dict[str, float] = {}
        for batch in minibatch(weighted, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        print(f"epoch {epoch + 1:2d}  loss {losses.get('textcat', 0):.3f}")
    seconds = time.time() - start

    # held-out figures per class
    docs = list(nlp.pipe(marked(r["text"]) for r in test))
    counts = {lab: [0, 0, 0] for lab in LABELS}  # tp, fp, fn
    for r, doc in zip(test, docs, strict=True):
        got = max(doc.cats, key=doc.cats.get)
        if got == r["label"]:
            counts[got][0] += 1
        else:
            counts[got][1] += 1
            counts[r["label"]][2] += 1
    per = {}
    for lab, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        per[lab] = {"precision": round(p, 3), "recall": round(rec, 3), "support": tp + fn}
        print(f"{lab:12s} P {p:.3f} R {rec:.3f} n {tp + fn}")
    promise = {"toezegging", "doel", "verwachting"}
    gold_p = [r["label"] in promise for r in test]
    got_p = [max(d.cats, key=d.cats.get) in promise for d in docs]
    tp = sum(g and p for g, p in zip(gold_p, got_p, strict=True))
    metrics = {
        "architecture": a.arch,
        "trained_on": len(train),
        "held_out": len(test),
        "dropped_gold_sentences": dropped,
        "epochs": a.epochs,
        "training_seconds": round(seconds),
        "per_class": per,
        "promise_any": {
            "precision": round(tp / max(sum(got_p), 1), 3),
            "recall": round(tp / max(sum(gold_p), 1), 3),
        },
    }
    print(json.dumps(metrics["promise_any"]))
    metrics["fusion"] = fusion(test, docs)
    out = Path(a.out)
    nlp.to_disk(out)
    (out / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    print(f"→ {out}")


if __name__ == "__main__":
    main()

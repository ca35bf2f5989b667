"""Kamerwacht's references beside nllegalcit (a port of the government's linkextractor
grammar, on PyPI) on the same dev citation strings, scored by the same rules.

    .venv/bin/python bench/compare_nllegalcit.py [--gold ../shared/gold/citations-dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def nllegalcit_refs(text: str) -> list[dict[str, str]]:
    import nllegalcit

    out = []
    try:
        found = nllegalcit.parse_citations(text)
    except Exception as exc:  # the grammar raises on some inputs
        print(f"  nllegalcit failed on {text[:50]!r}: {type(exc).__name__}", file=sys.stderr)
        return []
    for c in found:
        name = type(c).__name__
        if name == "KamerstukCitation" and c.dossiernummer:
            dossier = re.sub(r"\s", "", c.dossiernummer)
            if c.ondernummer:
                out.append({"kind": "kamerstuk", "id": f"kst-{dossier}-{c.ondernummer}"})
            else:
                out.append({"kind": "dossier", "id": f"dossier-{dossier}"})
        elif name == "EcliCitation":
            out.append({"kind": "ecli", "id": str(getattr(c, "ecli", c))})
    return out


def main() -> None:
    from pipeline import analyse
    from pipeline.evaluate import evaluate, gold_lines
    from pipeline.extract import from_text

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "gold" / "citations-dev.jsonl"))
    args = ap.parse_args()
    golds = [g for g in gold_lines(args.gold) if "text" in g]
    ours: list[dict[str, Any]] = [analyse(from_text(g["text"])).to_json() for g in golds]
    theirs = [{"references": nllegalcit_refs(g["text"])} for g in golds]
    for name, preds in (("kamerwacht", ours), ("nllegalcit", theirs)):
        s = evaluate(golds, preds)["references"]
        print(
            f"{name:<11} references on {len(golds)} strings: "
            f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}"
            f"  (tp {s.tp}, fp {s.fp}, fn {s.fn})"
        )
    print(
        json.dumps(
            {
                "note": "kinds nllegalcit does not produce (zaak, document, eu, stb, aanhangsel)"
                " count as misses"
            }
        )
    )


if __name__ == "__main__":
    main()

"""Build models/lexicons/bewindspersonen.tsv: surnames of bewindspersonen as the archive prints them.

Source: the Staten-Generaal archive in ../shared/corpus/sgd (7,469 papers, 1814-1995), less the papers of
../shared/gold/letters-sgd.jsonl (never learnt from, like every gold file): every name the
pipeline's own rules read as a letter's signer or an Aanhangsel's answerer (pipeline.nlp.meta.signers and
answerers), counted. A name printed cleanly recurs; an OCR-damaged form ("Ruvs de Beerenbrouck",
"Rnys de Beerenbronck") is rare, so only names seen at least MIN_COUNT times are kept. The meta rules snap
a rare damaged form to the one kept name it must be (meta.snap_bewindspersoon).
Columns: name, count. Run: .venv/bin/python models/scripts/build_bewindspersonen.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "models" / "lexicons" / "bewindspersonen.tsv"
MIN_COUNT = 2  # seen twice: a name the archive prints, never snapped to another


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from pipeline.nlp import meta

    meta.snap_bewindspersoon = lambda name: name  # count the names as printed, the damaged ones too
    answerers, signers = meta.answerers, meta.signers

    import json

    gold_file = ROOT.parent / "shared" / "gold" / "letters-sgd.jsonl"
    gold = {Path(json.loads(row)["path"]).name for row in gold_file.read_text().splitlines() if row.strip()}
    names: Counter[str] = Counter()
    papers = [p for p in sorted((SHARED / "sgd").glob("*/*.txt")) if p.name not in gold]
    for path in papers:
        text = path.read_text(encoding="utf-8", errors="replace")
        found = {a.name for a in answerers(text)} | {a.name for a in signers(text)}
        names.update(found)  # once per paper
    kept = sorted((n, c) for n, c in names.items() if c >= MIN_COUNT)
    head = f"# name\tcount — of {len(papers)} archive papers, in >= {MIN_COUNT}; see {Path(__file__).name}"
    lines = [head]
    lines += [f"{n}\t{c}" for n, c in kept]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} names of {len(names)} → {OUT}")


if __name__ == "__main__":
    main()

"""How well a follow-up that describes a motion in words reaches it in the store (pipeline/link.py).

Real letters name the motions they carry out as "de motie van het lid Van Dijk over de wachttijden
in de ggz"; the development corpus has the motions (../shared/corpus/motions-dev: 6,408 motions with
their open-data Zaak, whose Onderwerp is "Motie van het lid X c.s. over …") but no letters of the same
years that cite them. So the descriptions are made from each motion's own Onderwerp the way a letter
shortens it: the first indiener's surname (as in "de motie-Van Dijk c.s.") and k content words of the
subject, drawn at random. Each description is linked against all motions; a link is right when it
reaches the motion it was made from.

Conditions:
  names+3 words / names+2 words  the store knows the Onderwerp and the dictum (open data ingested)
  dictum only                    the store knows only the motion's text, the words come from the Onderwerp
  names only                     "de motie-Van Dijk c.s." (linked only when the indiener has one motion)

    .venv/bin/kamer ingest ../shared/corpus/motions-dev/xml \\
        ../shared/corpus/motions-dev/opendata.jsonl.gz --db /tmp/linkbench.sqlite
    .venv/bin/python bench/bench_link.py /tmp/linkbench.sqlite [--sample 1500]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline import link
from pipeline.graph import build_graph
from pipeline.store import Store

SUBJECT = re.compile(r"(?i)\bover\s+(.+)$")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("--sample", type=int, default=1500)
    a = ap.parse_args()
    rng = random.Random(0)
    G = build_graph(Store(a.db, readonly=True))
    motions = [(n, d) for n, d in G.nodes(data=True) if d.get("type") == "motion" and d.get("submitters")]
    full = [
        link.Candidate(n, tuple(d["submitters"]), f"{d.get('onderwerp') or ''} {_dictum(G, n)}", d["date"])
        for n, d in motions
    ]
    dictum = [link.Candidate(c.id, c.submitters, _dictum(G, c.id), c.date) for c in full]
    usable = [(n, d) for n, d in motions if d.get("onderwerp") and SUBJECT.search(d["onderwerp"])]
    picked = rng.sample(usable, min(a.sample, len(usable)))
    print(f"{len(full)} motions in the store, {len(picked)} descriptions made from their Onderwerp")
    for name, k, pool in (
        ("names+3 words", 3, full),
        ("names+2 words", 2, full),
        ("dictum only (3 words)", 3, dictum),
        ("names only", 0, full),
    ):
        right = wrong = 0
        for node, d in picked:
            words = [w for w in re.findall(r"[a-zà-ÿ]{4,}", SUBJECT.search(d["onderwerp"]).group(1).lower())]
            words = [w for w in words if w not in link.STOPWORDS]
            chosen = rng.sample(words, min(k, len(words))) if k else []
            first = d["submitters"][0]
            text = f"de motie-{first} c.s." + (f" over {' '.join(chosen)}" if chosen else "")
            described = link.describe(text)
            got = link.resolve(described, pool, "2026-12-31") if described else None
            if got is None:
                continue
            right += got[0] == node
            wrong += got[0] != node
        n = len(picked)
        p = right / (right + wrong) if right + wrong else 1.0
        print(f"{name:24s} linked {right + wrong:5d}/{n}  precision {p:.3f}  recall {right / n:.3f}")


def _dictum(G: object, node: str) -> str:
    return str(G.nodes[node].get("dictum") or "")  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()

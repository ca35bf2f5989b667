"""Speed of the NLP stage (spaCy pipeline, references, promise layer, topics), on one core.

Prints words/s of ``analyse`` (all NLP stages) over dev motions and the seed letter, and the
share the NLP stage adds to extraction time of the same documents.
Targets (issue 3): ≥ 80k words/s on one core; references add ≤ 20% to extraction.

    .venv/bin/python bench/bench_nlp.py [--n 2000] [--letters 200] [--shared ../shared]

To compare with an earlier commit, run this same script against that commit's checkout
(``git worktree add /tmp/old <commit>``, then ``cd /tmp/old && python /path/to/this/bench_nlp.py``):
it imports the ``pipeline`` of the directory it is started in.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path.cwd() if (Path.cwd() / "pipeline").is_dir() else Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from pipeline import analyse, extract

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="dev motions to use")
    ap.add_argument("--letters", type=int, default=200, help="archive letters (OCR text) to use")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    SHARED = Path(args.shared) / "corpus"
    files = sorted((SHARED / "motions-dev" / "xml").glob("*.xml"))[: args.n]
    files += sorted((SHARED / "sgd" / "brieven").glob("*.txt"))[: args.letters]
    files += [SHARED / "seed" / "kamerbrief-imvo-convenanten-2016.txt"] * 20
    files += [SHARED / "seed" / "kamerbrief-imvo-convenanten-2016.pdf"] * 20
    analyse(extract(files[0]))  # warm: lexicons, patterns, spaCy
    t = time.perf_counter()
    docs = [extract(f) for f in files]
    t_extract = time.perf_counter() - t
    words = sum(len(d.text.split()) for d in docs)
    t = time.perf_counter()
    for d in docs:
        analyse(d)
    t_nlp = time.perf_counter() - t
    from pipeline.nlp.references import find_references

    t = time.perf_counter()
    for d in docs:
        find_references(d.text)
    t_refs = time.perf_counter() - t
    print(f"documents {len(docs)}, words {words:,}")
    print(f"extract: {t_extract:.2f} s ({words / t_extract:,.0f} words/s)")
    print(f"nlp (analyse): {t_nlp:.2f} s, {words / t_nlp:,.0f} words/s on one core (target ≥ 80,000)")
    print(
        f"reference stage alone: {t_refs:.2f} s = {100 * t_refs / t_extract:.0f}% of extraction time"
        " (target ≤ 20%)"
    )
    print(
        f"whole nlp stage (spaCy, references, promise layer, topics): {100 * t_nlp / t_extract:.0f}%"
        " of extraction time"
    )


if __name__ == "__main__":
    main()

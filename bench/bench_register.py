"""Measure the register matcher's threshold: precision and recall over labelled pairs.

``tests/data/register/pairs.jsonl`` holds real promise sentences (their source
and date) with the register's wording of each; every other combination is a
non-match; each is scored with the actor unknown and with one minister on
every line. Run: ``.venv/bin/python bench/bench_register.py``. ``THRESHOLD``
in ``pipeline/register.py`` is the lowest with no false match here (measured:
precision 1.000, recall 0.958, F1 0.979 at 0.53).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import datetime as dt  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402

from pipeline.register import (  # noqa: E402
    THRESHOLD,
    RegisterItem,
    TextPromise,
    labelled_scores,
    match_by_likeness,
)


def scale(n_items: int = 3000, n_promises: int = 20000) -> None:
    """The matcher at register scale: the labelled pairs repeated over five years of dates."""
    pairs = [json.loads(x) for x in PAIRS.read_text(encoding="utf-8").splitlines() if x.strip()]
    start = dt.date(2020, 1, 1)
    items = [
        RegisterItem(
            f"TZ{i:06d}",
            pairs[i % len(pairs)]["register_text"],
            "Openstaand",
            "tk",
            (start + dt.timedelta(days=i * 1826 // n_items)).isoformat(),
            None,
            None,
            None,
            None,
            None,
        )
        for i in range(n_items)
    ]
    promises = [
        TextPromise(
            f"c{j}",
            f"doc:{j}",
            (start + dt.timedelta(days=j * 1826 // n_promises)).isoformat(),
            "brief",
            None,
            [],
            pairs[j % len(pairs)]["sentence"],
            None,
            0,
            1,
            None,
        )
        for j in range(n_promises)
    ]
    t = time.perf_counter()
    found = match_by_likeness(items, promises)
    took = time.perf_counter() - t
    shown = f"{n_items:,} register items x {n_promises:,} promises (5 years)"
    print(f"{shown}: {took:.1f} s, {len(found):,} matched")


PAIRS = ROOT / "tests" / "data" / "register" / "pairs.jsonl"


def main() -> None:
    rows = labelled_scores(PAIRS)
    positives = sum(1 for _, same in rows if same)
    print(f"{positives} matching pairs, {len(rows) - positives} non-matching")
    print("threshold  precision  recall  F1")
    for step in [*range(30, 91, 5), round(THRESHOLD * 100)]:
        t = step / 100
        hits = [same for s, same in rows if s >= t]
        p = sum(hits) / len(hits) if hits else 1.0
        r = sum(hits) / positives
        f = 2 * p * r / (p + r) if p + r else 0.0
        mark = "  <- THRESHOLD" if abs(t - THRESHOLD) < 1e-9 else ""
        print(f"{t:9.2f}  {p:9.3f}  {r:6.3f}  {f:.3f}{mark}")
    low = min(s for s, same in rows if same)
    high = max(s for s, same in rows if not same)
    print(f"highest non-match {high:.3f}, lowest match {low:.3f}, midway {(high + low) / 2:.3f}")
    scale()


if __name__ == "__main__":
    main()

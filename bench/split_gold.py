"""Split a gold file once, for good, into a half to develop on and a half scored only at the end.

The half is decided by the SHA-1 of the line's ``path`` (documents) or ``text``
(sentences): even first byte → ``dev``, odd → ``holdout``. The same line is
always in the same half, whatever else the file holds.

    .venv/bin/python bench/split_gold.py ../shared/gold/letters-sgd.jsonl
    → outputs/gold/letters-sgd.dev.jsonl, outputs/gold/letters-sgd.holdout.jsonl

Paths are made absolute so the halves can live anywhere.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path


def half(line: dict) -> str:
    key = line.get("path") or line.get("text") or json.dumps(line, sort_keys=True)
    return "dev" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "holdout"


def split(gold: Path, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    halves: dict[str, list[str]] = {"dev": [], "holdout": []}
    for raw in gold.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        line = json.loads(raw)
        if "path" in line:
            line["path"] = str((gold.parent / line["path"]).resolve())
        halves[half(line)].append(json.dumps(line, ensure_ascii=False))
    stem = gold.name.removesuffix(".jsonl")
    for name, lines in halves.items():
        (out / f"{stem}.{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {k: len(v) for k, v in halves.items()}


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Each GOLD file yields <stem>.dev.jsonl and <stem>.holdout.jsonl in OUT.",
    )
    parser.add_argument("gold", nargs="+", type=Path, help="gold JSONL file(s) to split")
    parser.add_argument(
        "--out",
        type=Path,
        default=root / "outputs" / "gold",
        help="where the halves go (default: %(default)s)",
    )
    args = parser.parse_args()
    for gold in args.gold:
        if not gold.is_file():
            parser.error(f"{gold}: no such file")
        try:
            print(gold, split(gold, args.out))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            parser.error(f"{gold}: not a JSONL gold file ({exc})")

"""Build models/lexicons/kamerleden.tsv: printed names of Kamerleden.

Sources (read from ../shared/corpus, see its README for licences):
  * gazetteers/person.json (openkamer fixtures, MIT): surname prefix + surname,
  * gazetteers/tk-persoon-page1.json.gz (TK open data): Tussenvoegsel + Achternaam,
  * the signature lines of the dev motion XMLs (officiële publicaties), kept when a
    name signs at least 3 motions, so one-off typos stay out.
Columns: name, count. Run: .venv/bin/python models/scripts/build_kamerleden.py
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "models" / "lexicons" / "kamerleden.tsv"


def main() -> None:
    names: Counter[str] = Counter()
    for rec in json.loads((SHARED / "gazetteers" / "person.json").read_text()):
        f = rec["fields"]
        prefix = (f.get("surname_prefix") or "").strip()
        name = f"{prefix} {f['surname']}".strip()
        names[name[:1].upper() + name[1:]] += 3
    with gzip.open(SHARED / "gazetteers" / "tk-persoon-page1.json.gz", "rt") as fh:
        for rec in json.load(fh):
            prefix = (rec.get("Tussenvoegsel") or "").strip()
            name = f"{prefix} {rec.get('Achternaam') or ''}".strip()
            if name:
                names[name[:1].upper() + name[1:]] += 3
    sig = Counter()
    for path in sorted((SHARED / "motions-dev" / "xml").glob("*.xml")):
        text = path.read_text(encoding="utf-8")
        groups = re.findall(r"<al-groep>(.*?)</al-groep>", text, re.S)
        if not groups:
            continue
        for al in re.findall(r"<al>([^<]{2,40})</al>", groups[-1]):
            al = " ".join(al.split())
            if re.fullmatch(r"[A-ZÀ-Ý][\w'’ .-]+", al):
                sig[al] += 1
    for name, n in sig.items():
        if n >= 3:
            names[name] += n
    OUT.write_text(
        "# name\tcount — see models/scripts/build_kamerleden.py for sources\n"
        + "".join(f"{n}\t{c}\n" for n, c in sorted(names.items())),
        encoding="utf-8",
    )
    print(f"{len(names)} names → {OUT}")


if __name__ == "__main__":
    main()

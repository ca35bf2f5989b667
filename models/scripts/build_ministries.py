"""Build ``models/lexicons/ministries.tsv``: the names of ministries and portfolios, with their preposition.

A signing bewindspersoon is "Minister van Financiën" but "Minister voor Ontwikkelingssamenwerking"; the
name of a ministry also tells where a function ends and a signature's name begins ("De Minister van
Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer, J. G. M. Alders"). The lexicon is learned from
the papers themselves:

* every "Minister/Staatssecretaris van|voor X" in the Staten-Generaal archive (../shared/corpus/sgd/,
  1814-1995), hyphenated line breaks joined, counted; names seen at least ``--min`` times are kept;
* the ministries of the openkamer gazetteer (../shared/corpus/gazetteers/government.json, MIT);
* current ministries and portfolios (2010-2026) as published on rijksoverheid.nl, written out below;
* the portfolios of ministers without a ministry of their own, 1946-2002 (parlement.com, "Ministers
  zonder portefeuille"), and ministries renamed since, written out below: the archive prints some too
  rarely to be learned ("De Minister voor Surinaamse en Nederlands-Antilliaanse Zaken, W.F. de Gaay
  Fortman", sgd-0000203343).

Output lines: ``preposition<TAB>name<TAB>count`` (count 0 for the written-out ones that the archive does not
print often enough).

    .venv/bin/python models/scripts/build_ministries.py
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CURRENT = [
    ("van", "Algemene Zaken"),
    ("van", "Asiel en Migratie"),
    ("van", "Binnenlandse Zaken en Koninkrijksrelaties"),
    ("van", "Buitenlandse Zaken"),
    ("van", "Defensie"),
    ("van", "Economische Zaken"),
    ("van", "Economische Zaken en Klimaat"),
    ("van", "Financiën"),
    ("van", "Infrastructuur en Milieu"),
    ("van", "Infrastructuur en Waterstaat"),
    ("van", "Justitie en Veiligheid"),
    ("van", "Veiligheid en Justitie"),
    ("van", "Klimaat en Groene Groei"),
    ("van", "Landbouw, Natuur en Voedselkwaliteit"),
    ("van", "Landbouw, Visserij, Voedselzekerheid en Natuur"),
    ("van", "Onderwijs, Cultuur en Wetenschap"),
    ("van", "Sociale Zaken en Werkgelegenheid"),
    ("van", "Volksgezondheid, Welzijn en Sport"),
    ("van", "Volkshuisvesting en Ruimtelijke Ordening"),
    ("van", "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"),
    ("voor", "Basis- en Voortgezet Onderwijs en Media"),
    ("voor", "Buitenlandse Handel en Ontwikkelingshulp"),
    ("voor", "Buitenlandse Handel en Ontwikkelingssamenwerking"),
    ("voor", "Klimaat en Energie"),
    ("voor", "Langdurige Zorg, Jeugd en Sport"),
    ("voor", "Medische Zorg"),
    ("voor", "Medische Zorg en Sport"),
    ("voor", "Primair en Voortgezet Onderwijs"),
    ("voor", "Rechtsbescherming"),
    ("voor", "Armoedebeleid, Participatie en Pensioenen"),
    ("voor", "Volkshuisvesting en Ruimtelijke Ordening"),
    ("voor", "Wonen en Rijksdienst"),
    ("voor", "Natuur en Stikstof"),
    ("voor", "Ontwikkelingssamenwerking"),
    ("voor", "Integratie"),
    ("voor", "Europese Zaken"),
    ("voor", "Nederlands-Antilliaanse Zaken"),
    ("voor", "Nederlands-Antilliaanse en Arubaanse Zaken"),
    ("voor", "Koninkrijksrelaties"),
    ("voor", "Jeugd en Gezin"),
    ("voor", "Wonen, Wijken en Integratie"),
    ("voor", "Vreemdelingenzaken en Integratie"),
    ("voor", "Immigratie en Asiel"),
    ("voor", "Immigratie, Integratie en Asiel"),
    ("voor", "Bestuurlijke Vernieuwing en Koninkrijksrelaties"),
    ("voor", "Wonen en Wijken"),
]
HISTORICAL = [
    ("zonder", "Portefeuille"),  # 1946-1973: Götzen, Luns, Bot, Udink, Boertien (ontwikkelingshulp)
    ("voor", "Uniezaken en Overzeese Rijksdelen"),  # 1951-1957
    ("voor", "Publiekrechtelijke Bedrijfsorganisatie"),  # 1952-1959
    ("van", "Zaken Overzee"),  # 1957-1959
    ("voor", "Wetenschapsbeleid"),  # 1971-1981
    ("voor", "Ontwikkelingssamenwerking"),  # 1965 (as zonder portefeuille) and 1971 to this day
    ("voor", "Surinaamse en Nederlands-Antilliaanse Zaken"),  # 1973-1977
    ("voor", "Nederlands-Antilliaanse Zaken"),  # 1977-1986
    ("voor", "Nederlands-Antilliaanse en Arubaanse Zaken"),  # 1986-1994 (Hirsch Ballin, 1989-1994)
    ("voor", "Grote Steden- en Integratiebeleid"),  # 1998-2002
    ("van", "Onderwijs, Cultuur en Wetenschappen"),  # 1994-2003, then "Wetenschap"
]
SIGNED = re.compile(
    r"\b(?:Minister|Staatssecretaris|minister|staatssecretaris|MINISTER|STAATSSECRETARIS)\s+"
    r"(van|voor|zonder|VAN|VOOR|ZONDER)\s+"
    r"([A-ZÀ-Ý][\w'’ëéïöü-]+(?:(?:,\s*|\s+)(?:en\s+|van\s+)?[A-ZÀ-Ý][\w'’ëéïöü-]+){0,5})"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--min", type=int, default=4, help="times a name must be seen in the archive")
    ap.add_argument("--out", default=str(ROOT / "models" / "lexicons" / "ministries.tsv"))
    a = ap.parse_args()
    corpus = Path(a.corpus)
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    for f in sorted((corpus / "sgd").rglob("*.txt")):
        text = f.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # hyphenated line breaks
        text = re.sub(r"(?<=[a-z])-(?=[a-z])", "", text)  # hyphens OCR left inside words
        text = " ".join(text.split())
        for m in SIGNED.finditer(text):
            prep = m.group(1).lower()
            words = m.group(2).split()
            # a name ends where a word in capitals (a signature's surname) or an unknown tail begins
            kept = []
            for w in words:
                if w.isupper() and len(w) > 2 and kept:
                    break
                kept.append(w)
            name = " ".join(kept).strip(" ,")
            name = name.title() if name.isupper() else name
            name = re.sub(r"\bEn\b", "en", re.sub(r"\bVan\b", "van", name))
            words = name.replace(",", " ").split()
            broken = (
                not words
                or words[-1] in ("en", "van", "voor", "der", "de")
                or any(w.isupper() and len(w) > 1 for w in words)
                or any(
                    w.lower() in ("minister", "staatssecretaris", "handelingen", "voorzitter", "aan")
                    for w in words
                )
            )
            if 3 <= len(name) <= 80 and not broken:
                counts[(prep, name)] += 1
    out: dict[tuple[str, str], int] = {k: c for k, c in counts.items() if c >= a.min}
    firsts = {n.split()[0].strip(",") for _, n in out}
    # a single word that only begins another name is a piece OCR cut off ("Econo-", "Binnen-")
    out = {
        (p, n): c
        for (p, n), c in out.items()
        if " " in n or not any(f != n and f.startswith(n) for f in firsts) or len(n) > 9
    }
    gaz = corpus / "gazetteers" / "government.json"
    if gaz.exists():
        for rec in json.loads(gaz.read_text(encoding="utf-8")):
            if rec.get("model") == "government.ministry":
                name = rec["fields"]["name"]
                words = [w if w in ("en", "van") else w[:1].upper() + w[1:] for w in name.split()]
                out.setdefault(("van", " ".join(words)), 0)
    for prep, name in [*CURRENT, *HISTORICAL]:
        out.setdefault((prep, name), 0)
    lines = [
        "# preposition\tministry or portfolio\ttimes seen in the archive "
        "(0: gazetteer, rijksoverheid.nl or parlement.com; see models/scripts/build_ministries.py)"
    ]
    for (prep, name), c in sorted(out.items(), key=lambda kv: (-kv[1], kv[0][1])):
        lines.append(f"{prep}\t{name}\t{c}")
    Path(a.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(out)} names → {a.out}")


if __name__ == "__main__":
    main()

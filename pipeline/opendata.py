"""Tweede Kamer open data (OData v4) exports: Zaak records with Document and Besluit.

``read_records`` streams JSON Lines (optionally gzipped); ``zaak_facts`` turns
a record into the facts the store keeps: the Zaak number, the kst id of its
document (``Document → HuidigeDocumentVersie → DocumentPublicatie.Identifier``),
the vote outcome (``Besluit.BesluitSoort``), the kabinetsappreciatie, and for
toezeggingen their status (``Voldaan`` and ``Afgedaan`` mean the same).
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .errors import ExtractError

VOTE = {
    "stemmen - aangenomen": "aangenomen",
    "stemmen - verworpen": "verworpen",
    "stemmen - niet aangenomen": "verworpen",
    "stemmen - aangehouden": "aangehouden",
    "aangehouden": "aangehouden",
    "ingetrokken": "ingetrokken",
    "motie ingetrokken": "ingetrokken",
}
DONE = {"voldaan", "afgedaan"}


@dataclass
class ZaakFacts:
    nummer: str
    soort: str | None
    kst_id: str | None
    onderwerp: str | None
    datum: str | None
    vergaderjaar: str | None
    besluit: str | None
    status: str | None
    kabinetsappreciatie: str | None
    afgedaan: bool | None
    raw: dict[str, Any]


def is_opendata(path: str) -> bool:
    return path.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


def read_records(path: str) -> Iterator[dict[str, Any]]:
    """The records of an export, one per line; a bad line is an error naming it."""
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ExtractError("malformed_json", f"line {n} is not JSON: {exc.msg}", path) from exc
                if not isinstance(record, dict):
                    raise ExtractError("malformed_json", f"line {n} is not a JSON object", path)
                yield record
    except (OSError, EOFError, UnicodeDecodeError, zlib.error) as exc:  # zlib: a gzip whose data is broken
        raise ExtractError("corrupt", f"cannot read the export: {exc}", path) from exc


def read_zaken(path: str) -> Iterator[ZaakFacts]:
    """The Zaak facts of an export, record by record (records without a Zaak number left out); a record of
    the wrong shape ("Document": "abc" where a list of objects belongs) is an error naming it."""
    for n, record in enumerate(read_records(path), start=1):
        try:
            facts = zaak_facts(record)
        except (AttributeError, TypeError) as exc:
            raise ExtractError("malformed_json", f"record {n} is no OData Zaak record ({exc})", path) from exc
        if facts is not None:
            yield facts


def _kst_ids(record: dict[str, Any]) -> list[str]:
    ids: list[str] = []
    for doc in record.get("Document") or []:
        version = doc.get("HuidigeDocumentVersie") or {}
        for pub in version.get("DocumentPublicatie") or []:
            ident = pub.get("Identifier")
            if ident and ident.startswith("kst-") and ident not in ids:
                ids.append(ident)
        ext = version.get("ExterneIdentifier")
        if ext and ext.startswith("kst-") and ext not in ids:
            ids.append(ext)
    return ids


def _decision(record: dict[str, Any]) -> str | None:
    besluiten = [b for b in record.get("Besluit") or [] if not b.get("Verwijderd")]
    votes = [b for b in besluiten if (b.get("BesluitSoort") or "").lower().startswith("stemmen")]
    pick = (votes or besluiten)[-1:] if besluiten else []
    return pick[0].get("BesluitSoort") if pick else None


def zaak_facts(record: dict[str, Any]) -> ZaakFacts | None:
    """The facts of one Zaak record (None for a record without a Zaak number)."""
    nummer = record.get("Nummer")
    if not nummer:
        return None
    besluit = _decision(record)
    status = VOTE.get((besluit or "").lower())
    raw_status = (record.get("Status") or "").lower()
    afgedaan = record.get("Afgedaan")
    if raw_status in DONE:
        afgedaan = True
    ids = _kst_ids(record)
    return ZaakFacts(
        nummer=str(nummer),
        soort=record.get("Soort"),
        kst_id=ids[0] if ids else None,
        onderwerp=record.get("Onderwerp"),
        datum=(record.get("GestartOp") or "")[:10] or None,
        vergaderjaar=record.get("Vergaderjaar"),
        besluit=besluit,
        status=status,
        kabinetsappreciatie=record.get("Kabinetsappreciatie"),
        afgedaan=None if afgedaan is None else bool(afgedaan),
        raw=record,
    )

"""The toezeggingen register, reconciled with the promises the texts make.

The register (the Tweede Kamer's ``Toezegging`` records from ``kamer sync``,
or an export imported with ``kamer register import``: Tweede Kamer OData JSON
Lines, or the Eerste Kamer's register as CSV) is compared with the
``toezegging`` commitments found in the stored papers:

1. **by number**: a paper whose text names the register number (``TZ…`` or
   the Eerste Kamer's ``T…``) inside a promise's sentence makes that promise
   the register item (confidence 1.0); a commitment whose ``ref`` is the
   number too;
2. **by likeness**, for the rest: the actor (the register's Functie or Naam
   against the promise's actor and the paper's signers), the date (the
   register's Aanmaakdatum against the paper's), the debate or dossier, and
   the wording (rapidfuzz token-set similarity of the content words). The
   wording decides and the rest weighs it: ``text × (0.5 + 0.5 × context)``
   is the ``confidence``, and pairs at or above ``THRESHOLD`` match, best
   first, one to one. ``bench/bench_register.py`` measures the
   threshold on the labelled pairs in ``tests/data/register``.

Each item then has one **outcome** — ``in_both``, ``only_register``,
``only_text`` (a promise in a paper dated within the time the register covers,
from its earliest item on) — and possibly a **conflict**: the register says Voldaan or
Afgedaan but no paper fulfils it (``done_without_evidence``), or it says
Openstaand while a paper says it was carried out (``open_but_fulfilled``,
with that paper as evidence). A paper fulfils a register item when one of
its ``fulfils`` follow-ups targets the number, names it in its sentence, or
targets the matched promise's ``ref``.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .errors import ExtractError
from .opendata import read_records
from .store import Store

THRESHOLD = 0.53  # bench/bench_register.py: precision 1.0, recall 0.96 on tests/data/register/pairs.jsonl
CONTEXT = {"actor": 0.5, "date": 0.3, "debate": 0.2}
DONE = {"voldaan", "afgedaan"}
OPEN = {"openstaand", "open"}
NUMBER = re.compile(r"\b(?:TZ\d{6}-\d{3}|T\d{5})\b")
STOP = set(
    [
        "de",
        "het",
        "een",
        "en",
        "van",
        "in",
        "op",
        "te",
        "voor",
        "over",
        "met",
        "aan",
        "door",
        "om",
        "tot",
        "bij",
        "als",
        "dat",
        "die",
        "dit",
        "deze",
        "zijn",
        "is",
        "wordt",
        "worden",
        "zal",
        "zullen",
        "zegt",
        "toe",
        "kamer",
        "minister",
        "staatssecretaris",
        "u",
        "uw",
        "ik",
        "wij",
        "hij",
        "zij",
        "er",
        "ook",
        "nog",
        "niet",
        "naar",
        "aanleiding",
        "vraag",
        "vragen",
        "lid",
        "leden",
        "informeren",
        "geïnformeerd",
        "brief",
    ]
)


@dataclass
class RegisterItem:
    nummer: str
    tekst: str
    status: str
    house: str  # tk, ek
    made: str | None  # date the promise was made (Aanmaakdatum / Activiteit datum)
    due: str | None  # DatumNakoming
    naam: str | None
    functie: str | None
    ministerie: str | None
    activiteit: str | None  # the debate it was made in
    dossiers: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.status.lower() in DONE

    @property
    def open(self) -> bool:
        return self.status.lower() in OPEN


@dataclass
class TextPromise:
    id: str  # commitment:<doc>@<start>, as graph.py names it
    doc: str
    doc_date: str | None
    doc_kind: str | None
    actor: str | None
    signers: list[str]
    text: str
    ref: str | None
    start: int
    end: int
    by: str | None


# ---------------------------------------------------------------- reading the register


def _date(value: Any) -> str | None:
    text = str(value or "")[:10]
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", text) or text.startswith("0001"):
        return None
    return text


def item_from_record(record: dict[str, Any], house: str = "tk") -> RegisterItem | None:
    """A register item from an OData ``Toezegging`` record (or a converted register line)."""
    nummer = record.get("Nummer")
    if not nummer:
        return None
    raw_act = record.get("Activiteit")
    act: dict[str, Any] = raw_act if isinstance(raw_act, dict) else {}
    naam = record.get("Naam") or " ".join(
        str(p) for p in (record.get("Initialen"), record.get("Tussenvoegsel"), record.get("Achternaam")) if p
    )
    return RegisterItem(
        nummer=str(nummer),
        tekst=" ".join(str(record.get("Tekst") or "").split()),
        status=str(record.get("Status") or ""),
        house=str(record.get("Kamer") or house),
        made=_date(act.get("Datum")) or _date(record.get("Aanmaakdatum")),
        due=_date(record.get("DatumNakoming")),
        naam=naam or None,
        functie=record.get("Functie"),
        ministerie=record.get("Ministerie"),
        activiteit=act.get("Onderwerp") or record.get("ActiviteitNummer"),
        dossiers=[str(d) for d in record.get("Kamerstukdossiers") or []],
    )


EK_COLUMNS = {
    "nummer": "Nummer",
    "toezegging": "Tekst",
    "omschrijving": "Tekst",
    "bewindspersoon": "Functie",
    "ministerie": "Ministerie",
    "status": "Status",
    "datum toezegging": "Aanmaakdatum",
    "deadline": "DatumNakoming",
    "titel": "Titel",
    "kamerstukken": "Kamerstukken",
}


def _ek_date(value: str) -> str | None:
    value = value.strip()
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", value)
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return _date(value)


def read_export(path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(house, record) of each line of a register export: OData JSON Lines, or the Eerste Kamer CSV.

    A line that cannot be read is an ``ExtractError`` naming the file and the line.
    """
    name = path.lower()
    try:
        if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
            for n, record in enumerate(read_records(path), start=1):
                if not record.get("Nummer"):
                    raise ExtractError("malformed_json", f"record {n} is not a Toezegging record", path)
                yield "tk", record
        elif name.endswith(".csv"):
            with open(path, encoding="utf-8-sig", newline="") as fh:
                sample = fh.read(4096)
                fh.seek(0)
                dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
                for n, row in enumerate(csv.DictReader(fh, dialect=dialect), start=2):
                    line: dict[str, Any] = {"Kamer": "ek"}
                    for key, value in row.items():
                        field_name = EK_COLUMNS.get((key or "").strip().lower())
                        if field_name and value:
                            line[field_name] = value.strip()
                    if not line.get("Nummer") or not line.get("Tekst"):
                        raise ExtractError("malformed_csv", f"line {n} has no Nummer or Toezegging", path)
                    for key in ("Aanmaakdatum", "DatumNakoming"):
                        if key in line:
                            line[key] = _ek_date(line[key])
                    line["Kamerstukdossiers"] = re.findall(r"\b(\d{5})\b", line.get("Kamerstukken", ""))
                    yield "ek", line
        else:
            raise ExtractError(
                "unsupported", "a register export is .jsonl (OData) or .csv (Eerste Kamer)", path
            )
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ExtractError("corrupt", f"cannot read the register export: {exc}", path) from None


def import_export(store: Store, path: str) -> int:
    """Store a register export's items (replacing earlier lines of the same number). Returns the count."""
    n = 0
    items = list(read_export(path))
    with store.transaction():
        for house, record in items:
            rid = str(record.get("Id") or f"{house}:{record['Nummer']}")
            store.put_record(
                "Toezegging",
                rid,
                str(record["Nummer"]),
                record.get("ApiGewijzigdOp"),
                record,
                None,
                f"{house}-export",
            )
            n += 1
    return n


def register_items(store: Store) -> list[RegisterItem]:
    items = []
    for _, _, _, record in store.records("Toezegging"):
        item = item_from_record(record)
        if item is not None:
            items.append(item)
    return items


# ---------------------------------------------------------------- reading the texts


@dataclass
class _Paper:
    node: str
    date: str | None
    kind: str | None
    signers: list[str]


def _papers(store: Store) -> dict[int, _Paper]:
    out = {}
    q = "SELECT id, COALESCE(doc_id, 'doc:' || uid), date, kind, meta FROM documents"
    for document, node, date, kind, meta in store.db.execute(q):
        authors = json.loads(meta or "{}").get("authors") or []
        signers = [f"{a.get('role') or ''} {a.get('name') or ''}".strip() for a in authors]
        out[int(document)] = _Paper(str(node), date, kind, signers)
    return out


def _numbered_texts(store: Store) -> Iterator[tuple[int, str]]:
    """(document, text) of the papers whose text holds something like a register number (SQLite GLOB)."""
    q = (
        "SELECT d.id, s.text FROM documents d JOIN sources s ON s.sha256 = d.best"
        " WHERE s.text GLOB '*TZ[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9]*'"
        " OR s.text GLOB '*T[0-9][0-9][0-9][0-9][0-9]*'"
    )
    for document, text in store.db.execute(q):
        yield int(document), str(text)


def _facts(store: Store, ftype: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for document, raw in store.db.execute(
        "SELECT document, json FROM facts WHERE type = ? ORDER BY document, start", (ftype,)
    ):
        yield int(document), json.loads(raw)


def text_promises(store: Store, papers: dict[int, _Paper]) -> list[TextPromise]:
    out = []
    for document, c in _facts(store, "commitment"):
        if c.get("kind") != "toezegging" or document not in papers:
            continue
        p = papers[document]
        out.append(
            TextPromise(
                id=f"commitment:{c['ref']}" if c.get("ref") else f"commitment:{p.node}@{c['start']}",
                doc=p.node,
                doc_date=p.date,
                doc_kind=p.kind,
                actor=c.get("actor") or c.get("speaker"),
                signers=p.signers,
                text=c.get("text") or "",
                ref=c.get("ref"),
                start=int(c["start"]),
                end=int(c["end"]),
                by=(c.get("deadline") or {}).get("by"),
            )
        )
    return out


# ---------------------------------------------------------------- matching


def _words(text: str) -> str:
    return " ".join(w for w in re.findall(r"\w+", text.lower()) if w not in STOP and len(w) > 2)


def _actor(item: RegisterItem, promise: TextPromise) -> float:
    """1 when the register's bewindspersoon is the promise's actor or the paper's signer, 0 when another."""
    who = " ".join(x for x in (promise.actor, *promise.signers) if x).lower()
    if not who.strip() or not (item.functie or item.naam):
        return 0.5
    functie = (item.functie or "").lower()
    surname = (item.naam or "").split(",")[0].split()[-1].lower() if item.naam else ""
    if functie and (functie in who or any(functie in s.lower() for s in promise.signers)):
        return 1.0
    if surname and re.search(rf"\b{re.escape(surname)}\b", who):
        return 1.0
    if functie and promise.actor and promise.actor.lower() in functie:
        return 0.8
    return 0.0


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def score(item: RegisterItem, promise: TextPromise, text: float | None = None) -> dict[str, float]:
    """How alike a register item and a promise in a text are: each part in 0–1, and the weighted whole.

    >>> item = RegisterItem("TZ202511-012", "De minister zegt toe de Kamer voor 1 maart 2026 te informeren"
    ...     " over de voortgang van het locatieonderzoek", "Openstaand", "tk", "2025-11-03", None,
    ...     "Hermans, S.T.M.", "Minister van Klimaat en Groene Groei", None, None
    ... )
    >>> p = TextPromise("c", "doc:1", "2025-11-03", "brief", "Minister van Klimaat en Groene Groei", [],
    ...     "Ik informeer uw Kamer voor 1 maart 2026 over de voortgang van het locatieonderzoek.",
    ...     None, 0, 1, None)
    >>> s = score(item, p); s["actor"], s["date"], s["total"] >= THRESHOLD
    (1.0, 1.0, True)
    """
    if text is None:  # the wording's likeness, unless the caller measured it already
        text = fuzz.token_set_ratio(_words(item.tekst), _words(promise.text)) / 100.0
    actor = _actor(item, promise)
    days = _days(item.made, promise.doc_date)
    date = 0.5 if days is None else max(0.0, 1.0 - days / 180.0)
    debate = 0.0
    if (
        item.dossiers
        and any(f"kst-{d}-" in promise.doc or promise.doc == f"dossier-{d}" for d in item.dossiers)
    ) or (item.made and promise.doc_date == item.made and promise.doc_kind in ("handelingen", "verslag")):
        debate = 1.0
    # the wording decides; who made it, when and where only weigh it (a same-minister, same-month
    # promise about something else stays apart)
    context = CONTEXT["actor"] * actor + CONTEXT["date"] * date + CONTEXT["debate"] * debate
    total = text * (0.5 + 0.5 * context)
    return {
        "text": round(text, 3),
        "actor": actor,
        "date": round(date, 3),
        "debate": debate,
        "total": round(total, 3),
    }


WINDOW = (-31, 366)  # days from the register's date: a promise is repeated in texts up to a year later


def match_by_likeness(
    items: list[RegisterItem], promises: list[TextPromise], threshold: float = THRESHOLD
) -> dict[str, tuple[TextPromise, float]]:
    """Register number → (promise, confidence) of the pairs at or above ``threshold``, best first, 1 to 1.

    Only promises in papers dated within ``WINDOW`` of the register's date (or undated) are weighed,
    and only those whose wording alone reaches the threshold (the score never exceeds the text
    similarity), found with rapidfuzz in bulk.
    """
    from rapidfuzz import process

    dated = sorted((p for p in promises if p.doc_date), key=lambda p: p.doc_date or "")
    dates = [p.doc_date or "" for p in dated]
    undated = [p for p in promises if not p.doc_date]
    words = {p.id: _words(p.text) for p in promises}
    pairs = []
    for item in items:
        if item.made:
            made = dt.date.fromisoformat(item.made)
            lo = bisect.bisect_left(dates, (made + dt.timedelta(days=WINDOW[0])).isoformat())
            hi = bisect.bisect_right(dates, (made + dt.timedelta(days=WINDOW[1])).isoformat())
            near = dated[lo:hi] + undated
        else:
            near = dated + undated
        if not near:
            continue
        found = process.extract(
            _words(item.tekst),
            [words[p.id] for p in near],
            scorer=fuzz.token_set_ratio,
            score_cutoff=threshold * 100,
            limit=None,
        )
        for _, similarity, k in found:
            s = score(item, near[k], similarity / 100.0)
            if s["total"] >= threshold:
                pairs.append((s["total"], item.nummer, near[k]))
    out: dict[str, tuple[TextPromise, float]] = {}
    used: set[str] = set()
    for total, nummer, promise in sorted(pairs, key=lambda p: (-p[0], p[1], p[2].id)):
        if nummer in out or promise.id in used:
            continue
        out[nummer] = (promise, total)
        used.add(promise.id)
    return out


def _span_of(text: str, at: int) -> tuple[int, int]:
    """The sentence around offset ``at`` (a rough cut at . ! ? and blank lines)."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n\n", 0, at))
    ends = [i for i in (text.find(". ", at), text.find("\n\n", at)) if i >= 0]
    return (start + 1 if start >= 0 else 0, min(ends) + 1 if ends else len(text))


@dataclass
class Reconciliation:
    rows: list[dict[str, Any]]

    def of(self, outcome: str) -> list[dict[str, Any]]:
        if outcome == "conflict":
            return [r for r in self.rows if r["conflict"]]
        return [r for r in self.rows if r["outcome"] == outcome]


def reconcile(store: Store, threshold: float = THRESHOLD) -> Reconciliation:
    """Every register item and every text promise, with its outcome and any status conflict."""
    items = register_items(store)
    papers = _papers(store)
    promises = text_promises(store, papers)
    fulfils = [
        (d, f) for d, f in _facts(store, "follow_up") if f.get("relation") == "fulfils" and d in papers
    ]
    numbers = {i.nummer for i in items}

    # 1. by number: where each register number stands in the texts
    named: dict[str, list[tuple[int, int]]] = {}
    texts: dict[int, str] = {}
    for document, text in _numbered_texts(store):
        for m in NUMBER.finditer(text):
            if m.group(0) in numbers:
                named.setdefault(m.group(0), []).append((document, m.start()))
                texts[document] = text
    node_of = {d: p.node for d, p in papers.items()}
    matched: dict[str, tuple[TextPromise, float, str]] = {}
    taken: set[str] = set()
    by_ref: dict[str, list[TextPromise]] = {}
    in_doc: dict[str, list[TextPromise]] = {}
    for promise in promises:
        if promise.ref:
            by_ref.setdefault(promise.ref, []).append(promise)
        in_doc.setdefault(promise.doc, []).append(promise)
    for item in items:
        candidates = list(by_ref.get(item.nummer, []))
        for document, at in named.get(item.nummer, []):
            candidates += [p for p in in_doc.get(node_of[document], []) if p.start <= at < p.end]
        hit = next((p for p in candidates if p.id not in taken), None)
        if hit:
            matched[item.nummer] = (hit, 1.0, "number")
            taken.add(hit.id)

    # 2. by likeness, best pairs first, one to one
    rest = [i for i in items if i.nummer not in matched]
    for nummer, (promise, total) in match_by_likeness(
        rest, [p for p in promises if p.id not in taken], threshold
    ).items():
        matched[nummer] = (promise, total, "likeness")
        taken.add(promise.id)

    # what fulfils each register item
    by_target: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    by_doc: dict[int, list[dict[str, Any]]] = {}
    for document, f in fulfils:
        if f.get("target"):
            by_target.setdefault(str(f["target"]), []).append((document, f))
        by_doc.setdefault(document, []).append(f)

    def evidence(item: RegisterItem) -> list[dict[str, Any]]:
        """The fulfils follow-ups that target the number (or the matched promise's ref) or name it."""
        refs = {item.nummer}
        if item.nummer in matched and matched[item.nummer][0].ref:
            refs.add(str(matched[item.nummer][0].ref))
        hits = [hit for r in sorted(refs) for hit in by_target.get(r, [])]
        for document, at in named.get(item.nummer, []):
            lo, hi = _span_of(texts[document], at)
            for f in by_doc.get(document, []):
                if (f["start"] <= at < f["end"] or lo <= f["start"] < hi) and (document, f) not in hits:
                    hits.append((document, f))
        return [
            {"doc": node_of[d], "date": papers[d].date, "text": (f.get("text") or "")[:300]}
            for d, f in sorted(hits, key=lambda h: (papers[h[0]].date or "", h[1]["start"]))
        ]

    rows: list[dict[str, Any]] = []
    for item in sorted(items, key=lambda i: i.nummer):
        found = evidence(item)
        conflict: dict[str, Any] | None = None
        if item.done and not found:
            conflict = {"kind": "done_without_evidence", "evidence": []}
        elif item.open and found:
            conflict = {"kind": "open_but_fulfilled", "evidence": found}
        match = matched.get(item.nummer)
        best = match[0] if match else None
        confidence, how = (match[1], match[2]) if match else (None, None)
        rows.append(
            {
                "outcome": "in_both" if best else "only_register",
                "nummer": item.nummer,
                "house": item.house,
                "status": item.status,
                "register_text": item.tekst,
                "actor": item.functie or item.naam,
                "made": item.made,
                "due": item.due,
                "promise": best.id if best else None,
                "doc_id": best.doc if best else None,
                "text": best.text if best else None,
                "confidence": confidence,
                "matched_by": how,
                "fulfilled_by": found,
                "conflict": conflict,
            }
        )
    # promises the register missed, within the time the register covers
    since = min((i.made for i in items if i.made), default=None)
    for promise in promises:
        if promise.id in taken or since is None or (promise.doc_date or "") < since:
            continue
        rows.append(
            {
                "outcome": "only_text",
                "nummer": promise.ref,
                "house": None,
                "status": None,
                "register_text": None,
                "actor": promise.actor,
                "made": promise.doc_date,
                "due": promise.by,
                "promise": promise.id,
                "doc_id": promise.doc,
                "text": promise.text,
                "confidence": None,
                "matched_by": None,
                "fulfilled_by": [],
                "conflict": None,
            }
        )
    return Reconciliation(rows)


def labelled_scores(path: Path) -> list[tuple[float, bool]]:
    """(score, same) of each combination of the labelled pairs in ``path``: what the threshold is measured on.

    Each line holds a real promise sentence (``sentence``, ``doc_date``) and the register's wording of it
    (``register_text``, ``made``); a line's register wording and another line's sentence do not match.
    Each combination is scored twice: with the actor unknown, and with one minister on every line
    (the hardest case: only the wording and the dates tell them apart).
    """
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for actor in (None, "Minister van Financiën"):  # unknown, and the same minister on every line
        for a in pairs:
            item = RegisterItem(
                a["nummer"], a["register_text"], "Openstaand", "tk", a["made"], None, None, actor, None, None
            )
            for b in pairs:
                promise = TextPromise(
                    "c",
                    f"doc:{b['nummer']}",
                    b["doc_date"],
                    "brief",
                    actor,
                    [],
                    b["sentence"],
                    None,
                    0,
                    1,
                    None,
                )
                out.append((score(item, promise)["total"], a is b))
    return out

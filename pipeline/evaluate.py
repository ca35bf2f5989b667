"""Scoring against gold files, by the rules of the contract.

A gold file is JSON Lines; each line names a ``path`` (relative to the gold
file) and the fields annotated for it. A field a line leaves out is not
scored for that document. Scores are micro-averaged counts per field, and
every miss and false hit is kept with its text so a regression shows what
broke.

A line with a ``label`` is a labelled sentence (promise, follow-up or look-alike); it is analysed as a
one-sentence letter and scored under ``sentences.*`` (see ``score_sentence``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .nlp.dutch import MONTH_NAMES, TUSSENVOEGSELS


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


class Report:
    def __init__(self) -> None:
        self.fields: dict[str, Score] = {}
        self.documents = 0
        self.errors: list[str] = []
        self.notes: list[str] = []  # what the run took from beyond the gold's papers (open data), or lacked

    def __getitem__(self, name: str) -> Score:
        return self.fields.setdefault(name, Score())

    def sets(self, name: str, gold: Iterable[Any], pred: Iterable[Any], where: str, ignore: set[Any]) -> None:
        g, p = set(gold) - ignore, set(pred) - ignore
        s = self[name]
        s.tp += len(g & p)
        s.fn += len(g - p)
        s.fp += len(p - g)
        s.misses += [f"{where}: {x}" for x in sorted(map(str, g - p))]
        s.false_hits += [f"{where}: {x}" for x in sorted(map(str, p - g))]

    def value(self, name: str, gold: Any, pred: Any, where: str) -> None:
        s = self[name]
        if gold is not None and pred == gold:
            s.tp += 1
            return
        if gold is not None:
            s.fn += 1
            s.misses.append(f"{where}: want {gold!r}, got {pred!r}")
        if pred is not None and pred != gold:
            s.fp += 1
            if gold is None:
                s.false_hits.append(f"{where}: got {pred!r}, gold has none")

    def below(self, minimums: list[tuple[str, float]]) -> list[str]:
        """The ``FIELD.METRIC`` minimums this report does not reach."""
        failed = []
        for name, level in minimums:
            field, _, metric = name.rpartition(".")
            got = getattr(self.fields[field], metric, None) if field in self.fields else None
            if got is None or got < level:
                failed.append(f"{name} = {got if got is None else round(got, 4)} < {level}")
        return failed

    def table(self, show: int = 10) -> str:
        lines = [f"{self.documents} documents, {len(self.errors)} errors"]
        lines.append(f"{'field':<26} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {'fp':>6} {'fn':>6}")
        for name, sc in sorted(self.fields.items()):
            lines.append(
                f"{name:<26} {sc.precision:7.4f} {sc.recall:7.4f} {sc.f1:7.4f} {sc.tp:6} {sc.fp:6} {sc.fn:6}"
            )
        for name, sc in sorted(self.fields.items()):
            lines += [f"  miss   {name}: {m}" for m in sc.misses[:show]]
            lines += [f"  extra  {name}: {m}" for m in sc.false_hits[:show]]
        lines += [f"  error  {e}" for e in self.errors[:show]]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "errors": self.errors,
            "fields": {k: v.to_json() for k, v in sorted(self.fields.items())},
        }


def surname_key(name: str) -> str:
    """Author names compare case-insensitively with tussenvoegsels ignored.

    >>> surname_key("Van der Plas") == surname_key("van der plas") == surname_key("Plas")
    True
    """
    words = [w for w in re.split(r"\s+", name.lower().strip()) if w and w not in TUSSENVOEGSELS]
    return " ".join(words)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _same_sentence(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def score_document(report: Report, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    where = gold.get("path", "?")
    report.documents += 1
    if "references" in gold:
        report.sets(
            "references",
            ((r["kind"], r["id"]) for r in gold["references"] if r["kind"] != "url"),
            ((r["kind"], r["id"]) for r in pred.get("references", []) if r["kind"] != "url"),
            where,
            set(),
        )
    gm, pm = gold.get("meta") or {}, pred.get("meta") or {}
    if "kind" in gm:
        report.value("meta.kind", gm["kind"], pm.get("kind"), where)
    if "date" in gm:
        report.value("meta.date", gm["date"], pm.get("date"), where)
    if "kamerstuk" in gm:
        gid = (gm["kamerstuk"] or {}).get("id")
        report.value("meta.kamerstuk", gid, (pm.get("kamerstuk") or {}).get("id"), where)
    if "authors" in gm:
        report.sets(
            "meta.authors",
            (surname_key(a["name"]) for a in gm["authors"]),
            (surname_key(a["name"]) for a in pm.get("authors") or []),
            where,
            set(),
        )
    if gm.get("topics"):
        report.value("meta.topic", gm["topics"][0], (pm.get("topics") or [None])[0], where)
    if "motions" in gold:
        _score_motions(report, gold["motions"], pred.get("motions", []), where)
    if "commitments" in gold:
        _score_commitments(report, gold, pred.get("commitments", []), where)
    if "follow_ups" in gold:
        _score_follow_ups(report, gold["follow_ups"], pred.get("follow_ups", []), where)
    if "sectors" in gold:
        report.sets(
            "sectors",
            (s["id"] for s in gold["sectors"]),
            (s["id"] for s in pred.get("sectors", [])),
            where,
            set(gold.get("optional_sectors", [])),
        )


def _match_motions(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    pairs: list[tuple[Any, Any]] = []
    free = list(pred)
    for g in gold:
        hit = None
        if g.get("id"):
            hit = next((p for p in free if p.get("id") == g["id"]), None)
        if hit is None:
            gs = {surname_key(n) for n in g.get("submitters", [])}
            hit = next(
                (p for p in free if gs and gs & {surname_key(n) for n in p.get("submitters", [])}), None
            )
        if hit is not None:
            free.remove(hit)
        pairs.append((g, hit))
    pairs += [(None, p) for p in free]
    return pairs


def _score_motions(report: Report, gold: list[Any], pred: list[Any], where: str) -> None:
    for g, p in _match_motions(gold, pred):
        if g is None:
            report["motions"].fp += 1
            report["motions"].false_hits.append(f"{where}: {p.get('id')} {p.get('text', '')[:80]}")
            continue
        label = f"{where} [{g.get('id') or g.get('submitters')}]"
        if p is None:
            report["motions"].fn += 1
            report["motions"].misses.append(label)
            p = {}
        else:
            report["motions"].tp += 1
        if g.get("id"):
            report.value("motions.id", g["id"], p.get("id"), label)
        if "submitters" in g:
            report.sets(
                "motions.submitters",
                (surname_key(n) for n in g["submitters"]),
                (surname_key(n) for n in p.get("submitters", [])),
                label,
                set(),
            )
        if "date" in g:
            report.value("motions.date", g["date"], p.get("date"), label)
        if "requests" in g:
            report.value("motions.requests", bool(g["requests"]), bool(p.get("requests")), label)
        if "status" in g:
            report.value("motions.status", g["status"], p.get("status"), label)
        if "replaces" in g:
            report.value("motions.replaces", g["replaces"], p.get("replaces"), label)


def _score_commitments(report: Report, gold: dict[str, Any], pred: list[Any], where: str) -> None:
    # a sentence, or (as some annotators write it) a commitment object with its sentence under "text"
    optional = [
        o if isinstance(o, str) else str(o.get("text", "")) for o in gold.get("optional_commitments", [])
    ]
    free = [p for p in pred if not any(_same_sentence(o, p.get("text", "")) for o in optional)]
    s = report["commitments"]
    for g in gold["commitments"]:
        hit = next((p for p in free if _same_sentence(g["text"], p.get("text", ""))), None)
        if hit is None:
            s.fn += 1
            s.misses.append(f"{where}: {g['text'][:100]}")
            continue
        free.remove(hit)
        s.tp += 1
        label = f"{where}: {g['text'][:60]}"
        report.value("commitments.kind", g["kind"], hit.get("kind"), label)
        ga, pa = (g.get("actor") or "").lower(), (hit.get("actor") or "").lower()
        ok = (not ga and not pa) or (bool(ga) and bool(pa) and (ga in pa or pa in ga))
        report["commitments.actor"].tp += ok
        report["commitments.actor"].fn += not ok
        if not ok:
            report["commitments.actor"].misses.append(f"{label}: want {ga!r}, got {pa!r}")
        gd = (g.get("deadline") or {}).get("by")
        pd = (hit.get("deadline") or {}).get("by")
        report.value("commitments.deadline", gd, pd, label)
    for p in free:
        s.fp += 1
        s.false_hits.append(f"{where}: {p.get('text', '')[:100]}")


def _score_follow_ups(report: Report, gold: list[Any], pred: list[Any], where: str) -> None:
    """The contract's three follow-up scores.

    ``follow_ups``: the ``(relation, target)`` pairs where the gold names a
    target; ``follow_ups.relation``: per gold follow-up, one with the same
    relation in the same sentence; ``follow_ups.precision``: how many of the
    system's follow-ups match one in the gold (same relation, same sentence).
    """
    named = [f for f in gold if f.get("target")]
    report.sets(
        "follow_ups",
        ((f["relation"], f["target"]) for f in named),
        ((f["relation"], f["target"]) for f in pred if f.get("target") and named),
        where,
        set(),
    )
    rel = report["follow_ups.relation"]
    for g in gold:
        hit = any(_same_follow_up(g, p) for p in pred)
        rel.tp += hit
        rel.fn += not hit
        if not hit:
            rel.misses.append(f"{where}: {g['relation']}: {g.get('text', '')[:100]}")
    prec = report["follow_ups.precision"]
    for p in pred:
        if p.get("relation") == "replaces":
            continue
        ok = any(_same_follow_up(g, p) for g in gold)
        prec.tp += ok
        prec.fp += not ok
        if not ok:
            prec.false_hits.append(f"{where}: {p.get('relation')}: {p.get('text', '')[:100]}")


def _same_follow_up(g: dict[str, Any], p: dict[str, Any]) -> bool:
    """Same relation, in the same sentence (or, where the gold gives no sentence, for the same target)."""
    if p.get("relation") != g.get("relation"):
        return False
    if g.get("text"):
        return _same_sentence(g["text"], p.get("text", ""))
    return bool(g.get("target")) and g.get("target") == p.get("target")


class GoldError(ValueError):
    """A gold file that cannot be read, with the line that breaks it."""


def gold_lines(gold_path: str | Path, only: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Gold lines with ``path`` made absolute; restricted to ``only`` paths if given."""
    gold_path = Path(gold_path)
    wanted = {str(Path(p).resolve()) for p in only} if only else None
    out = []
    try:
        raw_lines = gold_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read the gold file {gold_path}: {exc}") from exc
    for n, line in enumerate(raw_lines, start=1):
        if not line.strip():
            continue
        try:
            gold = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{gold_path}, line {n}: not JSON ({exc.msg})") from exc
        if not isinstance(gold, dict) or not ("path" in gold or "text" in gold):
            raise GoldError(f"{gold_path}, line {n}: a gold line is an object with a 'path' or a 'text'")
        if "path" in gold:
            gold["abspath"] = str((gold_path.parent / gold["path"]).resolve())
            if wanted is not None and gold["abspath"] not in wanted:
                continue
        elif wanted is not None:
            continue
        out.append(gold)
    return out


def evaluate(golds: list[dict[str, Any]], preds: Iterable[dict[str, Any]]) -> Report:
    """Score predictions (document JSON or error objects), one per gold line, in order."""
    report = Report()
    for gold, pred in zip(golds, preds, strict=True):
        if "error" in pred:
            report.errors.append(f"{gold.get('path', gold.get('text', '?'))}: {pred['error']['message']}")
            pred = {}
        if "label" in gold:
            report.documents += 1
            score_sentence(report, gold, pred)
            continue
        if "path" not in gold and "text" in gold:
            gold = {**gold, "path": gold["text"][:60]}
        score_document(report, gold, pred)
    return report


PROMISES = ("toezegging", "doel", "verwachting")
RELATIONS = ("fulfils", "postpones", "answers")


def sentence_letter(gold: dict[str, Any]) -> str:
    """A labelled sentence as the one-sentence letter it is analysed as: its date above it when known."""
    head = ""
    if gold.get("doc_date"):
        d = dt.date.fromisoformat(gold["doc_date"])
        head = f"Den Haag, {d.day} {MONTH_NAMES[d.month - 1]} {d.year}\n\n"
    return head + str(gold["text"]) + "\n"


def score_sentence(report: Report, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    """One labelled sentence (../shared/gold/commitment-sentences-dev.jsonl, models/training/*.jsonl).

    ``sentences.promise``: a promise must give a commitment and anything else must not (a false hit is a
    look-alike or follow-up taken for a promise); ``sentences.follow_up`` the same for follow-ups, with the
    labelled relation; ``.kind``, ``.deadline`` (``by``) and ``.actor`` (where the gold names one other
    than ik/wij) on the promises found, as ``../shared/tools/score_sentences.py`` counts them.
    """
    label, where = gold["label"], gold["text"][:100]
    commitments = pred.get("commitments", [])
    relations = {f.get("relation") for f in pred.get("follow_ups", [])}
    promise, follow_up = report["sentences.promise"], report["sentences.follow_up"]
    if label in PROMISES:
        if not commitments:
            promise.fn += 1
            promise.misses.append(f"{label}: {where}")
            return
        promise.tp += 1
        c = commitments[0]
        report.value("sentences.kind", label, c.get("kind"), where)
        if gold.get("by"):
            report.value("sentences.deadline", gold["by"], (c.get("deadline") or {}).get("by"), where)
        actor = (gold.get("actor") or "").lower()
        if actor and actor not in ("ik", "wij", "we", "mij"):
            got = (c.get("actor") or "").lower()
            same = bool(got) and (actor in got or got in actor)
            report.value("sentences.actor", actor, actor if same else got, where)
        return
    if commitments:
        promise.fp += 1
        promise.false_hits.append(f"{label}: {where}")
    if label in RELATIONS:
        if label in relations:
            follow_up.tp += 1
        else:
            follow_up.fn += 1
            follow_up.misses.append(f"{label}: {where}")
    elif relations:
        follow_up.fp += 1
        follow_up.false_hits.append(f"{label}: {where} → {sorted(relations)}")


OPEN_DATA_NAMES = ("opendata.jsonl", "opendata.jsonl.gz")


def scores_votes(golds: list[dict[str, Any]]) -> bool:
    """Does the gold score the vote of a motion paper itself (``motions[].status`` where ``mentioned`` is
    false), which the motion does not print? (A letter that mentions a motion may state its vote.)"""
    return any(
        "status" in m and m.get("mentioned") is False
        for g in golds
        for m in g.get("motions") or []
        if isinstance(m, dict)
    )


def open_data_beside(golds: list[dict[str, Any]]) -> list[Path]:
    """The open-data exports in a gold document's folder or the folder above it, when the gold scores a
    motion's vote: there the corpus keeps the outcomes its papers do not print."""
    if not scores_votes(golds):
        return []
    folders = {Path(g["abspath"]).parent for g in golds if "abspath" in g}
    found = {
        f / name for d in folders for f in (d, d.parent) for name in OPEN_DATA_NAMES if (f / name).is_file()
    }
    return sorted(found)


def official_status(exports: Iterable[str | Path]) -> dict[str, str | None]:
    """kst id → the vote outcome the open data gives its motion, as the graph reads it (``_build``: a later
    record of the same paper replaces an earlier one)."""
    from .opendata import read_zaken

    return {z.kst_id: z.status for path in exports for z in read_zaken(str(path)) if z.kst_id}


def with_official_status(pred: dict[str, Any], official: dict[str, str | None]) -> dict[str, Any]:
    """The paper's motions with their status settled as the graph settles it (``graph.settle_status``: open
    data wins; a motion it has no outcome for keeps what the text says)."""
    from .graph import settle_status

    for motion in pred.get("motions") or []:
        if isinstance(motion, dict) and motion.get("id") in official:
            attrs = {"status_official": official[motion["id"]], "status_text": motion.get("status")}
            settle_status(attrs)
            motion["status"] = attrs["status"]
    return pred


def run_gold(
    gold_path: str | Path,
    only: list[str] | None,
    settings: Any,
    limit: int | None = None,
    progress: bool = False,
    opendata: Iterable[str | Path] | None = None,
) -> Report:
    """Run the pipeline on what a gold file names and score it.

    ``opendata``: exports whose vote outcomes attach to the motions, as ``kamer ingest`` attaches them
    (``kamer extract`` alone reads no votes); None looks for them beside the gold's papers
    (``open_data_beside``), and ``report.notes`` says what it found."""
    from . import analyse
    from .batch import process_many
    from .extract import from_text

    golds = gold_lines(gold_path, only)[:limit]
    if not golds:
        raise GoldError(f"no gold lines to score in {gold_path}" + (" for those paths" if only else ""))
    notes = []
    if opendata is None:
        opendata = open_data_beside(golds)
        notes = [f"vote outcomes from {found} (--no-opendata to leave them out)" for found in opendata]
        if not opendata and scores_votes(golds):
            notes = [
                "the gold scores motions.status, which no motion prints, and no opendata.jsonl(.gz) lies "
                "beside its papers: give --opendata FILE to score the votes"
            ]
    official = official_status(opendata)
    files = [g["abspath"] for g in golds if "abspath" in g]
    by_path = dict(zip(files, process_many(files, settings, progress), strict=True))
    preds = [
        with_official_status(by_path[g["abspath"]], official)
        if "abspath" in g
        else _analyse_text(g, settings, analyse, from_text)
        for g in golds
    ]
    report = evaluate(golds, preds)
    report.notes = notes
    return report


def _analyse_text(gold: dict[str, Any], settings: Any, analyse: Any, from_text: Any) -> dict[str, Any]:
    from .errors import ExtractError

    text = sentence_letter(gold) if "label" in gold else gold["text"]
    try:
        result: dict[str, Any] = analyse(from_text(text), settings).to_json()
    except ExtractError as e:  # a sentence too short or empty to be a paper: scored as finding nothing
        return {"error": {"message": str(e)}}
    return result

"""Candidate sentences from the Staten-Generaal archive for the commitment / follow-up classifier.

The steps, each reproducible (no randomness outside ``--seed``):

``pool``     reads every ``*.txt`` under ../shared/corpus/sgd/ except the evaluation papers named in
             ../shared/gold/letters-sgd.jsonl (and any file the manifest says has the same text as one
             of them), normalizes it with ``pipeline.extract.from_text``, splits it with
             ``pipeline.nlp.sentences.sentences``, keeps sentences of 6-80 words and gives each a weak
             label from the broad lexical cues below.  One JSON line per sentence: ``source`` (path
             relative to ../shared/corpus), ``folder``, ``vergaderjaar`` (manifest guess), ``start`` /
             ``end`` (offsets into ``doc.text``), ``idx`` / ``n`` (sentence number in the paper, of n),
             ``text`` (``doc.text[start:end]`` with line breaks as spaces, so the offsets still hold),
             ``weak_label``, ``cue`` (``family:pattern`` of the first family that fired), ``cues``
             (every family:pattern that fired, look-alike markers included), ``lookalike``.  A file on
             which ``from_text`` raises is skipped and counted; an import error aborts.  Writes
             ``<out>.meta.json`` with the counts and the git state of the pipeline.
``relabel``  recomputes the cues of an existing pool (cue rules changed, texts did not).
``sample``   the stratified hand-labelling sample (fixed seed): ~60% sentences on which a cue fired
             (every positive family, five look-alike strata, all folders, the letter-like folders
             weighted up) and ~40% sentences without any cue.  Duplicate texts are drawn once.
``enrich``   a second, separate draw (stratum ``enrich:*``) of productive phrasings, made after the
             first sample showed how rare positives are; it is not used for cue precision.
``stats``    cue x folder counts of a pool.
``verify``   checks that every labelled line's text is still ``doc.text[start:end]``.

    .venv/bin/python models/scripts/sentence_pool.py pool   [--out outputs/sentence-pool-sgd.jsonl.gz]
    .venv/bin/python models/scripts/sentence_pool.py sample [--pool ...] [--out ...] [--seed 20240601]
    .venv/bin/python models/scripts/sentence_pool.py enrich [--pool ...] [--sample ...] [--out ...]
    .venv/bin/python models/scripts/sentence_pool.py verify [--labels models/training/sentences-sgd.jsonl]

The hand labels are in models/training/sentences-sgd.jsonl (``checked: "hand"``); see
models/training/sentences-sgd.md.  The sample and enrich draws depend on the exact pool, and the pool
on the pipeline's normalization and sentence splitter: the labelled pool was built at commit fc39243
(before the sentence splitter learned ``no.``/``mw.``/``dd.``), and its sample and enrich files are
kept in models/training/pool/ (sgd-sample.jsonl, sgd-enrich.jsonl) so the draw is reproducible.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SGD = CORPUS / "sgd"
GOLD_LETTERS = SHARED / "gold" / "letters-sgd.jsonl"
POOL = ROOT / "outputs" / "sentence-pool-sgd.jsonl.gz"
SAMPLE = ROOT / "outputs" / "sentence-sample-sgd.jsonl"

MIN_WORDS, MAX_WORDS = 6, 80

# ----------------------------------------------------------------------------------------------------
# Weak-label cues.  Families are tried in this order; the first that fires gives the weak label.
# Deliberately broad: the point is to find candidates and to measure how precise each family is.
# ----------------------------------------------------------------------------------------------------
YEAR = r"(?:\b1[89]\d\d\b|\b20\d\d\b|\bdit\s+jaar\b|\bvolgend\s+jaar\b|\bkomend(?:e)?\s+jaar\b)"
_I = re.IGNORECASE

FAMILIES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # (family, weak label, [(pattern id, regex)])
    (
        "fulfils",
        "fulfils",
        [
            ("ter_uitvoering", r"\bter\s+uitvoering\s+van\b"),
            (
                "uitvoering_geven",
                r"\buitvoering\s+(?:te\s+)?(?:geven|geef|geeft|gegeven|gaf|gaven)\b"
                r"|\b(?:geef|geeft|geven|gaf|gaven)\b[^.;]{0,60}\buitvoering\s+aan\b",
            ),
            ("ter_voldoening", r"\bter\s+voldoening\s+aan\b"),
            (
                "voldoen_aan",
                r"\b(?:voldoe|voldoen|voldoet|voldeed|voldaan)\b[^.;]{0,40}\baan\b"
                r"|\bwaaraan\s+(?:ik|wij)\b[^.;]{0,30}\bvoldo",
            ),
            (
                "tegemoetkomen",
                r"\btegemoet\s*(?:te\s+)?(?:komen|kom|komt|gekomen|kwam|kwamen)\b"
                r"|\b(?:kom|komt|komen|kwam|kwamen)\b[^.;]{0,40}\btegemoet\s+aan\b",
            ),
            (
                "conform_toezegging",
                r"\b(?:conform|overeenkomstig|ingevolge|gevolg\s+gevend\s+aan|in\s+vervolg\s+op"
                r"|op\s+grond\s+van|in\s+aansluiting\s+op|zoals)\s+(?:de|mijn|onze|eerdere|het|uw"
                r"|eene?|de\s+door\s+mij)?\s*(?:\w+\s+)?(?:toezegging|toegezegd|motie|aangekondigd"
                r"|afspraak|verzoek|wens)\w*\b",
            ),
        ],
    ),
    (
        "postpones",
        "postpones",
        [
            ("uitstel", r"\buitstel\w*\b|\buitgesteld\b|\bop\s+te\s+schorten\b|\bopgeschort\b"),
            ("vertraging", r"\bvertrag\w*\b"),
            ("meer_tijd", r"\bmeer\s+tijd\b|\bmeer\s+tijd\s+(?:nodig|vergen|vergt|kosten)\b"),
            (
                "later_dan",
                r"\blater\s+dan\b|\bniet\s+(?:eerder|vóór|voor)\s+(?:dan|\w+\s+\d{4})\b"
                r"|\bniet\s+(?:tijdig|op\s+tijd|binnen\s+de\s+(?:gestelde|toegezegde))\b"
                r"|\bnog\s+niet\s+(?:gereed|afgerond|voltooid|beschikbaar|zover)\b",
            ),
        ],
    ),
    (
        "inform",
        "toezegging",
        [
            (
                "zal_informeren",
                r"\b(?:zal|zullen|zult)\b[^.;]{0,140}?\b(?:informeren|inlichten|zenden|toezenden|"
                r"toesturen|sturen|berichten|terugkomen|terug\s+komen|mededelen|mede\s+delen|"
                r"rapporteren|voorleggen|overleggen|aanbieden|toekomen|verschaffen|verstrekken|"
                r"op\s+de\s+hoogte\s+(?:houden|stellen|brengen)|in\s+kennis\s+stellen)\b",
            ),
            (
                "zal_worden_gezonden",
                r"\b(?:zal|zullen)\b[^.;]{0,140}?\b(?:worden|zijn)\s+(?:\w+\s+){0,2}"
                r"(?:toegezonden|gezonden|aangeboden|voorgelegd|overgelegd|ingediend|"
                r"geïnformeerd|ingelicht|medegedeeld|meegedeeld|bericht|verstrekt|gepubliceerd)\b"
                r"|\bwordt\s+(?:u|uw\s+kamer|de\s+kamer)\b[^.;]{0,80}\b(?:toegezonden|"
                r"aangeboden|voorgelegd|doen\s+toekomen)\b",
            ),
            (
                "doen_toekomen",
                r"\b(?:doen|doe)\s+toekomen\b|\btoe\s+te\s+(?:zenden|sturen)\b"
                r"|\bte\s+doen\s+toekomen\b",
            ),
            (
                "ontvangt",
                r"\bu\s+ontvangt\b|\bontvangt\s+u\b|\bzult?\s+u\b[^.;]{0,80}\bontvangen\b"
                r"|\bzal\s+uw\s+kamer\b[^.;]{0,80}\bontvangen\b|\bkunt\s+u\b[^.;]{0,80}\b(?:verwachten|tegemoetzien|ontvangen)\b",
            ),
            (
                "kom_terug",
                r"\b(?:kom|komen)\s+(?:ik|wij|we)\b[^.;]{0,80}\bterug\b|\b(?:ik|wij)\s+(?:kom|komen)\b"
                r"[^.;]{0,60}\bterug\b",
            ),
        ],
    ),
    (
        "toezeg",
        "toezegging",
        [
            ("toezeg", r"\btoezeg\w*\b|\btoegezegd\w*\b|\btoe\s+te\s+zeggen\b"),
            ("zeg_toe", r"\b(?:zeg|zegt|zeggen|zegde|zegden|zeide|zeiden)\b[^.;]{0,60}?\btoe\b"),
            ("belofte", r"\bbelo(?:of|ven|oft|ofd|fte|ften)\w*\b"),
        ],
    ),
    (
        "doel",
        "doel",
        [
            ("streven_jaar", r"^(?=.*" + YEAR + r").*\b(?:streven|streeft|strevens|streef\w*|nagestreefd)\b"),
            (
                "doel_jaar",
                r"^(?=.*" + YEAR + r").*\b(?:doel|doelstelling\w*|doeleinde|ambitie|beoogt|beogen|beoogd\w*"
                r"|taakstelling|planning|gepland\w*|plannen\s+(?:om|is))\b",
            ),
        ],
    ),
    (
        "verwachting",
        "verwachting",
        [
            ("naar_verwachting", r"\bnaar\s+verwachting\b|\bde\s+verwachting\s+is\b|\bverwachting\s+is\b"),
            ("verwacht", r"\bverwacht\w*\b"),
        ],
    ),
    (
        "bereid",
        "toezegging",
        [
            (
                "ben_bereid",
                r"\b(?:ben|zijn|is|zal|zullen)\s+(?:ik|wij|we|de\s+regering|het\s+kabinet|"
                r"de\s+minister|de\s+staatssecretaris|ondergetekende)?\s*(?:\w+\s+){0,2}bereid\b",
            ),
            (
                "voornemen",
                r"\b(?:ben|zijn)\s+(?:ik|wij|we)?\s*(?:\w+\s+)?voornemens\b|\bin\s+het\s+voornemen\b"
                r"|\bheb(?:ben)?\s+(?:ik|wij)\s+(?:het\s+)?voornemen\b|\bmijn\s+voornemen\b",
            ),
        ],
    ),
    (
        "answers",
        "answers",
        [
            ("beantwoord", r"\bbeantwoord\w*\b"),
            ("antwoord", r"\bantwoord\w*\b"),
            (
                "naar_aanleiding",
                r"\bnaar\s+aanleiding\s+van\b|\bin\s+reactie\s+op\b|\bgevraagde\b"
                r"|\b(?:uw|het|de)\s+verzoek\b",
            ),
            ("vragen", r"\bvragen\b|\bvraag\b"),
        ],
    ),
]

# Look-alike markers: recorded, never a weak label of their own (the sentence keeps its positive cue if any).
LOOKALIKES: list[tuple[str, str]] = [
    (
        "member_question",
        r"^(?:is|zijn|kan|kunt|wil|wilt|heeft|hebben|acht|deelt|bent|weet|welke|wat|waarom|"
        r"hoe|wanneer|hoeveel|in\s+hoeverre|op\s+welke)\b[^?]*\?"
        r"|\bis\s+(?:de|het)\s+(?:minister|staatssecretaris|regering|kabinet|bewindsman)\b"
        r"[^?]{0,40}\bbereid\b|\bzo\s+(?:ja|nee|neen)\b|\?\s*$",
    ),
    (
        "motion_dictum",
        r"\bverzoekt\s+de\s+regering\b|\broept\s+de\s+regering\b|\bspreekt\s+(?:als\s+(?:haar|zijn)"
        r"\s+oordeel\s+)?uit\b|\bdraagt\s+de\s+regering\b|\bconstaterende\b|\boverwegende\b"
        r"|\bgaat\s+over\s+tot\s+de\s+orde\b|\bvan\s+mening\s+dat\b|\bnodigt\s+de\s+regering\b",
    ),
    (
        "history",
        r"\b(?:heb|heeft|hebben|had|hadden)\b[^.;]{0,80}\b(?:toegezegd|beloofd|aangekondigd)\b"
        r"|\b(?:is|werd|was|zijn|werden)\s+(?:\w+\s+){0,3}(?:toegezegd|beloofd|aangekondigd)\b",
    ),
    (
        "letter_self",
        r"\bin\s+(?:deze|de(?:ze)?\s+onderhavige)\s+(?:brief|nota|memorie|notitie|nota)\b"
        r"|\bhieronder\b|\bhierna\b|\bga\s+ik\s+(?:\w+\s+){0,3}in\s+op\b|\bwordt\s+ingegaan\b"
        r"|\bdeze\s+brief\b|\bhierbij\s+(?:bied|zend|doe|deel|moge)\b|\bheb\s+ik\s+de\s+eer\b",
    ),
    (
        "member_voice",
        r"\b(?:de\s+leden\s+(?:van\s+de\s+)?|het\s+lid\b|deze\s+leden\b|de\s+fractie\b|"
        r"de\s+commissie\b)[^.;]{0,80}\b(?:vroegen|vragen|vraagt|vroeg|verzoeken|verzoekt|wensen|"
        r"wenst|informeerden|informeren|stelden|merkten|hadden|zouden)\b",
    ),
]

_COMPILED = [(fam, lab, [(pid, re.compile(rx, _I)) for pid, rx in pats]) for fam, lab, pats in FAMILIES]
_LOOK = [(pid, re.compile(rx, _I)) for pid, rx in LOOKALIKES]
LETTERLIKE = ("brieven", "aanhangsels", "overleggen", "verslagen", "memories-van-antwoord", "nota")


def weak_label(text: str) -> dict[str, Any]:
    """Weak label, primary cue, every cue and the look-alike markers of one sentence."""
    cues, label, cue = [], "none", None
    for fam, lab, pats in _COMPILED:
        for pid, rx in pats:
            if rx.search(text):
                cues.append(f"{fam}:{pid}")
                if cue is None:
                    label, cue = lab, f"{fam}:{pid}"
                break  # one pattern per family is enough
    look = [f"lookalike:{pid}" for pid, rx in _LOOK if rx.search(text)]
    return {"weak_label": label, "cue": cue, "cues": cues + look, "lookalike": look}


# ----------------------------------------------------------------------------------------------------
def gold_excluded() -> set[str]:
    """Basenames of the evaluation papers and of any paper the manifest gives the same text."""
    names = set()
    for line in GOLD_LETTERS.open(encoding="utf-8"):
        if line.strip():
            names.add(Path(json.loads(line)["path"]).name)
    ids = {n[len("sgd-") : -len(".txt")] for n in names}
    manifest = SGD / "manifest.jsonl"
    if manifest.exists():
        for line in manifest.open(encoding="utf-8"):
            m = json.loads(line)
            same = set(m.get("same_text_ids") or [])
            if m["sgd_id"] in ids:
                names |= {f"sgd-{s}.txt" for s in same}
            elif same & ids:
                names.add(Path(m["path"]).name)
    return names


def manifest_info() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    p = SGD / "manifest.jsonl"
    if p.exists():
        for line in p.open(encoding="utf-8"):
            m = json.loads(line)
            out[Path(m["path"]).name] = m
    return out


def iter_pool(stats: collections.Counter[str]) -> Iterator[dict[str, Any]]:
    from pipeline.extract import from_text
    from pipeline.nlp.sentences import sentences

    excluded = gold_excluded()
    info = manifest_info()
    seen_text_ids: set[str] = set()
    for path in sorted(SGD.rglob("*.txt")):
        rel = path.relative_to(CORPUS).as_posix()
        if path.name in excluded:
            stats["files_excluded_gold"] += 1
            continue
        m = info.get(path.name, {})
        if m.get("sgd_id") in seen_text_ids:
            stats["files_skipped_same_text"] += 1
            continue
        seen_text_ids.update(m.get("same_text_ids") or [])
        raw = path.read_text(encoding="utf-8", errors="replace")
        try:
            doc = from_text(raw, name=str(path))
        except (ImportError, AttributeError, NameError):
            raise  # a broken environment, not a bad file: never turn that into an empty pool
        except Exception as exc:
            stats["files_from_text_failed"] += 1
            stats[f"files_from_text_failed:{type(exc).__name__}"] += 1
            continue
        stats["files_read"] += 1
        text = doc.text
        bounds = sentences(text)
        folder = path.parent.name
        for i, (s, e) in enumerate(bounds):
            sent = text[s:e].replace("\n", " ")
            nw = len(sent.split())
            if nw < MIN_WORDS or nw > MAX_WORDS:
                stats["sentences_out_of_length"] += 1
                continue
            stats["sentences_kept"] += 1
            rec = {
                "source": rel,
                "folder": folder,
                "vergaderjaar": m.get("vergaderjaar_guess"),
                "start": s,
                "end": e,
                "idx": i,
                "n": len(bounds),
                "text": sent,
            }
            rec.update(weak_label(sent))
            yield rec


def cmd_relabel(a: argparse.Namespace) -> None:
    """Recompute the cues of an existing pool (the cue rules changed, the texts did not)."""
    rows = load_pool(a.pool)
    stats: collections.Counter[str] = collections.Counter()
    with gzip.open(a.pool, "wt", encoding="utf-8") as f:
        for r in rows:
            r.update(weak_label(r["text"]))
            stats["weak:" + r["weak_label"]] += 1
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(json.dumps(dict(sorted(stats.items())), indent=1))


def cmd_pool(a: argparse.Namespace) -> None:
    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    stats: collections.Counter[str] = collections.Counter()
    t = time.time()
    with gzip.open(out, "wt", encoding="utf-8") as f:
        for rec in iter_pool(stats):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            stats["weak:" + rec["weak_label"]] += 1
    meta = {
        "made": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "git": _git_head(),
        "seconds": round(time.time() - t),
        "stats": dict(sorted(stats.items())),
    }
    Path(str(out) + ".meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta, indent=1))
    print(f"-> {out}", file=sys.stderr)


def _git_head() -> str:
    import subprocess

    r = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True
    )
    return r.stdout.strip()


def load_pool(path: str) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# Sample plan: (stratum, how many, selector).  Positive strata select on the primary cue family and carry no
# look-alike marker (look-alikes have their own strata): each family's precision is measured on its own
# draw.
PLAN_POSITIVE = {
    "fulfils": 220,
    "postpones": 170,
    "inform": 250,
    "toezeg": 200,
    "doel": 130,
    "verwachting": 170,
    "bereid": 110,
    "answers": 200,
}
PLAN_LOOKALIKE = {
    "member_question": 110,
    "motion_dictum": 70,
    "history": 90,
    "letter_self": 70,
    "member_voice": 70,
}
N_NOCUE = 1050
FOLDER_WEIGHT_FAVOURED = 4.0  # letter-like folders vs. the rest


def _weighted_draw(
    rng: random.Random, items: list[dict[str, Any]], k: int, taken: set[str]
) -> list[dict[str, Any]]:
    """k items without replacement, letter-like folders weighted up, duplicate texts skipped."""
    items = [r for r in items if _key(r) not in taken]
    keys = [
        (rng.random() ** (1.0 / (FOLDER_WEIGHT_FAVOURED if r["folder"] in LETTERLIKE else 1.0)), j)
        for j, r in enumerate(items)
    ]  # Efraimidis-Spirakis weighted sampling
    keys.sort(reverse=True)
    out = []
    for _, j in keys:
        r = items[j]
        if _key(r) in taken:
            continue
        taken.add(_key(r))
        out.append(r)
        if len(out) == k:
            break
    return out


def _key(r: dict[str, Any]) -> str:
    return re.sub(r"\W+", " ", r["text"].lower()).strip()


def cmd_sample(a: argparse.Namespace) -> None:
    rng = random.Random(a.seed)
    pool = load_pool(a.pool)
    prev_of = {}
    for j, r in enumerate(pool):
        if r["idx"] > 0 and j > 0 and pool[j - 1]["source"] == r["source"]:
            prev_of[(r["source"], r["idx"])] = pool[j - 1]["text"][-160:]
    taken: set[str] = set()
    picked: list[dict[str, Any]] = []
    # 1. look-alikes first (they are rarer), regardless of positive cues
    for look, k in PLAN_LOOKALIKE.items():
        items = [r for r in pool if f"lookalike:{look}" in r["lookalike"]]
        for r in _weighted_draw(rng, items, k, taken):
            picked.append({**r, "stratum": f"lookalike:{look}"})
    # 2. positive cue families (primary cue), without look-alike markers
    for fam, k in PLAN_POSITIVE.items():
        items = [r for r in pool if r["cue"] and r["cue"].split(":")[0] == fam and not r["lookalike"]]
        for r in _weighted_draw(rng, items, k, taken):
            picked.append({**r, "stratum": f"cue:{fam}"})
    # 3. sentences on which no cue at all fired
    items = [r for r in pool if not r["cues"]]
    for r in _weighted_draw(rng, items, N_NOCUE, taken):
        picked.append({**r, "stratum": "nocue"})
    rng.shuffle(picked)
    out = Path(a.out)
    with out.open("w", encoding="utf-8") as f:
        for i, r in enumerate(picked):
            r = {"sid": i, **r, "prev": prev_of.get((r["source"], r["idx"]), "")}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    c = collections.Counter(r["stratum"] for r in picked)
    print(json.dumps(dict(sorted(c.items())), indent=1), len(picked))


# Enrichment: after the main sample was labelled, positives were scarce (about 14%), so a second, separate
# draw targets phrasings that the hand labels showed to be productive.  These lines carry stratum
# "enrich:<id>" and are left out of the cue-precision figures (not a random draw of any cue family).
ENRICH: list[tuple[str, str]] = [
    (
        "zeg_toe",
        r"\b(?:zeg|zeggen|zegt)\s+(?:ik|wij|hij|de\s+ondergeteekende|de\s+ondergetekende)\b[^.;]{0,60}\btoe\b",
    ),
    (
        "zal_ik_u",
        r"\b(?:zal|zullen)\s+(?:ik|wij|ondergetekende|de\s+ondergetekende|de\s+ondergeteekende)\b[^.;]{0,100}"
        r"\b(?:u|uw\s+kamer|de\s+kamer)\b|\b(?:de|uw)\s+kamer\s+zal\b[^.;]{0,80}\bworden\b",
    ),
    (
        "toezegging_ref",
        r"\b(?:overeenkomstig|ingevolge|conform|gevolg\s+gevend\s+aan|in\s+vervolg\s+op|op\s+grond\s+van|"
        r"als\s+gevolg\s+van|ter\s+voldoening\s+aan|naar\s+aanleiding\s+van)\b[^.;]{0,50}\btoezegging"
        r"|\bzoals\s+(?:ik\s+|wij\s+)?(?:toegezegd|aangekondigd|toezegde)\b|\btoegezegde\s+\w+",
    ),
    (
        "termijn_uitstel",
        r"\bbinnen\s+de\s+(?:gebruikelijke|gestelde)\s+termijn\b|\buitstel\s+van\s+(?:de\s+)?beantwoording\b"
        r"|\breden\s+van\s+(?:de|het)\s+(?:vertraging|uitstel)\b|\bmeer\s+tijd\s+(?:gevraagd|gevergd|in\s+beslag)"
        r"|\bniet\s+mogelijk\b[^.;]{0,80}\bte\s+beantwoorden\b",
    ),
    (
        "verwacht_tijd",
        r"(?=.*(?:\b1[89]\d\d\b|\bmedio\b|\beind\b|\bbinnenkort\b|\bspoedig|\bweken\b|\bmaanden\b|\bvoorjaar\b|"
        r"\bnajaar\b|\bzomer|\bjaarwisseling\b|\bdit\s+jaar\b))(?:.*\bnaar\s+verwachting\b|.*\bverwacht\s+(?:mag|kan)\b"
        r"|.*\bkan\b[^.;]{0,60}\bworden\s+verwacht\b|.*\btegemoet\s+(?:worden\s+)?gezien\b)",
    ),
    (
        "voornemen_tijd",
        r"(?=.*(?:\b1[89]\d\d\b|\bmedio\b|\beind\b|\bbinnenkort\b|\bspoedig|\bweken\b|\bmaanden\b|\bvoorjaar\b|"
        r"\bnajaar\b|\bzomer|\bkorte\s+termijn\b|\bdit\s+jaar\b|\bper\s+1\b|\bmet\s+ingang\s+van\b))"
        r".*\b(?:voornemen|voornemens|streef|streven|streeft)\b",
    ),
    (
        "antwoord_op",
        r"\bin\s+antwoord\s+op\b|\bter\s+beantwoording\s+van\b|\bnaar\s+aanleiding\s+van\s+(?:de|het|uw|den)\s+"
        r"(?:vragen|vraag|verzoek|brief|verlangen|wensch|wens)\b|\bter\s+voldoening\s+aan\s+(?:het|den|uw|de)\s+"
        r"(?:verzoek|verlangen|wensch|wens)\b|\bdoe\s+ik\s+u\b[^.;]{0,40}\bantwoord",
    ),
]
ENRICH_FOLDERS = (*LETTERLIKE, "brieven-overig")
N_ENRICH_EACH = 60


def cmd_enrich(a: argparse.Namespace) -> None:
    rng = random.Random(a.seed + 1)
    pool = load_pool(a.pool)
    prev_of = {}
    for j, r in enumerate(pool):
        if r["idx"] > 0 and j > 0 and pool[j - 1]["source"] == r["source"]:
            prev_of[(r["source"], r["idx"])] = pool[j - 1]["text"][-160:]
    with open(a.sample, encoding="utf-8") as f:
        taken = {_key(json.loads(line)) for line in f}
    picked: list[dict[str, Any]] = []
    for pid, rx in ENRICH:
        c = re.compile(rx, _I)
        items = [r for r in pool if r["folder"] in ENRICH_FOLDERS and c.search(r["text"])]
        for r in _weighted_draw(rng, items, N_ENRICH_EACH, taken):
            picked.append({**r, "stratum": f"enrich:{pid}"})
    rng.shuffle(picked)
    with open(a.out, "w", encoding="utf-8") as f:
        for i, r in enumerate(picked):
            f.write(
                json.dumps(
                    {"sid": 3000 + i, **r, "prev": prev_of.get((r["source"], r["idx"]), "")},
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(json.dumps(dict(collections.Counter(r["stratum"] for r in picked)), indent=1), len(picked))


def cmd_stats(a: argparse.Namespace) -> None:
    pool = load_pool(a.pool)
    fam = collections.Counter()
    folder = collections.Counter()
    for r in pool:
        folder[r["folder"]] += 1
        for c in r["cues"]:
            fam[c.split(":")[0] if not c.startswith("lookalike") else c] += 1
        fam["primary:" + (r["cue"].split(":")[0] if r["cue"] else "none")] += 1
        fam["nocue" if not r["cues"] else "anycue"] += 1
    print(
        json.dumps(
            {
                "sentences": len(pool),
                "folders": dict(folder.most_common()),
                "cues": dict(sorted(fam.items())),
            },
            indent=1,
        )
    )


def cmd_verify(a: argparse.Namespace) -> None:
    """Check that every labelled line's text is still doc.text[start:end] under the installed pipeline."""
    from pipeline.extract import from_text

    with open(a.labels, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    by_src: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    quoted = 0  # review verdicts that quote the sentence without offsets
    for r in rows:
        if "start" in r:
            by_src[r["source"]].append(r)
        else:
            quoted += 1
    bad = 0
    for src, rs in sorted(by_src.items()):
        text = from_text(
            (CORPUS / src).read_text(encoding="utf-8", errors="replace"), name=str(CORPUS / src)
        ).text
        for r in rs:
            if text[r["start"] : r["end"]].replace("\n", " ") != r["text"]:
                bad += 1
                print("offset mismatch:", src, r["start"], r["end"], r["text"][:60])
    print(f"{len(rows)} lines ({quoted} quoted without offsets), {len(by_src)} papers, {bad} mismatches")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pool")
    p.add_argument("--out", default=str(POOL))
    p.set_defaults(func=cmd_pool)
    s = sub.add_parser("sample")
    s.add_argument("--pool", default=str(POOL))
    s.add_argument("--out", default=str(SAMPLE))
    s.add_argument("--seed", type=int, default=20240601)
    s.set_defaults(func=cmd_sample)
    en = sub.add_parser("enrich")
    en.add_argument("--pool", default=str(POOL))
    en.add_argument("--sample", default=str(SAMPLE))
    en.add_argument("--out", default=str(ROOT / "outputs" / "sentence-enrich-sgd.jsonl"))
    en.add_argument("--seed", type=int, default=20240601)
    en.set_defaults(func=cmd_enrich)
    t = sub.add_parser("stats")
    t.add_argument("--pool", default=str(POOL))
    t.set_defaults(func=cmd_stats)
    r = sub.add_parser("relabel")
    r.add_argument("--pool", default=str(POOL))
    r.set_defaults(func=cmd_relabel)
    v = sub.add_parser("verify")
    v.add_argument("--labels", default=str(ROOT / "models" / "training" / "sentences-sgd.jsonl"))
    v.set_defaults(func=cmd_verify)
    a = ap.parse_args()
    a.func(a)


if __name__ == "__main__":
    main()

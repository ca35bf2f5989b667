"""Build the candidate pool and the labelling sample of MODERN sentences (2000-2025).

Sources (all read-only, from ../shared/corpus; see its README for provenance and licences):
  * debate-references/detection-20192020_llm_silver.csv.gz  -- the `sentence` column (Handelingen 2019-2020),
    deduplicated; locator = "<minute_id>#<row id>" of the first occurrence.
  * motions-dev/xml/*.xml            -- each <al> clause of the motion body (considerations, dictum).
  * handelingen/vlos-plenair-2014-10-15-vergadering-14.xml -- speaker turns (woordvoerder / interrumpant /
    activiteithoofd), with the speaker's function -> speaker_role.
  * handelingen/h-tk-*.pdf           -- two-column KOOP Handelingen, column-cropped with pdfplumber; speaker
    headers ("Minister X:", "Mevrouw X (Partij):", "De voorzitter:") give the role; motion blocks are
    marked as spoken by the member who reads them out.
  * handelingen/h-tk-tweeminutendebat-exportkredietverzekeringen.docx -- <w:t> text per <w:p>.
  * antwoorden-docx/*.docx           -- ministry answers to Kamervragen: "Vraag N" blocks -> member,
    answers and covering letter -> minister.
  * besluitenlijsten/*.pdf           -- committee decision lists: the Besluit / Noot / Zaak field values.
Running prose is split with pipeline.nlp.sentences.sentences; motion clauses and CSV rows are kept whole.

Every sentence of 6-80 words gets a source id, a weak label from broad lexical cues (CUES below) and the cue
families that fired. Sentences that occur in any gold/evaluation file (/work/shared/gold/*.jsonl,
outputs/gold/*.jsonl) are dropped, whatever source they come from.

The sample is stratified with a fixed seed: per source a quota; inside a source ~60% sentences with a cue,
round-robin over the cue families, ~40% without (stage 1, sample ids 0-1689). Stage 2 (ENRICH) adds every
remaining non-motion sentence not spoken by a member/chair that matches a narrower pattern for the rare
classes (fulfils, answers, postpones, doel, verwachting) or a first-person promise/look-alike ("ik zal").
Stage 3 adds every remaining besluitenlijst sentence and the titles of the Zaken (letters) on those lists.

Run:  .venv/bin/python models/scripts/sentence_pool_modern.py [--out-dir models/training/pool]
Writes <out-dir>/pool-modern.jsonl.gz (every candidate) and <out-dir>/sample-modern.jsonl (the sample that
was hand-labelled into models/training/sentences-modern.jsonl, in labelling order).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from lxml import etree

from pipeline.nlp.sentences import sentences

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = 20250101
MIN_WORDS, MAX_WORDS = 6, 80

# ---------------------------------------------------------------- weak-label cues
# family -> (weak label, regex). Broad on purpose: they make the pool and the strata, not the labels.
_I = re.IGNORECASE
CUES: dict[str, tuple[str, re.Pattern[str]]] = {
    # zal/zullen (+ ik/wij/kabinet) with an informing verb
    "zal_informeren": (
        "toezegging",
        re.compile(
            r"\b(zal|zullen|zult|ga|gaan)\b[^.;?]{0,80}\b(informeren|sturen|zenden|toesturen|toezenden|"
            r"terugkomen|terugkoppelen|doen toekomen|ontvangen|berichten|rapporteren|"
            r"op de hoogte (houden|stellen))\b",
            _I,
        ),
    ),
    "zeg_toe": (
        "toezegging",
        re.compile(r"\b(zeg|zegt|zeggen|zegde|zegden)\b[^.?]{0,120}\btoe\b|\btoezeg", _I),
    ),
    "kom_terug": ("toezegging", re.compile(r"\b(kom|komt|komen)\b[^.?]{0,100}\bterug\b|\bterugkomen\b", _I)),
    "stuur_brief": (
        "toezegging",
        re.compile(
            r"\b(ik|wij|we)\s+(stuur|sturen|zend|informeer|informeren)\b|\bkamerbrief\b|\bbrief\b[^.?]{0,60}\b(sturen|toesturen)\b",
            _I,
        ),
    ),
    "doel_jaar": (
        "doel",
        re.compile(
            r"\b(streven|streef|strev\w*|doel\w*|ambitie\w*|beogen|beoogd\w*)\b(?=[^.?]*\b(19|20)\d\d\b)", _I
        ),
    ),
    "verwacht": ("verwachting", re.compile(r"\bverwacht\w*\b|\bnaar verwachting\b", _I)),
    "uitvoering": (
        "fulfils",
        re.compile(
            r"\bter uitvoering\b|\buitvoering (aan|te) geven\b|\buitvoering gegeven\b|\bvolda?o?e?n? aan\b|"
            r"\bvoldoe aan\b|\bconform (de|mijn|onze) toezegging\b|\bzoals toegezegd\b|"
            r"\btoegezegde\b|\bafgedaan\b",
            _I,
        ),
    ),
    "antwoord": ("answers", re.compile(r"\bantwoord\w*\b|\bbeantwoord\w*\b|\bvragen\b", _I)),
    "uitstel": (
        "postpones",
        re.compile(
            r"\buitstel\w*\b|\bvertraging\w*\b|\bvertraagd\b|\bmeer tijd\b|\blater dan\b|\bnog niet\b|"
            r"\bniet haalbaar\b|\buitgesteld\b",
            _I,
        ),
    ),
    "appreciatie": (
        "none",
        re.compile(
            r"\boordeel (aan )?(de )?kamer\b|\bontra(den|ad|dt)\b|\bontried\b|\boverneem\b|\bovernemen\b|"
            r"\bappreciatie\b",
            _I,
        ),
    ),
    "verzoekt": (
        "none",
        re.compile(
            r"\bverzoekt de regering\b|\bverzoekt het kabinet\b|\bkan de minister\b|\bwil de minister\b|"
            r"\bis de minister bereid\b|\bkunt u\b|\bbent u bereid\b",
            _I,
        ),
    ),
}
# fixed priority of weak labels when several families fire
_PRIORITY = [
    "verzoekt",
    "uitvoering",
    "uitstel",
    "zeg_toe",
    "kom_terug",
    "zal_informeren",
    "stuur_brief",
    "doel_jaar",
    "verwacht",
    "antwoord",
    "appreciatie",
]


def cue_families(text: str) -> list[str]:
    return [name for name, (_, rx) in CUES.items() if rx.search(text)]


def weak_label(families: list[str]) -> str:
    for name in _PRIORITY:
        if name in families:
            return CUES[name][0]
    return "none"


# ---------------------------------------------------------------- helpers
def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def words(text: str) -> int:
    return len(text.split())


def split_prose(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for running prose."""
    return [(s, norm(text[s:e])) for s, e in sentences(text)]


def join_lines(lines: list[str]) -> str:
    """Join layout lines into prose: drop a line-end hyphen when the next line starts in lower case."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out.endswith("-") and line[:1].islower() and not out.endswith(" -"):
            out = out[:-1] + line
        elif out:
            out += " " + line
        else:
            out = line
    return out


ROLE_MIN = re.compile(r"minister|staatssecretaris", re.I)


# ---------------------------------------------------------------- sources
def from_csv() -> list[dict]:
    path = CORPUS / "debate-references" / "detection-20192020_llm_silver.csv.gz"
    seen: set[str] = set()
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            text = norm(row["sentence"])
            if text in seen:
                continue
            seen.add(text)
            out.append(
                {
                    "text": text,
                    "source": "debate-references/detection-20192020_llm_silver.csv.gz",
                    "locator": f"{row['minute_id']}#{row['id']}",
                    "speaker_role": None,
                    "section": "debate",
                }
            )
    return out


def from_motions() -> list[dict]:
    out = []
    for path in sorted((CORPUS / "motions-dev" / "xml").glob("*.xml")):
        tree = etree.parse(str(path))
        for i, al in enumerate(tree.iter("al")):
            if al.getparent() is not None and al.getparent().tag == "al-groep":
                continue
            text = norm("".join(str(t) for t in al.itertext()))
            if text:
                out.append(
                    {
                        "text": text,
                        "source": f"motions-dev/xml/{path.name}",
                        "locator": f"al[{i}]",
                        "speaker_role": "member",
                        "section": "motion",
                    }
                )
    return out


VLOS_NS = "{http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0}"


def from_vlos() -> list[dict]:
    path = CORPUS / "handelingen" / "vlos-plenair-2014-10-15-vergadering-14.xml"
    tree = etree.parse(str(path))
    out = []
    turn = 0
    for el in tree.iter(
        VLOS_NS + "woordvoerder",
        VLOS_NS + "interrumpant",
        VLOS_NS + "activiteithoofd",
        VLOS_NS + "activiteitdeel",
    ):
        tekst = el.find(VLOS_NS + "tekst")
        if tekst is None:
            continue
        spreker = el.find(VLOS_NS + "spreker")
        role = None
        if el.findtext(VLOS_NS + "isvoorzitter") == "true":
            role = "chair"
        elif spreker is not None:
            func = spreker.findtext(VLOS_NS + "functie") or ""
            role = "minister" if ROLE_MIN.search(func) else ("member" if "Lid" in func else None)
        turn += 1
        items = [norm("".join(str(t) for t in it.itertext())) for it in tekst.iter(VLOS_NS + "alineaitem")]
        if items and spreker is not None and re.search(r":\s*$", items[0]):
            items = items[1:]  # "De heer Pechtold (D66):" header
        in_motion = False
        for j, para in enumerate(items):
            if para.startswith("De Kamer,"):
                in_motion = True
            r = "member" if in_motion and role != "minister" else role
            for off, s in split_prose(para):
                out.append(
                    {
                        "text": s,
                        "source": f"handelingen/{path.name}",
                        "locator": f"turn{turn}/p{j}+{off}",
                        "speaker_role": r,
                        "section": "motion" if in_motion else "debate",
                    }
                )
            if "orde van de dag" in para:
                in_motion = False
    return out


SPEAKER = re.compile(
    r"^(?P<h>(De heer|Mevrouw|Minister(-president)?|Staatssecretaris|De voorzitter|Voorzitter)\b"
    r"[^:\n]{0,70}):"
    r"\s*(?P<rest>.*)$",
    re.S,
)


def role_of(header: str) -> str | None:
    if re.match(r"(De )?[Vv]oorzitter", header):
        return "chair"
    if re.match(r"(Minister|Staatssecretaris)", header):
        return "minister"
    if re.match(r"(De heer|Mevrouw)", header):
        return "member"
    return None


def turns_from_lines(lines: list[str]) -> list[tuple[str | None, bool, list[str]]]:
    """Group layout lines into (role, in_motion, lines) blocks at speaker headers and motion borders."""
    blocks: list[tuple[str | None, bool, list[str]]] = []
    role: str | None = None
    in_motion = False
    cur: list[str] = []

    def flush() -> None:
        if cur:
            blocks.append((role, in_motion, list(cur)))
            cur.clear()

    for line in lines:
        m = SPEAKER.match(line.strip())
        if m and len(m.group("h").split()) <= 8:
            flush()
            role = role_of(m.group("h"))
            in_motion = False
            if m.group("rest").strip():
                cur.append(m.group("rest"))
            continue
        if line.strip() in ("Motie", "De Kamer,"):
            flush()
            in_motion = True
            continue
        cur.append(line)
        if in_motion and "orde van de dag" in line:
            flush()
            in_motion = False
    flush()
    return blocks


FOOTER = re.compile(r"^(\d{1,2} \w+ 20\d\d|Tweede Kamer\b.*|TK \d+.*|\d+-\d+-\d+|\d{1,2})$")


def from_handelingen_pdf(path: Path) -> list[dict]:
    import pdfplumber

    lines: list[str] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            w = page.width
            for x0, x1 in ((0, w / 2), (w / 2, w)):
                text = page.crop((x0, 0, x1, page.height)).extract_text() or ""
                for line in text.split("\n"):
                    if FOOTER.match(line.strip()):
                        continue
                    lines.append(line)
    out = []
    for b, (role, in_motion, blines) in enumerate(turns_from_lines(lines)):
        prose = join_lines(blines)
        r = "member" if in_motion else role
        if in_motion:  # motion clauses end in ';' or ',': one unit each
            units = [(m.start(), norm(m.group(0))) for m in re.finditer(r"[^;]+(;|$)", prose)]
        else:
            units = split_prose(prose)
        for off, s in units:
            out.append(
                {
                    "text": s,
                    "source": f"handelingen/{path.name}",
                    "locator": f"block{b}+{off}",
                    "speaker_role": r,
                    "section": "motion" if in_motion else "debate",
                }
            )
    return out


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_paragraphs(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    paras = []
    for p in root.iter(W + "p"):
        parts = []
        for el in p.iter(W + "t", W + "br", W + "tab"):
            parts.append(el.text or "" if el.tag == W + "t" else ("\n" if el.tag == W + "br" else " "))
        text = "".join(parts)
        if text.strip():
            paras.append(text)
    return paras


def from_debate_docx(path: Path) -> list[dict]:
    out = []
    role: str | None = None
    for j, para in enumerate(docx_paragraphs(path)):
        for k, line in enumerate(para.split("\n")):
            m = SPEAKER.match(line.strip())
            if m and len(m.group("h").split()) <= 8:
                role = role_of(m.group("h"))
                line = m.group("rest")
            in_motion = line.startswith("De Kamer,")
            if in_motion:
                # clauses run together: "De Kamer,gehoord de beraadslaging,constaterende dat ..."
                body = re.sub(
                    r"(?<=[,;])(?=(gehoord|constaterende|overwegende|verzoekt|roept|spreekt|draagt|"
                    r"van mening|en gaat over))",
                    "\n",
                    line,
                )
                units = [(0, norm(u)) for u in body.split("\n")]
                r: str | None = "member"
            else:
                units = split_prose(line)
                r = role
            for off, s in units:
                out.append(
                    {
                        "text": s,
                        "source": f"handelingen/{path.name}",
                        "locator": f"p{j}.{k}+{off}",
                        "speaker_role": r,
                        "section": "motion" if in_motion else "debate",
                    }
                )
    return out


def from_answer_docx(path: Path) -> list[dict]:
    out = []
    mode = "letter"
    for j, para in enumerate(docx_paragraphs(path)):
        head = para.strip()
        if re.match(r"^Vraag \d+\s*$", head):
            mode = "question"
            continue
        if re.match(r"^Antwoord op vra(ag|gen)\b", head):
            mode = "answer"
            continue
        if re.match(r"^\d+\)", head):
            mode = "footnote"
        role = "member" if mode == "question" else ("minister" if mode in ("letter", "answer") else None)
        for off, s in split_prose(para):
            out.append(
                {
                    "text": s,
                    "source": f"antwoorden-docx/{path.name}",
                    "locator": f"p{j}+{off}",
                    "speaker_role": role,
                    "section": mode,
                }
            )
    return out


FIELD = re.compile(
    r"^\s*(\d+\.)?\s*(Agendapunt|Zaak|Besluit|Noot|Volgcommissie\(s\)|Griffier|Activiteitnummer|"
    r"Voortouwcommissie|Document):\s*(.*)$"
)


def from_besluitenlijst(path: Path) -> list[dict]:
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    fields: list[tuple[str, list[str]]] = []
    for line in text.replace("\f", "").split("\n"):
        m = FIELD.match(line)
        if m:
            fields.append((m.group(2), [m.group(3)]))
        elif fields and line.strip() and line.startswith(" " * 15) and not re.match(r"^\s+\d+\s*$", line):
            fields[-1][1].append(line.strip())
        elif not line.strip() and fields and fields[-1][0] != "_":
            fields.append(("_", []))
    out = []
    for j, (name, flines) in enumerate(fields):
        if name == "Zaak" and len(flines) > 1:
            # "Brief regering - minister X - date" / title lines / " - id": keep the title of the paper
            head = re.match(r"^(.*?)\s+-\s+[^-]*?\s+-\s+\d{1,2} \w+(\s+\d{4})?$", flines[0])
            title = join_lines(flines)
            # drop "Brief regering - minister X, Name - 13 maart 2009" (the header may wrap over lines)
            title = re.sub(r"^.{0,200}?\s-\s\d{1,2} \w+( \d{4})?\s+", "", title, count=1)
            title = re.sub(r"\s+-\s+[\w()\-]+$", "", title).strip()
            if title:
                out.append(
                    {
                        "text": title,
                        "source": f"besluitenlijsten/{path.name}",
                        "locator": f"Zaak{j}",
                        "speaker_role": None,
                        "section": "zaak-title",
                        "zaak_kind": head.group(1) if head else flines[0][:60],
                    }
                )
            continue
        if name not in ("Besluit", "Noot", "Agendapunt"):
            continue
        prose = join_lines([line.lstrip("• ") for line in flines])
        for off, s in split_prose(prose):
            out.append(
                {
                    "text": s,
                    "source": f"besluitenlijsten/{path.name}",
                    "locator": f"{name}{j}+{off}",
                    "speaker_role": None,
                    "section": name.lower(),
                }
            )
    return out


# ---------------------------------------------------------------- pool + sample
def gold_keys() -> set[str]:
    """Normalised texts of every sentence in the evaluation files: these never enter the pool."""
    keys: set[str] = set()
    files = list((SHARED / "gold").glob("*.jsonl")) + list((ROOT / "outputs" / "gold").glob("*.jsonl"))

    def walk(obj: object) -> None:
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k == "text" and isinstance(v, str) and len(v) > 20:
                    keys.add(key(v))
                else:
                    walk(v)
        elif isinstance(obj, list):
            for v in obj:
                walk(v)

    for f in files:
        if f.name.startswith("motions-dev"):
            continue  # holds no sentence texts, only dictum clause lists (labelled none anyway)
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                walk(json.loads(line))
    return keys


def build_pool() -> list[dict]:
    recs: list[dict] = []
    recs += from_csv()
    recs += from_motions()
    recs += from_vlos()
    for p in sorted((CORPUS / "handelingen").glob("h-tk-*.pdf")):
        recs += from_handelingen_pdf(p)
    recs += from_debate_docx(CORPUS / "handelingen" / "h-tk-tweeminutendebat-exportkredietverzekeringen.docx")
    for p in sorted((CORPUS / "antwoorden-docx").glob("*.docx")):
        recs += from_answer_docx(p)
    for p in sorted((CORPUS / "besluitenlijsten").glob("*.pdf")):
        recs += from_besluitenlijst(p)
    gold = gold_keys()
    pool, seen = [], set()
    for r in recs:
        n = words(r["text"])
        if not (MIN_WORDS <= n <= MAX_WORDS):
            continue
        k = key(r["text"])
        if k in seen or k in gold:
            continue
        seen.add(k)
        fams = cue_families(r["text"])
        r["cue"] = fams
        r["weak_label"] = weak_label(fams)
        pool.append(r)
    return pool


def source_group(src: str) -> str:
    if src.startswith("debate-references"):
        return "csv"
    if src.startswith("motions-dev"):
        return "motions"
    if src.endswith(".xml"):
        return "vlos"
    if src.startswith("handelingen"):
        return "handelingen"
    if src.startswith("antwoorden"):
        return "antwoorden"
    return "besluitenlijsten"


def group_of(r: dict) -> str:
    return "besluitenlijst-zaak" if r.get("section") == "zaak-title" else source_group(r["source"])


# per source: total to draw (capped at what the pool holds)
QUOTA = {
    "csv": 1000,
    "motions": 250,
    "vlos": 170,
    "handelingen": 170,
    "antwoorden": 60,
    "besluitenlijsten": 40,
}
CUE_SHARE = 0.6


def sample(pool: list[dict]) -> list[dict]:
    rng = random.Random(SEED)
    by_src: dict[str, list[dict]] = defaultdict(list)
    for r in pool:
        by_src[group_of(r)].append(r)
    chosen: list[dict] = []
    for src, quota in QUOTA.items():
        items = by_src[src]
        if src == "motions":
            # at most one clause of each kind per motion file keeps variety: shuffle files first
            rng.shuffle(items)
        cued = [r for r in items if r["cue"]]
        plain = [r for r in items if not r["cue"]]
        n_cue = min(len(cued), round(quota * CUE_SHARE))
        n_plain = min(len(plain), quota - n_cue)
        # round-robin over cue families (each sentence counted under its rarest family)
        freq = Counter(f for r in cued for f in r["cue"])
        fam_lists: dict[str, list[dict]] = defaultdict(list)
        for r in cued:
            fam_lists[min(r["cue"], key=lambda f: freq[f])].append(r)
        for lst in fam_lists.values():
            rng.shuffle(lst)
        picked: list[dict] = []
        fams = sorted(fam_lists)
        while len(picked) < n_cue and any(fam_lists.values()):
            for f in fams:
                if fam_lists[f] and len(picked) < n_cue:
                    picked.append(fam_lists[f].pop())
        picked += rng.sample(plain, n_plain)
        rng.shuffle(picked)
        chosen += picked
    rng.shuffle(chosen)
    for i, r in enumerate(chosen):
        r["sample_id"] = i
    return chosen


# Stage 2 (after labelling stage 1 showed that debates and motions give very few follow-ups, targets and
# forecasts): every not-yet-sampled sentence outside the motion XMLs and not spoken by a member or the chair
# that matches one of these narrower patterns. Taken whole (they are few), in a fixed shuffled order.
ENRICH: dict[str, re.Pattern[str]] = {
    "fulfils": re.compile(
        r"\b(voer(en)? (ik|we|wij)\b[^.?]{0,60}\buit|uitvoering (aan|van) (de|deze|die) (motie|toezegging)|"
        r"ter uitvoering van|daarmee (is|wordt) (de|deze) motie|conform (de|mijn|onze) toezegging|"
        r"zoals (toegezegd|beloofd|aangekondigd)|(aan|met) (deze|die|de) toezegging (is )?(voldaan|tegemoet)|"
        r"motie(s)? (is|zijn) (al )?uitgevoerd|hiermee (voldoe|kom) ik|daarmee (voldoe|kom) ik)",
        _I,
    ),
    "answers": re.compile(
        r"\b(in antwoord op|naar aanleiding van (het verzoek|de vraag|de vragen)|"
        r"in reactie op (het verzoek|de vraag|de vragen|de motie)|beantwoord|antwoord op (de|uw) vra)",
        _I,
    ),
    "postpones": re.compile(
        r"\b(uitstel|uitgesteld|vertraging|vertraagd|meer tijd|later dan|lukt (het )?niet|"
        r"niet (meer )?lukken|"
        r"niet haalbaar|(kan|kunnen) (ik|we|wij) (nog )?niet)\b",
        _I,
    ),
    "doel": re.compile(
        r"\b(streven|streef|strev|ambitie|doelstelling|doel is|willen we in|wil het kabinet)\b", _I
    ),
    "verwachting": re.compile(
        r"\b(naar verwachting|verwacht (ik|wij|we|het kabinet)|verwachting is|"
        r"zal (naar verwachting )?in (het )?(voorjaar|najaar|zomer|20\d\d)|"
        r"(komt|verschijnt|wordt)[^.?]{0,40}\b(voorjaar|najaar|zomer|kwartaal|20\d\d))\b",
        _I,
    ),
    "toezegging": re.compile(
        r"\b(zeg (ik )?(u |de kamer |graag |hierbij )?toe|ik zal (u|uw kamer|de kamer)|"
        r"(ik|we|wij) (kom|komen) (daar|hierop|erop|op)\b[^.?]{0,60}\bterug\b"
        r"[^.?]{0,40}\b(brief|voor|bij|in)|"
        r"u (ontvangt|krijgt)|(stuur|sturen) (ik|we|wij) (u|de kamer|uw kamer))",
        _I,
    ),
    "ik_zal": re.compile(
        r"\b(ik zal|we zullen|wij zullen|het kabinet zal|"
        r"(er )?komt (nog |dan )?een (brief|reactie|kamerbrief)|"
        r"ik ga (u|de kamer|uw kamer)|ik kom (daar|hierop|erop|er) [^.?]{0,40}terug)\b",
        _I,
    ),
}


def enrich(pool: list[dict], chosen: list[dict]) -> list[dict]:
    taken = {r["text"] for r in chosen}
    extra = []
    for r in pool:
        if (
            r["text"] in taken
            or r["source"].startswith("motions-dev")
            or r["speaker_role"] in ("member", "chair")
            or r.get("section") == "zaak-title"
        ):
            continue
        fams = [name for name, rx in ENRICH.items() if rx.search(r["text"])]
        if fams:
            extra.append(dict(r, enrich=fams))
    random.Random(SEED + 1).shuffle(extra)
    for i, r in enumerate(extra):
        r["sample_id"] = len(chosen) + i
    return extra


def besluitenlijst_rest(pool: list[dict], chosen: list[dict]) -> list[dict]:
    """Stage 3: every remaining besluitenlijst sentence and every Zaak title (titles of the government letters
    on the agenda: 'Uitstel aanlevering ...', 'Reactie op verzoek ...', 'Voortgang uitvoering moties ...')."""
    taken = {r["text"] for r in chosen}
    rest = [dict(r) for r in pool if r["source"].startswith("besluitenlijsten") and r["text"] not in taken]
    random.Random(SEED + 2).shuffle(rest)
    for i, r in enumerate(rest):
        r["sample_id"] = len(chosen) + i
    return rest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out-dir", type=Path, default=ROOT / "models" / "training" / "pool")
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    pool = build_pool()
    with gzip.open(args.out_dir / "pool-modern.jsonl.gz", "wt", encoding="utf-8") as fh:
        for r in pool:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    chosen = sample(pool)
    chosen += enrich(pool, chosen)
    chosen += besluitenlijst_rest(pool, chosen)
    with open(args.out_dir / "sample-modern.jsonl", "w", encoding="utf-8") as fh:
        for r in chosen:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("pool", len(pool), Counter(group_of(r) for r in pool))
    print("pool with cue", sum(1 for r in pool if r["cue"]))
    print("sample", len(chosen), Counter(group_of(r) for r in chosen))
    print("sample families", Counter(f for r in chosen for f in r["cue"]))
    print("sample weak labels", Counter(r["weak_label"] for r in chosen))


if __name__ == "__main__":
    main()

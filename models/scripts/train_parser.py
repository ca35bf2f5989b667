"""Train the Dutch tagger + dependency parser (models/parser/) from UD Dutch Alpino and LassySmall.

Data (CC BY-SA 4.0), read from ``--data`` (default ``../shared/corpus/ud-dutch`` beside the repo):

* UD 2.x annotation: ``alpino/nl_alpino-ud-{dev,test}.conllu`` and
  ``lassysmall/nl_lassysmall-ud-{dev,test}.conllu`` (4,617 sentences, 79,711 words).
* ``lassysmall/legacy_2016_train/``: the 2016 LassySmall train file in UD v1 annotation. With
  ``--legacy`` (default) it is converted to the v2 conventions of the files above (relabelling,
  coordination and punctuation re-attached, sentences with v1-only constructions dropped) and added
  to the training part. The conversion is checked against the 1,409 sentences the legacy file shares
  with the v2 files; the agreement goes into metrics.json.

Split: the sentences are pooled and split by blocks of up to 10 consecutive sentences of one
paragraph (document id + paragraph number + sentence number // 10), by ``crc32(block) % 20``:
0-2 = test (15%, held out, never trained on, only scored at the end), 3-4 = dev (10%, early stopping
and model selection), else train. Legacy sentences go by the same hash, so no test/dev block reaches
training in either annotation, and a training sentence whose words also occur in dev or test is
dropped.

Formal address: "u" and "uw" (every letter to the Kamer) occur 6 times in all the treebanks, so
``--formal-u`` (default) adds a copy of each training sentence with "hij"/"hem" → "u" and possessive
"zijn"/"haar" → "uw" (finite verb made to agree: is → bent, kan → kunt ...); the trees are unchanged.

Pipeline: tok2vec (MultiHashEmbed + MaxoutWindowEncoder, CPU, no vectors), morphologizer (UPOS +
features), parser (transition-based); optionally trainable_lemmatizer. Training examples are
re-tokenized with the ``nl`` tokenizer (``gold_preproc = false``) and aligned to the UD tokens, so
the model learns on the tokens ``spacy.blank("nl")`` produces at run time. Seeded (``--seed 0``).

    .venv/bin/python models/scripts/train_parser.py            # the model in models/parser/, ~30 min
    options: --data ../shared/corpus/ud-dutch  --out models/parser  --work DIR (keep DocBins, config)
             --width 128 --depth 4 --hidden 128 --rows 10000 2000 5000 2500 --max-epochs 25
             --patience 2000 --no-feats --lemmatizer --no-legacy --no-formal-u --seed 0
             --prepare-only (data and config only)  --eval-only (re-measure the model in --out)

Writes the pipeline to ``--out`` (only the best model on dev) with metrics.json: held-out POS/morph
accuracy, UAS/LAS (spaCy's scorer: punctuation excluded), P/R/F per label, on gold tokens and on raw
text tokenized by spacy.blank("nl") plus the special cases, words/s on one core, size, training
time, data sizes, and the agreement of the legacy conversion.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT / ".." / "shared" / "corpus" / "ud-dutch"
DEFAULT_OUT = ROOT / "models" / "parser"
MODERN_FILES = [
    "alpino/nl_alpino-ud-dev.conllu",
    "alpino/nl_alpino-ud-test.conllu",
    "lassysmall/nl_lassysmall-ud-dev.conllu",
    "lassysmall/nl_lassysmall-ud-test.conllu",
]
LEGACY_FILE = "lassysmall/legacy_2016_train/nl_lassysmall-ud-train.2016-12-30.conllu"
# the labels whose held-out F goes into metrics.json (the promise layer reads the first six)
REPORT_LABELS = [
    "nsubj", "nsubj:pass", "obl", "aux:pass", "advmod", "root",
    "obj", "iobj", "obl:agent", "obl:arg", "aux", "xcomp", "ccomp", "advcl", "conj", "nmod", "amod",
]  # fmt: skip
# the tokenizer exceptions of pipeline/nlp/language.py (copied: the model must not import the pipeline)
SPECIAL_CASES = [
    "nr.", "nrs.", "Nr.", "Nrs.", "d.d.", "t.v.v.", "c.s.", "C.S.", "jl.", "o.a.", "blz.", "p.", "pp.",
    "art.", "Stb.", "Stcrt.", "i.v.m.", "m.b.t.", "t.a.v.", "n.a.v.", "t.b.v.", "v.w.b.", "bijv.", "e.d.",
]  # fmt: skip


# ---------------------------------------------------------------- reading CoNLL-U


@dataclass
class Sent:
    sid: str
    source: str  # "v2" or "legacy"
    words: list[str]
    spaces: list[bool]
    lemmas: list[str]
    upos: list[str]
    feats: list[str]
    heads: list[int]  # 0-based index of the head; the root points to itself
    deps: list[str]
    text: str = ""
    keep_tags: bool = True  # legacy: POS, features and lemmas left unannotated
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def block(self) -> str:
        """The unit of the split: up to 10 consecutive sentences of one paragraph (some web "paragraphs"
        of the v2 files hold 200 sentences)."""
        sid = self.sid.split("\\")[-1]
        m = re.match(r"(.+?\.p\.\d+)\.s\.(\d+)$", sid)
        return f"{m.group(1)}/{int(m.group(2)) // 10}" if m else sid

    @property
    def key(self) -> str:
        return " ".join(self.words)


def read_conllu(path: Path, source: str) -> list[Sent]:
    sents: list[Sent] = []
    meta: dict[str, str] = {}
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        sid = meta.get("sent_id") or meta.get("_id") or f"{path.name}:{len(sents)}"
        words = [r[1] for r in rows]
        spaces = ["SpaceAfter=No" not in r[9].split("|") for r in rows]
        spaces[-1] = False
        text = meta.get("text") or "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True))
        sents.append(
            Sent(
                sid=sid,
                source=source,
                words=words,
                spaces=spaces,
                lemmas=[r[2].replace("_", "") if r[2] not in ("_", "") else r[1] for r in rows],
                upos=[r[3] for r in rows],
                feats=["" if r[5] == "_" else r[5] for r in rows],
                heads=[int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)],
                deps=[r[7] for r in rows],
                text=text,
            )
        )

    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            flush()
            meta, rows = {}, []
        elif line.startswith("#"):
            m = re.match(r"#\s*([\w-]+)\s*=\s*(.*)$", line)
            if m:
                meta[m.group(1)] = m.group(2)
            else:  # the legacy file names its sentences as "# wiki-659.p.13.s.1.xml"
                meta["_id"] = line[1:].strip().removesuffix(".xml")
        else:
            cols = line.split("\t")
            if re.fullmatch(r"\d+", cols[0]):  # skip empty nodes (8.1) and ranges (3-4)
                rows.append(cols)
    flush()
    return sents


def split_of(block: str) -> str:
    """15% test, 10% dev, 75% train, by a hash of the block."""
    bucket = zlib.crc32(block.encode("utf-8")) % 20
    return "test" if bucket < 3 else "dev" if bucket < 5 else "train"


# ---------------------------------------------------------------- legacy (UD v1) → v2 conventions

V1_LABELS = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "auxpass": "aux:pass",
    "name": "flat",
    "neg": "advmod",
    "compound": "compound:prt",
}
V2_AUX = {"hebben", "zijn", "worden", "kunnen", "zullen", "moeten", "mogen"}
MODALS = {"moeten", "kunnen", "zullen", "mogen"}
PREDICATES = {"VERB", "AUX", "ADJ", "ADV"}
NOMINAL = {"NOUN", "PROPN", "PRON", "X", "NUM", "SYM"}
ORDINAL = re.compile(
    r"(\d+(e|ste|de)|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde"
    r"|\w+(tiende|tigste|honderdste|duizendste))$",
    re.IGNORECASE,
)
POSSESSIVES = {"zijn", "hun", "haar", "mijn", "ons", "onze", "je", "jouw", "uw", "diens", "wiens", "hunner"}
PAIRED = {"(": ")", "[": "]", "«": "»", '"': '"', "'": "'", "„": "”", "“": "”", "‘": "’", "``": "''"}


def _ancestors(heads: list[int], i: int) -> list[int]:
    out = [i]
    while heads[i] != i:
        i = heads[i]
        out.append(i)
    return out


def _lca(heads: list[int], a: int, b: int) -> int:
    seen = set(_ancestors(heads, b))
    return next(x for x in _ancestors(heads, a) if x in seen)


def _below(heads: list[int], top: int, j: int) -> int:
    """The node just under ``top`` on the path from ``j`` (``top`` itself if j == top)."""
    path = _ancestors(heads, j)
    k = path.index(top)
    return path[k - 1] if k > 0 else top


def attach_punct(words: list[str], is_punct: list[bool], heads: list[int]) -> list[int]:
    """v2-style punctuation heads over a tree of the non-punctuation tokens: brackets and quotes to the
    head of what they enclose, other marks to the constituent that follows them (the node under the
    lowest common ancestor of both neighbours, on the right side), initial and final ones to the root.
    Reproduces 92% of the punctuation heads of the v2 dev files."""
    heads = list(heads)
    n = len(words)
    root = next(i for i in range(n) if heads[i] == i)
    done: set[int] = set()
    for i in range(n):
        if is_punct[i] and words[i] in PAIRED and i not in done:
            j = next((k for k in range(i + 1, n) if words[k] == PAIRED[words[i]] and k not in done), None)
            content = [k for k in range(i + 1, j) if not is_punct[k]] if j is not None else []
            if j is None or not content:
                continue
            top = content[0]
            for k in content[1:]:
                top = _lca(heads, top, k)
            heads[i] = heads[j] = top
            done |= {i, j}
    for i in range(n):
        if not is_punct[i] or i in done:
            continue
        left = next((j for j in range(i - 1, -1, -1) if not is_punct[j]), None)
        right = next((j for j in range(i + 1, n) if not is_punct[j]), None)
        heads[i] = root if left is None or right is None else _below(heads, _lca(heads, left, right), right)
    return heads


def convert_legacy(s: Sent, arg_pairs: dict[tuple[str, str], Counter[str]]) -> Sent | None:
    """The legacy sentence in v2 conventions, or None when it has a construction whose v2 tree differs
    in shape (copulas other than zijn, auxiliaries v2 treats as main verbs, modals heading an xcomp)."""
    n = len(s.words)
    lem = [x.lower() for x in s.lemmas]
    for i in range(n):
        d = s.deps[i]
        if (d == "cop" and lem[i] != "zijn") or (d in ("aux", "auxpass") and lem[i] not in V2_AUX):
            return None
        if d == "xcomp" and lem[s.heads[i]] in MODALS:
            return None
    kids: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        if s.heads[i] != i:
            kids[s.heads[i]].append(i)
    deps = []
    for i in range(n):
        d = V1_LABELS.get(s.deps[i], s.deps[i])
        h = s.heads[i]
        hpos = s.upos[h] if h != i else "ROOT"
        if d == "nmod" and hpos in PREDICATES:
            case = next((lem[k] for k in kids[i] if s.deps[k] == "case"), "")
            passive = any(s.deps[k] == "auxpass" for k in kids[h])
            pair = arg_pairs.get((lem[h], case))
            if case == "door" and passive:
                d = "obl:agent"
            elif pair and pair["obl:arg"] > pair["obl"]:
                d = "obl:arg"
            else:
                d = "obl"
        elif d == "det" and lem[i] in POSSESSIVES and s.upos[i] in ("PRON", "DET"):
            d = "nmod:poss"
        elif d in ("amod", "advmod") and s.upos[i] in ("ADJ", "ADV", "VERB"):
            d = "amod" if hpos in NOMINAL else "advmod"
        elif d == "nummod" and ORDINAL.match(s.words[i]):
            d = "amod"
        elif d == "obj" and s.words[i].lower() == "zich":
            d = "expl:pv"
        elif d == "mwe":
            d = "fixed" if hpos in ("ADP", "ADV", "SCONJ", "CONJ", "CCONJ", "PRON") else "flat"
        elif d == "acl" and any("PronType=Rel" in s.feats[k] for k in kids[i]):
            d = "acl:relcl"
        deps.append(d)
    heads = list(s.heads)
    for i in range(n):  # v1 hangs "en" on the first conjunct, v2 on the conjunct it introduces
        if deps[i] == "cc":
            nxt = [k for k in kids[heads[i]] if deps[k] == "conj" and k > i]
            if nxt:
                heads[i] = min(nxt)
    is_punct = [s.upos[i] == "PUNCT" or deps[i] == "punct" for i in range(n)]
    if all(is_punct) or any(is_punct[i] and heads[i] == i for i in range(n)):
        return None
    for i in range(n):  # words hanging off a punctuation mark move up to the first word above it
        while is_punct[heads[i]] and heads[i] != i:
            heads[i] = heads[heads[i]]
    # punctuation hangs off non-punctuation only: re-derive its heads from the rest of the tree
    heads = attach_punct(s.words, is_punct, heads)
    for i in range(n):
        if is_punct[i]:
            deps[i] = "punct"
    return Sent(
        sid=s.sid, source="legacy", words=s.words, spaces=s.spaces, lemmas=s.lemmas,
        upos=[{"CONJ": "CCONJ"}.get(p, p) for p in s.upos], feats=s.feats, heads=heads, deps=deps,
        text=s.text, keep_tags=False,
    )  # fmt: skip


def conversion_agreement(legacy: list[Sent], v2: dict[str, Sent], arg_pairs: Any) -> dict[str, Any]:
    """How far converted legacy trees agree with the v2 trees of the same sentences (punct excluded)."""
    n = uas = las = dropped = shared = raw_uas = raw_las = 0
    for s in legacy:
        ref = v2.get(s.sid)
        if ref is None or ref.words != s.words:
            continue
        shared += 1
        conv = convert_legacy(s, arg_pairs)
        if conv is None:
            dropped += 1
            continue
        for i in range(len(s.words)):
            if ref.deps[i] == "punct":
                continue
            n += 1
            raw_uas += s.heads[i] == ref.heads[i]
            raw_las += s.heads[i] == ref.heads[i] and s.deps[i] == ref.deps[i]
            uas += conv.heads[i] == ref.heads[i]
            las += conv.heads[i] == ref.heads[i] and conv.deps[i] == ref.deps[i]
    return {
        "shared_sentences": shared,
        "dropped_by_conversion": dropped,
        "tokens_compared_without_punct": n,
        "uas_before": round(raw_uas / max(n, 1), 4),
        "las_before": round(raw_las / max(n, 1), 4),
        "uas_after": round(uas / max(n, 1), 4),
        "las_after": round(las / max(n, 1), 4),
    }


# ---------------------------------------------------------------- data


def load_data(data: Path, use_legacy: bool) -> tuple[dict[str, list[Sent]], dict[str, Any]]:
    v2: list[Sent] = []
    for name in MODERN_FILES:
        v2 += read_conllu(data / name, "v2")
    parts: dict[str, list[Sent]] = {"train": [], "dev": [], "test": []}
    for s in v2:
        parts[split_of(s.block)].append(s)
    held = {s.key for s in parts["dev"] + parts["test"]}
    before = len(parts["train"])
    parts["train"] = [s for s in parts["train"] if s.key not in held]
    info: dict[str, Any] = {"v2_train_dropped_as_duplicate_of_dev_or_test": before - len(parts["train"])}
    # which verb + preposition pairs v2 training data labels obl:arg (used by the legacy conversion)
    arg_pairs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for s in parts["train"]:
        for i, d in enumerate(s.deps):
            if d in ("obl", "obl:arg"):
                cases = [k for k in range(len(s.words)) if s.heads[k] == i and s.deps[k] == "case"]
                case = s.lemmas[cases[0]].lower() if cases else ""
                arg_pairs[(s.lemmas[s.heads[i]].lower(), case)][d] += 1
    legacy_path = data / LEGACY_FILE
    if use_legacy and legacy_path.exists():
        legacy = read_conllu(legacy_path, "legacy")
        by_id = {s.sid: s for s in v2}
        info["legacy_conversion"] = conversion_agreement(legacy, by_id, arg_pairs)
        counts: Counter[str] = Counter()
        for s in legacy:
            if s.sid in by_id:
                counts["also_in_v2_files (v2 annotation used)"] += 1
            elif split_of(s.block) != "train":
                counts["block_in_dev_or_test"] += 1
            elif s.key in held:
                counts["duplicate_of_dev_or_test"] += 1
            elif (conv := convert_legacy(s, arg_pairs)) is None:
                counts["v1_only_construction"] += 1
            else:
                counts["used"] += 1
                parts["train"].append(conv)
        info["legacy_sentences"] = {"read": len(legacy), **counts}
    return parts, info


def to_docs(vocab: Any, sents: list[Sent]) -> list[Any]:
    from spacy.tokens import Doc

    docs = []
    for s in sents:
        tagged = s.keep_tags
        docs.append(
            Doc(
                vocab,
                words=s.words,
                spaces=s.spaces,
                heads=s.heads,
                deps=[d if i != s.heads[i] else "ROOT" for i, d in enumerate(s.deps)],
                pos=s.upos if tagged else None,
                morphs=s.feats if tagged else None,
                lemmas=s.lemmas if tagged else None,
            )
        )
    return docs


# formal "u"/"uw" (the register of letters to the Kamer) hardly occurs in the treebanks: 4 "u", 2 "uw"
U_VERB = {"is": "bent", "wil": "wilt", "kan": "kunt", "zal": "zult"}
U_FEATS = {"nsubj": "Case=Nom|Person=2|PronType=Prs", "obj": "Person=2|PronType=Prs"}


def formal_copy(s: Sent) -> Sent | None:
    """A copy of a training sentence with "hij" (subject) → "u", "hem" (object) → "u" and the
    possessives "zijn"/"haar" → "uw", the finite verb of the subject agreeing (is → bent, kan → kunt,
    ...); None when the sentence has none of these. The tree does not change."""
    words, lemmas, feats = list(s.words), list(s.lemmas), list(s.feats)
    changed = False
    for i, (w, d) in enumerate(zip(s.words, s.deps, strict=True)):
        low = w.lower()
        new = ""
        if (low, d) in (("hij", "nsubj"), ("hij", "nsubj:pass")):
            new, feat = "u", U_FEATS["nsubj"]
            head = s.heads[i]
            for k in range(len(words)):
                near = k == head or (s.heads[k] == head and s.deps[k] in ("aux", "aux:pass", "cop"))
                if near and words[k].lower() in U_VERB and k < i + 3:
                    verb = U_VERB[words[k].lower()]
                    words[k] = verb.capitalize() if words[k][0].isupper() else verb
        elif (low, d) in (("hem", "obj"), ("hem", "iobj")):
            new, feat = "u", U_FEATS["obj"]
        elif low in ("zijn", "haar") and d == "nmod:poss":
            new, feat = "uw", "Person=2|Poss=Yes|PronType=Prs"
        if new:
            words[i] = new.capitalize() if w[0].isupper() else new
            lemmas[i], feats[i] = new, feat
            changed = True
    if not changed:
        return None
    spaces = s.spaces
    text = "".join(w + (" " if sp else "") for w, sp in zip(words, spaces, strict=True))
    return Sent(
        sid=s.sid + "/u", source=s.source, words=words, spaces=spaces, lemmas=lemmas, upos=s.upos,
        feats=feats, heads=s.heads, deps=s.deps, text=text, keep_tags=s.keep_tags,
    )  # fmt: skip


def sizes(sents: list[Sent]) -> dict[str, int]:
    return {"sentences": len(sents), "tokens": sum(len(s.words) for s in sents)}


# ---------------------------------------------------------------- config

CONFIG = """
[paths]
train = null
dev = null
vectors = null
init_tok2vec = null

[system]
gpu_allocator = null
seed = {seed}

[nlp]
lang = "nl"
pipeline = {pipeline}
batch_size = 256
disabled = []
before_creation = null
after_creation = null
after_pipeline_creation = null
tokenizer = {{"@tokenizers":"spacy.Tokenizer.v1"}}
vectors = {{"@vectors":"spacy.Vectors.v1"}}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = ${{components.tok2vec.model.encode.width}}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = {rows}
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3

[components.morphologizer]
factory = "morphologizer"
extend = false
label_smoothing = 0.0
overwrite = true
scorer = {{"@scorers":"spacy.morphologizer_scorer.v1"}}

[components.morphologizer.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[components.morphologizer.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "*"

[components.parser]
factory = "parser"
learn_tokens = false
min_action_freq = 30
moves = null
scorer = {{"@scorers":"spacy.parser_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.parser.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "parser"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true
nO = null

[components.parser.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${{components.tok2vec.model.encode.width}}
upstream = "*"
{lemmatizer}
[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = {patience}
max_epochs = {max_epochs}
max_steps = 0
eval_frequency = {eval_frequency}
frozen_components = []
annotating_components = []
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
dep_uas = 0.2
dep_las = 0.5
dep_las_per_type = null
sents_p = null
sents_r = null
sents_f = 0.0
pos_acc = 0.2
morph_acc = {morph_weight}
morph_per_feat = null
{lemma_weight}
[pretraining]

[initialize]
vectors = ${{paths.vectors}}
init_tok2vec = ${{paths.init_tok2vec}}
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""

LEMMATIZER = """
[components.trainable_lemmatizer]
factory = "trainable_lemmatizer"
backoff = "orth"
min_tree_freq = 3
overwrite = false
scorer = {"@scorers":"spacy.lemmatizer_scorer.v1"}
top_k = 1

[components.trainable_lemmatizer.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[components.trainable_lemmatizer.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"
"""


def make_config(args: argparse.Namespace) -> str:
    pipeline = ["tok2vec", "morphologizer", "parser"] + (["trainable_lemmatizer"] if args.lemmatizer else [])
    return CONFIG.format(
        seed=args.seed,
        pipeline=json.dumps(pipeline),
        rows=json.dumps(args.rows),
        width=args.width,
        depth=args.depth,
        hidden=args.hidden,
        lemmatizer=LEMMATIZER if args.lemmatizer else "",
        patience=args.patience,
        max_epochs=args.max_epochs,
        eval_frequency=args.eval_frequency,
        morph_weight=0.1 if args.feats else 0.0,
        lemma_weight="lemma_acc = 0.1\n" if args.lemmatizer else "",
    )


# ---------------------------------------------------------------- evaluation


def add_special_cases(nlp: Any) -> None:
    from spacy.attrs import ORTH

    for case in SPECIAL_CASES:
        nlp.tokenizer.add_special_case(case, [{ORTH: case}])


def evaluate(nlp: Any, test: list[Sent], lemmatizer: bool) -> dict[str, Any]:
    """Scores on the held-out part, one sentence per doc as the pipeline parses them: on the UD tokens
    (gold tokenization) and on the raw text tokenized by the run-time tokenizer."""
    from spacy.tokens import Doc
    from spacy.training import Example

    refs = to_docs(nlp.vocab, test)
    out: dict[str, Any] = {}
    for mode in ("gold_tokens", "raw_text"):
        examples = []
        for s, ref in zip(test, refs, strict=True):
            if mode == "gold_tokens":
                pred = Doc(nlp.vocab, words=s.words, spaces=s.spaces)
            else:
                pred = nlp.make_doc(s.text)
            examples.append(Example(pred, ref))
        sc = nlp.evaluate(examples)
        per = sc.get("dep_las_per_type") or {}
        res: dict[str, Any] = {
            "pos_acc": round(sc["pos_acc"], 4),
            "morph_acc": round(sc["morph_acc"], 4),
            "uas": round(sc["dep_uas"], 4),
            "las": round(sc["dep_las"], 4),
        }
        if mode == "raw_text":
            res["token_f"] = round(sc["token_f"], 4)
        if lemmatizer:
            res["lemma_acc"] = round(sc["lemma_acc"], 4)
        per = {("root" if k == "ROOT" else k): v for k, v in per.items()}
        res["label_f"] = {
            lab: {k: round(v, 4) for k, v in per[lab].items()} for lab in REPORT_LABELS if lab in per
        }
        out[mode] = res
    # support of each label in the held-out part
    counts = Counter(d if i != s.heads[i] else "root" for s in test for i, d in enumerate(s.deps))
    out["label_support"] = {lab: counts[lab] for lab in REPORT_LABELS}
    return out


def speed(nlp: Any, texts: list[str], min_words: int = 30000) -> dict[str, Any]:
    """Words (tokens) per second on one core: per sentence (nlp(text)) and batched (nlp.pipe)."""
    reps = max(1, min_words // max(1, sum(len(nlp.make_doc(t)) for t in texts)) + 1)
    batch = texts * reps
    list(nlp.pipe(texts[:200]))  # warm up
    res: dict[str, Any] = {"threads": os.environ.get("OMP_NUM_THREADS")}
    for mode in ("per_sentence", "pipe_batch_256"):
        best = 0.0
        for _ in range(3):
            t0 = time.perf_counter()
            if mode == "per_sentence":
                words = sum(len(nlp(t)) for t in batch)
            else:
                words = sum(len(d) for d in nlp.pipe(batch, batch_size=256))
            best = max(best, words / (time.perf_counter() - t0))
        res[f"words_per_s_{mode}"] = round(best)
    res["words_timed"] = words
    return res


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# ---------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="UD Dutch folder (alpino/, lassysmall/)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=128, help="parser hidden width")
    ap.add_argument(
        "--rows",
        type=int,
        nargs=4,
        default=[10000, 2000, 5000, 2500],
        help="hash rows: NORM PREFIX SUFFIX SHAPE",
    )
    ap.add_argument("--feats", action=argparse.BooleanOptionalAction, default=True, help="morph features")
    ap.add_argument("--lemmatizer", action=argparse.BooleanOptionalAction, default=False)
    ap.add_argument(
        "--formal-u",
        action=argparse.BooleanOptionalAction,
        default=True,
        help='add copies of training sentences with formal "u"/"uw" for "hij"/"hem"/"zijn"/"haar"',
    )
    ap.add_argument("--legacy", action=argparse.BooleanOptionalAction, default=True, help="add legacy train")
    ap.add_argument("--max-epochs", type=int, default=25)
    ap.add_argument("--patience", type=int, default=2000, help="steps without dev improvement")
    ap.add_argument("--eval-frequency", type=int, default=200)
    ap.add_argument("--prepare-only", action="store_true", help="write DocBins and config, report, stop")
    ap.add_argument("--eval-only", action="store_true", help="re-measure the model in --out, no training")
    args = ap.parse_args()

    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):  # one core
        os.environ.setdefault(var, "1")
    import spacy

    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)
    data = args.data.resolve()
    parts, info = load_data(data, args.legacy)
    data_sizes = {name: sizes(sents) for name, sents in parts.items()}
    data_sizes["train_from_legacy"] = sizes([s for s in parts["train"] if s.source == "legacy"])
    if args.formal_u:
        copies = [c for c in map(formal_copy, parts["train"]) if c is not None]
        parts["train"] += copies
        data_sizes["train_formal_u_copies"] = sizes(copies)
    if not args.feats:
        for s in parts["train"] + parts["dev"] + parts["test"]:
            s.feats = [""] * len(s.words)
    print(json.dumps({"data": data_sizes, **info}, indent=1), file=sys.stderr)
    if args.eval_only:
        old = args.out / "metrics.json"
        previous = json.loads(old.read_text()) if old.exists() else {}
        train_seconds, train_cpu = previous.get("training_seconds_wall"), previous.get("training_seconds_cpu")
        dev_scores = json.loads((args.out / "meta.json").read_text())["performance"]
    else:
        work = args.work or Path(tempfile.mkdtemp(prefix="kamerwacht-parser-"))
        train_seconds, train_cpu, dev_scores = train(args, parts, work)
        if args.prepare_only:
            print(f"DocBins and config.cfg in {work}", file=sys.stderr)
            return
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)

    nlp = spacy.load(args.out)
    add_special_cases(nlp)  # evaluate and time with the run-time tokenizer
    held_out = evaluate(nlp, parts["test"], args.lemmatizer)
    metrics = {
        "what": "tok2vec + morphologizer + parser"
        + (" + trainable_lemmatizer" if args.lemmatizer else "")
        + " on spacy.blank('nl') tokens; held-out = blocks with crc32 % 20 < 3 (15%)",
        "spacy_version": spacy.__version__,
        "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()
                     if k not in ("data", "out", "work", "prepare_only", "eval_only")},
        "held_out": held_out,
        "dev_best": {k: v for k, v in dev_scores.items() if not isinstance(v, dict)},
        "speed": speed(nlp, [s.text for s in parts["test"]]),
        "size_bytes": dir_size(args.out),
        "training_seconds_wall": None if train_seconds is None else round(train_seconds),
        "training_seconds_cpu": None if train_cpu is None else round(train_cpu),
        "data": data_sizes,
        **info,
    }  # fmt: skip
    metrics["size_mb"] = round(metrics["size_bytes"] / 1e6, 2)
    (args.out / "metrics.json").write_text(json.dumps(metrics, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps(metrics, indent=1, ensure_ascii=False))


def train(args: argparse.Namespace, parts: dict[str, list[Sent]], work: Path) -> tuple[float, float, Any]:
    """DocBins and config in ``work``, ``spacy train``, the best model on dev to ``args.out``."""
    import spacy
    from spacy.cli.train import train as spacy_train
    from spacy.tokens import DocBin

    work.mkdir(parents=True, exist_ok=True)
    nlp0 = spacy.blank("nl")
    for name in ("train", "dev", "test"):
        DocBin(docs=to_docs(nlp0.vocab, parts[name]), store_user_data=False).to_disk(work / f"{name}.spacy")
    (work / "config.cfg").write_text(make_config(args), encoding="utf-8")
    if args.prepare_only:
        return 0.0, 0.0, {}
    t0, c0 = time.perf_counter(), time.process_time()
    spacy_train(
        work / "config.cfg",
        work / "output",
        use_gpu=-1,
        overrides={"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")},
    )
    train_seconds, train_cpu = time.perf_counter() - t0, time.process_time() - c0

    best = work / "output" / "model-best"
    nlp = spacy.load(best)
    dev_scores = json.loads((best / "meta.json").read_text())["performance"]
    nlp.meta.update(
        {
            "name": "kamerwacht_parser",
            "version": "0.1.0",
            "description": "Dutch tagger + morphologizer + dependency parser for Kamerwacht, "
            "trained on UD Dutch Alpino and LassySmall (models/scripts/train_parser.py)",
            "license": "CC BY-SA 4.0",
            "sources": [
                {"name": "UD_Dutch-Alpino", "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino",
                 "license": "CC BY-SA 4.0", "author": "Gosse Bouma, Gertjan van Noord"},
                {"name": "UD_Dutch-LassySmall",
                 "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall",
                 "license": "CC BY-SA 4.0", "author": "Gosse Bouma, Gertjan van Noord"},
            ],
        }
    )  # fmt: skip
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    cfg = spacy.util.load_config(args.out / "config.cfg", interpolate=False)
    cfg["paths"]["train"] = cfg["paths"]["dev"] = None  # not the scratch folder
    cfg.to_disk(args.out / "config.cfg")
    return train_seconds, train_cpu, dev_scores


if __name__ == "__main__":
    main()

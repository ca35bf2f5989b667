"""Near-identical texts: MinHash over word shingles, banded for lookup.

The same paper as born-digital PDF, scan and OCR text differs in OCR damage,
hyphenation and running heads, but shares most of its word sequences. A
signature of 64 minimum hashes over the paper's 3-word shingles estimates the
Jaccard similarity of two texts; 16 bands of 4 hashes each let a store find
the candidates that share a band (an index lookup, not a scan).

>>> text = "De minister zal de Kamer voor de zomer informeren over de uitkomsten van het onderzoek. " * 3
>>> a, b = fingerprint(text), fingerprint(text.replace("voor", "vo6r"))
>>> round(similarity(a, a), 2), similarity(a, b) > 0.5
(1.0, True)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

HASHES = 64
BANDS = 16
ROWS = HASHES // BANDS
SHINGLE = 3
SAME_PAPER = 0.6  # estimated Jaccard at and above which two texts are one paper
_rng = np.random.default_rng(20261202)
_A = _rng.integers(1, 1 << 63, HASHES, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 1 << 63, HASHES, dtype=np.uint64)
_WORD = re.compile(r"[a-z]{2,}")


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode("ascii")
    return _WORD.findall(plain)


def fingerprint(text: str) -> tuple[int, ...]:
    """64 MinHash values over the text's 3-word shingles (accents, case and digits ignored)."""
    words = _words(text)
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    if not shingles:
        return ()
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") for s in shingles),
        dtype=np.uint64,
        count=len(shingles),
    )
    mins = np.full(HASHES, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(0, len(hashes), 8192):  # multiply-add modulo 2^64, bounded memory
            block = hashes[k : k + 8192]
            mins = np.minimum(mins, (block[None, :] * _A[:, None] + _B[:, None]).min(axis=1))
    return tuple(int(v) for v in mins)


def bands(sig: tuple[int, ...]) -> list[tuple[int, str]]:
    """The signature cut into bands: (band number, band hash) pairs to index."""
    out = []
    for k in range(BANDS):
        part = sig[k * ROWS : (k + 1) * ROWS]
        if len(part) == ROWS:
            out.append((k, hashlib.blake2b(repr(part).encode(), digest_size=8).hexdigest()))
    return out


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the two texts the signatures stand for."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)

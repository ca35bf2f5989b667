"""Paths and settings. Limits are settings with sane defaults, overridable by env."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"
PATTERNS = MODELS / "patterns"
LEXICONS = MODELS / "lexicons"
OUTPUTS = ROOT / "outputs"
DEFAULT_DB = OUTPUTS / "kamerwacht.sqlite"


def _workers() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Settings:
    """Limits against hostile or broken input, and knobs of the extractors.

    Every field can be set from the environment as ``KAMER_<FIELD>`` (upper case).
    """

    max_bytes: int = 200 * 1024 * 1024  # a file larger than this is refused
    max_pages: int = 2000
    max_pixels: int = 60_000_000  # per image / rendered page (≈ A3 at 600 dpi)
    max_page_points: float = 14_400.0  # PDF page side in points (200 inch, the PDF limit)
    ocr_seconds_per_page: float = 120.0
    ocr_dpi: int = 300
    ocr_lang: str = "nld"
    workers: int = field(default_factory=_workers)
    # A page whose text layer has fewer letters than this is treated as a scan.
    min_text_chars: int = 20
    # A text layer with a smaller share of plausible word characters is garbage.
    min_text_quality: float = 0.6

    @classmethod
    def from_env(cls) -> Settings:
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            raw = os.environ.get("KAMER_" + f.name.upper())
            if raw is None:
                continue
            current = getattr(cls(), f.name)
            kwargs[f.name] = type(current)(raw)
        return cls(**kwargs)  # type: ignore[arg-type]

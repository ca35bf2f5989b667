"""Settings and where things are.

Limits and knobs are one frozen dataclass, each field overridable from the
environment as ``KAMER_<FIELD>``; values are parsed by their type and a bad
one is a one-line ``SettingError`` naming the variable. The default store is
``kamerwacht.sqlite`` in the current directory (or ``$KAMER_DB``), never
inside the installed package. Rule files and models are package data: see
``resources.py``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, fields
from pathlib import Path


class SettingError(ValueError):
    """An option or setting with a value of the wrong type or range."""


def display_path(path: str | os.PathLike[str] | bytes) -> str:
    """A path as valid UTF-8 text: undecodable bytes of a file name shown as ``\\xNN``.

    >>> display_path(b"brief-\\xff.txt")
    'brief-\\\\xff.txt'
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def default_db() -> str:
    """``$KAMER_DB``, else ``kamerwacht.sqlite`` in the current directory."""
    return os.environ.get("KAMER_DB") or str(Path.cwd() / "kamerwacht.sqlite")


def _workers() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class Settings:
    """Limits against hostile or broken input, and knobs of the extractors and workers.

    Every field can be set from the environment as ``KAMER_<FIELD>`` (upper case).

    >>> Settings.from_env({"KAMER_MAX_PAGES": "12"}).max_pages
    12
    >>> Settings.from_env({"KAMER_MAX_PAGES": "abc"})
    Traceback (most recent call last):
    ...
    pipeline.config.SettingError: KAMER_MAX_PAGES must be a whole number, not 'abc'
    """

    max_bytes: int = 200 * 1024 * 1024  # a file larger than this is refused
    max_pages: int = 2000
    max_pixels: int = 60_000_000  # per image / rendered page (≈ A3 at 600 dpi)
    max_document_pixels: int = 20_000_000_000  # all page images of one document (≈2,300 A4 pages, 300 dpi)
    max_frames: int = 500  # frames of a multi-frame image (TIFF)
    max_stream_bytes: int = 256 * 1024 * 1024  # one decompressed PDF stream, or one part of a Word file
    max_decompressed_bytes: int = 1024 * 1024 * 1024  # all decompressed PDF streams (Word parts) of a file
    max_text_chars: int = 50_000_000  # normalized text of one document
    max_page_points: float = 14_400.0  # PDF page side in points (200 inch, the PDF limit)
    ocr_seconds_per_page: float = 120.0
    seconds_per_file: float = 3600.0  # a worker that takes longer on one file is stopped (timeout)
    worker_memory_mb: int = 2048  # address-space cap of each worker process (0 = none)
    ocr_dpi: int = 300
    ocr_lang: str = "nld"
    workers: int = field(default_factory=_workers)
    # A page whose text layer has fewer letters than this is treated as a scan.
    min_text_chars: int = 20
    # A text layer with a smaller share of plausible word characters is garbage.
    min_text_quality: float = 0.6
    # Analysis works on sentence-aligned chunks of at most this many characters.
    chunk_chars: int = 200_000
    # Live sync with the Tweede Kamer open data (``kamer sync``, see sync.py)
    odata_url: str = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
    sync_timeout: float = 60.0  # seconds for one HTTP request (connect, read)
    sync_interval: float = 0.5  # at least this many seconds between two requests (politeness)
    sync_retries: int = 6  # attempts of one request on a dropped connection, 429 or 5xx
    sync_backoff: float = 2.0  # first wait before a retry, doubled each time (unless Retry-After says)
    sync_max_wait: float = 300.0  # never wait longer than this for one retry, whatever Retry-After says
    # Alerts (``kamer alerts``, see alerts.py)
    motion_days: int = 90  # an adopted motion with no follow-up after this many days is an alert
    smtp_host: str = ""  # e-mail alerts go out through this SMTP server when set
    smtp_port: int = 25
    mail_from: str = "kamerwacht@localhost"
    mail_to: str = ""  # comma-separated addresses

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
                raise SettingError(f"KAMER_{f.name.upper()} must not be negative, not {value}")
        if self.workers < 1:
            raise SettingError(f"KAMER_WORKERS must be at least 1, not {self.workers}")
        if self.chunk_chars < 1000:
            raise SettingError(f"KAMER_CHUNK_CHARS must be at least 1000, not {self.chunk_chars}")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        kwargs: dict[str, object] = {}
        default = cls()
        for f in fields(cls):
            name = "KAMER_" + f.name.upper()
            raw = env.get(name)
            if raw is None:
                continue
            kwargs[f.name] = parse_value(name, raw, type(getattr(default, f.name)))
        return cls(**kwargs)  # type: ignore[arg-type]


def parse_value(name: str, raw: str, kind: type) -> object:
    """``raw`` as ``kind`` (int, float, str), or a ``SettingError`` naming ``name``."""
    text = raw.strip()
    try:
        if kind is int:
            return int(text.replace("_", ""))
        if kind is float:
            return float(text)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise SettingError(f"{name} must be {what}, not {raw!r}") from None
    return raw


def parse_date(name: str, raw: str) -> dt.date:
    """An ISO date (YYYY-MM-DD) given as an option, or a ``SettingError`` saying so.

    >>> parse_date("--today", "2026-11-26")
    datetime.date(2026, 11, 26)
    >>> parse_date("--today", "26-11-2026")
    Traceback (most recent call last):
    ...
    pipeline.config.SettingError: --today must be a date as YYYY-MM-DD, not '26-11-2026'
    """
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise SettingError(f"{name} must be a date as YYYY-MM-DD, not {raw!r}") from None

"""Batches: many files through extract and analyse, over one worker per core."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from . import process
from .config import Settings
from .errors import ExtractError
from .store import Store


def _work(args: tuple[str, Settings, bool]) -> dict[str, Any]:
    path, settings, with_text = args
    try:
        return process(path, settings).to_json(with_text=with_text)
    except ExtractError as exc:
        exc.path = exc.path or path
        return exc.to_json()


def process_many(
    files: list[str], settings: Settings, with_text: bool = False, progress: bool = False
) -> Iterator[dict[str, Any]]:
    """Document JSON (or an error object) for each file, in order.

    Over a process pool (one worker per core) when there are several files;
    each worker then OCRs its file's pages on one core.
    """
    from tqdm import tqdm

    bar = tqdm(total=len(files), unit="file", disable=not progress, file=sys.stderr)
    try:
        if len(files) > 1 and settings.workers > 1:
            inner = replace(settings, workers=1)
            with ProcessPoolExecutor(max_workers=settings.workers) as pool:
                jobs = ((f, inner, with_text) for f in files)
                for result in pool.map(_work, jobs, chunksize=8):
                    bar.update(1)
                    yield result
        else:
            for f in files:
                yield _work((f, settings, with_text))
                bar.update(1)
    finally:
        bar.close()


def file_sha256(path: str) -> str:
    """SHA-256 of a file's bytes, read in chunks: the store's key for it."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class IngestSummary:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    zaken: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def ingest_paths(paths: list[str], store: Store, settings: Settings, progress: bool = False) -> IngestSummary:
    """Add files (documents and open-data exports) to the store.

    Idempotent: a document whose bytes are stored, or an export already
    imported, is skipped unread. Each document is one transaction, so an
    interrupted run resumes where it stopped. Bad files are recorded in the
    store and reported; the rest go in.
    """
    from .opendata import is_opendata, read_records, zaak_facts

    summary = IngestSummary()
    todo: list[str] = []
    for f in paths:
        if is_opendata(f):
            try:
                sha = file_sha256(f)
                if store.has_opendata(sha):
                    summary.skipped += 1
                    continue
                facts = (z for r in read_records(f) if (z := zaak_facts(r)) is not None)
                summary.zaken += store.add_opendata(f, sha, facts)
            except (ExtractError, OSError) as exc:
                err = exc if isinstance(exc, ExtractError) else ExtractError("not_found", str(exc), f)
                err.path = err.path or f
                summary.failed += 1
                summary.errors.append(err.to_json())
                store.record_failure(f, err.code, err.message)
            continue
        try:
            sha = file_sha256(f)
        except OSError:
            todo.append(f)  # process_many reports it
            continue
        if store.has(sha):
            summary.skipped += 1
        else:
            todo.append(f)
    for result in process_many(todo, settings, True, progress):
        if "error" in result:
            summary.failed += 1
            summary.errors.append(result)
            store.record_failure(result["path"], result["error"]["code"], result["error"]["message"])
        elif store.add(result):
            summary.added += 1
        else:
            summary.skipped += 1
    return summary

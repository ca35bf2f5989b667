"""Batches: many files through extract and analyse, over one worker per core."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from . import process
from .config import Settings
from .errors import ExtractError


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

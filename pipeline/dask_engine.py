"""``kamer ingest --engine dask``: the same pure stage (``batch.analyse_file``) over a Dask cluster.

A ``LocalCluster`` (one single-threaded worker process per core, on 127.0.0.1) by default, or any
running scheduler (``--scheduler tcp://host:8786``) whose workers can read the files at the same
paths (shared storage) and have Kamerwacht installed. Files are mapped one task each; the results
come back to this process in input order, one at a time, and only this process writes the store,
one paper per transaction, as with the process pool, so both give the same store. A task whose
worker dies (a crash, a kill for memory) becomes that file's error and the run goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .batch import Result, _error, analyse_file
from .config import Settings


def process_many_dask(
    files: list[str], settings: Settings, scheduler: str | None = None, progress: bool = False
) -> Iterator[Result]:
    """Document JSON (with text) or an error object for each file, in order, computed on Dask."""
    try:
        import dask.distributed as dd
    except ImportError as exc:
        raise RuntimeError("--engine dask needs dask.distributed: pip install 'dask[distributed]'") from exc
    from tqdm import tqdm

    if not files:
        return
    inner = replace(settings, workers=1)  # one file per single-threaded worker
    Client: Any = dd.Client  # untyped library
    LocalCluster: Any = dd.LocalCluster
    cluster: Any = None
    if scheduler:
        client = Client(scheduler, timeout="30s")
    else:
        cluster = LocalCluster(
            n_workers=max(1, settings.workers),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        futures: list[Any] = client.map(analyse_file, files, settings=inner, pure=False, retries=0)
        with tqdm(total=len(files), unit="file", disable=not progress, file=sys.stderr) as bar:
            for path, future in zip(files, futures, strict=True):
                try:
                    result: Result = future.result()
                except Exception as exc:  # the worker died under this file
                    result = _error(path, "extract", "crash", f"the Dask worker failed: {exc}")
                future.release()
                bar.update(1)
                yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

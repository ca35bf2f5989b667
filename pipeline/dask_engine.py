"""``--engine dask``: the same pure stages as the process pool, over a Dask cluster.

A ``LocalCluster`` (one single-threaded worker process per core, on 127.0.0.1) by default, or any
running scheduler (``--scheduler tcp://host:8786``) whose workers can read the files at the same
paths (shared storage) and have Kamerwacht installed.

Tasks are sized for the cluster, not one per file:

* small files go several to a task (up to ``BATCH_FILES`` files or ``BATCH_BYTES`` bytes), so the
  scheduler's cost per task is paid once for many papers;
* a PDF of more than ``SPLIT_PAGES`` pages is read in page ranges of that many pages, one task each
  on any worker (text layer, OCR where a page has none), and a last task joins the pages in order
  into one document, as the pool reads it, before the NLP stage: one huge PDF does not hold one
  worker for an hour while the others idle;
* the settings travel to each worker once (scattered), not with every task.

At most a few tasks per worker thread are in flight, so the files (or, for ``reanalyse``, the stored
texts this process reads from the store) are handed out as workers free up, never all at once. The
results come back to this process in input order and only this process writes the store, as with
the process pool, so both give the same store. A task whose worker dies (a crash, a kill for
memory) becomes the error of the files it held and the run goes on.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from .batch import Result, _error, analyse_file, analyse_read, reanalyse_stored
from .config import Settings
from .errors import ExtractError

SPLIT_PAGES = 50  # a PDF with more pages is read in ranges of this many pages, one task each
BATCH_FILES = 8  # at most this many files (or stored papers) to one task ...
BATCH_BYTES = 1 << 20  # ... and at most this many bytes of them (a bigger one goes alone)
IN_FLIGHT = 2  # tasks running (or queued on the scheduler) per worker thread
HELD = 100  # at most this many tasks held by this process, finished or not
# Dask's own housekeeping, made rarer: its statistical profiler samples every worker's stack every
# 10 ms and its event loops tick every 20 ms; on 2 cores that cost ~3 % of a core in this process
# and ~2 % in each worker, idle or not. A real cluster's workers take the same settings from their
# environment (docs/scale.md).
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}

# a task's future and the names of the results it gives, in order
Unit = tuple[list[str], Any]


# ---------------------------------------------------------------- work done on a worker


def analyse_files(paths: list[str], settings: Settings) -> list[Result]:
    """``batch.analyse_file`` for each of several small files: one task."""
    return [analyse_file(p, settings) for p in paths]


def reanalyse_many(payloads: list[tuple[str, str]], settings: Settings) -> list[Result]:
    """``batch.reanalyse_stored`` for each of several stored papers: one task."""
    return [reanalyse_stored(p, settings) for p in payloads]


def read_pages(path: str, settings: Settings, first: int, last: int) -> Any:
    """Pages ``first..last-1`` of a long PDF (``list[PageLines]``), or the file's error."""
    from .extract import pdf_page_range

    try:
        return pdf_page_range(path, settings, first, last)
    except ExtractError as exc:
        return _error(path, "extract", exc.code, exc.message, exc)
    except MemoryError as exc:
        return _error(
            path, "extract", "out_of_memory", "the file needs more memory than a worker may use", exc
        )
    except Exception as exc:  # a bug: that file's error with its traceback
        return _error(path, "extract", "bug", f"{type(exc).__name__}: {exc}", exc)


def analyse_parts(path: str, settings: Settings, *parts: Any) -> Result:
    """Join the page ranges of a long PDF in order into its document, then analyse it."""
    from .extract import document_from_pages, read_bytes

    for part in parts:
        if isinstance(part, dict):  # a range failed: the file's error is the first one
            return part
    pages = sorted((pl for part in parts for pl in part), key=lambda pl: pl.number)
    return analyse_read(
        path, lambda: document_from_pages(path, read_bytes(path, settings), "pdf", pages, settings), settings
    )


def warm(settings: Settings) -> None:
    """Load the language pipeline, the parser and the rules once, before the first task needs them."""
    from .extract import from_text
    from .nlp.analyse import analyse_document
    from .nlp.syntax import parser

    analyse_document(from_text("Kamerstuk 36 410, nr. 1.", "<warm>", settings), settings)
    parser()  # asked only of a sentence read as a government's future, which the text above is not


# ---------------------------------------------------------------- the client side


class Cluster:
    """A Dask client, on a running scheduler or a ``LocalCluster`` of ``settings.workers`` processes.

    ``with Cluster(settings) as c: c.files(paths)``; the results of ``files`` and ``reanalyse``
    come in input order. ``warm_up`` (the default) loads the NLP stage on every worker first.
    """

    def __init__(self, settings: Settings, scheduler: str | None = None, warm_up: bool = True) -> None:
        try:
            import dask.distributed as dd
        except ImportError as exc:
            raise RuntimeError(
                "--engine dask needs dask.distributed: pip install 'dask[distributed]'"
            ) from exc
        self.dd: Any = dd  # untyped library
        self.settings = settings
        self.inner = replace(settings, workers=1)  # one task at a time per single-threaded worker
        self.cluster: Any = None
        import dask

        self.config: Any = dask.config.set(QUIET)  # undone by close()
        try:
            if scheduler:
                self.client: Any = self.dd.Client(scheduler, timeout="30s")
            else:
                self.cluster = self.dd.LocalCluster(
                    n_workers=max(1, settings.workers),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                )
                self.client = self.dd.Client(self.cluster)
        except BaseException:
            if self.cluster is not None:
                self.cluster.close()
            self._restore_config()
            raise
        try:
            self.threads = max(1, sum(self.client.nthreads().values()))
            self.settings_future = self.client.scatter(self.inner, broadcast=True, hash=False)
            if warm_up:
                self.client.run(warm, self.inner)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        try:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
        finally:
            self._restore_config()

    def _restore_config(self) -> None:
        config: Any = self.config
        config.__exit__(None, None, None)

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def files(self, files: list[str], progress: bool = False) -> Iterator[Result]:
        """Document JSON (with text) or an error object for each file, in order."""
        return self._in_order(self._file_units(files), len(files), "file", "extract", progress)

    def reanalyse(
        self, payloads: Iterable[tuple[str, str]], total: int, progress: bool = False
    ) -> Iterator[Result]:
        """``reanalyse_stored`` over ``(path, stored JSON with text)`` pairs, in order."""
        units = (
            (
                [path for path, _ in batch],
                self.client.submit(reanalyse_many, batch, self.settings_future, pure=False, retries=0),
            )
            for batch in _batches(payloads, lambda p: len(p[1]))
        )
        return self._in_order(units, total, "paper", "reanalyse", progress)

    def _file_units(self, files: list[str]) -> Iterator[Unit]:
        small: list[str] = []
        size = 0
        for path in files:
            pages = _pdf_pages(path, self.inner)
            if pages > SPLIT_PAGES:
                if small:
                    yield self._submit_files(small)
                    small, size = [], 0
                yield self._submit_pdf(path, pages)
                continue
            n = _size(path)
            if small and (len(small) >= BATCH_FILES or size + n > BATCH_BYTES):
                yield self._submit_files(small)
                small, size = [], 0
            small.append(path)
            size += n
        if small:
            yield self._submit_files(small)

    def _submit_files(self, paths: list[str]) -> Unit:
        future = self.client.submit(analyse_files, paths, self.settings_future, pure=False, retries=0)
        return paths, future

    def _submit_pdf(self, path: str, pages: int) -> Unit:
        parts = [
            self.client.submit(
                read_pages, path, self.settings_future, k, min(k + SPLIT_PAGES, pages), pure=False, retries=0
            )
            for k in range(0, pages, SPLIT_PAGES)
        ]
        joined = self.client.submit(analyse_parts, path, self.settings_future, *parts, pure=False, retries=0)
        del parts  # the join holds them; they are released with it
        return [path], joined

    def _in_order(
        self, units: Iterator[Unit], total: int, unit: str, stage: str, progress: bool
    ) -> Iterator[Result]:
        from tqdm import tqdm

        # ``window`` tasks are kept running whatever the order they finish in: counting the finished
        # but not yet handed out (behind a slower task at the head) left a worker idle a third of
        # the time with 2 workers; at most ``HELD`` tasks are held, finished or not, for memory
        window = IN_FLIGHT * self.threads
        held = max(HELD, 4 * window)
        done: Any = self.dd.as_completed()
        pending: deque[Unit] = deque()  # in input order
        running = 0
        with tqdm(total=total, unit=unit, disable=not progress, file=sys.stderr) as bar:
            for u in units:
                pending.append(u)
                done.add(u[1])
                running += 1
                while running >= window or len(pending) >= held:
                    while pending and pending[0][1].done():
                        for result in _collect(pending.popleft(), stage):
                            bar.update(1)
                            yield result
                    if running < window and len(pending) < held:
                        break
                    next(done)  # one more task finished
                    running -= 1
            while pending:
                for result in _collect(pending.popleft(), stage):
                    bar.update(1)
                    yield result


def _collect(unit: Unit, stage: str) -> list[Result]:
    names, future = unit
    try:
        got = future.result()
    except Exception as exc:  # the worker died under this task
        got = [_error(n, stage, "crash", f"the Dask worker failed: {exc}") for n in names]
    future.release()
    return got if isinstance(got, list) else [got]


def _batches(items: Iterable[Any], size: Callable[[Any], int]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    total = 0
    for item in items:
        n = size(item)
        if batch and (len(batch) >= BATCH_FILES or total + n > BATCH_BYTES):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += n
    if batch:
        yield batch


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _pdf_pages(path: str, settings: Settings) -> int:
    """The page count of a PDF (0 for anything else, or a PDF the worker is to report on)."""
    from .extract import pdf_page_count, read_bytes, sniff

    try:
        with open(path, "rb") as fh:
            if b"%PDF-" not in fh.read(1024):
                return 0
        data = read_bytes(path, settings)
        if sniff(path, data) != "pdf":
            return 0
        return pdf_page_count(path, data, settings)
    except (ExtractError, OSError):
        return 0


def process_many_dask(
    files: list[str], settings: Settings, scheduler: str | None = None, progress: bool = False
) -> Iterator[Result]:
    """Document JSON (with text) or an error object for each file, in order, computed on Dask."""
    if not files:
        return
    with Cluster(settings, scheduler) as cluster:
        yield from cluster.files(files, progress)


def reanalyse_dask(
    payloads: Iterable[tuple[str, str]],
    total: int,
    settings: Settings,
    scheduler: str | None = None,
    progress: bool = False,
) -> Iterator[Result]:
    """``reanalyse_stored`` over stored papers on Dask, in order."""
    if not total:
        return
    with Cluster(settings, scheduler) as cluster:
        yield from cluster.reanalyse(payloads, total, progress)

"""Batches: many files (or stored papers) through extract and analyse, one worker per core.

Every file is processed in a worker process the batch supervises:

* anything that goes wrong with one file — a file that cannot be read, a bug
  in analysis, a worker that runs out of memory, crashes or takes too long —
  becomes that file's error (with the stage, the error class and, for bugs,
  the traceback), and the batch goes on with a fresh worker;
* each worker runs under an address-space cap (``worker_memory_mb``), so a
  runaway file fails alone instead of taking the machine down;
* workers die with their parent (``PR_SET_PDEATHSIG``), so a killed run
  leaves nothing behind.

Results come back in input order. The store is written only by the parent,
many papers per transaction (``written_in_batches``).
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import multiprocessing as mp
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, TypeVar

from .config import Settings, display_path
from .errors import ExtractError
from .resources import analyser_version
from .schema import Document, SchemaError
from .store import Store

Result = dict[str, Any]
T = TypeVar("T")


# ---------------------------------------------------------------- work done in a worker


def _error(path: str, stage: str, code: str, message: str, exc: BaseException | None = None) -> Result:
    if exc is not None and code == "bug" and _at_memory_cap():
        # a C extension that cannot allocate raises all sorts of errors: the cap is the cause
        code, message = "out_of_memory", f"the file needs more memory than a worker may use ({message})"
    err: Result = {"path": display_path(path), "error": {"code": code, "message": message, "stage": stage}}
    if exc is not None and not isinstance(exc, ExtractError):
        err["error"]["class"] = type(exc).__name__
        err["traceback"] = "".join(traceback.format_exception(exc))
    return err


_CAP: list[int] = []  # this worker's address-space cap in bytes, once set


def _at_memory_cap() -> bool:
    """Did this worker come within a tenth of its memory cap?"""
    if not _CAP:
        return False
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return False
    peak = next((int(ln.split()[1]) * 1024 for ln in status.splitlines() if ln.startswith("VmPeak:")), 0)
    return peak >= 0.9 * _CAP[0]


def analyse_file(path: str, settings: Settings) -> Result:
    """Extract and analyse one file: the document JSON (with text), or an error naming the stage."""
    from . import extract

    return analyse_read(path, lambda: extract(path, settings), settings)


def analyse_read(path: str, read: Callable[[], Document], settings: Settings) -> Result:
    """Analyse the document ``read`` gives: its JSON (with text), or an error naming the stage that failed
    (a whole file read here, or the joined page ranges of a long PDF on a Dask worker)."""
    from . import analyse

    stage = "extract"
    try:
        doc = read()
        stage = "analyse"
        return analyse(doc, settings).to_json(with_text=True)
    except ExtractError as exc:
        return _error(path, stage, exc.code, exc.message, exc)
    except MemoryError as exc:
        return _error(path, stage, "out_of_memory", "the file needs more memory than a worker may use", exc)
    except RecursionError as exc:
        return _error(path, stage, "too_complex", "the file is nested too deeply to read", exc)
    except Exception as exc:  # a bug: recorded with its traceback, the batch goes on
        return _error(path, stage, "bug", f"{type(exc).__name__}: {exc}", exc)


def reanalyse_stored(payload: tuple[str, str], settings: Settings) -> Result:
    """Analyse a stored extraction again (its JSON with text): the new document JSON, or an error."""
    from . import analyse

    path, raw = payload
    try:
        import json

        doc = Document.from_json(json.loads(raw))
        return analyse(doc, settings).to_json(with_text=True)
    except SchemaError as exc:
        return _error(path, "reanalyse", "corrupt", f"the stored text does not fit the schema: {exc}")
    except MemoryError as exc:
        return _error(
            path, "reanalyse", "out_of_memory", "the paper needs more memory than a worker may use", exc
        )
    except Exception as exc:
        return _error(path, "reanalyse", "bug", f"{type(exc).__name__}: {exc}", exc)


# ---------------------------------------------------------------- the supervised pool


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except OSError:  # pragma: no cover - no libc to ask
            pass
    if os.getppid() != parent:  # the parent died between the fork and the ask: no signal will come
        os._exit(1)


def _worker(conn: Connection, fn: Callable[[Any, Settings], Result], settings: Settings, parent: int) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    if settings.worker_memory_mb:
        import resource

        cap = settings.worker_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        _CAP.append(cap)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        index, payload, name = job
        try:
            result = fn(payload, settings)
            conn.send((index, result))
        except MemoryError:
            result = None
            conn.send(
                (index, _error(name, "worker", "out_of_memory", "the result is too large to hand back"))
            )


@dataclass
class _Slot:
    process: Any
    conn: Connection
    job: tuple[int, Any, str] | None = None  # (index, payload, name)
    since: float = 0.0


def supervise(
    jobs: Iterable[tuple[Any, str]],
    total: int,
    fn: Callable[[Any, Settings], Result],
    settings: Settings,
    workers: int,
    timeout: float | None = None,
) -> Iterator[Result]:
    """``fn(payload, settings)`` for each of ``total`` ``(payload, name)`` jobs, in ``workers``
    worker processes; results in input order. Jobs are taken from ``jobs`` only as workers free up.

    A worker that dies (out of memory, a crash) or overruns ``timeout``
    seconds on a job gives that job an error result and is replaced.
    """
    ctx = mp.get_context("fork")
    source = enumerate(jobs)
    slots: list[_Slot] = []
    done: dict[int, Result] = {}
    next_out = 0

    def start() -> _Slot:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(child, fn, settings, os.getpid()))
        proc.start()
        child.close()
        return _Slot(proc, parent)

    def feed(slot: _Slot) -> None:
        nxt = next(source, None)
        if nxt is not None:
            index, (payload, name) = nxt
            slot.job = (index, payload, name)
            slot.since = time.monotonic()
            slot.conn.send((index, payload, name))
        else:
            slot.job = None

    try:
        for _ in range(min(workers, total)):
            slot = start()
            slots.append(slot)
            feed(slot)
        while next_out < total:
            busy = [s for s in slots if s.job is not None]
            ready = wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout=1.0)
            now = time.monotonic()
            for k, slot in enumerate(slots):
                if slot.job is None:
                    continue
                index, _, name = slot.job
                if slot.conn in ready:
                    try:
                        got, result = slot.conn.recv()
                    except (EOFError, OSError):
                        got, result = index, None
                    if result is not None:
                        done[got] = result
                        feed(slot)
                        continue
                dead = slot.process.sentinel in ready and not slot.process.is_alive()
                late = timeout is not None and now - slot.since > timeout
                if dead or late:
                    if late:
                        slot.process.kill()
                    slot.process.join()
                    done[index] = _crash(name, slot.process.exitcode, late, timeout)
                    slot.conn.close()
                    slots[k] = start()
                    feed(slots[k])
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for slot in slots:
            with contextlib.suppress(OSError, ValueError):
                slot.conn.send(None)
        for slot in slots:
            slot.process.join(timeout=2)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()


def _crash(name: str, exitcode: int | None, late: bool, timeout: float | None) -> Result:
    if late:
        return _error(name, "worker", "timeout", f"the file took longer than {timeout:.0f} s and was stopped")
    if exitcode in (-signal.SIGKILL, -signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS):
        return _error(
            name,
            "worker",
            "out_of_memory" if exitcode in (-signal.SIGKILL, -signal.SIGABRT) else "crashed",
            f"the worker reading it died (signal {-exitcode if exitcode else '?'}), most likely out of"
            " memory",
        )
    return _error(
        name, "worker", "crashed", f"the worker reading it stopped unexpectedly (exit code {exitcode})"
    )


def file_timeout(settings: Settings) -> float:
    """How long a worker may take on one file before it is stopped."""
    return settings.seconds_per_file


# ---------------------------------------------------------------- the verbs


def process_many(files: list[str], settings: Settings, progress: bool = False) -> Iterator[Result]:
    """Document JSON (with text) or an error object for each file, in order."""
    from tqdm import tqdm

    # several files: one per core, each read on one core; a single file may use every core itself
    inner = replace(settings, workers=1) if len(files) > 1 else settings
    jobs = ((f, f) for f in files)
    with tqdm(total=len(files), unit="file", disable=not progress, file=sys.stderr) as bar:
        for result in supervise(
            jobs, len(files), analyse_file, inner, settings.workers, file_timeout(settings)
        ):
            bar.update(1)
            yield result


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
    renditions: int = 0
    replaced: int = 0
    reanalysed: int = 0
    skipped: int = 0
    failed: int = 0
    zaken: int = 0
    errors: list[Result] = field(default_factory=list)


def _store_result(store: Store, result: Result, summary: IngestSummary, path: str) -> None:
    if "error" in result:
        summary.failed += 1
        summary.errors.append(result)
        err = result["error"]
        store.record_failure(
            path,
            err.get("stage", "extract"),
            err["code"],
            err["message"],
            err.get("class"),
            result.get("traceback"),
        )
        return
    try:
        doc = Document.from_json(result)
    except SchemaError as exc:  # an analysis the store cannot take: that file fails, the batch goes on
        failed = _error(path, "store", "bug", f"the analysis does not fit the schema: {exc}", exc)
        _store_result(store, failed, summary, path)
        return
    put = store.put(doc)
    if put.outcome == "added":
        summary.added += 1
    elif put.outcome == "rendition":
        summary.renditions += 1
    elif put.outcome == "replaced":
        summary.replaced += 1
    else:
        summary.skipped += 1


def ingest_paths(
    paths: list[str],
    store: Store,
    settings: Settings,
    progress: bool = False,
    engine: str = "pool",
    scheduler: str | None = None,
) -> IngestSummary:
    """Add files (documents and open-data exports) to the store.

    A file whose bytes are stored with facts of the current analyser is
    skipped unread; one stored with stale facts is analysed again from its
    stored text (no OCR). Every failure is recorded in the store and
    reported; the rest go in, up to ``STORE_BATCH`` papers per transaction, so
    an interrupted run resumes where it stopped and a rerun retries only what failed.
    ``engine`` ``dask`` maps the files over a Dask cluster (``dask_engine``) instead of the pool.
    """
    from .opendata import is_opendata, read_zaken

    summary = IngestSummary()
    version = analyser_version()
    todo: list[str] = []
    stale: list[int] = []
    for f in paths:
        if is_opendata(f):
            try:
                sha = file_sha256(f)
                if store.has_opendata(sha):
                    summary.skipped += 1
                    continue
                summary.zaken += store.add_opendata(f, sha, read_zaken(f))
            except (ExtractError, OSError) as exc:
                err = exc if isinstance(exc, ExtractError) else ExtractError("not_found", str(exc), f)
                summary.failed += 1
                summary.errors.append(_error(f, "opendata", err.code, err.message))
                store.record_failure(f, "opendata", err.code, err.message)
            continue
        try:
            state = store.source_state(file_sha256(f))
        except OSError:
            todo.append(f)  # the worker reports why it cannot be read
            continue
        if state is None:
            todo.append(f)
        elif state[1] == version:
            summary.skipped += 1
        elif state[0] not in stale:
            stale.append(state[0])
    if engine == "dask":
        from .dask_engine import process_many_dask

        results = process_many_dask(todo, settings, scheduler, progress)
    else:
        results = process_many(todo, settings, progress)
    try:
        written_in_batches(
            store, zip(todo, results, strict=True), lambda r: _store_result(store, r[1], summary, r[0])
        )
    finally:  # whatever stops the loop, the workers are stopped with it
        close = getattr(results, "close", None)
        if close is not None:
            close()
    if stale:
        summary.reanalysed += reanalyse(store, settings, stale, progress, engine, scheduler).reanalysed
    return summary


@dataclass
class ReanalyseSummary:
    reanalysed: int = 0
    facts_added: int = 0
    facts_removed: int = 0
    failed: int = 0
    errors: list[Result] = field(default_factory=list)


def reanalyse(
    store: Store,
    settings: Settings,
    documents: list[int] | None = None,
    progress: bool = False,
    engine: str = "pool",
    scheduler: str | None = None,
) -> ReanalyseSummary:
    """Analyse stored papers again from their stored text (no file is read, nothing is OCR'd again).

    ``documents`` defaults to every paper whose facts are stale. Papers are
    written ``STORE_BATCH`` to a transaction, and only facts that changed are
    rewritten, so an interrupted run resumes with what is still stale. ``engine`` ``dask``
    sends the stored texts to a Dask cluster (``dask_engine``) instead of the pool.
    """
    from tqdm import tqdm

    summary = ReanalyseSummary()
    ids = store.stale(analyser_version()) if documents is None else documents
    if not ids:
        return summary

    def payloads() -> Iterator[tuple[tuple[str, str], str]]:
        import json

        for document in ids:
            doc = store.extraction(document)
            yield (doc.source.path, json.dumps(doc.to_json(with_text=True))), doc.source.path

    results: Iterator[Result]
    if engine == "dask":
        from .dask_engine import reanalyse_dask

        results = reanalyse_dask((p for p, _ in payloads()), len(ids), settings, scheduler)
    else:
        inner = replace(settings, workers=1)
        results = supervise(
            payloads(), len(ids), reanalyse_stored, inner, settings.workers, file_timeout(settings)
        )
    with tqdm(total=len(ids), unit="paper", disable=not progress, file=sys.stderr) as bar:
        try:
            _store_analyses(store, ids, results, summary, bar)
        finally:  # whatever stops the loop, the workers are stopped with it
            close = getattr(results, "close", None)
            if close is not None:
                close()
    return summary


def _store_analyses(
    store: Store, ids: list[int], results: Iterator[Result], summary: ReanalyseSummary, bar: Any
) -> None:
    def write(item: tuple[int, Result]) -> None:
        document, result = item
        bar.update(1)
        if "error" in result:
            summary.failed += 1
            summary.errors.append(result)
            err = result["error"]
            store.record_failure(
                result["path"],
                "reanalyse",
                err["code"],
                err["message"],
                err.get("class"),
                result.get("traceback"),
            )
            return
        added, removed = store.replace_analysis(document, Document.from_json(result))
        summary.reanalysed += 1
        summary.facts_added += added
        summary.facts_removed += removed

    written_in_batches(store, zip(ids, results, strict=True), write)


STORE_BATCH = 50  # results written in one transaction, at most ...
STORE_SECONDS = 1.0  # ... and no more than came in this many seconds


def written_in_batches(store: Store, items: Iterable[T], write: Callable[[T], None]) -> None:
    """``write`` each item, many to a transaction (``STORE_BATCH``, or what came in ``STORE_SECONDS``):
    a commit per paper cost the one writing process more than reading its result did. Items are
    gathered outside any transaction, so the store is never locked while a worker is awaited; a
    stopped run loses at most the batch it was gathering, which the next run does again."""
    batch: list[T] = []
    since = 0.0

    def flush() -> None:
        with store.transaction():
            for item in batch:
                write(item)
        batch.clear()

    for item in items:
        if not batch:
            since = time.monotonic()
        batch.append(item)
        if len(batch) >= STORE_BATCH or time.monotonic() - since >= STORE_SECONDS:
            flush()
    if batch:
        flush()

"""``kamer``: a thin command line over the pipeline library.

Commands only parse arguments, call ``pipeline`` and format the output.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from .batch import process_many
from .config import DEFAULT_DB, Settings
from .errors import ExtractError
from .extract import SUFFIXES


def _emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def expand(paths: tuple[str, ...]) -> Iterator[str]:
    """Files as given; folders walked recursively for supported files, in name order."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES | {".gz", ".jsonl"}:
                    yield str(f)
        else:
            yield p


progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: when stderr is a terminal).",
)
db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=lambda: os.environ.get("KAMER_DB", str(DEFAULT_DB)),
    show_default="outputs/kamerwacht.sqlite or $KAMER_DB",
    help="The SQLite store.",
)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Readable table, or one JSON document.",
)


def _want_progress(flag: bool | None) -> bool:
    return sys.stderr.isatty() if flag is None else flag


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kamerwacht")
def main() -> None:
    """Kamerwacht: what the government promised the Tweede Kamer, and what came of it.

    \b
    Typical use:
      kamer extract brief.pdf motie.xml          one JSON document per file
      kamer ingest corpus/                        into the store (outputs/kamerwacht.sqlite)
      kamer stats                                 what the store holds
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl"]),
    default="jsonl",
    show_default=True,
    help="Output format: one JSON object per document per line.",
)
@click.option("--with-text", is_flag=True, help="Include the normalized text and its segments.")
@click.option("--workers", type=int, default=None, help="Parallel workers (default: one per core).")
@progress_option
def extract(
    paths: tuple[str, ...], fmt: str, with_text: bool, workers: int | None, progress: bool | None
) -> None:
    """Read PDFs, scans (PNG/TIFF/JPEG), officielebekendmakingen XML and text; print JSON.

    Stateless: touches no store. Folders are walked recursively. A file that
    cannot be read gives {"path": ..., "error": {"code": ..., "message": ...}}
    on its line, the other files still come out, and the exit code is 1.

    \b
    Examples:
      kamer extract corpus/seed/kamerbrief-imvo-convenanten-2016.pdf
      kamer extract --with-text motie.xml | jq .text
    """
    settings = Settings.from_env()
    if workers:
        settings = replace(settings, workers=workers)
    files = list(expand(paths))
    failed = False
    for result in process_many(files, settings, with_text, _want_progress(progress)):
        failed = failed or "error" in result
        _emit(result)
    sys.exit(1 if failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=int, default=None, help="Parallel workers (default: one per core).")
@progress_option
def ingest(paths: tuple[str, ...], db: str, workers: int | None, progress: bool | None) -> None:
    """Add documents (files or folders, recursively) to the store.

    Idempotent by content hash: a file already in the store is skipped
    without being read again. Each document is written in one transaction,
    so an interrupted run leaves no half document and simply resumes when
    run again. Files that cannot be read are reported and recorded.
    """
    from .extract import read_bytes
    from .store import Store

    settings = Settings.from_env()
    if workers:
        settings = replace(settings, workers=workers)
    every = list(expand(paths))
    files = [f for f in every if not f.endswith((".gz", ".jsonl"))]
    if len(files) < len(every):
        click.echo(
            f"note: {len(every) - len(files)} open-data file(s) not imported yet "
            "(open-data import is issue 5): " + ", ".join(f for f in every if f not in files),
            err=True,
        )
    added = skipped = failed = 0
    with Store(db) as store:
        todo = []
        import hashlib

        for f in files:
            try:
                sha = hashlib.sha256(read_bytes(f, settings)).hexdigest()
            except ExtractError:
                todo.append(f)
                continue
            if store.has(sha):
                skipped += 1
            else:
                todo.append(f)
        for result in process_many(todo, settings, True, _want_progress(progress)):
            if "error" in result:
                failed += 1
                err = result["error"]
                store.record_failure(result["path"], err["code"], err["message"])
                click.echo(f"error: {result['path']}: {err['message']} ({err['code']})", err=True)
                continue
            if store.add(result):
                added += 1
            else:
                skipped += 1
        summary = store.stats()
    click.echo(
        f"ingested {added} new, {skipped} already present, {failed} failed  →  {db}\n"
        + "  ".join(f"{k}: {v}" for k, v in summary.items())
    )
    sys.exit(1 if failed else 0)


@main.command()
@db_option
@format_option
def stats(db: str, fmt: str) -> None:
    """Counts in the store: documents, pages, references, motions, commitments, edges."""
    from .store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no store at {db}: run 'kamer ingest PATH' first")
    with Store(db) as store:
        counts = store.stats()
    if fmt == "json":
        _emit(counts)
    else:
        width = max(map(len, counts))
        for k, v in counts.items():
            click.echo(f"{k:<{width}}  {v:>8,}")


@main.command()
@click.option(
    "--gold",
    "gold_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Gold JSON Lines (contract format); paths are relative to this file.",
)
@click.argument("paths", nargs=-1)
@click.option("--limit", type=int, default=None, help="Score only the first N gold lines.")
@click.option(
    "--show", type=int, default=10, show_default=True, help="Misses and false hits to list per field."
)
@click.option(
    "--min",
    "minimums",
    multiple=True,
    metavar="FIELD.METRIC=VALUE",
    help="Fail (exit 1) below this score, e.g. --min references.f1=0.95. Repeatable.",
)
@click.option("--workers", type=int, default=None, help="Parallel workers (default: one per core).")
@format_option
@progress_option
def evaluate(
    gold_path: str,
    paths: tuple[str, ...],
    limit: int | None,
    show: int,
    minimums: tuple[str, ...],
    workers: int | None,
    fmt: str,
    progress: bool | None,
) -> None:
    """Score extraction against gold: precision, recall and F1 per field.

    Runs the pipeline on every file a gold line names (or on the PATHs
    given, if any), or on the gold line's "text" for string-only gold, and
    compares by the contract's rules. Lists the misses and false hits with
    their text, so a regression shows what broke.

    \b
    Examples:
      kamer evaluate --gold ../shared/gold/seed.jsonl
      kamer evaluate --gold ../shared/gold/citations-dev.jsonl --min references.f1=1.0
      kamer evaluate --gold ../shared/gold/motions-dev.jsonl --limit 500 --format json
    """
    from . import analyse
    from .evaluate import evaluate as score
    from .evaluate import gold_lines
    from .extract import from_text

    settings = Settings.from_env()
    if workers:
        settings = replace(settings, workers=workers)
    golds = gold_lines(gold_path, paths or None)[:limit]
    if not golds:
        raise click.ClickException(
            f"no gold lines to score in {gold_path}" + (" for those paths" if paths else "")
        )
    files = [g["abspath"] for g in golds if "abspath" in g]
    by_path = dict(zip(files, process_many(files, settings, False, _want_progress(progress)), strict=True))
    preds = [
        by_path[g["abspath"]] if "abspath" in g else analyse(from_text(g["text"])).to_json() for g in golds
    ]
    report = score(golds, preds)
    failed = []
    for spec in minimums:
        name, _, value = spec.partition("=")
        field, _, metric = name.rpartition(".")
        got = getattr(report[field], metric, None) if field in report.fields else None
        if got is None or got < float(value):
            failed.append(f"{name} = {got if got is None else round(got, 4)} < {value}")
    if fmt == "json":
        _emit({**report.to_json(), "failed": failed})
    else:
        click.echo(f"{report.documents} documents, {len(report.errors)} errors")
        click.echo(f"{'field':<24} {'P':>7} {'R':>7} {'F1':>7} {'tp':>6} {'fp':>6} {'fn':>6}")
        for name, sc in sorted(report.fields.items()):
            click.echo(
                f"{name:<24} {sc.precision:7.4f} {sc.recall:7.4f} {sc.f1:7.4f} {sc.tp:6} {sc.fp:6} {sc.fn:6}"
            )
        for name, sc in sorted(report.fields.items()):
            for m in sc.misses[:show]:
                click.echo(f"  miss   {name}: {m}")
            for m in sc.false_hits[:show]:
                click.echo(f"  extra  {name}: {m}")
        for e in report.errors[:show]:
            click.echo(f"  error  {e}")
        for f in failed:
            click.echo(f"BELOW MINIMUM: {f}", err=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":  # pragma: no cover
    main()

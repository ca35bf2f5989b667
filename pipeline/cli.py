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
from .extract import SUFFIXES


def _emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def expand(paths: tuple[str, ...], opendata: bool = False) -> Iterator[str]:
    """Files as given; folders walked recursively for supported files, in name order.

    With ``opendata``, folders also yield open-data exports (.jsonl, .jsonl.gz).
    """
    from .opendata import is_opendata

    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if not f.is_file():
                    continue
                if f.suffix.lower() in SUFFIXES or (opendata and is_opendata(str(f))):
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
    if not files:
        raise click.UsageError(f"no readable files in {', '.join(paths)} (PDF, PNG, TIFF, JPEG, XML, TXT)")
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
    """Add documents (files or folders, recursively) and open-data exports to the store.

    Documents: PDF, scans, officielebekendmakingen XML, text. Open data: Tweede
    Kamer OData exports as JSON Lines (.jsonl, .jsonl.gz) of Zaak records with
    Document and Besluit; they attach votes, kabinetsappreciatie and Zaak
    numbers to the motions they name.

    Idempotent by content hash: a file already in the store is skipped
    without being read again. Each document is written in one transaction,
    so an interrupted run leaves no half document and resumes when run
    again. Files that cannot be read are reported and recorded; the rest go in.

    \b
    Examples:
      kamer ingest corpus/
      kamer ingest ../shared/corpus/motions-dev/ --db outputs/dev.sqlite
    """
    from .batch import ingest_paths
    from .store import Store

    settings = Settings.from_env()
    if workers:
        settings = replace(settings, workers=workers)
    with Store(db) as store:
        summary = ingest_paths(list(expand(paths, opendata=True)), store, settings, _want_progress(progress))
        counts = store.stats()
    for err in summary.errors:
        click.echo(f"error: {err['path']}: {err['error']['message']} ({err['error']['code']})", err=True)
    click.echo(
        f"ingested {summary.added} new, {summary.skipped} already present, {summary.failed} failed, "
        f"{summary.zaken} open-data records  →  {db}\n" + "  ".join(f"{k}: {v}" for k, v in counts.items())
    )
    sys.exit(1 if summary.failed else 0)


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


def _graph(db: str):  # type: ignore[no-untyped-def]
    from .graph import load_graph
    from .store import Store

    if not Path(db).exists():
        raise click.ClickException(f"no store at {db}: run 'kamer ingest PATH' first")
    with Store(db) as store:
        return load_graph(store)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    if not rows:
        click.echo("(none)")
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [min(60, max(len(c), *(len(row[i]) for row in cells))) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in cells:
        click.echo("  ".join(v[:w].ljust(w) for v, w in zip(row, widths, strict=True)))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(
            _cell(v) if not isinstance(v, dict) else f"{v.get('relation')}:{v.get('source')}" for v in value
        )
    if isinstance(value, dict):
        return str(value.get("by") or value.get("text") or "")
    return " ".join(str(value).split())


@main.group()
def query() -> None:
    """Ask the store: open motions and toezeggingen, citations, chains.

    \b
    Examples:
      kamer query open-motions
      kamer query open-commitments --overdue --actor "Economische Zaken"
      kamer query cited-by kst-32852-24
      kamer query chain kst-32852-24 --format json
    """


@query.command("open-motions")
@db_option
@format_option
@click.option(
    "--mentioned", is_flag=True, help="Also motions not in the store that a stored text calls adopted."
)
def open_motions_cmd(db: str, fmt: str, mentioned: bool) -> None:
    """Adopted motions (aangenomen) that no document fulfils yet."""
    from .query import open_motions

    rows = open_motions(_graph(db), mentioned)
    if fmt == "json":
        _emit(rows)
    else:
        _table(rows, ["id", "date", "submitters", "title", "follow_ups"])


@query.command("open-commitments")
@db_option
@format_option
@click.option("--due-before", help="Only those due before this date (YYYY-MM-DD).")
@click.option("--actor", help="Only those whose actor contains this text.")
@click.option("--sector", help="Only those in documents about this sector id (see contract sectors.json).")
@click.option("--overdue", is_flag=True, help="Only those whose deadline has passed.")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    default=["toezegging"],
    show_default=True,
    type=click.Choice(["toezegging", "doel", "verwachting"]),
    help="Commitment kinds (repeatable).",
)
@click.option("--today", help="Date that decides what is overdue (default: today).")
def open_commitments_cmd(
    db: str,
    fmt: str,
    due_before: str | None,
    actor: str | None,
    sector: str | None,
    overdue: bool,
    kinds: tuple[str, ...],
    today: str | None,
) -> None:
    """Commitments (toezeggingen) not yet fulfilled, soonest deadline first."""
    import datetime as dt

    from .query import open_commitments

    day = dt.date.fromisoformat(today) if today else None
    rows = open_commitments(_graph(db), due_before, actor, sector, overdue, day, kinds)
    if fmt == "json":
        _emit(rows)
    else:
        _table(rows, ["deadline", "overdue", "actor", "text", "doc_id"])


def _relation_command(name: str, doc: str) -> None:
    @query.command(name, help=doc)
    @click.argument("node_id")
    @db_option
    @format_option
    def command(node_id: str, db: str, fmt: str) -> None:
        from . import query as q

        rows = getattr(q, name.replace("-", "_"))(_graph(db), node_id)
        if fmt == "json":
            _emit(rows)
        else:
            _table(rows, ["id", "relation", "title", "in_store"])


_relation_command("cites", "What ID cites or acts on (fulfils, postpones, answers, replaces).")
_relation_command("cited-by", "The documents that cite or act on ID.")


@query.command("chain")
@click.argument("node_id")
@db_option
@format_option
@click.option("--depth", type=int, default=3, show_default=True, help="Steps away from ID.")
def chain_cmd(node_id: str, db: str, fmt: str, depth: int) -> None:
    """The citation and follow-up chain around one document or motion id."""
    from .query import chain

    result = chain(_graph(db), node_id, depth)
    if fmt == "json":
        _emit(result)
    else:
        _table(result["nodes"], ["id", "distance", "type", "kind", "date", "status", "title"])
        click.echo("")
        _table(result["edges"], ["source", "relation", "target"])


@main.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["graphml", "node-link", "csv"]),
    default="graphml",
    show_default=True,
    help="GraphML (Gephi), node-link JSON (networkx), or nodes.csv + edges.csv.",
)
@click.option("--out", type=click.Path(file_okay=False), default="outputs", show_default=True)
def export(db: str, fmt: str, out: str) -> None:
    """Export the graph of the store for Gephi, networkx or a spreadsheet."""
    from .export import export_graph

    for path in export_graph(_graph(db), fmt, Path(out)):
        click.echo(f"wrote {path}")


@main.command()
@db_option
@click.option("--out", type=click.Path(dir_okay=False), default="outputs/report.md", show_default=True)
@click.option("--today", help="Date that decides what is overdue (default: today).")
def report(db: str, out: str, today: str | None) -> None:
    """Write the Markdown report: open motions, open and overdue toezeggingen, most cited."""
    import datetime as dt

    from .export import report as make_report

    text = make_report(_graph(db), dt.date.fromisoformat(today) if today else None)
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(text, encoding="utf-8")
    click.echo(f"wrote {out}")
    click.echo("\n".join(text.splitlines()[:5]))


if __name__ == "__main__":  # pragma: no cover
    main()

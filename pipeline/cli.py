"""``kamer``: a thin command line over the pipeline library.

Commands only parse arguments, call ``pipeline`` and format the output. Bad
options and settings are one-line errors; problems with the store are one
line naming the store; nothing ends in a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .config import SettingError, Settings, default_db, parse_date

F = TypeVar("F", bound=Callable[..., Any])
# what 'kamer extract' prints only with --with-text
TEXT_FIELDS = ("text", "segments", "running", "markup", "marks")


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8", "backslashreplace").decode("utf-8")


def _emit(obj: Any) -> None:
    """One JSON line on stdout; always valid UTF-8 (odd bytes of file names are escaped)."""
    sys.stdout.write(_json(obj) + "\n")
    sys.stdout.flush()


def _emit_array(items: Iterable[Any]) -> None:
    """One JSON array on one line, written item by item: memory stays that of one item."""
    sys.stdout.write("[")
    for i, item in enumerate(items):
        sys.stdout.write(("," if i else "") + _json(item))
    sys.stdout.write("]\n")
    sys.stdout.flush()


def expand(paths: tuple[str, ...], opendata: bool = False, follow_links: bool = False) -> Iterator[str]:
    """Files as given; folders walked recursively for supported files, in name order.

    A walk stays inside its folder: links that lead out of it are not followed
    unless ``follow_links``. With ``opendata``, folders also yield open-data
    exports (.jsonl, .jsonl.gz).
    """
    from .extract import SUFFIXES
    from .opendata import is_opendata

    for p in paths:
        path = Path(p)
        if not path.is_dir():
            yield p
            continue
        top = path.resolve()
        for root, dirs, files in os.walk(path, followlinks=follow_links):
            dirs.sort()
            for name in sorted(files):
                f = Path(root) / name
                if f.is_symlink() and not follow_links:
                    real = f.resolve()
                    if not real.is_relative_to(top):
                        click.echo(f"skipped: {_shown(f)} links outside {p} (use --follow-links)", err=True)
                        continue
                if not f.is_file():
                    continue
                if f.suffix.lower() in SUFFIXES or (opendata and is_opendata(str(f))):
                    yield str(f)


def _shown(path: Path | str) -> str:
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def friendly(fn: F) -> F:
    """Store and setting problems as one line each, never a traceback."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .store import StoreError

        try:
            return fn(*args, **kwargs)
        except SettingError as exc:
            raise click.UsageError(str(exc)) from None
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def settings_with(workers: int | None) -> Settings:
    try:
        settings = Settings.from_env()
        return replace(settings, workers=workers) if workers else settings
    except SettingError as exc:
        raise click.UsageError(str(exc)) from None


progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: when stderr is a terminal).",
)
db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=default_db,
    show_default="kamerwacht.sqlite in the current folder, or $KAMER_DB",
    help="The store: an SQLite file, or a PostgreSQL database as postgresql://USER@HOST/DB.",
)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Readable table, or one JSON document.",
)
workers_option = click.option(
    "--workers", type=click.IntRange(min=1), default=None, help="Parallel workers (default: one per core)."
)
links_option = click.option(
    "--follow-links", is_flag=True, help="Follow symbolic links that lead out of a folder being walked."
)


def _want_progress(flag: bool | None) -> bool:
    return sys.stderr.isatty() if flag is None else flag


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="kamerwacht")
def main() -> None:
    """Kamerwacht: what the government promised the Tweede Kamer, and what came of it.

    \b
    The typical flow:
      kamer extract brief.pdf motie.xml           one JSON document per file (no store)
      kamer ingest corpus/                        read files into the store (kamerwacht.sqlite)
      kamer stats                                 what the store holds, and what is stale
      kamer query open-motions                    adopted motions nobody has carried out
      kamer query open-commitments --overdue      toezeggingen past their deadline
      kamer query chain kst-32852-24              what cites or acts on a paper, and around it
      kamer show "36600 VIII nr. 38"              one paper, motion or promise with its facts and links
      kamer serve                                 the same in a browser (read-only, 127.0.0.1)
      kamer report                                all of that as a Markdown report
      kamer reanalyse                             after the rules or models changed
      kamer sync                                  fetch what is new from the Tweede Kamer open data
      kamer query register                        the toezeggingen register against the papers
      kamer alerts --atom alerts.atom --mail      what fell due or moved since the last run
      kamer failures                              files that could not be read, and why

    The store is kamerwacht.sqlite in the current folder, or $KAMER_DB, or --db.
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
@click.option("--with-text", is_flag=True, help="Include the normalized text, its segments and markup.")
@workers_option
@links_option
@progress_option
def extract(
    paths: tuple[str, ...],
    fmt: str,
    with_text: bool,
    workers: int | None,
    follow_links: bool,
    progress: bool | None,
) -> None:
    """Read PDFs, scans (PNG/TIFF/JPEG), officielebekendmakingen XML, VLOS XML, Word and text; print JSON.

    Stateless: touches no store. Folders are walked recursively. A file that
    cannot be read gives {"path": ..., "error": {"code": ..., "message": ...}}
    on its line, the other files still come out, and the exit code is 1.

    \b
    Examples:
      kamer extract corpus/seed/kamerbrief-imvo-convenanten-2016.pdf
      kamer extract --with-text motie.xml | jq .text
    """
    from .batch import process_many

    settings = settings_with(workers)
    files = list(expand(paths, follow_links=follow_links))
    if not files:
        raise click.UsageError(
            f"no readable files in {', '.join(paths)} (PDF, PNG, TIFF, JPEG, XML, DOCX, TXT)"
        )
    failed = False
    for result in process_many(files, settings, _want_progress(progress)):
        failed = failed or "error" in result
        result.pop("traceback", None)
        if not with_text:
            for key in TEXT_FIELDS:
                result.pop(key, None)
        _emit(result)
    sys.exit(1 if failed else 0)


def engine_options(fn: F) -> F:
    """``--engine pool|dask`` and ``--scheduler ADDRESS``: where the papers are analysed."""
    fn = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="With --engine dask: a running scheduler (tcp://host:8786); default a LocalCluster here.",
    )(fn)
    return click.option(
        "--engine",
        type=click.Choice(["pool", "dask"]),
        default="pool",
        show_default=True,
        help="Where papers are analysed: a process pool here, or a Dask cluster (see docs/scale.md).",
    )(fn)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@workers_option
@links_option
@progress_option
@engine_options
@friendly
def ingest(
    paths: tuple[str, ...],
    db: str,
    workers: int | None,
    follow_links: bool,
    progress: bool | None,
    engine: str,
    scheduler: str | None,
) -> None:
    """Add documents (files or folders, recursively) and open-data exports to the store.

    Documents: PDF, scans, officielebekendmakingen XML, VLOS XML, Word, text.
    Open data: Tweede Kamer OData exports as JSON Lines (.jsonl, .jsonl.gz) of
    Zaak records with Document and Besluit; they attach votes,
    kabinetsappreciatie and Zaak numbers to the motions they name.

    Idempotent by content: a file already stored is skipped without being
    read; one stored with facts of older rules is analysed again from its
    stored text. Renditions of one paper (the same letter as PDF, scan and
    text) become one document; a changed file replaces its earlier version.
    Papers are written up to 50 to a transaction, so an interrupted run resumes
    where it stopped. Files that fail are recorded ('kamer failures') and
    tried again on the next run; the rest go in.

    \b
    Examples:
      kamer ingest corpus/
      kamer ingest ../shared/corpus/motions-dev/ --db dev.sqlite
    """
    from .batch import ingest_paths
    from .resources import analyser_version
    from .store import Store

    settings = settings_with(workers)
    files = list(expand(paths, opendata=True, follow_links=follow_links))
    with Store(db) as store:
        summary = ingest_paths(files, store, settings, _want_progress(progress), engine, scheduler)
        counts = store.stats(analyser_version())
    for err in summary.errors:
        e = err["error"]
        click.echo(
            f"error: {err['path']}: {e['message']} ({e['code']}, {e.get('stage', 'extract')})", err=True
        )
    new = f"ingested {summary.added} new"
    extra = [
        f"{n} {what}"
        for n, what in (
            (summary.renditions, "renditions of known papers"),
            (summary.replaced, "changed files replaced"),
            (summary.reanalysed, "reanalysed"),
        )
        if n
    ]
    click.echo(
        ", ".join([new, *extra, f"{summary.skipped} already present", f"{summary.failed} failed"])
        + f", {summary.zaken} open-data records  →  {db}\n"
        + "  ".join(f"{k}: {v}" for k, v in counts.items())
    )
    sys.exit(1 if summary.failed else 0)


@main.command()
@db_option
@click.option("--all", "everything", is_flag=True, help="Every paper, not only those with stale facts.")
@workers_option
@progress_option
@engine_options
@friendly
def reanalyse(
    db: str,
    everything: bool,
    workers: int | None,
    progress: bool | None,
    engine: str,
    scheduler: str | None,
) -> None:
    """Analyse stored papers again after the rules or models changed.

    Works from the text the store kept (no file is read again, nothing is
    OCR'd again). By default only papers whose facts were made by another
    version of the rules and models ('stale' in 'kamer stats'); --all for
    every paper. Papers are written up to 50 to a transaction and only the facts
    that changed are rewritten; an interrupted run resumes with what is still stale.

    \b
    Examples:
      kamer stats                 # how many papers are stale
      kamer reanalyse
      kamer reanalyse --all --workers 2
      kamer reanalyse --engine dask --scheduler tcp://scheduler:8786 --db postgresql://kamer@dbhost/kamer
    """
    from .batch import reanalyse as run
    from .resources import analyser_version
    from .store import Store

    settings = settings_with(workers)
    with Store(db) as store:
        ids = store.all_documents() if everything else None
        summary = run(store, settings, ids, _want_progress(progress), engine, scheduler)
        counts = store.stats(analyser_version())
    for err in summary.errors:
        click.echo(f"error: {err['path']}: {err['error']['message']} ({err['error']['code']})", err=True)
    click.echo(
        f"reanalysed {summary.reanalysed} papers: {summary.facts_added} facts added, "
        f"{summary.facts_removed} removed, {summary.failed} failed  →  {db}\n"
        + "  ".join(f"{k}: {v}" for k, v in counts.items())
    )
    sys.exit(1 if summary.failed else 0)


@main.command()
@db_option
@format_option
@friendly
def stats(db: str, fmt: str) -> None:
    """Counts in the store: documents, renditions, facts, open data, failures, and stale papers.

    'stale' counts the papers whose facts were made by other rules or models
    than this version's; 'kamer reanalyse' brings them up to date.
    """
    from .resources import analyser_version
    from .store import Store

    with Store(db, readonly=True) as store:
        counts = store.stats(analyser_version())
    if fmt == "json":
        _emit(counts)
    else:
        width = max(map(len, counts))
        for k, v in counts.items():
            click.echo(f"{k:<{width}}  {v:>8,}")
        click.echo(f"{'analyser':<{width}}  {analyser_version()}")


@main.command()
@db_option
@format_option
@click.option("--traceback", "show_tb", is_flag=True, help="Also print the traceback of each bug.")
@friendly
def failures(db: str, fmt: str, show_tb: bool) -> None:
    """Files that could not be read or analysed: the stage, the error and why.

    A file that failed is tried again by the next 'kamer ingest' of it; once
    it goes in, its failure is cleared. Bugs (code 'bug') carry a traceback.
    """
    from dataclasses import asdict

    from .store import Store

    with Store(db, readonly=True) as store:
        rows = store.failures()
    if fmt == "json":
        _emit([asdict(r) for r in rows])
        return
    if not rows:
        click.echo("no failures")
        return
    for r in rows:
        cls = f" {r.error}" if r.error else ""
        click.echo(f"{r.path}\n  {r.stage}: {r.code}{cls}: {r.message}  ({r.attempts}x, last {r.at})")
        if show_tb and r.traceback:
            click.echo("  " + r.traceback.rstrip().replace("\n", "\n  "))


@main.command()
@click.argument("keys", nargs=-1, required=True)
@db_option
@friendly
def remove(keys: tuple[str, ...], db: str) -> None:
    """Remove papers from the store, by id (kst-…, doc:…) or by the path of one of their files.

    All renditions of the paper go, with its facts. An id or path the store
    does not hold is an error (exit 1).
    """
    from .store import Store

    missing = []
    with Store(db) as store:
        for key in keys:
            gone = store.remove(key)
            if gone:
                click.echo(f"removed {', '.join(gone)}")
            else:
                missing.append(key)
    for key in missing:
        click.echo(f"error: the store holds no paper {key}", err=True)
    sys.exit(1 if missing else 0)


@main.command()
@click.option(
    "--gold",
    "gold_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Gold JSON Lines (contract format); paths are relative to this file.",
)
@click.argument("paths", nargs=-1)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N gold lines.")
@click.option(
    "--show",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="Misses and false hits per field.",
)
@click.option(
    "--min",
    "minimums",
    multiple=True,
    metavar="FIELD.METRIC=VALUE",
    help="Fail (exit 1) below this score, e.g. --min references.f1=0.95. Repeatable.",
)
@click.option(
    "--opendata",
    "exports",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="An open-data export whose vote outcomes attach to the motions, as `kamer ingest` attaches them. "
    "Default: an opendata.jsonl(.gz) in a gold paper's folder or the one above, when the gold scores "
    "motions.status. Repeatable.",
)
@click.option("--no-opendata", is_flag=True, help="Score the text alone: no vote outcomes from open data.")
@workers_option
@format_option
@progress_option
@friendly
def evaluate(
    gold_path: str,
    paths: tuple[str, ...],
    limit: int | None,
    show: int,
    minimums: tuple[str, ...],
    exports: tuple[str, ...],
    no_opendata: bool,
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
    from .errors import ExtractError
    from .evaluate import GoldError, run_gold

    if exports and no_opendata:
        raise click.UsageError("--opendata and --no-opendata exclude each other: give one")

    specs = []
    for spec in minimums:
        name, _, value = spec.partition("=")
        try:
            specs.append((name, float(value)))
        except ValueError:
            raise click.UsageError(f"--min {spec!r}: the value must be a number (FIELD.METRIC=0.9)") from None
    try:
        opendata = [] if no_opendata else (list(exports) or None)  # None: look beside the gold's papers
        report = run_gold(
            gold_path, list(paths) or None, settings_with(workers), limit, _want_progress(progress), opendata
        )
    except GoldError as exc:
        raise click.ClickException(str(exc)) from None
    except ExtractError as exc:  # an open-data export that cannot be read
        raise click.ClickException(f"{exc.path}: {exc}") from None
    for note in report.notes:
        click.echo(f"evaluate: {_shown(note)}", err=True)
    failed = report.below(specs)
    if fmt == "json":
        _emit({**report.to_json(), "failed": failed})
    else:
        click.echo(report.table(show))
        for f in failed:
            click.echo(f"BELOW MINIMUM: {f}", err=True)
    sys.exit(1 if failed else 0)


def _index(db: str) -> Any:
    """The store with what names its nodes (``web.lookup.Index``), opened once per command."""
    from .store import Store
    from .web.lookup import index

    ctx = click.get_current_context()
    key = f"kamer.index:{db}"
    if key not in ctx.meta:
        store = ctx.with_resource(Store(db, readonly=True))  # closed when the command ends
        ctx.meta[key] = index(store)
    return ctx.meta[key]


def _store(db: str) -> Any:
    return _index(db).store


def _name(db: str) -> Callable[[str | None], str]:
    """How tables and reports name a node: a letter by its Betreft and date, a motion by its subject."""
    from .web.lookup import name

    ix = _index(db)
    return lambda node: name(ix, node)


def _node(db: str, key: str) -> str:
    """The node an id on the command line stands for, in any spelling; an unknown id is an error."""
    from .web.lookup import resolve

    node = resolve(_index(db), key)
    if node is None:
        click.echo(f"error: the store neither holds nor cites {key!r}", err=True)
        sys.exit(1)
    return str(node)


def _acting(named: Callable[[str | None], str], follow_ups: list[dict[str, Any]]) -> str:
    return "; ".join(f"{f['relation']} by {named(f['source'])}" for f in follow_ups)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    if not rows:
        click.echo("(none)")
        return
    ix = click.get_current_context().meta.get("kamer.names")
    if ix is not None:  # name a page of rows with one read of the store
        ix.load(
            v for r in rows for v in (r.get("id"), r.get("doc_id"), r.get("source")) if isinstance(v, str)
        )
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
      kamer query open-commitments --overdue --actor Klimaat
      kamer query cited-by kst-32852-24
      kamer query chain kst-32852-24 --format json
    """


page_options = [
    click.option("--limit", type=click.IntRange(min=0), help="At most this many (default: all, streamed)."),
    click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first."),
]


def paged(fn: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(page_options):
        fn = option(fn)
    return fn


def _pages(rows: Iterable[dict[str, Any]], size: int = 200) -> Iterator[list[dict[str, Any]]]:
    page: list[dict[str, Any]] = []
    for r in rows:
        page.append(r)
        if len(page) >= size:
            yield page
            page = []
    if page or size == 0:
        yield page


@query.command("open-motions")
@db_option
@format_option
@click.option(
    "--mentioned", is_flag=True, help="Also motions not in the store that a stored text calls adopted."
)
@paged
@friendly
def open_motions_cmd(db: str, fmt: str, mentioned: bool, limit: int | None, offset: int) -> None:
    """Adopted motions (aangenomen) that no document fulfils yet, oldest first."""
    from .query import iter_open_motions

    rows = iter_open_motions(_store(db), mentioned, limit, offset)
    if fmt == "json":
        _emit_array(rows)
    else:
        named = _name(db)
        click.get_current_context().meta["kamer.names"] = _index(db)
        for page in _pages(rows):
            for r in page:
                _index(db).load(f["source"] for f in r["follow_ups"])
            shown = [
                {**r, "motion": named(r["id"]), "follow_ups": _acting(named, r["follow_ups"])} for r in page
            ]
            _table(shown, ["id", "date", "motion", "follow_ups"])


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
@click.option("--today", help="Date that decides what is overdue (YYYY-MM-DD; default: today).")
@paged
@friendly
def open_commitments_cmd(
    db: str,
    fmt: str,
    due_before: str | None,
    actor: str | None,
    sector: str | None,
    overdue: bool,
    kinds: tuple[str, ...],
    today: str | None,
    limit: int | None,
    offset: int,
) -> None:
    """Commitments (toezeggingen) not yet fulfilled, soonest deadline first."""
    from .query import iter_open_commitments

    day = parse_date("--today", today) if today else None
    due = parse_date("--due-before", due_before).isoformat() if due_before else None
    rows = iter_open_commitments(_store(db), due, actor, sector, overdue, day, kinds, limit, offset)
    if fmt == "json":
        _emit_array(rows)
    else:
        named = _name(db)
        click.get_current_context().meta["kamer.names"] = _index(db)
        for page in _pages(rows):
            _index(db).load(r["doc_id"] for r in page)
            _table(
                [{**r, "made_in": named(r["doc_id"])} for r in page],
                ["deadline", "overdue", "actor", "text", "made_in"],
            )


def _relation_command(name: str, doc: str) -> None:
    @query.command(name, help=doc)
    @click.argument("node_id")
    @db_option
    @format_option
    @click.option("--limit", type=click.IntRange(min=0), help="At most this many (default: all).")
    @friendly
    def command(node_id: str, db: str, fmt: str, limit: int | None) -> None:
        from . import query as q

        rows = getattr(q, name.replace("-", "_"))(_store(db), _node(db, node_id), limit)
        if fmt == "json":
            _emit(rows)
        else:
            named = _name(db)
            _index(db).load(r["id"] for r in rows)
            _table([{**r, "name": named(r["id"])} for r in rows], ["id", "relation", "name", "in_store"])


_relation_command(
    "cites",
    "What ID cites or acts on (fulfils, postpones, answers, replaces). ID in any spelling"
    " (kst-32852-24, 32852 nr. 24); one the store neither holds nor cites is an error.",
)
_relation_command(
    "cited-by",
    "The documents that cite or act on ID. ID in any spelling (kst-32852-24, 32852 nr. 24);"
    " one the store neither holds nor cites is an error.",
)


@query.command("chain")
@click.argument("node_id")
@db_option
@format_option
@click.option(
    "--depth", type=click.IntRange(min=1, max=10), default=3, show_default=True, help="Steps away from ID."
)
@click.option(
    "--limit",
    type=click.IntRange(min=1, max=100_000),
    default=None,
    help="Nodes at most, nearest first (default 250; a larger chain says it is cut).",
)
@friendly
def chain_cmd(node_id: str, db: str, fmt: str, depth: int, limit: int | None) -> None:
    """The citation and follow-up chain around one document or motion id.

    Time and memory follow the size of the answer: the walk stops at --limit nodes (250 by default,
    nearest first) and says so; ask for more with --limit.
    """
    from .query import CHAIN_LIMIT, chain

    result = chain(_store(db), _node(db, node_id), depth, limit or CHAIN_LIMIT)
    if fmt == "json":
        _emit(result)
    else:
        named = _name(db)
        _index(db).load(n["id"] for n in result["nodes"])
        if result["truncated"]:
            shown = len(result["nodes"])
            click.echo(f"(only the nearest {shown} nodes: the chain is larger; --limit N for more)", err=True)
        nodes = [{**n, "name": named(n["id"])} for n in result["nodes"]]
        _table(nodes, ["id", "distance", "type", "kind", "date", "status", "name"])
        click.echo("")
        _table(result["edges"], ["source", "relation", "target"])


@main.command()
@click.argument("key", metavar="ID")
@db_option
@format_option
@click.option("--today", help="Date that decides what is overdue (YYYY-MM-DD; default: today).")
@friendly
def show(key: str, db: str, fmt: str, today: str | None) -> None:
    """One document, motion or commitment: its facts, its links, and what followed.

    ID in any common spelling: 36600 VIII nr. 38, kst-36600-viii-38,
    36600-VIII-38, Kamerstuk 28 844, nr. 290; also h-tk-… and doc:… ids,
    commitment:… ids (from --format json), or the path of a stored file.
    An id the store does not know is an error (exit 1).

    \b
    Examples:
      kamer show "36600 VIII nr. 38"
      kamer show corpus/letters/brief-uitvoering-motie-van-nispen-2025.txt
      kamer show kst-28844-290 --format json
    """
    from .store import Store
    from .web.lookup import describe, index, resolve

    day = parse_date("--today", today) if today else None
    with Store(db, readonly=True) as store:
        ix = index(store)
        node = resolve(ix, key)
        if node is None:
            click.echo(f"error: the store holds no document, motion or commitment {key!r}", err=True)
            sys.exit(1)
        item = describe(ix, node, day)
    if fmt == "json":
        _emit(item)
    else:
        click.echo(_shown_item(item))


def _loopback(host: str) -> bool:
    """Whether only this machine can reach ``host``.

    >>> _loopback("127.0.0.1"), _loopback("localhost"), _loopback("::1"), _loopback("0.0.0.0")
    (True, True, True, False)
    """
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _shown_item(item: dict[str, Any]) -> str:
    """A described item as readable text: names first, ids in brackets."""

    def ref(link: dict[str, Any] | None) -> str:
        if not link:
            return "(not named)"
        where = "" if link["in_store"] else ", not in the store"
        return f"{link['name']} [{link['id']}{where}]"

    def sentence(text: str | None) -> str:
        return " ".join((text or "").split())

    lines = [f"{item['name']}", f"  {item['type']} {item['id']}"]
    if item["type"] == "motion":
        lines.append(f"  indieners: {', '.join(item['submitters']) or '?'}   date: {item['date'] or '?'}")
        lines.append(
            f"  status: {item['status'] or 'unknown'}"
            + (f" ({item['status_source']})" if item["status_source"] else "")
            + f"   now: {item['state']}"
        )
        lines.append("  life:")
        for step in item["life"]:
            where = (
                f" ({step['by']['name']})"
                if step.get("by") and step["step"] in ("appraised", "voted")
                else ""
            )
            ev = f"\n      “{sentence(step['evidence'])}”{where}" if step.get("evidence") else ""
            lines.append(f"    {step['date'] or '':<10}  {step['step']}: {step['what']}{ev}")
        if item["mentioned_in"]:
            lines.append("  mentioned in:")
            lines += [
                f"    {ref(m)}" + (f": “{sentence(m['evidence'])}”" if m.get("evidence") else "")
                for m in item["mentioned_in"]
            ]
    elif item["type"] == "commitment":
        dl = item["deadline"] or {}
        lines.append(
            f"  {item['kind']} of {item['actor'] or '?'}, by {dl.get('by') or dl.get('text') or '?'}"
            + ("  OVERDUE" if item["overdue"] else "")
            + f"   now: {item['state']}"
        )
        lines.append(f"  “{sentence(item['text'])}”")
        if item["speaker"] and item["speaker"] != item["actor"]:
            lines.append(f"  speaking: {item['speaker']}")
        lines.append(f"  made in: {ref(item['made_in'])}, page {item['made_in']['page']}")
        for f in item["follow_ups"]:
            lines.append(f"  {f['relation']} by {ref(f['by'])}: “{sentence(f['evidence'])}”")
    elif item["type"] == "dossier":
        lines.append("  timeline:")
        for t in item["timeline"]:
            status = f"  ({t['status']})" if t.get("status") else ""
            lines.append(f"    {t['date'] or 'no date':<10}  {t['kind']}: {ref(t)}{status}")
        lines += ["  cited by:", *(f"    {ref(c)}" for c in item["cited_by"])] if item["cited_by"] else []
    elif item["type"] == "person":
        if item["promises"]:
            lines.append(f"  {item['open']} open toezeggingen, {item['overdue']} overdue:")
        for c in item["promises"]:
            dl = c["deadline"] or {}
            late = ", OVERDUE" if c["overdue"] else ""
            lines.append(
                f"    {c['state']}{late}  {c['kind']}  by {dl.get('by') or dl.get('text') or '?'}: "
                f"“{sentence(c['text'])}” in {c['made_in']['name']}"
            )
        if item["motions"]:
            lines.append("  motions submitted:")
            lines += [
                f"    {m['date'] or '':<10}  {ref(m)}  {m['status'] or ''}".rstrip() for m in item["motions"]
            ]
    else:
        for label, key in (("kind", "kind"), ("date", "date"), ("file", "path")):
            if item.get(key):
                lines.append(f"  {label}: {item[key]}")
        if item.get("authors"):
            lines.append(f"  by: {'; '.join(item['authors'])}")
        sections = (
            (
                "follow-ups",
                "follow_ups",
                lambda f: f"{f['relation']} {ref(f['target'])}: “{sentence(f['text'])}”",
            ),
            (
                "commitments",
                "commitments",
                lambda c: (
                    f"{c['kind']} of {c['actor'] or '?'}"
                    + (f", by {c['deadline']['by'] or c['deadline']['text']}" if c["deadline"] else "")
                    + f": “{sentence(c['text'])}”"
                ),
            ),
            ("motions", "motions", lambda m: f"{ref(m['target'])}: “{sentence(m['text'])}”"),
            ("references", "references", lambda r: f"{ref(r['target'])}: “{sentence(r['text'])}”"),
            ("cited by", "cited_by", ref),
            ("acted on by", "acted_on_by", lambda f: f"{f['relation']} by {ref(f['by'])}"),
        )
        for title, key, fmt_one in sections:
            if item.get(key):
                lines.append(f"  {title}:")
                lines += [f"    {fmt_one(x)}" for x in item[key]]
    return "\n".join(lines)


@main.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but 127.0.0.1/localhost exposes the view to the network.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--today", help="Date that decides what is overdue (YYYY-MM-DD; default: today).")
@friendly
def serve(db: str, host: str, port: int, today: str | None) -> None:
    """A read-only web view of the store: search, papers with their facts, motions, promises, dashboards.

    The store is opened read-only; only GET requests are answered. Open the
    address it prints in a browser. Stop it with Ctrl-C.

    \b
    Examples:
      kamer serve
      kamer serve --db outputs/kamerwacht.sqlite --port 8080
    """
    from .store import Store
    from .web.app import serve as run

    day = parse_date("--today", today) if today else None
    Store(
        db, readonly=True
    ).close()  # a missing or foreign store is a one-line error, before the server starts
    if not _loopback(host):
        click.echo(
            f"warning: listening on {host}: anyone who can reach this machine can read the whole store",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serving {db} read-only at http://{shown}:{port}/  (Ctrl-C stops)", err=True)
    run(db, host, port, day)


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
@friendly
def export(db: str, fmt: str, out: str) -> None:
    """Export the graph of the store for Gephi, networkx or a spreadsheet."""
    from .export import export_store

    for path in export_store(_store(db), fmt, Path(out)):
        click.echo(f"wrote {path}")


@main.command()
@db_option
@click.option("--out", type=click.Path(dir_okay=False), default="outputs/report.md", show_default=True)
@click.option("--today", help="Date that decides what is overdue (YYYY-MM-DD; default: today).")
@friendly
def report(db: str, out: str, today: str | None) -> None:
    """Write the Markdown report: open motions, open and overdue toezeggingen, most cited."""
    from .export import report as make_report

    text = make_report(_store(db), parse_date("--today", today) if today else None, name=_name(db))
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(text, encoding="utf-8")
    click.echo(f"wrote {out}")
    click.echo("\n".join(text.splitlines()[:5]))


# ---------------------------------------------------------------- live: sync, register, watches, alerts


@main.command()
@db_option
@click.option(
    "--entity",
    "entities",
    multiple=True,
    type=click.Choice(["Zaak", "Toezegging", "Document", "Verslag"]),
    help="Only these entities (repeatable; default: all four).",
)
@click.option(
    "--since", help="Start at records changed on or after this date (YYYY-MM-DD) when no later run did."
)
@click.option(
    "--dossier",
    help="Only Zaken and Documents of this dossier number (with a resume point of its own).",
)
@click.option(
    "--files",
    type=click.Path(file_okay=False),
    default=None,
    help="Where downloaded documents go (default: <store>-files beside the store).",
)
@workers_option
@progress_option
@friendly
def sync(
    db: str,
    entities: tuple[str, ...],
    since: str | None,
    dossier: str | None,
    files: str | None,
    workers: int | None,
    progress: bool | None,
) -> None:
    """Bring the store up to date with the Tweede Kamer open data (OData v4).

    Zaken (motions with their votes and kabinetsappreciatie), the register of
    Toezeggingen, Documents (metadata, and the file, ingested) and Verslagen
    (VLOS). Incremental and resumable: each page is stored with the point it
    reached, so an interrupted run goes on where it stopped and the next run
    fetches only what changed. Polite: timeouts, a pause between requests,
    retries with backoff on dropped connections, 429 and 5xx (Retry-After
    honoured). The service is $KAMER_ODATA_URL.

    \b
    Examples:
      kamer sync --since 2025-01-01
      kamer sync --entity Toezegging
      kamer sync --dossier 21501 --entity Zaak --entity Document
    """
    from .store import Store
    from .sync import SyncError
    from .sync import sync as run

    settings = settings_with(workers)
    day = parse_date("--since", since) if since else None
    if dossier is not None and not dossier.strip().isalnum():
        raise click.UsageError(f"--dossier must be a dossier number such as 21501, not {dossier!r}")
    with Store(db) as store:
        try:
            summary = run(
                store,
                settings,
                list(entities) or None,
                day,
                dossier,
                Path(files) if files else None,
                _want_progress(progress),
            )
        except SyncError as exc:
            click.echo(f"error: {exc}", err=True)
            click.echo("the pages stored so far are kept; run 'kamer sync' again to go on", err=True)
            sys.exit(1)
    for name, e in summary.entities.items():
        line = f"{name}: {e.records} records in {e.pages} pages, {e.deleted} deleted"
        if e.files or e.failed_files:
            line += f", {e.files} files ingested, {e.failed_files} failed"
        click.echo(line)
    click.echo(f"{summary.requests} requests, {summary.retries} retried  →  {db}")


@main.group()
def register() -> None:
    """The toezeggingen register: import an export (Tweede or Eerste Kamer).

    'kamer sync --entity Toezegging' fetches the Tweede Kamer's register;
    'kamer query register' compares it with what the papers promise.
    """


@register.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@db_option
@friendly
def register_import(path: str, db: str) -> None:
    """Import a register export: OData Toezegging records (.jsonl) or the Eerste Kamer's register (.csv)."""
    from .errors import ExtractError
    from .register import import_export
    from .store import Store

    with Store(db) as store:
        try:
            n = import_export(store, path)
        except ExtractError as exc:
            click.echo(f"error: {exc.path}: {exc.message} ({exc.code})", err=True)
            sys.exit(1)
    click.echo(f"imported {n} toezeggingen from {path}  →  {db}")


@query.command("register")
@db_option
@format_option
@click.option(
    "--outcome",
    type=click.Choice(["in_both", "only_register", "only_text", "conflict"]),
    help="Only one outcome ('conflict': the register's status contradicts the papers).",
)
@friendly
def register_cmd(db: str, fmt: str, outcome: str | None) -> None:
    """The toezeggingen register against the promises in the papers.

    \b
    Outcomes: in_both (the register item and a promise in a paper, matched by
    number or by actor, date, debate and wording, with a confidence);
    only_register; only_text (promises the register missed). A conflict: the
    register says Voldaan/Afgedaan but no paper fulfils it, or Openstaand while
    a paper says it was carried out (that paper is the evidence).
    """
    from .register import reconcile
    from .store import Store

    with Store(db, readonly=True) as store:
        result = reconcile(store)
    rows = result.of(outcome) if outcome else result.rows
    if fmt == "json":
        _emit(rows)
        return
    named = _name(db)
    shown = [
        {
            **r,
            "conflict": (r["conflict"] or {}).get("kind"),
            "promise_in": named(r["doc_id"]) if r["doc_id"] else "",
            "fulfilled_by": ", ".join(named(e["doc"]) for e in r["fulfilled_by"]),
            "wording": r["register_text"] or r["text"],
        }
        for r in rows
    ]
    _table(
        shown,
        ["outcome", "nummer", "status", "confidence", "conflict", "promise_in", "fulfilled_by", "wording"],
    )


@main.group()
def watch() -> None:
    """What 'kamer alerts' watches: dossiers, motions, commitments, actors, topics.

    \b
    Examples:
      kamer watch add dossier 21501-20
      kamer watch add motion kst-28844-290
      kamer watch add commitment TZ202504-057
      kamer watch add actor "Klimaat en Groene Groei"
      kamer watch add topic "Zorg en gezondheid"
      kamer watch list
      kamer watch remove 2
    """


@watch.command("add")
@click.argument("kind", type=click.Choice(["dossier", "motion", "commitment", "actor", "topic"]))
@click.argument("value")
@db_option
@friendly
def watch_add(kind: str, value: str, db: str) -> None:
    """Watch a dossier, motion, commitment, actor or topic."""
    from .alerts import normalise_watch
    from .store import Store

    value = normalise_watch(kind, value)
    if not value:
        raise click.UsageError(f"nothing to watch: the {kind} is empty")
    with Store(db) as store:
        added = store.add_watch(kind, value)
    click.echo(f"watching {kind} {value}" if added else f"already watching {kind} {value}")


@watch.command("list")
@db_option
@format_option
@friendly
def watch_list(db: str, fmt: str) -> None:
    """What is watched, numbered."""
    from .store import Store

    with Store(db) as store:
        rows = [{"n": n, "kind": k, "value": v, "added": at} for n, k, v, at in store.watches()]
    if fmt == "json":
        _emit(rows)
    else:
        _table(rows, ["n", "kind", "value"])


@watch.command("remove")
@click.argument("what", nargs=-1, required=True)
@db_option
@friendly
def watch_remove(what: tuple[str, ...], db: str) -> None:
    """Stop watching: by its number in 'kamer watch list', by value, or by kind and value."""
    from .alerts import normalise_watch
    from .store import Store

    with Store(db) as store:
        if len(what) == 2 and what[0] in ("dossier", "motion", "commitment", "actor", "topic"):
            n = store.remove_watch(what[0], normalise_watch(what[0], what[1]))
        else:
            n = store.remove_watch(None, " ".join(what))
    if not n:
        click.echo(f"error: nothing watched matches {' '.join(what)!r}", err=True)
        sys.exit(1)
    click.echo(f"removed {n} watch{'es' if n > 1 else ''}")


@main.command()
@db_option
@format_option
@click.option("--atom", type=click.Path(dir_okay=False), help="Also write the alerts as an Atom feed file.")
@click.option("--mail", is_flag=True, help="Also send them by e-mail ($KAMER_SMTP_HOST, $KAMER_MAIL_TO).")
@click.option("--today", help="Date that decides what is overdue (YYYY-MM-DD; default: today).")
@friendly
def alerts(db: str, fmt: str, atom: str | None, mail: bool, today: str | None) -> None:
    """What is new since the last run, each alert delivered once.

    Toezeggingen that fell overdue, adopted motions without any follow-up after
    $KAMER_MOTION_DAYS days, new papers acting on something watched ('kamer
    watch'), and status conflicts with the toezeggingen register. A rerun with
    nothing new prints nothing new, leaves the feed as it was and sends no mail.

    \b
    Examples:
      kamer alerts
      kamer alerts --atom outputs/alerts.atom --mail --format json
    """
    import datetime as dt

    from .alerts import AlertError, deliver
    from .store import Store

    settings = settings_with(None)
    day = parse_date("--today", today) if today else dt.date.today()
    with Store(db) as store:
        try:
            new = deliver(store, settings, day, Path(atom) if atom else None, mail)
        except AlertError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
    if fmt == "json":
        _emit(new)
    elif not new:
        click.echo("nothing new")
    else:
        _table(new, ["kind", "date", "title", "doc_id"])
    if new and atom:
        click.echo(f"wrote {atom}", err=True)
    if new and mail:
        click.echo(f"mailed {len(new)} alerts to {settings.mail_to}", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()

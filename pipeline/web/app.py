"""``kamer serve``: a read-only web view of the store (Starlette, Jinja2, uvicorn).

Read-only three times over: the store is opened ``readonly`` (SQLite
``mode=ro``), every route is GET (any other method is 405 before routing),
and no route calls a writing method. Every text is escaped by Jinja2's
autoescape; the Content-Security-Policy allows only this server's own
stylesheet (no scripts at all, no frames, forms only to itself), so even a
text that slipped through could not run. Nothing is fetched from the
internet: the one stylesheet is ``static/kamer.css``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import query
from ..export import csv_cell
from ..schema import Document
from ..store import Store
from . import lookup
from .search import WHAT, SearchIndex, paragraphs

HERE = Path(__file__).resolve().parent
CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none';"
    " frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGI = Callable[[Scope, Receive, Send], Awaitable[None]]


def href(node: str | None) -> str:
    """The page of any node: ``/show/<id>``."""
    return "/show/" + quote(node or "", safe="")


env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True))
env.globals["href"] = href


@dataclass
class View:
    """What the pages read: the store's index (graph, names) and the search index."""

    ix: lookup.Index
    search: SearchIndex
    today: dt.date | None


def _view(request: Request) -> View:
    """The view for one request: a fresh ``Index`` (what it reads of the store lasts one page)."""
    view: View = request.app.state.view
    return replace(view, ix=lookup.index(view.ix.store))


def _page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(env.get_template(template).render(**context), status_code=status)


# ------------------------------------------------------------ pages


async def home(request: Request) -> Response:
    v = _view(request)
    who = lookup.ask(query.open_commitments_by_actor, v.ix, v.today)
    named = [(actor, [n, late]) for actor, n, late in who if lookup.named(actor)]
    actors = sorted(named, key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))[:15]
    return _page("home.html", stats=v.ix.store.stats(), actors=actors, title="Kamerwacht")


async def show(request: Request) -> Response:
    v = _view(request)
    key = request.path_params["key"]
    node = lookup.resolve(v.ix, key)
    if node is None:
        return _page("missing.html", 404, key=key, title="Not in the store")
    item = lookup.describe(v.ix, node, v.today, as_paper=request.query_params.get("text") == "1")
    if item["type"] == "motion":
        return _page("motion.html", item=item, graph=lookup.neighbourhood(v.ix, node), title=item["name"])
    if item["type"] in ("commitment", "dossier", "person"):
        graph = lookup.neighbourhood(v.ix, node)
        return _page(f"{item['type']}.html", item=item, graph=graph, title=item["name"])
    doc = v.ix.store.document(node) if item["in_store"] else None
    pieces = _pieces(doc, item) if doc else []
    graph = lookup.neighbourhood(v.ix, node)
    return _page("document.html", item=item, pieces=pieces, graph=graph, title=item["name"])


async def look_up(request: Request) -> Response:
    """``/show?id=36600 VIII nr. 38`` (the home page's form) goes to that thing's page."""
    key = (request.query_params.get("id") or "").strip()
    return RedirectResponse(href(key) if key else "/", status_code=303)


async def original(request: Request) -> Response:
    """The file a paper was read from (its best rendition), as it lies on disk; nothing else is served."""
    v = _view(request)
    node = lookup.resolve(v.ix, request.path_params["key"])
    row = (
        v.ix.store.db.execute(
            "SELECT s.path, s.media_type FROM documents d JOIN sources s ON s.sha256 = d.best"
            " WHERE COALESCE(d.doc_id, 'doc:' || d.uid) = ?",
            (node,),
        ).fetchone()
        if node
        else None
    )
    if row is None or not Path(row[0]).is_file():
        message = "The store holds no file for this paper, or the file is no longer where it was read from."
        return _page("missing.html", 404, key=request.path_params["key"], title="No file", message=message)
    return FileResponse(row[0], media_type=row[1] or None, content_disposition_type="inline")


async def search(request: Request) -> Response:
    v = _view(request)
    p = request.query_params
    q = p.get("q", "")
    what = p.get("what") if p.get("what") in WHAT else None
    kinds = v.search.kinds()
    kind = p.get("kind") if p.get("kind") in kinds else None
    since, until = _date(p.get("from")), _date(p.get("to"))
    dossier = (p.get("dossier") or "").strip() or None
    actor = (p.get("actor") or "").strip() or None
    hits = v.search.search(q, what, kind, since, until, dossier, actor) if q.strip() else []
    named = [(h, lookup.name(v.ix, h.node)) for h in hits]
    return _page(
        "search.html",
        q=q,
        hits=named,
        what=what,
        whats=WHAT,
        kind=kind,
        kinds=sorted(kinds),
        since=since or "",
        until=until or "",
        dossier=dossier or "",
        actor=actor or "",
        title=f"Search: {q}" if q else "Search",
    )


def _date(value: str | None) -> str | None:
    try:
        return dt.date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None


# ------------------------------------------------------------ dashboards: one table, three formats


MOTION_COLUMNS = [
    "id",
    "motion",
    "date",
    "indieners",
    "status",
    "source",
    "kabinetsappreciatie",
    "follow_ups",
]
KINDS = ("toezegging", "doel", "verwachting")
PLURAL = {"toezegging": "toezeggingen", "doel": "doelen", "verwachting": "verwachtingen"}
COMMITMENT_COLUMNS = ["deadline", "overdue", "actor", "promise", "made_in", "id"]


PAGE = 1000  # rows a dashboard shows at most; ?offset= pages on


def _window(params: Any) -> tuple[int, int]:
    """(limit, offset) of a dashboard page: ``?limit=`` (at most ``PAGE``) and ``?offset=``."""

    def number(key: str, default: int) -> int:
        value = params.get(key) or ""
        return int(value) if value.isdigit() else default

    return min(PAGE, number("limit", PAGE)), number("offset", 0)


def _open_motions(v: View, params: Any) -> tuple[list[dict[str, Any]], list[str], dict[str, str]]:
    found = lookup.ask(query.open_motions, v.ix, False, *_window(params))
    v.ix.load([m["id"] for m in found] + [f["source"] for m in found for f in m["follow_ups"]])
    rows = [
        {
            "id": m["id"],
            "motion": lookup.name(v.ix, m["id"]),
            "date": m["date"],
            "indieners": ", ".join(m["submitters"]),
            "status": m["status"],
            "source": m["status_source"],
            "kabinetsappreciatie": m["kabinetsappreciatie"],
            "follow_ups": "; ".join(
                f"{f['relation']} by {lookup.name(v.ix, f['source'])}" for f in m["follow_ups"]
            ),
        }
        for m in found
    ]
    return rows, MOTION_COLUMNS, {}


def _open_commitments(v: View, params: Any) -> tuple[list[dict[str, Any]], list[str], dict[str, str]]:
    overdue = params.get("overdue") in ("1", "on", "true")
    actor = (params.get("actor") or "").strip() or None
    kind = params.get("kind") if params.get("kind") in KINDS else "toezegging"
    found = lookup.ask(
        query.open_commitments, v.ix, None, actor, None, overdue, v.today, (kind,), *_window(params)
    )
    v.ix.load(c["doc_id"] for c in found)
    rows = [
        {
            "deadline": (c["deadline"] or {}).get("by") or (c["deadline"] or {}).get("text"),
            "overdue": "yes" if c["overdue"] else "",
            "actor": c["actor"],
            "promise": " ".join((c["text"] or "").split()),
            "made_in": lookup.name(v.ix, c["doc_id"]),
            "id": c["id"],
        }
        for c in found
    ]
    chosen = (("overdue", "1" if overdue else ""), ("actor", actor or ""), ("kind", kind))
    filters = {k: val for k, val in chosen if val}
    return rows, COMMITMENT_COLUMNS, filters


DASHBOARDS: dict[str, tuple[str, Callable[..., tuple[list[dict[str, Any]], list[str], dict[str, str]]]]] = {
    "open-motions": ("Open motions: adopted, not yet carried out", _open_motions),
    "open-commitments": ("Open commitments", _open_commitments),
}


async def dashboard(request: Request) -> Response:
    v = _view(request)
    name, fmt = request.path_params["name"], request.path_params.get("fmt", "html")
    if name not in DASHBOARDS or fmt not in ("html", "csv", "json"):
        return _page("missing.html", 404, key=request.url.path, title="Not found", message="No such page.")
    title, rows_of = DASHBOARDS[name]
    rows, columns, filters = rows_of(v, request.query_params)
    if filters.get("kind"):
        title = f"Open {PLURAL[filters['kind']]}" + (": overdue" if filters.get("overdue") else "")
    if fmt == "json":
        return JSONResponse(rows, headers={"content-disposition": f'attachment; filename="{name}.json"'})
    if fmt == "csv":
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(columns)
        for r in rows:
            w.writerow([csv_cell(r.get(c)) for c in columns])
        return Response(
            out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="{name}.csv"'},
        )
    qs = ("?" + urlencode(filters)) if filters else ""
    return _page(
        "dashboard.html",
        title=title,
        name=name,
        rows=rows,
        columns=columns,
        filters=filters,
        csv_url=f"/{name}.csv{qs}",
        json_url=f"/{name}.json{qs}",
        link_column="motion" if name == "open-motions" else "promise",
        named=lookup.named,
        kinds=KINDS,
    )


# ------------------------------------------------------------ a document's text with its facts in place


@dataclass
class Piece:
    """A stretch of text under one set of facts: ``classes`` to colour it, ``link`` where it leads."""

    start: int
    text: str
    classes: str
    link: str | None
    note: str
    page: int | None  # set on the first piece of a page
    speaker: str | None  # set where a turn starts
    note_marker: str | None = None  # a footnote's number, where its marker stood in the body
    note_start: str | None = None  # a footnote's number, where its text begins


def _pieces(doc: Document, item: dict[str, Any]) -> list[Piece]:
    marks: list[tuple[int, int, str, str | None, str]] = []  # start, end, class, link, note
    for r in item["references"]:
        t = r["target"]
        marks.append(
            (r["start"], r["end"], "ref", href(t["id"]) if t["in_store"] else None, f"cites {t['name']}")
        )
    for m in item["motions"]:
        t = m["target"]
        link = href(t["id"]) if t and t["in_store"] else None
        marks.append((m["start"], m["end"], "motion", link, f"motion {t['name'] if t else ''}".strip()))
    for c in item["commitments"]:
        dl = c["deadline"] or {}
        note = f"{c['kind']} of {c['actor'] or '?'}" + (
            f", by {dl.get('by') or dl.get('text')}" if dl else ""
        )
        marks.append((c["start"], c["end"], f"commitment {c['kind']}", href(c["target"]["id"]), note))
    for f in item["follow_ups"]:
        t = f["target"]
        link = href(t["id"]) if t else None
        marks.append(
            (
                f["start"],
                f["end"],
                f"follow-up {f['relation']}",
                link,
                f"{f['relation']} {t['name'] if t else f['target_text'] or ''}",
            )
        )
    text = doc.text
    cuts = {0, len(text)}
    for s, e, *_ in marks:
        cuts.update((max(0, min(s, len(text))), max(0, min(e, len(text)))))
    cuts.update(start for start, _ in paragraphs(text))  # where search hits point (#o<offset>)
    pages: dict[int, int] = {}
    last = None
    for seg in doc.segments:
        cuts.add(seg.start)
        if seg.page != last:
            pages.setdefault(seg.start, seg.page)
            last = seg.page
    turns = speakers(doc)
    cuts.update(turns)
    markers = {f.marker: f.number for f in doc.footnotes if f.marker is not None}
    notes = {f.start: f.number for f in doc.footnotes}
    cuts.update(markers)
    cuts.update(notes)
    roles = {seg.start: seg.role for seg in doc.segments}
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[Piece] = []
    role = "body"
    marks.sort(key=lambda m: m[0])
    active: list[tuple[int, int, str, str | None, str]] = []
    i = 0
    for a, b in itertools.pairwise(bounds):
        role = roles.get(a, role)
        while i < len(marks) and marks[i][0] <= a:
            active.append(marks[i])
            i += 1
        active = [m for m in active if m[1] >= b]
        linked = sorted((m for m in active if m[3]), key=lambda m: m[1] - m[0])
        classes = " ".join(sorted({"fact", *(c for m in active for c in m[2].split())})) if active else ""
        if role == "footnote":
            classes = (classes + " footnote").strip()
        out.append(
            Piece(
                a,
                text[a:b],
                classes,
                linked[0][3] if linked else None,
                "; ".join(dict.fromkeys(m[4] for m in active)),
                pages.get(a),
                turns.get(a),
                markers.get(a),
                notes.get(a),
            )
        )
    return out


def speakers(doc: Document) -> dict[int, str]:
    """Where each speaker's turn begins in a debate, and who it is (``De Hoop (GroenLinks-PvdA)``).

    From the analysed turns, else from the turns the markup states (Handelingen and VLOS XML); a
    turn that continues the same speaker is not named again.
    """
    found = [(t.start, t.speaker, lookup.speaking_as(t.party, t.function)) for t in doc.turns] or [
        (m.start, m.attr("speaker") or "", lookup.speaking_as(m.attr("party"), m.attr("function")))
        for m in doc.marks
        if m.kind == "turn" and m.attr("speaker")
    ]
    out: dict[int, str] = {}
    last = None
    for start, who, what in sorted(found):
        label = f"{who} ({what})" if what else who
        if label != last:
            out[start] = label
        last = label
    return out


# ------------------------------------------------------------ the application


class ReadOnly:
    """GET and HEAD only (405 for anything else, before any route runs), and the security headers."""

    def __init__(self, app: ASGI) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            response = PlainTextResponse(
                "This view is read-only: only GET.",
                status_code=405,
                headers={"allow": "GET, HEAD", **HEADERS},
            )
            await response(scope, receive, send)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, secured)


def create_app(db: str | Path, today: dt.date | None = None) -> Starlette:
    """The view over the store at ``db``, opened read-only when the server starts."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        store = Store(db, readonly=True)
        app.state.view = View(lookup.index(store), SearchIndex(store), today)
        try:
            yield
        finally:
            store.close()

    routes = [
        Route("/", home),
        Route("/search", search),
        Route("/show", look_up),
        Route("/show/{key:path}", show),
        Route("/file/{key:path}", original),
        Route("/{name}.{fmt}", dashboard),
        Route("/{name}", dashboard),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    return app


def wrap(app: Starlette) -> ReadOnly:
    return ReadOnly(app)


def serve(db: str, host: str, port: int, today: dt.date | None = None) -> None:
    import uvicorn

    uvicorn.run(wrap(create_app(db, today)), host=host, port=port, log_level="warning", server_header=False)

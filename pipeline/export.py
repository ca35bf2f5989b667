"""Exports of the graph (GraphML for Gephi, node-link JSON for networkx, CSV for a
spreadsheet) and the Markdown report the main job ends with.

An export is the one place the whole store becomes one graph (``build_graph``); its attributes
are flattened in place rather than copied. The report asks the store's bounded queries."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from .query import count_open_motions, iter_open_commitments, iter_open_motions, most_cited
from .store import Store


def _flat(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value safe for a spreadsheet: text that a spreadsheet would run as a formula gets a leading quote.

    >>> csv_cell("=cmd|' /C calc'!A0"), csv_cell("-2"), csv_cell(3), csv_cell("Motie")
    ("'=cmd|' /C calc'!A0", "'-2", 3, 'Motie')
    """
    value = _flat(value)
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


# what can open markup inside a table cell; with [ ] escaped no link or image can form
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~])")


def md(text: Any, limit: int | None = None) -> str:
    r"""Document text made inert in Markdown: markup characters escaped, line breaks folded.

    >>> print(md("<script>alert(1)</script> | ![x](http://evil/x.png)"))
    \<script\>alert(1)\</script\> \| \!\[x\](http://evil/x.png)
    """
    s = " ".join(str(text or "").split())
    if limit is not None and len(s) > limit:
        s = s[: limit - 1] + "…"
    return _MD_SPECIAL.sub(r"\\\1", s)


def export_graph(G: nx.MultiDiGraph, fmt: str, out: Path) -> list[Path]:
    """Write ``G`` as ``graphml``, ``node-link`` (JSON) or ``csv`` (nodes + edges) into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        flat = G.copy()
        _flatten(flat)
        path = out / "kamerwacht.graphml"
        nx.write_graphml(flat, path)
        return [path]
    if fmt == "node-link":
        path = out / "kamerwacht.node-link.json"
        data = nx.node_link_data(G, edges="links")
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return [path]
    if fmt == "csv":
        nodes, edges = out / "nodes.csv", out / "edges.csv"
        node_keys = sorted({k for _, a in G.nodes(data=True) for k in a})
        with nodes.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["id", *node_keys])
            for n, a in G.nodes(data=True):
                w.writerow([csv_cell(n), *(csv_cell(a.get(k)) for k in node_keys)])
        with edges.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["source", "target", "relation", "confidence", "doc", "page", "start", "end", "text"])
            for u, v, k, a in G.edges(keys=True, data=True):
                ev = a.get("evidence") or {}
                row = [u, v, k, a.get("confidence", ""), ev.get("doc", ""), ev.get("page", "")]
                row += [ev.get("start", ""), ev.get("end", ""), ev.get("text", "")]
                w.writerow([csv_cell(c) for c in row])
        return [nodes, edges]
    raise ValueError(f"unknown export format {fmt!r}")


def _flatten(G: nx.MultiDiGraph) -> None:
    """GraphML holds scalars only: lists and dicts become JSON text, None empty text (in place)."""
    for _, a in G.nodes(data=True):
        for k, v in a.items():
            a[k] = _flat(v)
    for _, _, a in G.edges(data=True):
        for k, v in a.items():
            a[k] = _flat(v)


def export_store(store: Store, fmt: str, out: Path) -> list[Path]:
    """``export_graph`` of the whole store, built once and (for GraphML) flattened without a copy."""
    from .graph import build_graph

    G = build_graph(store)
    if fmt == "graphml":
        out.mkdir(parents=True, exist_ok=True)
        _flatten(G)
        path = out / "kamerwacht.graphml"
        nx.write_graphml(G, path)
        return [path]
    return export_graph(G, fmt, out)


def report(
    store: Store,
    today: dt.date | None = None,
    top: int = 15,
    name: Callable[[str | None], str] | None = None,
) -> str:
    """A Markdown report: open motions, open and overdue commitments, most cited documents.

    ``name`` names a node as people do (``web.lookup.name``); without it, titles and ids.
    """
    today = today or dt.date.today()
    named = name or (lambda node: str(node or ""))
    total = count_open_motions(store)
    motions = list(iter_open_motions(store, limit=top))
    commitments: list[dict[str, Any]] = []
    n_commitments = n_overdue = 0
    for c in iter_open_commitments(store, today=today):  # counted as they stream; the first kept
        n_commitments += 1
        n_overdue += bool(c["overdue"])
        if len(commitments) < top:
            commitments.append(c)
    lines = [f"# Kamerwacht report ({today.isoformat()})", ""]
    lines += [
        f"- open motions (adopted, not yet carried out): **{total}**",
        f"- open toezeggingen: **{n_commitments}**, of which overdue: **{n_overdue}**",
        "",
    ]
    lines += [
        "## Open motions",
        "",
        "| id | date | submitters | title | follow-ups |",
        "|---|---|---|---|---|",
    ]
    for m in motions:
        fu = ", ".join(f"{f['relation']} by {md(named(f['source']), 60)}" for f in m["follow_ups"]) or "—"
        cells = [
            md(m["id"] or "(no id)"),
            md(m["date"]),
            md(", ".join(m["submitters"])),
            md(named(m["id"]) if name else m["title"], 90),
            fu,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if total > top:
        lines.append(f"| … {total - top} more | | | | |")
    lines += [
        "",
        "## Open toezeggingen",
        "",
        "| deadline | overdue | actor | promise | made in |",
        "|---|---|---|---|---|",
    ]
    for c in commitments:
        by = (c["deadline"] or {}).get("by") or (c["deadline"] or {}).get("text") or ""
        cells = [md(by), "yes" if c["overdue"] else "", md(c["actor"]), md(c["text"], 110)]
        cells.append(md(named(c["doc_id"]), 70) if name else md(c["doc_id"]))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Most cited", "", "| paper | cited by | in store |", "|---|---|---|"]
    for d in most_cited(store, top):
        shown = md(d["id"])
        if name:  # the name, and the id where it is one people use (not a doc: hash)
            own = "" if str(d["id"]).startswith("doc:") else f" ({md(d['id'])})"
            shown = md(named(d["id"]), 80) + own
        lines.append(f"| {shown} | {d['cited_by']} | {'yes' if d['in_store'] else 'no'} |")
    return "\n".join(lines) + "\n"

"""A replay of the Tweede Kamer OData v4 service on 127.0.0.1, for sync tests.

It serves the records it is given, in the real response shape
(``{"@odata.context", "@odata.count", "value": [...], "@odata.nextLink"}``),
ordered by ``ApiGewijzigdOp`` then ``Id``, a page at a time with a
``$skiptoken`` in the next link, and file resources at
``<Entity>(<Id>)/resource``. It understands the filters ``kamer sync`` sends
(the entity's ``Soort``, a dossier, the resume point, ``--since``) and answers
400 to any other, so client and replay cannot drift apart unnoticed.

Faults are planned by request number: ``server.plan[3] = "drop"`` closes the
third request's connection without an answer; ``"503"`` answers 503;
``"429"`` answers 429 with ``Retry-After: 1``; ``"garbage"`` answers 200 with an
HTML maintenance page.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from pipeline.sync import _stamp

PREFIX = "/OData/v4/2.0/"


def dossier_of(record: dict[str, Any]) -> str | None:
    """The dossier number a record belongs to, as its kst ids give it."""
    m = re.search(r'"kst-(\d+)-', json.dumps(record))
    return m.group(1) if m else None


class Replay:
    def __init__(self, page_size: int = 4) -> None:
        self.page_size = page_size
        self.entities: dict[str, list[dict[str, Any]]] = {}
        self.resources: dict[tuple[str, str], tuple[bytes, str]] = {}
        self.plan: dict[int, str] = {}
        self.log: list[tuple[int, str, int, int]] = []  # (request no, path+query, status, records)
        self.count = 0
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}{PREFIX}"

    def add(self, entity: str, records: list[dict[str, Any]]) -> None:
        """Add records (a newer version of a record with the same Id replaces it)."""
        have = self.entities.setdefault(entity, [])
        ids = {r["Id"] for r in records}
        have[:] = [r for r in have if r["Id"] not in ids] + records
        have.sort(key=lambda r: (_stamp(r["ApiGewijzigdOp"]), r["Id"]))

    def resource(self, entity: str, rid: str, data: bytes, content_type: str) -> None:
        self.resources[(entity, rid)] = (data, content_type)

    def served(self, entity: str) -> int:
        """Records of ``entity`` served so far (over all pages)."""
        return sum(
            n for _, path, status, n in self.log if status == 200 and path.startswith(PREFIX + entity + "?")
        )

    def __enter__(self) -> Replay:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    # ------------------------------------------------------------ answering

    def select(self, entity: str, query: dict[str, str]) -> tuple[int, Any]:
        records = self.entities.get(entity, [])
        rest = query.get("$filter", "")
        keep = list(records)
        for pattern, test in (
            (r"Soort eq '([^']*)'", lambda r, m: r.get("Soort") == m.group(1)),
            (r"Kamerstukdossier/any\(d: d/Nummer eq (\d+)\)", lambda r, m: dossier_of(r) == m.group(1)),
            (
                r"\(ApiGewijzigdOp gt (\S+) or \(ApiGewijzigdOp eq \S+ and Id gt ([^)\s]+)\)\)",
                lambda r, m: (_stamp(r["ApiGewijzigdOp"]), r["Id"]) > (_stamp(m.group(1)), m.group(2)),
            ),
            (r"ApiGewijzigdOp ge (\S+)", lambda r, m: _stamp(r["ApiGewijzigdOp"]) >= _stamp(m.group(1))),
        ):
            m = re.search(pattern, rest)
            if m:
                keep = [r for r in keep if test(r, m)]
                rest = rest.replace(m.group(0), "")
        if re.sub(r"\band\b", "", rest).strip():
            return 400, {"error": {"code": "", "message": f"filter not understood: {rest.strip()}"}}
        total = len(keep)
        token = query.get("$skiptoken")
        if token:
            ids = [r["Id"] for r in keep]
            keep = keep[ids.index(token) + 1 :] if token in ids else []
        page = keep[: self.page_size]
        body: dict[str, Any] = {"@odata.context": f"{self.url}$metadata#{entity}", "value": page}
        if query.get("$count") == "true":
            body["@odata.count"] = total
        if len(keep) > self.page_size:
            nxt = {k: v for k, v in query.items() if k not in ("$skiptoken", "$count")}
            nxt["$skiptoken"] = page[-1]["Id"]
            body["@odata.nextLink"] = f"{self.url}{entity}?{urlencode(nxt)}"
        return 200, body

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        replay = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with replay.lock:
                    replay.count += 1
                    n = replay.count
                fault = replay.plan.pop(n, None)
                if fault == "drop":
                    replay.log.append((n, self.path, 0, 0))
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if fault == "garbage":
                    self._send(200, b"<html>Onderhoud</html>", "text/html", n)
                    return
                if fault in ("503", "429"):
                    replay.log.append((n, self.path, int(fault), 0))
                    self.send_response(int(fault))
                    if fault == "429":
                        self.send_header("Retry-After", "1")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                parts = urlsplit(self.path)
                path = parts.path
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                m = re.fullmatch(re.escape(PREFIX) + r"(\w+)\(([^)]+)\)/resource", path)
                if m:
                    found = replay.resources.get((m.group(1), m.group(2)))
                    if found is None:
                        self._send(404, b'{"error": "no such resource"}', "application/json", n)
                    else:
                        self._send(200, found[0], found[1], n)
                    return
                m = re.fullmatch(re.escape(PREFIX) + r"(\w+)", path)
                if not m:
                    self._send(404, b'{"error": "not found"}', "application/json", n)
                    return
                status, body = replay.select(m.group(1), query)
                count = len(body.get("value", [])) if status == 200 else 0
                self._send(
                    status, json.dumps(body).encode(), "application/json; odata.metadata=minimal", n, count
                )

            def _send(self, status: int, data: bytes, kind: str, n: int, count: int = 0) -> None:
                replay.log.append((n, self.path, status, count))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

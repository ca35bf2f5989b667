"""Live sync with the Tweede Kamer open data (OData v4): incremental, resumable, polite.

Each entity is read in the order of its ``ApiGewijzigdOp`` (then ``Id``), one
server page at a time, following ``@odata.nextLink``. A page is stored in one
transaction together with the entity's resume point (the ``(ApiGewijzigdOp,
Id)`` of its last record), so a run that is killed or fails midway goes on,
next time, right after the last page it stored, and a second run fetches only
what changed since. A record with ``Verwijderd: true`` removes what an earlier
version of it added.

* ``Zaak``: motions with their ``Besluit`` (and ``Stemming``) and
  kabinetsappreciatie, through ``opendata.zaak_facts`` into the store's
  ``zaken``, exactly as ``kamer ingest`` takes an export;
* ``Toezegging``: the register of toezeggingen (Nummer ``TZ…``, Tekst,
  Status, DatumNakoming, Naam/Functie, Ministerie, Activiteit), as records
  that ``register.py`` reconciles with the promises the texts make;
* ``Document`` and ``Verslag``: metadata, and the file resource, downloaded
  and ingested through the ordinary ingest path (``batch.ingest_paths``).

HTTP goes through httpx with timeouts; a dropped connection, a 429 or a 5xx
is retried with exponential backoff (tenacity), honouring ``Retry-After``;
requests are spaced by ``sync_interval`` seconds. The base URL and these
knobs are settings (``KAMER_ODATA_URL``, ``KAMER_SYNC_*``).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt

from .config import Settings
from .opendata import zaak_facts
from .store import Store

USER_AGENT = "kamerwacht-sync/0.1 (+https://github.com/kamerwacht)"
RETRY_STATUS = {429, 500, 502, 503, 504}
SUFFIX = {
    "application/pdf": ".pdf",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "text/plain": ".txt",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


class SyncError(Exception):
    """The open data could not be read: the address, the request and the cause are in the message."""


@dataclass(frozen=True)
class Entity:
    name: str
    filter: str | None = None  # always applied
    expand: str | None = None
    dossier: str | None = None  # a filter with {n}: records of one dossier
    resource: bool = False  # has a file resource to download and ingest


ENTITIES: dict[str, Entity] = {
    e.name: e
    for e in (
        Entity(
            "Zaak",
            filter="Soort eq 'Motie'",
            expand="Document($expand=HuidigeDocumentVersie($expand=DocumentPublicatie)),Besluit($expand=Stemming)",
            dossier="Kamerstukdossier/any(d: d/Nummer eq {n})",
        ),
        Entity("Toezegging", expand="Activiteit"),
        Entity("Document", dossier="Kamerstukdossier/any(d: d/Nummer eq {n})", resource=True),
        Entity("Verslag", resource=True),
    )
}


@dataclass
class EntitySummary:
    pages: int = 0
    records: int = 0
    deleted: int = 0
    files: int = 0
    failed_files: int = 0


@dataclass
class SyncSummary:
    entities: dict[str, EntitySummary] = field(default_factory=dict)
    requests: int = 0
    retries: int = 0


# ---------------------------------------------------------------- HTTP


class _Retryable(Exception):
    def __init__(self, status: int, retry_after: float | None, url: str) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after
        self.url = url


def retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date).

    >>> retry_after("7"), retry_after(None), retry_after("soon")
    (7.0, None, None)
    >>> retry_after("Wed, 02 Dec 2026 14:00:30 GMT", dt.datetime(2026, 12, 2, 14, 0, tzinfo=dt.UTC))
    30.0
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())


class Client:
    """GET JSON pages and file resources from one OData service, politely."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        base = settings.odata_url if settings.odata_url.endswith("/") else settings.odata_url + "/"
        self.base = base
        self.http = httpx.Client(
            base_url=base,
            timeout=httpx.Timeout(settings.sync_timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            follow_redirects=True,
            transport=transport,
        )
        self.last = 0.0
        self.requests = 0
        self.retries = 0
        self.sleep: Callable[[float], None] = time.sleep  # tests watch the waits here

    def close(self) -> None:
        self.http.close()

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, _Retryable) and exc.retry_after is not None:
            return min(exc.retry_after, self.settings.sync_max_wait)
        return float(
            min(self.settings.sync_backoff * 2 ** (state.attempt_number - 1), self.settings.sync_max_wait)
        )

    def _throttle(self) -> None:
        gap = self.settings.sync_interval - (time.monotonic() - self.last)
        if gap > 0:
            time.sleep(gap)
        self.last = time.monotonic()

    def _once(self, url: str, params: dict[str, str] | None) -> httpx.Response:
        self._throttle()
        self.requests += 1
        response = self.http.get(url, params=params)
        if response.status_code in RETRY_STATUS:
            raise _Retryable(response.status_code, retry_after(response.headers.get("Retry-After")), url)
        return response

    def get(
        self, url: str, params: dict[str, str] | None = None, allow: tuple[int, ...] = ()
    ) -> httpx.Response:
        """One GET, retried on a dropped connection, a timeout, a 429 or a 5xx; else a ``SyncError``.

        An answer other than 200 (or a status in ``allow``) is a ``SyncError`` naming the address.
        """
        if url.startswith(("http://", "https://")) and urlsplit(url).netloc != urlsplit(self.base).netloc:
            raise SyncError(f"{url}: the server sent a link to another host; not followed")

        def count(state: RetryCallState) -> None:
            self.retries += 1

        retrying = Retrying(
            retry=retry_if_exception_type((httpx.TransportError, _Retryable)),
            wait=self._wait,
            stop=stop_after_attempt(max(1, self.settings.sync_retries)),
            before_sleep=count,
            sleep=self.sleep,
            reraise=True,
        )
        shown = str(self.http.build_request("GET", url, params=params).url)
        try:
            response = retrying(self._once, url, params)
        except _Retryable as exc:
            raise SyncError(
                f"{shown}: HTTP {exc.status} after {self.settings.sync_retries} attempts"
            ) from None
        except httpx.TransportError as exc:
            cause = str(exc) or type(exc).__name__
            raise SyncError(f"{shown}: {cause} after {self.settings.sync_retries} attempts") from None
        if response.status_code != 200 and response.status_code not in allow:
            raise SyncError(f"{shown}: HTTP {response.status_code}: {response.text[:200]}")
        return response

    def page(self, url: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        response = self.get(url, params)
        try:
            data = response.json()
        except ValueError:
            raise SyncError(f"{response.url}: the answer is not JSON") from None
        if not isinstance(data, dict) or not isinstance(data.get("value"), list):
            raise SyncError(f"{response.url}: not an OData collection (no 'value' list)")
        return data


# ---------------------------------------------------------------- one entity


def cursor_key(entity: str, dossier: str | None) -> str:
    return f"{entity}@dossier={dossier}" if dossier else entity


def query(
    entity: Entity, cursor: tuple[str, str] | None, since: dt.date | None, dossier: str | None
) -> dict[str, str]:
    """The OData query of one run: the entity's filter, the dossier, and where the last run stopped.

    >>> query(ENTITIES["Toezegging"], ("2025-04-01T10:00:00Z", "ab-1"), None, None)["$filter"]
    '(ApiGewijzigdOp gt 2025-04-01T10:00:00Z or (ApiGewijzigdOp eq 2025-04-01T10:00:00Z and Id gt ab-1))'
    """
    parts = [entity.filter] if entity.filter else []
    if dossier and entity.dossier:
        parts.append(
            entity.dossier.format(n=int(dossier))
            if dossier.isdigit()
            else entity.dossier.format(n=f"'{dossier}'")
        )
    start = f"{since.isoformat()}T00:00:00Z" if since else None
    if cursor and (start is None or _stamp(cursor[0]) >= _stamp(start)):
        m, last = cursor
        parts.append(f"(ApiGewijzigdOp gt {m} or (ApiGewijzigdOp eq {m} and Id gt {last}))")
    elif start:
        parts.append(f"ApiGewijzigdOp ge {start}")
    params = {"$orderby": "ApiGewijzigdOp,Id", "$count": "true"}
    if parts:
        params["$filter"] = " and ".join(parts)
    if entity.expand:
        params["$expand"] = entity.expand
    return params


def _stamp(value: str) -> str:
    """An ``ApiGewijzigdOp`` made comparable as text: seven fraction digits, UTC.

    >>> _stamp("2024-02-19T14:58:01.81Z") < _stamp("2024-02-19T14:58:01.8126335Z")
    True
    """
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$", value.strip())
    if not m:
        return value
    when = dt.datetime.fromisoformat(m.group(1) + (m.group(3) or "Z").replace("Z", "+00:00"))
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S") + "." + (m.group(2) or "").ljust(7, "0")[:7]


def _suffix(content_type: str, record: dict[str, Any]) -> str | None:
    kind = content_type.split(";")[0].strip().lower()
    if kind in SUFFIX:
        return SUFFIX[kind]
    ext = str(record.get("Extensie") or (record.get("HuidigeDocumentVersie") or {}).get("Extensie") or "")
    return ext.lower() if ext.lower() in (".pdf", ".xml", ".txt", ".docx") else None


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:120]


class EntitySync:
    """Sync of one entity into a store."""

    def __init__(
        self,
        client: Client,
        store: Store,
        entity: Entity,
        settings: Settings,
        files: Path,
        dossier: str | None = None,
        on_page: Callable[[str, int], None] | None = None,
        progress: bool = False,
    ) -> None:
        self.client, self.store, self.entity, self.settings = client, store, entity, settings
        self.files, self.dossier, self.on_page, self.progress = files, dossier, on_page, progress
        self.key = cursor_key(entity.name, dossier if entity.dossier else None)
        self.summary = EntitySummary()

    def run(self, since: dt.date | None = None) -> EntitySummary:
        from tqdm import tqdm

        params: dict[str, str] | None = query(self.entity, self.store.cursor(self.key), since, self.dossier)
        url: str | None = self.entity.name
        with tqdm(desc=self.entity.name, unit="record", disable=not self.progress, file=sys.stderr) as bar:
            while url:
                data = self.client.page(url, params)
                if "@odata.count" in data and bar.total is None:
                    bar.total = int(data["@odata.count"])
                records = [r for r in data["value"] if isinstance(r, dict) and r.get("Id")]
                self._store_page(records)
                bar.update(len(records))
                url, params = data.get("@odata.nextLink"), None
                if self.on_page:
                    self.on_page(self.entity.name, self.summary.pages)
        return self.summary

    def _store_page(self, records: list[dict[str, Any]]) -> None:
        paths = {
            r["Id"]: self._download(r) for r in records if self.entity.resource and not r.get("Verwijderd")
        }
        wanted = [p for p in paths.values() if p]
        if wanted:
            from .batch import ingest_paths

            result = ingest_paths(wanted, self.store, self.settings)
            self.summary.files += len(wanted) - result.failed
            self.summary.failed_files += result.failed
        gone: list[str] = []
        with self.store.transaction():
            for r in records:
                if r.get("Verwijderd"):
                    self.summary.deleted += 1
                    gone.extend(self._delete(r))
                else:
                    self._put(r, paths.get(r["Id"]))
            if records:
                last = records[-1]
                self.store.set_cursor(
                    self.key, str(last.get("ApiGewijzigdOp") or ""), str(last["Id"]), len(records)
                )
            for path in gone:
                self.store.remove(path)
        for path in gone:
            Path(path).unlink(missing_ok=True)
        self.summary.pages += 1
        self.summary.records += len(records)

    def _put(self, r: dict[str, Any], path: str | None) -> None:
        if self.entity.name == "Zaak":
            facts = zaak_facts(r)
            if facts is not None:
                self.store.put_zaken([facts])
            return
        nummer = r.get("Nummer") or r.get("DocumentNummer")
        self.store.put_record(self.entity.name, str(r["Id"]), nummer, r.get("ApiGewijzigdOp"), r, path)

    def _delete(self, r: dict[str, Any]) -> list[str]:
        if self.entity.name == "Zaak":
            if r.get("Nummer"):
                self.store.delete_zaak(str(r["Nummer"]))
            return []
        path = self.store.delete_record(self.entity.name, str(r["Id"]))
        return [path] if path else []

    def _download(self, r: dict[str, Any]) -> str | None:
        """The record's file resource saved under ``files``; None when it has none we can read."""
        url = f"{self.entity.name}({r['Id']})/resource"
        response = self.client.get(url, allow=(404,))
        if response.status_code == 404:
            self.store.record_failure(
                f"{self.client.base}{url}", "sync", "not_found", "the record has no file"
            )
            self.summary.failed_files += 1
            return None
        suffix = _suffix(response.headers.get("Content-Type", ""), r)
        name = _safe(str(r.get("DocumentNummer") or f"{self.entity.name.lower()}-{r['Id']}"))
        if suffix is None:
            self.store.record_failure(
                f"{self.client.base}{url}",
                "sync",
                "unsupported",
                f"a {response.headers.get('Content-Type', 'file')} resource cannot be read",
            )
            self.summary.failed_files += 1
            return None
        self.files.mkdir(parents=True, exist_ok=True)
        path = self.files / f"{name}{suffix}"
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(response.content)
        tmp.replace(path)
        return str(path)


def files_dir(db: str | Path) -> Path:
    """Where downloaded resources go: ``<store name>-files`` beside the store."""
    p = Path(db)
    return p.with_name(p.stem + "-files")


def sync(
    store: Store,
    settings: Settings,
    entities: list[str] | None = None,
    since: dt.date | None = None,
    dossier: str | None = None,
    files: Path | None = None,
    progress: bool = False,
    on_page: Callable[[str, int], None] | None = None,
    transport: httpx.BaseTransport | None = None,
) -> SyncSummary:
    """Bring the store up to date with the open data, entity by entity (see the module docstring)."""
    # a dossier limits the entities that can be limited to one (Zaak, Document), unless others are asked for
    names = entities or [n for n, e in ENTITIES.items() if not dossier or e.dossier]
    unknown = [n for n in names if n not in ENTITIES]
    if unknown:
        raise SyncError(f"unknown entity {unknown[0]!r} (one of {', '.join(ENTITIES)})")
    client = Client(settings, transport)
    summary = SyncSummary()
    try:
        for name in names:
            job = EntitySync(
                client,
                store,
                ENTITIES[name],
                settings,
                files or files_dir(store.path),
                dossier,
                on_page,
                progress,
            )
            summary.entities[name] = job.summary
            job.run(since)
    finally:
        summary.requests, summary.retries = client.requests, client.retries
        client.close()
    return summary

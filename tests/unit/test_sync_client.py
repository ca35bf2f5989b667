"""The sync's HTTP client: which answers it retries, how long it waits, what it refuses.

The service is an ``httpx.MockTransport`` (nothing leaves the process); the
client's sleep is replaced by a list that records the waits.
"""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest

from pipeline.config import Settings
from pipeline.sync import Client, SyncError

BASE = "http://127.0.0.1:9/OData/v4/2.0/"
PAGE = {"value": [{"Id": "a", "ApiGewijzigdOp": "2025-01-01T00:00:00Z"}]}


def _client(
    answers: list[httpx.Response | Exception], **knobs: float
) -> tuple[Client, list[float], list[str]]:
    asked: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    settings = replace(
        Settings(), odata_url=BASE, sync_interval=0.0, sync_backoff=1.0, sync_retries=4, **knobs
    )
    client = Client(settings, httpx.MockTransport(handle))
    waits: list[float] = []
    client.sleep = waits.append
    return client, waits, asked


def test_retry_after_is_honoured_and_capped() -> None:
    client, waits, _ = _client(
        [
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(503, headers={"Retry-After": "86400"}),
            httpx.Response(200, json=PAGE),
        ],
        sync_max_wait=60.0,
    )
    assert client.page("Zaak")["value"] == PAGE["value"]
    assert waits == [7.0, 60.0]
    assert client.retries == 2 and client.requests == 3


def drop() -> Exception:
    return httpx.RemoteProtocolError("Server disconnected without sending a response.")


def test_backoff_doubles_and_gives_up_with_the_address_and_cause() -> None:
    client, waits, asked = _client([drop(), httpx.Response(502), drop(), httpx.Response(500)])
    with pytest.raises(SyncError) as err:
        client.page("Toezegging", {"$orderby": "ApiGewijzigdOp,Id"})
    assert waits == [1.0, 2.0, 4.0]
    assert len(asked) == 4
    assert str(err.value) == f"{BASE}Toezegging?%24orderby=ApiGewijzigdOp%2CId: HTTP 500 after 4 attempts"


def test_a_timeout_is_retried_and_a_400_is_not() -> None:
    client, waits, _ = _client([httpx.ReadTimeout("timed out"), httpx.Response(200, json=PAGE)])
    assert client.page("Zaak")["value"] == PAGE["value"] and waits == [1.0]
    client, waits, asked = _client([httpx.Response(400, text="filter not understood")])
    with pytest.raises(SyncError, match="HTTP 400: filter not understood"):
        client.page("Zaak")
    assert waits == [] and len(asked) == 1


def test_answers_that_are_not_odata_and_links_elsewhere_are_refused() -> None:
    client, _, _ = _client([httpx.Response(200, text="<html>Onderhoud</html>")])
    with pytest.raises(SyncError, match="the answer is not JSON"):
        client.page("Zaak")
    client, _, _ = _client([httpx.Response(200, json={"error": "x"})])
    with pytest.raises(SyncError, match="not an OData collection"):
        client.page("Zaak")
    client, _, asked = _client([])
    with pytest.raises(SyncError, match="a link to another host; not followed"):
        client.page("https://elders.example/OData/v4/2.0/Zaak?$skiptoken=x")
    assert asked == []

"""Errors: JSON with a status and a message, reads closed by the setting, database failures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sahelwatch.api import create_app
from sahelwatch.settings import Settings, load_settings
from sahelwatch.store import Author, Store, open_store


def test_unknown_api_route_is_json_404(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json() == {
        "ok": False, "status": 404, "title": "Not Found", "error": "no such page",
    }  # fmt: skip


def test_wrong_method_is_json_405(client: TestClient) -> None:
    response = client.delete("/api/events")
    assert (response.status_code, response.json()["status"]) == (405, 405)


def test_every_response_forbids_other_origins(client: TestClient) -> None:
    for path in ("/api/events", "/", "/api/nothing-here"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'self'" in policy


@pytest.fixture
def closed(settings: Settings, store: Store, sample: object) -> Iterator[TestClient]:
    with TestClient(create_app(settings, store, read_requires_key=True)) as test_client:
        yield test_client


def test_reads_can_be_closed(closed: TestClient, store: Store) -> None:
    _, secret = store.create_key("analyst", "reader", Author("test"))

    refused = closed.get("/api/events")
    allowed = closed.get("/api/events", headers={"Authorization": f"Bearer {secret}"})

    assert (refused.status_code, refused.json()["error"]) == (
        401,
        "reading needs an API key on this server",
    )
    assert allowed.status_code == 200
    page = closed.get("/", follow_redirects=False)
    assert (page.status_code, page.headers["location"]) == (303, "/login?next=/")


def test_a_database_that_fails_is_503(tmp_path: Path) -> None:
    path = tmp_path / "gone.db"
    settings = load_settings(
        environ={"SAHELWATCH_DB": f"sqlite:///{path}", "XDG_CONFIG_HOME": str(tmp_path)}
    )
    store = open_store(settings.db)
    with TestClient(create_app(settings, store)) as test_client:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.mkdir()  # a directory where the file was: SQLite cannot open it

        response = test_client.get("/api/events")

    assert response.status_code == 503
    assert response.json()["error"].startswith("the database is not available: cannot read events")

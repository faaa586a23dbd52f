"""/api/keys (admin) and /api/me."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_admin_creates_lists_and_revokes_keys(client: TestClient, admin: dict[str, str]) -> None:
    created = client.post("/api/keys", json={"role": "analyst", "name": "Yacine"}, headers=admin)

    assert created.status_code == 201, created.text
    secret, key = created.json()["secret"], created.json()["key"]
    assert (key["name"], key["role"], key["active"]) == ("Yacine", "analyst", True)
    me = client.get("/api/me", headers={"Authorization": f"Bearer {secret}"}).json()
    assert me["name"] == "Yacine"
    listed = client.get("/api/keys", headers=admin).json()["keys"]
    assert [k["name"] for k in listed] == ["Root", "Yacine"]
    assert all("secret" not in k and "key_hash" not in k for k in listed)

    revoked = client.delete(f"/api/keys/{key['id']}", headers=admin)

    assert revoked.json()["active"] is False
    after = client.get("/api/me", headers={"Authorization": f"Bearer {secret}"})
    assert after.status_code == 401


def test_an_analyst_cannot_manage_keys(client: TestClient, analyst: dict[str, str]) -> None:
    response = client.post("/api/keys", json={"role": "admin", "name": "me"}, headers=analyst)
    assert response.status_code == 403
    assert response.json()["error"] == "this needs the admin role; the key 'Amina' is analyst"
    assert client.get("/api/keys", headers=analyst).status_code == 403
    assert client.get("/api/keys").status_code == 401


def test_key_requests_are_checked(client: TestClient, admin: dict[str, str]) -> None:
    assert (
        client.post("/api/keys", json={"role": "owner", "name": "x"}, headers=admin).status_code
        == 422
    )
    assert (
        client.post("/api/keys", json={"role": "admin", "name": ""}, headers=admin).status_code
        == 422
    )
    assert (
        client.post("/api/keys", json={"role": "admin", "name": "   "}, headers=admin).status_code
        == 422
    )
    assert client.delete("/api/keys/999", headers=admin).status_code == 404
    assert client.delete("/api/keys/abc", headers=admin).status_code == 422


def test_me_without_a_key_is_401(client: TestClient) -> None:
    assert client.get("/api/me").status_code == 401

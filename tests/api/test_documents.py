"""/api/documents: the marked text, and ingesting one document or a batch."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sahelwatch.store import Store

FRENCH = (
    "Tombouctou, 3 mai 2025. Des hommes armés ont incendié le marché de Ber dans la nuit, "
    "ont rapporté des habitants joints par téléphone. Aucune victime n'a été signalée."
)


def test_get_document_marks_the_evidence(client: TestClient, sample: object) -> None:
    doc_id = client.get("/api/events/inekar").json()["reports"][0]["document_id"]

    body = client.get(f"/api/documents/{doc_id}").json()

    assert "".join(segment["text"] for segment in body["segments"]) == body["text"]
    evidence = [m for m in body["marks"] if m["kind"] == "evidence"]
    assert {m["event_id"] for m in evidence} == {"inekar", "menaka"}
    marked = [
        s["text"]
        for s in body["segments"]
        if any(body["marks"][i]["event_id"] == "inekar" for i in s["marks"])
    ]
    assert "".join(marked).startswith("Plus de 30 civils")
    assert body["events"] == ["inekar", "menaka"]
    assert (body["language"], body["outlet"]) == ("fr", "Le Républicain")


def test_get_document_marks_places_and_assessments(client: TestClient) -> None:
    doc_id = client.get("/api/events/strike").json()["reports"][0]["document_id"]
    body = client.get(f"/api/documents/{doc_id}").json()
    kinds = {mark["kind"] for mark in body["marks"]}
    assert kinds == {"evidence", "place", "assessment"}
    assert body["assessments"][0]["kind"] == "warning"


def test_get_unknown_document_is_404(client: TestClient) -> None:
    response = client.get("/api/documents/nope")
    assert (response.status_code, response.json()["error"]) == (404, "no document nope")


def test_post_one_document_stores_it_once(
    client: TestClient, analyst: dict[str, str], store: Store
) -> None:
    document = {"text": FRENCH, "title": "Ber", "published": "2025-05-03", "language": "fr"}

    first = client.post("/api/documents", json=document, headers=analyst)
    again = client.post("/api/documents", json=document, headers=analyst)

    assert first.status_code == 201, first.text
    (result,) = first.json()["documents"]
    assert (result["status"], result["language"]) == ("added", "fr")
    assert (again.status_code, again.json()["documents"][0]["status"]) == (200, "duplicate")
    stored = client.get(f"/api/documents/{result['id']}").json()
    assert (stored["title"], stored["published"], stored["source"]) == (
        "Ber",
        "2025-05-03",
        "api:Amina#1",
    )
    assert first.json()["coded"] is False
    assert store.document(result["id"]) is not None


def test_post_a_batch_reports_each_document(client: TestClient, analyst: dict[str, str]) -> None:
    batch = {
        "documents": [{"text": FRENCH, "language": "fr"}, {"text": "   "}, {"title": "no text"}]
    }

    response = client.post("/api/documents", json=batch, headers=analyst)

    assert response.status_code == 201
    body = response.json()
    assert [d["status"] for d in body["documents"]] == ["added", "rejected", "rejected"]
    assert (body["added"], body["rejected"], body["duplicate"]) == (1, 2, 0)
    assert body["documents"][2]["reason"] == "malformed"


def test_post_documents_needs_an_analyst_key(client: TestClient) -> None:
    assert client.post("/api/documents", json={"text": FRENCH}).status_code == 401


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # checks, not SQL
def test_post_documents_refuses_unknown_fields(client: TestClient, analyst: dict[str, str]) -> None:
    response = client.post("/api/documents", json={"text": FRENCH, "author": "x"}, headers=analyst)
    assert response.status_code == 422
    fields = [error["field"] for error in response.json()["errors"]]
    assert any("author" in field for field in fields)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # checks, not SQL
def test_post_documents_refuses_a_bad_date(client: TestClient, analyst: dict[str, str]) -> None:
    response = client.post(
        "/api/documents", json={"text": FRENCH, "published": "3 May"}, headers=analyst
    )
    assert response.status_code == 422

"""Writes on events (PATCH, merge, split): keys and roles, validation, history, recoding."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from factories import CODER, make_event
from sahelwatch.model import Extraction
from sahelwatch.store import Store


def test_patch_event_needs_an_analyst_key(client: TestClient, store: Store) -> None:
    response = client.patch("/api/events/inekar", json={"fatalities": 31})
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "analyst role" in response.json()["error"]

    response = client.patch(
        "/api/events/inekar", json={"fatalities": 31}, headers={"Authorization": "Bearer sw_nope"}
    )
    assert (response.status_code, response.json()["error"]) == (401, "unknown or revoked API key")


def test_patch_event_corrects_and_records_history(
    client: TestClient, analyst: dict[str, str]
) -> None:
    response = client.patch(
        "/api/events/inekar",
        json={"fatalities": 34, "actor2": "Civilians (Mali)", "note": "hospital figures"},
        headers=analyst,
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["fatalities"], body["actor2"]) == (34, "Civilians (Mali)")
    assert body["corrected"] == ["actor2", "fatalities"]
    assert body["reports"][0]["fatalities"]["best"] == 30  # the source still says 30
    corrections = {c["field"]: (c["value"], c["machine"], c["author"]) for c in body["corrections"]}
    assert corrections["fatalities"] == (34, 30, "Amina")
    history = [(h["action"], h["field"], h["before"], h["after"], h["author"], h["note"])
               for h in body["history"]]  # fmt: skip
    assert ("correct", "fatalities", 30, 34, "Amina", "hospital figures") in history
    assert client.get("/api/events?min_fatalities=34").json()["total"] == 1


def test_patch_event_confirms(client: TestClient, analyst: dict[str, str]) -> None:
    body = client.patch("/api/events/strike", json={"status": "confirmed"}, headers=analyst).json()

    assert body["status"] == "confirmed"
    assert [h["action"] for h in body["history"]] == ["confirm"]
    assert [e["id"] for e in client.get("/api/events?status=confirmed").json()["events"]] == [
        "strike"
    ]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # checks, not SQL
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"coder": "me"}, "coder"),
        ({"fatalities": -3}, "fatalities"),
        ({"fatalities": "many"}, "fatalities"),
        ({"event_date": "last week"}, "event_date"),
        ({"latitude": 95}, "latitude"),
        ({"modality": "rumoured"}, "modality"),
        ({"status": "approved"}, "status"),
        ({"family": "weather"}, "family"),
        ({"sub_event_type": "Skirmish"}, "sub_event_type"),
        ({"country": "Atlantis"}, "country"),
        ({}, "body"),
        ({"note": "only a note"}, "body"),
    ],
)
def test_patch_event_names_the_bad_field(
    client: TestClient, analyst: dict[str, str], body: dict[str, object], field: str
) -> None:
    response = client.patch("/api/events/inekar", json=body, headers=analyst)

    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["field"] == field
    assert client.get("/api/events/inekar").json()["history"] == []


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # checks, not SQL
def test_patch_event_not_json_is_422(client: TestClient, analyst: dict[str, str]) -> None:
    response = client.patch(
        "/api/events/inekar",
        content=b"{not json",
        headers=analyst | {"Content-Type": "application/json"},
    )
    assert response.status_code == 422


def test_patch_unknown_event_is_404(client: TestClient, analyst: dict[str, str]) -> None:
    response = client.patch("/api/events/nope", json={"fatalities": 1}, headers=analyst)
    assert (response.status_code, response.json()["error"]) == (404, "no event nope")


def test_correction_survives_recoding(
    client: TestClient, analyst: dict[str, str], store: Store, sample: object
) -> None:
    client.patch("/api/events/inekar", json={"fatalities": 34}, headers=analyst)
    (event,) = [e for e in store.events() if e.id == "inekar"]
    (menaka,) = [e for e in store.events() if e.id == "menaka"]
    doc = store.document(event.lead.doc_id)
    assert doc is not None

    store.save_extraction(
        Extraction(doc, reports=(*event.reports, *menaka.reports)),
        [
            make_event(*event.reports, event_id="inekar"),
            make_event(*menaka.reports, event_id="menaka"),
        ],
        CODER + "-next",
    )

    body = client.get("/api/events/inekar").json()
    assert (body["fatalities"], body["corrected"]) == (34, ["fatalities"])


def test_cookie_login_writes_need_the_csrf_header(
    client: TestClient, analyst: dict[str, str]
) -> None:
    secret = analyst["Authorization"].removeprefix("Bearer ")
    client.cookies.set("sahelwatch_key", secret)

    refused = client.patch("/api/events/inekar", json={"fatalities": 31})
    accepted = client.patch(
        "/api/events/inekar", json={"fatalities": 31}, headers={"X-Requested-With": "sahelwatch"}
    )

    assert refused.status_code == 403
    assert "X-Requested-With" in refused.json()["error"]
    assert accepted.status_code == 200


def test_merge_events(client: TestClient, analyst: dict[str, str]) -> None:
    response = client.post(
        "/api/events/merge", json={"into": "strike", "events": ["fled"], "note": "same raid"},
        headers=analyst,
    )  # fmt: skip

    assert response.status_code == 200, response.text
    body = response.json()
    assert [r["id"] for r in body["reports"]] == ["strike", "fled"]
    assert body["history"][0]["action"] == "merge"
    gone = client.get("/api/events/fled")
    assert (gone.status_code, gone.json()["error"]) == (
        404,
        "event fled was merged into event strike",
    )


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # checks, not SQL
@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"into": "strike", "events": ["strike"]}, 409),
        ({"into": "strike", "events": ["nope"]}, 404),
        ({"into": "nope", "events": ["strike"]}, 404),
        ({"into": "strike", "events": []}, 422),
        ({"into": "strike"}, 422),
        ({"into": "strike", "events": ["fled"], "colour": "red"}, 422),
    ],
)
def test_merge_events_refusals(
    client: TestClient, analyst: dict[str, str], body: dict[str, object], status: int
) -> None:
    assert client.post("/api/events/merge", json=body, headers=analyst).status_code == status


def test_merge_needs_a_key(client: TestClient) -> None:
    response = client.post("/api/events/merge", json={"into": "strike", "events": ["fled"]})
    assert response.status_code == 401


def test_split_event(client: TestClient, analyst: dict[str, str], sample: object) -> None:
    client.post("/api/events/merge", json={"into": "strike", "events": ["fled"]}, headers=analyst)
    doc_id = client.get("/api/events/strike").json()["reports"][1]["document_id"]

    response = client.post(
        "/api/events/split",
        json={"event": "strike", "reports": [{"document_id": doc_id, "report_id": "fled"}]},
        headers=analyst,
    )

    assert response.status_code == 201, response.text
    body = response.json()
    assert [r["id"] for r in body["event"]["reports"]] == ["strike"]
    assert [r["id"] for r in body["new_event"]["reports"]] == ["fled"]
    assert body["new_event"]["history"][0]["action"] == "split_from"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # checks, not SQL
@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"event": "strike", "reports": [{"document_id": "x", "report_id": "y"}]}, 409),
        ({"event": "nope", "reports": [{"document_id": "x", "report_id": "y"}]}, 404),
        ({"event": "strike", "reports": []}, 422),
        ({"event": "strike", "reports": [{"document_id": "x"}]}, 422),
    ],
)
def test_split_event_refusals(
    client: TestClient, analyst: dict[str, str], body: dict[str, object], status: int
) -> None:
    assert client.post("/api/events/split", json=body, headers=analyst).status_code == status

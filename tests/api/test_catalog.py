"""/api/aggregates, /api/places, /api/actors, /api/assessments and /api."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_aggregates_by_week_and_family(client: TestClient) -> None:
    body = client.get("/api/aggregates?interval=week&by=family").json()

    assert (body["interval"], body["by"]) == ("week", "family")
    assert body["rows"] == [
        {"period": "2024-08-12", "key": "conflict", "events": 1, "fatalities": 3},
        {"period": "2024-08-19", "key": "displacement", "events": 1, "fatalities": 0},
        {"period": "2025-08-18", "key": "health", "events": 1, "fatalities": 9},
        {"period": "2025-08-18", "key": "protest", "events": 1, "fatalities": 0},
        {"period": "2026-03-09", "key": "conflict", "events": 1, "fatalities": 30},
        {"period": "2026-03-09", "key": "displacement", "events": 1, "fatalities": 0},
    ]


def test_aggregates_with_filters_by_month_and_country(client: TestClient) -> None:
    body = client.get("/api/aggregates?interval=month&by=country&country=ML").json()
    assert [(r["period"], r["key"], r["events"]) for r in body["rows"]] == [
        ("2024-08-01", "ML", 2),
        ("2026-03-01", "ML", 2),
    ]


def test_aggregates_totals(client: TestClient) -> None:
    body = client.get("/api/aggregates?by=admin1&min_fatalities=1").json()
    assert [(r["key"], r["events"], r["fatalities"]) for r in body["rows"]] == [
        ("Kidal", 1, 3), ("Ménaka", 1, 30), ("Ouaddaï", 1, 9),
    ]  # fmt: skip
    assert client.get("/api/aggregates").json()["rows"] == [
        {"period": None, "key": None, "events": 6, "fatalities": 42}
    ]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # checks, not SQL
@pytest.mark.parametrize(
    ("query", "field"),
    [("interval=year", "interval"), ("by=colour", "by"), ("since=x", "since")],
)
def test_aggregates_bad_parameters(client: TestClient, query: str, field: str) -> None:
    response = client.get(f"/api/aggregates?{query}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_places_most_events_first(client: TestClient) -> None:
    places = client.get("/api/places").json()["places"]
    assert (places[0]["name"], places[0]["events"]) == ("Ti-n-Zaouâtene", 2)
    assert {p["name"] for p in places} >= {"Adré", "Inékar", "Ménaka", "Nouakchott"}
    found = client.get("/api/places?country=td").json()["places"]
    assert [p["name"] for p in found] == ["Adré"]
    assert client.get("/api/places?limit=0").status_code == 422


def test_actors_most_named_first(client: TestClient) -> None:
    actors = client.get("/api/actors?q=refugee").json()["actors"]
    assert actors == [{"name": "Refugees (Sudan)", "inter": 1, "reports": 1}]
    assert len(client.get("/api/actors?limit=2").json()["actors"]) == 2


def test_assessments_with_their_source(client: TestClient) -> None:
    (found,) = client.get("/api/assessments?party=mali").json()["assessments"]
    assert (found["kind"], found["parties"]) == ("warning", ["Algeria", "Mali"])
    assert found["evidence"][0]["text"] == "Analysts warn that tensions between Algeria and Mali"
    assert found["source"]["title"] == "Drone strikes on Tinzaouaten"
    assert client.get("/api/assessments?kind=recommendation").json()["assessments"] == []


def test_api_index_lists_the_endpoints(client: TestClient) -> None:
    body = client.get("/api").json()
    assert body["counts"]["events"] == 6
    assert {"GET /api/events", "PATCH /api/events/{event_id}", "POST /api/keys"} <= set(
        body["endpoints"]
    )

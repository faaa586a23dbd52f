"""GET /api/events: filters, keyset pages, formats, fields, and every bad parameter."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

ALL = ["menaka", "inekar", "protest", "cholera", "fled", "strike"]


def ids(client: TestClient, query: str = "") -> list[str]:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    return [event["id"] for event in response.json()["events"]]


def test_list_events_newest_first_with_total(client: TestClient) -> None:
    response = client.get("/api/events")

    body = response.json()
    assert [e["id"] for e in body["events"]] == ALL
    assert (body["total"], body["next"], body["next_cursor"]) == (6, None, None)
    assert response.headers["x-total-count"] == "6"
    first = body["events"][0]
    assert first["event_date"] == "2026-03-12"
    assert first["sub_event_type"] == "Flight"
    assert (first["latitude"], first["longitude"], first["country_code"]) == (15.91, 2.4, "ML")
    assert (first["status"], first["corrected"]) == ("unreviewed", [])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("since=2025-08-19", ["menaka", "inekar", "protest"]),
        ("until=2024-12-31", ["fled", "strike"]),
        ("since=2025-01-01&until=2025-12-31", ["protest", "cholera"]),
        ("bbox=-20,10,5,19", ["menaka", "inekar", "protest"]),
        ("bbox=20,10,25,15", ["cholera"]),
        ("country=ML", ["menaka", "inekar", "fled", "strike"]),
        ("country=chad", ["cholera"]),
        ("admin1=M%C3%A9naka", ["menaka", "inekar"]),
        ("event_type=Displacement", ["menaka", "fled"]),
        ("sub_event_type=Disease%20outbreak", ["cholera"]),
        ("family=protest", ["protest"]),
        ("actor=unidentified", ["inekar"]),
        ("actor=MALI", ["menaka", "inekar", "fled", "strike"]),
        ("modality=reported", ALL),
        ("modality=claimed", []),
        ("min_fatalities=5", ["inekar", "cholera"]),
        ("q=refugee%20CAMPS", ["cholera"]),
        ("q=cholera", ["protest", "cholera"]),  # the title of their document
        ("q=inekar", ["inekar"]),
        ("q=FAMILLES%20menaka", ["menaka"]),
        ("q=pharmacy", ["strike"]),
        ("status=confirmed", []),
        ("located=false", []),
        ("family=displacement&country=ML&since=2026-01-01", ["menaka"]),
    ],
)
def test_list_events_filters(client: TestClient, query: str, expected: list[str]) -> None:
    assert ids(client, query) == expected


def test_list_events_walks_pages_with_cursors(client: TestClient) -> None:
    seen, url = [], "/api/events?limit=4&family=displacement&limit=2"
    while url:
        response = client.get(url)
        body = response.json()
        seen += [event["id"] for event in body["events"]]
        if body["next"]:
            assert response.headers["link"] == f'<{body["next"]}>; rel="next"'
            assert "family=displacement" in body["next"]
        assert body["total"] == (2 if "cursor" not in url else None)  # counted on page 1
        url = body["next"]
    assert seen == ["menaka", "fled"]
    assert ids(client, "limit=5")[-1] == "fled"


def test_list_events_as_geojson(client: TestClient) -> None:
    response = client.get("/api/events?format=geojson&family=health")

    assert response.headers["content-type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    (feature,) = body["features"]
    assert feature["id"] == "cholera"
    assert feature["geometry"] == {"type": "Point", "coordinates": [22.2, 13.47]}
    assert feature["properties"]["fatalities"] == 9
    assert body["total"] == 1


def test_list_events_as_csv_with_chosen_fields(client: TestClient) -> None:
    response = client.get("/api/events?format=csv&fields=event_date,fatalities&country=TD")

    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows == [{"id": "cholera", "event_date": "2025-08-18", "fatalities": "9"}]


def test_list_events_with_chosen_fields(client: TestClient) -> None:
    body = client.get("/api/events?fields=family,%20location&limit=1").json()
    assert body["events"] == [{"id": "menaka", "family": "displacement", "location": "Ménaka"}]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # checks, not SQL
@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("since=yesterday", "since"),
        ("until=2025-13-01", "until"),
        ("since=2025-02-01&until=2025-01-01", "until"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=10,0,5,1", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("family=weather", "family"),
        ("modality=rumoured", "modality"),
        ("status=maybe", "status"),
        ("min_fatalities=-1", "min_fatalities"),
        ("min_fatalities=many", "min_fatalities"),
        ("limit=0", "limit"),
        ("limit=10001", "limit"),
        ("format=xml", "format"),
        ("fields=id,colour", "fields"),
        ("cursor=not-a-cursor", "cursor"),
        ("located=perhaps", "located"),
        (f"q={'x' * 201}", "q"),
    ],
)
def test_list_events_names_the_bad_parameter(client: TestClient, query: str, field: str) -> None:
    response = client.get(f"/api/events?{query}")

    assert response.status_code == 422
    body = response.json()
    assert (body["ok"], body["status"]) == (False, 422)
    assert [error["field"] for error in body["errors"]] == [field]
    assert body["error"].startswith(f"{field}: ")


def test_get_event_with_reports_sources_evidence_and_history(
    client: TestClient, sample: object
) -> None:
    body = client.get("/api/events/inekar").json()

    assert (body["id"], body["fatalities"], body["history"], body["corrections"]) == (
        "inekar", 30, [], [],
    )  # fmt: skip
    (report,) = body["reports"]
    (evidence,) = report["evidence"]
    assert evidence["text"].startswith("Plus de 30 civils ont été tués le 12 mars")
    assert report["fatalities"] == {
        "best": 30,
        "low": 30,
        "high": None,
        "text": "Plus de 30 civils",
    }
    assert report["place"]["name"] == "Inékar"
    assert report["location_span"]["text"] == "Inékar"
    (source,) = body["sources"]
    assert (source["outlet"], source["language"], source["published"]) == (
        "Le Républicain", "fr", "2026-03-14",
    )  # fmt: skip


def test_get_event_unknown_is_404(client: TestClient) -> None:
    response = client.get("/api/events/nope")
    assert response.status_code == 404
    assert response.json()["error"] == "no event nope"

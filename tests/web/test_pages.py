"""The dashboard's pages, rendered on the server: map page, event page, document page,
login, language, errors, API reference."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from sahelwatch.store import Author, Store

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def test_dashboard_offers_the_filters_of_the_data(client: TestClient) -> None:
    response = client.get("/?family=health&q=camps")

    assert response.status_code == 200
    page = response.text
    assert '<option value="health" selected>Health</option>' in page
    assert 'name="q" value="camps"' in page
    assert '<option value="TD">Chad (1)</option>' in page
    assert '<option value="Unidentified Armed Group (Mali)">' in page
    assert '<script src="/static/leaflet/leaflet.js" defer></script>' in page
    assert '<div id="map"></div>' in page


def test_dashboard_speaks_french(client: TestClient) -> None:
    page = client.get("/?lang=fr").text

    assert '<html lang="fr">' in page
    assert "Événements par semaine" in page
    assert '<option value="TD">Tchad (1)</option>' in page
    assert client.cookies.get("sahelwatch_lang") == "fr"
    assert "Événements par semaine" in client.get("/").text  # remembered
    english = client.get("/", headers={"Accept-Language": "en-GB"}, params={"lang": "en"})
    assert "Events per week" in english.text


def test_dashboard_follows_the_browser_language(client: TestClient) -> None:
    page = client.get("/", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"}).text
    assert "Filtres" in page


def test_event_page_shows_fields_reports_and_the_highlighted_sentence(
    client: TestClient, sample: object
) -> None:
    page = client.get("/events/inekar").text

    assert "<mark>Plus de 30 civils ont été tués le 12 mars" in page
    assert 'href="https://example.org/menaka" rel="noopener noreferrer nofollow"' in page
    assert "Le Républicain" in page
    assert re.search(r"<th>Fatalities</th>\s*<td>\s*30", page)
    assert "No analyst change yet." in page
    assert "Log in with an analyst key" in page
    assert 'id="correct"' not in page  # no review form for visitors


def test_event_page_shows_corrections_and_history(
    client: TestClient, analyst: dict[str, str]
) -> None:
    client.patch("/api/events/inekar", json={"fatalities": 34, "note": "MSF"}, headers=analyst)

    page = client.get("/events/inekar").text

    assert 'class="is-corrected"' in page
    assert "Corrected by Amina on" in page and "machine value: 30" in page
    assert re.search(r"<td>Amina</td><td>Corrected</td><td>Fatalities</td>", page)
    assert '<td class="before">30</td>' in page and "<td>MSF</td>" in page


def test_event_page_of_a_merged_event_redirects(
    client: TestClient, analyst: dict[str, str]
) -> None:
    client.post("/api/events/merge", json={"into": "strike", "events": ["fled"]}, headers=analyst)

    response = client.get("/events/fled", follow_redirects=False)

    assert (response.status_code, response.headers["location"]) == (303, "/events/strike")


def test_unknown_pages_are_html_errors(client: TestClient) -> None:
    response = client.get("/events/nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no event nope" in response.text
    assert client.get("/nowhere").status_code == 404


def test_document_page_marks_evidence_places_and_assessments(client: TestClient) -> None:
    doc_id = client.get("/api/events/strike").json()["reports"][0]["document_id"]

    page = client.get(f"/documents/{doc_id}").text

    assert re.search(r'<a class="mark-evidence" href="/events/strike"[^>]*>A series of drone', page)
    assert '<span class="mark-assessment"' in page
    assert 'class="mark-place"' in page


def test_login_sets_a_cookie_and_shows_the_review_tools(client: TestClient, store: Store) -> None:
    _, secret = store.create_key("analyst", "Amina", Author("test"))

    refused = client.post("/login", data={"key": "sw_wrong", "next": "/events/inekar"})
    response = client.post(
        "/login", data={"key": secret, "next": "/events/inekar"}, follow_redirects=False
    )

    assert refused.status_code == 401 and "unknown or revoked" in refused.text
    assert (response.status_code, response.headers["location"]) == (303, "/events/inekar")
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    page = client.get("/events/inekar").text
    assert 'id="correct"' in page and "Amina · analyst" in page
    client.post("/logout")
    assert 'id="correct"' not in client.get("/events/inekar").text


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_login_never_redirects_elsewhere(client: TestClient, store: Store, target: str) -> None:
    _, secret = store.create_key("analyst", "Amina", Author("test"))
    response = client.post("/login", data={"key": secret, "next": target}, follow_redirects=False)
    assert response.headers["location"] == "/"


def test_api_reference_lists_every_endpoint(client: TestClient) -> None:
    page = client.get("/docs").text
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents", "/api/aggregates",
                 "/api/places", "/api/actors", "/api/assessments", "/api/keys"):  # fmt: skip
        assert f"<code>{path}</code>" in page
    assert client.get("/openapi.json").json()["info"]["title"] == "sahelwatch"

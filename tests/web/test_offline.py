"""Nothing is fetched from the internet: no page or asset refers to another host for a
resource (script, style, image, font, data), and the pages forbid it (Content-Security-Policy).

Links a reader may follow to a source's own page (``<a href>`` to the article) are data, not
resources: they must open with ``rel="noopener noreferrer"``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sahelwatch.web import leaflet_folder
from sahelwatch.web._state import STATIC

SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

EXTERNAL = re.compile(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s\"'()<>]*", re.IGNORECASE)
# Not fetched: XML namespace names, and the Leaflet home page in leaflet.js's default
# attribution prefix, which the map replaces (map.attributionControl.setPrefix).
NOT_FETCHED = ("http://www.w3.org/2000/svg", "https://leafletjs.com")
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "action", "formaction", "background"}


class Resources(HTMLParser):
    """Every URL a page makes the browser load, and every outbound link."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.inline: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.loaded += [values[name] for name in RESOURCE_ATTRIBUTES if name in values]
        if tag == "link":
            self.loaded.append(values.get("href", ""))
        elif tag == "a" and "href" in values:
            self.links.append((values["href"], values.get("rel", "")))
        if "style" in values:
            self.inline.append(values["style"])
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.inline.append(data)


def pages(client: TestClient) -> list[str]:
    doc_id = client.get("/api/events/inekar").json()["reports"][0]["document_id"]
    return ["/", "/?lang=fr", "/events/inekar", f"/documents/{doc_id}", "/login", "/docs", "/no"]


def external(text: str) -> list[str]:
    return [url for url in EXTERNAL.findall(text) if not url.startswith(NOT_FETCHED)]


@SQLITE
def test_no_page_loads_anything_from_another_host(client: TestClient, sample: object) -> None:
    for path in pages(client):
        response = client.get(path)
        parser = Resources()
        parser.feed(response.text)
        assert parser.loaded, path
        assert [url for url in parser.loaded if EXTERNAL.match(url)] == [], path
        assert [css for css in parser.inline if external(css)] == [], path
        for href, rel in parser.links:
            if EXTERNAL.match(href):
                assert {"noopener", "noreferrer"} <= set(rel.split()), (path, href)
        assert "default-src 'self'" in response.headers["content-security-policy"], path


@SQLITE
def test_no_asset_refers_to_another_host(client: TestClient) -> None:
    own = sorted(path for path in STATIC.rglob("*") if path.suffix in {".js", ".css", ".json"})
    vendor = [leaflet_folder() / name for name in ("leaflet.js", "leaflet.css")]  # what pages load
    assert {p.name for p in own} >= {"app.css", "dashboard.js", "timeline.js", "common.js"}
    for path in own + vendor:
        if path.name == "basemap.geojson":
            continue
        text = path.read_text("utf-8")
        if path.suffix == ".css":  # a comment is never fetched
            text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
        assert external(text) == [], path
    assert "setPrefix(" in (STATIC / "js" / "dashboard.js").read_text("utf-8")


@SQLITE
def test_every_asset_a_page_names_is_served(client: TestClient) -> None:
    for path in ("/", "/events/inekar"):
        parser = Resources()
        parser.feed(client.get(path).text)
        for url in parser.loaded:
            if url.startswith("/"):
                assert client.get(url).status_code == 200, url
    for name in ("/static/basemap.geojson", "/static/leaflet/leaflet.css"):
        assert client.get(name).status_code == 200


def test_the_shipped_basemap_is_small_and_complete() -> None:
    import json

    path = STATIC / "basemap.geojson"
    assert path.stat().st_size < 3_000_000
    features = json.loads(path.read_text("utf-8"))["features"]
    countries = {f["properties"]["iso2"] for f in features if f["properties"]["kind"] == "country"}
    regions = [f for f in features if f["properties"]["kind"] == "admin1"]
    assert {"ML", "NE", "BF", "MR", "DZ", "LY", "TD", "SN", "NG"} <= countries
    assert len(regions) > 80
    assert Path(STATIC / "country_names.json").exists()

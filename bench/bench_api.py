"""API and dashboard speed on 100,000 events, in SQLite and PostgreSQL.

Builds 100,000 synthetic events (200 documents of 500 reports each, stored through
``Store.save_extraction`` like real coding, so every index, consolidated row and search text is
the real one), serves them with uvicorn on 127.0.0.1, and measures:

- ``GET /api/events`` with filters (100 per page), p50/p95/max over 10 kinds of query, client
  side with httpx against ``sahelwatch serve`` in its own process (so HTTP, JSON and the
  database all count); target p95 < 150 ms;
- the map page with 10,000 events in view (the dashboard loads the newest 10,000): from
  navigation to markers drawn, in headless Chromium (skipped when /usr/bin/chromium is missing).

PostgreSQL is ``$SAHELWATCH_BENCH_POSTGRES`` (default ``postgresql+psycopg://postgres@127.0.0.1
:5432/postgres``): a database is created there and dropped after; skipped when none answers.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

from sahelwatch.model import (
    Count,
    DatePrecision,
    Document,
    Event,
    EventDate,
    EventReport,
    Extraction,
    Modality,
    Place,
    Span,
)
from sahelwatch.store import Store, open_store

EVENTS = 100_000
PER_DOCUMENT = 500
REPEAT = 25
CHROMIUM = Path("/usr/bin/chromium")
POSTGRES = os.environ.get(
    "SAHELWATCH_BENCH_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
QUERIES = {
    "none": "",
    "period": "since=2023-04-01&until=2023-06-30",
    "family_country": "family=conflict&country=ML",
    "bbox_since": "bbox=-6,12,4,18&since=2024-01-01",
    "actor": "actor=jnim",
    "text": "q=market",
    "type_fatalities": "event_type=Battles&min_fatalities=10",
    "admin1": "admin1=Kidal",
    "combined": "family=displacement&country=NE&since=2022-01-01&q=camp",
}
# country, ISO, (south, west, north, east) of a box inside it, admin-1 names
COUNTRIES = [
    ("Mali", "ML", (11.0, -11.0, 24.0, 4.0), ("Kidal", "Gao", "Mopti", "Tombouctou", "Ménaka")),
    ("Niger", "NE", (12.0, 1.0, 22.0, 14.0), ("Tillabéri", "Tahoua", "Agadez", "Diffa")),
    ("Burkina Faso", "BF", (10.0, -5.0, 15.0, 2.0), ("Sahel", "Est", "Nord", "Centre-Nord")),
    ("Mauritania", "MR", (15.0, -16.0, 26.0, -6.0), ("Hodh ech Chargui", "Trarza", "Gorgol")),
    ("Chad", "TD", (8.0, 14.0, 22.0, 23.0), ("Lac", "Ouaddaï", "Tibesti")),
    ("Algeria", "DZ", (19.0, -2.0, 30.0, 9.0), ("In Guezzam", "Tamanrasset", "Adrar")),
    ("Libya", "LY", (22.0, 10.0, 32.0, 24.0), ("Kufra", "Sebha", "Murzuq")),
]
KINDS = [
    ("conflict", "Battles", "Armed clash", "Fighting broke out near the market of"),
    ("conflict", "Violence against civilians", "Attack", "Gunmen attacked a village near"),
    ("conflict", "Explosions/Remote violence", "Air/drone strike", "A drone strike hit"),
    ("displacement", "Displacement", "Flight", "Families fled to a camp outside"),
    ("health", "Health", "Disease outbreak", "Cholera cases were reported in"),
    ("protest", "Protests", "Peaceful protest", "Traders protested in the market of"),
    ("strategic", "Strategic developments", "Arrests", "Soldiers arrested several men in"),
]
ACTORS = [
    "JNIM: Jamaah Nusrat al-Islam wal-Muslimin", "Islamic State (Sahel)", "Military Forces of Mali",
    "Military Forces of Niger", "Military Forces of Burkina Faso", "FLA: Azawad Liberation Front",
    "Africa Corps", "VDP: Volunteers for the Defense of the Homeland", "Unidentified Armed Group",
    "Civilians", "Refugees", "Protesters",
]  # fmt: skip


def _places(rng: random.Random) -> list[tuple[Place, str]]:
    found = []
    for index in range(700):
        country, iso, (south, west, north, east), regions = COUNTRIES[index % len(COUNTRIES)]
        lat, lon = rng.uniform(south, north), rng.uniform(west, east)
        place = Place(1_000_000 + index, f"Place {index}", round(lat, 4), round(lon, 4), "P",
                      "PPL", iso, rng.choice(regions), None, rng.randint(100, 90_000))  # fmt: skip
        found.append((place, country))
    return found


def _document(rng: random.Random, number: int, places: list[tuple[Place, str]]) -> Extraction:
    sentences, reports, offset = [], [], 0
    start = dt.date(2021, 1, 1)
    doc_id = f"bench{number:05d}"
    for index in range(PER_DOCUMENT):
        family, event_type, sub_type, words = rng.choice(KINDS)
        place, country = rng.choice(places)
        day = start + dt.timedelta(days=rng.randrange(5 * 365))
        sentence = f"{words} {place.name} on {day:%d %B %Y}. "
        sentences.append(sentence)
        span = Span(offset, offset + len(sentence) - 1)
        offset += len(sentence)
        deaths = int(rng.paretovariate(1.6)) - 1 if family == "conflict" else 0
        reports.append(
            EventReport(
                id=f"r{index:04d}", doc_id=doc_id, family=family, event_type=event_type,
                sub_event_type=sub_type, date=EventDate(day, None, DatePrecision.DAY),
                modality=Modality.REPORTED, evidence=(span,), coder="bench",
                actor1=rng.choice(ACTORS), actor2=rng.choice(ACTORS), inter1=3, inter2=7,
                location=place.name, place=place, country=country, geo_precision=2,
                fatalities=Count(deaths, deaths, None, str(deaths)), confidence=0.7,
            )
        )  # fmt: skip
    text = "".join(sentences)
    document = Document(doc_id, text, text.encode("utf-8"), "en", start, f"Bulletin {number}")
    return Extraction(document, reports=tuple(reports))


def fill(store: Store, events: int = EVENTS) -> float:
    """Store ``events`` synthetic events; seconds it took."""
    rng = random.Random(7)
    places = _places(rng)
    started = time.perf_counter()
    for number in range(events // PER_DOCUMENT):
        extraction = _document(rng, number, places)
        coded = [Event(f"{report.doc_id}-{report.id}", (report,)) for report in extraction.reports]
        store.save_extraction(extraction, coded, "bench")
    store.optimize()  # statistics for the planner, as after any bulk load
    return time.perf_counter() - started


@contextmanager
def serving(url: str) -> Iterator[str]:
    """``sahelwatch serve`` over ``url`` in its own process (so that this client does not share
    its interpreter) on a free 127.0.0.1 port; yields the base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable, "-c", "import sys; from sahelwatch.cli import main; main()",
        "serve", "--host", "127.0.0.1", "--port", str(port),
    ]  # fmt: skip
    env = os.environ | {"SAHELWATCH_DB": url, "XDG_CONFIG_HOME": "/nonexistent"}
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/api", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise RuntimeError("sahelwatch serve did not start")
        yield base
    finally:
        server.terminate()
        server.wait(10)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure_api(base: str) -> dict[str, Any]:
    """Latency of GET /api/events per kind of query, and over all of them, in ms."""
    times: dict[str, list[float]] = {name: [] for name in QUERIES}
    with httpx.Client(base_url=base, timeout=30) as client:
        first = client.get("/api/events?family=conflict&country=ML").json()
        queries = dict(QUERIES, cursor=f"family=conflict&country=ML&cursor={first['next_cursor']}")
        times["cursor"] = []
        for path in ("/api/events",) * 3:  # warm up
            client.get(path).raise_for_status()
        for _ in range(REPEAT):
            for name, query in queries.items():
                started = time.perf_counter()
                client.get(f"/api/events?{query}").raise_for_status()
                times[name].append((time.perf_counter() - started) * 1000)
    every = [value for values in times.values() for value in values]
    return {
        "requests": len(every),
        "p50_ms": round(statistics.median(every), 1),
        "p95_ms": round(_percentile(every, 0.95), 1),
        "max_ms": round(max(every), 1),
        "p95_by_query_ms": {name: round(_percentile(v, 0.95), 1) for name, v in times.items()},
    }


def measure_map(base: str, runs: int = 5) -> dict[str, Any] | None:
    """Navigation to markers drawn on the map page with 10,000 events, in headless Chromium."""
    if not CHROMIUM.exists():
        return None
    from playwright.sync_api import sync_playwright

    args = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ]  # fmt: skip
    ready_ms: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        for _ in range(runs + 1):  # the first run warms the server's caches and is left out
            # bypass_csp: only so that this measuring script may read the page's timing mark.
            context = browser.new_context(viewport={"width": 1440, "height": 900}, bypass_csp=True)
            page = context.new_page()
            page.goto(base + "/")
            page.wait_for_selector('body[data-ready="1"]', timeout=60_000)
            mark = page.evaluate("performance.getEntriesByName('sahelwatch-ready')[0].startTime")
            events = page.evaluate("window.sahelwatch.events")
            ready_ms.append(float(mark))
            context.close()
        browser.close()
    ready_ms = ready_ms[1:]
    return {
        "events_in_view": events,
        "ready_median_ms": round(statistics.median(ready_ms)),
        "ready_max_ms": round(max(ready_ms)),
    }


def _backend(url: str, with_map: bool) -> dict[str, Any]:
    with open_store(url) as store:
        fill_s = fill(store)
        counts = store.counts()
    with serving(url) as base:
        result: dict[str, Any] = {"events": counts["events"], "fill_s": round(fill_s, 1)}
        result["api"] = measure_api(base)
        if with_map:
            result["map_page"] = measure_map(base)
    return result


@contextmanager
def postgres_database() -> Iterator[str | None]:
    admin = sa.create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    name = f"sahelwatch_bench_{secrets.token_hex(4)}"
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}")
            available = connection.exec_driver_sql(
                "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'"
            ).scalar_one()
    except sa.exc.OperationalError:
        admin.dispose()
        yield None
        return
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    if available:
        engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
        engine.dispose()
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        results: dict[str, Any] = {"sqlite": _backend(f"sqlite:///{folder}/bench.db", True)}
    with postgres_database() as url:
        results["postgresql"] = _backend(url, False) if url else "skipped: no server"
    return results


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=1))

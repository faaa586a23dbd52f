"""Shared fixtures: database URLs that run a test on SQLite and on PostgreSQL.

- ``db_url``: an empty store. SQLite: a new file per test (``open_store`` creates it).
  PostgreSQL: one database per session, created, migrated and dropped by the fixtures,
  emptied (TRUNCATE) before each test. The ``postgres`` parameter carries the ``postgres``
  mark (``pytest -m "not postgres"`` runs SQLite only).
- ``fresh_db_url``: a database nothing has touched (for migration tests); on PostgreSQL a
  new database per test, with PostGIS when the server has it.
- ``postgres_server``: the server, to make databases with or without PostGIS.
- ``sample``: an empty store (each backend) holding the sample events of :func:`load_sample`
  (three documents in English and French, six events of four families); ``sample_loader``
  gives the loader itself to fixtures of other scopes.
- ``client``: a TestClient of the app (API and pages) over ``sample``; ``analyst`` and
  ``admin``: request headers carrying a key of that role.

The server is ``$SAHELWATCH_TEST_POSTGRES`` (default
``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``, a role allowed to create
databases). When no server answers, PostgreSQL tests are skipped, except when ``CI=true``:
then they fail, so that CI never passes without having run them.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from factories import (
    CODER,
    make_assessment,
    make_document,
    make_event,
    make_place,
    make_place_mention,
    make_report,
    span_of,
)
from sahelwatch.api import create_app
from sahelwatch.model import (
    Count,
    DatePrecision,
    Document,
    EventDate,
    EventReport,
    Extraction,
    Place,
)
from sahelwatch.settings import Settings, load_settings
from sahelwatch.store import Author, Store, open_store
from sahelwatch.store.schema import metadata

# The real models and coder, loaded once per run, for the extract and learn tests.
pytest_plugins = ["coder_fixtures"]

with warnings.catch_warnings():
    # Starlette 1.x warns, once at import, that its TestClient wants the httpx2 package; with
    # the pinned httpx it works as documented. Imported here so that no test module warns.
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

POSTGRES_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _postgres_unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: PostgreSQL tests must run)", pytrace=False)
    pytest.skip(reason)


class PostgresServer:
    """Creates test databases (``sahelwatch_test_<random>_<n>``) and drops them at the end."""

    def __init__(self, admin: sa.Engine) -> None:
        self.admin = admin
        self.prefix = f"sahelwatch_test_{secrets.token_hex(4)}"
        self.created: list[str] = []
        with admin.connect() as connection:
            query = "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'"
            self.postgis = bool(connection.exec_driver_sql(query).scalar_one())
        self._template: str | None = None

    def url(self, database: str) -> str:
        url = self.admin.url.set(database=database)
        return url.render_as_string(hide_password=False)

    def _execute(self, sql: str, database: str | None = None) -> None:
        if database is None:
            with self.admin.connect() as connection:
                connection.exec_driver_sql(sql)
            return
        engine = sa.create_engine(self.url(database), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as connection:
                connection.exec_driver_sql(sql)
        finally:
            engine.dispose()

    def _postgis_template(self) -> str:
        """A database with PostGIS enabled, copied for each new one (faster than CREATE
        EXTENSION every time)."""
        if self._template is None:
            name = f"{self.prefix}_postgis"
            self._execute(f"CREATE DATABASE {name}")
            self.created.append(name)
            self._execute("CREATE EXTENSION IF NOT EXISTS postgis", database=name)
            self._template = name
        return self._template

    def create_database(self, *, postgis: bool = True) -> str:
        """A new empty database, with PostGIS if asked for and available; its URL."""
        name = f"{self.prefix}_{len(self.created)}"
        template = self._postgis_template() if postgis and self.postgis else "template0"
        self._execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        self.created.append(name)
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = sa.make_url(url).database
        self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if name in self.created:
            self.created.remove(name)

    def drop_all(self) -> None:
        for name in reversed(self.created):
            self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.created.clear()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    url = os.environ.get("SAHELWATCH_TEST_POSTGRES", POSTGRES_ADMIN_URL)
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        server = PostgresServer(admin)
    except SQLAlchemyError as exc:
        admin.dispose()
        shown = admin.url.render_as_string(hide_password=True)
        first_line = str(exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc).splitlines()
        _postgres_unavailable(f"no PostgreSQL server answers at {shown}: {first_line[0]}")
    try:
        yield server
    finally:
        server.drop_all()
        admin.dispose()


class PostgresStoreDatabase:
    """The session's migrated database, and an engine that empties it between tests."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = sa.create_engine(url)
        names = ", ".join(table.name for table in metadata.sorted_tables)
        self._truncate = f"TRUNCATE TABLE {names} RESTART IDENTITY CASCADE"

    def empty(self) -> None:
        with self.engine.begin() as connection:
            connection.exec_driver_sql(self._truncate)


@pytest.fixture(scope="session")
def postgres_store_database(postgres_server: PostgresServer) -> Iterator[PostgresStoreDatabase]:
    url = postgres_server.create_database()
    open_store(url).close()  # migrate once
    database = PostgresStoreDatabase(url)
    try:
        yield database
    finally:
        database.engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of an empty store, on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'store.db'}"
    database: PostgresStoreDatabase = request.getfixturevalue("postgres_store_database")
    database.empty()
    return database.url


@pytest.fixture(params=BACKENDS)
def fresh_db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The URL of a database nothing has been written to, on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'fresh.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create_database()
    try:
        yield url
    finally:
        server.drop_database(url)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An open, empty store on each backend."""
    with open_store(db_url) as opened:
        yield opened


# Sample events for the API and dashboard tests: three documents (English and French), six
# events of four families in four countries, an assessment, each evidence span a real sentence.

NIGER_TEXT = (
    "Ménaka, 14 mars 2026. Plus de 30 civils ont été tués le 12 mars lors d'une attaque menée "
    "par des hommes armés contre plusieurs hameaux au nord d'Inékar, selon des notables locaux. "
    "Des centaines de familles ont fui vers la ville de Ménaka."
)
CHAD_TEXT = (
    "Adré, 21 August 2025. Cholera cases rose sharply in the refugee camps around Adré, where "
    "nine people died this week, health workers said. In Nouakchott, hundreds of traders "
    "protested peacefully against new market taxes on Wednesday."
)


@dataclass(frozen=True)
class Sample:
    """What :func:`load_sample` stored: documents by name, event ids by name."""

    documents: dict[str, Document]
    events: dict[str, str]
    evidence: dict[str, str]  # event name -> its evidence sentence


def _place(geonameid: int, name: str, country: str, admin1: str, lat: float, lon: float) -> Place:
    return make_place(
        geonameid=geonameid, name=name, country=country, admin1=admin1, admin2=None,
        latitude=lat, longitude=lon, alternate_names=(),
    )  # fmt: skip


def _day(year: int, month: int, day: int) -> EventDate:
    return EventDate(dt.date(year, month, day), None, DatePrecision.DAY)


def _report(
    doc: Document, name: str, sentence: str, place: Place | None, **fields: Any
) -> EventReport:
    where = fields.pop("where", None)
    return make_report(
        doc, id=name, evidence=(span_of(doc.text, sentence),), place=place,
        location=where, location_span=span_of(doc.text, where) if where else None, **fields,
    )  # fmt: skip


def load_sample(store: Store) -> Sample:
    """Store the sample documents and events (identity events: event id = report id)."""
    mali = make_document()
    niger = make_document(NIGER_TEXT, language="fr", title="Ménaka : plus de 30 civils tués",
                          url="https://example.org/menaka", outlet="Le Républicain",
                          published=dt.date(2026, 3, 14))  # fmt: skip
    chad = make_document(CHAD_TEXT, title="Cholera in Adré camps; Nouakchott protest",
                         url="https://example.org/adre", outlet="Health Desk Africa",
                         published=dt.date(2025, 8, 21))  # fmt: skip
    evidence = {
        "strike": "A series of drone strikes by the Malian army on the commune of Tinzaouaten in"
        " August destroyed the only pharmacy, killed several children and wounded at least two"
        " adults, local officials said.",
        "fled": "Hundreds of families fled towards the Algerian border.",
        "inekar": "Plus de 30 civils ont été tués le 12 mars lors d'une attaque menée par des"
        " hommes armés contre plusieurs hameaux au nord d'Inékar, selon des notables locaux.",
        "menaka": "Des centaines de familles ont fui vers la ville de Ménaka.",
        "cholera": "Cholera cases rose sharply in the refugee camps around Adré, where nine"
        " people died this week, health workers said.",
        "protest": "In Nouakchott, hundreds of traders protested peacefully against new market"
        " taxes on Wednesday.",
    }
    tinza = make_place()
    menaka = _place(2453348, "Ménaka", "ML", "Ménaka", 15.91, 2.4)
    inekar = _place(2454400, "Inékar", "ML", "Ménaka", 15.96, 3.14)
    adre = _place(245785, "Adré", "TD", "Ouaddaï", 13.47, 22.2)
    nouakchott = _place(2377450, "Nouakchott", "MR", "Nouakchott", 18.09, -15.98)
    flight = {"family": "displacement", "event_type": "Displacement", "sub_event_type": "Flight",
              "actor1": "Civilians (Mali)", "actor2": None, "fatalities": None,
              "plover_type": None, "plover_mode": None}  # fmt: skip
    reports = {
        mali: [
            _report(mali, "strike", evidence["strike"], tinza, where="Tinzaouaten",
                    date=_day(2024, 8, 18)),
            _report(mali, "fled", evidence["fled"], tinza, date=_day(2024, 8, 20), **flight),
        ],
        niger: [
            _report(niger, "inekar", evidence["inekar"], inekar, where="Inékar",
                    date=_day(2026, 3, 12), event_type="Violence against civilians",
                    sub_event_type="Attack", actor1="Unidentified Armed Group (Mali)",
                    fatalities=Count(30, 30, None, "Plus de 30 civils"), confidence=0.7),
            _report(niger, "menaka", evidence["menaka"], menaka, where="Ménaka",
                    date=_day(2026, 3, 12), **flight),
        ],
        chad: [
            _report(chad, "cholera", evidence["cholera"], adre, where="Adré",
                    date=_day(2025, 8, 18), family="health", event_type="Health",
                    sub_event_type="Disease outbreak", actor1="Refugees (Sudan)", actor2=None,
                    fatalities=Count(9, 9, 9, "nine people died"), country="Chad",
                    diseases=("cholera",)),
            _report(chad, "protest", evidence["protest"], nouakchott, where="Nouakchott",
                    date=_day(2025, 8, 20), family="protest", event_type="Protests",
                    sub_event_type="Peaceful protest", actor1="Protesters (Mauritania)",
                    actor2=None, fatalities=Count(0, 0, 0, ""), country="Mauritania"),
        ],
    }  # fmt: skip
    for doc, found in reports.items():
        extraction = Extraction(
            doc,
            reports=tuple(found),
            assessments=(make_assessment(doc),) if doc is mali else (),
            places=(make_place_mention(),) if doc is mali else (),
        )
        store.save_extraction(extraction, [make_event(r, event_id=r.id) for r in found], CODER)
    names = {"mali": mali, "niger": niger, "chad": chad}
    return Sample(names, {name: name for name in evidence}, evidence)


@pytest.fixture(scope="session")
def sample_loader() -> Callable[[Store], Sample]:
    """:func:`load_sample`, for fixtures of any scope."""
    return load_sample


@pytest.fixture
def sample(store: Store) -> Sample:
    """The sample events in an empty store, on each backend."""
    return load_sample(store)


# The app over the sample events, and keys: for the API and web tests.


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    """Settings on the test database, with no user settings file."""
    return load_settings(environ={"SAHELWATCH_DB": db_url, "XDG_CONFIG_HOME": str(tmp_path)})


@pytest.fixture
def client(settings: Settings, store: Store, sample: object) -> Iterator[TestClient]:
    """The app (API and pages) over the sample events."""
    with TestClient(create_app(settings, store)) as test_client:
        yield test_client


@pytest.fixture
def analyst(store: Store) -> dict[str, str]:
    """Headers carrying an analyst key (named Amina)."""
    _, secret = store.create_key("analyst", "Amina", Author("test"))
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def admin(store: Store) -> dict[str, str]:
    """Headers carrying an admin key."""
    _, secret = store.create_key("admin", "Root", Author("test"))
    return {"X-API-Key": secret}

"""The store: documents, rejects and coded events in SQLite or PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DataError, IntegrityError

from sahelwatch.errors import StoreError
from sahelwatch.model import (
    Assessment,
    Document,
    Event,
    EventReport,
    Extraction,
    PlaceMention,
    Rejected,
)
from sahelwatch.store import _browse, _coding, _keys, _review, schema
from sahelwatch.store._browse import (
    ActorCount,
    AggregateRow,
    EventPage,
    Interval,
    PlaceCount,
)
from sahelwatch.store._corrections import check_changes
from sahelwatch.store._dml import insert_new
from sahelwatch.store._engine import create_engine, describe, parse_url, shown_url, transaction
from sahelwatch.store._keys import ApiKey
from sahelwatch.store._migrate import has_geometry, migrate
from sahelwatch.store._queries import ALL_EVENTS, EventQuery, load_reports, select_event_ids
from sahelwatch.store._review import Author, EventReview
from sahelwatch.store._rows import (
    PLACE_COLUMNS,
    assessment_from_row,
    document_from_row,
    document_row,
    place_mention_from_row,
    reject_from_row,
    reject_row,
)

# Items per transaction in add_documents: a crash loses at most one batch.
ADD_BATCH = 200
# Documents read per query in documents_to_code (each carries its raw bytes).
CODE_PAGE = 50


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.add_documents` did with its input.

    ``added`` new documents stored, ``rejected`` new rejects stored, ``duplicates`` items
    (documents or rejects) that were stored already and changed nothing. The three add up
    to the number of items given.
    """

    added: int
    duplicates: int
    rejected: int


def open_store(url: str) -> Store:
    """Open the database at ``url``, creating (SQLite) and migrating it to the newest schema.

    Raises :class:`~sahelwatch.errors.StoreError` with a one-line message when the URL is
    not a supported database or the database cannot be reached or migrated, and
    :class:`~sahelwatch.errors.SchemaVersionError` when a newer sahelwatch wrote it.
    """
    parsed = parse_url(url)
    shown = shown_url(parsed)
    engine = create_engine(parsed)
    try:
        migrate(engine, shown)
        with transaction(engine, f"cannot open database {shown}", write=False) as connection:
            postgis = has_geometry(connection)
    except StoreError:
        engine.dispose()
        raise
    return Store(engine, shown, has_postgis=postgis)


def _add_item(connection: sa.Connection, item: Document | Rejected, now: dt.datetime) -> str:
    """Store one document or reject: ``added``, ``rejected`` or ``duplicate``.

    A document the database refuses (a constraint, a value it cannot hold such as a NUL
    character in PostgreSQL text) becomes a ``store``/``unstorable`` reject instead of
    failing the whole batch; its savepoint keeps the rest of the transaction.
    """
    if isinstance(item, Document):
        try:
            with connection.begin_nested():
                new = insert_new(connection, schema.documents, document_row(item, now))
        except (DataError, IntegrityError) as exc:
            item = Rejected(
                stage="store",
                reason="unstorable",
                detail=f"the database refused the document: {describe(exc)}",
                source=item.source or item.id,
                document_id=item.id,
            )
        else:
            return "added" if new else "duplicate"
    new = insert_new(connection, schema.rejects, reject_row(item, now))
    return "rejected" if new else "duplicate"


class Store(AbstractContextManager["Store"]):
    """Documents, rejects and coded events, in one SQLite file or PostgreSQL database.

    Build it with :func:`open_store`. Every method is one transaction (``add_documents``
    one per batch); a database failure raises :class:`~sahelwatch.errors.StoreError` and
    leaves what was stored before intact. The store holds no state but its engine, so one
    instance may serve several threads.
    """

    def __init__(self, engine: sa.Engine, url: str, *, has_postgis: bool) -> None:
        self._engine = engine
        self.url = url
        self.dialect = engine.dialect.name
        self.has_postgis = has_postgis

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the store's connections."""
        self._engine.dispose()

    def _read(self, action: str) -> AbstractContextManager[sa.Connection]:
        return transaction(self._engine, f"{action} ({self.url})", write=False)

    def _write(self, action: str) -> AbstractContextManager[sa.Connection]:
        return transaction(self._engine, f"{action} ({self.url})", write=True)

    def add_documents(self, items: Iterable[Document | Rejected]) -> AddResult:
        """Store documents as received and rejects, skipping those stored already.

        A document whose id is stored adds nothing; an identical reject (same stage, reason,
        source and document) is stored once; a document the database refuses is stored as a
        ``store`` reject. Items are committed in batches of :data:`ADD_BATCH`, so a failure
        loses at most the batch under way.
        """
        outcomes: Counter[str] = Counter()
        iterator = iter(items)
        while batch := list(itertools.islice(iterator, ADD_BATCH)):
            now = dt.datetime.now(dt.UTC)
            with self._write("cannot store documents") as connection:
                outcomes.update(_add_item(connection, item, now) for item in batch)
        return AddResult(
            added=outcomes["added"],
            duplicates=outcomes["duplicate"],
            rejected=outcomes["rejected"],
        )

    def documents_to_code(self, coder: str) -> Iterator[Document]:
        """Documents never coded, or coded by another coder version than ``coder``, by id.

        Read page by page, so the caller may save extractions while iterating.
        """
        uncoded = sa.or_(
            schema.documents.c.coded_at.is_(None),
            schema.documents.c.coder.is_(None),
            schema.documents.c.coder != coder,
        )
        after: str | None = None
        while True:
            statement = sa.select(schema.documents).where(uncoded).order_by(schema.documents.c.id)
            if after is not None:
                statement = statement.where(schema.documents.c.id > after)
            with self._read("cannot list documents to code") as connection:
                rows = connection.execute(statement.limit(CODE_PAGE)).mappings().all()
            yield from (document_from_row(row) for row in rows)
            if len(rows) < CODE_PAGE:
                return
            after = rows[-1]["id"]

    def save_extraction(self, extraction: Extraction, events: Sequence[Event], coder: str) -> None:
        """Replace, in one transaction, everything stored from coding ``extraction.document``.

        ``events`` are the events the document's reports belong to after deduplication: each
        report of ``extraction.reports`` must be in exactly one of them (ValueError if not).
        Their reports of other documents must be stored already; they are moved into these
        events. Events left without reports are deleted, the others re-consolidated. The
        document is stored if it was not, and marked coded by ``coder``.

        What analysts did survives: a report pinned to an event by a review, merge or split
        stays there (and is kept as it was when the new coding no longer finds it), and the
        analysts' corrections are laid over the machine's values (see ``_review``).
        """
        _coding.check_extraction(extraction, events)
        action = f"cannot save the coding of document {extraction.document.id}"
        now = dt.datetime.now(dt.UTC)
        with self._write(action) as connection:
            _coding.save_extraction(connection, extraction, events, coder, now)

    def events(self, query: EventQuery = ALL_EVENTS) -> list[Event]:
        """Events matching ``query`` with all their reports, by date (undated last) then id."""
        with self._read("cannot read events") as connection:
            ids = list(connection.execute(select_event_ids(query)).scalars())
            grouped = load_reports(connection, ids)
        return [Event(event_id, tuple(grouped[event_id])) for event_id in ids]

    def document(self, doc_id: str) -> Document | None:
        """The stored document with this id, or None."""
        with self._read("cannot read document") as connection:
            statement = sa.select(schema.documents).where(schema.documents.c.id == doc_id)
            row = connection.execute(statement).mappings().one_or_none()
        return None if row is None else document_from_row(row)

    def place_mentions(self, doc_id: str) -> list[PlaceMention]:
        """The toponyms found in a document and what they resolved to, in text order."""
        statement = (
            sa.select(schema.document_places, *PLACE_COLUMNS)
            .select_from(schema.document_places.outerjoin(schema.places))
            .where(schema.document_places.c.document_id == doc_id)
            .order_by(schema.document_places.c.seq)
        )
        with self._read("cannot read place mentions") as connection:
            rows = connection.execute(statement).mappings().all()
        return [place_mention_from_row(row) for row in rows]

    def rejects(self, stage: str | None = None) -> list[Rejected]:
        """Stored rejects, oldest first, of one stage or all."""
        statement = sa.select(schema.rejects).order_by(schema.rejects.c.id)
        if stage is not None:
            statement = statement.where(schema.rejects.c.stage == stage)
        with self._read("cannot read rejects") as connection:
            rows = connection.execute(statement).mappings().all()
        return [reject_from_row(row) for row in rows]

    def assessments(self) -> list[Assessment]:
        """Every stored assessment, by document then order in the document."""
        statement = sa.select(schema.assessments).order_by(
            schema.assessments.c.document_id, schema.assessments.c.seq
        )
        with self._read("cannot read assessments") as connection:
            rows = connection.execute(statement).mappings().all()
        return [assessment_from_row(row) for row in rows]

    def counts(self) -> dict[str, int]:
        """Row counts: documents, coded (documents), rejects, event_reports, events, assessments."""
        count = sa.func.count()
        statements = {
            "documents": sa.select(count).select_from(schema.documents),
            "coded": sa.select(count).where(schema.documents.c.coded_at.is_not(None)),
            "rejects": sa.select(count).select_from(schema.rejects),
            "event_reports": sa.select(count).select_from(schema.event_reports),
            "events": sa.select(count).select_from(schema.events),
            "assessments": sa.select(count).select_from(schema.assessments),
        }
        with self._read("cannot count rows") as connection:
            return {name: connection.execute(s).scalar_one() for name, s in statements.items()}

    def optimize(self) -> None:
        """Refresh the query planner's statistics (``ANALYZE``).

        Worth running after a bulk load: until then PostgreSQL may misjudge how many events a
        filter keeps and scan a whole table where an index walk would take milliseconds.
        """
        with self._write("cannot analyze the database") as connection:
            connection.exec_driver_sql("ANALYZE")

    # Reads for the API and the dashboard (sahelwatch.store._browse).

    def event_page(
        self,
        query: EventQuery = ALL_EVENTS,
        cursor: str | None = None,
        limit: int = 100,
        *,
        count: bool = True,
    ) -> EventPage:
        """Summaries of the matching events, newest first (undated last), ``limit`` at most.

        ``cursor`` is the ``next_cursor`` of the page before (ValueError if it is not one);
        ``total`` counts the matches (up to ``_browse.COUNT_CAP``) when ``count`` is true.
        ``query.limit``/``offset`` are not used.
        """
        with self._read("cannot read events") as connection:
            return _browse.read_page(connection, query, cursor, limit, count)

    def event_review(self, event_id: str) -> EventReview | None:
        """An event's summary, reports, corrections and history, or None if there is none."""
        with self._read("cannot read event") as connection:
            return _review.review(connection, event_id)

    def corrections(self, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Analyst corrections of these events: ``{event_id: {field: value}}`` (status too)."""
        with self._read("cannot read corrections") as connection:
            return _review.corrections_by_event(connection, event_ids)

    def merged_into(self, event_id: str) -> str | None:
        """The event that a deleted event was merged into, if it was."""
        with self._read("cannot read the audit log") as connection:
            return _review.merged_into(connection, event_id)

    def aggregate(
        self,
        query: EventQuery = ALL_EVENTS,
        interval: Interval | None = None,
        by: str | None = None,
    ) -> list[AggregateRow]:
        """Events and fatalities per ``interval`` (day, week from Monday, month) and per group
        ``by`` (one of ``_browse.GROUPS``: family, type, sub_type, country, admin1, modality)."""
        if by is not None and by not in _browse.GROUPS:
            raise ValueError(f"cannot group by {by!r}: use one of {', '.join(_browse.GROUPS)}")
        with self._read("cannot aggregate events") as connection:
            return _browse.aggregate(connection, query, interval, by)

    def place_counts(
        self, q: str | None = None, country: str | None = None, limit: int = 100
    ) -> list[PlaceCount]:
        """Places that events are located at, with their number of events, most first."""
        with self._read("cannot read places") as connection:
            return _browse.place_counts(connection, q, country, limit)

    def actor_counts(self, q: str | None = None, limit: int = 100) -> list[ActorCount]:
        """Actors the stored reports name, with how many reports name them, most first."""
        with self._read("cannot read actors") as connection:
            return _browse.actor_counts(connection, q, limit)

    def document_reports(self, doc_id: str) -> list[tuple[str, EventReport]]:
        """The reports coded from a document, each with its event id, in text order."""
        with self._read("cannot read reports") as connection:
            return _browse.document_reports(connection, doc_id)

    # Analyst review (sahelwatch.store._review); each call is one transaction with its audit.

    def correct_event(
        self,
        event_id: str,
        changes: dict[str, object],
        author: Author,
        note: str | None = None,
    ) -> bool:
        """Set fields of an event (``_corrections.FIELDS``; ``status`` confirms or dismisses).

        ValueError names a field that cannot be corrected or a value that is not valid. The
        values replace the machine's now and after any recoding. False if there is no event.
        """
        checked = check_changes(changes)
        with self._write(f"cannot correct event {event_id}") as connection:
            return _review.correct(connection, event_id, checked, author, note, _now())

    def merge_events(
        self, target: str, sources: Sequence[str], author: Author, note: str | None = None
    ) -> None:
        """Move the reports of ``sources`` into ``target``, deleting the sources.

        LookupError names an event that does not exist; ValueError a merge that cannot be.
        """
        with self._write(f"cannot merge into event {target}") as connection:
            _review.merge(connection, target, list(sources), author, note, _now())

    def split_event(
        self,
        event_id: str,
        reports: Sequence[tuple[str, str]],
        author: Author,
        note: str | None = None,
    ) -> str:
        """Move ``reports`` ((document id, report id) pairs) to a new event; its id."""
        keys = [(str(doc), str(rid)) for doc, rid in reports]
        with self._write(f"cannot split event {event_id}") as connection:
            return _review.split(connection, event_id, keys, author, note, _now())

    # API keys (sahelwatch.store._keys).

    def create_key(self, role: str, name: str, author: Author) -> tuple[ApiKey, str]:
        """A new key and its secret, which is not stored and cannot be shown again."""
        with self._write("cannot create a key") as connection:
            return _keys.create(connection, role, name, author, _now())

    def find_key(self, secret: str) -> ApiKey | None:
        """The active key whose secret this is, or None."""
        with self._read("cannot check the key") as connection:
            return _keys.find(connection, secret)

    def api_keys(self) -> list[ApiKey]:
        """Every key, revoked ones included, oldest first."""
        with self._read("cannot list keys") as connection:
            return _keys.listing(connection)

    def revoke_key(self, key_id: int, author: Author) -> ApiKey | None:
        """Revoke a key; None if there is no such key."""
        with self._write("cannot revoke the key") as connection:
            return _keys.revoke(connection, key_id, author, _now())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)

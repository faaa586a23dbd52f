"""Table definitions: the one source of truth for the database schema.

The migrations in ``migrations/versions`` mirror these tables (a test checks that a database
migrated to head matches this metadata). Changing a table here means adding a revision.

ACLED-facing fields are real, indexed columns so that filters and exports stay plain SQL;
the extension fields (family, PLOVER, modality, count ranges, evidence) sit beside them.
With PostGIS, the migration also gives ``events``, ``event_reports`` and ``places`` a
generated ``geom geometry(Point, 4326)`` column and a GiST index; those are deliberately not
part of this metadata (see :data:`SPATIAL_TABLES`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from sahelwatch.model import DatePrecision, Modality

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Tables that get a PostGIS ``geom`` column (from longitude/latitude) when the extension exists.
SPATIAL_TABLES = ("events", "event_reports", "places")
GEOMETRY_COLUMN = "geom"

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(sa.TypeDecorator[dt.datetime]):
    """A timezone-aware timestamp stored as UTC; SQLite (which drops the zone) reads back UTC."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value.isoformat()} given for a UTC column")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


# JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
JSONType = sa.JSON(none_as_null=True).with_variant(
    postgresql.JSONB(none_as_null=True), "postgresql"
)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


MODALITIES = tuple(m.value for m in Modality)
DATE_PRECISIONS = tuple(p.value for p in DatePrecision)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("raw", sa.LargeBinary, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.String(200)),
    sa.Column("published", sa.Date, index=True),
    sa.Column("language", sa.String(16)),
    sa.Column("source", sa.Text),
    sa.Column("media_type", sa.String(100), nullable=False),
    sa.Column("ingested_at", UTCDateTime, nullable=False),
    sa.Column("coded_at", UTCDateTime),
    sa.Column("coder", sa.String(200)),
)

rejects = sa.Table(
    "rejects",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # sha256 of stage, reason, source and document id: an identical reject is stored once.
    sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
    sa.Column("stage", sa.String(50), nullable=False, index=True),
    sa.Column("reason", sa.String(100), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("document_id", sa.String(128), index=True),
    # Set for rejects made while coding (save_extraction), which recoding replaces.
    sa.Column("coder", sa.String(200)),
    sa.Column("created_at", UTCDateTime, nullable=False),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("geonameid", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("latitude", sa.Double, nullable=False),
    sa.Column("longitude", sa.Double, nullable=False),
    sa.Column("feature_class", sa.String(10), nullable=False),
    sa.Column("feature_code", sa.String(10), nullable=False),
    sa.Column("country", sa.String(8), nullable=False, index=True),
    sa.Column("admin1", sa.String(100)),
    sa.Column("admin2", sa.String(100)),
    sa.Column("population", sa.BigInteger, nullable=False),
    sa.Column("alternate_names", JSONType, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("name", sa.String(300), primary_key=True),
    sa.Column("inter", sa.Integer),
    # Number of stored event reports that name the actor (actor, associated actor).
    sa.Column("seen", sa.Integer, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(128), primary_key=True),
    # Consolidated fields: those of the lead report (model.Event.lead), for cheap filters.
    sa.Column("lead_document_id", sa.String(128), nullable=False),
    sa.Column("lead_report_id", sa.String(128), nullable=False),
    sa.Column("event_date", sa.Date, index=True),
    sa.Column("year", sa.Integer),
    sa.Column("family", sa.String(50), nullable=False),  # indexed with sort_date (0002)
    sa.Column("disorder_type", sa.String(100)),
    sa.Column("event_type", sa.String(100), nullable=False),  # indexed with sort_date
    sa.Column("sub_event_type", sa.String(100), nullable=False),
    sa.Column("modality", sa.String(20), nullable=False, index=True),
    sa.Column("actor1", sa.String(300)),
    sa.Column("actor2", sa.String(300)),
    sa.Column("country", sa.String(100)),
    sa.Column("country_code", sa.String(2)),  # indexed with sort_date
    sa.Column("admin1", sa.String(100)),
    sa.Column("location", sa.Text),
    sa.Column("latitude", sa.Double),
    sa.Column("longitude", sa.Double),
    sa.Column("geo_precision", sa.Integer),
    sa.Column("fatalities", sa.Integer),
    sa.Column("confidence", sa.Double, nullable=False),
    sa.Column("report_count", sa.Integer, nullable=False),
    sa.Column("document_count", sa.Integer, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    # Analyst review (revision 0002): the review status, the fields an analyst corrected
    # (their values replace the machine's in the columns above; see event_corrections), and
    # the accent- and case-folded text that the free-text filter searches.
    sa.Column("status", sa.String(20), nullable=False, server_default="unreviewed"),
    sa.Column("corrected", JSONType),
    sa.Column("search_text", sa.Text),
    # event_date, or UNDATED when unknown: newest-first pages walk its index backwards on both
    # databases (a NULL sorts first in SQLite and last in PostgreSQL).
    sa.Column("sort_date", sa.Date, nullable=False, server_default="0001-01-01"),
    sa.CheckConstraint(_one_of("modality", MODALITIES), name="modality"),
    # Newest-first pages, alone or after the commonest equality filters, without a sort.
    sa.Index(None, "sort_date", "id"),
    sa.Index(None, "family", "sort_date"),
    sa.Index(None, "event_type", "sort_date"),
    sa.Index(None, "country_code", "sort_date"),
    sa.Index(None, "admin1", "sort_date"),
)


def _count_columns(name: str) -> list[sa.Column[Any]]:
    return [
        sa.Column(name, sa.Integer),
        sa.Column(f"{name}_low", sa.Integer),
        sa.Column(f"{name}_high", sa.Integer),
        sa.Column(f"{name}_text", sa.Text),
    ]


event_reports = sa.Table(
    "event_reports",
    metadata,
    sa.Column(
        "document_id",
        sa.String(128),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("event_id", sa.String(128), sa.ForeignKey("events.id"), nullable=False, index=True),
    sa.Column("seq", sa.Integer, nullable=False),  # position of the report within its event
    # ACLED columns
    sa.Column("event_date", sa.Date, index=True),
    sa.Column("year", sa.Integer),
    sa.Column("time_precision", sa.Integer),
    sa.Column("disorder_type", sa.String(100)),
    sa.Column("event_type", sa.String(100), nullable=False, index=True),
    sa.Column("sub_event_type", sa.String(100), nullable=False),
    sa.Column("actor1", sa.String(300)),
    sa.Column("assoc_actor1", sa.String(600)),
    sa.Column("inter1", sa.Integer),
    sa.Column("actor2", sa.String(300)),
    sa.Column("assoc_actor2", sa.String(600)),
    sa.Column("inter2", sa.Integer),
    sa.Column("interaction", sa.Integer),
    sa.Column("civilian_targeting", sa.Boolean),
    sa.Column("iso", sa.Integer),
    sa.Column("country", sa.String(100)),  # as the coder gave it (an ACLED name, or a code)
    sa.Column("country_code", sa.String(2), index=True),  # ISO 3166-1 alpha-2, for filters
    sa.Column("admin1", sa.String(100)),
    sa.Column("admin2", sa.String(100)),
    sa.Column("location", sa.Text),
    sa.Column("latitude", sa.Double),
    sa.Column("longitude", sa.Double),
    sa.Column("geo_precision", sa.Integer),
    *_count_columns("fatalities"),
    # extension
    sa.Column("family", sa.String(50), nullable=False, index=True),
    sa.Column("plover_type", sa.String(50)),
    sa.Column("plover_mode", sa.String(50)),
    sa.Column("intensity", sa.Double),
    sa.Column("modality", sa.String(20), nullable=False, index=True),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("date_precision", sa.String(20), nullable=False),
    sa.Column("date_text", sa.Text),
    sa.Column("location_start", sa.Integer),
    sa.Column("location_end", sa.Integer),
    sa.Column("geonameid", sa.BigInteger, sa.ForeignKey("places.geonameid"), index=True),
    sa.Column("radius_km", sa.Double),
    *_count_columns("injured"),
    *_count_columns("displaced"),
    *_count_columns("abducted"),
    *_count_columns("arrested"),
    sa.Column("diseases", JSONType, nullable=False),  # [str, ...]
    sa.Column("confidence", sa.Double, nullable=False),
    sa.Column("coder", sa.String(200), nullable=False),
    sa.Column("evidence", JSONType, nullable=False),  # [[start, end], ...]
    sa.Column("details", JSONType, nullable=False),  # [str, ...]
    sa.CheckConstraint(_one_of("modality", MODALITIES), name="modality"),
    sa.CheckConstraint(_one_of("date_precision", DATE_PRECISIONS), name="date_precision"),
    sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
    sa.CheckConstraint("geo_precision IN (1, 2, 3)", name="geo_precision"),
    sa.CheckConstraint("time_precision IN (1, 2, 3)", name="time_precision"),
    sa.CheckConstraint("date_end >= date_start", name="date_order"),
    sa.CheckConstraint("fatalities >= 0 AND injured >= 0 AND displaced >= 0", name="counts"),
)

assessments = sa.Table(
    "assessments",
    metadata,
    sa.Column(
        "document_id",
        sa.String(128),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("id", sa.String(128), primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(50), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("issuer", sa.String(300)),
    sa.Column("parties", JSONType, nullable=False),
    sa.Column("horizon", sa.String(100)),
    sa.Column("evidence", JSONType, nullable=False),
)

document_places = sa.Table(
    "document_places",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "document_id",
        sa.String(128),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("geonameid", sa.BigInteger, sa.ForeignKey("places.geonameid"), index=True),
    sa.Column("rule", sa.String(200), nullable=False),
)


# Revision 0002: API keys, analyst review and its audit trail.

UNDATED = dt.date(1, 1, 1)  # the sort_date of an event without a date
KEY_ROLES = ("analyst", "admin")
REVIEW_STATUSES = ("unreviewed", "confirmed", "dismissed")

api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    # sha256 of the secret: the secret itself is shown once and never stored.
    sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("prefix", sa.String(16), nullable=False),  # first characters, to recognise a key
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("revoked_at", UTCDateTime),
    sa.CheckConstraint(_one_of("role", KEY_ROLES), name="role"),
)

# An analyst's value for one field of one event; applied over the machine's on every write of
# the event's consolidated row, so that recoding never undoes it. A NULL value means the
# analyst set the field to unknown.
event_corrections = sa.Table(
    "event_corrections",
    metadata,
    sa.Column("event_id", sa.String(128), primary_key=True),
    sa.Column("field", sa.String(50), primary_key=True),
    sa.Column("value", JSONType),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
)

# Reports an analyst placed in an event (by reviewing, merging or splitting it): recoding
# keeps them in that event, and keeps them at all when the new coding no longer finds them.
report_pins = sa.Table(
    "report_pins",
    metadata,
    sa.Column(
        "document_id",
        sa.String(128),
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("report_id", sa.String(128), primary_key=True),
    sa.Column("event_id", sa.String(128), nullable=False, index=True),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("pinned_at", UTCDateTime, nullable=False),
)

# Every analyst or administrator change: who, when, what, before and after.
audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(128), index=True),  # None for key management
    sa.Column("action", sa.String(30), nullable=False),
    sa.Column("field", sa.String(50)),
    sa.Column("before", JSONType),
    sa.Column("after", JSONType),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("key_id", sa.Integer),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("note", sa.Text),
)

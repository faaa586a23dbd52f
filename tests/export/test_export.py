"""Export rows: ACLED's 31 columns first with ACLED-valid values, then the extension."""

from __future__ import annotations

import csv
import io
import json

from factories import make_document, make_event, make_minimal_report, make_report
from sahelwatch.countries import Countries
from sahelwatch.export import ACLED_COLUMNS, EXTENSION_COLUMNS, event_row, write_csv, write_geojson
from sahelwatch.pack import load_region


def _row(**overrides: object) -> dict[str, object]:
    document = make_document()
    event = make_event(make_report(document, **overrides))
    return event_row(event, {document.id: document}, load_region("sahel").types, Countries.load())


def test_acled_columns_are_acleds_31_in_order() -> None:
    assert len(ACLED_COLUMNS) == 31
    assert ACLED_COLUMNS[:3] == ("event_id_cnty", "event_date", "year")
    assert ACLED_COLUMNS[-3:] == ("fatalities", "tags", "timestamp")
    assert not set(ACLED_COLUMNS) & set(EXTENSION_COLUMNS)


def test_event_row_fills_acled_columns_from_the_lead_report() -> None:
    row = _row()
    assert row["event_date"] == "2024-08-01"
    assert row["time_precision"] == 3
    assert row["event_type"] == "Explosions/Remote violence"
    assert row["iso"] == 466
    assert row["country"] == "Mali"
    assert row["region"] == "Western Africa"
    assert row["event_id_cnty"].startswith("MLI")
    assert row["interaction"] == 17
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["fatalities"] == 3
    assert row["notes"].startswith("A series of drone strikes")
    assert row["source"] == "Example News"


def test_event_row_maps_extension_types_to_nearest_acled_type() -> None:
    row = _row(
        family="displacement",
        event_type="Displacement",
        sub_event_type="Forced expulsion",
        fatalities=None,
    )
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Other")
    assert (row["ext_event_type"], row["ext_sub_event_type"]) == (
        "Displacement",
        "Forced expulsion",
    )
    assert row["fatalities"] == 0


def test_event_row_unknown_stays_empty() -> None:
    document = make_document()
    event = make_event(make_minimal_report(document.id))
    row = event_row(event, {document.id: document}, load_region("sahel").types, Countries.load())
    assert row["event_date"] is None
    assert row["latitude"] is None
    assert row["country"] is None


def test_write_csv_header_is_acled_then_extension() -> None:
    out = io.StringIO()
    assert write_csv([_row()], out) == 1
    reader = csv.reader(io.StringIO(out.getvalue()))
    header = next(reader)
    assert tuple(header) == (*ACLED_COLUMNS, *EXTENSION_COLUMNS)
    assert len(next(reader)) == len(header)


def test_write_geojson_points_are_lon_lat() -> None:
    out = io.StringIO()
    write_geojson([_row(), _row(place=None)], out)
    features = json.loads(out.getvalue())["features"]
    assert features[0]["geometry"]["coordinates"] == [2.96694, 19.95028]
    assert features[1]["geometry"] is None


def test_event_row_lays_analyst_corrections_over_machine_values() -> None:
    document = make_document()
    event = make_event(make_report(document))
    corrections = {
        "fatalities": 7,
        "sub_event_type": "Forced expulsion",
        "country": "NE",
        "event_date": "2024-08-15",
        "status": "confirmed",
    }
    row = event_row(
        event, {document.id: document}, load_region("sahel").types, Countries.load(), corrections
    )
    assert row["fatalities"] == 7
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Other")
    assert (row["ext_sub_event_type"], row["family"]) == ("Forced expulsion", "displacement")
    assert (row["country"], row["iso"], row["country_iso2"]) == ("Niger", 562, "NE")
    assert (row["event_date"], row["year"]) == ("2024-08-15", 2024)
    assert row["review_status"] == "confirmed"
    assert row["corrected"] == "country;event_date;fatalities;sub_event_type"


def test_event_row_without_corrections_is_unreviewed() -> None:
    row = _row()
    assert (row["review_status"], row["corrected"]) == ("unreviewed", None)

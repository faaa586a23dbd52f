"""Analyst corrections: which fields of an event can be corrected, and how a correction applies.

A correction is stored as a JSON value per (event, field) in ``event_corrections``; every time
the event's consolidated row is written (coding, recoding, review), the machine's values are
computed from the reports and the corrections are laid over them (:func:`apply_corrections`).
So a correction outlives any recoding, and the reports keep what the sources said.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sahelwatch.model import Modality
from sahelwatch.store._countries import country_code
from sahelwatch.store.schema import REVIEW_STATUSES

# The pseudo-field holding the review decision (confirmed, dismissed).
STATUS = "status"
UNREVIEWED = "unreviewed"


def _text(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("must be a string or null")
    value = " ".join(value.split())
    if len(value) > 300:
        raise ValueError("must be at most 300 characters")
    return value or None


def _required_text(value: object) -> str:
    text = _text(value)
    if text is None:
        raise ValueError("must not be empty")
    return text


def _choice(choices: tuple[str, ...]) -> Callable[[object], str]:
    def check(value: object) -> str:
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}")
        return str(value)

    return check


def _date(value: object) -> str | None:
    if value is None or isinstance(value, dt.date):
        return None if value is None else value.isoformat()
    if not isinstance(value, str):
        raise ValueError("must be a date (YYYY-MM-DD) or null")
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _number(low: float, high: float) -> Callable[[object], float | None]:
    def check(value: object) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("must be a number or null")
        if not low <= value <= high:
            raise ValueError(f"must be between {low:g} and {high:g}")
        return float(value)

    return check


def _integer(low: int, high: int) -> Callable[[object], int | None]:
    def check(value: object) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("must be a whole number or null")
        if not low <= value <= high:
            raise ValueError(f"must be between {low} and {high}")
        return value

    return check


def _country(value: object) -> str | None:
    text = _text(value)
    if text is not None and country_code(text) is None:
        raise ValueError(f"{text!r} is not an ISO 3166 country code or English country name")
    return text


# field -> check turning an input value into the stored JSON value (ValueError if invalid)
FIELDS: Mapping[str, Callable[[object], Any]] = {
    "event_date": _date,
    "family": _required_text,
    "disorder_type": _text,
    "event_type": _required_text,
    "sub_event_type": _required_text,
    "modality": _choice(tuple(m.value for m in Modality)),
    "actor1": _text,
    "actor2": _text,
    "country": _country,
    "admin1": _text,
    "location": _text,
    "latitude": _number(-90, 90),
    "longitude": _number(-180, 180),
    "geo_precision": _integer(1, 3),
    "fatalities": _integer(0, 1_000_000),
    STATUS: _choice(REVIEW_STATUSES),
}


def check_changes(changes: Mapping[str, object]) -> dict[str, Any]:
    """The changes as stored values; ValueError naming the field if one is not valid."""
    if not changes:
        raise ValueError("no field to change")
    checked: dict[str, Any] = {}
    for field, value in changes.items():
        check = FIELDS.get(field)
        if check is None:
            raise ValueError(f"{field}: not a field that can be corrected")
        try:
            checked[field] = check(value)
        except ValueError as exc:
            raise ValueError(f"{field}: {exc}") from None
    return checked


def apply_corrections(row: dict[str, Any], corrections: Mapping[str, Any]) -> dict[str, Any]:
    """The consolidated ``events`` row with the analyst's values laid over the machine's."""
    for field, value in corrections.items():
        if field == STATUS:
            continue
        if field == "event_date":
            day = None if value is None else dt.date.fromisoformat(value)
            row["event_date"], row["year"] = day, None if day is None else day.year
        elif field == "country":
            row["country"], row["country_code"] = value, country_code(value)
        else:
            row[field] = value
    row[STATUS] = corrections.get(STATUS, UNREVIEWED)
    corrected = sorted(field for field in corrections if field != STATUS)
    row["corrected"] = corrected or None
    return row


def column_value(row: Mapping[Any, Any], field: str) -> Any:
    """The value of ``field`` in a consolidated row, as a correction would store it."""
    value = row.get(field)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value

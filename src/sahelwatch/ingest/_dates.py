"""Publication dates: ISO dates and datetimes, RFC 822 and a few written forms.

Whatever cannot be read is ``None``: a publication date is never guessed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?![\d])")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)?[\s\-.]+([^\W\d_]+)\.?[\s\-.,]+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")

# fmt: off
_MONTHS = {
    "january": 1, "jan": 1, "janvier": 1, "janv": 1,
    "february": 2, "feb": 2, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2,
    "march": 3, "mar": 3, "mars": 3,
    "april": 4, "apr": 4, "avril": 4, "avr": 4,
    "may": 5, "mai": 5,
    "june": 6, "jun": 6, "juin": 6,
    "july": 7, "jul": 7, "juillet": 7, "juil": 7,
    "august": 8, "aug": 8, "août": 8, "aout": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9,
    "october": 10, "oct": 10, "octobre": 10,
    "november": 11, "nov": 11, "novembre": 11,
    "december": 12, "dec": 12, "décembre": 12, "decembre": 12, "déc": 12,
}
# fmt: on


def parse_date(value: str | None) -> dt.date | None:
    """Read a publication date; ``None`` when the value is missing or not a date."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    for pattern in (_ISO, _SLASHED):
        match = pattern.match(text)
        if match:
            return _day(*(int(group) for group in match.groups()))
    rfc822 = _rfc822(text)
    if rfc822 is not None:
        return rfc822
    match = _DAY_MONTH_YEAR.search(text)
    if match:
        return _named(year=match[3], month=match[2], day=match[1])
    match = _MONTH_DAY_YEAR.search(text)
    if match:
        return _named(year=match[3], month=match[1], day=match[2])
    return None


def date_from_struct(value: time.struct_time | None) -> dt.date | None:
    """The date of a parsed time tuple (feedparser's ``*_parsed`` fields)."""
    if value is None:
        return None
    return _day(value.tm_year, value.tm_mon, value.tm_mday)


def _rfc822(text: str) -> dt.date | None:
    """``Tue, 04 Mar 2025 10:00:00 GMT``: the date as the publisher wrote it."""
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", text):
        return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _named(year: str, month: str, day: str) -> dt.date | None:
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    return _day(int(year), number, int(day))


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None

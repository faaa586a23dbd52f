"""Date expressions in English and French, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from sahelwatch.extract.dates import DateReader, anchored
from sahelwatch.extract.lang import LANGUAGES
from sahelwatch.model import DatePrecision, EventDate

PUBLISHED = dt.date(2024, 10, 31)  # a Thursday
D = dt.date


def first(text: str, language: str = "en", published: dt.date | None = PUBLISHED) -> EventDate:
    mentions = list(DateReader(LANGUAGES[language]).find(text, published))
    assert mentions, text
    return mentions[0].date


@pytest.mark.parametrize(
    ("text", "language", "start", "end", "precision"),
    [
        ("on October 20th began expelling", "en", D(2024, 10, 20), D(2024, 10, 20), "day"),
        ("expulsés le 20 octobre", "fr", D(2024, 10, 20), D(2024, 10, 20), "day"),
        ("in late July", "en", D(2024, 7, 21), D(2024, 7, 31), "range"),
        ("fin juillet", "fr", D(2024, 7, 21), D(2024, 7, 31), "range"),
        ("in August", "en", D(2024, 8, 1), D(2024, 8, 31), "month"),
        ("last Tuesday", "en", D(2024, 10, 29), D(2024, 10, 29), "day"),
        ("mardi dernier", "fr", D(2024, 10, 29), D(2024, 10, 29), "day"),
        ("on Sunday", "en", D(2024, 10, 27), D(2024, 10, 27), "day"),
        ("in recent months", "en", D(2024, 8, 1), D(2024, 10, 31), "range"),
        ("ces derniers mois", "fr", D(2024, 8, 1), D(2024, 10, 31), "range"),
        ("last week", "en", D(2024, 10, 21), D(2024, 10, 27), "week"),
        ("la semaine dernière", "fr", D(2024, 10, 21), D(2024, 10, 27), "week"),
        ("over the past three weeks", "en", D(2024, 10, 10), D(2024, 10, 31), "range"),
        ("since January", "en", D(2024, 1, 1), D(2024, 10, 31), "range"),
        ("depuis début mars", "fr", D(2024, 3, 1), D(2024, 10, 31), "range"),
        ("overnight from Sunday to Monday", "en", D(2024, 10, 27), D(2024, 10, 28), "range"),
        ("dans la nuit de dimanche à lundi", "fr", D(2024, 10, 27), D(2024, 10, 28), "range"),
        ("in November 2022", "en", D(2022, 11, 1), D(2022, 11, 30), "month"),
        ("in late 2023", "en", D(2023, 10, 1), D(2023, 12, 31), "range"),
        ("next month", "en", D(2024, 11, 1), D(2024, 11, 30), "month"),
        ("on 28 January 2024", "en", D(2024, 1, 28), D(2024, 1, 28), "day"),
        ("over the weekend", "en", D(2024, 10, 26), D(2024, 10, 27), "range"),
        ("le week-end dernier", "fr", D(2024, 10, 26), D(2024, 10, 27), "range"),
        ("entre le 12 et le 14 août", "fr", D(2024, 8, 12), D(2024, 8, 14), "range"),
        ("from 3 to 5 October", "en", D(2024, 10, 3), D(2024, 10, 5), "range"),
        ("depuis le 3 octobre", "fr", D(2024, 10, 3), D(2024, 10, 31), "range"),
    ],
)
def test_find_resolves_against_publication(
    text: str, language: str, start: dt.date, end: dt.date, precision: str
) -> None:
    date = first(text, language)
    assert (date.start, date.end, str(date.precision)) == (start, end, precision)


def test_find_without_publication_keeps_only_dates_with_their_year() -> None:
    mentions = list(DateReader(LANGUAGES["en"]).find("on Sunday, in July 2024", None))
    assert [m.date.start for m in mentions] == [D(2024, 7, 1)]


def test_find_since_keeps_the_point_for_an_event_told_at_it() -> None:
    mention = next(DateReader(LANGUAGES["en"]).find("since early April, when", PUBLISHED))
    assert mention.since
    assert mention.point is not None and mention.point.end == D(2024, 4, 10)


def test_find_ignores_may_the_modal_verb() -> None:
    assert list(DateReader(LANGUAGES["en"]).find("the crisis may escalate", PUBLISHED)) == []


def test_anchored_since_then_runs_from_the_earlier_event_to_publication() -> None:
    mention = next(DateReader(LANGUAGES["en"]).find("Since then, malaria spread", PUBLISHED))
    august = EventDate(D(2024, 8, 1), D(2024, 8, 31), DatePrecision.MONTH)
    date = anchored(mention, august, PUBLISHED)
    assert (date.start, date.end, date.precision) == (D(2024, 8, 1), PUBLISHED, "range")


def test_anchored_the_following_day_is_the_day_after() -> None:
    mention = next(DateReader(LANGUAGES["en"]).find("the following day, they", PUBLISHED))
    day = EventDate(D(2025, 7, 5), D(2025, 7, 5), DatePrecision.DAY)
    assert anchored(mention, day, PUBLISHED).start == D(2025, 7, 6)


def test_find_weekend_told_on_a_weekend_day() -> None:
    sunday = D(2024, 11, 3)
    assert (
        first("at the weekend", published=sunday).start,
        first("last weekend", published=sunday).start,
    ) == (D(2024, 11, 2), D(2024, 10, 26))

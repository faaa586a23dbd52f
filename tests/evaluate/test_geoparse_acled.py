from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sahelwatch.evaluate.geoparse_acled import (
    coded_at,
    event_place,
    read_acled_rows,
    score_acled_places,
)
from sahelwatch.model import Place, PlaceMention, Span

CSV = """event_date,country,latitude,longitude,notes
2020-01-01,Mali,18.44,1.41,Gunmen attacked Kidal (Kidal region).
2020-01-02,Mali,16.27,-0.04,Malian soldiers were attacked.
2020-01-03,Niger,13.5,2.1,
2020-01-04,Niger,bad,2.1,Unreadable point.
"""
KIDAL = Place(2455290, "Kidal", 18.44111, 1.40778, "P", "PPLA", "ML")
KIDAL_REGION = Place(2597449, "Kidal Region", 19.7, 1.3, "A", "ADM1", "ML")
MALI = Place(2453866, "Mali", 18.0, -2.0, "A", "PCLI", "ML")


def _mention(place: Place | None) -> PlaceMention:
    return PlaceMention(Span(0, 1), "x", place, "t")


def test_read_acled_rows_keeps_rows_with_notes_and_a_point(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(CSV, "utf-8")
    rows = read_acled_rows(path)
    assert [(r.country, r.latitude) for r in rows] == [("Mali", 18.44), ("Mali", 16.27)]


def test_event_place_is_the_most_specific() -> None:
    mentions = [_mention(MALI), _mention(KIDAL_REGION), _mention(None), _mention(KIDAL)]
    assert event_place(mentions) == KIDAL
    assert event_place([_mention(MALI), _mention(KIDAL_REGION)]) == KIDAL_REGION
    assert event_place([_mention(None)]) is None


def test_score_acled_places_distance_country_and_demonym_fallback(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(CSV, "utf-8")
    rows = read_acled_rows(path)

    def parse(texts: Sequence[str]) -> list[list[PlaceMention]]:
        return [[_mention(KIDAL)] if "Kidal" in t else [] for t in texts]

    scores = score_acled_places(
        rows, parse, {"Mali": "ML"}.get, lambda text: "ML" if "Malian" in text else None
    )
    assert (scores.n, scores.within_25km, scores.country, scores.resolved) == (2, 0.5, 1.0, 0.5)
    assert scores.country_of_resolved == 1.0


def test_event_place_counts_a_spot_as_specific_as_a_town() -> None:
    well = Place(90301, "Tin Essako Well", 18.4, 2.4, "H", "WLL", "ML")
    sea = Place(90302, "Mediterranean Sea", 35.0, 18.0, "H", "SEA", "")
    assert event_place([_mention(KIDAL_REGION), _mention(well), _mention(KIDAL)]) == well
    assert event_place([_mention(sea), _mention(KIDAL_REGION)]) == KIDAL_REGION


def test_event_place_is_the_place_the_notes_say_it_is_coded_at() -> None:
    text = "Gunmen attacked Tessit (coded as Kidal at geoprecision 2)."
    tessit = Place(90303, "Tessit", 15.0, 0.3, "P", "PPL", "ML")
    mentions = [
        PlaceMention(Span(16, 22), "Tessit", tessit, "t"),
        PlaceMention(Span(33, 38), "Kidal", KIDAL, "t"),
    ]
    assert coded_at(text, mentions[1]) and not coded_at(text, mentions[0])
    assert event_place(mentions, text) == KIDAL
    assert event_place(mentions) == tessit


def test_event_place_is_never_a_demonym() -> None:
    demonym = PlaceMention(Span(0, 6), "Malian", MALI, "demonym:NORP")
    assert event_place([demonym]) is None
    assert event_place([demonym, _mention(KIDAL_REGION)]) == KIDAL_REGION


def test_score_acled_places_puts_an_area_where_point_says(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(CSV, "utf-8")
    rows = read_acled_rows(path)[:1]

    def parse(texts: Sequence[str]) -> list[list[PlaceMention]]:
        return [[_mention(KIDAL_REGION)] for _ in texts]

    alone = score_acled_places(rows, parse, {"Mali": "ML"}.get)
    seated = score_acled_places(
        rows, parse, {"Mali": "ML"}.get, point=lambda p: KIDAL if p == KIDAL_REGION else p
    )
    assert (alone.within_25km, seated.within_25km) == (0.0, 1.0)


def _at(text: str, name: str, place: Place, start: int = 0) -> PlaceMention:
    begin = text.index(name, start)
    return PlaceMention(Span(begin, begin + len(name)), name, place, "t")


def test_event_place_between_two_towns_before_their_units_is_the_first() -> None:
    tessit = Place(90304, "Tessit", 15.0, 0.3, "P", "PPL", "ML")
    for text in (
        "An IED struck a convoy between Tessit and Kidal (Kidal, Kidal).",
        "Un engin explosif a frappé un convoi entre Tessit et Kidal (Kidal, Kidal).",
    ):
        first, second = _at(text, "Tessit", tessit), _at(text, "Kidal", KIDAL)
        units = [_at(text, "Kidal", KIDAL_REGION, second.span.end + 1)]
        assert event_place([first, second, *units], text) == tessit
    text = "Soldiers were attacked in Tessit and Kidal (Kidal, Kidal)."
    first, second = _at(text, "Tessit", tessit), _at(text, "Kidal", KIDAL)
    units = [_at(text, "Kidal", KIDAL_REGION, second.span.end + 1)]
    assert event_place([first, second, *units], text) == KIDAL

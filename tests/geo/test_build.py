from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sahelwatch.errors import GazetteerError
from sahelwatch.geo.build import BuildStats, build_gazetteer, find_natural_earth
from sahelwatch.geo.gazetteer import open_gazetteer

from .samples import write_additions, write_geonames, write_natural_earth


def _build(tmp_path: Path, **kwargs: object) -> BuildStats:
    source = write_geonames(tmp_path / "geonames")
    additions = write_additions(tmp_path / "places.jsonl")
    options: dict[str, object] = {
        "world": write_additions(tmp_path / "world.jsonl", []),
        "country_points": write_country_points(tmp_path / "points.tsv", {}),
        **kwargs,
    }
    return build_gazetteer(
        source,
        tmp_path / "out" / "gazetteer.sqlite",
        countries=("ML",),
        additions=additions,
        **options,  # type: ignore[arg-type]
    )


def write_country_points(path: Path, points: dict[str, tuple[float, float]]) -> Path:
    lines = ["# test points"] + [f"{iso}\t{lat}\t{lon}" for iso, (lat, lon) in points.items()]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_build_gazetteer_reports_what_it_wrote(tmp_path: Path) -> None:
    stats = _build(tmp_path)
    assert stats.output.is_file()
    assert stats.size_bytes == stats.output.stat().st_size
    assert stats.curated == 2
    assert stats.countries == ("ML",)
    # 6 ML rows + 3 cities500-only rows + 1 curated + ADM1 In Guezzam, Algiers, Indiana
    # + PCLI Algeria, United States (Mali's PCLI is in ML.txt)
    assert stats.places == 6 + 3 + 1 + 3 + 2
    assert not (tmp_path / "out" / "gazetteer.sqlite.partial").exists()


def test_build_gazetteer_looks_names_up_by_fold_key(tmp_path: Path) -> None:
    with open_gazetteer(_build(tmp_path).output) as gazetteer:
        towns = {(p.name, p.country) for p in gazetteer.lookup("Tin-Zaouatene")}
        assert towns == {("Tinzaouaten", "ML"), ("Tin Zaouatine", "DZ")}
        guezzam = {(p.name, p.feature_code) for p in gazetteer.lookup("i-n-guezzâm")}
        assert guezzam == {("In Guezzam", "PPLA"), ("In Guezzam", "ADM1")}
        assert gazetteer.lookup("Nowhere") == []


def test_build_gazetteer_gives_admin_names_not_codes(tmp_path: Path) -> None:
    with open_gazetteer(_build(tmp_path).output) as gazetteer:
        boughessa = gazetteer.get(2459652)
        assert boughessa is not None
        assert (boughessa.admin1, boughessa.admin2) == ("Kidal", "Cercle d’ Abeïbara")
        algerian = gazetteer.get(-1)
        assert algerian is not None
        assert (algerian.admin1, algerian.country) == ("In Guezzam", "DZ")


def test_build_gazetteer_keeps_the_newer_row_of_a_place(tmp_path: Path) -> None:
    with open_gazetteer(_build(tmp_path).output) as gazetteer:
        kidal = gazetteer.get(2455290)
        assert kidal is not None
        assert kidal.population == 11643


def test_build_gazetteer_makes_places_of_admin_units_and_countries(tmp_path: Path) -> None:
    with open_gazetteer(_build(tmp_path).output) as gazetteer:
        wilaya = gazetteer.get(12226386)
        assert wilaya is not None
        assert (wilaya.feature_code, wilaya.name) == ("ADM1", "In Guezzam")
        assert (wilaya.latitude, wilaya.longitude) == (19.57361, 5.76806)  # at its seat
        algeria = gazetteer.lookup("Algeria")
        assert [(p.feature_code, p.country) for p in algeria] == [("PCLI", "DZ")]
        assert (algeria[0].latitude, algeria[0].longitude) == (36.73225, 3.08746)  # capital
        assert gazetteer.extent_km(algeria[0].geonameid) == pytest.approx(870.7, abs=0.1)
        mali = gazetteer.lookup("Mali")
        assert [(p.name, p.feature_code) for p in mali] == [("Mali", "PCLI")]


def test_build_gazetteer_curated_record_replaces_geonames_names(tmp_path: Path) -> None:
    with open_gazetteer(_build(tmp_path).output) as gazetteer:
        fort = {(p.geonameid, p.country) for p in gazetteer.lookup("Bordj Pierre Bordes")}
        assert fort == {(-1, "DZ")}
        malian = gazetteer.get(2476086)
        assert malian is not None
        assert malian.feature_code == "PPLA3"
        assert "Bordj Pierre Bordes" not in malian.alternate_names


def test_build_gazetteer_keeps_every_name_of_full_country_files(tmp_path: Path) -> None:
    with open_gazetteer(_build(tmp_path).output) as gazetteer:
        kidal = gazetteer.get(2455290)
        assert kidal is not None
        assert {"Кидаль", "كيدال", "Kidali"} <= set(kidal.alternate_names)


def test_build_gazetteer_keeps_latin_and_arabic_alternates_of_cities500(tmp_path: Path) -> None:
    with open_gazetteer(_build(tmp_path).output) as gazetteer:
        guezzam = gazetteer.get(2493273)
        assert guezzam is not None
        assert set(guezzam.alternate_names) == {"I-n-Guezzam", "In Guezam", "عين قزام"}
        small_town = gazetteer.get(5000001)  # outside Africa, < 15,000 people
        assert small_town is not None
        assert small_town.alternate_names == ()


def test_build_gazetteer_drops_airport_codes(tmp_path: Path) -> None:
    with open_gazetteer(_build(tmp_path).output) as gazetteer:
        assert gazetteer.lookup("TMR") == []


def test_build_gazetteer_calls_progress(tmp_path: Path) -> None:
    steps: list[tuple[str, int, int]] = []
    _build(tmp_path, progress=lambda step, done, total: steps.append((step, done, total)))
    assert steps[-1][1:] == (steps[-1][2], steps[-1][2])
    assert [done for _, done, _ in steps] == sorted(done for _, done, _ in steps)


def test_build_gazetteer_is_reproducible(tmp_path: Path) -> None:
    first = _build(tmp_path / "a").output.read_bytes()
    second = _build(tmp_path / "b").output.read_bytes()
    assert first == second


def test_build_gazetteer_records_sources(tmp_path: Path) -> None:
    output = _build(tmp_path).output
    connection = sqlite3.connect(output)
    try:
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    finally:
        connection.close()
    assert meta["countries"] == "ML"
    assert "GeoNames" in meta["attribution"]
    assert "cities500.txt" in meta["sources"]


def test_build_gazetteer_missing_file_raises(tmp_path: Path) -> None:
    source = write_geonames(tmp_path / "geonames")
    with pytest.raises(GazetteerError, match=r"BF\.txt"):
        build_gazetteer(source, tmp_path / "g.sqlite", countries=("ML", "BF"))


def test_build_gazetteer_malformed_line_raises_with_line_number(tmp_path: Path) -> None:
    source = write_geonames(tmp_path / "geonames")
    with (source / "ML.txt").open("a", encoding="utf-8") as handle:
        handle.write("123\tBroken\n")
    additions = write_additions(tmp_path / "places.jsonl")
    with pytest.raises(GazetteerError, match=r"ML\.txt:7"):
        build_gazetteer(source, tmp_path / "g.sqlite", countries=("ML",), additions=additions)
    assert not (tmp_path / "g.sqlite").exists()


def test_build_gazetteer_unknown_curated_admin_code_raises(tmp_path: Path) -> None:
    source = write_geonames(tmp_path / "geonames")
    bad = {
        "geonameid": -5,
        "name": "Nowhere",
        "lat": 1.0,
        "lon": 1.0,
        "feature_code": "PPL",
        "country": "ML",
        "admin1": "99",
        "source": "A test fact with a wrong admin code.",
    }
    additions = write_additions(tmp_path / "places.jsonl", [bad])
    with pytest.raises(GazetteerError, match=r"ML\.99"):
        build_gazetteer(source, tmp_path / "g.sqlite", countries=("ML",), additions=additions)


def test_build_gazetteer_uses_natural_earth_for_countries(tmp_path: Path) -> None:
    labels = write_natural_earth(tmp_path / "ne.zip")
    with open_gazetteer(_build(tmp_path, natural_earth=labels).output) as gazetteer:
        algeria = gazetteer.lookup("Algérie")
        assert [p.name for p in algeria] == ["Algeria"]
        assert (algeria[0].latitude, algeria[0].longitude) == (27.39741, 2.80824)
        assert {p.country for p in gazetteer.lookup("الجزائر")} == {"DZ"}


def test_build_gazetteer_finds_natural_earth_beside_the_geonames_folder(tmp_path: Path) -> None:
    (tmp_path / "boundaries").mkdir()
    labels = write_natural_earth(tmp_path / "boundaries" / "ne_10m_admin_0_countries_x.zip")
    assert find_natural_earth(tmp_path / "geonames") == labels
    stats = _build(tmp_path)
    assert stats.natural_earth == labels
    with open_gazetteer(stats.output) as gazetteer:
        assert [p.name for p in gazetteer.lookup("Algérie")] == ["Algeria"]


def test_build_gazetteer_runs_without_natural_earth(
    tmp_path: Path,
) -> None:
    assert _build(tmp_path).natural_earth is None


def test_build_gazetteer_puts_countries_at_their_geonames_point(tmp_path: Path) -> None:
    points = write_country_points(tmp_path / "p.tsv", {"DZ": (28.0, 3.0)})
    labels = write_natural_earth(tmp_path / "ne.zip")
    stats = _build(tmp_path, country_points=points, natural_earth=labels)
    with open_gazetteer(stats.output) as gazetteer:
        algeria = gazetteer.country("DZ")
        assert algeria is not None
        assert (algeria.latitude, algeria.longitude) == (28.0, 3.0)


def test_build_gazetteer_adds_world_places_and_bare_admin_names(tmp_path: Path) -> None:
    continent = {
        "geonameid": 6255146,
        "name": "Africa",
        "alternate_names": ["Afrique", "African"],
        "lat": 7.1881,
        "lon": 21.09375,
        "feature_code": "CONT",
        "country": "",
        "source": "GeoNames continent record 6255146, for a test.",
    }
    world = write_additions(tmp_path / "w.jsonl", [continent])
    with open_gazetteer(_build(tmp_path, world=world).output) as gazetteer:
        [africa] = gazetteer.lookup("Afrique")
        assert (africa.feature_code, africa.feature_class, africa.country) == ("CONT", "L", "")
        assert gazetteer.extent_km(6255146) == 3000.0
        # "Kidal Region" is also found as plain "Kidal" (the unit, beside the town)
        assert "ADM1" in {p.feature_code for p in gazetteer.lookup("Kidal")}


def test_box_centre_crosses_the_antimeridian() -> None:
    from sahelwatch.geo.units import Record, box_centre

    def at(lat: float, lon: float) -> Record:
        return Record(1, "x", lat, lon, "P", "PPL", "FJ", None, None, 0, ("x",), None)

    assert box_centre([at(-16.0, 179.0), at(-18.0, -179.0)]) == (-17.0, 180.0)
    assert box_centre([at(10.0, 0.0), at(20.0, 4.0)]) == (15.0, 2.0)

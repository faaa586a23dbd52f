from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from sahelwatch.errors import GazetteerError
from sahelwatch.geo.build import build_gazetteer
from sahelwatch.geo.gazetteer import (
    Gazetteer,
    SqliteGazetteer,
    open_gazetteer,
    shipped_gazetteer_path,
    similar_keys,
    similar_lengths,
)

from .fakes import FakeGazetteer, sahel_gazetteer
from .samples import write_additions, write_geonames

MAX_SHIPPED_BYTES = 40 * 1024 * 1024


@pytest.fixture
def built(tmp_path: Path) -> Path:
    source = write_geonames(tmp_path / "geonames")
    additions = write_additions(tmp_path / "places.jsonl")
    out = tmp_path / "gazetteer.sqlite"
    build_gazetteer(source, out, countries=("ML",), additions=additions)
    return out


def test_sqlite_and_fake_gazetteers_satisfy_the_protocol(built: Path) -> None:
    gazetteers: list[Gazetteer] = [sahel_gazetteer()]
    with open_gazetteer(built) as gazetteer:
        gazetteers.append(gazetteer)
        assert all(g.lookup("Tinzaouaten") for g in gazetteers)


def test_open_gazetteer_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="gazetteer build"):
        open_gazetteer(tmp_path / "absent.sqlite")


def test_open_gazetteer_rejects_a_file_that_is_not_a_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError, match="not a sahelwatch gazetteer"):
        open_gazetteer(path)


def test_open_gazetteer_rejects_another_schema_version(built: Path) -> None:
    connection = sqlite3.connect(built)
    connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()
    with pytest.raises(GazetteerError, match="schema version 99"):
        open_gazetteer(built)


def test_gazetteer_get_unknown_id_is_none(built: Path) -> None:
    with open_gazetteer(built) as gazetteer:
        assert gazetteer.get(123456789) is None
        assert gazetteer.extent_km(123456789) is None


def test_gazetteer_lookup_of_punctuation_is_empty(built: Path) -> None:
    with open_gazetteer(built) as gazetteer:
        assert gazetteer.lookup(" - ") == []


def test_gazetteer_names_for_matching_keeps_admin_seats_and_curated(built: Path) -> None:
    with open_gazetteer(built) as gazetteer:
        names = set(gazetteer.names_for_matching(("ML", "DZ"), min_population=1000))
    assert {"Kidal", "Kidal Region", "Tinzaouaten", "Tin Zaouatine", "In Guezzam"} <= names
    assert {"Algeria", "Mali", "République du Mali"} <= names  # country names
    assert "Boughessa" not in names  # a small village, not a seat
    assert "Morocco" not in names  # a town outside the chosen countries


def test_gazetteer_pickles_as_its_path(built: Path) -> None:
    with open_gazetteer(built) as gazetteer:
        copy = pickle.loads(pickle.dumps(gazetteer))
    assert isinstance(copy, SqliteGazetteer)
    with copy:
        assert copy.get(-1) is not None


def test_fake_gazetteer_matches_folded_names() -> None:
    fake = FakeGazetteer(sahel_gazetteer().places.values())
    assert [p.country for p in fake.lookup("TIN-ZAOUATENE")] == ["DZ", "ML"]


@pytest.mark.slow
def test_shipped_gazetteer_exists_and_is_at_most_40_mb() -> None:
    path = shipped_gazetteer_path()
    assert path.is_file()
    assert path.stat().st_size <= MAX_SHIPPED_BYTES


@pytest.mark.slow
def test_shipped_gazetteer_knows_the_border_towns() -> None:
    # Opening time is measured by bench/bench_geocoding.py, not asserted here.
    with open_gazetteer() as gazetteer:
        twins = {(p.country, p.admin1) for p in gazetteer.lookup("Tinzaouaten")}
        assert {("DZ", "In Guezzam"), ("ML", "Kidal")} <= twins
        for name, country in [
            ("Inaghalawass", "ML"),
            ("Boughessa", "ML"),
            ("In Guezzam", "DZ"),
            ("Tamanrasset", "DZ"),
            ("Ménaka", "ML"),
            ("Algérie", "DZ"),
        ]:
            assert country in {p.country for p in gazetteer.lookup(name)}, name
        russia = gazetteer.country("RU")  # at GeoNames' point, not a map label's
        assert russia is not None
        assert (russia.latitude, russia.longitude) == (60.0, 100.0)
        assert "CONT" in {p.feature_code for p in gazetteer.lookup("Afrique")}


@pytest.mark.slow
def test_shipped_gazetteer_knows_province_and_state_abbreviations() -> None:
    with open_gazetteer() as gazetteer:
        for short, name in [
            ("N.B.", "New Brunswick"),
            ("Sask.", "Saskatchewan"),
            ("NSW", "New South Wales"),
            ("Del.", "Delaware"),
            ("Tex.", "Texas"),
            ("N. Dak.", "North Dakota"),
        ]:
            assert name in {p.name for p in gazetteer.lookup(short)}, short
        # Abbreviations that are words or another place's name stay out.
        assert "Washington" not in {p.name for p in gazetteer.lookup("Wash.")}
        assert "Georgia" not in {p.name for p in gazetteer.lookup("Ga.")}


def test_gazetteer_fuzzy_lookup_finds_a_misspelling(built: Path) -> None:
    with open_gazetteer(built) as gazetteer:
        assert isinstance(gazetteer, SqliteGazetteer)
        found = gazetteer.fuzzy_lookup("Tinzaouatenn", 0.9)
        assert {place.name for place, _ in found} >= {"Tinzaouaten"}
        assert all(score >= 0.9 for _, score in found)
        assert gazetteer.fuzzy_lookup("Tinzaouatten", 0.9) != []
        assert gazetteer.fuzzy_lookup("Xyzzyplugh", 0.9) == []
        assert gazetteer.fuzzy_lookup("Tin", 0.9) == []  # too short to tell a misspelling


@pytest.mark.parametrize("cutoff", [0.85, 0.88, 0.9, 0.95])
def test_similar_lengths_keeps_every_length_that_can_reach_the_cutoff(cutoff: float) -> None:
    for length in range(5, 40):
        low, high = similar_lengths(length, cutoff)
        assert length - 2 <= low <= length <= high <= length + 2
        for other in range(max(1, length - 2), length + 3):
            # the same letters repeated: the closest two keys of these lengths can be
            best = fuzz.ratio("a" * length, "a" * other) / 100
            assert (low <= other <= high) == (best >= cutoff), (length, other)


def test_gazetteer_country_reads_the_country_index(built: Path) -> None:
    with open_gazetteer(built) as gazetteer:
        assert isinstance(gazetteer, SqliteGazetteer)
        plan = gazetteer._connection.execute(
            "EXPLAIN QUERY PLAN SELECT geonameid FROM places WHERE feature_code LIKE 'PCL%'"
        ).fetchall()
        assert any("country_places" in str(row) for row in plan)
        algeria = gazetteer.country("DZ")
        assert algeria is not None and algeria.feature_code.startswith("PCL")
        assert gazetteer.country("ZZ") is None


def test_gazetteer_capital_is_the_country_seat_of_government(built: Path) -> None:
    with open_gazetteer(built) as gazetteer:
        algiers = gazetteer.capital("DZ")
        assert algiers is not None and (algiers.name, algiers.feature_code) == ("Algiers", "PPLC")
        assert gazetteer.capital("ZZ") is None


def test_gazetteer_fuzzy_keys_hold_every_key_by_prefix_and_length(built: Path) -> None:
    with open_gazetteer(built) as gazetteer:
        assert isinstance(gazetteer, SqliteGazetteer)
        keys = [str(k) for (k,) in gazetteer._connection.execute("SELECT DISTINCT key FROM names")]
        for key in keys[::7]:
            near = gazetteer._keys_near(key[:2], len(key) - 1, len(key) + 1)
            expected = [k for k in keys if k.startswith(key[:2]) and abs(len(k) - len(key)) <= 1]
            assert sorted(near) == sorted(expected) and key in near


def test_similar_keys_breaks_ties_in_key_order_whatever_the_order_given() -> None:
    keys = ["kidalb", "kidala", "kidalc", "kidald", "kidale", "kidalf", "kidal", "menaka"]
    found = similar_keys("kidalx", keys, 0.8)
    assert found == similar_keys("kidalx", sorted(keys), 0.8)
    # five closest at most, the closest (the key without the last letter) first
    assert [k for k, _ in found] == ["kidal", "kidala", "kidalb", "kidalc", "kidald"]
    assert similar_keys("kidal", keys, 0.8)[0][0] == "kidala"  # the key itself left out

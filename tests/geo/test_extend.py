from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest

from sahelwatch.errors import GazetteerError
from sahelwatch.geo.build import build_gazetteer
from sahelwatch.geo.extend import add_country_dump
from sahelwatch.geo.gazetteer import (
    StackedGazetteer,
    open_gazetteer,
    open_sqlite_gazetteer,
    user_gazetteer_path,
)

from .samples import row, write_additions, write_geonames

DZ_ROWS = [
    row(
        2479215,
        "Tamanrasset",
        "Tamanghasset,تمنراست",
        22.785,
        5.52278,
        "P",
        "PPLA",
        "DZ",
        "IG",
        population=73128,
    ),
    row(9000001, "Tin Zaouatine", "Tinzaouaten,Tin Zaouatene", 19.96, 2.97, "P", "PPL", "DZ", "IG"),
]


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    source = write_geonames(tmp_path / "geonames")
    additions = write_additions(tmp_path / "places.jsonl")
    out = tmp_path / "shipped.sqlite"
    build_gazetteer(source, out, countries=("ML",), additions=additions)
    return out


def _dump(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", "utf-8")
    return path


def test_add_country_dump_writes_the_user_gazetteer(tmp_path: Path, shipped: Path) -> None:
    data_dir = tmp_path / "data"
    with open_sqlite_gazetteer(shipped) as base:
        stats = add_country_dump(_dump(tmp_path / "DZ.txt", DZ_ROWS), data_dir, base)
    assert (stats.added, stats.countries) == (2, ("DZ",))
    assert stats.output == user_gazetteer_path(data_dir)
    with open_gazetteer(shipped, data_dir=data_dir) as gazetteer:
        assert isinstance(gazetteer, StackedGazetteer)
        [tamanrasset] = gazetteer.lookup("Tamanghasset")
        assert (tamanrasset.country, tamanrasset.admin1) == ("DZ", "In Guezzam")
        assert {p.country for p in gazetteer.lookup("Tinzaouaten")} == {"ML", "DZ"}
        assert gazetteer.get(2479215) == tamanrasset
        assert pickle.loads(pickle.dumps(gazetteer)).lookup("Tamanghasset") == [tamanrasset]


def test_add_country_dump_keeps_earlier_additions(tmp_path: Path, shipped: Path) -> None:
    data_dir = tmp_path / "data"
    with open_sqlite_gazetteer(shipped) as base:
        add_country_dump(_dump(tmp_path / "DZ.txt", DZ_ROWS[:1]), data_dir, base)
        stats = add_country_dump(_dump(tmp_path / "DZ2.txt", DZ_ROWS[1:]), data_dir, base)
    assert (stats.added, stats.places) == (1, 2)


def test_add_country_dump_rejects_an_empty_file(tmp_path: Path, shipped: Path) -> None:
    with open_sqlite_gazetteer(shipped) as base, pytest.raises(GazetteerError):
        add_country_dump(_dump(tmp_path / "XX.txt", []), tmp_path / "data", base)


def test_open_gazetteer_without_user_additions_is_the_file_alone(
    tmp_path: Path, shipped: Path
) -> None:
    with open_gazetteer(shipped, data_dir=tmp_path / "empty") as gazetteer:
        assert not isinstance(gazetteer, StackedGazetteer)


def test_an_older_user_gazetteer_says_how_to_upgrade_and_add_rewrites_it(
    tmp_path: Path, shipped: Path
) -> None:
    data_dir = tmp_path / "data"
    with open_sqlite_gazetteer(shipped) as base:
        add_country_dump(_dump(tmp_path / "DZ.txt", DZ_ROWS[:1]), data_dir, base)
    connection = sqlite3.connect(user_gazetteer_path(data_dir))
    connection.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()
    with pytest.raises(GazetteerError, match="run `sahelwatch gazetteer add` with one of"):
        open_gazetteer(shipped, data_dir=data_dir)
    with open_sqlite_gazetteer(shipped) as base:
        stats = add_country_dump(_dump(tmp_path / "DZ2.txt", DZ_ROWS[1:]), data_dir, base)
    assert stats.places == 2
    with open_gazetteer(shipped, data_dir=data_dir) as gazetteer:
        assert [p.geonameid for p in gazetteer.lookup("Tamanghasset")] == [2479215]

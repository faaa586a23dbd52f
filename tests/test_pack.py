"""The region pack loads, validates, and its codes agree with the taxonomy."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sahelwatch.errors import DataPackError
from sahelwatch.pack import _ActorRecord, _records, load_region


def test_load_region_sahel_is_consistent() -> None:
    pack = load_region("sahel")
    assert {"ML", "DZ", "NE", "BF"} <= set(pack.countries)
    assert all(pattern.sub_event_type in pack.types for pattern in pack.patterns)
    assert len({actor.id for actor in pack.actors}) == len(pack.actors)
    assert all(1 <= actor.inter <= 8 for actor in pack.actors)


def test_load_region_taxonomy_has_acled_names_verbatim() -> None:
    types = load_region("sahel").types
    acled = {t.sub_event_type for t in types.values() if t.event_type == t.acled_event_type}
    assert len(acled) == 25
    assert types["Air/drone strike"].event_type == "Explosions/Remote violence"
    expulsion = types["Forced expulsion"]
    assert (expulsion.family, expulsion.acled_event_type, expulsion.acled_sub_event_type) == (
        "displacement",
        "Strategic developments",
        "Other",
    )


def test_load_region_manifest_names_source_and_licence() -> None:
    pack = load_region("sahel")
    manifest = json.loads(pack.file("manifest.json").read_text("utf-8"))
    for entry in manifest["files"].values():
        assert entry["source"] and entry["licence"]
        assert pack.file(entry["path"]).is_file()


def test_load_region_unknown_pack_is_a_clear_error() -> None:
    with pytest.raises(DataPackError, match=r"manifest\.json is missing"):
        load_region("atlantis")


def test_records_names_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "actors.jsonl").write_text('{"id": "x", "name": "X"}\n', "utf-8")
    with pytest.raises(DataPackError, match=r"actors\.jsonl:1: acled_name"):
        list(_records(tmp_path, "actors.jsonl", _ActorRecord))  # type: ignore[arg-type]


def test_load_region_templates_and_instances() -> None:
    pack = load_region("sahel")
    assert {"civilians", "military", "unidentified", "ethnic-militia"} <= pack.templates
    assert pack.instance_of["mil-ml"] == "military"
    assert pack.instance_of["gend-ne"] == "gendarmerie"
    assert pack.instance_of["ng-ml"] == "national-guard"
    assert "Islamic State (Greater Sahara)" in pack.acled_names["is-sahel"]


def test_load_region_taxonomy_extras() -> None:
    pack = load_region("sahel")
    assert pack.legacy_types["Riots/Protests"] == ("Protests", "Riots")
    strike = pack.types["Air/drone strike"]
    assert (strike.plover_type, strike.plover_mode, strike.intensity) == ("ASSAULT", "aerial", -9)
    assert pack.types["Looting/property destruction"].family == "conflict"
    assert all(-10 <= t.intensity <= 10 and t.plover_type for t in pack.types.values())
    assert {p.kind for p in pack.patterns} <= {
        "event", "weak", "violence", "raid", "outcome", "territory", "intervention", "withdraw",
    }  # fmt: skip


def test_load_region_dated_affiliations_and_groups() -> None:
    pack = load_region("sahel")
    assert pack.coded_as_parent["katiba-macina"][0].parent == "jnim"
    coded = pack.coded_as_parent["katiba-macina"][0]
    assert coded.end is not None and coded.end.year == 2020  # coded_until, not the membership
    macina = pack.actor("katiba-macina")
    assert macina is not None and macina.affiliations[0].end is None
    assert "mnla" not in pack.coded_as_parent
    assert "Fulani" in {group.name for group in pack.groups}
    assert pack.demonyms["fr"]["malien"] == "ML"


def test_load_region_group_home_country() -> None:
    groups = {group.name: group for group in load_region("sahel").groups}
    assert groups["Mossi"].country == "BF"
    assert groups["Tuareg"].country is None


def test_load_region_coded_first_convention_is_dated_and_by_kind() -> None:
    pack = load_region("sahel")
    later, early = pack.coded_first["mil-ly"]
    assert later.holds(dt.date(2011, 6, 20), "Battles", "libyan-rebels")
    assert later.holds(dt.date(2011, 6, 20), "Explosions/Remote violence", "unidentified")
    assert not later.holds(dt.date(2012, 3, 20), "Battles", "libyan-rebels")
    assert not later.holds(None, "Battles", "libyan-rebels")
    assert not later.holds(dt.date(2011, 6, 20), "Battles", "civilians")
    # Before April 2011 a town's taker came first: the convention held for other types only.
    assert early.holds(dt.date(2011, 3, 20), "Armed clash", "libyan-rebels")
    taken = "Non-state actor overtakes territory"
    assert not early.holds(dt.date(2011, 3, 20), taken, "libyan-rebels")
    assert "mil-ml" not in pack.coded_first


def test_load_region_a_template_names_a_group_in_a_country_over_a_period() -> None:
    pack = load_region("sahel")
    islamists = pack.coded_as_parent["islamist-militia:ML"][0]
    assert islamists.parent == "ansar-dine"
    assert islamists.start == dt.date(2012, 4, 1)
    assert "islamist-militia" not in pack.coded_as_parent
    assert {"rebels:LY", "rebels:ML", "rebels:TD", "rebels:NE"} <= set(pack.coded_as_parent)

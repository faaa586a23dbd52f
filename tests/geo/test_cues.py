from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from sahelwatch.errors import DataPackError
from sahelwatch.geo.context import demonym_countries
from sahelwatch.geo.cues import TextWords, load_cues, split_words
from sahelwatch.geo.fold import fold


def test_load_cues_reads_demonyms_in_both_languages() -> None:
    cues = load_cues()
    for word, country in [
        ("Algerian", "DZ"),
        ("algériennes", "DZ"),
        ("Malian", "ML"),
        ("malienne", "ML"),
        ("Nigérien", "NE"),
        ("Nigerian", "NG"),
        ("Burkinabè", "BF"),
    ]:
        assert cues.countries[fold(word)] == country, word
    assert fold("Malian") in cues.demonyms
    assert fold("Mali") not in cues.demonyms
    assert cues.country(split_words("Burkina Faso")) == "BF"
    assert cues.country(split_words("Côte d'Ivoire")) == "CI"


def test_load_cues_reads_feature_near_and_filler_words() -> None:
    cues = load_cues()
    assert cues.features[fold("région")] == "ADM1"
    assert cues.features[fold("town")] == "PPL"
    assert ("outskirts", "of") in cues.near
    assert (fold("près"), "de") in cues.near
    assert "of" in cues.fillers
    assert "Est" in cues.ambiguous


def test_load_cues_rejects_a_word_naming_two_countries(tmp_path: Path) -> None:
    lines = [
        {"word": "Guinean", "country": "GN", "lang": "en", "kind": "demonym"},
        {"word": "guinean", "country": "GW", "lang": "en", "kind": "demonym"},
    ]
    path = tmp_path / "demonyms.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    with pytest.raises(DataPackError, match="both GN and GW"):
        load_cues(demonyms_file=path)


def test_load_cues_rejects_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "cues.jsonl"
    path.write_text('{"kind": "sometimes", "lang": "en", "phrase": "x"}\n', "utf-8")
    with pytest.raises(DataPackError, match=r"cues\.jsonl:1"):
        load_cues(cues_file=path)


def test_split_words_keeps_hyphenated_compounds_and_offsets() -> None:
    words = split_words("the Malian-Algerian border, l'Algérie", offset=10)
    assert [w.text for w in words] == ["the", "Malian-Algerian", "border", ",", "l", "'", "Algérie"]
    assert (words[1].start, words[1].end) == (14, 29)
    assert words[-1].key == "algerie"


def test_load_cues_reads_the_countries_of_named_actors(tmp_path: Path) -> None:
    actors = tmp_path / "actors.jsonl"
    lines = [
        {"name": "FAMa", "country": "ML", "aliases": {"en": ["Malian army"]}},
        {"name": "Military Forces of {country}", "country": None, "aliases": {}},
    ]
    actors.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    cues = load_cues(actors_file=actors)
    assert dict(cues.actors) == {"FAMa": "ML"}  # "Malian army" is a demonym's business
    assert cues.actor_countries("FAMa and FAMa, not FAMaX.") == ["ML", "ML"]
    text = "Burkinabe VDP fought FAMa."
    assert demonym_countries(text, cues) == {"BF": 1, "ML": 1}


def test_load_cues_reads_groups_and_the_countries_they_name(tmp_path: Path) -> None:
    cues = load_cues(actors_file=tmp_path / "no-actors.jsonl")
    assert cues.names_group("Fulani") and cues.names_group("peuls")
    assert not cues.names_group("Kidal")
    text = "Mossi farmers and Fulani herders clashed; les Dogons ont fui."
    assert demonym_countries(text, cues) == {"BF": 1, "ML": 1}


def test_actor_countries_searches_only_names_whose_first_word_occurs(tmp_path: Path) -> None:
    actors = tmp_path / "actors.jsonl"
    lines = [
        {"name": "FAMa", "country": "ML", "aliases": {"fr": ["Forces armées maliennes"]}},
        {"name": "Katiba Serma", "country": "ML", "aliases": {}},
        {"name": "Koglweogo", "country": "BF", "aliases": {}},
    ]
    actors.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    cues = load_cues(actors_file=actors)
    assert set(cues.actor_heads) == {"FAMa", "Katiba", "Koglweogo"}
    text = "La Katiba Serma et les FAMa; Katiba Macina, FAMaX."
    assert sorted(cues.actor_countries(text)) == ["ML", "ML"]
    scan = replace(cues, actor_heads={})
    assert sorted(scan.actor_countries(text)) == sorted(cues.actor_countries(text))


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the Gao-based convoy near Ansongo, east of Gao.",
        "Des hommes armés ont attaqué le poste de Tin-Akoff, au nord de Dori.",
    ],
)
def test_text_words_inside_splits_like_the_slice_alone(text: str) -> None:
    spans = [(m.start(), m.end()) for m in re.finditer(r"Gao|Ansongo|Akoff|Tin|Dori|poste", text)]
    for words in (TextWords.of(text), TextWords.around(text, spans, before=5, after=3)):
        for start, end in [*spans, (0, len(text)), (3, 9)]:
            assert words.inside(text, start, end) == split_words(text[start:end], start)


def test_demonym_countries_counts_in_order_of_first_mention() -> None:
    cues = load_cues()
    text = "Nigerien troops and Malian soldiers met; the Malian army and Nigerien police left."
    assert list(demonym_countries(text, cues).items()) == [("NE", 2), ("ML", 2)]


def test_demonym_countries_skips_only_words_that_cannot_fold_to_a_cue() -> None:
    cues = load_cues()
    text = "MALIENNE, malienne et Malienne; NIGÉRIENS et nigeriens; Mossi, MOSSI; Mali."
    every_word = replace(cues, context_forms=frozenset())
    assert demonym_countries(text, cues) == demonym_countries(text, every_word)
    assert demonym_countries(text, cues)["ML"] >= 3

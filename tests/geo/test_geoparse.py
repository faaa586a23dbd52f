from __future__ import annotations

from dataclasses import replace

import pytest

from sahelwatch.geo import build_geoparser, open_gazetteer
from sahelwatch.geo.recognize import DEMONYM_RULE
from sahelwatch.settings import load_settings


@pytest.mark.slow
def test_geoparser_settles_twin_border_towns_by_words() -> None:
    text = (
        "Algerian forces expelled refugees from the outskirts of the Algerian side of the city "
        "of Tinzaouaten. Days later, drones struck Malian Tinzaouaten, near Kidal, and a "
        "convoy was ambushed between Anefis and Tessalit in northern Mali."
    )
    with open_gazetteer() as gazetteer:
        parser = build_geoparser(dict(load_settings().spacy_models), gazetteer)
        [mentions] = list(parser.parse([text], "en"))
        found = [(m.text, m.place.country if m.place else None) for m in mentions]
        assert ("Tinzaouaten", "DZ") in found
        assert ("Tinzaouaten", "ML") in found
        assert {("Kidal", "ML"), ("Anefis", "ML"), ("Tessalit", "ML")} <= set(found)
        assert not any(m.text in {"Algerian", "Malian"} for m in mentions)
        [mentions] = list(replace(parser, demonyms=True).parse([text], "en"))
        demonyms = [m for m in mentions if m.text in {"Algerian", "Malian"}]
        assert demonyms  # on request, the countries the adjectives name, marked as demonyms
        assert all(m.rule.startswith(DEMONYM_RULE) for m in demonyms)
        assert {m.place.feature_code for m in demonyms if m.place} == {"PCLI"}
        text = "Des soldats ont été tués près de Ménaka, dans la région de Ménaka, au Mali."
        [mentions] = list(parser.parse([text], "fr"))
        codes = [(m.text, m.place.feature_code if m.place else None) for m in mentions]
        assert codes[:2] == [("Ménaka", "PPLA"), ("Ménaka", "ADM1")]

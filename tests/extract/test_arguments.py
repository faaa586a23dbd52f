"""The words of a clause that stand for the doer and the target, on parses built by hand."""

from __future__ import annotations

from spacy.tokens import Token

from coder_fixtures import hand_parse
from sahelwatch.extract.arguments import event_arguments
from sahelwatch.extract.lang import LANGUAGES


def texts(found: tuple[list[Token], list[Token]]) -> tuple[list[str], list[str]]:
    doers, targets = found
    return [t.text for t in doers], [t.text for t in targets]


def test_event_arguments_other_side_after_with() -> None:
    doc = hand_parse(language="en", rows=[
        ("Herders", 1, "nsubj", "NOUN", "herder"), ("clashed", 1, "ROOT", "VERB", "clash"),
        ("with", 1, "prep", "ADP", "with"), ("gendarmes", 2, "pobj", "NOUN", "gendarme"),
    ])  # fmt: skip
    found = event_arguments(doc[1], "Armed clash", LANGUAGES["en"])
    assert texts(found) == (["Herders"], ["gendarmes"])


def test_event_arguments_other_side_after_avec_in_french() -> None:
    doc = hand_parse(language="fr", rows=[
        ("Des", 1, "det", "DET", "un"), ("bergers", 2, "nsubj", "NOUN", "berger"),
        ("combattent", 2, "ROOT", "VERB", "combattre"), ("avec", 4, "case", "ADP", "avec"),
        ("gendarmes", 2, "obl:mod", "NOUN", "gendarme"),
    ])  # fmt: skip
    found = event_arguments(doc[2], "Armed clash", LANGUAGES["fr"])
    assert texts(found) == (["bergers"], ["gendarmes"])


def test_event_arguments_sides_of_fighting_between() -> None:
    doc = hand_parse(language="fr", rows=[
        ("combats", 0, "ROOT", "NOUN", "combat"), ("entre", 2, "case", "ADP", "entre"),
        ("bergers", 0, "nmod", "NOUN", "berger"), ("et", 4, "cc", "CCONJ", "et"),
        ("cultivateurs", 2, "conj", "NOUN", "cultivateur"),
    ])  # fmt: skip
    found = event_arguments(doc[0], "Armed clash", LANGUAGES["fr"])
    assert texts(found) == (["bergers"], ["cultivateurs"])


def test_event_arguments_auxiliary_in_capitals_is_a_name() -> None:
    doc = hand_parse(language="en", rows=[
        ("IS", 3, "auxpass", "AUX", "be"), ("Sahel", 2, "compound", "PROPN", "Sahel"),
        ("militants", 3, "nsubj", "NOUN", "militant"), ("killed", 3, "ROOT", "VERB", "kill"),
        ("herders", 3, "dobj", "NOUN", "herder"),
    ])  # fmt: skip
    found = event_arguments(doc[3], "Attack", LANGUAGES["en"])
    assert texts(found) == (["militants"], ["herders"])


def test_event_arguments_place_for_subject_is_the_target() -> None:
    doc = hand_parse(language="en", rows=[
        ("Army", 1, "compound", "NOUN", "army"), ("checkpoint", 2, "nsubj", "NOUN", "checkpoint"),
        ("attacked", 2, "ROOT", "VERB", "attack"), ("at", 2, "prep", "ADP", "at"),
        ("dawn", 3, "pobj", "NOUN", "dawn"),
    ])  # fmt: skip
    found = event_arguments(doc[2], "Armed clash", LANGUAGES["en"])
    assert texts(found) == ([], ["checkpoint"])
    doc = hand_parse(language="en", rows=[
        ("Gunmen", 1, "nsubj", "NOUN", "gunman"), ("attacked", 1, "ROOT", "VERB", "attack"),
        ("at", 1, "prep", "ADP", "at"), ("dawn", 2, "pobj", "NOUN", "dawn"),
    ])  # fmt: skip
    assert texts(event_arguments(doc[1], "Armed clash", LANGUAGES["en"])) == (["Gunmen"], [])


def test_event_arguments_toll_during_an_event_takes_its_author() -> None:
    doc = hand_parse(language="en", rows=[
        ("civilians", 2, "nsubjpass", "NOUN", "civilian"), ("were", 2, "auxpass", "AUX", "be"),
        ("killed", 2, "ROOT", "VERB", "kill"), ("during", 2, "prep", "ADP", "during"),
        ("NATO", 5, "compound", "PROPN", "NATO"), ("strike", 3, "pobj", "NOUN", "strike"),
    ])  # fmt: skip
    found = event_arguments(doc[2], "Attack", LANGUAGES["en"])
    assert texts(found) == (["NATO"], ["civilians"])


def test_event_arguments_bare_harm_verb_is_a_terse_passive() -> None:
    doc = hand_parse(language="en", rows=[
        ("Gendarme", 1, "nsubj", "NOUN", "gendarme"), ("wounded", 1, "ROOT", "VERB", "wound"),
        ("after", 4, "mark", "ADP", "after"), ("bandits", 4, "nsubj", "NOUN", "bandit"),
        ("took", 1, "advcl", "VERB", "take"), ("his", 6, "poss", "PRON", "his"),
        ("car", 4, "dobj", "NOUN", "car"),
    ])  # fmt: skip
    found = event_arguments(doc[1], "Attack", LANGUAGES["en"])
    assert texts(found) == ([], ["Gendarme"])


def test_event_arguments_harm_verb_joined_to_another_stays_active() -> None:
    doc = hand_parse(language="en", rows=[
        ("Soldiers", 1, "nsubj", "NOUN", "soldier"), ("killed", 1, "ROOT", "VERB", "kill"),
        ("and", 1, "cc", "CCONJ", "and"), ("robbed", 4, "amod", "VERB", "rob"),
        ("herders", 1, "conj", "NOUN", "herder"),
    ])  # fmt: skip
    doers, _ = texts(event_arguments(doc[1], "Attack", LANGUAGES["en"]))
    assert doers == ["Soldiers"]

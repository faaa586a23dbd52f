"""Who a sentence holds responsible: not a backer, not a name in a clause of its own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from coder_fixtures import Code, hand_parse
from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.attribution import attributed
from sahelwatch.extract.lang import LANGUAGES
from sahelwatch.pack import load_region


def test_attributed_a_backer_is_not_blamed() -> None:
    doc = hand_parse([
        ("Soldiers", 4, "nsubj", "NOUN", "soldier"), (",", 0, "punct", "PUNCT", ","),
        ("backed", 0, "acl", "VERB", "back"), ("by", 2, "agent", "ADP", "by"),
        ("repelled", 4, "ROOT", "VERB", "repel"), ("Wagner", 6, "compound", "PROPN", "Wagner"),
        ("instructors", 3, "pobj", "NOUN", "instructor"),
    ])  # fmt: skip
    pack = load_region("sahel")
    wagner = pack.actor("wagner")
    assert wagner is not None
    mention = ActorMention(wagner, 5, 7, "Wagner instructors")
    assert attributed(doc[:], [mention], LANGUAGES["en"]) is None


def test_attributed_a_name_in_a_further_clause_is_not_blamed() -> None:
    words = ["They", "accuse", "villagers", "of", "helping", "the", "VDP"]
    doc = Doc(
        spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 3, 6, 4],
        deps=["nsubj", "ROOT", "dobj", "prep", "pcomp", "det", "dobj"],
        pos=["PRON", "VERB", "NOUN", "ADP", "VERB", "DET", "PROPN"],
        tags=["PRP", "VBP", "NNS", "IN", "VBG", "DT", "NNP"],
        lemmas=["they", "accuse", "villager", "of", "help", "the", "VDP"],
    )  # fmt: skip
    pack = load_region("sahel")
    vdp = pack.actor("vdp-bf")
    assert vdp is not None
    assert attributed(doc[:], [ActorMention(vdp, 6, 7, "VDP")], LANGUAGES["en"]) is None
    blamed = Doc(
        spacy.blank("en").vocab, words=["They", "accuse", "the", "VDP"], heads=[1, 1, 3, 1],
        deps=["nsubj", "ROOT", "det", "dobj"], pos=["PRON", "VERB", "DET", "PROPN"],
        lemmas=["they", "accuse", "the", "VDP"],
    )  # fmt: skip
    assert attributed(blamed[:], [ActorMention(vdp, 3, 4, "VDP")], LANGUAGES["en"]) is not None
    french = Doc(
        spacy.blank("fr").vocab, words=["Ils", "accusent", "des", "bergers", "d'", "aider", "les",
                                        "VDP"],
        heads=[1, 1, 3, 1, 5, 1, 7, 5],
        deps=["nsubj", "ROOT", "det", "obj", "mark", "obl:arg", "det", "obj"],
        pos=["PRON", "VERB", "DET", "NOUN", "ADP", "VERB", "DET", "PROPN"],
        morphs=["", "VerbForm=Fin", "", "", "", "VerbForm=Inf", "", ""],
        lemmas=["il", "accuser", "un", "berger", "de", "aider", "le", "VDP"],
    )  # fmt: skip
    assert attributed(french[:], [ActorMention(vdp, 7, 8, "VDP")], LANGUAGES["fr"]) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Gunmen killed two traders near Gao. Witnesses described the attackers as JNIM "
            "militants.",
            "en",
        ),
        (
            "Gunmen killed two traders near Gao. The assailants were identified as JNIM militants.",
            "en",
        ),
        (
            "Des hommes armés ont tué deux commerçants près de Gao. Des témoins ont décrit les "
            "assaillants comme des militants du JNIM.",
            "fr",
        ),
    ],
)
def test_attributed_the_group_witnesses_describe_the_doers_as(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language).reports[0]
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Gunmen killed two traders near Gao. The perpetrators are alleged to be JNIM "
            "militants.",
            "en",
        ),
        ("Gunmen killed two traders near Gao. The attackers are thought to be JNIM.", "en"),
        (
            "Gunmen killed two traders near Gao. The attack is believed to be the work of JNIM.",
            "en",
        ),
        ("Gunmen believed to be with JNIM killed two traders near Gao.", "en"),
        (
            "Des hommes armés ont tué deux commerçants près de Gao. Les auteurs sont présumés "
            "être des militants du JNIM.",
            "fr",
        ),
    ],
)
def test_attributed_the_group_the_doers_are_said_to_be(
    code: Code, text: str, language: str
) -> None:
    report = code(text, language).reports[0]
    assert report.actor1 == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.slow
def test_attributed_the_group_the_victims_are_said_to_be_is_not_blamed(code: Code) -> None:
    text = (
        "On 6 February, a military patrol ambushed and killed two IED planters [believed to be "
        "JNIM] near Djibo in Burkina Faso."
    )
    report = code(text).reports[0]
    assert report.actor1 == "Military Forces of Burkina Faso"

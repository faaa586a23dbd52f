"""Counts of people: digits and number words, hedges, and what happened to the people counted.

:func:`find_counts` reads every number phrase of a sentence ("at least 17", "une dizaine de",
"dozens of", "between 10 and 15") into a :class:`~sahelwatch.model.Count` with ACLED's best
figure (the lowest credible one) and the bounds, and says whether the people were killed,
injured, abducted, arrested or displaced. :func:`sum_counts` adds the counts of one category,
leaving out the parts already counted ("17 killed, including four children") and keeping the
latest total ("the toll has risen to 21").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sahelwatch.extract.lang import LanguageData
from sahelwatch.model import Count

__all__ = ["CATEGORIES", "CountPhrase", "find_counts", "no_fatalities", "sum_counts"]

CATEGORIES = ("killed", "injured", "abducted", "arrested", "displaced")
_DIGITS = re.compile(r"^\d{1,3}(?:[,.\u202f\u00a0]\d{3})+$|^\d+$")
_PEOPLE_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "dobj", "obj", "appos", "conj"})
_WINDOW = 6


@dataclass(frozen=True, slots=True)
class CountPhrase:
    """A number phrase over Doc tokens ``[start, end)``, the category of the people it counts."""

    start: int
    end: int
    count: Count
    category: str | None
    subset: bool = False
    total: bool = False
    implicit: bool = False


def find_counts(
    sentence: SpacySpan, data: LanguageData, displacement: bool = False
) -> list[CountPhrase]:
    """Every number phrase of the sentence, with its category (None when not about victims)."""
    tokens = list(sentence)
    phrases: list[CountPhrase] = []
    index = 0
    while index < len(tokens):
        found = _number_at(tokens, index, data)
        if found is None:
            index += 1
            continue
        end, best, high = found
        start = _hedge_start(tokens, index, data)
        hedge = " ".join(t.lower_ for t in tokens[start:index])
        end, high = _range_end(tokens, end, data, high)
        low = best if hedge in data.lower_bound or high is not None else None
        text = sentence.doc[tokens[start].i : tokens[end - 1].i + 1].text
        counted, partitive = _counted(tokens[end - 1], data)
        category = _category(counted, tokens, data, displacement, partitive)
        phrases.append(
            CountPhrase(
                tokens[start].i,
                tokens[end - 1].i + 1,
                Count(best, low, high, text),
                category,
                _subset(tokens[start], data),
                _total(counted, data),
            )
        )
        index = end
    return phrases + _implicit(sentence, data, phrases)


_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "il", "elle", "le", "la", "l'"})


def _implicit(
    sentence: SpacySpan, data: LanguageData, phrases: Sequence[CountPhrase]
) -> list[CountPhrase]:
    """One person killed, wounded or abducted without a number ("killed *a farmer*", "*the
    mayor* was killed", "the execution of *an Algerian diplomat*"): a count of 1."""
    counted = {i for p in phrases for i in range(p.start, p.end)}
    found: list[CountPhrase] = []
    for token in sentence:
        category = _category_of(_word(token), data, False)
        if category is None or token.pos_ not in {"VERB", "NOUN"}:
            continue
        for person in _patients(token):
            if person.i in counted or any(c.like_num for c in person.children):
                continue
            if _singular(person, data):
                text = person.doc[person.left_edge.i : person.i + 1].text
                found.append(CountPhrase(person.i, person.i + 1, Count(1, None, None, text),
                                         category, implicit=True))  # fmt: skip
                counted.add(person.i)
    return found


def _patients(token: Token) -> list[Token]:
    if token.pos_ == "NOUN":
        return [
            c for p in token.children if p.lower_ in {"of", "de", "d'"}
            for c in p.children if c.dep_ in {"pobj", "nmod"}
        ] + [c for c in token.children if c.dep_ == "nmod"]  # fmt: skip
    passive = any(c.dep_ in {"auxpass", "aux:pass"} for c in token.children)
    wanted = {"nsubjpass", "nsubj:pass"} if passive else {"dobj", "obj"}
    if token.lemma_.lower() in {"die", "perish", "succumb", "mourir", "périr", "décéder"}:
        wanted = {"nsubj"}
    found = [c for c in token.children if c.dep_ in wanted]
    if not found and token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"}:
        found = [token.head]
    return found


def _singular(person: Token, data: LanguageData) -> bool:
    if person.lower_ in _SINGULAR_PRONOUNS:
        return True
    if person.pos_ not in {"NOUN", "PROPN"} or person.lower_ in data.not_people:
        return False
    if any(c.dep_ == "conj" for c in person.children):
        return False
    return "Sing" in person.morph.get("Number", []) or person.tag_ in {"NN", "NNP"}


def _number_at(
    tokens: list[Token], index: int, data: LanguageData
) -> tuple[int, int, int | None] | None:
    """(end index, best, high) of a number starting at ``index``."""
    token = tokens[index]
    first = token.lower_
    if first not in data.number_starts and not first[:1].isdigit() and "-" not in first:
        return None
    for width in (4, 3, 2, 1):
        chunk = tokens[index : index + width]
        words = " ".join(t.lower_ for t in chunk)
        if len(chunk) == width and words in data.numbers:
            if width == 1 and words in data.article_numbers:
                return _article(tokens, index, data)
            best, high = data.numbers[words]
            end = index + width
            if words in data.tens:
                end, best = _tens_unit(tokens, end, best, data)
            return _scaled(tokens, end, best, high, data)
    if "-" in first and all(p in data.numbers for p in first.split("-")):
        parts = [data.numbers[p][0] for p in first.split("-")]
        return index + 1, sum(parts), None
    if _DIGITS.match(token.text):
        value = int(re.sub(r"\D", "", token.text))
        if _in_date(tokens, index, data) or (len(token.text) == 4 and 1900 <= value <= 2100):
            return None
        end = index + 1
        while end < len(tokens) and re.fullmatch(r"\d{3}", tokens[end].text) and value < 1000:
            value, end = value * 1000 + int(tokens[end].text), end + 1
        return _scaled(tokens, end, value, None, data)
    return None


def _tens_unit(tokens: list[Token], end: int, best: int, data: LanguageData) -> tuple[int, int]:
    """ "twenty five", "twenty - five", "vingt-cinq": the tens and the unit."""
    if end + 1 < len(tokens) and tokens[end].text == "-":
        end += 1
    if end < len(tokens) and tokens[end].lower_ in data.numbers:
        unit = data.numbers[tokens[end].lower_][0]
        if 0 < unit < 10:
            return end + 1, best + unit
    return end, best


def _in_date(tokens: list[Token], index: int, data: LanguageData) -> bool:
    """A day of a month ("12 mars", "March 12") or a time, not a count."""
    token = tokens[index]
    if token.ent_type_ in {"DATE", "TIME"}:
        return True
    near = [tokens[i].lower_ for i in (index - 1, index + 1) if 0 <= i < len(tokens)]
    return any(word.rstrip(".") in data.months for word in near)


def _article(
    tokens: list[Token], index: int, data: LanguageData
) -> tuple[int, int, int | None] | None:
    """ "a", "many", "some" are not numbers by themselves: a single victim is counted from the
    parse ("killed *a farmer*": 1), a vague plural is not counted."""
    return None


def _scaled(
    tokens: list[Token], end: int, best: int, high: int | None, data: LanguageData
) -> tuple[int, int, int | None]:
    if end < len(tokens) and tokens[end].lower_ in data.multipliers and best < 1000:
        factor = data.multipliers[tokens[end].lower_]
        return end + 1, best * factor, high * factor if high else None
    return end, best, high


def _hedge_start(tokens: list[Token], index: int, data: LanguageData) -> int:
    for width in (3, 2, 1):
        if index - width < 0:
            continue
        words = " ".join(t.lower_ for t in tokens[index - width : index])
        if words in data.lower_bound | data.upper_bound | data.approximate:
            return index - width
    return index


def _range_end(
    tokens: list[Token], end: int, data: LanguageData, high: int | None
) -> tuple[int, int | None]:
    """ "10 to 15", "10-15", "entre 10 et 15": the high bound."""
    if end + 1 < len(tokens) and tokens[end].lower_ in {"to", "-", "and", "à", "et", "or", "ou"}:
        second = _number_at(tokens, end + 1, data)
        if second is not None and tokens[end + 1].pos_ == "NUM" and second[1] > 0:
            return second[0], second[1]
    return end, high


def _counted(number: Token, data: LanguageData) -> tuple[Token, bool]:
    """The token standing for the people counted, and whether it is a partitive ("two *of the*
    wounded"): the noun a number modifies, the noun after "of"/"de", or the number itself."""
    token = number
    if token.dep_ in {"nummod", "det", "quantmod", "amod", "compound", "advmod"} and (
        token.head.pos_ in {"NOUN", "PROPN", "ADJ", "PRON"}
    ):
        token = token.head
    for child in token.children:
        if child.dep_ in {"prep", "nmod", "case"} and child.lower_ in {"of", "de", "d'"}:
            noun = next((c for c in child.children if c.dep_ in {"pobj", "nmod"}), None)
            if noun is not None:
                definite = any(c.lower_ in data.definite for c in noun.children)
                return (token, True) if definite or noun.pos_ == "PRON" else (noun, False)
        if child.dep_ == "nmod" and child.pos_ in {"NOUN", "ADJ"}:
            return child, False
    return token, False


def _word(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def _category(
    counted: Token, tokens: list[Token], data: LanguageData, displacement: bool, partitive: bool
) -> str | None:
    """What happened to the people counted: their own word ("dead"), a word on them ("four
    injured"), the verb they are the subject or object of, a victim word nearby; then, for a
    displacement, their being refugees or migrants."""
    own = None if partitive else _own_category(counted, data, displacement=False)
    if own is not None:
        return own
    if counted.lower_ in data.not_people or counted.lemma_.lower() in data.not_people:
        return None
    for child in counted.children:
        if child.dep_ in {"amod", "acl", "relcl", "oprd", "advcl", "conj"}:
            found = _victim_category(child, data, displacement)
            if found:
                return found
    head = counted
    for _ in range(3):
        if head.dep_ not in _PEOPLE_DEPS | {"pobj", "obl", "obl:arg", "nmod", "attr", "xcomp"}:
            break
        head = head.head if head.dep_ != "pobj" else head.head.head
        found = _victim_category(head, data, displacement)
        if found:
            return found
    found = _total_category(counted, data, displacement)
    found = found or _nearby_category(counted, tokens, data, displacement)
    if found is None and displacement and not partitive:
        return _own_category(counted, data, displacement=True)
    return found


def _total_category(counted: Token, data: LanguageData, displacement: bool) -> str | None:
    """ "The number of people killed ... has risen to 21": the category of the subject."""
    for verb in list(counted.ancestors)[:3]:
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"}):
            for token in subject.subtree:
                found = _victim_category(token, data, displacement)
                if found:
                    return found
        break
    return None


def _own_category(counted: Token, data: LanguageData, displacement: bool) -> str | None:
    if counted.pos_ in {"NOUN", "ADJ", "VERB", "PROPN"}:
        return _category_of(_word(counted), data, displacement)
    return None


def _victim_category(token: Token, data: LanguageData, displacement: bool) -> str | None:
    if token.pos_ not in {"VERB", "NOUN", "ADJ", "AUX"}:
        return None
    return _category_of(_word(token), data, displacement)


def _category_of(words: set[str], data: LanguageData, displacement: bool) -> str | None:
    for name, vocabulary in (
        ("killed", data.killed),
        ("injured", data.injured),
        ("abducted", data.abducted),
        ("arrested", data.arrested),
    ):
        if words & vocabulary:
            return name
    if displacement and words & data.displaced:
        return "displaced"
    return None


def _nearby_category(
    counted: Token, tokens: list[Token], data: LanguageData, displacement: bool
) -> str | None:
    position = next((n for n, t in enumerate(tokens) if t.i == counted.i), None)
    if position is None:
        return None
    forward = True
    for distance in range(1, _WINDOW + 1):
        for near in (position + distance, position - distance):
            if not 0 <= near < len(tokens):
                continue
            token = tokens[near]
            if token.like_num or token.text in {";", ":"}:
                forward = forward and near < position
                continue
            if near > position and not forward:
                continue
            found = _victim_category(token, data, displacement)
            if found:
                return found
    return None


def _subset(first: Token, data: LanguageData) -> bool:
    """Counted inside "including ...", "among them ...", "dont ...", "of whom ..."."""
    for ancestor in (first, *first.ancestors):
        if ancestor.lower_ in data.subset_words and ancestor.dep_ in {"prep", "case", "advmod"}:
            return ancestor.lower_ not in {"of", "de"}
    doc = first.doc
    before = doc[max(0, first.i - 3) : first.i]
    return any(t.lower_ in data.subset_words - {"of", "de"} for t in before)


def _total(counted: Token, data: LanguageData) -> bool:
    nearby = [*counted.ancestors][:3]
    return any(t.lemma_.lower() in data.total_words or t.lower_ in data.total_words for t in nearby)


def no_fatalities(text: str, data: LanguageData) -> str | None:
    """The phrase telling that nobody died, if the text has one."""
    lowered = text.lower()
    return next((phrase for phrase in data.no_fatalities if phrase in lowered), None)


def sum_counts(phrases: Iterable[CountPhrase], category: str) -> Count | None:
    """The count of one category over the phrases of an event (see the module docstring)."""
    chosen: list[CountPhrase] = []
    closed = False
    explicit = any(p.category == category and not p.implicit for p in phrases)
    for phrase in phrases:
        if phrase.category != category or (explicit and phrase.implicit):
            continue
        if phrase.total:
            chosen, closed = [phrase], True
            continue
        if closed or (phrase.subset and chosen):
            continue
        if any(p.count.best == phrase.count.best and p.count.text != phrase.count.text
               for p in chosen) and phrase.count.best > 2:  # fmt: skip
            continue
        chosen.append(phrase)
    return _add([p.count for p in chosen])


def _add(counts: Sequence[Count]) -> Count | None:
    if not counts:
        return None
    if len(counts) == 1:
        return counts[0]
    best = sum(c.best for c in counts)
    lows = [c.low if c.low is not None else c.best for c in counts]
    highs = [c.high if c.high is not None else c.best for c in counts]
    has_low = any(c.low is not None for c in counts)
    has_high = any(c.high is not None for c in counts)
    return Count(
        best,
        sum(lows) if has_low else None,
        sum(highs) if has_high else None,
        "; ".join(c.text for c in counts),
    )

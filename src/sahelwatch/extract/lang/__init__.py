"""Language data for the coder: one small module per language (``en``, ``fr``), same names in each.

A word list may be written as one string of words separated by spaces (it is split here) or,
when its entries hold spaces, as a tuple or set of phrases.

:data:`LANGUAGES` maps a language code to its :class:`LanguageData`; adding a language means
adding a module with the same names and one line here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType, ModuleType
from typing import Any

from sahelwatch.extract.lang import en, fr

__all__ = ["LANGUAGES", "LanguageData"]


@dataclass(frozen=True, slots=True)
class LanguageData:
    """The words of one language (see ``lang/en.py`` for what each holds)."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    numbers: Mapping[str, tuple[int, int | None]]
    tens: Mapping[str, int]
    multipliers: Mapping[str, int]
    time: Mapping[str, str]
    diseases: Mapping[str, str]
    date_words: Mapping[str, tuple[str, ...]]
    article_numbers: frozenset[str]
    number_starts: frozenset[str]  # derived: the first word of every number phrase
    lower_bound: frozenset[str]
    upper_bound: frozenset[str]
    approximate: frozenset[str]
    not_people: frozenset[str]
    killed: frozenset[str]
    injured: frozenset[str]
    harm_verbs: frozenset[str]
    off_duty: tuple[str, ...]
    unopposed: tuple[str, ...]
    crowd_words: frozenset[str]
    communal_words: frozenset[str]
    between_words: frozenset[str]
    side_words: frozenset[str]
    harmless_shots: frozenset[str]
    gathering_verbs: frozenset[str]
    unmanned: frozenset[str]
    abducted: frozenset[str]
    arrested: frozenset[str]
    displaced: frozenset[str]
    casualty_words: frozenset[str]
    no_fatalities: tuple[str, ...]
    negators: frozenset[str]
    failed: frozenset[str]
    forecast_modals: frozenset[str]
    speculative_modals: frozenset[str]
    forecast_verbs: frozenset[str]
    future_words: tuple[str, ...]
    recommend_verbs: frozenset[str]
    recommend_phrases: tuple[str, ...]
    say_verbs: frozenset[str]
    claim_verbs: frozenset[str]
    unverified: tuple[str, ...]
    deny_verbs: frozenset[str]
    threat_verbs: frozenset[str]
    recall_words: frozenset[str]
    recall_phrases: tuple[str, ...]
    subordinators: frozenset[str]
    background_subordinators: frozenset[str]
    topic_verbs: frozenset[str]
    generic_verbs: frozenset[str]
    generic_modifiers: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    attribution_verbs: frozenset[str]
    generic_phrases: tuple[str, ...]
    event_nouns: frozenset[str]
    definite: frozenset[str]
    new_event: frozenset[str]
    civilian_targets: frozenset[str]
    armed_targets: frozenset[str]
    civilian_modifiers: frozenset[str]
    armed_modifiers: frozenset[str]
    hedges: frozenset[str]
    affiliation_words: frozenset[str]
    backing_words: frozenset[str]
    subset_words: frozenset[str]
    total_words: frozenset[str]
    warn_verbs: frozenset[str]
    escalation_words: tuple[str, ...]
    issuer_words: frozenset[str]
    stance_words: frozenset[str]
    sequence_verbs: frozenset[str]
    crowd_weapons: frozenset[str]
    faction_words: frozenset[str]
    agreement_words: frozenset[str]
    singular_words: frozenset[str]
    mutiny_words: frozenset[str]
    epidemic_words: frozenset[str]
    coup_words: frozenset[str]
    source_words: frozenset[str]
    of_words: frozenset[str]
    agent_words: frozenset[str]
    aim_words: frozenset[str]
    do_verbs: frozenset[str]
    relative_words: frozenset[str]
    before_words: frozenset[str]
    nonfinite_marks: frozenset[str]
    reprisal_words: frozenset[str]
    reprisal_links: frozenset[str]
    armed_people: frozenset[str]
    handed_people: frozenset[str]
    armed_foes: frozenset[str]
    held_device_words: frozenset[str]
    civilian_roles: frozenset[str]
    member_words: frozenset[str]
    target_places: frozenset[str]
    during_words: frozenset[str]
    search_words: frozenset[str]
    community_words: frozenset[str]
    home_words: frozenset[str]
    intercommunal_words: frozenset[str]
    home_areas: frozenset[str]
    village_words: frozenset[str]
    kind_words: frozenset[str]
    contrast_phrases: tuple[str, ...]
    moment_words: frozenset[str]
    frame_phrases: tuple[str, ...]
    armed_ranks: frozenset[str]
    armed_qualifiers: frozenset[str]
    described_words: frozenset[str]
    terse_passives: frozenset[str]
    at_home: frozenset[str]
    # --- event types, more (classify.py, crowds.py) ---
    strike_words: frozenset[str]
    protest_strikes: frozenset[str]
    release_verbs: frozenset[str]
    later_words: frozenset[str]
    aircraft_words: frozenset[str]


_MAPPINGS = frozenset(
    {"months", "weekdays", "numbers", "tens", "multipliers", "time", "date_words", "diseases"}
)
_TUPLES = frozenset(
    {
        "no_fatalities",
        "future_words",
        "recommend_phrases",
        "unverified",
        "recall_phrases",
        "escalation_words",
        "generic_phrases",
        "off_duty",
        "unopposed",
        "contrast_phrases",
        "frame_phrases",
    }
)


def _build(module: ModuleType) -> LanguageData:
    values: dict[str, Any] = {}
    for item in fields(LanguageData):
        if item.name == "number_starts":
            continue
        raw = getattr(module, item.name.upper())
        if item.name in _MAPPINGS:
            values[item.name] = MappingProxyType(dict(raw))
        elif item.name in _TUPLES:
            values[item.name] = tuple(raw)
        elif isinstance(raw, str):
            values[item.name] = frozenset(raw.split())
        else:
            values[item.name] = frozenset(raw)
    values["number_starts"] = frozenset(phrase.split()[0] for phrase in values["numbers"])
    return LanguageData(**values)


LANGUAGES: Mapping[str, LanguageData] = MappingProxyType({"en": _build(en), "fr": _build(fr)})

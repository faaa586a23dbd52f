"""The seam with a learned classifier: it decides only where the rules are unsure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sahelwatch.extract.actors import ActorNames
from sahelwatch.extract.learned import apply_model, event_hints, event_text
from sahelwatch.model import Count, DatePrecision, EventDate, EventReport, Modality, Span
from sahelwatch.pack import load_region

TEXT = "Gunmen attacked a camp. Nothing else."


@dataclass(frozen=True)
class FakeModel:
    name: str = "learned-test"
    trust_rules_above: float = 0.7
    answer: str = "Armed clash"

    def predict(self, text: str, hints: Sequence[str]) -> tuple[str, float]:
        assert text == "Gunmen attacked a camp."
        assert "rule=Attack" in hints
        return self.answer, 0.9


def report(confidence: float, family: str = "conflict") -> EventReport:
    return EventReport(
        id="r", doc_id="d", family=family, event_type="Violence against civilians",
        sub_event_type="Attack", date=EventDate(dt.date(2025, 1, 1), dt.date(2025, 1, 1),
                                                DatePrecision.DAY),
        modality=Modality.REPORTED, evidence=(Span(0, 23),), coder="rules-0.2:en-attack",
        confidence=confidence, fatalities=Count(2, None, None, "two"),
        details=("target=civilian", "triggers=en-attack en-kill"),
    )  # fmt: skip


def test_apply_model_codes_where_rules_are_unsure() -> None:
    types = load_region("sahel").types
    coded = apply_model(report(0.5), TEXT, FakeModel(), types)
    assert (coded.sub_event_type, coded.event_type) == ("Armed clash", "Battles")
    assert coded.coder == "learned-test:rules-0.2:en-attack"
    assert coded.confidence == 0.9


def test_apply_model_keeps_sure_rules_and_extension_types() -> None:
    types = load_region("sahel").types
    assert apply_model(report(0.8), TEXT, FakeModel(), types).sub_event_type == "Attack"
    displaced = replace(report(0.3), family="displacement")
    assert apply_model(displaced, TEXT, FakeModel(), types) == displaced


def test_event_hints_and_text() -> None:
    hints = event_hints(report(0.5))
    assert {"rule=Attack", "trigger=en-attack", "fatal=True", "has=en-kill"} <= set(hints)
    assert event_hints(None) == ("rule=none",)
    assert event_text(None, TEXT) == TEXT


@dataclass(frozen=True)
class ProtestModel:
    name: str = "learned-test"
    trust_rules_above: float = 0.7

    def predict(self, text: str, hints: Sequence[str]) -> tuple[str, float]:
        return "Peaceful protest", 0.8


def test_apply_model_names_the_crowd_of_its_own_type() -> None:
    pack = load_region("sahel")
    riot = replace(
        report(0.5), family="protest", event_type="Riots", sub_event_type="Violent demonstration",
        actor1="Rioters (Mali)", country="ML", details=("actor1_template=rioters",),
    )  # fmt: skip
    coded = apply_model(riot, TEXT, ProtestModel(), pack.types, ActorNames(pack))
    assert (coded.sub_event_type, coded.actor1) == ("Peaceful protest", "Protesters (Mali)")
    assert coded.details == ("actor1_template=protesters",)
    unnamed = apply_model(riot, TEXT, ProtestModel(), pack.types)
    assert unnamed.actor1 == "Rioters (Mali)"

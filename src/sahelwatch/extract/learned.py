"""The seam between the rule coder and a learned sub-event classifier.

A :class:`SubEventModel` (the one ``sahelwatch train`` fits lives in :mod:`sahelwatch.learn`)
reads an event's sentences and the rules' own reading of them (:func:`event_hints`) and
proposes an ACLED sub-event type with a probability. :func:`apply_model` lets it decide only
where the rules are unsure — their confidence is under the model's ``trust_rules_above`` —
and only for ACLED's own types; every report says in ``coder`` which one coded it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from sahelwatch.extract.actors import ActorNames
from sahelwatch.extract.sides import CROWDS
from sahelwatch.model import EventReport
from sahelwatch.pack import EventType

__all__ = ["SubEventModel", "apply_model", "event_hints", "event_text"]

_ACLED_FAMILIES = frozenset({"conflict", "protest", "strategic", "diplomacy"})


class SubEventModel(Protocol):
    """A classifier of ACLED sub-event types."""

    @property
    def name(self) -> str: ...

    @property
    def trust_rules_above(self) -> float: ...

    def predict(self, text: str, hints: Sequence[str]) -> tuple[str, float]: ...


def event_hints(report: EventReport | None) -> tuple[str, ...]:
    """The rules' reading of an event, as tokens a classifier can weigh."""
    if report is None:
        return ("rule=none",)
    trigger = report.coder.rsplit(":", 1)[-1]
    fatal = bool(report.fatalities and report.fatalities.best)
    hints = [
        f"rule={report.sub_event_type}",
        f"family={report.family}",
        f"trigger={trigger}",
        f"inter1={report.inter1}",
        f"inter2={report.inter2}",
        f"civilian={report.civilian_targeting}",
        f"fatal={fatal}",
        f"modality={report.modality}",
        f"conf={round(report.confidence, 1)}",
    ]
    for detail in report.details:
        key, _, value = detail.partition("=")
        if key == "target":
            hints.append(detail)
        elif key == "triggers":
            hints += [f"has={name}" for name in value.split()]
    for name, count in (("injured", report.injured), ("abducted", report.abducted),
                        ("arrested", report.arrested)):  # fmt: skip
        if count is not None and count.best:
            hints.append(f"{name}=yes")
    return tuple(hints)


def event_text(report: EventReport | None, text: str) -> str:
    """The sentences an event is told in (the whole text when there is no event)."""
    if report is None or not report.evidence:
        return text
    return " ".join(text[span.start : span.end] for span in report.evidence)


def apply_model(
    report: EventReport,
    text: str,
    model: SubEventModel,
    types: Mapping[str, EventType],
    names: ActorNames | None = None,
) -> EventReport:
    """The report coded by the model where the rules are unsure (see the module docstring).
    With ``names``, a crowd the rules named for their type is named for the model's ("Rioters"
    of a riot the model reads as a peaceful protest become "Protesters")."""
    if report.family not in _ACLED_FAMILIES or report.confidence >= model.trust_rules_above:
        return report
    sub, probability = model.predict(event_text(report, text), event_hints(report))
    kind = types.get(sub)
    if kind is None or sub == report.sub_event_type:
        return report
    coded = replace(
        report,
        sub_event_type=sub,
        event_type=kind.event_type,
        family=kind.family,
        disorder_type=kind.disorder_type,
        plover_type=kind.plover_type or None,
        plover_mode=kind.plover_mode or None,
        intensity=kind.intensity,
        civilian_targeting=True if kind.event_type == "Violence against civilians" else None,
        confidence=round(probability, 2),
        coder=f"{model.name}:{report.coder}",
    )
    return _crowd_renamed(coded, names) if names is not None else coded


def _crowd_renamed(report: EventReport, names: ActorNames) -> EventReport:
    """Actor1 named as the crowd of the report's type, when the rules named it as another."""
    crowd = CROWDS.get(report.sub_event_type)
    marker = "actor1_template="
    template = next((d[len(marker) :] for d in report.details if d.startswith(marker)), None)
    if crowd is None or template not in set(CROWDS.values()) or template == crowd:
        return report
    actor = names.render(crowd, report.country)
    details = tuple(marker + crowd if d == marker + str(template) else d for d in report.details)
    return replace(report, actor1=actor.acled_name or actor.name, details=details)

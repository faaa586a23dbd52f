"""Reports finished once the geo stage has resolved the document's places.

:func:`locate_nearby` places an event the coder could not place, or gives it a country, from
the places its document names; :func:`requalify` names generic actors ("Protesters") again
with the country so found ("Protesters (Burkina Faso)").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sahelwatch.extract.actors import ActorNames
from sahelwatch.extract.reports import GUESSED_COUNTRY
from sahelwatch.model import EventReport, PlaceMention

__all__ = ["locate_nearby", "requalify"]


def locate_nearby(report: EventReport, places: Sequence[PlaceMention]) -> EventReport:
    """An event whose own place the geo stage could not find is placed, as ACLED does, at a
    resolved place named in its sentences ("Dounapen, near Dioungani (*Koro*)"). An event
    the coder gave no place keeps none, but one with no country either (or only a guess from
    the actors the document names) takes the country of the places the document names
    (ACLED's notes rarely name the country they are about)."""
    if report.place is not None:
        return report
    resolved = [p for p in places if p.place is not None]
    if report.location_span is not None:
        inside = [
            p for p in resolved if any(s.start <= p.span.start < s.end for s in report.evidence)
        ]
        towns = [p for p in inside if p.place and p.place.feature_class == "P"] or inside
        if towns:
            return _placed(report, towns[0])
    if report.country is None or GUESSED_COUNTRY in report.details:
        return replace(report, country=_most_named(resolved) or report.country)
    return report


def _placed(report: EventReport, chosen: PlaceMention) -> EventReport:
    assert chosen.place is not None
    return replace(
        report,
        place=chosen.place,
        location=chosen.place.name,
        location_span=chosen.span,
        country=chosen.place.country,
        geo_precision=2 if chosen.place.feature_class == "P" else 3,
    )


def _most_named(resolved: Sequence[PlaceMention]) -> str | None:
    """The country most of the resolved places are in (the first named on a tie)."""
    countries = [p.place.country for p in resolved if p.place is not None and p.place.country]
    if not countries:
        return None
    return max(dict.fromkeys(countries), key=countries.count)


def requalify(
    report: EventReport, names: ActorNames, countries: frozenset[str] = frozenset()
) -> EventReport:
    """Name generic actors again with the event's country, once the geo stage has found it
    (only a country of the region pack: a place resolved elsewhere is more likely wrong)."""
    if report.country is None or (countries and report.country not in countries):
        return report
    templates = dict(d.split("=", 1) for d in report.details if "_template=" in d)
    changes: dict[str, str] = {}
    for number in (1, 2):
        key = templates.get(f"actor{number}_template")
        if key is None:
            continue
        template, _, group = key.partition("|")
        actor = names.render(template, report.country, group or None)
        changes[f"actor{number}"] = actor.acled_name or actor.name
    return replace(report, **changes) if changes else report  # type: ignore[arg-type]

"""The ranker: a transparent linear score per candidate, and an explicit "none of these".

Each candidate scores ``sum(weight[f] * value[f])`` over the named features of
:mod:`sahelwatch.geo.features`. "None of these" is a choice of its own with the fixed
score :attr:`Weights.none`: when no candidate beats it (a name only close to a gazetteer
name, a town in the wrong country for the demonym next to it), the mention stays
unresolved. The weights ship as a data file (``data/gazetteer/ranker.json``) that names
each weight, so what counts and how much is read, not guessed.

The ranker also says *why*: the feature whose weighted difference between the winner and
the runner-up (or "none") is largest.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from sahelwatch.errors import DataPackError
from sahelwatch.geo.candidates import Candidate
from sahelwatch.geo.features import FEATURES

__all__ = ["Choice", "Ranker", "load_ranker"]


@dataclass(frozen=True, slots=True)
class Choice:
    """The ranker's pick: the candidate (None: none of these), its score, margin and reason."""

    candidate: Candidate | None
    score: float
    margin: float
    reason: str


@dataclass(frozen=True, slots=True)
class Ranker:
    """Feature weights and the score of "none of these"."""

    weights: Mapping[str, float]
    none: float

    def score(self, values: Mapping[str, float], start: float = 0) -> float:
        """The weighted sum of ``values``, added in order onto ``start``: the score of some
        features carries on to more (``score(b, score(a)) == score({**a, **b})``, the same
        float, when ``b`` names no feature of ``a``)."""
        weights = self.weights
        return sum([weights[name] * value for name, value in values.items() if value], start)

    def choose(
        self,
        candidates: Sequence[Candidate],
        values: Sequence[Mapping[str, float]],
        scores: Sequence[float] | None = None,
        *,
        explain: bool = True,
    ) -> Choice:
        """The best candidate, or none of these when no candidate scores above :attr:`none`.

        ``scores``: each candidate's :meth:`score` of its ``values``, when known already;
        ``explain``: False leaves the reason of a pick among several candidates empty (a
        provisional pick whose reason is never shown).
        """
        if scores is None:
            scores = [self.score(v) for v in values]
        scored = sorted(
            zip(scores, candidates, values, strict=True),
            key=lambda item: (-item[0], -item[1].place.population, item[1].place.geonameid),
        )
        if not scored or scored[0][0] <= self.none:
            best = scored[0][0] if scored else self.none
            return Choice(None, self.none, self.none - best, "none")
        score, winner, mine = scored[0]
        if len(scored) == 1:
            return Choice(winner, score, score - self.none, "single")
        runner_up, _, theirs = scored[1]
        reason = self._reason(mine, theirs) if explain else ""
        return Choice(winner, score, score - runner_up, reason)

    def _reason(self, mine: Mapping[str, float], theirs: Mapping[str, float]) -> str:
        """The feature with the largest weighted gain (the first in :data:`FEATURES` on a
        tie), or "id" when none gains."""
        weights = self.weights
        name, gain = "", -math.inf
        for feature in FEATURES:
            value = weights.get(feature, 0.0) * (mine.get(feature, 0.0) - theirs.get(feature, 0.0))
            if value > gain:
                name, gain = feature, value
        return name if gain > 0 else "id"


def shipped_ranker_path() -> Path:
    return Path(str(resources.files("sahelwatch").joinpath("data/gazetteer/ranker.json")))


def load_ranker(path: Path | None = None) -> Ranker:
    """Read the weights file (by default the shipped one); every feature must have a weight."""
    path = path or shipped_ranker_path()
    try:
        data = json.loads(path.read_text("utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        none = float(data["none"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataPackError(f"cannot read ranker weights {path}: {exc}") from exc
    missing = sorted(set(FEATURES) - set(weights))
    unknown = sorted(set(weights) - set(FEATURES))
    if missing or unknown:
        raise DataPackError(f"{path.name}: missing weights {missing}, unknown weights {unknown}")
    return Ranker(MappingProxyType(weights), none)

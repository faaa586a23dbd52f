"""Curated gazetteer additions: places GeoNames lacks or gets wrong, one JSON object a line.

A line with a negative ``geonameid`` adds a place GeoNames does not have (or whose
GeoNames record is not in the dumps the builder reads); a line with the id
of a GeoNames place replaces that record entirely (name, alternate names, coordinates and
codes), which is how a record mixing two places' names is corrected. ``admin1`` and
``admin2`` are GeoNames codes (``"10"`` for Kidal, ``"IG"`` for In Guezzam); ``source`` is a
sentence saying where the facts come from. Example::

    {"geonameid": -1, "name": "Tin Zaouatine", "alternate_names": ["Tinzaouaten"],
     "lat": 19.96, "lon": 2.97, "feature_code": "PPL", "country": "DZ", "admin1": "IG",
     "admin2": null, "source": "..."}
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from sahelwatch.errors import GazetteerError

__all__ = ["CuratedPlace", "read_additions", "shipped_additions_path", "world_additions_path"]

# Feature classes implied by the feature codes curators use most; others must be given.
_CLASS_BY_PREFIX = (
    ("PPL", "P"),
    ("ADM", "A"),
    ("PCL", "A"),
    ("RGN", "L"),
    ("CONT", "L"),
    ("AREA", "L"),
    ("DSRT", "T"),
    ("WAD", "H"),
    ("LK", "H"),
    ("OCN", "H"),
    ("SEA", "H"),
)


class CuratedPlace(BaseModel):
    """One line of ``places.jsonl``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    geonameid: int = Field(description="GeoNames id to replace, or a negative id for a new place")
    name: str = Field(min_length=1)
    alternate_names: tuple[str, ...] = ()
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    feature_code: str = Field(min_length=2, max_length=10)
    feature_class: str | None = Field(default=None, min_length=1, max_length=1)
    country: str = Field(pattern=r"^([A-Z]{2})?$", description="ISO2; empty for a continent")
    admin1: str | None = None
    admin2: str | None = None
    population: int = Field(default=0, ge=0)
    source: str = Field(min_length=20)

    def resolved_feature_class(self) -> str:
        """The given feature class, else the one the feature code implies."""
        if self.feature_class is not None:
            return self.feature_class
        for prefix, feature_class in _CLASS_BY_PREFIX:
            if self.feature_code.startswith(prefix):
                return feature_class
        raise GazetteerError(
            f"curated place {self.geonameid} ({self.name}): give feature_class for "
            f"feature code {self.feature_code}"
        )


def shipped_additions_path(region: str = "sahel") -> Path:
    """The curated additions file of a shipped region pack."""
    traversable = resources.files("sahelwatch").joinpath(f"data/regions/{region}/places.jsonl")
    return Path(str(traversable))


def world_additions_path() -> Path:
    """The curated world additions (continents and regions GeoNames' dumps do not carry)."""
    return Path(str(resources.files("sahelwatch").joinpath("data/gazetteer/world.jsonl")))


def read_additions(path: Path) -> list[CuratedPlace]:
    """Read and validate a curated additions file; ids must be unique."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"cannot read curated places {path}: {exc}") from exc
    places: list[CuratedPlace] = []
    seen: set[int] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            place = CuratedPlace.model_validate_json(line)
        except ValidationError as exc:
            raise GazetteerError(f"{path.name}:{number}: {exc}") from exc
        if place.geonameid in seen:
            raise GazetteerError(f"{path.name}:{number}: geonameid {place.geonameid} repeated")
        place.resolved_feature_class()
        seen.add(place.geonameid)
        places.append(place)
    return places

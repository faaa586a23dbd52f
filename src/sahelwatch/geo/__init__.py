"""The geo stage: toponyms -> gazetteer places -> located event reports.

Entry function :func:`geocode` (``Extraction -> Extraction``). Around it:

- :func:`build_gazetteer` turns GeoNames dumps (+ GeoNames' country points, Natural Earth's
  names, the curated world and region additions) into the SQLite gazetteer shipped at
  :func:`shipped_gazetteer_path`; :mod:`~sahelwatch.geo.extend` adds a user's own GeoNames
  country dumps beside it;
- :func:`open_gazetteer` opens it (with the user's additions) as a :class:`Gazetteer`, which
  is passed in, never global;
- :func:`add_place_ruler` adds a spaCy component marking the place names the NER missed;
- :func:`resolve_mentions` picks each toponym's place: context words
  (:mod:`~sahelwatch.geo.context`) and candidates (:mod:`~sahelwatch.geo.candidates`) ->
  named features (:mod:`~sahelwatch.geo.features`) -> a transparent ranker with "none of
  these" (:mod:`~sahelwatch.geo.rank`); :func:`geo_precision` and :func:`radius_km` say how
  precisely an event is located;
- :class:`Geoparser` recognises and resolves the toponyms of bare texts
  (``sahelwatch geocode``, the geoparsing evaluations).
"""

from sahelwatch.geo.additions import CuratedPlace, read_additions
from sahelwatch.geo.build import (
    DEFAULT_COUNTRIES,
    BuildStats,
    ProgressCallback,
    build_gazetteer,
    find_natural_earth,
)
from sahelwatch.geo.cues import Cues, load_cues
from sahelwatch.geo.fold import fold
from sahelwatch.geo.gazetteer import (
    MATCHING_COUNTRIES,
    Gazetteer,
    SqliteGazetteer,
    StackedGazetteer,
    open_gazetteer,
    shipped_gazetteer_path,
    user_gazetteer_path,
)
from sahelwatch.geo.geoparse import Geoparser, build_geoparser
from sahelwatch.geo.precision import settled
from sahelwatch.geo.rank import Ranker, load_ranker
from sahelwatch.geo.recognize import PlaceRuler, add_place_ruler
from sahelwatch.geo.resolve import (
    MentionContext,
    Resolver,
    geo_precision,
    geocode,
    radius_km,
    read_context,
    resolve_mentions,
)

__all__ = [
    "DEFAULT_COUNTRIES",
    "MATCHING_COUNTRIES",
    "BuildStats",
    "Cues",
    "CuratedPlace",
    "Gazetteer",
    "Geoparser",
    "MentionContext",
    "PlaceRuler",
    "ProgressCallback",
    "Ranker",
    "Resolver",
    "SqliteGazetteer",
    "StackedGazetteer",
    "add_place_ruler",
    "build_gazetteer",
    "build_geoparser",
    "find_natural_earth",
    "fold",
    "geo_precision",
    "geocode",
    "load_cues",
    "load_ranker",
    "open_gazetteer",
    "radius_km",
    "read_additions",
    "read_context",
    "resolve_mentions",
    "settled",
    "shipped_gazetteer_path",
    "user_gazetteer_path",
]

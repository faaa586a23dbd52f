"""Geoparsing a bare text: recognise its toponyms (spaCy + the place ruler), then resolve them.

This is the geo stage without an event coder in front of it, for ``sahelwatch geocode`` and
the geoparsing evaluations. Demonyms ("Russian", "maliens") are country context, not places,
as in the coder; with ``demonyms`` they are reported as mentions of their countries, the way
geoparsing corpora such as GeoWebNews annotate them. The spaCy pipelines are the nlp stage's
(:class:`~sahelwatch.nlp.Pipelines`), with the place ruler added as in a coding run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sahelwatch.geo.gazetteer import Gazetteer
from sahelwatch.geo.recognize import add_place_ruler, place_mentions
from sahelwatch.geo.resolve import Resolver, resolve_mentions
from sahelwatch.model import PlaceMention
from sahelwatch.nlp import Pipelines

__all__ = ["Geoparser", "build_geoparser"]


@dataclass(frozen=True, slots=True)
class Geoparser:
    """Recognition (spaCy pipelines per language) and resolution, loaded once."""

    pipelines: Pipelines
    resolver: Resolver
    batch_size: int = 32
    demonyms: bool = False

    def recognize(
        self, texts: Iterable[str], language: str = "en"
    ) -> Iterator[tuple[PlaceMention, ...]]:
        """The toponyms of each text, in order (one spaCy batch run per call)."""
        nlp = self.pipelines.get(language)
        for doc in nlp.pipe(texts, batch_size=self.batch_size):
            yield place_mentions(doc, self.resolver.cues, demonyms=self.demonyms)

    def resolve(self, text: str, mentions: Sequence[PlaceMention]) -> tuple[PlaceMention, ...]:
        """Resolve the given toponyms of ``text``."""
        return resolve_mentions(text, mentions, self.resolver.gazetteer, resolver=self.resolver)

    def parse(
        self, texts: Iterable[str], language: str = "en"
    ) -> Iterator[tuple[PlaceMention, ...]]:
        """Recognise and resolve the toponyms of each text."""
        held = list(texts)
        for text, mentions in zip(held, self.recognize(held, language), strict=True):
            yield self.resolve(text, mentions)


def build_geoparser(
    models: dict[str, str], gazetteer: Gazetteer, batch_size: int = 32, *, demonyms: bool = False
) -> Geoparser:
    """A geoparser over the spaCy ``models`` (language -> package) and ``gazetteer``;
    ``demonyms``: report demonyms as mentions of their countries."""
    resolver = Resolver.load(gazetteer)
    pipelines = Pipelines(
        models, customize=lambda nlp: add_place_ruler(nlp, gazetteer, cues=resolver.cues)
    )
    return Geoparser(pipelines, resolver, batch_size, demonyms)

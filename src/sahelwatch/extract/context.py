"""What the report builder needs to know about one document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from sahelwatch.extract.actors import ActorMention, ActorNames
from sahelwatch.extract.lang import LanguageData
from sahelwatch.model import PlaceMention
from sahelwatch.pack import EventType

__all__ = ["DocumentContext"]


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What the report builder needs about one document."""

    doc: Doc
    doc_id: str
    published: dt.date | None
    data: LanguageData
    actors: Sequence[ActorMention]
    places: Sequence[PlaceMention]
    country: str | None
    types: Mapping[str, EventType]
    names: ActorNames
    countries: Mapping[str, str]
    diseases: Mapping[str, str]
    sahel: frozenset[str] = frozenset()

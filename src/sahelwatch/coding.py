"""The coding run: nlp -> extract -> geo -> dedup, the one path the CLI, API and batch use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from sahelwatch.dedup import merge_reports
from sahelwatch.extract import Coder, extract_events, finish_extractions
from sahelwatch.geo import Gazetteer, add_place_ruler, geocode, open_gazetteer, settled
from sahelwatch.learn.model import load_model
from sahelwatch.model import Document, Event, Extraction, Rejected
from sahelwatch.nlp import Parsed, Pipelines, parse_documents
from sahelwatch.pack import RegionPack, load_region
from sahelwatch.settings import Settings

__all__ = ["Toolkit", "build_toolkit", "code_documents"]


@dataclass(frozen=True, slots=True)
class Toolkit:
    """Everything a coding run loads once: models, coder, gazetteer."""

    settings: Settings
    pack: RegionPack
    pipelines: Pipelines
    coder: Coder
    gazetteer: Gazetteer

    @property
    def version(self) -> str:
        """Names the coder and the data it used; a change recodes the documents."""
        return f"{self.coder.version}+{self.pack.name}-{self.pack.version}"


def build_toolkit(settings: Settings, *, learned: bool = True) -> Toolkit:
    """Load everything once; ``learned=False`` leaves out the user's trained classifier."""
    pack = load_region(settings.region)
    gazetteer = open_gazetteer()
    pipelines = Pipelines(
        settings.spacy_models, customize=lambda nlp: add_place_ruler(nlp, gazetteer)
    )
    model = load_model(settings.data_dir) if learned else None
    return Toolkit(settings, pack, pipelines, Coder(pack, model), gazetteer)


def code_documents(
    documents: Iterable[Document], toolkit: Toolkit
) -> Iterator[tuple[Extraction, list[Event]]]:
    """Code documents; each comes back once, with its events or the reason it was rejected."""
    held: dict[str, Document] = {}
    refused: list[Extraction] = []

    def parsed_only() -> Iterator[Parsed]:
        for item in parse_documents(
            _hold(documents, held), toolkit.pipelines, toolkit.settings.batch_size
        ):
            if isinstance(item, Rejected):
                refused.append(Extraction(held.pop(str(item.document_id)), rejected=item))
            else:
                held.pop(item.document.id, None)
                yield item

    extractions = extract_events(parsed_only(), toolkit.coder, toolkit.pipelines)
    located = finish_extractions(geocode(extractions, toolkit.gazetteer), toolkit.coder)
    for extraction in located:
        extraction = _seated(extraction, toolkit.gazetteer)
        while refused:
            yield refused.pop(0), []
        yield extraction, list(merge_reports(extraction.reports))
    for extraction in refused:
        yield extraction, []


def _seated(extraction: Extraction, gazetteer: Gazetteer) -> Extraction:
    """The extraction with its reports as stored (:func:`~sahelwatch.geo.precision.settled`)."""
    reports = tuple(settled(report, gazetteer) for report in extraction.reports)
    return replace(extraction, reports=reports)


def _hold(documents: Iterable[Document], held: dict[str, Document]) -> Iterator[Document]:
    for document in documents:
        held[document.id] = document
        yield document

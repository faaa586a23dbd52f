"""The ``extract`` stage: parsed documents in, coded events and assessments out.

The coder reads each document in steps, each its own module: actors (:mod:`.actors`, the region
pack's dictionary), triggers (:mod:`.triggers`, the pack's patterns), dates (:mod:`.dates`),
clauses joined into events (:mod:`.events`), roles (:mod:`.roles`: the clause's doer and
target words from the parse in :mod:`.arguments`, whether a target is armed in :mod:`.targets`,
who a sentence blames in :mod:`.attribution`), counts (:mod:`.counts`), modality
(:mod:`.modality`), the ACLED type (:mod:`.classify`, with crowd and protest violence in
:mod:`.crowds` and violence by whom it hurt in :mod:`.harm`) and the report (:mod:`.reports`);
warnings and recommendations become assessments (:mod:`.assessments`). A
sub-event classifier trained on the user's own data (:mod:`sahelwatch.learn`) may code the
events the rules are unsure of (:mod:`.learned`). A document with nothing to code yields an
Extraction whose ``rejected`` says so.

:func:`extract_events` is the stage's entry point; :func:`finish_extractions` runs after the
geo stage and names generic actors with the country it found ("Civilians (Niger)").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from types import MappingProxyType

from spacy.language import Language
from spacy.tokens import Doc

from sahelwatch.extract.actors import ActorMatcher, ActorMention, ActorNames
from sahelwatch.extract.assessments import find_assessments
from sahelwatch.extract.context import DocumentContext
from sahelwatch.extract.dates import DateMention, DateReader
from sahelwatch.extract.events import build_candidates
from sahelwatch.extract.joining import join_candidates
from sahelwatch.extract.lang import LANGUAGES, LanguageData
from sahelwatch.extract.learned import SubEventModel, apply_model
from sahelwatch.extract.located import locate_nearby, requalify
from sahelwatch.extract.places import document_country, find_places
from sahelwatch.extract.reports import CODER, build_report
from sahelwatch.extract.triggers import Trigger, TriggerFinder
from sahelwatch.model import (
    Document,
    EventReport,
    Extraction,
    Mention,
    MentionKind,
    Rejected,
    Span,
)
from sahelwatch.nlp import Parsed, Pipelines, text_of
from sahelwatch.pack import RegionPack

__all__ = ["CODER", "Coder", "LanguageCoder", "extract_events", "finish_extractions"]


@dataclass(frozen=True, slots=True)
class LanguageCoder:
    """Everything the coder needs for one language, built once from the pack."""

    data: LanguageData
    triggers: TriggerFinder
    actors: ActorMatcher
    dates: DateReader


class Coder:
    """The coder for one region pack, with an optional learned sub-event classifier.

    Per-language matchers are built on first use.
    """

    def __init__(self, pack: RegionPack, model: SubEventModel | None = None) -> None:
        self.pack = pack
        self.model = model
        self.names = ActorNames(pack)
        self._languages: dict[str, LanguageCoder] = {}

    @property
    def version(self) -> str:
        """Names the rules and the model; a change recodes the documents."""
        return CODER if self.model is None else f"{CODER}+{self.model.name}"

    def for_language(self, nlp: Language, language: str) -> LanguageCoder:
        if language not in self._languages:
            data = LANGUAGES[language]
            patterns = [p for p in self.pack.patterns if p.language == language]
            self._languages[language] = LanguageCoder(
                data,
                TriggerFinder(nlp, patterns, data),
                ActorMatcher(nlp, self.pack, language, data),
                DateReader(data),
            )
        return self._languages[language]

    def code(self, document: Document, doc: Doc, language: LanguageCoder) -> Extraction:
        """Code one parsed document."""
        data = language.data
        actors = language.actors.find(doc)
        places = find_places(doc, actors)
        dates = list(language.dates.find(text_of(doc), document.published))
        countries = self.pack.demonyms.get(doc.lang_, MappingProxyType({}))
        triggers = language.triggers.find(doc, actors)
        candidates = build_candidates(doc, triggers, self.pack.types, dates, data)
        drafts = join_candidates(candidates, data, document.published, actors)
        region = frozenset(self.pack.countries)
        ctx = DocumentContext(
            doc, document.id, document.published, data, actors, places,
            document_country(doc, countries, places, region), self.pack.types, self.names,
            countries, data.diseases, region,
        )  # fmt: skip
        reports: list[EventReport] = []
        previous: tuple[int, EventReport] | None = None
        for draft in drafts:
            paragraph = draft.candidates[0].paragraph
            near = previous[1] if previous and previous[0] == paragraph else None
            report = build_report(draft, ctx, near)
            if report is not None:
                reports.append(report)
                previous = (draft.candidates[-1].paragraph, report)
        if self.model is not None:
            text = text_of(doc)
            reports = [
                apply_model(r, text, self.model, self.pack.types, self.names) for r in reports
            ]
        assessments = find_assessments(
            doc, document.id, data, actors, countries, self.pack.country_names, dates
        )
        rejected = None
        if not reports and not assessments:
            source = document.source or document.id
            rejected = Rejected("extract", "no_event", "no event found", source, document.id)
        return Extraction(
            document=document,
            reports=tuple(_unique(reports)),
            assessments=assessments,
            places=places,
            mentions=_mentions(document.id, doc, actors, triggers, dates),
            rejected=rejected,
        )


def _unique(reports: list[EventReport]) -> Iterator[EventReport]:
    seen: set[str] = set()
    for report in reports:
        if report.id not in seen:
            seen.add(report.id)
            yield report


def _mentions(
    doc_id: str,
    doc: Doc,
    actors: list[ActorMention],
    triggers: list[Trigger],
    dates: list[DateMention],
) -> tuple[Mention, ...]:
    """Provenance: what the coder recognised where, and the rule that did."""
    found = [
        Mention(
            doc_id, Span(s.start_char, s.end_char), s.text, MentionKind.ACTOR, f"actor:{a.actor.id}"
        )
        for a in actors
        for s in (doc[a.start : a.end],)
    ]
    found += [
        Mention(
            doc_id, Span(t.span.start_char, t.span.end_char), t.span.text, MentionKind.TRIGGER,
            f"pattern:{t.pattern.id}",
        )
        for t in triggers
    ]  # fmt: skip
    text = text_of(doc)
    found += [
        Mention(doc_id, Span(d.start, d.end), text[d.start : d.end], MentionKind.DATE, "dates")
        for d in dates
    ]
    return tuple(sorted(found, key=lambda m: m.span.start))


def extract_events(
    parsed: Iterable[Parsed], coder: Coder, pipelines: Pipelines
) -> Iterator[Extraction]:
    """Code every parsed document: events, assessments and place mentions."""
    for item in parsed:
        document, doc = item.document, item.doc
        language = coder.for_language(pipelines.get(doc.lang_), doc.lang_)
        yield coder.code(document, doc, language)


def finish_extractions(extractions: Iterable[Extraction], coder: Coder) -> Iterator[Extraction]:
    """After the geo stage: name generic actors with the country of their event."""
    for extraction in extractions:
        region = frozenset(coder.pack.countries)
        document = extraction.document
        reports = tuple(
            requalify(
                locate_nearby(r, extraction.places, document.text),
                coder.names,
                region,
                document.published,
            )
            for r in extraction.reports
        )
        yield replace(extraction, reports=reports)

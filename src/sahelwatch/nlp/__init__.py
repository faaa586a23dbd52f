"""The ``nlp`` stage: spaCy pipelines per language, loaded once, run in batches.

:class:`Pipelines` owns the loaded models (one per language, loaded on first use); stages that
need extra spaCy components (the gazetteer place ruler) add them through ``customize``.
:func:`parse_documents` groups documents by language and runs ``nlp.pipe`` on each batch.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sahelwatch.errors import ModelNotInstalledError
from sahelwatch.model import Document, Rejected

__all__ = ["Parsed", "Pipelines", "parse_documents", "text_of"]

_TEXT_KEY = "sahelwatch.text"


def text_of(doc: Doc) -> str:
    """The document's text, kept in ``doc.user_data``: spaCy joins the tokens' texts anew on
    every ``doc.text``, and the coder reads the text of each document many times."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence (headlines, datelines and list items stand alone)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 1:
            doc[token.i + 1].is_sent_start = True
    return doc


@dataclass(frozen=True, slots=True)
class Parsed:
    """A document and its spaCy analysis."""

    document: Document
    doc: Doc


class Pipelines:
    """spaCy pipelines by language code, each loaded on first use and then reused."""

    def __init__(
        self,
        models: Mapping[str, str],
        customize: Callable[[Language], None] | None = None,
    ) -> None:
        self._models = dict(models)
        self._customize = customize
        self._loaded: dict[str, Language] = {}

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._models)

    def get(self, language: str) -> Language:
        """The pipeline for ``language``; raises ModelNotInstalledError when it is missing."""
        if language not in self._loaded:
            package = self._models[language]
            if importlib.util.find_spec(package) is None:
                raise ModelNotInstalledError(
                    f"spaCy model {package!r} for {language!r} is not installed; "
                    f"run `make demo` or `pip install -c constraints.txt -e .`"
                )
            nlp = spacy.load(package)
            nlp.add_pipe("paragraph_breaks", before="parser")
            if self._customize is not None:
                self._customize(nlp)
            self._loaded[language] = nlp
        return self._loaded[language]


def parse_documents(
    documents: Iterable[Document], pipelines: Pipelines, batch_size: int = 32
) -> Iterator[Parsed | Rejected]:
    """Parse documents with the pipeline of their language, in batches per language.

    Documents whose language has no pipeline become ``Rejected(stage="nlp")``. Output order
    follows batches, not input order.
    """
    pending: dict[str, list[Document]] = {}
    for document in documents:
        language = document.language or ""
        if language not in pipelines.languages:
            yield Rejected(
                "nlp",
                "language",
                f"no language model for {language or 'unknown language'!r}",
                document.source or document.id,
                document.id,
            )
            continue
        batch = pending.setdefault(language, [])
        batch.append(document)
        if len(batch) >= batch_size:
            yield from _pipe(pipelines.get(language), batch, batch_size)
            batch.clear()
    for language, batch in pending.items():
        if batch:
            yield from _pipe(pipelines.get(language), batch, batch_size)


def _pipe(nlp: Language, batch: list[Document], batch_size: int) -> Iterator[Parsed]:
    texts = (document.text for document in batch)
    for document, doc in zip(batch, nlp.pipe(texts, batch_size=batch_size), strict=True):
        doc.user_data[_TEXT_KEY] = document.text  # spaCy keeps the text exactly: no re-join
        yield Parsed(document, doc)

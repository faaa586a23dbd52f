"""Session fixtures: the real spaCy models and the coder, loaded once for the whole run.

Registered as a plugin by tests/conftest.py; tests that use them are marked ``slow``;
:func:`code` codes one text as the CLI would; :func:`first_sub` gives the sub-event type of
the first event it reports; :func:`hand_parse` builds a parsed doc by hand, without a model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from sahelwatch.coding import Toolkit, build_toolkit, code_documents
from sahelwatch.model import Document, Extraction
from sahelwatch.settings import load_settings

Code = Callable[..., Extraction]


@pytest.fixture(scope="session")
def toolkit(tmp_path_factory: pytest.TempPathFactory) -> Toolkit:
    data = tmp_path_factory.mktemp("data")
    settings = load_settings(environ={"SAHELWATCH_DATA_DIR": str(data)}, user_file=Path("/none"))
    return build_toolkit(settings, learned=False)


@pytest.fixture(scope="session")
def code(toolkit: Toolkit) -> Code:
    """Code one text: ``code(text, language="en", published=date(2025, 3, 4))``."""

    def run(
        text: str, language: str = "en", published: dt.date | None = dt.date(2025, 3, 4)
    ) -> Extraction:
        document = Document(
            id=str(abs(hash(text))), text=text, raw=text.encode(), language=language,
            published=published,
        )  # fmt: skip
        return next(extraction for extraction, _ in code_documents([document], toolkit))

    return run


def first_sub(code: Code, text: str, language: str = "en") -> str:
    """The sub-event type of the first event coded from ``text`` (which must report one)."""
    reports = code(text, language).reports
    assert reports, text
    return reports[0].sub_event_type


def hand_parse(rows: list[tuple[str, int, str, str, str]], language: str = "en") -> Doc:
    """A parsed doc from (word, head index, label, part of speech, lemma) rows."""
    words, heads, deps, pos, lemmas = (list(column) for column in zip(*rows, strict=True))
    vocab = spacy.blank(language).vocab
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)

"""The free-text filter: what an event's ``search_text`` holds, and how a query matches it.

Both sides are folded the same way (Unicode decomposition without the accents, then casefold),
so that ``menaka`` finds *Ménaka* and ``TOMBOUCTOU`` finds *Tombouctou*. Every word of the query
must occur somewhere in the text (a substring ``LIKE``, which both SQLite and PostgreSQL run
without an extension).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

import sqlalchemy as sa

from sahelwatch.model import Event

# Words per query: more add nothing but time.
MAX_TERMS = 8


def fold(text: str) -> str:
    """``text`` without accents, casefolded."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search_text(
    event: Event,
    fields: Mapping[str, object],
    documents: Mapping[str, tuple[str | None, str]],
) -> str:
    """The folded text an event is searched by.

    ``fields`` are its consolidated columns (location, admin1, country, actors); each report
    adds its types, actors, location, and from ``documents`` (id -> (title, text)) the title of
    its document and the sentences of its evidence.
    """
    parts: list[str | None] = [str(fields.get(name) or "") for name in _EVENT_FIELDS]
    for report in event.reports:
        parts += [report.event_type, report.sub_event_type, report.actor1, report.actor2]
        parts += [report.assoc_actor1, report.assoc_actor2, report.location]
        if report.doc_id in documents:
            title, text = documents[report.doc_id]
            parts.append(title)
            parts += [text[span.start : span.end] for span in report.evidence]
    return fold(" ".join(part for part in parts if part))


_EVENT_FIELDS = ("location", "admin1", "country", "actor1", "actor2")


def terms(query: str) -> list[str]:
    """The folded words of a free-text query, at most :data:`MAX_TERMS`."""
    return [word for word in fold(query).split() if word][:MAX_TERMS]


def matches(column: sa.ColumnElement[str], query: str) -> list[sa.ColumnElement[bool]]:
    """One condition per word: the folded column contains it (``%`` and ``_`` taken literally)."""
    return [column.contains(term, autoescape=True) for term in terms(query)]

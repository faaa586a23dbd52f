"""View models of the pages: what a template shows, computed from store records.

Pure functions: no request, no database. Templates only lay these out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sahelwatch.api._marks import Mark, Segment
from sahelwatch.model import Count, Document, EventReport, Span
from sahelwatch.store import AuditEntry, Correction, EventSummary
from sahelwatch.web._i18n import Translator

# Colour per family (Okabe-Ito based: distinguishable with the common colour blindnesses).
FAMILY_COLORS = {
    "conflict": "#c8361d",
    "displacement": "#e69f00",
    "health": "#009e73",
    "protest": "#cc79a7",
    "strategic": "#0072b2",
    "diplomacy": "#56b4e9",
}
OTHER_COLOR = "#7a7a7a"
# The fields of the event page, in order; all but confidence can be corrected.
EVENT_FIELDS = (
    "event_date", "event_type", "sub_event_type", "family", "disorder_type", "modality",
    "actor1", "actor2", "location", "admin1", "country", "latitude", "longitude",
    "geo_precision", "fatalities", "confidence", "status",
)  # fmt: skip
SENTENCE_ENDS = (". ", "! ", "? ", "\n")
REACH = 280


def show(value: Any) -> str:
    """A value as the pages print it (``""`` for unknown: templates print a dash)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, list):
        return ", ".join("/".join(map(str, v)) if isinstance(v, list) else show(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {show(item)}" for key, item in value.items())
    return str(value)


@dataclass(frozen=True, slots=True)
class FieldRow:
    key: str
    value: str
    raw: Any
    correction: Correction | None


def field_rows(
    summary: EventSummary, corrections: Sequence[Correction], country: str | None = None
) -> list[FieldRow]:
    """The event page's field table; ``country`` is the country's name in the page's language."""
    by_field = {c.field: c for c in corrections}
    rows = []
    for key in EVENT_FIELDS:
        raw = getattr(summary, key)
        if key == "country" and summary.country_code:
            value = f"{country or summary.country or summary.country_code} ({summary.country_code})"
        else:
            value = show(raw)
        rows.append(FieldRow(key, value, show(raw), by_field.get(key)))
    return rows


@dataclass(frozen=True, slots=True)
class Excerpt:
    """An evidence span in its sentence: the text before it, the span, the text after."""

    before: str
    marked: str
    after: str


def excerpt(text: str, span: Span) -> Excerpt:
    start, end = max(0, span.start), min(len(text), span.end)
    left = max(text.rfind(mark, max(0, start - REACH), start) for mark in SENTENCE_ENDS)
    left = left + 1 if left >= 0 else max(0, start - REACH)
    rights = [i for mark in SENTENCE_ENDS if (i := text.find(mark, end, end + REACH)) >= 0]
    right = min(rights) + 1 if rights else min(len(text), end + REACH)
    before, after = text[left:start].lstrip(), text[end:right].rstrip()
    prefix = "… " if left > 0 and not text[left - 1 : left].isspace() and before else ""
    return Excerpt(prefix + before, text[start:end], after)


def count_text(count: Count | None) -> str:
    if count is None:
        return ""
    span = "" if count.low == count.high or count.high is None else f" ({count.low}–{count.high})"
    words = f" “{count.text}”" if count.text else ""
    return f"{count.best}{span}{words}"


@dataclass(frozen=True, slots=True)
class ReportView:
    report: EventReport
    document: Document | None
    excerpts: tuple[Excerpt, ...]
    coded: tuple[tuple[str, str], ...]


def report_view(report: EventReport, document: Document | None) -> ReportView:
    excerpts: tuple[Excerpt, ...] = ()
    if document is not None:
        excerpts = tuple(excerpt(document.text, span) for span in report.evidence)
    actors = " / ".join(a for a in (report.actor1, report.actor2) if a)
    place = report.place
    where = report.location or ""
    if place is not None:
        where = f"{where} → {place.name}, {place.admin1 or '—'}, {place.country}".lstrip(" →")
    coded = (
        ("field.sub_event_type", f"{report.sub_event_type} ({report.event_type})"),
        ("field.event_date", f"{show(report.date.start)} {report.date.precision.value}".strip()),
        ("field.modality", report.modality.value),
        ("col.actors", actors),
        ("field.location", where),
        ("field.fatalities", count_text(report.fatalities)),
        ("field.confidence", f"{report.confidence:.2f} · {report.coder}"),
    )
    return ReportView(report, document, excerpts, coded)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    at: str
    author: str
    action: str
    field: str
    before: str
    after: str
    note: str
    link: str | None


def history_rows(entries: Sequence[AuditEntry], t: Translator) -> list[HistoryRow]:
    rows = []
    for entry in entries:
        link = None
        for value in (entry.before, entry.after):
            if isinstance(value, dict) and isinstance(value.get("event"), str):
                link = value["event"]
            if isinstance(value, dict) and isinstance(value.get("new_event"), str):
                link = value["new_event"]
        rows.append(
            HistoryRow(
                show(entry.at), entry.author, t(f"action.{entry.action}"),
                t(f"field.{entry.field}") if entry.field else "", _short(entry.before),
                _short(entry.after), entry.note or "", link,
            )
        )  # fmt: skip
    return rows


def _short(value: Any) -> str:
    if isinstance(value, dict) and "reports" in value:
        rest = {k: v for k, v in value.items() if k not in ("reports", "corrections")}
        reports = f"{len(value['reports'])} reports"
        return "; ".join([reports, *(f"{k}: {show(v)}" for k, v in rest.items())])
    return show(value)


@dataclass(frozen=True, slots=True)
class Piece:
    """A segment of a document as the page shows it."""

    text: str
    classes: str
    event_id: str | None
    title: str


def pieces(segments: Sequence[Segment], marks: Sequence[Mark]) -> list[Piece]:
    found = []
    for segment in segments:
        covering = [marks[i] for i in segment.marks]
        kinds = sorted({f"mark-{m.kind}" for m in covering})
        event = next((m.event_id for m in covering if m.event_id), None)
        title = "; ".join(dict.fromkeys(m.label for m in covering if m.label))
        found.append(Piece(segment.text, " ".join(kinds), event, title))
    return found


def family_label(t: Translator, family: str) -> str:
    label = t(f"family.{family}")
    return family if label == f"family.{family}" else label


def country_label(names: Mapping[str, Mapping[str, str]], code: str | None, lang: str) -> str:
    if not code:
        return ""
    entry = names.get(code)
    return code if entry is None else entry.get(lang) or entry.get("en") or code

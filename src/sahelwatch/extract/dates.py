"""Date expressions in English and French, resolved against the publication date.

:meth:`DateReader.find` returns every date expression of a text with its resolved
:class:`~sahelwatch.model.EventDate` (day, week, month or range) — "on October 20th",
"le 20 octobre", "last Tuesday", "mardi dernier", "in late July", "fin juillet", "in recent
months", "over the past three weeks", "since January", "overnight from Sunday to Monday" — or,
for words that point at another event ("since then", "the following day"), the ``anchor`` to
resolve against that event's date. Without a publication date only expressions that name
their year resolve. The regular expressions are built from the language's words
(``lang/en.py``, ``lang/fr.py``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from sahelwatch.extract.lang import LanguageData
from sahelwatch.model import DatePrecision, EventDate

__all__ = ["DateMention", "DateReader", "anchored", "month_range"]

_DAY = DatePrecision.DAY
_RANGE = DatePrecision.RANGE
# Months that are also common words: only capitalised, or with a day or a year, they are months.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "sept", "oct", "nov", "dec", "mai"})


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression at characters ``[start, end)``; ``anchor`` when relative to an event."""

    start: int
    end: int
    date: EventDate
    anchor: str | None = None
    point: EventDate | None = None

    @property
    def since(self) -> bool:
        """True for "since X": ``date`` runs from X to publication, ``point`` is X itself."""
        return self.point is not None


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _alternatives(words: object) -> str:
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


class DateReader:
    """Finds and resolves the date expressions of one language."""

    def __init__(self, data: LanguageData) -> None:
        self._data = data
        w = data.date_words
        months = _alternatives(data.months)
        days = _alternatives(data.weekdays)
        year = r"(?:,?\s*(?P<year>(?:19|20)\d\d))?"
        suffix = r"(?:st|nd|rd|th|er|ème)?"
        number = r"(?P<n>\d{1,2}|" + _alternatives(k for k in data.numbers if " " not in k) + ")"
        unit = "|".join(_alternatives(w[k]) for k in ("day", "week", "month", "year"))
        specs = (
            ("span", rf"\b(?P<day>\d{{1,2}}){suffix}\s*(?:-|–|{_alternatives(w['to'])})\s*"
                     rf"(?:{_alternatives(w['article'])}\s+)?(?P<day2>\d{{1,2}}){suffix}\s+(?:of\s+)?"
                     rf"(?P<month>{months})\b{year}"),
            ("night", rf"\b(?:{_alternatives(w['night'])})\s+(?P<weekday>{days})\s+"
                      rf"(?:{_alternatives(w['to'])})\s+(?P<weekday2>{days})\b"),
            ("day", rf"\b(?:(?P<wd>{days}),?\s+)?(?P<month>{months})\.?\s+(?P<day>\d{{1,2}})"
                    rf"{suffix}\b{year}"),
            ("day", rf"\b(?:(?P<wd>{days})\s+)?(?P<day>\d{{1,2}}){suffix}\s+(?:of\s+)?"
                    rf"(?P<month>{months})\b\.?{year}"),
            ("part", rf"\b(?P<part>{_alternatives((*w['early'], *w['mid'], *w['late']))})"
                     rf"[\s-]*(?P<month>{months})\b{year}"),
            ("partyear", rf"\b(?P<part>{_alternatives((*w['early'], *w['mid'], *w['late']))})"
                         r"[\s-]*(?P<year>(?:19|20)\d\d)\b"),
            ("month", rf"\b(?P<month>{months})\s+(?P<year>(?:19|20)\d\d)\b"),
            ("month", rf"\b(?:{_alternatives((*w['in'], *w['since'], 'of', 'until', 'by'))})"
                      rf"\s+(?:the\s+month\s+of\s+|le\s+mois\s+d[e']\s*)?(?P<month>{months})\b"),
            ("time", rf"\b(?:{_alternatives(data.time)})(?!\w)"),
            ("ago", rf"\b(?P<n1>{number})\s+(?P<unit>{unit})\s+(?:{_alternatives(w['ago'])})\b"),
            ("ago", rf"\b(?:{_alternatives(w['ago'])})\s+(?P<n1>{number})\s+(?P<unit>{unit})\b"),
            ("past", rf"\b(?:{_alternatives(w['past'])})\s+(?:(?P<n1>{number})\s+)?"
                     rf"(?:(?:derniers|dernières|few|several)\s+)?(?P<unit>{unit})"
                     rf"(?:\s+(?:derniers|dernières))?\b"),
            ("lastunit", rf"\b(?P<which>{_alternatives((*w['last'], *w['next'], *w['this']))})"
                         rf"\s+(?P<unit>{unit})\b|\b(?P<unit2>{unit})\s+"
                         rf"(?P<which2>{_alternatives((*w['last'], *w['next']))})\b"),
            ("weekday", rf"\b(?:(?P<which>{_alternatives((*w['last'], *w['next'], *w['this']))})"
                        rf"\s+)?(?P<weekday>{days})(?:\s+(?P<which2>"
                        rf"{_alternatives((*w['last'], *w['next']))}))?\b"),
            ("year", rf"\b(?:{_alternatives((*w['in'], *w['since'], 'of'))})\s+"
                     r"(?P<year>(?:19|20)\d\d)\b"),
        )  # fmt: skip
        self._patterns = tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in specs)
        # A pattern is only tried on a text holding one of its words (most texts hold no
        # "ago", "night" or "mid-"): the regular expressions cost more than the lookups.
        parts = (*w["early"], *w["mid"], *w["late"])
        needs = {
            "span": data.months, "day": data.months, "month": data.months,
            "night": w["night"], "part": parts, "partyear": parts, "time": data.time,
            "ago": w["ago"], "past": w["past"], "lastunit": (*w["last"], *w["next"], *w["this"]),
            "weekday": data.weekdays,
        }  # fmt: skip
        self._needs = {kind: tuple({x.lower() for x in words}) for kind, words in needs.items()}
        self._since = re.compile(
            rf"(?:{_alternatives(w['since'])})(?:\s+(?:{_alternatives(w['article'])}))?\s*$",
            re.IGNORECASE,
        )

    def find(self, text: str, published: dt.date | None) -> Iterator[DateMention]:
        """Every resolvable date expression of ``text``, in text order."""
        taken: list[tuple[int, int]] = []
        found: list[DateMention] = []
        lowered = text.lower()
        for kind, pattern in self._patterns:
            if not any(word in lowered for word in self._needs.get(kind, ("",))):
                continue
            for match in pattern.finditer(text):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                mention = self._mention(kind, match, published, text)
                if mention is not None:
                    taken.append((match.start(), match.end()))
                    found.append(mention)
        yield from sorted(found, key=lambda m: m.start)

    def _mention(
        self, kind: str, match: re.Match[str], published: dt.date | None, text: str
    ) -> DateMention | None:
        phrase = match.group(0).strip()
        if kind == "month" and not self._is_month(match):
            return None
        if kind == "time":
            code = self._data.time.get(re.sub(r"\s+", " ", phrase.lower()))
            return self._time(code, match, published, phrase) if code else None
        date = self._resolve(kind, match.groupdict(), published, phrase)
        if date is None:
            return None
        since = bool(self._since.search(text[max(0, match.start() - 30) : match.start()]))
        since = since or phrase.lower().startswith(self._data.date_words["since"])
        if (
            since
            and kind != "span"
            and published is not None
            and date.start is not None
            and date.start < published
        ):
            extended = EventDate(date.start, published, _RANGE, phrase)
            return DateMention(match.start(), match.end(), extended, point=date)
        return DateMention(match.start(), match.end(), date)

    def _is_month(self, match: re.Match[str]) -> bool:
        word = match.group("month")
        return word.lower() not in _AMBIGUOUS_MONTHS or word[:1].isupper()

    def _time(
        self, code: str, match: re.Match[str], published: dt.date | None, phrase: str
    ) -> DateMention | None:
        if code in {"since_then", "same_day", "day_after", "day_before"}:
            return DateMention(match.start(), match.end(), EventDate.unknown(), anchor=code)
        if published is None:
            return None
        date = _relative_time(code, published, phrase)
        return DateMention(match.start(), match.end(), date) if date else None

    def _resolve(
        self, kind: str, groups: Mapping[str, str | None], published: dt.date | None, text: str
    ) -> EventDate | None:
        months, data = self._data.months, self._data
        month = months.get((groups.get("month") or "").lower().rstrip("."))
        year = int(groups.get("year") or 0) or None
        if kind in {"day", "part", "month", "span"} and month is not None:
            year = year or _year_for(month, published, kind)
            return None if year is None else _month_date(kind, year, month, groups, text, data)
        if kind == "partyear" and year is not None:
            return _part_of_year(year, groups.get("part") or "", text, data)
        if kind == "year" and year is not None:
            return EventDate(dt.date(year, 1, 1), dt.date(year, 12, 31), _RANGE, text)
        if published is None:
            return None
        return _relative(kind, groups, published, text, data)


def _year_for(month: int, published: dt.date | None, kind: str) -> int | None:
    """The year of a month named without one: the latest such month not after publication."""
    if published is None:
        return None
    return (
        published.year
        if month <= published.month + (1 if kind == "day" else 0)
        else (published.year - 1)
    )


def _number(value: str | None, data: LanguageData) -> int:
    if not value:
        return 1
    if value.isdigit():
        return int(value)
    return data.numbers.get(value.lower(), (1, None))[0]


def _month_date(
    kind: str, year: int, month: int, groups: Mapping[str, str | None], text: str,
    data: LanguageData,
) -> EventDate | None:  # fmt: skip
    first, last = month_range(year, month)
    if kind in {"day", "span"}:
        day = int(groups.get("day") or 0)
        if not 1 <= day <= last.day:
            return None
        start = dt.date(year, month, day)
        if kind == "span":
            end_day = int(groups.get("day2") or 0)
            if not day < end_day <= last.day:
                return None
            return EventDate(start, dt.date(year, month, end_day), _RANGE, text)
        return EventDate(start, start, _DAY, text)
    if kind == "part":
        return _part(first, last, groups.get("part") or "", text, data)
    return EventDate(first, last, DatePrecision.MONTH, text)


def _part(first: dt.date, last: dt.date, part: str, text: str, data: LanguageData) -> EventDate:
    word = re.sub(r"\s+", " ", part.lower()).strip(" -")
    if word in data.date_words["early"] or word.rstrip("-") in data.date_words["early"]:
        return EventDate(first, first.replace(day=10), _RANGE, text)
    if word in data.date_words["mid"] or word.rstrip("-") in data.date_words["mid"]:
        return EventDate(first.replace(day=11), first.replace(day=20), _RANGE, text)
    return EventDate(first.replace(day=21), last, _RANGE, text)


def _part_of_year(year: int, part: str, text: str, data: LanguageData) -> EventDate:
    word = re.sub(r"\s+", " ", part.lower()).strip(" -")
    if word in data.date_words["early"]:
        return EventDate(dt.date(year, 1, 1), dt.date(year, 3, 31), _RANGE, text)
    if word in data.date_words["mid"]:
        return EventDate(dt.date(year, 4, 1), dt.date(year, 9, 30), _RANGE, text)
    return EventDate(dt.date(year, 10, 1), dt.date(year, 12, 31), _RANGE, text)


def _relative(
    kind: str, groups: Mapping[str, str | None], published: dt.date, text: str,
    data: LanguageData,
) -> EventDate | None:  # fmt: skip
    which = (groups.get("which") or groups.get("which2") or "").lower()
    direction = 1 if which in data.date_words["next"] else -1 if which else 0
    if kind == "weekday":
        return _weekday(groups.get("weekday") or "", direction, published, text, data)
    if kind == "night":
        end = _weekday(groups.get("weekday2") or "", 0, published, text, data)
        if end is None or end.start is None:
            return None
        return EventDate(end.start - dt.timedelta(days=1), end.start, _RANGE, text)
    unit = _unit(groups.get("unit") or groups.get("unit2") or "", data)
    if unit is None:
        return None
    if kind == "ago":
        amount = _number(groups.get("n1"), data)
        day = published - dt.timedelta(days=amount * {"day": 1, "week": 7}.get(unit, 30))
        return EventDate(day, day, _DAY if unit == "day" else DatePrecision.WEEK, text)
    if kind == "past":
        amount = _number(groups.get("n1"), data) if groups.get("n1") else 3
        days = amount * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
        return EventDate(published - dt.timedelta(days=days), published, _RANGE, text)
    if kind == "lastunit":
        return _unit_period(unit, direction, published, text)
    return None


def _unit(word: str, data: LanguageData) -> str | None:
    lowered = word.lower()
    return next(
        (u for u in ("day", "week", "month", "year") if lowered in data.date_words[u]), None
    )


def _weekday(
    name: str, direction: int, published: dt.date, text: str, data: LanguageData
) -> EventDate | None:
    weekday = data.weekdays.get(name.lower())
    if weekday is None:
        return None
    if direction > 0:
        ahead = (weekday - published.weekday()) % 7 or 7
        day = published + dt.timedelta(days=ahead)
    else:
        back = (published.weekday() - weekday) % 7
        if back == 0 and direction < 0:
            back = 7
        day = published - dt.timedelta(days=back)
    return EventDate(day, day, _DAY, text)


def _unit_period(unit: str, direction: int, published: dt.date, text: str) -> EventDate | None:
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=direction)
        return EventDate(monday, monday + dt.timedelta(days=6), DatePrecision.WEEK, text)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + direction
        first, last = month_range(index // 12, index % 12 + 1)
        return EventDate(first, last, DatePrecision.MONTH, text)
    if unit == "year":
        year = published.year + direction
        return EventDate(dt.date(year, 1, 1), dt.date(year, 12, 31), _RANGE, text)
    day = published + dt.timedelta(days=direction)
    return EventDate(day, day, _DAY, text)


def _relative_time(code: str, published: dt.date, text: str) -> EventDate | None:
    simple = {"today": 0, "yesterday": -1}
    if code in simple:
        day = published + dt.timedelta(days=simple[code])
        return EventDate(day, day, _DAY, text)
    periods = {"last_week": ("week", -1), "this_week": ("week", 0), "next_week": ("week", 1),
               "last_month": ("month", -1), "this_month": ("month", 0),
               "next_month": ("month", 1), "last_year": ("year", -1), "this_year": ("year", 0),
               "next_year": ("year", 1)}  # fmt: skip
    if code in periods:
        unit, direction = periods[code]
        return _unit_period(unit, direction, published, text)
    if code == "month_to_date":
        return EventDate(published.replace(day=1), published, _RANGE, text)
    if code in {"weekend", "last_weekend"}:
        return _weekend(published, code == "last_weekend", text)
    spans = {"past_week": 7, "recent_days": 7, "recent_weeks": 30, "recent_years": 3 * 365}
    if code in spans:
        return EventDate(published - dt.timedelta(days=spans[code]), published, _RANGE, text)
    if code == "recent_months":
        index = published.year * 12 + published.month - 1 - 2
        return EventDate(dt.date(index // 12, index % 12 + 1, 1), published, _RANGE, text)
    return None


def _weekend(published: dt.date, last: bool, text: str) -> EventDate:
    """The Saturday and Sunday of the weekend told: the one a report of the weekend is
    published in, else the one before (``last`` on a weekend day: the week before's)."""
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    if last and published.weekday() >= 5:
        saturday -= dt.timedelta(weeks=1)
    return EventDate(saturday, saturday + dt.timedelta(days=1), _RANGE, text)


def anchored(mention: DateMention, previous: EventDate, published: dt.date | None) -> EventDate:
    """Resolve "since then", "the same day", "the following day" against an earlier event."""
    start = previous.start
    if start is None:
        return EventDate.unknown()
    text = mention.date.text
    if mention.anchor == "since_then":
        end = published if published and published >= start else previous.end
        return EventDate(start, end, _RANGE, text)
    shift = {"day_after": 1, "day_before": -1}.get(mention.anchor or "", 0)
    if shift == 0:
        return previous
    day = (previous.end if shift > 0 and previous.end else start) + dt.timedelta(days=shift)
    return EventDate(day, day, _DAY, text)

"""Recognition: a spaCy component that marks the gazetteer place names the statistical NER missed.

The small English model tags "Kidal" as LANGUAGE, "Tessalit" and "Malian Tinzaouaten" as
PERSON. :func:`add_place_ruler` adds, after ``ner``, a component that matches gazetteer
names case-sensitively (token ``ORTH``, plus an all-capitals variant for datelines) and:

- adds a place entity where the NER found nothing;
- relabels an entity covering exactly a place name when its label is not a place label
  (``PERSON``, ``LANGUAGE``, ``ORG``...), unless the name is also used as a surname in the
  document ("Ibrahim Boubacar Keïta" ... "Keïta");
- replaces entities lying inside a longer place name ("Burkina" in "Burkina Faso");
- splits an entity made of demonyms and a place name ("Malian Tinzaouaten") into a
  ``NORP`` (``MISC`` for the French model) entity and a place entity;
- gives way, when an organisation is named only by institution words and a place ("the
  University of Niamey", "Zinder Hospital", "la prison de Koutoukalé"), to the place: the
  body stands there;
- leaves alone an entity the name only partly overlaps or lies inside otherwise (the
  "Azawad" of "National Movement for the Liberation of Azawad");
- relabels a place entity naming a people or a faith ("Dogon", "Peuls": the cue file's
  groups) as ``NORP`` (``MISC``).

It also takes a capitalised name right after a locative word ("in the area of Efrakane",
"between Douna and Mondoro", "près de Foube") when the gazetteer knows a place of that name
in ``countries``, whatever its population: small villages are where many events happen.

Entities it creates carry ``ent_id_ == "sahelwatch.place_ruler"``.

The names come from :meth:`Gazetteer.names_for_matching` (countries, admin units, seats of
government, towns above a population, curated additions in the Sahel countries and their
neighbours), without names that are stop words of the pipeline's language, demonyms or
airport-style codes, that start with a lower-case letter, or that the cue file lists as
ambiguous.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from sahelwatch.geo.candidates import FUZZY_CUTOFF
from sahelwatch.geo.cues import Cues, load_cues
from sahelwatch.geo.fold import fold
from sahelwatch.geo.gazetteer import MATCHING_COUNTRIES, Gazetteer
from sahelwatch.model import PlaceMention, Span

__all__ = [
    "DEMONYM_RULE",
    "FACTORY",
    "PLACE_LABELS",
    "RULE",
    "PlaceRuler",
    "add_place_ruler",
    "place_mentions",
]

FACTORY = "sahelwatch_place_ruler"
RULE = "sahelwatch.place_ruler"
# The rule of a mention that is a demonym ("demonym:NORP").
DEMONYM_RULE = "demonym"

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_LABELS = PLACE_LABELS
_PERSON_LABELS = frozenset({"PERSON", "PER"})
_RELABEL = frozenset(
    {"PERSON", "PER", "LANGUAGE", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "MISC"}
)
# Labels of the entities a demonym may bear: places', peoples' (NORP) and the French MISC.
_DEMONYM_LABELS = PLACE_LABELS | {"NORP", "MISC"}
_MIN_LENGTH = 3
_MAX_RUN = 4
# Words that continue a list of places: "Douna and Mondoro", "Dirkou & Seguedine", the admin
# units in brackets after a village ("Thiou (Thiou, Yatenga)"), another spelling ("Rimi
# [Rimie]"), an axis ("Gao-Gossi").
_LIST_WORDS = frozenset({"and", "or", ",", "et", "ou", "&", "(", "[", "/", "-", "–"})
# Articles a locative word may have before the name ("in the Boni area").
_ARTICLES = frozenset({"the"})
_JOINERS = frozenset({"-", "'", "’"})
_DISSOLVE = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE", "MISC"})
_UPPER_VARIANT_MIN_LENGTH = 4


class PlaceRuler:
    """The pipeline component; fill it with :meth:`add_names` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = FACTORY, label: str = "GPE") -> None:
        self.name = name
        self.label = label
        self.group_label = "NORP" if label == "GPE" else "MISC"
        self.demonyms: frozenset[str] = frozenset()
        self.locatives: frozenset[str] = frozenset()
        self.features: frozenset[str] = frozenset()
        self.fillers: frozenset[str] = frozenset()
        self.groups: frozenset[str] = frozenset()
        self.institutions: frozenset[str] = frozenset()
        self.generic: frozenset[str] = frozenset()
        self.known: Callable[[str], bool] = _nothing
        # Knows a place spelt close to the name (after "the village of": surely a place).
        self.close: Callable[[str], bool] = _nothing
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._make_doc = nlp.make_doc

    def add_names(self, names: Iterable[str]) -> int:
        """Add place names (with their all-capitals variants); return how many patterns."""
        forms = sorted({variant for name in names for variant in _variants(name)})
        self.matcher.add("PLACE", [self._make_doc(form) for form in forms])
        return len(forms)

    def __call__(self, doc: Doc) -> Doc:
        found = [
            SpacySpan(doc, start, end, label=self.label) for _, start, end in self.matcher(doc)
        ]
        found.extend(self._after_locatives(doc))
        if not found:
            doc.ents = [self._as_group(ent) for ent in doc.ents]
            return doc
        matches = filter_spans(found)
        entities = [e for e in doc.ents if not self._gives_way(e, matches)]
        surnames = {
            token.text
            for ent in entities
            if ent.label_ in _PERSON_LABELS
            and len(ent) > 1
            and not any(fold(t.text) in self.demonyms for t in ent)
            for token in ent
        }
        for match in matches:
            span = SpacySpan(doc, match.start, match.end, label=self.label, span_id=RULE)
            entities = self._merge(doc, entities, span, surnames)
        entities = [piece for entity in entities for piece in _comma_parts(doc, entity)]
        doc.ents = sorted((self._as_group(e) for e in entities), key=lambda ent: ent.start)
        return doc

    def _gives_way(self, entity: SpacySpan, matches: Sequence[SpacySpan]) -> bool:
        """True for a non-place entity that gives way to the place names inside it: made
        only of them and list or feature words (see :func:`_covered`), or an organisation
        named by institution words and a place ("the University of Niamey")."""
        if _covered(entity, matches, self.features):
            return True
        if entity.label_ not in _DISSOLVE:
            return False
        inside = [m for m in matches if entity.start <= m.start and m.end <= entity.end]
        covered = {i for m in inside for i in range(m.start, m.end)}
        rest = [fold(t.text) for t in entity if t.i not in covered and not t.is_punct]
        words = [w for w in rest if w and not (w in self.fillers or w in _LIST_WORDS)]
        usual = self.institutions | self.generic | self.features
        return (
            bool(inside)
            and any(w in self.institutions for w in words)
            and all(w in usual for w in words)
        )

    def _as_group(self, entity: SpacySpan) -> SpacySpan:
        """A place entity naming a people or a faith ("Dogon", "Peuls") becomes a group one."""
        if entity.label_ not in _PLACE_LABELS or fold(entity.text) not in self.groups:
            return entity
        return SpacySpan(entity.doc, entity.start, entity.end, label=self.group_label)

    def _after_locatives(self, doc: Doc) -> list[SpacySpan]:
        """Capitalised names the gazetteer knows, right after a locative word or a list.

        "in the area of Efrakane", "between Douna and Mondoro", "près de Foube", "in the
        Boni area", "Thiou (Thiou, Yatenga)": a name the NER missed, too small for the phrase
        matcher, is taken when a locative word ("in", "of", "près de"), maybe with an article,
        or a list of such names ("and", ",", a bracket) leads to it.
        """
        found: list[SpacySpan] = []
        ends = {ent.end for ent in doc.ents if ent.label_ in _PLACE_LABELS}
        index = 0
        while index < len(doc):
            token = doc[index]
            led = fold(token.text) in self.locatives or (
                token.lower_ in _LIST_WORDS
                and (index in ends or (bool(found) and found[-1].end == index))
            )
            # "the village of X", "la localité de X": X is a place, maybe spelt otherwise
            named = led and index > 0 and fold(doc[index - 1].text) in self.features
            span = self._known_run(doc, index + 1, named) if led else None
            if span is None and led and index + 2 < len(doc) and doc[index + 1].lower_ in _ARTICLES:
                span = self._known_run(doc, index + 2)
            if span is None:
                index += 1
                continue
            found.append(span)
            index = span.end
        return found

    def _known_run(self, doc: Doc, start: int, named: bool = False) -> SpacySpan | None:
        """The longest run of capitalised words from ``start`` that names a known place.

        A word may be several tokens written together ("I-n-Telli", "N'Guigmi"), or two
        names of an axis ("Gao-Gossi": "Gao" when "Gossi" is known too). A capitalised stop
        word may start a name ("In Delimane"). A known name followed by another capitalised
        word is part of a longer, unknown name ("Amen Amin"), not taken. A ``named`` run (a
        feature word led to it: "the town of Arbinda") may be known by a close spelling
        ("Aribinda").
        """
        ends: list[int] = []
        whole: set[int] = set()
        end = start
        while end < len(doc) and len(whole) < _MAX_RUN and _capitalised(doc[end]):
            word_end = _word_end(doc, end)
            ends.extend(range(end + 1, word_end + 1, 2))
            whole.add(word_end)
            end = word_end
        for stop in sorted(ends, reverse=True):
            text = doc[start:stop].text
            if doc[stop - 1].is_stop or fold(text) in self.demonyms:
                continue
            if not (self.known(text) or (named and stop in whole and self.close(text))):
                continue
            if stop not in whole and self._known_run(doc, stop + 1) is None:
                continue
            if stop in whole and stop < len(doc) and self._continues(doc[stop]):
                continue
            return SpacySpan(doc, start, stop, label=self.label)
        return None

    def _continues(self, token: Token) -> bool:
        """True when ``token`` goes on with the name before it: a capitalised word, not a
        feature word ("Sansanding *Commune*")."""
        return _capitalised(token) and not token.is_stop and fold(token.text) not in self.features

    def _merge(
        self, doc: Doc, entities: list[SpacySpan], span: SpacySpan, surnames: set[str]
    ) -> list[SpacySpan]:
        overlapping = [e for e in entities if e.start < span.end and span.start < e.end]
        rest = [e for e in entities if not (e.start < span.end and span.start < e.end)]
        if not overlapping:
            return [*entities, span]
        if all(span.start <= e.start and e.end <= span.end for e in overlapping):
            exact = len(overlapping) == 1 and len(overlapping[0]) == len(span)
            if exact and not self._relabels(overlapping[0], surnames):
                return entities
            return [*rest, span]
        if len(overlapping) == 1:
            pieces = self._split(doc, overlapping[0], span)
            if pieces:
                return [*rest, *pieces]
        return entities

    def _relabels(self, entity: SpacySpan, surnames: set[str]) -> bool:
        if entity.label_ in _PLACE_LABELS or entity.label_ not in _RELABEL:
            return False
        return not (entity.label_ in _PERSON_LABELS and entity.text in surnames)

    def _split(self, doc: Doc, entity: SpacySpan, span: SpacySpan) -> list[SpacySpan]:
        """Split "Malian Tinzaouaten" into NORP + place; [] when the entity is something else."""
        outside = [t for t in entity if t.i < span.start or t.i >= span.end]
        groups = [t for t in outside if fold(t.text) in self.demonyms]
        if not groups or any(not (t.is_punct or t.is_stop) for t in outside if t not in groups):
            return []
        pieces = [SpacySpan(doc, t.i, t.i + 1, label=self.group_label) for t in groups]
        return [*pieces, span]


@Language.factory(FACTORY, default_config={"label": "GPE"}, assigns=["doc.ents"])
def make_place_ruler(nlp: Language, name: str, label: str) -> PlaceRuler:
    """spaCy factory of :class:`PlaceRuler` (filled by :func:`add_place_ruler`)."""
    return PlaceRuler(nlp, name, label)


def add_place_ruler(
    nlp: Language,
    gazetteer: Gazetteer,
    *,
    countries: Collection[str] = MATCHING_COUNTRIES,
    min_population: int = 1000,
    cues: Cues | None = None,
    label: str | None = None,
) -> None:
    """Add (or replace) the place ruler after ``ner``, filled with the gazetteer's names.

    ``label`` defaults to ``GPE`` when the pipeline's NER knows that label (English) and
    ``LOC`` otherwise (French models); a pipeline without NER gets ``GPE``.
    """
    cues = cues or load_cues()
    if FACTORY in nlp.pipe_names:
        nlp.remove_pipe(FACTORY)
    label = label or _place_label(nlp)
    if "ner" in nlp.pipe_names:
        component = nlp.add_pipe(FACTORY, config={"label": label}, after="ner")
    else:
        component = nlp.add_pipe(FACTORY, config={"label": label})
    if not isinstance(component, PlaceRuler):
        raise TypeError(f"{FACTORY} is registered to another component")
    component.demonyms = cues.demonyms
    component.locatives = cues.locatives
    component.features = frozenset(cues.features)
    component.groups = cues.groups
    component.institutions = cues.institutions
    component.generic = cues.generic
    component.fillers = cues.fillers
    stop_words = frozenset(nlp.Defaults.stop_words)
    wanted = frozenset(countries)

    def known(text: str) -> bool:
        if text in cues.ambiguous or text.lower() in stop_words or len(text) < _MIN_LENGTH:
            return False
        if cues.names_group(text):
            return False
        return any(p.country in wanted for p in gazetteer.lookup(text))

    def close(text: str) -> bool:
        if text in cues.ambiguous or cues.names_group(text):
            return False
        return any(p.country in wanted for p, _ in gazetteer.fuzzy_lookup(text, FUZZY_CUTOFF))

    component.known = known
    component.close = close
    names = gazetteer.names_for_matching(countries, min_population)
    component.add_names(name for name in names if _worth_matching(name, cues, stop_words))


def _nothing(text: str) -> bool:
    """The default gazetteer test of a fresh ruler: knows no place."""
    return False


def _capitalised(token: Token) -> bool:
    """A capitalised word, maybe with an apostrophe inside ("N'Gourti")."""
    if not token.text[:1].isupper():
        return False
    return token.is_alpha or (
        token.text[-1].isalpha() and token.text.replace("'", "").replace("’", "").isalpha()
    )


def _word_end(doc: Doc, start: int) -> int:
    """The end of the written word starting at token ``start`` (tokens joined by ``-``/``'``)."""
    end = start + 1
    while (
        end + 1 < len(doc)
        and not doc[end - 1].whitespace_
        and doc[end].text in _JOINERS
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    return end


def _covered(entity: SpacySpan, matches: Sequence[SpacySpan], features: frozenset[str]) -> bool:
    """True for a non-place entity made only of place names, punctuation, list and feature
    words ("Kayes (Kayes" tagged WORK_OF_ART, "Sansanding Commune (Segou" tagged ORG, "Douna
    and Boni" tagged PERSON): it gives way to the place names."""
    listing = any(t.lower_ in _LIST_WORDS for t in entity)
    if entity.label_ not in _DISSOLVE and not (entity.label_ in _PERSON_LABELS and listing):
        return False
    inside = [m for m in matches if entity.start <= m.start and m.end <= entity.end]
    covered = {i for m in inside for i in range(m.start, m.end)}
    rest = [t for t in entity if t.is_alpha and t.i not in covered]
    return bool(inside) and all(t.lower_ in _LIST_WORDS or fold(t.text) in features for t in rest)


def _comma_parts(doc: Doc, entity: SpacySpan) -> list[SpacySpan]:
    """A place entity listing places ("Boni, Mopti Region") as one entity per place."""
    if entity.label_ not in PLACE_LABELS or not any(t.text == "," for t in entity):
        return [entity]
    parts: list[SpacySpan] = []
    start = entity.start
    for token in [*(t for t in entity if t.text == ","), None]:
        end = token.i if token is not None else entity.end
        if end > start and doc[start].text[:1].isupper():
            parts.append(SpacySpan(doc, start, end, label=entity.label_, span_id=entity.id_))
        start = end + 1
    return parts or [entity]


def _place_label(nlp: Language) -> str:
    if "ner" not in nlp.pipe_names:
        return "GPE"
    labels = getattr(nlp.get_pipe("ner"), "labels", ())
    return "GPE" if "GPE" in labels or not labels else "LOC"


def _worth_matching(name: str, cues: Cues, stop_words: frozenset[str]) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    if len(name) < _MIN_LENGTH or not letters or not letters[0].isupper():
        return False
    if not all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") for ch in letters):
        return False
    if len(name) <= _UPPER_VARIANT_MIN_LENGTH and name.isupper():
        return False
    if name in cues.ambiguous or name.lower() in stop_words or cues.names_group(name):
        return False
    return fold(name) not in cues.demonyms


def _variants(name: str) -> tuple[str, ...]:
    if len(name) >= _UPPER_VARIANT_MIN_LENGTH and not name.isupper():
        return (name, name.upper())
    return (name,)


def place_mentions(doc: Doc, cues: Cues, *, demonyms: bool = False) -> tuple[PlaceMention, ...]:
    """The toponyms of a parsed document: its place entities, without demonyms.

    A place entity that is only a demonym or an adjective ("Malian", "algérienne") is
    country context, not a place, and an entity without a capital letter is not a name.
    With ``demonyms``, a demonym entity (``NORP``, ``MISC`` or a place label) is kept as a
    mention of its country, as geoparsing corpora count "Russian" a reference to Russia;
    its rule starts with :data:`DEMONYM_RULE`.
    """
    found: list[PlaceMention] = []
    for ent in doc.ents:
        if not any(ch.isupper() for ch in ent.text):
            continue
        span = Span(ent.start_char, ent.end_char)
        if not cues.is_demonym(ent.text):
            if ent.label_ in PLACE_LABELS:
                found.append(PlaceMention(span, ent.text, None, f"ner:{ent.label_}"))
        elif demonyms and ent.label_ in _DEMONYM_LABELS:
            found.append(PlaceMention(span, ent.text, None, f"{DEMONYM_RULE}:{ent.label_}"))
    return tuple(found)

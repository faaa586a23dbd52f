"""Analytic warnings and recommendations: kept as Assessment records, not as events.

A **warning** says what could happen ("the crisis could develop into an open military
confrontation", "warned of escalating tensions"); a **recommendation** what should be done
("called for strengthening African mediation", "ont appelé les autorités à..."). Each record
has its issuer (the organisation, analyst or group that says it — "the report" stands for the
organisation that wrote it), the parties (countries and governments named), a horizon when one
is given, and all its sentences. One record per kind and issuer in a document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.dates import DateMention
from sahelwatch.extract.lang import LanguageData
from sahelwatch.model import Assessment, Span

__all__ = ["find_assessments"]

_ISSUER_SECTORS = frozenset({"NGO", "IGO"})


def find_assessments(
    doc: Doc,
    doc_id: str,
    data: LanguageData,
    actors: Sequence[ActorMention],
    countries: Mapping[str, str],
    country_names: Mapping[str, str],
    dates: Sequence[DateMention] = (),
) -> tuple[Assessment, ...]:
    """The warnings and recommendations of a document (see the module docstring)."""
    found: dict[tuple[str, str | None], list[SpacySpan]] = {}
    issuer: str | None = None
    for sentence in doc.sents:
        inside = [m for m in actors if sentence.start <= m.start < sentence.end]
        named = next((m.actor.name for m in inside if _is_issuer(doc, m)), None)
        issuer = named or issuer
        kind = _kind(sentence, data)
        if kind is None:
            continue
        speaker = named or (issuer if _cites_issuer(sentence, data) else _speaker(sentence, data))
        found.setdefault((kind, speaker), []).append(sentence)
    return tuple(
        _assessment(doc_id, kind, who, spans, actors, countries, dates, country_names)
        for (kind, who), spans in found.items()
    )


def _kind(sentence: SpacySpan, data: LanguageData) -> str | None:
    lowered = f" {sentence.text.lower()} "
    lemmas = {t.lemma_.lower() for t in sentence}
    if lemmas & data.recommend_verbs and _governs_clause(sentence, data.recommend_verbs):
        return "recommendation"
    if any(f" {p} " in lowered for p in data.recommend_phrases if " " in p):
        return "recommendation"
    warned = bool(lemmas & data.warn_verbs)
    speculative = any(t.lower_ in data.speculative_modals for t in sentence)
    if (warned or speculative) and any(w in lowered for w in data.escalation_words):
        return "warning"
    return None


def _governs_clause(sentence: SpacySpan, verbs: frozenset[str]) -> bool:
    """ "called on X *to* ...", "urged ... to", "appelé à": the verb introduces what to do."""
    for token in sentence:
        if token.lemma_.lower() not in verbs or token.pos_ not in {"VERB", "AUX"}:
            continue
        if any(c.dep_ in {"xcomp", "ccomp", "prep", "obl", "obl:arg", "obj", "dobj"}
               for c in token.children):  # fmt: skip
            return True
    return False


def _is_issuer(doc: Doc, mention: ActorMention) -> bool:
    """An NGO, or an institution that is the subject of its sentence."""
    if mention.actor.sector == "NGO":
        return True
    root = doc[mention.start : mention.end].root
    return mention.actor.sector in _ISSUER_SECTORS and root.dep_ in {"nsubj", "nsubj:pass"}


def _cites_issuer(sentence: SpacySpan, data: LanguageData) -> bool:
    """ "the report warned", "it also called for": the issuer named earlier speaks."""
    subjects = [t for t in sentence if t.dep_ in {"nsubj", "nsubj:pass"}]
    return any(t.lower_ in {"report", "rapport", "it", "il", "elle"} for t in subjects)


def _speaker(sentence: SpacySpan, data: LanguageData) -> str | None:
    """The subject that says it, when it is an organisation or an analyst ("economists")."""
    for token in sentence:
        if token.dep_ in {"nsubj", "nsubj:pass"} and token.lower_ in data.issuer_words:
            return _phrase(token)
    return None


def _phrase(token: Token) -> str:
    left = token.left_edge.i
    while left < token.i and token.doc[left].pos_ == "DET":
        left += 1
    return token.doc[left : token.i + 1].text


def _assessment(
    doc_id: str,
    kind: str,
    who: str | None,
    sentences: Sequence[SpacySpan],
    actors: Sequence[ActorMention],
    countries: Mapping[str, str],
    dates: Sequence[DateMention],
    country_names: Mapping[str, str],
) -> Assessment:
    parties: list[str] = []
    for sentence in sentences:
        for token in sentence:
            code = countries.get(token.lower_)
            if code and code not in parties:
                parties.append(code)
        for mention in actors:
            inside = sentence.start <= mention.start < sentence.end
            state = mention.actor.sector in {"GOV", "MIL"} and mention.actor.country
            if inside and state and mention.actor.country not in parties:
                parties.append(str(mention.actor.country))
    horizon = next(
        (
            d.date.text
            for d in dates
            for s in sentences
            if s.start_char <= d.start < s.end_char and d.date.text
        ),
        None,
    )
    return Assessment(
        id=hashlib.sha256(f"{doc_id}:{kind}:{who}".encode()).hexdigest()[:16],
        doc_id=doc_id,
        kind=kind,
        text=" ".join(s.text for s in sentences),
        evidence=tuple(Span(s.start_char, s.end_char) for s in sentences),
        issuer=who,
        parties=tuple(country_names.get(code, code) for code in parties),
        horizon=horizon,
    )

"""Places: the toponyms of a document, the one each event happened at, the document's country.

Toponyms are the place entities of the parse (the geo stage's place ruler adds the gazetteer's
names the NER missed); names inside an actor's name ("the Azawad Liberation Front") are not
places. The event's place is the toponym its clause puts it at ("in", "at", "near", "à",
"près de"...), not where people came *from*; for a displacement, where they went *to*.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sahelwatch.extract.actors import ActorMention
from sahelwatch.model import PlaceMention, Span
from sahelwatch.nlp import text_of

__all__ = [
    "PLACE_LABELS",
    "across_border",
    "choose_place",
    "document_country",
    "find_places",
    "said_coded_at",
]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ORIGIN = frozenset({"from", "depuis", "provenance"})
_DESTINATION = frozenset({"to", "into", "towards", "toward", "vers", "jusqu'à", "en", "au", "aux"})
# A way in: for an attack, where it landed ("fired into Misratah", "une incursion dans").
_INTO = frozenset({"into"})
_IN_COUNTRY = frozenset({"in", "to", "into", "across", "en", "au", "aux", "dans", "vers"})
# A note names the place an event is coded at after "coded" and one of these words, within
# a few words: "(coded as Tessit at geoprecision 2)", "coded at approximate location as Tessit".
_CODED_LAST = frozenset({"as", "at", "in"})
_CODED_REACH = 5
# "the border with Mali", "la frontière avec le Mali", "la frontière du Niger".
_BORDERS = frozenset({"border", "borders", "frontier", "frontière", "frontières", "frontiere"})
# What joins the two sides of one border: "the Malian-Algerian border", "malo-algérienne".
_JOINS = frozenset({"-", "–", "/", "and", "et"})
_BORDER_LINKS = frozenset({"with", "of", "the", "avec", "du", "de", "la", "le", "l'", "des"})
# Nouns a place name qualifies without ceasing to be the place: areas ("the Menaka
# *region*"), which yield to a town of the same sentence, and sites ("NGuigmi *airport*",
# "the Zinder *university*", "the Inata gold *mine*").
_AREAS = frozenset({"region", "area", "zone", "district", "commune", "province", "department",
                    "circle", "cercle", "municipality", "axis", "région", "localité"})  # fmt: skip
_SITES = frozenset({"town", "city", "village", "hamlet", "locality", "airport", "port", "camp",
                    "base", "market", "neighbourhood", "neighborhood", "outskirts",
                    "surroundings", "vicinity", "ville", "aéroport", "marché",
                    "quartier", "university", "hospital", "prison", "jail", "court",
                    "courthouse", "school", "college", "mine", "post", "checkpoint",
                    "mosque", "church", "station", "bridge", "université", "hôpital",
                    "école", "lycée", "mosquée", "poste"})  # fmt: skip
_ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "ambassadeur", "diplomate", "émissaire",
                     "consul"})  # fmt: skip
# "Took to the streets of Bamako": the place of a protest, not a destination.
_STREETS = frozenset({"street", "streets", "rue", "rues"})
_CLOSE = frozenset({"close", "next", "near", "proche", "près"})
# The prepositions of "the outskirts *of* X", through which the outer one is looked for.
_OF = frozenset({"of", "de", "du", "des", "d'"})
# Words before a name that list it with places: "and Kenieba", "(Kenieba, Kayes)".
_LISTING = frozenset({"and", "et", "(", ",", "/", "-"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "of", "between", "on", "à",
                       "dans", "près", "au", "aux", "en", "autour", "entre", "sur"})  # fmt: skip


def find_places(doc: Doc, actors: Sequence[ActorMention]) -> tuple[PlaceMention, ...]:
    """Toponym mentions in text order (the geo stage resolves them); a person's surname
    standing alone is not one.

    An entity of another label that takes in a bracket, as notes write a place and its admin
    units ("Bambofa (Dori, Seno)" read as one organisation), gives the names in the bracket
    one by one (the name before it is left out: a village the gazetteer does not know is
    matched loosely to another country's)."""
    found: list[PlaceMention] = []
    surnames = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    for ent in doc.ents:
        if any(_holds(m, ent) for m in actors):
            continue
        if ent.label_ in PLACE_LABELS and _surname(ent, surnames):
            continue
        if ent.label_ in PLACE_LABELS:
            found.append(PlaceMention(Span(ent.start_char, ent.end_char), ent.text, None,
                                      f"ner:{ent.label_}"))  # fmt: skip
        elif _bracketed(ent):
            found += [
                PlaceMention(Span(part.start_char, part.end_char), part.text, None, "bracket")
                for part in _name_parts(ent)
            ]
    return tuple(found)


def _surname(ent: SpacySpan, surnames: set[str]) -> bool:
    """True for a name standing alone that the document gives elsewhere as a person's last
    name ("Cheik Omar Konare ... bound *Konare*"), unless a word of place precedes it ("in
    Konare"), it is listed with places ("between X and Konare", "(Konare, Kayes)") or its
    admin units follow it: the person again, not the village of that name."""
    if len(ent) != 1 or ent[0].lower_ not in surnames or ent.start == 0:
        return False
    doc = ent.doc
    after = doc[ent.end].text if ent.end < len(doc) else ""
    before = doc[ent.start - 1].lower_
    return before not in _LOCATIVE | _DESTINATION | _LISTING and after != "("


def _holds(mention: ActorMention, ent: SpacySpan) -> bool:
    """True when the actor mention takes in the entity: a non-state actor's name is no place
    ("the Azawad Liberation Front"), but a people's name alone in brackets is the area named
    after it ("Ougarou (Matiacoali, Gourma)": the Gourma province)."""
    if not (mention.start <= ent.start and ent.end <= mention.end) or mention.actor.inter == 1:
        return False
    bare = mention.group is not None and (mention.start, mention.end) == (ent.start, ent.end)
    return not (bare and _in_brackets(ent))


def _in_brackets(ent: SpacySpan) -> bool:
    """True for a name inside "( ... )" with only names and commas between it and the "("."""
    return _bracket_before(ent) is not None


def _bracket_before(span: SpacySpan) -> Token | None:
    """The "(" a name stands after with only names and commas between, or None."""
    for token in reversed(span.doc[max(0, span.start - 8) : span.start]):
        if token.text == "(":
            return token
        if token.text != "," and not (token.is_title or token.is_upper):
            return None
    return None


def _bracketed(ent: SpacySpan) -> bool:
    """A name list that opens or stands in a bracket: "Bambofa (Dori, Seno", "(Tera, Tillaberi"."""
    doc = ent.doc
    inside = any(t.text == "(" for t in ent[1:])
    after = ent.start > 0 and doc[ent.start - 1].text == "("
    return inside or (after and any(t.text == "," for t in ent))


def _name_parts(ent: SpacySpan) -> list[SpacySpan]:
    """The capitalised runs of ``ent`` after its bracket, between commas."""
    parts: list[SpacySpan] = []
    start: int | None = None
    opened = next((t.i for t in ent if t.text == "("), ent.start - 1)
    for token in (*ent.doc[opened + 1 : ent.end], None):
        if token is not None and token.text not in {"(", ")", ","} and not token.is_space:
            if start is None:
                start = token.i
            continue
        if start is not None:
            end = token.i if token is not None else ent.end
            part = ent.doc[start:end]
            if part[0].is_title or part[0].is_upper:
                parts.append(part)
            start = None
    return parts


def _case_word(token: Token) -> str:
    """The preposition that attaches a toponym to its clause ("in Kidal", "à Kidal", "*into*
    the outer areas of X", "*from* the outskirts of the city of X"): the outermost one before
    the path up from the name reaches a verb."""
    word = ""
    current = token
    for _ in range(6):
        if current.dep_ == "pobj" and current.head.pos_ == "ADP":
            word = current.head.lower_
            current = current.head.head
        else:
            case = next((c for c in current.children if c.dep_ in {"case", "mark"}), None)
            if case is None:
                break
            word = case.lower_
            current = current.head
        if current.pos_ in {"VERB", "AUX"} or current.head.i == current.i:
            break
        if word in _LOCATIVE and word not in _OF:
            break  # "a vehicle belonging to ICRC *in* Gao": the place's own preposition
        if current.lemma_.lower() in _STREETS:
            return "in"  # "took to the streets of Bamako"
    if word == "to" and _closeness_word(token):
        return "near"  # "close to Niamey", "next to the market of Gao"
    if word:
        return word
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return previous.lower_ if previous is not None else ""


def _closeness_word(token: Token) -> bool:
    """True when the "to" before the place follows "close", "next" or "near"."""
    for other in reversed(token.doc[max(0, token.i - 6) : token.i]):
        if other.lower_ == "to":
            return other.i > 0 and token.doc[other.i - 1].lower_ in _CLOSE
    return False


def choose_place(
    sentences: Sequence[SpacySpan],
    head: Token,
    places: Sequence[PlaceMention],
    countries: Mapping[str, str],
    displacement: bool = False,
    prefer: str | None = None,
) -> PlaceMention | None:
    """The toponym the event happened at, from its sentences (the first one first). ``prefer``
    is a country whose demonym before a name counts in its favour (an Algerian measure at
    "the *Algerian* side")."""
    doc = head.doc
    usable = [p for p in places if not _dateline(doc, p)]
    for number, sentence in enumerate(sentences):
        inside = [p for p in usable if sentence.start_char <= p.span.start < sentence.end_char]
        if not inside:
            continue
        scored = [
            (_score(doc, p, head, countries, displacement, number == 0, prefer), p) for p in inside
        ]
        best = max(scored, key=lambda item: item[0])
        if best[0] > -50:
            return best[1]
    if not sentences:
        return None
    first = [p for p in usable if sentences[0].start_char <= p.span.start < sentences[0].end_char]
    people = [
        (_score(doc, p, head, countries, displacement, True, prefer, people=True), p)
        for p in first
        if _names_people(doc, p, countries)
    ]
    found = max(people, key=lambda item: item[0], default=None)
    return found[1] if found is not None and found[0] > -50 else None


def _names_people(doc: Doc, place: PlaceMention, countries: Mapping[str, str]) -> bool:
    """True for a town naming people ("*Gao* residents", "the *Pouytenga* students"): with
    no other place, it says where the event's people are (a country's name does not)."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None or place.text.casefold() in countries:
        return False
    noun = _qualified_noun(span.root)
    return noun is not None and noun not in _AREAS and noun not in _SITES


def _qualified_noun(token: Token) -> str | None:
    """The lemma of the common noun a place name qualifies ("Gao *residents*", "the Menaka
    *region*"), or None when the name stands on its own."""
    head = token.head
    if token.dep_ == "compound" and head.pos_ == "NOUN" and head.ent_type_ == "":
        return head.lemma_.lower()
    return None


def _dateline(doc: Doc, place: PlaceMention) -> bool:
    """ "KIDAL, Mali —", "NIAMEY (SWS) —": the place a report was filed from, not of an event."""
    if place.span.start > 40:
        return False
    text = text_of(doc)
    rest = text[place.span.end : place.span.end + 40]
    head = text[: place.span.start].strip()
    return (
        not head
        and any(mark in rest[:25] for mark in ("—", "–", " - ", "("))
        and (place.text.isupper() or "—" in rest)
    )


def _score(
    doc: Doc,
    place: PlaceMention,
    head: Token,
    countries: Mapping[str, str],
    displacement: bool,
    own_sentence: bool,
    prefer: str | None = None,
    people: bool = False,
) -> float:
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    if span is None:
        return -100.0
    token = span.root
    word = _case_word(span[0] if span[0].dep_ != "compound" else token)
    score = 0.0
    if place.text.casefold() in countries:
        score -= 20 if word in _IN_COUNTRY else 70
    if across_border(text_of(doc)[: place.span.start]):
        score -= 100
    if word in _ORIGIN and token.head.lemma_.lower() not in {"km", "kilometre", "kilomètre"}:
        score -= 60 if displacement else 15
    elif word in _DESTINATION and word not in _LOCATIVE:
        if displacement:
            score += 25
        elif word not in _INTO or not _landed(token, head):
            score -= 60  # not "fired rockets into Misratah": where the attack landed
    elif word in _LOCATIVE:
        score += 10
    if own_sentence:
        distance = span.start - head.i
        score -= abs(distance) * (0.3 if distance >= 0 else 0.6)
    if head.i in {t.i for t in token.ancestors}:
        score += 5
    if displacement and _in_relative_clause(token, head):
        score -= 60  # "refugees who had fled Menaka": where they came from, long before
    if displacement and _envoy_post(token):
        score -= 80  # "recalled its ambassador in Algiers": the post the envoy leaves
    noun = _qualified_noun(token)
    if noun is not None:
        if noun in _AREAS:
            score -= 15  # "the Menaka region": a place, but a town of the sentence first
        elif noun not in _SITES and not people:
            score -= 100  # "Gao residents", not "NGuigmi airport"; see _names_people
    if _coded_at(doc, span):
        score += 40
    else:
        # "the Kouakourou area (Djenne, *Mopti*)": the units of the place before; with no
        # such place known, the first and smallest unit, not the region after it.
        rank = _unit_rank(span)
        if rank is not None:
            score -= 30 + 5 * rank
    demonym = countries.get(doc[span.start - 1].lower_) if span.start > 0 else None
    demonym = demonym or countries.get(span[0].lower_)
    if prefer is not None and demonym is not None:
        score += 15 if demonym == prefer else -15
    return score


def _envoy_post(token: Token) -> bool:
    """True for the place an envoy is posted at: the name hangs on "ambassador" (through
    its preposition), as in "recalled its ambassador in Algiers"."""
    head = token.head
    if head.pos_ == "ADP" and head.i != token.i:
        head = head.head
    return head.lemma_.lower() in _ENVOYS


def _unit_rank(span: SpacySpan) -> int | None:
    """How many names come before this one in the bracket of admin units notes write after a
    place ("Tessit (Ansongo, *Gao*)": 1), or None outside such a bracket (only names and
    commas between it and the "(", and words before that)."""
    bracket = _bracket_before(span)
    if bracket is None or bracket.i == 0 or not span.doc[bracket.i - 1].is_alpha:
        return None
    return sum(token.text == "," for token in span.doc[bracket.i : span.start])


def _landed(token: Token, head: Token) -> bool:
    """True when the "into" above the place goes with the event's own word: "fired rockets
    *into* X", "an incursion *into* X", not "strikes forced the displaced *into* X"."""
    way_in = next((t for t in token.ancestors if t.lower_ in _INTO), None)
    if way_in is None:
        return False
    verb = way_in.head
    return verb.i == head.i or (head.dep_ == "dobj" and head.head.i == verb.i)


def _in_relative_clause(token: Token, head: Token) -> bool:
    """True when the place sits in a relative clause below the event's word: "expelling
    refugees *who had fled X*" tells the people's past, not the event."""
    for above in token.ancestors:
        if above.i == head.i:
            return False
        if above.dep_ == "relcl":
            return head.i in {t.i for t in above.ancestors}
    return False


def _coded_at(doc: Doc, span: SpacySpan) -> bool:
    return said_coded_at([t.lower_ for t in doc[max(0, span.start - _CODED_REACH) : span.start]])


def said_coded_at(before: Sequence[str]) -> bool:
    """True when the lower-cased words ``before`` a place end as "coded as", "coded at
    approximate location as": the note names the place whose point the event is coded at."""
    return bool(before) and before[-1] in _CODED_LAST and "coded" in before[-_CODED_REACH:]


def document_country(
    doc: Doc,
    demonyms: Mapping[str, str],
    places: Sequence[PlaceMention],
    region: Collection[str] = (),
) -> str | None:
    """The country the document is most about: its demonyms and country names, counted; on
    a tie, a country of ``region`` first ("Ivory Coast's president entered Burkina Faso").

    The country across a border is not counted: "near the border with Mali", "the Malian
    border", "la frontière malienne" say the place is on the other side."""
    counts: Counter[str] = Counter()
    # A country's name that is a place mention is counted with the places, where the side
    # of a border is read ("the border with Niger").
    named = {i for p in places for i in range(p.span.start, p.span.end)}
    for token in doc:
        code = demonyms.get(token.lower_)
        if code and token.idx not in named and not _border_side(token, demonyms):
            counts[code] += 1
    for place in places:
        code = demonyms.get(place.text.casefold())
        if code and not across_border(text_of(doc)[: place.span.start]):
            counts[code] += 2
    if not counts:
        return None
    top = max(counts.values())
    tied = [code for code, count in counts.items() if count == top]
    return next((code for code in tied if code in region), tied[0])


def _border_side(token: Token, demonyms: Mapping[str, str]) -> bool:
    """True for a demonym of a border: "the Malian border", "la frontière malienne", both
    of "the Malian-Algerian border"."""
    doc = token.doc
    for step in (1, -1):
        i = token.i + step
        while 0 <= i < len(doc) and (doc[i].lower_ in demonyms or doc[i].lower_ in _JOINS):
            i += step
        if 0 <= i < len(doc) and doc[i].lower_ in _BORDERS:
            return True
    return False


def across_border(before: str) -> bool:
    """True when the text ``before`` a country's name ends as "the border with", "frontière
    avec", "la frontière du": the country named is across the border from the event."""
    words = before.casefold().split()[-3:]
    links = 0
    while words and words[-1] in _BORDER_LINKS:
        words.pop()
        links += 1
    return links > 0 and bool(words) and words[-1] in _BORDERS

"""The event's place among a document's toponyms, and the document's country (parses built
by hand: a blank vocabulary with the heads and labels a parser would give)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from factories import make_place, make_place_mention, make_report
from sahelwatch.extract.actors import ActorMention
from sahelwatch.extract.located import locate_nearby
from sahelwatch.extract.places import across_border, choose_place, document_country, find_places
from sahelwatch.model import PlaceMention, Span
from sahelwatch.pack import load_region

COUNTRIES = {"mali": "ML", "malian": "ML", "niger": "NE", "nigerien": "NE", "malienne": "ML"}


def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A parsed doc from its words and, per word, its head's index, label and part of speech."""
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=[w.lower() for w in words],
    )


def mention(doc: Doc, index: int) -> PlaceMention:
    token = doc[index]
    span = Span(token.idx, token.idx + len(token.text))
    return PlaceMention(span, token.text, None, "test")


def test_across_border_english_and_french() -> None:
    assert across_border("They attacked a post near the border with ")
    assert across_border("Ils ont attaqué un poste près de la frontière avec le ")
    assert across_border("à la frontière du ")
    assert not across_border("They attacked a post in ")
    assert not across_border("on the border. In ")


def test_document_country_skips_the_country_across_the_border() -> None:
    nlp = spacy.blank("en")
    text = "Nigerien soldiers were attacked near the border with Mali and the Malian border."
    doc = nlp(text)
    start = text.index("Mali ")
    places = [PlaceMention(Span(start, start + 4), "Mali", None, "test")]
    assert document_country(doc, COUNTRIES, places) == "NE"
    doc = spacy.blank("fr")("Des soldats nigériens attaqués près de la frontière malienne.")
    assert document_country(doc, {**COUNTRIES, "nigériens": "NE"}, []) == "NE"


def _named(text: str, *names: str) -> list[PlaceMention]:
    return [
        PlaceMention(Span(text.index(n), text.index(n) + len(n)), n, None, "test") for n in names
    ]


def test_document_country_a_country_across_the_border_counts_once_as_a_place() -> None:
    nlp = spacy.blank("en")
    text = "Malian soldiers were attacked near the border with Niger, then Niger's army helped."
    # the name across the border counted as a word before: 2 against 1
    doc = nlp(text)
    assert document_country(doc, COUNTRIES, _named(text, "Niger")) == "ML"
    text = "Des soldats maliens ont été attaqués près de la frontière avec le Niger."
    doc = spacy.blank("fr")(text)
    assert document_country(doc, {**COUNTRIES, "maliens": "ML"}, _named(text, "Niger")) == "ML"


def test_document_country_a_tie_goes_to_the_region() -> None:
    text = "Protesters booed the president of Senegal when he entered Mali."
    doc = spacy.blank("en")(text)
    countries = {**COUNTRIES, "senegal": "SN"}
    places = _named(text, "Senegal", "Mali")
    assert document_country(doc, countries, places) == "SN"
    assert document_country(doc, countries, places, region={"ML", "NE"}) == "ML"


def test_choose_place_a_place_inside_an_object_keeps_its_own_preposition() -> None:
    # "Gunmen seized a vehicle belonging to ICRC in Gao ." ("to" is not a destination here)
    doc = parse(
        ["Gunmen", "seized", "a", "vehicle", "belonging", "to", "ICRC", "in", "Gao", "."],
        [1, 1, 3, 1, 3, 4, 5, 6, 7, 1],
        ["nsubj", "ROOT", "det", "dobj", "acl", "prep", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
    )
    gao = mention(doc, 8)
    assert choose_place(list(doc.sents), doc[1], [gao], COUNTRIES) == gao


def test_choose_place_rockets_fired_into_a_town_land_there() -> None:
    doc = parse(
        ["Forces", "fired", "rockets", "into", "Kidal", "."],
        [1, 1, 1, 1, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    kidal = mention(doc, 4)
    assert choose_place(list(doc.sents), doc[1], [kidal], COUNTRIES) == kidal
    assert choose_place(list(doc.sents), doc[1], [kidal], COUNTRIES, displacement=True) == kidal


def test_choose_place_a_region_or_an_airport_named_by_a_place_is_the_place() -> None:
    # "Gunmen attacked the Menaka region ." / "... at Gao airport"
    doc = parse(
        ["Gunmen", "attacked", "the", "Menaka", "region", "near", "Gao", "airport", "."],
        [1, 1, 4, 4, 1, 1, 7, 5, 1],
        ["nsubj", "ROOT", "det", "compound", "dobj", "prep", "compound", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "PROPN", "NOUN", "ADP", "PROPN", "NOUN", "PUNCT"],
    )
    menaka, gao = mention(doc, 3), mention(doc, 6)
    assert choose_place(list(doc.sents), doc[1], [menaka], COUNTRIES) == menaka
    assert choose_place(list(doc.sents), doc[1], [menaka, gao], COUNTRIES) == gao


def test_choose_place_the_admin_units_in_brackets_are_not_the_place() -> None:
    # "Gunmen attacked the Koro area ( Dinangourou , Mopti ) ."
    words = ["Gunmen", "attacked", "the", "Koro", "area", "(", "Dinangourou", ",", "Mopti", ")"]
    doc = parse(
        [*words, "."],
        [1, 1, 4, 4, 1, 4, 4, 6, 6, 4, 1],
        ["nsubj", "ROOT", "det", "compound", "dobj", "punct", "appos", "punct", "conj", "punct",
         "punct"],
        ["NOUN", "VERB", "DET", "PROPN", "NOUN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT",
         "PUNCT"],
    )  # fmt: skip
    koro, commune, region = mention(doc, 3), mention(doc, 6), mention(doc, 8)
    assert choose_place(list(doc.sents), doc[1], [koro, commune, region], COUNTRIES) == koro
    # alone, the units still place the event
    assert choose_place(list(doc.sents), doc[1], [commune, region], COUNTRIES) == commune


def test_choose_place_with_no_place_before_the_units_the_first_unit_is_the_place() -> None:
    # "Gunmen attacked a village ( Niono , Segou ) . Militiamen responded ."
    words = ["Gunmen", "attacked", "a", "village", "(", "Niono", ",", "Segou", ")", ".",
             "Militiamen", "responded", "."]  # fmt: skip
    doc = parse(
        words,
        [1, 1, 3, 1, 3, 3, 5, 5, 3, 1, 11, 11, 11],
        ["nsubj", "ROOT", "det", "dobj", "punct", "appos", "punct", "conj", "punct", "punct",
         "nsubj", "ROOT", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT",
         "NOUN", "VERB", "PUNCT"],
    )  # fmt: skip
    cercle, region = mention(doc, 5), mention(doc, 7)
    # The event told again in the second sentence: the region lies closer to its verb, yet
    # the cercle is where the village is.
    assert choose_place(list(doc.sents), doc[11], [cercle, region], COUNTRIES) == cercle


def test_choose_place_close_to_a_town_is_not_a_destination() -> None:
    doc = parse(
        ["Militants", "attacked", "a", "prison", "close", "to", "Niamey", "."],
        [1, 1, 3, 1, 3, 4, 5, 1],
        ["nsubj", "ROOT", "det", "dobj", "amod", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "ADJ", "ADP", "PROPN", "PUNCT"],
    )
    niamey = mention(doc, 6)
    assert choose_place(list(doc.sents), doc[1], [niamey], COUNTRIES) == niamey


def test_choose_place_a_country_across_the_border_is_never_the_place() -> None:
    doc = parse(
        ["Gunmen", "attacked", "a", "post", "near", "the", "border", "with", "Mali", "."],
        [1, 1, 3, 1, 1, 6, 4, 6, 7, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    assert choose_place(list(doc.sents), doc[1], [mention(doc, 8)], COUNTRIES) is None


def test_document_country_skips_both_sides_of_a_shared_border() -> None:
    doc = spacy.blank("en")("Nigerien troops patrolled the Malian-Algerian border.")
    assert document_country(doc, {**COUNTRIES, "algerian": "DZ"}, []) == "NE"


def test_choose_place_people_forced_into_a_town_did_not_land_there() -> None:
    # "Strikes forced the displaced into Kidal ." : the strikes did not hit Kidal
    doc = parse(
        ["Strikes", "forced", "the", "displaced", "into", "Kidal", "."],
        [1, 1, 3, 1, 1, 4, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    assert choose_place(list(doc.sents), doc[0], [mention(doc, 5)], COUNTRIES) is None


def test_choose_place_an_incursion_into_a_village_lands_there() -> None:
    doc = parse(
        ["Gunmen", "made", "an", "incursion", "into", "Dori", "."],
        [1, 1, 3, 1, 1, 4, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    dori = mention(doc, 5)
    assert choose_place(list(doc.sents), doc[3], [dori], COUNTRIES) == dori


def test_choose_place_where_the_displaced_once_fled_is_not_the_expulsion() -> None:
    # "Police expelled refugees who had fled Menaka ."
    doc = parse(
        ["Police", "expelled", "refugees", "who", "had", "fled", "Menaka", "."],
        [1, 1, 1, 5, 5, 2, 5, 1],
        ["nsubj", "ROOT", "dobj", "nsubj", "aux", "relcl", "dobj", "punct"],
        ["NOUN", "VERB", "NOUN", "PRON", "AUX", "VERB", "PROPN", "PUNCT"],
    )
    menaka = mention(doc, 6)
    assert choose_place(list(doc.sents), doc[1], [menaka], COUNTRIES, displacement=True) is None
    assert choose_place(list(doc.sents), doc[1], [menaka], COUNTRIES) == menaka


def test_choose_place_the_post_an_envoy_is_recalled_from_is_not_the_place() -> None:
    # "Mali recalled its ambassador from Algiers ." / "... son ambassadeur à Alger ."
    doc = parse(
        ["Mali", "recalled", "its", "ambassador", "from", "Algiers", "."],
        [1, 1, 3, 1, 1, 4, 1],
        ["nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "PRON", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    algiers = mention(doc, 5)
    assert choose_place(list(doc.sents), doc[1], [algiers], COUNTRIES, displacement=True) is None
    doc = Doc(
        spacy.blank("fr").vocab,
        words=["Bamako", "a", "rappelé", "son", "ambassadeur", "à", "Alger", "."],
        heads=[2, 2, 2, 4, 2, 6, 4, 2],
        deps=["nsubj", "aux", "ROOT", "det", "obj", "case", "nmod", "punct"],
        pos=["PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=["Bamako", "avoir", "rappeler", "son", "ambassadeur", "à", "Alger", "."],
    )
    alger = mention(doc, 6)
    assert choose_place(list(doc.sents), doc[2], [alger], COUNTRIES, displacement=True) is None
    # an attack on an ambassador's residence stays where it happened
    assert choose_place(list(doc.sents), doc[2], [alger], COUNTRIES) == alger


def test_choose_place_people_named_by_a_town_are_there_when_nothing_else_is() -> None:
    # "Gao residents marched ." / "Gao residents marched in Niamey ."
    doc = parse(
        ["Gao", "residents", "marched", "in", "Niamey", "."],
        [1, 2, 2, 2, 3, 2],
        ["compound", "nsubj", "ROOT", "prep", "pobj", "punct"],
        ["PROPN", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    gao, niamey = mention(doc, 0), mention(doc, 4)
    assert choose_place(list(doc.sents), doc[2], [gao], COUNTRIES) == gao
    assert choose_place(list(doc.sents), doc[2], [gao, niamey], COUNTRIES) == niamey


def test_choose_place_an_institution_named_by_a_town_is_the_town() -> None:
    # "Inmates rioted in the Gao prison ." / "Des détenus ... la prison ..." read alike
    doc = parse(
        ["Inmates", "rioted", "in", "the", "Gao", "prison", "."],
        [1, 1, 1, 5, 5, 2, 1],
        ["nsubj", "ROOT", "prep", "det", "compound", "pobj", "punct"],
        ["NOUN", "VERB", "ADP", "DET", "PROPN", "NOUN", "PUNCT"],
    )
    gao = mention(doc, 4)
    assert choose_place(list(doc.sents), doc[1], [gao], COUNTRIES) == gao


def test_find_places_a_bracket_read_into_another_entity_gives_its_units() -> None:
    words = ["Gunmen", "struck", "Kowa", "(", "Dori", ",", "Seno", ")", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [SpacySpan(doc, 2, 7, label="ORG")]  # "Kowa (Dori, Seno"
    assert [p.text for p in find_places(doc, [])] == ["Dori", "Seno"]
    doc = Doc(spacy.blank("en").vocab, words=["The", "Kowa", "Traders", "Union", "met", "."])
    doc.ents = [SpacySpan(doc, 1, 4, label="ORG")]
    assert find_places(doc, []) == ()


def test_find_places_a_persons_surname_alone_is_no_place() -> None:
    def places(words: list[str], person: tuple[int, int], place: int) -> list[str]:
        doc = Doc(spacy.blank("en").vocab, words=words)
        doc.ents = [
            SpacySpan(doc, *person, label="PERSON"),
            SpacySpan(doc, place, place + 1, label="GPE"),
        ]
        return [p.text for p in find_places(doc, [])]

    words = ["Gunmen", "seized", "Omar", "Konare", "and", "bound", "Konare", "."]
    assert places(words, (2, 4), 6) == []
    words = ["Des", "hommes", "ont", "enlevé", "Omar", "Konare", "puis", "libéré", "Konare", "."]
    assert places(words, (4, 6), 8) == []
    # named as a place: after a word of place, listed with places, or before its units
    words = ["Omar", "Konare", "was", "seized", "in", "Konare", "."]
    assert places(words, (0, 2), 5) == ["Konare"]
    words = ["Omar", "Konare", "drove", "between", "Bla", "and", "Konare", "."]
    assert places(words, (0, 2), 6) == ["Konare"]
    words = ["Omar", "Konare", "spoke", ".", "Konare", "(", "Kayes", ")", "was", "calm", "."]
    assert places(words, (0, 2), 4) == ["Konare"]


def test_find_places_a_people_named_alone_in_brackets_is_its_area() -> None:
    civilians = load_region("sahel").actor("civilians")
    assert civilians is not None
    words = ["Gunmen", "burned", "Yendi", "(", "Sona", ",", "Gourma", ")", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [SpacySpan(doc, i, i + 1, label="GPE") for i in (2, 4, 6)]
    gourma = ActorMention(civilians, 6, 7, "Gourma", "civilians", None, "Gourmantche")
    # after the units of a place, the people's name is the province named after them
    assert [p.text for p in find_places(doc, [gourma])] == ["Yendi", "Sona", "Gourma"]
    words = ["Gunmen", "attacked", "Gourma", "herders", "near", "Yendi", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [SpacySpan(doc, 2, 3, label="GPE"), SpacySpan(doc, 5, 6, label="GPE")]
    herders = ActorMention(civilians, 2, 4, "Gourma herders", "civilians", None, "Gourmantche")
    assert [p.text for p in find_places(doc, [herders])] == ["Yendi"]  # people, no place


def test_locate_nearby_a_feature_of_no_one_country_takes_the_places_country() -> None:
    lake = make_place(geonameid=1, name="Lake Chad", country="", feature_class="H")
    report = make_report(place=lake, location="Lake Chad", country=None)
    places = [
        make_place_mention(span=Span(0, 9), place=lake),
        make_place_mention(span=Span(20, 25), place=make_place(geonameid=2, country="NE")),
    ]
    assert locate_nearby(report, places).country == "NE"
    assert locate_nearby(report, places[:1]).country is None


def test_locate_nearby_an_event_put_at_an_area_moves_to_the_town_its_sentence_names_in_it() -> None:
    text = "Gunmen attacked the town of Dire (Dire, Tombouctou) and a post near Gao."
    region = make_place(geonameid=1, name="Tombouctou Region", feature_class="A",
                        feature_code="ADM1", country="ML", admin1="Tombouctou")  # fmt: skip
    town = make_place(geonameid=2, name="Diré", feature_code="PPLA2", country="ML",
                      admin1="Tombouctou", admin2="Dire")  # fmt: skip
    gao = make_place(geonameid=3, name="Gao", country="ML", admin1="Gao")
    at = {name: Span(text.index(name), text.index(name) + len(name)) for name in ("Dire", "Gao")}
    places = [
        make_place_mention(span=at["Dire"], text="Dire", place=town),
        make_place_mention(span=Span(40, 50), text="Tombouctou", place=region),
        make_place_mention(span=at["Gao"], text="Gao", place=gao),
    ]
    report = make_report(
        place=region,
        location="Timbuktu",
        location_span=Span(40, 50),
        evidence=(Span(0, len(text)),),
        geo_precision=3,
        radius_km=400.0,
    )
    moved = locate_nearby(report, places, text)
    assert (moved.place, moved.geo_precision, moved.radius_km) == (town, 1, None)
    # a town of another region is not in the area the event was put at
    assert locate_nearby(report, [places[1], places[2]], text) == report

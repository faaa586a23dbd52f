"""Mots français que lit le codeur : mois, nombres, victimes, modalités et repères de temps.

Mêmes noms qu'en anglais (``en.py``) ; mots simples comparés à la forme en minuscules ou au lemme
d'un token, expressions (avec espaces) au texte en minuscules.
"""

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "janv": 1, "févr": 2, "sept": 9, "oct": 10, "nov": 11,
    "déc": 12,
}  # fmt: skip
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip
NUMBERS = {
    "un": (1, None), "une": (1, None), "deux": (2, None), "trois": (3, None),
    "quatre": (4, None), "cinq": (5, None), "six": (6, None), "sept": (7, None),
    "huit": (8, None), "neuf": (9, None), "dix": (10, None), "onze": (11, None),
    "douze": (12, None), "treize": (13, None), "quatorze": (14, None), "quinze": (15, None),
    "seize": (16, None), "dix-sept": (17, None), "dix-huit": (18, None), "dix-neuf": (19, None),
    "vingt": (20, None), "trente": (30, None), "quarante": (40, None), "cinquante": (50, None),
    "soixante": (60, None), "cent": (100, None), "mille": (1000, None),
    "plusieurs": (3, 9), "quelques": (3, 5), "une dizaine": (10, 19), "dizaine": (10, 19),
    "une douzaine": (12, None), "douzaine": (12, None), "des dizaines": (12, 99),
    "dizaines": (12, 99), "une quinzaine": (15, 19), "une vingtaine": (20, 29),
    "une trentaine": (30, 39), "une quarantaine": (40, 49), "une cinquantaine": (50, 59),
    "une soixantaine": (60, 69), "une centaine": (100, 199), "des centaines": (100, 999),
    "centaines": (100, 999), "des milliers": (1000, 9999), "milliers": (1000, 9999),
    "un millier": (1000, 1999), "nombreux": (3, None), "nombreuses": (3, None),
    "de nombreux": (3, None), "de nombreuses": (3, None), "un certain nombre de": (3, None),
    "une poignée de": (3, 5), "deux cents": (200, None), "trois cents": (300, None),
}  # fmt: skip
TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
MULTIPLIERS = {"cent": 100, "cents": 100, "mille": 1000, "million": 1_000_000,
               "millions": 1_000_000}  # fmt: skip
ARTICLE_NUMBERS = ("un", "une", "nombreux", "nombreuses", "de nombreux", "de nombreuses")
LOWER_BOUND = (
    "au moins",
    "plus de",
    "pas moins de",
    "au minimum",
    "plus d'",
    "au-delà de",
    "un minimum de",
)
UPPER_BOUND = ("jusqu'à", "moins de", "au plus", "près de", "presque")
APPROXIMATE = (
    "environ",
    "quelque",
    "autour de",
    "approximativement",
    "à peu près",
    "entre",
    "une",
    "un",
)
NOT_PEOPLE = """
km kilomètre kilomètres kilometres mètre mètres heure heures h minute minutes jour jours semaine
semaines mois an ans année années pour pourcent % cfa franc francs fcfa dollar dollars euro
euros tonne tonnes kg kilo kilos litre litres véhicule véhicules moto motos camion camions
voiture voitures maison maisons tête têtes bétail chèvre chèvres mouton moutons chameau chameaux
boeuf boeufs bœufs animaux boutique boutiques village villages école écoles obus roquette
roquettes sac sacs arme armes fusil fusils mine mines fois cas doses lits manuscrits
"""
KILLED = """
tuer mourir mort morts décès décéder abattre exécuter massacrer périr victime tué tués tuée
tuées abattus égorger décapiter assassiner lyncher succomber neutraliser neutralisés cadavre
cadavres corps vie vies
"""
INJURED = frozenset(
    ["blesser", "blessé", "blessés", "blessée", "blessées", "blessure", "blessures"]
)
HARM_VERBS = """
agresser frapper tabasser fusiller torturer violer poignarder fouetter maltraiter brutaliser
molester violenter agressé agressés agressée frappé frappés tabassé tabassés torturé torturés
violé violée violées fusillé fusillés poignardé poignardés fouetté fouettés maltraité maltraités
"""
OFF_DUTY = (
    "hors service", "en permission", "retraité", "ancien militaire", "ancien soldat",
    "en congé", "non armé", "désarmé", "en civil", "visite familiale",
)  # fmt: skip
UNOPPOSED = (
    "sans résistance", "sans combat", "sans combattre", "sans coup férir", "sans tirer",
    "aucune résistance",
    # Types:
    "sans combats", "sans affrontement", "sans affrontements", "aucun combat", "aucun affrontement",
)  # fmt: skip
CROWD_WORDS = """
villageois habitants population jeunes jeunesse foule foules communauté communautés riverains
élèves étudiants commerçants éleveurs cultivateurs agriculteurs enseignants travailleurs
ouvriers partisans militants réfugiés boutiquiers bouchers vendeurs
"""
# "des groupes *politiques* rivaux", "deux *confréries*" (see en.py).
CROWD_WORDS += " politiques confréries"
COMMUNAL_WORDS = """
village villages villageois communauté communautés communautaire intercommunautaire
"""
BETWEEN_WORDS = "entre"
SIDE_WORDS = "avec"
HARMLESS_SHOTS = "air sommation"
GATHERING_VERBS = "rassembler réunir regrouper masser converger marcher défiler"
UNMANNED = "inoccupé inoccupée inoccupés inoccupées vide vides déserté désertée désertés désertées"
ABDUCTED = frozenset(
    [
        "enlever",
        "enlevé",
        "enlevés",
        "enlevées",
        "enlèvement",
        "kidnapper",
        "kidnappé",
        "kidnappés",
        "otage",
        "otages",
        "séquestrer",
    ]
)
ARRESTED = """
arrêter arrêté arrêtés arrêtées interpeller interpellé interpellés interpellées arrestation
arrestations détenir détenus incarcérer écrouer appréhender capturer capturés
"""
DISPLACED = """
déplacer déplacé déplacés déplacées fuir fui réfugié réfugiés migrant migrants expulser expulsé
expulsés refouler refoulé refoulés rapatrier rapatriés retour arrivant arrivants franchir
arriver enregistrer enregistré enregistrés
"""
CASUALTY_WORDS = frozenset({"victimes", "victime", "pertes", "bilan"})
NO_FATALITIES = (
    "aucune victime",
    "aucun mort",
    "personne n'a été tué",
    "aucun blessé",
    "sans faire de victime",
    "sans faire de victimes",
    "pas de victime",
    "pas de victimes",
    "aucune perte",
    "aucune victime n'a été signalée",
    "aucun décès",
    "sans victime",
    "n'a fait aucune victime",
    "aucune perte en vie humaine",
    "pas fait de victime",
    "pas de mort",
)
NEGATORS = """
pas ne n' aucun aucune jamais sans ni non nullement guère rien
"""
FAILED = frozenset({"déjouer", "déjoué", "avorter", "avorté", "empêcher"})
FORECAST_MODALS = """
pourrait pourraient pourra pourront devrait devraient risque risquent va vont sera seront serait
seraient aurait auraient
"""
# Possibility, not plan: an analyst's warning, coded as an assessment, not as an event.
SPECULATIVE_MODALS = frozenset(
    ("pourrait", "pourraient", "risque", "risquent", "serait", "seraient")
)
FORECAST_VERBS = frozenset(
    [
        "prévoir",
        "envisager",
        "risquer",
        "craindre",
        "compter",
        "projeter",
        "programmer",
        "menacer",
        "annoncer",
        "attendre",
    ]
)
FUTURE_WORDS = ("prochain", "prochaine", "prochains", "prochaines", "à venir", "dans les jours")
RECOMMEND_VERBS = frozenset(
    [
        "appeler",
        "exhorter",
        "recommander",
        "plaider",
        "inviter",
        "suggérer",
        "préconiser",
        "encourager",
        "inciter",
        "implorer",
    ]
)
RECOMMEND_PHRASES = (
    "appelé à",
    "appelle à",
    "appellent à",
    "ont appelé",
    "a appelé",
    "doit rester",
    "devrait",
    "devraient",
    "il faut",
    "il faudrait",
)
SAY_VERBS = """
dire affirmer déclarer annoncer indiquer assurer revendiquer préciser confier expliquer ajouter
selon rapporter signaler estimer témoigner raconter publier confirmer reconnaître
"""
CLAIM_VERBS = frozenset({"revendiquer"})
UNVERIFIED = (
    "n'a pu être vérifié",
    "n'a pas pu être vérifié",
    "aucune source indépendante",
    "pas pu être confirmé",
    "non vérifié",
    "invérifiable",
    "n'a pu confirmer",
)
DENY_VERBS = frozenset({"démentir", "nier", "réfuter", "rejeter", "contester", "démenti"})
THREAT_VERBS = frozenset({"menacer", "promettre", "jurer"})
RECALL_WORDS = frozenset(
    {"rappeler", "auparavant", "précédemment", "jadis", "autrefois", "anniversaire", "prolonger"}
)
RECALL_PHRASES = (
    "par le passé",
    "il y a un an",
    "l'an dernier",
    "l'année dernière",
    "il y a des années",
    "rappelle",
    "rappelant",
)
SUBORDINATORS = frozenset({"après", "depuis", "avant", "lors", "suite", "quand", "lorsque"})
TOPIC_VERBS = frozenset(
    {
        "dénoncer",
        "condamner",
        "protester",
        "réclamer",
        "exiger",
        "manifester",
        "marcher",
        "soutenir",
        "contre",
        "demander",
        "revendiquer",
        "solidarité",
        "pour",
    }
)
BACKGROUND_SUBORDINATORS = frozenset({"après", "avant", "suite"})
GENERIC_VERBS = """
subir craindre risquer combattre lutter prévenir empêcher éviter fuir dénoncer condamner
enquêter documenter surveiller exposer
"""
# Modifiers that make an event word generic ("similar attacks", "repeated raids").
GENERIC_MODIFIERS = frozenset(
    (
        "similaires",
        "similaire",
        "tels",
        "telles",
        "fréquents",
        "fréquentes",
        "répétés",
        "répétées",
        "régulières",
        "réguliers",
        "éventuel",
        "éventuelle",
        "éventuelles",
        "futures",
        "toute",
        "tout",
        "chaque",
        "quotidiens",
        "quotidiennes",
        "hebdomadaires",
        "presque",
        "courants",
    )
)
# Auxiliaries of the present perfect: an undated event that "has" happened is recent.
PERFECT_AUXILIARIES: frozenset[str] = frozenset()
ATTRIBUTION_VERBS = frozenset(
    {"attribuer", "imputer", "revendiquer", "accuser", "soupçonner", "responsable"}
)
# Qui les témoins ou les autorités disent être les auteurs ("des témoins ont *décrit* les
# assaillants comme des Janjaweed", "les assaillants ont été *identifiés* comme des militants").
ATTRIBUTION_VERBS = ATTRIBUTION_VERBS | frozenset({"décrire", "identifier"})
GENERIC_PHRASES = ("chaque fois", "à chaque fois", "en cas d'", "en cas de", "au cas où", "si ")
# Nouns a weapon word may modify and still be an event ("artillery *fire*", "IED *attack*").
EVENT_NOUNS = frozenset(
    (
        "tir",
        "tirs",
        "attaque",
        "frappe",
        "frappes",
        "raid",
        "explosion",
        "opération",
        "incident",
        "embuscade",
        "assaut",
        "combats",
        "violences",
    )
)
DEFINITE = """
le la les l' l’ ce cette ces cet son sa ses leur leurs
"""
NEW_EVENT = """
autre second seconde deuxième nouvelle nouvel nouveau nouveaux nouvelles troisième précédent
précédente séparément similaire similaires
"""
CIVILIAN_TARGETS = """
village villages hameau hameaux marché marchés école écoles église églises mosquée mosquées
maison maisons domicile domiciles boutique boutiques champ champs puits mariage funérailles
hôpital dispensaire localité localités campement campements quartier quartiers ville villes
véhicule véhicules car cars camion camions moto motos site sites bar bars hôtel mine
civil civils personne personnes individu individus homme hommes femme femmes enfant enfants
mineur mineurs garçon garçons fille filles villageois habitant habitants cultivateur
cultivateurs agriculteur agriculteurs éleveur éleveurs commerçant commerçants berger bergers
passager passagers chauffeur chauffeurs enseignant enseignants élève élèves journaliste
journalistes imam imams travailleur travailleurs famille familles pasteur pasteurs employé
employés orpailleur orpailleurs voyageur voyageurs pêcheur pêcheurs pèlerin pèlerins
"""
ARMED_TARGETS = """
position positions poste postes base bases camp camps caserne casernes patrouille patrouilles
convoi convois garnison garnisons détachement détachements brigade brigades commissariat
gendarmerie escorte escortes colonne colonnes militaires soldats armée
"""
CIVILIAN_MODIFIERS = frozenset(
    {
        "réfugiés",
        "déplacés",
        "civil",
        "civils",
        "humanitaire",
        "commercial",
        "transport",
        "orpaillage",
        "aurifère",
        "minière",
        "minier",
        "minières",
        "miniers",
        "ong",
        "sanitaire",
        "sanitaires",
    }
)
ARMED_MODIFIERS = """
militaire militaires armée police gendarmerie sécurité escorté blindé onu minusma fama douane
"""
HEDGES = frozenset(
    [
        "présumé",
        "présumés",
        "présumées",
        "supposés",
        "suspectés",
        "soupçonnés",
        "probablement",
        "vraisemblablement",
    ]
)
AFFILIATION_WORDS = frozenset(
    {"lié", "liés", "liée", "liées", "affilié", "affiliés", "proche", "proches", "allié", "alliés"}
)
BACKING_WORDS = frozenset(
    {
        "appuyé",
        "appuyés",
        "soutenu",
        "soutenus",
        "accompagné",
        "accompagnés",
        "appui",
        "soutien",
        "côtés",
        "épaulés",
        "épaulé",
    }
)
SUBSET_WORDS = frozenset(
    {"dont", "parmi", "notamment", "essentiellement", "surtout", "principalement", "compris"}
)
TOTAL_WORDS = frozenset({"bilan", "total", "porté", "passé", "s'alourdir", "alourdi"})
TIME = {
    "depuis le début du mois": "month_to_date", "au début du mois": "month_to_date",
    "depuis le début de ce mois": "month_to_date",
    "hier": "yesterday", "aujourd'hui": "today", "ce matin": "today", "cet après-midi": "today",
    "ce soir": "today", "la nuit dernière": "yesterday", "cette nuit": "yesterday",
    "la veille": "day_before", "le lendemain": "day_after", "le jour suivant": "day_after",
    "la semaine dernière": "last_week", "la semaine passée": "last_week",
    "cette semaine": "this_week", "le mois dernier": "last_month", "ce mois-ci": "this_month",
    "la semaine prochaine": "next_week", "le mois prochain": "next_month",
    "l'an dernier": "last_year", "l'année dernière": "last_year", "cette année": "this_year",
    "l'an prochain": "next_year", "l'année prochaine": "next_year",
    "ces derniers jours": "recent_days", "ces dernières semaines": "recent_weeks",
    "ces derniers mois": "recent_months", "au cours des derniers mois": "recent_months",
    "ces dernières années": "recent_years", "récemment": "recent_weeks",
    "depuis lors": "since_then", "depuis,": "since_then", "depuis cette date": "since_then",
    "le même jour": "same_day",
    "ce jour-là": "same_day",
    "ce week-end": "weekend", "ce weekend": "weekend", "pendant le week-end": "weekend",
    "durant le week-end": "weekend", "au cours du week-end": "weekend",
    "le week-end dernier": "last_weekend", "le weekend dernier": "last_weekend",
    "le week-end passé": "last_weekend",
}  # fmt: skip
DATE_WORDS = {
    "article": ("le",),  # before the second day of a span: "entre le 12 et le 14 août"
    "on": ("le", "dans la journée du", "aux alentours du", "vers le", "autour du"),
    "in": ("en", "durant", "pendant", "au cours de", "au mois de", "courant", "dans le courant de"),
    "since": ("depuis", "à partir de", "dès"),
    "early": ("début", "debut", "au début de", "au début du mois de", "dès le début de",
              "la première semaine de", "les premiers jours de", "depuis le début de",
              "le début du mois de", "début du mois de"),
    "mid": ("mi", "mi-", "à la mi", "à la mi-", "au milieu de", "vers la mi-"),
    "late": ("fin", "à la fin de", "fin du mois de", "la fin de", "les derniers jours de",
             "la dernière semaine de"),
    "last": ("dernier", "dernière", "passé", "passée"),
    "this": ("ce", "cette"),
    "next": ("prochain", "prochaine"),
    "night": ("dans la nuit de", "dans la nuit du", "la nuit de", "la nuit du", "entre", "du"),
    "to": ("à", "au", "et"),
    "ago": ("il y a",),
    "past": ("au cours des", "ces", "pendant les", "depuis", "durant les", "lors des"),
    "day": ("jour", "jours"),
    "week": ("semaine", "semaines"),
    "month": ("mois",),
    "year": ("an", "ans", "année", "années"),
}  # fmt: skip
DISEASES = {
    "choléra": "cholera", "rougeole": "measles", "paludisme": "malaria", "malaria": "malaria",
    "diphtérie": "diphtheria", "méningite": "meningitis", "dengue": "dengue", "mpox": "mpox",
    "variole": "mpox", "hépatite": "hepatitis", "polio": "polio", "poliomyélite": "polio",
    "ebola": "ebola", "lassa": "lassa fever", "charbon": "anthrax", "covid-19": "covid-19",
    "covid": "covid-19", "coronavirus": "covid-19", "typhoïde": "typhoid",
    "chikungunya": "chikungunya", "peste": "plague", "rage": "rabies", "coqueluche": "pertussis",
    "tuberculose": "tuberculosis",
}  # fmt: skip
WARN_VERBS = frozenset(
    {
        "avertir",
        "alerter",
        "prévenir",
        "craindre",
        "redouter",
        "s'inquiéter",
        "inquiéter",
        "risquer",
    }
)
ESCALATION_WORDS = (
    "escalade",
    "confrontation",
    "conflit",
    "guerre",
    "crise",
    "violence",
    "affrontement",
    "déstabilis",
    "chaos",
    "exploit",
    "détérior",
    "tension",
    "famine",
    "effondrement",
    "perçue",
    "morts",
    "propag",
)
ISSUER_WORDS = """
analystes analyste économistes chercheur chercheurs experts expert rapport observateurs
organisations associations collectif élus responsables partenaires agences ong porte-parole
commission
"""
# "manifestants *anti* - France": the name opposed, not an actor (see en.py).
STANCE_WORDS = "anti"
# Participles of what came next in one event ("une explosion *suivie* d'une attaque"; see en.py).
SEQUENCE_VERBS = "suivre précéder"
# Weapons that make fighting people armed sides ("des villageois armés de machettes"; see en.py).
CROWD_WEAPONS = (
    "machette", "machettes", "coupe-coupe", "arme blanche", "armes blanches", "arme à feu",
    "armes à feu", "fusils", "fusils de chasse", "arcs et flèches",
)  # fmt: skip
# Organised sides ("deux *factions* d'étudiants", "des groupes *rivaux*"; see en.py).
FACTION_WORDS = "faction factions rival rivale rivaux rivales"
# What a party withdraws from when it leaves an agreement (see en.py).
AGREEMENT_WORDS = "accord traité médiation charte"
# "*un* agriculteur" is not a crowd (see en.py).
SINGULAR_WORDS = "un une"
# Words of a mutiny ("dans le cadre de leur *mutinerie*"; see en.py).
MUTINY_WORDS = "mutinerie mutineries mutin mutins mutiné mutinés mutiner"
# Words of an epidemic: un couvre-feu contre une épidémie est une mesure sanitaire (see en.py).
EPIDEMIC_WORDS = "épidémie pandémie coronavirus covid covid-19 ebola sanitaire"
# Soldiers taking power ("l'armée a *pris le pouvoir*", "un *putsch*"; see en.py).
COUP_WORDS = "coup putsch putschiste renverser pouvoir mutinerie mutin"
# "des *sources* militaires ont indiqué" (see en.py).
SOURCE_WORDS = "source sources"
# "des combattants *de* l'EIGS", "un convoi *de* soldats" (see en.py).
OF_WORDS = "de d' du"
# "tués *par* des hommes armés" (see en.py).
AGENT_WORDS = "par"
# "une attaque *contre* le camp", "l'assassinat *de* deux bergers" (see en.py).
AIM_WORDS = "sur contre de d' du des à au aux dans"
# "le JNIM a *mené* une attaque" (see en.py).
DO_VERBS = (
    "mener lancer perpétrer commettre revendiquer effectuer conduire organiser tenir commencer "
    "poursuivre entamer achever infliger"
)
# "des hommes armés *qui* ont attaqué" (see en.py).
RELATIVE_WORDS = "qui lequel lesquels"
# "incendié des étals *avant* de partir" (see en.py).
BEFORE_WORDS = "avant"

# After "before", the start of a clause with no finite verb ("avant *d'*incendier"): the
# same doers going on, not another time. English marks it by the -ing form ("before setting").
NONFINITE_MARKS = "de d'"
# "tué deux bergers *en représailles à* une attaque contre l'armée" (see en.py).
REPRISAL_WORDS = "représailles représaille riposte réponse réaction vengeance venger"
REPRISAL_LINKS = "à au aux obj"
# "des hommes armés ont abattu *un garde*" (see en.py).
ARMED_PEOPLE = """
garde gardes garde-corps écogarde écogardes milicien miliciens commandant commandants gendarme
gendarmes policier policiers
"""
# "*les suspects* ont été remis à la gendarmerie" (see en.py).
HANDED_PEOPLE = """
suspect assaillant agresseur bandit voleur prisonnier détenu otage captif individu homme femme
enfant personne jeune corps cadavre déserteur
"""
# "ont combattu *les rebelles*" (see en.py).
ARMED_FOES = """
rebelle jihadiste djihadiste terroriste insurgé militant bandit assaillant agresseur combattant
ennemi
"""
# "ont saisi des armes et *des engins explosifs*", "désamorcé une mine" (see en.py).
HELD_DEVICE_WORDS = """
saisir saisie récupérer confisquer trouver découvrir découverte désamorcer démanteler
neutraliser équiper équipé détenir possession porter transporter cache stock fabrication
matériel
"""
# "un *interprète* de la police" (see en.py).
CIVILIAN_ROLES = """
contractuel contractuels prestataire prestataires interprète interprètes traducteur traducteurs
infirmier infirmiers infirmière infirmières médecin médecins employé employés personnel
"""

# --- Sides of an event (see en.py) ---
MEMBER_WORDS = "de d' du"
# French writes the passive with its auxiliary: no terse passive to read (see en.py).
TARGET_PLACES = ""
# "tués *lors d'*une frappe de l'armée", "*dans* une embuscade du JNIM" (see en.py).
DURING_WORDS = "dans lors pendant durant"
# Types: an operation told as a search ("opérations de ratissage") is no fighting: an air
# strike told with it stays the air strike.
SEARCH_WORDS = "ratissage ratissages fouille fouilles bouclage"

# --- Communities that fight (see en.py) ---
COMMUNITY_WORDS = """
villageois jeunes habitants population populations riverains communauté communautés
"""
HOME_WORDS = "de d' du à"
INTERCOMMUNAL_WORDS = """
intercommunautaire intercommunautaires communautaire communautaires
"""
HOME_AREAS = "zone village ville localité commune hameau environs périphérie"
VILLAGE_WORDS = "village villages villageois villageoise villageoises local locale locaux"
# --- Events told in general (samples) ---
# --- Events told in general, others told apart (samples) ---
# "ce *type de* bilan", "ce *genre d'*attaque" (see en.py).
KIND_WORDS = "type types genre genres sorte sortes"
# "Des Sénégalais ont *quant à eux* été reconduits" (see en.py).
CONTRAST_PHRASES = (
    "quant à eux",
    "quant à elles",
    "quant à lui",
    "quant à elle",
    "pour leur part",
    "pour sa part",
    "de leur côté",
    "de son côté",
)
# "l'eau distribuée *à* l'arrivée", "*dès* l'arrivée" (see en.py).
MOMENT_WORDS = "à dès"
# "*dans le cadre de* la reconquête du territoire" (see en.py).
FRAME_PHRASES = ("dans le cadre de", "dans le cadre du", "dans le cadre d'", "dans le cadre des")

# --- Armed targets, more (see en.py) ---
ARMED_RANKS = """
officier officiers sous-officier sous-officiers sergent sergents caporal caporaux adjudant
adjudants lieutenant lieutenants capitaine capitaines colonel colonels
"""
# "un agent *des eaux et forêts*", "un agent *forestier*", "la ville *de garnison*".
ARMED_QUALIFIERS = "forêts forêt forestier forestiers garnison"
# "trois personnes *présentées* comme des miliciens" (see en.py).
DESCRIBED_WORDS = "décrire identifier présenter"
# French writes the passive with its auxiliary (see en.py).
TERSE_PASSIVES = ""
# "un gendarme abattu *à son domicile*" (see en.py).
AT_HOME = frozenset(
    {"à son domicile", "chez lui", "dans sa maison", "à leur domicile", "chez eux",
     "dans sa résidence", "à sa résidence"}
)  # fmt: skip

# --- Types d'événements, suite (see en.py) ---
# "les enseignants ont entamé une *grève* de 72 heures" (see en.py).
STRIKE_WORDS = "grève grèves gréviste grévistes"
# "une grève *de la faim*" (see en.py).
PROTEST_STRIKES = """
faim bloqué bloquée bloqués bloquaient barricadé occupé occupée occupaient piquet marche marché
marchaient rassemblés rassemblées rassemblement sit-in manifesté manifestation manifestations
"""
# "a libéré *deux otages* enlevés en 2011" (see en.py).
RELEASE_VERBS = "libérer relâcher relaxer libération"
# "enlevés puis relâchés" (see en.py).
LATER_WORDS = "tard ensuite puis finalement"
# "des *avions* de l'opération Barkhane ont frappé un campement" (see en.py).
AIRCRAFT_WORDS = """
avion avions aéronef aéronefs hélicoptère hélicoptères drone drones aviation chasseur chasseurs
"""

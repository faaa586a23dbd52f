"""English words the coder reads: months, numbers, hedges, victims, modality and time cues.

Single words are compared with a token's lower-case form or lemma; phrases (with spaces) with
the lower-case text. Region knowledge (actor names, places) is not here: it is in the region pack.
"""

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
# word -> (ACLED best figure, high bound or None); "several" = 3, "dozens" = 12, "hundreds" = 100.
NUMBERS = {
    "one": (1, None), "a": (1, None), "an": (1, None), "two": (2, None), "three": (3, None),
    "four": (4, None), "five": (5, None), "six": (6, None), "seven": (7, None),
    "eight": (8, None), "nine": (9, None), "ten": (10, None), "eleven": (11, None),
    "twelve": (12, None), "thirteen": (13, None), "fourteen": (14, None), "fifteen": (15, None),
    "sixteen": (16, None), "seventeen": (17, None), "eighteen": (18, None),
    "nineteen": (19, None), "twenty": (20, None), "thirty": (30, None), "forty": (40, None),
    "fifty": (50, None), "sixty": (60, None), "seventy": (70, None), "eighty": (80, None),
    "ninety": (90, None), "hundred": (100, None), "a hundred": (100, None),
    "one hundred": (100, None), "a thousand": (1000, None), "thousand": (1000, None),
    "several": (3, 9), "a few": (3, 5), "few": (3, 5), "some": (3, None), "many": (3, None),
    "numerous": (3, None), "a number of": (3, None), "a dozen": (12, None), "dozen": (12, None),
    "dozens": (12, 99), "dozens of": (12, 99), "scores": (12, 99), "scores of": (12, 99),
    "hundreds": (100, 999), "hundreds of": (100, 999), "thousands": (1000, 9999),
    "thousands of": (1000, 9999), "tens of": (10, 99), "tens": (10, 99), "a couple": (2, None),
    "a couple of": (2, None),
    "couple": (2, None), "a pair of": (2, None), "tens of thousands": (10000, 99999),
    "several dozen": (36, 99), "several hundred": (300, 999), "several thousand": (3000, 9999),
    "a handful of": (3, 5), "both": (2, None), "twin": (2, None), "single": (1, None),
    "lone": (1, None),
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
ARTICLE_NUMBERS = ("a", "an", "some", "many", "numerous", "single", "lone", "both", "twin")
LOWER_BOUND = (
    "at least",
    "more than",
    "over",
    "no fewer than",
    "no less than",
    "upwards of",
    "in excess of",
    "a minimum of",
    "not less than",
    "above",
    "exceeding",
)
UPPER_BOUND = (
    "up to",
    "as many as",
    "less than",
    "fewer than",
    "under",
    "at most",
    "nearly",
    "almost",
)
APPROXIMATE = (
    "about",
    "around",
    "some",
    "approximately",
    "roughly",
    "an estimated",
    "estimated",
    "close to",
    "approx",
    "circa",
    "reportedly",
    "between",
    "an",
)
# A count phrase is about people unless its noun is one of these.
NOT_PEOPLE = """
km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters hour hours
minute minutes day days week weeks month months year years percent per cent % cfa franc francs
dollar dollars euro euros tonne tonnes ton tons kg kilogram kilograms litre litres liter liters
vehicle vehicles motorbike motorbikes motorcycle motorcycles truck trucks car cars house houses
head cattle goat goats sheep camel camels cow cows donkey donkeys animal animals shop shops
village villages school schools round rounds shell shells rocket rockets bag bags weapon weapons
gun guns rifle rifles ied ieds mine mines time times o'clock am pm h cases case dose doses bed
beds
"""
# Victim categories: lemmas (or lower-case forms) of the words that say what happened to people.
KILLED = """
kill die dead death deaths body bodies corpse corpses fatality fatalities execute massacre
murder behead decapitate slay slaughter assassinate perish succumb lynch neutralize neutralise
neutralized neutralised eliminate killed killing lifeless fatal life lives execution executions
assassination murder murdered
"""
INJURED = frozenset(
    [
        "injure",
        "injured",
        "injury",
        "injuries",
        "wound",
        "wounded",
        "wounds",
        "hurt",
        "casualty",
        "maim",
    ]
)
# Verbs of bodily harm to people, besides killing and wounding ("assaulted a trader").
HARM_VERBS = """
assault beat shoot whip flog torture rape molest stab mistreat brutalize brutalise maltreat
assaulted beaten tortured raped whipped flogged stabbed molested mistreated maltreated
brutalized brutalised
"""
# Soldiers or fighters who are, for ACLED, civilians when hit.
OFF_DUTY = (
    "off-duty", "off duty", "retired", "former soldier", "former member", "ex-soldier",
    "on leave", "unarmed", "family visit", "visiting his family", "in civilian clothes",
)  # fmt: skip
# Territory taken with no fighting: a non-violent transfer.
UNOPPOSED = (
    "without resistance", "no resistance", "without a fight", "without fighting", "unopposed",
    "without firing a shot", "without a shot", "little resistance", "without any resistance",
    # Types:
    "no fighting", "no report of fighting", "no reported fighting", "no report of resistance",
    "no report of government resistance", "no armed resistance",
)  # fmt: skip
# Civilians named as a crowd: their violence is a riot or mob violence.
CROWD_WORDS = """
villagers residents inhabitants youths youth population crowd crowds mob community communities
locals dwellers townspeople students traders merchants herders farmers teachers workers pupils
supporters activists partisans refugees shopkeepers butchers vendors
"""
# Organised sides of no armed group (event types, crowds.py): "*opposing political* groups
# clashed", "rival *brotherhoods*" fight as a mob.
CROWD_WORDS += " political brotherhoods congregations"
# Words of villages and communities: those that fight do so as their communal militias.
COMMUNAL_WORDS = "village villages villagers community communities communal intercommunal"
# "Fighting between X and Y": two sides, so a battle.
BETWEEN_WORDS = "between"
# "X clashed *with* Y": Y is the other side.
SIDE_WORDS = "with"
# Shots fired "in the air" or as a "warning" hurt no one.
HARMLESS_SHOTS = "air warning"
# Verbs of a crowd coming together: "Protesters *gathered* in the capital" tells the protest.
GATHERING_VERBS = "gather assemble converge march rally congregate mass throng"
# A post attacked "while it was unmanned": only property was hit.
UNMANNED = "unmanned unoccupied deserted vacant empty"
ABDUCTED = frozenset(
    [
        "abduct",
        "abducted",
        "abduction",
        "kidnap",
        "kidnapped",
        "kidnapping",
        "hostage",
        "hostages",
        "captive",
        "captives",
    ]
)
ARRESTED = """
arrest arrested arrests detain detained apprehend apprehended jail jailed imprison imprisoned
custody capture captured interpellate
"""
DISPLACED = """
displace displaced flee fled expel expelled deport deported refugee refugees migrant migrants
idps idp return returned arrival arrivals evict evicted repatriate repatriated deportee
deportees expellee expellees returnee returnees asylum cross crossed arrive arrived register
registered settle settled
"""
# Said of victims without telling whether they died: no fatality is coded (ACLED: 0).
CASUALTY_WORDS = frozenset({"casualties", "casualty", "victims", "losses", "toll"})
# A whole phrase telling that nobody died.
NO_FATALITIES = (
    "no one was killed",
    "nobody was killed",
    "no one died",
    "nobody died",
    "no casualties",
    "without casualties",
    "no deaths",
    "no fatalities",
    "no one was hurt",
    "no one was injured",
    "no victims",
    "no loss of life",
    "no lives were lost",
    "no killed",
    "caused no casualties",
    "no reported casualties",
    "no casualty",
    "without causing casualties",
    "without fatalities",
    "no one was harmed",
    "nobody was hurt",
    "nobody was injured",
    "no human casualties",
    "no fatality",
    "no death",
    "no one killed",
    "none were killed",
    "no one was wounded",
)
NEGATORS = frozenset({"not", "no", "never", "n't", "without", "neither", "nor", "nobody", "none"})
FAILED = frozenset({"foiled", "thwarted", "averted", "prevented", "foil", "thwart", "avert"})
# Modality.
FORECAST_MODALS = frozenset({"could", "might", "may", "would", "will", "shall", "'ll", "can"})
# Possibility, not plan: an analyst's warning, coded as an assessment, not as an event.
SPECULATIVE_MODALS = frozenset(("could", "might", "may", "would", "can"))
FORECAST_VERBS = """
expect plan intend prepare risk fear predict anticipate likely schedule set due
"""
FUTURE_WORDS = ("next", "upcoming", "coming", "later this", "in the coming", "forthcoming")
RECOMMEND_VERBS = """
call urge recommend appeal exhort suggest advocate encourage stress propose implore plead
"""
RECOMMEND_PHRASES = (
    "called for",
    "calls for",
    "call for",
    "called on",
    "calls on",
    "call on",
    "stressed the importance",
    "should",
    "ought to",
)
SAY_VERBS = """
say claim state announce report affirm assert tell allege indicate confirm add explain insist
write post publish accord according acknowledge admit boast
"""
CLAIM_VERBS = frozenset({"claim", "boast"})
UNVERIFIED = (
    "could not be verified",
    "could not be independently verified",
    "not be confirmed",
    "no independent source",
    "unverified",
    "did not address the claim",
    "could not be confirmed",
    "not independently verified",
)
DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "contest", "disown"})
THREAT_VERBS = frozenset({"threaten", "vow", "promise", "pledge", "swear"})
RECALL_WORDS = frozenset(
    {
        "recall",
        "remind",
        "recollect",
        "previously",
        "formerly",
        "earlier",
        "once",
        "reminiscent",
        "echo",
        "anniversary",
    }
)
RECALL_PHRASES = (
    "back in",
    "in the past",
    "years ago",
    "the previous",
    "last year",
    "a year ago",
    "months ago",
    "reminded of",
    "recalls the",
    "recalled the",
)
SUBORDINATORS = frozenset(
    {"after", "following", "since", "before", "prior", "until", "amid", "when", "as"}
)
# Verbs whose object is what a protest is about ("denounced the killings"), not the protest.
TOPIC_VERBS = """
denounce condemn protest demand decry demonstrate march rally call mourn commemorate oppose
support express claim seek request against over solidarity for about
"""
BACKGROUND_SUBORDINATORS = frozenset({"after", "following", "before", "prior"})
# Verbs whose object is a standing situation, not an event ("facing attacks").
GENERIC_VERBS = """
face suffer endure risk experience fear combat fight prevent counter tackle curb stop avoid flee
escape denounce condemn investigate document monitor
"""
# Modifiers that make an event word generic ("similar attacks", "repeated raids").
GENERIC_MODIFIERS = frozenset(
    (
        "similar",
        "such",
        "frequent",
        "repeated",
        "regular",
        "recurrent",
        "recurring",
        "occasional",
        "sporadic",
        "possible",
        "potential",
        "future",
        "further",
        "any",
        "every",
        "each",
        "daily",
        "weekly",
        "common",
        "routine",
    )
)
# "Sporadic" fire or fighting went on by bursts during the event ("sporadic fighting continued
# into Saturday", "sporadic gunfire was reported around the square"): an event, not a habit.
GENERIC_MODIFIERS -= frozenset(("sporadic",))
# Auxiliaries of the present perfect: an undated event that "has" happened is recent.
PERFECT_AUXILIARIES = frozenset(("has", "have", "'ve", "'s"))
# Verbs that name who did an event told elsewhere ("officials *blamed* ISSP", "JNIM *claimed* it").
ATTRIBUTION_VERBS = frozenset(
    {
        "attribute",
        "blame",
        "claim",
        "accuse",
        "suspect",
        "implicate",
        "hallmark",
        "responsible",
        "ascribe",
    }
)
# Who witnesses or officials say the doers were ("witnesses *described* the attackers as
# Janjaweed", "the assailants were *identified* as ISGS militants").
ATTRIBUTION_VERBS = ATTRIBUTION_VERBS | frozenset({"describe", "identify"})
# Words that make what follows habitual or hypothetical, not an event.
GENERIC_PHRASES = (
    "every time",
    "each time",
    "whenever",
    "in case of",
    "in the event of",
    "in case",
    "if ",
)
# Nouns a weapon word may modify and still be an event ("artillery *fire*", "IED *attack*").
EVENT_NOUNS = frozenset(
    (
        "fire",
        "attack",
        "attacks",
        "strike",
        "strikes",
        "round",
        "rounds",
        "barrage",
        "raid",
        "explosion",
        "blast",
        "bombardment",
        "operation",
        "incident",
        "ambush",
        "assault",
        "fighting",
        "violence",
    )
)
DEFINITE = frozenset({"the", "this", "these", "that", "those", "its", "their", "his", "her"})
NEW_EVENT = """
another second separate separately new further other third earlier later previous subsequent
similar
"""
# What an attack was aimed at, when no actor is named.
CIVILIAN_TARGETS = """
village villages hamlet hamlets market markets school schools church churches mosque mosques
home homes house houses residence residences shop shops bus buses farm farms field fields well
wells wedding funeral hospital clinic dispensary household households locality localities
settlement settlements community neighbourhood neighborhood quarter town towns city compound
vehicle vehicles car cars truck trucks motorbike motorbikes passenger shrine granary granaries
site sites camp_of_displaced ngo office offices bar bars restaurant hotel worshippers mine
civilian civilians people person persons individual individuals man men woman women child
children minor minors boy boys girl girls villager villagers resident residents farmer farmers
herder herders trader traders merchant merchants shepherd shepherds passenger passengers driver
drivers teacher teachers student students pupil pupils journalist journalists imam imams
worker workers elder elders family families pastoralist pastoralists employee employees miner
miners traveller travellers traveler travelers fisherman fishermen pilgrim pilgrims
"""
ARMED_TARGETS = """
position positions post posts base bases camp camps barracks checkpoint checkpoints patrol
patrols convoy convoys garrison garrisons outpost outposts unit units detachment detachments
brigade brigades station stations gendarmerie headquarters column columns escort escorts
military army troops soldiers fob airport airbase
"""
CIVILIAN_MODIFIERS = """
refugee displaced idp idps displacement civilian aid humanitarian commercial passenger transport
supply mining gold fishing public private company
"""
ARMED_MODIFIERS = """
military army police gendarmerie security escorted armoured armored troop patrol un minusma
peacekeeping peacekeepers soldiers fama customs gendarme militia rebel
"""
# "presumed JNIM militants attacked": words the parser may take for the main verb.
HEDGES = frozenset(
    [
        "presumed",
        "suspected",
        "alleged",
        "reported",
        "believed",
        "purported",
        "supposed",
        "presumably",
        "allegedly",
        "reportedly",
        "likely",
        "probably",
        "possibly",
        "assumed",
    ]
)
# "the attackers are *thought* to be JNIM militants": a hedge before what the doers were.
HEDGES = HEDGES | frozenset({"thought"})
# "al-Qaeda-linked X": the first name only qualifies the second.
AFFILIATION_WORDS = """
linked affiliated allied aligned loyal inspired related leaning led dominated run controlled
"""
BACKING_WORDS = frozenset(
    {
        "backed",
        "supported",
        "assisted",
        "accompanied",
        "aided",
        "alongside",
        "escorted",
        "helped",
        "reinforced",
        "support",
    }
)
# Parts of a count that are already counted ("17 killed, including four children").
SUBSET_WORDS = frozenset(
    {"including", "among", "of", "whom", "incl", "notably", "mostly", "mainly", "included"}
)
TOTAL_WORDS = frozenset(
    {"toll", "total", "risen", "rose", "bringing", "altogether", "overall", "all", "cumulative"}
)
# Words that say a count is an attacker's or a victim's side: both count.
# Time words.
TIME = {
    "since the beginning of the month": "month_to_date",
    "since the start of the month": "month_to_date",
    "at the beginning of the month": "month_to_date", "earlier this month": "month_to_date",
    "yesterday": "yesterday", "today": "today", "tonight": "today", "this morning": "today",
    "this afternoon": "today", "this evening": "today", "last night": "yesterday",
    "overnight": "yesterday", "the day before": "day_before", "the previous day": "day_before",
    "the following day": "day_after", "the next day": "day_after", "the day after": "day_after",
    "last week": "last_week", "this week": "this_week", "earlier this week": "this_week",
    "last month": "last_month", "this month": "this_month",
    "next week": "next_week", "next month": "next_month", "last year": "last_year",
    "this year": "this_year", "earlier this year": "this_year", "next year": "next_year",
    "the previous week": "last_week", "the past week": "past_week", "in the past week": "past_week",
    "in recent days": "recent_days", "in recent weeks": "recent_weeks",
    "in recent months": "recent_months", "in the past few months": "recent_months",
    "in the past few weeks": "recent_weeks", "over the past few months": "recent_months",
    "over recent months": "recent_months", "in recent years": "recent_years",
    "recently": "recent_weeks", "since then": "since_then", "the same day": "same_day",
    "that day": "same_day", "the same night": "same_day", "earlier in the day": "same_day",
    "later that day": "same_day", "later in the day": "same_day",
    "this weekend": "weekend", "at the weekend": "weekend", "over the weekend": "weekend",
    "during the weekend": "weekend", "on the weekend": "weekend", "last weekend": "last_weekend",
    "this week-end": "weekend", "over the week-end": "weekend", "last week-end": "last_weekend",
}  # fmt: skip
# Words of date expressions (see extract/dates.py for how they combine).
DATE_WORDS = {
    "article": ("the",),  # before the second day of a span: "entre le 12 et le 14 août"
    "on": ("on", "on or around", "around", "on or about", "about"),
    "in": ("in", "during", "throughout", "by"),
    "since": ("since", "from", "starting", "beginning"),
    "early": ("early", "beginning of", "the beginning of", "the start of", "start of",
              "the first days of", "the first week of", "the first half of"),
    "mid": ("mid", "mid-", "the middle of", "middle of"),
    "late": ("late", "end of", "the end of", "the last days of", "the last week of",
             "the second half of"),
    "last": ("last", "past"),
    "this": ("this",),
    "next": ("next", "coming"),
    "night": ("overnight from", "in the night of", "the night of", "the night from",
              "overnight between", "between", "from"),
    "to": ("to", "and", "into"),
    "ago": ("ago",),
    "past": ("over the past", "in the past", "over the last", "in the last", "during the past",
             "during the last", "for the past", "for the last"),
    "day": ("day", "days"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
    "year": ("year", "years"),
}  # fmt: skip
# Disease names, as the coder records them.
DISEASES = {
    "cholera": "cholera", "measles": "measles", "malaria": "malaria", "diphtheria": "diphtheria",
    "meningitis": "meningitis", "dengue": "dengue", "mpox": "mpox", "monkeypox": "mpox",
    "hepatitis": "hepatitis", "polio": "polio", "poliomyelitis": "polio", "ebola": "ebola",
    "lassa": "lassa fever", "anthrax": "anthrax", "covid-19": "covid-19", "covid": "covid-19",
    "coronavirus": "covid-19", "typhoid": "typhoid", "chikungunya": "chikungunya",
    "plague": "plague", "rabies": "rabies", "pertussis": "pertussis", "marburg": "marburg",
    "zika": "zika", "tuberculosis": "tuberculosis", "leishmaniasis": "leishmaniasis",
}  # fmt: skip
WARN_VERBS = frozenset({"warn", "caution", "alert", "fear", "worry", "predict", "risk"})
ESCALATION_WORDS = (
    "escalat",
    "confrontation",
    "conflict",
    "war",
    "crisis",
    "violence",
    "clash",
    "disrupt",
    "destabili",
    "chaos",
    "exploit",
    "spill",
    "deteriorat",
    "tension",
    "famine",
    "collapse",
    "deaths",
    "spread",
)
ISSUER_WORDS = """
analysts analyst economists economist researcher researchers experts expert report observers
groups organisations organizations partners agencies association associations coalition
lawmakers officials spokesman spokeswoman spokesperson commission
"""
# "*anti*-Gaddafi protesters": a name after these (and a hyphen) is what a crowd or group opposes,
# not who acts ("pro-X fighters" are X's own forces, so "pro" is not here).
STANCE_WORDS = "anti"
# Participles that tell the next part of one event, not a participant: "a car bomb *followed*
# by an armed assault".
SEQUENCE_VERBS = "follow precede"
# Weapons that make fighting people armed sides ("villagers clashed with machetes"): a battle.
CROWD_WEAPONS = (
    "machete", "machetes", "firearm", "firearms", "blade weapons", "bladed weapons", "guns",
    "rifles", "shotguns", "hunting rifles", "bows and arrows", "spears",
)  # fmt: skip
# Organised sides ("two student *factions*", "*rival* groups"): armed, they fight a battle.
FACTION_WORDS = "faction factions rival rivals"
# What a party withdraws from when it leaves an agreement (matched inside words: "accords").
AGREEMENT_WORDS = "agreement accord treaty mediation charter"
# Words that count one: "*a* farmer", "*one* man" is not a crowd.
SINGULAR_WORDS = "a an one"
# Words of a mutiny: soldiers told "as part of their *mutiny*" are mutineers.
MUTINY_WORDS = "mutiny mutinies mutineer mutineers mutinous mutinying mutinied"
# Words of an epidemic: a curfew or a lockdown against one is a health measure (Other), not a
# change of armed activity.
EPIDEMIC_WORDS = "epidemic pandemic coronavirus covid covid-19 ebola health sanitary"
# Lemmas of a trigger that tells soldiers taking power ("the army *seized power*", "a *coup*"):
# ACLED names soldiers who do so "Mutiny of Military Forces of {country}".
COUP_WORDS = "coup putsch overthrow oust topple power"
# Who a report is told by: the force that names them is no side ("*military* sources said").
SOURCE_WORDS = "source sources"
# The preposition of a noun's complement: "fighters *of* ISGS" are ISGS, "a convoy *of*
# soldiers" is armed.
OF_WORDS = "of"
# The preposition of a passive verb's or an event noun's doer: "killed *by* gunmen", "an attack
# *by* JNIM".
AGENT_WORDS = "by"
# Prepositions whose noun is what an event aims at: "an attack *on* the camp", "fired *at*
# soldiers", "the killing *of* two herders" (and, for nouns, "an attack *in* Gao" is no target
# of a verb).
AIM_WORDS = "on against at upon into targeting of in"
# Verbs that carry out an event noun, whose subject is the event's doer: "JNIM *carried out* an
# attack", "ISGS *claimed* the ambush".
DO_VERBS = (
    "carry launch conduct stage perpetrate commit claim mount lead execute organize organise "
    "hold begin start complete continue resume undertake deal inflict"
)
# Relative pronouns that stand for the noun before them: "gunmen *who* attacked".
RELATIVE_WORDS = "who which that"
# Words that put a verb before the action it ends: "set fire to stalls *before* leaving"; leaving
# so is the last step of that event, not a withdrawal of its own.
BEFORE_WORDS = "before"

# After "before", the start of a clause with no finite verb ("avant *d'*incendier"): the
# same doers going on, not another time. English marks it by the -ing form ("before setting").
NONFINITE_MARKS = ""
# Words of a reprisal and the links before what it answers: "killed two herders *in
# retaliation for* an attack on the army": that earlier attack, and whom it hit, is not this
# event's (the links are prepositions, or the object of a verb: "to *avenge* the soldiers").
REPRISAL_WORDS = "response reaction retaliation reprisal reprisals revenge retaliate avenge"
REPRISAL_LINKS = "for to over dobj obj"
# Men under arms named by their post, not by a force: "gunmen shot dead *a guard*", "killed a
# *ranger*": an armed target.
ARMED_PEOPLE = """
guard guards guardsman guardsmen bodyguard bodyguards ranger rangers militiaman militiamen
commander commanders gendarme gendarmes policeman policemen
"""
# People taken into custody and handed over: "*the suspects* were handed over to the police" is
# no transfer of territory (lemmas, with the armed men above).
HANDED_PEOPLE = """
suspect assailant attacker gunman bandit thief robber prisoner detainee hostage captive
individual man woman child person people youth body corpse deserter
"""
# Armed foes one fights ("fought *the insurgents*"): with them 'fight' tells fighting, not a
# cause ("fight poverty"). Lemmas.
ARMED_FOES = """
rebel jihadist terrorist insurgent militant bandit assailant attacker gunman fighter enemy
"""
# Words of explosive devices held, found or made safe, not set off: "seized arms and *IEDs*",
# "a militant *equipped with* an IED", "*defused* a mine", "IED-*making* material". Lemmas.
HELD_DEVICE_WORDS = """
seize recover confiscate find discover uncover defuse dismantle deactivate disarm clear
neutralize neutralise equip possess possession carry cache stockpile making material materials
"""
# Civilian work done for a force or a mission: "a *police* interpreter", "a MINUSMA
# contractor" are civilians, whoever they work for.
CIVILIAN_ROLES = """
contractor contractors interpreter interpreters translator translators nurse nurses doctor
doctors employee employees staff worker workers
"""

# --- Sides of an event (who did it, who was hit) ---
# The preposition between an armed group's generic noun and the group it belongs to:
# "fighters *from* the Ansar Dine group", "militants *of* JNIM" are that group.
MEMBER_WORDS = "of from"
# Places and things hit that never act: "FAMa *checkpoint* attacked at dawn" (the checkpoint
# was attacked, with no "was"), not an attack the checkpoint made.
TARGET_PLACES = """
position positions post posts base bases camp camps barracks checkpoint checkpoints garrison
garrisons outpost outposts station stations headquarters airport airbase village villages
hamlet hamlets market markets school schools church churches mosque mosques home homes house
houses residence residences shop shops farm farms compound vehicle vehicles car cars truck
trucks motorbike motorbikes bus buses hotel office offices site sites
"""
# Prepositions before the event a toll fell in: "killed *during* a NATO strike", "*in* an
# ambush by JNIM": who made that event made the toll.
DURING_WORDS = "in during amid"
# Types: an operation told as a search ("combing operations") is no fighting: an air strike told
# with it stays the air strike.
SEARCH_WORDS = "combing clearing mopping-up mop-up sweep sweeps search searches"

# --- Communities that fight (ACLED's communal militias) ---
# The people of a place who attack or fight do so as its communal militia ("*villagers* from
# Boundo attacked fishermen": Boundo Communal Militia), not as civilians.
COMMUNITY_WORDS = """
villagers villager youths youth residents inhabitants locals population community communities
"""
# The words that tie a community to its place: "villagers *from* Boundo", "youths *in* Salmossi".
HOME_WORDS = "from of in"
# Violence told as between communities, with no one named: its sides are communal militias
# ("*intercommunal* clashes left three dead").
INTERCOMMUNAL_WORDS = "intercommunal inter-communal communal intercommunity inter-community"
# The nouns of an area between a community and its place: "villagers in the *area* of Lamana".
HOME_AREAS = "area village town locality commune zone hamlet vicinity outskirts"
# What makes a self-defense group a village's own: "*village* self-defense", "*local*
# vigilantes" (its communal militia, named after the village).
VILLAGE_WORDS = "village villages local"
# --- Events told in general (samples) ---
# --- Events told in general, others told apart (samples) ---
# Words that make the event noun after them a kind of thing, not one event: "this *kind of*
# attack".
KIND_WORDS = "kind kinds type types sort sorts"
# Phrases that set the people of a clause apart from those told before: "Senegalese nationals,
# *for their part*, were sent back" tells another expulsion.
CONTRAST_PHRASES = ("for their part", "for its part", "as for ")
# Prepositions that make an arrival a moment of something else: "water handed out *on*
# arrival".
MOMENT_WORDS = "on upon"
# Phrases that make the campaign after them the frame of something else: "returns supervised
# by the army *as part of* the recapture of the territory".
FRAME_PHRASES = ("as part of", "in the framework of", "within the framework of")

# --- Armed targets, more (targets.py) ---
# Ranks and posts of men under arms, named without their force: "wounded *the officer* on
# duty", "abducted *a sergeant*" hit an armed man.
ARMED_RANKS = """
officer officers sub-officer sub-officers sergeant sergeants corporal corporals lieutenant
lieutenants captain captains colonel colonels
"""
# Words that make a target armed when they qualify it: "a *forest* agent" (forest guards are
# armed), "the *garrison* town".
ARMED_QUALIFIERS = "forest forests forestry garrison"
# The verbs that say what the people hit were: "three people *described* as militiamen" are
# armed men (not "suspected", "accused": a charge against civilians).
DESCRIBED_WORDS = "describe identify present"
# Verbs of harm that always take an object: with none, a terse report's passive, whatever
# the tagger says ("Policeman *wounded* after gunmen seized his car": the policeman was hit).
TERSE_PASSIVES = "kill wound injure abduct kidnap execute assassinate behead shoot"
# Armed men hit at home were off duty: civilians for ACLED ("a gendarme shot *at his home*").
AT_HOME = frozenset(
    {"at his home", "in his home", "at his house", "in his house", "at his residence",
     "in his residence", "at their home", "in their home", "at their homes", "in their homes"}
)  # fmt: skip

# --- Event types, more (crowds.py) ---
# Words of a work stoppage: a strike with no one gathering ("teachers began observing a
# 72-hour *strike*") is, for ACLED, no protest but a strategic development (Other).
STRIKE_WORDS = "strike strikes striker strikers"
# What makes a strike a protest of its own: "a *hunger* strike", strikers who "*blocked* the
# road" or "*occupied* the mine".
PROTEST_STRIKES = """
hunger blocked blocking barricaded occupied occupying picket march marched marching gathered
gathering camping sit-in demonstrated demonstration protested rally rallied
"""
# Words of setting captives free: "freed *two hostages* kidnapped in 2011", "*the hostage taken by*
# JNIM was released": the people freed are named by their earlier abduction, which is no event.
RELEASE_VERBS = "release free liberate"
# Words that tell a release as the next step of one story ("abducted and *later* released").
LATER_WORDS = "later subsequently then eventually afterwards"
# Words of aircraft: a strike they carry out is an air strike ("French *aircraft* of Operation
# Barkhane carried out a strike that hit a hut", "*jets* of the coalition struck the camp").
AIRCRAFT_WORDS = """
aircraft aircrafts warplane warplanes jet jets helicopter helicopters plane planes drone drones
gunship gunships aviation
"""

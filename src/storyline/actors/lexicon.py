"""Word lists of general news language used to recognize and code actors.

Nothing here names a particular person, country or organization: these are
titles, role nouns, reporting verbs and the common head words of group and
organization names, in English and in the languages news transliterates
group names from (Arabic "Jaish" = army, Spanish "Frente" = front).
"""

from __future__ import annotations

__all__ = [
    "ARMED_WORDS",
    "BODY_HEADS",
    "COMPANY_CUES",
    "COMPANY_SUFFIXES",
    "CREDIT_WORDS",
    "GOV_HEADS",
    "GROUP_WORDS",
    "HONORIFICS",
    "KIN_WORDS",
    "MILITARY_HEADS",
    "MODAL_STARTS",
    "NAME_PARTICLES",
    "NEWS_AGENCIES",
    "NON_ACTOR_HEADS",
    "OPPOSITION_HEADS",
    "ORG_WORDS",
    "PLACE_PREPS",
    "ROLE_HEADS",
    "ROLE_MODIFIERS",
]

#: Courtesy titles dropped from a person's name ("Mr. Putin").
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. rev rev. sheikh sheik monsieur madame herr".split()
)

#: Nouns that name an office or a job; the head of a title ("Prime Minister", "spokesman").
ROLE_HEADS = frozenset(
    """
    president president-elect vice-president premier chancellor minister secretary secretary-general
    spokesman spokeswoman spokesperson envoy ambassador emissary diplomat negotiator
    senator sen. sen congressman congresswoman representative rep. lawmaker legislator mp deputy
    governor gov. gov mayor king queen prince princess emir emperor sultan monarch pope ayatollah cardinal archbishop bishop imam
    general gen. gen admiral colonel col. lieutenant lt. major commander marshal sergeant captain capt.
    chief ceo cfo coo cto chairman chairwoman chair director head leader founder co-founder owner executive
    judge justice prosecutor attorney lawyer counsel magistrate sheriff
    coach manager striker midfielder defender goalkeeper quarterback pitcher forward guard player champion
    professor researcher scientist economist analyst author novelist actor actress singer rapper editor
    correspondent reporter columnist commissioner official aide adviser advisor strategist
    candidate nominee challenger incumbent speaker chairperson treasurer inspector superintendent
    """.split()
)

#: Words that modify a role head inside a title ("Foreign Minister", "deputy prime minister").
ROLE_MODIFIERS = frozenset(
    """
    prime foreign defense defence finance interior justice health economy economic trade energy home
    deputy vice former acting interim chief executive general state labor labour education environment
    agriculture transport culture information intelligence security oil industry commerce
    senior top assistant associate principal managing co head lead supreme grand crown
    attorney solicitor district federal national regional provincial foreign-affairs
    of the for and
    """.split()
)

#: Relatives: "his father, Hafez al-Assad" introduces a second, different person.
KIN_WORDS = frozenset(
    "father mother son daughter brother sister wife husband uncle aunt cousin nephew niece grandfather grandmother widow predecessor successor".split()
)

#: Heads of noun phrases that stand for a country's government ("the Syrian regime").
GOV_HEADS = frozenset("government regime administration authorities leadership cabinet junta".split())

#: Heads that stand for a country's armed forces ("Russian forces").
MILITARY_HEADS = frozenset("forces troops military army navy soldiers airstrikes jets warplanes".split())

#: Heads of state bodies that belong to a country ("the Defense Ministry").
BODY_HEADS = frozenset(
    "ministry department parliament legislature senate assembly council police agency bank court commission office".split()
)

#: Heads of phrases naming opposition or rebel groups.
OPPOSITION_HEADS = frozenset("opposition rebel rebels insurgents insurgency rebellion".split())

#: Words inside a name that make it a group, not a person ("Jaish al-Islam", "Shining Path Front").
GROUP_WORDS = frozenset(
    """
    front army brigade brigades battalion battalions militia militias movement party faction forces guard guards
    legion corps coalition alliance rebels jaish jabhat jabha harakat harakat ahrar ansar
    liwa kataib katibat hizb hayat hay'at tahrir jund saraya faylaq fatah asaib tanzim frente movimiento partido
    ejercito ejército parti mouvement partei bewegung fronte
    """.split()
)

#: Of those, words of armed groups.
ARMED_WORDS = frozenset(
    "army brigade brigades battalion battalions militia militias forces guard guards legion corps jaish liwa kataib katibat jund saraya faylaq ejercito ejército front jabhat ahrar".split()
)

#: Head words of organization names.
ORG_WORDS = frozenset(
    """
    group company corporation corp corp. inc inc. ltd ltd. llc plc co co. holdings bank airlines airways motors
    university college institute school hospital foundation fund agency organization organisation association
    council committee commission ministry department board authority service services network club team
    court tribunal union federation league party news times post journal press herald tribune gazette
    united fc cf rovers athletic wanderers hotspur
    """.split()
)

#: Suffixes that make a name a company ("Acme Corp").
COMPANY_SUFFIXES = frozenset("inc inc. corp corp. corporation ltd ltd. llc plc co co. ag sa gmbh nv bv holdings".split())

#: Nouns next to a name that show it is a company ("Ford's shares", "Dell chief executive").
COMPANY_CUES = frozenset(
    "shares stock stocks profit profits revenue revenues earnings sales customers employees workers ceo shareholders investors headquarters subsidiary brand products".split()
)

#: Wire and photo agencies: they credit and report, they are not actors of the story.
NEWS_AGENCIES = frozenset(
    ["ap", "associated press", "reuters", "afp", "agence france presse", "getty images", "getty", "epa", "upi", "sputnik", "tass", "xinhua", "ansa", "dpa", "efe", "shutterstock", "ap photo", "pool"]
)

#: Heads of names that are events, texts or plans rather than actors.
NON_ACTOR_HEADS = frozenset(
    """
    talks agreement agreements accord accords treaty deal conference summit resolution war wars crisis protocol
    act law bill plan policy doctrine process initiative program programme strategy games cup championship
    olympics election elections campaign referendum day week month year era revolution spring
    """.split()
)

#: Prepositions that make a capital a place rather than an agent ("a meeting in Moscow").
PLACE_PREPS = frozenset("in at near to into outside inside across around via through toward towards".split())

#: Question openers that spaCy may glue to a following name ("3) Will Assad compromise?").
MODAL_STARTS = frozenset("will would can could should shall may might must did does do is are was were has have had".split())

#: Particles inside personal names ("al-Assad", "van Gogh", "de Gaulle").
NAME_PARTICLES = frozenset("al el al- el- bin ibn ben van von der den de da di du le la dos das del della ter ten".split())

#: Words of a photo credit line ("Name/Agency, Pool Photo via AP").
CREDIT_WORDS = frozenset("photo photos photograph photographer pool via getty images afp reuters ap epa credit courtesy".split())

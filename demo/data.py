"""Places, providers and wording for the Lewisham demo directory. Pure data: no Django imports.

Venue and organisation names are invented (some deliberately echo local place names, as real
organisations do). Streets are real Lewisham streets; the inward halves of the postcodes are
made up, so they only geocode through the demo postcode table shipped in ``data/postcodes.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Slugs of the default levels of need (directory.vocabulary_defaults.LEVELS_OF_NEED).
UNIVERSAL = "universal"
UNIVERSAL_PLUS = "universal-plus"
TARGETED = "targeted"
SPECIALIST = "specialist"
LEVEL_SLUGS = (UNIVERSAL, UNIVERSAL_PLUS, TARGETED, SPECIALIST)

CITY = "London"
AREA_NAME = "Lewisham"


@dataclass(frozen=True)
class Venue:
    """A building where services are delivered."""

    key: str
    name: str
    street: str
    area: str  # the neighbourhood families would call it, used in service titles
    postcode: str
    kinds: str  # space-separated: hub health youth school community advice sport

    @property
    def kind_set(self) -> frozenset[str]:
        return frozenset(self.kinds.split())


@dataclass(frozen=True)
class Provider:
    """A fictional organisation that runs (or commissions) services."""

    key: str
    name: str
    kind: str  # council, nhs, charity, community group, school, social enterprise, business
    domain: str  # email and web addresses live under <domain>.example.org
    description: str
    commissioner: bool = False


def _v(key: str, name: str, street: str, area: str, postcode: str, kinds: str) -> Venue:
    return Venue(key, name, street, area, postcode, kinds)


VENUES: tuple[Venue, ...] = (
    # SE13: Lewisham, Ladywell, Hither Green
    _v("lewisham-hub", "Lewisham Central Family Hub", "12 Clarendon Rise", "Lewisham",
       "SE13 5EY", "hub"),
    _v("ladywell-cc", "Ladywell Village Children's Centre", "48 Ladywell Road", "Ladywell",
       "SE13 7UW", "hub"),
    _v("hither-green-rooms", "Hither Green Community Rooms", "103 Hither Green Lane",
       "Hither Green", "SE13 6QA", "community"),
    _v("loampit-youth", "Loampit Youth Centre", "5 Loampit Vale", "Lewisham", "SE13 7SN",
       "youth"),
    _v("riverdale-health", "Riverdale Health Centre", "1 Molesworth Street", "Lewisham",
       "SE13 7EP", "health"),
    _v("ladywell-fields-school", "Ladywell Fields Primary School", "Malyons Road", "Ladywell",
       "SE13 7XG", "school"),
    _v("st-aidans", "St Aidan's Church Hall", "27 Albion Way", "Lewisham", "SE13 6BT",
       "community"),
    _v("lewisham-advice-shop", "Lewisham Advice Shop", "94 Lee High Road", "Lewisham",
       "SE13 5PT", "advice"),
    _v("hilly-fields-pavilion", "Hilly Fields Pavilion", "Vicars Hill", "Ladywell", "SE13 7JJ",
       "sport"),
    _v("hither-green-clinic", "Hither Green Clinic", "2 Springbank Road", "Hither Green",
       "SE13 6SS", "health"),
    # SE6: Catford, Bellingham, Rushey Green
    _v("rushey-green-hub", "Rushey Green Family Hub", "211 Rushey Green", "Catford", "SE6 4BD",
       "hub"),
    _v("catford-broadway-cc", "Catford Broadway Community Centre", "32 Catford Broadway",
       "Catford", "SE6 4SP", "community advice"),
    _v("bellingham-hub", "Bellingham Family Hub", "61 Randlesdown Road", "Bellingham",
       "SE6 3BT", "hub"),
    _v("bellingham-youth", "Bellingham Youth and Sports Centre", "24 Fordmill Road",
       "Bellingham", "SE6 3JP", "youth sport"),
    _v("catford-annexe", "Catford Civic Annexe", "1 Canadian Avenue", "Catford", "SE6 3AU",
       "advice"),
    _v("southend-lane-cc", "Southend Lane Children's Centre", "144 Southend Lane", "Bellingham",
       "SE6 3DN", "hub"),
    _v("perry-hill-hall", "Perry Hill Community Hall", "67 Perry Hill", "Catford", "SE6 4LF",
       "community"),
    _v("catford-health", "Catford Health and Wellbeing Centre", "2 Holbeach Road", "Catford",
       "SE6 4TS", "health"),
    _v("forster-park-pavilion", "Forster Park Pavilion", "Boundfield Road", "Catford",
       "SE6 1PU", "sport"),
    _v("blythe-hill-pavilion", "Blythe Hill Fields Pavilion", "Blythe Hill", "Catford",
       "SE6 4UJ", "sport"),
    _v("culverley-school", "Culverley Green Primary School", "Culverley Road", "Catford",
       "SE6 2LA", "school"),
    # SE8: Deptford
    _v("deptford-hub", "Deptford Family Hub", "76 Deptford High Street", "Deptford", "SE8 4RT",
       "hub"),
    _v("evelyn-cc", "Evelyn Community Centre", "180 Evelyn Street", "Deptford", "SE8 5DD",
       "community advice"),
    _v("pepys-youth", "Pepys Youth Hub", "Grove Street", "Deptford", "SE8 3QZ", "youth"),
    _v("creekside-health", "Creekside Health Centre", "12 Creek Road", "Deptford", "SE8 3BU",
       "health"),
    _v("frankham-kitchen", "Frankham Street Community Kitchen", "9 Frankham Street", "Deptford",
       "SE8 4RN", "community"),
    _v("childers-school", "Childers Street Primary School", "Childers Street", "Deptford",
       "SE8 5JR", "school"),
    _v("tanners-hill-hall", "Tanners Hill Hall", "15 Tanners Hill", "Deptford", "SE8 4PJ",
       "community"),
    _v("albury-studios", "Albury Street Studios", "22 Albury Street", "Deptford", "SE8 3PT",
       "community"),
    # SE14: New Cross, Telegraph Hill
    _v("new-cross-hub", "New Cross Family Hub", "283 New Cross Road", "New Cross", "SE14 6AS",
       "hub"),
    _v("new-cross-learning", "New Cross Learning Centre", "Besson Street", "New Cross",
       "SE14 5AE", "advice community"),
    _v("telegraph-hill-hall", "Telegraph Hill Community Hall", "Kitto Road", "Telegraph Hill",
       "SE14 5TY", "community"),
    _v("amersham-youth", "Amersham Vale Youth Club", "Amersham Vale", "New Cross", "SE14 6LE",
       "youth"),
    _v("hatcham-clinic", "Hatcham Clinic", "40 Hatcham Park Road", "New Cross", "SE14 5QD",
       "health"),
    _v("batavia-sports", "Batavia Road Sports Hall", "Batavia Road", "New Cross", "SE14 6AX",
       "sport youth"),
    _v("clifton-rise-cc", "Clifton Rise Community Centre", "Clifton Rise", "New Cross",
       "SE14 6ER", "community"),
    _v("monson-school", "Monson Road Primary School", "Monson Road", "New Cross", "SE14 5EQ",
       "school"),
    # SE4: Brockley, Crofton Park
    _v("brockley-hub", "Brockley Family Hub", "210 Brockley Road", "Brockley", "SE4 2RN", "hub"),
    _v("crofton-park-rooms", "Crofton Park Community Rooms", "375 Brockley Road",
       "Crofton Park", "SE4 2AG", "community"),
    _v("brockley-cross-clinic", "Brockley Cross Clinic", "Coulgate Street", "Brockley",
       "SE4 2RW", "health"),
    _v("foxberry-hall", "Foxberry Road Hall", "Foxberry Road", "Brockley", "SE4 2SS",
       "community"),
    _v("adelaide-school", "Adelaide Avenue Primary School", "Adelaide Avenue", "Brockley",
       "SE4 1YR", "school"),
    _v("ewhurst-youth", "Ewhurst Road Youth Shed", "Ewhurst Road", "Crofton Park", "SE4 1AJ",
       "youth"),
    _v("wickham-hall", "Wickham Road Hall", "42 Wickham Road", "Brockley", "SE4 1LS",
       "community"),
    # SE23: Forest Hill, Honor Oak
    _v("forest-hill-hub", "Forest Hill Family Hub", "117 Dartmouth Road", "Forest Hill",
       "SE23 3HZ", "hub"),
    _v("honor-oak-hall", "Honor Oak Park Hall", "50 Honor Oak Park", "Honor Oak", "SE23 1DY",
       "community"),
    _v("perry-vale-cc", "Perry Vale Children's Centre", "Perry Vale", "Forest Hill", "SE23 2NE",
       "hub"),
    _v("stanstead-health", "Stanstead Road Health Centre", "Stanstead Road", "Forest Hill",
       "SE23 1HG", "health"),
    _v("sunderland-youth", "Sunderland Road Youth Club", "Sunderland Road", "Forest Hill",
       "SE23 2PS", "youth"),
    _v("forest-hill-carers", "Forest Hill Carers' Rooms", "14 London Road", "Forest Hill",
       "SE23 3TW", "advice community"),
    _v("brockley-rise-hall", "Brockley Rise Methodist Hall", "Brockley Rise", "Honor Oak",
       "SE23 1NB", "community"),
    _v("forest-hill-park-school", "Forest Hill Park School", "Ewelme Road", "Forest Hill",
       "SE23 3BH", "school"),
    # SE26: Sydenham, Bell Green
    _v("sydenham-hub", "Sydenham Family Hub", "212 Sydenham Road", "Sydenham", "SE26 5QX",
       "hub"),
    _v("kirkdale-rooms", "Kirkdale Community Rooms", "88 Kirkdale", "Sydenham", "SE26 4NE",
       "community"),
    _v("mayow-pavilion", "Mayow Park Pavilion", "Mayow Road", "Sydenham", "SE26 4JA", "sport"),
    _v("wells-park-youth", "Wells Park Youth Centre", "Wells Park Road", "Sydenham", "SE26 6JQ",
       "youth"),
    _v("silverdale-health", "Silverdale Health Centre", "Silverdale", "Sydenham", "SE26 4SG",
       "health"),
    _v("bell-green-hall", "Bell Green Community Hall", "Bell Green", "Sydenham", "SE26 4PZ",
       "community"),
    _v("kirkdale-academy", "Kirkdale Academy", "Kent House Road", "Sydenham", "SE26 5LN",
       "school"),
    # SE12: Lee, Grove Park
    _v("lee-hub", "Lee Family Hub", "31 Burnt Ash Hill", "Lee", "SE12 0AJ", "hub"),
    _v("grove-park-hub", "Grove Park Community Hub", "326 Baring Road", "Grove Park",
       "SE12 0JP", "community"),
    _v("chinbrook-cc", "Chinbrook Children's Centre", "Chinbrook Road", "Grove Park",
       "SE12 9TH", "hub"),
    _v("marvels-youth", "Marvels Lane Youth Club", "Marvels Lane", "Grove Park", "SE12 9PR",
       "youth"),
    _v("lee-green-advice", "Lee Green Advice Centre", "8 Eltham Road", "Lee", "SE12 8UE",
       "advice"),
    _v("winn-road-clinic", "Winn Road Clinic", "Winn Road", "Lee", "SE12 9EX", "health"),
    _v("burnt-ash-school", "Burnt Ash Primary School", "Burnt Ash Road", "Lee", "SE12 8RG",
       "school"),
    # SE3: Blackheath (the Lewisham side)
    _v("blackheath-village-hall", "Blackheath Village Hall", "Tranquil Vale", "Blackheath",
       "SE3 0AX", "community"),
    _v("lee-terrace-cc", "Lee Terrace Children's Centre", "Lee Terrace", "Blackheath",
       "SE3 9TZ", "hub"),
    _v("lee-road-rooms", "Lee Road Counselling Rooms", "19 Lee Road", "Blackheath", "SE3 9RQ",
       "health advice"),
    _v("lee-park-hall", "Lee Park Hall", "Lee Park", "Blackheath", "SE3 9HX", "community"),
    # BR1: Downham (the Lewisham part of the Bromley postcode district)
    _v("downham-hub", "Downham Family Hub", "410 Downham Way", "Downham", "BR1 5AB", "hub"),
    _v("moorside-rooms", "Moorside Community Rooms", "Moorside Road", "Downham", "BR1 5EP",
       "community"),
    _v("whitefoot-youth", "Whitefoot Lane Youth Centre", "Whitefoot Lane", "Downham",
       "BR1 5SF", "youth sport"),
    _v("shroffold-cc", "Shroffold Road Children's Centre", "Shroffold Road", "Downham",
       "BR1 5PD", "hub"),
    _v("downham-advice", "Downham Advice Point", "501 Bromley Road", "Downham", "BR1 4PE",
       "advice"),
    _v("capstone-hall", "Capstone Road Hall", "Capstone Road", "Downham", "BR1 5NB",
       "community"),
    _v("downham-health", "Downham Way Health Centre", "Downham Way", "Downham", "BR1 5EW",
       "health"),
)  # fmt: skip

VENUES_BY_KEY = {venue.key: venue for venue in VENUES}

# Residential postcodes with no venue, so families' own postcodes resolve in a demo search.
EXTRA_POSTCODES: tuple[str, ...] = (
    "SE3 0RL", "SE3 9LA", "SE3 9QT",
    "SE4 1DT", "SE4 1HE", "SE4 2LY", "SE4 2PZ",
    "SE6 1JW", "SE6 2NR", "SE6 3HB", "SE6 4AQ", "SE6 4JD", "SE6 4RU",
    "SE8 3LR", "SE8 4AH", "SE8 5BA",
    "SE12 0BU", "SE12 8LD", "SE12 9HA",
    "SE13 5JQ", "SE13 6LH", "SE13 6RA", "SE13 7HY",
    "SE14 5RW", "SE14 6HJ",
    "SE23 1PE", "SE23 2UG", "SE23 3XD",
    "SE26 4BJ", "SE26 5AP", "SE26 6QS",
    "BR1 4LG", "BR1 5DW", "BR1 5HR",
)  # fmt: skip

PROVIDERS: tuple[Provider, ...] = (
    # Commissioners
    Provider(
        "council",
        "Lewisham Council Children and Families",
        "council",
        "lewisham-families",
        "The council's children and families directorate: family hubs, early help, the front "
        "door for children's social care, and the commissioning of family support services.",
        commissioner=True,
    ),
    Provider(
        "public-health",
        "Lewisham Council Public Health",
        "council",
        "lewisham-public-health",
        "Commissions health visiting, school nursing, sexual health, healthy weight and drug "
        "and alcohol services for children, young people and families.",
        commissioner=True,
    ),
    Provider(
        "health-partnership",
        "Ravensbourne Health and Care Partnership",
        "nhs",
        "ravensbourne-hcp",
        "The local NHS partnership that plans and pays for children's community health and "
        "mental health services across the borough.",
        commissioner=True,
    ),
    # NHS-style providers
    Provider(
        "community-health",
        "Ravensbourne Community Health NHS Trust",
        "nhs",
        "ravensbourne-health",
        "Community health services for children and families: health visiting, school "
        "nursing, infant feeding, speech and language therapy and community paediatrics.",
    ),
    Provider(
        "mental-health",
        "Quaggy Valley Mental Health NHS Foundation Trust",
        "nhs",
        "quaggy-valley-mh",
        "Mental health services for children, young people and adults, including CAMHS, "
        "perinatal mental health and talking therapies.",
    ),
    Provider(
        "hospitals",
        "Thameside Hospitals NHS Trust",
        "nhs",
        "thameside-hospitals",
        "Maternity, sexual health and hospital services for south east London.",
    ),
    # Charities
    Provider(
        "family-action",
        "Deptford Creek Family Action",
        "charity",
        "deptfordcreek-family",
        "A local family support charity working across Lewisham since 1987: parenting "
        "courses, young parents' groups, a baby bank and practical help for families.",
    ),
    Provider(
        "harbour-lights",
        "Harbour Lights Domestic Abuse Service",
        "charity",
        "harbour-lights",
        "Specialist support for women, men and children affected by domestic abuse: helpline, "
        "advocacy, groups and safe accommodation.",
    ),
    Provider(
        "young-carers",
        "Open Door Young Carers",
        "charity",
        "opendoor-carers",
        "Support, breaks and a voice for children and young adults who look after someone at home.",
    ),
    Provider(
        "bereavement",
        "Brightside Bereavement Care",
        "charity",
        "brightside-care",
        "Bereavement support for children, young people and families, including after the "
        "loss of a baby.",
    ),
    Provider(
        "money-advice",
        "Pool River Money Advice",
        "charity",
        "poolriver-advice",
        "Free, confidential advice on debt, benefits and budgeting, in community venues and by "
        "phone.",
    ),
    Provider(
        "recovery",
        "Turning Tide Recovery Services",
        "charity",
        "turningtide",
        "Drug and alcohol support for young people, parents and the families around them.",
    ),
    Provider(
        "spectrum",
        "Spectrum Families South London",
        "charity",
        "spectrum-families",
        "Run by parents, for parents of autistic children and children with ADHD: groups, "
        "workshops and a listening ear.",
    ),
    Provider(
        "refugee-welcome",
        "New Cross Refugee Welcome",
        "charity",
        "nx-refugee-welcome",
        "Advice, English classes and friendship for refugee and asylum-seeking families.",
    ),
    Provider(
        "kinship",
        "Kinship Circle London",
        "charity",
        "kinship-circle",
        "Support for grandparents, aunts, uncles, siblings and friends raising a child who "
        "cannot live with their parents.",
    ),
    Provider(
        "homefriends",
        "HomeFriends Lewisham",
        "charity",
        "homefriends-lewisham",
        "Trained volunteers who visit families with young children at home, for friendship "
        "and practical support.",
    ),
    Provider(
        "sydenham-youth",
        "Sydenham Hill Youth Trust",
        "charity",
        "sydenhamhill-youth",
        "Youth clubs, trips and one-to-one support for young people in south Lewisham.",
    ),
    Provider(
        "catford-yp",
        "Catford Young People's Project",
        "charity",
        "catford-ypp",
        "Mentoring, youth clubs and holiday programmes for young people aged 8 to 19.",
    ),
    Provider(
        "play",
        "Forest Hill Play Association",
        "charity",
        "fh-play",
        "Play in parks, a toy library and inclusive holiday play for children of all abilities.",
    ),
    Provider(
        "counselling",
        "Blackheath and Lee Counselling Centre",
        "charity",
        "bl-counselling",
        "Low-cost and free counselling for young people, couples and parents.",
    ),
    Provider(
        "food-network",
        "Ravensbourne Food Network",
        "charity",
        "ravensbourne-food",
        "A network of food banks across the borough, run by volunteers with local churches "
        "and community groups.",
    ),
    Provider(
        "lee-advice",
        "Lee Green Advice Centre",
        "charity",
        "leegreen-advice",
        "Independent advice on welfare benefits, housing, energy bills and employment rights.",
    ),
    Provider(
        "sendiass",
        "Wayfinder SEND Information and Advice Service",
        "charity",
        "wayfinder-send",
        "Impartial information, advice and support about special educational needs and "
        "disabilities for children, young people up to 25, and their parents.",
    ),
    # Community groups, social enterprises and businesses
    Provider(
        "pantry",
        "Kirkdale Community Pantry",
        "community group",
        "kirkdale-pantry",
        "A members' food club: a weekly shop of fresh and store-cupboard food for a small fee.",
    ),
    Provider(
        "downham",
        "Downham Together",
        "community group",
        "downham-together",
        "Residents running activities, a pantry and a homework club on the Downham estate.",
    ),
    Provider(
        "pepys",
        "Pepys Estate Community Association",
        "community group",
        "pepys-community",
        "Tenants and residents on the Pepys estate running youth sessions and a food club.",
    ),
    Provider(
        "bellingham-trust",
        "Bellingham Community Trust",
        "charity",
        "bellingham-trust",
        "Community activities, short breaks and a homework club in Bellingham.",
    ),
    Provider(
        "dads",
        "Brockley Dads' Network",
        "community group",
        "brockley-dads",
        "Dads, step-dads, granddads and male carers meeting up with their children and each other.",
    ),
    Provider(
        "boxing",
        "Southside Boxing and Youth Club",
        "social enterprise",
        "southside-boxing",
        "A community boxing gym using sport and mentoring to keep young people safe.",
    ),
    Provider(
        "thrive",
        "Thrive Youth Employment",
        "social enterprise",
        "thrive-youth",
        "Careers advice, training and job coaching for young people and parents.",
    ),
    Provider(
        "talksafe",
        "TalkSafe Online Counselling CIC",
        "social enterprise",
        "talksafe",
        "Anonymous online counselling and peer support for young people aged 10 to 25.",
    ),
    Provider(
        "safer-streets",
        "Safer Streets Youth Partnership",
        "charity",
        "saferstreets-youth",
        "Youth workers helping young people stay safe from violence and exploitation.",
    ),
    Provider(
        "leisure",
        "Greenway Leisure",
        "social enterprise",
        "greenway-leisure",
        "A not-for-profit leisure operator running sports halls and family activity programmes.",
    ),
    Provider(
        "little-oaks",
        "Little Oaks Baby Classes",
        "business",
        "little-oaks",
        "A small local business running baby massage and baby yoga classes.",
    ),
    Provider(
        "st-aidans",
        "St Aidan's Church, Lewisham",
        "community group",
        "st-aidans-lewisham",
        "A parish church running a toddler group and a school uniform exchange in its hall.",
    ),
    # Schools
    Provider(
        "ladywell-fields-school",
        "Ladywell Fields Primary School",
        "school",
        "ladywellfields-school",
        "A community primary school for children aged 3 to 11.",
    ),
    Provider(
        "childers-school",
        "Childers Street Primary School",
        "school",
        "childers-school",
        "A primary school in Deptford with a breakfast club and family learning.",
    ),
    Provider(
        "kirkdale-academy",
        "Kirkdale Academy",
        "school",
        "kirkdale-academy",
        "A secondary academy in Sydenham for students aged 11 to 18.",
    ),
)

PROVIDERS_BY_KEY = {provider.key: provider for provider in PROVIDERS}

# Wards for services that cover part of the borough without a building of their own.
NORTH_WARDS = ("Deptford", "Evelyn", "New Cross Gate", "Telegraph Hill", "Brockley")
SOUTH_WARDS = ("Bellingham", "Downham", "Whitefoot", "Catford South", "Sydenham")

# Closing lines for in-person services, so pages do not all read alike.
VENUE_NOTES: tuple[str, ...] = (
    "If it is your first time, tell whoever is on the door and they will show you round.",
    "Tea, coffee and squash are on offer, and there is a quiet room if you need a moment.",
    "You are welcome to bring a friend or a family member along.",
    "Times sometimes change in the school holidays, so check before you travel.",
    "Need an interpreter? Let us know a few days before and we will try to arrange one.",
    "The building has step-free access and an accessible toilet.",
    "Buses stop close by; there is no parking on site.",
    "There is space to leave buggies and scooters inside.",
)

ACCESSIBILITY_NOTES: dict[str, tuple[str, ...]] = {
    "hub": (
        "Step-free entrance, accessible toilet, baby changing and buggy park.",
        "Step-free throughout. Hearing loop at reception. Baby changing on the ground floor.",
    ),
    "health": (
        "Step-free access, lift to all floors, accessible toilet and hearing loop.",
        "Wheelchair accessible. Quiet waiting area available on request.",
    ),
    "youth": (
        "Ground-floor hall with a ramp at the side entrance. Accessible toilet.",
        "Step-free main hall; the music studio upstairs has no lift.",
    ),
    "school": (
        "Enter by the main school gate. Step-free to the hall; accessible toilet.",
        "Use the community entrance on the side road. Step-free.",
    ),
    "community": (
        "Step-free entrance. Accessible toilet. Limited parking for blue badge holders.",
        "Two steps at the front door; a portable ramp is available, just ask.",
        "Ground floor hall, step-free. No lift to the upstairs meeting rooms.",
    ),
    "advice": (
        "Step-free access and a private room for confidential conversations.",
        "Ground-floor advice rooms. Hearing loop. Large-print forms available.",
    ),
    "sport": (
        "Changing rooms and accessible toilet. Paths from the park gates are step-free.",
        "Pavilion has a ramp and an accessible toilet. Outdoor sessions on grass.",
    ),
}


@dataclass(frozen=True)
class Slot:
    """A weekly opening. ``days`` holds weekday codes (mo..su) or rotating markers.

    A rotating marker ``@`` or ``@N`` gives each site of a multi-site service a different
    weekday (Monday to Friday), so five Stay and Play groups are not all on a Tuesday.
    """

    days: str
    opens: str
    closes: str
    note: str = ""


@dataclass(frozen=True)
class Archetype:
    """A kind of service, written once and delivered at one or more sites.

    Text fields may use {area}, {venue}, {street} and {provider}. With ``sites`` > 0 the
    archetype becomes one service per site, at venues chosen from ``venue_kinds`` (or the
    explicit ``venues``); with no sites it is one service with no building of its own.
    """

    key: str
    title: str
    summary: str
    description: tuple[str, ...]
    needs: tuple[str, ...]
    levels: tuple[str, ...]
    providers: tuple[str, ...]
    ages: tuple[int | None, int | None] = (None, None)
    expectant: bool = False
    parents: bool = False
    circumstances: tuple[str, ...] = ()
    delivery: str = "in_person"  # space-separated: in_person group online phone home
    area_wide: bool = False
    sites: int = 0
    venue_kinds: str = ""
    venues: tuple[str, ...] = ()
    schedule: tuple[Slot, ...] = ()
    term_time: bool = False
    schedule_notes: str = ""
    fees: str = ""  # what it costs; empty means free
    commissioner: str = ""
    routes: str = ""  # overrides the level's usual ways in: self professional early_help front
    who_can_refer: str = ""
    access: str = ""
    referral_form: bool = False
    website: bool = False
    eligibility: str = ""
    languages: tuple[tuple[str, str], ...] = ()
    areas: tuple[str, ...] = ()
    contact: str = ""  # team name for the contact; defaults to the title's first part
    text_line: bool = False  # adds a mobile number for texts
    freephone: bool = False  # the main number is a freephone helpline
    review_months: int = 12
    alt_summaries: tuple[str, ...] = ()  # rotated across sites so repeated services vary

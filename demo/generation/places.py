"""Where generated services are: real English towns, their postcode areas and street names.

Coordinates are town centres (to about a kilometre), from Berwick to Penzance and Lowestoft, so
generated catalogues cover England's real latitude and longitude range and cluster where people
live, as real directories do. The postcode areas are the towns' real ones; districts and inward
codes are made up, and get rows of their own in the Postcode table so they geocode.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Town:
    name: str
    area: str  # postcode area letters, e.g. "LS"
    latitude: float
    longitude: float
    weight: int  # rough relative size: bigger places have more services


def _t(name: str, area: str, latitude: float, longitude: float, weight: int = 1) -> Town:
    return Town(name, area, latitude, longitude, weight)


TOWNS: tuple[Town, ...] = (
    _t("Birmingham", "B", 52.479, -1.903, 6),
    _t("Manchester", "M", 53.479, -2.236, 5),
    _t("Leeds", "LS", 53.797, -1.548, 5),
    _t("Liverpool", "L", 53.404, -2.983, 4),
    _t("Sheffield", "S", 53.381, -1.470, 4),
    _t("Bristol", "BS", 51.454, -2.592, 4),
    _t("Newcastle upon Tyne", "NE", 54.973, -1.614, 3),
    _t("Nottingham", "NG", 52.954, -1.150, 3),
    _t("Leicester", "LE", 52.635, -1.133, 3),
    _t("Coventry", "CV", 52.408, -1.510, 3),
    _t("Bradford", "BD", 53.795, -1.752, 3),
    _t("Kingston upon Hull", "HU", 53.744, -0.332, 2),
    _t("Plymouth", "PL", 50.371, -4.143, 2),
    _t("Stoke-on-Trent", "ST", 53.026, -2.177, 2),
    _t("Wolverhampton", "WV", 52.586, -2.128, 2),
    _t("Derby", "DE", 52.922, -1.476, 2),
    _t("Southampton", "SO", 50.904, -1.404, 2),
    _t("Portsmouth", "PO", 50.799, -1.091, 2),
    _t("Norwich", "NR", 52.628, 1.299, 2),
    _t("York", "YO", 53.959, -1.082),
    _t("Exeter", "EX", 50.725, -3.527),
    _t("Cambridge", "CB", 52.205, 0.122),
    _t("Oxford", "OX", 51.752, -1.258),
    _t("Brighton", "BN", 50.823, -0.138, 2),
    _t("Reading", "RG", 51.454, -0.973, 2),
    _t("Luton", "LU", 51.879, -0.417),
    _t("Milton Keynes", "MK", 52.041, -0.759, 2),
    _t("Northampton", "NN", 52.240, -0.902),
    _t("Peterborough", "PE", 52.573, -0.241),
    _t("Ipswich", "IP", 52.059, 1.155),
    _t("Colchester", "CO", 51.889, 0.903),
    _t("Chelmsford", "CM", 51.736, 0.469),
    _t("Canterbury", "CT", 51.280, 1.079),
    _t("Maidstone", "ME", 51.272, 0.522),
    _t("Guildford", "GU", 51.236, -0.570),
    _t("Bournemouth", "BH", 50.720, -1.880),
    _t("Swindon", "SN", 51.558, -1.781),
    _t("Gloucester", "GL", 51.864, -2.244),
    _t("Worcester", "WR", 52.192, -2.220),
    _t("Hereford", "HR", 52.056, -2.716),
    _t("Shrewsbury", "SY", 52.708, -2.754),
    _t("Chester", "CH", 53.193, -2.893),
    _t("Preston", "PR", 53.763, -2.703),
    _t("Blackpool", "FY", 53.817, -3.036),
    _t("Lancaster", "LA", 54.047, -2.801),
    _t("Carlisle", "CA", 54.892, -2.933),
    _t("Sunderland", "SR", 54.906, -1.381, 2),
    _t("Middlesbrough", "TS", 54.574, -1.235, 2),
    _t("Durham", "DH", 54.776, -1.575),
    _t("Lincoln", "LN", 53.234, -0.538),
    _t("Doncaster", "DN", 53.523, -1.133),
    _t("Wakefield", "WF", 53.683, -1.499),
    _t("Huddersfield", "HD", 53.645, -1.785),
    _t("Bolton", "BL", 53.578, -2.429),
    _t("Wigan", "WN", 53.545, -2.632),
    _t("Stockport", "SK", 53.408, -2.149),
    _t("Truro", "TR", 50.263, -5.051),
    _t("Penzance", "TR", 50.119, -5.537),
    _t("Taunton", "TA", 51.015, -3.103),
    _t("Bath", "BA", 51.381, -2.359),
    _t("Salisbury", "SP", 51.069, -1.794),
    _t("Berwick-upon-Tweed", "TD", 55.771, -2.007),
    _t("Great Yarmouth", "NR", 52.608, 1.729),
    _t("Lowestoft", "NR", 52.478, 1.753),
)

# Neighbourhood names for titles and addresses: "Stay and play – Leeds North".
QUARTERS = ("Central", "North", "South", "East", "West", "Riverside", "Hillside", "Parkside")

STREETS = (
    "High Street",
    "Station Road",
    "Church Lane",
    "Park Road",
    "Victoria Road",
    "Green Lane",
    "Manor Road",
    "Church Street",
    "Park Avenue",
    "Queens Road",
    "New Road",
    "Grange Road",
    "Kings Road",
    "Albert Road",
    "London Road",
    "Mill Lane",
    "School Lane",
    "The Crescent",
    "Windsor Road",
    "York Road",
    "North Street",
    "Springfield Road",
    "Richmond Road",
    "Alexandra Road",
)

# What a venue of each kind is called (the demo archetypes' venue kinds).
VENUE_NAMES = {
    "hub": ("Family Hub", "Children's Centre"),
    "health": ("Health Centre", "Medical Centre", "Clinic"),
    "youth": ("Youth Centre", "Youth Club"),
    "school": ("Primary School", "Academy"),
    "community": ("Community Centre", "Church Hall", "Community Rooms"),
    "advice": ("Advice Centre", "Library"),
    "sport": ("Leisure Centre", "Sports Pavilion"),
}

# Organisation names are "<town> <kind>": a few hundred in all, as in a real county or region.
ORGANISATION_KINDS = (
    "Family Trust",
    "Community Action",
    "Children's Services",
    "Community Health NHS Trust",
    "Youth Partnership",
    "Advice Network",
    "Families Together",
    "Carers Centre",
    "Parent Network",
    "Food Partnership",
)

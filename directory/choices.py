"""The catalogue's fixed lists: weekdays, ways in, ways of delivery and languages.

A leaf module (it imports nothing of the project), so models, search, the importers, templates'
helpers and structured data all read one definition without importing each other.
"""

WEEKDAYS = [
    ("mo", "Monday"),
    ("tu", "Tuesday"),
    ("we", "Wednesday"),
    ("th", "Thursday"),
    ("fr", "Friday"),
    ("sa", "Saturday"),
    ("su", "Sunday"),
]

# Ways in: the field on ServicePage and the public label. Search filters use the slugs.
ACCESS_ROUTES = {
    "self-referral": ("self_referral", "Families can get in touch directly"),
    "professional-referral": ("professional_referral", "A professional can refer"),
    "early-help-assessment": ("early_help_assessment", "Through an early help assessment"),
    "front-door": ("front_door_referral", "Through the council's front door (MASH)"),
}
# How a service is delivered. Online, phone and home visits reach the whole area.
DELIVERY_MODES = {
    "in-person": ("in_person", "In person"),
    "online": ("online", "Online"),
    "phone": ("by_phone", "By phone"),
    "home-visit": ("home_visits", "Home visits"),
    "group": ("group_sessions", "Group sessions"),
}
AREA_WIDE_DELIVERY = ("online", "phone", "home-visit")

LANGUAGES = [
    ("en", "English"),
    ("sgn-gb", "British Sign Language"),
    ("ar", "Arabic"),
    ("bn", "Bengali"),
    ("zh", "Chinese (Mandarin)"),
    ("yue", "Chinese (Cantonese)"),
    ("fr", "French"),
    ("gu", "Gujarati"),
    ("hi", "Hindi"),
    ("it", "Italian"),
    ("ku", "Kurdish"),
    ("lt", "Lithuanian"),
    ("pa", "Panjabi"),
    ("fa", "Persian (Farsi)"),
    ("pl", "Polish"),
    ("ps", "Pashto"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("so", "Somali"),
    ("es", "Spanish"),
    ("ta", "Tamil"),
    ("ti", "Tigrinya"),
    ("tr", "Turkish"),
    ("tw", "Twi"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
    ("vi", "Vietnamese"),
    ("yo", "Yoruba"),
    ("cy", "Welsh"),
]
LANGUAGE_NAMES = dict(LANGUAGES)

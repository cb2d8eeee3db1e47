"""Vocabulary terms with punctuation that breaks naive parsers, used by the admin's and the
importers' tests."""

# Names a commissioner might type, each meant to break a parser somewhere.
HOSTILE_NEEDS = [
    'Speech, "language" & communication (0–5)',
    "O'Brien's drop-in; weekly, 100% free",
    "Café & naïve — Ünïcode 家庭支援",
    "<b>Bold</b>, not a tag",
    ",leading and trailing,",
]
HOSTILE_CIRCUMSTANCES = ['Gypsy, Roma & Traveller (GRT) families; "new"', "Rôle: aîné·e"]

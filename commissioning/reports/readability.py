"""How easy a service's summary is to read: Flesch reading ease, with a plain label.

textstat 0.7.3 counts syllables offline (pyphen). Flesch is unreliable on a few words, so very
short text gets no score rather than a misleading one.
"""

from __future__ import annotations

from dataclasses import dataclass

# Below this many words a reading-ease score says more about the formula than the text.
MIN_WORDS = 8

# Flesch's own bands, lowest score first: (lowest score in band, label).
BANDS = [
    (0, "Very difficult"),
    (30, "Difficult"),
    (50, "Fairly difficult"),
    (60, "Plain English"),
    (70, "Fairly easy to read"),
    (80, "Easy to read"),
    (90, "Very easy to read"),
]


@dataclass(frozen=True)
class Readability:
    """A Flesch reading ease score (0-100, higher is easier; None when unmeasured) and label."""

    score: int | None
    label: str

    def __str__(self) -> str:
        return self.label if self.score is None else f"{self.label} ({self.score})"


def readability(text: str) -> Readability:
    """The reading ease of ``text``; 'Too short to measure' under ``MIN_WORDS`` words."""
    # Imported here: textstat (with pkg_resources, which it loads) takes 0.2-0.4 s to import,
    # which every process start paid, every command and worker, for a report few open.
    import textstat

    text = " ".join((text or "").split())
    if not text:
        return Readability(None, "No text")
    if textstat.lexicon_count(text) < MIN_WORDS:
        return Readability(None, "Too short to measure")
    # The formula runs past both ends (long words give negative scores); clamp to its scale.
    score = round(min(100.0, max(0.0, textstat.flesch_reading_ease(text))))
    label = next(label for lowest, label in reversed(BANDS) if score >= lowest)
    return Readability(score, label)

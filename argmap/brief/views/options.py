"""How a brief's cards are read: the options brief, docx and build share, with one default each."""

from __future__ import annotations

from dataclasses import dataclass
from argmap.brief.bibliography import DEFAULT_CITATION_STYLE
from argmap.core.vocabulary import DEFAULT_WPM, ReadText


@dataclass(frozen=True)
class CardOptions:
    wpm: int = DEFAULT_WPM  # reading speed behind each reading time
    citation_style: str = DEFAULT_CITATION_STYLE  # the CSL style of references and in-text citations
    read: ReadText | None = None  # the card body: the original or the translation; None: the map's language decides

"""Typed view models for the brief, source and index pages.

Everything a template shows is computed here, from the project and its check result, so that
templates only lay out values and never decide anything: which side a node is on, what a card
holds, where a quote sits in its source, which claims still need an answer. One module per page
(:mod:`.brief`, :mod:`.source`, :mod:`.index`), and the parts they share (:mod:`.parts`,
:mod:`.links`, :mod:`.dates`). What the site and the templates use is importable from here.
"""

from argmap.brief.views.brief import BriefPage, brief_page, status_semantics
from argmap.brief.views.dates import build_date
from argmap.brief.views.index import IndexPage, diagnostics_of, index_page
from argmap.brief.views.links import SITE_ROOT, SITE_SOURCES, STANDALONE, Links
from argmap.brief.views.options import CardOptions
from argmap.brief.views.parts import highlight_segments
from argmap.brief.views.source import Passage, SourcePage, source_page, split_lines

__all__ = [
    "SITE_ROOT", "SITE_SOURCES", "STANDALONE", "BriefPage", "CardOptions", "IndexPage", "Links", "Passage", "SourcePage",
    "brief_page", "build_date", "diagnostics_of", "highlight_segments", "index_page", "source_page",
    "split_lines", "status_semantics",
]

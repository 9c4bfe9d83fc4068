"""Render the view models to HTML with Jinja2 (autoescape on: map text is never markup)."""

from __future__ import annotations

import re
from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from argmap.brief.views import BriefPage, IndexPage, SourcePage
from argmap.text.words import plural


def clause(text: str) -> str:
    """A sentence set inside a longer one (a list, or before ", through ..."): its closing full
    stop, comma, semicolon or colon goes, so the joining punctuation is not doubled ("x.;")."""
    return text.rstrip().rstrip(".,;:").rstrip()


_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


def emphasis(text: str) -> Markup:
    """Source text with its Markdown emphasis (``*NATO*``, ``**NATO**``) shown as emphasis
    rather than as asterisks. The text is escaped first, so nothing else becomes markup."""
    return Markup(_EMPHASIS.sub(lambda m: f"<em>{m.group(2)}</em>", str(escape(text))))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("argmap", "templates"),
        # every template is HTML, partials included, so escape everything
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True, default=True),
        undefined=StrictUndefined,  # a typo in a template fails the tests instead of printing nothing
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["clause"] = clause
    env.filters["emphasis"] = emphasis
    env.filters["plural"] = plural  # {{ n | plural("quote") }}: 1 quote, 2 quotes
    return env


def render_brief(page: BriefPage) -> str:
    return environment().get_template("brief.html").render(page=page)


def render_source(page: SourcePage) -> str:
    return environment().get_template("source.html").render(page=page)


def render_index(page: IndexPage) -> str:
    return environment().get_template("index.html").render(page=page)

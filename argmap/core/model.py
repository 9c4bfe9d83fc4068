"""Pydantic models of the two file formats: argument maps and the sources registry.

The models only describe shapes and single-field rules. Rules that relate several fields or
files (references, sides, citations) live in :mod:`argmap.checks`, so that every problem is
collected and reported with its position instead of stopping validation early.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal

from annotated_types import Interval
from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StrictBool, StringConstraints,
                      Tag, WithJsonSchema, create_model)
from pydantic_core import PydanticCustomError

from argmap.core.load import is_huge_integer
from argmap.core.vocabulary import (  # noqa: F401 -- the tuples are re-exported for the model's users
    DEFAULT_LANGUAGE, DEFAULT_SEMANTICS, EXPECT_STRENGTH_TOLERANCE, GRADUAL_SEMANTICS, LANGUAGE_TAG, NODE_TYPES,
    RELIABILITIES, SIDES, VERDICT_LEADERS, WEAK_RELIABILITIES, CITE_FIELDS, WEB_SOURCE_TYPES, CiteField, Leader,
    NodeType, Reliability, Semantics, Side,
)

# The versions of the map format this argmap reads, oldest first; new maps get the last one.
FORMAT_VERSIONS = (1, 2)
FORMAT_VERSION = FORMAT_VERSIONS[-1]
MAX_TITLE_LENGTH = 70


IDENTIFIER_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
MAX_IDENTIFIER_LENGTH = 200
Identifier = Annotated[
    str,
    StringConstraints(pattern=IDENTIFIER_PATTERN, max_length=MAX_IDENTIFIER_LENGTH),
]
NonEmptyText = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

# `argmap build` writes each map as <id>.html beside its own index.html; compared ignoring case,
# as file systems on macOS and Windows do.
RESERVED_MAP_IDS = frozenset({"index"})


def is_reserved_map_id(map_id: str) -> bool:
    return map_id.casefold() in RESERVED_MAP_IDS


def _exact_format_version(value: object) -> object:
    """Python compares true == 1 == 1.0, so the Literal alone would take `argmap: true`."""
    if type(value) is not int:
        raise PydanticCustomError("literal_error", "Input should be {expected}",
                                  {"expected": " or ".join(map(str, FORMAT_VERSIONS))})
    return value


FormatVersion = Annotated[Literal[1, 2], BeforeValidator(_exact_format_version)]


def _unit_interval_number(value: object) -> object:
    """A score is a number: `weight: true` or `weight: "0.5"` is refused, not read as 1 or 0.5."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise PydanticCustomError("float_type", "Input should be a number from 0 to 1")
    return value


Score = Annotated[float, Interval(ge=0, le=1), BeforeValidator(_unit_interval_number)]


def _whole_number_to_text(value: object) -> object:
    """`volume: 11` needs no quotes. A decimal does (``issue: "2.10"``): YAML reads 2.10 as 2.1."""
    if is_huge_integer(value):
        raise PydanticCustomError("number_too_long", "too long a number")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


# CSL's number variables (volume, issue, page) are text that is often a plain number.
CslNumber = Annotated[str, BeforeValidator(_whole_number_to_text), WithJsonSchema({"type": ["string", "integer"]})]


def _date_to_text(value: object) -> object:
    """YAML reads 2025-10-28 as a date and 2025 as an int; CSL dates are text here."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return _whole_number_to_text(value)


def _real_period(value: str) -> str:
    """The patterns admit `2023-13` and `2024/2022`; a date or period must also exist."""
    from argmap.core.periods import parse_period  # a leaf module; imported late to keep start-up lean

    try:
        parse_period(value)
    except ValueError as error:
        raise PydanticCustomError("edtf_period", "{problem}", {"problem": str(error)}) from None
    return value


_CSL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

CslDate = Annotated[
    str,
    BeforeValidator(_date_to_text),
    StringConstraints(pattern=_CSL_DATE_PATTERN),
    AfterValidator(_real_period),
    # The schema says what the validator accepts: a year may be written as a bare number.
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": _CSL_DATE_PATTERN},
                              {"type": "integer", "minimum": 0, "maximum": 9999}]}),
]


# EDTF level 0 (ISO 8601): a day, month or year, or an interval of two of them ("2022/2024");
# either end of an interval may be open ("2022/..").
_EDTF_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
_EDTF_PATTERN = rf"^({_EDTF_DATE}|{_EDTF_DATE}/({_EDTF_DATE}|\.\.)|\.\./{_EDTF_DATE})$"

EdtfDate = Annotated[
    str,
    BeforeValidator(_date_to_text),
    StringConstraints(pattern=_EDTF_PATTERN),
    AfterValidator(_real_period),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": _EDTF_PATTERN},
                              {"type": "integer", "minimum": 0, "maximum": 9999}]}),
]

ShortTitle = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE_LENGTH, strip_whitespace=True)]


# Default factories written in Python rather than `list` and `dict`: pydantic reads each factory's
# signature when it builds a validator, and a builtin's is parsed from text (~0.3 ms each, a dozen
# in every check). JSON Schema gives factories no default either way.
def _empty_list() -> list:
    return []


def _empty_dict() -> dict:
    return {}


class _Strict(BaseModel):
    # defer_build: a model's validator is built on first use, so the models only ever validated
    # as part of a map or registry are not built twice at import (~50 ms of every start-up)
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True, defer_build=True)


# --- argument maps -------------------------------------------------------------------------


class Evidence(_Strict):
    """A passage quoted verbatim from a registered source."""

    source: Identifier = Field(description="Id of a source in seeds/sources.yaml.")
    quote: NonEmptyText = Field(
        description="The passage, verbatim, in the source's language. Line breaks, runs of "
        "white space, line-end hyphenation, Markdown emphasis, typographic quotes and dashes "
        "and Unicode normalization are ignored when matching; words, digits and negations are not."
    )
    translation: NonEmptyText | None = Field(
        default=None,
        description="Faithful translation into the map's language; required when the source's "
        "language differs from the map's.",
    )
    prefix: NonEmptyText | None = Field(
        default=None,
        description="Text just before the quote in the source, to pick one of several occurrences.",
    )
    suffix: NonEmptyText | None = Field(
        default=None,
        description="Text just after the quote in the source, to pick one of several occurrences.",
    )
    highlight: list[NonEmptyText] = Field(
        default_factory=_empty_list,
        description="Parts of the quote to read aloud; each must occur in the quote.",
    )
    highlight_translation: list[NonEmptyText] = Field(
        default_factory=_empty_list,
        description="Parts of the translation to read aloud; each must occur in the translation.",
    )
    as_of: EdtfDate | None = Field(
        default=None,
        description="When the quoted situation was, as distinct from the source's publication "
        "date: 2023-06, 2021, 2022/2024 (EDTF: a day, month, year or an interval).",
    )
    speaker: NonEmptyText | None = Field(
        default=None,
        description="Whose view the quote voices when it is not the author's own, e.g. "
        "Russian Ministry of Defence; cards say (reporting ...).",
    )
    page: CslNumber | None = Field(default=None, description="Page (or range) of the quote in a paged source.")
    note: str | None = Field(default=None, description="A remark on this piece of evidence.")
    disputed: NonEmptyText | None = Field(
        default=None,
        description="The source says this, but it is known to be false or garbled: why. The quote "
        "is still checked; it adds nothing to the node's base score, and cards show it as disputed.",
    )


class WeightedTarget(_Strict):
    """A support or attack with a relevance weight: how well the point bears on its target."""

    to: Identifier = Field(description="The node supported or attacked.")
    weight: Score = Field(
        description="Relevance from 0 to 1: how far the point, if true, bears on its target. Gradual "
        "semantics scale the relation by it (0 is no relation); Dung semantics ignore it."
    )


def _target_kind(value: object) -> str:
    if value.__class__ is str:  # the usual entry, told first: pydantic asks of every relation of a map
        return "id"
    return "weighted" if isinstance(value, (dict, WeightedTarget)) else "id"


# An entry of `supports:` or `attacks:`: a node id (weight 1), or {to: ID, weight: W}. The entry's
# own shape picks the branch, so a mistake is reported once, for what the entry was meant to be.
Target = Annotated[
    Annotated[Identifier, Tag("id")] | Annotated[WeightedTarget, Tag("weighted")],
    Discriminator(_target_kind),
]


def target_id(entry: Target) -> str:
    return entry if isinstance(entry, str) else entry.to


def _target_ids(entries: list[Target]) -> list[str]:
    # target_id inlined: the rules and the graph read every relation of a map several times
    return [entry if entry.__class__ is str else entry.to for entry in entries] if entries else []


def target_weight(entry: Target) -> float:
    return 1.0 if isinstance(entry, str) else entry.weight


class RelationRef(_Strict):
    """A relation of the map, named by its two ends: the support or attack `from -> to`."""

    from_: Identifier = Field(alias="from", description="The node the relation starts at.")
    to: Identifier = Field(description="The node it supports or attacks.")


class Node(_Strict):
    """A thesis, claim, objection or rebuttal."""

    # Editors can say at once that a thesis needs a side; `argmap check` reports it as AM302.
    model_config = ConfigDict(json_schema_extra={
        "if": {"properties": {"type": {"const": "thesis"}}, "required": ["type"]},
        "then": {"required": ["side"]},
    })

    type: NodeType = Field(
        description="thesis: a side's main position, pointing at nothing; claim: supports or "
        "attacks other nodes; objection: attacks; rebuttal: attacks an objection or rebuttal."
    )
    side: Side | None = Field(
        default=None,
        description="pro or con. Required on a thesis; elsewhere derived from the relations "
        "(support keeps the side, attack switches it) and checked if given.",
    )
    title: ShortTitle | None = Field(
        default=None,
        description=f"A short tag of at most {MAX_TITLE_LENGTH} characters: the words a debater says "
        "aloud and the diagram's label. Missing is a warning in format 2.",
    )
    text: NonEmptyText = Field(description="The point, in the mapper's own words.")
    # Read through the properties `supports` and `attacks` (ids) and `relation_weights`.
    support_entries: list[Target] = Field(
        default_factory=_empty_list, alias="supports",
        description="Nodes this node supports: ids, or {to: ID, weight: W} to say how relevant the support is.")
    attack_entries: list[Target] = Field(
        default_factory=_empty_list, alias="attacks",
        description="Nodes this node attacks: ids, or {to: ID, weight: W} to say how relevant the attack is.")
    undercuts: list[RelationRef] = Field(
        default_factory=_empty_list,
        description="Relations whose inference this node denies: {from: a, to: b} says that even "
        "if a holds, it does not show (or refute) b.",
    )
    weight: Score | None = Field(
        default=None,
        description="Base score from 0 to 1 for gradual semantics (dfquad, qe); without it, a "
        "score derived from the evidence.",
    )
    evidence: list[Evidence] = Field(default_factory=_empty_list, description="Quotes that back the node.")
    analytic: StrictBool = Field(
        default=False,
        description="True for a reasoned point without a source; a node with neither evidence "
        "nor analytic: true is reported.",
    )
    note: str | None = Field(default=None, description="A remark for readers, e.g. on a weak or dated source.")

    @property
    def supports(self) -> list[str]:
        """Ids of the nodes this node supports, in order."""
        return _target_ids(self.support_entries)

    @property
    def attacks(self) -> list[str]:
        """Ids of the nodes this node attacks, in order."""
        return _target_ids(self.attack_entries)

    def relation_weight(self, kind: str, target: str) -> float:
        """The weight of this node's ``kind`` ("supports" or "attacks") relation to ``target``: 1
        unless the entry gives one (the first entry, when the map repeats it: AM316 says so)."""
        entries = self.support_entries if kind == "supports" else self.attack_entries
        return next((target_weight(e) for e in entries if target_id(e) == target), 1.0)

    @property
    def targets(self) -> list[str]:
        """The nodes this node supports or attacks (undercuts target relations, not nodes)."""
        return [*self.supports, *self.attacks]

    @property
    def label(self) -> str:
        """What diagrams and lists call the node: its title, or its text when it has none."""
        return self.title or self.text


class Sides(_Strict):
    """The two positions of the debate, each in one sentence."""

    pro: NonEmptyText = Field(description="The position of the pro side.")
    con: NonEmptyText = Field(description="The position of the con side.")


# `expect:`: the labels under one semantics, then a mapping of pinned strengths for each gradual
# semantics, named after it (`dfquad: {...}`, `qe: {...}`), then the verdict. The fields follow the
# vocabulary's list of semantics: a new gradual semantics is a new key here without a line more.
Expect = create_model(
    "Expect",
    __base__=_Strict,
    __doc__="The evaluation this map must produce; `argmap check` compares it with the computed one.",
    semantics=(Semantics, Field(default=DEFAULT_SEMANTICS, description="The semantics the labels refer to.")),
    stands=(list[Identifier], Field(default_factory=_empty_list, description="Nodes labelled IN (stands).")),
    falls=(list[Identifier], Field(default_factory=_empty_list, description="Nodes labelled OUT (falls).")),
    undecided=(list[Identifier], Field(default_factory=_empty_list, description="Nodes labelled UNDEC (undecided).")),
    **{name: (dict[Identifier, Score], Field(
        default_factory=_empty_dict,
        description=f"Node id → strength under {name} semantics (checked to within {EXPECT_STRENGTH_TOLERANCE}).",
    )) for name in GRADUAL_SEMANTICS},
    verdict=(Leader | None, Field(
        default=None,
        description=f"The side the verdict finds ahead: {' | '.join(VERDICT_LEADERS)} (under the map's headline semantics).",
    )),
)


def pinned_strengths(expect: Expect, semantics: str) -> dict[str, float]:
    """The strengths `expect:` pins under a gradual ``semantics``."""
    return getattr(expect, semantics)


class ArgMap(_Strict):
    """An argument map: one debate, two sides, typed nodes linked by supports and attacks."""

    argmap: FormatVersion = Field(description="Format version: 2, or 1 for maps written before titles, undercuts and gradual strength.")
    id: Identifier = Field(description="Unique across maps; equals the file name without .yaml.")
    title: NonEmptyText = Field(description="Title of the debate.")
    question: NonEmptyText | None = Field(
        default=None, description="The question the debate answers, and its verdict: a map with theses on both "
        "sides and no question is told (AM324).")
    lang: Annotated[str, StringConstraints(pattern=LANGUAGE_TAG)] = Field(
        default=DEFAULT_LANGUAGE, description="Language of the map's own text (BCP 47, e.g. en)."
    )
    sides: Sides = Field(description="The two positions of the debate.")
    description: str | None = Field(default=None, description="Optional introduction shown in the brief.")
    nodes: dict[Identifier, Node] = Field(description="Node id → node.")
    expect: Expect | None = Field(default=None, description="Optional expected evaluation.")
    theses: Literal["compatible"] | None = Field(
        default=None,
        description="By default every pro thesis and every con thesis contradict: each attacks the "
        "other (a derived clash). `compatible` says both can be true (give `because:`): no clash is "
        "derived, and the verdict compares two compatible claims.",
    )
    because: NonEmptyText | None = Field(
        default=None, description="Why the theses are compatible (with `theses: compatible`).")

    @property
    def theses_clash(self) -> bool:
        """Whether the pro and con theses attack each other (the default)."""
        return self.theses != "compatible"


# --- sources -------------------------------------------------------------------------------


class Author(_Strict):
    """A CSL name: family and given, or a literal name for organisations."""

    family: str | None = Field(default=None, description="Family name (surname).")
    given: str | None = Field(default=None, description="Given names.")
    literal: str | None = Field(default=None, description="A name not split into parts (an organisation).")

    @property
    def is_placeholder(self) -> bool:
        """A literal such as "Unknown (not stated)" records that no author is known."""
        return bool(self.literal and _UNKNOWN_AUTHOR.match(self.literal))

    @property
    def surname(self) -> str:
        return self.literal or self.family or self.given or ""


class Source(_Strict):
    """One source document, with CSL-JSON keys."""

    file: NonEmptyText = Field(description="Path relative to the seeds folder; must stay inside it.")
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        default=None, description="SHA-256 of the file's bytes; a changed file is an error."
    )
    type: NonEmptyText = Field(
        default="document",
        description="CSL type: article-journal, article-newspaper, post-weblog, thesis, webpage, ...",
    )
    title: NonEmptyText = Field(description="Original title.")
    title_en: str | None = Field(default=None, alias="title-en", description="English title.")
    author: list[Author] = Field(default_factory=_empty_list, description="CSL names.")
    issued: CslDate | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD.")
    accessed: CslDate | None = Field(default=None, description="Date the page was captured.")
    container_title: str | None = Field(default=None, alias="container-title", description="Journal, site or newspaper.")
    publisher: str | None = Field(default=None, description="Publisher or institution.")
    qualifications: str | None = Field(
        default=None, description="argmap extension: the author's credentials, for the full cite."
    )
    volume: CslNumber | None = Field(default=None, description="Volume of the journal or series.")
    issue: CslNumber | None = Field(default=None, description="Issue of the journal.")
    page: CslNumber | None = Field(default=None, description="Page range, e.g. 221-229.")
    URL: str | None = Field(default=None, description="Where the document was published.")
    language: Annotated[str, StringConstraints(pattern=LANGUAGE_TAG)] = Field(
        default=DEFAULT_LANGUAGE, description="Language of the document (BCP 47)."
    )
    reliability: Reliability = Field(
        default="unknown", description=f"argmap extension: {' | '.join(RELIABILITIES)}."
    )
    note: str | None = Field(default=None, description="What a careful reader should know about the source.")
    unknown: list[CiteField] = Field(
        default_factory=_empty_list,
        description=f"argmap extension: cite fields the document does not give ({', '.join(CITE_FIELDS)}), said on "
                    "purpose: check does not warn about them (AM406); briefs still list them as source gaps.",
    )


class SourceRegistry(_Strict):
    """seeds/sources.yaml: the source documents that evidence may cite."""

    sources: dict[Identifier, Source] = Field(description="Source id → source.")


def is_weak(source: Source) -> bool:
    return source.reliability in WEAK_RELIABILITIES


def known_authors(source: Source) -> list[Author]:
    """The source's authors, leaving out placeholders for an unknown author."""
    return [a for a in source.author if not a.is_placeholder]


def cite_gaps(source: Source) -> tuple[CiteField, ...]:
    """What the source's cite lacks: an author (a placeholder is none), a date, a URL for a source
    read on the web, and the qualifications of a known author."""
    authors = known_authors(source)
    lacking = {
        "author": not authors,
        "issued": not source.issued,
        "URL": source.type in WEB_SOURCE_TYPES and not source.URL,
        "qualifications": bool(authors) and not (source.qualifications or "").strip(),
    }
    return tuple(f for f in CITE_FIELDS if lacking[f])


def stated_unknown(source: Source) -> frozenset[CiteField]:
    """The gaps the registry says the document leaves: those in `unknown:`, and the author when
    it is recorded as a placeholder ("Unknown (not stated)")."""
    placeholder = {"author"} if any(a.is_placeholder for a in source.author) else set()
    return frozenset(source.unknown) | placeholder


def year(source: Source) -> str:
    """The year of issue, or "n.d." (no date) as citations write it."""
    return source.issued[:4] if source.issued else "n.d."


_UNKNOWN_AUTHOR = re.compile(r"^\s*(unknown|anonymous|n/?a|none)\b", re.IGNORECASE)
_SLUG = re.compile(r"[^A-Za-z0-9_.-]+")


def slug(text: str) -> str:
    """A safe identifier made from text (used for new maps and anchors)."""
    return _SLUG.sub("-", text).strip("-").lower() or "map"

"""The parts every page shows: labels, quotes with their highlights, citations, check status."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from argmap.brief.bibliography import Citations, card_cite, full_cite, full_name, is_web_address
from argmap.brief.views.reading import duration, reading_seconds, word_count
from argmap.core.diagnostics import Diagnostic, count
from argmap.evaluate import Label
from argmap.evaluate.strength import rounded
from argmap.core.model import Evidence, Source, cite_gaps, is_weak, known_authors, stated_unknown
from argmap.core.project import SourceDocument
from argmap.quotes.match import Located, SourceText
from argmap.text.words import plural
from argmap.core.vocabulary import DEFAULT_WPM, NODE_TYPES, SIDES, WEAK_RELIABILITIES


SIDE_LABELS = {side: side.upper() for side in SIDES}
TYPE_LABELS = {node_type: node_type.capitalize() for node_type in NODE_TYPES}
_RELIABILITY_WORDS = {"peer-reviewed": "peer-reviewed", "thesis": "thesis", "news": "news report",
                      "blog": "blog post", "unknown": "reliability unknown"}
RELIABILITY_LABELS = {reliability: word + (" (weak)" if reliability in WEAK_RELIABILITIES else "")
                      for reliability, word in _RELIABILITY_WORDS.items()}


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool = False


@dataclass(frozen=True)
class CheckStatus:
    errors: int
    warnings: int

    @property
    def clean(self) -> bool:
        return not self.errors and not self.warnings

    @property
    def summary(self) -> str:
        if self.clean:
            return "checked: no errors, no warnings"
        return f"checked: {plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}"


def check_status(diagnostics: Iterable[Diagnostic]) -> CheckStatus:
    counts = count(diagnostics)
    return CheckStatus(counts.errors, counts.warnings)


@dataclass(frozen=True)
class Status:
    """A node's evaluation: stands, falls or undecided, with the reason in words."""

    label: Label
    reason: str
    by: tuple["NodeRef", ...] = ()  # the nodes the reason names (what defeats or contests it), as links
    lead: str = ""  # with ``by``: the reason's words before the names ("defeated by ")
    tail: str = ""  # and after them

    @property
    def word(self) -> str:
        return self.label.status

    @property
    def symbol(self) -> str:
        return self.label.symbol


@dataclass(frozen=True)
class NodeRef:
    id: str
    anchor: str
    text: str  # the full text, kept on the node's card
    side: str | None
    type: str
    title: str | None = None

    @property
    def label(self) -> str:
        """What headings, links and lists call the node: its title, or its text without one."""
        return self.title or self.text

    @property
    def side_label(self) -> str:
        return SIDE_LABELS.get(self.side or "", "no side")


@dataclass(frozen=True)
class Relation:
    verb: str  # "supports" | "attacks"
    target: NodeRef
    weight: float = 1.0  # its relevance; a card says it when it is below 1

    @property
    def weight_text(self) -> str | None:
        return f"{self.weight:g}" if self.weight != 1.0 else None


@dataclass(frozen=True)
class DecisiveView:
    """A decisive clash of the verdict: a node, or a relation from it, and the margin without it."""

    ref: NodeRef
    target: NodeRef | None  # the relation's target; None for the node itself
    verb: str  # "supports" | "attacks" for a relation
    shift: float
    turns_to: str | None  # the leader without it, when that changes

    @property
    def shift_text(self) -> str:
        return f"{self.shift:+.2f}"


@dataclass(frozen=True)
class VerdictView:
    """The verdict box at the top of a brief."""

    leader: str  # pro | con | contested: the box's data-verdict
    summary: str  # "con ahead by 0.45"
    semantics: str
    pro: str
    con: str
    robustness_phrase: str
    fragile: bool
    decisive: tuple[DecisiveView, ...]
    turn_lead: str  # "To turn it, con must answer"
    turning: tuple[DecisiveView, ...]
    compatible_because: str | None  # set when the map says its theses can both be true
    score_basis: str  # what a side's score is, in words


@dataclass(frozen=True)
class Undercut:
    """An undercut of the relation ``source -> target``, shown on the source's card and on the
    undercutter's: "even if <source>, it does not show <target>"."""

    undercutter: NodeRef
    source: NodeRef
    target: NodeRef
    relation: str  # the denied relation: "supports" | "attacks"
    status: Status | None  # the relation's own: it stands while every undercutter falls
    weight: float | None = None  # under a gradual semantics instead: the weight it counts with

    @property
    def weight_text(self) -> str | None:
        return rounded(self.weight) if self.weight is not None else None

    @property
    def denial(self) -> str:
        return "does not show" if self.relation == "supports" else "does not refute"


@dataclass(frozen=True)
class Cite:
    source_id: str
    short: str  # in-text citation, "Ade et al., 2025"
    authors: str  # full names, or "" when unknown
    date: str  # as the source gives it, or "n.d."
    title: str
    title_en: str | None
    container: str | None
    url: str | None
    url_is_link: bool  # http(s) only; anything else is shown as text
    reliability: str
    reliability_label: str
    weak: bool
    file: str
    title_lang: str
    card: str = ""  # the short cite a debater reads out, "Sari et al. 23" (Verbatim's `Cite`)
    full: str = ""  # the full cite in small type: authors, qualifications, date, title, outlet
    accessed: str | None = None  # the day the page was captured
    nominal_review: bool = False  # peer-reviewed by its label, nominally by its note: not shown bold


# What each missing cite field is called in a brief's list of source gaps.
GAP_WORDS = {"author": "no author", "issued": "no date", "URL": "no URL", "qualifications": "no author's qualifications"}


@dataclass(frozen=True)
class SourceGap:
    """What one cited source's cite lacks, and which of those gaps the document itself leaves."""

    source_id: str
    cite: str  # the short cite, as cards read it
    gaps: tuple[str, ...]  # the words of each gap
    stated: tuple[bool, ...]  # per gap: the registry says the document gives none

    @property
    def listed(self) -> str:
        return "; ".join(f"{gap} (the document gives none)" if stated else gap
                         for gap, stated in zip(self.gaps, self.stated))


def source_gaps(registered: Mapping[str, Source]) -> tuple[SourceGap, ...]:
    """The cited sources with a gap in their cite, in the order given."""
    found = []
    for source_id, source in registered.items():
        gaps = cite_gaps(source)
        if gaps:
            unknown = stated_unknown(source)
            found.append(SourceGap(source_id, card_cite(source), tuple(GAP_WORDS[g] for g in gaps),
                                   tuple(g in unknown for g in gaps)))
    return tuple(found)


@dataclass(frozen=True)
class QuoteView:
    id: str  # unique in the brief
    source_id: str
    segments: tuple[Segment, ...]  # the quote with its highlighted parts marked
    lang: str
    translation: str | None
    translation_lang: str
    found: bool
    line: int | None
    end_line: int | None
    passage_anchor: str | None
    context_href: str | None  # the passage on its source page (site build only)
    cite: Cite
    note: str | None
    translation_segments: tuple[Segment, ...] = ()  # the translation with its highlighted parts marked
    speaker: str | None = None  # whose view the quote reports, when not the author's
    as_of: str | None = None  # the period the quoted situation belongs to, in words
    page: str | None = None  # "p. 12", "pp. 12-14"
    disputed: str | None = None  # why the quote, though verbatim, is known to be false or garbled
    before: str = ""  # the source's words before the quote in its sentence: read silently, small type
    after: str = ""  # and after it
    wpm: int = DEFAULT_WPM
    read_translation: bool = False  # the translation is the card body, read aloud; the original is context

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    @property
    def before_spaced(self) -> str:
        """The context before, with the space that separates it from the quote."""
        return self.before + " " if self.before and not self.before.endswith(("(", "[", "\u201c", "\"")) else self.before

    @property
    def after_spaced(self) -> str:
        return " " + self.after if self.after and (self.after[0].isalnum() or self.after[0] in "(\u2014") else self.after

    @property
    def body_segments(self) -> tuple[Segment, ...]:
        """The card body: the text read aloud, underlined, its highlights marked."""
        return self.translation_segments if self.read_translation else self.segments

    @property
    def read_aloud(self) -> str:
        """What the debater reads: the highlighted parts of the card body (a body without
        highlights is highlighted whole)."""
        segments = self.body_segments
        marked = " ".join(s.text for s in segments if s.marked)
        return marked or "".join(s.text for s in segments)

    @property
    def reading_seconds(self) -> int:
        return reading_seconds(word_count(self.read_aloud), self.wpm)

    @property
    def reading(self) -> str:
        return duration(self.reading_seconds)

    @property
    def lines(self) -> str:
        if self.line is None:
            return ""
        return f"line {self.line}" if self.end_line in (None, self.line) else f"lines {self.line}\u2013{self.end_line}"


def locate(document: SourceDocument | None, evidence: Evidence) -> Located | None:
    if document is None:
        return None
    result = document.text.find(evidence.quote, evidence.prefix, evidence.suffix)
    return result.matches[0] if result.found else None


_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019)\]]*\s")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n#")
_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})(\S(?:.*?\S)?)\1")
MAX_CONTEXT_CHARS = 320  # either side: a card shows its sentence, not the whole page


def plain_text(text: str) -> str:
    """Source text as a reader sees it: runs of white space as one space, and Markdown emphasis
    markers (``*NATO*``) dropped, the words kept."""
    return _EMPHASIS.sub(r"\2", " ".join(text.split()))


def surrounding(text: str, located: Located) -> tuple[str, str]:
    """The rest of the quote's sentence (or sentences) in the source: what comes before the
    quote since the last sentence end, and after it up to the next, within its paragraph."""
    start, end = located.start, located.end
    paragraph_start = max((m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, start)), default=0)
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, paragraph_start, start)), default=paragraph_start)
    stop = _PARAGRAPH_BREAK.search(text, end)
    limit = stop.start() if stop else len(text)
    # a quote that ends its sentence has no after-context: the sentence end is at the quote's end
    sentence_end = _SENTENCE_END.search(text, max(end - 1, start), limit)
    after_end = sentence_end.end() if sentence_end else limit
    # an emphasis marker right at the quote belongs to a word the quote starts or ends with
    before = plain_text(text[sentence_start:start]).rstrip("*_").rstrip()
    after = plain_text(text[end:after_end]).lstrip("*_")
    if len(before) > MAX_CONTEXT_CHARS:
        before = "\u2026" + before[-MAX_CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > MAX_CONTEXT_CHARS:
        after = after[:MAX_CONTEXT_CHARS].rsplit(" ", 1)[0] + "\u2026"
    return before, after


def highlight_segments(quote: str, highlights: Sequence[str]) -> tuple[Segment, ...]:
    """The quote cut into plain and marked parts. Highlights are matched as the check matches
    them (white space, quotes and dashes forgiven), so what passes the check is what is marked."""
    text = SourceText(quote)
    spans: list[tuple[int, int]] = []
    for part in highlights:
        found = text.find(part)
        spans.extend((m.start, m.end) for m in found.matches)
    characters = text.text
    marked = [False] * len(characters)
    for start, end in spans:
        marked[start:end] = [True] * (end - start)
    segments: list[Segment] = []
    run_start = 0
    for i in range(1, len(characters) + 1):  # a segment ends where the marking changes
        if i == len(characters) or marked[i] != marked[run_start]:
            segments.append(Segment(characters[run_start:i], marked[run_start]))
            run_start = i
    return tuple(segments)


def page_locator(page: str | None) -> str | None:
    """ "p. 12" for one page, "pp. 12-14" for a range or a list."""
    if not page:
        return None
    return f"pp. {page}" if any(mark in page for mark in "-\u2013,") else f"p. {page}"


_NOMINAL = re.compile(r"\bnominal(ly)?\b", re.IGNORECASE)


def review_is_nominal(source: Source) -> bool:
    """A peer-reviewed source whose own note calls its review nominal ("23 days from receipt to
    acceptance make 'peer-reviewed' nominal"): its label says so rather than vouch for it."""
    return source.reliability == "peer-reviewed" and bool(source.note and _NOMINAL.search(source.note))


def cite(source_id: str, source: Source | None, citations: Citations) -> Cite:
    """The cite line's facts; the in-text citation in ``citations``' style."""
    if source is None:
        return Cite(source_id, source_id, "", "n.d.", f"unregistered source '{source_id}'", None, None, None,
                    False, "unknown", RELIABILITY_LABELS["unknown"], True, "", "", source_id, f"unregistered source '{source_id}'")
    authors = known_authors(source)
    return Cite(
        source_id=source_id,
        short=citations.in_text(source_id),
        authors=", ".join(full_name(a) for a in authors),
        date=source.issued or "n.d.",
        title=source.title,
        title_en=source.title_en if source.title_en and source.title_en != source.title else None,
        container=source.container_title,
        url=source.URL,
        url_is_link=bool(source.URL) and is_web_address(source.URL),
        reliability=source.reliability,
        reliability_label=RELIABILITY_LABELS[source.reliability] + (" (nominal: see the source's note)"
                                                                   if review_is_nominal(source) else ""),
        nominal_review=review_is_nominal(source),
        weak=is_weak(source),
        file=source.file,
        title_lang=source.language,
        card=card_cite(source),
        full=full_cite(source),
        accessed=source.accessed,
    )

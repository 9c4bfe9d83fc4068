"""A brief as a Word file a debater can read from, laid out with Verbatim's style names.

Verbatim (the debate template most teams use in Word) outlines a file as Pocket > Hat > Block >
Tag headings and marks what is read aloud with the character styles Underline and Emphasis and
Word's highlighting; the short cite carries the character style Cite. Using the same names lets
a debater's own template restyle the file, and basing the four headings on Word's Heading 1-4
puts the outline in the navigation pane. The content is the brief's view model
(:class:`argmap.brief.views.BriefPage`): this module only lays it out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from argmap.brief.views.brief import BriefPage, Card, SideCase
from argmap.brief.views.parts import DecisiveView, NodeRef, QuoteView, Segment, Undercut, VerdictView
from argmap.brief.views.reading import duration
from argmap.text.words import plural
from argmap.render.escape import showable


@dataclass(frozen=True)
class HeadingStyle:
    name: str
    base: str  # Word's built-in heading it is built on: the navigation pane's outline level
    level: int  # outline level, 0 = Heading 1
    size: int  # points


# Verbatim's heading styles, outermost first.
POCKET = HeadingStyle("Pocket", "Heading 1", 0, 26)
HAT = HeadingStyle("Hat", "Heading 2", 1, 22)
BLOCK = HeadingStyle("Block", "Heading 3", 2, 16)
TAG = HeadingStyle("Tag", "Heading 4", 3, 13)
HEADINGS = (POCKET, HAT, BLOCK, TAG)

CITE = "Cite"
UNDERLINE = "Underline"
EMPHASIS = "Emphasis"
HIGHLIGHT = WD_COLOR_INDEX.YELLOW
SMALL = Pt(8)  # the unread context and the full cite: there for checking, not for reading out
INK = RGBColor(0, 0, 0)


def _outline_level(style, level: int) -> None:
    """Word reads the navigation pane's levels from the style's own paragraph properties."""
    properties = style.element.get_or_add_pPr()
    for old in properties.findall(qn("w:outlineLvl")):
        properties.remove(old)
    element = OxmlElement("w:outlineLvl")
    element.set(qn("w:val"), str(level))
    properties.append(element)


def add_styles(document: WordDocument) -> None:
    styles = document.styles
    for heading in HEADINGS:
        style = styles.add_style(heading.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[heading.base]
        style.next_paragraph_style = styles["Normal"]
        style.font.size = Pt(heading.size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = INK
        style.paragraph_format.keep_with_next = True
        _outline_level(style, heading.level)
    cite = styles.add_style(CITE, WD_STYLE_TYPE.CHARACTER)
    cite.font.bold = True
    cite.font.size = Pt(13)
    underline = styles.add_style(UNDERLINE, WD_STYLE_TYPE.CHARACTER)
    underline.font.underline = True
    # the default template's Emphasis is italic; Verbatim's is bold and underlined
    emphasis = styles[EMPHASIS] if EMPHASIS in [s.name for s in styles] else styles.add_style(EMPHASIS, WD_STYLE_TYPE.CHARACTER)
    emphasis.font.italic = False
    emphasis.font.bold = True
    emphasis.font.underline = True


def _paragraph(document: WordDocument, text: str = "", style: str | None = None) -> Paragraph:
    return document.add_paragraph(showable(text), style=style)


def _run(paragraph: Paragraph, text: str, style: str | None = None) -> Run:
    """Every piece of map and source text goes into the file through here and
    :func:`_paragraph`: XML cannot carry some characters a map may spell (``"\\e"``, ``"\\uFFFE"``),
    so they are shown as the diagrams show them instead of failing the file."""
    return paragraph.add_run(showable(text), style=style)


def _small(paragraph: Paragraph, text: str, italic: bool = False) -> None:
    if text:
        run = _run(paragraph, text)
        run.font.size = SMALL
        run.italic = italic or None


def _read_text(paragraph: Paragraph, segments: Sequence[Segment]) -> None:
    """The quoted words underlined, the highlighted ones also emphasised and highlighted."""
    for segment in segments:
        run = _run(paragraph, segment.text, style=EMPHASIS if segment.marked else UNDERLINE)
        if segment.marked:
            run.font.highlight_color = HIGHLIGHT


def _verification(q: QuoteView) -> str:
    if q.found:
        return f"verified: {q.lines} of {q.cite.file}"
    return "NOT FOUND in the source (see argmap check)"


def add_quote(document: WordDocument, q: QuoteView) -> None:
    if q.disputed:
        _small(_paragraph(document), f"Disputed: {q.disputed} It adds nothing to the claim's score.")
    line = _paragraph(document)
    line.paragraph_format.keep_with_next = True
    _run(line, q.cite.card, style=CITE)
    if q.speaker:
        _run(line, f" (reporting {q.speaker})")
    details = [q.cite.full, q.cite.url or "", f"accessed {q.cite.accessed}" if q.cite.accessed else ""]
    if q.page:
        details.append(q.page)
    details += [q.cite.reliability_label, _verification(q), f"read {q.reading}"]
    _small(line, " [" + "; ".join(filter(None, details)) + "]")
    if q.as_of:  # the period it describes, apart from the cite, where only the publication date belongs
        _small(_paragraph(document), f"Describes the situation {q.as_of}", italic=True)
    # the card body first, read aloud; the other text after it in small type, as context
    if q.read_translation:
        _read_text(_paragraph(document), q.translation_segments)
        original = _paragraph(document)
        _small(original, "Original: ", italic=True)
        _small(original, q.before_spaced + q.text + q.after_spaced)
    else:
        body = _paragraph(document)
        _small(body, q.before_spaced)
        _read_text(body, q.segments)
        _small(body, q.after_spaced)
        if q.translation:
            _small(_paragraph(document), "Translation: " + "".join(s.text for s in q.translation_segments))
    if q.note:
        _small(_paragraph(document), f"Note: {q.note}", italic=True)


def _names(label: str, refs: Sequence[NodeRef]) -> str:
    return f"{label} " + "; ".join(r.label for r in refs) if refs else ""


def add_card(document: WordDocument, card: Card, number: int | None = None, best: bool = False) -> None:
    tag = _paragraph(document, style=TAG.name)
    _run(tag, f"{number}. " if number is not None else "")
    _run(tag, card.ref.label)
    facts = ["Best answer"] if best else []
    facts.append(f"{card.ref.side_label} {card.type_label.lower()}")
    if card.status:
        facts.append(f"{card.status.word} ({card.status.reason})")
    if card.strength_text:
        facts.append(f"strength {card.strength_text}")
    facts += [f"{r.verb} {r.target.label} with weight {r.weight_text}" for r in card.relations if r.weight_text]
    facts += [text for text in (_names("Answers:", card.answers), _names("Answered by:", card.answered_by)) if text]
    if card.quotes:
        facts.append(f"read {card.reading}")
    meta = _paragraph(document)
    meta.paragraph_format.keep_with_next = True
    _small(meta, " · ".join(facts))
    if card.ref.title and card.ref.title != card.ref.text:
        _small(_paragraph(document), card.ref.text, italic=True)
    for u in card.undercut_by:
        _small(_paragraph(document), f"Undercut by {u.undercutter.label}: even if \u201c{u.source.label}\u201d, "
                                     f"it {u.denial} \u201c{u.target.label}\u201d.{_inference(u)}")
    if card.kept_but_cut:
        _small(_paragraph(document), card.kept_but_cut)
    for u in card.undercuts:
        _small(_paragraph(document), f"Undercuts an inference: even if \u201c{u.source.label}\u201d, "
                                     f"it {u.denial} \u201c{u.target.label}\u201d.{_inference(u)}")
    for q in card.quotes:
        add_quote(document, q)
    if card.analytic:
        _small(_paragraph(document), "Analytic: argued, not quoted.", italic=True)
    if card.note:
        _small(_paragraph(document), f"Note: {card.note}", italic=True)


def add_side(document: WordDocument, side: SideCase, full: dict[str, Card]) -> None:
    def whole(card: Card) -> Card:
        # a Word file has no "see above": a repeated answer is printed in full where it is read
        return full.get(card.ref.id, card) if card.repeat else card

    _paragraph(document, f"{side.label}: {side.position}", style=HAT.name)
    case = [whole(c) for c in (*side.theses, *side.contentions)]
    _paragraph(document, f"{side.label} case", style=BLOCK.name)
    _small(_paragraph(document), f"read {_total(case)}")
    for card in case:
        add_card(document, card)
    for block in side.blocks:
        answers = [whole(c) for c in block.answers]
        _paragraph(document, f"A2: {block.claim.label}", style=BLOCK.name)
        status = f" ({block.claim_status.word})" if block.claim_status else ""
        _small(_paragraph(document), f"Answers the {block.claim.side_label} {block.claim.type} "
                                     f"\u201c{block.claim.label}\u201d{status}; read {_total(answers)}")
        for number, card in enumerate(answers, 1):
            add_card(document, card, number, best=card.ref.id == block.best)
    if side.still_to_answer:
        _paragraph(document, "Still to answer", style=BLOCK.name)
        for o in side.still_to_answer:
            what = (f"undercuts the step from \u201c{o.target.label}\u201d to \u201c{o.denied.label}\u201d"
                    if o.denied is not None else f"attacks \u201c{o.target.label}\u201d")
            _paragraph(document, f"{o.attack.side_label} \u201c{o.attack.label}\u201d {what}", style="List Bullet")


def _inference(u: Undercut) -> str:
    """What became of the undercut inference, as the HTML card says it."""
    if u.status is not None:
        return f" The inference {u.status.word}."
    return f" The inference counts with weight {u.weight_text}." if u.weight_text else ""


def _decisive_name(d: DecisiveView) -> str:
    return f"{d.ref.label} {d.verb} {d.target.label}" if d.target else d.ref.label


def _decisive(d: DecisiveView) -> str:
    turn = f", and {d.turns_to} would lead" if d.turns_to else ""
    return f"{_decisive_name(d)}: {d.shift_text}{turn}"


def add_verdict(document: WordDocument, verdict: VerdictView) -> None:
    """The verdict after the Pocket heading: who is ahead, how surely, and what decides it."""
    _paragraph(document, f"Verdict: {verdict.summary}", style=HAT.name)
    _paragraph(document, f"Under {verdict.semantics} semantics: pro {verdict.pro}, con {verdict.con} "
                           f"({verdict.score_basis}). " + ("Fragile. " if verdict.fragile else "")
                           + f"{verdict.robustness_phrase}.")
    if verdict.compatible_because:
        _paragraph(document, f"The theses are compatible ({verdict.compatible_because}): this compares two claims "
                               "that can both be true.")
    if verdict.decisive:
        _paragraph(document, "Decisive clashes (the margin, pro minus con, without each):")
        for i, d in enumerate(verdict.decisive, 1):
            _paragraph(document, f"{i}. {_decisive(d)}")
    turning = "; ".join(map(_decisive_name, verdict.turning)) or "no single point turns it"
    _paragraph(document, f"{verdict.turn_lead}: {turning}.")


def _total(cards: Sequence[Card]) -> str:
    return duration(sum(c.reading_seconds for c in cards))


def word_brief(page: BriefPage) -> bytes:
    """The .docx file's bytes. Its dates are the build date, so the same input gives the same
    file, byte for byte."""
    document = Document()
    add_styles(document)
    built = datetime.fromisoformat(page.built).replace(tzinfo=timezone.utc)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = showable(page.page_title), "argmap", "argmap"
    properties.created = properties.modified = built
    properties.revision = 1
    _paragraph(document, page.title, style=POCKET.name)
    if page.question:
        _paragraph(document, f"Question: {page.question}")
    semantics = f"statuses under {page.semantics} semantics" if page.semantics else (
        f"strengths under {page.strength_semantics} semantics" if page.strength_semantics else "")
    _small(_paragraph(document), " · ".join(filter(None, (
        f"Built {page.built}", page.check.summary, f"{plural(page.node_count, 'node')}, {plural(page.quote_count, 'quote')}", semantics,
        f"reading times at {page.wpm} words a minute"))))
    if page.verdict is not None:
        add_verdict(document, page.verdict)
    full = {row.card.ref.id: row.card for row in page.glance}
    for side in page.sides:
        add_side(document, side, full)
    if page.unsided:
        _paragraph(document, "Points without a side", style=HAT.name)
        for card in page.unsided:
            add_card(document, card)
    _paragraph(document, "Sources", style=HAT.name)
    for reference in page.bibliography:
        _paragraph(document, reference.text)
    if page.source_gaps:
        _paragraph(document, "Source gaps", style=BLOCK.name)
        for gap in page.source_gaps:
            _paragraph(document, f"{gap.cite}: {gap.listed}", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return pinned_zip(buffer.getvalue(), built)


# The dates a zip member can carry (its year is stored as 1980 + 0..127): a build date outside
# them (SOURCE_DATE_EPOCH=0 is common) dates the members the nearest one; the document's own
# properties keep the build date.
ZIP_FIRST, ZIP_LAST = (1980, 1, 1, 0, 0, 0), (2107, 12, 31, 0, 0, 0)


def pinned_zip(data: bytes, built: datetime) -> bytes:
    """The .docx (a zip file) with every member dated the build date instead of the moment it
    was written, so that the same input gives a byte-identical file."""
    stamp = min(max((built.year, built.month, built.day, 0, 0, 0), ZIP_FIRST), ZIP_LAST)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(member.filename))
    return out.getvalue()

"""Find quotes in source texts, forgiving only what a faithful quoter cannot see.

Both the source and the quote are brought to a *canonical* form before an exact substring
search: Unicode NFC; typographic quotes, apostrophes and dashes made straight; Markdown emphasis
markers (``*``, ``_``) and soft hyphens dropped; a hyphen at a line end joined to the next line;
every run of white space made one space. Words, digits, punctuation and negations are compared
exactly, so "31 negara" never matches "30 negara".

Line-end hyphens are ambiguous: ``perta-\\nhanan`` is one word split in two, ``negara-\\nnegara``
an Indonesian reduplication. The source is therefore searched twice: with such hyphens
dropped, then kept.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cached_property, lru_cache

_TRANSLATION = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000", " "),
        **dict.fromkeys("*_\u00ad\u200b\u200c\u200d\u2060\ufeff", None),
    }
)
_LINE_END_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")
_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def canonical(text: str, keep_line_end_hyphens: bool = False) -> str:
    """The canonical form of a quote (no offsets kept: fast; cached, as maps repeat quotes)."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATION)
    text = _LINE_END_HYPHEN.sub("-" if keep_line_end_hyphens else "", text)
    return _WHITESPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class Located:
    """A quote found in a source: offsets into the source's (NFC) text, 1-based lines."""

    start: int
    end: int
    line: int
    end_line: int
    passage: str  # the source's own text of the quote, verbatim


@dataclass(frozen=True)
class NearestPassage:
    """The passage of a source closest to a quote that was not found, and how they differ."""

    line: int
    passage: str
    similarity: float  # 0..100
    differences: tuple[str, ...]


@dataclass(frozen=True)
class QuoteResult:
    """Where a quote was found in its source, and the nearest passage when it was not."""

    matches: tuple[Located, ...]  # occurrences that fit prefix/suffix (all, when none given)
    occurrences: int  # occurrences of the bare quote
    nearest: NearestPassage | None = None

    @property
    def found(self) -> bool:
        return bool(self.matches)

    @property
    def unique(self) -> bool:
        return len(self.matches) == 1


# What the canonical form changes in a text: a line-end hyphen break, a run of white space, or a
# character the translation table maps or drops. Everything between two such places is copied,
# and so is a single space between two characters kept as they are (it stays one space, at its
# own offset): the index is then built per line and special character, not per word. Each change
# starts with a character of the leading class, which lets the regex engine skip to the next
# candidate instead of trying every alternative at every character; its first character tells
# the kind: '-' a hyphen break, white space a run of it, anything else a mapped character.
_MAPPED = "[" + re.escape("".join(map(chr, _TRANSLATION))) + "]"
_KEPT_AS_IS = r"[^\s" + _MAPPED[1:]
_CHANGED = re.compile(
    r"[-\s" + _MAPPED[1:-1] + "]"
    + r"(?:(?<=\w-)[ \t]*\r?\n\s*(?=\w)"  # the rest of _LINE_END_HYPHEN
    + rf"|(?<=\s)(?:(?<!{_KEPT_AS_IS} )|(?!{_KEPT_AS_IS}))\s*"
    + rf"|(?<={_MAPPED}))"
)


class _CanonicalIndex:
    """A canonical text with, for each of its characters, the offset in the original text.

    Built run by run rather than character by character: sources can be long."""

    def __init__(self, text: str, keep_line_end_hyphens: bool):
        out: list[str] = []
        offsets = array("q")
        pending_space = False  # white space seen since the last character kept
        copied_to = 0  # text[:copied_to] has been read

        def keep(chunk: str, start: int) -> None:
            nonlocal pending_space
            if pending_space:
                out.append(" ")
                offsets.append(start - 1)
                pending_space = False
            out.append(chunk)
            offsets.extend(range(start, start + len(chunk)))

        for change in _CHANGED.finditer(text):
            at = change.start()
            if at > copied_to:
                keep(text[copied_to:at], copied_to)
            copied_to = change.end()
            first = text[at]
            if first == "-":  # a line-end hyphen break
                if keep_line_end_hyphens:  # a pending space stays pending, for the next character kept
                    out.append("-")
                    offsets.append(at)
            elif first.isspace():  # what the regex's \s matches
                pending_space = bool(out)
            else:
                mapped = change.group().translate(_TRANSLATION)
                if mapped.isspace():
                    pending_space = bool(out)
                elif mapped:
                    keep(mapped, at)
        if copied_to < len(text):
            keep(text[copied_to:], copied_to)
        self.text = "".join(out)
        self.offsets = offsets


class SourceText:
    """One source document prepared for quote search. Build once, query many times."""

    def __init__(self, text: str):
        self.text = unicodedata.normalize("NFC", text)
        # Results by (quote, prefix, suffix): those asked for in this round, and those of the
        # round before, taken over when asked for again (see start_round).
        self._found: dict[tuple[str, str | None, str | None], QuoteResult] = {}
        self._found_before: dict[tuple[str, str | None, str | None], QuoteResult] = {}

    @cached_property
    def _joined(self) -> _CanonicalIndex:
        return _CanonicalIndex(self.text, keep_line_end_hyphens=False)

    @cached_property
    def _kept(self) -> _CanonicalIndex:
        return _CanonicalIndex(self.text, keep_line_end_hyphens=True)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def line_text(self, line: int) -> str:
        starts = self._line_starts
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[starts[line - 1]:end]

    def find(self, quote: str, prefix: str | None = None, suffix: str | None = None) -> QuoteResult:
        key = (quote, prefix, suffix)
        found = self._found.get(key)
        if found is None:
            found = self._found_before.pop(key, None) or self._find(quote, prefix, suffix)
            self._found[key] = found
        return found

    def start_round(self) -> None:
        """Forget the results not asked for since the last call. A text kept from one check of
        a project to the next (`argmap serve`) then holds the results of the quotes its maps
        still make, not of every quote written and saved in the meantime."""
        self._found_before, self._found = self._found, {}

    @property
    def results_kept(self) -> int:
        return len(self._found) + len(self._found_before)

    def _find(self, quote: str, prefix: str | None, suffix: str | None) -> QuoteResult:
        needle = canonical(quote)
        if not needle:
            return QuoteResult((), 0)
        for kept in (False, True):  # the second index is built only when needed
            index = self._kept if kept else self._joined
            starts = _all_occurrences(index.text, needle)
            if not starts:
                continue
            fitting = [s for s in starts if _fits(index.text, s, s + len(needle), prefix, suffix)]
            matches = tuple(self._locate(index, s, s + len(needle)) for s in fitting)
            return QuoteResult(matches, len(starts))
        return QuoteResult((), 0, self.nearest(needle))

    def _locate(self, index: _CanonicalIndex, start: int, end: int) -> Located:
        first = index.offsets[start]
        last = index.offsets[end - 1] + 1
        return Located(first, last, self.line_of(first), self.line_of(last - 1), self.text[first:last])

    def nearest(self, needle: str) -> NearestPassage | None:
        """The passage most like ``needle`` (canonical), for 'did you mean' reports."""
        from rapidfuzz import fuzz

        index = self._joined
        if not index.text:
            return None
        found = fuzz.partial_ratio_alignment(needle, index.text)
        if found is None:
            return None
        text = index.text
        start, end = found.dest_start, max(found.dest_end, found.dest_start + 1)
        while start > 0 and text[start - 1] != " ":  # widen to whole words
            start -= 1
        while end < len(text) and text[end] != " ":
            end += 1
        located = self._locate(index, start, end)
        passage = text[start:end]
        return NearestPassage(located.line, passage, round(found.score, 1), word_differences(needle, passage))


def _all_occurrences(haystack: str, needle: str) -> list[int]:
    starts = []
    at = haystack.find(needle)
    while at != -1:
        starts.append(at)
        at = haystack.find(needle, at + 1)
    return starts


def _fits(haystack: str, start: int, end: int, prefix: str | None, suffix: str | None) -> bool:
    if prefix:
        before = canonical(prefix)
        if not haystack[:start].rstrip().endswith(before):
            return False
    if suffix:
        after = canonical(suffix)
        if not haystack[end:].lstrip().startswith(after):
            return False
    return True


_EDGE_PUNCTUATION = ".,;:!?\"'()[]"


def word_differences(quote: str, passage: str, limit: int = 3) -> tuple[str, ...]:
    """Human-readable word changes from the source's passage to the quote."""
    a, b = passage.split(), quote.split()
    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        src, got = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        at_edge = i1 == 0 or i2 == len(a)
        if at_edge and src.strip(_EDGE_PUNCTUATION) == got.strip(_EDGE_PUNCTUATION):
            continue  # the passage was widened to whole words; a stop at its edge is no change
        if tag == "replace":
            changes.append(f"the source has '{src}' where the quote has '{got}'")
        elif tag == "delete":
            changes.append(f"the quote leaves out '{src}'")
        else:
            changes.append(f"the quote adds '{got}'")
    return tuple(changes[:limit])

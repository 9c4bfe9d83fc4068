"""The quote finder behind `argmap quote`: from approximate words to a verified evidence snippet.

A mapper remembers roughly what a source said; a map needs the source's exact words. This
module cuts the source into candidate passages (clauses, runs of clauses, sentences and pairs of
sentences, never across a paragraph break), ranks them against the remembered words, and turns
the best one into a ready-to-paste ``evidence:`` entry whose quote is verified to occur in the
source, with a ``prefix`` or ``suffix`` when the passage occurs more than once.

Similarity (0-100) is how much of the query the passage holds, in order: the share of the query's
words found in the passage in the query's order (their longest common subsequence), a word found
only out of order counting half. Typos are forgiven: a word of the passage at least
:data:`WORD_MATCH` % alike to a word of the query (rapidfuzz ratio, case and punctuation ignored)
counts as that word, weighed by how alike it is. The passage's other words cost nothing: a mapper
remembers part of a sentence, and the sentence goes on. Of two passages as similar, the shorter
ranks first.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from argmap.quotes import DEFAULT_LIMIT
from argmap.quotes.match import Located, SourceText, canonical
from argmap.quotes.pages import is_paged, page_range

CLOSE_ENOUGH = 60.0  # below this similarity no passage is "close": `argmap quote` exits 1
WORD_MATCH = 80.0  # two words this alike (rapidfuzz ratio) count as the same word, typos forgiven
REFINE = 10  # how many of the best passages are also tried cut down to the query's words
MAX_CONTEXT_WORDS = 12  # a prefix or suffix longer than this would not help a reader

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]*_]*\s+")
_CLAUSE_END = re.compile(r"(?<=[,;:])[\"'\u201d\u2019\u00bb]*\s+")  # after a comma, and a quotation it closes
_BLOCK_MARKER = re.compile(r"(?:#{1,6}|>|[-\u2022*+]|\d+[.)])\s+")  # heading, quote, list item
_TRAILING = ",;: \t\r\n"
_INVISIBLE = str.maketrans(dict.fromkeys("*_\u00ad\u200b\u200c\u200d\u2060\ufeff", None))
_LINE_END_HYPHEN = re.compile(r"(\w+)-[ \t]*\r?\n\s*(\w+)")


@dataclass(frozen=True)
class Passage:
    """A candidate passage and how like the query it is (0-100)."""

    located: Located
    similarity: float


# --- ranking -----------------------------------------------------------------------------------


def rank_passages(source: SourceText, words: str, limit: int = DEFAULT_LIMIT, *, fragments: bool = False) -> list[Passage]:
    """The ``limit`` passages most like ``words``, best first: whole clauses, runs of clauses and
    sentences, so that a card never starts or ends in the middle of a clause.

    With ``fragments``, the best candidates are also tried cut down to every stretch between two
    words the query has (words remembered from the middle of a long sentence then give that part
    alone). Overlapping passages yield only the better one (ties go to the shorter).
    """
    query = _words(canonical(words))
    if not query:
        return []
    tokens = _tokens(source.text)
    starts = [t[0] for t in tokens]
    matches = _query_matches(query, {t[2] for t in tokens})
    wanted = matches.keys()

    def words_in(start: int, end: int) -> list[tuple[int, int, str]]:
        return tokens[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    @cache  # a sentence is scored alone and as a part of the pairs it is in
    def score(span: tuple[int, int]) -> float:
        return _similarity(len(query), [matches[t[2]] for t in words_in(*span) if t[2] in wanted])

    scored: dict[tuple[int, int], float] = {}
    for span, sentences in _candidates(source.text):
        similarity = score(span)
        if sentences is None or _adds_to_both(similarity, [score(sentence) for sentence in sentences], len(query)):
            scored[span] = similarity
    for span in _best(scored, REFINE if fragments else 0):
        matched = [t for t in words_in(*span) if t[2] in wanted]
        for i, first in enumerate(matched):
            for last in matched[i:]:
                cut = _widened(source.text, first[0], last[1])
                if cut not in scored:
                    scored[cut] = score(cut)
    chosen: list[Passage] = []
    for start, end in _best(scored, len(scored)):
        if any(start < p.located.end and p.located.start < end for p in chosen):
            continue
        chosen.append(Passage(_located(source, start, end), round(scored[start, end], 1)))
        if len(chosen) == limit:
            break
    return chosen


_OPENERS = "([{\"'\u201c\u2018*_"
_CLOSERS = ")]}\"'\u201d\u2019*_"


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """A cut that ends on a word keeps the brackets, quote marks, emphasis and full stop around it."""
    while start > 0 and text[start - 1] in _OPENERS:
        start -= 1
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    if end < len(text) and text[end] in ".!?":
        end += 1
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
    return start, end


def _best(scored: dict[tuple[int, int], float], n: int) -> list[tuple[int, int]]:
    return sorted(scored, key=lambda span: (-scored[span], span[1] - span[0], span[0]))[:n]


_TOKEN = re.compile(r"[^\W_]+(?:-[ \t]*\r?\n\s*[^\W_]+)*")  # a word, joined across a line-end hyphen
_LINE_BREAK_HYPHEN = re.compile(r"-[ \t]*\r?\n\s*")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """Words of the source as (start, end, comparable form)."""
    from rapidfuzz import utils

    return [(m.start(), m.end(), utils.default_process(_LINE_BREAK_HYPHEN.sub("", m.group())))
            for m in _TOKEN.finditer(text)]


PAIR_GAIN = 2  # words of the query a pair of sentences must hold beyond either sentence alone


def _adds_to_both(pair: float, sentences: list[float], query_length: int) -> bool:
    """A pair of sentences is a candidate when it holds :data:`PAIR_GAIN` more of the query's
    words than either sentence: the words then run from one sentence into the other. One word
    more is mostly a topic word the next sentence repeats, and would win a longer card for it."""
    return pair >= max(sentences) + 100 * PAIR_GAIN / query_length - 1e-9  # (the sums are of floats)


Span = tuple[int, int]


def passage_spans(text: str) -> Iterator[Span]:
    """Candidate passages as (start, end) offsets: within each sentence every run of clauses
    (the whole sentence included), and every two adjacent sentences of a paragraph. A run of
    clauses loses a quotation mark left without its pair at either end (a card never opens a
    quotation it does not close), and is dropped when one is left open inside it."""
    return (span for span, _ in _candidates(text))


def _candidates(text: str) -> Iterator[tuple[Span, tuple[Span, Span] | None]]:
    """:func:`passage_spans`, each pair of sentences with the two sentences it joins."""
    for p_start, p_end in _split(text, _PARAGRAPH_BREAK, 0, len(text)):
        sentences = [part for start, end in _split(text, _SENTENCE_END, p_start, p_end)
                     for part in _split_after_headings(text, start, end)]
        for s_start, s_end in sentences:
            clauses = list(_split(text, _CLAUSE_END, s_start, s_end))
            for i in range(len(clauses)):
                for j in range(i, len(clauses)):
                    whole_sentence = i == 0 and j == len(clauses) - 1
                    for span in _trimmed(text, clauses[i][0], clauses[j][1]):
                        span = span if whole_sentence else _unquoted_edges(text, *span)
                        if span and (whole_sentence or _balanced(text[span[0]:span[1]])):
                            yield span, None
        for first, second in zip(sentences, sentences[1:]):
            for span in _trimmed(text, first[0], second[1]):
                yield span, (first, second)


MAX_HEADING = 60  # characters: a shorter line, unpunctuated, before a capital is a heading


def _split_after_headings(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A sentence split after a heading line that has no blank line under it, as text taken from
    a PDF has: a short line with no punctuation at its end, starting and followed by a capital
    ("Ferry trial report" over "The ferry crossed ..."). A wrapped line of running text is long,
    or followed by a small letter, and stays in its sentence."""
    at = start
    line_start = start
    newline = text.find("\n", start, end)
    while newline != -1:
        line = text[line_start:newline].strip()
        following = text[newline:end].lstrip()
        if (line and len(line) <= MAX_HEADING and line[0].isupper() and line[-1].isalnum()
                and following[:1].isupper()):
            yield at, newline
            at = newline + 1
        line_start = newline + 1
        newline = text.find("\n", newline + 1, end)
    yield at, end


_STRAIGHT = "\""


def _balanced(passage: str) -> bool:
    """Every quotation the passage opens, it closes (apostrophes aside: they are not marks)."""
    if passage.count(_STRAIGHT) % 2:
        return False
    return passage.count("\u201c") + passage.count("\u201e") == passage.count("\u201d") + passage.count("\u201e") \
        and passage.count("\u00ab") == passage.count("\u00bb")


def _unquoted_edges(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without an opening mark at its start, or a closing mark at its end, whose pair
    lies outside it (a clause cut from inside a quotation); None when only marks would remain."""
    for _ in range(2):
        passage = text[start:end]
        if passage[:1] in ("\u201c", "\u201e", "\u00ab", _STRAIGHT) and not _balanced(passage):
            start += 1
        passage = text[start:end]
        if passage[-1:] in ("\u201d", "\u00bb", _STRAIGHT) and not _balanced(passage):
            end -= 1
            while end > start and text[end - 1] in _TRAILING:
                end -= 1
    while start < end and text[start].isspace():
        start += 1
    return (start, end) if any(ch.isalnum() for ch in text[start:end]) else None


def _split(text: str, separator: re.Pattern[str], start: int, end: int) -> Iterator[tuple[int, int]]:
    at = start
    for match in separator.finditer(text, start, end):
        yield at, match.start()
        at = match.end()
    yield at, end


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The span without surrounding space, Markdown block markers and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    marker = _BLOCK_MARKER.match(text, start, end)
    if marker:
        start = marker.end()
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if any(ch.isalnum() for ch in text[start:end]):
        yield start, end


def _words(text: str) -> tuple[str, ...]:
    from rapidfuzz import utils

    return tuple(utils.default_process(text).split())


# For a word of the source: each position of the query it counts for, and how alike they are (0-1].
WordMatches = tuple[tuple[int, float], ...]


def _query_matches(query: tuple[str, ...], vocabulary: set[str]) -> dict[str, WordMatches]:
    """The source's words that count as words of the query, with the query positions they match."""
    from rapidfuzz import fuzz, process

    found: dict[str, list[tuple[int, float]]] = {}
    for position, word in enumerate(query):
        if word in vocabulary:
            found.setdefault(word, []).append((position, 1.0))
        if len(word) < 4:  # short words differ by a letter from other short words: no typo forgiven
            continue
        for alike, ratio, _ in process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_MATCH, limit=None):
            if alike != word:
                found.setdefault(alike, []).append((position, ratio / 100))
    return {word: tuple(positions) for word, positions in found.items()}


def _similarity(query_length: int, passage: list[WordMatches]) -> float:
    """0-100: the query's words the passage holds in order, plus half those it holds out of order.

    ``passage`` lists, for each of its words that is like a query word, the query positions it
    matches. The words in order are a weighted longest common subsequence: ``in_order[i]`` is the
    best weight of query[:i] matched, in order, by the passage's words read so far."""
    if not passage:
        return 0.0
    in_order = [0.0] * (query_length + 1)
    anywhere = [0.0] * query_length
    for positions in passage:
        for position, weight in reversed(positions):  # descending: each passage word is used once
            in_order[position + 1] = max(in_order[position + 1], in_order[position] + weight)
            anywhere[position] = max(anywhere[position], weight)
        for i in range(query_length):
            in_order[i + 1] = max(in_order[i + 1], in_order[i])
    ordered = in_order[query_length]
    return 100 * (ordered + (sum(anywhere) - ordered) / 2) / query_length


def _located(source: SourceText, start: int, end: int) -> Located:
    return Located(start, end, source.line_of(start), source.line_of(end - 1), source.text[start:end])


# --- from a passage to a verified quote and an evidence snippet ----------------------------


@dataclass(frozen=True)
class Suggestion:
    """A ranked passage as evidence: its quote verified in the source, with the context that
    picks this occurrence when the quote occurs more than once."""

    source_id: str
    language: str
    passage: Passage
    quote: str
    occurrences: tuple[Located, ...]
    prefix: str | None = None
    suffix: str | None = None
    page: int | str | None = None  # in a source saved with its pages: the page (or pages) the quote stands on
    attribution: str | None = None  # the source's sentence, when it reports the quote as someone's words
    translate_into: str | None = None  # the map's language, when it is not the source's

    def snippet(self, indent: int = 4) -> str:
        """The ``evidence:`` entry, indented to sit under a node of a map laid out like maps/."""
        fields = {"source": self.source_id, "quote": self.quote, "prefix": self.prefix, "suffix": self.suffix,
                  "page": self.page}
        lines = ["evidence:"]
        for i, (key, value) in enumerate((k, v) for k, v in fields.items() if v is not None):
            lines.append(("  - " if i == 0 else "    ") + _yaml_field(key, value))
        if self.attribution:  # a comment too: only the mapper can say whose words these are
            lines.append(f"    # speaker: TODO, whose words these are: the source says {self.attribution_cue!r}")
        # A comment, not a value: a placeholder translation would pass `argmap check` unnoticed,
        # while a missing one is reported (AM503) until someone writes it.
        if self.translate_into:
            lines.append(f"    # translation: TODO, translate the quote from '{self.language}' into '{self.translate_into}'")
        pad = " " * indent
        return "\n".join(pad + line for line in lines)


    @property
    def attribution_cue(self) -> str | None:
        """The words of the sentence, outside the quote, that attribute it ("according to ...")."""
        if not self.attribution:
            return None
        found = _ATTRIBUTION.search(self.attribution)
        return found.group() if found else None


# Words that report what someone else says, claims or is accused of, in English and Indonesian.
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|claims|claimed|alleges?|alleged(?:ly)?|accus(?:es|ed|ations?)|according to|"
    r"called|calls|argues|argued|insists?|insisted|denie[sd]|reportedly|replie[sd]|warned|stated|"
    r"kata(?:nya)?|mengatakan|menurut|ujar(?:nya)?|menuduh|tuduhan|dituduh|mengklaim|klaim|menyebut(?:kan)?|"
    r"menyatakan|diduga)\b", re.IGNORECASE)


def attribution_of(text: str, start: int, end: int) -> str | None:
    """The sentence around ``text[start:end]``, on one line, when its words outside that span
    attribute the span to someone (a report, a claim, an accusation); None otherwise."""
    for p_start, p_end in _split(text, _PARAGRAPH_BREAK, 0, len(text)):
        if not (p_start <= start < p_end or p_start < end <= p_end):
            continue
        for s_start, s_end in _split(text, _SENTENCE_END, p_start, p_end):
            if s_end <= start or end <= s_start:
                continue
            outside = text[s_start:max(s_start, start)] + " " + text[min(end, s_end):s_end]
            if _ATTRIBUTION.search(readable(outside)):
                return readable(text[s_start:s_end])
    return None


def suggest(source_id: str, language: str, source: SourceText, passage: Passage, *,
            translate_into: str | None = None) -> Suggestion:
    """The passage as a quote that `argmap check` verifies, with prefix/suffix when needed; its
    snippet asks for a translation into ``translate_into`` when that is given."""
    located = passage.located
    # Quote matching joins all line-end hyphens of a quote or keeps them all, so a passage with
    # both a split word and a reduplication needs one of the uniform forms; canonical() always works.
    forms = (readable(located.passage), readable(located.passage, _JOIN), readable(located.passage, _KEEP),
             canonical(located.passage))
    quote, ours = next(((q, o) for q in forms if (o := _occurrence(source, q, located))), (forms[-1], None))
    occurrences = source.find(quote).matches
    page = _page_of(source, ours or located)
    attribution = attribution_of(source.text, located.start, located.end)
    if ours is None or len(occurrences) < 2:
        return Suggestion(source_id, language, passage, quote, occurrences, page=page, attribution=attribution,
                          translate_into=translate_into)
    prefix, suffix = _disambiguation(source, quote, ours)
    return Suggestion(source_id, language, passage, quote, occurrences, prefix, suffix, page, attribution, translate_into)


def _page_of(source: SourceText, located: Located) -> int | str | None:
    """The page (``3``) or pages (``3-4``) of a paged source the passage stands on; else None."""
    if not is_paged(source.text):
        return None
    first, last = page_range(source.text, located.start, located.end)
    return first if first == last else f"{first}-{last}"


def _join_hyphenated(match: re.Match[str]) -> str:
    before, after = match.group(1), match.group(2)
    # "negara-\nnegara" is Indonesian reduplication and keeps its hyphen; "perta-\nhanan" is one word
    return f"{before}-{after}" if before.lower() == after.lower() else before + after


def _JOIN(match: re.Match[str]) -> str:
    return match.group(1) + match.group(2)


def _KEEP(match: re.Match[str]) -> str:
    return f"{match.group(1)}-{match.group(2)}"


def readable(passage: str, line_end_hyphen: Callable[[re.Match[str]], str] = _join_hyphenated) -> str:
    """The source's own words on one line: Markdown emphasis, soft hyphens and line breaks
    dropped (all of which quote matching forgives), typographic quotes and dashes kept."""
    text = unicodedata.normalize("NFC", passage).translate(_INVISIBLE)
    text = _LINE_END_HYPHEN.sub(line_end_hyphen, text)
    return " ".join(text.split())


def _occurrence(source: SourceText, quote: str, located: Located) -> Located | None:
    """The occurrence of ``quote`` that is the ranked passage (they overlap)."""
    for match in source.find(quote).matches:
        if match.start < located.end and located.start < match.end:
            return match
    return None


def _disambiguation(source: SourceText, quote: str, ours: Located) -> tuple[str | None, str | None]:
    """The fewest words before (else after, else both) that make this occurrence the only one."""
    before = readable(source.text[max(0, ours.start - 2000):ours.start]).split()
    after = readable(source.text[ours.end:ours.end + 2000]).split()
    for n in range(1, MAX_CONTEXT_WORDS + 1):
        for prefix, suffix in ((_last(before, n), None), (None, _first(after, n)), (_last(before, n), _first(after, n))):
            if (prefix or suffix) and _picks(source, quote, ours, prefix, suffix):
                return prefix, suffix
    return _last(before, MAX_CONTEXT_WORDS), _first(after, MAX_CONTEXT_WORDS)


def _last(words: list[str], n: int) -> str | None:
    return _wordy(words[-n:]) if len(words) >= n else None


def _first(words: list[str], n: int) -> str | None:
    return _wordy(words[:n]) if len(words) >= n else None


def _wordy(words: list[str]) -> str | None:
    """Context a reader recognises: words, not a lone Markdown marker such as ``##``."""
    text = " ".join(words)
    return text if any(ch.isalnum() for ch in text) else None


def _picks(source: SourceText, quote: str, ours: Located, prefix: str | None, suffix: str | None) -> bool:
    matches = source.find(quote, prefix, suffix).matches
    return len(matches) == 1 and matches[0].start == ours.start


def _yaml_field(key: str, value: str) -> str:
    """``key: value`` with the value quoted exactly when YAML needs it, on one line."""
    import yaml  # here: PyYAML's writer is needed only once a passage is suggested

    return yaml.safe_dump({key: value}, allow_unicode=True, width=float("inf"), default_flow_style=False).rstrip("\n")


def has_words(text: str) -> bool:
    """Whether ``text`` holds any word to look for."""
    return bool(_words(canonical(text)))

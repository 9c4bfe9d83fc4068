"""Load YAML text into plain data, safely, with positions for diagnostics.

Two readers give one result (:class:`LoadedYaml`): the same data and the same diagnostics at the
same positions, whichever runs.

* the **careful path** walks PyYAML's event stream itself and defines argmap's YAML: plain
  scalars resolve as in YAML 1.2's core schema (dates stay text), keys are text as written
  (``2024:`` is the key "2024"), explicit tags are refused, duplicate keys are reported at the
  second key, nesting depth and the growth that aliases can cause are bounded;
* the **fast path** hands ordinary files to ``yaml_rs`` (a Rust parser, ~15x faster than
  PyYAML's C loader). Its result is kept only where it provably equals the careful path's: the
  text holds no tag, anchor, alias, document marker, or number form that ``yaml_rs`` reads
  differently, and the data has text keys only and stays within the depth bound. Anything else
  goes to the careful path, which says exactly what and where.

Positions are character offsets until a diagnostic needs one (:mod:`argmap.core.locate`). The
data of a large map may be let go once its models are built (:meth:`LoadedYaml.let_go`).
"""

from __future__ import annotations

import itertools
import os
import re
import stat
import sys
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.core.codes import Code
from argmap.core.collector import cyclic_gc_paused
from argmap.core.diagnostics import Diagnostic
from argmap.core.locate import LazyMapping, Locator, Marks, YamlPath, position_at

MAX_DEPTH = 64
MAX_ALIAS_EXPANSION = 100_000  # YAML nodes that aliases may add, in total, to one document
MAX_FILE_BYTES = 64 * 1024 * 1024

# The first character of a line that is neither blank nor a comment (found without splitting a
# large file into lines first)
_CONTENT = re.compile(r"(?:^|\r)[ \t]*[^ \t\r\n#]", re.MULTILINE)
# What YAML forbids anywhere in a stream (control characters but tab and line breaks, C1 codes
# but NEL, surrogates, U+FFFE/U+FFFF). yaml_rs would read some of them, silently stopping at NUL.
# Compiled only for a text that may hold one: compiling it takes ~4 ms of every start.
_NOT_PRINTABLE = "[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]"
# Line breaks for PyYAML (YAML 1.1), characters inside a line for YAML 1.2, yaml_rs and editors
_YAML_1_1_BREAKS = "\x85\u2028\u2029"


def _after(character: str, before: str, or_before: str = "") -> str:
    """``character`` preceded by ``before`` and 0-2 blanks, or by 3 blanks (fixed-width lookbehinds),
    or followed by ``or_before``."""
    c = re.escape(character)
    followed = f"{or_before}|" if or_before else ""
    # first one test of the character just before, which each lookbehind needs to be `before` or a
    # blank: most hits are neither (the `:` of `key: value`), and four tests each cost ~0.1 s on a
    # 200,000-node map
    either = (before[:-1] if before.startswith("[") else f"[{before}") + r" \t]"
    either = rf"(?<={either}{c})"
    return c + rf"(?:{followed}{either}(?:(?<={before}{c})|(?<={before}[ \t]{c})|(?<={before}[ \t]{{2}}{c})|(?<=[ \t]{{3}}{c})))"


# Text the fast path must leave to the careful path because yaml_rs reads it differently from
# libyaml (number forms are in _yaml_rs_number_ahead): in flow context `|`, `>`, `?` or `:` may
# start a plain scalar (`[|]`, `{a: >}`, `{a: ?}`) and `{a:}` is a mapping;
# a tab may precede a key or follow a dash. Matching more than that (inside words, three blanks before) is a
# harmless false alarm. Each pattern starts with a literal character, so that the regex engine
# skips through large files instead of trying every position.
_BLOCK_SCALAR_HEADER_ENDS = r"(?![-+0-9]*[ \t]*(?:#[^\n]*)?\r?$)"
_YAML_RS_READS_OTHERWISE = [
    *(re.compile(_after(c, r"[\[{,]")) for c in "|>"),
    *(re.compile(_after(c, ":") + _BLOCK_SCALAR_HEADER_ENDS, re.MULTILINE) for c in "|>"),
    # one pass for each of `?` and `:`, the most frequent, whether after a flow character or a colon
    re.compile(_after("?", r"[\[{,:]")),
    re.compile(_after(":", r"[\[{,:]", or_before=r"[,\]}\[{]")),
    re.compile(r"\n(?:---|\.\.\.|\t)"),  # also a document marker: several documents
    re.compile(r"-[ ]?\t"),  # a tab after a sequence's dash (looked for only in a text with a tab)
]


# Number forms yaml_rs reads beyond YAML 1.2's core schema: underscores (1_000, _0, 1e_3), binary,
# signed or upper-case prefixes (0b11, +0x1f, 0X1F), any case of .inf/.nan (.iNf). Each pattern
# starts with a literal; the token around a hit decides.
_NUMBER_HINTS = [re.compile(r"_(?:(?<=[0-9.]_)|(?=[0-9.]))"), re.compile(r"0[xXoObB]"), re.compile(r"\.[iInN][nNaA][fFnN]")]
_TOKEN_END = re.compile(r"[\s,\[\]{}#:'\"]|$")
_NUMBER_LIKE = re.compile(r"[-+]?(?:0[bB][01_]+|0[oO][0-7_]+|0[xX][0-9a-fA-F_]+|\.(?i:inf|nan)"
                          r"|(?=[0-9_.]*[0-9])[0-9_]*\.?[0-9_]*(?:[eE][-+]?[0-9_]+)?)")


def _yaml_rs_number_ahead(text: str) -> bool:
    """Whether a plain token may be a number for yaml_rs but not for the careful path."""
    for pattern in _NUMBER_HINTS:
        for hit in pattern.finditer(text):
            start = max(text.rfind(c, 0, hit.start()) for c in " \t\n\r,[]{}:'\"") + 1
            token = text[start:_TOKEN_END.search(text, hit.start()).start()]
            if _NUMBER_LIKE.fullmatch(token) and resolve_plain_scalar(token) == token:
                return True
    return False


_BLOCK_SCALAR_HEADER = re.compile(r"[|>](?<=[ \t][|>])[-+0-9]*[ \t]*(?:#[^\n]*)?\r?$", re.MULTILINE)


def _block_scalar_ends_the_file(text: str) -> bool:
    """Whether a block scalar may end the file, where yaml_rs adds a line break the careful path
    does not: an empty one (`a: |` as the last line) or one with no final newline."""
    if not text.endswith("\n") and _BLOCK_SCALAR_HEADER.search(text):
        return True
    end = len(text)
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end].strip()
        if line and not line.startswith("#"):
            return _BLOCK_SCALAR_HEADER.search(" " + line) is not None
        end = start
    return False


def _needs_careful_path(text: str) -> bool:
    # A tag (!), an anchor (&) or an alias (*) where a YAML token can start (line start, after
    # `: `, `- `, `[`, `{` or `,`). A false alarm ("a - *b*" in plain text) only costs speed.
    for special in "!&*":
        at = text.find(special)
        while at >= 0:
            line_start = text.rfind("\n", 0, at) + 1
            before = text[line_start:at]
            stripped = before.rstrip(" \t")
            if not stripped or stripped[-1] in "[{," or (stripped[-1] in ":-" and len(stripped) < len(before)):
                return True
            at = text.find(special, at + 1)
    # the patterns that need a tab are left out of a text without one (found at C speed)
    patterns = _YAML_RS_READS_OTHERWISE if "\t" in text else _YAML_RS_READS_OTHERWISE[:-1]
    return (text.startswith(("---", "...", "\t")) or any(pattern.search(text) for pattern in patterns)
            or _yaml_rs_number_ahead(text) or _block_scalar_ends_the_file(text))


def _within_careful_rules(data: Any) -> bool:
    """Whether fast-path data is what the careful path would build: text keys, bounded depth."""
    level, depth = [data], 1
    while level:
        if depth > MAX_DEPTH:
            return False
        deeper: list[Any] = []
        for value in level:
            if type(value) is dict:
                if not all(map(isinstance, value, itertools.repeat(str))):
                    return False
                deeper += [child for child in value.values() if type(child) in _CONTAINERS]
            else:
                deeper += [child for child in value if type(child) in _CONTAINERS]
        level, depth = deeper, depth + 1
    return True


_CONTAINERS = (dict, list)


class YamlProblem(Exception):
    def __init__(self, code: Code, message: str, offset: int, hints: tuple[str, ...] = ()):
        super().__init__(message)
        self.code = code
        self.message = message
        self.offset = offset
        self.hints = hints


@dataclass
class LoadedYaml:
    path: Path
    display: str
    text: str
    _data: Any  # None once let go (see let_go): read `data`
    locator: Locator = field(repr=False)
    # fast-path data whose keys and nesting no one has checked yet (see parse_yaml's schema_checks_keys)
    keys_unchecked: bool = False

    @property
    def data(self) -> Any:
        """The parsed data; parsed again from the text after :meth:`let_go`."""
        if self._data is None:
            again, _ = parse_yaml(self.text, self.path, self.display, schema_checks_keys=True)
            assert again is not None  # the same text parsed before
            self._data = self.locator.data = again.data
            self.locator.forget()
        return self._data

    def let_go(self) -> None:
        """Drop the parsed data: reading ``data`` again parses the text again. Until
        :meth:`place_lazily` says how, no diagnostic can be placed."""
        self._data = self.locator.data = None

    def place_lazily(self, top: dict[str, Any], key: str, names: Mapping[str, Any],
                     accept: Callable[[str, Any], bool]) -> None:
        """Place diagnostics without the data that :meth:`let_go` dropped (a large map's nodes
        are most of its memory, and their models hold what the rules read). ``top`` is the
        data's top level but for ``key``, whose entries ``names`` lists in order. A diagnostic
        under ``key`` parses that entry's lines alone, kept when ``accept(name, data)`` vouches
        for the reading (the entry's model built from it equals the one built from the whole
        file); any other need parses the whole text again."""
        this = weakref.ref(self)  # the locator keeps the function: no cycle back to the document

        def entry(name: str) -> Any:
            doc = this()
            assert doc is not None  # only the document's own locator asks
            lines = doc.locator.entry_text((key, name))
            found = _fast_load(lines, check_keys=True) if lines is not None else None
            if isinstance(found, dict) and list(found) == [name] and accept(name, found[name]):
                return found[name]
            return doc.data[key][name]

        self.locator.data = {**top, key: LazyMapping(names, entry)}
        self.locator.forget()

    def diagnostic(
        self,
        path: YamlPath,
        code: Code,
        message: str,
        hints: tuple[str, ...] = (),
        at_key: bool = False,
    ) -> Diagnostic:
        pos = self.locator.key(path) if at_key else self.locator.value(path)
        return Diagnostic(self.display, pos.line, pos.column, code.severity, code, message, hints)


def display_path(path: Path) -> str:
    """Paths in diagnostics are relative to the current directory when they can be."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_text(path: Path, display: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a file as UTF-8 text; problems become diagnostics (missing files are the caller's)."""
    raw, problems = read_bytes(path, display)
    if raw is None:
        return None, problems
    return decode_text(raw, display)


def read_bytes(path: Path, display: str) -> tuple[bytes | None, list[Diagnostic]]:
    """Read a regular file of at most MAX_FILE_BYTES. The file is opened without blocking and
    checked once open, so a FIFO cannot hang argmap and a device cannot feed it forever."""
    def unreadable(message: str) -> tuple[None, list[Diagnostic]]:
        return None, [Diagnostic.of(Code.AM100, display, 1, 1, message)]

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        return unreadable("expected a file, found a directory")
    except OSError as exc:
        return unreadable(f"cannot read file: {exc.strerror}")
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            return unreadable("expected a file, found a directory")
        if not stat.S_ISREG(mode):
            return unreadable(f"expected a regular file, found {_special_kind(mode)}")
        with open(fd, "rb", closefd=False) as file:
            raw = file.read(MAX_FILE_BYTES + 1)  # the cap holds even if the file grows meanwhile
    except OSError as exc:
        return unreadable(f"cannot read file: {exc.strerror}")
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        return unreadable(_too_large())
    return raw, []


def _too_large() -> str:
    return f"file is larger than {MAX_FILE_BYTES:,} bytes, the most argmap reads"


def _special_kind(mode: int) -> str:
    kinds = [(stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]
    return next((name for test, name in kinds if test(mode)), "a special file")


def decode_text(raw: bytes, display: str) -> tuple[str | None, list[Diagnostic]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            Diagnostic.of(Code.AM101, display, line, column,
                       f"file is not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded",
                       ("save the file as UTF-8",))
        ]


def load_yaml(path: Path, display: str | None = None) -> tuple[LoadedYaml | None, list[Diagnostic]]:
    """Read and parse one YAML file. Returns the document, or None with diagnostics."""
    display = display or display_path(path)
    text, problems = read_text(path, display)
    if text is None:
        return None, problems
    return parse_yaml(text, path, display)


def unsaved_text(text: str, display: str) -> tuple[str | None, list[Diagnostic]]:
    """An editor's unsaved text of a file, held to the rules of one read from disk: the size cap,
    no BOM."""
    # a character is at most 4 bytes: only text that might be too large is encoded to measure it
    if len(text) * 4 > MAX_FILE_BYTES and len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        return None, [Diagnostic.of(Code.AM100, display, 1, 1, _too_large())]
    return text.removeprefix("\ufeff"), []


def parse_yaml(text: str, path: Path, display: str, fast_path: bool = True,
               schema_checks_keys: bool = False, parsed: Callable[[], Any] | None = None,
               ) -> tuple[LoadedYaml | None, list[Diagnostic]]:
    """Parse YAML text. ``fast_path=False`` forces the careful path (the result is the same).
    ``parsed``: a function giving what :func:`yaml_rs_loads` gives for this very text, when it is
    parsed ahead (:mod:`argmap.core.ahead`); the fast path then takes it, once its guards have
    passed, instead of parsing again.

    ``schema_checks_keys``: the caller validates the data against a schema that takes text keys
    and a few levels of nesting only (the map model does), so the fast path leaves out its walk
    over every container of the data. Data the schema accepts is then what the careful path reads;
    for data it refuses, :func:`recheck_keys` gives that reading before anything reports on it."""
    if _CONTENT.search(text) is None:
        return None, [Diagnostic.of(Code.AM102, display, 1, 1, "file is empty: expected a YAML mapping")]
    data: Any = None
    marks: tuple[Marks, Marks] | None = None
    try:
        _refuse_unprintable(text)
        data = _fast_load(text, check_keys=not schema_checks_keys, parsed=parsed) if fast_path else None
        if data is None:
            builder = _EventBuilder(text)
            data = builder.build()
            marks = builder.key_marks, builder.value_marks
    except YamlProblem as problem:
        pos = position_at(text, problem.offset)
        return None, [Diagnostic.of(problem.code, display, pos.line, pos.column, problem.message, problem.hints)]
    if not isinstance(data, dict):
        found = "nothing" if data is None else type(data).__name__
        return None, [Diagnostic.of(Code.AM103, display, 1, 1,
                                 f"expected a YAML mapping at the top of the file, found {found}")]
    locator = Locator(text, data, lambda: _EventBuilder(text).marks(), marks)
    return LoadedYaml(path, display, text, data, locator, keys_unchecked=marks is None and schema_checks_keys), []


def recheck_keys(doc: LoadedYaml) -> tuple[LoadedYaml | None, list[Diagnostic]]:
    """``doc`` itself when its keys are text and its nesting within bounds (as parse_yaml checks
    by default), else the careful path's reading of its text, with its diagnostics."""
    if not doc.keys_unchecked or _within_careful_rules(doc.data):
        doc.keys_unchecked = False
        return doc, []
    return parse_yaml(doc.text, doc.path, doc.display, fast_path=False)


def _refuse_unprintable(text: str) -> None:
    found = re.search(_NOT_PRINTABLE, text) if _may_hold_unprintable(text) else None
    if found:
        raise YamlProblem(Code.AM103, f"YAML syntax error: control character U+{ord(found.group()):04X} is not allowed",
                          found.start(), ("delete it; inside double quotes it may be written as an escape, e.g. \\t",))


# Bytes that need no closer look: printable ASCII, tab, line breaks, and any byte of a multi-byte
# UTF-8 character (those are told apart by how they begin: C1 codes U+0080-U+009F, surrogates
# U+D800-U+DFFF, U+FFFE and U+FFFF).
_CLEAN_BYTES = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F), *range(0x80, 0x100)])
_UNPRINTABLE_LEADS = (b"\xc2", b"\xed", b"\xef\xbf\xbe", b"\xef\xbf\xbf")
# The clean bytes less the first bytes of those leads: one pass that deletes them leaves nothing
# in most texts, sparing a search of the whole text for each lead.
_CLEAN_BYTES_NOR_LEADS = bytes(byte for byte in _CLEAN_BYTES if bytes([byte]) not in {lead[:1] for lead in _UNPRINTABLE_LEADS})


def _may_hold_unprintable(text: str) -> bool:
    """A quick test at C speed (the regex is slow on large files): False means surely clean."""
    raw = text.encode("utf-8", "surrogatepass")
    left = raw.translate(None, _CLEAN_BYTES_NOR_LEADS)
    if not left:
        return False
    return bool(left.translate(None, _CLEAN_BYTES)) or any(lead in raw for lead in _UNPRINTABLE_LEADS)


def _fast_load(text: str, check_keys: bool = True, parsed: Callable[[], Any] | None = None) -> Any:
    """yaml_rs's data where it equals the careful path's, else None. ``check_keys=False`` leaves
    out the walk that proves its keys are text and its nesting within bounds. ``parsed``, when
    given, gives :func:`yaml_rs_loads` of this text, made ahead."""
    if _needs_careful_path(text):
        return None
    with cyclic_gc_paused():
        data = yaml_rs_loads(text) if parsed is None else parsed()
        return data if isinstance(data, dict) and (not check_keys or _within_careful_rules(data)) else None


def yaml_rs_loads(text: str) -> Any:
    """yaml_rs's reading of ``text`` as the fast path takes it, or None when yaml_rs refuses it
    (the careful path then says exactly what and where). Safe on any thread: yaml_rs parses
    without holding the interpreter's lock."""
    try:
        # yaml_rs's allocator (mimalloc) would otherwise keep the parser's freed memory, ~170 MB
        # after a 200,000-node map; it reads this when the library loads (a user's value wins)
        os.environ.setdefault("MIMALLOC_PURGE_DELAY", "0")
        import yaml_rs

        limits = yaml_rs.AliasLimits(max_total_replayed_events=MAX_ALIAS_EXPANSION, max_replay_stack_depth=MAX_DEPTH)
        return yaml_rs.loads(text, parse_datetime=False, alias_limits=limits)
    except Exception:  # any refusal
        return None


# --- the careful path ----------------------------------------------------------------------

_INT = re.compile(r"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


_HUGE_INTEGER_BITS = 14_000  # about 4,200 decimal digits: fewer than Python turns into text


def is_huge_integer(value: Any) -> bool:
    """An integer of more digits than Python turns into text (4,300 by default), as yaml_rs
    reads a long run of digits: messages must not try to show it, models not to convert it."""
    return isinstance(value, int) and value.bit_length() > _HUGE_INTEGER_BITS


def resolve_plain_scalar(value: str) -> Any:
    """YAML 1.2 core schema for plain scalars; dates stay text (CSL dates are text)."""
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if _INT.match(value):
        if value[:2] in ("0o", "0x"):
            return int(value, 0)
        # Python converts at most sys.get_int_max_str_digits() decimal digits (the time it takes
        # grows with the square of their number): a longer number is a float, infinite.
        return int(value) if len(value) <= sys.get_int_max_str_digits() else float(value)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    if value in (".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"):
        return float("inf")
    if value in ("-.inf", "-.Inf", "-.INF"):
        return float("-inf")
    if value in (".nan", ".NaN", ".NAN"):
        return float("nan")
    return value


# libyaml's own nesting limit: "exceeded maximum nesting depth" (0.2.6)
_LIBYAML_NESTING = re.compile(r"nesting|depth", re.IGNORECASE)


class _LibyamlNestingLimit(Exception):
    """libyaml refused the nesting before argmap's own bound was reached."""


@dataclass
class _Frame:
    container: dict | list
    path: YamlPath
    pending_key: str | None = None
    size: int = 1
    anchor: str | None = None


class _EventBuilder:
    """Builds Python data from PyYAML events, enforcing the safety rules with positions."""

    key_marks: Marks
    value_marks: Marks
    _anchors: dict[str, tuple[Any, int]]
    _alias_growth: int

    def __init__(self, text: str):
        self.text = text
        # PyYAML still reads NEL, U+2028 and U+2029 as line breaks (YAML 1.1); in YAML 1.2, as in
        # yaml_rs and editors, they are characters inside a line. The parser gets unused private-use
        # characters in their place (one for one, so offsets stay exact), swapped back in the data.
        unused = (chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
        self._swaps = {old: new for old, new in zip(_YAML_1_1_BREAKS, unused) if old in text}
        self._parsed_text = text.translate({ord(old): new for old, new in self._swaps.items()})
        self._restore = {ord(new): old for old, new in self._swaps.items()}

    def marks(self) -> tuple[Marks, Marks]:
        """Key and value offsets of everything up to the first problem, if any."""
        try:
            self.build()
        except YamlProblem:  # positions up to the problem are still useful
            pass
        return self.key_marks, self.value_marks

    def build(self) -> Any:
        import yaml  # imported here: the fast path, the common case, never needs it

        # libyaml's event parser when available, the pure-Python one otherwise
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        with cyclic_gc_paused():
            try:
                return self._build(yaml, loader)
            except _LibyamlNestingLimit:
                # libyaml (0.2.6 on) stops deep flow nesting itself, before any event reaches our
                # depth check: parse again with PyYAML's own parser, which has no such limit, so
                # that the code, message and position do not depend on libyaml's version.
                return self._build(yaml, yaml.SafeLoader)

    def _build(self, yaml: Any, loader: Any) -> Any:
        self.key_marks = {}
        self.value_marks = {(): 0}
        self._anchors = {}
        self._alias_growth = 0
        stack: list[_Frame] = []
        result: Any = None
        documents = 0
        try:
            for event in yaml.parse(self._parsed_text, Loader=loader):
                if isinstance(event, yaml.DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        raise YamlProblem(Code.AM103, "expected one YAML document, found a second one",
                                          event.start_mark.index, ("remove the '---' line and what follows, or split the file",))
                elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                    self._refuse_tag(event)
                    if len(stack) >= MAX_DEPTH:
                        raise YamlProblem(Code.AM107, f"nesting is deeper than {MAX_DEPTH} levels", event.start_mark.index)
                    container: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
                    path = self._place(stack, container, event)
                    stack.append(_Frame(container, path, anchor=event.anchor))
                elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                    frame = stack.pop()
                    if frame.anchor:
                        self._anchors[frame.anchor] = (frame.container, frame.size)
                    if stack:
                        stack[-1].size += frame.size
                    else:
                        result = frame.container
                elif isinstance(event, yaml.ScalarEvent):
                    self._refuse_tag(event)
                    if self._swaps:
                        event.value = event.value.translate(self._restore)
                    value = resolve_plain_scalar(event.value) if not event.style and event.implicit[0] else event.value
                    if stack and isinstance(stack[-1].container, dict) and stack[-1].pending_key is None:
                        self._take_key(stack[-1], value, event)
                        continue
                    if event.anchor:
                        self._anchors[event.anchor] = (value, 1)
                    if not stack:
                        result = value
                        continue
                    self._place(stack, value, event)
                    stack[-1].size += 1
                elif isinstance(event, yaml.AliasEvent):
                    if event.anchor not in self._anchors:
                        raise YamlProblem(Code.AM106, f"alias *{event.anchor} refers to no anchor", event.start_mark.index)
                    value, size = self._anchors[event.anchor]
                    self._alias_growth += size
                    if self._alias_growth > MAX_ALIAS_EXPANSION:
                        raise YamlProblem(
                            Code.AM106,
                            f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes (an alias bomb?)",
                            event.start_mark.index, ("write the repeated content out, or use fewer aliases",))
                    if stack and isinstance(stack[-1].container, dict) and stack[-1].pending_key is None:
                        raise YamlProblem(Code.AM103, "an alias cannot be a mapping key", event.start_mark.index)
                    if not stack:
                        result = value
                        continue
                    self._place(stack, value, event)
                    stack[-1].size += size
        except yaml.MarkedYAMLError as exc:
            if loader is not yaml.SafeLoader and _LIBYAML_NESTING.search(exc.problem or ""):
                raise _LibyamlNestingLimit from None
            mark = exc.problem_mark or exc.context_mark
            offset = mark.index if mark is not None else 0
            message = exc.problem or str(exc)
            if exc.context:
                message = f"{message} ({exc.context})"
            hints: tuple[str, ...] = ()
            if self.text[offset:offset + 1] == "\t":
                hints = ("YAML indents with spaces; replace the tab",)
            elif (exc.problem or "").startswith("mapping values are not allowed"):
                hints = ("a value holding ': ' must be quoted, e.g. title: \"Tolls: who pays\"",)
            raise YamlProblem(Code.AM103, f"YAML syntax error: {message}", offset, hints) from None
        except yaml.YAMLError as exc:
            raise YamlProblem(Code.AM103, f"YAML syntax error: {exc}", 0) from None
        return result

    def _refuse_tag(self, event: Any) -> None:
        if event.tag not in (None, "!"):
            raise YamlProblem(
                Code.AM105, f"YAML tags are not allowed: found {event.tag.replace('tag:yaml.org,2002:', '!!')}",
                event.start_mark.index, ("argmap reads plain data only; remove the tag",))

    def _take_key(self, frame: _Frame, key: Any, event: Any) -> None:
        if not isinstance(key, str):
            key = event.value  # keys are always text in our formats: `1:` means "1"
        assert isinstance(frame.container, dict)
        if key in frame.container:
            first = self.key_marks.get((*frame.path, key))
            where = f" (first at line {position_at(self.text, first).line})" if first is not None else ""
            raise YamlProblem(Code.AM104, f"duplicate key '{key}'{where}", event.start_mark.index,
                              ("each key may appear once in a mapping",))
        frame.pending_key = key
        self.key_marks[(*frame.path, key)] = event.start_mark.index

    def _place(self, stack: list[_Frame], value: Any, event: Any) -> YamlPath:
        if not stack:
            return ()
        parent = stack[-1]
        if isinstance(parent.container, dict):
            if parent.pending_key is None:
                raise YamlProblem(Code.AM103, "a mapping key must be plain text", event.start_mark.index)
            key: str | int = parent.pending_key
            parent.container[parent.pending_key] = value
            parent.pending_key = None
        else:
            key = len(parent.container)
            parent.container.append(value)
        path = (*parent.path, key)
        self.value_marks[path] = event.start_mark.index
        return path

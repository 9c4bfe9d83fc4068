"""Add an entry to a sources registry (seeds/sources.yaml) as text, keeping the file as it is.

The registry is the author's file, with comments, an order and line endings of their own; it is
never re-serialised. The new entry is written as a block after the last entry of the
``sources:`` mapping (before the comments and blank lines that close it), with the file's own
line endings, and the result is read back to prove that it holds exactly the old entries plus
the new one.
"""

from __future__ import annotations

import re

from argmap.core.diagnostics import UsageError

_SOURCES_KEY = re.compile(r"^sources:[ \t]*(?P<empty>\{[ \t]*\})?[ \t]*(#.*)?$")
_TOP_LEVEL = re.compile(r"^[^\s#]")
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")  # a line and its ending; only \n ends one, as in YAML 1.2


def entry_text(source_id: str, entry: dict[str, object], newline: str = "\n") -> str:
    """The entry as a YAML block indented under ``sources:``, its lines ended with ``newline``."""
    import yaml

    block = yaml.safe_dump({source_id: entry}, allow_unicode=True, sort_keys=False, width=float("inf"),
                           default_flow_style=False)
    return "".join(f"  {line}{newline}" for line in block.removesuffix("\n").split("\n"))


def registry_with(text: str, source_id: str, entry: dict[str, object]) -> str:
    """``text`` with the entry added. Raises :class:`UsageError` when the registry is laid out in
    a way this cannot extend safely (a flow mapping, say): the hint holds the entry to paste."""
    import yaml

    lines = _LINE.findall(text)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"  # the file's own, as its first line ends
    block = entry_text(source_id, entry, newline)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += newline
    at = next((i for i, line in enumerate(lines) if _SOURCES_KEY.match(line.rstrip("\r\n"))), None)
    if at is None:
        raise _cannot(block)
    if _SOURCES_KEY.match(lines[at].rstrip("\r\n")).group("empty"):
        lines[at] = "sources:" + newline
    end = next((i for i in range(at + 1, len(lines)) if _TOP_LEVEL.match(lines[i])), len(lines))
    # after the last entry: the blank lines and comments that close the mapping stay after the new one
    while end > at + 1 and _blank_or_comment(lines[end - 1]):
        end -= 1
    separator = [newline] if end > at + 1 else []
    new_text = "".join([*lines[:end], *separator, block, *lines[end:]])
    try:
        before = yaml.safe_load(text) or {}
        after = yaml.safe_load(new_text)
    except yaml.YAMLError:
        raise _cannot(block) from None
    old_sources = before.get("sources") or {}
    if after.get("sources") != {**old_sources, source_id: entry} or list(after["sources"])[-1] != source_id:
        raise _cannot(block)
    return new_text


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _cannot(block: str) -> UsageError:
    return UsageError("cannot add the entry to sources.yaml as laid out (a block `sources:` mapping is needed); "
                      "nothing written",
                      "add it by hand under `sources:`:\n" + block.rstrip("\r\n").replace("\r\n", "\n"))

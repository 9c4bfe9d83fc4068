"""Add an entry to a sources registry (seeds/sources.yaml) as text, keeping the file as it is.

The registry is the author's file, with comments and an order of their own; it is never
re-serialised. The new entry is written as a block at the end of the ``sources:`` mapping, and
the result is read back to prove that it holds exactly the old entries plus the new one.
"""

from __future__ import annotations

import re

from argmap.core.diagnostics import UsageError

_SOURCES_KEY = re.compile(r"^sources:[ \t]*(?P<empty>\{[ \t]*\})?[ \t]*(#.*)?$")
_TOP_LEVEL = re.compile(r"^[^\s#]")


def entry_text(source_id: str, entry: dict[str, object]) -> str:
    """The entry as a YAML block indented under ``sources:``."""
    import yaml

    block = yaml.safe_dump({source_id: entry}, allow_unicode=True, sort_keys=False, width=float("inf"),
                           default_flow_style=False)
    return "".join(f"  {line}\n" for line in block.splitlines())


def registry_with(text: str, source_id: str, entry: dict[str, object]) -> str:
    """``text`` with the entry added. Raises :class:`UsageError` when the registry is laid out in
    a way this cannot extend safely (a flow mapping, say): the hint holds the entry to paste."""
    import yaml

    block = entry_text(source_id, entry)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    at = next((i for i, line in enumerate(lines) if _SOURCES_KEY.match(line.rstrip("\r\n"))), None)
    if at is None:
        raise _cannot(block)
    if _SOURCES_KEY.match(lines[at].rstrip("\r\n")).group("empty"):
        lines[at] = "sources:\n"
    end = next((i for i in range(at + 1, len(lines)) if _TOP_LEVEL.match(lines[i])), len(lines))
    while end > at + 1 and not lines[end - 1].strip():  # keep blank lines after the block, before the next key
        end -= 1
    separator = ["\n"] if end > at + 1 else []
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


def _cannot(block: str) -> UsageError:
    return UsageError("cannot add the entry to sources.yaml as laid out (a block `sources:` mapping is needed); "
                      "nothing written",
                      "add it by hand under `sources:`:\n" + block.rstrip("\n"))

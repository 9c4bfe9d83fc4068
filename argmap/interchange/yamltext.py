"""A map's data as YAML text in the layout people write by hand: block mappings, short lists of
ids in brackets, a blank line between nodes, and quotes only where YAML needs them."""

from __future__ import annotations

import json
import re

from argmap.core.load import resolve_plain_scalar

# A plain scalar may not start with an indicator, nor hold ": " or " #" (YAML 1.2, 7.3.3).
_PLAIN_START = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]")
_PLAIN_BREAKERS = re.compile(r": |:$| #|[\n\t]|\s$")
_FLOW_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value)
    if text and not _PLAIN_START.match(text) and not _PLAIN_BREAKERS.search(text) and resolve_plain_scalar(text) == text:
        return text
    # JSON's double-quoted string is YAML's (ensure_ascii=False keeps letters as they are)
    return json.dumps(text, ensure_ascii=False)


def _is_short_list(values: list) -> bool:
    return all(isinstance(v, str) and _FLOW_SAFE.match(v) and resolve_plain_scalar(v) == v for v in values)


def _block(data: object, indent: int, lines: list[str], spaced: bool = False) -> None:
    pad = " " * indent
    if isinstance(data, dict):
        for i, (key, value) in enumerate(data.items()):
            if spaced and i:
                lines.append("")
            _value(value, indent, lines, f"{pad}{scalar(key)}:")
    elif isinstance(data, list):
        for item in data:
            _value(item, indent, lines, f"{pad}-", nested_prefix=True)


def _value(value: object, indent: int, lines: list[str], head: str, nested_prefix: bool = False) -> None:
    if isinstance(value, dict) and value:
        if nested_prefix:  # "- key: value" with the mapping's other keys aligned under the first
            first = True
            for key, item in value.items():
                prefix = f"{head} " if first else " " * (len(head) + 1)
                _value(item, len(head) + 1, lines, f"{prefix}{scalar(key)}:")
                first = False
        else:
            lines.append(head)
            _block(value, indent + 2, lines)
    elif isinstance(value, list) and value:
        if _is_short_list(value):
            lines.append(f"{head} [{', '.join(value)}]")
        else:
            lines.append(head)
            _block(value, indent + 2, lines)
    elif isinstance(value, dict):
        lines.append(f"{head} {{}}")
    elif isinstance(value, list):
        lines.append(f"{head} []")
    else:
        lines.append(f"{head} {scalar(value)}")


def map_yaml(data: dict, header: str | None = None) -> str:
    """YAML text for a map's data (keys in the order given); ``header`` becomes a comment."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()] if header else []
    for key, value in data.items():
        if key == "nodes":
            lines.append("")
            lines.append("nodes:")
            _block(value, 2, lines, spaced=True)
            lines.append("")
        else:
            _value(value, 0, lines, f"{scalar(key)}:")
    return "\n".join(lines).rstrip("\n") + "\n"

"""The README's table of diagnostic codes, generated from the table of rules (:mod:`argmap.checks`).

`python -m argmap.checks.docs README.md` rewrites the section between
``<!-- section: diagnostics -->`` and the next ``<!-- section`` marker; a test keeps the two equal.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from argmap.checks import RULES

START = "<!-- section: diagnostics -->"
_NEXT = re.compile(r"^<!-- section: ", re.MULTILINE)


def rules_markdown() -> str:
    lines = [
        START,
        "## Diagnostic codes",
        "",
        "Every problem has a stable code. Errors make `argmap check` exit 1; warnings do too with",
        "`--strict`. Load codes (AM1xx, AM2xx, AM40x) come from reading files; the others are checks.",
        "",
        "| code | name | severity | what it means |",
        "|---|---|---|---|",
    ]
    ordered = sorted(RULES.values(), key=lambda r: r.code)
    lines += [f"| {r.code} | `{r.name}` | {r.severity.value} | {r.summary} |" for r in ordered]
    lines.append("")
    examples = [r for r in ordered if "Failing" in r.doc or "Passing" in r.doc]
    if examples:
        lines += ["### Examples", ""]
        for r in examples:
            lines += [f"<details><summary>{r.code} {r.name}</summary>", "", _as_markdown(r.doc), "", "</details>", ""]
    return "\n".join(lines) + "\n"


def _as_markdown(doc: str) -> str:
    """Docstrings indent YAML examples by four spaces; README shows them as fenced blocks."""
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if block:
            while block and not block[-1].strip():
                block.pop()
            out.extend(["```yaml", *(b[4:] if b.startswith("    ") else b for b in block), "```"])
            block.clear()

    for line in doc.splitlines():
        if line.startswith("    ") or (block and not line.strip()):
            block.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out).strip()


def replace_section(readme: str) -> str:
    start = readme.index(START)
    following = _NEXT.search(readme, start + len(START))
    end = following.start() if following else len(readme)
    return readme[:start] + rules_markdown() + "\n" + readme[end:]


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    path.write_text(replace_section(path.read_text(encoding="utf-8")), encoding="utf-8")

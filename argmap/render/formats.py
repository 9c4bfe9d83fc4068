"""Output formats: each one a producer of bytes from DOT text, looked up by name.

Every format but ``dot`` goes through the ``graphviz`` package to the system ``dot`` program;
``dot`` writes argmap's own DOT source and so works where Graphviz is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from argmap.diagnostics import UsageError

INSTALL_COMMAND = "sudo apt-get install graphviz"
DOT_PROGRAM = "dot"


def missing_dot() -> UsageError:
    return UsageError(
        f"Graphviz's `{DOT_PROGRAM}` program was not found on PATH",
        f"install it with: {INSTALL_COMMAND}    (or use --format dot to write the DOT source only)",
    )


def require_dot() -> None:
    if shutil.which(DOT_PROGRAM) is None:
        raise missing_dot()


def dot_source(dot_text: str) -> bytes:
    return dot_text.encode("utf-8")


def graphviz_producer(graphviz_format: str) -> Callable[[str], bytes]:
    def produce(dot_text: str) -> bytes:
        try:
            import graphviz  # here, not at the top: `--format dot` and other commands never need it

            return graphviz.Source(dot_text).pipe(format=graphviz_format, engine=DOT_PROGRAM, quiet=True)
        except graphviz.ExecutableNotFound:
            raise missing_dot() from None
        except subprocess.CalledProcessError as error:  # dot refused the input or crashed
            detail = (error.stderr or b"").decode("utf-8", "replace").strip().splitlines()
            raise UsageError(f"Graphviz failed ({DOT_PROGRAM} exit {error.returncode})",
                             detail[-1] if detail else None) from None

    return produce


@dataclass(frozen=True)
class OutputFormat:
    name: str
    extension: str
    produce: Callable[[str], bytes]
    needs_dot: bool


FORMATS: dict[str, OutputFormat] = {
    "svg": OutputFormat("svg", "svg", graphviz_producer("svg"), needs_dot=True),
    "png": OutputFormat("png", "png", graphviz_producer("png"), needs_dot=True),
    "pdf": OutputFormat("pdf", "pdf", graphviz_producer("pdf"), needs_dot=True),
    "dot": OutputFormat("dot", "dot", dot_source, needs_dot=False),
}
DEFAULT_FORMAT = "svg"

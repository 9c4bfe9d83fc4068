"""Output formats: each one a producer of bytes from DOT text, looked up by name.

Every format but ``dot`` pipes the DOT text through the system ``dot`` program; ``dot`` writes
argmap's own DOT source and so works where Graphviz is not installed.

``dot`` is run directly rather than through the ``graphviz`` package: importing that package
costs more than the rest of render's start-up beyond the check, and driving the process here
gives every failure a message (``dot`` stops reading its input at its first syntax error, which
the package reported as a bare broken pipe, exit 1 and no output).
"""

from __future__ import annotations

import shutil
import signal
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

from argmap.diagnostics import UsageError

INSTALL_COMMAND = "sudo apt-get install graphviz"
DOT_PROGRAM = "dot"
# What a failing `dot` said, shown in the error: its first lines, each cut to a readable length
# (a syntax error quotes the offending string, which can be a whole node text).
SHOWN_ERROR_LINES = 5
SHOWN_ERROR_WIDTH = 200


class GraphvizFailed(UsageError):
    """``dot`` ran and produced no drawing (exit 2: argmap wrote DOT that Graphviz refused, or
    Graphviz crashed)."""


def missing_dot() -> UsageError:
    return UsageError(
        f"Graphviz's `{DOT_PROGRAM}` program was not found on PATH",
        f"install it with: {INSTALL_COMMAND}    (or use --format dot to write the DOT source only)",
    )


def dot_available() -> bool:
    return shutil.which(DOT_PROGRAM) is not None


def require_dot() -> None:
    if not dot_available():
        raise missing_dot()


def terminal_safe(line: str) -> str:
    """``line`` with control characters shown as escapes, never sent raw to the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in line)


def dot_failure(returncode: int, stderr: bytes) -> GraphvizFailed:
    if returncode < 0:
        try:
            how = f"was killed by {signal.Signals(-returncode).name}"
        except ValueError:
            how = f"was killed by signal {-returncode}"
    else:
        how = f"failed (exit {returncode})"
    said = [terminal_safe(line.strip())[:SHOWN_ERROR_WIDTH]
            for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    hint = "\n".join(said[:SHOWN_ERROR_LINES]) if said else f"{DOT_PROGRAM} printed no message"
    return GraphvizFailed(f"Graphviz's `{DOT_PROGRAM}` {how}", hint)


def run_dot(dot_text: str, graphviz_format: str) -> bytes:
    """``dot -T<format>`` on ``dot_text``: its output, or :class:`UsageError` saying why not."""
    try:
        # run() writes the input while reading both outputs, and ignores a pipe that `dot` closed
        # early: its exit status and stderr then say what went wrong.
        done = subprocess.run([DOT_PROGRAM, f"-T{graphviz_format}"], input=dot_text.encode("utf-8"),
                              capture_output=True)
    except FileNotFoundError:
        raise missing_dot() from None
    except OSError as error:
        raise UsageError(f"could not run Graphviz's `{DOT_PROGRAM}`: {error.strerror}") from None
    if done.returncode != 0:
        raise dot_failure(done.returncode, done.stderr)
    return done.stdout


def graphviz_producer(graphviz_format: str) -> Callable[[str], bytes]:
    def produce(dot_text: str) -> bytes:
        return run_dot(dot_text, graphviz_format)

    return produce


def dot_source(dot_text: str) -> bytes:
    return dot_text.encode("utf-8")


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

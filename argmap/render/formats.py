"""Output formats: each one a producer of bytes from DOT text, looked up by name.

Every format but ``dot`` pipes the DOT text through the system ``dot`` program; ``dot`` writes
argmap's own DOT source and so works where Graphviz is not installed.

``dot`` is run directly rather than through the ``graphviz`` package: importing that package
added about 30 ms to every render, ``dot`` can start and read while the DOT text is still being
made, and every failure gets a message (``dot`` stops reading at its first syntax error, which
the package let surface as a bare broken pipe: exit 1 and no output).
"""

from __future__ import annotations

import contextlib
import math
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import IO

from argmap.core.diagnostics import UsageError

INSTALL_COMMAND = "sudo apt-get install graphviz"
DOT_PROGRAM = "dot"
# What a failing `dot` said, shown in the error: its first lines, each cut to a readable length
# (a syntax error quotes the offending string, which can be a whole node text).
SHOWN_ERROR_LINES = 5
SHOWN_ERROR_WIDTH = 200
# A `dot` still running after this long is stopped: Graphviz can hang, and `argmap serve` would
# wait for it for ever. A 5,000-node map takes ~6 s, so only a hung `dot` (or a map far too
# large to read as a picture) meets the limit; the variable changes it for a run.
DOT_TIME_LIMIT_SECONDS = 120.0
DOT_TIME_LIMIT_VARIABLE = "ARGMAP_DOT_TIMEOUT"


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


def dot_time_limit(environ: Mapping[str, str] | None = None) -> float:
    """How many seconds a `dot` may run: :data:`DOT_TIME_LIMIT_VARIABLE` when set, else the default."""
    environ = os.environ if environ is None else environ
    value = environ.get(DOT_TIME_LIMIT_VARIABLE, "").strip()
    if not value:
        return DOT_TIME_LIMIT_SECONDS
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise UsageError(f"{DOT_TIME_LIMIT_VARIABLE}='{terminal_safe(value)}' is not a number of seconds",
                         f"give the longest time Graphviz's `{DOT_PROGRAM}` may draw one diagram "
                         f"(default: {DOT_TIME_LIMIT_SECONDS:g})")
    return seconds


def dot_timed_out(limit: float) -> GraphvizFailed:
    return GraphvizFailed(f"Graphviz's `{DOT_PROGRAM}` took longer than the time limit of {limit:g} s and was stopped",
                          f"the map may be too large to draw; {DOT_TIME_LIMIT_VARIABLE}=SECONDS sets another limit")


def as_pieces(dot_text: str | Iterable[str]) -> Iterable[str]:
    return (dot_text,) if isinstance(dot_text, str) else dot_text  # one piece, not one per character


def run_dot(dot_text: str | Iterable[str], graphviz_format: str) -> bytes:
    """``dot -T<format>`` on DOT text, given whole or in pieces written to ``dot`` as they come:
    its output, or :class:`UsageError` saying why there is none (``dot`` missing, failed, or
    still running after :func:`dot_time_limit`)."""
    limit = dot_time_limit()
    try:
        process = subprocess.Popen([DOT_PROGRAM, f"-T{graphviz_format}"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except FileNotFoundError:
        raise missing_dot() from None
    except OSError as error:
        raise UsageError(f"could not run Graphviz's `{DOT_PROGRAM}`: {error.strerror}") from None
    # dot's two outputs are read while its input is written: either pipe, full, would stall it
    outputs: dict[str, bytes] = {}

    def drain(name: str, stream: IO[bytes]) -> None:
        with stream:
            outputs[name] = stream.read()

    readers = [threading.Thread(target=drain, args=(name, stream), daemon=True)
               for name, stream in (("stdout", process.stdout), ("stderr", process.stderr))]
    for reader in readers:
        reader.start()
    expired = threading.Event()

    def stop() -> None:  # a blocked write to a `dot` that stopped reading ends too: the pipe breaks
        expired.set()
        process.kill()

    timer = threading.Timer(limit, stop)
    timer.daemon = True
    timer.start()
    try:
        try:
            for piece in as_pieces(dot_text):
                process.stdin.write(piece.encode("utf-8"))
        except BrokenPipeError:
            pass  # dot stopped reading (a syntax error, a crash): its status and stderr say why
        except BaseException:  # the DOT text could not be made (or Ctrl-C): no drawing, no dot left
            process.kill()
            raise
        finally:
            with contextlib.suppress(BrokenPipeError):  # closing flushes what dot may not read
                process.stdin.close()
    finally:
        try:
            returncode = process.wait()
        finally:
            timer.cancel()
        # a program that a stopped `dot` started may still hold its pipes: not waited for long
        given_up = time.monotonic() + 1.0 if expired.is_set() else None
        for reader in readers:
            reader.join(timeout=None if given_up is None else max(0.0, given_up - time.monotonic()))
    if returncode != 0:
        raise dot_timed_out(limit) if expired.is_set() else dot_failure(returncode, outputs.get("stderr", b""))
    return outputs.get("stdout", b"")


def graphviz_producer(graphviz_format: str) -> Callable[[str | Iterable[str]], bytes]:
    def produce(dot_text: str | Iterable[str]) -> bytes:
        return run_dot(dot_text, graphviz_format)

    return produce


def dot_source(dot_text: str | Iterable[str]) -> bytes:
    return "".join(as_pieces(dot_text)).encode("utf-8")


@dataclass(frozen=True)
class OutputFormat:
    name: str
    extension: str
    produce: Callable[[str | Iterable[str]], bytes]  # from the DOT text, whole or in pieces
    needs_dot: bool


FORMATS: dict[str, OutputFormat] = {
    "svg": OutputFormat("svg", "svg", graphviz_producer("svg"), needs_dot=True),
    "png": OutputFormat("png", "png", graphviz_producer("png"), needs_dot=True),
    "pdf": OutputFormat("pdf", "pdf", graphviz_producer("pdf"), needs_dot=True),
    "dot": OutputFormat("dot", "dot", dot_source, needs_dot=False),
}
DEFAULT_FORMAT = "svg"

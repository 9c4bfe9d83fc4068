"""When Python's cyclic garbage collector runs: one policy for a command that runs once, another
for `argmap serve`, which runs for hours.

A command runs once and exits. The objects a large map becomes hold no reference cycles worth
collecting, and the collector's repeated passes over them cost ~15% of a 10,000-node check, so
it is off for the whole run; what a load or a check built is frozen (left out of later passes;
reference counting still frees it), and memory is returned at exit anyway.

A server cannot work that way: a frozen object in a reference cycle is never freed, and neither
is any cycle while the collector is off (60 rebuilds left ~35,000 such objects). While
:func:`long_running` is in force the collector runs as usual and nothing is frozen; loading is
still done with the collector paused, which is what makes it fast.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_freeze_what_is_built = True  # False while a long-running process is under way


def one_shot() -> bool:
    """Whether this process runs a command and exits: no `argmap serve` or language server, which
    keep what they load and read it again."""
    return _freeze_what_is_built


@contextmanager
def run_once() -> Iterator[None]:
    """The collector off while a one-shot command runs; as it was afterwards (argmap's ``main()``
    is also called in-process, by tests and programs that embed it). What the command built is
    frozen first: everything made with the collector off is still in its youngest generation,
    and the first allocation after re-enabling it (or the interpreter's exit) would walk it all,
    0.15 s after `argmap eval` of a 100,000-argument framework."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freeze_what_is_built:
            gc.freeze()
        if enabled:
            gc.enable()


@contextmanager
def long_running() -> Iterator[None]:
    """The collector on, and nothing frozen, until the end of the block (`argmap serve`)."""
    global _freeze_what_is_built
    enabled, freezing = gc.isenabled(), _freeze_what_is_built
    _freeze_what_is_built = False
    gc.enable()
    try:
        yield
    finally:
        _freeze_what_is_built = freezing
        if not enabled:
            gc.disable()


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a map's data and models are built.

    Parsing and validation build millions of containers and no reference cycles (an alias cannot
    refer to its own unfinished anchor); the collector would walk them again and again as they
    grow, which doubled yaml_rs's time on a 200,000-node map. In a one-shot command what was
    built is then frozen: resuming would otherwise walk it all once more, 3.5 s after a
    200,000-node check."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freeze_what_is_built:
            gc.freeze()
        if enabled:
            gc.enable()

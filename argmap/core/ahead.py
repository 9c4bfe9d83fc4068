"""Map files read and parsed ahead, on a thread of their own, while a command starts.

Why: a one-shot command spends its first ~0.1 s importing the checker (pydantic and the map
model above all), and only then reads its maps; yaml_rs parses without holding the interpreter's
lock, so the parse of a large map can run on a second core meanwhile (a 10,000-node map's parse
is ~15% of its whole check). Nothing else is done ahead: a file is read as :func:`read_bytes`
reads it and parsed by the same :func:`yaml_rs_loads` the fast path calls, and the loader then
takes both (:func:`taken`) and goes on exactly as it would have, guards, careful path and
diagnostics included. A file whose read met a problem is read again by the loader, which reports
it in its own words.

Only one-shot commands read ahead (``argmap.core.collector.one_shot``): a long-running process
reads its files when they change. A file the thread has not reached when the loader asks for it
is the loader's to read: the two never read the same file at once, and nothing waits on work
that has not started.

One worker thread does it, started once and kept for the life of the process: yaml_rs 0.1.6
crashes the process (a segmentation fault) when a thread parses with it after another thread
that parsed with it has ended, for some texts (tests/test_read_ahead.py shows the sequence that
did). A thread that never ends, next to the main thread, is safe from that.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from argmap.core.collector import one_shot
from argmap.core.diagnostics import ArgmapError
from argmap.core.folders import find_map_files
from argmap.core.load import decode_text, read_bytes, yaml_rs_loads


@dataclass
class Ahead:
    """One file's text (None: read it again) and, once :meth:`parsed` says, yaml_rs's reading of
    it. The text is handed over as soon as it is read: the loader's own checks of it (guards,
    control characters) then run while the parse goes on."""

    text: str | None = None
    claimed: bool = False  # by the thread (it reads the file) or by the loader (it does)
    read: threading.Event = field(default_factory=threading.Event)
    _parsed: Any = None
    _parse_done: threading.Event = field(default_factory=threading.Event)

    def parsed(self) -> Any:
        """yaml_rs's reading of ``text`` (None where it refused it), waiting for it if need be;
        handed over once, so that the loader alone holds it (a large map's data is let go as
        its nodes are validated)."""
        self._parse_done.wait()
        data, self._parsed = self._parsed, None
        return data


# Smaller files are left to the loader: yaml_rs parses ~60 MB a second here, so below this a
# file's parse saves less than the thread costs (a check of a 0.4 MB map was ~10 ms slower).
READ_AHEAD_FROM_BYTES = 1_000_000

_lock = threading.Lock()
_ahead: dict[Path, Ahead] = {}  # by resolved path; an entry is taken once
_work: queue.SimpleQueue[list[tuple[Path, Ahead]]] | None = None  # the worker's, once started


def read_ahead(files: Sequence[Path]) -> None:
    """Start reading and parsing ``files`` (in this order, the order they will be loaded in) on
    a daemon thread, those of at least READ_AHEAD_FROM_BYTES. Does nothing in a long-running
    process."""
    if not one_shot():
        return
    files = [file for file in files if _size(file) >= READ_AHEAD_FROM_BYTES]
    if not files:
        return
    entries = []
    with _lock:
        # What an earlier command in this process read ahead and did not take may be stale
        # (the file changed since): dropped, and skipped by the worker if it has not got to it.
        for left in _ahead.values():
            left.claimed = True
        _ahead.clear()
        for file in files:
            key = file.resolve()
            if key not in _ahead:
                _ahead[key] = Ahead()
                entries.append((file, _ahead[key]))
    if entries:
        _worker().put(entries)


def read_maps_ahead(paths: Sequence[Path] | None) -> None:
    """Start reading ahead the map files ``paths`` name (as the project will find them); paths
    that name none are left for the command to report on."""
    if not one_shot():
        return
    try:
        files = find_map_files(paths).files
    except ArgmapError:
        return
    read_ahead(files)


def taken(path: Path) -> Ahead | None:
    """What was made ahead for ``path``, waiting for it if the thread is at it; None when nothing
    was (or will be) made: the caller reads the file itself."""
    with _lock:
        entry = _ahead.pop(path.resolve(), None) if _ahead else None
        if entry is None:
            return None
        if not entry.claimed:  # not reached yet: the caller's, and the thread will skip it
            entry.claimed = True
            return None
    entry.read.wait()
    return entry if entry.text is not None else None


def _size(file: Path) -> int:
    try:
        return os.stat(file).st_size
    except OSError:  # the loader says what is wrong with it
        return -1


def _worker() -> queue.SimpleQueue[list[tuple[Path, Ahead]]]:
    """The queue of the one worker thread, started on first use (a daemon: it never holds up exit)."""
    global _work
    with _lock:
        if _work is None:
            _work = queue.SimpleQueue()
            threading.Thread(target=_serve, args=(_work,), name="argmap-read-ahead", daemon=True).start()
        return _work


def _serve(work: queue.SimpleQueue[list[tuple[Path, Ahead]]]) -> None:
    while True:
        _read_all(work.get())


def _read_all(entries: list[tuple[Path, Ahead]]) -> None:
    for file, entry in entries:
        with _lock:
            if entry.claimed:
                continue
            entry.claimed = True
        try:
            raw, problems = read_bytes(file, str(file))
            entry.text = decode_text(raw, str(file))[0] if raw is not None and not problems else None
            del raw
        except BaseException:  # noqa: BLE001 - the loader reads the file again and reports
            entry.text = None
        text = entry.text
        entry.read.set()
        try:
            entry._parsed = yaml_rs_loads(text) if text is not None else None
        finally:
            entry._parse_done.set()


__all__ = ["Ahead", "read_ahead", "read_maps_ahead", "taken"]

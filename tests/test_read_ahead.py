"""Map files read and parsed ahead, on a thread of their own, while a one-shot command imports
the checker (argmap.core.ahead). A map loaded that way must give exactly what it gives when the
loader reads it itself: the same model, the same diagnostics at the same lines and columns, for
good maps, bad ones, files that are not text and maps that need the careful path."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import argmap.core.ahead as ahead
import argmap.core.load as load
from argmap.core.collector import long_running
from argmap.core.project import load_map
from argmap.usecases.check import check
from conftest import CASES, MAPS, SEEDS

BAD = sorted((CASES / "bad").glob("*.yaml"))
GOOD = sorted(MAPS.glob("*.yaml"))


def loaded(path: Path) -> tuple:
    document, problems = load_map(path)
    model = getattr(document, "model", None)
    return (type(document).__name__, model.model_dump() if model is not None else None,
            [(d.line, d.column, d.code, d.message, d.hints) for d in problems])


def loaded_ahead(path: Path) -> tuple:
    ahead.read_ahead([path])
    return loaded(path)


@pytest.fixture(autouse=True)
def small_files_read_ahead(monkeypatch):
    # the maps here are small: read ahead whatever their size, and leave nothing for the next test
    monkeypatch.setattr(ahead, "READ_AHEAD_FROM_BYTES", 0)
    yield
    ahead._ahead.clear()


def odd_files(folder: Path) -> list[Path]:
    """Files the loader reads in its own ways: not UTF-8, a byte order mark, a tag (careful path),
    a syntax error, empty, a list at the top, a folder and a FIFO named like maps."""
    files = {
        "latin1.yaml": "argmap: 2\nid: caf\u00e9\n".encode("latin-1"),
        "bom.yaml": "\ufeff".encode() + (MAPS / GOOD[0].name).read_bytes(),
        "tagged.yaml": b"argmap: 2\nid: !!str tagged\ntitle: T\n",
        "broken.yaml": b"argmap: 2\nid: [unclosed\n",
        "empty.yaml": b"",
        "list.yaml": b"- a\n- b\n",
    }
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    (folder / "folder.yaml").mkdir()
    os.mkfifo(folder / "fifo.yaml")
    return [folder / name for name in (*files, "folder.yaml", "fifo.yaml")]


@pytest.mark.parametrize("path", [*GOOD, *BAD], ids=lambda p: p.stem)
def test_a_map_read_ahead_loads_as_one_read_by_the_loader(path: Path):
    assert loaded_ahead(path) == loaded(path)


def test_odd_files_read_ahead_load_as_read_by_the_loader(tmp_path: Path):
    for path in odd_files(tmp_path):
        assert loaded_ahead(path) == loaded(path), path.name


def test_the_parse_is_made_on_the_read_ahead_thread_and_taken_by_the_loader(monkeypatch):
    # the point of reading ahead: yaml_rs runs on the other thread, the loader does not parse again
    calls: list[str] = []
    real = load.yaml_rs_loads

    def recorded(text: str):
        calls.append(threading.current_thread().name)
        return real(text)

    monkeypatch.setattr(load, "yaml_rs_loads", recorded)
    monkeypatch.setattr(ahead, "yaml_rs_loads", recorded)
    ahead.read_ahead(GOOD)
    for path in GOOD:
        assert loaded(path)[0] == "MapDocument"
    assert calls == ["argmap-read-ahead"] * len(GOOD)


def test_a_file_the_thread_has_not_reached_is_read_by_the_loader(monkeypatch):
    # work the thread never gets to (a queue nobody reads): the loader claims each file and
    # reads it itself, at once
    monkeypatch.setattr(ahead, "_work", queue.SimpleQueue())
    ahead.read_ahead(GOOD)
    assert all(ahead.taken(path) is None for path in GOOD)
    assert ahead._ahead == {}


def test_a_long_running_process_reads_nothing_ahead():
    with long_running():
        ahead.read_ahead(GOOD)
        ahead.read_maps_ahead([MAPS])
    assert ahead._ahead == {}


def test_paths_that_name_no_map_are_left_to_the_command(tmp_path: Path, cli):
    ahead.read_maps_ahead([tmp_path / "missing"])
    assert ahead._ahead == {}
    done = cli(["check", str(tmp_path / "missing"), "--seeds", str(SEEDS)])
    assert done.exit_code == 2 and "no such file or folder" in done.stderr


def test_check_reports_the_same_with_and_without_reading_ahead(tmp_path: Path):
    odd_files(tmp_path)
    paths = [MAPS, CASES / "bad", tmp_path]

    def reported() -> list[tuple]:
        return [(d.path, d.line, d.column, d.code, d.message) for d in check(paths, SEEDS).diagnostics]

    plain = reported()
    ahead.read_maps_ahead(paths)
    assert len(ahead._ahead) > 20
    assert reported() == plain
    assert ahead._ahead == {}  # every file read ahead was taken by the check


def test_yaml_rs_is_used_only_by_threads_that_never_end():
    # yaml_rs 0.1.6 crashes the process when a thread parses after another thread that parsed
    # has ended (for some texts): the read-ahead worker is one thread kept for the process's life.
    # Here maps are read ahead one call after the other, the main thread parsing in between,
    # in a process of its own (a crash would take pytest with it).
    program = f"""
import sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
from conftest import MAPS
import argmap.core.ahead as ahead
ahead.READ_AHEAD_FROM_BYTES = 0
from argmap.core.load import yaml_rs_loads
from argmap.core.project import load_map
for path in sorted(MAPS.glob("*.yaml")) * 2:
    ahead.read_ahead([path])
    assert type(load_map(path)[0]).__name__ == "MapDocument"
    yaml_rs_loads(path.read_text(encoding="utf-8"))
print("read", sum(1 for _ in ahead._ahead), ahead._work is not None)
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (0, "read 0 True"), done.stderr[-2000:]


def test_what_an_earlier_command_read_ahead_and_left_is_not_taken(tmp_path: Path):
    # a command in the same process (a test, a program calling main()) that stopped before
    # loading its maps left them read ahead; the file changes; the next command reads it anew
    path = tmp_path / "map.yaml"
    path.write_bytes(GOOD[0].read_bytes())
    ahead.read_ahead([path])
    ahead._ahead[path.resolve()].read.wait(10)
    path.write_bytes(GOOD[0].read_bytes().replace(b"\ntitle: ", b"\ntitle: Changed "))
    ahead.read_ahead([path])
    document, _ = load_map(path)
    assert document.model.title.startswith("Changed ")


def test_files_smaller_than_the_threshold_are_left_to_the_loader(monkeypatch):
    monkeypatch.setattr(ahead, "READ_AHEAD_FROM_BYTES", min(path.stat().st_size for path in GOOD) + 1)
    smallest = min(GOOD, key=lambda path: path.stat().st_size)
    ahead.read_ahead(GOOD)
    assert smallest.resolve() not in ahead._ahead
    assert len(ahead._ahead) == len(GOOD) - 1

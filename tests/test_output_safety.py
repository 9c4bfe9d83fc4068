"""What render, brief and build do to the files around them: inputs are never replaced, a full
disk, a read-only folder or a mount point is reported as such (exit 2, nothing partial), a
stopped build says so and leaves nothing behind, and the output options are the same everywhere.

Every test builds its own small project in tmp_path."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO, requires_dot

DATE = "2025-06-01"
SOURCE_TEXT = "First line of the report.\nThe council agreed to fund the new bridge in March.\nLast line.\n"


def map_text(map_id: str, claim: str = "The council funds the bridge.",
             quote: str = "The council agreed to fund the new bridge in March.") -> str:
    return f"""argmap: 1
id: {map_id}
title: Bridge
question: Should the town build the bridge?
lang: en
sides:
  pro: Build it
  con: Do not build it
nodes:
  build:
    type: thesis
    side: pro
    text: The town should build the bridge.
    analytic: true
  wait:
    type: thesis
    side: con
    text: The town should not build the bridge yet.
    analytic: true
  funded:
    type: claim
    text: {claim}
    supports: [build]
    evidence:
      - source: report
        quote: {quote}
  costly:
    type: claim
    text: The bridge costs more than the town can spend.
    attacks: [funded]
    supports: [wait]
    analytic: true
"""


def make_project(root: Path, maps: str = "maps", seeds: str = "seeds", ids: tuple[str, ...] = ("bridge",)) -> Path:
    """A project under ``root``: one source in ``seeds``, one clean map per id in ``maps``."""
    (root / seeds).mkdir(parents=True, exist_ok=True)
    (root / seeds / "report.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    digest = hashlib.sha256(SOURCE_TEXT.encode()).hexdigest()
    (root / seeds / "sources.yaml").write_text(f"""sources:
  report:
    file: report.txt
    sha256: {digest}
    type: report
    title: Council report
    author: [{{literal: Town council}}]
    qualifications: The council that ordered the works
    issued: 2024
    language: en
    reliability: news
""", encoding="utf-8")
    (root / maps).mkdir(parents=True, exist_ok=True)
    for map_id in ids:
        (root / maps / f"{map_id}.yaml").write_text(map_text(map_id), encoding="utf-8")
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    """Temporary files and folders argmap may have left anywhere under ``folder``."""
    return [str(p.relative_to(folder)) for p in folder.rglob(".*")
            if p.name.endswith((".part", ".tmp", ".old"))]


@pytest.fixture
def here(tmp_path: Path, monkeypatch) -> Path:
    make_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_project_helper_makes_a_clean_project(here: Path, cli):
    result = cli(["check", "--strict"])
    assert result.exit_code == 0, result.stdout


# --- build never replaces a folder holding its inputs (issue 10, point 4)


@pytest.mark.parametrize("layout, command", [
    ({"maps": "debates", "seeds": "seeds"}, ["build", "-o", "debates", "debates"]),
    ({"maps": "debates/maps", "seeds": "seeds"}, ["build", "-o", "debates", "debates/maps"]),
    ({"maps": "maps", "seeds": "debates/seeds"}, ["build", "-o", "debates", "--seeds", "debates/seeds"]),
])
def test_build_refuses_an_output_folder_holding_an_input(tmp_path: Path, cli, monkeypatch, layout, command):
    make_project(tmp_path, **layout)
    (tmp_path / "debates" / ".argmap-site").write_text("a site argmap built earlier\n")
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    result = cli(command)
    assert result.exit_code == 2, result.output
    assert "refusing to replace this folder: it holds the input" in result.stderr
    assert snapshot(tmp_path) == before and leftovers(tmp_path) == []


# --- a stopped build (issue 10, point 4)


def sleeping_dot(root: Path) -> tuple[dict[str, str], Path]:
    """An environment whose `dot` waits for a minute, and the file it creates once started."""
    bin_dir = root / "slow-bin"
    bin_dir.mkdir()
    started = root / "dot-started"
    (bin_dir / "dot").write_text(f'#!/bin/sh\n: > "{started}"\nexec sleep 60\n')
    (bin_dir / "dot").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(REPO)}
    return env, started


def start_build(root: Path, env: dict[str, str], started: Path) -> subprocess.Popen:
    """A real `argmap build -o site`, returned once it is busy drawing a diagram."""
    build = subprocess.Popen([sys.executable, "-m", "argmap", "build", "-o", "site", "--date", DATE], cwd=root,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for _ in range(600):  # wait for the build to reach `dot`; give up after a minute
        if started.exists() or build.poll() is not None:
            break
        time.sleep(0.1)
    assert started.exists(), build.communicate()
    return build


def staging_folders(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob(".site.*"))


@pytest.mark.parametrize("signum, exit_code, message", [
    (signal.SIGINT, 130, "argmap: interrupted"),
    (signal.SIGTERM, 143, "argmap: terminated"),
])
def test_a_stopped_build_says_so_and_leaves_the_old_site(here: Path, run_argmap, signum, exit_code, message):
    assert run_argmap(["build", "-o", "site", "--date", DATE], cwd=here, env={**os.environ, "PATH": ""}).returncode == 0
    old_site = snapshot(here / "site")
    env, started = sleeping_dot(here)
    build = start_build(here, env, started)
    build.send_signal(signum)
    stdout, stderr = build.communicate(timeout=60)
    assert build.returncode == exit_code, stderr
    assert stderr.strip().splitlines()[-1] == message and "Traceback" not in stderr
    assert snapshot(here / "site") == old_site
    assert staging_folders(here) == []


def test_folders_left_by_a_killed_build_are_removed_by_the_next_one(here: Path, run_argmap):
    env, started = sleeping_dot(here)
    killed = start_build(here, env, started)
    killed.kill()
    killed.communicate(timeout=60)
    left = staging_folders(here)
    assert len(left) == 1  # the SIGKILLed build could not clean up
    (here / ".site.mine.tmp").mkdir()  # not argmap's: to be kept
    (here / ".site.mine.tmp" / "notes.txt").write_text("keep me")

    started.unlink()
    running = start_build(here, env, started)  # holds its own staging folder while it waits for dot
    try:
        running_staging = [name for name in staging_folders(here) if name not in left + [".site.mine.tmp"]]
        done = run_argmap(["build", "-o", "site", "--date", DATE], cwd=here, env={**os.environ, "PATH": ""})
        assert done.returncode == 0, done.stderr
        assert (here / "site" / "index.html").is_file()
        assert staging_folders(here) == sorted([".site.mine.tmp", *running_staging])  # the killed one is gone
        assert (here / ".site.mine.tmp" / "notes.txt").read_text() == "keep me"
    finally:
        running.kill()
        running.communicate(timeout=60)


def test_a_site_left_aside_by_a_build_killed_between_its_renames_is_put_back(here: Path, run_argmap, cli):
    assert cli(["build", "-o", "site", "--date", DATE]).exit_code == 0
    old_site = snapshot(here / "site")
    # a build that dies (as by SIGKILL: no clean-up runs) right after moving the old site aside
    dies_midway = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from argmap.usecases.build import build_site\n"
        "real_rename = os.rename\n"
        "def rename_then_die(source, target):\n"
        "    real_rename(source, target)\n"
        "    if str(source) == 'site':\n"
        "        os._exit(137)\n"
        "os.rename = rename_then_die\n"
        f"build_site([Path('maps')], Path('site'), seeds_dir=Path('seeds'), built='{DATE}')\n"
    )
    died = subprocess.run([sys.executable, "-c", dies_midway], cwd=here, env={**os.environ, "PYTHONPATH": str(REPO)},
                          capture_output=True, text=True, timeout=120)
    assert died.returncode == 137, died.stderr
    assert not (here / "site").exists()
    # the next build has check errors and builds nothing, but the old site is back
    (here / "maps" / "bridge.yaml").write_text(map_text("bridge", quote="The council refused the bridge."))
    result = cli(["build", "-o", "site", "--date", DATE])
    assert result.exit_code == 1 and "AM501" in result.stdout
    assert snapshot(here / "site") == old_site and staging_folders(here) == []


# --- write failures are the user's environment (issue 10, point 5)


@dataclass(frozen=True)
class Ran:
    """A finished argmap process, read like typer's CliRunner result."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@dataclass(frozen=True)
class PrivateDisk:
    """A 1 MB tmpfs at ``path`` in a mount namespace of its own, which ``holder`` keeps alive: the
    host never sees the mount, and it goes with the holder even if the test run is killed.

    argmap and ``mount`` run inside the namespace (nsenter); the test reads and fills the disk
    through ``seen`` (the holder's root, /proc/PID/root)."""

    path: Path
    holder: subprocess.Popen

    def seen(self, path: Path) -> Path:
        return Path(f"/proc/{self.holder.pid}/root") / path.relative_to("/")

    def run(self, command: list[str | Path], cwd: Path) -> Ran:
        # nsenter starts in the namespace's root folder: env changes to cwd from inside
        done = subprocess.run(["nsenter", f"--target={self.holder.pid}", "--mount", "env", f"--chdir={cwd}",
                               *map(str, command)], capture_output=True, text=True, timeout=120)
        return Ran(done.returncode, done.stdout, done.stderr)

    def argmap(self, args: list[str | Path], cwd: Path) -> Ran:
        return self.run([sys.executable, "-m", "argmap", *args], cwd)

    def remount_read_only(self) -> None:
        done = self.run(["mount", "-o", "remount,ro", self.path], cwd=Path("/"))
        assert done.exit_code == 0, done.stderr


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[PrivateDisk]:
    """A 1 MB tmpfs at tmp_path/disk, mounted in a private mount namespace (needs root)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounts = f"mount -t tmpfs -o size=1m tmpfs '{mount_point}' && echo mounted && exec cat"
    try:  # cat holds the namespace until its input closes
        holder = subprocess.Popen(["unshare", "--mount", "--propagation", "private", "sh", "-c", mounts],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except FileNotFoundError:
        pytest.skip("unshare (util-linux) is not installed")
    try:
        if holder.stdout.readline().strip() != "mounted":
            pytest.skip(f"cannot mount a tmpfs in a mount namespace of its own here: {holder.communicate()[1].strip()}")
        yield PrivateDisk(mount_point, holder)
    finally:
        if holder.poll() is None:
            holder.stdin.close()
            holder.wait(timeout=60)


def fill(disk: Path) -> None:
    """Leave less than one page free on ``disk``."""
    with open(disk / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"x" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC


# each command: its arguments with the output folder last, and where its output goes
WRITERS = {
    "render": (["render", "maps", "-f", "dot", "-o"], "bridge.dot"),
    "brief": (["brief", "maps", "--date", DATE, "-o"], "bridge.html"),
    "build": (["build", "maps", "--date", DATE, "-o"], "index.html"),
}


def change_the_map(project: Path) -> None:
    """So that a rerun would write something new."""
    path = project / "maps" / "bridge.yaml"
    path.write_text(map_text("bridge", claim="The council pays for the bridge."), encoding="utf-8")


def assert_refused_cleanly(result, out: Path, old: dict[str, bytes], *reasons: str, seen: Path | None = None) -> None:
    """``out`` as argmap was given it; ``seen``, where the test finds it (by default the same)."""
    seen = seen or out
    assert result.exit_code == 2, result.output
    assert f"cannot " in result.stderr and str(out) in result.stderr
    assert all(reason in result.stderr for reason in reasons), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert snapshot(seen) == old and leftovers(seen.parent) == []


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_full_disk_is_reported_and_the_old_output_kept(small_disk: PrivateDisk, command):
    project = make_project(small_disk.path.parent)
    arguments, written = WRITERS[command]
    out = small_disk.path / "out"
    assert small_disk.argmap([*arguments, out], cwd=project).exit_code == 0
    assert (small_disk.seen(out) / written).is_file()
    old = snapshot(small_disk.seen(out))
    change_the_map(project)
    fill(small_disk.seen(small_disk.path))
    result = small_disk.argmap([*arguments, out], cwd=project)
    assert_refused_cleanly(result, out, old, "No space left on device", "the disk is full", seen=small_disk.seen(out))


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_read_only_folder_is_reported_and_the_old_output_kept(small_disk: PrivateDisk, command):
    project = make_project(small_disk.path.parent)
    arguments, written = WRITERS[command]
    out = small_disk.path / "out"
    assert small_disk.argmap([*arguments, out], cwd=project).exit_code == 0
    old = snapshot(small_disk.seen(out))
    change_the_map(project)
    small_disk.remount_read_only()
    result = small_disk.argmap([*arguments, out], cwd=project)
    assert_refused_cleanly(result, out, old, "Read-only file system", seen=small_disk.seen(out))


def test_a_mount_point_as_the_site_folder_is_reported(small_disk: PrivateDisk):
    project = make_project(small_disk.path.parent)
    result = small_disk.argmap(["build", "maps", "-o", small_disk.path], cwd=project)
    assert_refused_cleanly(result, small_disk.path, {}, "Device or resource busy", "a mount point cannot be replaced",
                           seen=small_disk.seen(small_disk.path))
    assert os.path.ismount(small_disk.seen(small_disk.path))


def test_the_small_disk_is_mounted_only_in_its_own_namespace(small_disk: PrivateDisk):
    assert os.path.ismount(small_disk.seen(small_disk.path))
    assert not os.path.ismount(small_disk.path)
    assert small_disk.run(["touch", small_disk.path / "inside"], cwd=Path("/")).exit_code == 0
    assert (small_disk.seen(small_disk.path) / "inside").is_file() and not (small_disk.path / "inside").exists()


@pytest.mark.parametrize("failure", [errno.EXDEV, errno.EBUSY])
@pytest.mark.parametrize("step", ["moving the old site aside", "moving the new site in"])
def test_a_failed_swap_keeps_the_old_site(here: Path, cli, monkeypatch, failure, step):
    """Renames across devices or onto a mount point, at either step, where no real one can be set up."""
    assert cli(["build", "-o", "site", "--date", DATE]).exit_code == 0
    old_site = snapshot(here / "site")
    change_the_map(here)
    real_rename = os.rename
    refused = []

    def refuse_once(source, target):
        site = Path(source if step == "moving the old site aside" else target) == Path("site")
        if site and not refused:
            refused.append(source)
            raise OSError(failure, os.strerror(failure), str(source))
        real_rename(source, target)

    monkeypatch.setattr("argmap.files.output.os.rename", refuse_once)
    result = cli(["build", "-o", "site", "--date", DATE])
    assert refused
    assert_refused_cleanly(result, Path("site"), old_site, f"cannot replace site: {os.strerror(failure)}")
    assert staging_folders(here) == []


def test_a_failure_while_writing_several_files_changes_none(here: Path, cli, monkeypatch):
    (here / "maps" / "second.yaml").write_text(map_text("second"), encoding="utf-8")
    assert cli(["render", "maps", "-f", "dot", "-o", "out"]).exit_code == 0
    old = snapshot(here / "out")
    change_the_map(here)
    (here / "maps" / "second.yaml").write_text(map_text("second", claim="Changed too."), encoding="utf-8")
    real_fsync = os.fsync
    calls = []

    def full_on_the_second_file(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr("argmap.files.output.os.fsync", full_on_the_second_file)
    result = cli(["render", "maps", "-f", "dot", "-o", "out"])
    assert_refused_cleanly(result, Path("out"), old, "No space left on device")


# --- output options (issue 10, point 6)


@pytest.mark.parametrize("command, written", [
    (["render", "maps", "-f", "dot"], "bridge.dot"),
    (["brief", "maps"], "bridge.html"),
    (["build", "maps"], "index.html"),
])
def test_every_writing_command_takes_output_and_the_old_out(here: Path, cli, command, written):
    assert cli([*command, "--output", "a"]).exit_code == 0
    assert cli([*command, "--out", "b"]).exit_code == 0
    assert (here / "a" / written).is_file() and (here / "b" / written).is_file()
    assert cli([*command, "--output", "c", "--out", "d"]).exit_code == 2
    shown = cli([command[0], "--help"]).stdout
    assert "-o, --output" in shown and "--out " not in shown and "--out\n" not in shown


@requires_dot
def test_render_and_brief_write_into_their_own_folders_by_default(here: Path, cli):
    assert cli(["render", "maps"]).exit_code == 0
    assert cli(["brief", "maps"]).exit_code == 0
    assert sorted(p.name for p in here.iterdir()) == ["briefs", "diagrams", "maps", "seeds"]
    assert [p.name for p in (here / "diagrams").iterdir()] == ["bridge.svg"]
    assert [p.name for p in (here / "briefs").iterdir()] == ["bridge.html"]
    assert "default: diagrams/" in " ".join(cli(["render", "--help"]).stdout.split())
    assert "default: briefs/" in " ".join(cli(["brief", "--help"]).stdout.split())


def test_brief_names_each_file_it_wrote(tmp_path: Path, cli, monkeypatch):
    make_project(tmp_path, ids=("bridge", "tunnel"))
    monkeypatch.chdir(tmp_path)
    result = cli(["brief", "maps", "-o", "out", "--date", DATE])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"wrote {Path('out') / 'bridge.html'}", f"wrote {Path('out') / 'tunnel.html'}"]


def test_brief_with_allow_errors_writes_and_still_exits_1(here: Path, cli):
    (here / "maps" / "bridge.yaml").write_text(map_text("bridge", quote="The council refused the bridge."))
    result = cli(["brief", "maps", "-o", "out", "--allow-errors", "--date", DATE])
    assert result.exit_code == 1
    assert "error AM501" in result.stderr and result.stdout.strip() == f"wrote {Path('out') / 'bridge.html'}"
    assert "checked: 1 error" in (here / "out" / "bridge.html").read_text()


def test_brief_without_any_map_says_so(here: Path, cli):
    (here / "empty").mkdir()
    result = cli(["brief", "empty", "-o", "out"])
    assert result.exit_code == 2 and "no map to write a brief for" in result.stderr
    assert not (here / "out").exists()


def test_a_rename_refused_after_others_says_what_was_replaced(here: Path, cli, monkeypatch):
    (here / "maps" / "second.yaml").write_text(map_text("second"), encoding="utf-8")
    real_replace = os.replace
    calls = []

    def busy_on_the_second(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(target))
        real_replace(source, target)

    monkeypatch.setattr("argmap.files.output.os.replace", busy_on_the_second)
    result = cli(["render", "maps", "-f", "dot", "-o", "out"])
    assert result.exit_code == 2
    assert f"cannot replace {Path('out') / 'second.dot'}: Device or resource busy" in result.stderr
    assert "1 of 2 files were replaced before it" in result.stderr
    assert leftovers(here) == []


def test_a_refused_file_or_folder_is_not_called_a_bug(here: Path, monkeypatch, capsys):
    """What the system refuses outside the writers (here: listing the output folder) still
    names the path and the reason, exit 2."""
    from argmap import cli as cli_module
    from argmap.usecases import build as site_module

    def unreadable(out):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(out))

    monkeypatch.setattr(site_module, "_guard_target", unreadable)
    monkeypatch.setattr(sys, "argv", ["argmap", "build", "-o", "site"])
    with pytest.raises(SystemExit) as stopped:
        cli_module.main()
    assert stopped.value.code == 2
    stderr = capsys.readouterr().err
    assert stderr.strip() == f"argmap: error: site: {os.strerror(errno.EACCES)}"


def test_a_ctrl_c_while_argmap_starts_says_interrupted_not_a_traceback():
    # the signal arrives while the app and the core are being imported, deterministically
    program = """
import importlib.abc, os, signal, sys
class InterruptOnImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "argmap.cli.application":
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, InterruptOnImport())
sys.argv = ["argmap", "--version"]
from argmap.cli import main
main()
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr.strip(), done.stdout) == (130, "argmap: interrupted", "")


def test_a_site_folder_reached_through_a_link_is_rebuilt_where_it_is(here: Path, cli):
    # a web server's root is often a link to the real folder: the link must stay and show the new site
    assert cli(["build", "-o", "www"]).exit_code == 0
    (here / "www" / "stale.txt").write_text("from an older build\n")
    (here / "pub").symlink_to("www")
    result = cli(["build", "-o", "pub"])
    assert result.exit_code == 0, result.output
    assert (here / "pub").is_symlink() and (here / "pub" / "index.html").is_file()
    assert not (here / "www" / "stale.txt").exists()

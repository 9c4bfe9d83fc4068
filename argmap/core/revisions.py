"""Files as they were at a git revision, read with the `git` program (``git show REV:PATH``), and
the files changed since one. Every failure of git is a :class:`UsageError` (exit 2) saying what
could not be read and why, in git's own words.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from argmap.core.diagnostics import UsageError
from argmap.core.load import MAX_FILE_BYTES

GIT_TIMEOUT = 60  # seconds for one git command: a local repository answers in far less


class Repository:
    """The git repository holding the current folder (or ``folder``)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path.cwd()
        self.top = Path(self._git("rev-parse", "--show-toplevel", what="find the git repository").decode().strip())

    def commit(self, revision: str) -> str:
        """The commit ``revision`` names (a branch, tag, or hash)."""
        _refuse_option(revision)
        found = self._git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}",
                          what=f"find the revision '{revision}'", quiet_failure=f"no commit '{revision}' in this repository")
        return found.decode().strip()

    def relative(self, path: Path) -> str | None:
        """``path`` (a file of the working tree) as git names it: from the repository's top, with
        '/'; None outside the repository."""
        try:
            return path.resolve().relative_to(self.top.resolve()).as_posix()
        except ValueError:
            return None

    def files_at(self, commit: str, paths: list[str]) -> set[str]:
        """Which of ``paths`` (from the top) are files at ``commit``."""
        if not paths:
            return set()
        listed = self._git("ls-tree", "-r", "-z", "--name-only", "--full-tree", commit, "--", *paths,
                           what=f"list the files of '{commit}'")
        return set(filter(None, listed.decode("utf-8", "surrogateescape").split("\0")))

    def show(self, revision: str, path: str, named: str | None = None) -> bytes:
        """The bytes of ``path`` (from the top, or './'-relative to the current folder) at
        ``revision``; ``named`` is how the user named the revision, for messages."""
        _refuse_option(revision)  # and so the object's name, which starts with it, is no option either
        shown = f"{named or revision}:{path}"
        kind = self._git("cat-file", "-t", f"{revision}:{path}", what=f"read {shown}",
                         quiet_failure=f"no such file at {named or revision}").decode().strip()
        if kind != "blob":
            raise UsageError(f"cannot read {shown}: a {'folder' if kind == 'tree' else kind}, not a file")
        raw = self._git("cat-file", "blob", f"{revision}:{path}", what=f"read {shown}")
        if len(raw) > MAX_FILE_BYTES:
            raise UsageError(f"{shown} is larger than {MAX_FILE_BYTES:,} bytes, the most argmap reads")
        return raw

    def changed_since(self, commit: str, pathspecs: list[str]) -> list[str]:
        """The files (from the top) that differ between ``commit`` and the working tree, within
        ``pathspecs`` (relative to the current folder)."""
        listed = self._git("diff", "--name-only", "-z", "--no-renames", "--end-of-options", commit, "--", *pathspecs,
                           what=f"list the files changed since '{commit}'")
        return sorted(filter(None, listed.decode("utf-8", "surrogateescape").split("\0")))

    def _git(self, *args: str, what: str, quiet_failure: str | None = None) -> bytes:
        try:
            done = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=self.folder, capture_output=True,
                                  timeout=GIT_TIMEOUT, stdin=subprocess.DEVNULL)
        except FileNotFoundError:
            raise UsageError(f"cannot {what}: git is not installed (or not on PATH)",
                             "argmap reads earlier versions of maps with git: install it") from None
        except subprocess.TimeoutExpired:
            raise UsageError(f"cannot {what}: git did not answer in {GIT_TIMEOUT} s") from None
        if done.returncode != 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            reason = quiet_failure or (said[-1].removeprefix("fatal: ") if said else f"git exited with {done.returncode}")
            raise UsageError(f"cannot {what}: {reason}")
        return done.stdout


def _refuse_option(revision: str) -> None:
    """A revision is never read as one of git's options (``--output=FILE`` would write a file)."""
    if not revision or revision.startswith("-"):
        raise UsageError(f"'{revision}' is not a revision", "name a branch, tag or commit, e.g. main or HEAD~1")

"""Writing outputs: all files or none, never over an input, and a failure of the user's
environment (disk full, read-only folder, a mount point) reported as such, with exit 2.

Every command that writes files asks :func:`refuse_outputs` (or, for a folder replaced as a
whole, :func:`refuse_replacing_folder`) first, with the :class:`Inputs` no output may replace.
Files are written to temporary files beside their targets and renamed into place only once
every one of them is on disk; a folder replaced as a whole (the site) is built beside it and
swapped in. A failure leaves the old output as it was and no temporary file behind. An output
that is a link is written through: the link stays, and the file it points at is replaced.
"""

from __future__ import annotations

import errno
import glob
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from argmap.core.diagnostics import UsageError
from argmap.core.folders import DEFAULT_MAPS, DEFAULT_SEEDS, MAP_SUFFIXES, SOURCES_FILE

# Where each command writes unless told otherwise (-o/--output). Separate folders, so that
# `argmap build` (which replaces its folder as a whole) never takes diagrams or briefs with it.
DIAGRAMS_FOLDER = Path("diagrams")
BRIEFS_FOLDER = Path("briefs")
SITE_FOLDER = Path("build")

STAGING_SUFFIX = ".tmp"
STAGING_MARK = ".argmap-staging"  # inside each staging folder: proof that argmap made it

@dataclass(frozen=True)
class WriteAdvice:
    """What the user can do about the usual ways an environment refuses a write (by errno),
    and what a refusal before any file was replaced leaves."""

    by_errno: Mapping[int, str]
    unchanged: str


_PERMISSION = "permission denied: choose a folder you may write to with -o"
_MOUNT_POINT = "a mount point cannot be replaced: give -o a new folder inside it"
# outputs: written where -o says
OUTPUTS = WriteAdvice({
    errno.ENOSPC: "the disk is full: free some space or choose another folder with -o",
    errno.EDQUOT: "the disk quota is used up: free some space or choose another folder with -o",
    errno.EROFS: "the file system is read-only: choose another folder with -o",
    errno.EACCES: _PERMISSION,
    errno.EPERM: _PERMISSION,
    errno.EBUSY: _MOUNT_POINT,
    errno.EXDEV: _MOUNT_POINT,
}, "the previous output is unchanged")
_BESIDE = "permission denied: the new text is written beside the file and renamed over it, so its folder must be writable"
# files rewritten where they are (migrate): no -o to choose another place
IN_PLACE = WriteAdvice({
    errno.ENOSPC: "the disk is full: free some space and run again",
    errno.EDQUOT: "the disk quota is used up: free some space and run again",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: _BESIDE,
    errno.EPERM: _BESIDE,
}, "nothing was changed")


def write_failed(action: str, path: Path | str, error: OSError, aftermath: str | None = None,
                 advice: WriteAdvice = OUTPUTS) -> UsageError:
    """The environment refused a write: say what failed, where, why, and what it left; exit 2."""
    remedy = advice.by_errno.get(error.errno or 0, "check the folder and try again")
    return UsageError(f"cannot {action} {path}: {error.strerror or error}", f"{remedy}; {aftermath or advice.unchanged}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _stage(target: Path, data: bytes, keep_mode: bool = False) -> Path:
    """``data`` in a new temporary file beside ``target``, flushed to disk; its path. With
    ``keep_mode``, the file gets the permissions of the ``target`` it replaces."""
    handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False)
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # NamedTemporaryFile creates 0600; give the file the mode a normal write would
        os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode) if keep_mode else 0o666 & ~_umask())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def write_files(files: Mapping[Path, bytes], keep_mode: bool = False, advice: WriteAdvice = OUTPUTS) -> None:
    """Write every file or none. Raises :class:`UsageError` (exit 2) when the environment
    refuses, and leaves no temporary file. Writing is where a full disk or a read-only folder
    shows: then no target has changed. The renames come only once every file is on disk; if
    one of those fails nonetheless (a target that is a mount point), the message says so.

    A target that is a link is written through: the file it points at is replaced (beside
    itself, so atomically) and the link stays a link, as a shell's `>` would leave it; renaming
    onto the link itself would turn it into a plain file and leave its file as it was."""
    staged: dict[Path, tuple[Path, Path]] = {}  # target → (the file it is, the temporary file)
    try:
        for target, data in files.items():
            real = link_target(target)
            try:
                staged[target] = real, _stage(real, data, keep_mode)
            except OSError as error:
                raise write_failed("write", _named(target), error, advice=advice) from None
        for done, (target, (real, temporary)) in enumerate(list(staged.items())):
            try:
                os.replace(temporary, real)
            except OSError as error:
                aftermath = f"{done} of {len(files)} files were replaced before it" if done else "nothing was changed"
                raise write_failed("replace", _named(target), error, aftermath, advice) from None
            del staged[target]
    finally:
        for _, temporary in staged.values():
            temporary.unlink(missing_ok=True)


def rewrite_files(files: Mapping[Path, bytes]) -> None:
    """Replace files that a command exists to rewrite (`argmap migrate`): all or none, each
    keeping its permissions, a link staying a link. A read-only file is refused before anything
    is written, although its folder would let a rename replace it: read-only says the user wants
    it left alone."""
    for target in files:
        if not os.access(target, os.W_OK) or not os.stat(target).st_mode & stat.S_IWUSR:
            raise UsageError(f"cannot rewrite {_named(target)}: the file is read-only",
                             "make it writable (chmod u+w) and run again; nothing was changed")
    write_files(files, keep_mode=True, advice=IN_PLACE)


def link_target(path: Path) -> Path:
    """``path``, or the file or folder it links to: an output is replaced where it really is, so
    that a link to it (a web server's root, a map kept in another folder) stays and shows the new one."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _named(path: Path) -> str:
    """``path`` as the user named it, and where it leads when it is a link."""
    real = link_target(path)
    return str(path) if real == path else f"{path} (a link to {real})"


# --- the one rule: no output replaces an input


@dataclass(frozen=True)
class Inputs:
    """The files no output may replace, whatever the command and whatever --force says:

    - the command's own input files (the file `import` reads, the map `export` writes out);
    - the sources registry of the seeds folder in use, and every other file in that folder (the
      documents the maps quote, registered or not);
    - every map argmap can see: the maps and folders named on the command line, and the maps
      under the default maps/ folder.

    They are compared as files, not as names: the same file reached through a link, with `./` or
    `..`, in another case (where the file system ignores case) or by a hard link is still an input.
    They are looked for only once some output exists: a new file cannot be one of them."""

    seeds_dir: Path = DEFAULT_SEEDS
    named: Sequence[Path] = ()  # maps and folders of maps named on the command line
    own: Sequence[Path] = ()  # the other files the command reads

    def files(self) -> Iterator[tuple[Path, str]]:
        """Each protected file, and what it is, for the message that refuses it."""
        seeds = _folder_name(self.seeds_dir)
        for path in self.own:
            yield path, "the file this command reads"
        yield self.seeds_dir / SOURCES_FILE, f"the sources registry of {seeds}"
        for path in _files_under(self.seeds_dir):
            yield path, f"a file of the seeds folder {seeds}"
        for path in self.named:
            if path.is_dir():
                yield from ((found, f"a map in {_folder_name(path)}") for found in _maps_under(path))
            else:
                yield path, "a map named on the command line"
        yield from ((found, f"a map in {_folder_name(DEFAULT_MAPS)}") for found in _maps_under(DEFAULT_MAPS))

    def folders(self) -> Iterator[tuple[Path, str]]:
        """The folders inputs live in, and what each is: a folder replaced as a whole must not be,
        or hold, one of them."""
        yield self.seeds_dir, "the seeds folder"
        yield from ((path, "a folder named on the command line") for path in self.named if path.is_dir())
        if DEFAULT_MAPS.is_dir():
            yield DEFAULT_MAPS, "the maps folder"

    @cached_property
    def _by_identity(self) -> dict[tuple[int, int], tuple[Path, str]]:
        found: dict[tuple[int, int], tuple[Path, str]] = {}
        for path, what in self.files():
            try:
                status = os.stat(path)
            except OSError:  # gone, or a link to nothing: nothing there to protect
                continue
            found.setdefault((status.st_dev, status.st_ino), (path, what))
        return found

    def clash(self, output: Path) -> tuple[Path, str] | None:
        """The input that ``output`` is (by any name), and what it is; None for any other file."""
        try:
            status = os.stat(output)
        except OSError:
            return None
        return self._by_identity.get((status.st_dev, status.st_ino))


def _folder_name(folder: Path) -> str:
    return f"{folder.as_posix().rstrip('/')}/"


def _files_under(folder: Path) -> Iterator[Path]:
    return (path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else iter(())


def _maps_under(folder: Path) -> Iterator[Path]:
    return (path for path in _files_under(folder) if path.suffix.lower() in MAP_SUFFIXES)


def refuse_outputs(outputs: Iterable[Path], inputs: Inputs, *, replace: bool = True) -> None:
    """The rule every command that writes files follows, checked for every output before anything
    is written. Raises :class:`UsageError` (exit 2) for an output that is a folder or another
    thing than a regular file (a pipe, a device), that is one of the ``inputs`` by any name (even
    with --force), or that exists when ``replace`` is false (import without --force). An output
    that is a link to another file is written through: see :func:`write_files`."""
    for output in outputs:
        if output.is_dir():
            raise UsageError(f"{output}: is a folder; cannot write a file there")
        if output.exists() and not output.is_file():
            raise UsageError(f"{output}: is not a regular file (a pipe or a device); refusing to replace it",
                             "choose another -o; nothing was written")
        clash = inputs.clash(output)
        if clash is not None:
            path, what = clash
            alias = "" if os.path.abspath(output) == os.path.abspath(path) else f"the same file as {path}, "
            raise UsageError(f"refusing to overwrite {output}: it is {alias}{what}",
                             "an output never replaces an input: choose another -o; nothing was written")
        if not replace and (output.exists() or output.is_symlink()):
            raise UsageError(f"{output} already exists", "give --force to replace it, or choose another -o")


def refuse_replacing_folder(folder: Path, inputs: Inputs) -> None:
    """Raise :class:`UsageError` (exit 2) if an input, or a folder of inputs, is ``folder`` or lies
    inside it: the folder is about to be replaced as a whole, and the input would go with it."""
    root = folder.resolve()
    for path, what in (*inputs.files(), *inputs.folders()):  # a file first: it says more than its folder
        resolved = path.resolve()
        if resolved == root or root in resolved.parents:
            raise UsageError(f"{folder}: refusing to replace this folder: it holds the input {path}, {what}",
                             "the output folder is replaced as a whole; choose another one with -o DIR")


def prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: exists and is not a folder", "give -o a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_failed("create the output folder", folder, error) from None


# --- a folder replaced as a whole


@contextmanager
def replacing_folder(out: Path) -> Iterator[Path]:
    """Yield an empty folder to fill; when the block ends without error, it replaces ``out``
    (by renames: readers see the old folder or the new one). Otherwise ``out`` stays as it was.

    The work happens in a staging folder ``.<out>.XXXX.tmp`` beside ``out``, marked and locked
    while in use, so that a later run can tell one left by a killed process from one still in
    use, and remove it: see :func:`remove_abandoned_staging`.
    """
    prepare_folder(out.parent)
    try:
        work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=STAGING_SUFFIX, dir=out.parent))
    except OSError as error:
        raise write_failed("create a temporary folder beside", out, error) from None
    try:
        with _marked_and_locked(work):
            new, old = work / "new", work / "old"
            try:
                new.mkdir()
                yield new
            except OSError as error:
                raise write_failed("write", out, error) from None
            try:
                if out.exists():
                    os.rename(out, old)
                try:
                    os.rename(new, out)
                except OSError:
                    if old.exists():
                        os.rename(old, out)
                    raise
            except OSError as error:
                raise write_failed("replace", out, error) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def _marked_and_locked(work: Path) -> Iterator[None]:
    """Put argmap's mark in ``work`` and hold an exclusive lock on it while the block runs; the
    system releases the lock when the process ends, however it ends. The mark is locked before
    it gets its name, so no other run ever sees it unlocked while this one lives."""
    unnamed = work / f"{STAGING_MARK}.new"
    with open(unnamed, "w") as handle:
        _lock(handle, blocking=True)
        os.rename(unnamed, work / STAGING_MARK)
        yield


def _lock(handle, blocking: bool) -> bool:
    """An exclusive advisory lock on the open file ``handle``; False if another process holds it."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here: then no staging folder counts as abandoned
        return blocking
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def remove_abandoned_staging(out: Path) -> None:
    """Remove the staging folders beside ``out`` that killed runs left: only folders carrying
    argmap's mark that no living process holds. A run killed between its two renames left the
    previous ``out`` in its ``old`` folder: that is put back first."""
    if not out.parent.is_dir():
        return
    for work in out.parent.glob(f".{glob.escape(out.name)}.*{STAGING_SUFFIX}"):
        mark = work / STAGING_MARK
        if work.is_symlink() or not mark.is_file():
            continue
        try:
            with open(mark, "a") as handle:
                if not _lock(handle, blocking=False):
                    continue  # a build still running
                if not out.exists() and (work / "old").is_dir():
                    os.rename(work / "old", out)
                shutil.rmtree(work)
        except OSError:
            continue  # harmless where it is; a later run tries again

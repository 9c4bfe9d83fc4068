"""Writing outputs: all files or none, never over an input, and a failure of the user's
environment (disk full, read-only folder, a mount point) reported as such, with exit 2.

Files are written to temporary files beside their targets and renamed into place only once
every one of them is on disk; a folder replaced as a whole (the site) is built beside it and
swapped in. A failure leaves the old output as it was and no temporary file behind.
"""

from __future__ import annotations

import errno
import glob
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.core.diagnostics import UsageError

if TYPE_CHECKING:
    from argmap.core.project import Project

# Where each command writes unless told otherwise (-o/--output). Separate folders, so that
# `argmap build` (which replaces its folder as a whole) never takes diagrams or briefs with it.
DIAGRAMS_FOLDER = Path("diagrams")
BRIEFS_FOLDER = Path("briefs")
SITE_FOLDER = Path("build")

STAGING_SUFFIX = ".tmp"
STAGING_MARK = ".argmap-staging"  # inside each staging folder: proof that argmap made it

# What the user can do about the usual ways an environment refuses a write.
_ADVICE = {
    errno.ENOSPC: "the disk is full: free some space or choose another folder with -o",
    errno.EDQUOT: "the disk quota is used up: free some space or choose another folder with -o",
    errno.EROFS: "the file system is read-only: choose another folder with -o",
    errno.EACCES: "permission denied: choose a folder you may write to with -o",
    errno.EPERM: "permission denied: choose a folder you may write to with -o",
    errno.EBUSY: "a mount point cannot be replaced: give -o a new folder inside it",
    errno.EXDEV: "a mount point cannot be replaced: give -o a new folder inside it",
}


def write_failed(action: str, path: Path, error: OSError,
                 aftermath: str = "the previous output is unchanged") -> UsageError:
    """The environment refused a write: say what failed, where, why, and what it left; exit 2."""
    advice = _ADVICE.get(error.errno or 0, "check the folder and try again")
    return UsageError(f"cannot {action} {path}: {error.strerror or error}", f"{advice}; {aftermath}")


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


def write_files(files: Mapping[Path, bytes], keep_mode: bool = False) -> None:
    """Write every file or none. Raises :class:`UsageError` (exit 2) when the environment
    refuses, and leaves no temporary file. Writing is where a full disk or a read-only folder
    shows: then no target has changed. The renames come only once every file is on disk; if
    one of those fails nonetheless (a target that is a mount point), the message says so."""
    staged: dict[Path, Path] = {}
    try:
        for target, data in files.items():
            try:
                staged[target] = _stage(target, data, keep_mode)
            except OSError as error:
                raise write_failed("write", target, error) from None
        for done, (target, temporary) in enumerate(list(staged.items())):
            try:
                os.replace(temporary, target)
            except OSError as error:
                aftermath = f"{done} of {len(files)} files were replaced before it" if done else "nothing was changed"
                raise write_failed("replace", target, error, aftermath) from None
            del staged[target]
    finally:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)


def rewrite_files(files: Mapping[Path, bytes]) -> None:
    """Replace files that a command exists to rewrite (`argmap migrate`): all or none, each
    keeping its permissions. A read-only file is refused before anything is written, although
    its folder would let a rename replace it: read-only says the user wants it left alone."""
    for target in files:
        if not os.access(target, os.W_OK) or not os.stat(target).st_mode & stat.S_IWUSR:
            raise UsageError(f"cannot rewrite {target}: the file is read-only",
                             "make it writable (chmod u+w) and run again; nothing was changed")
    write_files(files, keep_mode=True)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def refuse_inputs(outputs: Iterable[Path], inputs: Iterable[Path]) -> None:
    """Raise :class:`UsageError` (exit 2) if an output would land on an input file or on a
    folder; checked for every output before anything is written."""
    inputs = list(inputs)
    for output in outputs:
        if output.is_dir():
            raise UsageError(f"{output}: is a folder; cannot write a file there")
        clash = next((i for i in inputs if _same_file(output, i)), None)
        if clash is not None:
            raise UsageError(f"{output}: refusing to overwrite the input file {clash}",
                             "choose another output folder with -o DIR")


def refuse_inputs_within(folder: Path, inputs: Iterable[Path]) -> None:
    """Raise :class:`UsageError` (exit 2) if an input is ``folder`` or lies inside it: the
    folder is about to be replaced as a whole, and the input would go with it."""
    root = folder.resolve()
    for path in inputs:
        resolved = path.resolve()
        if resolved == root or root in resolved.parents:
            raise UsageError(f"{folder}: refusing to replace this folder: it holds the input {path}",
                             "the output folder is replaced as a whole; choose another one with -o DIR")


def prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: exists and is not a folder", "give -o a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_failed("create the output folder", folder, error) from None


def input_files(project: Project) -> list[Path]:
    """Every file a command read: outputs must never land on one of them."""
    from argmap.core.project import SOURCES_FILE

    return [
        *(document.path for document in project.maps),
        *(unloaded.path for unloaded in project.unloaded_maps),
        project.seeds_dir / SOURCES_FILE,
        *(project.seeds_dir / source.file for source in project.registered.values()),
    ]


# --- a folder replaced as a whole


def link_target(folder: Path) -> Path:
    """``folder``, or the folder it links to: a folder replaced as a whole must be replaced where
    it really is, so that a link to it (a web server's root, say) stays and shows the new one."""
    return Path(os.path.realpath(folder)) if folder.is_symlink() else folder


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

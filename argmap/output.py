"""Writing outputs: atomically (a temporary file in the target folder, then ``os.replace``), and
never over an input. A failure leaves either the old file or none, never a partial one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from argmap.diagnostics import UsageError
from argmap.project import SOURCES_FILE, Project


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False)
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # NamedTemporaryFile creates 0600; give the file the mode a normal write would
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


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
            raise UsageError(f"{output}: is a folder; cannot write the diagram there")
        clash = next((i for i in inputs if _same_file(output, i)), None)
        if clash is not None:
            raise UsageError(f"{output}: refusing to overwrite the input file {clash}",
                             "choose another output folder with -o DIR")


def prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: exists and is not a folder", "give -o a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"{folder}: cannot create the output folder ({error.strerror})") from None


def input_files(project: Project) -> list[Path]:
    """Every file a command read: outputs must never land on one of them."""
    return [
        *(document.path for document in project.maps),
        project.seeds_dir / SOURCES_FILE,
        *(source.path for source in project.sources.values()),
    ]

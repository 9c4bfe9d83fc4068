"""`argmap render`: check the maps, draw each, write them all or none.

Order matters for "a failing command writes no partial output": usage problems (unknown format,
missing ``dot``, an output over an input) are found before any work; every diagram is produced
in memory before the first file is written; each file is written atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from argmap.core.diagnostics import UsageError
from argmap.files.output import Inputs, prepare_folder, refuse_outputs, write_files
from argmap.core.project import DEFAULT_SEEDS
from argmap.render.drawing import RenderOptions, drawing
from argmap.render.formats import require_dot
from argmap.usecases.check import check
from argmap.usecases.outcome import Outcome


def render_maps(paths: Sequence[Path] | None, seeds_dir: Path = DEFAULT_SEEDS,
                options: RenderOptions | None = None) -> Outcome:
    """Render each map to ``<out_dir>/<map-id>.<ext>``; on check errors nothing is drawn.
    Raises :class:`UsageError` (exit 2) when the command cannot run."""
    options = options or RenderOptions()
    options.validate()
    output_format = options.output_format()
    if output_format.needs_dot:
        require_dot()
    result = check(paths, seeds_dir)
    if result.errors:
        return Outcome(result)
    documents = result.project.maps
    if not documents:
        raise UsageError("no map files to render", "name map files or folders holding *.yaml maps")
    targets = [options.out_dir / f"{document.model.id}.{output_format.extension}" for document in documents]
    refuse_outputs(targets, Inputs(seeds_dir, named=paths or ()))
    produced = [drawing(document, result.evaluations, options, output_format) for document in documents]
    prepare_folder(options.out_dir)
    write_files(dict(zip(targets, produced)))
    return Outcome(result, targets)

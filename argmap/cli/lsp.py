"""`argmap lsp`: the language server, for editors; it speaks the protocol on stdin and stdout."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer


def lsp_command(
    seeds: Optional[Path] = typer.Option(
        None, "--seeds", show_default=False,
        help="Seeds folder for every map (default: the seeds/ folder of each map's project, the nearest "
             "folder above the map that holds one)."),
    docs_url: Optional[str] = typer.Option(
        None, "--docs-url", metavar="URL", show_default=False,
        help="Address of argmap's documentation site, for the link from each diagnostic to its code's "
             "explanation (default: the docs/ folder of an argmap checkout, when argmap runs from one)."),
) -> None:
    """Run the language server on stdin and stdout: an editor starts it and checks maps as you type.

    Diagnostics with the codes, ranges and hints of `argmap check`, on the unsaved text; completion
    of node ids, source ids, keys and values; hover, go to definition, references, rename, code
    actions and the outline of a map. It stops when the editor says so or its process ends.

    Example (an editor's configuration): command "argmap", arguments ["lsp"]
    """
    from argmap.lsp.server import serve_stdio

    serve_stdio(seeds, docs_url)

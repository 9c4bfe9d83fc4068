"""argmap: argument maps in YAML with verified citations.

The pipeline runs one way: ``load`` (YAML text to positioned data) → ``model`` (pydantic) →
``checks`` (diagnostics) → ``evaluate`` (labels) → ``render`` / ``brief`` (DOT, HTML) → ``cli``.
"""

__version__ = "0.1.0"

import os as _os

# argmap uses no pydantic plugins; skipping their entry-point scan saves ~15 ms per command.
_os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

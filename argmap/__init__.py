"""argmap: argument maps in YAML with verified citations.

The pipeline runs one way: ``load`` (YAML text to positioned data) → ``model`` (pydantic) →
``checks`` (diagnostics) → ``evaluate`` (labels) → ``render`` / ``brief`` (DOT, HTML) →
``usecases`` (what each command does) → ``reporters`` (outcomes as text, json, github, sarif)
→ ``cli``.
"""

__version__ = "0.2.0"

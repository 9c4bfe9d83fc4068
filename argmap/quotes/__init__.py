"""Quotes and their sources: :mod:`.match` decides whether a quote occurs in a source (what
`argmap check` verifies); :mod:`.search` finds the passage approximate words come from (what
`argmap quote` suggests). The rules that report on quotes are :mod:`argmap.checks.quotes`.

Nothing is imported here: checking a map loads the matcher only, never the search. The
finder's settings the command line shows live here, so that `argmap --help` loads no finder.
"""

DEFAULT_LIMIT = 5  # passages `argmap quote` ranks unless told otherwise

"""Quotes and their sources: :mod:`.match` decides whether a quote occurs in a source (what
`argmap check` verifies); :mod:`.search` finds the passage approximate words come from (what
`argmap quote` suggests). The rules that report on quotes are :mod:`argmap.checks.quotes`.

Nothing is imported here: checking a map loads the matcher only, never the search.
"""

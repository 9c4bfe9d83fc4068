"""`argmap lsp`: a Language Server Protocol server over stdio, so that any editor checks maps as
they are typed, with the codes, ranges and hints of `argmap check`, and completes, explains and
navigates them.

The server (:mod:`.server`, pygls) is a thin layer over plain functions that know nothing of the
protocol's transport: :mod:`.documents` checks the open maps' unsaved text with the use case of
`argmap check`; :mod:`.places` finds node and source ids and quotes in a map's text; the feature
modules answer from those. Only this package and the `lsp` command import pygls and lsprotocol,
so that no other command pays for them at start-up.
"""

"""Other tools' argument maps: AIF JSON, Argdown and Kialo's text export.

Each reader turns a file into a neutral :class:`~argmap.interchange.exchange.Exchange` (statements,
supports, attacks, undercuts, notes); :mod:`~argmap.interchange.builder` makes one map from it,
with the ids, types, sides and titles the structural checks accept. Each writer turns a map into
another tool's format. Nothing here reads or writes files: the use cases do.
"""

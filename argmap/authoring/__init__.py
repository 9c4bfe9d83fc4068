"""New files for authors: a map scaffold (argmap new) and a whole starter project (argmap init)."""

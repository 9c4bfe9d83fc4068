"""Writing outputs safely: all files or none, never over an input."""

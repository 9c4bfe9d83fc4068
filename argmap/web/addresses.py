"""Where `argmap serve` listens unless told otherwise: one definition for the core and the command
line (which reads it at start-up, so it imports nothing)."""

DEFAULT_HOST = "127.0.0.1"  # this machine only: an author's drafts are not published by accident
DEFAULT_PORT = 8000

"""The local web server of argmap serve, and where it listens by default."""

"""What each command does, as functions: below the CLI, above the engines. Each returns a typed
outcome that a reporter (:mod:`argmap.reporters`) turns into output."""

"""The engines' size limits, in a module of their own: the checker's rules and the CLI's help
quote them without loading the engines that enforce them."""

MAX_EXTENSIONS = 1_000  # labellings a preferred or stable search may meet before it stops

# The most arguments a framework may have. Memory grows with the arguments (a few hundred
# bytes each, and an ``.af`` header declares them without listing them), so a header such as
# ``p af 100000000`` is refused instead of exhausting the machine. ICCMA instances stay far below.
MAX_ARGUMENTS = 1_000_000

"""What an evaluation says about each argument: a label, the reason for it, and the extensions.

Labels follow Caminada's labelling approach (Caminada & Gabbay 2009, "A logical account of
formal argumentation"): IN, OUT and UNDEC, shown to users as "stands", "falls" and "undecided".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from argmap.core.vocabulary import STATUS_SYMBOLS, STATUS_WORDS


class Label(str, Enum):
    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"

    @property
    def status(self) -> str:
        """The word users see."""
        return STATUS_WORDS[self]

    @property
    def symbol(self) -> str:
        return STATUS_SYMBOLS[self]


class ReasonKind(str, Enum):
    UNATTACKED = "unattacked"
    ATTACKERS_FALL = "attackers-fall"  # IN: every attacker is OUT
    DEFEATED_BY = "defeated-by"  # OUT: these attackers are IN
    DEFEATED_EITHER_WAY = "defeated-either-way"  # OUT in every extension, by different attackers
    CONTESTED_BY = "contested-by"  # UNDEC: never IN; these attackers are not always OUT
    STANDS_IN_SOME = "stands-in-some"  # UNDEC: IN in some extensions, not in all
    NO_EXTENSION = "no-extension"  # UNDEC: the semantics has no extension (stable only)


@dataclass(frozen=True)
class Reason:
    """Why a node has its label: the kind of reason and the attackers it names."""

    kind: ReasonKind
    attackers: tuple[str, ...] = ()

    def __str__(self) -> str:
        # only this kind's words are formatted: `argmap eval` prints a reason per argument
        return REASON_WORDS[self.kind].format(", ".join(self.attackers))


# Each kind's words; "{}" stands for the attackers it names (positional: a whole framework's
# reasons are formatted by one map() of str.format, in argmap.evaluate.semantics).
REASON_WORDS = {
    ReasonKind.UNATTACKED: "unattacked",
    ReasonKind.ATTACKERS_FALL: "all attackers fall",
    ReasonKind.DEFEATED_BY: "defeated by {}",
    ReasonKind.DEFEATED_EITHER_WAY: "falls in every extension, defeated by one of {}",
    ReasonKind.CONTESTED_BY: "contested by {}, which do not fall",
    ReasonKind.STANDS_IN_SOME: "stands in some extensions but not in all",
    ReasonKind.NO_EXTENSION: "no extension exists under this semantics",
}


@dataclass(frozen=True)
class Verdict:
    """A node's label and the reason for it."""

    label: Label
    reason: Reason

    @property
    def status(self) -> str:
        return self.label.status


@dataclass(frozen=True)
class Explained:
    """Every argument's label and reason as words, in declaration order: what a table of a
    whole framework shows, without a Verdict object per argument."""

    arguments: Sequence[str]
    labels: Sequence[Label]
    reasons: Sequence[str]


@dataclass(frozen=True)
class Evaluation:
    """The result of evaluating a framework under one semantics.

    ``extensions`` lists each extension's arguments in declaration order. ``verdicts`` (one per
    argument, in declaration order) is worked out on first use: naming every argument's
    defeaters costs more than the grounded labelling itself, and ICCMA output needs only the
    extensions. ``explained`` says the same as ``verdicts`` in bulk (the table of `argmap eval`):
    ``tabulate`` makes it directly when given, else it is read off ``verdicts``.
    """

    semantics: str
    extensions: tuple[tuple[str, ...], ...]
    explain: Callable[[], dict[str, Verdict]] = field(repr=False, compare=False)
    tabulate: Callable[[], Explained] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def verdicts(self) -> dict[str, Verdict]:
        return self.explain()

    @cached_property
    def explained(self) -> Explained:
        if self.tabulate is not None:
            return self.tabulate()
        verdicts = self.verdicts
        return Explained(tuple(verdicts), [v.label for v in verdicts.values()],
                         [str(v.reason) for v in verdicts.values()])

    def label(self, argument: str) -> Label:
        return self.verdicts[argument].label

    def with_label(self, label: Label) -> list[str]:
        return [a for a, v in self.verdicts.items() if v.label is label]

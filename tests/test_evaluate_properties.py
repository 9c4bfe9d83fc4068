"""Property tests on random frameworks of up to 12 arguments.

Besides the textbook properties (grounded ⊆ every preferred, every stable is preferred, every
extension conflict-free and admissible, grounded the least complete extension), the engine is
compared with a brute-force reference that tries every subset of arguments.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.evaluate import Framework, Label, evaluate


@st.composite
def frameworks(draw: st.DrawFn, max_arguments: int = 12) -> Framework:
    size = draw(st.integers(min_value=0, max_value=max_arguments))
    names = [f"a{i}" for i in range(size)]
    if not size:
        return Framework.build([], [])
    # A density per framework, so that both sparse (mostly decided) and dense frameworks occur.
    density = draw(st.sampled_from([0.05, 0.15, 0.3, 0.5]))
    pairs = [(a, t) for a in names for t in names]
    flags = draw(st.lists(st.floats(min_value=0, max_value=1), min_size=len(pairs), max_size=len(pairs)))
    return Framework.build(names, [pair for pair, flag in zip(pairs, flags) if flag < density])


@dataclass
class BruteForce:
    """Dung's definitions, checked on every subset (as bit sets) of a small framework."""

    framework: Framework

    def __post_init__(self) -> None:
        fw = self.framework
        self.n = len(fw)
        self.attackers = [sum(1 << a for a in fw.attackers[i]) for i in range(self.n)]
        self.targets = [sum(1 << t for t in fw.targets[i]) for i in range(self.n)]

    def members(self, subset: int) -> list[int]:
        return [i for i in range(self.n) if subset >> i & 1]

    def attacked_by(self, subset: int) -> int:
        result = 0
        for i in self.members(subset):
            result |= self.targets[i]
        return result

    def defended_by(self, subset: int) -> int:
        attacked = self.attacked_by(subset)
        return sum(1 << i for i in range(self.n) if self.attackers[i] & ~attacked == 0)

    def conflict_free(self, subset: int) -> bool:
        return self.attacked_by(subset) & subset == 0

    def complete(self, subset: int) -> bool:
        return self.conflict_free(subset) and self.defended_by(subset) == subset

    def admissible(self, subset: int) -> bool:
        return self.conflict_free(subset) and subset & ~self.defended_by(subset) == 0

    def all_complete(self) -> list[int]:
        return [s for s in range(1 << self.n) if self.complete(s)]

    def grounded(self) -> int:
        current = 0
        while (following := self.defended_by(current)) != current:
            current = following
        return current

    def preferred(self) -> set[int]:
        admissible = [s for s in range(1 << self.n) if self.admissible(s)]
        return {s for s in admissible if not any(s != t and s & ~t == 0 for t in admissible)}

    def stable(self) -> set[int]:
        everything = (1 << self.n) - 1
        return {
            s for s in range(1 << self.n)
            if self.conflict_free(s) and self.attacked_by(s) | s == everything
        }

    def names(self, subset: int) -> frozenset[str]:
        return frozenset(self.framework.arguments[i] for i in self.members(subset))


def extension_sets(fw: Framework, semantics: str) -> set[frozenset[str]]:
    return {frozenset(e) for e in evaluate(fw, semantics).extensions}


PROPERTY_SETTINGS = settings(max_examples=150, deadline=None)


@PROPERTY_SETTINGS
@given(frameworks())
def test_grounded_is_contained_in_every_preferred_extension(fw: Framework) -> None:
    (grounded,) = extension_sets(fw, "grounded")
    preferred = extension_sets(fw, "preferred")
    assert preferred, "every framework has at least one preferred extension"
    assert all(grounded <= extension for extension in preferred)


@PROPERTY_SETTINGS
@given(frameworks())
def test_every_stable_extension_is_preferred(fw: Framework) -> None:
    assert extension_sets(fw, "stable") <= extension_sets(fw, "preferred")


@PROPERTY_SETTINGS
@given(frameworks())
def test_every_extension_is_conflict_free_and_admissible(fw: Framework) -> None:
    for semantics in ("grounded", "preferred", "stable"):
        for extension in extension_sets(fw, semantics):
            assert fw.is_conflict_free(extension), (semantics, extension)
            assert fw.is_admissible(extension), (semantics, extension)


@PROPERTY_SETTINGS
@given(frameworks())
def test_grounded_is_the_least_complete_extension(fw: Framework) -> None:
    reference = BruteForce(fw)
    (grounded,) = extension_sets(fw, "grounded")
    complete = [reference.names(s) for s in reference.all_complete()]
    assert grounded in complete
    assert all(grounded <= extension for extension in complete)


@PROPERTY_SETTINGS
@given(frameworks())
def test_engine_agrees_with_brute_force(fw: Framework) -> None:
    reference = BruteForce(fw)
    assert extension_sets(fw, "grounded") == {reference.names(reference.grounded())}
    assert extension_sets(fw, "preferred") == {reference.names(s) for s in reference.preferred()}
    assert extension_sets(fw, "stable") == {reference.names(s) for s in reference.stable()}


@PROPERTY_SETTINGS
@given(frameworks())
def test_sceptical_labels_follow_the_extensions(fw: Framework) -> None:
    for semantics in ("preferred", "stable"):
        result = evaluate(fw, semantics)
        extensions = [set(e) for e in result.extensions]
        for argument, verdict in result.verdicts.items():
            in_every = bool(extensions) and all(argument in e for e in extensions)
            attacked_in_every = bool(extensions) and all(
                any(fw.index[m] in fw.attackers[fw.index[argument]] for m in e) for e in extensions
            )
            expected = Label.IN if in_every else Label.OUT if attacked_in_every else Label.UNDEC
            assert verdict.label is expected, (semantics, argument)


@PROPERTY_SETTINGS
@given(frameworks())
def test_the_table_of_a_framework_says_what_its_verdicts_say(fw: Framework) -> None:
    # `argmap eval` prints a framework's labels and reasons from `explained`, made in bulk
    for semantics in ("grounded", "preferred", "stable"):
        result = evaluate(fw, semantics)
        explained, verdicts = result.explained, result.verdicts
        assert tuple(explained.arguments) == tuple(verdicts) == fw.arguments
        assert list(explained.labels) == [v.label for v in verdicts.values()], semantics
        assert list(explained.reasons) == [str(v.reason) for v in verdicts.values()], semantics

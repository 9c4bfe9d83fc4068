"""Textbook frameworks with known extensions, and the labels and reasons argmap derives."""

from __future__ import annotations

import pytest

from argmap.evaluate import Framework, Label, ReasonKind, evaluate
from argmap.evaluate.semantics import UnknownSemantics


def framework(arguments: str, attacks: str = "") -> Framework:
    """``framework("abc", "ab bc")``: one letter per argument, attacks as letter pairs."""
    return Framework.build(list(arguments), [(pair[0], pair[1]) for pair in attacks.split()])


def extensions(fw: Framework, semantics: str) -> set[frozenset[str]]:
    return {frozenset(e) for e in evaluate(fw, semantics).extensions}


def sets(*members: str) -> set[frozenset[str]]:
    return {frozenset(m) for m in members}


TEXTBOOK = {
    # name: (arguments, attacks, grounded, preferred, stable)
    "empty framework": ("", "", "", [""], [""]),
    "lone argument": ("a", "", "a", ["a"], ["a"]),
    "self-attack": ("a", "aa", "", [""], []),
    "self-attacker attacks another": ("ab", "aa ab", "", [""], []),
    "self-attacker defeated": ("ab", "aa ba", "b", ["b"], ["b"]),
    "odd cycle of three": ("abc", "ab bc ca", "", [""], []),
    "odd cycle feeding an argument": ("abcd", "ab bc ca cd", "", [""], []),
    "odd cycle broken from outside": ("abcd", "ab bc ca da", "bd", ["bd"], ["bd"]),
    "even cycle of two": ("ab", "ab ba", "", ["a", "b"], ["a", "b"]),
    "even cycle of four": ("abcd", "ab bc cd da", "", ["ac", "bd"], ["ac", "bd"]),
    "reinstatement chain": ("abcd", "ab bc cd", "ac", ["ac"], ["ac"]),
    "reinstatement of a doubly attacked argument": ("abcd", "ab bd cd", "ac", ["ac"], ["ac"]),
    "floating reinstatement": ("abcd", "ab ba ac bc cd", "", ["ad", "bd"], ["ad", "bd"]),
    "preferred but not stable": ("abc", "ab ba bc cc", "", ["a", "b"], ["b"]),
    "two independent even cycles": ("abcd", "ab ba cd dc", "", ["ac", "ad", "bc", "bd"], ["ac", "ad", "bc", "bd"]),
}


@pytest.mark.parametrize("name", TEXTBOOK)
def test_textbook_extensions(name: str) -> None:
    arguments, attacks, grounded, preferred, stable = TEXTBOOK[name]
    fw = framework(arguments, attacks)
    assert extensions(fw, "grounded") == sets(grounded)
    assert extensions(fw, "preferred") == sets(*preferred)
    assert extensions(fw, "stable") == sets(*stable)


def labels(fw: Framework, semantics: str) -> dict[str, Label]:
    return {a: v.label for a, v in evaluate(fw, semantics).verdicts.items()}


def test_grounded_reinstatement_labels_and_reasons() -> None:
    result = evaluate(framework("abc", "ab bc"))
    assert [result.label(a) for a in "abc"] == [Label.IN, Label.OUT, Label.IN]
    assert result.verdicts["a"].reason.kind is ReasonKind.UNATTACKED
    assert result.verdicts["b"].reason.kind is ReasonKind.DEFEATED_BY
    assert result.verdicts["b"].reason.attackers == ("a",)
    assert str(result.verdicts["c"].reason) == "all attackers fall"
    assert result.verdicts["c"].status == "stands"
    assert result.verdicts["b"].status == "falls"


def test_defeated_by_names_every_accepted_attacker() -> None:
    result = evaluate(framework("abc", "ac bc"))
    assert result.verdicts["c"].reason.attackers == ("a", "b")


def test_grounded_leaves_cycles_undecided_with_the_contesting_attacker() -> None:
    result = evaluate(framework("abc", "ab ba bc"))
    assert labels(framework("abc", "ab ba bc"), "grounded") == {"a": Label.UNDEC, "b": Label.UNDEC, "c": Label.UNDEC}
    assert result.verdicts["c"].reason.kind is ReasonKind.CONTESTED_BY
    assert result.verdicts["c"].reason.attackers == ("b",)
    assert result.verdicts["c"].status == "undecided"


def test_preferred_labels_are_sceptical_for_floating_reinstatement() -> None:
    result = evaluate(framework("abcd", "ab ba ac bc cd"), "preferred")
    assert {a: v.label for a, v in result.verdicts.items()} == {
        "a": Label.UNDEC,  # credulously accepted only
        "b": Label.UNDEC,
        "c": Label.OUT,  # out in both extensions, by a different attacker each time
        "d": Label.IN,  # in both extensions
    }
    assert result.verdicts["a"].reason.kind is ReasonKind.STANDS_IN_SOME
    assert result.verdicts["c"].reason.kind is ReasonKind.DEFEATED_EITHER_WAY
    assert result.verdicts["c"].reason.attackers == ("a", "b")
    assert result.verdicts["d"].reason.kind is ReasonKind.ATTACKERS_FALL


def test_stable_without_extension_leaves_everything_undecided() -> None:
    result = evaluate(framework("abc", "ab bc ca"), "stable")
    assert result.extensions == ()
    assert {v.reason.kind for v in result.verdicts.values()} == {ReasonKind.NO_EXTENSION}
    assert {v.label for v in result.verdicts.values()} == {Label.UNDEC}


def test_extensions_list_arguments_in_declaration_order() -> None:
    result = evaluate(framework("dcba", "ab ba"), "preferred")
    assert result.extensions == (("d", "c", "b"), ("d", "c", "a"))


def test_repeated_attacks_are_kept_once() -> None:
    fw = Framework.build(["a", "b"], [("a", "b"), ("a", "b")])
    assert fw.attacks == [("a", "b")]
    assert fw.attackers[1] == [0]


def test_an_attack_on_an_undeclared_argument_is_refused() -> None:
    with pytest.raises(ValueError, match="undeclared argument 'z'"):
        Framework.build(["a"], [("a", "z")])


def test_unknown_semantics_is_refused() -> None:
    with pytest.raises(UnknownSemantics, match="grounded, preferred, stable"):
        evaluate(framework("a"), "ideal")


def test_grounded_handles_long_chains_without_recursion() -> None:
    names = [str(i) for i in range(50_000)]
    fw = Framework.build(names, zip(names, names[1:]))
    result = evaluate(fw)
    assert result.label("49999") is Label.OUT  # an even number of steps from the unattacked "0"
    assert result.label("49998") is Label.IN


def test_preferred_search_handles_a_long_even_cycle_exactly() -> None:
    # 200 arguments in one even cycle: exactly two preferred (and stable) extensions.
    names = [str(i) for i in range(200)]
    fw = Framework.build(names, [(names[i], names[(i + 1) % 200]) for i in range(200)])
    assert len(evaluate(fw, "preferred").extensions) == 2
    assert len(evaluate(fw, "stable").extensions) == 2


def pairs(count: int) -> Framework:
    """``count`` independent pairs of arguments attacking each other: 2**count extensions."""
    names = [f"{side}{i}" for i in range(count) for side in "ab"]
    return Framework.build(names, [(f"a{i}", f"b{i}") for i in range(count)] + [(f"b{i}", f"a{i}") for i in range(count)])


@pytest.mark.parametrize("semantics", ["preferred", "stable"])
def test_a_search_with_too_many_alternatives_stops_with_a_clear_error(semantics: str, monkeypatch) -> None:
    from argmap.evaluate import semantics as engine

    assert len(evaluate(pairs(5), semantics).extensions) == 32  # within the limit: every one
    monkeypatch.setattr(engine, "MAX_EXTENSIONS", 20)
    with pytest.raises(engine.TooManyExtensions) as stopped:
        evaluate(pairs(5), semantics)
    assert stopped.value.exit_code == 2
    assert stopped.value.message == f"{semantics} semantics: more than 20 alternative labellings; argmap stops there"


def test_eval_of_a_framework_with_too_many_alternatives_exits_2_with_the_reason(cli, tmp_path, monkeypatch) -> None:
    from argmap.evaluate import semantics as engine

    monkeypatch.setattr(engine, "MAX_EXTENSIONS", 20)
    path = tmp_path / "pairs.af"
    path.write_text("p af 10\n" + "".join(f"{2 * i + 1} {2 * i + 2}\n{2 * i + 2} {2 * i + 1}\n" for i in range(5)))
    result = cli(["eval", path, "--semantics", "preferred"])
    assert result.exit_code == 2
    assert "argmap: error: preferred semantics: more than 20 alternative labellings" in result.stderr

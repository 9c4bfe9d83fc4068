"""An evaluation (`argmap eval`) as text for people and as JSON for programs; the text and json
reporters show it.

JSON: ``{"semantics", "extensions": [[id, ...], ...]}``, and for maps also ``"supports"`` (the
support rule), ``"labels": {id: {"label": "IN"|"OUT"|"UNDEC", "status":
"stands"|"falls"|"undecided", "reason": text, "title": text}}`` (``title`` only for a node that
has one), ``"undercut_relations": [{"from", "to", "undercut_by": [id, ...], "label", "status",
"reason"}]`` and, with ``--prep``, ``"prep"``. Under a gradual semantics also ``"strengths": {id:
float}`` (unrounded), ``"base_scores"`` likewise and ``"convergence": {"converged",
"iterations", "residual", "acyclic"}``; the extensions and labels are then the grounded ones.
"""

from __future__ import annotations

from dataclasses import asdict
from itertools import repeat
from operator import add
from typing import TYPE_CHECKING

from argmap.evaluate.labels import Explained, Label
from argmap.text.terminal import printable_lines
from argmap.text.words import plural

# A map's parts (its graph, strengths, verdict) are imported by the functions that show them: an
# ICCMA framework's table and JSON are made without the map model (pydantic) loaded.
if TYPE_CHECKING:  # debate preparation is `argmap eval --prepare`'s alone: `check` does not load it
    from argmap.evaluate.mapeval import MapEvaluation
    from argmap.evaluate.prep import Preparation, SidePreparation, UnansweredAttack
    from argmap.evaluate.strength import MapStrengths
    from argmap.evaluate.verdict import Decisive, MapVerdict
    from argmap.usecases.eval import EvalOutcome


def text_evaluation(outcome: EvalOutcome) -> str:
    return _TextEvaluation().render(outcome)


class _TextEvaluation:
    def render(self, outcome: EvalOutcome) -> str:
        evaluation = outcome.evaluation
        # Kinds differ here for real: strengths come with base scores and the engine's convergence,
        # labels with reasons and extensions; each gets its own table.
        gradual = outcome.map_evaluation.gradual if outcome.map_evaluation else None
        lines = [self._title(outcome), ""]
        if outcome.verdict is not None:
            lines.extend(self._verdict(outcome.verdict, outcome.map_evaluation.argmap))
            lines.append("")
        if gradual is not None:
            lines.extend(self._strength_table(outcome.map_evaluation))
            lines.append("")
            lines.append(self._convergence(gradual))
        else:
            lines.extend(self._table(outcome))
            lines.append("")
            labels = evaluation.explained.labels
            counts = {label: labels.count(label) for label in Label}
            lines.append(f"{counts[Label.IN]:,} stand, {counts[Label.OUT]:,} fall, {counts[Label.UNDEC]:,} undecided")
            lines.append(self._extensions(outcome))
        if outcome.map_evaluation is not None and outcome.map_evaluation.undercut_relations:
            lines.extend(self._undercut_relations(outcome.map_evaluation))
        if outcome.preparation is not None:
            lines.extend(self._preparation(outcome.preparation))
        # argument names (ICCMA files allow any), side positions and quotes come from the input
        return printable_lines(lines)

    @staticmethod
    def _title(outcome: EvalOutcome) -> str:
        semantics = outcome.evaluation.semantics
        if outcome.map_evaluation is None:
            return f"{outcome.path}: {semantics} semantics"
        if outcome.map_evaluation.score_semantics is not None:
            return f"{outcome.path}: {outcome.map_evaluation.score_semantics} semantics (gradual strength, 0 to 1)"
        rule = outcome.map_evaluation.support_rule.value
        return f"{outcome.path}: {semantics} semantics, supports: {rule}"

    @staticmethod
    def _strength_table(map_eval: MapEvaluation) -> list[str]:
        """Theses first, then the strongest nodes first; ties keep the map's order."""
        from argmap.core.graph import MapGraph
        from argmap.evaluate.strength import rounded

        gradual = map_eval.gradual
        nodes, sides = map_eval.argmap.nodes, MapGraph(map_eval.argmap).sides
        order = sorted(nodes, key=lambda n: (nodes[n].type != "thesis", -gradual.strengths[n]))
        header = ("NODE", "TYPE", "SIDE", "STRENGTH", "BASE", "BASE FROM")
        rows = [
            (n, nodes[n].type, sides.get(n) or "-", rounded(gradual.strengths[n]), rounded(gradual.base_scores[n]),
             gradual.base_origins[n])
            for n in order
        ]
        return _aligned(*_with_titles(header, rows, nodes))

    @staticmethod
    def _verdict(verdict: MapVerdict, argmap) -> list[str]:
        from argmap.evaluate.strength import rounded

        lines = [f"VERDICT under {verdict.semantics}: {verdict.summary} (pro {rounded(verdict.pro)}, con {rounded(verdict.con)})",
                 *([f"  question: {argmap.question}"] if argmap.question else []), f"  {verdict.robustness_phrase}"]
        if verdict.compatible:
            lines.append(f"  the theses are compatible ({argmap.because}): this compares two claims that can both be true")
        if verdict.decisive:
            lines.append("  decisive clashes:")
            lines.extend(f"    {i}. {_decisive_words(d, argmap)}" for i, d in enumerate(verdict.decisive, 1))
        turning = ", ".join(_decisive_name(d, argmap) for d in verdict.turning) or "no single point turns it"
        lines.append(f"  {verdict.turn_lead}: {turning}")
        return lines

    @staticmethod
    def _convergence(gradual: MapStrengths) -> str:
        if gradual.acyclic:
            return "exact: the map has no cycle"
        if gradual.converged:
            return f"cyclic map: converged after {plural(gradual.iterations, 'iteration')}"
        return (f"warning: cyclic map: the iteration did not converge after {gradual.iterations:,} iterations "
                f"(last change {gradual.residual:.2g}); the strengths shown are its last step")

    @staticmethod
    def _table(outcome: EvalOutcome) -> list[str]:
        map_eval = outcome.map_evaluation
        if map_eval is None:
            return _framework_table(outcome.evaluation.explained)
        from argmap.core.graph import MapGraph

        verdicts = outcome.evaluation.verdicts
        nodes, sides = map_eval.argmap.nodes, MapGraph(map_eval.argmap).sides
        header = ("NODE", "TYPE", "SIDE", "LABEL", "STATUS", "REASON")
        rows = [
            (n, nodes[n].type, sides.get(n) or "-", v.label.value, v.status, map_eval.explain(n))
            for n, v in verdicts.items()
        ]
        return _aligned(*_with_titles(header, rows, nodes))

    @staticmethod
    def _extensions(outcome: EvalOutcome) -> str:
        extensions = outcome.evaluation.extensions
        if not extensions:
            return f"no {outcome.evaluation.semantics} extension"
        shown = "  ".join("{" + ", ".join(e) + "}" for e in extensions)
        return f"{plural(len(extensions), 'extension')}: {shown}"

    @staticmethod
    def _undercut_relations(map_eval: MapEvaluation) -> list[str]:
        """The weight each undercut relation keeps, where the semantics gives one; else its status."""
        from argmap.evaluate.strength import rounded

        lines = ["", "Undercut relations:"]
        weights = map_eval.relation_weights
        for r in map_eval.undercut_relations:
            weight = weights.get((r.source, r.target))
            verdict = (f"counts with weight {rounded(weight)}" if weight is not None
                       else f"{r.status} ({r.verdict.reason})")
            lines.append(f"  - {r.source} -> {r.target} {verdict}; undercut by {', '.join(r.undercutters)}")
        return lines

    def _preparation(self, preparation: Preparation) -> list[str]:
        lines: list[str] = []
        for side in preparation.sides:
            lines.extend(["", f"== {side.side}: {side.position}"])
            lines.extend(self._side(side))
        return lines

    @staticmethod
    def _side(side: SidePreparation) -> list[str]:
        from argmap.evaluate.strength import rounded

        lines = ["Still to answer:"]
        for attack in side.still_to_answer:
            via = f" (backing {' → '.join(attack.via)})" if attack.via else ""
            if attack.gain is None:
                standing = f"the attacker {attack.attacker_status}"
            else:
                standing = (f"the attacker's strength {rounded(attack.attacker_strength)}; "
                            f"answering it raises the thesis by {rounded(attack.gain)}")
            what = (f"undercuts {attack.target} -> {attack.denied}" if attack.denied is not None
                    else f"attacks {attack.target}{via}")
            lines.append(f"  - {attack.attacker} {what}; {standing}")
        if not side.still_to_answer:
            lines.append("  (nothing: every attack on this side is answered)")
        lines.append("Thin claims:")
        for claim in side.thin_claims:
            basis = "only analytic points" if claim.source is None else f"a single weak source, {claim.source}"
            lines.append(f"  - {claim.node} rests on {basis}")
        if not side.thin_claims:
            lines.append("  (none)")
        lines.append("Evidence reused across many claims:")
        for reused in side.reused_evidence:
            quote = reused.quote if len(reused.quote) <= 60 else reused.quote[:57] + "..."
            lines.append(f"  - {reused.source} \"{quote}\" on {plural(len(reused.nodes), 'node')}: {', '.join(reused.nodes)}")
        if not side.reused_evidence:
            lines.append("  (none)")
        return lines


def _with_titles(header: tuple[str, ...], rows: list[tuple[str, ...]], nodes) -> tuple[tuple[str, ...], list]:
    """A TITLE column after the node id, when the map has titles (a map without has no such column)."""
    if not any(node.title for node in nodes.values()):
        return header, rows
    return (header[0], "TITLE", *header[1:]), [(row[0], nodes[row[0]].title or "-", *row[1:]) for row in rows]


def _framework_table(explained: Explained) -> list[str]:
    """What :func:`_aligned` makes of a framework's rows, built column by column by map() at C
    speed: an ICCMA instance has 100,000 arguments, and a Python loop or a str.format per line
    would be most of the table's time. The label and status cells between the argument and its
    reason are the same for every argument of a label: padded once per label."""
    header = ("ARGUMENT", "LABEL", "STATUS", "REASON")
    arguments, labels = explained.arguments, explained.labels
    shown = set(labels)
    widths = (max(len(header[0]), max(map(len, arguments), default=0)),
              max([len(header[1]), *(len(label.value) for label in shown)]),
              max([len(header[2]), *(len(label.status) for label in shown)]))
    middle = {label: f"  {label.value:<{widths[1]}}  {label.status:<{widths[2]}}  " for label in shown}
    lines = map(add, map(add, map(str.ljust, arguments, repeat(widths[0])), map(middle.__getitem__, labels)),
                explained.reasons)
    head = "  ".join([*(f"{cell:<{width}}" for cell, width in zip(header, widths)), header[3]])
    return [head.rstrip(), *map(str.rstrip, lines)]


def _aligned(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    """Columns padded to their widest cell; the last one is left ragged."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    # one format for every line: twice as quick as padding cell by cell, for a table of 100,000 arguments
    line = "  ".join([*(f"{{{i}:<{w}}}" for i, w in enumerate(widths)), f"{{{len(widths)}}}"])
    return [line.format(*row).rstrip() for row in [header, *rows]]


def _decisive_name(decisive: Decisive, argmap) -> str:
    def name(node_id: str) -> str:
        node = argmap.nodes.get(node_id)
        return f"{node_id} ({node.title})" if node is not None and node.title else node_id

    if decisive.target is None:
        return name(decisive.node)
    return f"{name(decisive.node)} {decisive.kind} {decisive.target}"


def _decisive_words(decisive: Decisive, argmap) -> str:
    side = f"[{decisive.side}] " if decisive.side else ""
    turn = f" ({decisive.turns_to})" if decisive.turns_to else ""
    return f"{side}{_decisive_name(decisive, argmap)}: without it, the margin moves {decisive.shift:+.2f}{turn}"


def verdict_payload(verdict: MapVerdict) -> dict:
    return {
        "leader": verdict.leader, "margin": verdict.margin, "robustness": verdict.robustness,
        "semantics": verdict.semantics,
        "decisive": [{"node": d.node, **({"target": d.target} if d.target else {}), "kind": d.kind, "side": d.side,
                      "shift": d.shift, "turns_to": d.turns_to} for d in verdict.decisive],
        "pro": verdict.pro, "con": verdict.con, "samples": verdict.samples, "fragile": verdict.fragile,
        "theses": "compatible" if verdict.compatible else "contradict",
    }


def evaluation_payload(outcome: EvalOutcome) -> dict:
    evaluation = outcome.evaluation
    map_eval = outcome.map_evaluation
    payload: dict = {}
    if outcome.verdict is not None:
        payload["verdict"] = verdict_payload(outcome.verdict)
    payload |= {
        "semantics": map_eval.semantics if map_eval else evaluation.semantics,
        "extensions": [list(e) for e in evaluation.extensions],
    }
    if map_eval is not None:
        payload["supports"] = map_eval.support_rule.value
        payload["labels"] = {
            node: {"label": v.label.value, "status": v.status, "reason": map_eval.explain(node),
                   **({"title": title} if (title := map_eval.argmap.nodes[node].title) else {})}
            for node, v in evaluation.verdicts.items()
        }
        gradual = map_eval.gradual  # the engine's figures, under a semantics of strengths only
        if gradual is not None:
            payload["strengths"] = dict(gradual.strengths)
            payload["base_scores"] = dict(gradual.base_scores)
            payload["convergence"] = {"converged": gradual.converged, "iterations": gradual.iterations,
                                      "residual": gradual.residual, "acyclic": gradual.acyclic}
        weights = map_eval.relation_weights
        payload["undercut_relations"] = [
            {"from": r.source, "to": r.target, "undercut_by": list(r.undercutters), "label": r.verdict.label.value,
             "status": r.status, "reason": str(r.verdict.reason),
             **({"weight": weights[(r.source, r.target)]} if (r.source, r.target) in weights else {})}
            for r in map_eval.undercut_relations
        ]
    if outcome.preparation is not None:
        payload["prep"] = {
            side.side: {
                "position": side.position,
                "still_to_answer": [_unanswered_payload(a) for a in side.still_to_answer],
                "thin_claims": [asdict(c) | {"basis": c.basis.value} for c in side.thin_claims],
                "reused_evidence": [asdict(r) | {"nodes": list(r.nodes)} for r in side.reused_evidence],
            }
            for side in outcome.preparation.sides
        }
    return payload



GRADUAL_ONLY_KEYS = ("gain", "attacker_strength")  # left out of the JSON under other semantics


def _unanswered_payload(attack: UnansweredAttack) -> dict:
    payload = asdict(attack) | {"via": list(attack.via)}
    if attack.gain is None:
        for key in GRADUAL_ONLY_KEYS:
            del payload[key]
    if attack.denied is None:  # only an undercut denies a step
        del payload["denied"]
    return payload

"""The table of rules: every diagnostic code with its documentation, and the checks that run.

A rule is listed here or it does not exist: nothing registers itself on import. The tables are
in code order, the order the checks run in and the documentation lists them.
"""

from __future__ import annotations

from argmap.checks import (
    anachronism, cites, cycles, evidence, expect, identity, loading, node_types, orphans, pages, placeholders, quotes,
    references, sides, theses, titles,
)
from argmap.checks.rule import Rule
from argmap.core.codes import Code

__all__ = ["MAP_RULES", "PROJECT_RULES", "RULES", "Rule"]

# Rules that look at one map at a time.
MAP_RULES: tuple[Rule, ...] = (
    references.dangling_references,    # AM301
    node_types.thesis_has_side,        # AM302
    node_types.thesis_points_at_nothing,
    node_types.objection_attacks,
    node_types.rebuttal_targets,
    node_types.claim_points_somewhere,  # AM306
    cycles.support_cycles,
    sides.side_mismatch,
    identity.id_matches_file_name,     # AM309
    evidence.unsupported_nodes,        # AM311
    orphans.orphan_nodes,
    sides.side_without_thesis,         # AM315
    references.repeated_relations,
    placeholders.placeholder_text,     # AM317
    identity.reserved_map_id,          # AM318
    references.unknown_undercuts,      # AM319
    references.self_undercuts,         # AM322
    titles.missing_titles,             # AM320
    theses.theses_reason,              # AM323
    theses.missing_question,           # AM324
    quotes.unknown_sources,            # AM405
    quotes.quotes_found,               # AM501
    quotes.quotes_unique,
    quotes.translations_present,
    quotes.quote_context,
    quotes.highlights_in_quote,
    quotes.quotes_long_enough,         # AM506
    quotes.highlights_in_translation,  # AM507
    anachronism.anachronistic_attacks,  # AM508
    pages.quote_pages,                 # AM509
    expect.expected_labels,            # AM601
    expect.unknown_expected_nodes,
    expect.expected_strengths,         # AM603
    expect.expected_semantics_listable,  # AM604
    expect.expected_verdict,           # AM605
)

# Rules that compare maps with each other or with the seeds folder.
PROJECT_RULES: tuple[Rule, ...] = (
    orphans.unused_sources,            # AM313
    identity.duplicate_map_ids,        # AM314
    cites.incomplete_cites,            # AM406
)

# Every code: the load codes (documented only), then the rules above.
RULES: dict[Code, Rule] = {r.code: r for r in sorted((*loading.LOAD_RULES, *MAP_RULES, *PROJECT_RULES),
                                                     key=lambda r: r.code)}

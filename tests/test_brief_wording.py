"""Words and punctuation where the brief joins map text into its own sentences."""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import requires_dot
from html_support import Page

MAP = textwrap.dedent("""\
    argmap: 1
    id: joined
    title: Joined text
    question: Does the survey show support?
    sides: {pro: It does, con: It does not}
    nodes:
      support:
        type: thesis
        side: pro
        text: The survey shows support.
        analytic: true
      no-support:
        type: thesis
        side: con
        text: The survey does not show support.
        analytic: true
      respondents:
        type: claim
        text: Most respondents approved.
        supports: [support]
        analytic: true
      sample:
        type: claim
        text: The sample was small;
        supports: [support]
        analytic: true
      self-selected:
        type: objection
        text: The respondents were self-selected.
        attacks: [respondents]
        analytic: true
      backing:
        type: claim
        text: Volunteers answer such surveys.
        supports: [self-selected]
        analytic: true
    """)


@requires_dot
def test_still_to_answer_and_open_claims_read_as_sentences(project: Path) -> None:
    from argmap.usecases.brief import write_briefs

    (project / "maps" / "joined.yaml").write_text(MAP, encoding="utf-8")
    outcome = write_briefs([project / "maps"], project / "out", seeds_dir=project / "seeds", built="2025-06-01")
    assert outcome.written, [str(d) for d in outcome.check.diagnostics]
    text = Page.load(outcome.written[0]).text
    assert "self-selected. (stands) attacks Most respondents approved CON" in text
    assert "surveys. (stands) attacks Most respondents approved, through the support of The respondents were self-selected." in text  # named, not by id
    assert "No block yet against: The respondents were self-selected; Volunteers answer such surveys." in text
    assert "No block yet against: The sample was small." in text
    for doubled in (".;", ";;", ";.", ".,", ".."):
        assert doubled not in text, doubled

"""Cites a debater can read out in a round: who wrote it, when, where online, and why they count."""

from argmap.checks.rule import ProjectContext, rule
from argmap.core.codes import Code
from argmap.core.model import cite_gaps, stated_unknown

# How each gap is named in a message, and the key that fills it.
GAP_WORDS = {"author": "author", "issued": "date", "URL": "URL", "qualifications": "author's qualifications"}


@rule(Code.AM406, "A cited source has no author, date, URL (for a web source) or author's qualifications, "
                  "and does not say it is unknown.")
def incomplete_cites(ctx: ProjectContext):
    """A card's cite says who, when, where and why: a source without them is read out as a
    headline and "n.d.". A gap the document itself leaves is said on purpose with `unknown:`
    (or a placeholder author, `{literal: Unknown (not stated)}`), and is not reported.

    Passing:

        sources:
          notice:
            file: notice.txt
            type: webpage
            title: Harbour wall notice
            author: [{family: Tan, given: Mei}]
            qualifications: Harbour engineer of the city
            issued: "2024-03-01"
            URL: https://example.org/notice

    Passing, the gaps said on purpose:

        sources:
          notice:
            file: notice.txt
            type: webpage
            title: Harbour wall notice
            author: [{literal: Unknown (no author stated)}]
            unknown: [issued, URL]

    Failing:

        sources:
          notice: {file: notice.txt, type: webpage, title: Harbour wall notice}   # no author, date or URL
    """
    project = ctx.project
    if project.registry is None:
        return
    cited = ctx.cited_sources
    for source_id, source in project.registered.items():
        if source_id not in cited:
            continue  # AM313 reports a source nothing cites
        gaps = [g for g in cite_gaps(source) if g not in stated_unknown(source)]
        if not gaps:
            continue
        words = [GAP_WORDS[g] for g in gaps]
        listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
        keys = ", ".join(f"{g}:" for g in gaps)
        yield ctx.report(project.registry, ("sources", source_id), f"source '{source_id}' has no {listed} in its cite",
                         (f"add {keys} from the document, or list what it does not give under unknown: "
                          f"[{', '.join(gaps)}]",), at_key=True)

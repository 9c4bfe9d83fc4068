"""Codes raised while reading files: syntax, safety, schema and the seeds folder."""

from argmap.checks.rule import Rule, documented
from argmap.core.codes import Code
from argmap.evaluate.limits import MAX_ARGUMENTS
from argmap.core.load import MAX_DEPTH, MAX_FILE_BYTES

# The loader reports these codes; here they are documented, in the order of the table of codes.
LOAD_RULES: tuple[Rule, ...] = (
    documented(Code.AM100, f"A file cannot be read (a folder, a named pipe or device, no permission, more than {MAX_FILE_BYTES >> 20} MB).", """
    Passing: `argmap check maps/debate.yaml`, a readable file.

    Failing: `argmap check maps/debate.yaml` where `debate.yaml` is a folder, a named pipe or has
    no read permission; a source `file:` naming a folder or a named pipe in the seeds folder.
    """),
    documented(Code.AM101, "A file is not UTF-8 text; the line and column of the first bad byte are given.", """
    Passing: a file saved as UTF-8 (`title: café`).

    Failing: the same file saved as Latin-1 (the byte 0xe9 for é).
    """),
    documented(Code.AM102, "A map or registry file is empty or holds only comments.", """
    Passing:

        argmap: 1
        id: debate

    Failing:

        # nothing but a comment
    """),
    documented(Code.AM103, "The YAML cannot be parsed, holds more than one document, is not a mapping, or holds a control character.", """
    Passing:

        nodes: {a: {type: thesis, side: pro, text: A}}

    Failing:

        nodes: [a, b
    """),
    documented(Code.AM104, "A key appears twice in one mapping; reported at the second.", """
    Passing:

        nodes:
          a: {type: thesis, side: pro, text: One}
          b: {type: thesis, side: con, text: Two}

    Failing:

        nodes:
          a: {type: thesis, side: pro, text: One}
          a: {type: thesis, side: con, text: Two}
    """),
    documented(Code.AM105, "A YAML tag (`!!python/object`, `!include`) appears; argmap reads plain data only.", """
    Passing:

        title: NATO and the security dilemma

    Failing:

        title: !!python/object/apply:os.system [ls]
    """),
    documented(Code.AM106, "Aliases expand past 100,000 nodes (a 'billion laughs' file) or name no anchor.", """
    Passing:

        a: &shared {source: ade2025}
        b: *shared

    Failing:

        a: &a [x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]    # ... and so on: exponential growth
    """),
    documented(Code.AM107, f"Nesting is deeper than {MAX_DEPTH} levels.", """
    Passing:

        nodes: {a: {evidence: [{quote: q}]}}

    Failing:

        a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
    """),
    documented(Code.AM201, "A key the format does not define; a near miss gets a 'did you mean'.", """
    Passing:

        nodes:
          a: {type: thesis, side: pro, text: One}

    Failing:

        nodes:
          a: {type: thesis, side: pro, txt: One}   # did you mean 'text'?
    """),
    documented(Code.AM202, "A required key is missing.", """
    Passing:

        nodes:
          a: {type: thesis, side: pro, text: One}

    Failing:

        nodes:
          a: {type: thesis, side: pro}              # no text
    """),
    documented(Code.AM203, "A value has the wrong type or is not one of the allowed values.", """
    Passing:

        nodes:
          a: {type: thesis, side: pro, text: One}

    Failing:

        nodes:
          a: {type: thesys, side: pro, text: One}  # did you mean 'thesis'?
    """),
    documented(Code.AM204, "A map that says `argmap: 1` uses a field only format 2 knows (title, weight, undercuts, "
               "as_of, speaker, page, highlight_translation, expect's dfquad and qe).", """
    Passing:

        argmap: 2
        nodes:
          a: {type: thesis, side: pro, title: One, text: One thing}

    Failing:

        argmap: 1
        nodes:
          a: {type: thesis, side: pro, title: One, text: One thing}   # set `argmap: 2`
    """),
    documented(Code.AM401, "A source's `file` is absolute, uses `..`, or is a link leading out of the seeds folder.", """
    Passing:

        sources:
          x: {file: documents/x.txt, title: X}

    Failing:

        sources:
          x: {file: ../../etc/passwd, title: X}
    """),
    documented(Code.AM402, "A source's `file` does not exist in the seeds folder.", """
    Passing: `file: ade2025.txt` with `seeds/ade2025.txt` present.

    Failing: `file: ade2052.txt`, a name with no file behind it.
    """),
    documented(Code.AM403, "A source file's SHA-256 differs from its `sha256` pin.", """
    Passing: `sha256:` equal to `sha256sum seeds/ade2025.txt`.

    Failing: the same pin after a word of `seeds/ade2025.txt` was edited.
    """),
    documented(Code.AM404, "A source has no `sha256` pin; the hint gives the value to add.", """
    Passing:

        x: {file: x.txt, title: X, sha256: 0bed906d35aeaf40...}

    Failing:

        x: {file: x.txt, title: X}
    """),
    documented(Code.AM701, "An ICCMA framework file (.apx, .tgf, .af) has a line that does not follow its format, "
               f"or more than {MAX_ARGUMENTS:,} arguments.", """
    Passing (.af):

        p af 3
        1 2
        2 3

    Failing (.af):

        p af 3
        1 two

    Failing (.af), past the limit:

        p af 100000000
    """),
    documented(Code.AM702, "An ICCMA framework's attack names an argument the file does not declare.", """
    Passing (.apx):

        arg(a).
        arg(b).
        att(a,b).

    Failing (.apx):

        arg(a).
        att(a,c).
    """),
)

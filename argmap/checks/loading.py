"""Codes raised while reading files: syntax, safety, schema and the seeds folder."""

from argmap.checks.registry import describe
from argmap.diagnostics import Severity

E, W = Severity.ERROR, Severity.WARNING

describe("AM100", "unreadable-file", E, "A file cannot be read (a folder, no permission, too large).")
describe("AM101", "not-utf8", E, "A file is not UTF-8 text; the line and column of the first bad byte are given.")
describe("AM102", "empty-file", E, "A map or registry file is empty or holds only comments.")
describe("AM103", "yaml-syntax", E, "The YAML cannot be parsed, holds more than one document, or is not a mapping.",
         """
         Failing:

             nodes: [a, b
         """)
describe("AM104", "duplicate-key", E, "A key appears twice in one mapping; reported at the second.",
         """
         Failing:

             nodes:
               a: {type: thesis, side: pro, text: One}
               a: {type: thesis, side: con, text: Two}
         """)
describe("AM105", "yaml-tag", E, "A YAML tag (`!!python/object`, `!foo`) appears; argmap reads plain data only.",
         """
         Failing:

             title: !!python/object/apply:os.system [ls]
         """)
describe("AM106", "alias-limit", E, "Aliases expand past 100,000 nodes (a 'billion laughs' file) or name no anchor.")
describe("AM107", "nesting-depth", E, "Nesting is deeper than 64 levels.")
describe("AM201", "unknown-key", E, "A key the format does not define; a near miss gets a 'did you mean'.",
         """
         Failing:

             nodes:
               a: {type: thesis, side: pro, txt: One}   # did you mean 'text'?
         """)
describe("AM202", "missing-key", E, "A required key is missing.",
         """
         Failing:

             nodes:
               a: {type: thesis, side: pro}              # no text
         """)
describe("AM203", "invalid-value", E, "A value has the wrong type or is not one of the allowed values.",
         """
         Failing:

             nodes:
               a: {type: thesys, side: pro, text: One}  # did you mean 'thesis'?
         """)
describe("AM401", "source-path-outside", E, "A source's `file` is absolute, uses `..`, or is a link leading out of the seeds folder.",
         """
         Failing:

             sources:
               x: {file: ../../etc/passwd, title: X}
         """)
describe("AM402", "source-file-missing", E, "A source's `file` does not exist in the seeds folder.")
describe("AM403", "source-changed", E, "A source file's SHA-256 differs from its `sha256` pin.")
describe("AM404", "source-unpinned", W, "A source has no `sha256` pin; the hint gives the value to add.")

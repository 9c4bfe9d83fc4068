"""Where pages are and the anchors inside them: links between briefs, source pages and the index."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.quotes.match import Located


@dataclass(frozen=True)
class Links:
    """Where pages are, relative to the page being written. A stand-alone brief links nowhere."""

    in_site: bool = False
    root: str = ""  # from the current page to the site's root: "" or "../"

    def brief(self, map_id: str) -> str | None:
        return f"{self.root}{map_id}.html" if self.in_site else None

    def diagram(self, map_id: str) -> str | None:
        return f"{self.root}{map_id}.svg" if self.in_site else None

    def source(self, source_id: str, anchor: str | None = None) -> str | None:
        if not self.in_site:
            return None
        return f"{self.root}sources/{source_id}.html" + (f"#{anchor}" if anchor else "")

    @property
    def index(self) -> str | None:
        return f"{self.root}index.html" if self.in_site else None


STANDALONE = Links()
SITE_ROOT = Links(in_site=True)
SITE_SOURCES = Links(in_site=True, root="../")


# --- anchors -------------------------------------------------------------------------------


def node_anchor(node_id: str) -> str:
    """The element holding the node's card. Node ids are already safe in ids (letters, digits,
    _ . -); the prefix keeps them apart from the page's other ids and from the diagram's."""
    return f"card-{node_id}"


def block_anchor(side: str, node_id: str) -> str:
    return f"a2-{side}-{node_id}"


def passage_anchor(located: Located) -> str:
    """Offsets identify a passage in its source: quotes of the same passage share the anchor."""
    return f"q-{located.start}-{located.end}"

"""HTML debate briefs and the static site: view models (:mod:`.views`), Jinja2 rendering
(:mod:`.html`), APA references (:mod:`.bibliography`) and the writers (:mod:`.site`)."""

from argmap.brief.site import Outcome, build_site, write_briefs

__all__ = ["Outcome", "build_site", "write_briefs"]

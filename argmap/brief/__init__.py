"""HTML debate briefs and the static site's pages: view models (:mod:`.views`), Jinja2 rendering
(:mod:`.html`), references in CSL styles (:mod:`.bibliography`) and the inline diagram (:mod:`.diagram`).
Writing them is the use cases' (:mod:`argmap.usecases.brief`, :mod:`argmap.usecases.build`)."""

from collections import defaultdict

from argmap.checks.rule import MapContext, ProjectContext, rule
from argmap.core.codes import Code
from argmap.core.model import RESERVED_MAP_IDS, is_reserved_map_id


@rule(Code.AM309, "A map's `id` equals its file name without `.yaml`.")
def id_matches_file_name(ctx: MapContext):
    """Passing (in maps/nato-expansion.yaml):

        id: nato-expansion

    Failing (in maps/nato-expansion.yaml):

        id: nato
    """
    stem = ctx.document.path.stem
    if ctx.model.id != stem:
        yield ctx.report(("id",), f"map id '{ctx.model.id}' differs from the file name '{ctx.document.path.name}'",
                         (f"set `id: {stem}` or rename the file to {ctx.model.id}.yaml",))


@rule(Code.AM314, "Two maps have the same `id`.")
def duplicate_map_ids(ctx: ProjectContext):
    """Map ids are unique across maps: briefs and pages are named after them.

    Passing: `maps/a.yaml` with `id: a` and `maps/b.yaml` with `id: b`.

    Failing: `maps/a.yaml` and `maps/sub/a.yaml`, both with `id: a`.
    """
    by_id = defaultdict(list)
    for document in ctx.project.maps:
        by_id[document.model.id].append(document)
    for map_id, documents in by_id.items():
        for later in documents[1:]:
            yield ctx.report(later.doc, ("id",), f"map id '{map_id}' is also used by {documents[0].display}")


@rule(Code.AM318, "A map's `id` is a name the site keeps for its own pages.")
def reserved_map_id(ctx: MapContext):
    """`argmap build` writes each map's brief as `<id>.html` beside the site's own `index.html`, so
    `index` (in any letter case: file systems on macOS and Windows ignore it) cannot be a map id.

    Passing (in maps/wall.yaml):

        id: wall

    Failing (in maps/index.yaml):

        id: index
    """
    if is_reserved_map_id(ctx.model.id):
        yield ctx.report(("id",), f"map id '{ctx.model.id}' is kept for the site's own page "
                                  f"({', '.join(sorted(RESERVED_MAP_IDS))}.html)",
                         ("rename the map and its file, e.g. to what the debate is about",))

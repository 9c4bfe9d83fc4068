"""No output replaces a user's file: every command that writes refuses, with exit 2 and a message
naming the path and what it is, an output that is the sources registry, a file of the seeds
folder, a map argmap can see or the command's own input, by any name (a link, `..`, a hard link),
even with --force; and writes through a link to any other file, leaving the link a link.

Each test makes a project with `argmap init` in tmp_path and runs the real command in it."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

SEED = "seeds/riverside2025-annual-report.txt"  # a pinned source of the project `argmap init` makes
REGISTRY = "seeds/sources.yaml"


@pytest.fixture
def here(tmp_path: Path, cli, monkeypatch) -> Path:
    """`argmap init`'s project, with a second map in maps/, a file in seeds/ that no entry
    registers, and an AIF file to import; the working folder."""
    assert cli(["init", tmp_path]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    example = Path("maps/example.yaml").read_text(encoding="utf-8")
    Path("maps/other.yaml").write_text(example.replace("\nid: example\n", "\nid: other\n"), encoding="utf-8")
    Path("seeds/notes.txt").write_text("notes on the sources, registered nowhere\n", encoding="utf-8")
    assert cli(["export", "maps/example.yaml", "--to", "aif", "-o", "debate.json"]).exit_code == 0
    return tmp_path


def snapshot(root: Path) -> dict[str, object]:
    """Every file's bytes and every link's target under ``root``."""
    return {str(p.relative_to(root)): (f"link to {os.readlink(p)}" if p.is_symlink() else p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_symlink() or p.is_file()}


def leftovers(root: Path) -> list[str]:
    return [str(p.relative_to(root)) for p in root.rglob(".*") if p.name.endswith((".part", ".tmp"))]


def refused(cli, root: Path, command: list[str], message: str) -> str:
    """The command exits 2 with ``message``, and no file or link under ``root`` has changed; its stderr."""
    before = snapshot(root)
    result = cli(command)
    assert result.exit_code == 2, result.output
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    assert snapshot(root) == before and leftovers(root) == []
    return result.stderr


# --- commands writing the one file -o names


FILE_COMMANDS = {
    "export aif": (["export", "maps/example.yaml", "--to", "aif", "-o"], [], "maps/example.yaml"),
    "export argdown": (["export", "maps/example.yaml", "--to", "argdown", "-o"], [], "maps/example.yaml"),
    "import": (["import", "debate.json", "--from", "aif", "-o"], [], "debate.json"),
    "import --force": (["import", "debate.json", "--from", "aif", "-o"], ["--force"], "debate.json"),
}
OWN_INPUT = object()  # the file the command reads


def make_link(name: str, to: str) -> str:
    Path(name).symlink_to(to)
    return name


def make_hard_link(name: str, to: str) -> str:
    os.link(to, name)
    return name


TARGETS = {  # how the output is named: (the -o path, made in the project; what the message says it is)
    "the registry": (lambda: REGISTRY, "it is the sources registry of seeds/"),
    "the registry by another path": (lambda: "./seeds/../seeds/sources.yaml", "it is the sources registry of seeds/"),
    "a link to the registry": (lambda: make_link("registry.yaml", REGISTRY),
                               "it is the same file as seeds/sources.yaml, the sources registry of seeds/"),
    "a pinned seed": (lambda: SEED, f"refusing to overwrite {SEED}: it is a file of the seeds folder seeds/"),
    "a hard link to a pinned seed": (lambda: make_hard_link("copy.txt", SEED),
                                     f"it is the same file as {SEED}, a file of the seeds folder seeds/"),
    "an unregistered file of the seeds folder": (lambda: "seeds/notes.txt", "it is a file of the seeds folder seeds/"),
    "another map in maps/": (lambda: "maps/other.yaml", "refusing to overwrite maps/other.yaml: it is a map in maps/"),
    "the command's own input": (lambda: OWN_INPUT, "it is the file this command reads"),
}


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_a_file_output_never_replaces_an_input(here: Path, cli, command, target):
    before, after, own = FILE_COMMANDS[command]
    make, message = TARGETS[target]
    output = make()
    refused(cli, here, [*before, own if output is OWN_INPUT else output, *after], message)


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_the_registry_of_the_seeds_folder_in_use_is_an_input(here: Path, cli, command):
    shutil.copytree("seeds", "library")
    before, after, _ = FILE_COMMANDS[command]
    refused(cli, here, [*before, "library/sources.yaml", *after, "--seeds", "library"],
            "it is the sources registry of library/")


def test_import_force_replaces_only_a_regular_file(here: Path, cli):
    os.mkfifo("pipe.yaml")
    refused(cli, here, ["import", "debate.json", "--from", "aif", "-o", "pipe.yaml", "--force"],
            "pipe.yaml: is not a regular file (a pipe or a device); refusing to replace it")
    Path("earlier.yaml").write_text("an earlier import\n", encoding="utf-8")
    assert cli(["import", "debate.json", "--from", "aif", "-o", "earlier.yaml", "--force"]).exit_code == 0
    assert "id: earlier" in Path("earlier.yaml").read_text(encoding="utf-8")


# --- commands writing MAP-ID.<suffix> into the folder -o names


FOLDER_COMMANDS = {
    "render": (["render", "maps/example.yaml", "--format", "dot"], "example.dot"),
    "brief": (["brief", "maps/example.yaml"], "example.html"),
    "docx": (["docx", "maps/example.yaml"], "example.docx"),
}
def seed_named(name: str) -> str:
    Path("seeds", name).write_text("a file kept with the sources\n", encoding="utf-8")
    return "seeds"


def linked_in_out(to: str, hard: bool = False):
    def make(name: str) -> str:
        Path("out").mkdir()
        if hard:
            os.link(to, Path("out", name))
        else:
            Path("out", name).symlink_to(Path("..", to))
        return "out"
    return make


IN_FOLDER = {  # how the file the command would write is made: (returns the folder for -o; the message)
    "a file of the seeds folder": (seed_named, "it is a file of the seeds folder seeds/"),
    "a link to the registry": (linked_in_out(REGISTRY),
                               "it is the same file as seeds/sources.yaml, the sources registry of seeds/"),
    "a hard link to a pinned seed": (linked_in_out(SEED, hard=True),
                                     f"it is the same file as {SEED}, a file of the seeds folder seeds/"),
    "a link to a map not named": (linked_in_out("maps/other.yaml"), "it is the same file as maps/other.yaml, a map in maps/"),
}


@pytest.mark.parametrize("target", IN_FOLDER)
@pytest.mark.parametrize("command", FOLDER_COMMANDS)
def test_a_folder_output_never_replaces_an_input(here: Path, cli, command, target):
    arguments, name = FOLDER_COMMANDS[command]
    make, message = IN_FOLDER[target]
    folder = make(name)
    refused(cli, here, [*arguments, "-o", folder], f"refusing to overwrite {folder}/{name}: {message}")


def test_build_never_replaces_a_folder_holding_a_map_it_can_see(here: Path, cli):
    Path("maps/.argmap-site").write_text("as if argmap had built a site here\n")  # the marker that allows replacing
    Path("elsewhere").mkdir()
    shutil.copy("maps/other.yaml", "elsewhere/other.yaml")
    said = refused(cli, here, ["build", "elsewhere/other.yaml", "-o", "maps"],
                   "maps: refusing to replace this folder: it holds the input maps/")
    assert "a map in maps/" in said


# --- links to files that are not inputs are written through


def test_an_output_that_links_to_another_file_is_written_through(here: Path, cli):
    Path("exports").mkdir()
    Path("exports/debate.argdown").write_text("an older export\n", encoding="utf-8")
    Path("latest.argdown").symlink_to("exports/debate.argdown")
    expected = cli(["export", "maps/example.yaml", "--to", "argdown"]).stdout
    result = cli(["export", "maps/example.yaml", "--to", "argdown", "-o", "latest.argdown"])
    assert result.exit_code == 0, result.output
    assert Path("latest.argdown").is_symlink() and os.readlink("latest.argdown") == "exports/debate.argdown"
    assert Path("exports/debate.argdown").read_text(encoding="utf-8") == expected
    assert leftovers(here) == []


def test_source_add_rewrites_a_linked_registry_through_its_link(here: Path, cli):
    shutil.move(REGISTRY, "registry.yaml")
    Path(REGISTRY).symlink_to("../registry.yaml")
    Path("article.txt").write_text("The ferry ran every hour in 2024.\n", encoding="utf-8")
    result = cli(["source", "add", "article.txt", "--id", "ferry2024"])
    assert result.exit_code == 0, result.output
    assert Path(REGISTRY).is_symlink() and os.readlink(REGISTRY) == "../registry.yaml"
    assert "ferry2024:" in Path("registry.yaml").read_text(encoding="utf-8")


# --- migrate rewrites a linked map where it is


@pytest.fixture
def linked_map(here: Path) -> tuple[Path, Path]:
    """maps/kept.yaml, a link to a version-1 map kept in another folder."""
    Path("shared").mkdir()
    real = here / "shared" / "kept.yaml"
    text = Path("maps/other.yaml").read_text(encoding="utf-8").replace("\nid: other\n", "\nid: kept\n")
    real.write_text(text.replace("\nargmap: 2\n", "\nargmap: 1\n"), encoding="utf-8")
    link = here / "maps" / "kept.yaml"
    link.symlink_to("../shared/kept.yaml")
    return link, real


def test_migrate_writes_a_linked_map_through_its_link(linked_map, cli):
    link, real = linked_map
    result = cli(["migrate", link])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == "../shared/kept.yaml"
    assert "\nargmap: 2\n" in real.read_text(encoding="utf-8")
    assert leftovers(real.parent) == [] and leftovers(link.parent) == []


def test_migrate_refuses_a_link_to_a_read_only_map_and_names_it(linked_map, here: Path, cli):
    link, real = linked_map
    real.chmod(0o444)
    try:
        refused(cli, here, ["migrate", link],
                f"cannot rewrite {link} (a link to {real}): the file is read-only")
    finally:
        real.chmod(stat.S_IWUSR | stat.S_IRUSR)

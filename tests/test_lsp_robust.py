"""`argmap lsp` is as robust as the CLI: a changed or vanished seed, a broken or huge file, a map
outside any project give diagnostics, never a dead server."""

from __future__ import annotations

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from lsp_support import (  # noqa: F401 - client and lsp_project are fixtures
    change_map, client, codes, diagnostics, doc, forget, lsp_project, open_map, position_of, start_config,
)

pytestmark = pytest.mark.asyncio


async def test_a_change_to_the_registry_or_a_seed_checks_the_open_map_again(client, lsp_project):
    path = lsp_project / "maps" / "ferry-trial.yaml"
    uri = open_map(client, path)
    assert await diagnostics(client, uri) == []

    registry = lsp_project / "seeds" / "sources.yaml"
    forget(client, uri)
    registry.write_text(registry.read_text(encoding="utf-8").replace("  ng2022:", "  ng2021:"), encoding="utf-8")
    assert set(codes(await diagnostics(client, uri))) == {"AM405"}  # unknown source, at each of its quotes

    forget(client, uri)
    registry.write_text(registry.read_text(encoding="utf-8").replace("  ng2021:", "  ng2022:"), encoding="utf-8")
    assert await diagnostics(client, uri) == []

    seed = lsp_project / "seeds" / "warta2024-feri-lembah.txt"
    forget(client, uri)
    seed.write_text(seed.read_text(encoding="utf-8").replace("sepuluh tahun", "sebelas tahun"), encoding="utf-8")
    found = await diagnostics(client, uri, until=lambda found: bool(found))
    assert codes(found) == ["AM501"]  # "selama sepuluh tahun" is no longer in the seed
    registry_uri = registry.resolve().as_uri()
    assert codes(await diagnostics(client, registry_uri)) == ["AM403"]  # and its pin says so, in sources.yaml


async def test_a_vanished_seed_is_reported_in_the_registry_and_the_server_answers_on(client, lsp_project):
    path = lsp_project / "maps" / "ferry-trial.yaml"
    uri = open_map(client, path)
    assert await diagnostics(client, uri) == []
    (lsp_project / "seeds" / "ng2022-ferry-diary.txt").unlink()
    registry_uri = (lsp_project / "seeds" / "sources.yaml").resolve().as_uri()
    missing = await diagnostics(client, registry_uri)
    assert codes(missing) == ["AM402"] and "source file 'ng2022-ferry-diary.txt' not found" in missing[0].message
    text = path.read_text(encoding="utf-8")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=doc(uri), position=position_of(text, "quote: On Monday", len("quote: O"))))
    assert "source `ng2022` could not be read" in hover.contents.value


async def test_a_map_outside_any_project_is_checked_without_sources(client, tmp_path):
    alone = tmp_path / "elsewhere" / "ferry-trial.yaml"
    alone.parent.mkdir()
    from conftest import MAPS

    text = (MAPS / "ferry-trial.yaml").read_text(encoding="utf-8")
    uri = open_map(client, alone, text)  # the file need not exist: its text is the editor's
    found = await diagnostics(client, uri)
    assert [d.code for d in found] == [None]
    assert found[0].message.startswith("argmap cannot check this map: seeds folder")
    assert found[0].range.start == types.Position(line=0, character=0)

    analytic = "argmap: 2\nid: ferry-trial\ntitle: T\nquestion: Q?\nsides: {pro: P, con: C}\nnodes:\n" \
               "  a: {type: thesis, side: pro, title: A, text: A point.}\n"
    change_map(client, uri, analytic, 2)
    assert codes(await diagnostics(client, uri)) == ["AM315"]  # checked as `argmap check` checks it: no side con


async def test_a_file_over_the_size_cap_is_reported_not_parsed(client, lsp_project):
    path = lsp_project / "maps" / "huge.yaml"
    huge = "argmap: 2\n" + "# " + "x" * (64 * 1024 * 1024) + "\n"
    uri = open_map(client, path, huge)
    found = await diagnostics(client, uri)
    assert codes(found) == ["AM100"] and "larger than 67,108,864 bytes" in found[0].message


async def test_yaml_files_that_are_no_maps_are_left_alone(client, lsp_project):
    workflow = lsp_project / ".github" / "ci.yaml"
    uri = open_map(client, workflow, "on: push\njobs: {}\n")
    map_uri = open_map(client, lsp_project / "maps" / "ferry-trial.yaml")
    assert await diagnostics(client, map_uri) == []  # published after the workflow's turn came
    assert uri not in client.diagnostics


@pytest_lsp.fixture(config=start_config("--docs-url", "https://example.org/argmap/"))
async def linked_client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


async def test_docs_url_sets_where_each_code_is_explained(linked_client, lsp_project):
    path = lsp_project / "maps" / "ferry-trial.yaml"
    uri = open_map(linked_client, path, path.read_text(encoding="utf-8").replace("supports: [try-the-ferry]", "supports: [nowhere]", 1))
    found = await diagnostics(linked_client, uri)
    assert [d.code_description.href for d in found if d.code == "AM301"] == \
        ["https://example.org/argmap/reference/diagnostics/#AM301"]

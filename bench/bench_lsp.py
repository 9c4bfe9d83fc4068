"""Benchmark of `argmap lsp`: from an edit to the diagnostics published for it, as an editor sees
them. Targets: under 150 ms for the largest map of maps/, under 500 ms for a generated 1,000-node
map whose every quote is verified.

The server runs as a subprocess spoken to over stdio, byte by byte as an editor speaks. Each round
sends the whole text with the map's title changed and times until the diagnostics of that version
arrive: the debounce, the check of the unsaved text (parse, validation, every rule, every quote)
and the way back. maps/ and seeds/ are copied, never edited.
"""

from __future__ import annotations

import json
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import ARGMAP, REPO, make_project, user_environment

ROUNDS = 9
TARGETS = {"largest map of maps/": 0.150, "generated 1,000-node map": 0.500}


class Editor:
    """Just enough of an editor: send requests and notifications, collect what the server says."""

    def __init__(self, cwd: Path):
        self.process = subprocess.Popen([*ARGMAP, "lsp"], cwd=cwd, env=user_environment(), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.received: queue.Queue[dict] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            header = stream.readline()
            if not header:
                return
            length = int(re.match(rb"Content-Length: (\d+)", header).group(1))
            while stream.readline().strip():
                pass
            self.received.put(json.loads(stream.read(length)))

    def send(self, method: str, params: dict | None, id_: int | None = None) -> None:
        message = {"jsonrpc": "2.0", "method": method, "params": params, **({"id": id_} if id_ is not None else {})}
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def wait_for(self, test, timeout: float = 60) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            message = self.received.get(timeout=max(0.0, deadline - time.monotonic()))
            if test(message):
                return message

    def close(self) -> None:
        self.send("shutdown", None, 99)
        self.send("exit", None)
        self.process.wait(timeout=30)


def latency(project: Path, map_file: Path) -> tuple[list[float], int]:
    """Each round's time from edit to published diagnostics, and how many the map has."""
    editor = Editor(project)
    try:
        editor.send("initialize", {"processId": None, "rootUri": project.as_uri(), "capabilities": {}}, 1)
        editor.wait_for(lambda m: m.get("id") == 1)
        editor.send("initialized", {})
        uri = map_file.resolve().as_uri()
        text = map_file.read_text(encoding="utf-8")
        title = re.search(r"^title: (.+)$", text, re.M).group(1)
        editor.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        first = editor.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        times = []
        for version in range(2, ROUNDS + 2):
            edited = text.replace(f"title: {title}", f"title: {title} (edit {version})", 1)
            started = time.perf_counter()
            editor.send("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                   "contentChanges": [{"text": edited}]})
            editor.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == uri and m["params"].get("version") == version)
            times.append(time.perf_counter() - started)
            time.sleep(0.2)  # an editor's pause between edits: each is checked on its own
        return times, len(first["params"]["diagnostics"])
    finally:
        editor.close()


def main() -> int:
    met = True
    with tempfile.TemporaryDirectory(prefix="argmap-bench-lsp-") as folder:
        shipped = Path(folder)
        shutil.copytree(REPO / "maps", shipped / "maps")
        shutil.copytree(REPO / "seeds", shipped / "seeds")
        largest = max((shipped / "maps").glob("*.yaml"), key=lambda p: p.stat().st_size)
        generated = make_project("lsp-1000", 1000)
        cases = {"largest map of maps/": (shipped, largest),
                 "generated 1,000-node map": (generated, generated / "maps" / "lsp-1000.yaml")}
        for name, (project, map_file) in cases.items():
            times, reported = latency(project, map_file)
            median, target = statistics.median(times), TARGETS[name]
            size = f"{map_file.name}, {len(map_file.read_text(encoding='utf-8').splitlines()):,} lines, {reported} diagnostics"
            print(f"{name} ({size}): edit to published diagnostics, {ROUNDS} rounds: median {median * 1000:.0f} ms, "
                  f"best {min(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms "
                  f"(target: under {target * 1000:.0f} ms)")
            met &= median < target
    print("targets met" if met else "targets NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())

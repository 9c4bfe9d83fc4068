"""`argmap lsp` ends as an editor expects: on `shutdown` and `exit`, when its input ends, and when
the editor's process ends without a word (killed). Spoken to byte by byte, as an editor does."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from lsp_support import SERVER


def _message(body: dict) -> bytes:
    data = json.dumps(body).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(data), data)


def _initialize(process_id: int | None) -> bytes:
    return _message({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                     "params": {"processId": process_id, "rootUri": None, "capabilities": {}}})


def test_the_server_exits_on_shutdown_and_exit(tmp_path):
    messages = _initialize(None) + _message({"jsonrpc": "2.0", "method": "initialized", "params": {}}) \
        + _message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) + _message({"jsonrpc": "2.0", "method": "exit"})
    server = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    server.stdin.write(messages)
    server.stdin.flush()  # and left open, as an editor leaves it: `exit` alone ends the server
    try:
        assert server.wait(timeout=30) == 0
    finally:
        server.kill()
    assert b'{"id": 2, "jsonrpc": "2.0", "result": null}' in server.stdout.read()


def test_the_server_exits_when_its_input_ends(tmp_path):
    server = subprocess.run(SERVER, input=_initialize(None), capture_output=True, cwd=tmp_path, timeout=30)
    assert server.returncode in (0, 1)  # pygls: 1 unless shutdown came first; no traceback either way
    assert b"Traceback" not in server.stderr


def test_the_server_exits_when_the_editor_process_ends(tmp_path):
    editor = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    server = subprocess.Popen(SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    try:
        server.stdin.write(_initialize(editor.pid))
        server.stdin.flush()
        assert b"capabilities" in server.stdout.read1(65536)  # initialized, and watching its editor
        time.sleep(1)
        assert server.poll() is None
        editor.kill()
        editor.wait()
        assert server.wait(timeout=20) == 0  # its input is still open: it stops because the editor is gone
    finally:
        editor.kill()
        server.kill()

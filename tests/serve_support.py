"""`argmap serve` as a real process for the tests: started on a free port, always ended."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit


class Served:
    """The serving process and what it has printed on stderr so far (read as it comes, by a thread)."""

    def __init__(self, process: subprocess.Popen, address: str):
        self.process = process
        self.address = address
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.append(line)

    @property
    def stderr(self) -> str:
        return "".join(self.lines)


@contextlib.contextmanager
def argmap_serve(project: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """`argmap serve --port 0` in ``project``; yields once it listens; ends it with SIGINT (Ctrl-C)."""
    process = subprocess.Popen([sys.executable, "-m", "argmap", "serve", "--port", "0", *args], cwd=project,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ) if env is None else env)
    served = None
    try:
        first = process.stderr.readline()
        found = re.search(r"http://[0-9.]+:\d+/", first)
        assert found, first + (process.stderr.read() if process.poll() is not None else "")
        served = Served(process, found.group())
        yield served
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if served is not None:
            served._reader.join(timeout=15)  # the pipe ends with the process
        process.stderr.close()


def save(path: Path, text: str) -> None:
    """Write as an editor does, and make sure the modification time moves."""
    path.write_text(text, encoding="utf-8")
    time.sleep(0.01)


def wait_for(condition: Callable[[], bool], seconds: float = 15.0) -> bool:
    """Whether ``condition`` came true within ``seconds`` (asked every 50 ms)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def raw_request(address: str, request: bytes) -> bytes:
    """Send ``request`` as is (no client library to clean it up) and read the whole answer."""
    host, port = urlsplit(address).hostname, urlsplit(address).port
    with socket.create_connection((host, port), timeout=10) as connection:
        connection.sendall(request)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer

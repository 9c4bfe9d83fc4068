"""Downloading a document for `argmap source add`: one deadline for the whole download.

A socket timeout bounds each wait for the next bytes, not the download: a server that sends one
byte a second never trips it. So the download runs in a worker thread and the caller waits for
it until the deadline, then gives up, whatever the server is doing (resolving its name,
connecting, sending headers or dripping the body). The worker stops reading at its next chunk.

Only the standard library, imported when a download starts: the CLI imports this module for
its default timeout.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from argmap.core.diagnostics import UsageError
from argmap.core.load import MAX_FILE_BYTES

DOWNLOAD_TIMEOUT = 30  # seconds for the whole download; --timeout
USER_AGENT = "argmap (source add)"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Downloaded:
    body: bytes
    content_type: str  # the media type the server gave, without parameters ("" if none)
    final_url: str  # after redirects


class _Progress:
    """What the worker has done so far, and the caller's word to stop."""

    def __init__(self) -> None:
        self.received = 0
        self.stop = threading.Event()
        self.result: Downloaded | None = None
        self.error: UsageError | None = None


def check_timeout(timeout: float) -> None:
    """Refuse a timeout that is not a number of seconds a thread can wait (NaN, 0, negative, huge)."""
    if not 0 < timeout <= threading.TIMEOUT_MAX:
        raise UsageError(f"{timeout:g} is not a timeout", "give the seconds a download may take, e.g. 60",
                         setting="timeout")


def download(url: str, timeout: float = DOWNLOAD_TIMEOUT) -> Downloaded:
    """The document at ``url``, read within ``timeout`` seconds in all; a failure, a body larger
    than the file cap or a missed deadline is a :class:`UsageError`."""
    progress = _Progress()
    worker = threading.Thread(target=_fetch, args=(url, timeout, progress), name="argmap-download", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        progress.stop.set()
        so_far = f"{progress.received:,} bytes received" if progress.received else "no answer yet"
        raise UsageError(f"{url}: download failed: not finished after {timeout:g} s ({so_far})",
                         "nothing written; a slow server may need a longer --timeout")
    if progress.error is not None:
        raise progress.error
    assert progress.result is not None  # the worker sets one or the other
    return progress.result


def _fetch(url: str, timeout: float, progress: _Progress) -> None:
    try:
        progress.result = _read(url, timeout, progress)
    except UsageError as error:
        progress.error = error
    except Exception as error:  # noqa: BLE001 - anything the network stack raises is a failed download
        progress.error = UsageError(f"{url}: download failed: {error}", "nothing written")


def _read(url: str, timeout: float, progress: _Progress) -> Downloaded:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    chunks: list[bytes] = []
    try:
        # the socket timeout ends a worker whose caller has gone while it waits for bytes
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            while not progress.stop.is_set():
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                chunks.append(chunk)
                progress.received += len(chunk)
                if progress.received > MAX_FILE_BYTES:
                    raise UsageError(f"{url}: larger than {MAX_FILE_BYTES >> 20} MB, the most argmap reads; "
                                     "not an article", "nothing written")
            content_type = response.headers.get_content_type() or ""
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        raise UsageError(f"{url}: download failed: HTTP {error.code} {error.reason}", "nothing written") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise UsageError(f"{url}: download failed: {reason}",
                         "nothing written; check the address and the network") from None
    return Downloaded(b"".join(chunks), content_type, final_url)

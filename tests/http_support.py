"""A real HTTP server on 127.0.0.1 serving a folder, for the tests that download: no network."""

from __future__ import annotations

import contextlib
import functools
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1; yields the base URL, ends the server after."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


class _DripHandler(BaseHTTPRequestHandler):
    """Answers at once, then sends its page one byte every ``interval`` seconds."""

    page: bytes = b""
    interval = 0.2

    def do_GET(self):  # noqa: N802 - the base class's name
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        for i in range(len(self.page)):
            try:
                self.wfile.write(self.page[i:i + 1])
                self.wfile.flush()
            except OSError:  # the client gave up
                return
            time.sleep(self.interval)

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def dripping(page: bytes, interval: float = 0.2) -> Iterator[str]:
    """A server on 127.0.0.1 that sends ``page`` one byte every ``interval`` seconds (never
    pausing long enough for a socket timeout); yields the page's URL."""
    handler = type("Drip", (_DripHandler,), {"page": page, "interval": interval})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/article.html"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# An article page as news sites make them: a cookie banner, a menu, an advertisement and a footer
# around the article, with its metadata in the head.
ARTICLE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Feri atau jembatan? | Warta Lembah</title>
<meta property="og:site_name" content="Warta Lembah">
<meta name="author" content="Nur Lestari">
<meta property="article:published_time" content="2024-02-12T08:00:00Z">
<link rel="canonical" href="https://warta.example/feri-atau-jembatan">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies. Accept all cookies to continue reading?</div>
<nav class="menu"><ul><li><a href="/">Beranda</a></li><li><a href="/berita">Berita</a></li><li><a href="/olahraga">Olahraga</a></li></ul></nav>
<aside class="advertisement">Iklan: beli ponsel Lembah terbaru hari ini juga!</aside>
<article>
<h1>Feri atau jembatan?</h1>
<p>Dewan kota bertemu pada hari Senin untuk memilih antara jembatan dan feri bagi penyeberangan sungai.</p>
<p>Wali kota mengatakan feri lebih murah daripada jembatan dan bisa berlayar tahun ini juga. Warga tepi barat mengatakan mereka sudah menunggu jembatan selama sepuluh tahun.</p>
<p>Dewan akan memilih lagi pada bulan Maret, setelah survei dasar sungai yang independen diterbitkan.</p>
</article>
<footer>Hak cipta 2024 Warta Lembah. Semua hak dilindungi. Kebijakan privasi. Hubungi kami.</footer>
</body></html>
"""

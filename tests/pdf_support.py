"""Small real PDFs for the tests, written by hand: one text line after another, page by page,
in the standard Helvetica font (PDF 1.4, no compression). pdfplumber reads them like any PDF."""

from __future__ import annotations

from pathlib import Path


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(path: Path, pages: list[list[str]], title: str | None = None, author: str | None = None,
              created: str | None = None, locked: bool = False) -> Path:
    """A PDF with one page per list of lines (Latin-1 text), and an Info dictionary if given
    (``created`` in the PDF's own form, e.g. D:20250314). ``locked``: encrypted with the standard
    security handler (RC4, revision 2) under a user password no reader knows, as a PDF that opens
    only with its password is: its /U entry matches no password, the empty one included."""
    objects: list[bytes] = []  # object n is objects[n - 1]
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{' '.join(f'{n} 0 R' for n in page_ids)}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for n, lines in zip(page_ids, pages):
        body = "BT /F1 11 Tf 14 TL 72 760 Td " + " ".join(f"({_escape(line)}) Tj T*" for line in lines) + " ET"
        stream = body.encode("latin-1")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {n + 1} 0 R "
                       f"/Resources << /Font << /F1 3 0 R >> >> >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    info = {key: value for key, value in (("Title", title), ("Author", author), ("CreationDate", created)) if value}
    if info:
        objects.append(("<< " + " ".join(f"/{k} ({_escape(v)})" for k, v in info.items()) + " >>").encode("latin-1"))
    if locked:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + b"4f" * 32 + b"> /U <" + b"55" * 32 + b"> >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R"
    if info:
        trailer += f" /Info {len(objects) - locked} 0 R"
    if locked:
        trailer += f" /Encrypt {len(objects)} 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>]"
    trailer += " >>"
    out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path

"""Tiny, valid one-page PDFs for the sample site's documents (a crawler may sniff or hash them)."""

from __future__ import annotations


def tiny_pdf(title: str) -> bytes:
    """A minimal PDF 1.4 file whose page shows ``title`` (ASCII only), with a correct xref table."""
    safe = "".join(ch if 32 <= ord(ch) < 127 and ch not in "()\\" else " " for ch in title)[:90]
    stream = f"BT /F1 14 Tf 56 780 Td (Borough of Eastmere Council) Tj 0 -24 Td ({safe}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


__all__ = ["tiny_pdf"]

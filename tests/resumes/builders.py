"""Resume files built in memory for the tests: every supported format and the hostile ones."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence

import docx
from docx.oxml import parse_xml

_PDF_PASSWORD_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(
    pages: Sequence[Sequence[str]],
    *,
    user_password: str | None = None,
    image_only: bool = False,
) -> bytes:
    """A valid PDF with a Helvetica text layer (one line per string), or only an image per page.

    With `user_password`, the file carries a standard (RC4, revision 2) /Encrypt dictionary,
    so it cannot be opened without that password.
    """
    objects: list[bytes] = [b"", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids: list[int] = []
    for lines in pages:
        if image_only:
            pixels = bytes(range(0, 256, 16)) * 16  # a 16x16 grey image, as a scanner would leave
            objects.append(
                b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
            )
            image_id = len(objects)
            content = b"q 400 0 0 500 100 150 cm /Im1 Do Q"
            resources = b"<< /XObject << /Im1 %d 0 R >> >>" % image_id
        else:
            body = " T* ".join(f"({_pdf_escape(line)}) Tj" for line in lines)
            content = f"BT /F1 11 Tf 14 TL 72 760 Td {body} ET".encode("latin-1")
            resources = b"<< /Font << /F1 3 0 R >> >>"
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>"
            % (resources, content_id)
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    file_id = hashlib.md5(b"jobbot test pdf").digest()
    trailer_extra = b""
    if user_password is not None:
        objects.append(_standard_encrypt_dict(user_password, file_id))
        trailer_extra = b" /Encrypt %d 0 R" % len(objects)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, file_id.hex().encode(), file_id.hex().encode(), trailer_extra, xref)
    )
    return out.getvalue()


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _standard_encrypt_dict(user_password: str, file_id: bytes) -> bytes:
    """PDF 1.4 standard security handler, revision 2 (algorithms 3.2-3.4 of the PDF reference)."""
    padded_user = (user_password.encode("latin-1") + _PDF_PASSWORD_PAD)[:32]
    padded_owner = (b"owner" + _PDF_PASSWORD_PAD)[:32]
    owner_entry = _rc4(hashlib.md5(padded_owner).digest()[:5], padded_user)
    permissions = -4
    key = hashlib.md5(padded_user + owner_entry + permissions.to_bytes(4, "little", signed=True) + file_id).digest()
    user_entry = _rc4(key[:5], _PDF_PASSWORD_PAD)
    return b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
        owner_entry.hex().encode(),
        user_entry.hex().encode(),
        permissions,
    )


_TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def make_docx(
    lines: Sequence[str],
    *,
    header: str | None = None,
    footer: str | None = None,
    table: Sequence[Sequence[str]] = (),
    nested_cell_text: str | None = None,
    text_box: str | None = None,
) -> bytes:
    """A DOCX of paragraphs, optionally a table (with a table nested in its first cell), a text
    box (written as Word does: DrawingML with a VML fallback), a header and a footer."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
        if nested_cell_text is not None:
            nested = grid.cell(0, 0).add_table(rows=1, cols=1)
            nested.cell(0, 0).text = nested_cell_text
    if text_box is not None:
        paragraph = document.add_paragraph("Sidebar:")
        paragraph._p.append(parse_xml(_TEXT_BOX.format(text=text_box)))
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def replace_zip_member(data: bytes, name: str, content: bytes) -> bytes:
    """The same archive with `name` holding `content`, deflated at the highest level."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return out.getvalue()


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"'
)


def make_odt(
    body_xml: str, *, header: str | None = None, prolog: str = '<?xml version="1.0" encoding="UTF-8"?>'
) -> bytes:
    """An ODT archive whose office:text holds `body_xml` (ODF markup), optionally a page header;
    `prolog` replaces the XML declaration of content.xml (to smuggle in a DTD)."""
    content = (
        f"{prolog}<office:document-content {_ODT_NS}><office:body><office:text>{body_xml}</office:text>"
        "</office:body></office:document-content>"
    )
    header_xml = f"<style:header><text:p>{header}</text:p></style:header>" if header else ""
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {_ODT_NS}><office:master-styles>'
        f'<style:master-page style:name="Standard">{header_xml}</style:master-page>'
        "</office:master-styles></office:document-styles>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("styles.xml", styles)
        archive.writestr("META-INF/manifest.xml", manifest)
    return out.getvalue()


BILLION_LAUGHS_DTD = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)

"""Genuine signed certificate PDFs without the database, and the forgeries people make of
them with ordinary PDF tools (pikepdf, pypdf, reportlab)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from io import BytesIO

import pikepdf
from pypdf import PdfReader, PdfWriter
from reportlab.lib.colors import white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from certificates import signing
from certificates.archival import make_archival
from certificates.credential import build_credential
from certificates.data import CertificateData
from certificates.pdf import render_certificate
from certificates.pdfsign import sign_pdf
from certificates.samples import sample_certificate_data
from certificates.statement import sign_statement

ISSUED_AT = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


def sample_data(**changes) -> CertificateData:
    data = replace(sample_certificate_data(), **changes)
    return replace(data, signed_payload=sign_statement(data))


def credential_of(data: CertificateData, key=None) -> str:
    return build_credential(
        data, issued_at=ISSUED_AT, status_list=2026, status_list_index=123, private_key=key
    )


def genuine(data: CertificateData | None = None, *, credential: str | None = None) -> bytes:
    """A certificate PDF as `services._create` makes it: rendered, archival, signed."""
    data = data or sample_data()
    credential = credential if credential is not None else credential_of(data)
    return sign_pdf(make_archival(render_certificate(data), data=data, credential=credential))


def other_register_key():
    return signing.load_private_key(signing.generate_private_key_pem())


# --- Forgeries ------------------------------------------------------------------------


def overlay(pdf: bytes, draw) -> bytes:
    """`pdf` with what `draw(canvas)` draws stamped over its page, saved by pikepdf (the file
    is rewritten, as most PDF editors do)."""
    buffer = BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4))
    draw(canvas)
    canvas.showPage()
    canvas.save()
    with pikepdf.open(BytesIO(pdf)) as document, pikepdf.open(buffer) as stamp:
        document.pages[0].add_overlay(stamp.pages[0])
        out = BytesIO()
        document.save(out)
        return out.getvalue()


def white_box_and_new_name(pdf: bytes, name: str = "Omar Tazi", hours: str | None = None) -> bytes:
    """A white box over the name of the French column, another name drawn on top (and
    another number of hours)."""

    def draw(canvas):
        canvas.setFillColor(white)
        canvas.rect(60, 300, 330, 60, stroke=0, fill=1)
        canvas.setFillColorRGB(0.05, 0.37, 0.30)
        canvas.setFont("Helvetica-Bold", 21)
        canvas.drawCentredString(227, 320, name)
        if hours:
            canvas.setFillColor(white)
            canvas.rect(60, 215, 330, 30, stroke=0, fill=1)
            canvas.setFillColorRGB(0.11, 0.16, 0.24)
            canvas.setFont("Helvetica", 12)
            canvas.drawCentredString(227, 225, f"d'une durée de {hours} heures,")

    return overlay(pdf, draw)


def incremental(pdf: bytes, change) -> bytes:
    """`pdf` with `change(writer)` appended as an incremental update (pypdf): the signed
    revision stays intact in front, as Acrobat's "Save" does."""
    writer = PdfWriter(BytesIO(pdf), incremental=True)
    change(writer)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def page_swapped(pdf: bytes, forged_page: bytes) -> bytes:
    """The genuine file with the content and resources of its page replaced by those of
    `forged_page` (another rendering, e.g. with other hours or date)."""
    with pikepdf.open(BytesIO(pdf)) as document, pikepdf.open(BytesIO(forged_page)) as forged:
        page = document.pages[0].obj
        source = forged.pages[0].obj
        for key in ("/Contents", "/Resources"):
            value = source[key]
            if not value.is_indirect:
                value = forged.make_indirect(value)
            page[key] = document.copy_foreign(value)
        out = BytesIO()
        document.save(out)
        return out.getvalue()


def page_appended(pdf: bytes) -> bytes:
    with pikepdf.open(BytesIO(pdf)) as document:
        document.add_blank_page(page_size=(842, 595))
        out = BytesIO()
        document.save(out)
        return out.getvalue()


def metadata_changed(pdf: bytes, **values: str) -> bytes:
    with pikepdf.open(BytesIO(pdf)) as document:
        for key, value in values.items():
            document.docinfo[f"/{key}"] = value
        out = BytesIO()
        document.save(out)
        return out.getvalue()


def credential_swapped(pdf: bytes, credential: str) -> bytes:
    with pikepdf.open(BytesIO(pdf)) as document:
        stream = document.Root.AF[0].EF.F
        stream.write(credential.encode())
        stream.Params.Size = len(credential.encode())
        out = BytesIO()
        document.save(out)
        return out.getvalue()


def resaved(pdf: bytes) -> bytes:
    """Opened and saved again by pikepdf, changing nothing: the file is rewritten (objects
    renumbered into object streams, streams recompressed)."""
    with pikepdf.open(BytesIO(pdf)) as document:
        out = BytesIO()
        document.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()


def resaved_incrementally(pdf: bytes) -> bytes:
    """An incremental update that changes nothing anybody sees: the document information
    written again with a new modification date, as a viewer's "Save" does."""

    def touch(writer):
        writer.add_metadata({"/ModDate": "D:20270101120000+00'00'"})

    return incremental(pdf, touch)


def incremental_page_appended(pdf: bytes) -> bytes:
    return incremental(pdf, lambda writer: writer.add_blank_page(842, 595))


def incremental_new_name(pdf: bytes) -> bytes:
    """The white box and new name appended as an incremental update over the intact signed
    file."""
    stamped = PdfReader(BytesIO(white_box_and_new_name(pdf)))

    def change(writer):
        writer.pages[0].merge_page(stamped.pages[0], over=True)

    return incremental(pdf, change)

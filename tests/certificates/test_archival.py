"""Certificate PDFs are PDF/A-3b and carry their credential: the structures, read with pikepdf.

No PDF/A validator (veraPDF) runs in this suite; these tests check what ISO 19005-3 asks of
what we write, and qpdf checks the file's syntax.
"""

import re
from io import BytesIO

import pikepdf
import pytest
from PIL import ImageCms

from certificates.archival import (
    CREDENTIAL_DESCRIPTION,
    LANGUAGE,
    make_archival,
    read_archive,
)
from certificates.pdf import render_certificate
from certificates.pdfsign import sign_pdf
from tests.certificates.forge import credential_of, genuine, sample_data

XMP = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}


@pytest.fixture(scope="module")
def certificate() -> bytes:
    return genuine()


def _open(pdf: bytes) -> pikepdf.Pdf:
    return pikepdf.open(BytesIO(pdf))


def _xmp(document: pikepdf.Pdf) -> dict[str, str]:
    """The XMP properties as `prefix:Name` -> text (arrays joined with "|")."""
    from lxml import etree

    metadata = document.Root.Metadata
    assert "/Filter" not in metadata  # PDF/A: an XMP packet stays readable without filters
    tree = etree.fromstring(metadata.read_bytes())
    prefixes = {uri: prefix for prefix, uri in XMP.items()}
    found = {}
    for description in tree.iter(f"{{{XMP['rdf']}}}Description"):
        for name, value in description.attrib.items():
            uri, local = name[1:].split("}")
            if uri in prefixes and prefixes[uri] != "rdf":
                found[f"{prefixes[uri]}:{local}"] = value
        for element in description:
            uri, local = element.tag[1:].split("}")
            items = [li.text or "" for li in element.iter(f"{{{XMP['rdf']}}}li")]
            found[f"{prefixes.get(uri, uri)}:{local}"] = "|".join(items) if items else element.text
    return found


def _pdf_date_as_xmp(value: str) -> str:
    match = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)\+00'00'", value)
    assert match, value
    y, mo, d, h, mi, s = match.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}+00:00"


def test_the_xmp_says_pdfa_3b(certificate):
    with _open(certificate) as document:
        xmp = _xmp(document)
    assert xmp["pdfaid:part"] == "3"
    assert xmp["pdfaid:conformance"] == "B"


def test_the_document_information_and_the_xmp_agree(certificate):
    """ISO 19005-3 6.6.2.3.1: every entry of the information dictionary has its XMP twin."""
    with _open(certificate) as document:
        xmp = _xmp(document)
        info = {str(k): str(v) for k, v in document.docinfo.items()}
    twins = {
        "/Title": "dc:title",
        "/Author": "dc:creator",
        "/Subject": "dc:description",
        "/Keywords": "pdf:Keywords",
        "/Creator": "xmp:CreatorTool",
        "/Producer": "pdf:Producer",
    }
    assert set(info) <= set(twins) | {"/CreationDate", "/ModDate"}
    for key, twin in twins.items():
        assert info[key] == xmp[twin], key
    assert _pdf_date_as_xmp(info["/CreationDate"]) == xmp["xmp:CreateDate"]
    assert _pdf_date_as_xmp(info["/ModDate"]) == xmp["xmp:ModifyDate"]
    assert info["/Keywords"] == "ENSA-2026-000123"
    assert "ENSA-2026-000123" in info["/Title"]


def test_signing_leaves_the_metadata_as_it_was(certificate):
    """pyHanko would rewrite the XMP when it signs (with `pdf:keywords`, a property PDF/A
    does not know, and a second pdfaid description)."""
    data = sample_data()
    archival = make_archival(render_certificate(data), data=data, credential=credential_of(data))
    with _open(archival) as before, _open(sign_pdf(archival)) as after:
        assert before.Root.Metadata.read_bytes() == after.Root.Metadata.read_bytes()
        assert dict(before.docinfo) == dict(after.docinfo)
        assert b"pdf:keywords" not in after.Root.Metadata.read_bytes()


def test_an_srgb_output_intent(certificate):
    with _open(certificate) as document:
        [intent] = document.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1"
        assert str(intent.OutputConditionIdentifier)
        profile = intent.DestOutputProfile
        assert profile.N == 3
        raw = profile.read_bytes()
    icc = ImageCms.ImageCmsProfile(BytesIO(raw))
    assert ImageCms.getProfileDescription(icc).strip() == "sRGB built-in"
    assert icc.profile.xcolor_space.strip() == "RGB"
    assert raw[8] <= 4  # PDF/A-3 knows ICC profiles up to version 4


def test_every_font_is_embedded(certificate):
    with _open(certificate) as document:
        fonts = [font for page in document.pages for font in page.Resources.Font.values()]
        assert fonts
        for font in fonts:
            descendants = font.get("/DescendantFonts", [font])
            for each in descendants:
                descriptor = each.FontDescriptor
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font


def _drawings(resources):
    """Every image and form XObject reachable from `resources`."""
    for xobject in (resources.get("/XObject") or {}).values():
        yield xobject
        if xobject.get("/Subtype") == "/Form" and "/Resources" in xobject:
            yield from _drawings(xobject.Resources)


def test_no_device_cmyk_colour_with_an_rgb_output_intent(certificate):
    """ISO 19005-3 6.2.4.3: device colours must match the output intent (RGB)."""
    with _open(certificate) as document:
        for page in document.pages:
            streams = [page, *(x for x in _drawings(page.Resources) if x.Subtype == "/Form")]
            for stream in streams:
                operators = {str(op) for _operands, op in pikepdf.parse_content_stream(stream)}
                assert not {"k", "K"} & operators
            for drawing in _drawings(page.Resources):
                assert drawing.get("/ColorSpace") != "/DeviceCMYK"


def test_the_document_language_is_set(certificate):
    with _open(certificate) as document:
        assert str(document.Root.Lang) == LANGUAGE


def test_the_credential_is_an_associated_file_of_the_document(certificate):
    credential = credential_of(sample_data())
    with _open(certificate) as document:
        [spec] = document.Root.AF
        assert spec.AFRelationship == "/Data"
        assert str(spec.F) == str(spec.UF) == "ENSA-2026-000123.jwt"
        assert str(spec.Desc) == CREDENTIAL_DESCRIPTION
        stream = spec.EF.F
        assert stream.Subtype == "/application/vc+jwt"
        assert "/ModDate" in stream.Params
        assert stream.read_bytes().decode() == credential
        assert list(document.attachments) == ["ENSA-2026-000123.jwt"]  # the EmbeddedFiles tree
    assert read_archive(certificate).credential == credential


def test_a_credential_in_json_is_embedded_as_json():
    data = sample_data()
    pdf = make_archival(render_certificate(data), data=data, credential='{"type": "x"}')
    with _open(pdf) as document:
        spec = document.Root.AF[0]
        assert str(spec.F) == "ENSA-2026-000123.json"
        assert spec.EF.F.Subtype == "/application/json"


def test_the_signature_field_is_a_printable_invisible_widget(certificate):
    """PDF/A: annotations are printed, never hidden; one without area needs no appearance."""
    with _open(certificate) as document:
        [field] = document.Root.AcroForm.Fields
        flags = int(field.F)
        assert flags & 4 and not flags & (1 | 2 | 32)
        assert [float(v) for v in field.Rect] == [0, 0, 0, 0]
        assert document.Root.AcroForm.get("/NeedAppearances") in (None, False)


def test_the_file_stays_a_pdf_17_and_passes_qpdf(certificate):
    assert re.match(rb"%PDF-1\.[0-7]\r?\n", certificate)
    with _open(certificate) as document:
        assert str(document.Root.get("/Version", "/1.4")) in {"/1.4", "/1.5", "/1.6", "/1.7"}
        assert "/ID" in document.trailer
        assert not document.is_encrypted
        assert document.check_pdf_syntax() == []


@pytest.mark.django_db
def test_an_issued_certificate_is_archival_and_signed(site):
    from tests.factories.certificates import issued_certificate

    certificate = issued_certificate()
    pdf = certificate.pdf.open("rb").read()
    with _open(pdf) as document:
        assert _xmp(document)["pdfaid:part"] == "3"
        assert "/OutputIntents" in document.Root
        assert document.Root.AcroForm.Fields[0].FT == "/Sig"
    contents = read_archive(pdf)
    assert contents.serial == certificate.serial
    assert contents.credential == certificate.credential

"""Make a rendered certificate an archival PDF/A-3b file that carries its credential.

`make_archival(pdf, data=..., credential=...)` appends one revision to what `pdf.py` rendered:
XMP metadata that says PDF/A-3b (`pdfaid:part` 3, `pdfaid:conformance` B) and agrees with
the document information dictionary, an sRGB output intent (the ICC profile comes from
Pillow's LittleCMS, so no profile file is shipped), the document language, and the signed
Open Badges credential embedded as an associated file of the document (`/AF`, relationship
`/Data`). reportlab already embeds every font (subsets of Amiri). `pdfsign.sign_pdf` signs the
result; PDF/A allows incremental updates, so the signature keeps it PDF/A.

`read_archive(pdf)` reads back what a verifier needs: the serial the file states and the
embedded credential.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from io import BytesIO
from xml.sax.saxutils import escape

import reportlab
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.decode_limits import DecodeLimits, DocumentDecodeBudget, StreamDecodeLimits
from pyhanko.pdf_utils.generic import pdf_name, pdf_string
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata.model import VENDOR
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader

from .data import CertificateData

PDFA_PART = "3"
PDFA_CONFORMANCE = "B"
LANGUAGE = "fr-MA"  # the page is French and Arabic; French is the first column
JWT_TYPE = "application/vc+jwt"
JSON_TYPE = "application/json"
# Bilingual like the page it travels with (not the language of whoever issued it).
CREDENTIAL_DESCRIPTION = (
    "Justificatif Open Badges 3.0 signé par l'ENSA – "
    "الوثيقة الرقمية Open Badges 3.0 الموقعة من طرف المدرسة الوطنية العليا للإدارة"
)
SRGB = "sRGB IEC61966-2.1"

PRODUCER = f"ReportLab {reportlab.Version}; {VENDOR}"


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile (LittleCMS's, through Pillow)."""
    # at call time: ImageCms loads LittleCMS, only the PDF/A profile needs it
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@cache
def _compressed_profile() -> bytes:
    return zlib.compress(srgb_profile(), 9)


def credential_file(serial: str, credential: str) -> tuple[str, str]:
    """The embedded file's name and MIME type: a VC-JWT, or a credential in JSON."""
    if credential.lstrip().startswith("{"):
        return f"{serial}.json", JSON_TYPE
    return f"{serial}.jwt", JWT_TYPE


def _output_intent(writer: IncrementalPdfFileWriter) -> generic.Reference:
    profile = generic.StreamObject(
        {pdf_name("/N"): generic.NumberObject(3), pdf_name("/Filter"): pdf_name("/FlateDecode")},
        encoded_data=_compressed_profile(),
    )
    intent = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/OutputIntent"),
            pdf_name("/S"): pdf_name("/GTS_PDFA1"),
            pdf_name("/OutputConditionIdentifier"): pdf_string(SRGB),
            pdf_name("/RegistryName"): pdf_string("http://www.color.org"),
            pdf_name("/Info"): pdf_string(SRGB),
            pdf_name("/DestOutputProfile"): writer.add_object(profile),
        }
    )
    return writer.add_object(intent)


def _embed_credential(
    writer: IncrementalPdfFileWriter, *, serial: str, credential: str, moment: datetime
) -> tuple[generic.Reference, str]:
    name, mime_type = credential_file(serial, credential)
    raw = credential.encode("utf-8")
    stream = generic.StreamObject(
        {
            pdf_name("/Type"): pdf_name("/EmbeddedFile"),
            pdf_name("/Subtype"): pdf_name("/" + mime_type),
            pdf_name("/Params"): generic.DictionaryObject(
                {
                    pdf_name("/Size"): generic.NumberObject(len(raw)),
                    pdf_name("/ModDate"): generic.pdf_date(moment),
                    pdf_name("/CreationDate"): generic.pdf_date(moment),
                }
            ),
        },
        stream_data=raw,
    )
    stream.compress()
    spec = generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/Filespec"),
            pdf_name("/F"): pdf_string(name),
            pdf_name("/UF"): pdf_string(name),
            pdf_name("/Desc"): pdf_string(CREDENTIAL_DESCRIPTION),
            pdf_name("/AFRelationship"): pdf_name("/Data"),
        }
    )
    stream_ref = writer.add_object(stream)
    spec[pdf_name("/EF")] = generic.DictionaryObject(
        {pdf_name("/F"): stream_ref, pdf_name("/UF"): stream_ref}
    )
    return writer.add_object(spec), name


class MetadataKeepingWriter(IncrementalPdfFileWriter):
    """An incremental writer that leaves the document information and XMP alone.

    pyHanko otherwise rewrites them on every revision, in ways that break PDF/A: it names
    the keywords `pdf:keywords` (the property is `pdf:Keywords`), repeats extra XMP, and
    takes "now" once for the information dictionary and again for the XMP."""

    def _update_meta(self):
        return None


def _pdf_date(moment: datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def _xmp(
    *,
    title: str,
    author: str,
    subject: str,
    keywords: str,
    creator: str,
    producer: str,
    moment: datetime,
    serial: str,
) -> bytes:
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    e = escape
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>{PDFA_PART}</pdfaid:part>
   <pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:identifier>{e(serial)}</dc:identifier>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{e(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{e(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{e(subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>fr-MA</rdf:li><rdf:li>ar-MA</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{e(keywords)}</pdf:Keywords>
   <pdf:Producer>{e(producer)}</pdf:Producer>
   <xmp:CreatorTool>{e(creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{stamp}</xmp:CreateDate>
   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>
   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>""".encode()


def make_archival(pdf: bytes, *, data: CertificateData, credential: str) -> bytes:
    """`pdf` as PDF/A-3b with `credential` (the certificate's signed Open Badges credential)
    embedded as an associated file."""
    writer = MetadataKeepingWriter(BytesIO(pdf))
    moment = datetime.now(tz=UTC).replace(microsecond=0)
    template = data.template
    facts = {
        "title": f"{template.heading_fr} – {data.serial}",
        "author": template.institution_fr,
        "subject": f"{data.course_title_fr} – {data.learner_name_latin or data.learner_name_arabic}",
        "keywords": data.serial,
        "creator": template.institution_fr,
        "producer": PRODUCER,
    }
    info = generic.DictionaryObject(
        {
            pdf_name(f"/{key.title()}"): generic.TextStringObject(value)
            for key, value in facts.items()
        }
    )
    info[pdf_name("/CreationDate")] = pdf_string(_pdf_date(moment))
    info[pdf_name("/ModDate")] = pdf_string(_pdf_date(moment))
    writer.set_info(info)
    metadata = generic.StreamObject(
        {pdf_name("/Type"): pdf_name("/Metadata"), pdf_name("/Subtype"): pdf_name("/XML")},
        stream_data=_xmp(**facts, moment=moment, serial=data.serial),
    )

    root = writer.root
    root[pdf_name("/Metadata")] = writer.add_object(metadata)
    root[pdf_name("/Lang")] = pdf_string(LANGUAGE)
    root[pdf_name("/OutputIntents")] = generic.ArrayObject([_output_intent(writer)])
    spec, name = _embed_credential(writer, serial=data.serial, credential=credential, moment=moment)
    root[pdf_name("/AF")] = generic.ArrayObject([spec])
    root[pdf_name("/Names")] = generic.DictionaryObject(
        {
            pdf_name("/EmbeddedFiles"): generic.DictionaryObject(
                {pdf_name("/Names"): generic.ArrayObject([pdf_string(name), spec])}
            )
        }
    )
    writer.update_root()
    output = BytesIO()
    writer.write(output)
    return output.getvalue()


@dataclass(frozen=True)
class ArchiveContents:
    serial: str
    credential: str | None
    credential_name: str = ""


# Decoding limits for PDFs from outside (uploads, files given to verify_certificate): a
# certificate decodes to well under 2 MB, so a file that inflates much more is refused.
UNTRUSTED_LIMITS = DecodeLimits(
    per_stream=StreamDecodeLimits(max_ratio=1100, ratio_floor=1 << 20, max_output_size=16 << 20),
    document_budget=DocumentDecodeBudget(base_allowance=64 << 20, max_ratio=20),
)


def open_untrusted(pdf: bytes) -> PdfFileReader:
    """A reader of a PDF from outside, with bounded decoding."""
    return PdfFileReader(BytesIO(pdf), strict=False, decode_limits=UNTRUSTED_LIMITS)


# What reading a damaged or hostile PDF may raise.
PDF_READ_ERRORS = (
    PdfError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    RecursionError,
    OSError,
    zlib.error,
)


class UnreadableArchive(ValueError):
    """The file is not a PDF that `make_archival` could have made."""


def read_archive(pdf: bytes) -> ArchiveContents:
    """The serial a certificate PDF states (its keywords) and the credential it embeds, read
    from its latest revision. Raises UnreadableArchive."""
    try:
        reader = open_untrusted(pdf)
        info = reader.trailer_view.get("/Info")
        serial = str(info.get_object().get("/Keywords", "")).strip() if info else ""
        credential = None
        name = ""
        for spec in reader.root.get("/AF", ()):
            spec = spec.get_object()
            embedded = spec.get("/EF", {}).get("/F")
            if embedded is not None:
                credential = embedded.get_object().data.decode("utf-8")
                name = str(spec.get("/UF", spec.get("/F", "")))
                break
    except PDF_READ_ERRORS as error:
        raise UnreadableArchive(str(error)) from error
    return ArchiveContents(serial=serial, credential=credential, credential_name=name)

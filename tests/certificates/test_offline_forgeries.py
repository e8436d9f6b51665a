"""Certificates forged the ways people forge them fail `verify_certificate` and the upload on
the verification page; a genuine certificate and a copy saved again unchanged pass.

Each forgery is made with ordinary PDF tools (pikepdf, pypdf, reportlab): a white box and
new text over the name, other hours, another date, a page appended, the metadata changed,
the embedded credential swapped, a credential signed with another key, and the whole file
signed again with another certificate. Where a PDF editor would save as an incremental
update (the signed file left intact in front), that variant is forged too.
"""

from dataclasses import dataclass, replace
from datetime import timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from pyhanko.pdf_utils.misc import PdfDecodeLimitError

from certificates import pdfsign, signing
from certificates.archival import open_untrusted, read_archive
from certificates.offline import ALTERED, IDENTICAL, RESAVED, compare_with_register, verify_pdf
from certificates.pdf import render_certificate
from tests.certificates import forge


@pytest.fixture(autouse=True)
def _english():
    """The messages are checked as written in the code (their msgids)."""
    with translation.override("en"):
        yield


def _forged_signer(settings, data):
    """The whole certificate made again with other facts and signed with a certificate the
    forger made under ENSA's very name (same subject, serial and dates)."""
    _dev_key, ensa = pdfsign.development_pair(settings.SECRET_KEY)
    key = ec.generate_private_key(ec.SECP256R1())
    impostor = (
        x509.CertificateBuilder()
        .subject_name(ensa.subject)
        .issuer_name(ensa.subject)
        .public_key(key.public_key())
        .serial_number(ensa.serial_number)
        .not_valid_before(ensa.not_valid_before_utc)
        .not_valid_after(ensa.not_valid_after_utc)
        .sign(key, hashes.SHA256())
    )
    saved = (settings.CERTIFICATE_PDF_SIGNING_KEY, settings.CERTIFICATE_PDF_SIGNING_CERTIFICATE)
    settings.CERTIFICATE_PDF_SIGNING_KEY = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    settings.CERTIFICATE_PDF_SIGNING_CERTIFICATE = pdfsign.certificate_pem([impostor])
    try:
        changed = replace(data, learner_name_latin="Omar Tazi", hours="120")
        return forge.genuine(changed, credential=forge.credential_of(data))
    finally:
        settings.CERTIFICATE_PDF_SIGNING_KEY, settings.CERTIFICATE_PDF_SIGNING_CERTIFICATE = saved


@dataclass(frozen=True)
class Forgery:
    name: str
    make: object  # (pdf, data, settings) -> forged pdf
    offline: str  # a problem verify_certificate reports
    online: str  # a reason the verification page gives


FORGERIES = [
    Forgery(
        "white box and a new name over the name",
        lambda pdf, data, s: forge.white_box_and_new_name(pdf),
        "signature is not valid",
        "What its page shows differs.",
    ),
    Forgery(
        "white box and new name, saved as an incremental update",
        lambda pdf, data, s: forge.incremental_new_name(pdf),
        "added to the PDF after it was signed",
        "What its page shows differs.",
    ),
    Forgery(
        "120 hours drawn over the hours",
        lambda pdf, data, s: forge.white_box_and_new_name(
            pdf, name="Fatima-Zahra Benali", hours="120"
        ),
        "signature is not valid",
        "What its page shows differs.",
    ),
    Forgery(
        "hours changed in the page itself",
        lambda pdf, data, s: forge.page_swapped(
            pdf, render_certificate(replace(data, hours="120"))
        ),
        "signature is not valid",
        "What its page shows differs.",
    ),
    Forgery(
        "completion date changed in the page itself",
        lambda pdf, data, s: forge.page_swapped(
            pdf,
            render_certificate(
                replace(data, completion_date=data.completion_date - timedelta(days=200))
            ),
        ),
        "signature is not valid",
        "What its page shows differs.",
    ),
    Forgery(
        "a page appended",
        lambda pdf, data, s: forge.page_appended(pdf),
        "signature is not valid",
        "Pages were added or removed.",
    ),
    Forgery(
        "a page appended as an incremental update",
        lambda pdf, data, s: forge.incremental_page_appended(pdf),
        "added to the PDF after it was signed",
        "Pages were added or removed.",
    ),
    Forgery(
        "metadata changed",
        lambda pdf, data, s: forge.metadata_changed(pdf, Subject="Cours - Omar Tazi"),
        "signature is not valid",
        "Its metadata (title, subject, keywords…) differs.",
    ),
    Forgery(
        "metadata changed in an incremental update",
        lambda pdf, data, s: forge.incremental(
            pdf, lambda writer: writer.add_metadata({"/Title": "Attestation – ENSA-2026-000999"})
        ),
        "added to the PDF after it was signed",
        "Its metadata (title, subject, keywords…) differs.",
    ),
    Forgery(
        "the embedded credential swapped for another certificate's",
        lambda pdf, data, s: forge.credential_swapped(
            pdf, forge.credential_of(replace(data, serial="ENSA-2026-000999"))
        ),
        "signature is not valid",
        "Its embedded credential differs.",
    ),
    Forgery(
        "the embedded credential swapped for one signed with another key",
        lambda pdf, data, s: forge.credential_swapped(
            pdf, forge.credential_of(replace(data, hours="120"), key=forge.other_register_key())
        ),
        "signature is not valid",
        "Its embedded credential differs.",
    ),
    Forgery(
        "made again with a credential signed with another key, PDF signed by ENSA's key",
        lambda pdf, data, s: forge.genuine(
            data,
            credential=forge.credential_of(
                replace(data, hours="120"), key=forge.other_register_key()
            ),
        ),
        "key",
        "Its embedded credential differs.",
    ),
    Forgery(
        "made again and signed with another certificate under ENSA's name",
        lambda pdf, data, s: _forged_signer(s, data),
        "not signed by ENSA's document-signing certificate",
        "What its page shows differs.",
    ),
]


def _offline(pdf: bytes):
    return verify_pdf(
        pdf,
        certificates=pdfsign.published_certificates(),
        public_keys=[signing.signing_key().public_key()],
        local_status=False,
    )


@pytest.fixture(scope="module")
def sample() -> tuple[bytes, object]:
    data = forge.sample_data()
    return forge.genuine(data), data


def test_the_genuine_certificate_verifies(sample):
    result = _offline(sample[0])
    assert result.ok, result.problems


@pytest.mark.parametrize("forgery", FORGERIES, ids=[f.name for f in FORGERIES])
def test_a_forgery_fails_verify_certificate_and_says_what_failed(
    forgery, sample, settings, tmp_path, db
):
    pdf, data = sample
    forged = forgery.make(pdf, data, settings)
    result = _offline(forged)
    assert not result.ok
    assert any(forgery.offline in problem for problem in result.problems), result.problems
    path = tmp_path / "forged.pdf"
    path.write_bytes(forged)
    with pytest.raises(CommandError, match="NOT VERIFIED"):
        call_command("verify_certificate", str(path))


@pytest.mark.parametrize(
    "copy", [forge.resaved, forge.resaved_incrementally], ids=["rewritten", "incremental"]
)
def test_a_copy_saved_again_unchanged_is_refused_offline_since_the_signature_must_cover_the_file(
    copy, sample
):
    """Offline there is no original to compare with: only the signed bytes can be trusted.
    The verification page tells such a copy apart (below)."""
    assert not _offline(copy(sample[0])).ok


# --- the upload on the verification page ---------------------------------------------------


@pytest.fixture
def issued(site):
    from tests.factories.certificates import issued_certificate

    cache.clear()
    certificate = issued_certificate()
    return certificate, certificate.pdf.open("rb").read()


def _upload(client, certificate, pdf: bytes) -> str:
    with translation.override("fr"):
        url = reverse("certificates:verify", kwargs={"code": certificate.verification_code})
    response = client.post(url, {"pdf": SimpleUploadedFile("c.pdf", pdf, "application/pdf")})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_upload_finds_the_genuine_file_identical_and_a_resaved_copy_genuine(client, issued):
    certificate, pdf = issued
    assert 'data-comparison="match"' in _upload(client, certificate, pdf)
    for copy in (forge.resaved(pdf), forge.resaved_incrementally(pdf)):
        assert copy != pdf
        page = _upload(client, certificate, copy)
        assert 'data-comparison="resaved"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("forgery", FORGERIES, ids=[f.name for f in FORGERIES])
def test_a_forgery_is_found_altered_by_the_upload_with_the_reason(
    forgery, issued, client, settings
):
    certificate, pdf = issued
    forged = forgery.make(pdf, certificate.data, settings)
    comparison = compare_with_register(
        forged, original=pdf, certificates=pdfsign.published_certificates()
    )
    assert comparison.outcome == ALTERED
    assert forgery.online in comparison.reasons, comparison.reasons
    assert 'data-comparison="altered"' in _upload(client, certificate, forged)


def test_the_comparison_tells_each_kind_of_copy_apart(sample):
    pdf, _data = sample
    published = pdfsign.published_certificates()
    assert compare_with_register(pdf, original=pdf, certificates=published).outcome == IDENTICAL
    rewritten = compare_with_register(forge.resaved(pdf), original=pdf, certificates=published)
    assert rewritten.outcome == RESAVED and "rewrote the file" in rewritten.reasons[0]
    appended = compare_with_register(
        forge.resaved_incrementally(pdf), original=pdf, certificates=published
    )
    assert appended.outcome == RESAVED and "is intact" in appended.reasons[0]
    other = forge.genuine(forge.sample_data(serial="ENSA-2026-000124"))
    another = compare_with_register(other, original=pdf, certificates=published)
    assert another.outcome == ALTERED
    assert "It is signed by ENSA, but it is not this certificate." in another.reasons
    assert (
        compare_with_register(b"not a pdf", original=pdf, certificates=published).outcome == ALTERED
    )
    assert read_archive(pdf).serial == "ENSA-2026-000123"


def test_a_pdf_that_inflates_beyond_any_certificate_is_refused_without_decoding_it(sample):
    """A hostile upload: a small file whose page decodes to tens of megabytes."""
    import zlib
    from io import BytesIO

    import pikepdf

    pdf, _data = sample
    with pikepdf.open(BytesIO(pdf)) as document:
        page = document.pages[0].obj
        bomb = pikepdf.Stream(document, zlib.compress(b" " * (40 << 20), 9))
        bomb.Filter = pikepdf.Name.FlateDecode
        page.Contents = document.make_indirect(bomb)
        out = BytesIO()
        document.save(out, compress_streams=False)
    hostile = out.getvalue()
    assert len(hostile) < 2 * len(pdf) + (1 << 20)
    comparison = compare_with_register(
        hostile, original=pdf, certificates=pdfsign.published_certificates()
    )
    assert comparison.outcome == ALTERED
    assert not _offline(hostile).ok
    page = open_untrusted(hostile).root["/Pages"]["/Kids"][0].get_object()
    with pytest.raises(PdfDecodeLimitError):
        page["/Contents"].get_object().data  # noqa: B018 - what the checks would decode

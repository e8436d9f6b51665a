from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from certificates.archival import make_archival
from certificates.credential import build_credential, status_entry
from certificates.models import CertificateTemplate, verify_url
from certificates.pdf import render_certificate
from certificates.pdfsign import sign_pdf
from certificates.samples import sample_certificate_data, sample_template
from certificates.statement import sign_statement


class Command(BaseCommand):
    help = (
        "Write a certificate with sample data as an issued one is made: the QR code with its "
        "signed statement, PDF/A-3b with the embedded credential, and the PDF signature. "
        "Where real keys are configured (production), the sample is signed with a one-off key "
        "and without the PDF signature, so that no sample ever verifies as ENSA's."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path)
        parser.add_argument("--template", type=int, help="id of a certificate template")

    def handle(self, *args, output: Path, template: int | None, **options):
        chosen = (
            CertificateTemplate.objects.get(pk=template)
            if template
            else CertificateTemplate.objects.filter(is_default=True).first()
        )
        template = chosen.frozen() if chosen else sample_template()
        data = sample_certificate_data(template=template, verify_url=verify_url("SAMPLE"))
        one_off = Ed25519PrivateKey.generate() if settings.CERTIFICATE_SIGNING_KEY else None
        data = replace(data, signed_payload=sign_statement(data, one_off))
        status_list, index = status_entry(data.serial)
        credential = build_credential(
            data,
            issued_at=timezone.now(),
            status_list=status_list,
            status_list_index=index,
            private_key=one_off,
        )
        pdf = make_archival(render_certificate(data), data=data, credential=credential)
        if not settings.CERTIFICATE_PDF_SIGNING_KEY:
            pdf = sign_pdf(pdf)
        output.write_bytes(pdf)
        if one_off or settings.CERTIFICATE_PDF_SIGNING_KEY:
            self.stdout.write(
                self.style.WARNING(
                    "Real keys are configured: the sample is signed with a one-off key and carries "
                    "no PDF signature."
                )
            )
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))

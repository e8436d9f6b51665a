from dataclasses import replace
from pathlib import Path

from django.core.management.base import BaseCommand

from certificates import signing
from certificates.models import CertificateTemplate, verify_url
from certificates.pdf import render_certificate
from certificates.samples import sample_certificate_data, sample_template


class Command(BaseCommand):
    help = "Write a certificate with sample data, as the admin preview shows it."

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path)
        parser.add_argument("--template", type=int, help="id of a certificate template")

    def handle(self, *args, output: Path, template: int | None, **options):
        chosen = (
            CertificateTemplate.objects.get(pk=template)
            if template
            else CertificateTemplate.objects.filter(is_default=True).first()
        )
        facts = chosen.facts() if chosen else sample_template()
        data = sample_certificate_data(template=facts, verify_url=verify_url("SAMPLE"))
        data = replace(data, signed_payload=signing.sign(signing.payload_of(data)))
        output.write_bytes(render_certificate(data))
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))

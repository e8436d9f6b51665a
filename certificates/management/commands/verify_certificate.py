from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certificates import signing
from certificates.offline import verify_pdf


class Command(BaseCommand):
    help = (
        "Verify a certificate PDF offline: its signed payload against ENSA's public key, "
        "and the printed text against the payload."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--public-key",
            type=Path,
            action="append",
            help="PEM file of a public key (repeat for older keys). Default: this server's key.",
        )
        parser.add_argument(
            "--qr", action="store_true", help="Read the payload from the QR code (needs zbarimg)."
        )

    def handle(self, *args, file: Path, public_key, qr: bool, **options):
        if not file.exists():
            raise CommandError(f"No such file: {file}")
        if public_key:
            keys = [signing.load_public_key(path.read_bytes()) for path in public_key]
        else:
            keys = [signing.signing_key().public_key()]
        result = verify_pdf(file.read_bytes(), keys, from_qr=qr)
        if result.payload is not None:
            p = result.payload
            self.stdout.write(f"Serial: {p.serial}")
            self.stdout.write(f"Name: {p.name_latin} / {p.name_arabic}")
            self.stdout.write(f"Course: {p.course_fr} / {p.course_ar}")
            self.stdout.write(f"Hours: {p.hours}  Completed: {p.date}  Key: {p.key_id}")
        if not result.ok:
            raise CommandError("NOT VERIFIED\n" + "\n".join(result.problems))
        self.stdout.write(self.style.SUCCESS("VERIFIED: signature valid and printed text matches."))

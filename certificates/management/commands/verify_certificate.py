from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from certificates import pdfsign, signing
from certificates.credential import published_public_keys
from certificates.offline import (
    PDF_MAGIC,
    Verification,
    verify_credential_text,
    verify_image,
    verify_pdf,
)

IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff")  # PNG, JPEG


class Command(BaseCommand):
    help = (
        "Verify a certificate offline, with ENSA's published certificate and public keys only: "
        "a PDF (its PDF signature, which must cover the whole file, and the signed Open Badges "
        "credential it embeds), a credential alone (--credential), or the signed statement of "
        "a QR code (--qr, from the PDF or from a photo or scan of the paper)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, nargs="?", help="The PDF, or a PNG/JPEG with --qr.")
        parser.add_argument(
            "--credential",
            type=Path,
            metavar="FILE",
            help="Check a credential alone: credential.json (as the verification page serves it) "
            "or a VC-JWT.",
        )
        parser.add_argument(
            "--qr",
            action="store_true",
            help="Also check the QR code's signed statement (needs zbarimg; pdftoppm for a PDF). "
            "A PNG or JPEG is always read this way.",
        )
        parser.add_argument(
            "--certificate",
            type=Path,
            action="append",
            metavar="PEM",
            help="ENSA's document-signing certificate, or its CA's (repeat for older ones). "
            "Default: this server's.",
        )
        parser.add_argument(
            "--public-key",
            type=Path,
            action="append",
            metavar="PEM",
            help="The register's Ed25519 public key (repeat for older keys). Default: this "
            "server's.",
        )
        parser.add_argument(
            "--status-list",
            type=Path,
            metavar="FILE",
            help="The status list credential (downloaded from the credential's "
            "statusListCredential URL), to tell whether it was revoked.",
        )

    def handle(self, *args, file, credential, qr, certificate, public_key, status_list, **options):
        if (file is None) == (credential is None):
            raise CommandError(_("Give a file to verify, or --credential FILE."))
        path = credential or file
        if not path.exists():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        keys = (
            [signing.load_public_key(p.read_bytes()) for p in public_key]
            if public_key
            else published_public_keys()
        )
        statuses = status_list.read_bytes() if status_list else None
        content = path.read_bytes()
        if credential is not None:
            result = verify_credential_text(content, public_keys=keys, status_list=statuses)
        elif content.startswith(IMAGE_MAGIC):
            result = verify_image(path, public_keys=keys)
        elif content.startswith(PDF_MAGIC):
            certificates = (
                [c for p in certificate for c in pdfsign.load_certificates(p.read_bytes())]
                if certificate
                else pdfsign.published_certificates()
            )
            result = verify_pdf(
                content, certificates=certificates, public_keys=keys, qr=qr, status_list=statuses
            )
        else:
            raise CommandError(
                _("%(path)s is neither a PDF nor a PNG or JPEG image.") % {"path": path}
            )
        self._report(result)
        if not result.ok:
            raise CommandError(
                _("NOT VERIFIED") + "\n" + "\n".join(f"- {p}" for p in result.problems)
            )
        self.stdout.write(
            self.style.SUCCESS(_("VERIFIED: %(what)s") % {"what": self._what(result)})
        )

    @staticmethod
    def _what(result: Verification) -> str:
        checked = []
        if result.signature is not None:
            checked.append(_("the PDF signature covers the whole file"))
        if result.credential is not None:
            checked.append(_("the Open Badges credential is signed by ENSA"))
        if result.statement is not None:
            checked.append(_("the QR code's statement is signed by ENSA"))
        return "; ".join(checked)

    def _report(self, result: Verification) -> None:
        write = self.stdout.write
        if result.serial:
            write(_("Serial number: %(serial)s") % {"serial": result.serial})
        signature = result.signature
        if signature is not None and signature.signer:
            write(
                _("PDF signed by: %(signer)s, on %(date)s")
                % {
                    "signer": signature.signer,
                    "date": signature.signed_at.isoformat() if signature.signed_at else "?",
                }
            )
        if result.credential:
            vc = result.credential
            subject = vc.get("credentialSubject") or {}
            names = [
                i.get("identityHash", "")
                for i in subject.get("identifier") or []
                if isinstance(i, dict)
            ]
            write(_("Credential: %(name)s") % {"name": vc.get("name", "")})
            write(_("Learner: %(names)s") % {"names": " / ".join(n for n in names if n)})
            write(
                _("Issued on: %(date)s; completed on: %(completed)s")
                % {"date": vc.get("validFrom", ""), "completed": subject.get("activityEndDate", "")}
            )
        statement = result.statement
        if statement is not None:
            write(
                _(
                    "QR code statement: %(serial)s, %(latin)s / %(arabic)s, course %(course)s, "
                    "%(hours)s hours, completed on %(date)s (key %(key)s)"
                )
                % {
                    "serial": statement.serial,
                    "latin": statement.name_latin,
                    "arabic": statement.name_arabic,
                    "course": statement.course_code,
                    "hours": statement.hours,
                    "date": statement.completion_date.isoformat(),
                    "key": statement.key_id,
                }
            )
            if result.signature is None:
                write(
                    _(
                        "Compare these facts with the paper: a copy that prints another name, "
                        "course, number of hours or date is forged."
                    )
                )

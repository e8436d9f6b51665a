"""Certificates issued before credentials existed get their entry in the revocation status
list of their year, found from their serial (ENSA-2026-000123 is index 123 of list 2026), as
issuing gives it now. Their credential itself is built when asked for (credential_for)."""

import re

from django.db import migrations

SERIAL = re.compile(r"ENSA-(\d{4})-(\d{6})")


def fill_status_list(apps, schema_editor):
    Certificate = apps.get_model("certificates", "Certificate")
    for certificate in Certificate.objects.filter(status_list__isnull=True).only("pk", "serial"):
        match = SERIAL.fullmatch(certificate.serial)
        if match is None:
            continue
        Certificate.objects.filter(pk=certificate.pk).update(
            status_list=int(match[1]), status_list_index=int(match[2])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0004_add_certificate_credential"),
    ]

    operations = [
        migrations.RunPython(fill_status_list, migrations.RunPython.noop),
    ]

"""Preview (default) or apply a file of people for a cohort: see the README, "Cohorts and imports"."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from courses.models import Cohort
from courses.services import ImportOutcome, ImportRefused, apply_import, preview_import


class Command(BaseCommand):
    help = "Preview an import of people into a cohort (CSV or XLSX); --apply applies it."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV or XLSX file, first row naming the columns")
        parser.add_argument("--cohort", type=int, required=True, help="id of the cohort")
        parser.add_argument("--apply", action="store_true", help="apply (otherwise only preview)")
        parser.add_argument(
            "--by", default="", help="e-mail address of the administrator responsible"
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="language of the invitation e-mails",
        )

    def handle(self, *args, file, cohort, apply, by, language, **options):
        found = Cohort.objects.select_related("course").filter(pk=cohort).first()
        if found is None:
            raise CommandError(f"No cohort with id {cohort}.")
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}") from error
        administrator = None
        if by:
            administrator = (
                get_user_model().objects.filter(email__iexact=by, is_active=True).first()
            )
            if administrator is None:
                raise CommandError(f"No active account with the address {by}.")
        preview = preview_import(cohort=found, data=data)
        for item in preview.rows:
            reasons = f" ({'; '.join(item.reasons)})" if item.reasons else ""
            self.stdout.write(
                f"{item.row.line}\t{item.row.email}\t{item.row.full_name_latin}\t"
                f"{item.row.full_name_arabic}\t{item.row.organisation}\t{item.outcome_label}{reasons}"
            )
        counts = ", ".join(
            f"{ImportOutcome(outcome).label}: {count}" for outcome, count in preview.counts.items()
        )
        self.stdout.write(counts)
        if preview.error:
            raise CommandError(preview.error)
        if not apply:
            if not preview.valid:
                raise CommandError("Some rows are invalid: nothing can be applied.")
            self.stdout.write("Preview only: nothing was written (add --apply to apply).")
            return
        try:
            result = apply_import(cohort=found, data=data, by=administrator, language=language)
        except ImportRefused as refusal:
            raise CommandError(refusal.message) from refusal
        self.stdout.write(
            self.style.SUCCESS(
                f"Applied: {result.enrolled} enrolled, {result.already_enrolled} already enrolled, "
                f"{result.invited} invited, {result.already_invited} already invited."
            )
        )

from django.core.management.base import BaseCommand, CommandError

from courses.notifications import REMINDER_DAYS, send_cohort_reminders


class Command(BaseCommand):
    help = (
        "E-mail the members of cohorts starting within the next days (once per cohort and "
        "learner; run it daily from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=REMINDER_DAYS,
            help="How many days ahead (default %(default)s).",
        )

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        sent = send_cohort_reminders(days=days)
        self.stdout.write(f"send_cohort_reminders: {sent} reminders")

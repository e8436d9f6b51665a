from django.core.management.base import BaseCommand

from courses.quizzes.tasks import finalise_overdue_attempts


class Command(BaseCommand):
    help = "Close quiz attempts whose deadline has passed (run it every minute from cron)."

    def handle(self, *args, **options):
        result = finalise_overdue_attempts.enqueue()
        self.stdout.write(f"finalise_overdue_attempts: {result.status}")

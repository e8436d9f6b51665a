from django.core.management.base import BaseCommand

from lms.notifications.services import send_pending


class Command(BaseCommand):
    help = "Send pending e-mails that are due: retries after a failure, and any whose task was lost (run it every 5 minutes from cron)."

    def handle(self, *args, **options):
        sent = send_pending()
        self.stdout.write(f"send_pending_notifications: {sent} sent")

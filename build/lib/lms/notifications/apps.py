from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "lms.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from lms import personal_data

        from .personal_data import anonymise_recipient, export_recipient

        personal_data.register("emails", export=export_recipient, anonymise=anonymise_recipient)

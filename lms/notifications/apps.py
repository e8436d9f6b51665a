from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from lms import personal_data


class NotificationsConfig(AppConfig):
    name = "lms.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # at call time: apps.py loads before the models
        from .personal_data import anonymise_recipient, export_recipient

        personal_data.register("emails", export=export_recipient, anonymise=anonymise_recipient)

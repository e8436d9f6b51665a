from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_roles(sender, **kwargs):
    from .services import ensure_roles

    ensure_roles()


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        post_migrate.connect(_ensure_roles, dispatch_uid="accounts-ensure-roles")

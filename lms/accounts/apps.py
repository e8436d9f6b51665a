from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig

from lms import navigation, personal_data


def _ensure_roles(sender, using="default", **kwargs):
    # at call time: apps.py loads before the models
    from lms.setup import create_permissions_of_every_app

    from .services import ensure_roles

    create_permissions_of_every_app(using=using)
    ensure_roles()


class AccountsConfig(AppConfig):
    default = True  # this module also holds the users admin's configuration
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        post_migrate.connect(_ensure_roles, sender=self, dispatch_uid="accounts-ensure-roles")

        # at call time: apps.py loads before the models
        from .personal_data import anonymise_account, export_account

        personal_data.register("account", export=export_account, anonymise=anonymise_account)

        navigation.register(
            "accounts:profile", label=_("My profile"), menu=navigation.MEMBER, order=90
        )


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with ENSA's rules on who may manage which account."""

    user_viewset = "lms.accounts.admin_views.UserViewSet"

    def ready(self):
        super().ready()
        # at call time: apps.py loads before the models
        from wagtail.permissions import register_permission_policy

        from .models import User
        from .permissions import AccountPermissionPolicy

        register_permission_policy(User, AccountPermissionPolicy(User))

"""The Wagtail user editor as ENSA administrators use it: people and their roles, never
superuser rights, another person's password or a group outside the three roles
(see permissions.py)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import account as wagtail_account
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction, RoleForm
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

from .forms import AccountNamesForm
from .models import User
from .permissions import (
    assignable_groups,
    may_act_on_account,
    may_grant_superuser,
    may_set_passwords_of_others,
)
from .roles import STAFF_ROLES, forget_roles

ACCOUNT_FIELDS = [
    "email",
    "full_name_latin",
    "full_name_arabic",
    "job_title",
    "organisation",
    "preferred_language",
]


class AccountFormMixin:
    """Offers only what `editor` may grant, and keeps what they may not see."""

    # Wagtail's form asks for first and last names; ENSA keeps full names in both scripts.
    first_name = None
    last_name = None

    def __init__(self, *args, editor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editor = editor
        if editor is None or not may_grant_superuser(editor):
            self.fields.pop("is_superuser", None)
        if editor is None or not may_set_passwords_of_others(editor):
            self.fields.pop("password1", None)
            self.fields.pop("password2", None)
        if "groups" in self.fields:
            self.fields["groups"].queryset = assignable_groups(editor)
            self.fields["groups"].help_text = _("The person's roles on the platform.")

    @property
    def password_enabled(self):
        return "password1" in self.fields

    def clean_groups(self):
        """Groups the editor may not assign stay as they were (they are not offered)."""
        chosen = set(self.cleaned_data.get("groups") or [])
        if self.instance.pk:
            allowed = set(assignable_groups(self.editor).values_list("pk", flat=True))
            chosen |= {group for group in self.instance.groups.all() if group.pk not in allowed}
        return list(chosen)

    def save(self, commit=True):
        user = super().save(commit=False)
        if user.pk is None and not self.password_enabled:
            # The person chooses their password through "forgotten password".
            user.set_unusable_password()
        groups = {group.name for group in self.cleaned_data.get("groups", [])}
        user.is_staff = user.is_superuser or bool(groups & set(STAFF_ROLES))
        if commit:
            user.save()
            self.save_m2m()
            forget_roles(user)
        return user


class AccountCreationForm(AccountFormMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = [*ACCOUNT_FIELDS, "is_superuser", "groups"]


class AccountEditForm(AccountFormMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = [*ACCOUNT_FIELDS, "is_active", "is_superuser", "groups"]


class EditorFormKwargsMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}


class CreateView(EditorFormKwargsMixin, wagtail_users.CreateView):
    pass


class EditView(EditorFormKwargsMixin, wagtail_users.EditView):
    def get_object(self, queryset=None):
        account = super().get_object(queryset)
        if not may_act_on_account(self.request.user, account, "change"):
            raise PermissionDenied
        return account


class UserViewSet(wagtail_users.UserViewSet):
    copy_view_enabled = False  # an account is one person's: there is nothing to copy
    add_view_class = CreateView
    edit_view_class = EditView
    create_template_name = "accounts/admin/user_create.html"
    edit_template_name = "accounts/admin/user_edit.html"

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm


# --- Bulk actions on the user listing -----------------------------------------------------


class AccountRoleForm(RoleForm):
    def __init__(self, *args, editor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = assignable_groups(editor)


class AssignRoleToAccountsBulkAction(AssignRoleBulkAction):
    """Wagtail's "assign role", offering the three roles and never touching a superuser."""

    form_class = AccountRoleForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}

    def check_perm(self, obj):
        return super().check_perm(obj) and may_act_on_account(self.request.user, obj)


class SetActiveStateOfAccountsBulkAction(SetActiveStateBulkAction):
    """Wagtail's "set active state", never deactivating a superuser for a non-superuser."""

    def check_perm(self, obj):
        return super().check_perm(obj) and may_act_on_account(self.request.user, obj)


# --- The Wagtail account page ------------------------------------------------------------


class NamesSettingsPanel(wagtail_account.BaseSettingsPanel):
    name = "names"
    title = _("Names")
    order = 100
    form_class = AccountNamesForm


class AccountView(wagtail_account.AccountView):
    """Wagtail's account page (lms/urls.py serves it at the same address) with ENSA's names
    panel instead of Wagtail's "name and e-mail" one."""

    def get_panels(self):
        return [
            NamesSettingsPanel(panel.request, panel.user, panel.profile)
            if isinstance(panel, wagtail_account.NameEmailSettingsPanel)
            else panel
            for panel in super().get_panels()
        ]

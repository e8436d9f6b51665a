"""The Wagtail user editor as ENSA administrators use it: people and their roles, never
superuser rights, another person's password or a group outside the three roles
(see permissions.py)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.views import account as wagtail_account
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction, RoleForm
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction
from wagtail.users.views.bulk_actions.user_bulk_action import UserBulkAction

from .forms import AccountNamesForm
from .models import Organisation, User
from .permissions import (
    assignable_groups,
    may_act_on_account,
    may_grant_superuser,
    may_manage_organisations,
    may_set_passwords_of_others,
)
from .roles import STAFF_ROLES, forget_roles
from .services import (
    OrganisationMergeError,
    confirm_memberships,
    confirm_organisations_of,
    merge_organisations,
    set_organisation_confirmed,
)

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
        if "organisation_confirmed" in self.fields and not (
            editor is not None and may_manage_organisations(editor)
        ):
            self.fields.pop("organisation_confirmed")
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
            if "organisation_confirmed" in self.changed_data:
                set_organisation_confirmed(
                    person=user, confirmed=user.organisation_confirmed, by=self.editor
                )
        return user


class AccountCreationForm(AccountFormMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = [*ACCOUNT_FIELDS, "is_superuser", "groups"]


class AccountEditForm(AccountFormMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = [*ACCOUNT_FIELDS, "organisation_confirmed", "is_active", "is_superuser", "groups"]


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


# --- Organisations ------------------------------------------------------------------------


def organisation_label(organisation: Organisation, paths: dict[int, str] | None = None) -> str:
    """ "Ministry › Directorate": the organisation under its parents, in the admin's language."""
    if paths is not None and organisation.pk in paths:
        return paths[organisation.pk]
    names, seen, current = [], set(), organisation
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        names.append(current.display_name())
        current = current.parent
    return " › ".join(reversed(names))


def organisation_paths() -> dict[int, str]:
    """Every organisation's label with its parents, from one query."""
    rows = {
        org.pk: org for org in Organisation.objects.only("pk", "parent_id", "name_fr", "name_ar")
    }
    paths = {}
    for pk, org in rows.items():
        names, seen, current = [], set(), org
        while current is not None and current.pk not in seen:
            seen.add(current.pk)
            names.append(current.display_name())
            current = rows.get(current.parent_id)
        paths[pk] = " › ".join(reversed(names))
    return paths


class OrganisationPathChoiceField(forms.ModelChoiceField):
    def __deepcopy__(self, memo):
        field = super().__deepcopy__(memo)
        field.__dict__.pop("paths", None)  # each form reads the tree afresh
        return field

    @cached_property
    def paths(self) -> dict[int, str]:
        return organisation_paths()

    def label_from_instance(self, obj):
        return organisation_label(obj, self.paths)


class OrganisationForm(WagtailAdminModelForm):
    """Name in French required, slug unique, a parent never the organisation itself nor below
    it (Organisation.clean)."""

    class Meta:
        model = Organisation
        fields = ["name_fr", "name_ar", "kind", "parent", "slug", "is_partner"]
        field_classes = {"parent": OrganisationPathChoiceField}
        widgets = {
            "name_fr": forms.TextInput(attrs={"dir": "ltr", "lang": "fr"}),
            "name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Organisation.objects.order_by("name_fr")


class OrganisationIndexView(generic.IndexView):
    def get_base_queryset(self):
        # Parents three levels up come with the row (ministry › directorate › service).
        return super().get_base_queryset().with_counts().select_related("parent__parent__parent")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            ListingMenuItem(
                _("Members"),
                url=reverse("organisations:members", args=[instance.pk]),
                icon_name="user",
                priority=5,
            )
        )
        buttons.append(
            ListingMenuItem(
                _("Merge into…"),
                url=reverse("organisations:merge", args=[instance.pk]),
                icon_name="resubmit",
                priority=6,
            )
        )
        return buttons


class OrganisationDeleteView(generic.DeleteView):
    """An organisation that people belong to, or that has parts, is merged, never deleted."""

    def refusal(self):
        members, children = self.object.members.count(), self.object.children.count()
        if not members and not children:
            return None
        messages.error(
            self.request,
            _(
                "“%(organisation)s” cannot be deleted: %(members)d people belong to it and "
                "%(children)d organisations are part of it. Merge it into another organisation "
                "instead: they will all move there."
            )
            % {"organisation": self.object, "members": members, "children": children},
        )
        return redirect("organisations:merge", self.object.pk)

    def get(self, request, *args, **kwargs):
        return self.refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refusal() or super().post(request, *args, **kwargs)


class OrganisationAdminView(WagtailAdminTemplateMixin, TemplateView):
    """Views about one organisation: administrators only, asked before the id is looked up."""

    header_icon = "site"

    def dispatch(self, request, *args, **kwargs):
        if not may_manage_organisations(request.user):
            raise PermissionDenied
        self.organisation = get_object_or_404(Organisation, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.organisation)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)


class MergeForm(forms.Form):
    target = OrganisationPathChoiceField(
        label=_("Merge into"),
        queryset=Organisation.objects.none(),
        help_text=_("Its members, its parts and every record pointing at it move there."),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, source: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Organisation.objects.exclude(
            pk__in=Organisation.objects.branch_ids(source)
        ).order_by("name_fr")


class MergeOrganisationView(OrganisationAdminView):
    page_title = _("Merge organisation")
    template_name = "accounts/admin/organisation_merge.html"
    confirm_template_name = "accounts/admin/organisation_merge_confirm.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(
            self.get_context_data(form=MergeForm(source=self.organisation))
        )

    def post(self, request, *args, **kwargs):
        form = MergeForm(request.POST, source=self.organisation)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        target = form.cleaned_data["target"]
        if not form.cleaned_data["confirmed"]:
            confirm = MergeForm(
                initial={"target": target, "confirmed": True}, source=self.organisation
            )
            context = self.get_context_data(
                form=confirm,
                target=target,
                member_count=self.organisation.members.count(),
                child_count=self.organisation.children.count(),
            )
            return TemplateResponse(request, self.confirm_template_name, context)
        try:
            result = merge_organisations(source=self.organisation, target=target, by=request.user)
        except OrganisationMergeError as error:
            form.add_error("target", str(error))
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            request,
            _(
                "“%(source)s” was merged into “%(target)s”: %(members)d people and %(children)d organisations moved."
            )
            % {
                "source": self.organisation,
                "target": target,
                "members": result.members,
                "children": result.children,
            },
        )
        return redirect("organisations:index")


class OrganisationMembersView(OrganisationAdminView):
    page_title = _("Members")
    template_name = "accounts/admin/organisation_members.html"

    def get_context_data(self, **kwargs):
        members = list(
            self.organisation.members.order_by("full_name_latin", "email").only(
                "pk", "email", "full_name_latin", "full_name_arabic", "organisation_confirmed"
            )
        )
        language = get_language() or "fr"
        for person in members:
            person.shown_name = person.name_for(language)
        return super().get_context_data(members=members, **kwargs)

    def post(self, request, *args, **kwargs):
        people = self.organisation.members.all()
        if "all" not in request.POST:
            ids = [value for value in request.POST.getlist("person") if value.isdigit()]
            people = people.filter(pk__in=ids)
        if not people.exists():
            messages.error(request, _("Choose the people whose organisation you confirm."))
            return redirect("organisations:members", self.organisation.pk)
        count = confirm_memberships(organisation=self.organisation, people=people, by=request.user)
        messages.success(
            request,
            ngettext("%(count)d membership confirmed.", "%(count)d memberships confirmed.", count)
            % {"count": count},
        )
        return redirect("organisations:members", self.organisation.pk)


class ConfirmOrganisationsBulkAction(UserBulkAction):
    """Confirm the organisation each selected person declared (administrators only)."""

    display_name = _("Confirm organisation")
    action_type = "confirm_organisation"
    aria_label = _("Confirm the organisation of the selected people")
    template_name = "accounts/admin/confirm_bulk_organisations.html"
    action_priority = 30

    def check_perm(self, obj):
        user = self.request.user
        return may_manage_organisations(user) and may_act_on_account(user, obj)

    def get_execution_context(self):
        return {"by": self.request.user}

    @classmethod
    def execute_action(cls, objects, by=None, **kwargs):
        return confirm_organisations_of(people=objects, by=by), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d membership confirmed.",
            "%(count)d memberships confirmed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}

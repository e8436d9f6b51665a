from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from content.permissions import LIBRARY, is_trainers_upload_space


class HandbookPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        editions = self.formsets.get("editions")
        if editions is None:
            return cleaned_data
        if not editions.is_valid():
            return cleaned_data
        kept = [
            form
            for form in editions.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        for form in kept:
            document = form.cleaned_data.get("document")
            if document is not None and is_trainers_upload_space(document.collection):
                form.add_error(
                    "document",
                    ValidationError(
                        _(
                            "This file is in the collection “%(collection)s”, where trainers "
                            "may replace the files they uploaded. Move it to the collection "
                            "“%(library)s” first."
                        )
                        % {"collection": document.collection.name, "library": LIBRARY},
                        code="handbook_file_in_trainers_collection",
                    ),
                )
        current = [form for form in kept if form.cleaned_data.get("is_current")]
        if kept and len(current) != 1:
            raise ValidationError(
                _("Exactly one edition must be marked as the current edition."),
                code="one_current_edition",
            )
        return cleaned_data

"""Every field of our models carries a name written for people and passed through gettext: the
admin, filters, exports and error messages show it in French and Arabic, never "question_key"."""

from django.apps import apps
from django.utils.functional import Promise

OUR_APPS = ("lms", "content", "courses", "certificates", "reports", "demo")


def our_models():
    for model in apps.get_models():
        if model.__module__.split(".")[0] in OUR_APPS:
            yield model


def borrowed_fields(model) -> set[str]:
    """Fields that an abstract class from Wagtail declares (Orderable's sort_order,
    TranslatableMixin's translation_key...): named by Wagtail, not by us."""
    return {
        field.name
        for base in model.__mro__[1:]
        if getattr(getattr(base, "_meta", None), "abstract", False)
        and base.__module__.split(".")[0] not in OUR_APPS
        for field in base._meta.local_fields
    }


def untranslated_fields() -> list[str]:
    found = []
    for model in our_models():
        for field in model._meta.get_fields(include_parents=False):
            if not field.concrete or field.auto_created:
                continue
            if field.model is not model or field.name in borrowed_fields(model):
                continue
            if not isinstance(field.verbose_name, Promise):
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_every_field_of_our_models_has_a_translated_name():
    assert untranslated_fields() == []


def test_the_check_sees_our_models_and_their_fields():
    labels = {model._meta.label for model in our_models()}
    assert {
        "quizzes.RegradeLog",
        "content.HandbookSearchEntry",
        "certificates.Certificate",
    } <= labels

"""Courses that asked for automatic certificates (`CoursePage.auto_issue_certificate`, which
trainers could tick) keep doing so through certificate settings, before courses drops the field.

The settings state the course's current titles and hours: administrators should review them
(admin → Certificate settings)."""

from django.conf import settings
from django.db import migrations


def _default_locale(Locale):
    language = settings.LANGUAGE_CODE
    return (
        Locale.objects.filter(language_code=language).first()
        or Locale.objects.filter(language_code__startswith=language.split("-")[0]).first()
    )


def copy_auto_issue(apps, schema_editor):
    CoursePage = apps.get_model("courses", "CoursePage")
    CourseCertification = apps.get_model("certificates", "CourseCertification")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = _default_locale(Locale)
    arabic = Locale.objects.filter(language_code="ar").first()
    for page in CoursePage.objects.filter(auto_issue_certificate=True).order_by("pk"):
        course = page
        if default is not None and page.locale_id != default.pk:
            course = (
                CoursePage.objects.filter(translation_key=page.translation_key, locale=default).first()
                or page
            )
        translated = (
            CoursePage.objects.filter(translation_key=course.translation_key, locale=arabic).first()
            if arabic is not None
            else None
        )
        CourseCertification.objects.update_or_create(
            course=course,
            defaults={"auto_issue": True},
            create_defaults={
                "auto_issue": True,
                "title_fr": course.title,
                "title_ar": translated.title if translated else course.title,
                "hours": course.duration_hours,
            },
        )


def copy_back(apps, schema_editor):
    CoursePage = apps.get_model("courses", "CoursePage")
    CourseCertification = apps.get_model("certificates", "CourseCertification")
    courses = CourseCertification.objects.filter(auto_issue=True).values("course_id")
    CoursePage.objects.filter(pk__in=courses).update(auto_issue_certificate=True)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_add_course_certification"),
        ("courses", "0002_lesson_body_handbook_block"),
    ]
    # The field is read here: copy it before courses removes it.
    run_before = [("courses", "0003_remove_coursepage_auto_issue_certificate")]

    operations = [migrations.RunPython(copy_auto_issue, copy_back)]

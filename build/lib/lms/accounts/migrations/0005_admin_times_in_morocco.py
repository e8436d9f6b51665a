"""The admin shows times in Morocco's time zone only (WAGTAIL_USER_TIME_ZONES): forget a time
zone someone chose in their account settings before, so that nobody reads UTC times."""

from django.db import migrations


def forget_chosen_time_zones(apps, schema_editor):
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    UserProfile.objects.exclude(current_time_zone="").update(current_time_zone="")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_person_name_validators"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(forget_chosen_time_zones, migrations.RunPython.noop)]

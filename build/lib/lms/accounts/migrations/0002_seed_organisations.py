from django.db import migrations

LEAD_MINISTRY = (
    "mdcmre",
    "Ministère délégué chargé des Marocains résidant à l'étranger",
    "الوزارة المنتدبة المكلفة بالمغاربة المقيمين بالخارج",
)
SCHOOL = (
    "ensa",
    "École Nationale Supérieure de l'Administration",
    "المدرسة الوطنية العليا للإدارة",
)
MUNICIPALITIES = [
    ("beni-mellal", "Commune de Beni Mellal", "جماعة بني ملال"),
    ("casablanca", "Commune de Casablanca", "جماعة الدار البيضاء"),
    ("fes", "Commune de Fès", "جماعة فاس"),
    ("marrakech", "Commune de Marrakech", "جماعة مراكش"),
    ("nador", "Commune de Nador", "جماعة الناظور"),
    ("oujda", "Commune d'Oujda", "جماعة وجدة"),
    ("rabat", "Commune de Rabat", "جماعة الرباط"),
    ("sale", "Commune de Salé", "جماعة سلا"),
    ("tanger", "Commune de Tanger", "جماعة طنجة"),
    ("tiznit", "Commune de Tiznit", "جماعة تيزنيت"),
]


def seed(apps, schema_editor):
    Organisation = apps.get_model("accounts", "Organisation")

    def upsert(slug, name_fr, name_ar, kind, partner):
        Organisation.objects.update_or_create(
            slug=slug,
            defaults={"name_fr": name_fr, "name_ar": name_ar, "kind": kind, "is_partner": partner},
        )

    upsert(*LEAD_MINISTRY, "ministry", True)
    upsert(*SCHOOL, "school", True)
    for slug, name_fr, name_ar in MUNICIPALITIES:
        upsert(slug, name_fr, name_ar, "municipality", True)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

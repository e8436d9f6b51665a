from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0005_fill_certificate_status_list"),
    ]

    operations = [
        migrations.RenameField(
            model_name="templateversion",
            old_name="facts",
            new_name="content",
        ),
        migrations.AlterField(
            model_name="templateversion",
            name="content",
            field=models.JSONField(verbose_name="wording, signatories and images"),
        ),
    ]

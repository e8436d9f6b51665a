"""Wagtail's default groups ("Moderators", "Editors") may edit and publish every page and
approve the default moderation workflow. ENSA has three roles only (lms/accounts/roles.py):
remove those groups and switch off the workflow that named them."""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    groups = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS)
    tasks = GroupApprovalTask.objects.filter(groups__in=groups).values_list("pk", flat=True)
    Task.objects.filter(pk__in=list(tasks)).update(active=False)
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
    groups.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_seed_organisations"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]

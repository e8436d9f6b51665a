"""The admin hooks of accounts: how the audit log tells a merge, and the reports kept for
administrators."""

import pytest
from django.urls import reverse

from lms.accounts.services import merge_organisations
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def test_the_history_of_the_target_names_the_merged_organisation(client, source, target):
    learner(organisation=source)
    admin = administrator()
    merge_organisations(source=source, target=target, by=admin)
    client.force_login(admin)
    html = client.get(reverse("organisations:history", args=[target.pk])).content.decode()
    assert "Commune-Doublon" in html


def test_a_merge_is_told_with_the_name_in_the_admins_language_or_plainly_without_one():
    from types import SimpleNamespace

    from django.utils import translation

    from lms.accounts.wagtail_hooks import MergeFormatter

    entry = SimpleNamespace(
        data={
            "source": {"name_fr": "Commune doublon", "name_ar": "جماعة مكررة"},
            "members": 3,
            "children": 1,
        }
    )
    with translation.override("ar"):
        arabic = MergeFormatter().format_message(entry)
    with translation.override("fr"):
        french = MergeFormatter().format_message(entry)
        nameless = MergeFormatter().format_message(SimpleNamespace(data={}))
        plain = translation.gettext("Organisation merged into this one")

    assert "جماعة مكررة" in arabic and "Commune doublon" not in arabic
    assert "Commune doublon" in french and "3" in french
    assert nameless == plain


def test_the_reports_about_everybody_leave_the_menu_of_whoever_is_not_an_administrator(rf):
    from types import SimpleNamespace

    from lms.accounts.wagtail_hooks import ADMINISTRATOR_REPORTS, hide_administrator_reports

    everybody = reverse(ADMINISTRATOR_REPORTS[0])
    own = "/admin/reports/locked/"

    def menu_for(person) -> list[str]:
        request = rf.get("/admin/")
        request.user = person
        items = [SimpleNamespace(url=everybody), SimpleNamespace(url=own)]
        hide_administrator_reports(request, items)
        return [item.url for item in items]

    assert menu_for(trainer()) == [own]
    assert menu_for(administrator()) == [everybody, own]

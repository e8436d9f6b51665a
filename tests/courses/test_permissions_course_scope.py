"""A trainer works in the courses that list them, and nowhere else (courses/permissions.py,
the page permission policy): editing, the explorer, moves, copies, search, the page chooser
and the reports keep them there. The guards of translations are in
test_admin_views_translations.py."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from tests.factories.courses import build_course
from tests.factories.users import administrator, trainer

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail answers a forbidden admin view with a 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


# --- Moves, copies, search and reports ------------------------------------------------


def test_a_trainer_cannot_move_their_lesson_into_another_trainers_course(client, two_trainers):
    own, mine, _other, theirs = two_trainers
    lesson, destination = mine.lessons[0], theirs.modules[0]
    lesson.owner = own  # they wrote it: Wagtail lets owners move their pages
    lesson.slug = "lecon-du-formateur"  # no clash with the destination's lessons
    lesson.save(update_fields=["owner", "slug"])
    client.force_login(own)
    url = reverse("wagtailadmin_pages:move_confirm", args=[lesson.pk, destination.pk])
    for response in (client.get(url), client.post(url)):
        # Wagtail sends the person back to the destination chooser, or refuses outright.
        assert response.status_code in (302, 403) and not response.get("Location", "").endswith(
            reverse("wagtailadmin_explore", args=[destination.pk])
        )
    lesson.refresh_from_db()
    assert lesson.get_parent().pk == mine.modules[0].pk
    assert not destination.get_children().filter(pk=lesson.pk).exists()


def test_a_trainer_moves_a_lesson_between_modules_of_their_own_course(client, two_trainers):
    own, mine, _other, _theirs = two_trainers
    lesson, destination = mine.lessons[0], mine.modules[1]
    client.force_login(own)
    url = reverse("wagtailadmin_pages:move_confirm", args=[lesson.pk, destination.pk])
    assert client.post(url).status_code == 302
    assert Page.objects.get(pk=lesson.pk).get_parent().pk == destination.pk


def test_a_trainer_cannot_copy_another_trainers_course_or_copy_into_it(client, two_trainers):
    own, mine, _other, theirs = two_trainers
    client.force_login(own)
    assert refused(client.get(reverse("wagtailadmin_pages:copy", args=[theirs.course.pk])))
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[mine.lessons[0].pk]),
        {"new_title": "Copie", "new_slug": "copie", "new_parent_page": theirs.modules[0].pk},
    )
    assert response.status_code in (200, 302, 403)
    assert not LessonPage.objects.child_of(theirs.modules[0]).filter(slug="copie").exists()


def test_a_trainer_cannot_edit_publish_or_unpublish_the_catalogue(client, site):
    client.force_login(trainer())
    catalogue = site["fr"]
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[catalogue.pk])))
    assert refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[catalogue.pk])))
    catalogue.refresh_from_db()
    assert catalogue.live


def test_admin_search_and_page_chooser_hide_another_trainers_drafts(client, site):
    own, other = trainer(), trainer()
    build_course(trainers=[own], title="Brouillon du formateur", live=False)
    build_course(trainers=[other], title="Brouillon secret du collègue", live=False)
    build_course(trainers=[other], title="Cours publié du collègue")
    client.force_login(own)
    pages = [
        client.get(reverse("wagtailadmin_pages:search"), {"q": "Brouillon"}),
        client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Brouillon"}),
        client.get(reverse("wagtailadmin_choose_page_child", args=[site["fr"].pk])),
    ]
    contents = []
    for response in pages:
        assert response.status_code == 200
        is_json = response["Content-Type"].startswith("application/json")
        contents.append(response.json()["html"] if is_json else response.content.decode())
    assert all("Brouillon secret du collègue" not in content for content in contents)
    assert "Brouillon du formateur" in contents[0]
    # Published pages stay choosable, to link to them.
    assert "Cours publié du collègue" in contents[2]


def test_the_aging_pages_report_lists_only_the_trainers_own_courses(client, two_trainers):
    own, mine, _other, theirs = two_trainers
    client.force_login(own)
    response = client.get(reverse("wagtailadmin_reports:aging_pages"))
    assert response.status_code == 200
    content = response.content.decode()
    assert mine.course.title in content
    assert theirs.course.title not in content


@pytest.mark.parametrize(
    "report",
    [
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:site_history_results",
        "wagtailadmin_reports:page_types_usage",
        "wagtail_localize:translations_report",
    ],
)
def test_site_wide_reports_are_for_administrators(client, two_trainers, report):
    own, *_ = two_trainers
    client.force_login(own)
    assert refused(client.get(reverse(report)))
    client.force_login(administrator())
    assert client.get(reverse(report)).status_code == 200


def test_the_reports_menu_of_a_trainer_lists_no_site_wide_report(client, two_trainers):
    own, *_ = two_trainers
    client.force_login(own)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:site_history") not in content
    assert reverse("wagtailadmin_reports:aging_pages") in content


def test_a_trainer_removed_from_the_french_course_loses_its_arabic_pages_too(client, site):
    """A translation's list of trainers is only as fresh as its last synchronisation."""
    former = trainer()
    tree = build_course(trainers=[former], arabic=True)
    arabic = CoursePage.objects.get(pk=tree.course_ar.pk)
    arabic.trainers.add(former)  # a stale Arabic copy
    arabic.trainers.commit()
    tree.course.trainers.clear()
    tree.course.trainers.commit()
    client.force_login(former)
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[tree.course_ar.pk])))
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[tree.lessons_ar[0].pk])))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


# --- Course ownership -------------------------------------------------------------------


def test_trainer_cannot_open_the_edit_view_of_another_trainers_course(site, client):
    owner, other = trainer(), trainer()
    tree = build_course(trainers=[owner])
    client.force_login(other)
    assert refused(client.get(edit_url(tree.course)))
    assert refused(client.get(edit_url(tree.lessons[0])))


def test_trainer_can_edit_their_own_course(site, client):
    owner = trainer()
    tree = build_course(trainers=[owner])
    client.force_login(owner)
    assert client.get(edit_url(tree.course)).status_code == 200
    assert client.get(edit_url(tree.lessons[0])).status_code == 200


def test_trainer_sees_only_their_own_courses_in_the_explorer(site, client):
    owner = trainer()
    own = build_course(trainers=[owner], title="Cours du formateur")
    others = build_course(trainers=[trainer()], title="Cours du collègue")
    client.force_login(owner)
    response = client.get(reverse("wagtailadmin_explore", args=[site["fr"].pk]))
    assert response.status_code == 200
    assert own.course.title in response.content.decode()
    assert others.course.title not in response.content.decode()


def test_administrator_sees_every_course_in_the_explorer(site, client):
    first = build_course(trainers=[trainer()], title="Premier cours")
    second = build_course(trainers=[trainer()], title="Second cours")
    client.force_login(administrator())
    content = client.get(reverse("wagtailadmin_explore", args=[site["fr"].pk])).content.decode()
    assert first.course.title in content and second.course.title in content

"""Who may do what with courses: one place, asked by views, viewsets, hooks and services.

Trainers hold no page permission through their group. They may create a course in a
catalogue (`CataloguePermissionTester`), and inside courses their rights come only from the
courses that list them (in every language): add, change and publish there, nothing in
anybody else's course. `CoursePagePermissionPolicy`, registered for every page in
wagtail_hooks.py, gives Wagtail those rights wherever it asks: the explorer, search, the
page chooser, reports, site history, moving and copying pages, and translations.
ENSA administrators and superusers hold their rights through their group, unrestricted.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.db.models import QuerySet
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from lms.accounts.api import is_administrator, is_staff_member, is_trainer
from lms.locales import default_locale

# What the trainers of a course may do with its pages.
COURSE_PAGE_ACTIONS = ("add", "change", "publish")
# What trainers may do on a catalogue page: create a course (which then lists them).
CATALOGUE_PAGE_ACTIONS = ("add",)


def restricted_to_own_courses(user) -> bool:
    """Trainers (who are not also administrators) act on the courses that list them only."""
    return (
        user.is_authenticated
        and not user.is_superuser
        and is_trainer(user)
        and not is_administrator(user)
    )


def manages_all_courses(user) -> bool:
    return user.is_authenticated and (user.is_superuser or is_administrator(user))


def taught_courses(user):
    """The course pages, in every language, whose French (default) page lists `user` (or
    whose own list does, for a course that has no French page). A translation's copy of
    the list is never trusted: it is only as fresh as the last synchronisation."""
    # at call time: courses.models imports this module (cycle)
    from .models import CoursePage

    default = default_locale()
    default_keys = CoursePage.objects.filter(locale=default).values("translation_key")
    listing = CoursePage.objects.filter(trainers=user)
    canonical = listing.filter(locale=default) | listing.exclude(translation_key__in=default_keys)
    return CoursePage.objects.filter(translation_key__in=canonical.values("translation_key"))


def teaches(user, course) -> bool:
    """Does the course (in any language) list `user` among its trainers?"""
    if course is None or not user.is_authenticated:
        return False
    return taught_courses(user).filter(pk=course.pk).exists()


def course_of(page):
    """The course a page belongs to (itself for a course page), or None."""
    # at call time: courses.models imports this module (cycle)
    from .models import CoursePage

    if isinstance(page, CoursePage):
        return page
    return CoursePage.objects.ancestor_of(page, inclusive=True).first()


def may_read_lessons(user, *, enrolled: bool) -> bool:
    """The body of a course's lessons (and the files they cite) is for its current learners
    and for the staff: trainers and administrators."""
    return enrolled or is_staff_member(user)


def may_follow_progress(user, course=None) -> bool:
    """Administrators follow every course; trainers only the courses they teach."""
    if manages_all_courses(user):
        return True
    if not user.is_authenticated or not is_trainer(user):
        return False
    return course is None or teaches(user, course)


def followed_courses(user) -> QuerySet:
    """The default-locale courses whose progress `user` may follow."""
    # at call time: courses.admin_forms imports the models, which import this module (cycle)
    from .admin_forms import default_locale_courses

    courses = default_locale_courses()
    if manages_all_courses(user):
        return courses
    return courses.filter(pk__in=taught_courses(user).values("pk"))


def may_enrol_others(user) -> bool:
    return user.is_authenticated and user.has_perm("courses.add_enrolment")


def may_translate(user, page) -> bool:
    """May `user` create or synchronise translations of `page`?"""
    if not user.is_authenticated or not user.has_perm("wagtail_localize.submit_translation"):
        return False
    if not restricted_to_own_courses(user):
        return True
    course = course_of(page)
    return course is not None and teaches(user, course)


@dataclass(frozen=True)
class CourseGrant:
    """A page permission a trainer holds on a course that lists them. Not stored: it follows
    the course's list of trainers. Shaped like Wagtail's GroupPagePermission where Wagtail
    reads one (page, permission)."""

    page: Page
    permission: Permission

    @property
    def page_id(self) -> int:
        return self.page.pk

    @property
    def permission_id(self) -> int:
        return self.permission.pk


def _course_grants(user) -> list[CourseGrant]:
    """The page permissions `user` holds on every course they teach, in every language."""
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore",
            codename__in=[f"{action}_page" for action in COURSE_PAGE_ACTIONS],
        )
    )
    return [
        CourseGrant(page=course, permission=permission)
        for course in taught_courses(user).only("pk", "path", "depth")
        for permission in permissions
    ]


def _catalogues():
    # at call time: courses.models imports this module (cycle)
    from .models import CatalogPage

    return CatalogPage.objects.all()


class CoursePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, plus what trainers hold: rights on the courses that list
    them, and leave to create a course in a catalogue (CataloguePermissionTester)."""

    def get_all_permissions_for_user(self, user):
        permissions = super().get_all_permissions_for_user(user)
        if not restricted_to_own_courses(user):
            return permissions
        return [*permissions, *_course_grants(user)]

    def user_has_any_permission(self, user, actions):
        if restricted_to_own_courses(user) and set(actions) & set(CATALOGUE_PAGE_ACTIONS):
            return True  # they may create a course, even before they teach one
        return super().user_has_any_permission(user, actions)

    def instances_with_direct_explore_permission(self, user):
        pages = super().instances_with_direct_explore_permission(user)
        if restricted_to_own_courses(user):
            pages = [*pages, *_catalogues()]
        return pages

    def explorable_instances(self, user):
        if not restricted_to_own_courses(user):
            return super().explorable_instances(user)
        pages = Page.objects.none()
        for anchor in [*_catalogues(), *taught_courses(user)]:
            pages |= Page.objects.ancestor_of(anchor, inclusive=True).filter(depth__gt=1)
        return pages | self.instances_user_has_any_permission_for(
            user, {"add", "change", "publish"}
        )


class CataloguePermissionTester(PagePermissionTester):
    """A catalogue page: trainers may create a course in it, which then lists them."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and restricted_to_own_courses(user):
            self.permissions = self.permissions | set(CATALOGUE_PAGE_ACTIONS)

"""Who may do what with courses: one place, asked by views, viewsets, hooks and services.

Trainers hold one page permission through their group: "add" on each catalogue, so that
they can create a course. Inside courses, a trainer's rights come only from the courses that
list them (in every language): add, change and publish there, nothing in anybody else's
course. `CoursePagePermissionPolicy` (registered for every page in wagtail_hooks.py) and
`CoursePagePermissionTester` apply this everywhere Wagtail asks: the explorer, search, the
page chooser, reports, site history, moving and copying pages, and translations.
ENSA administrators and superusers are not restricted.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from lms.accounts.roles import is_administrator, is_staff_member, is_trainer

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
    """The course pages, in every language, whose French (default) page lists `user`."""
    from .models import CoursePage  # models import this module for the page tester

    taught = CoursePage.objects.filter(trainers=user).values("translation_key")
    return CoursePage.objects.filter(translation_key__in=taught)


def teaches(user, course) -> bool:
    """Does the course (in any language) list `user` among its trainers?"""
    if course is None or not user.is_authenticated:
        return False
    return taught_courses(user).filter(pk=course.pk).exists()


def course_of(page):
    """The course a page belongs to (itself for a course page), or None."""
    from .models import CoursePage

    if isinstance(page, CoursePage):
        return page
    return CoursePage.objects.ancestor_of(page, inclusive=True).first()


def others_courses_condition(user) -> Q | None:
    """Pages inside courses (in any language) that `user` does not teach; None if there are none."""
    from .models import CoursePage

    paths = list(
        CoursePage.objects.exclude(pk__in=taught_courses(user).values("pk")).values_list(
            "path", flat=True
        )
    )
    if not paths:
        return None
    return reduce(or_, (Q(path__startswith=path) for path in paths))


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


def followed_courses(user):
    """The default-locale courses whose progress `user` may follow."""
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


def _course_grants(user) -> list[GroupPagePermission]:
    """Unsaved page permissions on every course `user` teaches, in every language."""
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore",
            codename__in=[f"{action}_page" for action in COURSE_PAGE_ACTIONS],
        )
    )
    return [
        GroupPagePermission(page=course, permission=permission)
        for course in taught_courses(user).only("pk", "path", "depth")
        for permission in permissions
    ]


def _applies_within_course(permission, page, course) -> bool:
    """A trainer's permission counts on a page of a course only when given on that course
    or below: the catalogue's "add" lets them create a course, not add to someone else's."""
    return page.path.startswith(permission.page.path) and permission.page.depth >= course.depth


class CoursePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, with the rights of trainers confined to their courses."""

    def get_all_permissions_for_user(self, user):
        permissions = super().get_all_permissions_for_user(user)
        if not restricted_to_own_courses(user):
            return permissions
        return [*permissions, *_course_grants(user)]

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if restricted_to_own_courses(user) and (course := course_of(instance)) is not None:
            return bool(set(actions) & actions_within_course(self, user, instance, course))
        return super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        pages = super().instances_user_has_any_permission_for(user, actions)
        if restricted_to_own_courses(user) and (condition := others_courses_condition(user)):
            pages = pages.exclude(condition)
        return pages


def actions_within_course(policy, user, page, course) -> set[str]:
    """The page actions (add, change, publish...) a restricted trainer holds on a course page."""
    return {
        permission.permission.codename.rsplit("_", maxsplit=1)[0]
        for permission in policy.get_cached_permissions_for_user(user)
        if _applies_within_course(permission, page, course)
    }


class CoursePagePermissionTester(PagePermissionTester):
    """What a person may do with one page of a course (course, module, lesson, quiz)."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and restricted_to_own_courses(user):
            course = page.get_course()
            self.permissions = (
                actions_within_course(self.permission_policy, user, page, course)
                if course is not None
                else set()
            )

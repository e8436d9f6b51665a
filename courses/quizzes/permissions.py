"""Who may do what in quizzes: the one place that views, viewsets, forms and queries ask.

Question banks belong to courses. The model permissions of a person's groups say what they
may do with questions and categories; a trainer restricted to their own courses (see
`courses.permissions.restricted_to_own_courses`) may do it only with those of the courses
they teach, and the others do not exist for them. ENSA administrators and superusers are
not restricted.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from courses.api import CoursePage, restricted_to_own_courses, teaches
from lms.accounts.api import ADMINISTRATORS, TRAINERS, is_administrator

#: Any of these lets a person see a bank object (list it, choose it in a quiz).
SEE = ("add", "change", "delete", "view")


class CourseBankPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited for trainers to the objects of the courses they teach.

    For models with a `course` foreign key to the (default-locale) course page.
    """

    def _in_scope(self, user, instance) -> bool:
        return not restricted_to_own_courses(user) or teaches(user, instance.course)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_permission(user, action) and self._in_scope(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return self.user_has_any_permission(user, actions) and self._in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        instances = super().instances_user_has_any_permission_for(user, actions)
        if restricted_to_own_courses(user):
            instances = instances.filter(course__trainers=user)
        return instances

    def users_with_any_permission_for_instance(self, actions, instance) -> QuerySet:
        restricted_elsewhere = (
            get_user_model()
            .objects.filter(groups__name=TRAINERS, is_superuser=False)
            .exclude(groups__name=ADMINISTRATORS)
            .exclude(taught_courses=instance.course_id)
        )
        return self.users_with_any_permission(actions).exclude(pk__in=restricted_elsewhere)

    def in_scope_or_none(self, user, pk) -> object | None:
        """The object `pk` if the person may see it, else None (whether it exists or not)."""
        try:
            return self.instances_user_has_any_permission_for(user, SEE).filter(pk=pk).first()
        except (TypeError, ValueError):
            return None


question_permission_policy = CourseBankPermissionPolicy("quizzes.Question")
category_permission_policy = CourseBankPermissionPolicy("quizzes.QuestionCategory")


def bank_courses(user) -> QuerySet:
    """The courses (default-locale pages) under which `user` may file questions and categories."""
    courses = CoursePage.objects.filter(locale=Locale.get_default())
    if restricted_to_own_courses(user):
        courses = courses.filter(trainers=user)
    return courses


def can_manage(user, quiz) -> bool:
    """Trainers of the quiz's course, ENSA administrators and superusers see results and grade."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or is_administrator(user) or teaches(user, quiz.get_course())

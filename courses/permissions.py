"""Who may change which course pages in the Wagtail admin.

Trainers hold the page permissions of the catalogue through their group, but may
only act on the courses that list them as trainers. ENSA administrators and
superusers are not restricted.
"""

from wagtail.models import PagePermissionTester

from lms.accounts.roles import is_administrator, is_trainer


def teaches(user, course) -> bool:
    if course is None:
        return False
    from .models import canonical_page

    course_ids = {course.pk, canonical_page(course).pk}
    return user.taught_courses.filter(pk__in=course_ids).exists() or any(
        trainer.pk == user.pk for trainer in course.trainers.all()
    )


def restricted_to_own_courses(user) -> bool:
    return (
        user.is_authenticated
        and not user.is_superuser
        and is_trainer(user)
        and not is_administrator(user)
    )


class CoursePagePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self._own = None

    def _may_act(self) -> bool:
        if not restricted_to_own_courses(self.user):
            return True
        if self._own is None:
            self._own = teaches(self.user, self.page.get_course())
        return self._own

    def can_edit(self):
        return self._may_act() and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self._may_act() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_publish(self):
        return self._may_act() and super().can_publish()

    def can_unpublish(self):
        return self._may_act() and super().can_unpublish()

    def can_add_subpage(self):
        return self._may_act() and super().can_add_subpage()

    def can_publish_subpage(self):
        return self._may_act() and super().can_publish_subpage()

    def can_move(self):
        return self._may_act() and super().can_move()

    def can_lock(self):
        return self._may_act() and super().can_lock()

    def can_reorder_children(self):
        return self._may_act() and super().can_reorder_children()

from django.utils.translation import gettext_lazy as _


class EnrolmentError(Exception):
    """A refused enrolment operation; `message` is shown to the person as it is."""

    ALREADY_ENROLLED = "already_enrolled"
    FULL = "full"
    CLOSED = "closed"
    NOT_OPEN_YET = "not_open_yet"
    WRONG_KEY = "wrong_key"
    ADMIN_ONLY = "admin_only"
    NOT_ENROLLED = "not_enrolled"
    NOT_PUBLISHED = "not_published"
    COHORT_FULL = "cohort_full"
    COHORT_ENDED = "cohort_ended"

    MESSAGES = {
        ALREADY_ENROLLED: _("You are already enrolled in this course."),
        FULL: _("This course is full: every place has been taken."),
        CLOSED: _("Enrolment in this course is closed."),
        NOT_OPEN_YET: _("Enrolment in this course has not opened yet."),
        WRONG_KEY: _("This enrolment key is not correct. Check it with your trainer."),
        ADMIN_ONLY: _("Enrolment in this course is made by ENSA administrators."),
        NOT_ENROLLED: _("You are not enrolled in this course."),
        NOT_PUBLISHED: _("This course is not available."),
        COHORT_FULL: _("This cohort is full: every place has been taken."),
        COHORT_ENDED: _("This cohort has ended."),
    }

    # The same refusals, worded for the administrator who enrols someone else.
    ADMIN_MESSAGES = {
        ALREADY_ENROLLED: _("Already enrolled in this course."),
        FULL: _("The course is full: every place has been taken."),
        NOT_PUBLISHED: _("The course is not published."),
    }

    def __init__(self, code: str):
        self.code = code
        self.message = self.MESSAGES[code]
        super().__init__(str(self.message))

    @property
    def admin_message(self) -> str:
        return str(self.ADMIN_MESSAGES.get(self.code, self.message))

from django.utils.translation import gettext_lazy as _


class QuizError(Exception):
    """A refused quiz operation; nothing was changed. `message` is shown to the person as it is."""

    NOT_ENROLLED = "not_enrolled"
    NOT_PUBLISHED = "not_published"
    NOT_OPEN_YET = "not_open_yet"
    CLOSED = "closed"
    NO_ATTEMPTS_LEFT = "no_attempts_left"
    NO_QUESTIONS = "no_questions"
    NOT_IN_PROGRESS = "not_in_progress"
    DEADLINE_PASSED = "deadline_passed"
    STALE = "stale"
    UNKNOWN_QUESTION = "unknown_question"
    INVALID_ANSWER = "invalid_answer"
    NOT_AN_ESSAY = "not_an_essay"
    POINTS_OUT_OF_RANGE = "points_out_of_range"
    KIND_CHANGED = "kind_changed"

    MESSAGES = {
        NOT_ENROLLED: _("Enrol in the course to take this quiz."),
        NOT_PUBLISHED: _("This quiz is not available."),
        NOT_OPEN_YET: _("This quiz is not open yet."),
        CLOSED: _("This quiz is closed."),
        NO_ATTEMPTS_LEFT: _("You have used all the attempts allowed for this quiz."),
        NO_QUESTIONS: _("This quiz has no questions yet."),
        NOT_IN_PROGRESS: _("This attempt has already been submitted."),
        DEADLINE_PASSED: _(
            "The time for this attempt is over: it was finalised with the answers saved "
            "before the deadline."
        ),
        STALE: _(
            "These answers come from an older copy of the page and were not saved. "
            "Reload the page to see your latest answers."
        ),
        UNKNOWN_QUESTION: _("This question is not part of your attempt."),
        INVALID_ANSWER: _("One answer is not valid; nothing was saved."),
        NOT_AN_ESSAY: _("Only essay answers are graded by hand."),
        POINTS_OUT_OF_RANGE: _("Give between 0 and the points of the question."),
        KIND_CHANGED: _("The type of this question changed: attempts cannot be regraded."),
    }

    def __init__(self, code: str, *, detail=None, question_key: str = ""):
        self.code = code
        self.detail = detail
        self.question_key = question_key
        self.message = self.MESSAGES[code]
        super().__init__(str(self.message))

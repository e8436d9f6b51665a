"""Domain events of the courses app. Sent after the transaction commits."""

from django.dispatch import Signal

# Sent with `enrolment` (a courses.Enrolment) once a learner has completed every
# required element of a course. Receivers run after commit, at most once per enrolment.
course_completed = Signal()

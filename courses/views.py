from math import ceil

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page

from lms.pagecache import remember_site
from lms.ratelimit import address_subject, take

from . import queries, services
from .errors import EnrolmentError
from .forms import EnrolForm
from .models import CoursePage, EnrolmentPolicy, LessonPage


def _live(model, pk: int):
    return get_object_or_404(model.objects.live().public(), pk=pk)


def _back(request, page: Page):
    return redirect(page.localized.url or "/")


# Wrong enrolment keys: per learner and course, and per client address (several accounts).
KEY_ATTEMPTS_PER_LEARNER = 5
KEY_ATTEMPTS_PER_ADDRESS = 20
KEY_ATTEMPTS_WINDOW = 10 * 60  # seconds


@login_required
@require_POST
def enrol(request, course_id: int):
    course = _live(CoursePage, course_id)
    form = EnrolForm(request.POST)
    key = form.cleaned_data["key"] if form.is_valid() else ""
    attempts = []
    if course.enrolment_policy == EnrolmentPolicy.KEY:
        # Counted before the key is compared, so that concurrent guesses cannot all slip
        # under the limit; given back unless the key was wrong.
        attempts = [
            take(
                "enrolment-key",
                f"{request.user.pk}:{course.pk}",
                limit=KEY_ATTEMPTS_PER_LEARNER,
                window=KEY_ATTEMPTS_WINDOW,
            ),
            take(
                "enrolment-key-address",
                address_subject(request),
                limit=KEY_ATTEMPTS_PER_ADDRESS,
                window=KEY_ATTEMPTS_WINDOW,
            ),
        ]
        if not all(attempt.allowed for attempt in attempts):
            for attempt in attempts:
                attempt.give_back()
            minutes = ceil(max(attempt.retry_after for attempt in attempts) / 60)
            messages.error(
                request,
                ngettext(
                    "Too many wrong enrolment keys. Try again in %(minutes)d minute.",
                    "Too many wrong enrolment keys. Try again in %(minutes)d minutes.",
                    minutes,
                )
                % {"minutes": minutes},
            )
            return _refused(request, course)
    try:
        services.enrol(learner=request.user, course=course, key=key)
    except EnrolmentError as error:
        if error.code != EnrolmentError.WRONG_KEY:
            for attempt in attempts:
                attempt.give_back()
        messages.error(request, error.message)
        return _refused(request, course)
    for attempt in attempts:
        attempt.give_back()
    messages.success(request, _("You are enrolled. Welcome to the course!"))
    return _back(request, course)


def _refused(request, course):
    response = _back(request, course)
    response.status_code = 303
    return response


@login_required
@require_POST
def unenrol(request, course_id: int):
    course = _live(CoursePage, course_id)
    try:
        services.unenrol(learner=request.user, course=course)
    except EnrolmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You have left the course. Your completed lessons are kept."))
    return _back(request, course)


@login_required
@require_POST
def complete_lesson(request, lesson_id: int):
    lesson = _live(LessonPage, lesson_id)
    try:
        services.complete_lesson(learner=request.user, lesson=lesson)
    except EnrolmentError as error:
        messages.error(request, error.message)
        return _back(request, lesson)
    view = queries.lesson_view(learner=request.user, lesson=lesson)
    messages.success(request, _("Lesson completed."))
    if view.next is not None:
        return _back(request, view.next)
    return _back(request, view.course or lesson)


@login_required
def dashboard(request):
    remember_site(request)
    return render(
        request,
        "courses/dashboard.html",
        {"entries": queries.my_learning(learner=request.user)},
    )

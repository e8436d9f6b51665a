from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import queries, services
from .errors import EnrolmentError
from .forms import EnrolForm
from .models import CoursePage, LessonPage


def _live(model, pk: int):
    return get_object_or_404(model.objects.live().public(), pk=pk)


def _back(request, page: Page):
    return redirect(page.localized.url or "/")


@login_required
@require_POST
def enrol(request, course_id: int):
    course = _live(CoursePage, course_id)
    form = EnrolForm(request.POST)
    key = form.cleaned_data["key"] if form.is_valid() else ""
    try:
        services.enrol(learner=request.user, course=course, key=key)
    except EnrolmentError as error:
        messages.error(request, error.message)
        response = _back(request, course)
        response.status_code = 303
        return response
    messages.success(request, _("You are enrolled. Welcome to the course!"))
    return _back(request, course)


@login_required
@require_POST
def unenrol(request, course_id: int):
    course = _live(CoursePage, course_id)
    try:
        services.unenrol(learner=request.user, course=course)
    except EnrolmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("You have left the course. Your completed lessons are kept.")
        )
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
    return render(
        request,
        "courses/dashboard.html",
        {"entries": queries.my_learning(learner=request.user)},
    )

"""Thin views: parse, call one service or query, render. Refusals are 4xx with a message."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from courses.api import canonical_page
from lms.locales import localized
from lms.pagecache import remember_site
from lms.spreadsheets import csv_response, xlsx_response

from . import queries, services
from .errors import QuizError
from .forms import EssayGradeForm, VersionForm, answers_from_post
from .models import Attempt, Question, QuizPage
from .permissions import can_manage

STATUS = {
    QuizError.NOT_ENROLLED: 403,
    QuizError.NOT_PUBLISHED: 404,
    QuizError.UNKNOWN_QUESTION: 400,
    QuizError.INVALID_ANSWER: 400,
    QuizError.POINTS_OUT_OF_RANGE: 400,
    QuizError.NOT_AN_ESSAY: 400,
}


def _status(error: QuizError) -> int:
    return STATUS.get(error.code, 409)


def _refused(request, error: QuizError, *, quiz: QuizPage, status: int | None = None):
    return render(
        request,
        "quizzes/refused.html",
        {"message": error.message, "detail": error.detail, "quiz": localized(quiz)},
        status=status or _status(error),
    )


def _own_attempt(request, attempt_id: int, *, with_quiz: bool = True) -> Attempt:
    """The learner's own attempt; anyone else's is a 404."""
    attempts = Attempt.objects.select_related("quiz") if with_quiz else Attempt.objects
    return get_object_or_404(attempts, pk=attempt_id, learner=request.user)


def _version(request) -> int | None:
    form = VersionForm(request.POST)
    return form.cleaned_data["version"] if form.is_valid() else None


@login_required
@require_POST
def start(request, quiz_id: int):
    quiz = queries.live_quiz(quiz_id)
    if quiz is None:
        raise Http404
    try:
        attempt = services.start_attempt(learner=request.user, quiz=quiz)
    except QuizError as error:
        return _refused(request, error, quiz=quiz)
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


def _attempt_form(request, attempt: Attempt, *, posted=None, errors=None, status=200):
    remember_site(request)
    context = {
        "view": queries.attempt_page(
            attempt=attempt, quiz=localized(attempt.quiz), posted=posted, errors=errors
        ),
        "autosave_url": reverse("quizzes:autosave", args=[attempt.pk]),
        "form_action": reverse("quizzes:attempt", args=[attempt.pk]),
    }
    return render(request, "quizzes/attempt.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def attempt(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if request.method == "GET":
        if attempt.is_overdue():
            services.finalise_if_overdue(attempt_id=attempt.pk)
            messages.warning(request, QuizError.MESSAGES[QuizError.DEADLINE_PASSED])
            attempt.refresh_from_db()
        if not attempt.is_in_progress:
            return redirect("quizzes:review", attempt_id=attempt.pk)
        return _attempt_form(request, attempt)
    posted = None
    try:
        posted = answers_from_post(snapshot=attempt.snapshot, data=request.POST)
        if "submit" in request.POST:
            services.submit_attempt(attempt=attempt, answers=posted)
            messages.success(request, _("Your attempt is submitted."))
            return redirect("quizzes:review", attempt_id=attempt.pk)
        services.save_answers(attempt=attempt, answers=posted, explicit=True)
    except QuizError as error:
        if error.code in (QuizError.INVALID_ANSWER, QuizError.UNKNOWN_QUESTION):
            messages.error(request, error.message)
            return _attempt_form(
                request,
                attempt,
                posted=posted,
                errors={error.question_key: error.detail or error.message},
                status=400,
            )
        return _refused(request, error, quiz=attempt.quiz)
    messages.success(request, _("Your answers are saved."))
    return redirect("quizzes:attempt", attempt_id=attempt.pk)


@login_required
@require_POST
def autosave(request, attempt_id: int):
    """The attempt form sent by the page's script; answers with JSON."""
    attempt = _own_attempt(request, attempt_id, with_quiz=False)
    try:
        posted = answers_from_post(snapshot=attempt.snapshot, data=request.POST)
        attempt = services.save_answers(attempt=attempt, answers=posted, version=_version(request))
    except QuizError as error:
        return JsonResponse(
            {
                "saved": False,
                "code": error.code,
                "question": error.question_key,
                "message": str(error.detail or error.message),
            },
            status=_status(error),
        )
    saved_at = formats.time_format(timezone.localtime(), "H:i")
    return JsonResponse(
        {
            "saved": True,
            "version": attempt.version,
            "message": _("Answers saved at %(time)s.") % {"time": saved_at},
        }
    )


@login_required
def review(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_overdue():
        services.finalise_if_overdue(attempt_id=attempt.pk)
        attempt.refresh_from_db()
    if attempt.is_in_progress:
        return redirect("quizzes:attempt", attempt_id=attempt.pk)
    remember_site(request)
    return render(
        request,
        "quizzes/review.html",
        {"review": queries.review(attempt=attempt, quiz=localized(attempt.quiz))},
    )


# --- trainers ----------------------------------------------------------------------------


def _quiz_for_trainer(request, quiz_id: int) -> QuizPage:
    """Trainers of the quiz's course and administrators only (403 for anyone else)."""
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    quiz = services.canonical_quiz(quiz)
    if not can_manage(request.user, quiz):
        raise PermissionDenied
    return quiz


@login_required
def preview(request, quiz_id: int):
    """The quiz as a learner sees it, with fresh questions; nothing is saved."""
    quiz = _quiz_for_trainer(request, quiz_id)
    attempt = Attempt(
        quiz=quiz, learner=request.user, number=0, snapshot=services.build_snapshot(quiz)
    )
    context = {
        "view": queries.attempt_page(attempt=attempt, quiz=localized(quiz)),
        "preview": True,
        "autosave_url": "",
        "form_action": "",
    }
    return render(request, "quizzes/attempt.html", context)


def question_preview(request, *, question, languages: list[str]):
    """The preview panel of the question editor: the question as learners see it, in each
    of `languages` (Wagtail calls this through Question.serve_preview)."""
    sections = []
    for language in languages:
        with translation.override(language):
            sections.append(
                render_to_string(
                    "quizzes/includes/question_preview.html",
                    {"question": queries.question_preview(question=question), "language": language},
                    request=request,
                )
            )
    return TemplateResponse(request, "quizzes/question_preview.html", {"sections": sections})


@login_required
def results(request, quiz_id: int):
    quiz = _quiz_for_trainer(request, quiz_id)
    return render(
        request, "quizzes/results.html", {"results": queries.quiz_results(quiz=localized(quiz))}
    )


def _export_rows(quiz: QuizPage) -> list[list]:
    data = queries.quiz_results(quiz=quiz)
    header = [
        _("Name (Latin script)"),
        _("Name (Arabic script)"),
        _("E-mail"),
        _("Attempt"),
        _("State"),
        _("Started at"),
        _("Submitted at"),
        _("Points"),
        _("Maximum"),
        _("Grade (%)"),
        _("Quiz grade (%)"),
        _("Passed"),
    ]
    rows = [header]

    def when(value):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""

    for entry in data.learners:
        for attempt in entry.attempts:
            rows.append(
                [
                    entry.learner.full_name_latin,
                    entry.learner.full_name_arabic,
                    entry.learner.email,
                    attempt.number,
                    attempt.get_state_display(),
                    when(attempt.started_at),
                    when(attempt.submitted_at),
                    attempt.points,
                    attempt.max_points,
                    attempt.percent,
                    entry.grade,
                    _("yes") if entry.passed else _("no"),
                ]
            )
    return rows


@login_required
def results_csv(request, quiz_id: int):
    quiz = _quiz_for_trainer(request, quiz_id)
    return csv_response(_export_rows(quiz), filename=f"quiz-{quiz.pk}-results.csv")


@login_required
def results_xlsx(request, quiz_id: int):
    quiz = _quiz_for_trainer(request, quiz_id)
    return xlsx_response(
        _export_rows(quiz), filename=f"quiz-{quiz.pk}-results.xlsx", title=_("Results")
    )


@login_required
@require_http_methods(["GET", "POST"])
def grade_attempt(request, attempt_id: int):
    attempt = get_object_or_404(Attempt.objects.select_related("quiz", "learner"), pk=attempt_id)
    quiz = _quiz_for_trainer(request, attempt.quiz_id)
    status = 200
    if request.method == "POST":
        form = EssayGradeForm(request.POST)
        if form.is_valid():
            try:
                services.grade_essay(
                    attempt=attempt,
                    question_key=form.cleaned_data["question_key"],
                    points=float(form.cleaned_data["points"]),
                    comment=form.cleaned_data["comment"],
                    by=request.user,
                )
            except QuizError as error:
                messages.error(request, error.message)
                status = _status(error)
            else:
                messages.success(request, _("Grade saved."))
                return redirect("quizzes:grade_attempt", attempt_id=attempt.pk)
        else:
            messages.error(request, _("Give points between 0 and the points of the question."))
            status = 400
        attempt.refresh_from_db()
    if attempt.is_in_progress:
        raise Http404
    return render(
        request,
        "quizzes/grade_attempt.html",
        {
            "attempt": attempt,
            "quiz": localized(quiz),
            "essays": queries.essays_to_grade(attempt=attempt),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def regrade(request, quiz_id: int, question_id: int):
    """GET: whose grade would change with the question as it is now; POST: apply and log."""
    quiz = _quiz_for_trainer(request, quiz_id)
    question = get_object_or_404(Question, pk=question_id, course=canonical_page(quiz.get_course()))
    apply = request.method == "POST"
    try:
        changes = services.regrade(question=question, by=request.user, apply=apply)
    except QuizError as error:
        return _refused(request, error, quiz=quiz)
    if apply:
        messages.success(
            request,
            ngettext(
                "Regrade applied: %(count)d grade changed.",
                "Regrade applied: %(count)d grades changed.",
                len(changes),
            )
            % {"count": len(changes)},
        )
        return redirect("quizzes:results", quiz_id=quiz.pk)
    return render(
        request,
        "quizzes/regrade.html",
        {"quiz": localized(quiz), "question": question, "changes": changes},
    )

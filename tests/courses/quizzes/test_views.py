"""The quiz pages over HTTP: learners, other learners, trainers, and bad input."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from courses import services as course_services
from courses.quizzes import services
from courses.quizzes.models import Attempt, AttemptState
from tests.factories import quizzes as quiz_factory
from tests.factories.users import administrator, learner, trainer

pytestmark = pytest.mark.django_db


def url(name, *args, lang="fr"):
    with translation.override(lang):
        return reverse(f"quizzes:{name}", args=args)


def form_for(attempt, **values):
    data = {"version": str(attempt.version)}
    data.update(values)
    return data


def key(attempt, kind):
    return question(attempt, kind)["key"]


def question(attempt, kind):
    return next(q for q in attempt.snapshot if q["kind"] == kind)


def test_start_then_the_attempt_form_labels_every_input(client, person, quiz):
    response = client.post(url("start", quiz.pk))
    attempt = Attempt.objects.get(learner=person)
    assert response.status_code == 302 and response["Location"] == url("attempt", attempt.pk)
    page = client.get(url("attempt", attempt.pk)).content.decode()
    for question in attempt.snapshot:
        assert f'id="question-{question["key"]}"' in page
    assert page.count("<input") + page.count("<select") + page.count("<textarea") - page.count(
        'type="hidden"'
    ) == (page.count("<label"))
    assert 'aria-live="polite"' in page


def test_plain_form_post_saves_and_reload_shows_the_answers(client, person, quiz):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    single, matching = key(attempt, "single"), key(attempt, "matching")
    matched = quiz_factory.form_fields(question(attempt, "matching"), {"1": "2"})
    response = client.post(
        url("attempt", attempt.pk),
        form_for(attempt, **{f"q-{single}": "a", **matched, "save": "1"}),
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.answers == {single: "a", matching: {"1": "2"}}
    page = client.get(url("attempt", attempt.pk)).content.decode()
    assert f'id="q-{single}-a" value="a" checked' in page
    assert f'<option value="{next(iter(matched.values()))}" selected>' in page


def test_autosave_answers_json_with_the_new_version_and_refuses_a_stale_one(client, person, quiz):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    single = key(attempt, "single")
    ok = client.post(url("autosave", attempt.pk), form_for(attempt, **{f"q-{single}": "a"}))
    assert ok.status_code == 200 and ok.json()["saved"] and ok.json()["version"] == 1
    stale = client.post(url("autosave", attempt.pk), {"version": "0", f"q-{single}": "b"})
    assert stale.status_code == 409 and not stale.json()["saved"]
    attempt.refresh_from_db()
    assert attempt.answers[single] == "a"


def test_submit_posted_before_the_autosave_reply_came_back_grades_every_answer(
    client, person, quiz
):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    single, numeric = key(attempt, "single"), key(attempt, "numeric")
    autosaved = client.post(url("autosave", attempt.pk), form_for(attempt, **{f"q-{single}": "a"}))
    assert autosaved.json()["version"] == 1
    # The page still holds version 0: the autosave's reply had not arrived.
    whole_form = {"version": "0", f"q-{single}": "a", f"q-{numeric}": "2014"}
    response = client.post(url("attempt", attempt.pk), {**whole_form, "submit": "1"})
    assert response.status_code == 302 and response["Location"] == url("review", attempt.pk)
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED
    assert attempt.answers == {single: "a", numeric: 2014.0} and attempt.points == 2
    late = client.post(url("autosave", attempt.pk), {"version": "0", f"q-{single}": "b"})
    assert late.status_code == 409 and late.json()["code"] == "not_in_progress"
    attempt.refresh_from_db()
    assert attempt.answers == {single: "a", numeric: 2014.0}


def test_save_button_stores_the_whole_form_even_after_an_autosave_it_did_not_see(
    client, person, quiz
):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    single, numeric = key(attempt, "single"), key(attempt, "numeric")
    client.post(url("autosave", attempt.pk), form_for(attempt, **{f"q-{single}": "b"}))
    response = client.post(
        url("attempt", attempt.pk),
        {"version": "0", f"q-{single}": "a", f"q-{numeric}": "2014", "save": "1"},
    )
    assert response.status_code == 302 and response["Location"] == url("attempt", attempt.pk)
    attempt.refresh_from_db()
    assert attempt.answers == {single: "a", numeric: 2014.0} and attempt.version == 2
    stale = client.post(url("autosave", attempt.pk), {"version": "1", f"q-{single}": "b"})
    assert stale.status_code == 409 and stale.json()["code"] == "stale"
    attempt.refresh_from_db()
    assert attempt.answers[single] == "a"


def test_malformed_answers_get_400_with_a_translated_message_and_nothing_saved(
    client, person, quiz
):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    numeric, ordering = key(attempt, "numeric"), key(attempt, "ordering")
    response = client.post(
        url("attempt", attempt.pk), form_for(attempt, **{f"q-{numeric}": "douze", "save": "1"})
    )
    assert response.status_code == 400
    assert (
        "Saisissez un nombre" in response.content.decode()
        or "Enter a number" in response.content.decode()
    )
    assert 'value="douze"' in response.content.decode()
    bad_order = quiz_factory.form_fields(question(attempt, "ordering"), {"x": 1, "y": 1})
    json_response = client.post(
        url("autosave", attempt.pk, lang="ar"), form_for(attempt, **bad_order)
    )
    assert json_response.status_code == 400 and json_response.json()["question"] == ordering
    garbage = client.post(
        url("autosave", attempt.pk), {"version": "abc", f"q-{key(attempt, 'single')}": "zzz"}
    )
    assert garbage.status_code == 400
    attempt.refresh_from_db()
    assert attempt.answers == {} and attempt.version == 0


def test_submit_twice_gives_the_review_and_changes_nothing(client, person, quiz):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    data = form_for(attempt, **{f"q-{key(attempt, 'single')}": "a", "submit": "1"})
    first = client.post(url("attempt", attempt.pk), data)
    assert first.status_code == 302 and first["Location"] == url("review", attempt.pk)
    attempt.refresh_from_db()
    graded = (attempt.state, attempt.points, attempt.submitted_at)
    second = client.post(url("attempt", attempt.pk), data)
    assert second.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.state, attempt.points, attempt.submitted_at) == graded
    review = client.get(url("review", attempt.pk))
    assert review.status_code == 200 and b'data-testid="attempt-score"' in review.content


def test_another_learners_attempt_is_not_found(client, quiz, tree):
    owner = learner()
    course_services.enrol(learner=owner, course=tree.course)
    attempt = services.start_attempt(learner=owner, quiz=quiz)
    intruder = learner()
    course_services.enrol(learner=intruder, course=tree.course)
    client.force_login(intruder)
    assert client.get(url("attempt", attempt.pk)).status_code == 404
    assert client.post(url("autosave", attempt.pk), {"version": "0"}).status_code == 404
    assert client.get(url("review", attempt.pk)).status_code == 404


def test_not_enrolled_learner_gets_403_with_a_message(client, quiz):
    client.force_login(learner())
    response = client.post(url("start", quiz.pk, lang="ar"))
    assert response.status_code == 403
    assert b'data-testid="quiz-error"' in response.content
    assert not Attempt.objects.exists()


def test_closed_quiz_and_used_up_attempts_get_409(client, person, tree):
    closed = quiz_factory.quiz(
        module=tree.modules[0],
        questions=[quiz_factory.question(course=tree.course)],
        closes_at=timezone.now() - timedelta(hours=1),
    )
    assert client.post(url("start", closed.pk)).status_code == 409
    once = quiz_factory.quiz(
        module=tree.modules[0],
        questions=[quiz_factory.question(course=tree.course)],
        attempts_allowed=1,
    )
    services.submit_attempt(attempt=services.start_attempt(learner=person, quiz=once))
    assert client.post(url("start", once.pk)).status_code == 409


def test_an_overdue_attempt_opened_in_the_browser_is_finalised_and_shows_the_review(
    client, person, quiz
):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=5))
    response = client.get(url("attempt", attempt.pk))
    assert response.status_code == 302 and response["Location"] == url("review", attempt.pk)
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED
    late = client.post(url("attempt", attempt.pk), form_for(attempt, submit="1"))
    assert late.status_code == 302


def test_save_after_the_deadline_gets_409(client, person, quiz):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=5))
    response = client.post(
        url("autosave", attempt.pk), form_for(attempt, **{f"q-{key(attempt, 'single')}": "a"})
    )
    assert response.status_code == 409 and response.json()["code"] == "deadline_passed"


def test_results_are_for_the_course_trainers_and_administrators_only(client, tree, quiz, person):
    services.submit_attempt(attempt=services.start_attempt(learner=person, quiz=quiz))
    own = trainer()
    tree.course.trainers.add(own)
    tree.course.save()
    client.force_login(learner())
    assert client.get(url("results", quiz.pk)).status_code == 403
    client.force_login(trainer())
    assert client.get(url("results", quiz.pk)).status_code == 403
    assert client.get(url("results_csv", quiz.pk)).status_code == 403
    client.force_login(own)
    page = client.get(url("results", quiz.pk))
    assert page.status_code == 200 and person.full_name_latin in page.content.decode()
    client.force_login(administrator())
    csv_response = client.get(url("results_csv", quiz.pk))
    assert csv_response.status_code == 200
    assert person.email in csv_response.content.decode("utf-8-sig")
    xlsx = client.get(url("results_xlsx", quiz.pk))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_trainer_grades_an_essay_from_the_grading_page(client, tree, person):
    essay = quiz_factory.question(course=tree.course, kind="essay", points=4)
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=[essay])
    attempt = services.start_attempt(learner=person, quiz=quiz)
    attempt = services.submit_attempt(
        attempt=attempt, answers={str(essay.pk): "Mon analyse."}, version=0
    )
    assert attempt.state == AttemptState.NEEDS_GRADING
    own = trainer()
    tree.course.trainers.add(own)
    tree.course.save()
    client.force_login(own)
    too_many = client.post(
        url("grade_attempt", attempt.pk), {"question_key": str(essay.pk), "points": "9"}
    )
    assert too_many.status_code == 400
    ok = client.post(
        url("grade_attempt", attempt.pk),
        {"question_key": str(essay.pk), "points": "3", "comment": "Clair."},
    )
    assert ok.status_code == 302
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.GRADED and attempt.percent == 75.0


def test_arabic_attempt_page_is_rtl_and_shows_arabic_question_text(client, person, quiz):
    attempt = services.start_attempt(learner=person, quiz=quiz)
    page = client.get(url("attempt", attempt.pk, lang="ar")).content.decode()
    assert 'dir="rtl"' in page and "سؤال single" in page


def test_demo_quiz_taken_in_arabic_keeps_answers_over_a_reload_and_shows_the_review(
    client, person, tree
):
    from wagtail.models import Locale

    from demo.quiz import seed_demo_quiz

    quiz = seed_demo_quiz(course=tree.course)
    quiz_ar = quiz.get_translation(Locale.objects.get(language_code="ar"))
    page = client.get(quiz_ar.url)
    assert page.status_code == 200 and 'dir="rtl"' in page.content.decode()
    client.post(url("start", quiz_ar.pk, lang="ar"))
    attempt = Attempt.objects.get(learner=person)
    answers = {"version": "0", "save": "1"}
    for question in attempt.snapshot:
        right = quiz_factory.RIGHT_ANSWERS.get(question["kind"])
        name = f"q-{question['key']}"
        data = question["data"]
        if question["kind"] == "single":
            answers[name] = next(c["id"] for c in data["choices"] if c["correct"])
        elif question["kind"] == "multiple":
            answers[name] = [c["id"] for c in data["choices"] if c["correct"]]
        elif question["kind"] == "true_false":
            answers[name] = "true" if data["answer"] else "false"
        elif question["kind"] == "numeric":
            answers[name] = "2014"
        elif question["kind"] == "short":
            answers[name] = data["accepted"][-1]
        elif question["kind"] == "matching":
            answers.update(
                quiz_factory.form_fields(question, {p["id"]: p["id"] for p in data["pairs"]})
            )
        elif question["kind"] == "ordering":
            answers.update(
                quiz_factory.form_fields(
                    question, {i["id"]: n for n, i in enumerate(data["items"], start=1)}
                )
            )
        else:
            answers[name] = right
    assert client.post(url("attempt", attempt.pk, lang="ar"), answers).status_code == 302
    reloaded = client.get(url("attempt", attempt.pk, lang="ar")).content.decode()
    assert "وجدة" in reloaded and 'value="2014"' in reloaded
    del answers["save"]
    client.post(url("attempt", attempt.pk, lang="ar"), {**answers, "version": "1", "submit": "1"})
    attempt.refresh_from_db()
    assert attempt.state == AttemptState.NEEDS_GRADING
    assert attempt.points == attempt.max_points - 4
    review = client.get(url("review", attempt.pk, lang="ar")).content.decode()
    assert "مقاربة قائمة على حقوق الإنسان" in review


def test_review_hides_right_answers_until_the_quiz_closes_and_score_when_never(
    client, person, tree
):
    from courses.quizzes.models import ReviewTiming

    question = quiz_factory.question(
        course=tree.course, kind="single", feedback_wrong="Revoyez le module 1."
    )
    quiz = quiz_factory.quiz(
        module=tree.modules[0],
        questions=[question],
        closes_at=timezone.now() + timedelta(days=1),
        review_score=ReviewTiming.NEVER,
        review_answers=ReviewTiming.AFTER_CLOSE,
        review_feedback=ReviewTiming.AFTER_ATTEMPT,
    )
    attempt = services.start_attempt(learner=person, quiz=quiz)
    services.submit_attempt(attempt=attempt, answers={str(question.pk): "b"}, version=0)
    page = client.get(url("review", attempt.pk)).content.decode()
    assert 'data-testid="attempt-score"' not in page and 'data-status="wrong"' not in page
    assert "Revoyez le module 1." in page
    assert "2004" in page and "2014" not in page
    type(quiz).objects.filter(pk=quiz.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    page = client.get(url("review", attempt.pk)).content.decode()
    assert "2014" in page


def test_trainer_previews_then_applies_a_regrade(client, tree, person):
    from courses.quizzes.models import RegradeLog

    question = quiz_factory.question(
        course=tree.course, kind="numeric", data={"value": 2015, "tolerance": 0}
    )
    quiz = quiz_factory.quiz(module=tree.modules[0], questions=[question])
    attempt = services.start_attempt(learner=person, quiz=quiz)
    services.submit_attempt(attempt=attempt, answers={str(question.pk): "2014"}, version=0)
    question.data = {"value": 2014, "tolerance": 0}
    question.save()
    own = trainer()
    tree.course.trainers.add(own)
    tree.course.save()
    client.force_login(learner())
    assert client.get(url("regrade", quiz.pk, question.pk)).status_code == 403
    client.force_login(own)
    preview = client.get(url("regrade", quiz.pk, question.pk))
    assert preview.status_code == 200 and b'id="regrade-changes"' in preview.content
    assert not RegradeLog.objects.exists()
    assert client.post(url("regrade", quiz.pk, question.pk)).status_code == 302
    attempt.refresh_from_db()
    assert attempt.percent == 100.0 and RegradeLog.objects.get().regraded_by == own


def test_trainers_preview_the_quiz_without_creating_an_attempt(client, tree, quiz):
    own = trainer()
    tree.course.trainers.add(own)
    tree.course.save()
    client.force_login(own)
    quiz_page = client.get(quiz.url).content.decode()
    assert 'id="preview-quiz"' in quiz_page and 'id="quiz-results"' in quiz_page
    preview = client.get(url("preview", quiz.pk))
    assert preview.status_code == 200 and b'id="submit-attempt"' not in preview.content
    assert b"question-" in preview.content
    assert not Attempt.objects.exists()
    client.force_login(learner())
    assert client.get(url("preview", quiz.pk)).status_code == 403
    assert b'id="preview-quiz"' not in client.get(quiz.url).content

"""A trainer writes a question of each of the eight types in the Wagtail admin, with fields
and rows (never JSON), previews it in French and Arabic, and puts them in a quiz; a learner
answers the quiz in French, then in Arabic, and every answer is graded. Screenshots of every
step go to test-artifacts/."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from content.setup import ensure_translation
from courses import services as course_services
from courses.quizzes.models import Attempt, AttemptState, Question, QuizPage
from tests.factories.courses import build_course
from tests.factories.users import PASSWORD, learner, trainer
from tests.security.test_csp_browser import COLLECT_VIOLATIONS, violations

from .helpers import assert_language, fill_labelled, submit

pytestmark = pytest.mark.browser


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in(tab, email: str, language: str = "fr") -> None:
    tab.open(f"/{language}/accounts/login/")
    fill_labelled(tab.page, "login", email)
    fill_labelled(tab.page, "password", PASSWORD)
    submit(tab.page, "/accounts/login/")


def spaced(text: str) -> str:
    """Text with French typography's no-break spaces as plain ones."""
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def field(editor, name: str):
    """The field `name` of a row or option of the editor shown (rows: "rows-0-text")."""
    return editor.locator(f'[name$="-{name}"]:not([name*="__prefix__"])')


def add_row(editor) -> None:
    editor.locator("[data-action='w-formset#add']").click()


@dataclass
class Spec:
    kind: str
    text: str
    text_ar: str
    fill: Callable
    # What the learner does, on the attempt page, in each language.
    answer: Callable


def fill_single(editor):
    field(editor, "rows-0-text").fill("2014")
    field(editor, "rows-0-text_ar").fill("2014")
    field(editor, "rows-0-correct").check()
    field(editor, "rows-0-feedback").fill("Exact : la SNIA date de 2014.")
    field(editor, "rows-0-feedback_ar").fill("صحيح: اعتمدت الاستراتيجية سنة 2014.")
    field(editor, "rows-1-text").fill("2004")
    field(editor, "rows-1-text_ar").fill("2004")
    add_row(editor)
    field(editor, "rows-2-text").fill("2011")
    field(editor, "rows-2-text_ar").fill("2011")


def fill_multiple(editor):
    for index, (fr, ar, right) in enumerate(
        [
            ("Les migrants", "المهاجرون", True),
            ("Les réfugiés", "اللاجئون", True),
            ("Les touristes de passage", "السياح العابرون", False),
        ]
    ):
        if index >= 2:
            add_row(editor)
        field(editor, f"rows-{index}-text").fill(fr)
        field(editor, f"rows-{index}-text_ar").fill(ar)
        if right:
            field(editor, f"rows-{index}-correct").check()


def fill_true_false(editor):
    editor.locator('input[name="answers-true_false-answer"][value="true"]').check()


def fill_short(editor):
    field(editor, "rows-0-text").fill("Programme d'action de la commune")
    add_row(editor)
    field(editor, "rows-1-text").fill("برنامج عمل الجماعة")
    field(editor, "allow_proclitics").check()


def fill_numeric(editor):
    field(editor, "value").fill("2014")
    field(editor, "tolerance").fill("0")


PAIRS = [
    ("SNIA", "الاستراتيجية الوطنية للهجرة واللجوء", "Migrants et réfugiés", "المهاجرون واللاجئون"),
    (
        "SNMRE",
        "الاستراتيجية الوطنية لفائدة المغاربة المقيمين بالخارج",
        "Marocains résidant à l'étranger",
        "المغاربة المقيمون بالخارج",
    ),
]
ITEMS = [
    ("Diagnostic territorial", "التشخيص الترابي"),
    ("Programmation dans le PAC", "البرمجة في برنامج عمل الجماعة"),
    ("Suivi et évaluation", "التتبع والتقييم"),
]


def fill_matching(editor):
    for index, (prompt, prompt_ar, match, match_ar) in enumerate(PAIRS):
        field(editor, f"rows-{index}-prompt").fill(prompt)
        field(editor, f"rows-{index}-prompt_ar").fill(prompt_ar)
        field(editor, f"rows-{index}-match").fill(match)
        field(editor, f"rows-{index}-match_ar").fill(match_ar)


def fill_ordering(editor):
    # Typed in another order than the right one: the positions say the right order.
    for index, position in enumerate((3, 1, 2)):
        if index >= 2:
            add_row(editor)
        text, text_ar = ITEMS[position - 1]
        field(editor, f"rows-{index}-text").fill(text)
        field(editor, f"rows-{index}-text_ar").fill(text_ar)
        field(editor, f"rows-{index}-ORDER").fill(str(position))


def fill_nothing(editor):
    assert editor.locator("input, textarea, select").count() == 0


def in_question(page, kind):
    return page.locator(f"fieldset.question--{kind}")


def answer_single(page, language):
    in_question(page, "single").get_by_label("2014", exact=True).check()


def answer_multiple(page, language):
    box = in_question(page, "multiple")
    for fr, ar in (("Les migrants", "المهاجرون"), ("Les réfugiés", "اللاجئون")):
        box.get_by_label(ar if language == "ar" else fr, exact=True).check()


def answer_true_false(page, language):
    box = in_question(page, "true_false")
    box.locator('input[type="radio"][value="true"]').check()


def answer_short(page, language):
    # In Arabic, with the conjunction و in front: the question accepts prefixes.
    typed = "وبرنامج عمل الجماعة" if language == "ar" else "Programme d’action de la commune"
    in_question(page, "short").locator("input").fill(typed)


def answer_numeric(page, language):
    in_question(page, "numeric").locator("input").fill("2014")


def answer_matching(page, language):
    box = in_question(page, "matching")
    for prompt, prompt_ar, match, match_ar in PAIRS:
        box.get_by_label(prompt_ar if language == "ar" else prompt, exact=True).select_option(
            label=match_ar if language == "ar" else match
        )


def answer_ordering(page, language):
    box = in_question(page, "ordering")
    for position, (text, text_ar) in enumerate(ITEMS, start=1):
        box.get_by_label(text_ar if language == "ar" else text, exact=True).select_option(
            str(position)
        )


def answer_essay(page, language):
    typed = {
        "fr": "Un guichet d'accueil des Marocains de retour.",
        "ar": "شباك لاستقبال المغاربة العائدين.",
    }[language]
    in_question(page, "essay").locator("textarea").fill(typed)


SPECS = [
    Spec(
        "single",
        "En quelle année le Maroc a-t-il adopté la SNIA ?",
        "في أي سنة اعتمد المغرب الاستراتيجية الوطنية للهجرة واللجوء؟",
        fill_single,
        answer_single,
    ),
    Spec(
        "multiple",
        "Quels publics la SNIA vise-t-elle ?",
        "ما هي الفئات التي تستهدفها الاستراتيجية الوطنية للهجرة واللجوء؟",
        fill_multiple,
        answer_multiple,
    ),
    Spec(
        "true_false",
        "L'intégration des migrants peut figurer dans le PAC.",
        "يمكن إدراج إدماج المهاجرين في برنامج عمل الجماعة.",
        fill_true_false,
        answer_true_false,
    ),
    Spec(
        "short",
        "Comment s'appelle le plan pluriannuel d'une commune ?",
        "ما اسم وثيقة التخطيط متعدد السنوات للجماعة؟",
        fill_short,
        answer_short,
    ),
    Spec(
        "numeric",
        "En quelle année la SNIA a-t-elle été adoptée ? (nombre)",
        "في أي سنة اعتمدت الاستراتيجية؟ (عدد)",
        fill_numeric,
        answer_numeric,
    ),
    Spec(
        "matching",
        "Associez chaque stratégie à son public.",
        "اربط كل استراتيجية بالفئة التي تستهدفها.",
        fill_matching,
        answer_matching,
    ),
    Spec(
        "ordering",
        "Remettez les étapes dans l'ordre.",
        "رتب المراحل.",
        fill_ordering,
        answer_ordering,
    ),
    Spec(
        "essay",
        "Proposez une action pour les Marocains de retour.",
        "اقترح نشاطا لفائدة المغاربة العائدين.",
        fill_nothing,
        answer_essay,
    ),
]


def create_question(tab, course, spec: Spec) -> Question:
    page = tab.page
    tab.open("/admin/snippets/quizzes/question/add/")
    page.locator('select[name="course"]').select_option(str(course.pk))
    page.locator('select[name="kind"]').select_option(spec.kind)
    editor = page.locator(f"#answers-{spec.kind}")
    editor.wait_for(state="visible")
    assert page.locator("section.question-editor:visible").count() == 1
    page.locator('input[name="points"]').fill("2")
    page.locator('textarea[name="text"]').fill(spec.text)
    page.locator('textarea[name="text_ar"]').fill(spec.text_ar)
    spec.fill(editor)
    assert page.locator('textarea[name="data"], [name="data"]').count() == 0
    tab.shot(f"editor-{spec.kind}")
    assert violations(tab) == [], "the editor runs under the admin's Content-Security-Policy"
    with page.expect_navigation():
        page.locator("button.action-save").click()
    assert "/add/" not in page.url, page.locator(".error-message").all_inner_texts()
    return Question.objects.get(course=course, kind=spec.kind)


def show_preview(tab, spec: Spec) -> None:
    """The preview panel of the editor shows the question in French and Arabic."""
    page = tab.page
    page.locator('[data-side-panel-toggle="preview"]').click()
    frame = page.frame_locator("iframe[src*='/preview/']")
    frame.locator("[data-preview-language='ar']").wait_for()
    assert spaced(
        frame.locator("[data-preview-language='ar'] .question__text").inner_text()
    ) == spaced(spec.text_ar)
    assert spaced(
        frame.locator("[data-preview-language='fr'] .question__text").inner_text()
    ) == spaced(spec.text)
    assert frame.locator("[data-preview-language='ar']").get_attribute("dir") == "rtl"
    tab.shot(f"preview-{spec.kind}")
    assert violations(tab) == []


def test_a_trainer_writes_every_type_without_json_and_a_learner_answers_in_both_languages(
    make_tab, seeded
):
    tree = build_course(arabic=True, modules=1, lessons_per_module=1)
    author = verified(trainer())
    tree.course.trainers.add(author)
    tree.course.save_revision().publish()
    person = verified(learner())
    course_services.enrol(learner=person, course=tree.course)

    office = make_tab("question-editor-trainer")
    office.page.add_init_script(COLLECT_VIOLATIONS)
    sign_in(office, author.email)
    questions = []
    for spec in SPECS:
        questions.append(create_question(office, tree.course, spec))
    # The preview of a saved question, from its editor.
    office.open(f"/admin/snippets/quizzes/question/edit/{questions[5].pk}/")
    show_preview(office, SPECS[5])
    # The same editor in the Arabic admin: right to left, French fields in their direction.
    profile = UserProfile.get_for_user(author)
    profile.preferred_language = "ar"
    profile.save()
    office.open(f"/admin/snippets/quizzes/question/edit/{questions[0].pk}/")
    assert office.page.locator("html").get_attribute("dir") == "rtl"
    choice = office.page.locator("#answers-single .answer-row").first
    assert choice.locator('[name$="-text_ar"]').get_attribute("dir") == "rtl"
    assert choice.locator('[name$="-feedback"]').get_attribute("dir") == "auto"
    choice.scroll_into_view_if_needed()
    office.shot("editor-single-arabic-admin")
    assert violations(office) == []
    profile.preferred_language = "fr"
    profile.save()

    assert questions[0].data["choices"][0]["feedback_ar"].startswith("صحيح")
    assert [c["correct"] for c in questions[1].data["choices"]] == [True, True, False]
    assert questions[3].data["allow_proclitics"] is True
    assert [i["text"] for i in questions[6].data["items"]] == [text for text, _ar in ITEMS]

    quiz = put_in_a_quiz(office, tree, questions)
    arabic = ensure_translation(quiz, Locale.objects.get(language_code="ar"), title="تقييم المحرر")

    for language, page in (("fr", quiz), ("ar", arabic)):
        student = make_tab(f"question-editor-learner-{language}")
        sign_in(student, person.email, language)
        student.open(page.get_url())
        assert_language(student, language)
        with student.page.expect_navigation():
            student.page.locator("#start-attempt").click()
        assert_language(student, language)
        for spec in SPECS:
            shown = in_question(student.page, spec.kind).locator(".question__text").inner_text()
            assert spaced(shown) == spaced(spec.text_ar if language == "ar" else spec.text)
            spec.answer(student.page, language)
        student.shot("answered")
        with student.page.expect_navigation():
            student.page.locator("#submit-attempt").click()
        assert "/review/" in student.page.url
        student.shot("review")
        attempt = Attempt.objects.filter(learner=person).order_by("-number").first()
        assert attempt.state == AttemptState.NEEDS_GRADING  # the essay waits for the trainer
        scored = {q["kind"]: attempt.results[q["key"]] for q in attempt.snapshot}
        assert all(
            scored[kind]["points"] == scored[kind]["max"] for kind in scored if kind != "essay"
        ), scored
        assert scored["essay"]["needs_manual"]
        assert student.foreign_requests == []


def put_in_a_quiz(tab, tree, questions) -> QuizPage:
    """The trainer adds a quiz to the course's module in the page editor, chooses the questions
    from the course's bank and publishes it."""
    page = tab.page
    module = tree.modules[0]
    tab.open(f"/admin/pages/add/quizzes/quizpage/{module.pk}/")
    page.locator('input[name="title"]').fill("Évaluation de l'éditeur")
    for index, question in enumerate(questions):
        page.locator("#id_fixed_questions-ADD").click()
        page.locator(f"#inline_child_fixed_questions-{index} [data-chooser-action-choose]").click()
        modal = page.locator(".modal-dialog")
        modal.locator(f"a[data-chooser-modal-choice][href*='/chosen/{question.pk}/']").click()
        modal.wait_for(state="hidden")
    tab.shot("quiz-editor")
    assert violations(tab) == []
    page.locator(
        ".footer [data-w-dropdown-target='toggle'], .footer .dropdown-toggle"
    ).first.click()
    with page.expect_navigation():
        page.locator("button[name='action-publish']").click()
    quiz = QuizPage.objects.child_of(module).get(title="Évaluation de l'éditeur")
    assert quiz.live
    assert [link.question_id for link in quiz.fixed_questions.order_by("sort_order")] == [
        q.pk for q in questions
    ]
    return quiz

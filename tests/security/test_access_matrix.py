"""Who may open what: the access matrix of every URL that takes an id, slug, code or file.

The URLs come from the URLconf itself (the public site, the accounts pages and the Wagtail
admin with every registered viewset, snippet, document, image and wagtail-localize view).
Each one is requested by six people — anonymous, learner A, learner B, the course's
trainer, another course's trainer and an ENSA administrator — about an object that belongs
to learner A and to course A, and each answer is compared with what `MATRIX` says they may
do. A URL that `MATRIX` does not describe fails the test: whoever adds a URL decides who may
open it. Every request runs in a savepoint that is rolled back, so POSTs change nothing for
the next person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from allauth.account.internal.flows.login import record_authentication
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.contrib.messages import ERROR, get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from tests.conftest import _record_a_second_factor
from tests.security.world import ACTORS, World, build_world

ANONYMOUS, LEARNER_A, LEARNER_B, TRAINER_A, TRAINER_B, ADMINISTRATOR = ACTORS
EVERYONE = frozenset(ACTORS)
SIGNED_IN = EVERYONE - {ANONYMOUS}
LEARNERS = frozenset({LEARNER_A, LEARNER_B})
STAFF = frozenset({TRAINER_A, TRAINER_B, ADMINISTRATOR})
COURSE_A_STAFF = frozenset({TRAINER_A, ADMINISTRATOR})
OWNER_AND_COURSE_STAFF = frozenset({LEARNER_A, TRAINER_A, ADMINISTRATOR})
ADMINISTRATORS = frozenset({ADMINISTRATOR})
NOBODY = frozenset()


@dataclass(frozen=True)
class Case:
    """One request: the URL's arguments (from the world), who may make it, how."""

    kwargs: Callable[[World], dict]
    allowed: frozenset[str]
    method: str = "get"
    data: Callable[[World], dict] | None = None
    query: str = ""
    label: str = ""


@dataclass(frozen=True)
class Entry:
    """The URLs whose name matches `names` (a regular expression), and their cases."""

    names: str
    cases: tuple[Case, ...]
    why: str = ""
    params: tuple[str, ...] | None = None  # only the URLs taking exactly these parameters
    pattern: re.Pattern = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "pattern", re.compile(rf"^(?:{self.names})$"))


def case(kwargs, allowed, **options) -> Case:
    return Case(kwargs=kwargs, allowed=frozenset(allowed), **options)


def page(name: str) -> Callable[[World], dict]:
    return lambda w: {"page_id": getattr(w, name).pk}


def pk(name: str, key: str = "pk") -> Callable[[World], dict]:
    return lambda w: {key: getattr(w, name).pk}


def snippet(model: str, obj: str) -> Entry:
    """Every view of a course-scoped snippet (question bank): its course's staff only."""
    return Entry(
        names=rf"wagtailsnippets_quizzes_{model}:.+|wagtailsnippetchoosers_quizzes_{model}:chosen",
        cases=(case(pk(obj), COURSE_A_STAFF),),
        why="the question bank of a course belongs to its trainers and the administrators",
    )


def administrator_model(namespace: str, obj: str, allowed=ADMINISTRATORS) -> Entry:
    return Entry(
        names=rf"{namespace}:.+",
        cases=(case(pk(obj), allowed),),
        why="records that make ENSA state something are for administrators",
    )


def superuser_only(names: str, kwargs) -> Entry:
    return Entry(
        names=names,
        cases=(case(kwargs, NOBODY),),
        why="site set-up (sites, locales, workflows, groups, collections...) is for superusers",
    )


def po_file(translation) -> SimpleUploadedFile:
    """A PO file as wagtail-localize writes it for `translation` (with no string yet)."""
    header = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"X-WagtailLocalize-TranslationID: {translation.uuid}\\n"\n'
    )
    return SimpleUploadedFile("ar.po", header.encode())


WAGTAIL_PAGE_VIEWS_OF_COURSE_STAFF = (
    "edit|preview_on_edit|view_draft|delete|unpublish|copy|history|history_results|usage"
    "|set_privacy"
)

MATRIX: tuple[Entry, ...] = (
    # --- the public site ----------------------------------------------------------------
    Entry(
        names="courses:enrol|courses:unenrol",
        cases=(case(pk("course_a", "course_id"), SIGNED_IN, method="post"),),
        why="anyone signed in may ask; the service decides (already enrolled, key, dates)",
    ),
    Entry(
        names="courses:complete_lesson",
        cases=(case(pk("lesson_a", "lesson_id"), SIGNED_IN, method="post"),),
        why="a learner who is not enrolled is told so and nothing is recorded",
    ),
    Entry(
        names="quizzes:start",
        cases=(case(pk("quiz_a", "quiz_id"), LEARNERS, method="post"),),
        why="only learners enrolled in the quiz's course may start it",
    ),
    Entry(
        names="quizzes:(preview|results|results_csv|results_xlsx)",
        cases=(case(pk("quiz_a", "quiz_id"), COURSE_A_STAFF),),
    ),
    Entry(
        names="quizzes:regrade",
        cases=(
            case(
                lambda w: {"quiz_id": w.quiz_a.pk, "question_id": w.question_a.pk}, COURSE_A_STAFF
            ),
            case(
                lambda w: {"quiz_id": w.quiz_a.pk, "question_id": w.question_b.pk},
                NOBODY,
                label="a question of another course",
            ),
        ),
    ),
    Entry(
        names="quizzes:(attempt|review)",
        cases=(case(pk("attempt_a", "attempt_id"), {LEARNER_A}),),
        why="an attempt is its learner's only",
    ),
    Entry(
        names="quizzes:autosave",
        cases=(case(pk("attempt_a", "attempt_id"), {LEARNER_A}, method="post"),),
    ),
    Entry(
        names="quizzes:grade_attempt",
        cases=(case(pk("attempt_a", "attempt_id"), COURSE_A_STAFF),),
    ),
    Entry(
        names="certificates:verify",
        cases=(case(lambda w: {"code": w.certificate_a.verification_code}, EVERYONE),),
        why="anyone may check a certificate",
    ),
    Entry(
        names="certificate_links:verify",
        cases=(case(lambda w: {"code": w.certificate_a.verification_code}, EVERYONE),),
        why="the QR code's link: it sends anyone to the verification page in their language",
    ),
    Entry(
        names="certificates:download",
        cases=(case(lambda w: {"serial": w.certificate_a.serial}, OWNER_AND_COURSE_STAFF),),
    ),
    Entry(
        names="certificates:credential",
        cases=(case(lambda w: {"code": w.certificate_a.verification_code}, EVERYONE),),
        why="the Open Badges credential: anyone may check a certificate",
    ),
    Entry(
        names="certificates:status_list",
        cases=(case(lambda w: {"year": w.certificate_a.status_list}, EVERYONE),),
        why="the public revocation list that wallets and partners consult",
    ),
    Entry(
        names="content:library_download",
        cases=(
            case(pk("public_edition", "edition_id"), EVERYONE, label="public handbook"),
            case(pk("staff_edition", "edition_id"), STAFF, label="staff-only handbook"),
        ),
    ),
    Entry(
        names="wagtaildocs_serve",
        cases=(
            case(
                lambda w: [w.library_document.pk, w.library_document.filename],
                EVERYONE,
                label="a public handbook's file",
            ),
            case(
                lambda w: [w.lesson_document.pk, w.lesson_document.filename],
                LEARNERS | STAFF,
                label="a file cited by a lesson: the course's learners and the staff",
            ),
        ),
    ),
    Entry(
        names="wagtailcore_authenticate_with_password",
        cases=(
            case(
                lambda w: {
                    "page_view_restriction_id": w.page_restriction.pk,
                    "page_id": w.lesson_b.pk,
                },
                EVERYONE,
            ),
        ),
        why="the password form of a protected page is public",
    ),
    Entry(
        names="wagtaildocs_authenticate_with_password",
        cases=(case(pk("collection_restriction", "restriction_id"), EVERYONE),),
    ),
    Entry(
        names="account_confirm_email|account_reset_password_from_key|wagtailadmin_password_reset_confirm",
        cases=(
            case(
                lambda w: {"key": "not-a-key", "uidb36": "1", "uidb64": "MQ", "token": "x-y"},
                EVERYONE,
            ),
        ),
        why="links from e-mails: the secret in the link decides, not the session",
    ),
    Entry(
        names="mfa_(edit|remove)_webauthn",
        cases=(case(pk("webauthn_a"), {LEARNER_A}),),
        why="a person's security keys are theirs only",
    ),
    # --- the Wagtail admin: pages -------------------------------------------------------
    Entry(
        names=f"wagtailadmin_pages:({WAGTAIL_PAGE_VIEWS_OF_COURSE_STAFF})",
        cases=(case(page("lesson_a"), COURSE_A_STAFF),),
        why="a course's pages belong to its trainers and the administrators",
    ),
    Entry(
        names="wagtailadmin_pages:move",
        cases=(case(pk("lesson_a", "page_to_move_id"), COURSE_A_STAFF),),
    ),
    Entry(
        names="wagtailadmin_pages:revisions_index",
        cases=(case(page("lesson_a"), STAFF),),
        why="only sends the person on to the page's history, which decides",
    ),
    Entry(
        names="wagtailadmin_pages:(add_subpage|choose_parent_page)",
        cases=(case(pk("module_a", "parent_page_id"), COURSE_A_STAFF),),
    ),
    Entry(
        names="wagtailadmin_pages:(add|preview_on_add)",
        cases=(
            case(
                lambda w: {
                    "content_type_app_name": "courses",
                    "content_type_model_name": "lessonpage",
                    "parent_page_id": w.module_a.pk,
                },
                COURSE_A_STAFF,
            ),
        ),
    ),
    Entry(
        names="wagtailadmin_pages:(type_use|type_use_results)",
        cases=(
            case(
                lambda w: {
                    "content_type_app_name": "courses",
                    "content_type_model_name": "lessonpage",
                },
                STAFF,
            ),
        ),
        why="each person sees the lessons they may explore",
    ),
    Entry(
        names="wagtailadmin_pages:choose_parent",
        cases=(case(lambda w: {"app_label": "courses", "model_name": "lessonpage"}, STAFF),),
    ),
    Entry(
        names="wagtailadmin_pages:(lock|unlock)",
        cases=(case(page("lesson_a"), ADMINISTRATORS, method="post"),),
        why="locking is an administrator's tool",
    ),
    Entry(
        names="wagtailadmin_pages:convert_alias",
        cases=(case(page("lesson_a"), NOBODY),),
        why="the lesson is not an alias: there is nothing to convert",
    ),
    Entry(
        names="wagtailadmin_pages:move_confirm",
        cases=(
            case(
                lambda w: {"page_to_move_id": w.draft_lesson_a.pk, "destination_id": w.module_a.pk},
                COURSE_A_STAFF,
                label="within its course",
            ),
            case(
                lambda w: {
                    "page_to_move_id": w.draft_lesson_a.pk,
                    "destination_id": w.lesson_b.get_parent().pk,
                },
                ADMINISTRATORS,
                label="into another course",
            ),
        ),
    ),
    Entry(
        names="wagtailadmin_pages:set_page_position",
        cases=(
            case(
                pk("lesson_a", "page_to_move_id"),
                COURSE_A_STAFF,
                method="post",
                query="?position=1",
            ),
        ),
    ),
    Entry(
        names="wagtailadmin_pages:(revisions_view|revisions_revert)",
        cases=(
            case(
                lambda w: {"page_id": w.draft_lesson_a.pk, "revision_id": w.revision_a.pk},
                COURSE_A_STAFF,
            ),
        ),
    ),
    Entry(
        names="wagtailadmin_pages:revisions_unschedule",
        cases=(
            case(
                lambda w: {"page_id": w.draft_lesson_a.pk, "revision_id": w.revision_a.pk},
                COURSE_A_STAFF,
            ),
        ),
    ),
    Entry(
        names="wagtailadmin_pages:revisions_compare",
        cases=(
            case(
                lambda w: {
                    "pk": w.draft_lesson_a.pk,
                    "revision_id_a": "live",
                    "revision_id_b": "latest",
                },
                COURSE_A_STAFF,
            ),
        ),
    ),
    Entry(
        names="wagtailadmin_pages:workflow_history",
        cases=(case(page("lesson_a"), COURSE_A_STAFF),),
    ),
    Entry(
        names="wagtailadmin_pages:confirm_workflow_cancellation",
        cases=(case(page("lesson_a"), STAFF),),
        why="answers 'no confirmation needed' for a page in no workflow (ENSA uses none)",
    ),
    Entry(
        names="wagtailadmin_pages:(workflow_action|collect_workflow_action_data"
        "|workflow_preview|workflow_history_detail)",
        cases=(
            case(
                lambda w: {
                    "page_id": w.lesson_a.pk,
                    "action_name": "approve",
                    "task_state_id": 999999,
                    "task_id": w.task.pk,
                    "workflow_state_id": 999999,
                },
                NOBODY,
            ),
        ),
        why="the lesson is in no workflow: nothing to act on, for anyone",
    ),
    Entry(
        names="wagtailadmin_explore|wagtailadmin_explore_results",
        cases=(case(pk("course_a", "parent_page_id"), COURSE_A_STAFF),),
    ),
    Entry(
        names="wagtailadmin_choose_page_child",
        cases=(case(pk("course_a", "parent_page_id"), STAFF),),
        why="anyone in the admin may link to a published page; drafts are filtered out",
    ),
    Entry(
        names="wagtailadmin_api:pages:detail",
        cases=(case(pk("lesson_a"), COURSE_A_STAFF),),
    ),
    Entry(
        names="wagtailadmin_api:pages:action",
        cases=(
            case(
                lambda w: {"pk": w.lesson_a.pk, "action_name": "unpublish"},
                COURSE_A_STAFF,
                method="post",
            ),
        ),
    ),
    Entry(
        names="wagtail_bulk_action",
        cases=(
            case(
                lambda w: {"app_label": "wagtailcore", "model_name": "page", "action": "unpublish"},
                COURSE_A_STAFF,
                query="?id={lesson_a}",
                label="pages",
            ),
            case(
                lambda w: {"app_label": "quizzes", "model_name": "question", "action": "delete"},
                COURSE_A_STAFF,
                query="?id={question_a}",
                label="questions",
            ),
            case(
                lambda w: {"app_label": "accounts", "model_name": "user", "action": "assign_role"},
                ADMINISTRATORS,
                query="?id={learner_a}",
                label="accounts",
            ),
        ),
    ),
    # --- the Wagtail admin: translations (wagtail-localize) -----------------------------
    Entry(
        names="wagtail_localize:submit_page_translation",
        cases=(case(page("lesson_b"), {TRAINER_B, ADMINISTRATOR}),),
    ),
    Entry(
        names="wagtail_localize:submit_snippet_translation",
        cases=(
            case(
                lambda w: {"app_label": "content", "model_name": "theme", "pk": w.theme.pk},
                ADMINISTRATORS,
            ),
        ),
        why="themes are the administrators' vocabulary",
    ),
    Entry(
        names="wagtail_localize:update_translations",
        cases=(case(pk("translation_source", "translation_source_id"), COURSE_A_STAFF),),
    ),
    Entry(
        names="wagtail_localize:(download_pofile|preview_translation)",
        params=("translation_id",),
        cases=(case(pk("translation", "translation_id"), COURSE_A_STAFF),),
    ),
    Entry(
        names="wagtail_localize:preview_translation",
        params=("translation_id", "mode"),
        cases=(case(lambda w: {"translation_id": w.translation.pk, "mode": "print"}, NOBODY),),
        why="lessons have one preview mode, the default one: no other mode exists",
    ),
    Entry(
        names="wagtail_localize:stop_translation",
        cases=(case(pk("translation", "translation_id"), COURSE_A_STAFF, method="post"),),
    ),
    Entry(
        names="wagtail_localize:upload_pofile",
        cases=(
            case(
                pk("translation", "translation_id"),
                COURSE_A_STAFF,
                method="post",
                data=lambda w: {"file": po_file(w.translation)},
            ),
        ),
    ),
    Entry(
        names="wagtail_localize:machine_translate",
        cases=(case(pk("translation", "translation_id"), NOBODY, method="post"),),
        why="no machine translator is configured (WAGTAILLOCALIZE_MACHINE_TRANSLATOR)",
    ),
    Entry(
        names="wagtail_localize:edit_string_translation",
        cases=(
            case(
                lambda w: {
                    "translation_id": w.translation.pk,
                    "string_segment_id": w.string_segment.pk,
                },
                COURSE_A_STAFF,
                method="put",
                data=lambda w: {"value": "نص"},
            ),
        ),
    ),
    Entry(
        names="wagtail_localize:edit_override",
        cases=(
            case(
                lambda w: {"translation_id": w.translation.pk, "overridable_segment_id": 999999},
                NOBODY,
                method="put",
                data=lambda w: {"value": "https://ensa.ma"},
            ),
        ),
        why="lessons hold no overridable segment: nothing to edit, for anyone",
    ),
    Entry(
        names="wagtail_localize:convert_to_alias",
        cases=(
            case(lambda w: {"page_id": w.translation.get_target_instance().pk}, COURSE_A_STAFF),
        ),
    ),
    Entry(
        names="wagtail_localize:snippets_api_(listing|detail)",
        cases=(
            case(
                lambda w: {"app_label": "quizzes", "model_name": "question", "pk": w.question_b.pk},
                ADMINISTRATORS,
            ),
        ),
        why="another course's questions are not a trainer's to read",
    ),
    # --- the Wagtail admin: documents, images, choosers ---------------------------------
    Entry(
        names="wagtaildocs:(edit|delete|document_usage)",
        cases=(
            case(
                lambda w: {"document_id": w.lesson_document.pk, "doc_id": w.lesson_document.pk},
                {TRAINER_A, ADMINISTRATOR},
                label="a trainer's upload to the course media",
            ),
            case(
                lambda w: {"document_id": w.library_document.pk, "doc_id": w.library_document.pk},
                ADMINISTRATORS,
                label="a handbook file of the library",
            ),
        ),
    ),
    Entry(
        names="wagtaildocs_chooser:chosen",
        cases=(
            case(pk("lesson_document"), STAFF, label="course media"),
            case(pk("library_document"), ADMINISTRATORS, label="library"),
        ),
    ),
    Entry(
        names="wagtailadmin_api:documents:detail",
        cases=(case(pk("lesson_document"), ADMINISTRATORS),),
        why="this API lists every file whatever its collection; trainers use the choosers",
    ),
    Entry(
        names="wagtailadmin_api:images:detail",
        cases=(case(pk("course_image"), ADMINISTRATORS),),
        why="this API lists every image whatever its collection; trainers use the choosers",
    ),
    Entry(
        names="wagtailimages:(edit|delete|image_usage|preview)",
        cases=(
            case(
                lambda w: {"image_id": w.course_image.pk, "filter_spec": "original"},
                {TRAINER_A, ADMINISTRATOR},
                label="a trainer's upload to the course media",
            ),
            case(
                lambda w: {"image_id": w.signature_image.pk, "filter_spec": "original"},
                ADMINISTRATORS,
                label="a signature used on certificates",
            ),
        ),
    ),
    Entry(
        names="wagtailimages_chooser:(chosen|select_format)",
        cases=(
            case(
                lambda w: {"pk": w.course_image.pk, "image_id": w.course_image.pk},
                STAFF,
                label="course media",
            ),
            case(
                lambda w: {"pk": w.signature_image.pk, "image_id": w.signature_image.pk},
                ADMINISTRATORS,
                label="a signature used on certificates",
            ),
        ),
    ),
    Entry(
        names="wagtaildocs:(edit|delete)_multiple",
        cases=(
            case(
                pk("lesson_document", "doc_id"),
                {TRAINER_A, ADMINISTRATOR},
                method="post",
                label="a trainer's upload to the course media",
            ),
            case(
                pk("library_document", "doc_id"),
                ADMINISTRATORS,
                method="post",
                label="a handbook file of the library",
            ),
        ),
    ),
    Entry(
        names="wagtailimages:(edit|delete)_multiple",
        cases=(
            case(
                pk("course_image", "image_id"),
                {TRAINER_A, ADMINISTRATOR},
                method="post",
                label="a trainer's upload to the course media",
            ),
            case(
                pk("signature_image", "image_id"),
                ADMINISTRATORS,
                method="post",
                label="a signature used on certificates",
            ),
        ),
    ),
    Entry(
        names="wagtailimages:url_generator(_output)?",
        cases=(case(pk("course_image", "image_id"), NOBODY),),
        why="no dynamic image URL is served (wagtailimages_serve is not installed)",
    ),
    Entry(
        names="wagtaildocs:(create_multiple_from_uploaded_document|delete_upload_multiple)"
        "|wagtailimages:(create_multiple_from_uploaded_image|delete_upload_multiple)",
        cases=(case(lambda w: {"uploaded_file_id": 999999}, NOBODY, method="post"),),
        why="an upload in progress belongs to its uploader; there is none here",
    ),
    # --- the Wagtail admin: snippets and viewsets ---------------------------------------
    snippet("question", "question_a"),
    snippet("questioncategory", "category_a"),
    Entry(
        names="wagtailsnippets_content_theme:.+",
        cases=(case(pk("theme"), ADMINISTRATORS),),
        why="themes are the administrators' vocabulary",
    ),
    Entry(
        names="wagtailsnippetchoosers_content_theme:chosen",
        cases=(case(pk("theme"), STAFF),),
        why="trainers tag their courses with the themes",
    ),
    Entry(
        names="wagtailsnippets_certificates_certificatetemplate:.+"
        "|wagtailsnippetchoosers_certificates_certificatetemplate:chosen",
        cases=(case(pk("template"), ADMINISTRATORS),),
        why="the wording and signatures of certificates are ENSA's",
    ),
    Entry(
        names="course_progress:report", cases=(case(pk("course_a", "course_id"), COURSE_A_STAFF),)
    ),
    Entry(
        names="reports:export",
        cases=tuple(
            case(lambda w, key=key, fmt=fmt: {"key": key, "fmt": fmt}, ADMINISTRATORS)
            for key in ("organisations", "cohorts")
            for fmt in ("csv", "xlsx")
        ),
        why="ENSA's figures across every organisation, course and cohort",
    ),
    Entry(
        names="erasure_requests:confirm",
        cases=(case(lambda w: {"pk": 999999}, NOBODY, method="post"),),
        why="administrators only, on a request that exists; who may confirm a real request "
        "is tested in tests/lms/test_erasure.py (confirming changes the world)",
    ),
    Entry(
        names="follow_up:course_(grid|stalled)|quiz_follow_up:course_(results|grading)",
        cases=(case(pk("course_a"), COURSE_A_STAFF),),
        why="a course's follow-up is for its trainers and the administrators",
    ),
    Entry(
        names="follow_up:cohort_(grid|stalled)|quiz_follow_up:cohort_(results|grading)",
        cases=(case(pk("cohort_a"), COURSE_A_STAFF),),
        why="a cohort's follow-up is for its trainers, its course's trainers and the administrators",
    ),
    Entry(
        names="follow_up:cohort_message",
        cases=(
            case(pk("cohort_a"), COURSE_A_STAFF),
            case(
                pk("cohort_a"),
                COURSE_A_STAFF,
                method="post",
                data=lambda w: {"subject": "Rappel", "body": "Texte.", "confirm": "1"},
                label="a message sent to the cohort",
            ),
        ),
    ),
    administrator_model("cohorts", "cohort_a"),
    Entry(
        names=r"enrolments:import",
        cases=(case(pk("cohort_a", "cohort_id"), ADMINISTRATORS),),
        why="importing people into a cohort (and inviting them) is for administrators, "
        "not for the cohort's or the course's trainers",
        params=("cohort_id",),
    ),
    Entry(
        names="organisations:.+",
        cases=(case(lambda w: {"pk": w.users["learner_a"].organisation_id}, ADMINISTRATORS),),
        why="ministries, municipalities, their merges and who belongs to them are ENSA's",
    ),
    administrator_model("enrolments", "enrolment_a"),
    administrator_model("certificate_settings", "certification_a"),
    Entry(
        names="certificate_register:(inspect|history|history_results)",
        cases=(case(pk("certificate_a"), ADMINISTRATORS),),
    ),
    Entry(
        names="certificate_bulk_issues:(inspect|history|history_results)",
        cases=(case(pk("bulk_run_a"), ADMINISTRATORS),),
    ),
    Entry(
        names="certificate_register:(edit|delete|copy|usage)"
        "|certificate_bulk_issues:(edit|delete|copy|usage)",
        cases=(case(lambda w: {"pk": w.certificate_a.pk}, NOBODY),),
        why="the register changes only through the certificate services",
    ),
    Entry(
        names="outbox:inspect",
        cases=(case(pk("notification_a"), ADMINISTRATORS),),
        why="what was written to a person is read by administrators only",
    ),
    Entry(
        names="outbox:(edit|delete|copy|usage|history|history_results)",
        cases=(case(pk("notification_a"), NOBODY),),
        why="the outbox changes only through the notification services (so a message has no "
        "admin history)",
    ),
    Entry(
        names="certificate_actions:(revoke|reissue|download)",
        cases=(case(pk("certificate_a"), ADMINISTRATORS),),
    ),
    Entry(
        names="wagtailusers_users:(edit|delete|history|history_results|usage)",
        cases=(case(lambda w: {"pk": w.users[LEARNER_A].pk}, ADMINISTRATORS),),
    ),
    Entry(
        names="wagtailusers_groups:.+",
        cases=(case(pk("group"), NOBODY),),
        why="the three roles are set up by migrations; nobody edits them in the admin",
    ),
    superuser_only("wagtailsites:.+", pk("site")),
    superuser_only("wagtaillocales:.+", pk("locale")),
    superuser_only("wagtailredirects:.+", pk("redirect", "redirect_id")),
    superuser_only(
        "wagtailadmin_collections:.+",
        lambda w: {"pk": w.collection.pk, "collection_id": w.collection.pk},
    ),
    Entry(
        names="wagtailadmin_workflows:(enable|disable|remove|enable_task|disable_task)",
        cases=(
            case(
                lambda w: {
                    "pk": w.workflow.pk,
                    "page_pk": w.lesson_a.pk,
                    "workflow_pk": w.workflow.pk,
                },
                NOBODY,
                method="post",
            ),
        ),
        why="site set-up (sites, locales, workflows, groups, collections...) is for superusers",
    ),
    superuser_only(
        "wagtailadmin_workflows:.+",
        lambda w: {
            "pk": w.workflow.pk,
            "page_pk": w.lesson_a.pk,
            "workflow_pk": w.workflow.pk,
            "task_id": w.task.pk,
            "app_label": "wagtailcore",
            "model_name": "groupapprovaltask",
        },
    ),
    superuser_only("wagtailforms:.+", page("lesson_a")),
    superuser_only(
        "wagtailsettings:.+",
        lambda w: {"app_name": "wagtailcore", "model_name": "site", "pk": w.site.pk},
    ),
    Entry(
        names="wagtailadmin_editing_sessions:ping",
        cases=(
            case(
                lambda w: {
                    "app_label": "wagtailcore",
                    "model_name": "page",
                    "object_id": str(w.lesson_a.pk),
                    "session_id": 999999,
                },
                COURSE_A_STAFF,
                method="post",
            ),
        ),
        why="says who else is editing a page, to the people who may edit it",
    ),
    Entry(
        names="wagtailadmin_editing_sessions:release",
        cases=(case(lambda w: {"session_id": 999999}, STAFF, method="post"),),
        why="releases the person's own editing session, if any: nothing of anyone else's",
    ),
    Entry(
        names="wagtailadmin_tag_model_autocomplete",
        cases=(case(lambda w: {"app_name": "taggit", "model_name": "tag"}, STAFF),),
        why="suggests existing tags while a person types them",
    ),
    Entry(
        names="wagtail_serve",
        cases=(
            case(
                lambda w: [w.lesson_a.url_path.split("/", 2)[2]],
                EVERYONE,
                label="a published lesson",
            ),
        ),
    ),
)


# --- the URLs, from the URLconf ----------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str
    params: tuple[str, ...]  # named parameters, or () with `positional` groups
    positional: int

    @property
    def id(self) -> str:
        return f"{self.name}({','.join(self.params) or self.positional})"


def _routes(patterns, namespace: str | None = None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            for route in _routes(pattern.url_patterns, inner):
                regex = pattern.pattern.regex
                yield Route(
                    route.name,
                    tuple(regex.groupindex) + route.params,
                    route.positional + (regex.groups - len(regex.groupindex)),
                )
        elif isinstance(pattern, URLPattern):
            regex = pattern.pattern.regex
            name = pattern.name or str(pattern.pattern)
            if namespace:
                name = f"{namespace}:{name}"
            yield Route(name, tuple(regex.groupindex), regex.groups - len(regex.groupindex))


def routes_with_arguments() -> list[Route]:
    """Every URL of the project that takes an argument (an id, a slug, a code, a path)."""
    with translation.override(settings.LANGUAGE_CODE):
        found = {route.id: route for route in _routes(get_resolver().url_patterns)}
    return sorted(
        (route for route in found.values() if route.params or route.positional),
        key=lambda route: route.id,
    )


ROUTES = routes_with_arguments()


def entry_for(route: Route) -> Entry | None:
    return next(
        (
            entry
            for entry in MATRIX
            if entry.pattern.match(route.name) and entry.params in (None, route.params)
        ),
        None,
    )


def test_every_url_that_takes_an_argument_has_its_row_in_the_matrix():
    missing = [route.id for route in ROUTES if entry_for(route) is None]
    assert not missing, "Add these URLs to MATRIX (who may open them?):\n" + "\n".join(missing)


def test_every_row_of_the_matrix_still_matches_a_url():
    unused = [
        entry.names for entry in MATRIX if not any(entry.pattern.match(r.name) for r in ROUTES)
    ]
    assert not unused, f"Rows matching no URL any more: {unused}"


# --- the requests ------------------------------------------------------------------------

LOGIN_PATHS = ("/accounts/login/", "/admin/login/")


def _refused_by_wagtail(response) -> bool:
    """Wagtail refuses a permission by sending the person to the dashboard with an error."""
    request = response.wsgi_request
    return any(message.level == ERROR for message in get_messages(request))


def outcome(response) -> str:
    """ "refused" (not found, forbidden, sent to sign in or back to the admin's dashboard),
    "error" (a server error, or a method the view does not take: the matrix must use the
    right one), or "served" (the person reached the view's own logic)."""
    status = response.status_code
    if status >= 500 or status == 405:
        return "error"
    if status in (401, 403, 404):
        return "refused"
    if status in (301, 302, 303):
        location = response["Location"]
        if any(part in location for part in LOGIN_PATHS):
            return "refused"
        if location == reverse("wagtailadmin_home") and _refused_by_wagtail(response):
            return "refused"
        if re.match(r"^/(fr|ar)/admin/", location):
            return "refused"  # a 404 under /admin/, redirected by the locale middleware
    return "served"


def _described(response) -> str:
    if response.status_code in (301, 302, 303):
        return f"{response.status_code} to {response['Location']}"
    return str(response.status_code)


def _url(route: Route, world: World, chosen: Case) -> str:
    values = chosen.kwargs(world)
    with translation.override(settings.LANGUAGE_CODE):
        if isinstance(values, list):
            url = reverse(route.name, args=values)
        else:
            missing = set(route.params) - set(values)
            assert not missing, f"{route.id}: the case gives no {missing}"
            url = reverse(route.name, kwargs={key: values[key] for key in route.params})
    query = chosen.query.format(
        lesson_a=world.lesson_a.pk,
        question_a=world.question_a.pk,
        learner_a=world.users[LEARNER_A].pk,
    )
    return url + query


def _request(client: Client, chosen: Case, url: str, world: World):
    data = chosen.data(world) if chosen.data else {}
    options = {}
    if chosen.method in ("put", "patch", "delete"):
        data, options = urlencode(data), {"content_type": "application/x-www-form-urlencoded"}
    with transaction.atomic():
        response = getattr(client, chosen.method)(url, data, **options)
        transaction.set_rollback(True)
    return response


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(autouse=True)
def _media_root(settings, media_root):
    """The world's files stay where the world was built, for every test of the module; and
    the sessions' (re)authentication stays recent however long the module takes."""
    settings.MEDIA_ROOT = media_root
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 24 * 3600


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, media_root):
    """Built once for the module inside a transaction that is rolled back at its end; each
    test runs in a savepoint of it."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def clients(world) -> dict[str, Client]:
    """A signed-in client per person. Their sessions passed the second factor, as the admin
    requires of staff (tests/security/test_mfa.py checks that requirement itself), and
    confirmed the password recently, as allauth asks before security settings."""
    found = {}
    user_logged_in.connect(_record_a_second_factor, dispatch_uid="matrix-second-factor")
    user_logged_in.connect(_record_a_reauthentication, dispatch_uid="matrix-reauthentication")
    try:
        for actor, user in world.users.items():
            client = Client()
            if user is not None:
                client.force_login(user)
            found[actor] = client
    finally:
        user_logged_in.disconnect(dispatch_uid="matrix-second-factor")
        user_logged_in.disconnect(dispatch_uid="matrix-reauthentication")
    return found


def _record_a_reauthentication(sender, request, user, **kwargs):
    record_authentication(request, user, "password", reauthenticated=True)


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.id)
def test_who_may_open_the_url(route, world, clients, db):
    entry = entry_for(route)
    if entry is None:
        pytest.fail(f"{route.id} has no row in MATRIX")
    wrong = []
    for chosen in entry.cases:
        url = _url(route, world, chosen)
        for actor in ACTORS:
            response = _request(clients[actor], chosen, url, world)
            got = outcome(response)
            expected = "served" if actor in chosen.allowed else "refused"
            if got != expected:
                wrong.append(
                    f"{chosen.label or 'case'} {chosen.method.upper()} {url} "
                    f"as {actor}: {got} ({_described(response)}), expected {expected}"
                )
    assert not wrong, f"{entry.why}\n" + "\n".join(wrong)

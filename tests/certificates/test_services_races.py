"""Concurrent issues on PostgreSQL, with real threads and connections."""

from certificates import services
from certificates.models import Certificate
from tests.factories.certificates import complete_course
from tests.factories.courses import build_course
from tests.factories.users import learner
from tests.races import errors_in, run_together

THREADS = 20

# Fixture order matters: `restore_seed_after_flush` first (its teardown runs after the
# flush), `postgres_only` skips before any database set-up on SQLite, and `transactional_db`
# is named so that pytest-django commits for real (threads see the rows).


def test_twenty_concurrent_issues_for_one_enrolment_give_one_certificate(
    restore_seed_after_flush, postgres_only, transactional_db
):
    tree = build_course(modules=1, lessons_per_module=1)
    enrolment = complete_course(tree, learner())
    results = run_together(
        [lambda: services.issue_certificate(enrolment=enrolment, issued_by=None)] * THREADS
    )
    assert errors_in(results) == []
    assert len({certificate.pk for certificate in results}) == 1
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_twenty_concurrent_issues_for_different_learners_give_consecutive_serials(
    restore_seed_after_flush, postgres_only, transactional_db
):
    tree = build_course(modules=1, lessons_per_module=1)
    enrolments = [complete_course(tree, learner()) for _ in range(THREADS)]
    before = set(Certificate.objects.values_list("serial", flat=True))
    results = run_together(
        [lambda e=e: services.issue_certificate(enrolment=e, issued_by=None) for e in enrolments]
    )
    assert errors_in(results) == []
    serials = sorted(c.serial for c in results)
    assert len(set(serials)) == THREADS and not before & set(serials)
    numbers = [int(serial.rsplit("-", 1)[1]) for serial in serials]
    assert numbers == list(range(numbers[0], numbers[0] + THREADS))

import pytest

from tests.conftest import restore_seed


@pytest.fixture
def restore_seed_after_flush(django_db_setup, django_db_blocker):
    """Put the seeded rows back after a transactional test's flush (see tests/certificates)."""
    yield
    with django_db_blocker.unblock():
        restore_seed()

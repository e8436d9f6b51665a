"""The erasure requests in the admin (erasure_admin.py): administrators see and confirm them;
nobody else does."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lms import erasure as services
from lms.models import ErasureRequest, ErasureStatus
from tests.factories.users import administrator, learner, trainer
from tests.lms.helpers import _ask, _confirm

pytestmark = pytest.mark.django_db


def _refused_by_wagtail(response) -> bool:
    """Wagtail answers a PermissionDenied by sending the person back to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_an_administrator_cannot_erase_a_staff_account_this_way(client, site):
    person = trainer()
    erasure = ErasureRequest.objects.create(user=person)
    response = _confirm(client, administrator(), erasure)
    assert response.status_code == 302
    person.refresh_from_db()
    erasure.refresh_from_db()
    assert person.is_active and person.full_name_latin
    assert erasure.status == ErasureStatus.PENDING


def test_a_cancelled_request_cannot_be_confirmed(client, site):
    person = learner()
    _ask(client, person)
    client.post(reverse("accounts:cancel_erasure"))
    _confirm(client, administrator(), ErasureRequest.objects.get(user=person))
    person.refresh_from_db()
    assert person.is_active and person.full_name_latin


def test_a_trainer_cannot_see_or_confirm_requests(client, site):
    person = learner()
    _ask(client, person)
    erasure = ErasureRequest.objects.get(user=person)
    someone = trainer()
    client.force_login(someone)
    assert _refused_by_wagtail(client.get(reverse("erasure_requests:index")))
    assert _refused_by_wagtail(_confirm(client, someone, erasure))
    erasure.refresh_from_db()
    assert erasure.status == ErasureStatus.PENDING


def test_a_learner_cannot_confirm_a_request_not_even_their_own(client, site):
    person = learner()
    _ask(client, person)
    erasure = ErasureRequest.objects.get(user=person)
    response = _confirm(client, person, erasure)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    erasure.refresh_from_db()
    assert erasure.status == ErasureStatus.PENDING


def test_an_administrator_sees_the_pending_requests(client, site):
    person = learner()
    _ask(client, person)
    client.force_login(administrator())
    page = client.get(reverse("erasure_requests:index"))
    assert page.status_code == 200
    assert person.email in page.content.decode()


def test_only_administrators_find_erasure_requests_in_the_admin_menu(client, site):
    url = reverse("erasure_requests:index")
    client.force_login(administrator())
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(trainer())
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_administrators_see_the_erasure_entries_of_the_audit_log(client, site):
    person = learner()
    _ask(client, person)
    admin = administrator()
    assert not admin.is_superuser
    visible = ModelLogEntry.objects.viewable_by_user(admin)
    assert visible.filter(action=services.ACTION_REQUEST).exists()
    assert (
        not ModelLogEntry.objects.viewable_by_user(trainer())
        .filter(action=services.ACTION_REQUEST)
        .exists()
    )

"""Small helpers shared by the tests of lms and of its accounts: erasure requests, a superuser."""

from django.urls import reverse

from lms.accounts.models import User
from tests.factories.users import PASSWORD


def _ask(client, person, password=PASSWORD):
    client.force_login(person)
    return client.post(reverse("accounts:erasure"), {"password": password})


def _confirm(client, by, erasure):
    client.force_login(by)
    return client.post(reverse("erasure_requests:confirm", args=[erasure.pk]))


def superuser():
    return User.objects.create_superuser(email="root@example.ma", password="x-Strong-2026-pass")

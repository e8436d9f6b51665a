"""The client's address behind the load balancer: one function, used by our rate limits and
by allauth's."""

from __future__ import annotations

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.test import RequestFactory

from lms.clientip import client_address
from tests.factories.users import PASSWORD, learner

BALANCER = "10.0.0.2"


def request(forwarded: str | None = None, remote: str = BALANCER, **headers):
    meta = {"REMOTE_ADDR": remote, **headers}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request("203.0.113.7")) == BALANCER


def test_behind_one_proxy_the_client_is_the_right_most_entry(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request("203.0.113.7")) == "203.0.113.7"


def test_an_address_written_by_the_client_on_the_left_is_never_taken(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request("1.2.3.4, 203.0.113.7")) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request("1.2.3.4, 203.0.113.7, 10.0.0.9")) == "203.0.113.7"


def test_fewer_entries_than_trusted_proxies_fall_back_to_the_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request("203.0.113.7")) == BALANCER
    assert client_address(request()) == BALANCER


def test_an_entry_that_is_not_an_address_falls_back_to_the_peer(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request("<script>")) == BALANCER
    assert client_address(request("203.0.113.7, unknown")) == BALANCER


def test_ports_and_brackets_are_removed(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request("203.0.113.7:51234")) == "203.0.113.7"
    assert client_address(request("[2001:db8::1]:443")) == "2001:db8::1"
    assert client_address(request("2001:DB8:0::1")) == "2001:db8::1"


def test_a_trusted_client_ip_header_is_used_instead_of_forwarded_for(settings):
    settings.TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request("1.2.3.4", HTTP_X_REAL_IP="203.0.113.7")) == "203.0.113.7"
    assert client_address(request("1.2.3.4")) == BALANCER
    assert client_address(request(HTTP_X_REAL_IP="not an address")) == BALANCER


def test_allauth_sees_the_same_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    forwarded = request("1.2.3.4, 203.0.113.7")
    assert get_adapter(forwarded).get_client_ip(forwarded) == "203.0.113.7"


@pytest.fixture
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
@pytest.mark.usefixtures("fresh_rate_limits")
def test_failed_logins_of_one_client_do_not_lock_out_another_behind_the_same_proxy(
    client, site, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    person = learner()
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.7", "REMOTE_ADDR": BALANCER}
    for n in range(12):
        client.post(
            "/fr/accounts/login/", {"login": f"nobody{n}@example.ma", "password": "x"}, **attacker
        )
    locked = client.post(
        "/fr/accounts/login/", {"login": person.email, "password": PASSWORD}, **attacker
    )
    assert locked.status_code == 200  # the form again, "too many failed login attempts"
    assert "_auth_user_id" not in client.session

    colleague = client.post(
        "/fr/accounts/login/",
        {"login": person.email, "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.23",
        REMOTE_ADDR=BALANCER,
    )
    assert colleague.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)

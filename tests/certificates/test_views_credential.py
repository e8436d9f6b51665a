"""ENSA's credentials over HTTP: each certificate's credential as a public JSON document, the
status lists, the issuer profile and its keys, and the credential and LinkedIn links of
"My certificates"."""

import base64
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.urls import reverse
from django.utils import translation

from certificates import credential as credentials
from tests.certificates.helpers import _keys, _parts, _revoke
from tests.factories.certificates import issued_certificate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_messages_in_english")]


def _url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"certificates:{name}", kwargs=kwargs or None)


# --- status ----------------------------------------------------------------------------------


def test_a_revoked_certificate_reads_revoked_in_the_status_list_served(client, site):
    certificate = issued_certificate()
    url = _url("status_list", year=certificate.status_list)
    served = client.get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/vc+jwt"
    check = credentials.verify_credential(
        certificate.credential, _keys(), status_list=served.content, local_status=False
    )
    assert (check.ok, check.revoked) == (True, False)

    _revoke(certificate)
    served = client.get(url)
    with translation.override("en"):  # the request above activated French
        check = credentials.verify_credential(
            certificate.credential, _keys(), status_list=served.content, local_status=False
        )
    assert (check.ok, check.revoked) == (False, True)
    assert "ENSA has revoked this credential" in check.problems[-1]
    # On ENSA's server the register itself is the list.
    assert credentials.verify_credential(certificate.credential, _keys()).revoked is True


def test_a_year_without_certificates_has_no_status_list(client, site):
    assert client.get(_url("status_list", year=1999)).status_code == 404


# --- publication -----------------------------------------------------------------------------


def test_the_credential_is_public_and_downloadable_as_a_json_document(client, site):
    certificate = issued_certificate()
    url = _url("credential", language="ar", code=certificate.verification_code)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    document = json.loads(response.content)
    assert document["type"] == "EnvelopedVerifiableCredential"
    assert credentials.read_token(response.content) == certificate.credential
    assert credentials.verify_credential(response.content, _keys()).ok
    download = client.get(url + "?download")
    assert download["Content-Disposition"] == (
        f'attachment; filename="{certificate.serial}.credential.json"'
    )
    assert client.get(_url("credential", code="nope")).status_code == 404


def test_ensas_issuer_profile_and_public_keys_are_published(client, site):
    certificate = issued_certificate()
    header, payload, _signature = _parts(certificate.credential)
    profile = client.get(_url("issuer")).json()
    assert profile["id"] == payload["issuer"]["id"]
    assert profile["type"] == ["Profile"]
    assert client.get(_url("issuer", language="ar")).json() == profile
    response = client.get(_url("issuer_keys"))
    assert response["Content-Type"] == "application/jwk-set+json"
    [key] = json.loads(response.content)["keys"]
    assert key["kid"] == header["kid"]
    public = Ed25519PublicKey.from_public_bytes(base64.urlsafe_b64decode(key["x"] + "="))
    assert credentials.verify_credential(certificate.credential, [public], local_status=False).ok


# --- "My certificates" -----------------------------------------------------------------------


def test_my_certificates_offers_the_credential_and_linkedin_for_a_valid_certificate(client, site):
    certificate = issued_certificate()
    client.force_login(certificate.learner)
    page = client.get(_url("mine")).content.decode()
    assert f"{_url('credential', code=certificate.verification_code)}?download" in page
    start = page.index("https://www.linkedin.com/profile/add?")
    link = page[start : page.index('"', start)].replace("&amp;", "&")
    query = parse_qs(urlsplit(link).query)
    issued = certificate.snapshot["issue_date"]
    assert query == {
        "startTask": ["CERTIFICATION_NAME"],
        "name": [certificate.snapshot["course_title_fr"]],
        "organizationName": ["ENSA"],
        "issueYear": [issued[:4]],
        "issueMonth": [str(int(issued[5:7]))],
        "certId": [certificate.serial],
        "certUrl": [certificate.get_verify_url()],
    }

    _revoke(certificate)
    page = client.get(_url("mine")).content.decode()
    assert "linkedin.com" not in page
    assert f"{_url('credential', code=certificate.verification_code)}?download" in page

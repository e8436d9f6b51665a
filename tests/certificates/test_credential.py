"""Each certificate is also an Open Badges 3.0 credential (W3C VC 2.0, secured as a VC-JWT with
ENSA's Ed25519 key) that anyone can check offline with ENSA's public key, and whose status list
says when ENSA no longer stands behind it."""

import base64
import gzip
import importlib
import json
import socket
from datetime import UTC

import pytest
from django.apps import apps
from jsonschema import Draft201909Validator

from certificates import credential as credentials
from certificates import services, signing
from certificates.models import Certificate, CertificateStatus
from tests.certificates.helpers import _keys, _parts
from tests.factories.certificates import issued_certificate
from tests.factories.users import administrator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_messages_in_english")]


def _another_key():
    return signing.load_private_key(signing.generate_private_key_pem())


def _encode(value) -> str:
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


# --- what the credential states -------------------------------------------------------------


def test_the_credential_of_a_certificate_validates_against_the_open_badges_schema(site):
    certificate = issued_certificate()
    credential = credentials.decoded(certificate.credential)
    Draft201909Validator(credentials.ob_schema()).validate(credential)
    assert credentials.shape_problems(credential) == []
    # The shipped schema, unchanged, finds nothing else to object to than the date of VC 1.1.
    shipped = json.loads(
        (credentials.DATA_DIR / credentials.SHIPPED[credentials.OB_SCHEMA_ID]).read_text()
    )
    errors = [error.message for error in Draft201909Validator(shipped).iter_errors(credential)]
    assert errors == ["'issuanceDate' is a required property"]


def test_the_credential_states_what_the_certificate_states_in_french_and_arabic(site):
    certificate = issued_certificate()
    facts = certificate.snapshot
    credential = credentials.decoded(certificate.credential)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][:2] == [credentials.VC_CONTEXT, credentials.OB_CONTEXT]
    assert credential["issuer"]["id"] == "http://testserver/fr/verify/issuer.json"
    assert credential["issuer"]["name"] == credentials.ISSUER_NAME_FR
    assert credential["validFrom"] == certificate.issued_at.astimezone(UTC).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    subject = credential["credentialSubject"]
    assert [i["identityHash"] for i in subject["identifier"]] == [
        facts["learner_name_latin"],
        facts["learner_name_arabic"],
    ]
    assert subject["activityEndDate"].startswith(facts["completion_date"] + "T00:00:00")
    achievement = subject["achievement"]
    assert achievement["name"] == facts["course_title_fr"]
    assert achievement["timeRequired"] == f"PT{facts['hours']}H"
    assert f"{facts['hours']} heures" in achievement["criteria"]["narrative"]
    arabic = {
        item["select"]: item["apply"][0]["value"]
        for item in credential["localizationData"]["local"]["items"]
        if item["apply"][0]["language"] == "ar"
    }
    assert arabic["$.credentialSubject.achievement.name"] == facts["course_title_ar"]
    assert facts["course_title_ar"] in arabic["$.credentialSubject.achievement.criteria.narrative"]
    assert arabic["$.issuer.name"] == credentials.ISSUER_NAME_AR
    year, number = certificate.serial.split("-")[1:]
    assert (certificate.status_list, certificate.status_list_index) == (int(year), int(number))
    assert credential["credentialStatus"] == {
        "id": f"http://testserver/fr/verify/status/{year}/#{int(number)}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(int(number)),
        "statusListCredential": f"http://testserver/fr/verify/status/{year}/",
    }


def test_the_credential_is_a_vc_jwt_signed_with_ensas_ed25519_key(site):
    certificate = issued_certificate()
    header, _payload, _signature = _parts(certificate.credential)
    key = signing.signing_key().public_key()
    assert header == {
        "alg": "EdDSA",
        "typ": "vc+jwt",
        "kid": f"http://testserver/fr/verify/keys.json#{signing.key_id(key)}",
    }
    check = credentials.verify_credential(certificate.credential, _keys(), local_status=False)
    assert (check.ok, check.problems, check.revoked) == (True, [], None)
    assert (
        check.credential["id"]
        == f"http://testserver/fr/verify/{certificate.verification_code}/credential.json"
    )


# --- forgeries ---------------------------------------------------------------------------------


def test_a_credential_signed_with_another_key_fails_and_says_which_key(site):
    certificate = issued_certificate()
    other = _another_key()
    forged = credentials.build_credential(
        certificate.data,
        issued_at=certificate.issued_at,
        status_list=2026,
        status_list_index=1,
        private_key=other,
    )
    check = credentials.verify_credential(forged, _keys(), local_status=False)
    assert not check.ok
    assert signing.key_id(other.public_key()) in check.problems[0]
    assert "not among ENSA's public keys" in check.problems[0]


def test_a_credential_signed_by_someone_else_in_ensas_name_fails(site):
    certificate = issued_certificate()
    header, payload, _signature = _parts(certificate.credential)
    payload["credentialSubject"]["identifier"][0]["identityHash"] = "Quelqu'un d'autre"
    signing_input = f"{_encode(header)}.{_encode(payload)}"
    signature = _another_key().sign(signing_input.encode())
    forged = f"{signing_input}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"
    check = credentials.verify_credential(forged, _keys(), local_status=False)
    assert not check.ok
    assert "does not match ENSA's public key" in check.problems[0]


def test_an_edited_credential_fails(site):
    certificate = issued_certificate()
    header, payload, signature = _parts(certificate.credential)
    payload["credentialSubject"]["achievement"]["timeRequired"] = "PT120H"
    forged = f"{_encode(header)}.{_encode(payload)}.{signature}"
    check = credentials.verify_credential(forged, _keys(), local_status=False)
    assert not check.ok
    assert "changed after signing" in check.problems[0]
    check = credentials.verify_credential("not.a.credential", _keys())
    assert not check.ok and check.credential is None


def test_a_signed_credential_without_the_open_badges_shape_fails(site):
    certificate = issued_certificate()
    payload = credentials.decoded(certificate.credential)
    del payload["credentialSubject"]["achievement"]["criteria"]
    del payload["validFrom"]
    token = credentials.sign_jwt(payload)
    check = credentials.verify_credential(token, _keys(), local_status=False)
    assert not check.ok
    assert any("'criteria' is a required property" in p for p in check.problems)
    assert any("'validFrom' is a required property" in p for p in check.problems)


# --- status ----------------------------------------------------------------------------------


def test_a_superseded_certificate_reads_revoked_and_its_reissue_valid(site):
    old = issued_certificate()
    new = services.reissue_certificate(certificate=old, issued_by=administrator())
    old.refresh_from_db()
    assert old.status == CertificateStatus.SUPERSEDED
    assert credentials.verify_credential(old.credential, _keys()).revoked is True
    check = credentials.verify_credential(new.credential, _keys())
    assert (check.ok, check.revoked) == (True, False)


def test_a_status_list_signed_by_someone_else_is_not_believed(site):
    certificate = issued_certificate()
    payload = credentials.status_list_payload(certificate.status_list, [])
    fake = credentials.sign_jwt(payload, _another_key())
    check = credentials.verify_credential(
        certificate.credential, _keys(), status_list=fake, local_status=False
    )
    assert not check.ok and check.revoked is None
    assert "The status list was signed with the key" in check.problems[0]
    wrong_year = credentials.sign_jwt(credentials.status_list_payload(1999, []))
    check = credentials.verify_credential(
        certificate.credential, _keys(), status_list=wrong_year, local_status=False
    )
    assert not check.ok and "not the credential's" in check.problems[0]


def test_the_status_list_is_encoded_as_the_bitstring_status_list_says():
    encoded = credentials.encode_status_list([0, 9, credentials.STATUS_LIST_SIZE - 1])
    assert encoded.startswith("u")
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) == credentials.STATUS_LIST_SIZE // 8 >= 131072 // 8
    assert (bits[0], bits[1], bits[-1]) == (0x80, 0x40, 0x01)
    assert sum(bin(byte).count("1") for byte in bits) == 3
    assert [credentials.status_bit(encoded, i) for i in (0, 1, 9, 10)] == [True, False, True, False]


# --- publication -----------------------------------------------------------------------------


def test_retired_keys_stay_published_so_older_credentials_keep_verifying(settings, site):
    retired = _another_key()
    settings.CERTIFICATE_RETIRED_PUBLIC_KEYS = signing.public_key_pem(retired.public_key())
    certificate = issued_certificate()
    older = credentials.build_credential(
        certificate.data,
        issued_at=certificate.issued_at,
        status_list=certificate.status_list,
        status_list_index=certificate.status_list_index,
        private_key=retired,
    )
    published = credentials.published_public_keys()
    assert [signing.key_id(k) for k in published] == [
        signing.key_id(signing.signing_key().public_key()),
        signing.key_id(retired.public_key()),
    ]
    assert credentials.verify_credential(older, published).ok


def test_nothing_is_fetched_from_the_network_to_check_a_credential(monkeypatch, site):
    certificate = issued_certificate()
    credentials.ob_schema.cache_clear()
    credentials._schema_validator.cache_clear()

    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert credentials.verify_credential(certificate.credential, _keys()).ok
    for name in credentials.SHIPPED.values():
        json.loads((credentials.DATA_DIR / name).read_text(encoding="utf-8"))


# --- certificates issued before credentials existed ------------------------------------------


def test_an_older_certificate_gets_a_credential_built_from_its_snapshot(site):
    certificate = issued_certificate()
    facts = certificate.snapshot
    Certificate.objects.filter(pk=certificate.pk).update(
        credential="", status_list=None, status_list_index=None
    )
    learner = certificate.learner
    learner.full_name_latin = "Nom Changé Depuis"
    learner.save()
    course = certificate.course
    course.title = "Un autre titre"
    course.save_revision().publish()

    migration = importlib.import_module("certificates.migrations.0005_fill_certificate_status_list")
    migration.fill_status_list(apps, None)
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert certificate.credential == ""
    assert certificate.status_list_index == int(certificate.serial[-6:])

    token = credentials.credential_for(certificate)
    assert token == credentials.credential_for(certificate)  # the same text at every call
    check = credentials.verify_credential(token, _keys())
    assert check.ok, check.problems
    subject = check.credential["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == facts["learner_name_latin"]
    assert subject["achievement"]["name"] == facts["course_title_fr"]

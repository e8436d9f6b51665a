"""Each certificate as an Open Badges 3.0 `OpenBadgeCredential` (W3C Verifiable Credentials 2.0),
signed by ENSA, and the status lists that say which ones ENSA no longer stands behind.

- **What it states** comes from the certificate's snapshot only (`CertificateData`): the
  learner's names in both scripts, the course titles in French and Arabic, the hours, the
  completion date, the serial, ENSA as issuer. French is the credential's language; the
  Arabic texts are given as Open Badges 3.0.3 localisation data (`localizationData`).
- **Secured as a VC-JWT** (VC-JOSE-COSE: JWS compact serialisation, header
  `{"alg": "EdDSA", "typ": "vc+jwt", "kid": ...}`, the credential as payload) with ENSA's
  Ed25519 key (`signing.py`). The `kid` is the URL of the published key set with the key's id
  (first 8 hex digits of the SHA-256 of the raw public key) as fragment. Ed25519 signatures are
  deterministic: building the credential of a certificate twice gives the same text.
- **Status**: a W3C Bitstring Status List per year of issue, purpose `revocation`; a
  certificate's index is its serial's number (`ENSA-2026-000123` is index 123 of list 2026).
  Its bit is set when the certificate is revoked *or* superseded by a reissue: either way ENSA no
  longer stands behind it (its verification page says which). The list is computed from the
  register when asked for, so revoking or reissuing changes it in the same transaction.
- **Shape** is checked against the Open Badges 3.0 JSON Schema shipped in `data/` (never
  fetched), with `validFrom` required in place of `issuanceDate` (see `data/README.md`).
"""

from __future__ import annotations

import base64
import binascii
import copy
import gzip
import json
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.db import DatabaseError
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import signing
from .data import CertificateData
from .models import Certificate, CertificateStatus

DATA_DIR = Path(__file__).resolve().parent / "data"
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
# Our one term beyond the two contexts: a course's length, as schema.org writes durations.
LOCAL_CONTEXT = {"timeRequired": {"@id": "https://schema.org/timeRequired"}}
OB_SCHEMA_ID = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
# The contexts and schema a verifier may ask for, as shipped in data/ (never fetched).
SHIPPED = {
    VC_CONTEXT: "credentials-v2.jsonld",
    OB_CONTEXT: "ob-context-3.0.3.json",
    OB_SCHEMA_ID: "ob_v3p0_achievementcredential_schema.json",
}

JWT_TYPE = "vc+jwt"
JWT_ALGORITHM = "EdDSA"
STATUS_PURPOSE = "revocation"
STATUS_LIST_SIZE = 2**20  # bits: room for every serial of a year (000001-999999)
SERIAL = re.compile(r"ENSA-(\d{4})-(\d{6})")

ISSUER_NAME_FR = "École Nationale Supérieure de l'Administration (ENSA)"
ISSUER_NAME_AR = "المدرسة الوطنية العليا للإدارة"
ISSUER_DESCRIPTION_FR = (
    "École du Royaume du Maroc qui forme les cadres de la fonction publique ; elle délivre les "
    "attestations de formation de sa plateforme."
)
ISSUER_DESCRIPTION_AR = (
    "مدرسة بالمملكة المغربية تكوّن أطر الوظيفة العمومية، وتسلّم شهادات التكوين الخاصة بمنصتها."
)
LINKEDIN_ADD_URL = "https://www.linkedin.com/profile/add"
LINKEDIN_ORGANIZATION = "ENSA"


class CredentialError(Exception):
    """A credential or status list that cannot be read; the message says why (translated)."""


# What failed in a signature, said of the credential or of its status list.
CREDENTIAL_SIGNATURE = {
    "alg": gettext_lazy("The credential is signed with %(alg)s; ENSA signs with EdDSA (Ed25519)."),
    "key": gettext_lazy(
        "The credential was signed with the key %(key)s, which is not among "
        "ENSA's public keys given."
    ),
    "signature": gettext_lazy(
        "The credential's signature does not match ENSA's public key "
        "%(key)s: it was changed after signing, or signed by someone else."
    ),
}
STATUS_LIST_SIGNATURE = {
    "alg": gettext_lazy("The status list is signed with %(alg)s; ENSA signs with EdDSA (Ed25519)."),
    "key": gettext_lazy(
        "The status list was signed with the key %(key)s, which is not among "
        "ENSA's public keys given."
    ),
    "signature": gettext_lazy(
        "The status list's signature does not match ENSA's public key "
        "%(key)s: it was changed after signing, or signed by someone else."
    ),
}


# --- URLs (absolute, in the default language, so that they stay the same) ---------------------


def _absolute(name: str, **kwargs) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(f"certificates:{name}", kwargs=kwargs or None)
    return f"{settings.BASE_URL}{path}"


def issuer_url() -> str:
    return _absolute("issuer")


def keys_url() -> str:
    return _absolute("issuer_keys")


def credential_url(code: str) -> str:
    return _absolute("credential", code=code)


def status_list_url(year: int) -> str:
    return _absolute("status_list", year=year)


# --- keys ------------------------------------------------------------------------------------


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_reference(public_key: Ed25519PublicKey) -> str:
    """The `kid` of the key: the published key set's URL, with the key's id as fragment."""
    return f"{keys_url()}#{signing.key_id(public_key)}"


def jwk(public_key: Ed25519PublicKey) -> dict:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": _b64encode(raw),
        "kid": key_reference(public_key),
        "alg": JWT_ALGORITHM,
        "use": "sig",
    }


def published_public_keys() -> list[Ed25519PublicKey]:
    """The current signing key, then the retired ones that still verify older credentials."""
    keys = [signing.signing_key().public_key()]
    pem = settings.CERTIFICATE_RETIRED_PUBLIC_KEYS
    for block in re.findall(r"-----BEGIN PUBLIC KEY-----.+?-----END PUBLIC KEY-----", pem, re.S):
        key = signing.load_public_key(block)
        if signing.key_id(key) not in {signing.key_id(k) for k in keys}:
            keys.append(key)
    return keys


def key_set() -> dict:
    """The JWK Set (RFC 7517) published at `keys_url()`."""
    return {"keys": [jwk(key) for key in published_public_keys()]}


# --- JWS (RFC 7515) with Ed25519 (RFC 8037) -----------------------------------------------------


def _json(value: dict) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign_jwt(payload: dict, private_key: Ed25519PrivateKey | None = None) -> str:
    private_key = private_key or signing.signing_key()
    header = {"alg": JWT_ALGORITHM, "typ": JWT_TYPE, "kid": key_reference(private_key.public_key())}
    signing_input = f"{_b64encode(_json(header))}.{_b64encode(_json(payload))}"
    signature = private_key.sign(signing_input.encode("ascii"))
    return f"{signing_input}.{_b64encode(signature)}"


@dataclass(frozen=True)
class _Jws:
    header: dict
    payload: dict
    signing_input: bytes
    signature: bytes

    @property
    def key_id(self) -> str:
        return str(self.header.get("kid", "")).rpartition("#")[2]


def _parse_jwt(token: str, *, status_list: bool = False) -> _Jws:
    unreadable = (
        _("The status list cannot be read: it is not a signed status list (VC-JWT).")
        if status_list
        else _("The credential cannot be read: it is not a signed credential (VC-JWT).")
    )
    try:
        encoded_header, encoded_payload, encoded_signature = token.strip().split(".")
        header = json.loads(_b64decode(encoded_header))
        payload = json.loads(_b64decode(encoded_payload))
        signature = _b64decode(encoded_signature)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise CredentialError(unreadable) from error
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise CredentialError(unreadable)
    return _Jws(header, payload, f"{encoded_header}.{encoded_payload}".encode("ascii"), signature)


def _signature_problems(
    jws: _Jws, public_keys: Iterable[Ed25519PublicKey], messages: dict = CREDENTIAL_SIGNATURE
) -> list[str]:
    """Why the JWS does not verify with one of `public_keys` (nothing when it does)."""
    if jws.header.get("alg") != JWT_ALGORITHM:
        return [str(messages["alg"] % {"alg": jws.header.get("alg")})]
    key = next((k for k in public_keys if signing.key_id(k) == jws.key_id), None)
    if key is None:
        return [str(messages["key"] % {"key": jws.key_id or "?"})]
    try:
        key.verify(jws.signature, jws.signing_input)
    except InvalidSignature:
        return [str(messages["signature"] % {"key": jws.key_id})]
    return []


# --- the credential --------------------------------------------------------------------------


def status_entry(serial: str) -> tuple[int, int]:
    """The (status list, index) of a certificate: the list of its year, at its serial's number."""
    match = SERIAL.fullmatch(serial)
    if match is None:
        raise ValueError(f"Not a serial number: {serial!r}")
    return int(match[1]), int(match[2])


def _hours(hours: str) -> str:
    """ "7,5" as "7.5", "120" as "120": the number of hours for `timeRequired`."""
    try:
        return f"{Decimal(hours.replace(',', '.').strip()).normalize():f}"
    except InvalidOperation:
        return "0"


def _timestamp(value: datetime) -> str:
    return value.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _local_midnight(day: date) -> str:
    return timezone.make_aware(datetime.combine(day, time())).isoformat()


def issuer_profile(*, document: bool = False) -> dict:
    """ENSA's Open Badges issuer profile: embedded in each credential, and (`document=True`,
    with its context and description) published at `issuer_url()`."""
    profile = {
        "id": issuer_url(),
        "type": ["Profile"],
        "name": ISSUER_NAME_FR,
        "url": f"{settings.BASE_URL}/",
        "address": {
            "type": ["Address"],
            "addressCountry": "Maroc",
            "addressCountryCode": "MA",
            "addressLocality": "Rabat",
        },
    }
    if not document:
        return profile
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        **profile,
        "description": ISSUER_DESCRIPTION_FR,
        "localizationData": _localization(
            [("$.name", ISSUER_NAME_AR), ("$.description", ISSUER_DESCRIPTION_AR)]
        ),
    }


def _localization(items: Sequence[tuple[str, str]]) -> dict:
    """Arabic texts of the credential, as Open Badges 3.0.3's localisation example gives them."""
    return {
        "local": {
            "items": [
                {"select": path, "apply": [{"language": "ar", "value": value}]}
                for path, value in items
                if value
            ]
        }
    }


def _identity(name: str) -> dict:
    return {"type": "IdentityObject", "hashed": False, "identityHash": name, "identityType": "name"}


def achievement_id(data: CertificateData) -> str:
    """The same for every certificate stating the same course (titles and hours)."""
    facts = "|".join([data.course_title_fr, data.course_title_ar, data.hours])
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{issuer_url()}#achievement|{facts}')}"


def credential_payload(
    data: CertificateData, *, issued_at: datetime, status_list: int, status_list_index: int
) -> dict:
    """The credential (unsigned) stating what `data` states. Pure: no ORM."""
    template = data.template
    title_fr = data.course_title_fr or data.course_title_ar
    title_ar = data.course_title_ar or data.course_title_fr
    name_fr = data.learner_name_latin or data.learner_name_arabic
    name_ar = data.learner_name_arabic or data.learner_name_latin
    hours = _hours(data.hours)
    duration_fr = template.duration_fr.replace("{hours}", data.hours)
    duration_ar = template.duration_ar.replace("{hours}", data.hours)
    description_fr = (
        f"{template.attests_fr} {name_fr} {template.followed_fr} « {title_fr} » {duration_fr}"
    ).rstrip(" ,") + "."
    description_ar = (
        f"{template.attests_ar} {name_ar} {template.followed_ar} «{title_ar}» {duration_ar}"
    ).rstrip(" ،") + "."
    criteria_fr = (
        f"Avoir suivi les {data.hours} heures de la formation « {title_fr} » et achevé toutes ses "
        "leçons et évaluations obligatoires ; attestation délivrée par l'ENSA, numéro de série "
        f"{data.serial}."
    )
    criteria_ar = (
        f"تتبع الدورة التكوينية «{title_ar}» التي دامت {data.hours} ساعة وإتمام جميع دروسها "
        f"واختباراتها الإلزامية؛ شهادة مسلمة من طرف المدرسة الوطنية العليا للإدارة، الرقم "
        f"التسلسلي {data.serial}."
    )
    achievement = {
        "id": achievement_id(data),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": title_fr,
        "description": f"{template.heading_fr} : {title_fr}, {data.hours} heures.",
        "criteria": {"narrative": criteria_fr},
        "timeRequired": f"PT{hours}H",
        "creator": {"id": issuer_url(), "type": ["Profile"], "name": ISSUER_NAME_FR},
    }
    if getattr(data, "course_code", ""):
        achievement["humanCode"] = data.course_code
    list_url = status_list_url(status_list)
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT, LOCAL_CONTEXT],
        "id": credential_url(data.verification_code),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(),
        "validFrom": _timestamp(issued_at),
        "name": f"{template.heading_fr} – {title_fr}",
        "description": description_fr,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                _identity(name)
                for name in dict.fromkeys(
                    n for n in (data.learner_name_latin, data.learner_name_arabic) if n
                )
            ],
            "activityEndDate": _local_midnight(data.completion_date),
            "achievement": achievement,
        },
        "credentialStatus": {
            "id": f"{list_url}#{status_list_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": STATUS_PURPOSE,
            "statusListIndex": str(status_list_index),
            "statusListCredential": list_url,
        },
        "credentialSchema": [{"id": OB_SCHEMA_ID, "type": "1EdTechJsonSchemaValidator2019"}],
        "localizationData": _localization(
            [
                ("$.name", f"{template.heading_ar} – {title_ar}"),
                ("$.description", description_ar),
                ("$.issuer.name", ISSUER_NAME_AR),
                ("$.credentialSubject.achievement.name", title_ar),
                (
                    "$.credentialSubject.achievement.description",
                    f"{template.heading_ar}: {title_ar}، {data.hours} ساعة.",
                ),
                ("$.credentialSubject.achievement.criteria.narrative", criteria_ar),
            ]
        ),
        # JWT claims (VC-JOSE-COSE allows them beside the credential; they say the same).
        "iss": issuer_url(),
        "jti": credential_url(data.verification_code),
        "nbf": int(issued_at.timestamp()),
    }


def build_credential(
    data: CertificateData,
    *,
    issued_at: datetime,
    status_list: int,
    status_list_index: int,
    private_key: Ed25519PrivateKey | None = None,
) -> str:
    """The signed credential (VC-JWT) stating what `data` states. No ORM."""
    payload = credential_payload(
        data, issued_at=issued_at, status_list=status_list, status_list_index=status_list_index
    )
    return sign_jwt(payload, private_key)


def credential_for(certificate) -> str:
    """The certificate's signed credential: the one made when it was issued (the PDF embeds
    it), else, for a certificate issued before credentials existed, one built now from its
    snapshot and issue time. That one certifies what the snapshot says, is signed with the
    current key and is the same text at every call until the key changes."""
    if certificate.credential:
        return certificate.credential
    if certificate.status_list is not None and certificate.status_list_index is not None:
        status_list, index = certificate.status_list, certificate.status_list_index
    else:
        status_list, index = status_entry(certificate.serial)
    return build_credential(
        certificate.data,
        issued_at=certificate.issued_at,
        status_list=status_list,
        status_list_index=index,
    )


def enveloped(token: str) -> dict:
    """The credential as a JSON document: a VC 2.0 `EnvelopedVerifiableCredential`."""
    return {
        "@context": [VC_CONTEXT],
        "id": f"data:application/{JWT_TYPE},{token}",
        "type": "EnvelopedVerifiableCredential",
    }


def read_token(text: str | bytes) -> str:
    """The VC-JWT in `text`: a compact JWS, or the JSON document of `enveloped()`."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = text.strip()
    if not text.startswith("{"):
        return text
    try:
        document = json.loads(text)
    except ValueError as error:
        raise CredentialError(
            _("The credential cannot be read: it is not a signed credential (VC-JWT).")
        ) from error
    prefix = f"data:application/{JWT_TYPE},"
    if (
        isinstance(document, dict)
        and document.get("type") == "EnvelopedVerifiableCredential"
        and str(document.get("id", "")).startswith(prefix)
    ):
        return document["id"].removeprefix(prefix)
    raise CredentialError(
        _("The file is a JSON document without a signed credential: ENSA's credentials are VC-JWT.")
    )


def linkedin_add_url(certificate) -> str:
    """LinkedIn's "add a certification to my profile" link for a valid `certificate` (name in
    the active language, ENSA, month of issue, serial, verification page); "" for a revoked or
    superseded one, which nobody should add to a profile."""
    if not certificate.is_valid:
        return ""
    issued = date.fromisoformat(certificate.snapshot["issue_date"])
    return f"{LINKEDIN_ADD_URL}?" + urlencode(
        {
            "startTask": "CERTIFICATION_NAME",
            "name": certificate.course_title,
            "organizationName": LINKEDIN_ORGANIZATION,
            "issueYear": issued.year,
            "issueMonth": issued.month,
            "certId": certificate.serial,
            "certUrl": certificate.get_verify_url(),
        }
    )


# --- status lists (W3C Bitstring Status List v1.0) ---------------------------------------------


def encode_status_list(indexes: Iterable[int], size: int = STATUS_LIST_SIZE) -> str:
    """The `encodedList`: the bitstring (index 0 is the left-most bit), GZIP, base64url,
    multibase prefix "u"."""
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + _b64encode(gzip.compress(bytes(bits), mtime=0))


def status_bit(encoded_list: str, index: int) -> bool:
    if not encoded_list.startswith("u"):
        raise CredentialError(
            _("The status list is not encoded as the Bitstring Status List says.")
        )
    try:
        bits = gzip.decompress(_b64decode(encoded_list[1:]))
    except (ValueError, OSError, EOFError) as error:
        raise CredentialError(
            _("The status list is not encoded as the Bitstring Status List says.")
        ) from error
    if not 0 <= index < len(bits) * 8:
        raise CredentialError(_("The credential's index is outside the status list."))
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_list_payload(year: int, revoked: Iterable[int], *, now: datetime | None = None) -> dict:
    url = status_list_url(year)
    now = now or timezone.now()
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_url(),
        "validFrom": _timestamp(now),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": STATUS_PURPOSE,
            "encodedList": encode_status_list(revoked),
        },
        "iss": issuer_url(),
        "iat": int(now.timestamp()),
    }


def status_list_token(year: int) -> str | None:
    """The signed status list of `year` as the register says it now; None when no certificate
    of that year has an entry."""
    entries = Certificate.objects.filter(status_list=year)
    if not entries.exists():
        return None
    revoked = entries.filter(
        status__in=[CertificateStatus.REVOKED, CertificateStatus.SUPERSEDED]
    ).values_list("status_list_index", flat=True)
    return sign_jwt(status_list_payload(year, revoked))


def _local_status_list(url: str) -> str | None:
    """The status list at `url` when it is this register's own (asked of the database)."""
    parts, base = urlsplit(url), urlsplit(settings.BASE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return None
    language = translation.get_language_from_path(parts.path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):  # resolve whatever language is active now
            match = resolve(parts.path)
    except Resolver404:
        return None
    if match.view_name != "certificates:status_list":
        return None
    try:
        return status_list_token(match.kwargs["year"])
    except DatabaseError:
        return None


# --- checking a credential -------------------------------------------------------------------


@cache
def ob_schema() -> dict:
    """The shipped Open Badges 3.0 schema, requiring `validFrom` (VC 2.0, Open Badges 3.0.3)
    where this copy, older, requires `issuanceDate`."""
    schema = json.loads((DATA_DIR / SHIPPED[OB_SCHEMA_ID]).read_text(encoding="utf-8"))
    schema = copy.deepcopy(schema)
    schema["required"] = [
        "validFrom" if name == "issuanceDate" else name for name in schema["required"]
    ]
    schema["properties"]["validFrom"] = {"type": "string", "format": "date-time"}
    schema["properties"]["validUntil"] = {"type": "string", "format": "date-time"}
    return schema


@cache
def _schema_validator():
    # at call time: jsonschema is heavy and only the schema check needs it
    from jsonschema import Draft201909Validator

    return Draft201909Validator(ob_schema())


def shape_problems(credential: dict) -> list[str]:
    """How `credential` differs from the Open Badges 3.0 schema (nothing when it conforms)."""
    problems = []
    for error in sorted(
        _schema_validator().iter_errors(credential), key=lambda e: list(e.absolute_path)
    )[:5]:
        where = "/".join(str(part) for part in error.absolute_path) or "/"
        problems.append(
            _(
                "The credential does not have the shape of an Open Badges 3.0 credential: "
                "%(error)s (at %(where)s)."
            )
            % {"error": error.message, "where": where}
        )
    types = credential.get("type")
    types = [types] if isinstance(types, str) else types or []
    if "VerifiableCredential" not in types or not (
        {"OpenBadgeCredential", "AchievementCredential"} & set(types)
    ):
        problems.append(_("The credential is not an Open Badges credential."))
    try:
        valid_from = datetime.fromisoformat(
            str(credential.get("validFrom", "")).replace("Z", "+00:00")
        )
    except ValueError:
        problems.append(_("The credential's date of issue cannot be read."))
    else:
        if timezone.is_naive(valid_from):
            problems.append(_("The credential's date of issue cannot be read."))
        elif valid_from > timezone.now() + timedelta(minutes=5):
            problems.append(
                _("The credential is not valid before %(date)s.") % {"date": valid_from.date()}
            )
    return problems


@dataclass(frozen=True)
class CredentialCheck:
    """`ok` when the signature, the key id, the shape and (if a status list could be read)
    the status are right; `problems` says what failed; `revoked` is None when no status list
    was consulted."""

    ok: bool
    problems: list[str] = field(default_factory=list)
    credential: dict | None = None
    revoked: bool | None = None


def _status_list_check(
    entry: dict, status_list: str, public_keys: Sequence[Ed25519PublicKey]
) -> tuple[bool | None, list[str]]:
    """(revoked, problems) for the credential's `entry` according to `status_list`."""
    if isinstance(status_list, bytes):
        status_list = status_list.decode("utf-8", errors="replace")
    try:
        jws = _parse_jwt(status_list, status_list=True)
    except CredentialError as error:
        return None, [str(error)]
    problems = _signature_problems(jws, public_keys, STATUS_LIST_SIGNATURE)
    listed = jws.payload
    subject = listed.get("credentialSubject") or {}
    if not problems and listed.get("id") != entry.get("statusListCredential"):
        problems.append(
            _("The status list is %(given)s, not the credential's %(expected)s.")
            % {"given": listed.get("id"), "expected": entry.get("statusListCredential")}
        )
    if not problems and (
        "BitstringStatusListCredential" not in (listed.get("type") or [])
        or subject.get("statusPurpose") != entry.get("statusPurpose")
    ):
        problems.append(_("The status list is not a revocation status list."))
    if problems:
        return None, problems
    try:
        index = int(entry["statusListIndex"])
    except (KeyError, ValueError):
        return None, [_("The credential's index is outside the status list.")]
    try:
        return status_bit(str(subject.get("encodedList", "")), index), []
    except CredentialError as error:
        return None, [str(error)]


def verify_credential(
    token: str | bytes,
    public_keys: Sequence[Ed25519PublicKey],
    *,
    status_list: str | bytes | None = None,
    local_status: bool = True,
) -> CredentialCheck:
    """Check a credential offline: its signature against `public_keys` (by key id), its shape
    against the Open Badges 3.0 schema, and its status: in `status_list` (the signed status
    list credential, as served at its `statusListCredential` URL) when given, else in this
    register's own database when the list is ours and `local_status`."""
    public_keys = list(public_keys)
    try:
        jws = _parse_jwt(read_token(token))
    except CredentialError as error:
        return CredentialCheck(ok=False, problems=[str(error)])
    credential = jws.payload
    problems = []
    if jws.header.get("typ") != JWT_TYPE:
        problems.append(
            _("The credential is not a VC-JWT (type %(typ)s).") % {"typ": jws.header.get("typ")}
        )
    signature_problems = _signature_problems(jws, public_keys)
    problems += signature_problems
    problems += shape_problems(credential)
    revoked = None
    entry = credential.get("credentialStatus")
    if not signature_problems and isinstance(entry, dict):
        if status_list is None and local_status:
            status_list = _local_status_list(str(entry.get("statusListCredential", "")))
        if status_list is not None:
            revoked, status_problems = _status_list_check(entry, status_list, public_keys)
            problems += status_problems
            if revoked:
                problems.append(
                    _(
                        "ENSA has revoked this credential: the certificate was "
                        "revoked, or replaced by a reissued one."
                    )
                )
    return CredentialCheck(
        ok=not problems, problems=problems, credential=credential, revoked=revoked
    )


def decoded(token: str) -> dict:
    """The credential inside a VC-JWT, without checking anything."""
    return _parse_jwt(read_token(token)).payload

"""Ed25519 signatures over a compact, canonical statement of a certificate.

A token is `<base64url(payload JSON)>.<base64url(signature)>`. The payload says the
serial, the learner's names in both scripts, the course titles, the hours and the
completion date, plus `k`, the id of the key that signed it (for rotation).

The private key comes from `settings.CERTIFICATE_SIGNING_KEY` (PEM). Outside production,
when it is empty, a key derived from SECRET_KEY is used so that development and tests
need no set-up; production settings refuse to start without a real key.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PAYLOAD_VERSION = 1


class SignatureError(Exception):
    """The token is malformed, or its signature does not match the public key."""


@dataclass(frozen=True)
class Payload:
    serial: str
    name_latin: str
    name_arabic: str
    course_fr: str
    course_ar: str
    hours: str
    date: str  # ISO completion date
    key_id: str = ""

    def canonical(self) -> bytes:
        return json.dumps(
            {
                "v": PAYLOAD_VERSION,
                "s": self.serial,
                "nl": self.name_latin,
                "na": self.name_arabic,
                "cf": self.course_fr,
                "ca": self.course_ar,
                "h": self.hours,
                "d": self.date,
                "k": self.key_id,
            },
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        ).encode("utf-8")

    @classmethod
    def from_canonical(cls, raw: bytes) -> Payload:
        try:
            values = json.loads(raw.decode("utf-8"))
            if values.get("v") != PAYLOAD_VERSION:
                raise SignatureError("Unknown payload version.")
            return cls(
                serial=values["s"],
                name_latin=values["nl"],
                name_arabic=values["na"],
                course_fr=values["cf"],
                course_ar=values["ca"],
                hours=values["h"],
                date=values["d"],
                key_id=values.get("k", ""),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise SignatureError("The payload cannot be read.") from error


def payload_of(data) -> Payload:
    """The payload stating what a `CertificateData` prints."""
    return Payload(
        serial=data.serial,
        name_latin=data.learner_name_latin,
        name_arabic=data.learner_name_arabic,
        course_fr=data.course_title_fr,
        course_ar=data.course_title_ar,
        hours=data.hours,
        date=data.completion_date.isoformat(),
    )


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id(public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:8]


def load_private_key(pem: str | bytes) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(pem.encode() if isinstance(pem, str) else pem, None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("CERTIFICATE_SIGNING_KEY must be an Ed25519 private key.")
    return key


def load_public_key(pem: str | bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem.encode() if isinstance(pem, str) else pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("Not an Ed25519 public key.")
    return key


def public_key_pem(public_key: Ed25519PublicKey) -> str:
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def generate_private_key_pem() -> str:
    return (
        Ed25519PrivateKey.generate()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode("ascii")
    )


@cache
def _key_from_settings(pem: str, secret_key: str) -> Ed25519PrivateKey:
    if pem:
        return load_private_key(pem)
    seed = hashlib.sha256(b"ensa-certificates-development-key:" + secret_key.encode()).digest()
    return Ed25519PrivateKey.from_private_bytes(seed)


def signing_key() -> Ed25519PrivateKey:
    """The configured private key (a development key derived from SECRET_KEY when unset)."""
    from django.conf import settings

    return _key_from_settings(settings.CERTIFICATE_SIGNING_KEY, settings.SECRET_KEY)


def sign(payload: Payload, private_key: Ed25519PrivateKey | None = None) -> str:
    private_key = private_key or signing_key()
    payload = Payload(**{**payload.__dict__, "key_id": key_id(private_key.public_key())})
    raw = payload.canonical()
    return f"{_b64encode(raw)}.{_b64encode(private_key.sign(raw))}"


def verify(token: str, public_key: Ed25519PublicKey) -> Payload:
    """The payload of `token`; raises SignatureError unless `public_key` signed it."""
    try:
        encoded_payload, encoded_signature = token.strip().split(".")
        raw = _b64decode(encoded_payload)
        public_key.verify(_b64decode(encoded_signature), raw)
    except (ValueError, InvalidSignature) as error:
        raise SignatureError("The signature is not valid for this public key.") from error
    return Payload.from_canonical(raw)

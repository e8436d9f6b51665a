"""ENSA's Ed25519 key: it signs the QR code's statement (`statement.py`) and the Open Badges
credential (`credential.py`); `key_id` names it in both, for rotation.

The private key comes from `settings.CERTIFICATE_SIGNING_KEY` (PEM). Outside production,
when it is empty, a key derived from SECRET_KEY is used so that development and tests
need no set-up; production settings refuse to start without a real key.
"""

from __future__ import annotations

import hashlib
from functools import cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings


class SignatureError(Exception):
    """A signed statement is malformed, or its signature does not match the public key."""


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
    return _key_from_settings(settings.CERTIFICATE_SIGNING_KEY, settings.SECRET_KEY)

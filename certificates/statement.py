"""The signed statement a certificate's QR code carries, for checking a paper copy offline.

The QR code holds the language-neutral verification URL and, as its fragment, a compact
statement of what the certificate certifies, signed with ENSA's Ed25519 key:

    HTTPS://FORMATION.ENSA.MA/v/<verification code>#<statement>

- The statement is a CBOR array (RFC 8949)
  `[1, key id, serial, name (Latin), name (Arabic), course code, hours, completion date,
  signature]`: the key id is the first 4 bytes of the SHA-256 of the raw public key; the
  serial `ENSA-2026-000123` is the integer 2026000123 (text for any other form); a name is a
  byte string in Windows-1256 (one byte per Arabic or French letter) when it is shorter so,
  else text; hours an integer, or text such as "7,5"; the date the number of days since
  1970-01-01 (RFC 8943). The signature is the raw Ed25519 signature (64 bytes) of the CBOR
  encoding of the array of the first eight items.
- It is written in base45 (RFC 9285), as the EU digital COVID certificate was, with spaces
  and "%" percent-encoded so that the whole text is a valid URL; base45 and the scheme and
  host in capitals fit the QR alphanumeric mode (5.5 bits a character).
- The QR code is at most version 10 at error-correction level M (57 modules). A name that
  would not fit is shortened and ends with "…": the PDF's signature and the credential keep
  it in full.

The fragment is never sent to the server: a phone opens the page, `verify_certificate --qr`
checks the statement with nothing but ENSA's public key.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from io import BytesIO
from urllib.parse import unquote, urlsplit

import cbor2
import segno
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.utils.translation import gettext as _
from segno import consts as qr_modes

from .data import CertificateData
from .signing import SignatureError, key_id, signing_key

VERSION = 1
MAX_QR_VERSION = 10
QR_ERROR = "m"
# A fixed mask saves evaluating the eight candidates (most of segno's time); any mask is valid.
QR_MASK = 2
SHORTENED = "…"
KEY_ID_BYTES = 4
SIGNATURE_BYTES = 64
EPOCH = date(1970, 1, 1)
NAME_CHARSET = "cp1256"  # Windows-1256: Arabic letters and French accented letters
_SERIAL = re.compile(r"ENSA-(\d{4})-(\d{6})")
_HOURS = re.compile(r"0|[1-9][0-9]{0,5}")

BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_BASE45_VALUES = {char: value for value, char in enumerate(BASE45)}
ALPHANUMERIC = frozenset(BASE45)  # the QR alphanumeric mode has the same 45 characters


@dataclass(frozen=True)
class Statement:
    """What a certificate's QR code certifies, once its signature is checked."""

    serial: str
    name_latin: str
    name_arabic: str
    course_code: str
    hours: str
    completion_date: date
    key_id: str

    @property
    def shortened(self) -> bool:
        """A name did not fit in the QR code: it holds the name's beginning, then "…"."""
        return self.name_latin.endswith(SHORTENED) or self.name_arabic.endswith(SHORTENED)


# --- base45 (RFC 9285) --------------------------------------------------------------------


def b45encode(raw: bytes) -> str:
    chars = []
    for index in range(0, len(raw) - 1, 2):
        value = raw[index] * 256 + raw[index + 1]
        value, c = divmod(value, 45)
        e, d = divmod(value, 45)
        chars += (BASE45[c], BASE45[d], BASE45[e])
    if len(raw) % 2:
        d, c = divmod(raw[-1], 45)
        chars += (BASE45[c], BASE45[d])
    return "".join(chars)


def b45decode(text: str) -> bytes:
    """Raises ValueError on a character or a length base45 does not allow."""
    try:
        values = [_BASE45_VALUES[char] for char in text]
    except KeyError as error:
        raise ValueError("not base45") from error
    if len(values) % 3 == 1:
        raise ValueError("not base45")
    out = bytearray()
    for index in range(0, len(values), 3):
        chunk = values[index : index + 3]
        value = sum(v * 45**power for power, v in enumerate(chunk))
        if len(chunk) == 3:
            if value > 0xFFFF:
                raise ValueError("not base45")
            out += value.to_bytes(2, "big")
        else:
            if value > 0xFF:
                raise ValueError("not base45")
            out.append(value)
    return bytes(out)


def url_safe(text: str) -> str:
    """base45 text as a URL fragment: space and "%" percent-encoded (still alphanumeric)."""
    return text.replace("%", "%25").replace(" ", "%20")


# --- the statement's items ------------------------------------------------------------------


def _serial_item(serial: str) -> int | str:
    match = _SERIAL.fullmatch(serial)
    return int(match[1]) * 1_000_000 + int(match[2]) if match else serial


def _serial_of(item: int | str) -> str:
    if isinstance(item, int):
        year, number = divmod(item, 1_000_000)
        return f"ENSA-{year:04d}-{number:06d}"
    return item


def _name_item(name: str) -> bytes | str:
    try:
        single = name.encode(NAME_CHARSET)
    except UnicodeEncodeError:
        return name
    return single if len(single) < len(name.encode("utf-8")) else name


def _name_of(item: bytes | str) -> str:
    return item.decode(NAME_CHARSET) if isinstance(item, bytes) else item


def _hours_item(hours: str) -> int | str:
    return int(hours) if _HOURS.fullmatch(hours) else hours


def shorten(name: str, limit: int | None) -> str:
    """`name` cut to at most `limit` characters, the last being "…" when cut."""
    if limit is None or len(name) <= limit:
        return name
    return name[: max(limit - 1, 0)].rstrip() + SHORTENED


def _body(data: CertificateData, kid: bytes, limit: int | None) -> list:
    return [
        VERSION,
        kid,
        _serial_item(data.serial),
        _name_item(shorten(data.learner_name_latin, limit)),
        _name_item(shorten(data.learner_name_arabic, limit)),
        data.course_code,
        _hours_item(data.hours),
        (data.completion_date - EPOCH).days,
    ]


def _signed(body: list, private_key: Ed25519PrivateKey) -> str:
    signature = private_key.sign(cbor2.dumps(body))
    return url_safe(b45encode(cbor2.dumps([*body, signature])))


def sign_statement(data: CertificateData, private_key: Ed25519PrivateKey | None = None) -> str:
    """The signed statement of `data`, URL-safe base45, such that `qr_content` fits in a QR
    code of version 10 at level M: names are shortened only when they must be."""
    private_key = private_key or signing_key()
    kid = bytes.fromhex(key_id(private_key.public_key()))
    url = qr_url(data.verify_url)

    def attempt(limit: int | None) -> tuple[str, bool]:
        text = _signed(_body(data, kid, limit), private_key)
        return text, qr_bits(f"{url}#{text}") <= QR_CAPACITY_BITS

    text, fits = attempt(None)
    if fits:
        return text
    # The longest cut that fits: the size grows with the limit, give or take the few
    # characters the percent-encoding of a signature adds.
    low, high = 0, max(len(data.learner_name_latin), len(data.learner_name_arabic))
    best = attempt(0)[0]
    while low < high:
        middle = (low + high + 1) // 2
        candidate, fits = attempt(middle)
        if fits:
            low, best = middle, candidate
        else:
            high = middle - 1
    return best


# --- the QR code -----------------------------------------------------------------------------


def qr_url(url: str) -> str:
    """`url` with its scheme and host in capitals (they ignore case), so that they fit the QR
    alphanumeric mode; the path keeps its case."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return url
    rest = url[len(parts.scheme) + 3 + len(parts.netloc) :]
    return f"{parts.scheme.upper()}://{parts.netloc.upper()}{rest}"


def qr_content(data: CertificateData) -> str:
    """What the QR code holds: the language-neutral verification URL and, as its fragment,
    the signed statement (none when `data` has none yet)."""
    url = qr_url(data.verify_url)
    return f"{url}#{data.signed_payload}" if data.signed_payload else url


# Versions 10 to 26 count alphanumeric characters on 11 bits and bytes on 16.
_HEADER_BITS = {qr_modes.MODE_ALPHANUMERIC: 4 + 11, qr_modes.MODE_BYTE: 4 + 16}
QR_CAPACITY_BITS = 216 * 8  # data codewords of version 10 at level M


def qr_segments(text: str) -> list[tuple[str, int]]:
    """`text` cut into alphanumeric and byte segments so that it takes the fewest bits."""
    modes = (qr_modes.MODE_ALPHANUMERIC, qr_modes.MODE_BYTE)
    if not text:
        return [(text, qr_modes.MODE_BYTE)]
    cost = {mode: math.inf for mode in modes}
    switched: list[dict[int, bool]] = []
    for index, char in enumerate(text):
        step_cost, step_switched = {}, {}
        for mode in modes:
            other = modes[1 - modes.index(mode)]
            if mode == qr_modes.MODE_ALPHANUMERIC and char not in ALPHANUMERIC:
                step_cost[mode], step_switched[mode] = math.inf, False
                continue
            char_bits = 5.5 if mode == qr_modes.MODE_ALPHANUMERIC else 8 * len(char.encode("utf-8"))
            start = (0 if index == 0 else cost[other]) + _HEADER_BITS[mode]
            stay = cost[mode] if index else math.inf
            step_switched[mode] = start < stay
            step_cost[mode] = min(start, stay) + char_bits
        cost = step_cost
        switched.append(step_switched)
    mode = min(modes, key=lambda m: cost[m])
    segments: list[tuple[str, int]] = []
    end = len(text)
    for index in range(len(text) - 1, -1, -1):
        if switched[index][mode]:
            segments.append((text[index:end], mode))
            end = index
            mode = modes[1 - modes.index(mode)]
    return segments[::-1]


def qr_bits(text: str) -> int:
    """The data bits `text` takes in a QR code of version 10 to 26."""
    total = 0
    for segment, mode in qr_segments(text):
        total += _HEADER_BITS[mode]
        if mode == qr_modes.MODE_ALPHANUMERIC:
            total += 11 * (len(segment) // 2) + 6 * (len(segment) % 2)
        else:
            total += 8 * len(segment.encode("utf-8"))
    return total


def qr_code(text: str) -> segno.QRCode:
    """The QR code of `text` (error correction raised above M when the version allows)."""
    return segno.make(qr_segments(text), error=QR_ERROR, micro=False, mask=QR_MASK)


# --- reading -------------------------------------------------------------------------------


def _decode(raw: bytes) -> list:
    stream = BytesIO(raw)
    items = cbor2.CBORDecoder(stream, max_depth=2).decode()
    if stream.tell() != len(raw):
        raise ValueError("trailing bytes")
    return items


def _well_formed(items) -> bool:
    if not isinstance(items, list) or len(items) != 9 or items[0] != VERSION:
        return False
    kid, serial, latin, arabic, code, hours, days, signature = items[1:]
    return (
        isinstance(kid, bytes)
        and len(kid) == KEY_ID_BYTES
        and isinstance(serial, int | str)
        and not isinstance(serial, bool)
        and all(isinstance(name, bytes | str) for name in (latin, arabic))
        and isinstance(code, str)
        and isinstance(hours, int | str)
        and not isinstance(hours, bool)
        and isinstance(days, int)
        and not isinstance(days, bool)
        and 0 <= days < 100_000
        and isinstance(signature, bytes)
        and len(signature) == SIGNATURE_BYTES
    )


def read_statement(qr_text: str, public_keys: Iterable[Ed25519PublicKey]) -> Statement:
    """The statement in `qr_text` (what the QR code holds, or only its fragment), once its
    signature is checked with the public key of its key id. Raises SignatureError saying what
    failed."""
    text = qr_text.strip()
    if "#" in text:
        text = text.split("#", 1)[1]
    if not text:
        raise SignatureError(_("The QR code holds no signed statement."))
    try:
        items = _decode(b45decode(unquote(text)))
    except (ValueError, cbor2.CBORDecodeError, UnicodeDecodeError) as error:
        raise SignatureError(
            _("The statement cannot be read: the QR code was misread or altered.")
        ) from error
    if not _well_formed(items):
        raise SignatureError(_("The QR code holds no certificate statement that ENSA signs."))
    kid = items[1].hex()
    keys = {key_id(key): key for key in public_keys}
    if kid not in keys:
        raise SignatureError(
            _(
                "The statement was signed with key %(key_id)s, which is not among the public keys given."
            )
            % {"key_id": kid}
        )
    try:
        keys[kid].verify(items[8], cbor2.dumps(items[:8]))
    except InvalidSignature as error:
        raise SignatureError(
            _(
                "The statement's signature does not match what it says: it was altered, or not "
                "signed by ENSA."
            )
        ) from error
    try:
        return Statement(
            serial=_serial_of(items[2]),
            name_latin=_name_of(items[3]),
            name_arabic=_name_of(items[4]),
            course_code=items[5],
            hours=str(items[6]),
            completion_date=EPOCH + timedelta(days=items[7]),
            key_id=kid,
        )
    except UnicodeDecodeError as error:  # signed, so only a key used wrongly gets here
        raise SignatureError(
            _("The statement cannot be read: the QR code was misread or altered.")
        ) from error

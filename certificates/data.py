"""What a certificate states, as frozen values: the input of `pdf.render_certificate`.

No ORM here. `CertificateData.to_snapshot()` is what the register keeps, so that later
edits of users, courses or templates change nothing a certificate certifies.
"""

from __future__ import annotations

import base64
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date


@dataclass(frozen=True)
class Signatory:
    name_fr: str
    name_ar: str
    title_fr: str
    title_ar: str
    signature_png: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class TemplateData:
    """The wording and look of one version of a certificate template."""

    version: int
    name: str
    institution_fr: str
    institution_ar: str
    heading_fr: str
    heading_ar: str
    attests_fr: str
    attests_ar: str
    followed_fr: str
    followed_ar: str
    duration_fr: str  # "{hours}" is replaced by the number of hours
    duration_ar: str
    completed_fr: str  # "{date}" is replaced by the completion date
    completed_ar: str
    grade_fr: str  # "{grade}"
    grade_ar: str
    place_fr: str
    place_ar: str
    done_at_fr: str  # "{place}" and "{date}"
    done_at_ar: str
    serial_label_fr: str
    serial_label_ar: str
    verify_label_fr: str
    verify_label_ar: str
    signatories: tuple[Signatory, ...] = ()
    logo_png: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class CertificateData:
    serial: str
    verification_code: str
    learner_name_latin: str
    learner_name_arabic: str
    course_title_fr: str
    course_title_ar: str
    hours: str
    completion_date: date
    issue_date: date
    template: TemplateData
    verify_url: str  # language-neutral (models.verify_url)
    signed_payload: str  # the signed statement of the QR code (statement.sign_statement)
    grade: str | None = None
    course_code: str = ""  # ENSA's curriculum code: the QR statement names the course by it

    def to_snapshot(self, *, images: bool = True) -> dict:
        """A JSON-ready dict of every fact (images as base64, or left out)."""
        data = self
        if not images:
            template = replace(
                self.template,
                logo_png=None,
                signatories=tuple(
                    replace(s, signature_png=None) for s in self.template.signatories
                ),
            )
            data = replace(self, template=template)
        return encode_value(asdict(data))

    @classmethod
    def from_snapshot(cls, snapshot: dict) -> CertificateData:
        values = dict(snapshot)
        template = dict(values.pop("template"))
        template["signatories"] = tuple(
            Signatory(**decode_images(s)) for s in template.get("signatories", ())
        )
        values["template"] = TemplateData(**decode_images(template))
        values["completion_date"] = date.fromisoformat(values["completion_date"])
        values["issue_date"] = date.fromisoformat(values["issue_date"])
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


def encode_value(value):
    if isinstance(value, dict):
        return {k: encode_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [encode_value(v) for v in value]
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode_images(values: dict) -> dict:
    return {
        k: base64.b64decode(v["base64"]) if isinstance(v, dict) and "base64" in v else v
        for k, v in values.items()
    }

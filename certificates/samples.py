"""The default wording of a certificate and sample data for previews (no database), with
the demo signatories' signature images, drawn here."""

from __future__ import annotations

import math
import random
from dataclasses import replace
from datetime import date
from functools import cache
from io import BytesIO

from PIL import Image, ImageDraw

from .data import CertificateData, Signatory, TemplateData

DEFAULT_WORDING: dict[str, str] = {
    "institution_fr": "École Nationale Supérieure de l'Administration",
    "institution_ar": "المدرسة الوطنية العليا للإدارة",
    "heading_fr": "Attestation de formation",
    "heading_ar": "شهادة التكوين",
    "attests_fr": "L'École Nationale Supérieure de l'Administration atteste que",
    "attests_ar": "تشهد المدرسة الوطنية العليا للإدارة بأن",
    "followed_fr": "a suivi avec succès la formation",
    "followed_ar": "قد تابع(ت) بنجاح الدورة التكوينية",
    "duration_fr": "d'une durée de {hours} heures,",
    "duration_ar": "التي دامت {hours} ساعة،",
    "completed_fr": "achevée le {date}.",
    "completed_ar": "والمنتهية بتاريخ {date}.",
    "grade_fr": "Note obtenue : {grade}",
    "grade_ar": "النقطة المحصل عليها: {grade}",
    "place_fr": "Rabat",
    "place_ar": "الرباط",
    "done_at_fr": "Fait à {place}, le {date}",
    "done_at_ar": "حرر ب{place} في {date}",
    "serial_label_fr": "N° de série",
    "serial_label_ar": "الرقم التسلسلي",
    "verify_label_fr": "Vérifier l'authenticité : scanner le code QR ou ouvrir",
    "verify_label_ar": "للتحقق من صحة الشهادة: امسح رمز QR أو افتح الرابط",
}

SAMPLE_SIGNATORIES = (
    Signatory(
        name_fr="Nadia El Idrissi",
        name_ar="نادية الإدريسي",
        title_fr="Directrice de l'ENSA",
        title_ar="مديرة المدرسة الوطنية العليا للإدارة",
    ),
    Signatory(
        name_fr="Youssef Amrani",
        name_ar="يوسف العمراني",
        title_fr="Responsable pédagogique",
        title_ar="المسؤول البيداغوجي",
    ),
)


SIGNATURE_SIZE = (360, 124)  # pixels, drawn 4 times larger then reduced (smooth edges)
SIGNATURE_INK = (22, 38, 110, 255)


@cache
def signature_png(name: str) -> bytes:
    """A signature image for a demo signatory: a handwritten-looking flourish drawn from a
    seed taken from `name` (the same name always gives the same PNG), on a transparent
    background. Not anybody's signature: the demo has no real signatory."""
    rng = random.Random(name)  # noqa: S311 - a drawing, not a secret
    factor = 4
    width, height = SIGNATURE_SIZE[0] * factor, SIGNATURE_SIZE[1] * factor
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)

    def stroke(points: list[tuple[float, float]], nib: float) -> None:
        previous = None
        for x, y in points:
            if previous is not None:
                # Thinner where the pen moves fast, as with a real nib.
                speed = math.dist(previous, (x, y))
                radius = max(nib * (1.25 - min(speed / (9 * factor), 0.6)), factor * 0.9)
                draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=SIGNATURE_INK)
            previous = (x, y)

    # The name: a run of loops and humps (a prolate cycloid whose loops vary), the first one
    # taller like a capital, slanted to the right.
    letters = rng.randint(6, 8)
    left, right = width * 0.06, width * rng.uniform(0.70, 0.80)
    middle = height * rng.uniform(0.50, 0.56)
    heights = [rng.uniform(0.10, 0.26) * height for _ in range(letters)]
    heights[0] = rng.uniform(0.36, 0.42) * height
    widths = [rng.uniform(0.012, 0.05) * width for _ in range(letters)]
    slant = rng.uniform(0.25, 0.4)
    points = []
    steps = 1200
    for index in range(steps + 1):
        t = index / steps
        turn = t * letters * 2 * math.pi
        letter = min(int(t * letters), letters - 1)
        x = left + (right - left) * t - widths[letter] * math.sin(turn)
        rise = heights[letter] * (1 - math.cos(turn)) / 2
        y = middle - rise - 0.04 * height * math.sin(turn / 3)
        points.append((x + slant * (middle - y), y))
    stroke(points, nib=1.5 * factor)

    # The flourish underneath: one curve from the end of the name back under it.
    start = points[-1]
    end = (width * rng.uniform(0.12, 0.2), height * rng.uniform(0.78, 0.86))
    control_1 = (width * 0.98, height * rng.uniform(0.95, 1.05))
    control_2 = (width * 0.55, height * 0.60)
    curve = []
    for index in range(401):
        t = index / 400
        u = 1 - t
        curve.append(
            (
                u**3 * start[0]
                + 3 * u * u * t * control_1[0]
                + 3 * u * t * t * control_2[0]
                + t**3 * end[0],
                u**3 * start[1]
                + 3 * u * u * t * control_1[1]
                + 3 * u * t * t * control_2[1]
                + t**3 * end[1],
            )
        )
    stroke(curve, nib=1.2 * factor)

    buffer = BytesIO()
    image.resize(SIGNATURE_SIZE, Image.Resampling.LANCZOS).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def sample_signatories() -> tuple[Signatory, ...]:
    """The sample signatories with their drawn signatures."""
    return tuple(
        replace(person, signature_png=signature_png(person.name_fr))
        for person in SAMPLE_SIGNATORIES
    )


def sample_template(version: int = 0, name: str = "Sample") -> TemplateData:
    return TemplateData(
        version=version, name=name, signatories=sample_signatories(), **DEFAULT_WORDING
    )


def sample_certificate_data(
    *,
    template: TemplateData | None = None,
    verify_url: str = "https://formation.ensa.example/v/SAMPLE",
    signed_payload: str = "",
    serial: str = "ENSA-2026-000123",
) -> CertificateData:
    return CertificateData(
        serial=serial,
        verification_code="SAMPLE",
        learner_name_latin="Fatima-Zahra Benali",
        learner_name_arabic="فاطمة الزهراء بنعلي",
        course_title_fr="Intégrer la migration dans le Programme d'action de la commune (PAC)",
        course_title_ar="إدماج الهجرة في برنامج عمل الجماعة",
        hours="24",
        completion_date=date(2026, 11, 20),
        issue_date=date(2026, 11, 27),
        template=template or sample_template(),
        verify_url=verify_url,
        signed_payload=signed_payload,
        grade="16,5/20",
        course_code="ENSA-MIG-101",
    )

"""The default wording of a certificate and sample data for previews (no database)."""

from __future__ import annotations

from datetime import date

from .data import CertificateData, Signatory, TemplateFacts

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


def sample_template(version: int = 0, name: str = "Sample") -> TemplateFacts:
    return TemplateFacts(version=version, name=name, signatories=SAMPLE_SIGNATORIES, **DEFAULT_WORDING)


def sample_certificate_data(
    *,
    template: TemplateFacts | None = None,
    verify_url: str = "https://formation.ensa.example/fr/verify/SAMPLE/",
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
    )

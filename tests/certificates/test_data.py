"""The facts of a certificate as a frozen dataclass and as the JSON snapshot the register keeps."""

import json
from dataclasses import replace
from datetime import date

from certificates.data import CertificateData, decode_images, encode_value
from certificates.samples import sample_certificate_data


def test_a_snapshot_is_json_and_reads_back_as_the_same_facts_images_included():
    data = sample_certificate_data(signed_payload="abc.def")
    assert data.template.signatories[0].signature_png  # the sample has drawn signatures
    snapshot = json.loads(json.dumps(data.to_snapshot()))
    assert snapshot["completion_date"] == "2026-11-20"
    assert CertificateData.from_snapshot(snapshot) == data


def test_a_snapshot_without_images_leaves_out_the_logo_and_the_signatures_only():
    template = replace(sample_certificate_data().template, logo_png=b"\x89PNG logo")
    data = sample_certificate_data(template=template)
    back = CertificateData.from_snapshot(data.to_snapshot(images=False))
    assert back.template.logo_png is None
    assert [s.signature_png for s in back.template.signatories] == [None, None]
    assert [s.name_fr for s in back.template.signatories] == [
        s.name_fr for s in data.template.signatories
    ]
    assert replace(back, template=data.template) == data


def test_an_older_snapshot_reads_without_the_facts_it_did_not_know_and_ignores_unknown_ones():
    snapshot = sample_certificate_data().to_snapshot()
    del snapshot["grade"], snapshot["course_code"]
    snapshot["retired_fact"] = "kept in the register, not in the dataclass"
    data = CertificateData.from_snapshot(snapshot)
    assert (data.grade, data.course_code) == (None, "")
    assert data.serial == "ENSA-2026-000123"


def test_bytes_and_dates_are_encoded_in_nested_values_and_only_images_are_decoded():
    encoded = encode_value({"a": [b"\x00\xff", date(2026, 1, 2)], "b": (1, "x")})
    assert encoded == {"a": [{"base64": "AP8="}, "2026-01-02"], "b": [1, "x"]}
    assert decode_images({"png": {"base64": "AP8="}, "n": 3, "d": {"other": 1}}) == {
        "png": b"\x00\xff",
        "n": 3,
        "d": {"other": 1},
    }

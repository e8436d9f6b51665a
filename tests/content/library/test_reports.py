"""The administrators' report of handbook downloads (DownloadReportView)."""

import pytest

from content.library import services
from content.library.models import AccessLevel
from tests.factories.library import build_handbook
from tests.factories.users import administrator, learner, trainer


@pytest.mark.django_db
def test_administrators_see_the_download_report_and_others_do_not(
    client, library, sign_in_to_admin
):
    handbook = build_handbook(title="Guide des services", access_level=AccessLevel.PUBLIC)
    edition = handbook.editions.get()
    services.record_download(edition=edition, user=learner())
    sign_in_to_admin(administrator(is_staff=True))
    response = client.get("/admin/reports/handbook-downloads/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Guide des services" in html and "Oujda" in html
    csv = client.get("/admin/reports/handbook-downloads/?export=csv")
    assert b"Guide des services" in b"".join(csv.streaming_content)
    sign_in_to_admin(trainer(is_staff=True))
    assert client.get("/admin/reports/handbook-downloads/").status_code in {302, 403}

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl")])
def test_missing_page_answers_404_in_the_language_of_its_url(client, site, language, direction):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'lang="{language}" dir="{direction}"' in html
    assert "Page not found" not in html

"""The sample certificate (previews, the sample command, the tests): its signatures are drawn
by the project."""

from io import BytesIO

from PIL import Image

from certificates.samples import signature_png


def test_signatures_are_drawn_by_the_project_as_transparent_pngs():
    png = signature_png("Nadia El Idrissi")
    assert png == signature_png("Nadia El Idrissi")
    with Image.open(BytesIO(png)) as image:
        assert image.mode == "RGBA"
        alpha = image.getchannel("A")
        assert alpha.getextrema() == (0, 255)  # ink on a transparent background
        inked = alpha.point(lambda value: 255 if value > 128 else 0).histogram()[255]
        inked /= image.width * image.height
        assert 0.02 < inked < 0.3

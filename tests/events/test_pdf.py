import shutil

import pytest
import zxingcpp
from PIL import Image

from events.pdf import badges_pdf, text_direction
from events.services.badges import attendee_register
from tests.pdfs import pdf_font_names, pdf_pages_as_images, pdf_text

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(
    not shutil.which("pdftoppm"), reason="poppler-utils is not installed"
)

NAMES = [
    ("محمد الأمين بن عبد الله", "تعاونية الأركان فجيج", "visitor"),
    ("Claire Dubois", "Région Occitanie", "delegation"),
    (
        "عبد الرحمن بن محمد بن عبد الله الإدريسي الحسني الشريف",
        "Coopérative Al Baraka · تعاونية البركة",
        "exhibitor_staff",
    ),
    ("Samuel Okafor-Nwachukwu", "", "speaker"),
    ("فاطمة الزهراء", "Association Femmes de Berkane", "press"),
]


def rasterise(pdf: bytes, tmp_path) -> list[Image.Image]:
    return pdf_pages_as_images(pdf, tmp_path)


@pytest.fixture
def badges(fair_today):
    return [
        attendee_register(
            edition=fair_today, category=category, full_name=name, organisation=organisation
        )[1]
        for name, organisation, category in NAMES
    ]


@needs_poppler
@pytest.mark.parametrize("batch", [False, True], ids=["best mask", "batch mask"])
@pytest.mark.parametrize(("layout", "pages"), [("sheet", 2), ("single", 5)])
def test_every_qr_on_the_printed_pages_decodes_to_its_badge(badges, tmp_path, layout, pages, batch):
    images = rasterise(badges_pdf(badges, layout=layout, batch=batch), tmp_path)

    decoded = [result.text for image in images for result in zxingcpp.read_barcodes(image)]

    assert len(images) == pages
    assert sorted(decoded) == sorted(badge.code for badge in badges)


def test_arabic_names_are_text_in_reading_order(badges):
    text = pdf_text(badges_pdf(badges[:1], layout="single"))

    # The ligature of "الله" is one glyph, which the text layer spells ahead of the line, so
    # the test reads the words before it.
    assert "محمد الأمين بن عبد" in text
    assert "تعاونية الأركان فجيج" in text
    assert "المعرض الجهوي للاقتصاد الاجتماعي والتضامني" in text


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_a_badge_is_set_in_the_bundled_fonts_only(badges, language):
    # A font the host happens to have (DejaVu, Liberation) would make the badge differ
    # from one machine to the next.
    fonts = pdf_font_names(badges_pdf(badges, layout="sheet", language=language))

    assert fonts == {"Noto-Naskh-Arabic", "Noto-Naskh-Arabic-Bold", "Noto-Sans", "Noto-Sans-Bold"}


@needs_poppler
def test_a_blank_badge_has_a_line_to_write_the_name_on(fair_today, tmp_path):
    _attendee, badge = attendee_register(edition=fair_today, category="visitor")

    images = rasterise(badges_pdf([badge]), tmp_path)

    assert [r.text for r in zxingcpp.read_barcodes(images[0])] == [badge.code]


def test_text_direction():
    assert text_direction("ليلى") == "rtl"
    assert text_direction("Leila") == "ltr"
    assert text_direction("2027 تعاونية") == "rtl"
    assert text_direction("") == "ltr"

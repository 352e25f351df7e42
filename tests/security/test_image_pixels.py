"""A small file that decodes to a huge image (a decompression bomb) is refused wherever images
are uploaded, before any rendition is made: Wagtail's images, a cooperative's logo and its
products' photos, export-support attachments and partnership evidence."""

import io

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from exhibitors.models import Product
from exportsupport.forms import AttachmentForm, MultipleFileField
from partnerships.models import Commitment
from tests.factories import CooperativeFactory, UserFactory

pytestmark = pytest.mark.django_db


def bomb(name="photo.png") -> SimpleUploadedFile:
    """10000 × 10000 pixels of one colour: 100 million pixels in a few kilobytes."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000), 1).save(buffer, "PNG", optimize=True)
    assert len(buffer.getvalue()) < 50_000
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def photo(size=(2000, 1500), name="photo.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_the_limit_is_well_under_pillow_s():
    assert 10_000_000 <= settings.MAX_IMAGE_PIXELS <= 40_000_000
    assert settings.MAX_IMAGE_PIXELS < Image.MAX_IMAGE_PIXELS
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == settings.MAX_IMAGE_PIXELS


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (Product, "photo"),
        (Commitment, "evidence"),
    ],
)
def test_every_image_field_refuses_a_bomb_and_takes_a_photo(model, field):
    validators = model._meta.get_field(field).validators

    with pytest.raises(ValidationError) as refused, translation.override("fr"):
        for validator in validators:
            validator(bomb())
    for validator in validators:
        validator(photo())

    assert refused.value.code == "too_many_pixels"
    with translation.override("fr"):
        assert "10000 × 10000" in refused.value.messages[0]
        assert "25 millions de pixels" in refused.value.messages[0]


def test_an_export_support_attachment_bomb_is_refused():
    """Attachments come with the request (several at once) and later, one by one."""
    later = AttachmentForm(data={}, files={"file": bomb()})
    with pytest.raises(ValidationError) as with_the_request:
        MultipleFileField().clean([photo(), bomb()])

    assert not later.is_valid()
    assert later.errors.as_data()["file"][0].code == "too_many_pixels"
    assert with_the_request.value.error_list[0].code == "too_many_pixels"
    assert AttachmentForm(data={}, files={"file": photo()}).is_valid()


def test_the_portal_refuses_a_bomb_as_a_product_photo(client, homes):
    manager = UserFactory(language="fr")
    cooperative = CooperativeFactory(managers=[manager], language="fr")
    client.force_login(manager)
    url = f"/fr/portal/cooperatives/{cooperative.pk}/products/"
    fields = {"name_ar": "عسل", "name_fr": "Miel", "category": "honey", "description_fr": ""}

    refused = client.post(url, {**fields, "photo": bomb()}, follow=True)
    taken = client.post(url, {**fields, "photo": photo()}, follow=True)

    assert "millions de pixels" in refused.content.decode()
    assert taken.status_code == 200
    assert cooperative.products.count() == 1


def test_wagtail_refuses_a_bomb_before_any_rendition(client, homes):
    client.force_login(UserFactory(is_superuser=True))

    response = client.post(
        "/admin/images/add/",
        {"title": "Bomb", "file": bomb(), "collection": Collection.get_first_root_node().pk},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()

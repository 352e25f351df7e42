"""Exhibitor profiles: logo and photos uploaded from the portal as Wagtail images, the
public contact, and the pages in the reader's language and script."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from exhibitors.choices import ApplicationStatus as Status
from exhibitors.forms import CooperativeForm, CooperativePhotoForm
from exhibitors.models import CooperativePhoto
from exhibitors.services.cooperatives import cooperative_photo_add
from exhibitors.services.pages import directory_pages_ensure
from tests.exhibitors.files import EXE, png
from tests.exhibitors.test_portal import COOPERATIVE_FORM
from tests.factories import ApplicationFactory, CooperativeFactory, StandFactory, UserFactory
from tests.language import unmarked_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(homes):
    return directory_pages_ensure(homes=homes)


def confirmed(cooperative, edition, stand_type):
    return ApplicationFactory(
        edition=edition,
        cooperative=cooperative,
        stand_type=stand_type,
        status=Status.CONFIRMED,
        stand=StandFactory(stand_type=stand_type),
    )


def exe_as_png(name="photo.png"):
    return SimpleUploadedFile(name, EXE, content_type="image/png")


def test_a_logo_and_a_photo_uploaded_from_the_portal_show_as_renditions(
    client, manager, cooperative, directory, open_edition, stand_type
):
    confirmed(cooperative, open_edition, stand_type)
    client.force_login(manager)

    edited = client.post(
        f"/fr/portal/cooperatives/{cooperative.pk}/edit/",
        {**COOPERATIVE_FORM, "logo_upload": png("logo.png")},
    )
    added = client.post(
        f"/fr/portal/cooperatives/{cooperative.pk}/photos/",
        {"image": png("stand.png"), "caption_ar": "رواقنا", "caption_fr": "Notre stand"},
    )

    assert edited.status_code == 302 and added.status_code == 302
    cooperative.refresh_from_db()
    assert cooperative.logo.collection.name == "Exhibitors"
    assert not cooperative.logo.file.name.endswith("logo.png")  # stored under a random name
    photo = cooperative.photos.get()
    page = client.get(f"/fr/exhibitors/{cooperative.pk}/").content.decode()
    logo = cooperative.logo.get_rendition("max-160x160")
    picture = photo.image.get_rendition("fill-600x450")
    assert logo.url in page and picture.url in page
    img = re.search(rf'<img[^>]*src="{re.escape(picture.url)}"[^>]*>', page).group(0)
    assert 'loading="lazy"' in img and 'width="' in img and 'height="' in img
    assert 'alt="Notre stand"' in img
    listing = client.get("/fr/exhibitors/").content.decode()
    card_logo = cooperative.logo.get_rendition("max-96x96")
    assert re.search(rf'<img[^>]*alt="{re.escape(cooperative.name)}"[^>]*>', listing)
    assert card_logo.url in listing


def test_a_program_renamed_as_an_image_is_refused_with_the_reason(client, manager, cooperative):
    client.force_login(manager)

    photo = client.post(
        f"/fr/portal/cooperatives/{cooperative.pk}/photos/", {"image": exe_as_png()}, follow=True
    )
    logo = client.post(
        f"/ar/portal/cooperatives/{cooperative.pk}/edit/",
        {**COOPERATIVE_FORM, "logo_upload": exe_as_png("logo.png")},
    )

    assert "Seuls ces types de fichier sont acceptés : JPEG" in photo.content.decode()
    assert not cooperative.photos.exists()
    assert logo.status_code == 200  # the form again, with the reason in Arabic
    assert "logo_upload" in logo.context["form"].errors
    assert "لا تُقبل إلا أنواع الملفات التالية" in logo.context["form"].errors["logo_upload"][0]
    cooperative.refresh_from_db()
    assert cooperative.logo is None


def test_another_exhibitor_cannot_change_the_photos(client, manager, cooperative):
    photo = cooperative_photo_add(cooperative=cooperative, file=png(), by=manager)
    client.force_login(UserFactory())

    removed = client.post(reverse("exhibitors:photo_delete", args=[cooperative.pk, photo.pk]))
    added = client.post(reverse("exhibitors:photo_add", args=[cooperative.pk]), {"image": png()})

    assert removed.status_code == 404 and added.status_code == 404
    assert list(cooperative.photos.all()) == [photo]


def test_a_gallery_holds_six_photos_at_most(manager, cooperative):
    from exhibitors.errors import PhotoLimitReached

    for _n in range(CooperativePhoto.MAX_PER_COOPERATIVE):
        cooperative_photo_add(cooperative=cooperative, file=png(), by=manager)

    with pytest.raises(PhotoLimitReached):
        cooperative_photo_add(cooperative=cooperative, file=png(), by=manager)
    assert cooperative.photos.count() == CooperativePhoto.MAX_PER_COOPERATIVE


def latin_outside_lang(html: str) -> list[str]:
    main = html[html.index("<main") : html.index("</main>") + len("</main>")]
    return unmarked_words(f'<html lang="ar">{main}</html>', "ar")


@pytest.fixture
def arabic_exhibitor(manager, directory, open_edition, stand_type):
    cooperative = CooperativeFactory(
        managers=[manager],
        name="Cooperative Nahl Berkane",
        name_ar="تعاونية النحل بركان",
        commune_ar="بركان",
        commune_fr="Berkane",
        description_ar="عسل من جبال بني يزناسن.",
        description_fr="Miel des monts des Beni-Snassen.",
        public_email="nahl@fair.example",
        public_phone="+212 600 11 22 33",
        website="https://nahl.example",
    )
    cooperative.products.create(
        name_ar="عسل الزعتر",
        name_fr="Miel de thym",
        category="honey",
        description_ar="عسل طبيعي.",
        description_fr="Miel naturel.",
    )
    cooperative.certifications.create(kind="sanitary_approval", reference="ONSSA-1234")
    cooperative.logo = cooperative_photo_add(
        cooperative=cooperative, file=png(), by=manager, caption_fr="Le rucher"
    ).image
    cooperative.save()
    confirmed(cooperative, open_edition, stand_type)
    return cooperative


def test_arabic_pages_mark_every_latin_word_with_its_language(client, arabic_exhibitor):
    listing = client.get("/ar/exhibitors/").content.decode()
    profile = client.get(f"/ar/exhibitors/{arabic_exhibitor.pk}/").content.decode()

    assert "تعاونية النحل بركان" in listing and "عسل الزعتر" in listing
    assert "Miel de thym" not in listing
    assert latin_outside_lang(listing) == []
    assert latin_outside_lang(profile) == []
    assert "الترخيص الصحي (أونسا)" in profile
    assert '<span lang="fr" dir="ltr">Cooperative Nahl Berkane</span>' in profile
    assert '<span lang="fr" dir="ltr">nahl@fair.example</span>' in profile
    assert '<a href="tel:+212600112233"><bdi dir="ltr">+212 600 11 22 33</bdi></a>' in profile
    assert "عسل من جبال بني يزناسن." in profile and "عسل طبيعي." in profile


def test_the_french_profile_reads_in_french(client, arabic_exhibitor):
    profile = client.get(f"/fr/exhibitors/{arabic_exhibitor.pk}/").content.decode()

    assert "Berkane" in profile and "بركان" not in profile.replace("تعاونية النحل بركان", "")
    assert "Miel des monts des Beni-Snassen." in profile and "Miel naturel." in profile
    assert "عسل من جبال" not in profile
    assert '<span lang="ar" dir="rtl">تعاونية النحل بركان</span>' in profile


def test_the_public_contact_is_shown_only_when_filled(client, directory, open_edition, stand_type):
    cooperative = CooperativeFactory(email="own@fair.example", phone="+212 611 111 111")
    confirmed(cooperative, open_edition, stand_type)

    page = client.get(f"/fr/exhibitors/{cooperative.pk}/").content.decode()

    assert "own@fair.example" not in page and "611 111 111" not in page
    assert "mailto:" not in page and "tel:" not in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_keeps_the_commune_under_the_language_it_is_written_in():
    executor = MigrationExecutor(connection)
    before = [("exhibitors", "0005_staff_badges")]
    after = [("exhibitors", "0006_profiles_per_language_logo_photos")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Cooperative, Product = (
        old.get_model("exhibitors", "Cooperative"),
        old.get_model("exhibitors", "Product"),
    )
    common = {
        "legal_form": "cooperative",
        "registration_number": "X",
        "province": "nador",
        "sector": "crafts",
        "founded_in": 2000,
        "members": 5,
        "contact_name": "A",
        "email": "a@fair.example",
        "phone": "0600",
    }
    arabic = Cooperative.objects.create(name="A", name_ar="أ", commune="الناظور", **common)
    latin = Cooperative.objects.create(
        name="B", name_ar="ب", commune="Nador", publish_contact=True, **common
    )
    Product.objects.create(
        cooperative=arabic, name_ar="ع", name_fr="M", category="honey", description="عسل طبيعي"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    Cooperative, Product = (
        new.get_model("exhibitors", "Cooperative"),
        new.get_model("exhibitors", "Product"),
    )
    arabic, latin = Cooperative.objects.get(pk=arabic.pk), Cooperative.objects.get(pk=latin.pk)
    assert (arabic.commune_ar, arabic.commune_fr) == ("الناظور", "")
    assert (latin.commune_ar, latin.commune_fr) == ("", "Nador")
    assert (latin.public_email, arabic.public_email) == ("a@fair.example", "")
    product = Product.objects.get()
    assert (product.description_ar, product.description_fr) == ("عسل طبيعي", "")
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.parametrize(
    ("form", "field"), [(CooperativeForm, "logo_upload"), (CooperativePhotoForm, "image")]
)
def test_a_logo_or_a_photo_bomb_is_refused_before_any_image_is_made(form, field):
    from tests.security.test_image_pixels import bomb

    assert form.base_fields[field].clean(png()).name == "photo.png"  # a real PNG passes
    with pytest.raises(ValidationError) as refused:
        form.base_fields[field].clean(bomb())
    big = SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * (5 * 1024 * 1024))
    with pytest.raises(ValidationError) as too_large:
        form.base_fields[field].clean(big)

    assert refused.value.error_list[0].code == "too_many_pixels"
    assert too_large.value.error_list[0].code == "too_large"

"""The partnerships page under each language's home page, for sites set up before it existed.

A new installation has no home pages yet when it migrates: `setup_site` and `seed_demo`
make them, and the partnerships pages with them (`partnerships_pages_ensure`).
"""

import uuid

from django.db import migrations
from django.db.models import F
from django.utils import timezone

TITLES = {"ar": "الشراكات", "fr": "Partenariats", "en": "Partnerships"}
SLUG = "partnerships"
# Wagtail's page tree is a materialised path: four base-36 digits per level.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4


def _next_child_path(Page, parent) -> str:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-STEP:], 36) + 1 if last else 1
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return parent.path + digits.rjust(STEP, "0")


def partnerships_pages_create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("fairsite", "HomePage")
    PartnershipsPage = apps.get_model("partnerships", "PartnershipsPage")

    content_type, _created = ContentType.objects.get_or_create(
        app_label="partnerships", model="partnershipspage"
    )
    homes = list(HomePage.objects.filter(depth=2).select_related("locale").order_by("path"))
    existing = PartnershipsPage.objects.filter(locale_id__in=[home.locale_id for home in homes])
    key = existing.values_list("translation_key", flat=True).first() or uuid.uuid4()
    now = timezone.now()
    for home in homes:
        children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        if (
            children.filter(content_type=content_type).exists()
            or children.filter(slug=SLUG).exists()
        ):
            continue
        if PartnershipsPage.objects.filter(translation_key=key, locale_id=home.locale_id).exists():
            continue
        title = TITLES.get(home.locale.language_code, TITLES["en"])
        PartnershipsPage.objects.create(
            title=title,
            draft_title=title,
            slug=SLUG,
            content_type=content_type,
            path=_next_child_path(Page, home),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{SLUG}/",
            locale_id=home.locale_id,
            translation_key=key,
            live=True,
            has_unpublished_changes=False,
            show_in_menus=True,
            first_published_at=now,
            last_published_at=now,
        )
        Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("fairsite", "0002_pages_settings_outbox"),
        ("partnerships", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(partnerships_pages_create, migrations.RunPython.noop)]

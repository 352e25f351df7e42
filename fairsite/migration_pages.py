"""For data migrations that add a section page (the programme, the partnerships...) under
each language's home page on sites set up before the section existed.

Migrations see historical models, without Wagtail's tree methods: the page row is written
with its materialised path (four base-36 digits per level) worked out here.
"""

import uuid

from django.db.models import F
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4


def section_pages_create(apps, *, app_label: str, model_name: str, slug: str, titles: dict):
    """The page `app_label.model_name` at /<lang>/<slug>/ under every home page that has
    neither one nor a page with that slug; the languages' pages are translations of one
    another. `titles` by language code ("en" for any other)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("fairsite", "HomePage")
    Section = apps.get_model(app_label, model_name)

    content_type, _created = ContentType.objects.get_or_create(
        app_label=app_label, model=model_name.lower()
    )
    homes = list(HomePage.objects.filter(depth=2).select_related("locale").order_by("path"))
    existing = Section.objects.filter(locale_id__in=[home.locale_id for home in homes])
    key = existing.values_list("translation_key", flat=True).first() or uuid.uuid4()
    now = timezone.now()
    for home in homes:
        children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        if (
            children.filter(content_type=content_type).exists()
            or children.filter(slug=slug).exists()
        ):
            continue
        if Section.objects.filter(translation_key=key, locale_id=home.locale_id).exists():
            continue
        title = titles.get(home.locale.language_code, titles["en"])
        Section.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=_next_child_path(Page, home),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{slug}/",
            locale_id=home.locale_id,
            translation_key=key,
            live=True,
            has_unpublished_changes=False,
            show_in_menus=True,
            first_published_at=now,
            last_published_at=now,
        )
        Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + 1)


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

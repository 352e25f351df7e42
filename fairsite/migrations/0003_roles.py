from django.db import migrations

from fairsite.roles import (
    APPLICATION_REVIEWERS,
    GATE_STAFF,
    ORGANISERS,
    PARTNERSHIPS_OFFICERS,
    PROGRAMME_EDITORS,
    permissions_create,
    roles_grant,
)

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
]

ROLE_PERMISSIONS = {
    ORGANISERS: [
        "wagtailadmin.access_admin",
        "fairsite.add_user",
        "fairsite.change_user",
        "fairsite.view_user",
        "fairsite.change_sitesettings",
        "events.add_edition",
        "events.change_edition",
        "events.delete_edition",
        "events.view_edition",
        "events.scan_badges",
        "events.add_venue",
        "events.change_venue",
        "events.delete_venue",
        "events.view_venue",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        "simple_translation.submit_translation",
    ],
    APPLICATION_REVIEWERS: ["wagtailadmin.access_admin", "events.view_edition"],
    PROGRAMME_EDITORS: ["wagtailadmin.access_admin", "events.view_edition", "events.view_venue"],
    PARTNERSHIPS_OFFICERS: ["wagtailadmin.access_admin", "events.view_edition"],
    GATE_STAFF: ["events.scan_badges"],
}


def create_roles(apps, schema_editor):
    permissions_create(apps)
    for role, permissions in ROLE_PERMISSIONS.items():
        roles_grant(apps, role, permissions)

    Group = apps.get_model("auth", "Group")
    # Wagtail's sample groups: the fair's roles replace them.
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()

    # Organisers edit every page, image and document of the site.
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    organisers = Group.objects.get(name=ORGANISERS)
    root_page = Page.objects.get(depth=1)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=organisers,
            page=root_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    root_collection = Collection.objects.get(depth=1)
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=organisers,
            collection=root_collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLE_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("fairsite", "0002_pages_settings_outbox"),
        ("events", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]

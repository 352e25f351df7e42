from django.db import migrations

from fairsite.roles import ORGANISERS, PROGRAMME_EDITORS, permissions_create, roles_grant

PROGRAMME = [
    f"events.{action}_{model}"
    for model in ("room", "track", "speaker", "session")
    for action in ("add", "change", "delete", "view")
] + ["events.view_sessionsignup", "events.view_sessionchange"]

ROLE_PERMISSIONS = {ORGANISERS: PROGRAMME, PROGRAMME_EDITORS: PROGRAMME}

# Programme editors upload and choose speakers' photos.
IMAGE_PERMISSIONS = ["add_image", "choose_image"]


def grant(apps, schema_editor):
    permissions_create(apps)
    for role, permissions in ROLE_PERMISSIONS.items():
        roles_grant(apps, role, permissions)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    editors = Group.objects.get(name=PROGRAMME_EDITORS)
    root = Collection.objects.get(depth=1)
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=editors,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_programme"),
        ("fairsite", "0003_roles"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

from django.db import migrations

from fairsite.roles import ORGANISERS, PARTNERSHIPS_OFFICERS, permissions_create, roles_grant

PARTNERSHIPS = [
    f"partnerships.{action}_{model}"
    for model in (
        "partnerregion",
        "agreement",
        "commitment",
        "partnershipmeeting",
        "b2bparticipant",
        "meetingrequest",
        "b2bblock",
        "b2bmeeting",
    )
    for action in ("add", "change", "delete", "view")
]

ROLE_PERMISSIONS = {ORGANISERS: PARTNERSHIPS, PARTNERSHIPS_OFFICERS: PARTNERSHIPS}

# Partnerships officers upload and choose partner regions' logos (organisers already may).
IMAGE_PERMISSIONS = ["add_image", "choose_image"]


def grant(apps, schema_editor):
    permissions_create(apps)
    for role, permissions in ROLE_PERMISSIONS.items():
        roles_grant(apps, role, permissions)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    officers = Group.objects.get(name=PARTNERSHIPS_OFFICERS)
    root = Collection.objects.get(depth=1)
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=officers,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("fairsite", "0003_roles"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

from django.db import migrations

from fairsite.roles import ORGANISERS, PARTNERSHIPS_OFFICERS, images_grant, permissions_create, roles_grant

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


def grant(apps, schema_editor):
    permissions_create(apps)
    for role, permissions in ROLE_PERMISSIONS.items():
        roles_grant(apps, role, permissions)
    images_grant(apps, PARTNERSHIPS_OFFICERS)


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("fairsite", "0003_roles"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

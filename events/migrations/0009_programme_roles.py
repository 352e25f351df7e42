from django.db import migrations

from fairsite.roles import ORGANISERS, PROGRAMME_EDITORS, images_grant, permissions_create, roles_grant

PROGRAMME = [
    f"events.{action}_{model}"
    for model in ("room", "track", "speaker", "session")
    for action in ("add", "change", "delete", "view")
] + ["events.view_sessionsignup", "events.view_sessionchange"]

ROLE_PERMISSIONS = {ORGANISERS: PROGRAMME, PROGRAMME_EDITORS: PROGRAMME}


def grant(apps, schema_editor):
    permissions_create(apps)
    for role, permissions in ROLE_PERMISSIONS.items():
        roles_grant(apps, role, permissions)
    images_grant(apps, PROGRAMME_EDITORS)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_programme"),
        ("fairsite", "0003_roles"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

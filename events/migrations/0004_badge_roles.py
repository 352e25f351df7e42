from django.db import migrations

from fairsite.roles import ORGANISERS, permissions_create, roles_grant

ROLE_PERMISSIONS = {
    ORGANISERS: [
        f"events.{action}_{model}"
        for model in ("attendee", "badge", "gate")
        for action in ("add", "change", "delete", "view")
    ]
    + ["events.view_checkin"],
}


def grant(apps, schema_editor):
    permissions_create(apps)
    for role, permissions in ROLE_PERMISSIONS.items():
        roles_grant(apps, role, permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_attendee_how_heard"),
        ("fairsite", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

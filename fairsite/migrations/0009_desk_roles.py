"""Gate staff and organisers register walk-in visitors at the desk."""

from django.db import migrations

from fairsite.roles import roles_apply


def apply(apps, schema_editor):
    roles_apply(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("fairsite", "0008_phone_accounts_sms_outbox"),
        ("events", "0017_desk_permission"),
        ("privacy", "0003_roles"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]

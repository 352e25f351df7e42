"""Organisers see and process people's requests to be forgotten, set how long records are
kept, and see what each retention run erased."""

from django.db import migrations

from fairsite.roles import roles_apply


def apply(apps, schema_editor):
    roles_apply(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0002_retention"),
        ("fairsite", "0007_privacy_page"),
        ("events", "0015_attendee_phone_account_consents"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]

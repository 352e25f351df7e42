"""Organisers and programme editors run the call for proposals, a new role reviews them; the
organisers read the feedback, the programme editors the ratings of sessions."""

from django.db import migrations

from fairsite.roles import roles_apply


def apply(apps, schema_editor):
    roles_apply(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("fairsite", "0010_matchmaking_roles"),
        ("proposals", "0001_initial"),
        ("feedback", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]

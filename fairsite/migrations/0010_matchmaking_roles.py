"""Partnerships officers and organisers set the partner regions' priorities in the meetings;
the officers alone read what came of each meeting."""

from django.db import migrations

from fairsite.roles import roles_apply


def apply(apps, schema_editor):
    roles_apply(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("fairsite", "0009_desk_roles"),
        ("b2b", "0004_matchmaking"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]

"""Organisers keep the fair's opening hours; programme editors see them."""

from django.db import migrations

from fairsite.roles import roles_apply


def apply(apps, schema_editor):
    roles_apply(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("fairsite", "0005_role_matrix"),
        ("events", "0013_practical_information"),
        ("programme", "0002_from_events"),
        ("b2b", "0002_from_partnerships"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]

"""Every role's group made exactly what fairsite.roles.ROLE_MATRIX says (what the per-app
migrations granted, plus cooperatives in view for the partnerships officers' B2B links)."""

from django.db import migrations

from fairsite.roles import roles_apply


def apply(apps, schema_editor):
    roles_apply(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("fairsite", "0004_outbox_attachments"),
        ("events", "0010_programme_page"),
        ("exhibitors", "0005_staff_badges"),
        ("exportsupport", "0002_roles"),
        ("observatory", "0002_figures_pages_roles"),
        ("partnerships", "0005_public_flags"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]

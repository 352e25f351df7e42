"""The figures page under each language's home page, for sites set up before it existed, and
the organisers' right to choose what is published.

A new installation has no home pages yet when it migrates: `setup_site` and `seed_demo`
make them, and the figures pages with them (`figures_pages_ensure`).
"""

from django.db import migrations

from fairsite.migration_pages import section_pages_create
from fairsite.roles import ORGANISERS, permissions_create, roles_grant


def figures_pages_create(apps, schema_editor):
    section_pages_create(
        apps,
        app_label="observatory",
        model_name="FiguresPage",
        slug="figures",
        titles={"ar": "أرقام رئيسية", "fr": "Chiffres clés", "en": "Key figures"},
    )


def grant(apps, schema_editor):
    permissions_create(apps)
    roles_grant(apps, ORGANISERS, ["observatory.change_publishedfigures"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("observatory", "0001_initial"),
        ("fairsite", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(figures_pages_create, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]

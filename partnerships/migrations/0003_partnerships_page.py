"""The partnerships page under each language's home page, for sites set up before it existed.

A new installation has no home pages yet when it migrates: `setup_site` and `seed_demo`
make them, and the partnerships pages with them (`partnerships_pages_ensure`).
"""

from django.db import migrations

from fairsite.migration_pages import section_pages_create


def partnerships_pages_create(apps, schema_editor):
    section_pages_create(
        apps,
        app_label="partnerships",
        model_name="PartnershipsPage",
        slug="partnerships",
        titles={"ar": "الشراكات", "fr": "Partenariats", "en": "Partnerships"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("fairsite", "0002_pages_settings_outbox"),
        ("partnerships", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(partnerships_pages_create, migrations.RunPython.noop)]

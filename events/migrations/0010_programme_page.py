"""The programme page under each language's home page, for sites set up before it existed.

A new installation has no home pages yet when it migrates: `setup_site` and `seed_demo`
make them, and the programme pages with them (`programme_pages_ensure`).
"""

from django.db import migrations

from fairsite.migration_pages import section_pages_create


def programme_pages_create(apps, schema_editor):
    # The model moved to the programme app later (programme/0001): where this runs in order
    # it is still in events; run against today's models, it is in programme.
    moved = "programme" in {app_config.label for app_config in apps.get_app_configs()}
    section_pages_create(
        apps,
        app_label="programme" if moved else "events",
        model_name="ProgrammePage",
        slug="programme",
        titles={"ar": "البرنامج", "fr": "Programme", "en": "Programme"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0009_programme_roles"),
        ("fairsite", "0002_pages_settings_outbox"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(programme_pages_create, migrations.RunPython.noop)]
